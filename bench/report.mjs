// Every benchmark in one table next to the issue's targets: scheduling natively and as wasm under
// node (bench/schedule_bench.cpp), the budget status (bench/budget_bench.cpp), the three-way merge (bench/merge_bench.cpp), project files (bench/json_bench.cpp), rendering and storage in headless Chromium (bench/render.mjs,
// bench/storage.mjs), bytes per sync with Apache (bench/sync.mjs) and client view links (bench/viewer.mjs).
//   scripts/bench.sh        (builds first; or: node bench/report.mjs after scripts/build.sh all)
// Takes a few minutes: the 100k-task plan is generated, imported, saved and reopened in Chromium.
import { execFileSync } from 'node:child_process';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lastJson = (text) => JSON.parse(text.trim().split('\n').filter((l) => l.startsWith('{') || l.startsWith('[')).pop());
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });

console.error('scheduling, native…');
const native = lastJson(run(resolve(root, 'build/native/bench_schedule'), ['--json'])).rows;
console.error('scheduling, wasm under node…');
const wasm = lastJson(run('node', [resolve(root, 'build/web/bench_schedule_wasm.js'), '--json'])).rows;
console.error('budget status and report, native and wasm…');
const budgetNative = lastJson(run(resolve(root, 'build/native/bench_budget'), ['--json'])).rows;
const budgetWasm = lastJson(run('node', [resolve(root, 'build/web/bench_budget_wasm.js'), '--json'])).rows;
console.error('portfolio over 50 projects, native and wasm…');
const portNative = lastJson(run(resolve(root, 'build/native/bench_portfolio'), ['--json'])).rows;
const portWasm = lastJson(run('node', [resolve(root, 'build/web/bench_portfolio_wasm.js'), '--json'])).rows;
console.error('project files, native and wasm…');
const filesNative = lastJson(run(resolve(root, 'build/native/bench_json'), ['--json'])).rows;
const filesWasm = lastJson(run('node', [resolve(root, 'build/web/bench_json_wasm.js'), '--json'])).rows;
console.error('three-way merge, native and wasm…');
const mergeNative = lastJson(run(resolve(root, 'build/native/bench_merge'), ['--json'])).rows;
const mergeWasm = lastJson(run('node', [resolve(root, 'build/web/bench_merge_wasm.js'), '--json'])).rows;
console.error('rendering, headless Chromium (10k and 100k tasks)…');
const render = lastJson(run('node', [resolve(root, 'bench/render.mjs'), '10000', '100000'], { PLOTLINE_BENCH_JSON: '1' }));
console.error('side by side with dhtmlx-gantt, headless Chromium (10k and 100k tasks)…');
const peer = lastJson(run('node', [resolve(root, 'bench/side-by-side.mjs'), '10000', '100000'], { PLOTLINE_BENCH_JSON: '1' }));
console.error('frames of edits, the real App natively (10k and 100k tasks)…');
const edits = lastJson(run(resolve(root, 'build/native/bench_frames'), ['--json'])).rows;
console.error('storage, headless Chromium (10k tasks)…');
const storage = lastJson(run('node', [resolve(root, 'bench/storage.mjs'), '10000'], { PLOTLINE_BENCH_JSON: '1' }));
console.error('sync with Apache mod_dav, headless Chromium (10k tasks)…');
const sync = lastJson(run('node', [resolve(root, 'bench/sync.mjs'), '10000'], { PLOTLINE_BENCH_JSON: '1' }));
console.error('client view links, headless Chromium…');
const viewer = lastJson(run('node', [resolve(root, 'bench/viewer.mjs'), '3'], { PLOTLINE_BENCH_JSON: '1' }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// What the first visit downloads, gzipped: before the plan shows (the first load), and the whole app
// (with the rest of the program, the service worker and the icons, fetched after the first frame).
const sizes = run('python3', [resolve(root, 'scripts/size-report.py'), resolve(root, 'build/web/dist')]).split('\n');
const sizeOf = (label) => Number(sizes.find((l) => l.startsWith(label)).trim().split(/\s+/).pop().replace(/,/g, ''));
const download = sizeOf('first load'), wholeApp = sizeOf('the whole app');
const at = (rows, n) => rows.find((r) => (r.tasks ?? r.n) === n);
const ms = (x, d = 1) => (x === undefined ? '–' : `${x.toFixed(d)} ms`);
const medP95 = (x) => `${x.median.toFixed(1)} / ${x.p95.toFixed(1)} ms`;
const r10 = at(render, 10000), r100 = at(render, 100000);
const worst = (r, key) => ['scroll', 'zoom', 'pan'].reduce((m, k) => Math.max(m, r[k][key]), 0);
const table = [
  ['measure', 'target', 'native', 'wasm (node)', 'Chromium'],
  ['full CPM, 10k tasks', '≤ 10 ms (wasm)', ms(at(native, 10000).fullMs, 2), ms(at(wasm, 10000).fullMs, 2), '–'],
  ['full CPM, 100k tasks', '≤ 100 ms (wasm)', ms(at(native, 100000).fullMs), ms(at(wasm, 100000).fullMs), '–'],
  [`move a task with ${at(wasm, 10000).successors} successors, 10k, rescheduled`, '≤ 5 ms (wasm)', ms(at(native, 10000).moveMs, 2),
   ms(at(wasm, 10000).moveMs, 2), '–'],
  [`same, 100k (${at(wasm, 100000).successors} successors)`, '–', ms(at(native, 100000).moveMs), ms(at(wasm, 100000).moveMs), '–'],
  ['insert a task mid-plan (or undo it), rescheduled, 100k', '≤ 16 ms per edit frame', ms(at(native, 100000).insertMs), ms(at(wasm, 100000).insertMs), '–'],
  ['stored schedule at 100k: written on save / read at open instead of CPM', 'printed',
   `${ms(at(native, 100000).storedWriteMs)} / ${ms(at(native, 100000).storedReadMs)}`, `${ms(at(wasm, 100000).storedWriteMs)} / ${ms(at(wasm, 100000).storedReadMs)}`,
   `${at(wasm, 100000).storedBytesPerTask} B/task`],
  ['budget status for the dashboard (labour, actuals, EV, weekly series), 10k tasks', '≤ 50 ms (wasm)',
   ms(at(budgetNative, 10000).statusMs, 2), ms(at(budgetWasm, 10000).statusMs, 2), '–'],
  [`same, 100k tasks (${at(budgetNative, 100000).hours} hours entries)`, 'printed', ms(at(budgetNative, 100000).statusMs), ms(at(budgetWasm, 100000).statusMs), '–'],
  ['margin recomputed after an edit (the budget at cost rates + revenue, cost, margin by month, phase, person), 10k tasks', 'printed',
   ms(at(budgetNative, 10000).marginMs, 2), ms(at(budgetWasm, 10000).marginMs, 2), '–'],
  ['same, 100k tasks', 'printed', ms(at(budgetNative, 100000).marginMs), ms(at(budgetWasm, 100000).marginMs), '–'],
  ['all the dashboard recomputes after an edit (status, report, margin: both rates in one pass), 100k tasks', 'printed',
   ms(at(budgetNative, 100000).dashboardMs), ms(at(budgetWasm, 100000).dashboardMs), '–'],
  ['Portfolio opened over 50 projects of 1k tasks (decode, schedule, rows, week, people)', 'printed',
   ms(portNative.find((r) => r.projects === 50).openMs), ms(portWasm.find((r) => r.projects === 50).openMs), '–'],
  ['same, recomputed after an edit of the open project', 'printed',
   ms(portNative.find((r) => r.projects === 50).editMs, 2), ms(portWasm.find((r) => r.projects === 50).editMs, 2), '–'],
  ['three-way merge of two 10k-task versions, 200 edits a side', '≤ 30 ms (wasm)', ms(at(mergeNative, 10000).mergeMs),
   ms(at(mergeWasm, 10000).mergeMs), '–'],
  ['same, 100k tasks', 'printed', ms(at(mergeNative, 100000).mergeMs), ms(at(mergeWasm, 100000).mergeMs), '–'],
  ['reading / writing / checking the seal of a 10k-task project file (JSON)', 'printed',
   `${ms(at(filesNative, 10000).readMs)} / ${ms(at(filesNative, 10000).writeMs)} / ${ms(at(filesNative, 10000).checkMs)}`,
   `${ms(at(filesWasm, 10000).readMs)} / ${ms(at(filesWasm, 10000).writeMs)} / ${ms(at(filesWasm, 10000).checkMs)}`, '–'],
  ['same, 100k tasks', 'printed', `${ms(at(filesNative, 100000).readMs)} / ${ms(at(filesNative, 100000).writeMs)} / ${ms(at(filesNative, 100000).checkMs)}`,
   `${ms(at(filesWasm, 100000).readMs)} / ${ms(at(filesWasm, 100000).writeMs)} / ${ms(at(filesWasm, 100000).checkMs)}`, '–'],
  ...[10000, 100000].map((n) => [`reading / writing the stored form of ${n / 1000}k tasks (the library's binary; bytes per task)`, 'printed',
    `${ms(at(filesNative, n).storedReadMs)} / ${ms(at(filesNative, n).storedWriteMs)} (${at(filesNative, n).storedBytesPerTask} B)`,
    `${ms(at(filesWasm, n).storedReadMs)} / ${ms(at(filesWasm, n).storedWriteMs)}`, '–']),
  ...peer.map((r) => [`opening ${r.n / 1000}k: Plotline vs dhtmlx-gantt, reload / new tab (ratio)`, r.n === 10000 ? '≥ 2×' : '≥ 5×', '–', '–',
    `${r.ours.reload.toFixed(0)} vs ${r.peer.reload.toFixed(0)} ms (${(r.peer.reload / r.ours.reload).toFixed(2)}×) / ${r.ours.tab.toFixed(0)} vs ${r.peer.tab.toFixed(0)} ms (${(r.peer.tab / r.ours.tab).toFixed(2)}×)`]),
  ...peer.map((r) => [`heap with ${r.n / 1000}k open: Plotline (wasm + JS) vs dhtmlx-gantt (JS)`, r.n === 100000 ? '≤ 1.5 KB/task (wasm)' : 'printed', '–', '–',
    `${(r.ours.heap / 1048576).toFixed(0)} MB (wasm ${(r.ours.wasm / r.n).toFixed(0)} B/task) vs ${(r.peer.heap / 1048576).toFixed(0)} MB`]),
  ...edits.map((r) => [`slowest frame of an edit until saved, ${r.tasks / 1000}k (insert, delete, indent, move, undo, redo, paste 100, undo on the dashboard)`,
    '≤ 16 ms', `${Math.max(...Object.values(r.edits)).toFixed(1)} ms (${Object.entries(r.edits).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`, '–', '–']),
  ['first frame after opening a 10k plan: reload / new tab', '≤ 150 / 200 ms', '–', '–', `${ms(r10.openMs, 0)} / ${ms(r10.tabOpenMs, 0)}`],
  ['first frame after opening a 100k plan: reload / new tab', '≤ 300 / 400 ms', '–', '–', `${ms(r100.openMs, 0)} / ${ms(r100.tabOpenMs, 0)}`],
  ['importing a plan file to its first frame: 10k / 100k', '– / ≤ 1 s', '–', '–', `${ms(r10.importMs, 0)} / ${ms(r100.importMs, 0)}`],
  ['an edit (insert a task) at 100k: its frame, reschedule and redraw', '≤ 16 ms', '–', '–', ms(r100.insertMs, 0)],
  ['a field edit (a task a day longer) at 100k: its frame', '≤ 16 ms', '–', '–', ms(r100.fieldMs, 0)],
  ['moves and structural edits at 100k (a day later / earlier, delete a summary, undo, redo, indent, outdent, rows up / down, paste 100): slowest frame of each', '≤ 16 ms', '–', '–',
   Object.entries(r100.edits).map(([k, v]) => `${k} ${ms(Math.max(...v), 0)}`).join(', ')],
  ['the insert\'s autosave at 100k: slowest frame / longest task of the page until saved', '≤ 16 ms', '–', '–', `${ms(r100.saveMs, 0)} / ${ms(r100.taskMs, 0)}`],
  ['a later edit\'s autosave at 100k (the tab has saved before): slowest frame / longest task', '≤ 16 ms', '–', '–',
   `${ms(r100.laterSave.slowest, 0)} / ${ms(r100.laterSave.longestTask, 0)}`],
  ['a key held down for 4 s at 100k while the plan is being saved (an edit every ~50 ms): slowest frame, versions stored meanwhile', '≤ 16 ms', '–', '–',
   `${ms(r100.whileSaving.slowest, 0)}, ${r100.whileSaving.versions}`],
  ['frame CPU, new frame → ImGui::Render, 100k, scroll/zoom/pan, median / p95 (worst)', '≤ 4 ms', '–', '–',
   `${worst(r100, 'ui').toFixed(1)} / ${worst(r100, 'uiP95').toFixed(1)} ms`],
  ['same plus WebGL submit (software GL): scroll, zoom, pan med / p95', '–', '–', '–',
   `${medP95(r100.scroll)}, ${medP95(r100.zoom)}, ${medP95(r100.pan)}`],
  ['saving an edit of a 10k project, to durable in IndexedDB (of it, formatting)', 'printed', '–', '–',
   `${ms(storage.saveMs, 0)} (${ms(storage.formatMs, 0)})`],
  ['opening a 10k project by reloading the tab, to its first frame', 'printed', '–', '–', ms(storage.openMs, 0)],
  ['sync of a one-field edit of a 10k plan: bytes sent / received (requests)', 'printed', '–', '–',
   `${sync.edit.sent} / ${sync.edit.received} B (${sync.edit.requests}); the change alone ${sync.changeBytes} B`],
  ['a poll of an unchanged plan: requests, bytes received, bodies parsed', '1, 0, 0', '–', '–',
   `${sync.poll.requests}, ${sync.poll.received}, ${sync.poll.parsed}`],
  ...Object.entries(viewer).map(([name, v]) => [`opening a client view link to its first frame: ${name} (${v.chars} characters), cold / warm`,
    'printed', '–', '–', `${median(v.cold).toFixed(0)} / ${median(v.warm).toFixed(0)} ms`]),
  ...[r10, r100].map((r) => [`accessibility mirror per frame, ${r.n / 1000}k: scrolling median / p95; in an insert's frames`, 'printed', '–', '–',
    `${r.a11y.median.toFixed(3)} / ${r.a11y.p95.toFixed(3)} ms; ${ms(r.insertA11yMs, 2)}`]),
  ['download of the app, gzipped: before the plan shows (the whole app)', '≤ 400 KB', '–', '–', `${(download / 1024).toFixed(0)} KB (${(wholeApp / 1024).toFixed(0)} KB)`],
  ['memory per task: model / schedule (100k)', 'printed', `${at(native, 100000).modelBytesPerTask} / ${at(native, 100000).scheduleBytesPerTask} B`,
   `${at(wasm, 100000).modelBytesPerTask} / ${at(wasm, 100000).scheduleBytesPerTask} B`, '–'],
  ['memory per task: whole app heap with the plan open (100k)', 'printed', '–', '–', `${r100.bytesPerTask.toFixed(0)} B`],
];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
for (const [i, r] of table.entries()) {
  console.log('| ' + r.map((cell, c) => cell.padEnd(widths[c])).join(' | ') + ' |');
  if (i === 0) console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
}
console.log(`\n(${new Date().toISOString().slice(0, 10)}, ${run('nproc', []).trim()} cores; Chromium uses software WebGL, so the GL submit part is pessimistic)`);
