// Types of blsig-wasm/keys: EIP-2333/2334 key derivation and EIP-2335 keystores.
import type { WasmSource } from './index.js';

/** Loads the key module once: a source of `blsig_keys_bg.wasm` (default: next to
 * `keys.js`; under Node, read from the package), or where a bundler put it and
 * `keys-worker.js`. */
export function initKeys(source?: WasmSource | { wasm?: WasmSource; worker?: string | URL }): Promise<void>;
/** Instantiates the key module synchronously (workers). */
export function initKeysSync(source: WebAssembly.Module | BufferSource): void;

/** EIP-2333 `derive_master_SK` of a seed of at least 32 bytes (`SHORT_IKM`). */
export function deriveMasterKey(seed: Uint8Array): Uint8Array;
/** EIP-2333 `derive_child_SK` of a 32-byte parent secret key. */
export function deriveChildKey(parentSecretKey: Uint8Array, index: number): Uint8Array;
/** The 32-byte key at an EIP-2334 path (`m/12381/3600/0/0/0`; `INVALID_PATH`,
 * `PATH_INDEX_OUT_OF_RANGE`) of `seed`'s tree. */
export function deriveKey(seed: Uint8Array, path: string): Uint8Array;
/** `m/12381/3600/<index>/0/0`, or `m/12381/3600/<index>/0` with `withdrawal`. */
export function validatorPath(index: number, options?: { withdrawal?: boolean }): string;

/** How a keystore is written. */
export interface KeystoreOptions {
  /** An EIP-2334 path, or `''` (the default). */
  path?: string;
  description?: string;
  /** The kdf (default `'scrypt'`, with r = 8, p = 1). */
  kdf?: 'scrypt' | 'pbkdf2';
  /** log2 of scrypt's n or PBKDF2's c (default 18, the EIP's). */
  cost?: number;
  /** The stored pubkey's variant: 0 min-pk (Ethereum's, the default) or 1 min-sig. */
  variant?: 0 | 1;
}

/** What a keystore says about itself (no password needed). */
export interface KeystoreInfo {
  /** The `path` field as written (informational; may be `''`). */
  path: string;
  /** The stored public key as hex, or `null` without one (then a tampered IV would go
   * unnoticed: compare the decrypted key's public key with one you trust). */
  pubkey: string | null;
  uuid: string;
  description: string;
  kdf: 'scrypt' | 'pbkdf2';
  /** log2 of the kdf's work, rounded up: scrypt passes at r = 8, p = 1 (so r and p count),
   * or PBKDF2 iterations. The EIP's defaults are 18; compare it with your limit before
   * decrypting files from untrusted sources. */
  cost: number;
  /** The kdf as the EIP names it, e.g. `scrypt (n = 2^18, r = 8, p = 1)`. */
  kdfText: string;
}

/** Reads a keystore's public fields; `MALFORMED_KEYSTORE` (the message names the field),
 * `UNSUPPORTED_KEYSTORE_*`, `KEYSTORE_PARAMETER_OUT_OF_BOUNDS`. */
export function keystoreInfo(json: string): KeystoreInfo;

/** EIP-2335 encryption in a Web Worker (off the page's thread): the keystore JSON. */
export function encryptKeystore(secretKey: Uint8Array, password: string, options?: KeystoreOptions): Promise<string>;
/** EIP-2335 decryption in a Web Worker: the 32-byte secret key. Rejects with
 * `WRONG_PASSWORD` (a wrong password or a damaged file: the format cannot tell them apart). */
export function decryptKeystore(json: string, password: string, options?: { variant?: 0 | 1 }): Promise<Uint8Array>;
/** As `encryptKeystore`, blocking the calling thread. */
export function encryptKeystoreSync(secretKey: Uint8Array, password: string, options?: KeystoreOptions): string;
/** As `decryptKeystore`, blocking the calling thread. */
export function decryptKeystoreSync(json: string, password: string, options?: { variant?: 0 | 1 }): Uint8Array;
/** Ends the keystore worker. */
export function terminateKeysWorker(): void;
