#!/usr/bin/env python3
# Interop generator, Python: tokens made by PyJWT, python-jose and joserfc (Authlib's JOSE
# library; authlib.jose itself is deprecated in its favour) for pkg-tests/interop-vectors.json,
# and the verdicts of these libraries on the tokens jwt-wasm signs (the reverse direction).
#
# Not run by CI or the tests: the fixture it feeds is committed. To rerun it (the libraries are
# needed only here, in a virtual environment of their own):
#   python3 -m venv /tmp/interop/py
#   /tmp/interop/py/bin/pip install pyjwt python-jose joserfc freezegun   # used: PyJWT 2.15.1, python-jose 3.5.0, joserfc 1.8.0, freezegun 1.5.5
#   /tmp/interop/py/bin/python scripts/interop/python.py /tmp/interop/jwt-wasm-tokens.json > /tmp/interop/python.json
# then scripts/interop/assemble.mjs (which says the whole sequence). freezegun only fixes the
# clock for each library's own verdict on its token ("libraryVerdict"); the tokens themselves do
# not depend on the clock: every time in them is written out below.
#
# Each case's "code" is the exact source text that made the token (it is eval'd here), and the
# claims objects it names are recorded as their Python repr in "given". "payloadJson" and
# "headerJson" are what the library itself decodes from the token (without verifying it),
# written back as JSON by Python's json module; the test compares them with what jose and
# jwt-wasm decode. "expect" is written by hand: the outcome a jose-compatible verifier must give
# with "options" at "now".
import base64
import importlib.metadata
import json
import platform
import sys
import time
import warnings
from datetime import datetime, timezone

import jwt  # PyJWT
import jose.jwt as jose_jwt  # python-jose
from joserfc import jwt as joserfc_jwt, jws as joserfc_jws
from joserfc.jwk import OctKey
from freezegun import freeze_time

warnings.simplefilter("ignore")  # PyJWT's InsecureKeyLengthWarning for the short-secret case

NOW = 1_700_000_000
SECRET = "interop-secret-of-at-least-32-bytes!!"
OTHER_SECRET = "not-the-secret-the-token-was-signed-with"
BINARY_SECRET = bytes((i * 37 + 11) % 256 for i in range(64))  # a fixed "random" 64-byte secret


def T(seconds):
    """A datetime at a NumericDate, as a backend computes datetime.now(timezone.utc) + timedelta."""
    return datetime.fromtimestamp(seconds, timezone.utc)


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def secret_record(key):
    return {"utf8": key} if isinstance(key, str) else {"base64url": b64u(key)}


def fail(code, claim=None, reason=None):
    out = {"code": code}
    if claim is not None:
        out["claim"] = claim
        out["reason"] = reason
    return out


SIG = fail("ERR_JWS_SIGNATURE_VERIFICATION_FAILED")
NOT_JSON = fail("ERR_JWT_INVALID")

# --- claims sets, as a backend builds them -----------------------------------------------------
ACCESS = {
    "iss": "https://auth.example", "sub": "user-42", "aud": "api",
    "iat": T(NOW - 60), "nbf": T(NOW - 60), "exp": T(NOW + 900),
    "jti": "6c1f2d0e-8f5a-4c7e-9a39-2c1b7f1e0a11", "scope": "read write", "roles": ["user"],
}
AUD_TUPLE = {**ACCESS, "aud": ("api", "web")}
NON_ASCII = {
    "sub": "user-42", "exp": T(NOW + 900), "name": "José Müller", "emoji": "😀👍🏽", "clef": "𝄞",
    "city": "東京", "seps": "\u2028\u2029", "rtl": "\u202enimda", "ctrl": "\x00\x1f\t\n",
    "html": "</script><b>&amp;", "clé": "valeur",
}
NUMBERS = {
    "sub": "user-42", "exp": T(NOW + 900), "f16": 1e16, "f22": 1e22, "tiny": 1.5e-7, "sum": 0.1 + 0.2,
    "i53": 2**53 + 1, "i64": 2**64, "i30": 10**30, "negzero": -0.0, "one": 1.0, "neg": -1.5,
    "yes": True, "no": False, "nothing": None,
}
SUPABASE = {
    "iss": "https://project.supabase.co/auth/v1", "sub": "8d1a2b3c-0000-4000-8000-000000000042",
    "aud": "authenticated", "exp": T(NOW + 3600), "iat": T(NOW), "email": "ada@example.com", "phone": "",
    "app_metadata": {"provider": "email", "providers": ["email"]},
    "user_metadata": {"full_name": "Ada Lovelace", "avatar_url": None},
    "role": "authenticated", "aal": "aal1", "amr": [{"method": "password", "timestamp": NOW}],
    "session_id": "5f2b1c1e-0000-4000-8000-000000000001", "is_anonymous": False,
}
HASURA = {
    "sub": "42", "iat": T(NOW), "exp": T(NOW + 3600),
    "https://hasura.io/jwt/claims": {
        "x-hasura-allowed-roles": ["user", "editor"], "x-hasura-default-role": "user",
        "x-hasura-user-id": "42", "x-hasura-org-id": "7",
    },
}
# time.time() + 600, as code that does not use datetime writes it: a float NumericDate.
FLOAT_TIMES = {"sub": "user-42", "iat": NOW - 0.876543, "exp": NOW + 600.123456}
DEEP = {"sub": "user-42", "exp": T(NOW + 900), "tree": None}
node = "leaf"
for _ in range(150):
    node = [node]
DEEP["tree"] = node
del node
BASIC = {"sub": "user-42", "iat": T(NOW - 60), "exp": T(NOW + 900)}
# Characters at and beyond U+20000, where a surrogate pair's high half carries bits past bit 16
# (json.dumps writes 𠮷 U+20BB7 as "\ud842\udfb7"): 𠮷野家 as sub, U+2A6D6 (the last of CJK
# Extension B) in iss and aud, an emoji (U+1F600) beside them, in a custom claim and a claim name.
ASTRAL = {
    "iss": "https://\U0002a6d6.example", "sub": "\U00020bb7野家", "aud": "\U0002a6d6-api",
    "exp": T(NOW + 900), "shop": "😀\U00020bb7野家😀", "\U00020bb7": "a name beyond U+20000",
}
# The options that check them: a reading 0x10000 too low (U+10BB7, U+1A6D6) would not match.
ASTRAL_OPTIONS = {"issuer": "https://\U0002a6d6.example", "subject": "\U00020bb7野家", "audience": "\U0002a6d6-api", "requiredClaims": ["\U00020bb7"]}

NS = {
    "jwt": jwt, "jose_jwt": jose_jwt, "joserfc_jwt": joserfc_jwt, "OctKey": OctKey, "T": T,
    "NOW": NOW, "SECRET": SECRET, "BINARY_SECRET": BINARY_SECRET, "datetime": datetime,
    "timezone": timezone, "ACCESS": ACCESS, "AUD_TUPLE": AUD_TUPLE, "NON_ASCII": NON_ASCII,
    "NUMBERS": NUMBERS, "SUPABASE": SUPABASE, "HASURA": HASURA, "FLOAT_TIMES": FLOAT_TIMES,
    "DEEP": DEEP, "BASIC": BASIC, "ASTRAL": ASTRAL,
}


# --- decoding and verifying with each library --------------------------------------------------
def unverified(library, token):
    """(header, payload) as the library itself decodes them without checking the signature."""
    if library == "PyJWT":
        return jwt.get_unverified_header(token), jwt.decode(token, options={"verify_signature": False})
    if library == "python-jose":
        return jose_jwt.get_unverified_header(token), jose_jwt.get_unverified_claims(token)
    compact = joserfc_jws.extract_compact(token.encode())
    return compact.protected, json.loads(compact.payload)


def as_json(value):
    """JSON text of a decoded value, or None where JSON cannot carry it (NaN, Infinity)."""
    try:
        return json.dumps(value, allow_nan=False)
    except ValueError:
        return None


UNMAPPED = ("typ", "maxTokenAge", "crit")


def verdict(library, token, key, options, now):
    """The library's own answer with the options it has equivalents for, its clock at now."""
    algorithms = options.get("algorithms", ["HS256", "HS384", "HS512"])
    tolerance = options.get("clockTolerance", 0)
    if isinstance(tolerance, str):
        tolerance = int(tolerance.rstrip("s"))
    skipped = [name for name in UNMAPPED if name in options]
    try:
        with freeze_time(T(now)):
            if library == "PyJWT":
                jwt.decode(
                    token, key, algorithms=algorithms, audience=options.get("audience"),
                    issuer=options.get("issuer"), subject=options.get("subject"), leeway=tolerance,
                    options={"require": options.get("requiredClaims", [])},
                )
            elif library == "python-jose":
                audience = options.get("audience")
                jose_jwt.decode(
                    token, key, algorithms=algorithms, audience=audience, issuer=options.get("issuer"),
                    subject=options.get("subject"), options={"leeway": tolerance, "verify_aud": audience is not None},
                )
            else:
                decoded = joserfc_jwt.decode(token, OctKey.import_key(key), algorithms=algorithms)
                requests = {}
                for option, claim in (("issuer", "iss"), ("subject", "sub"), ("audience", "aud")):
                    if option in options:
                        value = options[option]
                        requests[claim] = {"essential": True, ("values" if isinstance(value, list) else "value"): value}
                for claim in options.get("requiredClaims", []):
                    requests.setdefault(claim, {"essential": True})
                joserfc_jwt.JWTClaimsRegistry(now=now, leeway=tolerance, **requests).validate(decoded.claims)
        answer = "ok"
    except Exception as error:  # noqa: BLE001 - every library's own error class is the answer
        answer = f"{type(error).__name__}: {error}"
    if skipped:
        answer += f" (options without an equivalent here, not checked: {', '.join(skipped)})"
    return answer


CASES = []


def case(library, name, code, given=None, *, key=SECRET, verify_key=None, options=None, now=NOW,
         expect="ok", decode="ok", jose=None, difference=None, note=None):
    token = eval(code, NS)  # noqa: S307 - our own source text, recorded as it ran
    token = token.decode() if isinstance(token, bytes) else token
    header, payload = unverified(library, token)
    options = {"algorithms": ["HS256", "HS384", "HS512"], **(options or {})}
    verify_key = key if verify_key is None else verify_key
    record = {
        "library": library, "name": name, "code": code,
        "given": None if given is None else repr(NS[given]) if isinstance(given, str) else given,
        "secret": secret_record(verify_key), "options": options, "now": now, "token": token,
        "headerJson": as_json(header), "payloadJson": as_json(payload),
        "expect": expect, "expectDecode": decode,
        "libraryVerdict": verdict(library, token, verify_key, options, now),
    }
    if verify_key != key:
        record["signedWith"] = secret_record(key)
    if jose is not None:
        record["jose"] = jose
        record["difference"] = difference
    if note is not None:
        record["note"] = note
    if record["given"] is not None and len(record["given"]) > 600:
        record["given"] = record["given"][:600] + "..."
    CASES.append(record)


# --- PyJWT ---------------------------------------------------------------------------------------
P = "PyJWT"
full = {"issuer": "https://auth.example", "audience": "api", "requiredClaims": ["exp", "iat", "jti"]}
case(P, "access token, default header", 'jwt.encode(ACCESS, SECRET, algorithm="HS256")', "ACCESS", options={"algorithms": ["HS256"], **full})
case(P, "HS384, kid header, aud as a tuple", 'jwt.encode(AUD_TUPLE, SECRET, algorithm="HS384", headers={"kid": "key-2024"})', "AUD_TUPLE", options={"algorithms": ["HS384"], "audience": "web"})
case(P, "HS512, typ at+jwt header (RFC 9068)", 'jwt.encode(ACCESS, SECRET, algorithm="HS512", headers={"typ": "at+jwt"})', "ACCESS", options={"typ": "application/at+jwt", "audience": "api"})
case(P, "typ removed from the header (headers={'typ': None})", 'jwt.encode(BASIC, SECRET, algorithm="HS256", headers={"typ": None})', "BASIC")
case(P, "non-ASCII claims, escaped as \\uXXXX (surrogate pairs for astral characters)", 'jwt.encode(NON_ASCII, SECRET, algorithm="HS256")', "NON_ASCII")
case(P, "numbers as Python writes them (1e+16, 1e+22, 1.5e-07, -0.0, 2**64, 10**30)", 'jwt.encode(NUMBERS, SECRET, algorithm="HS256")', "NUMBERS")
case(P, "Supabase-style claims", 'jwt.encode(SUPABASE, SECRET, algorithm="HS256")', "SUPABASE", options={"audience": "authenticated", "issuer": "https://project.supabase.co/auth/v1"})
case(P, "Hasura-style claims", 'jwt.encode(HASURA, SECRET, algorithm="HS256", headers={"kid": "hasura"})', "HASURA", options={"requiredClaims": ["https://hasura.io/jwt/claims"]})
case(P, "float iat and exp (time.time() + 600)", 'jwt.encode(FLOAT_TIMES, SECRET, algorithm="HS256")', "FLOAT_TIMES", options={"maxTokenAge": "1m"})
case(P, "a 64-byte binary secret, HS512", 'jwt.encode(BASIC, BINARY_SECRET, algorithm="HS512")', "BASIC", key=BINARY_SECRET)
case(P, "a short secret ('secret', as tutorials use)", 'jwt.encode(BASIC, "secret", algorithm="HS256")', "BASIC", key="secret")
case(P, "150 levels of nested arrays", 'jwt.encode(DEEP, SECRET, algorithm="HS256")', "DEEP")
case(P, "iat a datetime with microseconds (truncated to the second)", 'jwt.encode({"sub": "user-42", "iat": datetime(2023, 11, 14, 22, 12, 20, 999999, tzinfo=timezone.utc)}, SECRET, algorithm="HS256")', options={"maxTokenAge": 60})
case(P, "exp of 2**64 (far future, beyond 2^53)", 'jwt.encode({"sub": "user-42", "exp": 2**64}, SECRET, algorithm="HS256")')
case(P, "non-ASCII kid and custom header members (escaped, nested)", 'jwt.encode(BASIC, SECRET, algorithm="HS256", headers={"kid": "clé-😀", "x-tenant": {"id": 7, "tags": ["é", None, 2.5]}})', "BASIC")
case(P, "an astral member name (escaped as a surrogate pair)", 'jwt.encode({"sub": "user-42", "😀": "grinning", "exp": T(NOW + 900)}, SECRET, algorithm="HS256")')
case(P, "claims beyond U+20000 (𠮷野家, U+2A6D6), escaped as surrogate pairs, checked by issuer, subject, audience", 'jwt.encode(ASTRAL, SECRET, algorithm="HS256")', "ASTRAL", options=ASTRAL_OPTIONS)
case(P, "sub 𠮷野家 (U+20BB7) where the subject is U+10BB7 (0x10000 lower, as a pair misread by OR gives)", 'jwt.encode(ASTRAL, SECRET, algorithm="HS256")', "ASTRAL",
     options={"subject": "\U00010bb7野家", "audience": "\U0002a6d6-api"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "check_failed"))
case(P, "iss with U+2A6D6 where the issuer has U+1A6D6 (0x10000 lower)", 'jwt.encode(ASTRAL, SECRET, algorithm="HS256")', "ASTRAL",
     options={"issuer": "https://\U0001a6d6.example", "audience": "\U0002a6d6-api"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "iss", "check_failed"))
case(P, "kid 𠮷 (U+20BB7) in the header, escaped", 'jwt.encode(BASIC, SECRET, algorithm="HS256", headers={"kid": "\U00020bb7-😀"})', "BASIC")
case(P, "float exp 29.999 s ago, within clockTolerance 30", 'jwt.encode({"sub": "user-42", "exp": NOW - 29.999}, SECRET, algorithm="HS256")', options={"clockTolerance": 30})
case(P, "float nbf 30.001 s ahead, beyond clockTolerance 30", 'jwt.encode({"sub": "user-42", "nbf": NOW + 30.001}, SECRET, algorithm="HS256")', options={"clockTolerance": 30}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "nbf", "check_failed"))
case(P, "float iat 60.5 s ago, beyond maxTokenAge 60", 'jwt.encode({"sub": "user-42", "iat": NOW - 60.5}, SECRET, algorithm="HS256")', options={"maxTokenAge": 60}, expect=fail("ERR_JWT_EXPIRED", "iat", "check_failed"))
case(P, "wrong secret", 'jwt.encode(BASIC, SECRET, algorithm="HS256")', "BASIC", verify_key=OTHER_SECRET, expect=SIG)
case(P, "expired a second ago", 'jwt.encode({"sub": "user-42", "exp": T(NOW - 1)}, SECRET, algorithm="HS256")', expect=fail("ERR_JWT_EXPIRED", "exp", "check_failed"))
case(P, "exp equal to now is expired", 'jwt.encode({"sub": "user-42", "exp": T(NOW)}, SECRET, algorithm="HS256")', expect=fail("ERR_JWT_EXPIRED", "exp", "check_failed"))
case(P, "expired 20 s ago, within clockTolerance 30s", 'jwt.encode({"sub": "user-42", "exp": T(NOW - 20)}, SECRET, algorithm="HS256")', options={"clockTolerance": "30s"})
case(P, "float exp half a second ahead is not expired", 'jwt.encode({"sub": "user-42", "exp": NOW + 0.5}, SECRET, algorithm="HS256")')
case(P, "float exp half a second behind a second later is expired", 'jwt.encode({"sub": "user-42", "exp": NOW + 0.5}, SECRET, algorithm="HS256")', now=NOW + 1, expect=fail("ERR_JWT_EXPIRED", "exp", "check_failed"))
case(P, "nbf in the future", 'jwt.encode({"sub": "user-42", "nbf": T(NOW + 120), "exp": T(NOW + 900)}, SECRET, algorithm="HS256")', expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "nbf", "check_failed"))
case(P, "nbf 20 s ahead, within clockTolerance 30", 'jwt.encode({"sub": "user-42", "nbf": T(NOW + 20), "exp": T(NOW + 900)}, SECRET, algorithm="HS256")', options={"clockTolerance": 30})
case(P, "wrong audience", 'jwt.encode(ACCESS, SECRET, algorithm="HS256")', "ACCESS", options={"audience": "billing"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "aud", "check_failed"))
case(P, "wrong issuer", 'jwt.encode(ACCESS, SECRET, algorithm="HS256")', "ACCESS", options={"issuer": "https://evil.example", "audience": "api"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "iss", "check_failed"))
case(P, "wrong subject", 'jwt.encode(ACCESS, SECRET, algorithm="HS256")', "ACCESS", options={"subject": "user-43", "audience": "api"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "check_failed"))
case(P, "HS512 token where only HS256 is allowed", 'jwt.encode(BASIC, SECRET, algorithm="HS512")', "BASIC", options={"algorithms": ["HS256"]}, expect=fail("ERR_JOSE_ALG_NOT_ALLOWED"))
case(P, "default typ JWT where at+jwt is required", 'jwt.encode(BASIC, SECRET, algorithm="HS256")', "BASIC", options={"typ": "at+jwt"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "typ", "check_failed"))
case(P, "older than maxTokenAge", 'jwt.encode({"sub": "user-42", "iat": T(NOW - 3600), "exp": T(NOW + 900)}, SECRET, algorithm="HS256")', options={"maxTokenAge": "30m"}, expect=fail("ERR_JWT_EXPIRED", "iat", "check_failed"))
case(P, "iat in the future under maxTokenAge", 'jwt.encode({"sub": "user-42", "iat": T(NOW + 300), "exp": T(NOW + 900)}, SECRET, algorithm="HS256")', options={"maxTokenAge": "30m", "clockTolerance": 60}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "iat", "check_failed"))
case(P, "no exp where exp is required", 'jwt.encode({"sub": "user-42"}, SECRET, algorithm="HS256")', options={"requiredClaims": ["exp"]}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "missing"))
case(P, "exp as a string (str(int(time.time()) + 600))", 'jwt.encode({"sub": "user-42", "exp": str(NOW + 600)}, SECRET, algorithm="HS256")', expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid"))
case(P, "exp None, written null", 'jwt.encode({"sub": "user-42", "exp": None}, SECRET, algorithm="HS256")', expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid"))
case(P, "exp True, written true", 'jwt.encode({"sub": "user-42", "exp": True}, SECRET, algorithm="HS256")', expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid"))
case(P, "NaN in a claim (json.dumps allows it: the payload is not JSON)", 'jwt.encode({"sub": "user-42", "score": float("nan"), "exp": T(NOW + 900)}, SECRET, algorithm="HS256")', expect=NOT_JSON, decode=NOT_JSON)
case(P, "exp of float('inf'), written Infinity (not JSON)", 'jwt.encode({"sub": "user-42", "exp": float("inf")}, SECRET, algorithm="HS256")', expect=NOT_JSON, decode=NOT_JSON)
case(P, "exp of 10**400, a 401-digit integer (Infinity to JSON.parse)", 'jwt.encode({"sub": "user-42", "exp": 10**400}, SECRET, algorithm="HS256")',
     expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "exp", "invalid"), jose={"verify": "ok", "decode": "ok"}, difference="non-finite time claim")
case(P, "duplicate claim names: the keys 1 and '1' both become \"1\"", 'jwt.encode({"sub": "user-42", 1: "one", "1": "uno", "exp": T(NOW + 900)}, SECRET, algorithm="HS256")',
     expect=NOT_JSON, decode=NOT_JSON, jose={"verify": "ok", "decode": "ok"}, difference="duplicate member names")
case(P, "duplicate claim names: True and 'true'", 'jwt.encode({"sub": "user-42", True: 1, "true": 2}, SECRET, algorithm="HS256")',
     expect=NOT_JSON, decode=NOT_JSON, jose={"verify": "ok", "decode": "ok"}, difference="duplicate member names")
case(P, "a lone surrogate from a surrogateescape-decoded name (b'caf\\xe9')", 'jwt.encode({"sub": "user-42", "name": b"caf\\xe9".decode("utf-8", "surrogateescape")}, SECRET, algorithm="HS256")',
     expect=NOT_JSON, decode=NOT_JSON, jose={"verify": "ok", "decode": "ok"}, difference="lone surrogate escape")

# --- python-jose ---------------------------------------------------------------------------------
J = "python-jose"
case(J, "access token, default header", 'jose_jwt.encode(ACCESS, SECRET, algorithm="HS256")', "ACCESS", options={"algorithms": ["HS256"], **full})
case(J, "HS384 with a kid header", 'jose_jwt.encode(BASIC, SECRET, algorithm="HS384", headers={"kid": "key-2024"})', "BASIC")
case(J, "non-ASCII claims", 'jose_jwt.encode(NON_ASCII, SECRET, algorithm="HS256")', "NON_ASCII")
case(J, "numbers", 'jose_jwt.encode(NUMBERS, SECRET, algorithm="HS512")', "NUMBERS")
case(J, "claims beyond U+20000 (𠮷野家, U+2A6D6), escaped as surrogate pairs, checked by issuer, subject, audience", 'jose_jwt.encode(ASTRAL, SECRET, algorithm="HS256")', "ASTRAL", options=ASTRAL_OPTIONS)
case(J, "aud with U+2A6D6 where the audience has U+1A6D6 (0x10000 lower)", 'jose_jwt.encode(ASTRAL, SECRET, algorithm="HS256")', "ASTRAL",
     options={"audience": "\U0001a6d6-api"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "aud", "check_failed"))
case(J, "sub 𠮷野家 (U+20BB7) where the subject is U+10BB7 (0x10000 lower)", 'jose_jwt.encode(ASTRAL, SECRET, algorithm="HS256")', "ASTRAL",
     options={"subject": "\U00010bb7野家"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "check_failed"))
case(J, "Supabase-style claims", 'jose_jwt.encode(SUPABASE, SECRET, algorithm="HS256")', "SUPABASE", options={"audience": "authenticated"})
case(J, "wrong secret", 'jose_jwt.encode(BASIC, SECRET, algorithm="HS256")', "BASIC", verify_key=OTHER_SECRET, expect=SIG)
case(J, "expired", 'jose_jwt.encode({"sub": "user-42", "exp": T(NOW - 1)}, SECRET, algorithm="HS256")', expect=fail("ERR_JWT_EXPIRED", "exp", "check_failed"))
case(J, "nbf in the future", 'jose_jwt.encode({"sub": "user-42", "nbf": T(NOW + 120)}, SECRET, algorithm="HS256")', expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "nbf", "check_failed"))
case(J, "wrong audience", 'jose_jwt.encode(ACCESS, SECRET, algorithm="HS256")', "ACCESS", options={"audience": "web"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "aud", "check_failed"))
case(J, "NaN in a claim", 'jose_jwt.encode({"sub": "user-42", "score": float("nan")}, SECRET, algorithm="HS256")', expect=NOT_JSON, decode=NOT_JSON)
case(J, "duplicate claim names (1 and '1')", 'jose_jwt.encode({"sub": "user-42", 1: "one", "1": "uno"}, SECRET, algorithm="HS256")',
     expect=NOT_JSON, decode=NOT_JSON, jose={"verify": "ok", "decode": "ok"}, difference="duplicate member names")

# --- joserfc ---------------------------------------------------------------------------------------
R = "joserfc"
case(R, "access token, header {alg} (joserfc adds typ JWT)", 'joserfc_jwt.encode({"alg": "HS256"}, ACCESS, OctKey.import_key(SECRET))', "ACCESS", options={"algorithms": ["HS256"], **full})
case(R, "HS512 with kid and typ at+jwt", 'joserfc_jwt.encode({"alg": "HS512", "kid": "key-2024", "typ": "at+jwt"}, ACCESS, OctKey.import_key(SECRET), algorithms=["HS512"])', "ACCESS", options={"typ": "at+jwt", "audience": "api"})
case(R, "non-ASCII claims, written as raw UTF-8", 'joserfc_jwt.encode({"alg": "HS256"}, NON_ASCII, OctKey.import_key(SECRET))', "NON_ASCII")
case(R, "numbers", 'joserfc_jwt.encode({"alg": "HS384"}, NUMBERS, OctKey.import_key(SECRET), algorithms=["HS384"])', "NUMBERS")
case(R, "non-ASCII kid (joserfc escapes the header, not the claims)", 'joserfc_jwt.encode({"alg": "HS256", "kid": "clé-😀"}, BASIC, OctKey.import_key(SECRET))', "BASIC")
case(R, "claims beyond U+20000 (𠮷野家, U+2A6D6), raw UTF-8, checked by issuer, subject, audience", 'joserfc_jwt.encode({"alg": "HS256"}, ASTRAL, OctKey.import_key(SECRET))', "ASTRAL", options=ASTRAL_OPTIONS)
case(R, "sub 𠮷野家 (U+20BB7, raw) where the subject is U+10BB7 (0x10000 lower)", 'joserfc_jwt.encode({"alg": "HS256"}, ASTRAL, OctKey.import_key(SECRET))', "ASTRAL",
     options={"subject": "\U00010bb7野家"}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "check_failed"))
case(R, "kid 𠮷 (U+20BB7) in the header, escaped as a surrogate pair", 'joserfc_jwt.encode({"alg": "HS256", "kid": "\U00020bb7-😀"}, BASIC, OctKey.import_key(SECRET))', "BASIC")
case(R, "Hasura-style claims", 'joserfc_jwt.encode({"alg": "HS256"}, HASURA, OctKey.import_key(SECRET))', "HASURA")
case(R, "a 64-byte binary secret", 'joserfc_jwt.encode({"alg": "HS256"}, BASIC, OctKey.import_key(BINARY_SECRET))', "BASIC", key=BINARY_SECRET)
case(R, "wrong secret", 'joserfc_jwt.encode({"alg": "HS256"}, BASIC, OctKey.import_key(SECRET))', "BASIC", verify_key=OTHER_SECRET, expect=SIG)
case(R, "expired", 'joserfc_jwt.encode({"alg": "HS256"}, {"sub": "user-42", "exp": T(NOW - 60)}, OctKey.import_key(SECRET))', expect=fail("ERR_JWT_EXPIRED", "exp", "check_failed"))
case(R, "wrong issuer", 'joserfc_jwt.encode({"alg": "HS256"}, ACCESS, OctKey.import_key(SECRET))', "ACCESS", options={"issuer": ["https://a.example", "https://b.example"]}, expect=fail("ERR_JWT_CLAIM_VALIDATION_FAILED", "iss", "check_failed"))
case(R, "NaN in a claim", 'joserfc_jwt.encode({"alg": "HS256"}, {"sub": "user-42", "score": float("nan")}, OctKey.import_key(SECRET))', expect=NOT_JSON, decode=NOT_JSON)
case(R, "duplicate claim names (1 and '1')", 'joserfc_jwt.encode({"alg": "HS256"}, {"sub": "user-42", 1: "one", "1": "uno"}, OctKey.import_key(SECRET))',
     expect=NOT_JSON, decode=NOT_JSON, jose={"verify": "ok", "decode": "ok"}, difference="duplicate member names")


# --- the reverse direction: jwt-wasm's tokens, verified here -----------------------------------------
def secret_bytes(record):
    return record["utf8"] if "utf8" in record else base64.urlsafe_b64decode(record["base64url"] + "==")


def reverse(path):
    results = []
    for token in json.load(open(path, encoding="utf-8"))["tokens"]:
        v = token["verify"]
        key = secret_bytes(v["secret"])
        for library in ("PyJWT", "python-jose", "joserfc"):
            try:
                if library == "PyJWT":
                    payload = jwt.decode(token["token"], key, algorithms=[v["alg"]], audience=v.get("audience"), issuer=v.get("issuer"))
                elif library == "python-jose":
                    payload = jose_jwt.decode(token["token"], key, algorithms=[v["alg"]], audience=v.get("audience"), issuer=v.get("issuer"))
                else:
                    decoded = joserfc_jwt.decode(token["token"], OctKey.import_key(key), algorithms=[v["alg"]])
                    requests = {}
                    if "audience" in v:
                        requests["aud"] = {"essential": True, "value": v["audience"]}
                    if "issuer" in v:
                        requests["iss"] = {"essential": True, "value": v["issuer"]}
                    joserfc_jwt.JWTClaimsRegistry(**requests).validate(decoded.claims)
                    payload = decoded.claims
                results.append({"library": library, "name": token["name"], "verdict": "ok", "payloadJson": as_json(payload)})
            except Exception as error:  # noqa: BLE001
                results.append({"library": library, "name": token["name"], "verdict": "error", "error": f"{type(error).__name__}: {error}"})
    return results


def version(dist):
    return importlib.metadata.version(dist)


runtime = f"CPython {platform.python_version()}"
out = {
    "libraries": {
        "PyJWT": {"language": "Python", "package": "PyJWT (PyPI)", "version": version("PyJWT"), "runtime": runtime},
        "python-jose": {"language": "Python", "package": "python-jose (PyPI)", "version": version("python-jose"), "runtime": runtime},
        "joserfc": {"language": "Python", "package": "joserfc (PyPI)", "version": version("joserfc"), "runtime": runtime},
    },
    "cases": CASES,
    "reverse": reverse(sys.argv[1]) if len(sys.argv) > 1 else [],
    "verifiedAt": int(time.time()),
}
json.dump(out, sys.stdout, indent=1)
sys.stdout.write("\n")
