// Installs the package's npm tarball into an empty project, as a web developer would
// (`npm install ./blsig-wasm-<version>.tgz`), and uses it from there: under Node (import
// 'blsig-wasm', sign, verify, verifyBatchParallel over worker threads) and on a page
// without a bundler (an import map pointing at node_modules), in headless Chromium, with
// verifyBatchParallel over Web Workers. Usage: node test/install.mjs TARBALL
import { writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageResult, projectWith } from './page.mjs';

const tarball = resolve(process.argv[2] ?? '');
const { dir: project, run } = projectWith(tarball, 'blsig-install-');
let failed = 0;
try {
  // The program a user writes, importing the package by its name.
  const program = `
await init();
const sk = minPk.keyGen(new Uint8Array(32).fill(7));
const pk = minPk.skToPk(sk);
const msg = new TextEncoder().encode('installed');
const sig = minPk.pop.sign(sk, msg);
const items = [0, 1, 2, 3].map((i) => ({ publicKey: pk, message: msg, signature: i === 2 ? minPk.pop.sign(sk, new Uint8Array([i])) : sig }));
const bad = await minPk.pop.verifyBatchParallel(items, { workers: 2 });
await initKeys();
const vk = deriveKey(new Uint8Array(32).fill(1), validatorPath(0));
console.log(JSON.stringify({ version: version(), valid: minPk.pop.verify(pk, msg, sig), bad, key: minPk.skToPk(vk).length }));
`;
  writeFileSync(
    join(project, 'app.mjs'),
    `import { init, minPk, version, terminateWorkers } from 'blsig-wasm';\nimport { initKeys, deriveKey, validatorPath } from 'blsig-wasm/keys';\n${program}\nterminateWorkers();\n`,
  );
  const expected = JSON.stringify({ version: '0.1.0', valid: true, bad: [2], key: 48 });
  const node = run('node', ['app.mjs']).trim();
  console.log(`installed package under Node: ${node}`);
  if (node !== expected) failed++;

  writeFileSync(
    join(project, 'index.html'),
    `<!doctype html>
<script type="importmap">{ "imports": { "blsig-wasm": "./node_modules/blsig-wasm/index.js", "blsig-wasm/keys": "./node_modules/blsig-wasm/keys.js" } }</script>
<script type="module">
const log = [];
const console = { log: (line) => log.push(line) };
try {
  const { init, minPk, version } = await import('blsig-wasm');
  const { initKeys, deriveKey, validatorPath } = await import('blsig-wasm/keys');
${program}
  window.__result = log[0];
} catch (e) {
  window.__result = 'error: ' + e;
}
</script>`,
  );
  const result = await pageResult(project, 'import map');
  console.log(`installed package on a page (import map): ${result}`);
  if (result !== expected) failed++;
} finally {
  rmSync(project, { recursive: true, force: true });
}
console.log(failed === 0 ? 'install tests: all passed' : `install tests: ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
