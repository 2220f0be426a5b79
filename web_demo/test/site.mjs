// Open every page of the built book in headless Chromium from a static server on 127.0.0.1 and record what a reader
// would find broken. Called by quickdraw_mobilevit.site.site_check (nbs/92_site.ipynb), which judges the result:
//   node web_demo/test/site.mjs --site DIR --out OUT.json [--chromium PATH] [--parallel 3]
import fs from 'node:fs';
import path from 'node:path';
import {launch, parseArgs, serve} from './serve.mjs';

const args = parseArgs(process.argv.slice(2), ['site', 'out']);
const site = path.resolve(args.site);
const walk = d => fs.readdirSync(d, {withFileTypes: true}).flatMap(e => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const pages = walk(site).filter(f => f.endsWith('.html') && !f.includes(`${path.sep}vendor${path.sep}`))
  .map(f => path.relative(site, f).split(path.sep).join('/')).sort();
const out = {pages: 0, console_errors: [], blank_figures: [], blank_widgets: [], broken_links: [], broken_images: [],
             failed_requests: [], foreign_requests: []};
const {server, origin} = await serve(site);
const browser = await launch(args.chromium);
const linkStatus = new Map();   // url -> HTTP status, each checked once

// what is on the page once it has loaded: figures with no plot, empty widget areas, images that failed, links
const inspect = () => ({
  figures: [...document.querySelectorAll('.qd-plotly')].filter(d => !d.querySelector('svg.main-svg') || d.getBoundingClientRect().height < 20).map(d => d.id),
  widgets: [...document.querySelectorAll('.jupyter-widgets')].filter(d => d.getBoundingClientRect().height < 5).length,
  images: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => (i.getAttribute('src') || '').slice(0, 100)),
  links: [...document.querySelectorAll('a[href]')].map(a => a.href.split('#')[0]).filter(h => h.startsWith(location.origin)),
});

async function checkPage(rel) {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  page.on('console', m => { if (m.type() === 'error') out.console_errors.push(`${rel}: ${m.text()}`); });
  page.on('pageerror', e => out.console_errors.push(`${rel}: ${e}`));
  page.on('request', r => { if (!r.url().startsWith(origin) && !/^(data|blob):/.test(r.url())) out.foreign_requests.push(`${rel}: ${r.url()}`); });
  page.on('response', r => { if (r.status() >= 400) out.failed_requests.push(`${rel}: ${r.status()} ${r.url()}`); });
  await page.route(u => !u.href.startsWith(origin), r => r.abort());   // offline: nothing else is reachable anyway
  await page.goto(`${origin}/${rel}`, {waitUntil: 'load'});
  await page.waitForLoadState('networkidle', {timeout: 20000}).catch(() => {});
  const found = await page.evaluate(inspect);
  out.blank_figures.push(...found.figures.map(id => `${rel}: ${id}`));
  if (found.widgets) out.blank_widgets.push(`${rel}: ${found.widgets} empty widget area(s)`);
  out.broken_images.push(...found.images.map(src => `${rel}: ${src}`));
  for (const url of new Set(found.links)) {
    if (!linkStatus.has(url)) linkStatus.set(url, (await fetch(url)).status);
    if (linkStatus.get(url) >= 400) out.broken_links.push(`${rel}: ${url.slice(origin.length)}`);
  }
  out.pages += 1;
  await page.close();
}

const t0 = Date.now();
try {
  const queue = [...pages];   // a few pages at a time, in one browser
  await Promise.all(Array.from({length: +(args.parallel || 3)}, async () => { while (queue.length) await checkPage(queue.shift()); }));
} catch (e) {
  out.error = String(e.stack || e);
} finally {
  out.seconds = (Date.now() - t0) / 1000;
  await browser.close(); server.close();
  fs.writeFileSync(args.out, JSON.stringify(out));
}
process.exit(out.error ? 1 : 0);
