// The real wasm build in headless Chromium: loading, rendering, editing with real input,
// persistence in IndexedDB across reloads, undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshAppPerTest, state, status, widget, click, press, typeText, screenshot, waitStatus, decodePng } from './harness.mjs';

// Each test gets its own server, hence its own origin and an empty IndexedDB.
const fresh = freshAppPerTest(before, after);

// How many colours a screenshot shows and its share of dark pixels (decodePng counts them in the page).
const pixelStats = (page, png) => decodePng(page, png, null, { stats: true });

test('the app loads with no console errors and shows the sample plan', async () => {
  const { page, errors } = await fresh();
  const s = await state(page);
  assert.equal(s.project.name, 'Aurora Coffee — Spring Launch Campaign');
  assert.ok(s.tasks.length >= 35, `${s.tasks.length} tasks`);
  assert.ok(s.tasks.some((t) => t.milestone), 'the sample has milestones');
  const st = await status(page);
  assert.equal(st.ready, true);
  assert.equal(st.dialog, '', 'no dialog on a first visit (storage works)');
  // The canvas fills the window.
  const canvas = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return [r.width, r.height]; });
  assert.deepEqual(canvas, [1440, 900]);
  // Named widgets are on screen: the menu, the first task's name, a bar, the time scale.
  for (const name of ['menu.Project', 'task.name.0', 'gantt.bar.1', 'gantt.scale']) await widget(page, name);
  const { png } = await screenshot(page, 'sample');
  const px = await pixelStats(page, png);
  assert.ok(px.colours > 40, `a rendered plan has many colours, saw ${px.colours}`);
  assert.ok(px.darkShare > 0.005, `text and bars are drawn, dark share ${px.darkShare}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an idle plan draws nothing new: frames that would show the same picture are skipped, and the screen keeps it', async () => {
  const { page, errors } = await fresh();
  await page.mouse.move(700, 3); // the menu bar's empty end: nothing lights up there
  await waitStatus(page, (s) => s.save === 'Saved');
  await new Promise((ok) => setTimeout(ok, 1500)); // the second of frames after the last input ends
  await page.evaluate(() => window.plotline.frameStats()); // forget earlier frames
  const before = (await page.evaluate(() => window.plotline.frameStats())).drawn;
  await new Promise((ok) => setTimeout(ok, 1200));
  const idle = await page.evaluate(() => window.plotline.frameStats());
  assert.ok(idle.frameMs.length >= 2, `the clock's frames still run (${idle.frameMs.length})`);
  assert.equal(idle.drawn - before, 0, 'no frame was drawn while nothing changed');
  const grid = [];
  for (let y = 5; y < 900; y += 23) for (let x = 3; x < 1440; x += 17) grid.push([x, y]);
  const { px } = await decodePng(page, (await screenshot(page, 'idle-kept')).png, grid);
  const colours = new Set(px.map(([r, g, b]) => (r << 16) | (g << 8) | b));
  assert.ok(colours.size > 20, `the canvas still shows the plan (${colours.size} colours in a grid of ${grid.length} pixels)`);

  const b = await widget(page, 'view.budget');
  await page.mouse.move(b.x + b.w / 2, b.y + b.h / 2); // the button lights up
  await new Promise((ok) => setTimeout(ok, 300));
  assert.ok((await page.evaluate(() => window.plotline.frameStats())).drawn > idle.drawn, 'a hover is drawn');
  assert.deepEqual(errors, []);
  await page.close();
});

test('renaming a task with real clicks and keys changes the state; undo and redo work', async () => {
  const { page, errors } = await fresh();
  const before = (await state(page)).tasks[1];
  await click(page, 'task.name.1', { double: true });
  await widget(page, 'task.edit');
  await press(page, 'Control+A');
  await typeText(page, 'Kick-off with the Aurora team');
  await press(page, 'Enter');
  let after = (await state(page)).tasks[1];
  assert.equal(after.name, 'Kick-off with the Aurora team');
  assert.equal(after.id, before.id, 'the id never changes');

  await press(page, 'Control+Z');
  assert.equal((await state(page)).tasks[1].name, before.name);
  await press(page, 'Control+Shift+Z');
  assert.equal((await state(page)).tasks[1].name, 'Kick-off with the Aurora team');

  // Undo from the Edit menu, with the mouse.
  await click(page, 'menu.Edit');
  await click(page, 'menu.Edit.Undo');
  assert.equal((await state(page)).tasks[1].name, before.name);
  await press(page, 'Control+Y');
  assert.equal((await state(page)).tasks[1].name, 'Kick-off with the Aurora team', 'Ctrl+Y redoes');
  assert.equal((await status(page)).canRedo, false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an edit is saved to IndexedDB within a second and survives a reload', async () => {
  const { page, errors } = await fresh();
  assert.notEqual((await state(page)).tasks[3].duration, 7 * 480);
  await click(page, 'task.duration.3', { double: true });
  await press(page, 'Control+A');
  await typeText(page, '7d');
  await press(page, 'Enter');
  const edited = await state(page);
  assert.equal(edited.tasks[3].duration, 7 * 480);
  const t0 = Date.now();
  await waitStatus(page, (s) => s.save === 'Saved' && s.saveError === '' && s.revision > 0);
  const savedIn = Date.now() - t0;
  assert.ok(savedIn < 1500, `saved in ${savedIn} ms`);

  await page.reload();
  await page.waitForFunction(() => window.plotline && window.plotline.ready);
  await page.evaluate(() => window.plotline.ready);
  const reloaded = await state(page);
  assert.equal(reloaded.tasks[3].duration, 7 * 480);
  assert.equal((await status(page)).dialog, '');
  assert.equal(reloaded.tasks[3].id, edited.tasks[3].id);
  assert.deepEqual(reloaded.tasks.map((t) => t.name), edited.tasks.map((t) => t.name));
  await screenshot(page, 'after-reload');
  assert.deepEqual(errors, []);
  await page.close();
});
