// The token inspector page (www/) in Debian's Chromium, driven by playwright-core, served by
// scripts/serve.mjs on 127.0.0.1. The page's clock is Playwright's fake clock, paused at NOW, so
// every relative time is exact. Each test checks that the page made no request off 127.0.0.1,
// none at all after it had loaded, and logged no error (a CSP violation would be one).
// Screenshots of the main states go to screenshots/ (ignored by git) for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { decodeJwt, jwtVerify, signJwt } from 'jwt-wasm';
import { startServer } from '../scripts/serve.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const SECRET = 'inspector-test-secret-0123456789abcdef';
const CLAIMS = { sub: 'ada', name: 'Ada Lovelace', iss: 'https://auth.example', aud: 'api', jti: 'token-1' };
const sign = (claims, options = {}) => signJwt(claims, SECRET, { currentDate: NOW, ...options });
const VALID = sign({ ...CLAIMS, iat: NOW_S - 120, exp: NOW_S + 3600 });

let server;
let origin;
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/**
 * Opens the page in a fresh context, its clock paused at NOW once loaded, and records every
 * request and every console error or uncaught exception.
 */
async function openPage({ colorScheme = 'light', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, locale: 'en-GB', timezoneId: 'UTC' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const session = { context, page, requests: [], late: [], problems: [], loaded: false };
  page.on('request', (request) => {
    session.requests.push(request.url());
    if (session.loaded) session.late.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') session.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => session.problems.push(`pageerror: ${error.message}`));
  // Start a little before NOW so that loading runs on flowing time, then stop the clock.
  await page.clock.install({ time: new Date(NOW.getTime() - 5_000) });
  await page.goto(`${origin}/`);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.clock.pauseAt(NOW);
  session.loaded = true;
  return session;
}

/** The checks every test ends with; then the context is closed. */
async function finish(session) {
  try {
    for (const url of session.requests) assert.ok(url.startsWith(`${origin}/`), `request off 127.0.0.1: ${url}`);
    assert.deepEqual(session.late, [], 'requests after the page had loaded');
    assert.deepEqual(session.problems, []);
  } finally {
    await session.context.close();
  }
}

const text = async (page, selector) => (await page.textContent(selector)).trim();

/** Counts every time the token's error alert appears (is unhidden) from now on; returns the count's reader. */
async function countAlerts(page) {
  await page.evaluate(() => {
    globalThis.alerts = 0;
    const alert = document.getElementById('token-error');
    new MutationObserver(() => { if (!alert.hidden) globalThis.alerts += 1; })
      .observe(alert, { attributes: true, attributeFilter: ['hidden'] });
  });
  return () => page.evaluate(() => globalThis.alerts);
}
const claimRow = (page, claim) => text(page, `#claims tr[data-claim="${claim}"]`);
const shot = (page, name) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

describe('token inspector page', () => {
  test('loads only from its own origin, says it works offline, and is labelled', async () => {
    const session = await openPage();
    const { page } = session;
    // The page, its style and scripts, the package glue and the .wasm module: all local.
    const paths = session.requests.map((url) => new URL(url).pathname);
    for (const path of ['/', '/style.css', '/boot.js', '/app.js', '/format.js', '/payload.js', '/js/browser.js', '/pkg/wasm/jwt_wasm_bg.wasm']) {
      assert.ok(paths.includes(path), `${path} not loaded: ${paths.join(' ')}`);
    }
    assert.match(await text(page, '#privacy-note'), /no network request after the page has loaded, no CDN, no analytics/);
    assert.match(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), /default-src 'none'.*connect-src 'self'/);
    // Every form control has a label a screen reader (and Playwright) can find it by.
    for (const label of ['Token', 'Clock tolerance', 'Secret', 'Issuer', 'Audience', 'Payload (JSON)', 'Algorithm', 'Expires in']) {
      assert.equal(await page.getByLabel(label, { exact: false }).first().count(), 1, label);
    }
    assert.equal(await text(page, '#status-label'), 'No token');
    await finish(session);
  });

  test('a pasted token shows its coloured segments, header, payload and claims in words', async () => {
    const session = await openPage();
    const { page } = session;
    await page.fill('#token', VALID);
    const [header, payload, signature] = VALID.split('.');
    assert.equal(await text(page, '#token-highlight .seg-header'), header);
    assert.equal(await text(page, '#token-highlight .seg-payload'), payload);
    assert.equal(await text(page, '#token-highlight .seg-signature'), signature);
    assert.deepEqual(JSON.parse(await text(page, '#header-json')), { alg: 'HS256' });
    assert.deepEqual(JSON.parse(await text(page, '#payload-json')), decodeJwt(VALID));
    assert.equal(await page.isHidden('#token-error'), true);

    assert.equal(await text(page, '#status-label'), 'Not expired');
    assert.equal(await text(page, '#status-detail'), 'Expires in 1 h');
    assert.match(await claimRow(page, 'iss'), /Issuer\s*https:\/\/auth\.example\s*Who created and signed the token\./);
    assert.match(await claimRow(page, 'sub'), /Subject\s*ada/);
    assert.match(await claimRow(page, 'aud'), /Audience\s*api/);
    assert.match(await claimRow(page, 'jti'), /JWT ID\s*token-1/);
    assert.match(await claimRow(page, 'exp'), new RegExp(`${NOW_S + 3600}.*1 Mar 2026, 13:00:00 UTC\\s*expires in 1 h`));
    assert.match(await claimRow(page, 'iat'), /1 Mar 2026, 11:58:00 UTC\s*issued 2 min ago/);
    assert.match(await claimRow(page, 'nbf'), /Not before\s*not set/);
    assert.match(await text(page, '#other-claims'), /name/);
    await shot(page, '01-valid');
    await finish(session);
  });

  test('the countdown runs with the clock, and the status turns to expired at exp', async () => {
    const session = await openPage();
    const { page } = session;
    await page.fill('#token', sign({ sub: 'ada', exp: NOW_S + 65 }));
    assert.equal(await text(page, '#status-detail'), 'Expires in 1 min 5 s');
    const subRow = await page.$('#claims tr[data-claim="sub"]');
    await page.clock.runFor(3_000);
    assert.equal(await text(page, '#status-detail'), 'Expires in 1 min 2 s');
    assert.match(await claimRow(page, 'exp'), /expires in 1 min 2 s/);
    // The ticks update the times in place: the table is not rebuilt (a selection in it survives).
    assert.equal(await subRow.evaluate((row) => row.isConnected), true);
    await page.clock.runFor(63_000);
    assert.equal(await text(page, '#status-label'), 'Expired');
    assert.equal(await text(page, '#status-detail'), 'Expired 1 s ago');
    await finish(session);
  });

  test('an expired token shows expired; the clock tolerance changes the verdict live', async () => {
    const session = await openPage();
    const { page } = session;
    await page.fill('#token', sign({ sub: 'ada', iat: NOW_S - 4 * 86_400, exp: NOW_S - 3 * 86_400 }));
    assert.equal(await text(page, '#status-label'), 'Expired');
    assert.equal(await page.getAttribute('#status', 'data-status'), 'expired');
    assert.equal(await text(page, '#status-detail'), 'Expired 3 days ago');
    assert.match(await claimRow(page, 'exp'), /expired 3 days ago/);
    await shot(page, '02-expired');

    await page.fill('#token', sign({ sub: 'ada', exp: NOW_S - 30 }));
    assert.equal(await text(page, '#status-label'), 'Expired');
    await page.fill('#tolerance', '45');
    assert.equal(await text(page, '#status-label'), 'Not expired');
    assert.equal(await text(page, '#status-detail'),
      'Exp passed 30 s ago; accepted for 15 s more within the clock tolerance · 45 s clock tolerance');
    await page.fill('#tolerance', '10');
    assert.equal(await text(page, '#status-label'), 'Expired');
    // A negative tolerance is the module's ERR_OPTIONS_INVALID, shown beside the input.
    await page.fill('#tolerance', '-5');
    assert.match(await text(page, '#tolerance-error'), /^ERR_OPTIONS_INVALID /);
    assert.equal(await text(page, '#status-label'), 'Cannot judge');
    await page.fill('#tolerance', '0');
    assert.equal(await page.isHidden('#tolerance-error'), true);
    assert.equal(await text(page, '#status-label'), 'Expired');
    // What is not a number of seconds is refused too, not read as 0 (a number field reads "1e"
    // as empty); verification says so as well.
    await page.fill('#tolerance', '45');
    await page.fill('#verify-secret', SECRET);
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    for (const typed of ['1e', '-']) {
      await page.fill('#tolerance', '');
      await page.locator('#tolerance').pressSequentially(typed);
      assert.match(await text(page, '#tolerance-error'), /^ERR_OPTIONS_INVALID the clock tolerance must be a finite number of seconds/, typed);
      assert.equal(await page.getAttribute('#tolerance', 'aria-invalid'), 'true');
      assert.equal(await text(page, '#status-label'), 'Cannot judge');
      assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_OPTIONS_INVALID');
    }
    // An empty field is no tolerance.
    await page.fill('#tolerance', '');
    assert.equal(await page.isHidden('#tolerance-error'), true);
    assert.equal(await text(page, '#status-label'), 'Expired');
    await finish(session);
  });

  test('not yet valid and no expiry are told apart', async () => {
    const session = await openPage();
    const { page } = session;
    await page.fill('#token', sign({ sub: 'ada', nbf: NOW_S + 7200, exp: NOW_S + 9000 }));
    assert.equal(await text(page, '#status-label'), 'Not yet valid');
    assert.equal(await text(page, '#status-detail'), 'Becomes valid in 2 h');
    assert.match(await claimRow(page, 'nbf'), /becomes valid in 2 h/);
    // With a clock tolerance it becomes valid that much earlier, and says so.
    await page.fill('#token', sign({ sub: 'ada', nbf: NOW_S + 40, exp: NOW_S + 9000 }));
    await page.fill('#tolerance', '30');
    assert.equal(await text(page, '#status-detail'), 'Becomes valid in 10 s (nbf in 40 s, less 30 s of clock tolerance)');
    await page.clock.runFor(10_000);
    assert.equal(await text(page, '#status-label'), 'Not expired');
    await page.fill('#tolerance', '0');
    await page.fill('#token', sign({ sub: 'ada' }));
    assert.equal(await text(page, '#status-label'), 'No expiry');
    assert.equal(await text(page, '#status-detail'), 'Never expires (no exp claim)');
    assert.match(await claimRow(page, 'exp'), /not set/);
    await finish(session);
  });

  test('a time beyond what a Date holds is said so, not shown as "Invalid Date" or "forever ago"', async () => {
    const session = await openPage();
    const { page } = session;
    await page.fill('#token', sign({ sub: 'ada', exp: 1e20 }));
    assert.equal(await text(page, '#status-label'), 'Not expired');
    assert.equal(await text(page, '#status-detail'), 'Expires at a time out of the range of dates');
    assert.match(await claimRow(page, 'exp'), /Expiration time\s*100000000000000000000.*A time out of the range of dates\.$/s);
    await page.clock.runFor(2_000);
    assert.doesNotMatch(await claimRow(page, 'exp'), /Invalid|NaN|forever/);
    // An exp or nbf a fraction of a millisecond after now, which a Date drops: judged and said
    // at whole seconds, the table agreeing with the verdict.
    const at = NOW_S + 2; // the clock ran 2 s above
    await page.fill('#token', sign({ sub: 'ada', exp: at + 0.0004 }));
    assert.equal(await text(page, '#status-label'), 'Not expired');
    assert.equal(await text(page, '#status-detail'), 'Expires now');
    assert.match(await claimRow(page, 'exp'), /expires now/);
    await page.fill('#token', sign({ sub: 'ada', nbf: at + 0.0004, exp: at + 60 }));
    assert.equal(await text(page, '#status-label'), 'Not yet valid');
    assert.equal(await text(page, '#status-detail'), 'Becomes valid in 1 s');
    assert.match(await claimRow(page, 'nbf'), /becomes valid now/);
    // Before the year 1, with its era: the year 0 is 1 BC, -1 is 2 BC.
    await page.fill('#token', sign({ sub: 'ada', exp: NOW_S + 60, iat: -62198755200 }));
    assert.match(await claimRow(page, 'iat'), /\b2\b.*\bBC\b/s);
    await finish(session);
  });

  test('a malformed token shows its error code beside the input, and the page recovers', async () => {
    const session = await openPage();
    const { page } = session;
    const cases = [
      ['eyJhbGciOiJIUzI1NiJ9.e30', 'ERR_JWS_INVALID'],
      ['not a token at all', 'ERR_JWS_INVALID'],
      [`${VALID.split('.')[0]}.bm90IGpzb24.${VALID.split('.')[2]}`, 'ERR_JWT_INVALID'],
      [`${VALID.split('.')[0]}=.e30.${VALID.split('.')[2]}`, 'ERR_JWS_INVALID'],
      [`${VALID}${'A'.repeat(70_000)}`, 'ERR_JWT_TOO_LONG'],
    ];
    for (const [input, code] of cases) {
      await page.fill('#token', input);
      assert.equal(await page.isVisible('#token-error'), true, input);
      assert.equal(await text(page, '#token-error .error-code'), code, input);
      assert.equal(await page.getAttribute('#token', 'aria-invalid'), 'true', input);
      assert.equal(await text(page, '#status-label'), code === 'ERR_JWT_TOO_LONG' ? 'Token too long' : 'Malformed token', input);
      assert.equal(await text(page, '#payload-json'), '—');
      // What could be decoded is still shown: a good header beside a broken payload.
      assert.equal(await text(page, '#header-json'), code === 'ERR_JWT_INVALID' ? '{\n  "alg": "HS256"\n}' : '—');
    }
    // With a secret, the verifier does not repeat (or word otherwise) the token's own error.
    await page.fill('#verify-secret', SECRET);
    for (const [input] of cases) {
      await page.fill('#token', input);
      assert.equal(await text(page, '#verify-title-text'), 'Not verified yet', input);
      assert.equal(await text(page, '#verify-detail'), 'Fix the token first: see its error under it.', input);
      assert.equal(await page.isHidden('#status-signature'), true, input);
    }
    await page.fill('#verify-secret', '');
    await page.fill('#token', 'eyJhbGciOiJIUzI1NiJ9.e30');
    await shot(page, '03-malformed');
    // A token wrapped over lines, after a "Bearer " scheme or in quotes: the page offers to remove
    // them (the module's message names the slip), and the module judges what is left.
    const wrapped = VALID.replace(/.{30}/g, '$&\n').replace(/\n/g, (_, at) => (at % 60 ? '\r\n  ' : '\n'));
    const fixes = [
      [wrapped, 'Remove the line breaks'],
      [`Bearer ${VALID}`, 'Remove the "Bearer " scheme'],
      [`'${VALID}'`, 'Remove the quotes'],
      [`bearer  "${wrapped}"`, 'Remove the "Bearer " scheme, the quotes and the line breaks'],
      // A quoted header value: the scheme inside the quotes.
      [`"Bearer ${VALID}"`, 'Remove the quotes and the "Bearer " scheme'],
    ];
    for (const [input, label] of fixes) {
      await page.fill('#token', input);
      assert.equal(await page.isHidden('#token-error'), false, input);
      assert.equal(await text(page, '#token-fix'), label, input);
      await page.click('#token-fix');
      assert.equal(await page.inputValue('#token'), VALID, input);
      assert.equal(await page.isHidden('#token-error'), true, input);
      assert.equal(await page.isHidden('#token-fix-row'), true, input);
      assert.equal(await text(page, '#status-label'), 'Not expired', input);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'token');
    }
    // Nothing is offered where removing would run other words into the token, or fix nothing.
    const others = [
      `Authorization: Bearer ${VALID}`, 'eyJhbGciOiJIUzI1NiJ9.e30\u00a0<x>.c2ln', 'eyJhbGciOiJIUzI1NiJ9.e30', `${VALID}.more`,
      // Another scheme, or a space within: words are not run into the token; nor are two tokens.
      `JWT ${VALID}`, `Token ${VALID}`, `${VALID.slice(0, 30)} ${VALID.slice(30)}`, `${VALID}\n${VALID}`, `bearer\u00a0${VALID}`,
    ];
    for (const input of others) {
      await page.fill('#token', input);
      assert.equal(await page.isHidden('#token-error'), false, input);
      assert.equal(await page.isHidden('#token-fix-row'), true, input);
    }
    // Still working: a good token decodes and the error is gone.
    await page.fill('#token', VALID);
    assert.equal(await page.isHidden('#token-error'), true);
    assert.equal(await page.getAttribute('#token', 'aria-invalid'), null);
    assert.equal(await text(page, '#status-label'), 'Not expired');
    // alg "none" decodes (decoding trusts nothing) but never verifies: it is not among the
    // algorithms the page allows.
    await page.fill('#token', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEifQ.');
    assert.equal(await page.isHidden('#token-error'), true);
    await page.fill('#verify-secret', SECRET);
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_JOSE_ALG_NOT_ALLOWED');
    assert.equal(await text(page, '#verify-detail'), 'ERR_JOSE_ALG_NOT_ALLOWED the token is unsecured ("alg": "none"), which is never accepted');
    // An alg the page has no checkbox for is said to be one it does not verify (not an option
    // the visitor never saw); the alg is shown as text, escaped and cut.
    const headed = (alg) => `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.eyJzdWIiOiJhZGEifQ.c2ln`;
    await page.fill('#token', headed('RS256'));
    assert.equal(await text(page, '#verify-detail'),
      'ERR_JOSE_ALG_NOT_ALLOWED the token\'s "alg" (RS256) is not one this page verifies: it verifies HMAC tokens only (HS256, HS384, HS512)');
    await page.fill('#token', headed(`\u202e${'<b>x</b>'.repeat(10)}`));
    assert.equal(await text(page, '#verify-detail'),
      `ERR_JOSE_ALG_NOT_ALLOWED the token's "alg" (\\u202e${'<b>x</b>'.repeat(4)}<b>x</b…) is not one this page verifies: it verifies HMAC tokens only (HS256, HS384, HS512)`);
    assert.equal(await page.locator('#verify-detail b').count(), 0);
    await finish(session);
  });

  test('a token typed by hand: its error alert waits for a pause in typing; nothing else waits', async () => {
    const session = await openPage();
    const { page } = session;
    const alerts = await countAlerts(page);
    const token = page.locator('#token');
    // Typed key by key, the whole token: no alert on the way (the clock is paused), and the
    // verdict as soon as the last key makes it a token that decodes.
    await token.pressSequentially(VALID);
    assert.equal(await alerts(), 0);
    assert.equal(await text(page, '#status-label'), 'Not expired');
    await page.fill('#verify-secret', SECRET);
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    // Typed over, leaving it malformed: the status, payload and verdict follow at once (no stale
    // verdict beside another token); only the alert waits, then is said once typing pauses.
    await token.press('Control+A');
    await token.pressSequentially(VALID.slice(0, 12));
    assert.equal(await text(page, '#status-label'), 'Malformed token');
    assert.equal(await text(page, '#status-detail'), 'Its error shows when typing pauses.');
    assert.equal(await text(page, '#payload-json'), '—');
    // One character typed, even one of two UTF-16 units (an emoji), is typing, not a paste.
    await token.pressSequentially('😀');
    assert.equal(await text(page, '#status-detail'), 'Its error shows when typing pauses.', 'an emoji typed');
    await token.press('Backspace');
    assert.equal(await token.inputValue(), VALID.slice(0, 12), 'one Backspace takes the emoji');
    // The claims table too: no claim of the token typed over is left in it.
    assert.equal(await text(page, '#claims tr[data-claim="sub"] .claim-value'), '—', 'a claim of the token typed over');
    assert.equal(await text(page, '#claims-clock'), '', 'the clock of the token typed over');
    assert.notEqual(await text(page, '#verify-title-text'), 'Signature verified');
    assert.equal(await page.isHidden('#token-error'), true);
    assert.equal(await page.getAttribute('#token', 'aria-invalid'), null);
    await page.clock.runFor(900);
    assert.equal(await page.isHidden('#token-error'), true, 'before the pause is over');
    await page.clock.runFor(200);
    assert.equal(await text(page, '#token-error .error-code'), 'ERR_JWS_INVALID');
    assert.equal(await page.getAttribute('#token', 'aria-invalid'), 'true');
    assert.equal(await text(page, '#status-detail'), 'See the error under the token.');
    assert.equal(await alerts(), 1);
    // Typing on while it shows (fixing it) keeps it up: not hidden and said again at each pause.
    await token.pressSequentially('Jh');
    await page.clock.runFor(1_100);
    await token.pressSequentially('b');
    await page.clock.runFor(1_100);
    assert.equal(await page.isVisible('#token-error'), true);
    assert.equal(await alerts(), 1);
    // Leaving the field says it at once...
    await page.fill('#token', '');
    await token.pressSequentially('abc');
    assert.equal(await page.isHidden('#token-error'), true);
    await token.press('Tab');
    assert.equal(await text(page, '#token-error .error-code'), 'ERR_JWS_INVALID');
    assert.equal(await alerts(), 2);
    // ...but not for the sample, which replaces the token: no alert just before it goes.
    await page.fill('#token', '');
    await token.pressSequentially('abc');
    await page.click('#load-sample');
    assert.equal(await text(page, '#status-label'), 'Not expired');
    await page.clock.runFor(2_000);
    assert.equal(await alerts(), 2);
    // Nor where a click does not focus the button (Safari, Firefox on macOS): the press comes
    // first, then the field loses focus to nothing.
    await page.fill('#token', '');
    await token.pressSequentially('abc');
    await page.dispatchEvent('#load-expired', 'pointerdown');
    await page.evaluate(() => document.getElementById('token').blur());
    assert.equal(await page.isHidden('#token-error'), true);
    await page.dispatchEvent('#load-expired', 'pointerup');
    await page.dispatchEvent('#load-expired', 'click');
    assert.equal(await text(page, '#status-label'), 'Expired');
    await page.clock.runFor(2_000);
    assert.equal(await alerts(), 2);
    // Nor for "Open in inspector", which replaces it with the token just signed.
    await page.fill('#sign-secret', SECRET);
    await page.click('#sign-button');
    await page.fill('#token', '');
    await token.pressSequentially('abc');
    await page.click('#sign-inspect');
    await page.clock.runFor(2_000);
    assert.equal(await page.isHidden('#token-error'), true);
    assert.equal(await alerts(), 2);
    // Pasted text (inserted at once) is judged at once, as the test above has it.
    await page.fill('#token', 'not a token');
    assert.equal(await text(page, '#token-error .error-code'), 'ERR_JWS_INVALID');
    // The fix a slip gets waits with its error: not offered while typing, offered at the pause.
    await page.fill('#token', VALID);
    await token.press('Control+A');
    await token.pressSequentially(`Bearer ${VALID}`);
    assert.equal(await page.isHidden('#token-error'), true);
    assert.equal(await page.isHidden('#token-fix-row'), true, 'while typing');
    await page.clock.runFor(1_100);
    assert.equal(await text(page, '#token-fix'), 'Remove the "Bearer " scheme');
    await finish(session);
  });

  test('a typed token\'s verdict: its live region is not touched while the token\'s error waits', async () => {
    const session = await openPage();
    const { page } = session;
    const token = page.locator('#token');
    const said = () => page.getAttribute('#verify-result', 'data-said');
    // From an empty field, the first key leaves the verdict as it was: saying "fix the token
    // first" there would point to an error not shown yet. At the pause it points to that error.
    const empty = await said();
    await token.pressSequentially('eyJ');
    assert.equal(await said(), empty, 'the verdict changed while typing');
    assert.equal(await text(page, '#verify-detail'), 'Paste a token and enter its secret.');
    await page.clock.runFor(1_100);
    assert.equal(await page.isHidden('#token-error'), false, 'the error after the pause');
    assert.equal(await text(page, '#verify-detail'), 'Fix the token first: see its error under it.');
    await token.pressSequentially('x');
    assert.equal(await text(page, '#verify-detail'), 'Fix the token first: see its error under it.', 'an error on show stays');
    // Leaving the field says both at once.
    await token.fill('');
    await token.pressSequentially('a');
    assert.equal(await said(), empty);
    await page.focus('#verify-secret');
    assert.equal(await text(page, '#verify-detail'), 'Fix the token first: see its error under it.', 'on leaving the field');
    // Typed over a verified token: its verdict goes at the first key (it is about another token),
    // and the words say the token is checked at the pause, not that none was pasted.
    await token.fill(VALID);
    await page.fill('#verify-secret', SECRET);
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    await token.press('End');
    await token.pressSequentially('.'); // a fourth segment: malformed
    assert.equal(await text(page, '#verify-title-text'), 'Not verified yet');
    assert.equal(await text(page, '#verify-detail'), 'The token is checked once typing pauses.');
    await page.clock.runFor(1_100);
    assert.equal(await text(page, '#verify-detail'), 'Fix the token first: see its error under it.');
    await finish(session);
  });

  test('a typed token\'s alert: the pause counts from the last key, and a deletion is typing too', async () => {
    const session = await openPage();
    const { page } = session;
    const token = page.locator('#token');
    // Keys 600 ms apart are one stretch of typing: the alert waits a second after the last.
    await token.pressSequentially('a');
    await page.clock.runFor(600);
    await token.pressSequentially('b');
    await page.clock.runFor(600);
    assert.equal(await page.isHidden('#token-error'), true, 'a second after the first key, not the last');
    await page.clock.runFor(500);
    assert.equal(await text(page, '#token-error .error-code'), 'ERR_JWS_INVALID');
    // A key that deletes, breaking a good token, is typing: its alert waits too.
    await page.fill('#token', VALID);
    await token.press('Control+Home');
    await token.press('Delete');
    assert.equal(await text(page, '#status-label'), 'Malformed token');
    assert.equal(await page.isHidden('#token-error'), true, 'said at the first deletion');
    await page.clock.runFor(1_100);
    assert.equal(await page.isVisible('#token-error'), true);
    await finish(session);
  });

  test('a typed token\'s alert: not said for Clear, by click or keyboard; said on leaving after a button was pressed', async () => {
    const session = await openPage();
    const { page } = session;
    const alerts = await countAlerts(page);
    const token = page.locator('#token');
    // Clear, clicked: it replaces the token, so no alert just before it goes.
    await token.pressSequentially('abc');
    await page.click('#clear-token');
    await page.clock.runFor(2_000);
    assert.equal(await alerts(), 0, 'Clear clicked');
    // Clear from the keyboard: Shift+Tab reaches it (focus, no press), Enter clears.
    await token.pressSequentially('abc');
    await token.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'clear-token');
    assert.equal(await page.isHidden('#token-error'), true, 'said on tabbing to Clear');
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue('#token'), '');
    await page.clock.runFor(2_000);
    assert.equal(await alerts(), 0, 'Clear from the keyboard');
    // A press on such a button ends with its release: leaving the field later says the alert.
    await page.click('#load-sample');
    await page.fill('#token', '');
    await token.pressSequentially('abc');
    await token.press('Tab');
    assert.equal(await page.isVisible('#token-error'), true, 'not said on leaving the field');
    assert.equal(await text(page, '#token-error .error-code'), 'ERR_JWS_INVALID');
    assert.equal(await alerts(), 1);
    await finish(session);
  });

  test('verify: the right secret passes, a wrong one fails with its code; options apply', async () => {
    const session = await openPage();
    const { page } = session;
    await page.fill('#token', VALID);
    assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'idle');
    // Beside the time status, which judges times alone, what became of the signature.
    assert.equal(await text(page, '#status-signature'), 'Signature not checked: enter the secret below.');

    await page.fill('#verify-secret', SECRET);
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'ok');
    assert.equal(await text(page, '#status-signature'), 'Signature verified (HS256).');
    // A forged token (its payload changed, its signature kept) is not expired, and not verified.
    const [head, body, mac] = VALID.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    await page.fill('#token', `${head}.${Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url')}.${mac}`);
    assert.equal(await text(page, '#status-label'), 'Not expired');
    assert.equal(await text(page, '#status-signature'), 'Signature not verified (below).');
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    await page.fill('#token', VALID);

    await page.fill('#verify-secret', `${SECRET}!`);
    assert.equal(await text(page, '#verify-title-text'), 'Verification failed');
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    await shot(page, '04-verify-failed');
    // Idle in between, then the same failure again: still shown in full.
    await page.fill('#verify-secret', '');
    assert.equal(await page.getAttribute('#verify-result', 'data-result'), 'idle');
    await page.fill('#verify-secret', `${SECRET}!`);
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');

    await page.fill('#verify-secret', SECRET);
    await page.fill('#verify-audience', 'admin, billing');
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    // Refused for a claim, checked after the signature: the secret was right, and the page says so.
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified, token refused');
    assert.equal(await text(page, '#status-signature'), 'Signature verified; the token is refused (below).');
    assert.match(await text(page, '#verify-detail'), /claim aud, check_failed/);
    await page.fill('#verify-audience', 'admin, api');
    await page.fill('#verify-issuer', 'https://auth.example');
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    assert.match(await text(page, '#verify-detail'), /HS256: signature, time claims, issuer, audience accepted/);
    // An audience field of commas alone is no audience option: not said to be checked.
    await page.fill('#verify-audience', ' , ,');
    assert.match(await text(page, '#verify-detail'), /^HS256: signature, time claims, issuer accepted\.$/);
    await page.fill('#verify-audience', 'admin, api');
    await page.fill('#verify-issuer', 'https://evil.example');
    assert.match(await text(page, '#verify-detail'), /ERR_JWT_CLAIM_VALIDATION_FAILED.*claim iss/);
    await page.fill('#verify-issuer', '');

    await page.uncheck('input[name="verify-alg"][value="HS256"]');
    assert.equal(await text(page, '#verify-detail'), 'ERR_JOSE_ALG_NOT_ALLOWED the token\'s "alg" (HS256) is not checked under "Algorithms to allow"');
    await page.check('input[name="verify-alg"][value="HS256"]');
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');

    // The secret as base64url: the key's bytes are what the token was signed with.
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 53 + 7) % 256);
    await page.fill('#token', signJwt({ sub: 'bytes' }, bytes, { currentDate: NOW, alg: 'HS512' }));
    await page.fill('#verify-audience', '');
    await page.fill('#verify-secret', Buffer.from(bytes).toString('base64url'));
    assert.equal(await text(page, '#verify-title-text'), 'Verification failed');
    await page.check('input[name="verify-encoding"][value="base64url"]');
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    // White space around a base64url secret (a paste) is not part of it.
    await page.fill('#verify-secret', ` ${Buffer.from(bytes).toString('base64url')}\t`);
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    await page.fill('#verify-secret', 'not base64url!');
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_JWK_INVALID');
    // Said as the secret's fault, not as a JWK's, which the one typing it never wrote.
    assert.match(await text(page, '#verify-detail'), /the secret is not base64url/);
    assert.doesNotMatch(await text(page, '#verify-detail'), /the JWK/);
    // Standard base64 (+, / and = padding), as many secrets are stored, has its own choice.
    const standard = Buffer.from(bytes).toString('base64');
    assert.match(standard, /[+/=]/);
    await page.check('input[name="verify-encoding"][value="base64"]');
    await page.fill('#verify-secret', `${standard}\n`);
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    await page.fill('#verify-secret', `${standard.slice(0, -1)}!`);
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_KEY_INVALID');
    assert.match(await text(page, '#verify-detail'), /the secret is not standard base64/);
    await finish(session);
  });

  test('verify follows the clock: an expired token fails with ERR_JWT_EXPIRED unless tolerated', async () => {
    const session = await openPage();
    const { page } = session;
    await page.fill('#token', sign({ sub: 'ada', exp: NOW_S + 2 }));
    await page.fill('#verify-secret', SECRET);
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    await page.clock.runFor(3_000);
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_JWT_EXPIRED');
    await page.fill('#tolerance', '60');
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    await finish(session);
  });

  test('sign, then open in the inspector: the token round-trips and verifies', async () => {
    const session = await openPage();
    const { page } = session;
    assert.equal(await page.isDisabled('#sign-inspect'), true);
    await page.fill('#sign-payload', JSON.stringify({ sub: 'grace', role: 'admin' }));
    await page.selectOption('#sign-alg', 'HS384');
    await page.fill('#sign-exp', '2h');
    await page.fill('#sign-secret', 'round-trip-secret-of-enough-length');
    await page.click('#sign-button');
    const token = (await text(page, '#sign-output')).replace(/\s+/g, '');
    assert.deepEqual(jwtVerify(token, 'round-trip-secret-of-enough-length', { currentDate: NOW }).payload, {
      sub: 'grace', role: 'admin', iat: NOW_S, exp: NOW_S + 7200,
    });
    await shot(page, '05-signed');

    await page.click('#sign-inspect');
    assert.equal(await page.inputValue('#token'), token);
    assert.deepEqual(JSON.parse(await text(page, '#header-json')), { alg: 'HS384' });
    assert.equal(JSON.parse(await text(page, '#payload-json')).sub, 'grace');
    assert.equal(await text(page, '#status-detail'), 'Expires in 2 h');
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'token');

    // Errors of signing are the module's codes (or the JSON parser's), beside the button.
    await page.fill('#sign-exp', 'soon');
    await page.click('#sign-button');
    assert.equal(await text(page, '#sign-error .error-code'), 'ERR_OPTIONS_INVALID');
    assert.equal(await page.isDisabled('#sign-inspect'), true);
    await page.fill('#sign-exp', '');
    await page.fill('#sign-payload', '{ not json');
    await page.click('#sign-button');
    assert.equal(await text(page, '#sign-error'), 'ERR_JWT_INVALID the payload is not JSON (at character 3): give a JSON object such as {"sub":"ada"}');
    // Counted in the text as typed, white space before the object included.
    await page.fill('#sign-payload', '\n\n  { not json');
    await page.click('#sign-button');
    assert.match(await text(page, '#sign-error'), /\(at character 7\)/);
    // In characters: an emoji before the fault counts once (the parser counts it twice).
    await page.fill('#sign-payload', '{"a":"😀😀😀", x}');
    await page.click('#sign-button');
    assert.match(await text(page, '#sign-error'), /\(at character 13\)/);
    // A number JavaScript cannot hold, which would be signed as null.
    await page.fill('#sign-payload', '{"a":1e400}');
    await page.click('#sign-button');
    assert.match(await text(page, '#sign-error'), /^ERR_JWT_INVALID the payload holds a number too large for JavaScript/);
    // Not the parser's message, which quotes the text (a secret pasted in the wrong field).
    await page.fill('#sign-payload', 'hunter2-secret');
    await page.click('#sign-button');
    assert.equal(await text(page, '#sign-error .error-code'), 'ERR_JWT_INVALID');
    assert.ok(!(await text(page, '#sign-error')).includes('hunter2'));
    // No payload at all signs {}, as the command-line tool does; white space around the object,
    // a no-break space too, is not part of it.
    await page.fill('#sign-payload', ' ');
    await page.click('#sign-button');
    assert.equal(await page.isHidden('#sign-error'), true);
    assert.deepEqual(decodeJwt((await text(page, '#sign-output')).replace(/\s+/g, '')), { iat: NOW_S });
    await page.fill('#sign-payload', '\u00a0{"sub":"x","sub":"y"}\u00a0');
    await page.click('#sign-button');
    assert.match(await text(page, '#sign-error'), /^ERR_JWT_INVALID the payload has a duplicate member name/);
    await page.fill('#sign-payload', '\u00a0{"sub":"x"}\u00a0');
    await page.click('#sign-button');
    assert.equal(await page.isHidden('#sign-error'), true);
    assert.deepEqual(decodeJwt((await text(page, '#sign-output')).replace(/\s+/g, '')), { sub: 'x', iat: NOW_S });
    await page.fill('#sign-payload', '{"sub":"x"}');
    await page.fill('#sign-secret', '');
    await page.click('#sign-button');
    assert.equal(await text(page, '#sign-error .error-code'), 'ERR_KEY_INVALID');
    // As strict as the command-line tool: a repeated member name is refused, not the last one
    // signed; an expiry in the past signs, with a warning. (HS256, for which this 34-byte secret
    // is long enough: no warning of its length.)
    await page.fill('#sign-secret', 'round-trip-secret-of-enough-length');
    await page.selectOption('#sign-alg', 'HS256');
    await page.fill('#sign-payload', '{"role":"user","role":"admin"}');
    await page.click('#sign-button');
    assert.equal(await text(page, '#sign-error .error-code'), 'ERR_JWT_INVALID');
    assert.match(await text(page, '#sign-error'), /the payload has a duplicate member name/);
    assert.equal(await page.isDisabled('#sign-inspect'), true);
    assert.equal(await page.isHidden('#sign-warning'), true);
    await page.fill('#sign-payload', '{"role":"user"}');
    await page.fill('#sign-exp', '-5m');
    await page.click('#sign-button');
    assert.equal(await page.isHidden('#sign-error'), true);
    assert.match(await text(page, '#sign-warning'), /^This token has already expired \(exp .*\): its expiry is in the past\.$/);
    const expired = (await text(page, '#sign-output')).replace(/\s+/g, '');
    assert.equal(decodeJwt(expired).exp, NOW_S - 300);
    // An exp beyond what a Date holds is said as the status says it.
    await page.fill('#sign-exp', '');
    await page.fill('#sign-payload', '{"exp":-1e20}');
    await page.click('#sign-button');
    assert.match(await text(page, '#sign-warning'), /\(exp at a time out of the range of dates\)/);
    await page.fill('#sign-exp', '5m');
    await page.click('#sign-button');
    assert.equal(await page.isHidden('#sign-warning'), true);
    // A secret shorter than RFC 7518 asks for the algorithm signs, with the tool's warning.
    await page.fill('#sign-secret', 'short');
    await page.click('#sign-button');
    assert.equal(await page.isHidden('#sign-error'), true);
    assert.equal(await text(page, '#sign-warning'), 'The secret is 5 bytes; RFC 7518 asks for at least 32 for HS256 (random bytes).');
    await page.fill('#sign-secret', 'round-trip-secret-of-enough-length');
    await page.selectOption('#sign-alg', 'HS512');
    await page.fill('#sign-exp', '-5m');
    await page.click('#sign-button');
    assert.match(await text(page, '#sign-warning'), /^This token has already expired \(exp .*\): its expiry is in the past\. The secret is 34 bytes; RFC 7518 asks for at least 64 for HS512 \(random bytes\)\.$/);
    await page.fill('#sign-secret', '\u20ac'.repeat(22));
    await page.fill('#sign-exp', '5m');
    await page.click('#sign-button');
    assert.equal(await page.isHidden('#sign-warning'), true, 'counted in UTF-8 bytes: 66');
    await finish(session);
  });

  test('untrusted text is shown as text, never parsed as HTML', async () => {
    const session = await openPage();
    const { page } = session;
    const markup = '<img id="injected" src="x" onerror="window.__hit = 1">&amp;<b id="bold">';
    const hostile = sign({ sub: markup, aud: [markup, 'api'], [markup]: markup, iss: 'https://auth.example', exp: NOW_S + 60 });
    await page.fill('#token', hostile);
    assert.equal(await text(page, '#status-label'), 'Not expired');
    assert.ok((await claimRow(page, 'sub')).includes(markup), 'the subject as typed');
    assert.ok((await claimRow(page, 'aud')).includes(JSON.stringify(markup)), 'the audience as typed');
    assert.ok((await text(page, '#other-claims')).includes(markup), 'an other claim as typed');
    assert.ok((await text(page, '#payload-json')).includes(JSON.stringify(markup).slice(1, -1)), 'the JSON as typed');
    assert.equal(await page.evaluate(() => [document.querySelectorAll('#injected, #bold').length, window.__hit ?? 0].join()), '0,0');
    // Bidirectional and other controls are shown as escapes, not obeyed: "\u202enimda" would
    // show as "admin".
    const reversing = sign({ sub: '\u202enimda', aud: ['\u2066api', 'x'], jti: { k: '\u202ex' }, 'r\u200fole': 'a\u009bb', exp: NOW_S + 60 });
    await page.fill('#token', reversing);
    assert.equal(await text(page, '#status-label'), 'Not expired');
    assert.match(await claimRow(page, 'sub'), /Subject\s*\\u202enimda/);
    assert.ok((await claimRow(page, 'aud')).includes('"\\u2066api", "x"'), 'the audience');
    assert.ok((await claimRow(page, 'jti')).includes('{"k":"\\u202ex"}'), 'a claim that is not a string');
    assert.ok((await text(page, '#other-claims')).includes('r\\u200fole'), 'an other claim');
    assert.ok((await text(page, '#payload-json')).includes('"r\\u200fole": "a\\u009bb"'), 'the JSON');
    // C0 controls in a string claim or a name, which JSON text escapes by itself: escaped too.
    const controls = sign({ sub: 'admin\u0000', 'x\u001b[2J': 'b\u0008', exp: NOW_S + 60 });
    await page.fill('#token', controls);
    assert.match(await claimRow(page, 'sub'), /Subject\s*admin\\u0000/);
    assert.ok((await text(page, '#other-claims')).includes('x\\u001b[2J'), 'an other claim');
    const shown = await page.evaluate(() => document.body.innerText);
    assert.ok(!/[\u202e\u2066\u200f\u009b\u0000\u001b\u0008]/.test(shown), 'no control character reaches the page');
    await finish(session);
  });

  test('what the page shows beside the verdict: size, local time, claims, colours', async () => {
    const session = await openPage();
    const { page } = session;
    const token = sign({ sub: 'ada', aud: ['api', 'admin'], iat: NOW_S - 60, exp: NOW_S + 60 });
    await page.fill('#token', token);
    assert.equal(await text(page, '#token-size'), `${token.length} bytes`);
    // The coloured copy behind the input holds the token's every character, dots included.
    assert.equal(await text(page, '#token-highlight'), token);
    assert.equal(await page.locator('#token-highlight .seg-dot').count(), 2);
    assert.equal(await text(page, '#claims-clock'), 'Local time 1 Mar 2026, 12:00:00 UTC');
    // An array claim as its items; a claim not set dimmed; each registered claim's meaning.
    assert.match(await claimRow(page, 'aud'), /Audience\s*"api", "admin"/);
    assert.equal(await page.getAttribute('#claims tr[data-claim="nbf"]', 'class'), 'claim-row claim-nbf claim-absent');
    assert.equal(await page.getAttribute('#claims tr[data-claim="sub"]', 'class'), 'claim-row claim-sub');
    assert.equal(await text(page, '#claims tr[data-claim="exp"] .meaning'), 'From this moment on, the token must be refused.');
    assert.equal(await text(page, '#claims tr[data-claim="nbf"] .meaning'), 'Before this moment, the token must be refused.');
    // JSON keys and strings coloured apart.
    assert.deepEqual(await page.locator('#payload-json .j-key').allTextContents(), ['"sub"', '"aud"', '"iat"', '"exp"']);
    assert.deepEqual(await page.locator('#payload-json .j-string').allTextContents(), ['"ada"', '"api"', '"admin"']);
    // At exp exactly, the row and the status agree; with a tolerance, both say how it is judged.
    await page.clock.runFor(60_000);
    assert.equal(await text(page, '#status-detail'), 'Expired now');
    assert.match(await claimRow(page, 'exp'), /expired now/);
    await page.fill('#tolerance', '10');
    assert.equal(await text(page, '#status-detail'), 'Exp is now; accepted for 10 s more within the clock tolerance · 10 s clock tolerance');
    await page.clock.runFor(20_000);
    assert.equal(await text(page, '#status-detail'), 'Expired 20 s ago · 10 s clock tolerance');
    await finish(session);
  });

  test('a token nested deeper than JSON.stringify reaches, and a megabyte pasted: shown, judged, no error', async () => {
    const session = await openPage();
    const { page } = session;
    await page.click('#load-sample');
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    // 6,000 levels in a 16 KB token: the page showed the sample's verdict beside it, and threw.
    const deep = `{"exp":${NOW_S - 60},"sub":${'['.repeat(6000)}${']'.repeat(6000)}}`;
    const token = sign({ placeholder: true }).replace(/\.[^.]+\./, `.${Buffer.from(deep).toString('base64url')}.`);
    await page.fill('#token', token);
    assert.equal(await text(page, '#status-label'), 'Expired');
    assert.equal(await text(page, '#payload-json'), `{"exp":${NOW_S - 60},"sub":${'['.repeat(6000)}${']'.repeat(6000)}}`);
    assert.equal(await text(page, '#claims tr[data-claim="sub"] .claim-value'), `${'['.repeat(5999)}${']'.repeat(5999)}`);
    assert.equal(await text(page, '#verify-detail .error-code'), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    // Past 64 K characters the input shows its text itself, without the coloured copy.
    const looks = () => page.evaluate(() => [getComputedStyle(document.getElementById('token')).color, getComputedStyle(document.getElementById('token-highlight')).display]);
    await page.fill('#token', '\ud800'.repeat(70_000));
    assert.equal(await page.getAttribute('#token-editor', 'class'), 'token-editor plain invalid');
    assert.equal(await text(page, '#token-error .error-code'), 'ERR_JWT_TOO_LONG');
    const [plainColour, plainCopy] = await looks();
    assert.notEqual(plainColour, 'rgba(0, 0, 0, 0)', 'the input shows its own text');
    assert.equal(plainCopy, 'none');
    // White space around a token is not counted: 65,536 characters of token and a line break
    // keep their colours.
    const longest = `${VALID}${'A'.repeat(65_536 - VALID.length)}`;
    await page.fill('#token', `${longest}\n`);
    assert.equal(await page.getAttribute('#token-editor', 'class'), 'token-editor');
    // More white space than the limit again is not coloured either (it is what is slow to lay out).
    await page.fill('#token', `${' '.repeat(140_000)}${VALID}`);
    assert.equal(await page.getAttribute('#token-editor', 'class'), 'token-editor plain');
    await page.fill('#token', VALID);
    assert.equal(await page.getAttribute('#token-editor', 'class'), 'token-editor');
    assert.equal(await text(page, '#token-highlight'), VALID);
    const [colour, copy] = await looks();
    assert.equal(colour, 'rgba(0, 0, 0, 0)', 'the coloured copy shows the text');
    assert.notEqual(copy, 'none');
    await finish(session);
  });

  test('inputs are trimmed; the samples reset the secret encoding; the page makes no token it cannot read', async () => {
    const session = await openPage();
    const { page } = session;
    await page.fill('#token', VALID);
    await page.fill('#verify-secret', SECRET);
    await page.fill('#verify-issuer', ' https://auth.example ');
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    // The expired sample: signed three days ago for a day.
    await page.check('input[name="verify-encoding"][value="base64url"]');
    await page.fill('#verify-issuer', '');
    await page.click('#load-expired');
    assert.equal(await text(page, '#status-detail'), 'Expired 2 days ago');
    await page.check('input[name="verify-encoding"][value="base64url"]');
    await page.click('#load-sample');
    assert.equal(await page.isChecked('input[name="verify-encoding"][value="utf8"]'), true);
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    // A duration with white space around it, as pasted.
    await page.fill('#sign-payload', '{"sub":"x"}');
    await page.fill('#sign-secret', 'round-trip-secret-of-enough-length');
    await page.fill('#sign-exp', ' 2h ');
    await page.click('#sign-button');
    assert.equal(await page.isHidden('#sign-error'), true);
    assert.equal(decodeJwt((await text(page, '#sign-output')).replace(/\s+/g, '')).exp, NOW_S + 7200);
    // Over 64 KB: refused as the command-line tool refuses it, since the inspector could not read it.
    await page.fill('#sign-payload', JSON.stringify({ pad: 'x'.repeat(50_000) }));
    await page.click('#sign-button');
    assert.equal(await text(page, '#sign-error .error-code'), 'ERR_JWT_TOO_LONG');
    assert.match(await text(page, '#sign-error'), /more than jwt-wasm reads by default \(64 KB\)/);
    assert.equal(await page.isDisabled('#sign-inspect'), true);
    await finish(session);
  });

  test('keyboard: the sample token is one Tab and Enter away, and it verifies', async () => {
    const session = await openPage();
    const { page } = session;
    // Bounded walk through the focus order until the sample button has focus.
    let focused = '';
    for (let step = 0; step < 10 && focused !== 'load-sample'; step += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement.id);
    }
    assert.equal(focused, 'load-sample');
    await page.keyboard.press('Enter');
    assert.equal(await text(page, '#status-label'), 'Not expired');
    assert.equal(await text(page, '#status-detail'), 'Expires in 1 h');
    assert.equal(JSON.parse(await text(page, '#payload-json')).name, 'Ada Lovelace');
    assert.equal(await text(page, '#verify-title-text'), 'Signature verified');
    await page.click('#load-expired');
    assert.equal(await text(page, '#status-label'), 'Expired');
    await page.click('#clear-token');
    assert.equal(await text(page, '#status-label'), 'No token');
    await finish(session);
  });

  // axe-core (WCAG 2.1 A and AA rules, and its best practices) in each state a visitor meets, in
  // both colour schemes and at a phone's width, with the page's Content-Security-Policy in force
  // (axe is evaluated by the test, not loaded as a script).
  test('accessibility: axe-core finds no violation in any state, light or dark, wide or narrow', { timeout: 600_000 }, async () => {
    const states = [
      ['empty', async () => {}],
      ['sample token', (page) => page.click('#load-sample')],
      ['expired sample', (page) => page.click('#load-expired')],
      ['malformed token', (page) => page.fill('#token', 'not.a')],
      ['malformed token with its fix offered', (page) => page.fill('#token', `Bearer ${VALID}`)],
      ['tolerance refused', async (page) => { await page.click('#load-sample'); await page.fill('#tolerance', '-5'); }],
      ['verified', async (page) => { await page.fill('#token', VALID); await page.fill('#verify-secret', SECRET); }],
      ['verification failed', async (page) => { await page.fill('#token', VALID); await page.fill('#verify-secret', 'wrong-secret'); }],
      ['signed', async (page) => { await page.fill('#sign-secret', SECRET); await page.click('#sign-button'); }],
      ['signing refused', async (page) => { await page.fill('#sign-exp', 'soon'); await page.click('#sign-button'); }],
      ['signed with warnings', async (page) => { await page.fill('#sign-secret', 'short'); await page.fill('#sign-exp', '-5m'); await page.click('#sign-button'); }],
    ];
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1280, 375]) {
        for (const [name, act] of states) {
          const session = await openPage({ colorScheme, viewport: { width, height: 900 } });
          const { page } = session;
          await act(page);
          await page.clock.resume(); // axe waits on timers of its own
          await page.evaluate(AXE);
          // Bounded: page.evaluate has no timeout of its own.
          const { violations, passes } = await page.evaluate(() => Promise.race([
            globalThis.axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            }),
            new Promise((_, reject) => setTimeout(() => reject(new Error('axe ran for over 60 s')), 60_000)),
          ]));
          const where = `${name}, ${colorScheme}, ${width} px`;
          assert.ok(passes.some((rule) => rule.id === 'label'), `${where}: axe did not run its rules`);
          assert.deepEqual(violations.map((rule) => `${rule.id}: ${rule.nodes.map((node) => node.target.join(' ')).join(', ')}`), [], where);
          await finish(session);
        }
      }
    }
  });

  test('accessibility: alerts said once, errors tied to their field, focus rings and edges that show', { timeout: 120_000 }, async () => {
    const session = await openPage();
    const { page } = session;
    // The tolerance's alert is not emptied and refilled by the clock's tick: the same nodes stay.
    await page.click('#load-sample');
    await page.fill('#tolerance', '-5');
    await page.evaluate(() => { globalThis.shownError = document.querySelector('#tolerance-error code'); });
    await page.clock.runFor(3_500);
    assert.equal(await page.evaluate(() => globalThis.shownError?.isConnected), true, 'the alert was re-rendered');
    assert.match(await text(page, '#tolerance-error'), /^ERR_OPTIONS_INVALID /);
    await page.fill('#tolerance', '0');

    // A signing error marks the field it is about, and only that one.
    const marked = () => page.evaluate(() => ['sign-payload', 'sign-exp', 'sign-secret']
      .filter((id) => document.getElementById(id).getAttribute('aria-invalid') === 'true')
      .map((id) => `${id}:${document.getElementById(id).getAttribute('aria-describedby')}`));
    await page.fill('#sign-secret', SECRET);
    await page.fill('#sign-exp', 'soon');
    await page.click('#sign-button');
    assert.deepEqual(await marked(), ['sign-exp:sign-error']);
    await page.fill('#sign-exp', '15m');
    await page.fill('#sign-secret', '');
    await page.click('#sign-button');
    assert.deepEqual(await marked(), ['sign-secret:sign-error'], 'an empty secret');
    await page.fill('#sign-secret', SECRET);
    await page.fill('#sign-payload', '{ not json');
    await page.click('#sign-button');
    assert.deepEqual(await marked(), ['sign-payload:sign-error']);
    await page.fill('#sign-payload', '{"sub":"ada"}');
    await page.click('#sign-button');
    assert.deepEqual(await marked(), []);
    // The token is not read out character by character; a status says it was signed.
    assert.equal(await page.getAttribute('#sign-output', 'aria-live'), 'off');
    assert.equal(await text(page, '#sign-status'), 'Token signed.');
    // Copying says so in the same status (the button's own text is not announced).
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.click('#sign-copy');
    for (let tries = 0; tries < 50 && (await text(page, '#sign-status')) === 'Token signed.'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await text(page, '#sign-status'), 'Token copied to the clipboard.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), (await text(page, '#sign-output')).replace(/\s+/g, ''));

    // The secret's Show button says what it will do, not a pressed state.
    await page.click('#sign-secret-show');
    assert.equal(await page.getAttribute('#sign-secret-show', 'aria-label'), 'Hide secret');
    assert.equal(await page.getAttribute('#sign-secret-show', 'aria-pressed'), null);
    assert.equal(await page.getAttribute('#sign-secret', 'type'), 'text');
    // The decoded JSON boxes are named regions, which a focusable box needs for its name.
    for (const name of ['Header', 'Payload']) assert.equal(await page.getByRole('region', { name, exact: true }).count(), 1, name);

    // A colour of the page's palette as computed styles give it (`rgb(...)`).
    const paletteColor = (variable) => page.evaluate((name) => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = `var(${name})`;
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    }, variable);
    // A checkbox's focus ring is the solid accent (from the keyboard).
    await page.focus('#sign-alg');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const accentColor = await paletteColor('--accent');
    const ring = await page.evaluate((accent) => {
      const box = document.activeElement;
      const style = getComputedStyle(box);
      return { id: box.id, visible: box.matches(':focus-visible'), outline: `${style.outlineStyle} ${style.outlineWidth}`,
        opaqueAccent: style.outlineColor === accent };
    }, accentColor);
    assert.deepEqual(ring, { id: 'sign-iat', visible: true, outline: 'solid 3px', opaqueAccent: true });
    // Each field's edge (3:1) and placeholder (4.5:1), and the token's coloured segments (4.5:1),
    // against what each sits on (the nearest opaque background: a card, or the status box, whose
    // tint follows the verdict), in each status and both schemes.
    const statuses = [
      ['no token', () => page.click('#clear-token')],
      ['valid', () => page.click('#load-sample')],
      ['expired', () => page.click('#load-expired')],
      ['no expiry', () => page.fill('#token', sign({ sub: 'ada' }))],
      ['not yet valid', () => page.fill('#token', sign({ sub: 'ada', nbf: NOW_S + 60 }))],
      ['malformed', () => page.fill('#token', 'not.a')],
      ['tolerance refused', async () => { await page.click('#load-sample'); await page.fill('#tolerance', '-5'); }],
    ];
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      for (const [status, act] of statuses) {
        await act();
        const low = await page.evaluate(() => {
          const channel = (value) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
          const rgba = (color) => color.match(/[\d.]+/g).map(Number);
          const luminance = (color) => {
            const [r, g, b] = rgba(color).slice(0, 3).map((part) => channel(part / 255));
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const ratio = (a, b) => {
            const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
            return (light + 0.05) / (dark + 0.05);
          };
          const behind = (node) => {
            for (let at = node.parentElement; at; at = at.parentElement) {
              const color = getComputedStyle(at).backgroundColor;
              if (rgba(color)[3] ?? 1) return color;
            }
            return 'rgb(255, 255, 255)';
          };
          const found = [];
          const check = (what, color, node, least, extra = true) => {
            const value = ratio(color, behind(node));
            if (value < least || !extra) found.push(`${what} ${value.toFixed(2)}:1`);
          };
          for (const field of document.querySelectorAll('input:not([type=checkbox], [type=radio]), select, textarea')) {
            if (!field.checkVisibility()) continue;
            check(`#${field.id} edge`, getComputedStyle(field).borderTopColor, field, 3);
            const placeholder = getComputedStyle(field, '::placeholder');
            if (field.placeholder) check(`#${field.id} placeholder`, placeholder.color, field, 4.5, placeholder.opacity === '1');
          }
          const segments = document.querySelectorAll('#token-highlight span');
          for (const segment of segments) {
            check(`token .${segment.className}`, getComputedStyle(segment).color, segment.parentElement, 4.5);
          }
          return { found, segments: segments.length };
        });
        assert.deepEqual(low.found, [], `${colorScheme}, ${status}`);
        // The token's coloured segments were there to be checked.
        assert.ok(status === 'no token' || low.segments >= 2, `${colorScheme}, ${status}: ${low.segments} segments`);
      }
    }
    // An invalid field keeps its red edge while it has the focus (being corrected).
    await page.focus('#tolerance');
    await page.keyboard.press('End');
    const badColor = await paletteColor('--bad');
    const edges = await page.evaluate((bad) => {
      const field = document.getElementById('tolerance');
      return { invalid: field.getAttribute('aria-invalid'), focused: field.matches(':focus-visible'), red: getComputedStyle(field).borderTopColor === bad };
    }, badColor);
    assert.deepEqual(edges, { invalid: 'true', focused: true, red: true });
    // On a phone's width the claims are laid out as a list, but the table keeps its name and its
    // column headers for a screen reader.
    await page.setViewportSize({ width: 375, height: 900 });
    await page.click('#load-sample');
    assert.equal(await page.getByRole('table', { name: 'Claims', exact: true }).count(), 1);
    for (const name of ['Claim', 'Value', 'What it means']) {
      assert.equal(await page.getByRole('columnheader', { name, exact: true }).count(), 1, name);
    }
    await finish(session);
  });

  test('dark scheme and a narrow screen: readable, nothing wider than the screen', async () => {
    const dark = await openPage({ colorScheme: 'dark' });
    await dark.page.click('#load-sample');
    const colours = await dark.page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
    }));
    assert.notEqual(colours.body, 'rgb(255, 255, 255)');
    assert.notEqual(colours.body, colours.text);
    await dark.page.fill('#verify-secret', 'wrong');
    await shot(dark.page, '06-dark');
    await finish(dark);

    const narrow = await openPage({ viewport: { width: 360, height: 740 } });
    await narrow.page.click('#load-sample');
    await narrow.page.fill('#sign-secret', 'narrow-screen-secret-0123456789abc');
    await narrow.page.click('#sign-button');
    const widths = await narrow.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(widths.scroll <= widths.client, `page is ${widths.scroll}px wide on a ${widths.client}px screen`);
    // Every one-line field's placeholder is shown whole: measured in the field's own font against
    // the room inside its padding.
    const cut = await narrow.page.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d');
      return [...document.querySelectorAll('input[placeholder]')].flatMap((input) => {
        const style = getComputedStyle(input);
        context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const needed = context.measureText(input.placeholder).width;
        return needed > room ? [`#${input.id}: ${Math.ceil(needed)} px of text in ${Math.floor(room)} px`] : [];
      });
    });
    assert.deepEqual(cut, [], 'placeholders cut at 360 px');
    await shot(narrow.page, '07-narrow');
    await finish(narrow);
  });
});
