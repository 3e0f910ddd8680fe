// Storage benchmark: saving and opening a generated plan (default 10,000 tasks) in the real web
// build, headless Chromium and its real IndexedDB. Prints medians, from the page's own marks:
//   save   an edit's save, from the start of writing to durable in IndexedDB (format the JSON,
//          seal it with its checksum, persist), over ten edits; and the part spent formatting;
//   open   reloading the tab to the first frame of the plan, with its steps: the library list read,
//          the project's newest version read from IndexedDB and checked, parsed, scheduled, drawn.
//   node bench/storage.mjs [tasks]      (after scripts/build.sh all; PLOTLINE_MARKS=1 prints each reload's marks)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, status, click, frames, importFile, waitStatus, appReady } from '../tests/browser/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2]) || 10000;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const marks = (page) => page.evaluate(() => performance.getEntriesByType('mark').map((e) => [e.name.replace('plotline:', ''), e.startTime]));

const dir = await mkdtemp(join(tmpdir(), 'plotline-storage-bench-'));
const server = await serve();
const browser = await launch();
try {
  const file = join(dir, `plan-${n}.json`);
  execFileSync(resolve(here, '../build/native/plotline'), ['generate', String(n), file], { stdio: 'ignore' });
  const { page } = await openApp(browser.context, server.url);
  await importFile(page, file);
  await waitStatus(page, (s) => s.tasks === n && s.save === 'Saved', 120000);

  // Saves: insert a task below the selected row, ten times, each saved before the next.
  await click(page, 'task.row.3');
  const saves = [], formats = [];
  for (let i = 0; i < 10; ++i) {
    await page.evaluate(() => performance.clearMarks());
    const before = (await status(page)).tasks;
    await page.keyboard.press('Insert');
    await waitStatus(page, (s) => s.tasks === before + 1, 60000);
    await frames(page, 2);
    await page.keyboard.press('Escape'); // leave the new task's name field
    await waitStatus(page, (s) => s.save === 'Saved', 60000);
    const m = Object.fromEntries(await marks(page));
    saves.push(m['save-durable'] - m['save-begin']);
    formats.push(m['save-formatted'] - m['save-begin']);
    await frames(page, 2);
  }

  // Opens: reload the tab five times.
  const expected = (await status(page)).tasks;
  const steps = {};
  const opens = [];
  for (let i = 0; i < 5; ++i) {
    await page.reload();
    await appReady(page, 120000);
    if ((await status(page)).tasks !== expected) throw new Error('reopened a different plan');
    const m = Object.fromEntries(await marks(page));
    opens.push(m['first-frame']);
    if (process.env.PLOTLINE_MARKS) console.log(JSON.stringify((await marks(page)).map(([k, t]) => [k, Math.round(t)])));
    const step = (name, from, to) => (steps[name] ||= []).push(m[to] - m[from]);
    step('runtime ready', 'runtime', 'library-read');
    step('version read from IndexedDB and checked', 'open-begin', 'version-read');
    step('parsed', 'version-read', 'plan-parsed');
    step('scheduled', 'plan-parsed', 'plan-scheduled');
    step('drawn', 'plan-scheduled', 'first-frame');
    (steps['(page start to runtime)'] ||= []).push(m['runtime']);
  }
  const result = { n, saveMs: median(saves), formatMs: median(formats), openMs: median(opens),
                   steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, median(v)])) };
  console.log(`Storage in headless Chromium, ${n} tasks (medians)`);
  console.log(`  save an edit, to durable in IndexedDB: ${result.saveMs.toFixed(0)} ms (of it formatting the JSON: ${result.formatMs.toFixed(0)} ms)`);
  console.log(`  open by reloading the tab, to the first frame: ${result.openMs.toFixed(0)} ms`);
  for (const [k, v] of Object.entries(result.steps)) console.log(`    ${k}: ${v.toFixed(0)} ms`);
  if (process.env.PLOTLINE_BENCH_JSON) console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
