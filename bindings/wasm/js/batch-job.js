// What a worker of `verifyBatchParallel` does: instantiate the module it is sent, then
// answer each sub-batch with the indices of its bad items (empty when the sub-batch
// verifies, which one final exponentiation decides) or with the error it threw.
import * as raw from './blsig_wasm.js';

export function handle(data, reply) {
  if (data.init) {
    raw.initSync({ module: data.init });
    return;
  }
  const { id, suite, keys, keyLens, messages, messageLens, sigs, sigLens, seed } = data;
  try {
    const invalid = raw.findInvalid(suite, keys, keyLens, messages, messageLens, sigs, sigLens, seed);
    reply({ id, invalid });
  } catch (e) {
    reply({ id, error: { code: e?.code ?? 'UNKNOWN_ERROR', message: String(e?.message ?? e) } });
  }
}
