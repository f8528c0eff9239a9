// Runs a wasm32-wasip1 test binary under Node's WASI (cargo's runner for that target):
// `CARGO_TARGET_WASM32_WASIP1_RUNNER="node scripts/wasi-run.mjs" cargo test --target
// wasm32-wasip1`. The host's root and working directory are preopened so that tests find
// their vector files; the exit code is the binary's.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import process from 'node:process';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({
  version: 'preview1',
  args: [file, ...args],
  env: process.env,
  preopens: { '/': '/', '.': process.cwd() },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
