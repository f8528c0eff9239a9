// The built package (pkg/) under Node's test runner, imported as a user imports it.
import test, { after } from 'node:test';
import * as blsig from '../pkg/node.js';
import { cases } from './suite.js';
import { vectorFiles } from './files.js';

await blsig.init();
after(() => blsig.terminateWorkers());

test('a call before init() is NOT_INITIALIZED (fresh module instance)', async () => {
  const fresh = await import(`../pkg/index.js?fresh=${Date.now()}`);
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
  const glue = await import(`../pkg/blsig_wasm.js?memory=${Date.now()}`);
  const wasm = glue.initSync({ module: readFileSync(new URL('../pkg/blsig_wasm_bg.wasm', import.meta.url)) });
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
