// Serves the demo page (www/) and the package files it imports (js/, pkg/) on 127.0.0.1.
// PORT sets the port (default 8080). Usage: node scripts/serve.mjs
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// No trailing separator: the containment check below appends one.
const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]+$/, '');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};
// Only these folders are public; the page lives in www/, the package in js/ and pkg/.
const PUBLIC = ['www', 'js', 'pkg'];

function resolve(urlPath) {
  const path = decodeURIComponent(urlPath.split('?')[0]);
  const relative = path === '/' ? 'www/index.html' : normalize(path).replace(/^[/\\]+/, '');
  const top = relative.split(/[/\\]/)[0];
  const file = join(root, PUBLIC.includes(top) ? relative : join('www', relative));
  if (!file.startsWith(root + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

export function startServer(port = Number(process.env.PORT ?? 8080)) {
  const server = createServer((request, response) => {
    let file = null;
    try {
      file = resolve(request.url ?? '/');
    } catch {
      file = null;
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => server.listen(port, '127.0.0.1', () => resolvePromise(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  console.log(`jwt-wasm token inspector: http://127.0.0.1:${server.address().port}/`);
}
