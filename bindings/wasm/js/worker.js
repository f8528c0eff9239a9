// The Web Worker of `verifyBatchParallel` (browsers).
import { handle } from './batch-job.js';

self.onmessage = (event) => handle(event.data, (message) => self.postMessage(message));
