// The "Try it" page: a canvas, the float and INT8 models side by side (onnxruntime-web, WASM, one thread).
import {RASTER, modelBitmap, preprocessBitmap, softmax, strokesToBitmap, topK} from './preprocess.js';

const $ = id => document.getElementById(id);
const KINDS = ['float', 'int8'];
const state = {strokes: [], current: null, manifest: null, entry: null, sessions: null, bitmap: null, shown: null, seq: 0};
let ort = null;

// onnxruntime-web's WebAssembly builds need WASM SIMD; this 31-byte module validates only where SIMD exists
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0,
                                   253, 15, 253, 98, 11]);

function setStatus(text, error = false) {   // the line keeps its height when empty: the canvas never moves
  const s = $('status'); s.textContent = text || '\u00a0'; s.classList.toggle('error', error); s.classList.toggle('quiet', !text);
}

async function fetchJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

// --- drawing ---------------------------------------------------------------------------------------------
const pad = $('pad'), ctx = pad.getContext('2d');
function pointerPos(e) {   // canvas pixels, measured from the inside of the border
  const r = pad.getBoundingClientRect();
  return [Math.round((e.clientX - r.left - pad.clientLeft) * pad.width / pad.clientWidth),
          Math.round((e.clientY - r.top - pad.clientTop) * pad.height / pad.clientHeight)];
}
function redraw() {
  ctx.clearRect(0, 0, pad.width, pad.height);
  ctx.lineWidth = 8; ctx.lineCap = 'round'; ctx.lineJoin = 'round'; ctx.strokeStyle = '#111';
  for (const s of [...state.strokes, ...(state.current ? [state.current] : [])]) {
    ctx.beginPath(); ctx.moveTo(...s[0]);
    for (const p of s.slice(1)) ctx.lineTo(...p);
    if (s.length === 1) ctx.lineTo(s[0][0] + 0.01, s[0][1]);
    ctx.stroke();
  }
}
pad.addEventListener('pointerdown', e => {
  e.preventDefault(); pad.setPointerCapture(e.pointerId); state.current = [pointerPos(e)]; redraw();
});
pad.addEventListener('pointermove', e => {
  if (!state.current) return;
  const p = pointerPos(e), last = state.current[state.current.length - 1];
  if (p[0] !== last[0] || p[1] !== last[1]) { state.current.push(p); redraw(); }
});
function endStroke() {
  if (!state.current) return;
  state.strokes.push(state.current); state.current = null; update();
}
pad.addEventListener('pointerup', endStroke);
pad.addEventListener('pointercancel', endStroke);
$('undo').addEventListener('click', () => { state.strokes.pop(); redraw(); update(); });
$('clear').addEventListener('click', () => { state.strokes = []; redraw(); update(); });
$('model').addEventListener('change', e => selectModel(e.target.value).catch(() => {}));

// --- the 28x28 input and the two top-3 lists ---------------------------------------------------------------
function drawSeen(bmp) {
  const c = $('seen').getContext('2d'), n = RASTER.size, img = c.createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const v = bmp ? 255 - bmp[i] : 255;
    img.data.set([v, v, v, 255], 4 * i);
  }
  const tmp = new OffscreenCanvas(n, n); tmp.getContext('2d').putImageData(img, 0, 0);
  c.imageSmoothingEnabled = false; c.clearRect(0, 0, 112, 112); c.drawImage(tmp, 0, 0, 112, 112);
}
function render(res) {
  for (const kind of KINDS) {
    const col = $(`col-${kind}`), ol = col.querySelector('ol'), time = col.querySelector('.time');
    ol.replaceChildren(...(res ? res[kind].top.map(([name, p]) => {
      const li = document.createElement('li'), bar = document.createElement('span');
      bar.className = 'bar'; bar.style.width = `${Math.round(80 * p)}px`;
      li.append(`${name} ${(100 * p).toFixed(0)}%`, bar); return li;
    }) : []));
    time.textContent = res ? `${res[kind].ms.toFixed(1)} ms` : '';
  }
  state.shown = res;
}

async function classify(bmp, entry = state.entry, sessions = state.sessions) {
  const x = preprocessBitmap(bmp, RASTER.size, entry.preprocess), out = {};
  for (const kind of KINDS) {
    const s = sessions[kind], t0 = performance.now();
    const r = await s.run({[s.inputNames[0]]: new ort.Tensor('float32', x.data, x.dims)});
    const ms = performance.now() - t0, p = softmax(r[s.outputNames[0]].data);
    out[kind] = {top: topK(p, 3).map(i => [entry.classes[i], p[i], i]), ms};
  }
  return out;
}

async function update() {
  const seq = ++state.seq;
  if (!state.strokes.length) {
    state.bitmap = null; drawSeen(null); render(null);
    if (state.sessions) setStatus('Draw something: the models run when a stroke ends.');
    return;
  }
  state.bitmap = strokesToBitmap(state.strokes);
  drawSeen(state.entry ? modelBitmap(state.bitmap, state.entry.preprocess) : state.bitmap);   // what the model sees
  if (!state.sessions) return;
  const res = await classify(state.bitmap);
  if (seq === state.seq) { render(res); setStatus(''); }
}

// --- models ------------------------------------------------------------------------------------------------
async function loadSessions(entry) {
  const sessions = {};
  for (const kind of KINDS) {
    const file = `models/${entry.files[kind].file}`;
    try { sessions[kind] = await ort.InferenceSession.create(file, {executionProviders: ['wasm']}); }
    catch (e) { throw new Error(`could not load the model ${file}: ${e.message || e}`); }
  }
  return sessions;
}

async function selectModel(key) {
  const entry = state.manifest.models.find(m => m.key === key);
  if (!entry) throw new Error(`no model ${key} in models/models.json`);
  setStatus(`Loading ${entry.label}…`);
  try { state.sessions = await loadSessions(entry); }
  catch (e) { state.sessions = null; setStatus(`Sorry, ${e.message}. Reload the page, or pick another model.`, true); throw e; }
  state.entry = entry; $('model').value = key;
  $('classes').textContent = `${entry.classes.length} classes: ${entry.classes.join(', ')}.`;
  for (const kind of KINDS) {
    const f = entry.files[kind];
    $(`col-${kind}`).querySelector('h2').textContent = `${kind === 'float' ? 'float (FP32)' : 'INT8'} · ${(f.bytes / 1e6).toFixed(2)} MB`;
  }
  await update();
  if (!state.strokes.length) setStatus('Draw something: the models run when a stroke ends.');
}

function loadScript(src) {
  return new Promise((ok, fail) => {
    const s = document.createElement('script'); s.src = src;
    s.onload = ok; s.onerror = () => fail(new Error(`${src} did not load`)); document.head.append(s);
  });
}

// onnxruntime-web's current builds need WebAssembly SIMD; without it, the page falls back to 1.18, the last release
// with a plain WebAssembly build (vendor/nosimd/): the same models and answers, more slowly
async function loadRuntime() {
  window.qdmv.simd = WebAssembly.validate(SIMD_PROBE);
  if (window.qdmv.simd) {
    const m = await import('./vendor/ort.wasm.min.mjs');
    m.env.wasm.wasmPaths = new URL('./vendor/', location.href).href; return m;
  }
  await loadScript('vendor/nosimd/ort.wasm.min.js');
  const m = window.ort; m.env.wasm.simd = false; m.env.wasm.wasmPaths = new URL('./vendor/nosimd/', location.href).href;
  $('note').textContent = 'This browser has no WebAssembly SIMD, so the page runs the plain WebAssembly build of '
    + 'onnxruntime-web 1.18: the same models, more slowly.';
  return m;
}

async function init() {
  drawSeen(null);
  try { ort = await loadRuntime(); }
  catch (e) { setStatus(`Sorry, the runtime did not load: ${e.message}`, true); return; }
  ort.env.wasm.numThreads = 1;
  try { state.manifest = await fetchJson('models/models.json'); }
  catch (e) { setStatus(`Sorry, the model list did not load (${e.message}).`, true); return; }
  $('model').replaceChildren(...state.manifest.models.map(m => new Option(m.label, m.key)));
  await selectModel(state.manifest.default);
  window.qdmv.readyAt = performance.now(); window.qdmv.isReady = true;
}

// --- hooks for the browser test (web_demo/test/browser.mjs): the page's own code paths ----------------------
window.qdmv = {
  isReady: false, readyAt: null, failed: null, simd: null,
  strokes: () => state.strokes.map(s => s.map(p => [...p])),
  bitmap: () => (state.bitmap ? Array.from(state.bitmap) : null),
  shown: () => state.shown && Object.fromEntries(KINDS.map(k => [k, state.shown[k].top.map(t => t[0])])),
  status: () => $('status').textContent.trim(),
  select: key => selectModel(key),
  // top-1 of both models for 28x28 bitmaps (flat arrays), through preprocessBitmap and the sessions the page uses
  async top1(bitmaps) {
    const out = {float: [], int8: []};
    for (const b of bitmaps) {
      const r = await classify(Uint8Array.from(b));
      for (const kind of KINDS) out[kind].push(r[kind].top[0][2]);
    }
    return out;
  },
  // session.run time of each model on one input, `runs` times each, the two models interleaved
  async timings(bitmap, runs) {
    const x = preprocessBitmap(Uint8Array.from(bitmap), RASTER.size, state.entry.preprocess), ms = {float: [], int8: []};
    for (let i = 0; i < runs + 10; i++) for (const kind of KINDS) {
      const s = state.sessions[kind], t0 = performance.now();
      await s.run({[s.inputNames[0]]: new ort.Tensor('float32', x.data, x.dims)});
      if (i >= 10) ms[kind].push(performance.now() - t0);   // the first 10 runs warm up
    }
    return ms;
  },
};
init().catch(e => { window.qdmv.failed = String(e.message || e); });
