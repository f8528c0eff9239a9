// Compiled with `tsc --noEmit --strict` against the built package's index.d.ts: the types
// describe the API the tests exercise (a wrong type here fails the test suite), and the
// calls the code rejects do not type-check (each `@ts-expect-error` line must be an error,
// or tsc fails: "Unused '@ts-expect-error' directive").
import { initKeys, deriveKey, validatorPath, encryptKeystore, keystoreInfo, type KeystoreInfo } from '../pkg/keys.js';
import { init, minPk, minSig, BlsError, hashToCurve, ethAggregatePubkeys, ethFastAggregateVerify, type BatchItem, type BlsErrorCode, type EncodedBatchItem } from '../pkg/index.js';

export async function typed(): Promise<number[]> {
  await init();
  // The bundler form: where the .wasm and worker.js went.
  await init({ wasm: new URL('./x.wasm', import.meta.url), worker: new URL('./worker.js', import.meta.url) });
  const sk: Uint8Array = minPk.randomSecretKey();
  const pk: Uint8Array = minPk.skToPk(sk);
  const msg = new TextEncoder().encode('typed');
  const sig: Uint8Array = minPk.pop.sign(sk, msg);
  const ok: boolean = minPk.pop.verify(pk, msg, sig);
  const proven = minPk.pop.ProvenPublicKey.fromBytes(pk, minPk.pop.popProve(sk));
  const fast: boolean = minPk.pop.fastAggregateVerify([proven], msg, sig);
  const items: EncodedBatchItem[] = [{ publicKey: pk, message: msg, signature: sig }];
  const bad: number[] = minPk.pop.findInvalid(items);
  const parallel: Promise<number[]> = minPk.pop.verifyBatchParallel(items, { workers: 2 });
  const key = minSig.SecretKey.random();
  key[Symbol.dispose]();
  const h: Uint8Array = hashToCurve.g2(msg, new TextEncoder().encode('DST'), { compressed: true });
  const group = minPk.msp.group([pk]);
  const share: Uint8Array = group.signShare(sk, msg);
  group.free();
  const dealt = minPk.threshold.deal(sk, 1, 2);
  const s2: Uint8Array = minPk.pop.threshold.combine(dealt.publicKeySet, [minPk.pop.threshold.sign(dealt.publicKeySet, dealt.shares[0], msg)]);
  try {
    minPk.PublicKey.fromBytes(new Uint8Array(1));
  } catch (e) {
    if (e instanceof BlsError) {
      const code: BlsErrorCode = e.code;
      void code;
    }
  }
  // Exact types: what the code accepts type-checks, what it rejects does not.
  const decoded = minPk.PublicKey.fromBytes(pk);
  const basicAv: boolean = minPk.basic.aggregateVerify([pk, decoded], [msg, h], sig);
  const popAv: boolean = minPk.pop.aggregateVerify([proven], [msg], sig);
  const mixed: BatchItem[] = [{ publicKey: decoded, message: msg, signature: sig }];
  void minPk.pop.findInvalid(mixed);
  // @ts-expect-error The proof-of-possession scheme aggregates only proven keys.
  minPk.pop.aggregateVerify([pk], [msg], sig);
  // @ts-expect-error Nor decoded keys without a proof.
  minPk.pop.aggregateVerify([decoded], [msg], sig);
  // @ts-expect-error Proven keys do not mix with unproven ones.
  minPk.basic.aggregateVerify([pk, proven], [msg, h], sig);
  // @ts-expect-error verifyBatchParallel sends encodings to workers: no decoded objects.
  void minPk.pop.verifyBatchParallel(mixed);
  // @ts-expect-error FastAggregateVerify belongs to the proof-of-possession scheme only.
  minPk.basic.fastAggregateVerify([proven], msg, sig);
  // @ts-expect-error assumeProven too.
  minPk.aug.ProvenPublicKey.assumeProven(pk);
  const registry = minPk.pop.ProvenPublicKey.assumeProven(decoded);
  registry.free();
  decoded.free();
  const ethSum: Uint8Array = ethAggregatePubkeys([pk, decoded]);
  const ethOk: boolean = ethFastAggregateVerify([pk], msg, sig);
  await initKeys();
  const vk: Uint8Array = deriveKey(new Uint8Array(32), validatorPath(0, { withdrawal: true }));
  const ks: string = await encryptKeystore(vk, 'pw', { kdf: 'pbkdf2', cost: 18, variant: 0 });
  const info: KeystoreInfo = keystoreInfo(ks);
  // @ts-expect-error Only scrypt and PBKDF2.
  void encryptKeystore(vk, 'pw', { kdf: 'argon2' });
  void [ok, fast, h, share, s2, basicAv, popAv, ethSum, ethOk, info];
  return [...bad, ...(await parallel)];
}
