// The browser's preprocessing against Python's golden vectors (quickdraw_mobilevit.strokes.write_golden_vectors),
// bit for bit: each drawing's 28x28 bitmap, its model input, softmax and top-3.
//   QDMV_GOLDEN=DIR node --test web_demo/test/    (DIR holds golden_*.json; see quickdraw_mobilevit.export.web)
import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {strokesToBitmap, preprocessBitmap, canonicalize, softmax, topK} from '../src/preprocess.js';

const dir = process.env.QDMV_GOLDEN;
if (!dir) throw new Error('set QDMV_GOLDEN to a folder of golden_*.json files (qdmv web golden --out DIR)');
const files = fs.readdirSync(dir).filter(f => /^golden_.*\.json$/.test(f)).sort();
if (!files.length) throw new Error(`no golden_*.json in ${dir}`);

for (const f of files) {
  const g = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  for (const c of g.cases) {
    test(`${f} ${c.name}: bitmap and input`, () => {
      const strokes = c.strokes.map(([xs, ys]) => xs.map((x, i) => [x, ys[i]]));   // [[xs],[ys]] -> points
      const bmp = strokesToBitmap(strokes, g.raster);
      assert.deepEqual(Array.from(bmp), c.bitmap);
      if (c.canonical_bitmap) assert.deepEqual(Array.from(canonicalize(bmp, g.preprocess.canonical)), c.canonical_bitmap);
      const x = preprocessBitmap(bmp, g.raster.size, g.preprocess);
      assert.deepEqual(x.dims, c.input_shape);
      assert.deepEqual(Array.from(x.data), c.input);   // float32 values, compared exactly
    });
  }
  test(`${f}: softmax and top-3`, () => {
    for (const s of g.softmax_cases) {
      const p = softmax(s.logits);
      p.forEach((v, i) => assert.ok(Math.abs(v - s.probs[i]) <= 1e-12 * Math.max(1, s.probs[i]), `prob ${i}`));
      assert.deepEqual(topK(p, 3), s.top3);
    }
  });
}
