// A generated plan of 100,000 tasks in the real web build: it opens, saves, reopens from
// IndexedDB, filters, and a bar dragged deep in the plan moves and comes back with Ctrl+Z; its
// versions go to IndexedDB through the storage worker, whose failures are said and retried, and
// every version stored, each written through buffers the page reuses, is whole and exact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, status, widget, click, drag, press, frames, screenshot, waitStatus, importFile } from './harness.mjs';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../build/native/plotline');
const N = 100000;
let dir, file, server, browser;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plotline-scale-'));
  file = join(dir, 'programme.json');
  execFileSync(cli, ['generate', String(N), file], { stdio: 'ignore' });
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a 100,000-task plan opens, is saved, reopens, filters, and a bar deep in it moves and undoes', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await importFile(page, file);
  await waitStatus(page, (s) => s.tasks === N, 60000);
  assert.match((await status(page)).message, /Imported programme\.json/);
  await waitStatus(page, (s) => s.save === 'Saved', 60000);
  await screenshot(page, 'scale-100k-imported');

  // Reopen: the plan comes back from IndexedDB.
  await page.reload();
  await page.waitForFunction(() => window.plotline && window.plotline.readyAt, null, { timeout: 60000 });
  assert.equal((await status(page)).tasks, N);

  // Find a task near the end with the filter and drag its bar a week later.
  await click(page, 'toolbar.filter');
  await page.keyboard.type('Task 100000', { delay: 20 }); // the last task: never a summary
  await frames(page, 3);
  await screenshot(page, 'scale-100k-filtered');
  await click(page, 'task.row.99999');
  const picked = (await status(page)).selectedTask;
  assert.equal(picked.name, 'Task 100000');
  const px = (await status(page)).pixelsPerDay;
  await drag(page, 'gantt.bar.99999', px * 7);
  const moved = (await status(page)).selectedTask;
  assert.equal(moved.constraint, 'SNET');
  assert.ok(moved.start > picked.start, `moved from ${picked.start} to ${moved.start}`);
  await screenshot(page, 'scale-100k-moved');
  await click(page, 'toolbar.filter');
  await press(page, 'Escape');
  await press(page, 'Control+z');
  assert.deepEqual((await status(page)).selectedTask, picked);
  await waitStatus(page, (s) => s.save === 'Saved', 60000);

  // A version this big is written to IndexedDB by a worker (idb_writer.js). A write refused there
  // (a full disk, injected into the worker's transaction) is said, keeps the edit, and is retried.
  await page.evaluate(() => { window.plotlineWriteFault = 'QuotaExceededError'; });
  await drag(page, 'gantt.bar.99999', px * 7);
  const again = (await status(page)).selectedTask;
  assert.ok(again.start > picked.start);
  const failed = await waitStatus(page, (s) => s.save === 'Not saved', 60000);
  assert.match(failed.saveError, /storage for this site is full/);
  await waitStatus(page, (s) => s.dialog === 'Not saved');
  await screenshot(page, 'scale-100k-not-saved');
  await click(page, 'dialog.ok');
  await page.evaluate(() => { window.plotlineWriteFault = null; });
  await waitStatus(page, (s) => s.save === 'Saved', 60000);
  await page.reload();
  await page.waitForFunction(() => window.plotline && window.plotline.readyAt, null, { timeout: 60000 });
  await click(page, 'toolbar.filter');
  await page.keyboard.type('Task 100000', { delay: 20 });
  await frames(page, 3);
  await click(page, 'task.row.99999');
  assert.deepEqual((await status(page)).selectedTask, again, 'the retried save stored the moved task');

  // Every stored version (the project's and its history's), after saves through reused buffers: its
  // record holds the file's bytes alone, as many as its header counts, and they match its checksum.
  const versions = await page.evaluate(async () => {
    const req = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const table = Array.from({ length: 256 }, (_, i) => { let c = i; for (let k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
    const crc32 = (bytes) => { let c = ~0; for (let i = 0; i < bytes.length; ++i) c = table[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8); return (~c >>> 0).toString(16).padStart(8, '0'); };
    const out = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await req(indexedDB.open(name));
      const store = db.transaction('FILE_DATA').objectStore('FILE_DATA');
      const keys = await req(store.getAllKeys());
      for (const key of keys) {
        const { contents } = await req(store.get(key));
        if (!contents || contents.length < 20 || new TextDecoder().decode(contents.subarray(0, 19)) !== '{"plotlineVersion":') continue;
        const eol = contents.indexOf(10);
        const header = JSON.parse(new TextDecoder().decode(contents.subarray(0, eol)));
        const body = contents.subarray(eol + 1);
        out.push({ key, exact: contents.byteLength === contents.buffer.byteLength, bytes: body.length, counted: header.bytes, crc: crc32(body), header: header.crc32 });
      }
      db.close();
    }
    return out;
  });
  assert.ok(versions.filter((v) => v.bytes > 1000000).length >= 2, JSON.stringify(versions.map((v) => v.key)));
  for (const v of versions) {
    assert.equal(v.bytes, v.counted, `${v.key}: the body's length is the header's`);
    assert.ok(v.exact, `${v.key}: the record holds the file alone, not the rest of a reused buffer`);
    assert.equal(v.crc, v.header, `${v.key}: the body matches its checksum`);
  }
  assert.deepEqual(errors, []);
});
