// The worker thread of `verifyBatchParallel` under Node.
import { parentPort } from 'node:worker_threads';
import { handle } from './batch-job.js';

parentPort.on('message', (data) => handle(data, (message) => parentPort.postMessage(message)));
