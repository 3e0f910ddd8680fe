// Shared set-up for browser tests: a real HTTP server on 127.0.0.1 serving the built app, Debian's
// Chromium driven by playwright-core, and helpers that click real widgets found through
// window.plotline.widgets().
import { createServer } from 'node:http';
import { readFile, stat, mkdtemp, rm } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.PLOTLINE_DIST || resolve(here, '../../build/web/dist');
export const SHOTS = process.env.PLOTLINE_SHOTS || resolve(here, '../../build/screenshots');

// The files written by MS Project, MPXJ and GanttProject (../shared/interop beside the repository, or
// beside the repository this clone came from); PLOTLINE_INTEROP overrides.
export function interopDir() {
  const candidates = [process.env.PLOTLINE_INTEROP, resolve(here, '../../../shared/interop')];
  try {
    const origin = execFileSync('git', ['-C', here, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8' }).trim();
    if (origin) candidates.push(resolve(origin, '../shared/interop'));
  } catch { /* not a clone */ }
  const found = candidates.find((d) => d && existsSync(join(d, 'SOURCES.md')));
  if (!found) throw new Error('the interoperability samples (../shared/interop) were not found; set PLOTLINE_INTEROP');
  return found;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.css': 'text/css',
};

// Serves `root` on 127.0.0.1 at a free port. `faults` lets a test break a path on purpose.
export async function serve(root = DIST) {
  const faults = new Map(); // path -> status code
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (faults.has(path)) { res.writeHead(faults.get(path)); res.end(); return; }
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    try {
      // Revalidated on every load (no-cache) with an ETag, as static hosts do: an unchanged file is a
      // 304, and the browser keeps its compiled code for the wasm.
      const info = await stat(file);
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache', etag };
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); return; }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404); res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, faults, close: () => new Promise((ok) => server.close(ok)) };
}

// A browser with a profile of its own (removed on close), or with `profile`, a folder kept across
// launches (a browser restart).
// The browser speaks `locale` (navigator.language); unless `isoDates` is false, Plotline is told once
// to show ISO dates (Preferences, kept in localStorage), as the tests read and type them.
export async function launch({ deviceScaleFactor = 1, viewport = { width: 1440, height: 900 }, profile: keep, touch = false,
                               locale = 'en-US', isoDates = true } = {}) {
  const profile = keep || await mkdtemp(join(tmpdir(), 'plotline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    deviceScaleFactor,
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
    locale,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--disable-quic'],
  });
  if (isoDates)
    await context.addInitScript(() => {
      try { if (!localStorage.getItem('plotline.formats')) localStorage.setItem('plotline.formats', 'iso'); } catch (e) { /* opaque origins */ }
    });
  return {
    context,
    async close() { await context.close(); if (!keep) await rm(profile, { recursive: true, force: true }); },
  };
}

// Opens the app and waits for window.plotline.ready. Records console errors and page errors.
// untilStored: false returns once the plan is on screen (a first visit stores the sample once the
// rest of the program is here).
export async function openApp(context, url, { untilStored = true } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.plotline && window.plotline.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.plotline.ready);
  // A plan opened for the first time (the sample on a first visit) is on screen before it is stored:
  // wait until it is, so tests start from a stored plan.
  if (untilStored) await page.waitForFunction(() => !['Unsaved changes', 'Saving…'].includes(window.plotline.status().save), null, { timeout: 60000 });
  return { page, errors };
}

// One browser for a test file, and for each test a server of its own (hence its own origin and an
// empty IndexedDB):   const fresh = freshAppPerTest(before, after);  const { page } = await fresh();
export function freshAppPerTest(before, after, options = {}) {
  let browser;
  const servers = [];
  before(async () => { browser = await launch(options); });
  after(async () => { await browser?.close(); for (const s of servers) await s.close(); });
  let last;
  return async function fresh() {
    // The previous test's page goes: its frames would otherwise keep running beside this test's.
    if (last && !last.isClosed()) await last.close();
    const server = await serve();
    servers.push(server);
    const opened = await openApp(browser.context, server.url);
    last = opened.page;
    return { server, ...opened };
  };
}

// Waits for the app on a page that is loading or reloading.
export async function appReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.plotline && window.plotline.readyAt, null, { timeout });
}

export const state = (page) => page.evaluate(() => window.plotline.state());
export const status = (page) => page.evaluate(() => window.plotline.status());
export const widgets = (page) => page.evaluate(() => window.plotline.widgets());

// Waits until a predicate over status() holds.
export async function waitStatus(page, pred, timeout = 10000) {
  const start = Date.now();
  for (;;) {
    const s = await status(page);
    if (pred(s)) return s;
    if (Date.now() - start > timeout) throw new Error('status never matched: ' + JSON.stringify(s));
    await page.waitForTimeout(50);
  }
}

export async function widget(page, name, timeout = 5000) {
  const start = Date.now();
  for (;;) {
    const w = (await widgets(page))[name];
    if (w) return w;
    if (Date.now() - start > timeout) throw new Error('no widget ' + name + ' on screen');
    await page.waitForTimeout(30);
  }
}

// Resolves after the page has drawn `n` more animation frames (the app's main loop runs on them).
export const frames = (page, n = 2) => page.evaluate((n) => new Promise((done) => {
  const step = () => (--n <= 0 ? done() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);

// ImGui polls input once a frame: move, let frames pass, then press and release. A single click
// holds the button down for a frame; a double click is two quick clicks, as a hand makes them (the
// app splits events that arrive between two frames into the frames ImGui needs, and counts the
// clicks by the time the browser handed each over, not by its frames' times).
export async function click(page, name, { double = false } = {}) {
  // A window that has just appeared may still be settling (auto-sized dialogs move on their first
  // frames): aim again until the widget stays under the pointer.
  for (let tries = 0; ; ++tries) {
    const w = await widget(page, name);
    const x = w.x + Math.min(w.w / 2, 40), y = w.y + w.h / 2;
    await page.mouse.move(x, y);
    await frames(page, 3);
    const now = (await widgets(page))[name];
    if (tries >= 3 || (now && x >= now.x && x <= now.x + now.w && y >= now.y && y <= now.y + now.h)) break;
  }
  if (double) {
    for (let i = 0; i < 2; ++i) {
      await page.mouse.down();
      await page.mouse.up();
    }
  } else {
    await page.mouse.down();
    await frames(page, 1);
    await page.mouse.up();
  }
  await frames(page, 4);
}

// Drags from the middle of a widget (or a point in it: at = [fx, fy] fractions) by dx, dy pixels,
// in steps, a frame each, so the app sees a real drag.
export async function drag(page, name, dx, dy = 0, { at = [0.5, 0.5], steps = 6 } = {}) {
  const w = await widget(page, name);
  const x = w.x + w.w * at[0], y = w.y + w.h * at[1];
  await page.mouse.move(x, y);
  await frames(page, 3);
  await page.mouse.down();
  await frames(page, 2);
  for (let i = 1; i <= steps; ++i) {
    await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
    await frames(page, 1);
  }
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}

export async function press(page, key) {
  await page.keyboard.press(key, { delay: 40 });
  await frames(page, 3);
}

// Picks a file through Project > Import, as a user does; returns once the page has it.
export async function importFile(page, path) {
  const pending = page.waitForEvent('filechooser');
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Import');
  const chooser = await pending;
  await chooser.setFiles(path);
  await page.waitForTimeout(300);
}

// In a field: click it, select all, type, Enter (the table cells commit on Enter).
export async function typeInto(page, field, text) {
  await click(page, field);
  await press(page, 'Control+a');
  await page.keyboard.type(text, { delay: 20 });
  await press(page, 'Enter');
}

// A right-click (press and release a frame apart) on a named widget.
export async function rightClick(page, name) {
  const w = await widget(page, name);
  await page.mouse.move(w.x + Math.min(w.w / 2, 40), w.y + w.h / 2);
  await frames(page, 3);
  await page.mouse.down({ button: 'right' });
  await frames(page, 1);
  await page.mouse.up({ button: 'right' });
  await frames(page, 3);
}

export async function typeText(page, text) {
  await page.keyboard.type(text, { delay: 20 });
  await frames(page, 3);
}

export async function screenshot(page, name) {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, name + '.png');
  const png = await page.screenshot({ path });
  return { path, png };
}

export async function distExists() {
  try { await stat(join(DIST, 'plotline.wasm')); return true; } catch { return false; }
}

// A PNG (a screenshot) decoded by the page itself, no image library needed: { w, h, rgba: [...] }.
// A PNG's size and its pixels as RGBA; with `points` ([x, y] pairs), only those pixels (`px`): a big
// picture's whole array is too much to carry out of the page.
// With `stats`: only how many colours every 7th pixel shows and the share of dark ones (text, bars),
// counted in the page (the whole picture as JSON takes ~20 s).
export function decodePng(page, png, points = null, { stats = false } = {}) {
  return page.evaluate(async ({ b64, points, stats }) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    if (points) return { w: img.width, h: img.height, px: points.map(([x, y]) => Array.from(ctx.getImageData(x, y, 1, 1).data)) };
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    if (stats) {
      const colours = new Set();
      let dark = 0;
      for (let i = 0; i < d.length; i += 4 * 7) {
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        if (d[i] + d[i + 1] + d[i + 2] < 300) dark++;
      }
      return { w: img.width, h: img.height, colours: colours.size, darkShare: dark / (d.length / 28) };
    }
    return { w: img.width, h: img.height, rgba: Array.from(d) };
  }, { b64: png.toString('base64'), points, stats });
}

// The pixels of a rectangle of the page as the user sees it: { w, h, at(x, y) → [r, g, b] }.
export async function pixels(page, { x, y, w, h }) {
  const data = await decodePng(page, await page.screenshot({ clip: { x, y, width: w, height: h } }));
  return { w: data.w, h: data.h, at: (px, py) => data.rgba.slice((py * data.w + px) * 4, (py * data.w + px) * 4 + 3) };
}

// Hovers a named widget (or a point) and waits for its tooltip (they show after a short rest, as
// they should); the tooltip's text, or undefined.
export async function tooltipOf(page, target) {
  const w = typeof target === 'string' ? await widget(page, target) : null;
  const [x, y] = w ? [w.x + w.w / 2, w.y + w.h / 2] : target;
  await page.mouse.move(x, y);
  await frames(page, 3);
  await page.waitForTimeout(700);
  await frames(page, 3);
  return (await widgets(page)).tooltip?.text;
}
