// Builds a page that signs, verifies and runs verifyBatchParallel with the installed npm
// tarball under real bundlers — Vite (which resolves the package's `new URL(…,
// import.meta.url)` and `new Worker(new URL(…))` on its own) and esbuild (which does not:
// the README's recipe, `--loader:.wasm=file` and worker.js as a second entry point, with
// `init({ wasm, worker })`) — and loads each build in headless Chromium.
// Usage: node test/bundlers.mjs TARBALL
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageResult, projectWith } from './page.mjs';

const TOOLS = fileURLToPath(new URL('../node_modules/', import.meta.url));
const tarball = resolve(process.argv[2] ?? '');
const { dir: project, run } = projectWith(tarball, 'blsig-bundlers-');
const expected = JSON.stringify({ version: '0.1.0', valid: true, bad: [2] });
let failed = 0;

const app = `import { minPk, version } from 'blsig-wasm';
export async function run() {
  const sk = minPk.keyGen(new Uint8Array(32).fill(7));
  const pk = minPk.skToPk(sk);
  const msg = new TextEncoder().encode('bundled');
  const sig = minPk.pop.sign(sk, msg);
  const items = [0, 1, 2, 3].map((i) => ({ publicKey: pk, message: msg, signature: i === 2 ? minPk.pop.sign(sk, new Uint8Array([i])) : sig }));
  const bad = await minPk.pop.verifyBatchParallel(items, { workers: 2 });
  return JSON.stringify({ version: version(), valid: minPk.pop.verify(pk, msg, sig), bad });
}
`;
// Vite: the package as it is, init() with no argument.
const viteMain = `import { init } from 'blsig-wasm';
import { run } from './app.js';
try { await init(); window.__result = await run(); } catch (e) { window.__result = 'error: ' + e; }
`;
// esbuild: the .wasm as a file asset, worker.js as its own entry point next to the bundle.
const esbuildMain = `import wasm from 'blsig-wasm/blsig_wasm_bg.wasm';
import { init } from 'blsig-wasm';
import { run } from './app.js';
try {
  await init({ wasm, worker: new URL('./worker.js', import.meta.url) });
  window.__result = await run();
} catch (e) { window.__result = 'error: ' + e; }
`;

async function load(dir, name) {
  const result = await pageResult(dir, name);
  const ok = result === expected;
  console.log(`${name}: ${ok ? 'ok' : 'FAILED'} — ${result}`);
  if (!ok) failed++;
}

try {
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/app.js'), app);
  writeFileSync(join(project, 'src/vite-main.js'), viteMain);
  writeFileSync(join(project, 'src/esbuild-main.js'), esbuildMain);

  writeFileSync(join(project, 'index.html'), '<!doctype html>\n<script type="module" src="/src/vite-main.js"></script>\n');
  run(join(TOOLS, '.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', 'out-vite']);
  await load(join(project, 'out-vite'), 'Vite');

  run(join(TOOLS, '.bin/esbuild'), [
    'src/esbuild-main.js',
    'node_modules/blsig-wasm/worker.js',
    '--bundle',
    '--format=esm',
    '--outdir=out-esbuild',
    '--entry-names=[name]',
    '--loader:.wasm=file',
    '--log-level=warning',
  ]);
  writeFileSync(join(project, 'out-esbuild/index.html'), '<!doctype html>\n<script type="module" src="./esbuild-main.js"></script>\n');
  await load(join(project, 'out-esbuild'), 'esbuild');
} finally {
  rmSync(project, { recursive: true, force: true });
}
console.log(failed === 0 ? 'bundler tests: all passed' : `bundler tests: ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
