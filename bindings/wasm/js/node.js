// The Node entry point: the browser API, with `init()` reading the wasm file from disk and
// `verifyBatchParallel` running on worker threads.
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { init as initFrom, setWorkerFactory } from './index.js';
import { isInitOptions } from './init-options.js';

export * from './index.js';

/** Loads the module from the package (or from `source`, as the browser `init` takes; a
 * `worker` option is for browsers and is ignored here: Node uses worker threads). */
export async function init(source) {
  const wasm = isInitOptions(source) ? source.wasm : source;
  return initFrom(wasm ?? (await readFile(new URL('./blsig_wasm_bg.wasm', import.meta.url))));
}

/** A worker thread behind the Web Worker surface the pool uses. Idle workers are unref'd
 * so that they never keep the process alive. */
function nodeWorker() {
  const worker = new Worker(new URL('./node-worker.js', import.meta.url));
  let busy = 0;
  worker.unref();
  const surface = {
    postMessage(message, transfer) {
      if (message.id !== undefined && busy++ === 0) worker.ref();
      worker.postMessage(message, transfer);
    },
    terminate: () => worker.terminate(),
    set onmessage(f) {
      worker.on('message', (data) => {
        if (data.id !== undefined && --busy === 0) worker.unref();
        f({ data });
      });
    },
    set onerror(f) {
      worker.on('error', (error) => f({ error }));
    },
  };
  return surface;
}

setWorkerFactory(nodeWorker);
