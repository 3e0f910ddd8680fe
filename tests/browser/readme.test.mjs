// What the README promises a producer, each promise exercised in the real wasm build with real input:
// keyboard editing, the chart's handles and link ends, the link editor, the context menu, selection,
// moving and collapsing rows, the time scale, columns, the progress line, the load pane, the view
// switch, the status colours, chart hover, invoices, change orders, the risk heat map and dots, and
// FF/SF predecessors in CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, readFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { freshAppPerTest, state, status, widget, widgets, click, drag, press, frames, typeText, screenshot, waitStatus, importFile, typeInto, rightClick } from './harness.mjs';

const fresh = freshAppPerTest(before, after);
let scratch;
before(async () => { scratch = await mkdtemp(join(tmpdir(), 'plotline-readme-')); });
after(async () => { await rm(scratch, { recursive: true, force: true }); });

const rowOf = (s, name) => s.tasks.findIndex((t) => t.name === name);
const isLeaf = (s, t) => !t.milestone && !s.tasks.some((c) => c.parent === t.id);
const shown = async (page, name) => (await widget(page, name)).text;
const gone = async (page, name) => (await widgets(page))[name] === undefined;

async function withKey(page, key, action) {
  await page.keyboard.down(key);
  await frames(page, 2);
  await action();
  await page.keyboard.up(key);
  await frames(page, 2);
}

// Drags from a bar's start or end dot onto the left or right part of another bar.
async function linkBars(page, fromRow, fromDot, toRow, toPart) {
  const from = await widget(page, `gantt.bar.${fromRow}.${fromDot}`);
  const to = await widget(page, `gantt.bar.${toRow}`);
  const inset = Math.min(6, to.w / 4);
  const x = toPart === 'left' ? to.x + inset : to.x + to.w - inset;
  await drag(page, `gantt.bar.${fromRow}.${fromDot}`, x - (from.x + from.w / 2), to.y + to.h / 2 - (from.y + from.h / 2), { steps: 10 });
}

test('F2 or Enter edits the selected name; Escape throws the typing away, Enter keeps it', async () => {
  const { page } = await fresh();
  const before = (await state(page)).tasks[2].name;
  await click(page, 'task.row.2');
  await press(page, 'F2');
  await widget(page, 'task.edit');
  await press(page, 'Control+a');
  await typeText(page, 'Never kept');
  await press(page, 'Escape');
  assert.equal((await state(page)).tasks[2].name, before);
  assert.ok(await gone(page, 'task.edit'), 'Escape ends editing');
  assert.equal((await status(page)).canUndo, false, 'nothing to undo: nothing changed');
  await press(page, 'Enter');
  await widget(page, 'task.edit');
  await press(page, 'Control+a');
  await typeText(page, 'Interviews, round one');
  await press(page, 'Enter');
  assert.equal((await state(page)).tasks[2].name, 'Interviews, round one');
});

test('the handle under a bar sets % complete in steps of 5; Ctrl+Z restores it', async () => {
  const { page } = await fresh();
  const s = await state(page);
  const row = s.tasks.findIndex((t) => isLeaf(s, t) && t.percentComplete === 0);
  await click(page, 'toolbar.zoomOut'); // its whole bar on screen, with room to drag to 80 %
  const bar = await widget(page, `gantt.bar.${row}`);
  const timeline = await widget(page, 'gantt.timeline');
  assert.ok(bar.x + bar.w < timeline.x + timeline.w - 20, 'the bar is in view');
  await drag(page, `gantt.bar.${row}.progress`, bar.w / 2);
  assert.equal((await state(page)).tasks[row].percentComplete, 50);
  await drag(page, `gantt.bar.${row}.progress`, bar.w * 0.3);
  assert.equal((await state(page)).tasks[row].percentComplete, 80);
  await press(page, 'Control+z');
  assert.equal((await state(page)).tasks[row].percentComplete, 50);
  await press(page, 'Control+z');
  assert.equal((await state(page)).tasks[row].percentComplete, 0);
});

test('the ends joined pick the link type (SS, FF, SF); the link editor changes type and lag as one step', async () => {
  const { page } = await fresh();
  const s = await state(page);
  const successors = new Set(s.links.map((l) => l.successor));
  // A first task no link leads into (so no new link can close a loop) and three plain tasks below it.
  const a = s.tasks.findIndex((t) => isLeaf(s, t) && !successors.has(t.id));
  const targets = s.tasks.map((t, row) => ({ t, row }))
    .filter(({ t, row }) => row > a + 1 && isLeaf(s, t) && !s.links.some((l) => l.predecessor === s.tasks[a].id && l.successor === t.id))
    .slice(0, 3).map(({ row }) => row);
  const cases = [['linkStart', 'left', 'SS'], ['linkEnd', 'right', 'FF'], ['linkStart', 'right', 'SF']];
  for (let k = 0; k < cases.length; ++k) {
    const [dot, part, type] = cases[k];
    await linkBars(page, a, dot, targets[k], part);
    const links = (await state(page)).links;
    assert.equal(links.length, s.links.length + k + 1, `${dot} onto the ${part} part adds a link`);
    const l = links.find((x) => x.predecessor === s.tasks[a].id && x.successor === s.tasks[targets[k]].id);
    assert.equal(l?.type, type, `${dot} onto the ${part} part of the bar`);
  }
  await screenshot(page, 'links-by-ends');

  // The SS link becomes SF with a 2-day lag in its editor; one undo puts both back.
  await click(page, `gantt.link.${a}.${targets[0]}`);
  await click(page, 'link.type');
  await click(page, 'link.type.SF');
  await typeInto(page, 'link.lag', '2d');
  await click(page, 'link.apply');
  const edited = (await state(page)).links.find((x) => x.successor === s.tasks[targets[0]].id && x.predecessor === s.tasks[a].id);
  assert.equal(edited.type, 'SF');
  assert.equal(edited.lag, 2 * 480);
  await press(page, 'Control+z');
  const back = (await state(page)).links.find((x) => x.id === edited.id);
  assert.equal(back.type, 'SS');
  assert.equal(back.lag ?? 0, 0);
});

test('right-clicking a row or a bar opens the context menu; Insert adds a task below, Edit opens the editor', async () => {
  const { page } = await fresh();
  const before = await state(page);
  await rightClick(page, 'task.name.3');
  await widget(page, 'context.insert');
  await screenshot(page, 'context-menu');
  assert.equal((await status(page)).selected, 3);
  await click(page, 'context.insert');
  const after = await state(page);
  assert.equal(after.tasks.length, before.tasks.length + 1);
  assert.equal(after.tasks[4].parent, before.tasks[3].parent, 'the new task is a sibling below the clicked row');
  await press(page, 'Escape');
  await rightClick(page, 'gantt.bar.5');
  await click(page, 'context.edit');
  await waitStatus(page, (st) => st.editor);
  assert.equal((await status(page)).selectedTask.name, after.tasks[5].name);
});

test('Ctrl-click and Shift-click select several rows; Delete removes them all in one undoable step', async () => {
  const { page } = await fresh();
  const before = await state(page);
  await click(page, 'task.row.2');
  await withKey(page, 'Control', () => click(page, 'task.row.4'));
  await press(page, 'Delete');
  let s = await state(page);
  assert.equal(s.tasks.length, before.tasks.length - 2);
  assert.ok(!s.tasks.some((t) => t.id === before.tasks[2].id || t.id === before.tasks[4].id));
  assert.ok(s.tasks.some((t) => t.id === before.tasks[3].id), 'the row between stays');
  await press(page, 'Control+z');
  assert.deepEqual((await state(page)).tasks.map((t) => t.id), before.tasks.map((t) => t.id));

  await click(page, 'task.row.2');
  await withKey(page, 'Shift', () => click(page, 'task.row.4'));
  await press(page, 'Delete');
  s = await state(page);
  assert.equal(s.tasks.length, before.tasks.length - 3);
  assert.equal(s.tasks[2].id, before.tasks[5].id);
  await press(page, 'Control+z');
  assert.equal((await state(page)).tasks.length, before.tasks.length);
});

test('Alt+Down and Alt+Up move a task among its siblings', async () => {
  const { page } = await fresh();
  const before = await state(page);
  await click(page, 'task.row.3');
  await press(page, 'Alt+ArrowDown');
  let ids = (await state(page)).tasks.map((t) => t.id);
  assert.equal(ids[4], before.tasks[3].id);
  assert.equal(ids[3], before.tasks[4].id);
  await press(page, 'Alt+ArrowUp');
  await press(page, 'Alt+ArrowUp');
  ids = (await state(page)).tasks.map((t) => t.id);
  assert.equal(ids[2], before.tasks[3].id);
  assert.equal(ids[3], before.tasks[2].id);
  await press(page, 'Control+z');
  await press(page, 'Control+z');
  await press(page, 'Control+z');
  assert.deepEqual((await state(page)).tasks.map((t) => t.id), before.tasks.map((t) => t.id));
});

test('the triangle collapses a summary and expands it again, without changing the plan', async () => {
  const { page } = await fresh();
  const revision = (await status(page)).revision;
  await widget(page, 'task.row.1');
  await click(page, 'task.toggle.0');
  assert.ok(await gone(page, 'task.row.1'), 'the children of Discovery are hidden');
  await widget(page, 'task.row.0');
  await widget(page, 'task.row.7'); // the next phase moves up
  await screenshot(page, 'collapsed');
  await click(page, 'task.toggle.0');
  await widget(page, 'task.row.1');
  assert.equal((await status(page)).revision, revision);
});

test('zooming in reaches the hours of a day; Today brings today\'s line into view; Fit shows the project', async () => {
  const { page } = await fresh();
  let last = 0;
  for (let i = 0; i < 30; ++i) {
    const px = (await status(page)).pixelsPerDay;
    if (px === last) break;
    last = px;
    await click(page, 'toolbar.zoomIn');
  }
  assert.equal(last, 2400, 'the closest zoom');
  assert.equal(await shown(page, 'gantt.scale'), 'hours');
  await screenshot(page, 'zoom-hours');
  await click(page, 'toolbar.today');
  const today = await widget(page, 'gantt.today');
  const timeline = await widget(page, 'gantt.timeline');
  assert.ok(today.x > timeline.x && today.x < timeline.x + timeline.w, 'today is on screen');
  await click(page, 'toolbar.fit');
  assert.ok(['days', 'weeks'].includes(await shown(page, 'gantt.scale')));
  // The sample runs 13 weeks (2 November to 1 February): all of them fit, filling most of the width.
  const px = (await status(page)).pixelsPerDay, days = 92;
  assert.ok(px * days <= timeline.w && px * days > timeline.w * 0.6, `${px} px a day over ${timeline.w} px`);
  const first = await widget(page, 'gantt.bar.1');
  assert.ok(first.x >= timeline.x, 'the first bar is on screen');
});

test('View > Columns: Float and the baseline variance columns show their figures', async () => {
  const { page } = await fresh();
  const s = await state(page);
  for (const name of ['Float', 'Start var.', 'Finish var.']) {
    await click(page, 'menu.View');
    await click(page, 'menu.View.Columns');
    await click(page, `menu.View.Columns.${name}`);
    await widget(page, `column.${name}`);
  }
  await click(page, 'toolbar.baseline');
  await click(page, 'toolbar.baseline.0');
  await frames(page, 3);
  await screenshot(page, 'variance-columns');
  // Wireframes runs a day longer than signed off: it finishes one working day late.
  const wire = rowOf(s, 'Wireframes (key pages)');
  assert.equal(await shown(page, `task.finishVar.${wire}`), '+1d');
  assert.equal(await shown(page, `task.startVar.${rowOf(s, 'Kick-off workshop with client')}`), '0d');
  assert.match(await shown(page, `task.float.${wire}`), /^-?\d/);
});

test('the progress line bends right for a task ahead of its plan', async () => {
  const { page } = await fresh();
  const s = await state(page);
  // On 4 November, work already done that was planned for later is ahead.
  await click(page, 'toolbar.status');
  await typeInto(page, 'status.date', '2026-11-04');
  await click(page, 'status.apply');
  assert.equal((await state(page)).project.statusDate, '2026-11-04');
  const line = await widget(page, 'gantt.status');
  const wire = rowOf(s, 'Wireframes (key pages)'); // 60 % done, though planned to start after the status date
  const vertex = await widget(page, `gantt.progress.${wire}`);
  assert.ok(vertex.x > line.x + 5, `ahead: the line bends right (${vertex.x} vs ${line.x})`);
  await screenshot(page, 'progress-line-ahead');
});

test('the load pane shows days when zoomed in and weeks when zoomed out', async () => {
  const { page } = await fresh();
  await click(page, 'toolbar.load');
  await widget(page, 'load.row.0');
  while ((await status(page)).pixelsPerDay < 6) await click(page, 'toolbar.zoomIn');
  assert.equal(await shown(page, 'load.title'), 'by day');
  while ((await status(page)).pixelsPerDay >= 6) await click(page, 'toolbar.zoomOut');
  assert.equal(await shown(page, 'load.title'), 'by week');
  await screenshot(page, 'load-by-week');
});

test('Ctrl+2 shows the Budget view and Ctrl+1 the plan', async () => {
  const { page } = await fresh();
  await widget(page, 'gantt.timeline');
  await press(page, 'Control+2');
  await widget(page, 'dashboard.approved');
  assert.ok(await gone(page, 'gantt.timeline'));
  await press(page, 'Control+1');
  await widget(page, 'gantt.timeline');
  assert.ok(await gone(page, 'dashboard.approved'));
});

test('a plan on budget is green, going over turns it amber then red; the S-curve and burn chart show a week on hover', async () => {
  const { page } = await fresh();
  const id = () => Array.from({ length: 32 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
  const task = id();
  // Two weeks of work, done on time: PV = EV = AC = 1,000.00 on its last day.
  const plan = {
    schemaVersion: 3,
    project: { id: id(), name: 'Green plan', start: '2026-11-02', statusDate: '2026-11-13', currency: 'EUR',
      contingency: { amount: 0, basisPoints: 1000, percent: true } },
    tasks: [{ id: task, name: 'Landing page', duration: 10 * 480, percentComplete: 100 }],
    budgetLines: [{ id: id(), name: 'Agency fee', category: 'vendor', amount: 100000, task }],
    costs: [{ id: id(), date: '2026-11-05', amount: 100000, category: 'vendor', task }],
  };
  const file = join(scratch, 'green-plan.json');
  await writeFile(file, JSON.stringify(plan));
  await importFile(page, file);
  await waitStatus(page, (st) => st.tasks === 1);
  await press(page, 'Control+2');
  assert.equal(await shown(page, 'dashboard.rag'), 'Green');
  await screenshot(page, 'status-green');
  await click(page, 'budget.tab.Actuals');
  await typeInto(page, 'actuals.cost.0.amount', '1,100.00'); // CPI 0.91: amber
  await click(page, 'budget.tab.Dashboard');
  assert.equal(await shown(page, 'dashboard.rag'), 'Amber');
  await click(page, 'budget.tab.Actuals');
  await typeInto(page, 'actuals.cost.0.amount', '1,200.00'); // CPI 0.83: red
  await click(page, 'budget.tab.Dashboard');
  assert.equal(await shown(page, 'dashboard.rag'), 'Red');

  // Hover: the week under the mouse, with its values.
  const curve = await widget(page, 'dashboard.scurve');
  await page.mouse.move(curve.x + curve.w - 20, curve.y + curve.h / 2);
  await frames(page, 4);
  assert.equal(await shown(page, 'dashboard.scurve.tip'), 'Week ending 2026-11-15\nPV €1,000.00\nEV €1,000.00\nAC €1,200.00\nSpent that week €0.00');
  const burn = await widget(page, 'dashboard.burn');
  await page.mouse.move(burn.x + burn.w - 20, burn.y + burn.h / 2);
  await frames(page, 4);
  assert.equal(await shown(page, 'dashboard.burn.tip'), 'Week ending 2026-11-15\nPlanned left €100.00\nActually left -€100.00\nSpent that week €0.00');
  await screenshot(page, 'burn-hover');
});

test('an invoice is booked as an actual cost with one click', async () => {
  const { page } = await fresh();
  const before = await state(page);
  const ac = (await page.evaluate(() => window.plotline.report())).ac;
  await press(page, 'Control+2');
  await click(page, 'budget.tab.Vendors');
  const lumen = before.vendors.findIndex((v) => v.name === 'Lumen Picture Agency');
  await click(page, `vendors.pick.${lumen}`);
  await widget(page, 'vendors.invoice.0.booked'); // the sample's invoice is booked already
  await click(page, 'vendors.addInvoice');
  await typeInto(page, 'vendors.invoice.1.amount', '2,400.00');
  await click(page, 'vendors.invoice.1.book');
  const after = await state(page);
  assert.equal(after.costs.length, before.costs.length + 1);
  const cost = after.costs.at(-1);
  assert.equal(cost.amount, 240000);
  assert.equal(cost.category, 'vendor');
  assert.equal(cost.vendor, before.vendors[lumen].id);
  assert.equal(cost.date, after.vendors[lumen].invoices[1].date);
  assert.equal(cost.date, '2026-11-20', 'a new invoice is dated on the status date');
  assert.equal((await page.evaluate(() => window.plotline.report())).ac, ac + 240000);
  await widget(page, 'vendors.invoice.1.booked');
  await screenshot(page, 'invoice-booked');
});

test('a change order downloads as Markdown with the request, its impact and a sign-off block', async () => {
  const { page } = await fresh();
  await press(page, 'Control+2');
  await click(page, 'budget.tab.Change requests');
  const pending = page.waitForEvent('download');
  await click(page, 'change.orderMd');
  const d = await pending;
  assert.equal(d.suggestedFilename(), 'Aurora-Coffee-Spring-Launch-Campaign-CR-1.md');
  const path = join(scratch, d.suggestedFilename());
  await d.saveAs(path);
  const md = await readFile(path, 'utf8');
  assert.match(md, /^# Change order CR-1: German version of the microsite\n/);
  assert.ok(md.includes('€9,800.00'), 'the cost impact');
  assert.match(md, /[Ss]ign/);
});

test('the risk heat map filters the register; risk dots in the plan are red from 15 and amber from 10', async () => {
  const { page } = await fresh();
  const s = await state(page);
  assert.equal(await shown(page, `task.risk.${rowOf(s, 'Hero video shoot (vendor)')}`), 'red');      // 4 × 4
  const designRisk = s.risks.find((r) => r.title.startsWith('Extra feedback'));                      // 3 × 4
  const amberRow = s.tasks.findIndex((t) => t.id === designRisk.tasks[0]);
  assert.equal(await shown(page, `task.risk.${amberRow}`), 'amber');
  await press(page, 'Control+2');
  await click(page, 'budget.tab.Risks');
  const open = s.risks.filter((r) => r.status !== 'closed').length;
  const rows = async () => Object.keys(await widgets(page)).filter((k) => /^risks\.row\.\d+\.probability$/.test(k)).length;
  assert.ok(await rows() >= open);
  await click(page, 'risks.heat.4.4');
  assert.equal(await rows(), 1);
  await widget(page, `risks.row.${s.risks.findIndex((r) => r.title.startsWith('Rain'))}.probability`);
  await screenshot(page, 'risk-heat-filter');
  await click(page, 'risks.heat.4.4');
  assert.ok(await rows() >= open);
});

test('a CSV with FF and SF predecessors and leads imports with those link types', async () => {
  const { page } = await fresh();
  const file = join(scratch, 'links.csv');
  await writeFile(file, 'ID,Name,Duration,Predecessors\n1,Script,3d,\n2,Storyboard,2d,1FF+1d\n3,Voice-over,1d,"1SF-4h;2SS"\n');
  await importFile(page, file);
  await waitStatus(page, (st) => st.tasks === 3);
  const s = await state(page);
  const link = (a, b) => s.links.find((l) => l.predecessor === s.tasks[a].id && l.successor === s.tasks[b].id);
  assert.equal(link(0, 1).type, 'FF');
  assert.equal(link(0, 1).lag, 480);
  assert.equal(link(0, 2).type, 'SF');
  assert.equal(link(0, 2).lag, -240);
  assert.equal(link(1, 2).type, 'SS');
});
