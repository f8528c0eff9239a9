// What the keystore worker does: instantiate the key module it is sent, then run each
// encrypt or decrypt job (the costly kdf) and answer with its result or the error it threw.
import * as raw from './blsig_keys.js';

export function handle(data, reply) {
  if (data.init) {
    raw.initSync({ module: data.init });
    return;
  }
  const { id, op, args } = data;
  try {
    const result = op === 'encrypt' ? raw.keystoreEncrypt(...args) : raw.keystoreDecrypt(...args);
    reply({ id, result });
  } catch (e) {
    reply({ id, error: { code: e?.code ?? 'UNKNOWN_ERROR', message: String(e?.message ?? e) } });
  }
}
