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

for (const { name, run } of cases(blsig, vectorFiles())) {
  test(name, async (t) => {
    const note = await run();
    if (typeof note === 'string' && note.startsWith('skipped')) t.skip(note);
    else if (note) t.diagnostic(note);
  });
}
