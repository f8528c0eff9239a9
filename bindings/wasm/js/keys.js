// blsig-wasm/keys: validator key tools for launchpads and wallet pages — EIP-2333 key
// derivation at EIP-2334 paths and EIP-2335 keystores (scrypt and PBKDF2, within the
// library's cost bounds) — in a wasm module of their own (`blsig_keys_bg.wasm`), so that
// pages that only sign and verify never download them. Secret keys are 32-byte
// `Uint8Array`s, as in the main module (`minPk.skToPk(sk)` gives the public key).
// `encryptKeystore` / `decryptKeystore` run the kdf in a Web Worker and resolve without
// freezing the page; the `…Sync` forms block (for workers and scripts).
import * as raw from './blsig_keys.js';
import { BlsError } from './error.js';
import { isInitOptions } from './init-options.js';

let module = null;
// The literal `new Worker(new URL('./keys-worker.js', import.meta.url), …)` is the form
// bundlers recognise (`initKeys({ worker })` for the others).
let workerFactory = () => new Worker(new URL('./keys-worker.js', import.meta.url), { type: 'module' });
let worker = null;
const pending = new Map();
let nextId = 0;

/** Loads the key module once (a source as `init` takes, or `{ wasm, worker }`). */
export async function initKeys(source) {
  if (module) return;
  const options = isInitOptions(source) ? source : { wasm: source };
  if (options.worker !== undefined) {
    const url = options.worker;
    workerFactory = () => new Worker(url, { type: 'module' });
  }
  let wasm = options.wasm ?? new URL('./blsig_keys_bg.wasm', import.meta.url);
  if (typeof wasm === 'string' || wasm instanceof URL) wasm = fetch(wasm);
  wasm = await wasm;
  if (typeof Response === 'function' && wasm instanceof Response) {
    if (!wasm.ok) throw new Error(`blsig: cannot load the key module (HTTP ${wasm.status})`);
    wasm = await wasm.arrayBuffer();
  }
  initKeysSync(wasm instanceof WebAssembly.Module ? wasm : await WebAssembly.compile(wasm));
}

/** Instantiates the key module synchronously from a compiled module or its bytes. */
export function initKeysSync(source) {
  if (module) return;
  const compiled = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source);
  raw.initSync({ module: compiled });
  module = compiled;
}

function ready() {
  if (!module) throw new BlsError('NOT_INITIALIZED', 'call `await initKeys()` before using blsig-wasm/keys');
}

function bytes(value, what) {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
  return value;
}

function text(value, what) {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

/** EIP-2333 `derive_master_SK` of a seed of at least 32 bytes (a BIP-39 seed). */
export function deriveMasterKey(seed) {
  ready();
  return raw.deriveMasterKey(bytes(seed, 'seed'));
}

/** EIP-2333 `derive_child_SK`. */
export function deriveChildKey(parentSecretKey, index) {
  ready();
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) throw new TypeError('index must be an integer in 0‥2^32−1');
  return raw.deriveChildKey(bytes(parentSecretKey, 'parentSecretKey'), index);
}

/** The key at an EIP-2334 path such as `m/12381/3600/0/0/0` of `seed`'s tree. */
export function deriveKey(seed, path) {
  ready();
  return raw.deriveKey(bytes(seed, 'seed'), text(path, 'path'));
}

/** EIP-2334's path of validator `index`'s signing key, or with `{ withdrawal: true }` its
 * withdrawal key. */
export function validatorPath(index, { withdrawal = false } = {}) {
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) throw new TypeError('index must be an integer in 0‥2^32−1');
  return withdrawal ? `m/12381/3600/${index}/0` : `m/12381/3600/${index}/0/0`;
}

/** What a keystore says about itself, without the password. */
export function keystoreInfo(json) {
  ready();
  return JSON.parse(raw.keystoreInfo(text(json, 'json')));
}

function encryptArgs(secretKey, password, options = {}) {
  const { path = '', description = '', kdf = 'scrypt', cost = 18, variant = 0 } = options;
  if (!Number.isInteger(cost) || cost < 1 || cost > 39) throw new TypeError('cost must be an integer log2 in 1‥39');
  if (variant !== 0 && variant !== 1) throw new TypeError('variant must be 0 (min-pk) or 1 (min-sig)');
  const seed = crypto.getRandomValues(new Uint8Array(32));
  return [bytes(secretKey, 'secretKey'), text(password, 'password'), text(path, 'path'), text(description, 'description'), text(kdf, 'kdf'), cost, seed, variant];
}

function decryptArgs(json, password, { variant = 0 } = {}) {
  if (variant !== 0 && variant !== 1) throw new TypeError('variant must be 0 (min-pk) or 1 (min-sig)');
  return [text(json, 'json'), text(password, 'password'), variant];
}

/** EIP-2335 encryption on this thread (blocks for the kdf: ≈ 1 s at the default cost). */
export function encryptKeystoreSync(secretKey, password, options) {
  ready();
  return raw.keystoreEncrypt(...encryptArgs(secretKey, password, options));
}

/** EIP-2335 decryption on this thread. */
export function decryptKeystoreSync(json, password, options) {
  ready();
  return raw.keystoreDecrypt(...decryptArgs(json, password, options));
}

/** Runs a job in the keystore worker (browsers), or here where there is no `Worker`. */
function job(op, args) {
  if (typeof Worker === 'undefined') {
    return new Promise((resolve) => resolve(op === 'encrypt' ? raw.keystoreEncrypt(...args) : raw.keystoreDecrypt(...args)));
  }
  if (!worker) {
    worker = workerFactory();
    worker.postMessage({ init: module });
    worker.onmessage = ({ data }) => {
      const entry = pending.get(data.id);
      if (!entry) return;
      pending.delete(data.id);
      if (data.error) entry.reject(new BlsError(data.error.code, data.error.message));
      else entry.resolve(data.result);
    };
    worker.onerror = (event) => {
      for (const entry of pending.values()) entry.reject(event.error ?? new Error('blsig: the keystore worker failed'));
      pending.clear();
    };
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
}

/** EIP-2335 encryption in a worker: resolves to the keystore JSON. Options: `path` (an
 * EIP-2334 path, or `''`), `description`, `kdf` (`'scrypt'` or `'pbkdf2'`), `cost` (log2,
 * default 18: the EIP's), `variant` (0 min-pk, 1 min-sig: the stored pubkey's form). */
export function encryptKeystore(secretKey, password, options) {
  ready();
  return job('encrypt', encryptArgs(secretKey, password, options));
}

/** EIP-2335 decryption in a worker: resolves to the 32-byte secret key. Rejects with
 * `WRONG_PASSWORD` (or a damaged file), `MALFORMED_KEYSTORE` (naming the field), … */
export function decryptKeystore(json, password, options) {
  ready();
  return job('decrypt', decryptArgs(json, password, options));
}

/** Ends the keystore worker (a new one starts on the next job). */
export function terminateKeysWorker() {
  worker?.terminate();
  worker = null;
  for (const entry of pending.values()) entry.reject(new Error('blsig: the keystore worker was terminated'));
  pending.clear();
}
