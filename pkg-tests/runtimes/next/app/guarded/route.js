// Reached only through proxy.js, which sets the subject of the verified token.
export const dynamic = 'force-dynamic';

export function GET(request) {
  return Response.json({ subject: request.headers.get('x-subject') });
}
