// The tokens, key and options every library is measured with.
const NOW = Math.floor(Date.now() / 1000);

export const SECRET = 'bench-secret-of-at-least-32-bytes-long!!';
export const ISSUER = 'https://auth.example.com';
export const AUDIENCE = 'https://api.example.com';

/** A typical access token's claims (about 400 bytes once signed). */
export const claims400 = {
  iss: ISSUER,
  sub: 'user-1234567890',
  aud: AUDIENCE,
  exp: NOW + 3600,
  iat: NOW,
  nbf: NOW,
  jti: '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  scope: 'read:messages write:messages profile',
  tenant: 'acme',
  roles: ['admin', 'editor'],
};

/** The same claims with enough permissions to make a 2 KB token. */
export const claims2k = {
  ...claims400,
  permissions: Array.from({ length: 62 }, (_, i) => `resource-${String(i).padStart(2, '0')}:read`),
};
