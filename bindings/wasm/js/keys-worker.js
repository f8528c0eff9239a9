// The Web Worker of `encryptKeystore` / `decryptKeystore` (browsers): the kdf runs here,
// off the page's thread.
import { handle } from './keys-job.js';

self.onmessage = (event) => handle(event.data, (message) => self.postMessage(message));
