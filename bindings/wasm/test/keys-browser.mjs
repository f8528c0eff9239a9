// blsig-wasm/keys in headless Chromium: a keystore at the EIP's default cost is made in a
// Web Worker while a main-thread timer keeps ticking (and a blocking call, for contrast,
// stops it); the page's keystore opens in the command-line tool (BLSIG_CLI) and the tool's
// keystore opens in the page. Prints what it measured; exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.js';

const cli = process.env.BLSIG_CLI ?? fileURLToPath(new URL('../../../target/debug/blsig', import.meta.url));
if (!existsSync(cli)) throw new Error(`the blsig binary is missing: ${cli} (cargo build -p blsig-cli)`);
const seedHex = '3141592653589793238462643383279502884197169399375105820974944592';
const dir = mkdtempSync(join(tmpdir(), 'blsig-keys-page-'));
const run = (args) => execFileSync(cli, args, { cwd: dir, encoding: 'utf8' });
let failed = 0;
const check = (ok, what) => {
  console.log(`  ${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failed++;
};

const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  writeFileSync(join(dir, 'seed'), seedHex);
  writeFileSync(join(dir, 'pw'), 'shared secret');
  writeFileSync(join(dir, 'page-pw'), 'page secret');
  run(['keystore', 'new', '--seed-file', 'seed', '--validator', '3', '--password-file', 'pw', '--out', 'cli.json', '--cost', '10', '--allow-weak-kdf']);

  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`  [page error] ${e}`));
  await page.goto(`${server.url}/test/keys.html`);
  await page.waitForFunction(() => window.ready, null, { timeout: 60_000 });
  const r = await page.evaluate(([json, seed]) => window.run(json, seed), [readFileSync(join(dir, 'cli.json'), 'utf8'), seedHex]);

  console.log(`keystore at n = 2^18 in a worker: ${r.worker.ms.toFixed(0)} ms, ${r.worker.ticks} timer ticks; blocking at n = 2^16: ${r.blocking.ms.toFixed(0)} ms, ${r.blocking.ticks} ticks`);
  check(r.worker.ticks >= (0.5 * r.worker.ms) / 10, 'the page kept ticking while the worker ran the kdf');
  check(r.blocking.ms > 50 && r.blocking.ticks <= 2, 'a blocking kdf stops the timer (the measurement can tell)');
  check(JSON.parse(r.json).crypto.kdf.params.n === 1 << 18, "the page's keystore has the EIP's default cost");
  check(r.opened === r.cliKey, "the tool's keystore opens in the page");

  writeFileSync(join(dir, 'page.json'), r.json);
  const checked = run(['keystore', 'check', 'page.json', '--password-file', 'page-pw', '--show-secret']);
  check(checked.includes(`secret: 0x${r.pageKey}`), "the page's keystore opens in the tool");
  check(checked.includes('path: m/12381/3600/0/0/0'), 'with its path');
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(failed === 0 ? 'keys in the browser: all passed' : `keys in the browser: ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
