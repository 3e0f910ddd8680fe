// Rendering benchmark: the real web build in headless Chromium with generated plans of 10k and 100k
// tasks (`plotline generate`). For each size it prints:
//   open     first frame after opening the saved plan (the app from the HTTP cache, the plan from
//            IndexedDB, parsed, scheduled and drawn): reloading the tab, and in a new tab; medians of three;
//   import   picking the plan's file to the first frame that shows it;
//   scroll / zoom / pan   CPU time per frame (new frame to draw calls issued), median and 95th
//            percentile, while the wheel scrolls the table, Ctrl+wheel zooms and Shift+wheel pans;
//   check    the slowest frame after opening until the stored schedule is confirmed by the scheduler;
//   memory   wasm heap in use by the plan, per task;
//   mirror   the accessibility mirror's share of a frame (built, and rendered into the page's hidden
//            DOM when what it shows changed): while scrolling (median / 95th percentile) and in the
//            frames of an inserted task.
//   edits    the slowest frame of inserting a task mid-plan, of its autosave, of undoing it, and of
//            making a task a day longer (a field edit: successors and summaries move), and of undoing
//            and redoing that with the budget dashboard shown; of moving a task a working day later
//            and earlier, deleting a summary with its tasks, undo and redo, indent and outdent, moving
//            its rows up and down, pasting 100 rows and undoing that; and the autosave of a later edit
//            (the tab has saved the plan before, as while a producer works): its slowest frame and
//            the page's longest task; a key held down for 4 s while the plan is being saved (an edit
//            every ~50 ms): the slowest frame, and the versions stored meanwhile.
//   node bench/render.mjs [sizes…]      (after scripts/build.sh all; default 10000 100000)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, widget, click, frames } from '../tests/browser/harness.mjs';
import { openPlotline, median, waitFor, slowestFrameOf } from './open-plan.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../build/native/plotline');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (!sizes.length) sizes.push(10000, 100000);

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

// Wheel events over a widget, one per frame; returns the frames' CPU times.
async function wheel(page, name, { dx = 0, dy = 0, modifier = null, steps = 90, flip = 0 }) {
  const w = await widget(page, name);
  await page.mouse.move(w.x + w.w / 2, w.y + Math.min(w.h / 2, 200));
  await frames(page, 2);
  if (modifier) await page.keyboard.down(modifier);
  await page.evaluate(() => window.plotline.frameStats()); // forget earlier frames
  for (let i = 0; i < steps; ++i) {
    const sign = flip && i >= steps / 2 ? -1 : 1;
    await page.mouse.wheel(dx * sign, dy * sign);
    await frames(page, 1);
  }
  if (modifier) await page.keyboard.up(modifier);
  return page.evaluate(() => window.plotline.frameStats());
}

// An edit's autosave, from now until the status bar says Saved (formatted in slices, sealed, written
// to IndexedDB): the frames, the slowest, and the longest task on the page's main thread (a trace of
// the renderer: what the page does between frames counts too, IndexedDB copying a stored version for one).
async function autosave(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  const traced = [];
  cdp.on('Tracing.dataCollected', (e) => traced.push(...e.value));
  const traceDone = new Promise((ok) => cdp.on('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing'] }, transferMode: 'ReportEvents' });
  await waitFor(page, () => window.plotline.status().save === 'Saved', null, 60000);
  await frames(page, 2);
  const frameMs = (await page.evaluate(() => window.plotline.frameStats())).frameMs;
  await page.waitForTimeout(500); // the stored version's write into IndexedDB, after the frame that starts it
  await cdp.send('Tracing.end');
  await traceDone;
  await cdp.detach();
  const mainThread = traced.find((e) => e.name && e.name.startsWith('plotline:'));
  const longestTask = Math.max(0, ...traced.filter((e) => ['RunTask', 'FunctionCall', 'FireAnimationFrame'].includes(e.name) && e.dur && mainThread && e.tid === mainThread.tid)
    .map((e) => e.dur / 1000));
  return { frames: frameMs.length, slowest: Math.max(...frameMs), longestTask };
}

const dir = await mkdtemp(join(tmpdir(), 'plotline-render-'));
const rows = [];
try {
  for (const n of sizes) {
    const file = join(dir, `plan-${n}.json`);
    execFileSync(cli, ['generate', String(n), file], { stdio: 'ignore' });
    const server = await serve();
    const browser = await launch();
    const opened = await openPlotline(browser, server.url, file, n);
    const { page, errors, importMs, before, after } = opened;
    const opens = opened.reload, tabOpens = opened.tab, marks = opened.marks, tabMarks = opened.tabMarks;
    // At the zoom a plan opens with: scroll down the rows, zoom out to years and back in, pan a
    // few months and back.
    const scroll = await wheel(page, 'gantt.timeline', { dy: 240, steps: 120 });
    const zoom = await wheel(page, 'gantt.timeline', { dy: 100, modifier: 'Control', steps: 90, flip: 1 });
    const pan = await wheel(page, 'gantt.timeline', { dy: 120, modifier: 'Shift', steps: 90, flip: 1 });
    await page.screenshot({ path: join(resolve(here, '../build/screenshots'), `render-${n}.png`) });
    // An edit: insert a task below a row (a structural change: full reschedule) and undo it; the
    // slowest frame of each is the edit's whole cost, reschedule and redraw included.
    const rowWidgets = Object.keys(await page.evaluate(() => window.plotline.widgets())).filter((k) => k.startsWith('task.row.'));
    await click(page, rowWidgets[Math.floor(rowWidgets.length / 2)]); // a row in the middle of the screen
    await waitFor(page, () => window.plotline.status().selected >= 0, null, 30000);
    await page.evaluate(() => window.plotline.frameStats());
    await page.keyboard.press('Insert');
    await waitFor(page, (n) => window.plotline.status().tasks === n + 1, n, 30000);
    await frames(page, 3);
    const inserted = await page.evaluate(() => window.plotline.frameStats());
    const insertMs = Math.max(...inserted.frameMs), insertA11yMs = Math.max(...inserted.a11yMs);
    await page.keyboard.press('Escape'); // leave the new task's name field
    const { frames: saveFrames, slowest: saveMs, longestTask: taskMs } = await autosave(browser, page);
    await click(page, 'menu.Edit');
    await page.evaluate(() => window.plotline.frameStats());
    await click(page, 'menu.Edit.Undo');
    await waitFor(page, (n) => window.plotline.status().tasks === n, n, 30000);
    await frames(page, 3);
    const undoMs = Math.max(...(await page.evaluate(() => window.plotline.frameStats())).frameMs);
    // A field edit: the selected task one day longer (Alt+Shift+Right), its successors and summaries
    // rescheduled; then shorter again.
    // (A summary refuses: the rows from the middle of the screen down are tried until one is a task.)
    const fieldMs = [];
    for (let i = Math.floor(rowWidgets.length / 2); i < rowWidgets.length && fieldMs.length < 2; ++i) {
      await click(page, rowWidgets[i]);
      await frames(page, 2);
      for (const key of ['Alt+Shift+ArrowRight', 'Alt+Shift+ArrowLeft']) {
        const revision = (await page.evaluate(() => window.plotline.status())).revision;
        await page.evaluate(() => window.plotline.frameStats());
        await page.keyboard.press(key);
        await frames(page, 3);
        if ((await page.evaluate(() => window.plotline.status())).revision === revision) break;
        fieldMs.push(Math.max(...(await page.evaluate(() => window.plotline.frameStats())).frameMs));
      }
    }
    // Moves and structural edits, each followed by its inverse (so the plan is as it was): the same
    // task a working day later and earlier (its successors follow); then, on the row below it (a
    // summary), delete it with its tasks, undo, redo, undo; indent and outdent; move it up and down;
    // paste 100 rows from a spreadsheet below it and undo that. The slowest frame of each, from the
    // key to two frames after the change shows.
    const edits = {};
    const edit = async (name, act) => (edits[name] ||= []).push(await slowestFrameOf(page, name, act));
    const key = (k) => () => page.keyboard.press(k);
    const rows100 = Array.from({ length: 100 }, (_, i) => `Pasted ${i + 1}\t2d`).join('\r\n') + '\r\n';
    const paste = () => page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const t0 = performance.now(); // (the page's paste handler hands the rows to the app at once)
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      return performance.now() - t0;
    }, rows100);
    await edit('day later', key('Alt+ArrowRight'));
    await edit('day earlier', key('Alt+ArrowLeft'));
    await page.keyboard.press('ArrowDown'); // the row below (one with a task above it at its level, to go under)
    await frames(page, 2);
    await edit('delete', key('Delete'));
    await edit('undo', key('Control+z'));
    await edit('redo', key('Control+y'));
    await edit('undo', key('Control+z'));
    await edit('indent', key('Tab'));
    await edit('outdent', key('Shift+Tab'));
    await edit('row up', key('Alt+ArrowUp'));
    await edit('row down', key('Alt+ArrowDown'));
    await edit('paste 100', paste);
    if ((await page.evaluate(() => window.plotline.status())).tasks !== n + 100) throw new Error('the 100 rows were not pasted');
    await edit('undo', key('Control+z'));
    if ((await page.evaluate(() => window.plotline.status())).tasks !== n) throw new Error('the paste was not undone');
    await page.keyboard.press('ArrowUp'); // back to the task
    await frames(page, 2);
    // A later edit's autosave (a task a day longer again): the page has saved this plan before, as
    // while a producer works.
    await waitFor(page, () => window.plotline.status().save === 'Saved', null, 60000);
    await page.evaluate(() => window.plotline.frameStats());
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await frames(page, 3);
    const laterSave = await autosave(browser, page);
    // A key held down while the plan is being saved (a producer stepping a task day by day, the key
    // repeating): one edit, and once its save is under way, an edit every ~50 ms for 4 s (a day
    // later, then earlier, in turn). The slowest frame of the run, and how many versions were stored
    // meanwhile.
    const durable = () => page.evaluate(() => performance.getEntriesByName('plotline:save-durable').length);
    const durableBefore = await durable();
    await page.keyboard.press('Alt+ArrowRight');
    await waitFor(page, () => window.plotline.status().save === 'Saving…', null, 30000);
    await page.evaluate(() => window.plotline.frameStats());
    for (const t0 = Date.now(); Date.now() - t0 < 4000;) {
      await page.keyboard.press('Alt+ArrowLeft');
      await page.waitForTimeout(25);
      await page.keyboard.press('Alt+ArrowRight');
      await page.waitForTimeout(25);
    }
    await page.keyboard.press('Alt+ArrowLeft');
    const whileSaving = { slowest: Math.max(...(await page.evaluate(() => window.plotline.frameStats())).frameMs), versions: (await durable()) - durableBefore };
    await waitFor(page, () => window.plotline.status().save === 'Saved', null, 60000);
    // The budget dashboard shown (Ctrl+2): undo the last field edit and redo it, twice; every figure of
    // the dashboard (budget at bill and cost rates, report, margin) is worked out again in the edit's
    // frame. (The first runs the dashboard's code for the first time since the page opened.)
    await page.keyboard.press('Control+2');
    await waitFor(page, () => window.plotline.status().view === 'budget', null, 30000);
    await frames(page, 3);
    const dashboardMs = [];
    for (const item of ['menu.Edit.Undo', 'menu.Edit.Redo', 'menu.Edit.Undo', 'menu.Edit.Redo']) {
      await click(page, 'menu.Edit');
      dashboardMs.push(await slowestFrameOf(page, item, () => click(page, item)));
    }
    await page.keyboard.press('Control+1');
    const checkMs = [median(opened.checkReload), median(opened.checkTab)];
    const row = { n, checkMs, openMs: median(opens), tabOpenMs: median(tabOpens), marks: Object.entries(marks).map(([k, v]) => [k, median(v)]).sort((a, b) => a[1] - b[1]),
                  tabMarks: Object.entries(tabMarks).map(([k, v]) => [k, median(v)]).sort((a, b) => a[1] - b[1]), importMs, bytesPerTask: (after.used - before.used) / n, heapMB: after.heap / 1048576,
                  vertices: pan.vertices, insertMs, saveMs, saveFrames, taskMs, laterSave, whileSaving, undoMs, fieldMs: Math.max(...fieldMs), dashboardMs, edits, errors, insertA11yMs,
                  a11y: { median: median(scroll.a11yMs), p95: pct(scroll.a11yMs, 0.95), max: Math.max(...scroll.a11yMs) } };
    for (const [name, st] of [['scroll', scroll], ['zoom', zoom], ['pan', pan]])
      row[name] = { median: median(st.frameMs), p95: pct(st.frameMs, 0.95), ui: median(st.uiMs), uiP95: pct(st.uiMs, 0.95), frames: st.frameMs.length };
    rows.push(row);
    await browser.close();
    await server.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const f = (x, d = 1) => x.toFixed(d);
console.log('Rendering in headless Chromium (software WebGL), milliseconds');
console.log('  tasks   open reload/tab   import   scroll med/p95   zoom med/p95   pan med/p95   UI of zoom med/p95   heap B/task');
for (const r of rows)
  console.log(`${String(r.n).padStart(7)}   ${(f(r.openMs, 0) + ' / ' + f(r.tabOpenMs, 0)).padStart(15)}   ${f(r.importMs, 0).padStart(6)}   ` +
              `${(f(r.scroll.median, 2) + ' / ' + f(r.scroll.p95, 2)).padStart(14)}   ${(f(r.zoom.median, 2) + ' / ' + f(r.zoom.p95, 2)).padStart(12)}   ` +
              `${(f(r.pan.median, 2) + ' / ' + f(r.pan.p95, 2)).padStart(11)}   ${(f(r.zoom.ui, 2) + ' / ' + f(r.zoom.uiP95, 2)).padStart(18)}   ${f(r.bytesPerTask, 0).padStart(11)}`);
for (const r of rows) console.log(`  ${r.n}: last frame ${r.vertices} vertices; wasm heap ${f(r.heapMB, 0)} MB; inserting a task: frame of ${f(r.insertMs, 0)} ms, its save's slowest frame ${f(r.saveMs, 0)} ms (of ${r.saveFrames}), longest task of the page until it is saved ${f(r.taskMs, 0)} ms, undoing it: ${f(r.undoMs, 0)} ms; a task a day longer: ${f(r.fieldMs, 0)} ms; undo / redo of it on the budget dashboard: ${r.dashboardMs.map((x) => f(x, 0)).join(' / ')} ms; a later edit's save: slowest frame ${f(r.laterSave.slowest, 0)} ms, longest task ${f(r.laterSave.longestTask, 0)} ms`);
for (const r of rows) console.log(`  ${r.n}: a key held down for 4 s (an edit every ~50 ms) while the plan is being saved: slowest frame ${f(r.whileSaving.slowest, 0)} ms, ${r.whileSaving.versions} versions stored meanwhile`);
for (const r of rows) console.log(`  ${r.n}: moves and structural edits, slowest frame: ` + Object.entries(r.edits).map(([k, v]) => `${k} ${v.map((x) => f(x, 0)).join(' / ')}`).join(', ') + ' ms');
for (const r of rows) console.log(`  ${r.n}: slowest frame after opening, until the stored schedule is confirmed: ${f(r.checkMs[0], 0)} / ${f(r.checkMs[1], 0)} ms (reload / new tab)`);
for (const r of rows) console.log(`  ${r.n}: accessibility mirror per frame while scrolling ${f(r.a11y.median, 3)} / ${f(r.a11y.p95, 3)} ms (median / p95, max ${f(r.a11y.max, 2)}); in the frames of an insert: ${f(r.insertA11yMs, 2)} ms`);
for (const r of rows) console.log(`  opening ${r.n} (reload): ` + r.marks.map(([k, t]) => `${k} ${f(t, 0)}`).join(', '));
for (const r of rows) console.log(`  opening ${r.n} (new tab): ` + r.tabMarks.map(([k, t]) => `${k} ${f(t, 0)}`).join(', '));
console.log('Targets: first frame after opening 10k ≤ 300 ms; frame CPU while scrolling and zooming 100k ≤ 4 ms.');
for (const r of rows) if (r.errors.length) console.log(`page errors at ${r.n}: ${r.errors.join(' | ')}`);
if (process.env.PLOTLINE_BENCH_JSON) console.log(JSON.stringify(rows));
