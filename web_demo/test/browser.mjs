// Drive the built "Try it" page in headless Chromium (Debian's /usr/bin/chromium, via playwright-core; no browser
// download), from a static server on 127.0.0.1. Called by quickdraw_mobilevit.export.web.browser_check, which
// writes the inputs, reads what this writes, and checks it against Python:
//   node web_demo/test/browser.mjs --site DIR --inputs IN.json --out OUT.json [--screenshot PNG] [--chromium PATH]
import {chromium} from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
for (const k of ['site', 'inputs', 'out']) if (!args[k]) { console.error(`missing --${k}`); process.exit(2); }
const site = path.resolve(args.site), inputs = JSON.parse(fs.readFileSync(args.inputs, 'utf8'));
const TYPES = {'.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
               '.json': 'application/json', '.wasm': 'application/wasm', '.onnx': 'application/octet-stream', '.png': 'image/png'};

// a static file server for `site`, on a free loopback port
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = path.join(site, rel.endsWith('/') ? rel + 'index.html' : rel);
  if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end('not found'); return; }
  res.writeHead(200, {'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream'});
  fs.createReadStream(file).pipe(res);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({executablePath: args.chromium || '/usr/bin/chromium', args: [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync']});
const out = {origin, console_errors: [], foreign_requests: [], failed_requests: []};

async function openPage(route) {
  const page = await browser.newPage({viewport: {width: 1100, height: 760}});
  page.on('console', m => { if (m.type() === 'error') out.console_errors.push(m.text()); });
  page.on('pageerror', e => out.console_errors.push(String(e)));
  page.on('request', r => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) out.foreign_requests.push(r.url()); });
  page.on('requestfailed', r => out.failed_requests.push(r.url()));
  if (route) await route(page);
  return page;
}
const ready = page => page.waitForFunction(() => window.qdmv && (window.qdmv.isReady || window.qdmv.failed), null, {timeout: 120000});

try {
  // 1. cold start: navigation to both models ready (performance.now() counts from the navigation)
  const page = await openPage();
  await page.goto(`${origin}/index.html`);
  await ready(page);
  out.failed = await page.evaluate(() => window.qdmv.failed);
  if (out.failed) throw new Error(`the page failed to start: ${out.failed}`);
  out.cold_start_ms = await page.evaluate(() => window.qdmv.readyAt);
  out.empty_status = await page.evaluate(() => window.qdmv.status());
  out.empty_shown = await page.evaluate(() => window.qdmv.shown());

  // 2. recorded drawings, drawn with real pointer events on the canvas
  out.drawings = {};
  for (const [name, strokes] of Object.entries(inputs.drawings)) {
    await page.click('#clear');
    const box = await page.evaluate(() => {   // the canvas's drawing area in page pixels (inside its border)
      const c = document.getElementById('pad'), r = c.getBoundingClientRect();
      return {x: r.left + c.clientLeft, y: r.top + c.clientTop};
    });
    for (const s of strokes) {
      await page.mouse.move(box.x + s[0][0], box.y + s[0][1]); await page.mouse.down();
      for (const [x, y] of s.slice(1)) await page.mouse.move(box.x + x, box.y + y);
      await page.mouse.up();
    }
    await page.waitForFunction(() => window.qdmv.shown() !== null, null, {timeout: 30000});
    out.drawings[name] = await page.evaluate(() => ({strokes: window.qdmv.strokes(), bitmap: window.qdmv.bitmap(), shown: window.qdmv.shown()}));
    if (name === inputs.screenshot_drawing && args.screenshot) await page.screenshot({path: args.screenshot});
  }
  await page.click('#undo');
  out.after_undo_strokes = (await page.evaluate(() => window.qdmv.strokes())).length;

  // 3. every model of the picker: top-1 of both models on the test bitmaps, and session.run times
  out.models = {};
  for (const key of Object.keys(inputs.expected)) {
    await page.evaluate(k => window.qdmv.select(k), key);
    const top1 = await page.evaluate(b => window.qdmv.top1(b), inputs.bitmaps);
    const ms = await page.evaluate(([b, n]) => window.qdmv.timings(b, n), [inputs.bitmaps[0], inputs.runs]);
    out.models[key] = {top1, ms};
  }
  await page.close();

  // 4. a model file that fails to load: the page says so
  const broken = await openPage(p => p.route('**/*_int8.onnx', r => r.fulfill({status: 404, body: 'gone'})));
  const before = out.console_errors.length;
  await broken.goto(`${origin}/index.html`);
  await broken.waitForFunction(() => document.getElementById('status').classList.contains('error'), null, {timeout: 60000});
  out.broken_model_status = await broken.evaluate(() => window.qdmv.status());
  out.console_errors.splice(before);   // the 404 this check provoked is expected
  out.failed_requests = out.failed_requests.filter(u => !u.endsWith('_int8.onnx'));
  await broken.close();

  // 5. a browser without WebAssembly SIMD (simulated: the page's SIMD probe fails to validate)
  const plain = await openPage(p => p.addInitScript(() => {
    const validate = WebAssembly.validate.bind(WebAssembly);
    WebAssembly.validate = bytes => (bytes.byteLength === 31 ? false : validate(bytes));
  }));
  await plain.goto(`${origin}/index.html`);
  await ready(plain);
  out.nosimd = await plain.evaluate(() => ({failed: window.qdmv.failed, simd: window.qdmv.simd, cold_start_ms: window.qdmv.readyAt,
                                            note: document.getElementById('note').textContent}));
  if (!out.nosimd.failed) {
    out.nosimd.top1 = await plain.evaluate(b => window.qdmv.top1(b), inputs.bitmaps);
    out.nosimd.ms = await plain.evaluate(([b, n]) => window.qdmv.timings(b, n), [inputs.bitmaps[0], Math.min(50, inputs.runs)]);
  }
  await plain.close();
} catch (e) {
  out.error = String(e.stack || e);
} finally {
  await browser.close(); server.close();
  fs.writeFileSync(args.out, JSON.stringify(out));
}
process.exit(out.error ? 1 : 0);
