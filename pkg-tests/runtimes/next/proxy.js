// Next's proxy (formerly middleware; the Node.js runtime) guarding /guarded: a good Bearer token
// goes through with its subject in a request header, anything else is answered 401 with the code.
import { createVerifier, JwtError } from 'jwt-wasm';
import { NextResponse } from 'next/server';

let verifier;
export function proxy(request) {
  verifier ??= createVerifier(process.env.JWT_SECRET, { algorithms: ['HS256'], audience: 'api' });
  const token = request.headers.get('authorization')?.replace(/^Bearer /i, '') ?? '';
  try {
    const { payload } = verifier.verify(token);
    const headers = new Headers(request.headers);
    headers.set('x-subject', payload.sub);
    return NextResponse.next({ request: { headers } });
  } catch (error) {
    if (error instanceof JwtError) return Response.json({ code: error.code }, { status: 401 });
    throw error;
  }
}

export const config = { matcher: '/guarded/:path*' };
