// What a producer new to Plotline trips over in the first hour, each fixed and checked in the real
// build: the burn chart's bars against its axis, toolbar buttons that say what they do, counts in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshAppPerTest, state, status, widget, widgets, click, press, frames, screenshot, tooltipOf } from './harness.mjs';

const fresh = freshAppPerTest(before, after);
const amount = (text) => Number(text.replace(/[^0-9.-]/g, ''));

test('the burn chart\'s weekly spend bars read against the chart\'s own € axis', async () => {
  const { page } = await fresh();
  await press(page, 'Control+2');
  const ws = await widgets(page);
  const axis = ws['dashboard.burn.axis'];
  assert.ok(axis, 'the burn chart is drawn');
  const total = amount(axis.text);
  const bars = Object.entries(ws).filter(([k]) => k.startsWith('dashboard.burn.bar.'));
  assert.ok(bars.length >= 3, `${bars.length} weeks of spend`);
  for (const [name, bar] of bars) {
    const expected = (axis.h * amount(bar.text)) / total;
    assert.ok(Math.abs(bar.h - expected) < 1.5, `${name}: ${bar.text} drawn ${bar.h.toFixed(1)} px high, the axis says ${expected.toFixed(1)} px`);
  }
  // Hovering the tallest bar: its week's tooltip says the amount the bar shows.
  const [, tallest] = bars.reduce((m, e) => (e[1].h > m[1].h ? e : m));
  await page.mouse.move(tallest.x + tallest.w / 2, tallest.y + tallest.h - 2);
  await frames(page, 4);
  assert.match((await widget(page, 'dashboard.burn.tip')).text, new RegExp(`Spent that week ${tallest.text.replace(/[.$]/g, '\\$&')}$`));
  await screenshot(page, 'burn-chart-bar-hovered');
});

test('every toolbar button says what it does when hovered', async () => {
  const { page } = await fresh();
  const tips = {};
  for (const name of ['toolbar.zoomOut', 'toolbar.zoomIn', 'toolbar.fit', 'toolbar.today', 'toolbar.critical', 'toolbar.load', 'toolbar.status']) {
    const tip = await tooltipOf(page, name);
    assert.ok(tip && tip.length > 10, `${name} has a tooltip`);
    tips[name] = tip;
  }
  assert.match(tips['toolbar.today'], /today/i);
  assert.match(tips['toolbar.zoomIn'], /Zoom in/);
  await screenshot(page, 'toolbar-tooltip');
});

test('counts read as words: "1 task", not "1 tasks"', async () => {
  const { page } = await fresh();
  // A new project with a single task: the status bar says "1 task".
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.New');
  await click(page, 'newProject.create');
  await click(page, 'gantt.addFirst');
  await press(page, 'Escape');
  assert.equal((await status(page)).tasks, 1);
  const bar = await widget(page, 'status.schedule');
  assert.match(bar.text ?? '', /^1 task  ·/);
});

test('Tab while editing a task keeps the typed name and edits the next cell; Escape there leaves the name', async () => {
  const { page } = await fresh();
  const before = (await state(page)).tasks[2];
  await click(page, 'task.name.2', { double: true });
  await widget(page, 'task.edit');
  await press(page, 'Control+a');
  await page.keyboard.type('Interviews with the client team', { delay: 20 });
  await press(page, 'Tab');
  assert.equal((await state(page)).tasks[2].name, 'Interviews with the client team', 'Tab keeps the name');
  const field = await widget(page, 'task.edit');
  const start = await widget(page, 'task.start.1');
  assert.ok(Math.abs(field.x - start.x) < 12, 'the Start cell is being edited now');
  await press(page, 'Escape');
  assert.equal((await state(page)).tasks[2].name, 'Interviews with the client team');
  assert.equal((await widgets(page))['task.edit'], undefined);
  await press(page, 'Control+z');
  assert.equal((await state(page)).tasks[2].name, before.name);
});

test('at 1024×700 the toolbar wraps: every control is on screen and works, the Baseline list and Status included', async () => {
  const { page } = await fresh();
  await page.setViewportSize({ width: 1024, height: 700 });
  await frames(page, 6);
  const ws = await widgets(page);
  const tools = Object.entries(ws).filter(([k]) => k.startsWith('toolbar.') || k.startsWith('view.'));
  assert.ok(tools.length >= 10, `${tools.length} toolbar controls`);
  for (const [name, w] of tools) assert.ok(w.x >= 0 && w.x + w.w <= 1024, `${name} ends at ${Math.round(w.x + w.w)} px, inside 1024`);
  assert.ok(ws['toolbar.status'].y > ws['toolbar.filter'].y, 'the tools take a second line');
  assert.ok(ws['task.name.0'].y > ws['toolbar.status'].y + ws['toolbar.status'].h, 'the chart starts below the tools');
  // The Baseline list opens and picks; the Status button opens its window.
  await click(page, 'toolbar.baseline');
  await click(page, 'toolbar.baseline.0');
  assert.ok((await widgets(page))['gantt.baseline.1'], 'the baseline is drawn');
  await screenshot(page, 'toolbar-1024x700');
  await click(page, 'toolbar.status');
  await widget(page, 'status.date');
});

test('Escape closes an open drop-down, and the next click does what it says', async () => {
  const { page } = await fresh();
  await click(page, 'toolbar.baseline');
  await widget(page, 'toolbar.baseline.0');
  await press(page, 'Escape');
  assert.equal((await widgets(page))['toolbar.baseline.0'], undefined, 'Escape closed the list');
  const zoom = (await status(page)).pixelsPerDay;
  await click(page, 'toolbar.zoomIn');
  assert.ok((await status(page)).pixelsPerDay > zoom * 1.2, 'the first click after Escape zoomed in');
});

test('Add line and Add cost put the keyboard in the new row: what is typed next lands there', async () => {
  const { page } = await fresh();
  await press(page, 'Control+2');
  await click(page, 'budget.tab.Budget');
  const lines = (await state(page)).budgetLines.length;
  await click(page, 'budget.lines.add');
  await page.keyboard.type('Hosting', { delay: 20 });
  await press(page, 'Tab');
  await page.keyboard.type('1200', { delay: 20 });
  await press(page, 'Enter');
  const added = (await state(page)).budgetLines;
  assert.equal(added.length, lines + 1);
  assert.equal(added[lines].name, 'Hosting');
  assert.equal(added[lines].amount, 120000, 'Tab went to the new line\'s amount');
  assert.ok(!(await status(page)).message.includes('Contingency'), 'nothing landed in the contingency');

  await click(page, 'budget.tab.Actuals');
  const costs = (await state(page)).costs.length;
  await click(page, 'actuals.addCost');
  await page.keyboard.type('250', { delay: 20 });
  await press(page, 'Enter');
  const after = (await state(page)).costs;
  assert.equal(after.length, costs + 1);
  assert.equal(after[costs].amount, 25000);
  // The actuals read as a ledger: by date.
  const ws = await widgets(page);
  const dates = Object.keys(ws).filter((k) => k.startsWith('actuals.costRow.')).sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2])).map((k) => ws[k].text);
  assert.ok(dates.length >= 3, `${dates.length} costs shown`);
  assert.deepEqual(dates, [...dates].sort(), 'costs in date order');
});

test('the task editor has a Milestone box: ticked, the task becomes a 0-day diamond; unticked, a day again', async () => {
  const { page } = await fresh();
  const tasks = (await state(page)).tasks;
  const row = tasks.findIndex((t) => !t.milestone && t.duration > 0 && !tasks.some((c) => c.parent === t.id));
  await click(page, `gantt.bar.${row}`, { double: true });
  await click(page, 'editor.milestone');
  await click(page, 'editor.ok');
  let t = (await state(page)).tasks[row];
  assert.equal(t.milestone, true);
  await click(page, `gantt.bar.${row}`, { double: true });
  await click(page, 'editor.milestone');
  await click(page, 'editor.ok');
  t = (await state(page)).tasks[row];
  assert.equal(t.milestone, false);
  assert.equal(t.duration, 480, 'one working day');
});
