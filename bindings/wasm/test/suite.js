// The package's tests as a user runs them, shared by Node (`node --test`), a page and a Web
// Worker in headless Chromium. `cases(blsig, files)` returns named async checks over the
// package's public API; `files` is the list of shared vector files `{ path, text }` (empty
// when the vectors are absent: the vector cases then report a skip).
import { parseYaml, unhex, hex, pointBytes } from './vectors.js';

class AssertionError extends Error {}

function ok(cond, what) {
  if (!cond) throw new AssertionError(what);
}

function eq(a, b, what) {
  const show = (x) => (x instanceof Uint8Array ? hex(x) : JSON.stringify(x));
  if (show(a) !== show(b)) throw new AssertionError(`${what}: ${show(a)} !== ${show(b)}`);
}

function throwsCode(f, code, what) {
  try {
    f();
  } catch (e) {
    if (e?.name === 'BlsError' && e.code === code) return e;
    throw new AssertionError(`${what}: threw ${e?.name} ${e?.code ?? ''} ${e?.message}, wanted ${code}`);
  }
  throw new AssertionError(`${what}: did not throw ${code}`);
}

async function rejectsCode(p, code, what) {
  try {
    await p;
  } catch (e) {
    if (e?.name === 'BlsError' && e.code === code) return;
    throw new AssertionError(`${what}: rejected with ${e?.code} ${e?.message}, wanted ${code}`);
  }
  throw new AssertionError(`${what}: did not reject`);
}

const te = new TextEncoder();

function items(api, n, seed = 1) {
  const v = api.variant;
  return Array.from({ length: n }, (_, i) => {
    const sk = v.keyGen(new Uint8Array(32).fill((seed + i) % 256), te.encode(`k${i}`));
    const message = te.encode(`message ${i % 5}`);
    return { publicKey: v.skToPk(sk), message, signature: api.sign(sk, message) };
  });
}

export function cases(blsig, files) {
  const { minPk, minSig, BlsError, hashToCurve } = blsig;
  const list = [];
  const test = (name, run) => list.push({ name, run });
  const vectorFiles = (prefix) => files.filter((f) => f.path.startsWith(prefix));

  test('sign and verify in all six suites, both encodings and objects', () => {
    for (const v of [minPk, minSig]) {
      const sk = v.keyGen(new Uint8Array(32).fill(9));
      const pk = v.skToPk(sk);
      eq(pk.length, v.publicKeyLength, 'key length');
      for (const scheme of ['basic', 'aug', 'pop']) {
        const s = v[scheme];
        const msg = te.encode(`hello ${scheme}`);
        const sig = s.sign(sk, msg);
        eq(sig.length, v.signatureLength, 'signature length');
        ok(s.verify(pk, msg, sig), `${v.name} ${scheme} verifies`);
        ok(!s.verify(pk, te.encode('other'), sig), 'other message is false');
        const skObj = v.SecretKey.fromBytes(sk);
        const pkObj = v.PublicKey.fromBytes(pk);
        const sigObj = s.Signature.fromBytes(sig);
        eq(s.sign(skObj, msg), sig, 'deterministic, object key');
        ok(s.verify(pkObj, msg, sigObj), 'objects verify');
        eq(sigObj.suite, s.suite, 'suite number');
        for (const o of [skObj, pkObj, sigObj]) o.free();
      }
    }
  });

  test('aug signatures differ from basic ones (the key is prepended)', () => {
    const sk = minPk.keyGen(new Uint8Array(32).fill(3));
    const msg = te.encode('m');
    ok(hex(minPk.basic.sign(sk, msg)) !== hex(minPk.aug.sign(sk, msg)), 'aug differs');
  });

  test('aggregate, aggregateVerify and fastAggregateVerify with proven keys', () => {
    for (const v of [minPk, minSig]) {
      const sks = [1, 2, 3].map((i) => v.keyGen(new Uint8Array(32).fill(i)));
      const pks = sks.map((sk) => v.skToPk(sk));
      const msgs = sks.map((_, i) => te.encode(`msg ${i}`));
      for (const scheme of ['basic', 'aug']) {
        const agg = v[scheme].aggregate(sks.map((sk, i) => v[scheme].sign(sk, msgs[i])));
        ok(v[scheme].aggregateVerify(pks, msgs, agg), `${scheme} aggregateVerify`);
        ok(!v[scheme].aggregateVerify(pks, [msgs[1], msgs[0], msgs[2]], agg), 'swapped messages');
      }
      const proven = sks.map((sk, i) => v.pop.ProvenPublicKey.fromBytes(pks[i], v.pop.popProve(sk)));
      const one = te.encode('same message');
      const agg = v.pop.aggregate(sks.map((sk) => v.pop.sign(sk, one)));
      ok(v.pop.fastAggregateVerify(proven, one, agg), 'fastAggregateVerify');
      ok(!v.pop.fastAggregateVerify(proven.slice(0, 2), one, agg), 'missing signer');
      const sum = v.pop.AggregatePublicKey.fromProven(proven);
      ok(v.pop.fastAggregateVerify(sum, one, agg), 'pre-aggregated keys');
      const distinct = v.pop.aggregate(sks.map((sk, i) => v.pop.sign(sk, msgs[i])));
      ok(v.pop.aggregateVerify(proven, msgs, distinct), 'pop aggregateVerify');
      let threw = false;
      try {
        v.pop.aggregateVerify(pks, msgs, distinct);
      } catch (e) {
        threw = e instanceof TypeError;
      }
      ok(threw, 'pop aggregateVerify refuses unproven keys');
      proven.forEach((k, i) => eq(k.toBytes(), pks[i], 'proven key bytes'));
      sum.free();
      proven.forEach((k) => k.free());
    }
  });

  test('proofs of possession', () => {
    const sk = minSig.keyGen(new Uint8Array(32).fill(5));
    const pk = minSig.skToPk(sk);
    const proof = minSig.pop.popProve(sk);
    ok(minSig.pop.popVerify(pk, proof), 'valid proof');
    ok(!minSig.pop.popVerify(pk, minSig.pop.popProve(minSig.keyGen(new Uint8Array(32).fill(6)))), 'other key proof');
    throwsCode(() => minSig.pop.ProvenPublicKey.fromBytes(pk, minSig.pop.sign(sk, pk)), 'VERIFICATION_FAILED', 'signature is no proof');
  });

  test('batchVerify and findInvalid name exactly the bad items', () => {
    for (const api of [{ variant: minPk, ...minPk.pop }, { variant: minSig, ...minSig.basic }]) {
      const batch = items({ ...api, variant: api.variant }, 12);
      ok(api.batchVerify(batch), 'valid batch');
      eq(api.findInvalid(batch), [], 'no bad items');
      const bad = batch.slice();
      bad[2] = { ...bad[2], message: te.encode('forged') };
      bad[9] = { ...bad[9], signature: batch[8].signature };
      ok(!api.batchVerify(bad), 'bad batch');
      eq(api.findInvalid(bad), [2, 9], 'bad items');
      const verifier = api.batchVerifier();
      for (const it of bad) verifier.queueBytes(it.publicKey, it.message, it.signature);
      eq(verifier.length, 12, 'queued');
      ok(!verifier.verifyDeterministic(), 'deterministic check fails');
      eq(Array.from(verifier.findInvalid(crypto.getRandomValues(new Uint8Array(32)))), [2, 9], 'verifier finds them');
      verifier.free();
      throwsCode(() => api.batchVerify([]), 'EMPTY_INPUT', 'empty batch');
      throwsCode(() => api.batchVerify([{ ...batch[0], signature: batch[0].signature.slice(1) }]), 'INVALID_LENGTH', 'short signature');
    }
  });

  test('verifyBatchParallel returns exactly what findInvalid returns', async () => {
    const api = { variant: minPk, ...minPk.pop };
    const batch = items(api, 20, 40);
    for (const workers of [1, 2, 3]) {
      eq(await minPk.pop.verifyBatchParallel(batch, { workers }), minPk.pop.findInvalid(batch), `valid, ${workers} workers`);
    }
    const bad = batch.slice();
    for (const i of [0, 7, 19]) bad[i] = { ...bad[i], message: te.encode(`bad ${i}`) };
    eq(await minPk.pop.verifyBatchParallel(bad, { workers: 2 }), [0, 7, 19], 'bad items, 2 workers');
    eq(await minPk.pop.verifyBatchParallel(bad, { workers: 3 }), minPk.pop.findInvalid(bad), 'same as one thread');
    const malformed = batch.slice();
    malformed[15] = { ...malformed[15], publicKey: new Uint8Array(48) };
    await rejectsCode(minPk.pop.verifyBatchParallel(malformed, { workers: 2 }), 'INVALID_ENCODING', 'malformed key');
    throwsCode(() => minPk.pop.findInvalid(malformed), 'INVALID_ENCODING', 'single thread throws the same');
    await rejectsCode(minPk.pop.verifyBatchParallel([], { workers: 2 }), 'EMPTY_INPUT', 'empty');
    const small = batch.slice(0, 1);
    eq(await minPk.pop.verifyBatchParallel(small, { workers: 4 }), [], 'fewer items than workers');
  });

  test('n-of-n (MSP) multisignature: shares, combination, attacks', () => {
    if (!minPk.msp) return 'skipped: built without multisig';
    for (const v of [minPk, minSig]) {
      const sks = [11, 12, 13].map((i) => v.keyGen(new Uint8Array(32).fill(i)));
      const pks = sks.map((sk) => v.skToPk(sk));
      const group = v.msp.group(pks);
      eq(group.length, 3, 'members');
      const msg = te.encode('n-of-n');
      const shares = sks.map((sk) => group.signShare(sk, msg));
      ok(shares.every((sh) => group.verifyShare(msg, sh)), 'shares verify');
      const sig = group.combine(shares);
      ok(group.verify(msg, sig), 'multisignature verifies');
      ok(!group.verify(te.encode('other'), sig), 'other message');
      throwsCode(() => group.combine(shares.slice(0, 2)), 'MISSING_SHARE', 'missing share');
      throwsCode(() => group.signShare(v.keyGen(new Uint8Array(32).fill(99)), msg), 'NOT_A_MEMBER', 'outsider');
      // The group key is not the plain sum of the keys (rogue-key defence).
      ok(hex(group.aggregateKey()) !== hex(v.pop.ProvenPublicKey.assumeProven(pks[0]).toBytes()), 'weighted');
      const again = v.msp.fromBytes(group.toBytes());
      ok(again.verify(msg, sig), 'decoded group verifies');
      ok(group.indexOf(pks[1]) >= 0 && group.indexOf(v.skToPk(v.keyGen(new Uint8Array(32).fill(98)))) === -1, 'indexOf');
      again.free();
      group.free();
    }
  });

  test('m-of-n (ASM) membership keys without a dealer, signing and verification', () => {
    if (!minPk.asm) return 'skipped: built without multisig';
    const v = minPk;
    const sks = [21, 22, 23, 24].map((i) => v.keyGen(new Uint8Array(32).fill(i)));
    const proven = sks.map((sk) => v.pop.ProvenPublicKey.fromBytes(v.skToPk(sk), v.pop.popProve(sk)));
    const group = v.asm.group(proven, 2);
    eq([group.length, group.threshold], [4, 2], 'size and threshold');
    // Each member sends one contribution to every member; member j collects those to j.
    const sent = sks.map((sk) => group.contributions(sk));
    ok(sent.flat().every((c) => group.verifyContribution(c)), 'contributions verify');
    const index = sks.map((sk) => group.indexOf(v.skToPk(sk)));
    const mks = index.map((j) => group.membershipKey(j, sent.map((list) => list[j])));
    const msg = te.encode('2-of-4');
    const signers = [0, 2];
    const memberSigs = signers.map((i) => group.sign(sks[i], mks[i], msg));
    ok(memberSigs.every((s) => group.verifyMemberSignature(msg, s)), 'member signatures verify');
    const sig = group.combine(memberSigs);
    ok(group.verify(msg, sig), 'group signature verifies');
    eq(group.signers(sig).slice().sort(), signers.map((i) => index[i]).sort(), 'signers');
    ok(!group.verify(te.encode('other'), sig), 'other message');
    throwsCode(() => group.combine(memberSigs.slice(0, 1)), 'BELOW_THRESHOLD', 'one signer');
    throwsCode(() => group.membershipKey(index[0], sent.slice(1).map((l) => l[index[0]])), 'COUNT_MISMATCH', 'missing contribution');
    throwsCode(() => group.sign(sks[0], mks[1], msg), 'NOT_A_MEMBER', "another member's membership key");
    const decoded = v.asm.fromBytes(group.toBytes(), group.id());
    ok(decoded.verify(msg, sig), 'decoded group verifies');
    throwsCode(() => v.asm.fromBytes(group.toBytes(), v.asm.group(proven.slice(0, 3), 2).id()), 'GROUP_ID_MISMATCH', 'wrong group id');
    const mkBytes = mks[0].toBytes();
    const mk = v.asm.MembershipKey.fromBytes(mkBytes);
    eq(group.sign(sks[0], mk, msg), memberSigs[0], 'membership key round trip');
    [decoded, group, mk, ...mks, ...proven].forEach((o) => o.free());
  });

  test('threshold signatures: t of n shares combine to the undivided key signature', () => {
    if (!minPk.threshold) return 'skipped: built without threshold';
    for (const v of [minPk, minSig]) {
      const sk = v.keyGen(new Uint8Array(32).fill(31));
      const { publicKeySet, shares } = v.threshold.deal(sk, 3, 5);
      eq(shares.length, 5, 'five shares');
      eq(v.threshold.groupKey(publicKeySet), v.skToPk(sk), 'group key is the undivided key');
      ok(shares.every((sh) => v.threshold.verifySecretShare(publicKeySet, sh)), 'shares match the commitment');
      const msg = te.encode('threshold');
      for (const scheme of ['basic', 'pop']) {
        const t = v[scheme].threshold;
        const sigShares = shares.map((sh) => t.sign(publicKeySet, sh, msg));
        ok(sigShares.every((s) => t.verifyShare(publicKeySet, msg, s)), 'signature shares verify');
        const sig = t.combine(publicKeySet, [sigShares[4], sigShares[1], sigShares[2]]);
        eq(sig, v[scheme].sign(sk, msg), `${scheme}: byte for byte the undivided signature`);
        throwsCode(() => t.combine(publicKeySet, sigShares.slice(0, 2)), 'BELOW_THRESHOLD', 'two shares');
        const forged = sigShares.slice();
        forged[0] = t.sign(publicKeySet, shares[0], te.encode('other'));
        ok(!t.verifyShare(publicKeySet, msg, forged[0]), 'forged share detected');
        eq(t.robustCombine(publicKeySet, msg, forged), sig, 'robust combination skips the bad share');
      }
      const set = v.threshold.PublicKeySet.fromBytes(publicKeySet);
      eq(set.threshold, 3, 'threshold');
      set.free();
    }
  });

  test('the multisig and threshold error codes from their inputs', () => {
    if (!minPk.msp || !minPk.threshold) return 'skipped: built without multisig or threshold';
    const v = minPk;
    const sks = [51, 52, 53].map((i) => v.keyGen(new Uint8Array(32).fill(i)));
    const pks = sks.map((sk) => v.skToPk(sk));
    throwsCode(() => v.msp.group([pks[0], pks[0]]), 'DUPLICATE_KEY', 'a key twice');
    throwsCode(() => v.msp.group([]), 'EMPTY_INPUT', 'no members');
    const proven = sks.map((sk, i) => v.pop.ProvenPublicKey.fromBytes(pks[i], v.pop.popProve(sk)));
    throwsCode(() => v.asm.group(proven, 0), 'INVALID_THRESHOLD', 'threshold 0');
    throwsCode(() => v.asm.group(proven, 4), 'INVALID_THRESHOLD', 'threshold above n');
    const group = v.asm.group(proven, 2);
    const sent = sks.map((sk) => group.contributions(sk));
    const i = group.indexOf(pks[0]);
    const j = (i + 1) % 3;
    throwsCode(() => group.membershipKey(i, sent.map((l) => l[j])), 'WRONG_RECIPIENT', "another member's contributions");
    throwsCode(() => group.membershipKey(7, sent.map((l) => l[i])), 'INDEX_OUT_OF_RANGE', 'no such member');
    const mks = [0, 1, 2].map((m) => group.membershipKey(m, sent.map((l) => l[m])));
    const members = [0, 1, 2].map((m) => sks[pks.findIndex((pk) => group.indexOf(pk) === m)]);
    const msg = te.encode('m');
    const sig = group.combine([group.sign(members[0], mks[0], msg), group.sign(members[1], mks[1], msg)]);
    const padded = sig.slice();
    padded[0] |= 0x80;
    throwsCode(() => group.verify(msg, padded), 'NON_ZERO_PADDING', 'bitmap padding');
    throwsCode(() => v.asm.fromBytes(group.toBytes().slice(1), group.id()), 'INVALID_LENGTH', 'truncated group');
    throwsCode(() => v.threshold.deal(sks[0], 0, 3), 'INVALID_THRESHOLD', 'deal t = 0');
    throwsCode(() => v.threshold.SecretShare.fromBytes(new Uint8Array(64)), 'INVALID_SHARE_ID', 'share id 0');
    const { publicKeySet, shares } = v.threshold.deal(sks[0], 2, 3);
    const s0 = v.pop.threshold.sign(publicKeySet, shares[0], msg);
    throwsCode(() => v.pop.threshold.combine(publicKeySet, [s0, s0]), 'DUPLICATE_KEY', 'a share twice');
    [group, ...mks, ...proven].forEach((o) => o.free());
  });

  test('every error code from its input', () => {
    const sk = minPk.keyGen(new Uint8Array(32).fill(1));
    const pk = minPk.skToPk(sk);
    const msg = te.encode('m');
    const sig = minPk.pop.sign(sk, msg);
    const e = throwsCode(() => minPk.pop.verify(pk.slice(1), msg, sig), 'INVALID_LENGTH', 'short key');
    ok(e instanceof BlsError && e instanceof Error, 'BlsError is an Error');
    throwsCode(() => minPk.PublicKey.fromBytes(new Uint8Array(48)), 'INVALID_ENCODING', 'no flags');
    const big = new Uint8Array(48).fill(0xff);
    big[0] = 0x9f;
    throwsCode(() => minPk.PublicKey.fromBytes(big), 'FIELD_ELEMENT_OUT_OF_RANGE', 'x >= p');
    const found = new Set();
    for (let x = 1; x < 64; x++) {
      const b = new Uint8Array(48);
      b[0] = 0x80;
      b[47] = x;
      try {
        minPk.PublicKey.fromBytes(b).free();
      } catch (err) {
        found.add(err.code);
      }
    }
    ok(found.has('NOT_ON_CURVE') && found.has('NOT_IN_SUBGROUP'), `small x codes: ${[...found]}`);
    const identity = new Uint8Array(48);
    identity[0] = 0xc0;
    throwsCode(() => minPk.PublicKey.fromBytes(identity), 'IDENTITY_PUBLIC_KEY', 'identity key');
    ok(!minPk.keyValidate(identity) && minPk.keyValidate(pk), 'keyValidate');
    throwsCode(() => minPk.pop.sign(new Uint8Array(32), msg), 'INVALID_SECRET_KEY', 'zero key');
    throwsCode(() => minPk.keyGen(new Uint8Array(31)), 'SHORT_IKM', 'short ikm');
    throwsCode(() => hashToCurve.g1(msg, new Uint8Array()), 'INVALID_DST', 'empty dst');
    throwsCode(() => hashToCurve.expandMessageXmd(msg, te.encode('d'), 0), 'INVALID_OUTPUT_LENGTH', 'zero length');
    throwsCode(() => minPk.pop.aggregate([]), 'EMPTY_INPUT', 'empty aggregate');
    const b = minPk.basic.sign(sk, msg);
    throwsCode(() => minPk.basic.aggregateVerify([pk, pk], [msg, msg], minPk.basic.aggregate([b, b])), 'DUPLICATE_MESSAGE', 'basic duplicates');
    throwsCode(() => minPk.basic.aggregateVerify([pk, pk], [msg], b), 'LENGTH_MISMATCH', 'counts differ');
    const other = minSig.pop.Signature.fromBytes(minSig.pop.sign(minSig.keyGen(new Uint8Array(32).fill(2)), msg));
    throwsCode(() => minPk.pop.verify(pk, msg, other), 'SUITE_MISMATCH', 'min-sig signature, min-pk key');
    other.free();
    let typeError = false;
    try {
      minPk.pop.verify(pk, 'not bytes', sig);
    } catch (err) {
      typeError = err instanceof TypeError;
    }
    ok(typeError, 'strings are a TypeError');
  });

  test('free and dispose release objects; use after free throws', () => {
    const sk = minPk.SecretKey.random();
    const pk = sk.publicKey();
    const bytes = pk.toBytes();
    ok(typeof sk.free === 'function' && typeof sk[Symbol.dispose] === 'function', 'free and dispose');
    sk.free();
    let threw = false;
    try {
      sk.toBytes();
    } catch {
      threw = true;
    }
    ok(threw, 'a freed secret key cannot be used');
    pk[Symbol.dispose]();
    threw = false;
    try {
      pk.toBytes();
    } catch {
      threw = true;
    }
    ok(threw, 'a disposed key cannot be used');
    sk.free(); // a second free is harmless
    const again = minPk.PublicKey.fromBytes(bytes);
    const copy = again.clone();
    again.free();
    eq(copy.toBytes(), bytes, 'a clone outlives its source');
    copy.free();
  });

  test('eth/ consensus vectors (min-pk, proof of possession)', () => {
    const eth = vectorFiles('eth/');
    if (eth.length === 0) return 'skipped: no vectors';
    let n = 0;
    for (const { path, text } of eth) {
      const kind = path.split('/')[1];
      const { input, output } = parseYaml(text);
      let got;
      try {
        if (kind === 'sign') got = '0x' + hex(minPk.pop.sign(unhex(input.privkey), unhex(input.message)));
        else if (kind === 'verify') got = minPk.pop.verify(unhex(input.pubkey), unhex(input.message), unhex(input.signature));
        else if (kind === 'aggregate') got = '0x' + hex(minPk.pop.aggregate(input.map(unhex)));
        else if (kind === 'eth_aggregate_pubkeys') got = '0x' + hex(blsig.ethAggregatePubkeys(input.map(unhex)));
        else if (kind === 'eth_fast_aggregate_verify') {
          got = blsig.ethFastAggregateVerify(input.pubkeys.map(unhex), unhex(input.message), unhex(input.signature));
        }
        else {
          // Ethereum's keys were proven at deposit time.
          const keys = input.pubkeys.map((k) => minPk.pop.ProvenPublicKey.assumeProven(unhex(k)));
          got =
            kind === 'aggregate_verify'
              ? minPk.pop.aggregateVerify(keys, input.messages.map(unhex), unhex(input.signature))
              : minPk.pop.fastAggregateVerify(keys, unhex(input.message), unhex(input.signature));
        }
      } catch (e) {
        if (e.name !== 'BlsError') throw e;
        got = kind === 'sign' || kind === 'aggregate' || kind === 'eth_aggregate_pubkeys' ? null : false;
      }
      eq(got, typeof output === 'string' ? output.toLowerCase() : output, path);
      n++;
    }
    ok(n >= 50, `${n} eth cases`);
    return `${n} cases`;
  });

  test('h2c/ RFC 9380 vectors', () => {
    const h2c = vectorFiles('h2c/');
    if (h2c.length === 0) return 'skipped: no vectors';
    let n = 0;
    for (const { path, text } of h2c) {
      const doc = JSON.parse(text);
      const dst = te.encode(doc.dst ?? doc.DST);
      if (path.includes('expand_message')) {
        for (const t of doc.tests) {
          eq(hashToCurve.expandMessageXmd(te.encode(t.msg), dst, parseInt(t.len_in_bytes, 16)), unhex(t.uniform_bytes), path);
          n++;
        }
        continue;
      }
      const f = path.includes('G1') ? (doc.randomOracle ? hashToCurve.g1 : hashToCurve.encodeG1) : doc.randomOracle ? hashToCurve.g2 : hashToCurve.encodeG2;
      for (const v of doc.vectors) {
        eq(f(te.encode(v.msg), dst), pointBytes(v.P), `${path} ${v.msg}`);
        n++;
      }
    }
    ok(n >= 30, `${n} h2c vectors`);
    return `${n} vectors`;
  });

  test('bls-sigs-ref/ sample of every ciphersuite', () => {
    const ref = vectorFiles('bls-sigs-ref/');
    if (ref.length === 0) return 'skipped: no vectors';
    let n = 0;
    for (const { path, text } of ref) {
      const dir = path.split('/')[1];
      const v = dir.includes('g1') ? minSig : minPk;
      for (const line of text.split('\n').filter((l) => l.trim()).slice(0, 4)) {
        const [msg, ikm, expected] = line.trim().split(/\s+/).map(unhex);
        if (dir.startsWith('hash_g')) {
          const g = dir === 'hash_g1' ? hashToCurve.g1 : hashToCurve.g2;
          eq(g(msg, new Uint8Array([dir === 'hash_g1' ? 1 : 2]), { compressed: true }), expected, `${path}`);
        } else {
          const sk = v.keyGenDraft03(ikm);
          const pk = v.skToPk(sk);
          if (dir.startsWith('pop')) {
            eq(v.pop.popProve(sk), expected, path);
            ok(v.pop.popVerify(pk, expected), path);
          } else {
            const s = v[dir.split('_')[2]];
            eq(s.sign(sk, msg), expected, path);
            ok(s.verify(pk, msg, expected), path);
          }
        }
        n++;
      }
    }
    ok(n >= 48, `${n} bls-sigs-ref cases`);
    return `${n} cases`;
  });

  return list;
}

/** Runs the cases, reporting each through `log`; resolves to `{ passed, failed }`. */
export async function runAll(list, log = () => {}) {
  let passed = 0;
  let failed = 0;
  for (const { name, run } of list) {
    try {
      const note = await run();
      passed++;
      log(`ok ${name}${note ? ` (${note})` : ''}`);
    } catch (e) {
      failed++;
      log(`FAILED ${name}: ${e?.stack ?? e}`);
    }
  }
  return { passed, failed };
}
