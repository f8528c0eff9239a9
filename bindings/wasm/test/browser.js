// The package suite on a page (main thread), then in a Web Worker started with the
// page's compiled module (initSync), as a page would use the package.
import * as blsig from '../pkg/index.js';
import { cases, runAll } from './suite.js';

const log = (line) => {
  document.getElementById('log').textContent += `${line}\n`;
  console.log(line);
};

async function main() {
  const files = await (await fetch('/vectors.json')).json();
  await blsig.init();
  log('# main thread');
  const page = await runAll(cases(blsig, files), log);
  log('# worker');
  const worker = new Worker(new URL('./browser-worker.js', import.meta.url), { type: 'module' });
  const inWorker = await new Promise((resolve) => {
    worker.onmessage = (e) => {
      if (e.data.log) log(e.data.log);
      if (e.data.done) resolve(e.data.done);
    };
    worker.onerror = (e) => resolve({ passed: 0, failed: 1, error: String(e.message) });
    worker.postMessage({ module: blsig.wasmModule(), files });
  });
  blsig.terminateWorkers();
  const passed = page.passed + inWorker.passed;
  const failed = page.failed + inWorker.failed;
  document.getElementById('result').textContent = `${passed} passed, ${failed} failed`;
  window.__results = { page, worker: inWorker, passed, failed };
}

main().catch((e) => {
  log(`FAILED to run: ${e?.stack ?? e}`);
  window.__results = { passed: 0, failed: 1 };
});
