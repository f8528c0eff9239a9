// A static server on 127.0.0.1 for the browser tests, the demo and the benchmark: the
// wasm package directory (pkg/, test/, demo/, bench/, node_modules/), and the shared
// vectors as one JSON list at /vectors.json.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vectorFiles } from './files.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.png': 'image/png',
};

/** Serves `root` (default: the wasm package directory). */
export function serve(root = ROOT) {
  let vectors = null;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    try {
      if (path === '/vectors.json') {
        vectors ??= JSON.stringify(vectorFiles());
        res.writeHead(200, { 'Content-Type': TYPES['.json'] });
        res.end(vectors);
        return;
      }
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside the root');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}
