// Lists and reads the shared vector files the suite uses, from a folder on disk (Node:
// the tests and the test server).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WANTED } from './vectors.js';

/** ../shared/vectors beside the checkout. */
export const VECTORS_DIR = fileURLToPath(new URL('../../../../shared/vectors', import.meta.url));

function walk(dir, rel, out) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, `${rel}/${name}`, out);
    else out.push({ path: `${rel}/${name}`, text: readFileSync(path, 'utf8') });
  }
}

/** The files, or `[]` with a notice (an error in CI, where the vectors must be there). */
export function vectorFiles() {
  if (!existsSync(VECTORS_DIR)) {
    if (process.env.CI === 'true') throw new Error(`test vectors missing in CI: ${VECTORS_DIR}`);
    console.log(`SKIPPED: no test vectors at ${VECTORS_DIR} (they live beside the checkout)`);
    return [];
  }
  const out = [];
  for (const sub of WANTED) walk(join(VECTORS_DIR, sub), sub, out);
  return out.filter((f) => !f.path.endsWith('.md') && !f.path.endsWith('.tsv'));
}
