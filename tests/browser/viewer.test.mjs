// Client views from links: a producer makes the link in Share with client…, a fresh browser (empty
// storage, no credentials) opens it as the client would, on a desktop and on a phone with touch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { freshAppPerTest, click, widget, widgets, screenshot, state, status, launch, openApp, frames, press, drag, waitStatus, appReady } from './harness.mjs';
import { startApache } from './servers.mjs';
import { connect, closeWindow, waitSynced, rename } from './sync-steps.mjs';

const fresh = freshAppPerTest(before, after);

// The producer's self-contained link for the sample, with the dialog's defaults.
async function snapshotLink() {
  const { page } = await fresh();
  const plan = await state(page);
  await click(page, 'toolbar.share');
  const w = await widget(page, 'share.copyLink', 10000);
  return { page, plan, link: w.text };
}

// What the client's browser stored: the names of its IndexedDB databases.
const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('viewer: a self-contained link opens the view read-only at desktop size; clicks, drags and keys change nothing; nothing is stored', async () => {
  const { plan, link } = await snapshotLink();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#view=1\.[A-Za-z0-9_-]+$/);
  console.log(`the sample's self-contained link: ${link.length} characters`);
  const client = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openApp(client.context, link);
    const s = await status(page);
    assert.equal(s.viewer.state, 'shown', JSON.stringify(s.viewer));
    assert.deepEqual(s.viewer.holds, ['progress', 'milestones', 'status']);
    const shown = await state(page);
    assert.equal(shown.project.name, plan.project.name);
    assert.deepEqual(shown.tasks.map((t) => t.name), plan.tasks.filter((t) => !t.internal).map((t) => t.name));
    for (const r of shown.resources) assert.ok(!r.billRate, 'no rates');
    assert.equal((await widget(page, "viewer.name")).text, plan.project.name);
    assert.match((await widget(page, 'viewer.asof')).text, /% complete/);
    assert.match((await widget(page, 'viewer.milestones')).text, /^Next milestones: /);
    assert.ok((await widgets(page))['gantt.bar.3'], 'the chart is there');
    await screenshot(page, 'viewer-desktop');

    // Edit attempts: double-click a name, type, Delete, Ctrl+Z, drag a bar.
    const before = JSON.stringify(shown);
    await click(page, 'task.name.2', { double: true });
    await page.keyboard.type('Changed');
    await press(page, 'Enter');
    await press(page, 'Escape');
    await click(page, 'task.name.3');
    await press(page, 'Delete');
    await press(page, 'Control+z');
    await drag(page, 'gantt.bar.4', 90);
    await press(page, 'Escape');
    assert.equal(JSON.stringify(await state(page)), before, 'the view is as it came');
    assert.equal((await status(page)).revision, s.revision);
    assert.ok(!(await widgets(page))['toolbar.share'], 'no producer tools');
    assert.ok(!(await databases(page)).includes('/library'), 'no project library in the client\'s browser');
    assert.deepEqual(errors, []);
  } finally {
    await client.close();
  }
});

test('viewer: on a phone (390×844, touch) the view is a list of names with bars; a tap shows details, a pinch zooms; a changed link says so', async () => {
  const { link } = await snapshotLink();
  const client = await launch({ viewport: { width: 390, height: 844 }, touch: true, deviceScaleFactor: 2 });
  try {
    const { page } = await openApp(client.context, link);
    let s = await status(page);
    assert.equal(s.viewer.state, 'shown');
    assert.equal(s.viewer.compact, true);
    const row = await widget(page, 'viewer.task.2');
    assert.ok(row.w > 340, `rows span the phone's width (${row.w})`);
    await page.touchscreen.tap(row.x + row.w / 2, row.y + row.h / 2);
    await frames(page, 4);
    s = await waitStatus(page, (x) => x.viewer.expanded === 2);
    assert.match((await widget(page, 'viewer.details')).text, /^\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/);
    await screenshot(page, 'viewer-phone');

    // Two fingers spread apart: the time axis zooms.
    const cdp = await client.context.newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    await touch('touchStart', [[150, 600], [240, 600]]);
    for (let i = 1; i <= 6; ++i) { await touch('touchMove', [[150 - i * 15, 600], [240 + i * 15, 600]]); await frames(page, 1); }
    await touch('touchEnd', []);
    s = await waitStatus(page, (x) => x.viewer.zoom > 1.5);
    await screenshot(page, 'viewer-phone-zoomed');

    // A link changed on the way: one sentence, nothing shown.
    const at = link.indexOf('#view=1.') + 8 + 40;
    const bad = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    const other = await client.context.newPage();
    await other.goto(bad);
    await other.waitForFunction(() => window.plotline && window.plotline.readyAt, null, { timeout: 30000 });
    const e = await waitStatus(other, (x) => x.viewer && x.viewer.state === 'failed');
    assert.match(e.viewer.error, /^This link is incomplete/);
    assert.equal((await widget(other, 'viewer.error')).text, e.viewer.error);
    assert.equal((await state(other)).tasks.length, 0);
    await screenshot(other, 'viewer-bad-link');
  } finally {
    await client.close();
  }
});

test('viewer: a published link on Apache with sign-in: only ciphertext on the server, a fresh browser opens it without credentials, the next synced edit shows, Revoke withdraws it', async () => {
  const user = { name: 'ann', password: 'pw-of-the-producer' };
  const apache = await startApache({ user });
  const client = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = await fresh();
    const plan = await state(page);
    assert.match(await connect(page, apache.base, { user: user.name, password: user.password }), /^Connected/);
    await closeWindow(page);
    await waitSynced(page);
    await click(page, 'toolbar.share');
    await click(page, 'share.publish');
    let s = await waitStatus(page, (x) => x.shares.length === 1 && x.shares[0].published > 0, 15000);
    await screenshot(page, 'share-window-published');
    const share = s.shares[0];
    assert.match(share.link, /^http:\/\/127\.0\.0\.1:\d+\/#share=1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    console.log(`the sample's published link: ${share.link.length} characters`);
    const stored = await readFile(apache.file(basename(share.url)));
    assert.equal(stored.subarray(0, 4).toString(), 'PLV1');
    for (const secret of [plan.project.name, 'Discovery', 'Kick-off']) assert.ok(!stored.includes(secret), `no "${secret}" on the server`);

    // The client: a fresh browser, no sign-in.
    const { page: view } = await openApp(client.context, share.link);
    let v = await waitStatus(view, (x) => x.viewer && x.viewer.state === 'shown', 15000);
    assert.equal(v.viewer.published, true);
    assert.equal((await state(view)).tasks[1].name, plan.tasks[1].name);
    assert.match((await widget(view, 'viewer.freshness')).text, /^Kept up to date by its owner/);

    // The same link with its key changed: the AES-GCM tag fails, one sentence, nothing shown.
    const wrongKey = share.link.slice(0, -2) + (share.link.endsWith('AA') ? 'AQ' : 'AA');
    const forged = await client.context.newPage();
    await forged.goto(wrongKey);
    await appReady(forged);
    const f = await waitStatus(forged, (x) => x.viewer && x.viewer.state === 'failed', 15000);
    assert.match(f.viewer.error, /^This view does not match its link/);
    assert.equal((await state(forged)).tasks.length, 0);
    await forged.close();
    await view.bringToFront(); // a tab in the background draws no frames, so it would not refresh

    // Live: the producer's next synced edit reaches the open view within a minute.
    await press(page, 'Escape');
    await rename(page, 1, 'Kick-off at the client');
    await waitSynced(page);
    await waitStatus(page, (x) => x.shares[0].published > share.published, 15000);
    v = await waitStatus(view, (x) => x.viewer.version > v.viewer.version, 60000);
    assert.equal((await state(view)).tasks[1].name, 'Kick-off at the client');
    await screenshot(view, 'viewer-published');

    // Revoke: nothing left on the server; the client's reload says it was withdrawn.
    await click(page, 'toolbar.share');
    await click(page, 'share.list.revoke.0');
    await waitStatus(page, (x) => x.shares.length === 0, 15000);
    await assert.rejects(readFile(apache.file(basename(share.url))));
    await view.reload();
    await appReady(view);
    v = await waitStatus(view, (x) => x.viewer && x.viewer.state === 'failed', 15000);
    assert.equal(v.viewer.error, 'This view was withdrawn by its owner.');
    assert.equal((await state(view)).tasks.length, 0);
    await screenshot(view, 'viewer-withdrawn');
  } finally {
    await client.close();
    await apache.stop();
  }
});
