#!/usr/bin/env ruby
# frozen_string_literal: true

# Interop generator, Ruby: tokens made by the jwt gem (ruby-jwt) for
# pkg-tests/interop-vectors.json, and its verdicts on the tokens jwt-wasm signs (the reverse
# direction).
#
# Not run by CI or the tests: the fixture it feeds is committed. To rerun it (Debian's packages;
# the gem from rubygems works the same way):
#   apt-get install ruby ruby-jwt
#   ruby scripts/interop/ruby.rb /tmp/interop/jwt-wasm-tokens.json > /tmp/interop/ruby.json
# then scripts/interop/assemble.mjs (which says the whole sequence).
#
# Each case's "code" is the exact source text that made the token (it is eval'd here).
# "payloadJson" and "headerJson" are what the gem itself decodes from the token without verifying
# it, written back by Ruby's JSON; "expect" is written by hand: the outcome a jose-compatible
# verifier must give with "options" at "now". "libraryVerdict" is the gem's own JWT.decode with
# the equivalent options, Time.now fixed at "now".
require 'base64'
require 'bigdecimal'
require 'json'
require 'jwt'

NOW = 1_700_000_000
SECRET = 'interop-secret-of-at-least-32-bytes!!'
OTHER_SECRET = 'not-the-secret-the-token-was-signed-with'
BINARY_SECRET = (0...64).map { |i| (i * 37 + 11) % 256 }.pack('C*')

# Time.now as the gem reads it, fixed for each library verdict.
$fixed_now = nil
class << Time
  alias_method :real_now, :now
  def now
    $fixed_now.nil? ? real_now : Time.at($fixed_now)
  end
end

def b64u(bytes)
  Base64.urlsafe_encode64(bytes, padding: false)
end

def secret_record(key)
  key.encoding == Encoding::BINARY ? { 'base64url' => b64u(key) } : { 'utf8' => key }
end

def fail_with(code, claim = nil, reason = nil)
  claim.nil? ? { 'code' => code } : { 'code' => code, 'claim' => claim, 'reason' => reason }
end

SIG = fail_with('ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
NOT_JSON = fail_with('ERR_JWT_INVALID')

ACCESS = {
  iss: 'https://auth.example', sub: 'user-42', aud: 'api', iat: NOW - 60, nbf: NOW - 60, exp: NOW + 900,
  jti: '6c1f2d0e-8f5a-4c7e-9a39-2c1b7f1e0a11', scope: 'read write', roles: ['user']
}.freeze
BASIC = { sub: 'user-42', iat: NOW - 60, exp: NOW + 900 }.freeze
NON_ASCII = {
  sub: 'user-42', exp: NOW + 900, name: 'José Müller', emoji: '😀👍🏽', clef: '𝄞', city: '東京',
  seps: "\u2028\u2029", rtl: "\u202enimda", ctrl: "\u0000\u001f\t\n", html: '</script><b>&amp;', 'clé' => 'valeur'
}.freeze
# Characters at and beyond U+20000 (a surrogate pair's high half carries bits past bit 16), which
# Ruby's JSON writes as raw UTF-8: 𠮷野家 (U+20BB7) as sub, U+2A6D6 in iss and aud, an emoji
# (U+1F600) beside them, in a custom claim and a claim name.
ASTRAL = {
  iss: "https://\u{2A6D6}.example", sub: "\u{20BB7}野家", aud: "\u{2A6D6}-api", exp: NOW + 900,
  shop: "😀\u{20BB7}野家😀", "\u{20BB7}" => 'a name beyond U+20000'
}.freeze
# The options that check them: a reading 0x10000 too low (U+10BB7, U+1A6D6) would not match.
ASTRAL_OPTIONS = { issuer: "https://\u{2A6D6}.example", subject: "\u{20BB7}野家", audience: "\u{2A6D6}-api", requiredClaims: ["\u{20BB7}"] }.freeze
# Ruby writes floats as 1.0e+20, 1.5e-07, 100.0; integers of any size exactly.
NUMBERS = {
  sub: 'user-42', exp: NOW + 900, f20: 1e20, f16: 1e16, tiny: 1.5e-7, sum: 0.1 + 0.2, hundred: 100.0,
  i70: 2**70, i53: 2**53 + 1, negzero: -0.0, neg: -1.5, yes: true, no: false, nothing: nil
}.freeze
SUPABASE = {
  iss: 'https://project.supabase.co/auth/v1', sub: '8d1a2b3c-0000-4000-8000-000000000042', aud: 'authenticated',
  exp: NOW + 3600, iat: NOW, email: 'ada@example.com', phone: '',
  app_metadata: { provider: 'email', providers: ['email'] }, user_metadata: { full_name: 'Ada Lovelace', avatar_url: nil },
  role: 'authenticated', aal: 'aal1', amr: [{ method: 'password', timestamp: NOW }],
  session_id: '5f2b1c1e-0000-4000-8000-000000000001', is_anonymous: false
}.freeze
HASURA = {
  sub: '42', iat: NOW, exp: NOW + 3600,
  'https://hasura.io/jwt/claims' => {
    'x-hasura-allowed-roles' => %w[user editor], 'x-hasura-default-role' => 'user',
    'x-hasura-user-id' => '42', 'x-hasura-org-id' => '7'
  }
}.freeze
# Time.now.to_f + 600: a float NumericDate, and a Time in a claim that is not a time claim.
FLOAT_TIMES = { sub: 'user-42', iat: NOW - 0.876543, exp: NOW + 600.123456, login_at: Time.at(NOW - 3600).utc }.freeze

def unverified(token)
  payload, header = JWT.decode(token, nil, false)
  [header, payload]
end

def as_json(value)
  JSON.generate(value)
rescue JSON::GeneratorError
  nil
end

UNMAPPED = %w[typ maxTokenAge crit].freeze

def verdict(token, key, options, now)
  algorithms = options.fetch('algorithms', %w[HS256 HS384 HS512])
  tolerance = options.fetch('clockTolerance', 0)
  tolerance = tolerance.to_s.delete_suffix('s').to_i
  decode_options = { algorithms: algorithms, leeway: tolerance, required_claims: options.fetch('requiredClaims', []) }
  if options.key?('audience')
    decode_options[:aud] = options['audience']
    decode_options[:verify_aud] = true
  end
  if options.key?('issuer')
    decode_options[:iss] = options['issuer']
    decode_options[:verify_iss] = true
  end
  if options.key?('subject')
    decode_options[:sub] = options['subject']
    decode_options[:verify_sub] = true
  end
  skipped = UNMAPPED.select { |name| options.key?(name) }
  answer = begin
    $fixed_now = now
    JWT.decode(token, key, true, decode_options)
    'ok'
  rescue StandardError => e
    "#{e.class}: #{e.message}"
  ensure
    $fixed_now = nil
  end
  skipped.empty? ? answer : "#{answer} (options without an equivalent here, not checked: #{skipped.join(', ')})"
end

CASES = []

def add(name, code, key: SECRET, verify_key: nil, options: {}, now: NOW, expect: 'ok', decode: 'ok', jose: nil, difference: nil, note: nil)
  token = eval(code) # rubocop:disable Security/Eval -- our own source text, recorded as it ran
  header, payload = unverified(token)
  options = { 'algorithms' => %w[HS256 HS384 HS512] }.merge(options.transform_keys(&:to_s))
  verify_key ||= key
  record = {
    'library' => 'ruby-jwt', 'name' => name, 'code' => code, 'given' => nil,
    'secret' => secret_record(verify_key), 'options' => options, 'now' => now, 'token' => token,
    'headerJson' => as_json(header), 'payloadJson' => as_json(payload),
    'expect' => expect, 'expectDecode' => decode,
    'libraryVerdict' => verdict(token, verify_key, options, now)
  }
  record['signedWith'] = secret_record(key) unless verify_key.equal?(key)
  unless jose.nil?
    record['jose'] = jose
    record['difference'] = difference
  end
  record['note'] = note unless note.nil?
  CASES << record
end

EXPIRED = fail_with('ERR_JWT_EXPIRED', 'exp', 'check_failed')
full = { issuer: 'https://auth.example', audience: 'api', requiredClaims: %w[exp iat jti] }
add 'access token, default header {alg} only', "JWT.encode(ACCESS, SECRET, 'HS256')", options: { algorithms: ['HS256'], **full }
add 'HS384 with kid and typ header fields (alg written last)', "JWT.encode(BASIC, SECRET, 'HS384', { kid: 'key-2024', typ: 'JWT' })", options: { algorithms: ['HS384'] }
add 'HS512 with typ at+jwt and an audience list', "JWT.encode(ACCESS.merge(aud: %w[api web]), SECRET, 'HS512', { typ: 'at+jwt' })", options: { typ: 'application/at+jwt', audience: 'web' }
add 'non-ASCII claims, raw UTF-8 (U+2028 unescaped)', "JWT.encode(NON_ASCII, SECRET, 'HS256')"
add 'claims beyond U+20000 (𠮷野家, U+2A6D6), raw UTF-8, checked by issuer, subject, audience', "JWT.encode(ASTRAL, SECRET, 'HS256')", options: ASTRAL_OPTIONS
add 'sub 𠮷野家 (U+20BB7, raw) where the subject is U+10BB7 (0x10000 lower)', "JWT.encode(ASTRAL, SECRET, 'HS256')",
    options: { subject: "\u{10BB7}野家", audience: "\u{2A6D6}-api" }, expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'sub', 'check_failed')
add 'iss with U+2A6D6 (raw) where the issuer has U+1A6D6 (0x10000 lower)', "JWT.encode(ASTRAL, SECRET, 'HS256')",
    options: { issuer: "https://\u{1A6D6}.example" }, expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss', 'check_failed')
add 'numbers as Ruby writes them (1.0e+20, 1.5e-07, 100.0, 2**70)', "JWT.encode(NUMBERS, SECRET, 'HS256')"
add 'Supabase-style claims', "JWT.encode(SUPABASE, SECRET, 'HS256')", options: { audience: 'authenticated', issuer: 'https://project.supabase.co/auth/v1' }
add 'Hasura-style claims', "JWT.encode(HASURA, SECRET, 'HS256', { kid: 'hasura' })", options: { requiredClaims: ['https://hasura.io/jwt/claims'] }
add 'float iat and exp (Time.now.to_f + 600), a Time in another claim', "JWT.encode(FLOAT_TIMES, SECRET, 'HS256')", options: { maxTokenAge: '1m' }
add 'a 64-byte binary secret, HS512', "JWT.encode(BASIC, BINARY_SECRET, 'HS512')", key: BINARY_SECRET
add 'a short secret', "JWT.encode(BASIC, 'my$ecretK3y', 'HS256')", key: 'my$ecretK3y'
add 'exp of 2**70 (beyond 2^64)', "JWT.encode({ sub: 'user-42', exp: 2**70 }, SECRET, 'HS256')"
add 'exp of 1e20, written 1.0e+20', "JWT.encode({ sub: 'user-42', exp: 1e20 }, SECRET, 'HS256')"
add 'nbf of 1e20, written 1.0e+20: not yet valid', "JWT.encode({ sub: 'user-42', nbf: 1e20 }, SECRET, 'HS256')",
    expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf', 'check_failed')
add 'wrong secret', "JWT.encode(BASIC, SECRET, 'HS256')", verify_key: OTHER_SECRET, expect: SIG
add 'expired a second ago', "JWT.encode({ sub: 'user-42', exp: NOW - 1 }, SECRET, 'HS256')", expect: EXPIRED
add 'exp equal to now is expired', "JWT.encode({ sub: 'user-42', exp: NOW }, SECRET, 'HS256')", expect: EXPIRED
add 'expired 20 s ago, within clockTolerance 30', "JWT.encode({ sub: 'user-42', exp: NOW - 20 }, SECRET, 'HS256')", options: { clockTolerance: 30 }
add 'nbf in the future', "JWT.encode({ sub: 'user-42', nbf: NOW + 120, exp: NOW + 900 }, SECRET, 'HS256')",
    expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'nbf', 'check_failed')
add 'wrong audience', "JWT.encode(ACCESS, SECRET, 'HS256')", options: { audience: 'billing' },
    expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'aud', 'check_failed')
add 'wrong issuer', "JWT.encode(ACCESS, SECRET, 'HS256')", options: { issuer: 'https://evil.example' },
    expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'iss', 'check_failed')
add 'HS384 token where only HS256 is allowed', "JWT.encode(BASIC, SECRET, 'HS384')", options: { algorithms: ['HS256'] },
    expect: fail_with('ERR_JOSE_ALG_NOT_ALLOWED')
add 'no typ where typ JWT is required', "JWT.encode(BASIC, SECRET, 'HS256')", options: { typ: 'JWT' },
    expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'typ', 'check_failed')
add 'exp as a BigDecimal (Numeric, so the gem signs it) is written as a string',
    "JWT.encode({ sub: 'user-42', exp: BigDecimal('1700000600.5') }, SECRET, 'HS256')",
    expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp', 'invalid')
add 'exp as a Rational (Numeric) is written as the string "3400001201/2"',
    "JWT.encode({ sub: 'user-42', exp: Rational(3400001201, 2) }, SECRET, 'HS256')",
    expect: fail_with('ERR_JWT_CLAIM_VALIDATION_FAILED', 'exp', 'invalid')
add 'duplicate claim names: string keys merged with symbol keys (role "user", then role "admin")',
    "JWT.encode({ 'sub' => 'user-42', 'role' => 'user' }.merge(role: 'admin'), SECRET, 'HS256')",
    expect: NOT_JSON, decode: NOT_JSON, jose: { 'verify' => 'ok', 'decode' => 'ok' }, difference: 'duplicate member names'
add 'duplicate exp: a string "exp" the gem does not check beside a symbol :exp it does',
    "JWT.encode({ 'sub' => 'user-42', 'exp' => NOW - 3600, exp: NOW + 900 }, SECRET, 'HS256')",
    expect: NOT_JSON, decode: NOT_JSON, jose: { 'verify' => 'ok', 'decode' => 'ok' }, difference: 'duplicate member names'

# --- the reverse direction: jwt-wasm's tokens, verified here ---------------------------------------
def secret_of(record)
  record.key?('utf8') ? record['utf8'] : Base64.urlsafe_decode64(record['base64url'] + '=' * ((4 - record['base64url'].size % 4) % 4))
end

def reverse(path)
  JSON.parse(File.read(path, encoding: 'utf-8'))['tokens'].map do |token|
    v = token['verify']
    options = { algorithm: v['alg'] }
    options.merge!(aud: v['audience'], verify_aud: true) if v.key?('audience')
    options.merge!(iss: v['issuer'], verify_iss: true) if v.key?('issuer')
    payload, = JWT.decode(token['token'], secret_of(v['secret']), true, options)
    { 'library' => 'ruby-jwt', 'name' => token['name'], 'verdict' => 'ok', 'payloadJson' => as_json(payload) }
  rescue StandardError => e
    { 'library' => 'ruby-jwt', 'name' => token['name'], 'verdict' => 'error', 'error' => "#{e.class}: #{e.message}" }
  end
end

out = {
  'libraries' => {
    'ruby-jwt' => {
      'language' => 'Ruby', 'package' => 'jwt gem (Debian ruby-jwt)', 'version' => JWT::VERSION::STRING,
      'runtime' => "Ruby #{RUBY_VERSION}, json #{JSON::VERSION}"
    }
  },
  'cases' => CASES,
  'reverse' => ARGV[0] ? reverse(ARGV[0]) : [],
  'verifiedAt' => Time.real_now.to_i
}
puts JSON.pretty_generate(out)
