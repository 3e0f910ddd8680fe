// Side by side with the most used web Gantt component, in the same headless Chromium, on the same
// generated plans: Plotline (its real web build) and dhtmlx-gantt (npm, a benchmark-only dependency
// in bench/package.json, never shipped), each served from a loopback HTTP server.
//   Plotline: the plan imported once, then opened again from IndexedDB (bench/open-plan.mjs).
//   Peer:     a page that fetches the same plan as the peer's JSON (tasks with their scheduled start,
//             duration in days, parent, progress, summaries as its rolled-up 'project' type; links with their types, all rows expanded) from the
//             same kind of server, then gantt.init + gantt.parse; ready once the frame after that ran.
// Both: navigation start to the first frame that shows the plan, reloading a warm tab and in a new
// tab, medians of three; the heap each keeps with the plan open (Plotline: its wasm memory, which never
// shrinks, plus its JS heap; the peer: its JS heap), after a garbage collection.
//   node bench/side-by-side.mjs [sizes…]     (after scripts/build.sh all and npm ci in bench/; default 10000 100000)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, copyFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/browser/harness.mjs';
import { openPlotline, median, jsHeap } from './open-plan.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../build/native/plotline');
const peerDir = resolve(here, 'node_modules/dhtmlx-gantt');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (!sizes.length) sizes.push(10000, 100000);
const peerVersion = JSON.parse(await readFile(join(peerDir, 'package.json'), 'utf8')).version;

// The plan as the peer reads it: its own JSON with the dates Plotline's scheduler gives.
async function peerPlan(planFile, out) {
  const plan = JSON.parse(await readFile(planFile, 'utf8'));
  const sched = JSON.parse(execFileSync(cli, ['schedule', planFile, '--json'], { maxBuffer: 1 << 30, encoding: 'utf8' }));
  const row = new Map(plan.tasks.map((t, i) => [t.id, i + 1]));
  const parents = new Set(plan.tasks.map((t) => t.parent).filter(Boolean));
  const types = { FS: '0', SS: '1', FF: '2', SF: '3' };
  const data = sched.tasks.map((s, i) => {
    const t = plan.tasks[i];
    return { id: i + 1, text: t.name, start_date: s.start, duration: Math.max(0, Math.round(t.duration / 480)),
             parent: t.parent ? row.get(t.parent) : 0, progress: (t.percentComplete || 0) / 100, open: true,
             ...(parents.has(t.id) ? { type: 'project' } : t.milestone ? { type: 'milestone' } : {}) }; // summaries roll up
  });
  const links = plan.links.map((l, i) => ({ id: i + 1, source: row.get(l.predecessor), target: row.get(l.successor), type: types[l.type] }));
  await writeFile(out, JSON.stringify({ data, links }));
}

const page = `<!doctype html><html><head><meta charset="utf-8"><title>dhtmlx-gantt</title>
<link rel="stylesheet" href="dhtmlxgantt.css"><script src="dhtmlxgantt.js"></script>
<style>html,body{margin:0;height:100%;overflow:hidden}#g{width:100vw;height:100vh}</style></head>
<body><div id="g"></div><script>
fetch('plan.json').then((r) => r.json()).then((plan) => {
  gantt.config.date_format = '%Y-%m-%d';
  gantt.config.work_time = true; // durations in working days, as Plotline's
  gantt.init('g');
  gantt.parse(plan);
  requestAnimationFrame(() => setTimeout(() => { window.readyAt = performance.now(); window.tasks = gantt.getTaskCount(); }));
});
</script></body></html>`;

const dir = await mkdtemp(join(tmpdir(), 'plotline-peer-'));
const rows = [];
try {
  for (const n of sizes) {
    const file = join(dir, `plan-${n}.json`);
    execFileSync(cli, ['generate', String(n), file], { stdio: 'ignore' });
    const site = join(dir, `peer-${n}`);
    execFileSync('mkdir', ['-p', site]);
    await peerPlan(file, join(site, 'plan.json'));
    await copyFile(join(peerDir, 'codebase/dhtmlxgantt.js'), join(site, 'dhtmlxgantt.js'));
    await copyFile(join(peerDir, 'codebase/dhtmlxgantt.css'), join(site, 'dhtmlxgantt.css'));
    await writeFile(join(site, 'index.html'), page);

    // Plotline.
    const server = await serve();
    let browser = await launch();
    const ours = await openPlotline(browser, server.url, file, n);
    const mem = await ours.page.evaluate(() => window.plotline.memory());
    const oursHeap = mem.heap + await jsHeap(ours.page);
    await browser.close();
    await server.close();

    // The peer.
    const peerServer = await serve(site);
    browser = await launch();
    let p = await browser.context.newPage();
    const peerReady = async (list) => {
      await p.waitForFunction(() => window.readyAt, null, { timeout: 600000 });
      const count = await p.evaluate(() => window.tasks);
      if (count !== n) throw new Error(`the peer shows ${count} tasks, not ${n}`);
      list.push(await p.evaluate(() => window.readyAt));
    };
    const warmup = [];
    await p.goto(peerServer.url);
    await peerReady(warmup);
    const reload = [], tab = [];
    for (let i = 0; i < 3; ++i) { await p.reload(); await peerReady(reload); }
    for (let i = 0; i < 3; ++i) {
      await p.close();
      p = await browser.context.newPage();
      await p.goto(peerServer.url);
      await peerReady(tab);
    }
    const peerHeap = await jsHeap(p);
    await p.screenshot({ path: join(resolve(here, '../build/screenshots'), `peer-${n}.png`) });
    await browser.close();
    await peerServer.close();
    rows.push({ n, ours: { reload: median(ours.reload), tab: median(ours.tab), heap: oursHeap, wasm: mem.heap },
                peer: { reload: median(reload), tab: median(tab), heap: peerHeap }, errors: ours.errors });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const f = (x) => x.toFixed(0);
const mb = (b) => (b / 1048576).toFixed(0);
console.log(`Opening a saved plan to its first frame, headless Chromium, ms (medians of three); Plotline vs dhtmlx-gantt ${peerVersion}`);
console.log('  tasks   Plotline reload/tab   peer reload/tab   ratio reload/tab   heap MB: Plotline (wasm) / peer');
for (const r of rows)
  console.log(`${String(r.n).padStart(7)}   ${(f(r.ours.reload) + ' / ' + f(r.ours.tab)).padStart(19)}   ${(f(r.peer.reload) + ' / ' + f(r.peer.tab)).padStart(15)}   ` +
              `${((r.peer.reload / r.ours.reload).toFixed(2) + '× / ' + (r.peer.tab / r.ours.tab).toFixed(2) + '×').padStart(16)}   ${mb(r.ours.heap)} (${mb(r.ours.wasm)}) / ${mb(r.peer.heap)}`);
console.log('Ratio: the peer\'s time over Plotline\'s (above 1: Plotline is faster). Targets: ≥ 2× at 10k, ≥ 5× at 100k.');
for (const r of rows) if (r.errors.length) console.log(`page errors at ${r.n}: ${r.errors.join(' | ')}`);
if (process.env.PLOTLINE_BENCH_JSON) console.log(JSON.stringify(rows));
