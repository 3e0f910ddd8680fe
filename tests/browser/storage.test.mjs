// Offline-first storage in the real web build and real IndexedDB: the app opens with the network
// off after a first visit, work survives a browser restart, a page closed in the middle of a save
// loses nothing, a damaged stored version is set aside, two tabs never overwrite each other, a full
// disk loses nothing, every schema fixture opens (a newer one read-only, never overwritten), and a
// new deploy is offered and taken whole.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, serve, launch, openApp, appReady, state, status, widget, click, press, frames, screenshot, waitStatus, importFile } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cleanup = [];
after(async () => { for (const f of cleanup.reverse()) await f(); });

async function browserAndServer(options = {}) {
  const server = await serve(options.root);
  const browser = await launch(options);
  cleanup.push(() => server.close(), () => browser.close());
  return { server, browser };
}

// Deletes the task on a row, as a user does (select it, press Delete); returns the new task count.
async function deleteRow(page, row) {
  const before = (await status(page)).tasks;
  await click(page, `task.name.${row}`);
  await press(page, 'Delete');
  const s = await waitStatus(page, (st) => st.tasks === before - 1);
  return s.tasks;
}

const saved = (page) => waitStatus(page, (s) => s.save === 'Saved', 20000);
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });

// Runs fn(store) in the page over the IndexedDB database of an area ("p-<id>"): IDBFS keeps each
// file as { timestamp, mode, contents } under its path.
async function withArea(page, area, fn, arg) {
  return page.evaluate(async ({ area, fn, arg }) => {
    const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const db = await req(indexedDB.open('/' + area));
    try {
      const tx = db.transaction('FILE_DATA', 'readwrite');
      const store = tx.objectStore('FILE_DATA');
      const result = await (new Function('store', 'req', 'arg', 'area', `return (${fn})(store, req, arg, area);`))(store, req, arg, area);
      await new Promise((ok, no) => { tx.oncomplete = ok; tx.onerror = () => no(tx.error); });
      return result;
    } finally { db.close(); }
  }, { area, fn: fn.toString(), arg });
}

test('after a first visit the app opens with the network off, and the work survives a browser restart', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'plotline-profile-'));
  cleanup.push(() => rm(profile, { recursive: true, force: true }));
  const server = await serve();
  cleanup.push(() => server.close());
  let browser = await launch({ profile });
  let { page, errors } = await openApp(browser.context, server.url);
  await controlled(page);
  const tasks = await deleteRow(page, 5);
  await saved(page);
  await page.close();

  await browser.context.setOffline(true);
  ({ page } = await openApp(browser.context, server.url));
  assert.equal((await status(page)).tasks, tasks, 'the edit is there, offline');
  assert.equal(await page.evaluate(() => fetch('plotline.wasm').then((r) => r.ok)), true, 'served by the service worker');
  await screenshot(page, 'offline-start');
  await browser.close();

  // Restart the browser on the same profile, still offline.
  browser = await launch({ profile });
  cleanup.push(() => browser.close());
  await browser.context.setOffline(true);
  ({ page, errors } = await openApp(browser.context, server.url));
  assert.equal((await status(page)).tasks, tasks);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e)), []);
});

test('a page closed in the middle of a save loses nothing that had been saved before', async () => {
  const { server, browser } = await browserAndServer();
  let { page } = await openApp(browser.context, server.url);
  const first = await deleteRow(page, 3);
  await saved(page);
  const kept = (await state(page)).tasks.map((t) => t.id);
  // The first save's clean-up (the version before it removed) is done: only the saved version is left.
  const { project } = await status(page);
  const versionsStored = () => withArea(page, 'p-' + project, async (store, req) => (await req(store.getAllKeys())).filter((k) => /\/v\d+\.json$/.test(k)).length);
  for (let i = 0; i < 100 && await versionsStored() !== 1; ++i) await page.waitForTimeout(50);
  assert.equal(await versionsStored(), 1);
  // A second edit whose save never reaches IndexedDB: the project's writes are held back (as when the
  // tab is closed mid-transaction: its transactions neither commit nor fail, and none of their
  // requests is answered), and the page goes away while the save waits for them.
  await page.evaluate(() => {
    const transaction = IDBDatabase.prototype.transaction;
    window.heldWrites = 0;
    IDBDatabase.prototype.transaction = function (stores, mode) {
      if (mode !== 'readwrite' || !this.name.startsWith('/p-')) return transaction.apply(this, arguments);
      const never = {}; // a request that is never answered
      const store = { put() { window.heldWrites++; return never; }, delete() { return never; } };
      return { objectStore() { return store; }, abort() {} };
    };
  });
  await click(page, 'task.name.4');
  await press(page, 'Delete');
  assert.equal((await status(page)).tasks, first - 1);
  await page.evaluate(() => { window.plotline.saveNow(); });
  await page.waitForFunction(() => window.heldWrites > 0);
  await page.close({ runBeforeUnload: false });

  ({ page } = await openApp(browser.context, server.url));
  assert.deepEqual((await state(page)).tasks.map((t) => t.id), kept, 'the version saved before, whole');
  // If the unfinished save left anything behind, it was set aside and said so, never opened.
  const s = await status(page);
  assert.ok(s.dialog === '' || /^Recovered/.test(s.dialog), `dialog: ${s.dialog}`);
});

test('a damaged stored version is set aside, the version before opens, and the user is told', async () => {
  const { server, browser } = await browserAndServer();
  const { page } = await openApp(browser.context, server.url);
  const original = (await state(page)).tasks.length;
  await deleteRow(page, 2);
  await saved(page);
  const { project } = await status(page);
  const damaged = await withArea(page, 'p-' + project, async (store, req) => {
    const key = (await req(store.getAllKeys())).filter((k) => /\/v\d+\.json$/.test(k)).sort().pop();
    const entry = await req(store.get(key));
    entry.contents = entry.contents.slice();
    entry.contents[entry.contents.length - 20] ^= 0x01; // one bit, deep in the plan
    await req(store.put(entry, key));
    return key;
  });
  assert.match(damaged, /v0+2\.json$/);

  await page.reload();
  await appReady(page);
  const s = await waitStatus(page, (st) => st.dialog !== '');
  assert.match(s.dialog, /Recovered/);
  assert.equal(s.tasks, original, 'the version before the damaged one');
  await screenshot(page, 'recovered-damaged-version');
  await click(page, 'dialog.ok');
  // The damaged version is kept in the history, not deleted.
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.History');
  await widget(page, 'history.window');
  await screenshot(page, 'history-with-damaged');
  const keys = await withArea(page, 'h-' + project, async (store, req) => req(store.getAllKeys()));
  assert.ok(keys.some((k) => /damaged-\d+-v0+2\.json$/.test(k)), keys.join(', '));
});

test('two tabs on one project: the second is read-only, follows the first, and takes over when it closes', async () => {
  const { server, browser } = await browserAndServer();
  const { page: first } = await openApp(browser.context, server.url);
  const { page: second } = await openApp(browser.context, server.url);
  let s = await waitStatus(second, (st) => st.readOnly !== '');
  assert.match(s.readOnly, /open in another tab/);
  await widget(second, 'banner.readOnly');
  await screenshot(second, 'second-tab-read-only');
  // Edits in the second tab do nothing.
  await click(second, 'task.name.2');
  await press(second, 'Delete');
  assert.equal((await status(second)).tasks, s.tasks);

  const tasks = await deleteRow(first, 2);
  await saved(first);
  await waitStatus(second, (st) => st.tasks === tasks);
  assert.deepEqual((await state(second)).tasks.map((t) => t.id), (await state(first)).tasks.map((t) => t.id));

  await first.close();
  s = await waitStatus(second, (st) => st.readOnly === '');
  assert.equal(await deleteRow(second, 2), tasks - 1);
  await saved(second);
});

test('a full disk: the save fails with a clear message, the work stays, the last good version is intact', async () => {
  const { server, browser } = await browserAndServer();
  const { page } = await openApp(browser.context, server.url);
  const goodTasks = (await status(page)).tasks;
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () { throw new DOMException('injected: no space left', 'QuotaExceededError'); };
  });
  const tasks = await deleteRow(page, 4);
  const s = await waitStatus(page, (st) => st.save === 'Not saved');
  assert.match(s.saveError, /storage for this site is full/);
  assert.equal((await status(page)).tasks, tasks, 'the edit is kept in the page');
  assert.equal((await waitStatus(page, (st) => st.dialog !== '')).dialog, 'Not saved', 'a dialog says what happened and what to do');
  await screenshot(page, 'quota-full');
  await click(page, 'dialog.ok');
  // What is stored is still the last good version (a second tab shows it, read-only).
  const { page: other } = await openApp(browser.context, server.url);
  assert.equal((await status(other)).tasks, goodTasks);
  await other.close();
  // Space comes back: the retry saves the work.
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
  await waitStatus(page, (st) => st.save === 'Saved', 15000);
  await page.reload();
  await appReady(page);
  assert.equal((await status(page)).tasks, tasks);
});

// CRC-32 and the header of a stored version, as src/core/sealed.cpp writes them.
function sealVersion(body, number, name, tasks) {
  const bytes = new TextEncoder().encode(body);
  let crc = ~0;
  for (const b of bytes) { crc ^= b; for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1)); }
  const hex = ((~crc) >>> 0).toString(16).padStart(8, '0');
  return `{"plotlineVersion":${number},"savedAt":${Date.now()},"name":${JSON.stringify(name)},"tasks":${tasks},"bytes":${bytes.length},"crc32":"${hex}"}\n` + body;
}

test('every schema fixture opens; a version from a newer Plotline opens read-only and is never overwritten', async () => {
  const { server, browser } = await browserAndServer();
  const { page } = await openApp(browser.context, server.url);
  for (const schema of [1, 2]) {
    await importFile(page, join(root, `tests/fixtures/schema-${schema}.json`));
    const s = await waitStatus(page, (st) => st.message.startsWith(`Imported schema-${schema}.json`) && st.save === 'Saved');
    assert.equal(s.tasks, 43);
    assert.equal(s.readOnly, '');
  }
  // A newer Plotline (another tab after an update, say) saved the open project in schema 5.
  const future = await readFile(join(root, 'tests/fixtures/schema-5-future.json'), 'utf8');
  const { project } = await status(page);
  const key = await withArea(page, 'p-' + project, async (store, req, text, area) => {
    const keys = (await req(store.getAllKeys())).filter((k) => /\/v\d+\.json$/.test(k)).sort();
    const next = Number(keys[keys.length - 1].match(/v(\d+)\.json$/)[1]) + 1;
    const key = `/${area}/v${String(next).padStart(12, '0')}.json`;
    await req(store.put({ timestamp: new Date(), mode: 33188, contents: new TextEncoder().encode(text.replace('@N', next)) }, key));
    return key;
  }, sealVersion(future, '@N', 'Aurora Coffee — Spring Launch Campaign', 43)); // the number is filled in page-side
  assert.ok(key);
  await page.reload();
  await appReady(page);
  const s = await waitStatus(page, (st) => st.readOnly !== '' && st.dialog !== '');
  assert.match(s.readOnly, /newer Plotline/);
  assert.match(s.dialog, /read-only/);
  await screenshot(page, 'newer-schema-read-only');
  await click(page, 'dialog.ok');
  const before = await withArea(page, 'p-' + project, async (store, req) => {
    const keys = (await req(store.getAllKeys())).sort();
    const last = await req(store.get(keys[keys.length - 1]));
    return { keys, bytes: Array.from(last.contents.slice(0, 200)), size: last.contents.length };
  });
  await click(page, 'task.name.2');
  await press(page, 'Delete');
  await page.evaluate(() => window.plotline.saveNow());
  await page.waitForTimeout(800);
  assert.equal((await status(page)).tasks, 43, 'no edit in a read-only project');
  const afterwards = await withArea(page, 'p-' + project, async (store, req) => {
    const keys = (await req(store.getAllKeys())).sort();
    const last = await req(store.get(keys[keys.length - 1]));
    return { keys, bytes: Array.from(last.contents.slice(0, 200)), size: last.contents.length };
  });
  assert.deepEqual(afterwards, before, 'the newer version is untouched');
});

test('a new deploy is offered as "Reload to update" and taken whole; a half-finished deploy is not', async () => {
  const dist = await mkdtemp(join(tmpdir(), 'plotline-deploy-'));
  cleanup.push(() => rm(dist, { recursive: true, force: true }));
  await cp(DIST, dist, { recursive: true });
  const stamp = () => execFileSync('/usr/bin/python3', [join(root, 'scripts/stamp-offline.py'), dist, join(root, 'shell/sw.js')]).toString();
  const buildOf = async () => (await readFile(join(dist, 'index.html'), 'utf8')).match(/plotline-build" content="([^"]+)/)[1];
  const { server, browser } = await browserAndServer({ root: dist });
  const { page } = await openApp(browser.context, server.url);
  await controlled(page);
  const oldBuild = await buildOf();
  assert.equal(await page.evaluate(() => window.plotline.build), oldBuild);
  const tasks = await deleteRow(page, 2);
  await saved(page);

  // Deploy a new build: a changed program and its stamp.
  await appendFile(join(dist, 'plotline.js'), '\n// next build\n');
  stamp();
  const newBuild = await buildOf();
  assert.notEqual(newBuild, oldBuild);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('#update.shown', { timeout: 20000 });
  await screenshot(page, 'update-offered');
  assert.equal(await page.evaluate(() => window.plotline.build), oldBuild, 'nothing changes until the user says so');
  await Promise.all([page.waitForEvent('load', { timeout: 20000 }), page.click('#update-button')]);
  await appReady(page);
  assert.equal(await page.evaluate(() => window.plotline.build), newBuild);
  assert.deepEqual(await page.evaluate(() => caches.keys()), ['plotline-' + newBuild]);
  assert.match(await page.evaluate(() => fetch('plotline.js').then((r) => r.text())), /\/\/ next build\n$/);
  assert.equal((await status(page)).tasks, tasks, 'the work came along');

  // A deploy caught half-way: the new sw.js lists a wasm that is not the one on the server yet.
  await appendFile(join(dist, 'plotline.js'), '// third build\n');
  stamp();
  await appendFile(join(dist, 'plotline.wasm'), Buffer.from([0]));
  // The new worker is installed, checks every file against its stamp, and is thrown away.
  const outcome = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => new Promise((done) => {
    r.addEventListener('updatefound', () => {
      const w = r.installing;
      w.addEventListener('statechange', () => { if (w.state === 'redundant' || w.state === 'installed') done(w.state); });
    });
    r.update().catch(() => {});
    setTimeout(() => done('no install seen in 30 s'), 30000);
  })));
  assert.equal(outcome, 'redundant', 'the half-finished build is refused when installing');
  await frames(page, 3);
  assert.equal(await page.isVisible('#update.shown'), false, 'no update offered');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting)), null);
  await page.reload();
  await appReady(page);
  assert.equal(await page.evaluate(() => window.plotline.build), newBuild, 'still the whole second build');
});
