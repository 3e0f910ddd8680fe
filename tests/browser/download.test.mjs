// The app's code in two parts, in the real build: the first load carries what opening a plan runs
// (plotline.wasm); the rest (plotline.deferred.wasm) is fetched once the plan is on screen, and the
// features in it work, offline too; the service worker keeps them without downloading them again. A feature used before the rest arrived loads it on the spot; a
// rest that cannot be downloaded is retried, and if the user needs it meanwhile the app stops with a
// message and what was saved stays saved.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, status, widget, click, press, frames, waitStatus, screenshot } from './harness.mjs';

const cleanup = [];
after(async () => { for (const f of cleanup.reverse()) await f(); });

async function browserAndServer() {
  const server = await serve();
  const browser = await launch();
  cleanup.push(() => server.close(), () => browser.close());
  return { server, browser };
}

const deferredCode = (page) => page.evaluate(() => window.plotline.deferredCode());
const codeReady = (page) => page.waitForFunction(() => window.plotline.deferredCode().state === 'ready', null, { timeout: 20000 });
// When the page asked for each part, in ms since navigation start.
const fetchedAt = (page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
  .filter((e) => /plotline(\.deferred)?\.wasm$/.test(e.name)).map((e) => [e.name.split('/').pop(), e.startTime])));

// The budget dashboard is one of the features in the rest.
async function openDashboard(page) {
  await click(page, 'view.budget');
  await widget(page, 'dashboard.approved');
}

test('opening a plan needs only the first part; the rest arrives after the first frame, and its features work', async () => {
  const { server, browser } = await browserAndServer();
  // The bytes of each file the service worker fetched to keep the app offline.
  const kept = {};
  browser.context.on('requestfinished', async (q) => {
    if (!q.serviceWorker()) return;
    const sizes = await q.sizes().catch(() => null);
    kept[new URL(q.url()).pathname.slice(1)] = sizes ? sizes.responseBodySize : -1;
  });
  const { page, errors } = await openApp(browser.context, server.url);
  await codeReady(page);
  const at = await fetchedAt(page);
  const readyAt = await page.evaluate(() => window.plotline.readyAt);
  assert.ok(at['plotline.wasm'] < readyAt, 'the first part before the first frame');
  assert.ok(at['plotline.deferred.wasm'] >= readyAt, `the rest after the first frame (asked at ${at['plotline.deferred.wasm']} ms, plan shown at ${readyAt} ms)`);
  assert.equal((await deferredCode(page)).onDemand, 0, 'a first visit runs nothing from the rest before it arrives');
  // What was fetched before the plan was on screen, besides the page: scripts/size-report.py's
  // "first load" counts the same files.
  const early = await page.evaluate((readyAt) => performance.getEntriesByType('resource').filter((e) => e.startTime < readyAt)
    .map((e) => new URL(e.name).pathname.slice(1)), readyAt);
  assert.deepEqual([...new Set(early)].sort(), ['favicon.svg', 'manifest.webmanifest', 'plotline.data', 'plotline.js', 'plotline.wasm']);
  assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/i18n\//.test(e.name)).map((e) => e.name)), [],
    'a browser in English fetches no language file');

  // The service worker keeps what the page fetched without downloading it again (the server answers
  // its revalidation with 304): a first visit downloads the program once.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  for (const file of ['plotline.js', 'plotline.wasm', 'plotline.data', 'plotline.deferred.wasm'])
    assert.equal(kept[file], 0, `${file} downloaded again by the service worker: ${kept[file]} bytes`);

  // A reload (now under the service worker) and a new tab start from the first part alone too.
  await page.reload();
  await page.waitForFunction(() => window.plotline && window.plotline.readyAt);
  await codeReady(page);
  assert.equal((await deferredCode(page)).onDemand, 0, 'a reload runs nothing from the rest before it arrives');
  // …and links the rest from the offline copy before the program starts: the page never fetches it.
  const fromCopy = async (p) => {
    assert.equal((await fetchedAt(p))['plotline.deferred.wasm'], undefined, 'the rest fetched again: the offline copy was not used');
    assert.equal(await p.evaluate(() => performance.getEntriesByName('plotline:rest-compiled').length), 1);
  };
  await fromCopy(page);
  const tab = await browser.context.newPage();
  await tab.goto(server.url);
  await tab.waitForFunction(() => window.plotline && window.plotline.readyAt);
  await codeReady(tab);
  assert.equal((await deferredCode(tab)).onDemand, 0, 'a new tab runs nothing from the rest before it arrives');
  await fromCopy(tab);
  await tab.close();

  await openDashboard(page);
  await screenshot(page, 'deferred-dashboard');
  assert.deepEqual(errors, []);
});

test('a feature used before the rest arrived loads it on the spot and works', async () => {
  const { server, browser } = await browserAndServer();
  // The page's own fetch of the rest is held back; a load on demand goes through.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await browser.context.route('**/plotline.deferred.wasm', async (route) => {
    if (route.request().resourceType() === 'fetch') await held;
    await route.continue().catch(() => {});
  });
  const { page, errors } = await openApp(browser.context, server.url, { untilStored: false });
  await frames(page, 20);
  assert.equal((await deferredCode(page)).state, 'fetching');
  assert.equal((await status(page)).save, 'Unsaved changes', 'the sample is stored once the rest is here');
  await openDashboard(page);
  const code = await deferredCode(page);
  assert.equal(code.state, 'ready');
  assert.equal(code.onDemand, 1, 'loaded once, on demand');
  await waitStatus(page, (s) => s.save === 'Saved', 20000);
  release();
  await page.waitForTimeout(500);
  await click(page, 'view.plan');
  await widget(page, 'task.name.0');
  assert.equal((await deferredCode(page)).onDemand, 1, 'the held fetch arriving later changes nothing');
  assert.deepEqual(errors, []);
});

test('the rest cannot be downloaded: the plan still opens, the download is retried; a feature that needs the rest meanwhile stops the app with a message, and the saved work stays', async () => {
  const { server, browser } = await browserAndServer();
  server.faults.set('/plotline.deferred.wasm', 503);
  const { page } = await openApp(browser.context, server.url, { untilStored: false });
  await page.waitForFunction(() => window.plotline.deferredCode().state === 'failed', null, { timeout: 10000 });
  assert.match((await deferredCode(page)).error, /503/);
  assert.equal((await status(page)).tasks, 43, 'the sample is open');
  assert.equal((await status(page)).save, 'Unsaved changes', 'and stored once the rest is here');

  // The server comes back: a later attempt brings the rest, and the plan is edited and saved.
  server.faults.delete('/plotline.deferred.wasm');
  await codeReady(page);
  const before = (await status(page)).tasks;
  await click(page, 'task.name.4');
  await press(page, 'Delete');
  await waitStatus(page, (s) => s.tasks === before - 1 && s.save === 'Saved', 20000);

  // Another tab, the rest unreachable again: selecting a task needs it, so the app stops and says why.
  server.faults.set('/plotline.deferred.wasm', 503);
  const other = await browser.context.newPage();
  await other.goto(server.url);
  await other.waitForFunction(() => window.plotline && window.plotline.readyAt);
  await other.waitForFunction(() => window.plotline.deferredCode().state === 'failed', null, { timeout: 10000 });
  const w = await widget(other, 'task.name.2');
  await other.mouse.move(w.x + 20, w.y + w.h / 2);
  await frames(other, 3);
  await other.mouse.down();
  await frames(other, 1);
  await other.mouse.up();
  await other.waitForFunction(() => document.getElementById('splash').className === 'error', null, { timeout: 10000 });
  const message = await other.evaluate(() => document.getElementById('splash').textContent);
  assert.match(message, /could not be downloaded \(HTTP 503\)/);
  assert.match(message, /your saved plan is kept/);
  await screenshot(other, 'deferred-unreachable');
  await other.close();

  // The work saved before is all there.
  server.faults.delete('/plotline.deferred.wasm');
  const again = await browser.context.newPage();
  await again.goto(server.url);
  await again.waitForFunction(() => window.plotline && window.plotline.readyAt);
  assert.equal((await status(again)).tasks, before - 1);
});
