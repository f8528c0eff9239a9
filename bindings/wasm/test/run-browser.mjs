// Drives headless Chromium (Debian's /usr/bin/chromium, through playwright-core; no
// browser download) over the package: the test page (main thread and a worker, including
// verifyBatchParallel) and the demo page, clicked through with its DOM checked and a
// screenshot saved to test-results/demo.png. Prints `N passed, N failed`; exits 1 on any
// failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './server.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

const server = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
let failed = 0;
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log(`  [page] ${m.text()}`));
  page.on('pageerror', (e) => console.log(`  [page error] ${e}`));
  await page.goto(`${server.url}/test/browser.html`);
  await page.waitForFunction(() => window.__results, null, { timeout: 300_000 });
  const results = await page.evaluate(() => window.__results);
  console.log(`browser suite: ${results.passed} passed, ${results.failed} failed (page ${results.page?.passed}/${results.page?.passed + results.page?.failed}, worker ${results.worker?.passed}/${results.worker?.passed + results.worker?.failed})`);
  failed += results.failed;
  if (results.passed === 0) failed++;

  failed += await demo(await browser.newPage());
} finally {
  await browser.close();
  server.close();
}
console.log(failed === 0 ? 'browser tests: all passed' : `browser tests: ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

async function demo(page) {
  page.on('pageerror', (e) => console.log(`  [demo error] ${e}`));
  await page.goto(`${server.url}/demo/index.html`);
  await page.waitForSelector('#ready:not([hidden])', { timeout: 60_000 });
  const checks = [];
  const step = async (button, output, pattern) => {
    await page.click(button);
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.done === '1', output, { timeout: 60_000 });
    const text = await page.textContent(output);
    const ok = pattern.test(text);
    checks.push(ok);
    console.log(`  demo ${button}: ${ok ? 'ok' : 'FAILED'} — ${text.trim()}`);
  };
  await step('#generate', '#generate-out', /^64 key pairs/);
  await step('#sign', '#sign-out', /^64 signatures/);
  await step('#verify', '#verify-out', /^64 of 64 valid/);
  await step('#aggregate', '#aggregate-out', /^aggregate of 64: valid/);
  await step('#batch', '#batch-out', /^batch of 64: valid/);
  await step('#corrupt', '#corrupt-out', /^corrupted signature #\d+/);
  const corrupted = await page.getAttribute('#corrupt-out', 'data-index');
  await step('#batch', '#batch-out', /^batch of 64: INVALID/);
  await step('#find', '#find-out', new RegExp(`^bad: #${corrupted}$`));
  const dir = fileURLToPath(new URL('../test-results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}demo.png`, fullPage: true });
  console.log(`  demo screenshot: ${dir}demo.png`);
  const bad = checks.filter((c) => !c).length;
  console.log(`demo: ${checks.length - bad} passed, ${bad} failed`);
  return bad;
}
