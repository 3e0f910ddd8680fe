// Sync benchmark: the real web build in headless Chromium syncing a generated 10k-task plan
// (`plotline generate`) with Apache mod_dav on 127.0.0.1 (tests/browser/servers.mjs). It prints:
//   first    bytes sent to put the plan on the server (gzip through CompressionStream) and its raw size;
//   edit     bytes sent and received to sync a one-field edit (a task renamed), requests, round time;
//   change   the size of that change alone (the task's record as JSON): how far a full upload is from
//            sending only the change;
//   poll     a poll of an unchanged plan: requests, bytes received, bodies parsed (target: one 304, none).
//   node bench/sync.mjs [tasks]        (after scripts/build.sh all; default 10000)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, click, typeInto, status, state } from '../tests/browser/harness.mjs';
import { startApache, readRemote } from '../tests/browser/servers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../build/native/plotline');
const n = Number(process.argv[2] || 10000);

const dir = await mkdtemp(join(tmpdir(), 'plotline-sync-bench-'));
const apache = await startApache();
const server = await serve();
const browser = await launch();
const sync = (page) => page.evaluate(() => window.plotline.status().sync);
async function until(page, pred, timeout = 300000) {
  const start = Date.now();
  for (;;) {
    const s = await status(page);
    if (pred(s)) return s;
    if (Date.now() - start > timeout) throw new Error('timed out: ' + JSON.stringify(s.sync));
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
const synced = (s) => s.sync && /^Synced/.test(s.sync.sentence) && !s.sync.busy && s.sync.pendingEdits === 0;
let out;
try {
  const file = join(dir, `plan-${n}.json`);
  execFileSync(cli, ['generate', String(n), file], { stdio: 'ignore' });
  const { page } = await openApp(browser.context, server.url);
  await click(page, 'menu.Project');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'menu.Project.Import');
  await (await chooser).setFiles(file);
  await until(page, (s) => s.tasks === n && s.save === 'Saved');

  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Sync');
  await typeInto(page, 'sync.address', apache.base);
  await click(page, 'sync.connect');
  await until(page, synced);
  const id = (await status(page)).project;
  const first = await sync(page);
  const remote = await readRemote(apache.base + id + '.plotline');

  // One field: a task renamed (through the document, as an edit in the table would be).
  const before = await sync(page);
  const t0 = Date.now();
  await page.keyboard.press('Escape');
  const row = 5;
  const task = (await state(page)).tasks[row];
  await click(page, `task.name.${row}`, { double: true });
  await page.keyboard.press('Control+a');
  await page.keyboard.type(task.name + ' (renamed)');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.sync.pendingEdits > 0 || s.sync.busy);
  const after = await until(page, synced);
  const roundMs = Date.now() - t0;
  const changed = (await state(page)).tasks[row];
  const change = JSON.stringify(changed).length;

  // A poll of an unchanged plan.
  const p0 = await sync(page);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const p1 = await until(page, (s) => s.sync.rounds > p0.rounds && !s.sync.busy);
  out = {
    tasks: n,
    rawBytes: remote.text.length,
    firstSent: first.bytesSent,
    edit: {
      sent: after.sync.bytesSent - before.bytesSent,
      received: after.sync.bytesReceived - before.bytesReceived,
      requests: after.sync.requests - before.requests,
      ms: roundMs,
    },
    changeBytes: change,
    poll: { requests: p1.sync.requests - p0.requests, received: p1.sync.bytesReceived - p0.bytesReceived, parsed: p1.sync.parsed - p0.parsed },
  };
} finally {
  await browser.close();
  await server.close();
  await apache.stop();
  await rm(dir, { recursive: true, force: true });
}
if (process.env.PLOTLINE_BENCH_JSON) console.log(JSON.stringify(out));
else {
  console.log(`sync of a ${out.tasks}-task plan with Apache mod_dav (Chromium, CompressionStream gzip)`);
  console.log(`  plan on the server: ${out.rawBytes} B sealed JSON, ${out.firstSent} B sent the first time (gzip)`);
  console.log(`  one-field edit:     ${out.edit.sent} B sent, ${out.edit.received} B received, ${out.edit.requests} requests, ${out.edit.ms} ms to "Synced"`);
  console.log(`  the change alone:   ${out.changeBytes} B (a full upload is ${(out.edit.sent / out.changeBytes).toFixed(0)}× that)`);
  console.log(`  unchanged poll:     ${out.poll.requests} request, ${out.poll.received} B received, ${out.poll.parsed} bodies parsed`);
}
