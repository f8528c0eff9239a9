// Runs bench.html in headless Chromium (Debian's, via playwright-core) and prints the
// figures as a Markdown table: `node bindings/wasm/bench/run.mjs [rounds]` after
// scripts/build-wasm.sh. A benchmark, not a test: nothing here passes or fails on time.
import { chromium } from 'playwright-core';
import { serve } from '../test/server.js';

const rounds = Number(process.argv[2] ?? 7);
const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e}`));
  await page.goto(`${server.url}/bench/bench.html?rounds=${rounds}`);
  await page.waitForFunction(() => window.__bench, null, { timeout: 1_800_000 });
  const r = await page.evaluate(() => window.__bench);
  if (r.error) throw new Error(r.error);
  console.log(`${r.userAgent}; hardwareConcurrency ${r.hardwareConcurrency}; median of ${rounds} interleaved rounds\n`);
  console.log('| operation | blsig-wasm | @noble/curves 2.4 | bls-eth-wasm 1.7 | blsig / noble | blsig / herumi |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const names = [...new Set(Object.keys(r).filter((k) => k.includes('|')).map((k) => k.split('|')[0]))];
  const cell = (x) => (x ? `${x.toFixed(2)} ms` : '—');
  const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : '');
  for (const name of names) {
    const [ours, noble, herumi] = ['blsig', 'noble', 'herumi'].map((lib) => r[`${name}|${lib}`]);
    if (name.startsWith('verifyBatchParallel')) continue;
    console.log(`| ${name} | ${cell(ours)} | ${cell(noble)} | ${cell(herumi)} | ${ratio(ours, noble)} | ${ratio(ours, herumi)} |`);
  }
  for (const name of names.filter((n) => n.startsWith('verifyBatchParallel'))) {
    console.log(`| ${name} | ${cell(r[`${name}|blsig`])} | | | | |`);
  }
  const one = r['verifyBatchParallel 256, 1 worker|blsig'];
  const two = r['verifyBatchParallel 256, 2 workers|blsig'];
  console.log(`\nverifyBatchParallel speed-up, 2 workers over 1: ${(one / two).toFixed(2)}×`);
} finally {
  await browser.close();
  server.close();
}
