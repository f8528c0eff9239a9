// blsig-wasm against @noble/curves in one page, interleaved: each round measures every
// operation with both libraries, alternating which goes first; the figure is the median
// over rounds. Both libraries compute the same bytes (checked before timing).
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
  const sks = Array.from({ length: 256 }, (_, i) => minPk.keyGen(new Uint8Array(32).fill(i)));
  const pks = sks.map((sk) => minPk.skToPk(sk));
  const msgs = sks.map((_, i) => te.encode(`message number ${i}`));
  const sigs = sks.map((sk, i) => minPk.pop.sign(sk, msgs[i]));
  const msg = msgs[0];
  const items = sigs.map((signature, i) => ({ publicKey: pks[i], message: msgs[i], signature }));
  const agg64 = minPk.basic.aggregate(sks.slice(0, 64).map((sk, i) => minPk.basic.sign(sk, msgs[i])));
  const nobleAgg64 = noble.Signature.toBytes(noble.aggregateSignatures(sks.slice(0, 64).map((sk, i) => noble.sign(noble.hash(msgs[i], 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_'), sk))));

  // The same answers from both.
  const nobleSig = noble.Signature.toBytes(noble.sign(noble.hash(msg, DST), sks[0]));
  if (hexOf(nobleSig) !== hexOf(sigs[0])) throw new Error('noble and blsig signatures differ');
  if (hexOf(nobleAgg64) !== hexOf(agg64)) throw new Error('noble and blsig aggregates differ');
  if (!noble.verify(sigs[0], noble.hash(msg, DST), pks[0])) throw new Error('noble rejects our signature');

  const NUL = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_';
  const ops = [
    ['sign', () => minPk.pop.sign(sks[1], msg), () => noble.Signature.toBytes(noble.sign(noble.hash(msg, DST), sks[1]))],
    ['verify', () => minPk.pop.verify(pks[0], msg, sigs[0]), () => noble.verify(sigs[0], noble.hash(msg, DST), pks[0])],
    [
      'aggregateVerify (64 messages)',
      () => minPk.basic.aggregateVerify(pks.slice(0, 64), msgs.slice(0, 64), agg64),
      () => noble.verifyBatch(agg64, msgs.slice(0, 64).map((m, i) => ({ message: noble.hash(m, NUL), publicKey: pks[i] }))),
    ],
    ['hash to G2', () => hashToCurve.g2(msg, te.encode(DST), { compressed: true }), () => noble.hash(msg, DST).toBytes()],
    ['batch of 256 (per signature)', () => minPk.pop.batchVerify(items), null, 256],
  ];
  const parallelOps = [
    ['verifyBatchParallel 256, 1 worker', () => minPk.pop.verifyBatchParallel(items, { workers: 1 })],
    ['verifyBatchParallel 256, 2 workers', () => minPk.pop.verifyBatchParallel(items, { workers: 2 })],
  ];
  const times = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, ours, theirs, per = 1] of ops) {
      const pair = [['blsig', ours], ['noble', theirs]].filter(([, f]) => f);
      if (round % 2) pair.reverse();
      for (const [lib, f] of pair) {
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
