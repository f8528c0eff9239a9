// The demo: keys, signatures, verification, aggregation and batch verification of 64
// signers, with timings, then one corrupted signature found by `findInvalid`.
import { init, minPk } from '../pkg/index.js';

const N = 64;
const te = new TextEncoder();
const $ = (id) => document.getElementById(id);
const state = { sks: [], pks: [], proven: [], messages: [], sigs: [] };
const hex = (b) => Array.from(b.slice(0, 12), (x) => x.toString(16).padStart(2, '0')).join('') + '…';

function time(f) {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
}

function show(id, text, cls = '') {
  const out = $(id);
  out.textContent = text;
  out.className = cls;
  out.dataset.done = '1';
}

function renderSigs(bad = []) {
  $('sigs').innerHTML = '';
  state.sigs.forEach((s, i) => {
    const line = document.createElement('div');
    line.textContent = `#${String(i).padStart(2, '0')} ${hex(s)}`;
    if (bad.includes(i)) line.className = 'bad';
    $('sigs').append(line);
  });
}

const steps = {
  generate() {
    const [, ms] = time(() => {
      state.sks = Array.from({ length: N }, () => minPk.randomSecretKey());
      state.pks = state.sks.map((sk) => minPk.skToPk(sk));
      state.proven.forEach((k) => k.free());
      state.proven = state.sks.map((sk, i) => minPk.pop.ProvenPublicKey.fromBytes(state.pks[i], minPk.pop.popProve(sk)));
      state.messages = state.sks.map((_, i) => te.encode(`attestation ${i}`));
    });
    show('generate-out', `${N} key pairs with proofs of possession in ${ms.toFixed(0)} ms`);
  },
  sign() {
    const [, ms] = time(() => {
      state.sigs = state.sks.map((sk, i) => minPk.pop.sign(sk, state.messages[i]));
    });
    renderSigs();
    show('sign-out', `${N} signatures in ${ms.toFixed(0)} ms (${(ms / N).toFixed(1)} ms each)`);
  },
  verify() {
    const [valid, ms] = time(() => state.sigs.filter((s, i) => minPk.pop.verify(state.pks[i], state.messages[i], s)).length);
    show('verify-out', `${valid} of ${N} valid, one by one, in ${ms.toFixed(0)} ms`, valid === N ? 'good' : 'bad');
  },
  aggregate() {
    const [ok, ms] = time(() => minPk.pop.aggregateVerify(state.proven, state.messages, minPk.pop.aggregate(state.sigs)));
    show('aggregate-out', `aggregate of ${N}: ${ok ? 'valid' : 'INVALID'} (aggregate + AggregateVerify in ${ms.toFixed(0)} ms)`, ok ? 'good' : 'bad');
  },
  batch() {
    const items = state.sigs.map((signature, i) => ({ publicKey: state.pks[i], message: state.messages[i], signature }));
    const [ok, ms] = time(() => minPk.pop.batchVerify(items));
    show('batch-out', `batch of ${N}: ${ok ? 'valid' : 'INVALID'} in ${ms.toFixed(0)} ms (${(ms / N).toFixed(2)} ms per signature)`, ok ? 'good' : 'bad');
  },
  corrupt() {
    const i = crypto.getRandomValues(new Uint32Array(1))[0] % N;
    // A valid signature, but of another message: well-formed, so only verification catches it.
    state.sigs[i] = minPk.pop.sign(state.sks[i], te.encode('something else'));
    renderSigs();
    $('corrupt-out').dataset.index = String(i);
    show('corrupt-out', `corrupted signature #${i} (now signs another message)`, 'bad');
  },
  find() {
    const items = state.sigs.map((signature, i) => ({ publicKey: state.pks[i], message: state.messages[i], signature }));
    const [bad, ms] = time(() => minPk.pop.findInvalid(items));
    renderSigs(bad);
    show('find-out', `bad: ${bad.map((i) => `#${i}`).join(', ') || 'none'}`, bad.length ? 'bad' : 'good');
    $('find-out').title = `found in ${ms.toFixed(0)} ms`;
  },
};

await init();
const wasm = await fetch(new URL('../pkg/blsig_wasm_bg.wasm', import.meta.url));
$('size').textContent = `${((await wasm.arrayBuffer()).byteLength / 1024).toFixed(0)} KiB`;
for (const [name, run] of Object.entries(steps)) {
  const button = $(name);
  button.disabled = false;
  button.addEventListener('click', () => {
    $(`${name}-out`).dataset.done = '0';
    try {
      run();
    } catch (e) {
      show(`${name}-out`, `error: ${e.code ?? ''} ${e.message}`, 'bad');
    }
  });
}
$('ready').hidden = false;
