// Sync between two devices (two browsers with profiles of their own) through real servers on
// 127.0.0.1: Apache mod_dav, pouchdb-server and nginx's dav module (the unsafe one), and a
// fault-injecting proxy in front of Apache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openApp, appReady, click, press, typeText, typeInto, widget, waitStatus, screenshot, state, status, frames } from './harness.mjs';
import { startApache, startPouch, startProxy, startNginx, readRemote, freePort } from './servers.mjs';
import { openSync, connect, closeWindow, waitSynced, rename } from './sync-steps.mjs';
import { gzipSync, gunzipSync } from 'node:zlib';

let app, apache;
const open = [];
before(async () => { app = await serve(); apache = await startApache(); });
after(async () => {
  for (const b of open) await b.close().catch(() => {});
  await apache?.stop();
  await app?.close();
});

async function device() {
  const browser = await launch();
  open.push(browser);
  const { page, errors } = await openApp(browser.context, app.url);
  return { browser, page, errors, context: browser.context };
}

// Errors other than the browser's log of answers the app expects (412, 404, offline).
const pageErrors = (...devices) => devices.flatMap((d) => d.errors).filter((e) => !/^Failed to load resource/.test(e));

const syncOf = async (page) => (await status(page)).sync;

// A poll now (the app polls every minute; focus makes it sooner).
const poke = (page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

// Opens the plan `id` (named `name`) from the Sync window's list of plans on the server.
// The device's own plan, once uploaded, is listed under the same name without an Open button (it is
// the open one), so the row wanted is the one with that name that can be opened.
async function openRemotePlan(page, name, id) {
  const openable = (name) => {
    const ws = window.plotline.widgets();
    return Object.keys(ws).find((k) => /^sync\.plan\.\d+$/.test(k) && ws[k].text === name && ws[k + '.open']) || null;
  };
  // The device's own plan, uploaded meanwhile, can join the list above it and move the row under the
  // pointer: the row is found again and clicked until the plan opens.
  for (let attempt = 0; ; ++attempt) {
    const key = await (await page.waitForFunction(openable, name, { timeout: 15000 })).jsonValue();
    try {
      await click(page, key + '.open');
      // (The device's own sample has the same name: wait for the plan itself.)
      await waitStatus(page, (s) => s.project === id && s.save === 'Saved', 6000);
      break;
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
}

test('two devices: offline edits on both reach both; the second device opens a plan it never had; conflicts are listed and a flip propagates', async () => {
  const laptop = await device();
  const desktop = await device();
  const plan = await state(laptop.page);
  const id = (await status(laptop.page)).project; // the library's id names the plan on the server
  assert.match(await connect(laptop.page, apache.base), /^Connected: the server keeps conditional writes/);
  await screenshot(laptop.page, 'sync-window-connected');
  await closeWindow(laptop.page);
  await waitSynced(laptop.page);
  // Stored on the server as the sealed plan, gzip-compressed, and listed for other devices.
  const stored = await readRemote(apache.base + id + '.plotline');
  assert.equal(stored.status, 200);
  assert.ok(stored.text.includes(plan.tasks[0].name));
  const onDisk = await readFile(apache.file(id + '.plotline'));
  assert.deepEqual([...onDisk.subarray(0, 2)], [0x1f, 0x8b], 'the body on the server is gzip');
  assert.ok(onDisk.length * 3 < stored.text.length, `compressed ${onDisk.length} B of ${stored.text.length} B`);
  const listed = JSON.parse((await readRemote(apache.base + 'plotline-library.json')).text);
  assert.deepEqual(listed.plans.map((p) => p.id), [id]);

  // The desktop never had the plan: it finds it in the server's list and opens it.
  assert.match(await connect(desktop.page, apache.base), /^Connected/);
  await openRemotePlan(desktop.page, plan.project.name, id);
  await waitSynced(desktop.page);
  const copied = await state(desktop.page);
  assert.equal((await status(desktop.page)).project, id);
  assert.deepEqual(copied.project, plan.project);
  assert.deepEqual(copied.tasks.map((t) => t.name), plan.tasks.map((t) => t.name));

  // Both offline; each edits a different task.
  await laptop.context.setOffline(true);
  await desktop.context.setOffline(true);
  await rename(laptop.page, 1, 'Kickoff (laptop)');
  await rename(desktop.page, 2, 'Research (desktop)');
  await waitStatus(laptop.page, (s) => s.sync.sentence === 'Offline: 1 change waiting', 20000);
  await screenshot(laptop.page, 'sync-status-offline');
  assert.equal((await widget(laptop.page, 'status.sync')).text, 'Offline: 1 change waiting');

  // Back online, the desktop first: each ends with both edits.
  await desktop.context.setOffline(false);
  await waitSynced(desktop.page);
  await laptop.context.setOffline(false);
  await waitSynced(laptop.page);
  await poke(desktop.page);
  await waitStatus(desktop.page, (s) => s.sync.merges >= 1 && !s.sync.busy, 20000);
  await waitSynced(desktop.page);
  for (const d of [laptop, desktop]) {
    const names = (await state(d.page)).tasks.map((t) => t.name);
    assert.equal(names[1], 'Kickoff (laptop)');
    assert.equal(names[2], 'Research (desktop)');
  }

  // Both offline again, both rename the same two tasks: the later edits (the desktop's) win, and the
  // desktop, which merges, lists two conflicts.
  await laptop.context.setOffline(true);
  await desktop.context.setOffline(true);
  await rename(laptop.page, 3, 'Brief (laptop)');
  await rename(laptop.page, 4, 'Copy (laptop)');
  await rename(desktop.page, 3, 'Brief (desktop)');
  await rename(desktop.page, 4, 'Copy (desktop)');
  assert.deepEqual((await state(laptop.page)).tasks.slice(3, 5).map((t) => t.name), ['Brief (laptop)', 'Copy (laptop)']);
  assert.deepEqual((await state(desktop.page)).tasks.slice(3, 5).map((t) => t.name), ['Brief (desktop)', 'Copy (desktop)']);
  await laptop.context.setOffline(false);
  await waitSynced(laptop.page);
  await desktop.context.setOffline(false);
  await waitStatus(desktop.page, (s) => s.sync.sentence === '2 conflicts to review', 30000);
  await click(desktop.page, 'status.sync');
  await widget(desktop.page, 'conflicts.1');
  assert.match((await widget(desktop.page, 'conflicts.0')).text, /task “Brief \(desktop\)” \/ name \/ mine: Brief \(desktop\) \/ theirs: Brief \(laptop\) \/ kept mine/);
  await screenshot(desktop.page, 'sync-conflicts-window');
  // Use the laptop's name for the brief: an undoable edit that syncs as any edit.
  await click(desktop.page, 'conflicts.0.flip');
  await click(desktop.page, 'conflicts.0.keep');
  assert.equal((await syncOf(desktop.page)).conflicts, 0);
  assert.equal((await state(desktop.page)).tasks[3].name, 'Brief (laptop)');
  await waitSynced(desktop.page);
  await poke(laptop.page);
  await waitStatus(laptop.page, (s) => !s.sync.busy && s.sync.merges >= 2, 20000);
  await waitSynced(laptop.page);
  for (const d of [laptop, desktop]) {
    const names = (await state(d.page)).tasks.map((t) => t.name);
    assert.deepEqual(names.slice(1, 5), ['Kickoff (laptop)', 'Research (desktop)', 'Brief (laptop)', 'Copy (desktop)']);
  }
  // Each merge is one undoable step on the device that merged it.
  assert.equal((await status(laptop.page)).undo, 'Merge from the server');
  assert.deepEqual(pageErrors(laptop, desktop), []);
});

test('connecting says exactly what is wrong: plain http to another machine, nothing listening, an unsafe server, a refused sign-in', async () => {
  const d = await device();
  const nginx = await startNginx();
  const guarded = await startApache({ user: { name: 'ann', password: 'right' } });
  try {
    assert.match(await connect(d.page, 'http://dav.example.com/plans/'), /unencrypted: use https/);
    await closeWindow(d.page);
    assert.match(await connect(d.page, `http://127.0.0.1:${await freePort()}/plans/`), /^Cannot reach the server \(no answer from 127\.0\.0\.1:\d+ .*CORS\)/);
    await closeWindow(d.page);
    assert.match(await connect(d.page, nginx.base), /^Unsafe server: it replaced a file/);
    assert.equal((await syncOf(d.page)).connected, false, 'an unsafe server is never synced to');
    await closeWindow(d.page);
    assert.match(await connect(d.page, guarded.base, { user: 'ann', password: 'wrong' }), /^Server refused the sign-in \(401\)/);
    await closeWindow(d.page);
    assert.match(await connect(d.page, guarded.base, { user: 'ann', password: 'right' }), /^Connected/);
    await closeWindow(d.page);
    await waitSynced(d.page);
    const id = (await status(d.page)).project;
    const r = await fetch(guarded.base + id + '.plotline', { headers: { Authorization: 'Basic ' + Buffer.from('ann:right').toString('base64') } });
    assert.equal(r.status, 200);
    assert.deepEqual(pageErrors(d), []);
  } finally {
    await nginx.stop();
    await guarded.stop();
  }
});

test('CouchDB: two devices sync one plan through pouchdb-server, each project a document', async () => {
  const couch = await startPouch();
  try {
    const a = await device();
    const b = await device();
    assert.match(await connect(a.page, couch.base, { kind: 'couchdb' }), /^Connected/);
    await closeWindow(a.page);
    await waitSynced(a.page);
    const id = (await status(a.page)).project;
    const doc = await (await fetch(couch.base + id)).json();
    assert.match(doc._rev, /^\d+-/);
    assert.ok(doc.text.includes((await state(a.page)).project.name));
    assert.match(await connect(b.page, couch.base, { kind: 'couchdb' }), /^Connected/);
    await openRemotePlan(b.page, (await state(a.page)).project.name, id);
    await waitSynced(b.page);
    await rename(a.page, 1, 'Kickoff (couch a)');
    await rename(b.page, 2, 'Research (couch b)');
    await waitSynced(a.page);
    await waitSynced(b.page);
    await poke(a.page);
    await waitStatus(a.page, (s) => s.sync.merges >= 1 && !s.sync.busy, 20000);
    for (const d of [a, b]) {
      const names = (await state(d.page)).tasks.map((t) => t.name);
      assert.deepEqual(names.slice(1, 3), ['Kickoff (couch a)', 'Research (couch b)']);
    }
    assert.deepEqual(pageErrors(a, b), []);
  } finally {
    await couch.stop();
  }
});

test('faults between the app and the server: edits wait through 503s, refused connections and a competing write, a damaged copy is refused, a reload mid-sync loses nothing', async () => {
  const proxy = await startProxy(apache.base);
  try {
    const d = await device();
    assert.match(await connect(d.page, proxy.base), /^Connected/);
    await closeWindow(d.page);
    await waitSynced(d.page);
    const id = (await status(d.page)).project;
    const remoteNames = async () => {
      const r = await readRemote(apache.base + id + '.plotline');
      return JSON.parse(r.text.slice(r.text.indexOf('\n') + 1)).tasks.map((t) => t.name);
    };

    // 503: the edit waits, the bar says so; healed, it goes through.
    proxy.fault = 503;
    await rename(d.page, 1, 'Kickoff (through 503)');
    await waitStatus(d.page, (s) => /^Not synced \(Server error \(503\): will try again\): 1 change waiting$/.test(s.sync.sentence), 20000);
    proxy.fault = null;
    await d.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitSynced(d.page);
    assert.equal((await remoteNames())[1], 'Kickoff (through 503)');

    // Refused connections: offline, as far as the app can tell.
    proxy.fault = 'refuse';
    await rename(d.page, 2, 'Research (refused)');
    await waitStatus(d.page, (s) => s.sync.sentence === 'Offline: 1 change waiting', 20000);
    proxy.fault = null;
    await d.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitSynced(d.page);
    assert.equal((await remoteNames())[2], 'Research (refused)');

    // Someone writes between the app's read and its write: the write meets a 412, and is redone.
    proxy.fault = 'race';
    proxy.race = async () => {
      const current = await fetch(apache.base + id + '.plotline');
      const bytes = Buffer.from(await current.arrayBuffer());
      await fetch(apache.base + id + '.plotline', { method: 'PUT', body: bytes }); // a new version (same content)
      await new Promise((ok) => setTimeout(ok, 1100)); // its tag strong
    };
    proxy.log.length = 0;
    await rename(d.page, 3, 'Brief (after a race)');
    await waitSynced(d.page, 40000);
    assert.ok(proxy.log.some((l) => /^PUT .* 412$/.test(l)), proxy.log.join('\n'));
    assert.equal((await remoteNames())[3], 'Brief (after a race)');
    proxy.fault = null;

    // A damaged copy on the server (a byte flipped in the body): set aside, never merged.
    const file = apache.file(id + '.plotline');
    const text = gunzipSync(await readFile(file)).toString('utf8');
    const at = text.lastIndexOf('Brief (after a race)');
    await writeFile(file, gzipSync(Buffer.from(text.slice(0, at) + 'Brief (damaged!!!!!)' + text.slice(at + 20))));
    const before = await state(d.page);
    await d.page.waitForTimeout(1100);
    await poke(d.page);
    await waitStatus(d.page, (s) => /damaged/.test(s.sync.sentence), 20000);
    assert.match((await syncOf(d.page)).error, /^The server's copy is damaged \(.*checksum.*\): set aside, not merged; this device keeps its plan$/);
    assert.deepEqual(await state(d.page), before);

    // A reload in the middle of a sync (answers slowed to 3 s) loses nothing: the edit is stored
    // here first, and goes to the server after the reload.
    await writeFile(file, gzipSync(Buffer.from(text))); // the server's copy repaired
    await poke(d.page);
    await waitSynced(d.page);
    proxy.fault = 'slow';
    await rename(d.page, 4, 'Copy (reloaded mid-sync)');
    await waitStatus(d.page, (s) => s.sync.busy && s.save === 'Saved', 20000);
    await d.page.reload();
    await appReady(d.page);
    assert.equal((await state(d.page)).tasks[4].name, 'Copy (reloaded mid-sync)');
    proxy.fault = null;
    await poke(d.page);
    await waitSynced(d.page, 40000);
    assert.equal((await remoteNames())[4], 'Copy (reloaded mid-sync)');
  } finally {
    await proxy.stop();
  }
});
