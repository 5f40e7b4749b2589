// Shows how long a session token has left. The token comes from the text box, or from the page's
// fragment (`#access_token=...`, as OAuth puts it there; the fragment never reaches the server).
import { expiryInfo, JwtError } from 'jwt-wasm';

// A client clock a little off should not make a valid session look expired: the verdicts allow
// this many seconds; the countdown is to `exp` itself.
const CLOCK_TOLERANCE_S = 5;

const input = document.querySelector('#token');
const status = document.querySelector('#status');

function formatSeconds(total) {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Math.floor(total % 60);
  return [hours && `${hours} h`, (hours || minutes) && `${minutes} min`, `${seconds} s`].filter(Boolean).join(' ');
}

function show(state, text, secondsLeft = null) {
  status.dataset.state = state;
  status.dataset.secondsLeft = secondsLeft === null ? '' : String(secondsLeft);
  status.textContent = text;
}

function render() {
  const token = input.value.trim();
  if (!token) return show('none', 'Paste a token.');
  try {
    const info = expiryInfo(token, { clockTolerance: CLOCK_TOLERANCE_S });
    const { expired, expiresAt, notBefore, notYetValid } = info;
    // A time beyond what a Date holds (exp: 1e20) comes as an invalid Date.
    const when = (date, format) => (Number.isNaN(date.getTime()) ? 'a time out of the range of dates' : format(date));
    // secondsLeft counts the tolerance in; the session itself ends at exp.
    const untilExp = info.secondsLeft === null ? null : info.secondsLeft - CLOCK_TOLERANCE_S;
    if (expired) return show('expired', `Session expired at ${when(expiresAt, (d) => d.toLocaleString())}.`, untilExp);
    if (notYetValid) return show('not-yet-valid', `Session not valid before ${when(notBefore, (d) => d.toLocaleString())}.`);
    if (expiresAt === null) return show('valid', 'This token has no expiry (exp).');
    if (Number.isNaN(expiresAt.getTime())) return show('valid', 'Session expires at a time out of the range of dates.', untilExp);
    // From here, expiresAt is a valid Date.
    if (untilExp <= 0) {
      return show('expiring', `Session ended at ${expiresAt.toLocaleTimeString()}: still accepted for ${formatSeconds(info.secondsLeft)} within the clock tolerance. Refresh it now.`, untilExp);
    }
    return show('valid', `Session expires in ${formatSeconds(untilExp)} (at ${expiresAt.toLocaleTimeString()}).`, untilExp);
  } catch (error) {
    if (error instanceof JwtError) return show('invalid', `Not a readable token (${error.code}).`);
    throw error;
  }
}

input.value = new URLSearchParams(location.hash.slice(1)).get('access_token') ?? '';
input.addEventListener('input', render);
render();
setInterval(render, 1000);
