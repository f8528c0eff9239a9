// The Node entry point of blsig-wasm/keys: `initKeys()` reads the module from the package.
// Node has no page to freeze: the async keystore functions run on the calling thread.
import { readFile } from 'node:fs/promises';
import { initKeys as initFrom } from './keys.js';
import { isInitOptions } from './init-options.js';

export * from './keys.js';

/** Loads the key module from the package (or from `source`, as the browser form takes). */
export async function initKeys(source) {
  const wasm = isInitOptions(source) ? source.wasm : source;
  return initFrom(wasm ?? (await readFile(new URL('./blsig_keys_bg.wasm', import.meta.url))));
}
