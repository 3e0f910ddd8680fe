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
import { startApache, startPouch, startProxy, readRemote, freePort } from './servers.mjs';

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

async function openSync(page) {
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Sync');
}

// Project > Sync…, the address (and sign-in), Connect; returns the verdict shown.
async function connect(page, base, { kind = 'webdav', user, password } = {}) {
  await openSync(page);
  if (kind === 'couchdb') await click(page, 'sync.kind.couchdb');
  await typeInto(page, 'sync.address', base);
  if (user) {
    await click(page, 'sync.signin.user');
    await typeInto(page, 'sync.user', user);
    await typeInto(page, 'sync.password', password);
  }
  await click(page, 'sync.connect');
  await page.waitForFunction(() => {
    const v = window.plotline.widgets()['sync.verdict'];
    return v && !/Connecting/.test(v.text);
  }, null, { timeout: 20000 });
  return (await widget(page, 'sync.verdict')).text;
}

async function closeWindow(page) { await press(page, 'Escape'); }

async function waitSynced(page, timeout = 30000) {
  await waitStatus(page, (s) => s.sync && /^Synced/.test(s.sync.sentence) && !s.sync.busy && s.sync.pendingEdits === 0, timeout);
}

async function rename(page, row, name) {
  for (let attempt = 0; attempt < 3; attempt++) {
    // A cell still being edited (a keystroke lost to a busy frame) is left first.
    if (!(await page.evaluate(() => window.plotline.widgets()))[`task.name.${row}`]) await press(page, 'Escape');
    await click(page, `task.name.${row}`, { double: true });
    await press(page, 'Control+a');
    await typeText(page, name);
    await press(page, 'Enter');
    if ((await state(page)).tasks[row].name === name) return;
  }
  assert.fail(`row ${row} was not renamed to ${name}`);
}

// A poll now (the app polls every minute; focus makes it sooner).
const poke = (page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

async function openRemotePlan(page, name) {
  await page.waitForFunction((name) => Object.entries(window.plotline.widgets()).some(([k, v]) => /^sync\.plan\.\d+$/.test(k) && v.text === name),
    name, { timeout: 15000 });
  const ws = await page.evaluate(() => window.plotline.widgets());
  const key = Object.keys(ws).find((k) => /^sync\.plan\.\d+$/.test(k) && ws[k].text === name);
  await click(page, key + '.open');
  await waitStatus(page, (s) => s.projectName === name && s.save === 'Saved', 15000);
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
  await openRemotePlan(desktop.page, plan.project.name);
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
