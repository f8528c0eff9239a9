// blsig-wasm against @noble/curves and herumi's bls-eth-wasm in one page, interleaved:
// each round measures every operation with every library, rotating which goes first; the
// figure is the median over rounds. The libraries compute the same bytes (checked before
// timing). herumi takes 32-byte messages only (Ethereum's signing roots), so every
// message here is 32 bytes.
import { init, minPk, hashToCurve, terminateWorkers } from '../pkg/index.js';
import { bls12_381 as bls } from '@noble/curves/bls12-381.js';

const ROUNDS = Number(new URLSearchParams(location.search).get('rounds') ?? 7);
const DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';
const te = new TextEncoder();
const out = document.getElementById('out');
const noble = bls.longSignatures;
const hexOf = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Milliseconds per call of `f`, over at least `minMs` of calls. */
async function measure(f, minMs = 250) {
  await f();
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    await f();
    n++;
    t = performance.now();
  }
  return (t - t0) / n;
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  await init();
  const herumi = globalThis.bls;
  await herumi.init(herumi.BLS12_381);
  herumi.setETHmode(herumi.ETH_MODE_DRAFT_07);
  // Decoding checks the subgroup, as ours does.
  herumi.verifySignatureOrder(true);
  herumi.verifyPublicKeyOrder(true);

  const sks = Array.from({ length: 256 }, (_, i) => minPk.keyGen(new Uint8Array(32).fill(i)));
  const pks = sks.map((sk) => minPk.skToPk(sk));
  const msgs = sks.map((_, i) => {
    const m = new Uint8Array(32);
    m.set(te.encode(`message number ${i}`));
    return m;
  });
  const sigs = sks.map((sk, i) => minPk.pop.sign(sk, msgs[i]));
  const msg = msgs[0];
  const items = sigs.map((signature, i) => ({ publicKey: pks[i], message: msgs[i], signature }));
  const proven = pks.slice(0, 64).map((pk) => minPk.pop.ProvenPublicKey.assumeProven(pk));
  const agg64 = minPk.pop.aggregate(sks.slice(0, 64).map((sk, i) => minPk.pop.sign(sk, msgs[i])));
  const fav64 = minPk.pop.aggregate(sks.slice(0, 64).map((sk) => minPk.pop.sign(sk, msg)));

  // herumi's values: keys decoded once (as registry keys would be), signatures from bytes.
  const hSk = (sk) => {
    const k = new herumi.SecretKey();
    k.deserialize(sk);
    return k;
  };
  const hPk = (pk) => {
    const k = new herumi.PublicKey();
    k.deserialize(pk);
    return k;
  };
  const hSig = (bytes) => {
    const s = new herumi.Signature();
    s.deserialize(bytes);
    return s;
  };
  const hSks = sks.slice(0, 2).map(hSk);
  const hPks = pks.map(hPk);
  const hMsgs64 = new Uint8Array(64 * 32);
  msgs.slice(0, 64).forEach((m, i) => hMsgs64.set(m, 32 * i));

  // The same answers from all three.
  const nobleSig = noble.Signature.toBytes(noble.sign(noble.hash(msg, DST), sks[0]));
  if (hexOf(nobleSig) !== hexOf(sigs[0])) throw new Error('noble and blsig signatures differ');
  if (hexOf(hSk(sks[0]).sign(msg).serialize()) !== hexOf(sigs[0])) throw new Error('herumi and blsig signatures differ');
  if (hexOf(hPks[0].serialize()) !== hexOf(pks[0])) throw new Error('herumi and blsig public keys differ');
  if (!noble.verify(sigs[0], noble.hash(msg, DST), pks[0])) throw new Error('noble rejects our signature');
  if (!hPks[0].verify(hSig(sigs[0]), msg)) throw new Error('herumi rejects our signature');
  if (!hSig(agg64).aggregateVerifyNoCheck(hPks.slice(0, 64), hMsgs64)) throw new Error('herumi rejects our aggregate');
  if (!hSig(fav64).fastAggregateVerify(hPks.slice(0, 64), msg)) throw new Error('herumi rejects our FAV aggregate');
  if (!herumi.multiVerify(hPks, sigs.map(hSig), msgs)) throw new Error('herumi rejects our batch');

  const ops = [
    ['sign', {
      blsig: () => minPk.pop.sign(sks[1], msg),
      noble: () => noble.Signature.toBytes(noble.sign(noble.hash(msg, DST), sks[1])),
      herumi: () => hSks[1].sign(msg).serialize(),
    }],
    ['verify (key and signature from bytes)', {
      blsig: () => minPk.pop.verify(pks[0], msg, sigs[0]),
      noble: () => noble.verify(sigs[0], noble.hash(msg, DST), pks[0]),
      herumi: () => hPk(pks[0]).verify(hSig(sigs[0]), msg),
    }],
    ['aggregateVerify (64 messages)', {
      blsig: () => minPk.pop.aggregateVerify(proven, msgs.slice(0, 64), agg64),
      noble: () => noble.verifyBatch(agg64, msgs.slice(0, 64).map((m, i) => ({ message: noble.hash(m, DST), publicKey: pks[i] }))),
      herumi: () => hSig(agg64).aggregateVerifyNoCheck(hPks.slice(0, 64), hMsgs64),
    }],
    ['fastAggregateVerify (64 keys)', {
      blsig: () => minPk.pop.fastAggregateVerify(proven, msg, fav64),
      noble: () => noble.verify(fav64, noble.hash(msg, DST), noble.aggregatePublicKeys(pks.slice(0, 64))),
      herumi: () => hSig(fav64).fastAggregateVerify(hPks.slice(0, 64), msg),
    }],
    ['hash to G2', {
      blsig: () => hashToCurve.g2(msg, te.encode(DST), { compressed: true }),
      noble: () => noble.hash(msg, DST).toBytes(),
    }],
    ['batch of 256 (per signature)', {
      blsig: () => minPk.pop.batchVerify(items),
      herumi: () => herumi.multiVerify(hPks, sigs.map(hSig), msgs),
    }, 256],
  ];
  const parallelOps = [
    ['verifyBatchParallel 256, 1 worker', () => minPk.pop.verifyBatchParallel(items, { workers: 1 })],
    ['verifyBatchParallel 256, 2 workers', () => minPk.pop.verifyBatchParallel(items, { workers: 2 })],
  ];
  const times = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fs, per = 1] of ops) {
      const order = Object.entries(fs);
      // Rotate who goes first from round to round.
      const contenders = order.slice(round % order.length).concat(order.slice(0, round % order.length));
      for (const [lib, f] of contenders) {
        (times[`${name}|${lib}`] ??= []).push((await measure(f)) / per);
      }
    }
    const order = round % 2 ? parallelOps.slice().reverse() : parallelOps;
    for (const [name, f] of order) (times[`${name}|blsig`] ??= []).push(await measure(f, 500));
    out.textContent = `round ${round + 1}/${ROUNDS}`;
  }
  terminateWorkers();
  const result = {};
  for (const [key, xs] of Object.entries(times)) result[key] = median(xs);
  result.userAgent = navigator.userAgent;
  result.hardwareConcurrency = navigator.hardwareConcurrency;
  out.textContent = JSON.stringify(result, null, 2);
  window.__bench = result;
}

main().catch((e) => {
  out.textContent = `failed: ${e.stack}`;
  window.__bench = { error: String(e.stack) };
});
