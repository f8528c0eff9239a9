// Helpers of the install and bundler tests: an empty npm project with the package's
// tarball installed, and a page's `window.__result` after it loads in headless Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.js';

/** A new project folder with `tarball` installed (offline: the package has no
 * dependencies) and a `run(cmd, args)` that runs a command inside it. */
export function projectWith(tarball, prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8' });
  run('npm', ['init', '-y']);
  run('npm', ['pkg', 'set', 'type=module']);
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball]);
  return { dir, run };
}

/** Serves `root`, opens `index.html` in headless Chromium, and returns the page's
 * `window.__result` once set. */
export async function pageResult(root, name) {
  const server = await serve(`${root}/`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.log(`  [${name} page error] ${e}`));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.__result, null, { timeout: 120_000 });
    return await page.evaluate(() => window.__result);
  } finally {
    await browser.close();
    server.close();
  }
}
