// Interop generator, Go: tokens made by golang-jwt (github.com/golang-jwt/jwt/v4) for
// pkg-tests/interop-vectors.json, and its verdicts on the tokens jwt-wasm signs (the reverse
// direction).
//
// Not run by CI or the tests: the fixture it feeds is committed. To rerun it with Debian's
// packaged copy of the library (no module proxy needed; golang-jwt v4 has no dependencies):
//
//	apt-get install golang-go golang-github-golang-jwt-jwt-dev
//	mkdir -p /tmp/interop/go && cp scripts/interop/go.go /tmp/interop/go/main.go && cd /tmp/interop/go
//	printf 'module gogen\n\ngo 1.19\n\nrequire github.com/golang-jwt/jwt/v4 v4.4.3\n\nreplace github.com/golang-jwt/jwt/v4 => /usr/share/gocode/src/github.com/golang-jwt/jwt\n' > go.mod
//	GOPROXY=off GOFLAGS=-mod=mod go run . /tmp/interop/jwt-wasm-tokens.json > /tmp/interop/go.json
//
// then scripts/interop/assemble.mjs (which says the whole sequence).
//
// Each case's "code" is the source text of the expression that made the token, read back from
// this file at the line of the call (so it is what ran). "payloadJson" and "headerJson" are what
// the library itself decodes from the token without verifying it (numbers kept as written, with
// UseJSONNumber), written back by encoding/json; "expect" is written by hand: the outcome a
// jose-compatible verifier must give with "options" at "now". "libraryVerdict" is the library's
// own Parse with jwt.TimeFunc fixed at "now", MapClaims' checks and VerifyAudience/VerifyIssuer
// (v4 has no leeway, no required-claims option and no subject check).
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

const NOW = 1_700_000_000

var (
	SECRET        = []byte("interop-secret-of-at-least-32-bytes!!")
	OTHER_SECRET  = []byte("not-the-secret-the-token-was-signed-with")
	BINARY_SECRET = func() []byte {
		b := make([]byte, 64)
		for i := range b {
			b[i] = byte((i*37 + 11) % 256)
		}
		return b
	}()
)

// T is the time.Time of a NumericDate, as a backend computes time.Now().Add(15 * time.Minute).
func T(seconds int64) time.Time { return time.Unix(seconds, 0).UTC() }

type Outcome = map[string]any

func fail(code string, claim ...string) Outcome {
	if len(claim) == 0 {
		return Outcome{"code": code}
	}
	return Outcome{"code": code, "claim": claim[0], "reason": claim[1]}
}

var (
	SIG      = fail("ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
	NOT_JSON = fail("ERR_JWT_INVALID")
	EXPIRED  = fail("ERR_JWT_EXPIRED", "exp", "check_failed")
)

// AccessClaims is how Go services usually declare claims: the registered ones embedded.
type AccessClaims struct {
	Scope string   `json:"scope"`
	Roles []string `json:"roles"`
	jwt.RegisteredClaims
}

type SupabaseClaims struct {
	Email        string           `json:"email"`
	Phone        string           `json:"phone"`
	AppMetadata  map[string]any   `json:"app_metadata"`
	UserMetadata map[string]any   `json:"user_metadata"`
	Role         string           `json:"role"`
	AAL          string           `json:"aal"`
	AMR          []map[string]any `json:"amr"`
	SessionID    string           `json:"session_id"`
	IsAnonymous  bool             `json:"is_anonymous"`
	jwt.RegisteredClaims
}

// NullableExp forgets omitempty on a pointer: a nil exp is written "exp":null.
type NullableExp struct {
	Sub string           `json:"sub"`
	Exp *jwt.NumericDate `json:"exp"`
}

func (NullableExp) Valid() error { return nil }

var registered = jwt.RegisteredClaims{
	Issuer: "https://auth.example", Subject: "user-42", Audience: jwt.ClaimStrings{"api"},
	IssuedAt: jwt.NewNumericDate(T(NOW - 60)), NotBefore: jwt.NewNumericDate(T(NOW - 60)),
	ExpiresAt: jwt.NewNumericDate(T(NOW + 900)), ID: "6c1f2d0e-8f5a-4c7e-9a39-2c1b7f1e0a11",
}
var access = AccessClaims{Scope: "read write", Roles: []string{"user"}, RegisteredClaims: registered}
var basic = jwt.MapClaims{"sub": "user-42", "iat": NOW - 60, "exp": NOW + 900}
var nonASCII = jwt.MapClaims{
	"sub": "user-42", "exp": NOW + 900, "name": "José Müller", "emoji": "😀👍🏽", "clef": "𝄞", "city": "東京",
	"seps": "\u2028\u2029", "rtl": "\u202enimda", "ctrl": "\x00\x1f\t\n", "html": "</script><b>&amp;",
	"clé": "valeur", "latin1": "caf\xe9", // not UTF-8: encoding/json writes U+FFFD
}

// Characters at and beyond U+20000 (a surrogate pair's high half carries bits past bit 16), which
// encoding/json writes as raw UTF-8: 𠮷野家 (U+20BB7) as sub, U+2A6D6 in iss and aud, an emoji
// (U+1F600) beside them, in a custom claim and a claim name.
var astral = jwt.MapClaims{
	"iss": "https://\U0002A6D6.example", "sub": "\U00020BB7野家", "aud": "\U0002A6D6-api", "exp": NOW + 900,
	"shop": "😀\U00020BB7野家😀", "\U00020BB7": "a name beyond U+20000",
}

// The same claims as a gateway passes them on from a Python service's JSON (json.dumps escapes
// them as surrogate pairs): json.RawMessage keeps each value's text, and encoding/json copies it
// escapes and all.
var forwarded = jwt.MapClaims{
	"iss": json.RawMessage(`"https://\ud869\uded6.example"`), "sub": json.RawMessage(`"\ud842\udfb7\u91ce\u5bb6"`),
	"aud": json.RawMessage(`"\ud869\uded6-api"`), "exp": NOW + 900,
	"profile": json.RawMessage(`{"shop":"\ud83d\ude00\ud842\udfb7\u91ce\u5bb6\ud83d\ude00","\ud842\udfb7":"a name beyond U+20000"}`),
}

// The options that check them: a reading 0x10000 too low (U+10BB7, U+1A6D6) would not match.
var astralOptions = opts{"issuer": "https://\U0002A6D6.example", "subject": "\U00020BB7野家", "audience": "\U0002A6D6-api", "requiredClaims": []string{"\U00020BB7"}}

var numbers = jwt.MapClaims{
	"sub": "user-42", "exp": NOW + 900, "f21": 1e21, "f20": 1e20, "tiny": 1e-7, "sum": 0.1 + 0.2,
	"maxInt64": int64(math.MaxInt64), "minInt64": int64(math.MinInt64), "maxUint64": uint64(math.MaxUint64),
	"negzero": math.Copysign(0, -1), "neg": -1.5, "yes": true, "nothing": nil, "bytes": []byte{0xde, 0xad, 0xbe, 0xef},
}
var supabase = SupabaseClaims{
	Email: "ada@example.com", Phone: "", Role: "authenticated", AAL: "aal1", SessionID: "5f2b1c1e-0000-4000-8000-000000000001",
	AppMetadata:  map[string]any{"provider": "email", "providers": []string{"email"}},
	UserMetadata: map[string]any{"full_name": "Ada Lovelace", "avatar_url": nil},
	AMR:          []map[string]any{{"method": "password", "timestamp": NOW}},
	RegisteredClaims: jwt.RegisteredClaims{
		Issuer: "https://project.supabase.co/auth/v1", Subject: "8d1a2b3c-0000-4000-8000-000000000042",
		Audience: jwt.ClaimStrings{"authenticated"}, IssuedAt: jwt.NewNumericDate(T(NOW)), ExpiresAt: jwt.NewNumericDate(T(NOW + 3600)),
	},
}
var hasura = jwt.MapClaims{
	"sub": "42", "iat": NOW, "exp": NOW + 3600,
	"https://hasura.io/jwt/claims": map[string]any{
		"x-hasura-allowed-roles": []string{"user", "editor"}, "x-hasura-default-role": "user",
		"x-hasura-user-id": "42", "x-hasura-org-id": "7",
	},
}

// withHeader sets header members before signing, as services do with token.Header["kid"] = ...
func withHeader(t *jwt.Token, header map[string]any) *jwt.Token {
	for k, v := range header {
		t.Header[k] = v
	}
	return t
}

// withPrecision makes and signs a token with jwt.TimePrecision set (a package-level setting read
// by NewNumericDate and when the token is written), then restores it.
func withPrecision(p time.Duration, make func() *jwt.Token, key []byte) (string, error) {
	old := jwt.TimePrecision
	jwt.TimePrecision = p
	defer func() { jwt.TimePrecision = old }()
	return make().SignedString(key)
}

// singleAud signs with jwt.MarshalSingleStringAsArray = false (aud "api" rather than ["api"]).
func singleAud(t *jwt.Token, key []byte) (string, error) {
	jwt.MarshalSingleStringAsArray = false
	defer func() { jwt.MarshalSingleStringAsArray = true }()
	return t.SignedString(key)
}

func b64u(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func secretRecord(key []byte) map[string]string {
	if bytes.Equal(key, BINARY_SECRET) {
		return map[string]string{"base64url": b64u(key)}
	}
	return map[string]string{"utf8": string(key)}
}

// sourceLine is the expression of the call at file:line: the text between "return " and the
// end of the func literal given to add (gofmt may have put it on lines of its own).
func sourceLine(file string, line int) string {
	raw, err := os.ReadFile(file)
	if err != nil {
		panic(err)
	}
	text := strings.Join(strings.Split(string(raw), "\n")[line-1:], "\n")
	start := strings.Index(text, "return ") + len("return ")
	end := strings.Index(text[start:], "}, caseOptions")
	return strings.Join(strings.Fields(text[start:start+end]), " ")
}

func toJSON(v any) *string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil
	}
	s := strings.TrimSuffix(buf.String(), "\n")
	return &s
}

func unverified(token string) (map[string]any, jwt.MapClaims) {
	parser := jwt.Parser{UseJSONNumber: true}
	claims := jwt.MapClaims{}
	t, _, err := parser.ParseUnverified(token, claims)
	if err != nil {
		return nil, nil
	}
	return t.Header, claims
}

var unmapped = []string{"typ", "maxTokenAge", "crit", "clockTolerance", "requiredClaims", "subject"}

func verdict(token string, key []byte, options map[string]any, now int64) string {
	algorithms := []string{}
	for _, a := range options["algorithms"].([]string) {
		algorithms = append(algorithms, a)
	}
	jwt.TimeFunc = func() time.Time { return time.Unix(now, 0) }
	defer func() { jwt.TimeFunc = time.Now }()
	answer := "ok"
	parsed, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods(algorithms))
	if err != nil {
		answer = fmt.Sprintf("%T: %v", err, err)
	} else {
		claims := parsed.Claims.(jwt.MapClaims)
		if aud, ok := options["audience"].(string); ok && !claims.VerifyAudience(aud, true) {
			answer = "VerifyAudience: false"
		} else if iss, ok := options["issuer"].(string); ok && !claims.VerifyIssuer(iss, true) {
			answer = "VerifyIssuer: false"
		}
	}
	skipped := []string{}
	for _, name := range unmapped {
		if _, ok := options[name]; ok {
			skipped = append(skipped, name)
		}
	}
	if len(skipped) > 0 {
		answer += " (options without an equivalent here, not checked: " + strings.Join(skipped, ", ") + ")"
	}
	return answer
}

type opts = map[string]any

type caseOptions struct {
	key, verifyKey []byte
	options        opts
	now            int64
	expect         any
	decode         any
	jose           any
	difference     string
	note           string
}

var cases []map[string]any

func add(name string, sign func() (string, error), c caseOptions) {
	_, file, line, _ := runtime.Caller(1)
	token, err := sign()
	if err != nil {
		panic(fmt.Sprintf("%s: %v", name, err))
	}
	if c.key == nil {
		c.key = SECRET
	}
	if c.verifyKey == nil {
		c.verifyKey = c.key
	}
	if c.now == 0 {
		c.now = NOW
	}
	if c.expect == nil {
		c.expect = "ok"
	}
	if c.decode == nil {
		c.decode = "ok"
	}
	options := opts{"algorithms": []string{"HS256", "HS384", "HS512"}}
	for k, v := range c.options {
		options[k] = v
	}
	header, payload := unverified(token)
	record := map[string]any{
		"library": "golang-jwt", "name": name, "code": sourceLine(file, line), "given": nil,
		"secret": secretRecord(c.verifyKey), "options": options, "now": c.now, "token": token,
		"headerJson": toJSON(header), "payloadJson": toJSON(payload),
		"expect": c.expect, "expectDecode": c.decode,
		"libraryVerdict": verdict(token, c.verifyKey, options, c.now),
	}
	if !bytes.Equal(c.key, c.verifyKey) {
		record["signedWith"] = secretRecord(c.key)
	}
	if c.jose != nil {
		record["jose"] = c.jose
		record["difference"] = c.difference
	}
	if c.note != "" {
		record["note"] = c.note
	}
	cases = append(cases, record)
}

func main() {
	// Each case's func literal stays on the line of its add call: its text is the recorded code.
	add("access token: RegisteredClaims embedded in a struct (aud written as a one-item array)", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, access).SignedString(SECRET) }, caseOptions{options: opts{"algorithms": []string{"HS256"}, "issuer": "https://auth.example", "audience": "api", "requiredClaims": []string{"exp", "iat", "jti"}}})
	add("aud written as a single string (MarshalSingleStringAsArray = false)", func() (string, error) { return singleAud(jwt.NewWithClaims(jwt.SigningMethodHS256, access), SECRET) }, caseOptions{options: opts{"audience": "api"}})
	add("HS384 with a kid header", func() (string, error) {
		return withHeader(jwt.NewWithClaims(jwt.SigningMethodHS384, basic), opts{"kid": "key-2024"}).SignedString(SECRET)
	}, caseOptions{options: opts{"algorithms": []string{"HS384"}}})
	add("HS512 with typ at+jwt (RFC 9068)", func() (string, error) {
		return withHeader(jwt.NewWithClaims(jwt.SigningMethodHS512, access), opts{"typ": "at+jwt"}).SignedString(SECRET)
	}, caseOptions{options: opts{"typ": "application/at+jwt", "audience": "api"}})
	add("non-ASCII claims: encoding/json escapes <, >, &, U+2028, U+2029 and writes U+FFFD for invalid UTF-8", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, nonASCII).SignedString(SECRET)
	}, caseOptions{})
	add("claims beyond U+20000 (𠮷野家, U+2A6D6), raw UTF-8, checked by issuer, subject, audience", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, astral).SignedString(SECRET) }, caseOptions{options: astralOptions})
	add("sub 𠮷野家 (U+20BB7, raw) where the subject is U+10BB7 (0x10000 lower)", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, astral).SignedString(SECRET) }, caseOptions{options: opts{"subject": "\U00010BB7野家"}, expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "check_failed")})
	add("claims beyond U+20000 passed on as json.RawMessage, escaped as surrogate pairs, checked by issuer, subject, audience", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, forwarded).SignedString(SECRET)
	}, caseOptions{options: opts{"issuer": "https://\U0002A6D6.example", "subject": "\U00020BB7野家", "audience": "\U0002A6D6-api"}})
	add("sub \\ud842\\udfb7 (U+20BB7) in a json.RawMessage where the subject is U+10BB7 (0x10000 lower)", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, forwarded).SignedString(SECRET)
	}, caseOptions{options: opts{"subject": "\U00010BB7野家"}, expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "check_failed")})
	add("numbers as Go writes them (1e+21, 1e-7, -0, MaxInt64, MinInt64, MaxUint64, []byte as base64)", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, numbers).SignedString(SECRET) }, caseOptions{})
	add("Supabase-style claims (a struct)", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, supabase).SignedString(SECRET)
	}, caseOptions{options: opts{"audience": "authenticated", "issuer": "https://project.supabase.co/auth/v1"}})
	add("Hasura-style claims (MapClaims)", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, hasura).SignedString(SECRET) }, caseOptions{options: opts{"requiredClaims": []string{"https://hasura.io/jwt/claims"}}})
	add("millisecond NumericDates (TimePrecision = time.Millisecond)", func() (string, error) {
		return withPrecision(time.Millisecond, func() *jwt.Token {
			return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: "user-42", IssuedAt: jwt.NewNumericDate(time.UnixMilli(NOW*1000 - 876)), ExpiresAt: jwt.NewNumericDate(time.UnixMilli(NOW*1000 + 600_123))})
		}, SECRET)
	}, caseOptions{options: opts{"maxTokenAge": "1m"}})
	add("exp 500 ms ahead at millisecond precision is not expired", func() (string, error) {
		return withPrecision(time.Millisecond, func() *jwt.Token {
			return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.UnixMilli(NOW*1000 + 500))})
		}, SECRET)
	}, caseOptions{})
	add("exp 500 ms ahead at millisecond precision, a second later, is expired", func() (string, error) {
		return withPrecision(time.Millisecond, func() *jwt.Token {
			return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.UnixMilli(NOW*1000 + 500))})
		}, SECRET)
	}, caseOptions{now: NOW + 1, expect: EXPIRED})
	add("a kid with <, >, & and é (escaped by encoding/json in the header too)", func() (string, error) {
		return withHeader(jwt.NewWithClaims(jwt.SigningMethodHS256, basic), opts{"kid": "<k&1>é"}).SignedString(SECRET)
	}, caseOptions{})
	add("a 64-byte binary secret, HS512", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS512, basic).SignedString(BINARY_SECRET)
	}, caseOptions{key: BINARY_SECRET})
	add("wrong secret", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, basic).SignedString(SECRET) }, caseOptions{verifyKey: OTHER_SECRET, expect: SIG})
	add("expired a second ago", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: "user-42", ExpiresAt: jwt.NewNumericDate(T(NOW - 1))}).SignedString(SECRET)
	}, caseOptions{expect: EXPIRED})
	add("exp equal to now is expired", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: "user-42", ExpiresAt: jwt.NewNumericDate(T(NOW))}).SignedString(SECRET)
	}, caseOptions{expect: EXPIRED})
	add("nbf in the future", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: "user-42", NotBefore: jwt.NewNumericDate(T(NOW + 120))}).SignedString(SECRET)
	}, caseOptions{expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "nbf", "check_failed")})
	add("iat in the future (golang-jwt v4 refuses it; jose only under maxTokenAge)", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: "user-42", IssuedAt: jwt.NewNumericDate(T(NOW + 120))}).SignedString(SECRET)
	}, caseOptions{})
	add("wrong audience (aud an array)", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, access).SignedString(SECRET) }, caseOptions{options: opts{"audience": "billing"}, expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "aud", "check_failed")})
	add("wrong issuer", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, access).SignedString(SECRET) }, caseOptions{options: opts{"issuer": "https://evil.example"}, expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "iss", "check_failed")})
	add("HS512 token where only HS256 is allowed", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS512, basic).SignedString(SECRET) }, caseOptions{options: opts{"algorithms": []string{"HS256"}}, expect: fail("ERR_JOSE_ALG_NOT_ALLOWED")})
	add("default typ JWT where at+jwt is required", func() (string, error) { return jwt.NewWithClaims(jwt.SigningMethodHS256, basic).SignedString(SECRET) }, caseOptions{options: opts{"typ": "at+jwt"}, expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "typ", "check_failed")})
	add("older than maxTokenAge", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "user-42", "iat": NOW - 3600}).SignedString(SECRET)
	}, caseOptions{options: opts{"maxTokenAge": "30m"}, expect: fail("ERR_JWT_EXPIRED", "iat", "check_failed")})
	add("no exp (omitempty) where exp is required", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: "user-42"}).SignedString(SECRET)
	}, caseOptions{options: opts{"requiredClaims": []string{"exp"}}, expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "missing")})
	add("a nil *NumericDate without omitempty is written \"exp\":null", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, NullableExp{Sub: "user-42"}).SignedString(SECRET)
	}, caseOptions{expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid")})
	add("a time.Time put in MapClaims as exp is written as RFC 3339 text", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "user-42", "exp": T(NOW + 900)}).SignedString(SECRET)
	}, caseOptions{expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid")})
	add("exp as a string in MapClaims (golang-jwt v4 ignores it)", func() (string, error) {
		return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "user-42", "exp": "1700000900"}).SignedString(SECRET)
	}, caseOptions{expect: fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid")})

	var reverse []map[string]any
	if len(os.Args) > 1 {
		reverse = verifyReverse(os.Args[1])
	}
	version := "v4.4.3 (Debian golang-github-golang-jwt-jwt-dev)"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/golang-jwt/jwt/v4" {
				version = dep.Version
			}
		}
	}
	out := map[string]any{
		"libraries": map[string]any{
			"golang-jwt": map[string]any{"language": "Go", "package": "github.com/golang-jwt/jwt/v4 (Debian golang-github-golang-jwt-jwt-dev)", "version": version, "runtime": runtime.Version()},
		},
		"cases":      cases,
		"reverse":    reverse,
		"verifiedAt": time.Now().Unix(),
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}

func verifyReverse(path string) []map[string]any {
	raw, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	var file struct {
		Tokens []struct {
			Name   string `json:"name"`
			Token  string `json:"token"`
			Verify struct {
				Secret   map[string]string `json:"secret"`
				Alg      string            `json:"alg"`
				Audience *string           `json:"audience"`
				Issuer   *string           `json:"issuer"`
			} `json:"verify"`
		} `json:"tokens"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		panic(err)
	}
	var results []map[string]any
	for _, t := range file.Tokens {
		key := []byte(t.Verify.Secret["utf8"])
		if b, ok := t.Verify.Secret["base64url"]; ok {
			key, _ = base64.RawURLEncoding.DecodeString(b)
		}
		parser := jwt.NewParser(jwt.WithValidMethods([]string{t.Verify.Alg}), jwt.WithJSONNumber())
		parsed, err := parser.Parse(t.Token, func(*jwt.Token) (any, error) { return key, nil })
		result := map[string]any{"library": "golang-jwt", "name": t.Name}
		switch {
		case err != nil:
			result["verdict"], result["error"] = "error", fmt.Sprintf("%T: %v", err, err)
		case t.Verify.Audience != nil && !parsed.Claims.(jwt.MapClaims).VerifyAudience(*t.Verify.Audience, true):
			result["verdict"], result["error"] = "error", "VerifyAudience: false (audience)"
		case t.Verify.Issuer != nil && !parsed.Claims.(jwt.MapClaims).VerifyIssuer(*t.Verify.Issuer, true):
			result["verdict"], result["error"] = "error", "VerifyIssuer: false"
		default:
			result["verdict"], result["payloadJson"] = "ok", toJSON(parsed.Claims)
		}
		results = append(results, result)
	}
	return results
}
