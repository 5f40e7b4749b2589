// Node (CommonJS) where TextEncoder and TextDecoder are not globals, as under Jest's jsdom
// environment: the Node entry must load and run with Node's own, from node:util.
delete globalThis.TextEncoder;
delete globalThis.TextDecoder;
const jwt = require('jwt-wasm');

const secret = 'a-secret-of-at-least-32-bytes-long!';
const token = jwt.signJwt({ sub: 'ada', name: 'Zoë 東京' }, secret, { expirationTime: '1h' });
let code;
try {
  jwt.jwtVerify(token, `${secret}x`);
} catch (error) {
  code = error.code;
}
const result = {
  globals: [typeof TextEncoder, typeof TextDecoder],
  name: jwt.createVerifier(secret).verify(token).payload.name,
  decoded: jwt.decodeJwt(token).name,
  expired: jwt.isExpired(token),
  code,
};
console.log(`RESULT ${JSON.stringify(result)}`);
