// The token inspector. Every decision about a token (decoding, expiry verdicts, verification,
// signing, error codes) is made by the jwt-wasm module; this file reads the inputs and renders
// what the module answers.
import { decodeJwt, decodeProtectedHeader, expiryInfo, JwtError, jwtVerify, signJwt } from 'jwt-wasm';
import { describeStatus, escapeUnsafe, escapeUnsafeText, isValidDate, jsonText, OUT_OF_RANGE, REGISTERED_CLAIMS, relativeTime, secondsFrom, secretJwk, STATUS_LABELS, timeStatus } from './format.js';
import { expiredAt, parsePayload, shortSecretWarning, signPayload } from './payload.js';

const $ = (id) => document.getElementById(id);

/** `text` with its first letter a capital, as a sentence on the page starts. */
const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** Creates an element with a class and text (never HTML: token contents are untrusted). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const errorText = (error) =>
  error && error.code
    ? `${error.code}: ${error.message}${error.claim ? ` (claim "${error.claim}", ${error.reason ?? 'failed'})` : ''}`
    : String(error);

/** Marks a field invalid or not; with `describedBy`, ties the field to that error node while it
 * is invalid. */
function markInvalid(field, invalid, describedBy) {
  if (invalid) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
  if (describedBy === undefined) return;
  if (invalid) field.setAttribute('aria-describedby', describedBy);
  else field.removeAttribute('aria-describedby');
}

function showError(node, error) {
  // Re-rendering an unchanged error would make screen readers announce it again every second.
  const shown = error ? errorText(error) : '';
  if (node.dataset.shown === shown && node.hidden === !error) return;
  node.dataset.shown = shown;
  node.hidden = !error;
  node.replaceChildren();
  if (!error) return;
  if (error.code) node.append(el('code', 'error-code', error.code), ` ${error.message}`);
  else node.textContent = String(error);
  if (error.claim) node.append(` (claim `, el('code', '', error.claim), `, ${error.reason ?? 'failed'})`);
}

// ---------------------------------------------------------------------------------------------
// Samples: signed here, at load time, so the sample is always fresh.

const SAMPLE_SECRET = 'jwt-wasm-sample-secret-0123456789';
const SAMPLE_CLAIMS = {
  sub: 'user-42',
  name: 'Ada Lovelace',
  iss: 'https://auth.example',
  aud: 'api',
  scope: 'read:orders write:orders',
  jti: 'f3a1c9e2-7b4d-4e0a-9c2b-5d8e6f1a2b3c',
};

function sampleToken({ expired }) {
  const day = 86_400_000;
  const signedAt = expired ? new Date(Date.now() - 3 * day) : new Date();
  return signJwt(SAMPLE_CLAIMS, SAMPLE_SECRET, {
    header: { typ: 'JWT' },
    currentDate: signedAt,
    issuedAt: true,
    expirationTime: expired ? '1d' : '1h',
  });
}

// ---------------------------------------------------------------------------------------------
// The encoded token: the textarea with a coloured copy of its text behind it.

const tokenInput = $('token');

function currentToken() {
  return tokenInput.value.trim();
}

/** Past this many UTF-16 units of token the input is shown as plain text, without the coloured
 * copy: a token that long is refused anyway, and laying the text out twice made a pasted megabyte
 * of text the browser is slow to lay out (lone surrogates) hold the page for half a minute. White
 * space around the token does not count, unless there is more of it than the limit again. */
const HIGHLIGHT_LIMIT = 65_536;

function renderHighlight() {
  const text = tokenInput.value;
  const highlight = $('token-highlight');
  highlight.replaceChildren();
  const plain = currentToken().length > HIGHLIGHT_LIMIT || text.length > 2 * HIGHLIGHT_LIMIT;
  $('token-editor').classList.toggle('plain', plain);
  if (!plain) {
    const classes = ['seg-header', 'seg-payload', 'seg-signature'];
    text.split('.').forEach((segment, index) => {
      if (index > 0) highlight.append(el('span', 'seg-dot', '.'));
      highlight.append(el('span', classes[index] ?? 'seg-extra', segment));
    });
    // A trailing newline would otherwise not take up a line in the <pre>.
    highlight.append('\n');
  }
  const bytes = new TextEncoder().encode(currentToken()).length;
  $('token-size').textContent = bytes ? `${bytes.toLocaleString('en')} bytes` : '';
  fitEditor();
}

function fitEditor() {
  tokenInput.style.height = 'auto';
  const height = Math.min(Math.max(tokenInput.scrollHeight, 150), 320);
  tokenInput.style.height = `${height}px`;
  $('token-highlight').scrollTop = tokenInput.scrollTop;
}

// ---------------------------------------------------------------------------------------------
// JSON with coloured keys and values.

function renderJson(target, value) {
  target.replaceChildren();
  // Bidirectional and other controls in claims are shown as escapes, not obeyed.
  const text = escapeUnsafe(jsonText(value));
  // Keys, strings, numbers, literals; everything else is punctuation and white space.
  const pattern = /("(?:\\.|[^"\\])*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    target.append(text.slice(last, match.index));
    if (match[1] !== undefined) {
      target.append(el('span', match[2] ? 'j-key' : 'j-string', match[1]));
      if (match[2]) target.append(match[2]);
    } else if (match[3] !== undefined) {
      target.append(el('span', 'j-number', match[3]));
    } else {
      target.append(el('span', 'j-literal', match[4]));
    }
    last = match.index + match[0].length;
  }
  target.append(text.slice(last));
}

function clearJson(target) {
  target.replaceChildren(el('span', 'placeholder', '—'));
}

// ---------------------------------------------------------------------------------------------
// Decoding, expiry status and the claims table.

/** What the module made of the current token: header, payload, or the error of decoding it. */
let decoded = { token: '', header: null, payload: null, error: null };

function decode() {
  const token = currentToken();
  decoded = { token, header: null, payload: null, error: null };
  if (!token) return;
  try {
    decoded.header = decodeProtectedHeader(token);
    decoded.payload = decodeJwt(token);
  } catch (error) {
    decoded.error = error;
  }
}

/** The clock tolerance typed, in seconds: 0 when the field is empty, NaN when what it holds is
 * not a number (a number field reads "1e" or "." as empty: its validity says it is not). */
function toleranceSecs() {
  const input = $('tolerance');
  if (input.validity.badInput) return NaN;
  return input.value.trim() === '' ? 0 : input.valueAsNumber;
}

/** The error of a tolerance that is not a number, said as the module says a negative one. */
const toleranceNotANumber = () =>
  new JwtError('the clock tolerance must be a finite number of seconds', { code: 'ERR_OPTIONS_INVALID' });

/** The expiry verdicts at `now`, or the module's error (a bad tolerance, a non-numeric exp). */
function expiry(now) {
  const tolerance = toleranceSecs();
  if (!Number.isFinite(tolerance)) return { error: toleranceNotANumber() };
  try {
    return { info: expiryInfo(decoded.token, { clockTolerance: tolerance, currentDate: now }) };
  } catch (error) {
    return { error };
  }
}

/** A Date in the reader's locale and time zone; before the year 1, with its era (the year 0 is
 * 1 BC, which the medium date style would show as the year 1). */
const localDateTime = (date) =>
  date.getFullYear() < 1
    ? date.toLocaleString(undefined, { era: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });

function setStatus(kind, label, detail) {
  const status = $('status');
  status.className = `status status-${kind}`;
  status.dataset.status = kind;
  // Only the label is a live region, and it changes only with the verdict, not every second.
  if ($('status-label').textContent !== label) $('status-label').textContent = label;
  $('status-detail').textContent = detail;
}

/** Shows the tolerance's error, or none, once per render: an alert emptied and refilled each
 * second would be announced each second. */
function showToleranceError(error) {
  const bad = error?.code === 'ERR_OPTIONS_INVALID';
  showError($('tolerance-error'), bad ? error : null);
  markInvalid($('tolerance'), bad);
}

function renderStatus(now) {
  const judged = decoded.token && !decoded.error ? expiry(now) : {};
  showToleranceError(judged.error);
  if (!decoded.token) return setStatus('empty', 'No token', 'Paste a token or load the sample.');
  if (decoded.error) {
    // A token over the length cap may be well formed: it is not called malformed.
    const label = decoded.error.code === 'ERR_JWT_TOO_LONG' ? 'Token too long' : 'Malformed token';
    return setStatus('error', label, errorHeld ? 'Its error shows when typing pauses.' : 'See the error under the token.');
  }
  const { info, error } = judged;
  if (error) return setStatus('error', 'Cannot judge', errorText(error));
  const status = timeStatus(info);
  const tolerance = toleranceSecs();
  let detail = describeStatus(info, decoded.payload, now, tolerance);
  // A status not yet valid names the tolerance itself.
  if ((status === 'valid' || status === 'expired') && tolerance > 0) detail += ` · ${tolerance} s clock tolerance`;
  setStatus(status, STATUS_LABELS[status], capitalized(detail));
}

function claimValue(value) {
  if (Array.isArray(value)) return escapeUnsafe(value.map((v) => jsonText(v, 0)).join(', '));
  return typeof value === 'string' ? escapeUnsafeText(value) : escapeUnsafe(jsonText(value, 0));
}

const TIME_VERBS = {
  exp: (seconds) => (seconds > 0 ? 'expires' : 'expired'),
  nbf: (seconds) => (seconds > 0 ? 'becomes valid' : 'valid since'),
  iat: () => 'issued',
};

function timeCell(cell, claim, date, seconds) {
  if (!isValidDate(date)) return cell.append(el('span', 'when', `A time ${OUT_OF_RANGE}.`));
  cell.append(el('span', 'when', localDateTime(date)));
  const relative = el('span', 'relative');
  relative.dataset.claim = claim;
  // From the claim itself: a Date drops a fraction of a millisecond (an exp 0.4 ms after the
  // second it is judged at would read "expired now" beside a verdict of valid).
  relative.dataset.at = String(seconds * 1000);
  cell.append(relative);
}

/** The parts of the table that move with the clock; the rest stays put (and selectable). */
function refreshClaimTimes(now) {
  $('claims-clock').textContent = decoded.payload ? `Local time ${localDateTime(now)}` : '';
  for (const span of document.querySelectorAll('#claims-body .relative')) {
    const seconds = secondsFrom(Number(span.dataset.at), now);
    span.textContent = `${TIME_VERBS[span.dataset.claim](seconds)} ${relativeTime(seconds)}`;
  }
}

function renderClaims(now) {
  const body = $('claims-body');
  body.replaceChildren();
  const payload = decoded.payload;
  const { info } = payload ? expiry(now) : {};
  const timeDates = info ? { exp: info.expiresAt, nbf: info.notBefore, iat: info.issuedAt } : {};
  for (const [claim, name, meaning] of REGISTERED_CLAIMS) {
    const present = payload !== null && Object.hasOwn(payload, claim);
    const row = el('tr', present ? `claim-row claim-${claim}` : `claim-row claim-${claim} claim-absent`);
    row.dataset.claim = claim;
    const head = el('th');
    head.scope = 'row';
    head.append(el('code', 'claim-name', claim), el('span', 'claim-title', name));
    const valueCell = el('td', 'claim-value');
    const meaningCell = el('td', 'claim-meaning');
    meaningCell.append(el('span', 'meaning', meaning));
    if (present) {
      valueCell.append(el('code', '', claimValue(payload[claim])));
      const date = timeDates[claim];
      if (date) timeCell(meaningCell, claim, date, payload[claim]);
    } else {
      valueCell.append(el('span', 'absent', payload ? 'not set' : '—'));
    }
    row.append(head, valueCell, meaningCell);
    body.append(row);
  }
  const registered = new Set(REGISTERED_CLAIMS.map(([claim]) => claim));
  const others = payload ? Object.keys(payload).filter((claim) => !registered.has(claim)) : [];
  const note = $('other-claims');
  note.hidden = others.length === 0;
  note.replaceChildren();
  if (others.length) {
    note.append(`Other claims (application-defined, not interpreted): `);
    others.forEach((claim, index) => note.append(index ? ', ' : '', el('code', '', escapeUnsafeText(claim))));
  }
  refreshClaimTimes(now);
}

/** What a malformed token's text would be without the slips around it that the module's error
 * hints at (a "Bearer " scheme, quotes, line breaks: a token wrapped over lines), with what was
 * removed; null unless what is left has a compact token's shape (three segments of base64url
 * characters), so that "JWT <token>", a header's name or two tokens pasted together are never run
 * into one. The module judges the result as it judges any token: this only edits the text. */
function tokenFix(text) {
  let fixed = text.trim();
  const removed = new Set();
  // In either order: a quoted header value holds its scheme inside the quotes.
  for (let pass = 0; pass < 2; pass += 1) {
    const scheme = /^bearer +/i.exec(fixed);
    if (scheme) {
      fixed = fixed.slice(scheme[0].length);
      removed.add('the "Bearer " scheme');
    }
    const quoted = /^(["'])([^]*)\1$/.exec(fixed);
    if (quoted) {
      fixed = quoted[2].trim();
      removed.add('the quotes');
    }
  }
  // Only line breaks and the spaces or tabs beside them: a space alone separates words.
  if (/[\r\n]/.test(fixed)) {
    fixed = fixed.replace(/[ \t]*[\r\n]+[ \t]*/g, '');
    removed.add('the line breaks');
  }
  if (removed.size === 0 || !/^[\w-]+\.[\w-]*\.[\w-]*$/.test(fixed)) return null;
  const said = [...removed];
  const last = said.pop();
  return { fixed, label: `Remove ${said.length ? `${said.join(', ')} and ${last}` : last}` };
}

/** Offers the fix of a malformed token's text, where there is one, while its error shows. */
function renderTokenFix(shown) {
  const fix = shown ? tokenFix(tokenInput.value) : null;
  $('token-fix-row').hidden = !fix;
  $('token-fix').dataset.fixed = fix ? fix.fixed : '';
  if (fix && $('token-fix').textContent !== fix.label) $('token-fix').textContent = fix.label;
}

function renderDecoded() {
  const shown = errorHeld ? null : decoded.error;
  showError($('token-error'), shown);
  renderTokenFix(Boolean(shown));
  markInvalid(tokenInput, Boolean(shown));
  $('token-editor').classList.toggle('invalid', Boolean(shown));
  if (decoded.header) renderJson($('header-json'), decoded.header);
  else clearJson($('header-json'));
  if (decoded.payload) renderJson($('payload-json'), decoded.payload);
  else clearJson($('payload-json'));
}

// ---------------------------------------------------------------------------------------------
// Verification.

const secretEncoding = () => document.querySelector('input[name="verify-encoding"]:checked').value;

function verifyKey() {
  const secret = $('verify-secret').value;
  const encoding = secretEncoding();
  // A base64url or base64 secret is handed to the module as an oct JWK, which decodes (and
  // checks) it; white space around it is not part of it (a UTF-8 secret is taken as typed).
  if (encoding === 'utf8') return secret;
  const jwk = secretJwk(secret, encoding);
  if (!jwk) throw new JwtError('the secret is not standard base64 (A-Z, a-z, 0-9, +, /, and = padding)', { code: 'ERR_KEY_INVALID' });
  return jwk;
}

function verifyOptions(now) {
  const options = {
    algorithms: [...document.querySelectorAll('input[name="verify-alg"]:checked')].map((box) => box.value),
    clockTolerance: toleranceSecs(),
    currentDate: now,
  };
  const issuer = $('verify-issuer').value.trim();
  if (issuer) options.issuer = issuer;
  const audience = $('verify-audience').value.split(',').map((a) => a.trim()).filter(Boolean);
  if (audience.length) options.audience = audience.length === 1 ? audience[0] : audience;
  return options;
}

function setVerifyResult(kind, title, detail) {
  const result = $('verify-result');
  // The result is a live region: touch it only when what it says changes.
  const said = `${kind}|${title}|${detail && detail.code ? errorText(detail) : String(detail)}`;
  if (result.dataset.said === said) return;
  result.dataset.said = said;
  result.className = `result result-${kind}`;
  result.dataset.result = kind;
  if ($('verify-title-text').textContent !== title) $('verify-title-text').textContent = title;
  const detailNode = $('verify-detail');
  detailNode.replaceChildren();
  delete detailNode.dataset.shown;
  if (detail instanceof Error || (detail && detail.code)) {
    showError(detailNode, detail);
    detailNode.hidden = false;
  } else {
    detailNode.textContent = detail;
  }
}

/** The module's refusal of the token's `alg` said in the page's terms: its "algorithms" option
 * is the checkboxes, and an `alg` with no checkbox is one this page does not verify. */
function algRefusal(error) {
  const alg = decoded.header?.alg;
  if (error?.code !== 'ERR_JOSE_ALG_NOT_ALLOWED' || typeof alg !== 'string') return error;
  // Untrusted text: controls escaped, and cut (by code points) where a header makes it long.
  const points = [...alg];
  const shown = escapeUnsafeText(points.length > 40 ? `${points.slice(0, 40).join('')}…` : alg);
  const boxes = [...document.querySelectorAll('input[name="verify-alg"]')].map((box) => box.value);
  let message;
  if (boxes.includes(alg)) message = `the token's "alg" (${shown}) is not checked under "Algorithms to allow"`;
  else if (alg === 'none') message = 'the token is unsecured ("alg": "none"), which is never accepted';
  else message = `the token's "alg" (${shown}) is not one this page verifies: it verifies HMAC tokens only (${boxes.join(', ')})`;
  return new JwtError(message, { code: error.code });
}

/** Refusals that come after the signature check, so that the signature was right. */
const CLAIMS_REFUSED = new Set(['ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED']);

/** Says beside the time status what became of the signature: the status judges the times of a
 * token whose signature it cannot know, so that a forged token is "Not expired" there. */
function setSignatureNote(text) {
  const note = $('status-signature');
  note.hidden = !text;
  if (note.textContent !== text) note.textContent = text;
}

function renderVerify(now) {
  if (!decoded.token) {
    setSignatureNote('');
    return setVerifyResult('idle', 'Not verified yet', 'Paste a token and enter its secret.');
  }
  // A token being typed whose error waits (below): the verdict waits with it. One not yet given
  // (an idle one) stays as it is, rather than change at every key to point to an error not
  // shown; a verdict on the token typed over goes.
  if (errorHeld) {
    setSignatureNote('');
    if ($('verify-result').dataset.result === 'idle') return undefined;
    return setVerifyResult('idle', 'Not verified yet', 'The token is checked once typing pauses.');
  }
  if (decoded.error) {
    // Said once, under the token: verifying it would repeat it, or word it otherwise.
    setSignatureNote('');
    return setVerifyResult('idle', 'Not verified yet', 'Fix the token first: see its error under it.');
  }
  if (!$('verify-secret').value) {
    setSignatureNote('Signature not checked: enter the secret below.');
    return setVerifyResult('idle', 'Not verified yet', 'Enter the secret to check the signature and the claims.');
  }
  if (!Number.isFinite(toleranceSecs())) {
    setSignatureNote('Signature not checked: the clock tolerance is not a number.');
    return setVerifyResult('fail', 'Verification failed', toleranceNotANumber());
  }
  try {
    const options = verifyOptions(now);
    const { protectedHeader } = jwtVerify(decoded.token, verifyKey(), options);
    // The checks said are the options given: an audience field of commas alone gives none.
    const checks = ['signature', 'time claims'];
    if (options.issuer !== undefined) checks.push('issuer');
    if (options.audience !== undefined) checks.push('audience');
    setSignatureNote(`Signature verified (${protectedHeader.alg}).`);
    setVerifyResult('ok', 'Signature verified', `${protectedHeader.alg}: ${checks.join(', ')} accepted.`);
  } catch (error) {
    // The claims are checked after the signature: a token refused for them was signed with the secret.
    const signed = CLAIMS_REFUSED.has(error?.code);
    setSignatureNote(signed ? 'Signature verified; the token is refused (below).' : 'Signature not verified (below).');
    // The secret goes as a JWK, which the one typing it never wrote: its refusal is the secret's.
    const encoding = secretEncoding();
    const shown = error?.code === 'ERR_JWK_INVALID' && encoding !== 'utf8' ? new JwtError(`the secret is not ${encoding}`, { code: 'ERR_JWK_INVALID' }) : algRefusal(error);
    setVerifyResult('fail', signed ? 'Signature verified, token refused' : 'Verification failed', shown);
  }
}

// ---------------------------------------------------------------------------------------------
// Signing.

let signedToken = '';

function renderSigned() {
  const output = $('sign-output');
  output.replaceChildren();
  if (!signedToken) {
    output.append(el('span', 'placeholder', 'Press Sign to create a token.'));
  } else {
    const classes = ['seg-header', 'seg-payload', 'seg-signature'];
    signedToken.split('.').forEach((segment, index) => {
      if (index > 0) output.append(el('span', 'seg-dot', '.'));
      output.append(el('span', classes[index], segment));
    });
  }
  $('sign-inspect').disabled = !signedToken;
  $('sign-copy').disabled = !signedToken;
}

/** A warning for a token signed already expired (an expiry such as "-5m"), as the command-line
 * tool gives. */
function expiredWarning(token) {
  const expiresAt = expiredAt(token);
  if (expiresAt === null) return '';
  const when = isValidDate(expiresAt) ? localDateTime(expiresAt) : `at a time ${OUT_OF_RANGE}`;
  return `This token has already expired (exp ${when}): its expiry is in the past.`;
}

/** A warning for a signing secret shorter than RFC 7518 asks for the algorithm, as the
 * command-line tool gives (the token is signed all the same). */
function secretWarning(alg, secret) {
  const warning = shortSecretWarning(alg, new TextEncoder().encode(secret).length);
  return warning && `${capitalized(warning)}.`;
}

/** The field a signing error is about: the secret's, the expiry's (the one option typed by
 * hand), else the payload's. */
const SIGN_ERROR_FIELDS = { ERR_KEY_INVALID: 'sign-secret', ERR_OPTIONS_INVALID: 'sign-exp' };

/** Marks the field at fault invalid and described by the error; clears the others. */
function markSignField(error) {
  const atFault = error ? (SIGN_ERROR_FIELDS[error.code] ?? 'sign-payload') : null;
  for (const id of ['sign-payload', 'sign-exp', 'sign-secret']) markInvalid($(id), id === atFault, 'sign-error');
}

function sign() {
  signedToken = '';
  let error = null;
  let warning = '';
  try {
    const text = $('sign-payload').value;
    const payload = parsePayload(text, (message) => new JwtError(message, { code: 'ERR_JWT_INVALID' }));
    const options = { alg: $('sign-alg').value };
    const expiresIn = $('sign-exp').value.trim();
    if (expiresIn) options.expirationTime = expiresIn;
    if ($('sign-iat').checked) options.issuedAt = true;
    // As the command-line tool signs (a repeated member name, which JSON.parse takes, is refused).
    const secret = $('sign-secret').value;
    signedToken = signPayload(payload, text, secret, options);
    warning = [expiredWarning(signedToken), secretWarning(options.alg, secret)].filter(Boolean).join(' ');
  } catch (caught) {
    error = caught;
  }
  showError($('sign-error'), error);
  markSignField(error);
  // The token itself is not a live region (a screen reader would spell it out); this says it.
  $('sign-status').textContent = signedToken ? 'Token signed.' : '';
  $('sign-warning').hidden = !warning;
  $('sign-warning').textContent = warning;
  renderSigned();
}

function openSigned() {
  if (!signedToken) return;
  loadToken(signedToken, { secret: $('sign-secret').value });
  tokenInput.focus();
  tokenInput.scrollIntoView({ block: 'center' });
}

// ---------------------------------------------------------------------------------------------
// Wiring.

/** A token typed by hand is malformed at nearly every keystroke: everything else is shown at
 * once (a malformed status, no payload, no verdict), but its error alert waits until typing
 * pauses (or the field loses focus), rather than being announced from the first character on.
 * A paste, a drop or a loaded sample is judged whole at once. */
const TYPING_PAUSE_MS = 1000;
let errorHeld = false;
let heldTimer = 0;

function releaseError() {
  clearTimeout(heldTimer);
  if (!errorHeld) return;
  errorHeld = false;
  const now = new Date();
  renderDecoded();
  renderStatus(now);
  renderVerify(now);
}

function renderAll() {
  const now = new Date();
  renderDecoded();
  renderStatus(now);
  renderClaims(now);
  renderVerify(now);
}

/** Time moves: refresh everything that depends on the clock, once a second. */
function tick() {
  if (!decoded.token || decoded.error) return;
  const now = new Date();
  renderStatus(now);
  refreshClaimTimes(now);
  renderVerify(now);
}

/** One character typed or composed, or a deletion: the field is being edited by hand. */
function typedByHand(event) {
  const type = event?.inputType ?? '';
  // One character, counted in code points: an emoji is two UTF-16 units.
  if (type === 'insertText') return [...(event.data ?? '')].length <= 1;
  return type === 'insertCompositionText' || type.startsWith('delete');
}

function onTokenInput(event) {
  clearTimeout(heldTimer);
  renderHighlight();
  decode();
  // An error already on show stays (updated if it changes, as it is fixed): only a new one waits.
  errorHeld = Boolean(decoded.error) && typedByHand(event) && $('token-error').hidden;
  if (errorHeld) heldTimer = setTimeout(releaseError, TYPING_PAUSE_MS);
  renderAll();
}

function loadToken(token, { secret } = {}) {
  tokenInput.value = token;
  if (secret !== undefined) {
    $('verify-secret').value = secret;
    document.querySelector('input[name="verify-encoding"][value="utf8"]').checked = true;
  }
  onTokenInput();
}

function toggleSecret(button, input) {
  const show = input.type === 'password';
  input.type = show ? 'text' : 'password';
  // Named by what it does next (not a toggle's pressed state, which would read "Hide, pressed").
  button.textContent = show ? 'Hide' : 'Show';
  button.setAttribute('aria-label', show ? 'Hide secret' : 'Show secret');
}

tokenInput.addEventListener('input', onTokenInput);
// Leaving the field says the held error at once, unless for a button that replaces the token.
// Such a button is known by focus where a click focuses it (Chromium), else by the press that
// comes before the blur (Safari and Firefox on macOS do not focus a clicked button).
const REPLACING = ['load-sample', 'load-expired', 'clear-token', 'sign-inspect'];
let replacing = false;
for (const id of REPLACING) $(id).addEventListener('pointerdown', () => { replacing = true; });
document.addEventListener('pointerup', () => { replacing = false; });
tokenInput.addEventListener('blur', (event) => {
  if (!replacing && !REPLACING.includes(event.relatedTarget?.id)) releaseError();
});
tokenInput.addEventListener('scroll', () => {
  $('token-highlight').scrollTop = tokenInput.scrollTop;
});
window.addEventListener('resize', fitEditor);
$('load-sample').addEventListener('click', () => loadToken(sampleToken({ expired: false }), { secret: SAMPLE_SECRET }));
$('load-expired').addEventListener('click', () => loadToken(sampleToken({ expired: true }), { secret: SAMPLE_SECRET }));
$('clear-token').addEventListener('click', () => {
  loadToken('');
  tokenInput.focus();
});
$('token-fix').addEventListener('click', () => {
  loadToken($('token-fix').dataset.fixed);
  tokenInput.focus();
});
$('tolerance').addEventListener('input', renderAll);
for (const id of ['verify-secret', 'verify-issuer', 'verify-audience']) $(id).addEventListener('input', renderAll);
for (const input of document.querySelectorAll('input[name="verify-encoding"], input[name="verify-alg"]')) {
  input.addEventListener('change', renderAll);
}
$('verify-secret-show').addEventListener('click', () => toggleSecret($('verify-secret-show'), $('verify-secret')));
$('sign-secret-show').addEventListener('click', () => toggleSecret($('sign-secret-show'), $('sign-secret')));
// Enter in a field submits: verifying is live anyway; signing happens on submit.
$('verify-form').addEventListener('submit', (event) => event.preventDefault());
$('sign-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sign();
});
$('sign-inspect').addEventListener('click', openSigned);
$('sign-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(signedToken);
    $('sign-copy').textContent = 'Copied';
    $('sign-status').textContent = 'Token copied to the clipboard.';
  } catch {
    $('sign-copy').textContent = 'Copy failed';
    $('sign-status').textContent = 'The token could not be copied.';
  }
  setTimeout(() => ($('sign-copy').textContent = 'Copy'), 1500);
});

onTokenInput();
setInterval(tick, 1000);
document.documentElement.dataset.ready = 'true';
