// blsig-wasm/keys under Node's test runner, imported as a user imports it: the EIP-2333
// and EIP-2335 test vectors, round trips, errors naming what is wrong, and keystores that
// the command-line tool writes and reads (BLSIG_CLI: the `blsig` binary).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as keys from '../pkg/keys-node.js';
import { init, minPk } from '../pkg/node.js';
import { VECTORS_DIR } from './files.js';

await keys.initKeys();
await init();

const hex = (b) => Buffer.from(b).toString('hex');
const unhex = (h) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));
const decimalToBytes = (d) => unhex(BigInt(d).toString(16).padStart(64, '0'));
const vectors = (name) => {
  const path = join(VECTORS_DIR, name);
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'));
  if (process.env.CI === 'true') throw new Error(`test vectors missing in CI: ${path}`);
  return null;
};
const code = (f) => {
  try {
    f();
  } catch (e) {
    return [e.code, e.message];
  }
  return ['no error', ''];
};

test('EIP-2333 test cases: master and child keys', (t) => {
  const v = vectors('eip2333/test_cases.json');
  if (!v) return t.skip('no vectors');
  for (const c of v.cases) {
    const seed = unhex(c.seed);
    const master = keys.deriveMasterKey(seed);
    assert.deepEqual(master, decimalToBytes(c.master_SK), c.name);
    assert.deepEqual(keys.deriveChildKey(master, c.child_index), decimalToBytes(c.child_SK), c.name);
    assert.deepEqual(keys.deriveKey(seed, `m/${c.child_index}`), decimalToBytes(c.child_SK), c.name);
  }
  assert.equal(v.cases.length >= 4, true);
});

test('EIP-2334 paths: validator keys, strict parsing', () => {
  const seed = new Uint8Array(32).fill(3);
  assert.equal(keys.validatorPath(5), 'm/12381/3600/5/0/0');
  assert.equal(keys.validatorPath(5, { withdrawal: true }), 'm/12381/3600/5/0');
  const walked = [12381, 3600, 5, 0, 0].reduce((sk, i) => keys.deriveChildKey(sk, i), keys.deriveMasterKey(seed));
  assert.deepEqual(keys.deriveKey(seed, keys.validatorPath(5)), walked);
  assert.equal(code(() => keys.deriveKey(seed, "m/12381'/3600"))[0], 'INVALID_PATH');
  assert.equal(code(() => keys.deriveKey(seed, 'm/4294967296'))[0], 'PATH_INDEX_OUT_OF_RANGE');
  assert.equal(code(() => keys.deriveMasterKey(new Uint8Array(31)))[0], 'SHORT_IKM');
  assert.throws(() => keys.validatorPath(-1), TypeError);
});

test('EIP-2335 test vectors decrypt (scrypt and PBKDF2, NFKD and control-code passwords)', async (t) => {
  for (const name of ['scrypt', 'pbkdf2']) {
    const v = vectors(`eip2335/${name}.json`);
    if (!v) return t.skip('no vectors');
    const json = JSON.stringify(v.keystore);
    assert.equal(hex(keys.decryptKeystoreSync(json, v.password)), v.secret, name);
    assert.equal(hex(await keys.decryptKeystore(json, v.password)), v.secret, name);
    const info = keys.keystoreInfo(json);
    assert.equal(info.path, v.keystore.path);
    assert.equal(info.pubkey, v.keystore.pubkey);
    assert.equal(info.uuid, v.keystore.uuid);
    assert.equal(info.kdf, name);
    const wrong = await keys.decryptKeystore(json, 'wrong').catch((e) => e);
    assert.equal(wrong.code, 'WRONG_PASSWORD');
    assert.match(wrong.message, /wrong password, or the keystore is damaged/);
  }
});

test('keystores round-trip, name their fields when malformed, and respect the bounds', async () => {
  const sk = keys.deriveKey(new Uint8Array(32).fill(9), keys.validatorPath(0));
  const json = await keys.encryptKeystore(sk, 'pässword', { path: keys.validatorPath(0), description: 'v0', cost: 10 });
  const doc = JSON.parse(json);
  assert.equal(doc.version, 4);
  assert.equal(doc.crypto.kdf.params.n, 1024);
  assert.equal(doc.pubkey, hex(minPk.skToPk(sk)));
  assert.deepEqual(await keys.decryptKeystore(json, 'pa\u0308ssword'), sk); // NFKD
  const pbkdf2 = keys.encryptKeystoreSync(sk, 'pw', { kdf: 'pbkdf2', cost: 10 });
  assert.equal(JSON.parse(pbkdf2).crypto.kdf.params.c, 1024);
  assert.equal(keys.keystoreInfo(pbkdf2).kdfText, 'pbkdf2 (c = 1024, prf = hmac-sha256)');
  assert.equal(keys.keystoreInfo(json).cost, 10);
  // The cost counts scrypt's p: a file with p = 16 costs 16 times more than its n says.
  const costly = JSON.parse(json);
  costly.crypto.kdf.params.p = 16;
  assert.equal(keys.keystoreInfo(JSON.stringify(costly)).cost, 14);
  assert.notEqual(JSON.parse(keys.encryptKeystoreSync(sk, 'pw', { cost: 10 })).crypto.kdf.params.salt, doc.crypto.kdf.params.salt);
  doc.crypto.kdf.params.salt = 'zz';
  const [c, message] = code(() => keys.keystoreInfo(JSON.stringify(doc)));
  assert.equal(c, 'MALFORMED_KEYSTORE');
  assert.match(message, /crypto\.kdf\.params\.salt: not hex/);
  assert.match(code(() => keys.keystoreInfo('{"crypto":'))[1], /line 1 column/);
  assert.equal(code(() => keys.encryptKeystoreSync(sk, 'pw', { cost: 25 }))[0], 'KEYSTORE_PARAMETER_OUT_OF_BOUNDS');
  assert.equal(code(() => keys.encryptKeystoreSync(sk, 'pw', { kdf: 'argon2', cost: 10 }))[0], 'UNSUPPORTED_KEYSTORE_FUNCTION');
  assert.equal(code(() => keys.encryptKeystoreSync(new Uint8Array(32), 'pw', { cost: 10 }))[0], 'INVALID_SECRET_KEY');
  assert.throws(() => keys.encryptKeystoreSync(sk, 42), TypeError);
});

test('keystores of the command-line tool open here, and the other way round', (t) => {
  const cli = process.env.BLSIG_CLI ?? fileURLToPath(new URL('../../../target/debug/blsig', import.meta.url));
  if (!existsSync(cli)) {
    if (process.env.CI === 'true') throw new Error(`the blsig binary is missing: ${cli}`);
    return t.skip(`no blsig binary at ${cli}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'blsig-keys-'));
  try {
    const seedHex = 'c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04';
    writeFileSync(join(dir, 'seed'), seedHex);
    writeFileSync(join(dir, 'pw'), 'shared secret');
    const run = (args) => execFileSync(cli, args, { cwd: dir, encoding: 'utf8' });
    run(['keystore', 'new', '--seed-file', 'seed', '--validator', '3', '--password-file', 'pw', '--out', 'cli.json', '--cost', '10', '--allow-weak-kdf']);
    const fromCli = keys.decryptKeystoreSync(readFileSync(join(dir, 'cli.json'), 'utf8'), 'shared secret');
    assert.deepEqual(fromCli, keys.deriveKey(unhex(seedHex), keys.validatorPath(3)));

    const mine = keys.deriveKey(unhex(seedHex), keys.validatorPath(4));
    writeFileSync(join(dir, 'js.json'), keys.encryptKeystoreSync(mine, 'shared secret', { path: keys.validatorPath(4), cost: 10 }));
    const checked = run(['keystore', 'check', 'js.json', '--password-file', 'pw', '--show-secret']);
    assert.match(checked, new RegExp(`secret: 0x${hex(mine)}`));
    assert.match(checked, /path: m\/12381\/3600\/4\/0\/0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
