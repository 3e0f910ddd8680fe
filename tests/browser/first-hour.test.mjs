// What a producer new to Plotline trips over in the first hour, each fixed and checked in the real
// build: the burn chart's bars against its axis, toolbar buttons that say what they do, counts in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshAppPerTest, state, status, widget, widgets, click, press, frames, screenshot } from './harness.mjs';

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
    const w = await widget(page, name);
    await page.mouse.move(w.x + w.w / 2, w.y + w.h / 2);
    await frames(page, 3);
    await page.waitForTimeout(700); // tooltips show after a short rest, as they should
    await frames(page, 3);
    const tip = (await widgets(page)).tooltip;
    assert.ok(tip && tip.text.length > 10, `${name} has a tooltip`);
    tips[name] = tip.text;
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
