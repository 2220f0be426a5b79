// Strokes -> the 28x28 bitmap Google drew for `numpy_bitmap`, and bitmap -> model input, in the browser.
// A line-for-line port of quickdraw_mobilevit.strokes (Python) and of the Android app's StrokeRasterizer (Java):
// integer maths, so the three agree bit for bit (checked on golden vectors in web_demo/test/preprocess.test.mjs).

export const RASTER = {size: 28, line_diameter: 16, padding: 16, supersample: 16, normalize: true};

function gcd(a, b) { while (b) [a, b] = [b, a % b]; return a; }
const floorDiv = (a, b) => Math.floor(a / b);   // operands below 2^20: the double quotient floors exactly

// cross^2 <= r without rounding: cross^2 is exact below 2^53; past it, BigInt
function crossWithin(cross, r) {
  const c2 = cross * cross;
  if (c2 < 2 ** 53 && r < 2 ** 53) return c2 <= r;
  return BigInt(cross) * BigInt(cross) <= BigInt(r);
}

// strokes: lists of [x, y] points (any scale). Returns integer points in the simplified 0-255 frame.
export function normalizeStrokes(strokes, normalize = true) {
  const s = strokes.filter(st => st.length > 0);
  if (!s.length) return [];
  for (const st of s) for (const [x, y] of st) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error('stroke coordinates must be finite');
  }
  if (!normalize) return s.map(st => st.map(([x, y]) => [Math.floor(x + 0.5), Math.floor(y + 0.5)]));
  let mx = Infinity, my = Infinity, Mx = -Infinity, My = -Infinity;
  for (const st of s) for (const [x, y] of st) {
    mx = Math.min(mx, x); my = Math.min(my, y); Mx = Math.max(Mx, x); My = Math.max(My, y);
  }
  const ext = Math.max(Mx - mx, My - my);
  return s.map(st => st.map(([x, y]) => ext > 0
    ? [Math.floor((x - mx) * 255.0 / ext + 0.5), Math.floor((y - my) * 255.0 / ext + 0.5)] : [0, 0]));
}

// A (size x size) Uint8Array, ink 255 on 0, row-major.
export function strokesToBitmap(strokes, opts = {}) {
  const {size, line_diameter, padding, supersample, normalize} = {...RASTER, ...opts};
  const P = 2 * padding + line_diameter, side = 256 + P;
  const g = gcd(side, supersample * size), A = side / g, K = supersample * size / g;
  if (K * side >= 16384) throw new Error('size*supersample too large for exact integer maths');
  const pts = normalizeStrokes(strokes, normalize);
  const out = new Uint8Array(size * size);
  if (!pts.length) return out;
  for (const p of pts) for (const [x, y] of p) {
    if (x < 0 || x > 255 || y < 0 || y > 255) throw new Error('with normalize=false the points must lie in [0, 255]');
  }
  const R = line_diameter * K, R2 = R * R, n = size * supersample, ss = supersample * supersample;
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) q[i] = (2 * i + 1) * A;                      // sample centres, in ticks
  let maxX = 0, maxY = 0;
  for (const p of pts) for (const [x, y] of p) { maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
  const img = new Int32Array(size * size), mask = new Uint8Array(n * n);
  for (const p of pts) {
    mask.fill(0);
    const X = p.map(([x]) => K * (2 * x + 256 - maxX + P)), Y = p.map(([, y]) => K * (2 * y + 256 - maxY + P));
    const segs = p.length === 1 ? [[0, 0]] : p.slice(1).map((_, i) => [i, i + 1]);
    for (const [i, j] of segs) {
      const ax = X[i], ay = Y[i], bx = X[j], by = Y[j];
      const x0 = Math.max(0, floorDiv(Math.min(ax, bx) - R - A, 2 * A));
      const x1 = Math.min(n - 1, floorDiv(Math.max(ax, bx) + R - A, 2 * A) + 1);
      const y0 = Math.max(0, floorDiv(Math.min(ay, by) - R - A, 2 * A));
      const y1 = Math.min(n - 1, floorDiv(Math.max(ay, by) + R - A, 2 * A) + 1);
      if (x0 > x1 || y0 > y1) continue;
      const dx = bx - ax, dy = by - ay, dd = dx * dx + dy * dy, rdd = R2 * dd;
      for (let yy = y0; yy <= y1; yy++) {
        const wy = q[yy] - ay, row = yy * n;
        for (let xx = x0; xx <= x1; xx++) {
          const wx = q[xx] - ax;
          const nearA = wx * wx + wy * wy <= R2;
          let inside;
          if (dd === 0) inside = nearA;
          else {
            const dot = wx * dx + wy * dy;
            if (dot <= 0) inside = nearA;
            else if (dot >= dd) inside = (wx - dx) ** 2 + (wy - dy) ** 2 <= R2;
            else inside = crossWithin(wx * dy - wy * dx, rdd);
          }
          if (inside) mask[row + xx] = 1;
        }
      }
    }
    for (let py = 0; py < size; py++) for (let px = 0; px < size; px++) {
      let cover = 0;
      for (let sy = 0; sy < supersample; sy++) {
        const row = (py * supersample + sy) * n + px * supersample;
        for (let sx = 0; sx < supersample; sx++) cover += mask[row + sx];
      }
      const a = Math.floor((cover * 255 + Math.floor(ss / 2)) / ss);   // this stroke's coverage, 0..255
      const k = py * size + px, t = img[k] * (255 - a) + 128;
      img[k] = a + (((t >> 8) + t) >> 8);                               // OVER, pixman rounding
    }
  }
  out.set(img);
  return out;
}

export const DEFAULT_PREPROCESS = {input_size: 28, resize: 'nearest', scale: 1 / 255, mean: 0.0, std: 1.0,
                                   layout: 'NCHW', channels: 1, canonical: null};

// The canonical input step (quickdraw_mobilevit.rendering.canonicalize), in integers: crop a 28x28 drawing to its
// ink, scale the ink's longer side to `box` pixels, centre it, stretch the darkest ink to 255. Blank: unchanged.
export const CANONICAL = {box: 26, threshold: 16, min_side: 8, stretch: true};
const SIDE = 28;

export function isBlank(bitmap, threshold = CANONICAL.threshold) {
  for (const v of bitmap) if (v > threshold) return false;
  return true;
}

export function canonicalize(bitmap, spec = {}) {
  const c = {...CANONICAL, ...(spec === true ? {} : spec)};
  if (bitmap.length !== SIDE * SIDE) throw new Error(`the canonical step needs a 28x28 bitmap, got ${bitmap.length} values`);
  let r0 = SIDE, r1 = -1, c0 = SIDE, c1 = -1;
  for (let y = 0; y < SIDE; y++) for (let x = 0; x < SIDE; x++) {
    if (bitmap[y * SIDE + x] > c.threshold) { r0 = Math.min(r0, y); r1 = Math.max(r1, y); c0 = Math.min(c0, x); c1 = Math.max(c1, x); }
  }
  if (r1 < 0) return Uint8Array.from(bitmap);
  const side = Math.max(Math.max(r1 - r0, c1 - c0) + 1, c.min_side);
  const coords = (lo, hi) => Array.from({length: SIDE}, (_, i) =>
    floorDiv(((lo + hi + 1) * c.box + (2 * i - (SIDE - 1)) * side - c.box) * 128, c.box));
  const sy = coords(r0, r1), sx = coords(c0, c1);
  const at = (y, x) => (y < 0 || y >= SIDE || x < 0 || x >= SIDE) ? 0 : bitmap[y * SIDE + x];
  const out = new Int32Array(SIDE * SIDE);
  let top = 0;
  for (let i = 0; i < SIDE; i++) {
    const y0 = floorDiv(sy[i], 256), fy = sy[i] - y0 * 256;
    for (let j = 0; j < SIDE; j++) {
      const x0 = floorDiv(sx[j], 256), fx = sx[j] - x0 * 256;
      const acc = at(y0, x0) * (256 - fy) * (256 - fx) + at(y0, x0 + 1) * (256 - fy) * fx
                + at(y0 + 1, x0) * fy * (256 - fx) + at(y0 + 1, x0 + 1) * fy * fx;
      out[i * SIDE + j] = (acc + 32768) >> 16;
      top = Math.max(top, out[i * SIDE + j]);
    }
  }
  if (c.stretch && top > 0) for (let k = 0; k < out.length; k++) out[k] = floorDiv(out[k] * 255, top);
  return Uint8Array.from(out);
}

// The bitmap the model sees: the canonical step's output when the model's preprocessing has one.
export function modelBitmap(bitmap, preprocess = {}) {
  const pp = {...DEFAULT_PREPROCESS, ...preprocess};
  return pp.canonical ? canonicalize(bitmap, pp.canonical) : bitmap;
}
const f32 = Math.fround;

// Source index of each output index, as torch's interpolate(mode='nearest') picks it (float32 maths).
export function nearestIndices(nIn, nOut) {
  const idx = new Int32Array(nOut);
  if (nIn === nOut) { for (let i = 0; i < nOut; i++) idx[i] = i; return idx; }
  const scale = f32(f32(nIn) / f32(nOut));
  for (let i = 0; i < nOut; i++) idx[i] = Math.min(Math.floor(f32(f32(i) * scale)), nIn - 1);
  return idx;
}

// The model input for one (side x side) bitmap: {data: Float32Array, dims} in NCHW or NHWC.
export function preprocessBitmap(bitmap, side, preprocess = {}) {
  const pp = {...DEFAULT_PREPROCESS, ...preprocess};
  if (pp.resize !== 'nearest') throw new Error(`only resize='nearest' is supported, not ${pp.resize}`);
  if (pp.layout !== 'NCHW' && pp.layout !== 'NHWC') throw new Error(`layout must be NCHW or NHWC, not ${pp.layout}`);
  if (pp.canonical) bitmap = canonicalize(bitmap, pp.canonical);
  const S = pp.input_size, C = pp.channels, ix = nearestIndices(side, S);
  const s = f32(pp.scale), m = f32(pp.mean), sd = f32(pp.std), data = new Float32Array(C * S * S);
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) {
    const v = f32(f32(f32(bitmap[ix[y] * side + ix[x]] * s) - m) / sd);
    for (let c = 0; c < C; c++) data[pp.layout === 'NCHW' ? (c * S + y) * S + x : (y * S + x) * C + c] = v;
  }
  return {data, dims: pp.layout === 'NCHW' ? [1, C, S, S] : [1, S, S, C]};
}

export function softmax(logits) {
  let mx = -Infinity; for (const v of logits) mx = Math.max(mx, v);
  const e = Array.from(logits, v => Math.exp(v - mx)), sum = e.reduce((a, b) => a + b, 0);
  return e.map(v => v / sum);
}

// Indices of the k largest values, largest first; ties go to the lower index.
export function topK(probs, k = 3) {
  return Array.from(probs.keys()).sort((a, b) => (probs[b] - probs[a]) || (a - b)).slice(0, k);
}
