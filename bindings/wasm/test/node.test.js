// The built package (pkg/, or the directory BLSIG_PKG names, such as the core-only
// pkg-core/) under Node's test runner, imported as a user imports it.
import test, { after } from 'node:test';
import { cases } from './suite.js';
import { vectorFiles } from './files.js';

const PKG = new URL(process.env.BLSIG_PKG ?? '../pkg/', import.meta.url);
const blsig = await import(new URL('node.js', PKG));
await blsig.init();
after(() => blsig.terminateWorkers());

test('the build has exactly its parts (BLSIG_CORE_ONLY=1: no multisig, no threshold)', () => {
  const core = process.env.BLSIG_CORE_ONLY === '1';
  const parts = { msp: blsig.minPk.msp, asm: blsig.minPk.asm, threshold: blsig.minPk.threshold, popThreshold: blsig.minPk.pop.threshold };
  for (const [name, part] of Object.entries(parts)) {
    if (core === (part !== undefined)) throw new Error(`${name} is ${part === undefined ? 'absent' : 'present'}`);
  }
});

test('a call before init() is NOT_INITIALIZED (fresh module instance)', async () => {
  const fresh = await import(`${new URL('index.js', PKG)}?fresh=${Date.now()}`);
  let code;
  try {
    fresh.minPk.randomSecretKey();
  } catch (e) {
    code = e.code;
  }
  if (code !== 'NOT_INITIALIZED') throw new Error(`got ${code}`);
});

test('no secret key bytes remain in wasm memory after the byte API used them', async () => {
  // A separate instance of the glue, whose memory the test can read.
  const { readFileSync } = await import('node:fs');
  const glue = await import(`${new URL('blsig_wasm.js', PKG)}?memory=${Date.now()}`);
  const wasm = glue.initSync({ module: readFileSync(new URL('blsig_wasm_bg.wasm', PKG)) });
  const find = (needle) => {
    const mem = new Uint8Array(wasm.memory.buffer);
    outer: for (let i = 0; i + needle.length <= mem.length; i++) {
      for (let j = 0; j < needle.length; j++) if (mem[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  };
  const sk = glue.keyGen(0, crypto.getRandomValues(new Uint8Array(32)), new Uint8Array());
  const msg = new TextEncoder().encode('m');
  for (let i = 0; i < 3; i++) glue.sign(2, sk, msg);
  glue.skToPk(0, sk);
  glue.popProve(0, sk);
  const at = find(sk);
  if (at !== -1) throw new Error(`the secret key's bytes are still in wasm memory at ${at}`);
  // Without zero-on-free the encoding toBytes() passed out stays in freed memory (this
  // test fails on a build without the zeroizing allocator).
  const held = glue.SecretKey.fromBytes(0, sk);
  const encoded = held.toBytes();
  held.free();
  if (find(encoded) !== -1) throw new Error('freed SecretKey left its encoding behind');
});

for (const { name, run } of cases(blsig, vectorFiles())) {
  test(name, async (t) => {
    const note = await run();
    if (typeof note === 'string' && note.startsWith('skipped')) t.skip(note);
    else if (note) t.diagnostic(note);
  });
}
