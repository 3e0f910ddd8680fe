// Tracking a plan in the real wasm build: baselines, the status date and progress line, resource
// assignment with units, the resource load pane and resources' days off — each undone with Ctrl+Z.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshAppPerTest, state, status, widget, widgets, click, press, frames, screenshot, waitStatus } from './harness.mjs';

const fresh = freshAppPerTest(before, after);
const rowOf = (s, name) => s.tasks.findIndex((t) => t.name === name);
const resourceOf = (s, name) => s.resources.findIndex((r) => r.name === name);

async function replaceText(page, field, text) {
  await click(page, field);
  await press(page, 'End');
  for (let i = 0; i < 40; ++i) await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 20 });
  await frames(page, 3);
}

test('a baseline saved from the Project menu shows as thin bars under the live ones; Ctrl+Z removes it', async () => {
  const { page, errors } = await fresh();
  const before = await state(page);
  assert.equal(before.baselines.length, 1, 'the sample comes with its signed-off plan');
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Baselines');
  await replaceText(page, 'baselines.name', 'After change request 1');
  await click(page, 'baselines.save');
  const after = await state(page);
  assert.equal(after.baselines.length, 2);
  assert.equal(after.baselines[1].name, 'After change request 1');
  assert.equal(after.baselines[1].tasks.length, before.tasks.length);
  const row = rowOf(after, 'Copy deck');
  await widget(page, `gantt.baseline.${row}`); // the new baseline is shown straight away
  await screenshot(page, 'baseline-saved');
  await page.mouse.move(5, 300);
  await press(page, 'Escape');
  await press(page, 'Control+z');
  assert.equal((await state(page)).baselines.length, 1);
  await frames(page, 3);
  assert.equal((await widgets(page))[`gantt.baseline.${row}`], undefined, 'no baseline shown once it is gone');
  assert.deepEqual(errors, []);
});

test('choosing the sample\'s baseline draws its bars and the slipped finish; the status date moves the progress line', async () => {
  const { page } = await fresh();
  const s = await state(page);
  await click(page, 'toolbar.baseline');
  await click(page, 'toolbar.baseline.0');
  const wire = rowOf(s, 'Wireframes (key pages)');
  const bar = await widget(page, `gantt.bar.${wire}`), base = await widget(page, `gantt.baseline.${wire}`);
  assert.ok(base.y > bar.y + bar.h - 1, 'the baseline bar sits under the live bar');
  assert.ok(base.x + base.w < bar.x + bar.w - 5, 'Wireframes runs a day longer than signed off');

  // Wireframes is 60% done on the status date (its last day): behind, so the progress line bends left.
  const line = await widget(page, 'gantt.status');
  const vertex = await widget(page, `gantt.progress.${wire}`);
  assert.ok(vertex.x < line.x - 5, 'behind schedule: the progress line bends left of the status line');
  await screenshot(page, 'status-and-baseline');

  const px = (await status(page)).pixelsPerDay;
  await click(page, 'toolbar.status');
  await replaceText(page, 'status.date', '2026-11-25');
  await click(page, 'status.apply');
  assert.equal((await state(page)).project.statusDate, '2026-11-25');
  const moved = await widget(page, 'gantt.status');
  assert.ok(Math.abs(moved.x - line.x - 5 * px) < 2, `the status line moved five days right (${line.x} → ${moved.x})`);
  await press(page, 'Control+z');
  assert.equal((await state(page)).project.statusDate, '2026-11-20');
});

test('assigning a resource in the task editor books them; the load pane marks the over-allocation; Ctrl+Z undoes', async () => {
  const { page } = await fresh();
  const s = await state(page);
  const row = rowOf(s, 'Stakeholder interviews'), lead = resourceOf(s, 'Tech Lead');
  await click(page, 'toolbar.load');
  await widget(page, `load.row.${lead}`);
  assert.equal((await widgets(page))[`load.over.${lead}`], undefined, 'the Tech Lead is fully but not over booked');

  // The Tech Lead already audits the site on those days; adding the interviews doubles their load.
  await click(page, `gantt.bar.${row}`, { double: true });
  await waitStatus(page, (st) => st.editor);
  await click(page, `editor.resource.${lead}`);
  await widget(page, `editor.units.${lead}`);
  await screenshot(page, 'editor-resources');
  await click(page, 'editor.ok');
  await waitStatus(page, (st) => !st.editor);
  const after = await state(page);
  const task = after.tasks[row];
  const added = after.assignments.filter((a) => a.task === task.id && a.resource === s.resources[lead].id);
  assert.equal(added.length, 1);
  assert.equal(added[0].units, 100);
  await widget(page, `load.over.${lead}`);
  await screenshot(page, 'load-over-allocated');
  await press(page, 'Control+z');
  assert.equal((await state(page)).assignments.length, s.assignments.length);
  await frames(page, 3);
  assert.equal((await widgets(page))[`load.over.${lead}`], undefined);
});

test('days off typed as a range in the Resources window stretch that person\'s task; Ctrl+Z restores it', async () => {
  const { page } = await fresh();
  const s = await state(page);
  const writer = resourceOf(s, 'Copywriter'), row = rowOf(s, 'Copy deck');
  const px = (await status(page)).pixelsPerDay;
  const bar = await widget(page, `gantt.bar.${row}`);
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Resources');
  await click(page, `resources.daysOff.${writer}`);
  await press(page, 'End');
  await page.keyboard.type(', 2026-11-16..2026-11-17', { delay: 20 });
  await press(page, 'Enter');
  const r = (await state(page)).resources[writer];
  assert.deepEqual(r.daysOff, ['2026-11-16', '2026-11-17', '2026-12-21', '2026-12-22', '2026-12-23']);
  const longer = await widget(page, `gantt.bar.${row}`);
  assert.ok(Math.abs(longer.w - bar.w - 2 * px) < 2, `Copy deck stretched by two days (${bar.w} → ${longer.w} px)`);
  await screenshot(page, 'resources-days-off');
  await page.mouse.move(5, 300);
  await press(page, 'Escape');
  await click(page, 'toolbar.filter'); // focus back on the main window
  await press(page, 'Escape');
  await press(page, 'Control+z');
  assert.equal((await state(page)).resources[writer].daysOff.length, 3);
});

test('View > Columns shows and hides optional columns such as WBS and Float', async () => {
  const { page } = await fresh();
  assert.equal((await widgets(page))['column.WBS'], undefined, 'hidden at first');
  await widget(page, 'column.Duration');
  await click(page, 'menu.View');
  await click(page, 'menu.View.Columns');
  await click(page, 'menu.View.Columns.WBS');
  await frames(page, 3);
  await screenshot(page, 'columns-wbs');
  await widget(page, 'column.WBS');
  await click(page, 'menu.View');
  await click(page, 'menu.View.Columns');
  await click(page, 'menu.View.Columns.WBS');
  await frames(page, 3);
  assert.equal((await widgets(page))['column.WBS'], undefined);
});
