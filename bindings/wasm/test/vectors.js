// Reading the shared vectors (../shared/vectors beside the checkout) for the package
// tests: the consensus-spec YAML subset, RFC 9380 JSON and bls-sigs-ref lines.

/** Parses the YAML of consensus-spec BLS tests: scalars, `[]`, block lists, one nested map. */
export function parseYaml(text) {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const indent = (l) => l.length - l.trimStart().length;
  const scalar = (s) => {
    s = s.trim();
    if (s === '' || s === 'null' || s === '~') return null;
    if (s === 'true') return true;
    if (s === 'false') return false;
    if (s === '[]') return [];
    return s.replace(/^'|'$/g, '').replace(/^"|"$/g, '');
  };
  let i = 0;
  const block = (ind) => {
    if (lines[i].trimStart().startsWith('- ')) {
      const list = [];
      while (i < lines.length && indent(lines[i]) === ind && lines[i].trimStart().startsWith('- ')) {
        list.push(scalar(lines[i].trimStart().slice(2)));
        i++;
      }
      return list;
    }
    const map = {};
    while (i < lines.length && indent(lines[i]) === ind) {
      const line = lines[i].trimStart();
      const colon = line.indexOf(':');
      const k = line.slice(0, colon);
      const v = line.slice(colon + 1);
      i++;
      if (v.trim() !== '') map[k] = scalar(v);
      else if (i < lines.length && (indent(lines[i]) > ind || (indent(lines[i]) === ind && lines[i].trimStart().startsWith('- ')))) {
        map[k] = block(indent(lines[i]));
      } else map[k] = null;
    }
    return map;
  };
  return block(0);
}

export function unhex(s) {
  s = s.startsWith('0x') ? s.slice(2) : s;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function hex(b) {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Uncompressed ZCash encoding of an affine `{x, y}` (Fp2 as `c0,c1`, written c1 ‖ c0). */
export function pointBytes(p) {
  const parts = [];
  for (const coord of ['x', 'y']) {
    for (const part of p[coord].split(',').reverse()) {
      const b = unhex(part);
      parts.push(new Uint8Array(48 - b.length), b);
    }
  }
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of parts) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** The file list the tests read, relative to the vectors folder, from a directory lister. */
export const WANTED = ['eth/sign', 'eth/verify', 'eth/aggregate', 'eth/aggregate_verify', 'eth/fast_aggregate_verify', 'eth/eth_aggregate_pubkeys', 'eth/eth_fast_aggregate_verify', 'h2c', 'bls-sigs-ref'];
