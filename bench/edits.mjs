// Structural edits repeated in a big plan, in the real web build in headless Chromium: the slowest
// frame of each key's edit (indent, outdent, delete, undo, redo), as the median over several rounds.
// bench/render.mjs times each edit once, much of it before the browser has optimised the code it
// runs; this one warms that code up first and repeats, so what it prints is what a producer who keeps
// editing sees. Target: every frame ≤ 16 ms at 100k.
//   node bench/edits.mjs [tasks] [rounds] [site]      (after scripts/build.sh all; default 100000 7 build/web/dist)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, click, frames } from '../tests/browser/harness.mjs';
import { importThroughPicker, waitFor, median, slowestFrameOf } from './open-plan.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [n = 100000, rounds = 7] = process.argv.slice(2, 4).map(Number);
const site = process.argv[4] ? resolve(process.argv[4]) : undefined;
const dir = await mkdtemp(join(tmpdir(), 'plotline-edits-'));
const file = join(dir, `plan-${n}.json`);
execFileSync(resolve(here, '../build/native/plotline'), ['generate', String(n), file]);
const server = await serve(site);
const browser = await launch();
try {
  const { page, errors } = await openApp(browser.context, server.url);
  await waitFor(page, () => window.plotline.status().save === 'Saved');
  await importThroughPicker(page, file, n);
  await waitFor(page, () => window.plotline.status().save === 'Saved');
  // A row in the middle of the screen, and the one below it: a task with a sibling above (indent),
  // in the middle of the plan's rows on screen.
  const rows = Object.keys(await page.evaluate(() => window.plotline.widgets())).filter((k) => k.startsWith('task.row.'));
  await click(page, rows[Math.floor(rows.length / 2)]);
  await page.keyboard.press('ArrowDown');
  await frames(page, 2);
  // One key's edit: the slowest frame from the key until the plan changed and three frames more.
  const key = (k) => slowestFrameOf(page, k, () => page.keyboard.press(k));
  for (const k of ['Tab', 'Shift+Tab', 'Delete', 'Control+z', 'Control+y', 'Control+z']) await key(k); // warm up
  const times = { indent: [], outdent: [], delete: [], undo: [], redo: [] };
  for (let i = 0; i < rounds; ++i) {
    times.indent.push(await key('Tab'));
    times.outdent.push(await key('Shift+Tab'));
    times.delete.push(await key('Delete'));
    times.undo.push(await key('Control+z'));
    times.redo.push(await key('Control+y'));
    await key('Control+z');
  }
  if ((await page.evaluate(() => window.plotline.status())).tasks !== n) throw new Error('the plan did not come back to its size');
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(`Structural edits at ${n} tasks, slowest frame of each (ms), median of ${rounds} after a warm-up (target ≤ 16):`);
  for (const [k, v] of Object.entries(times)) console.log(`  ${k.padEnd(8)} ${median(v).toFixed(1).padStart(6)}   (${v.map((x) => x.toFixed(0)).join(' ')})`);
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
