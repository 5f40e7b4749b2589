// Shows how long a session token has left, and when to refresh it. The token comes from the text
// box, or from the page's fragment (`#access_token=...`, as OAuth puts it there; the fragment
// never reaches the server).
import { expiryInfo, JwtError } from 'jwt-wasm';

// Refresh this long before exp. A server refuses the token from exp on (verification allows no
// leeway unless told to), and this device's clock may be behind the server's: a token shown here
// as valid for a few seconds more may already be refused there. No clock tolerance is given to
// expiryInfo: a tolerance delays the verdict, the opposite of what deciding to refresh needs.
const REFRESH_MARGIN_S = 60;

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
    const { expired, expiresAt, notBefore, notYetValid, secondsLeft } = expiryInfo(token);
    // A time beyond what a Date holds (exp: 1e20) comes as an invalid Date.
    const when = (date, format) => (Number.isNaN(date.getTime()) ? 'a time out of the range of dates' : format(date));
    if (expired) return show('expired', `Session expired at ${when(expiresAt, (d) => d.toLocaleString())}.`, secondsLeft);
    if (notYetValid) return show('not-yet-valid', `Session not valid before ${when(notBefore, (d) => d.toLocaleString())}.`);
    if (expiresAt === null) return show('valid', 'This token has no expiry (exp).');
    if (Number.isNaN(expiresAt.getTime())) return show('valid', 'Session expires at a time out of the range of dates.', secondsLeft);
    // From here, expiresAt is a valid Date.
    const text = `Session expires in ${formatSeconds(secondsLeft)} (at ${expiresAt.toLocaleTimeString()})`;
    if (secondsLeft <= REFRESH_MARGIN_S) return show('expiring', `${text}: refresh it now.`, secondsLeft);
    return show('valid', `${text}.`, secondsLeft);
  } catch (error) {
    if (error instanceof JwtError) return show('invalid', `Not a readable token (${error.code}).`);
    throw error;
  }
}

input.value = new URLSearchParams(location.hash.slice(1)).get('access_token') ?? '';
// Off the address bar, so that the token is not kept in the history nor sent along with a copied
// link (or read by any script that records the page's address).
if (location.hash) history.replaceState(null, '', location.pathname + location.search);
input.addEventListener('input', render);
render();
setInterval(render, 1000);
