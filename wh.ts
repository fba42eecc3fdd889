import * as fs from 'fs'; import * as path from 'path';
import { readTextFileSync } from './server/src/core/files';
import { contentHash, lineBounds, LineIndex } from './server/src/core/text';
import { wordHashes } from './server/src/core/duplicates/tokens';
import { winnow } from './server/src/core/duplicates/winnow';
import { WINNOW } from './server/src/core/duplicates/analysis';
const files: string[] = [];
(function walk(d: string) { for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name)); })(process.argv[2]);
const T: Record<string, number> = {};
const now = () => Number(process.hrtime.bigint()) / 1e6;
function add(k: string, t: number) { T[k] = (T[k] ?? 0) + now() - t; }
for (let r = 0; r < 3; r++) {
  for (const k in T) T[k] = 0;
  const t0 = now();
  for (const f of files) {
    let t = now(); const o = readTextFileSync(f, 1 << 30) as any; add('read+decode', t);
    t = now(); contentHash(o.utf8 ?? o.text); add('sha1', t);
    t = now(); const li = new LineIndex(o.text); add('LineIndex', t);
    t = now(); const w = wordHashes(o.text); add('tokens', t);
    t = now(); winnow(w, WINNOW); add('winnow', t);
    t = now(); lineBounds(o.text); add('lineBounds', t);
  }
  console.log('round', r, 'total', (now() - t0).toFixed(0), Object.entries(T).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
}
