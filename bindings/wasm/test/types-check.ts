// Compiled with `tsc --noEmit --strict` against the built package's index.d.ts: the types
// describe the API the tests exercise (a wrong type here fails the test suite).
import { init, minPk, minSig, BlsError, hashToCurve, type BatchItem, type BlsErrorCode } from '../pkg/index.js';

export async function typed(): Promise<number[]> {
  await init();
  const sk: Uint8Array = minPk.randomSecretKey();
  const pk: Uint8Array = minPk.skToPk(sk);
  const msg = new TextEncoder().encode('typed');
  const sig: Uint8Array = minPk.pop.sign(sk, msg);
  const ok: boolean = minPk.pop.verify(pk, msg, sig);
  const proven = minPk.pop.ProvenPublicKey.fromBytes(pk, minPk.pop.popProve(sk));
  const fast: boolean = minPk.pop.fastAggregateVerify([proven], msg, sig);
  const items: BatchItem[] = [{ publicKey: pk, message: msg, signature: sig }];
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
  void [ok, fast, h, share, s2];
  return [...bad, ...(await parallel)];
}
