// The package suite inside a Web Worker: initSync with the module the page sent.
import * as blsig from '../pkg/index.js';
import { cases, runAll } from './suite.js';

self.onmessage = async ({ data }) => {
  blsig.initSync(data.module);
  const done = await runAll(cases(blsig, data.files), (line) => self.postMessage({ log: line }));
  blsig.terminateWorkers();
  self.postMessage({ done });
};
