// Direct manipulation of the Gantt chart in the real wasm build: drag a bar, resize it, draw a
// link, edit a link, indent with Tab, paste rows from a spreadsheet, copy rows out; every change
// undone with Ctrl+Z.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshAppPerTest, state, status, widget, widgets, click, drag, press, frames, screenshot, waitStatus } from './harness.mjs';

const fresh = freshAppPerTest(before, after);

// Plain tasks (no children, not milestones), and among them those no link leads into: a link from
// one of those can never close a loop.
function leaves(s) {
  const parents = new Set(s.tasks.map((t) => t.parent).filter(Boolean));
  return s.tasks.map((t, row) => ({ t, row })).filter(({ t }) => !parents.has(t.id) && !t.milestone);
}
function freeLeaves(s) {
  const successors = new Set(s.links.map((l) => l.successor));
  return leaves(s).filter(({ t }) => !successors.has(t.id));
}

async function undo(page) {
  await press(page, 'Control+z');
}

// "2026-11-02" plus n calendar days.
const plusDays = (iso, n) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);

// The chart's dates of a row, as the status bar API reports the selected task.
async function datesOf(page, row) {
  await click(page, `task.row.${row}`);
  const t = (await status(page)).selectedTask;
  assert.equal(t.name, (await state(page)).tasks[row].name);
  return t;
}

test('dragging a bar moves the task later; Ctrl+Z puts it back', async () => {
  const { page, errors } = await fresh();
  const before = await state(page);
  const { t, row } = freeLeaves(before)[0];
  const was = (await datesOf(page, row)).start;
  const px = (await status(page)).pixelsPerDay;
  await drag(page, `gantt.bar.${row}`, px * 7); // a week later
  const after = await state(page);
  const moved = after.tasks[row];
  assert.equal(moved.id, t.id);
  assert.equal(moved.constraint, 'SNET', 'a moved task starts no earlier than where it was dropped');
  assert.equal(moved.constraintDate, plusDays(was, 7), `moved a week on from its own start ${was}`);
  assert.equal((await datesOf(page, row)).start, plusDays(was, 7));
  await screenshot(page, 'gantt-after-move');
  await undo(page);
  assert.equal((await state(page)).tasks[row].constraint, undefined);
  assert.deepEqual(errors, []);
});

test('the pointer shows what a drag would do, and is not set again at every frame', async () => {
  const { page, errors } = await fresh();
  const s = await state(page);
  const cursor = () => page.evaluate(() => document.getElementById('canvas').style.cursor);
  // A task bar's right end resizes it, and every end on screen shows so: the ends of many lie under
  // link arrows, and the bar takes the press there, so the pointer is not the arrow's hand.
  const shown = await widgets(page), view = page.viewportSize();
  let at = null, ends = 0;
  for (const { row } of leaves(s)) {
    const end = shown[`gantt.bar.${row}.end`];
    if (!end || end.x + end.w >= view.width || end.y + end.h >= view.height) continue;
    await page.mouse.move(end.x + 1, end.y + end.h / 2);
    await frames(page, 3);
    assert.equal(await cursor(), 'ew-resize', `the end of row ${row}`);
    at = at || end;
    if (++ends === 12) break;
  }
  assert.ok(at && ends >= 6, `${ends} task bars' ends show the resize pointer`);
  await page.mouse.move(5, at.y + at.h / 2); // over the table
  await frames(page, 3);
  assert.equal(await cursor(), 'default');
  await page.mouse.move(at.x + 1, at.y + at.h / 2);
  await frames(page, 3);
  assert.equal(await cursor(), 'ew-resize');
  // The pointer moves a little within the end: frames run (an idle app skips them), and none sets
  // the canvas's cursor again (each time is a style change of the page).
  await page.evaluate(() => {
    window.cursorSets = 0;
    Object.defineProperty(document.getElementById('canvas').style, 'cursor', {
      configurable: true,
      get() { return this.getPropertyValue('cursor'); },
      set(v) { ++window.cursorSets; this.setProperty('cursor', v); },
    });
    window.plotline.frameStats(); // (forgets earlier frames)
  });
  for (let k = 0; k < 6; ++k) {
    await page.mouse.move(at.x + 1, at.y + at.h / 2 + (k % 2));
    await frames(page, 2);
  }
  const ran = (await page.evaluate(() => window.plotline.frameStats())).frameMs.length;
  assert.ok(ran >= 5, `${ran} frames ran`);
  assert.equal(await page.evaluate(() => window.cursorSets), 0);
  assert.equal(await cursor(), 'ew-resize');
  assert.deepEqual(errors, []);
});

test('dragging the right end resizes the task; Ctrl+Z restores its duration', async () => {
  const { page } = await fresh();
  const before = await state(page);
  // A task finishing Monday to Wednesday: two more calendar days are two more working days.
  let pick;
  for (const { t, row } of leaves(before)) {
    const finish = (await datesOf(page, row)).finish;
    if ([1, 2, 3].includes(new Date(finish + 'T00:00:00Z').getUTCDay())) { pick = { t, row, finish }; break; }
  }
  assert.ok(pick, 'a task finishing early in a week');
  const { t, row } = pick;
  const px = (await status(page)).pixelsPerDay;
  await page.mouse.move(0, 0);
  await drag(page, `gantt.bar.${row}.end`, px * 2 + 1); // two more calendar days
  const after = (await state(page)).tasks[row];
  assert.equal(after.duration, t.duration + 2 * 480, `duration ${t.duration} → ${after.duration}`);
  assert.equal((await datesOf(page, row)).finish, plusDays(pick.finish, 2));
  await undo(page);
  assert.equal((await state(page)).tasks[row].duration, t.duration);
});

test('dragging from one bar\'s end dot onto another bar draws a link; clicking it edits or deletes it', async () => {
  const { page } = await fresh();
  const before = await state(page);
  const a = freeLeaves(before)[0];
  const b = leaves(before).find(({ t, row }) => row > a.row + 2 && !before.links.some((l) => l.predecessor === a.t.id && l.successor === t.id));
  const from = await widget(page, `gantt.bar.${a.row}.linkEnd`);
  const to = await widget(page, `gantt.bar.${b.row}`);
  // Drop on the left part of the target bar: finish-to-start.
  await page.mouse.move(from.x + from.w / 2, from.y + from.h / 2);
  await frames(page, 3);
  await drag(page, `gantt.bar.${a.row}.linkEnd`, to.x + Math.min(6, to.w / 4) - (from.x + from.w / 2), to.y + to.h / 2 - (from.y + from.h / 2), { steps: 10 });
  const s = await state(page);
  assert.equal(s.links.length, before.links.length + 1);
  const link = s.links.find((l) => l.predecessor === a.t.id && l.successor === b.t.id);
  assert.ok(link, 'a link from the first task to the second');
  assert.equal(link.type, 'FS');
  await screenshot(page, 'gantt-after-link');

  // Click the link: its editor opens; delete it.
  await click(page, `gantt.link.${a.row}.${b.row}`);
  await widget(page, 'link.delete');
  await screenshot(page, 'gantt-link-popup');
  await click(page, 'link.delete');
  assert.equal((await state(page)).links.length, before.links.length);
  await undo(page); // the deletion: the link is back
  assert.ok((await state(page)).links.some((l) => l.id === link.id));
  await undo(page); // the link itself
  assert.equal((await state(page)).links.length, before.links.length);
  assert.ok(!(await state(page)).links.some((l) => l.id === link.id));
  await press(page, 'Control+y');
  assert.ok((await state(page)).links.some((l) => l.id === link.id), 'redo draws it again');
});

test('Tab indents the selected task under the one above; Shift+Tab and Ctrl+Z undo it', async () => {
  const { page } = await fresh();
  const before = await state(page);
  // A task whose previous row is a sibling (same parent) that is a plain task.
  const row = before.tasks.findIndex((t, i) => i > 0 && before.tasks[i - 1].parent === t.parent &&
    !before.tasks.some((c) => c.parent === before.tasks[i - 1].id) && !before.tasks.some((c) => c.parent === t.id));
  assert.ok(row > 0);
  await click(page, `task.row.${row}`);
  await press(page, 'Tab');
  let s = await state(page);
  assert.equal(s.tasks[row].parent, before.tasks[row - 1].id, 'now a child of the task above');
  await press(page, 'Shift+Tab');
  s = await state(page);
  assert.equal(s.tasks[row].parent, before.tasks[row].parent);
  await undo(page); // the outdent: indented again
  assert.equal((await state(page)).tasks[row].parent, before.tasks[row - 1].id);
  await undo(page); // the indent
  assert.equal((await state(page)).tasks[row].parent, before.tasks[row].parent);
  assert.equal((await state(page)).tasks.length, before.tasks.length);
});

test('rows pasted from a spreadsheet become tasks below the selection; copy gives tab-separated rows', async () => {
  const { page } = await fresh();
  const before = await state(page);
  await click(page, 'task.row.2');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Shoot product photos\t3d\r\nRetouch photos\t2d\r\n');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await frames(page, 4);
  const s = await state(page);
  assert.equal(s.tasks.length, before.tasks.length + 2);
  const shoot = s.tasks.find((t) => t.name === 'Shoot product photos');
  const retouch = s.tasks.find((t) => t.name === 'Retouch photos');
  assert.equal(shoot.duration, 3 * 480);
  assert.equal(retouch.duration, 2 * 480);
  assert.equal(shoot.parent, before.tasks[2].parent, 'siblings of the selected task');
  assert.match((await status(page)).message, /Pasted 2 tasks/);

  // Both pasted rows are selected: copying them gives a header and two rows.
  const copied = await page.evaluate(() => {
    const data = new DataTransfer();
    document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true }));
    return data.getData('text/plain');
  });
  const lines = copied.trim().split('\n');
  assert.equal(lines[0], 'Name\tDuration\tStart\tFinish\t% Complete\tOutline Level');
  assert.equal(lines.length, 3);
  assert.match(lines[1], /^Shoot product photos\t3d\t/);

  await undo(page);
  assert.equal((await state(page)).tasks.length, before.tasks.length);
});

test('double-clicking a bar opens the task editor; a deadline set there shows on the chart', async () => {
  const { page } = await fresh();
  const before = await state(page);
  const { row } = freeLeaves(before)[0];
  await click(page, `gantt.bar.${row}`, { double: true });
  await waitStatus(page, (s) => s.editor);
  await click(page, 'editor.deadline');
  await page.keyboard.type(before.project.start, { delay: 20 }); // a deadline on the first day: missed
  await frames(page, 3);
  await screenshot(page, 'gantt-task-editor');
  await click(page, 'editor.ok');
  await waitStatus(page, (s) => !s.editor);
  const t = (await state(page)).tasks[row];
  assert.equal(t.deadline, before.project.start);
  await widget(page, `gantt.deadline.${row}`);
  await screenshot(page, 'gantt-deadline');
  await undo(page);
  assert.equal((await state(page)).tasks[row].deadline, undefined);
});

test('a double click still opens the editor when a slow frame falls between its two clicks', async () => {
  const { page } = await fresh();
  const before = await state(page);
  const row = leaves(before)[1].row;
  const w = await widget(page, `gantt.bar.${row}`);
  await page.mouse.move(w.x + Math.min(w.w / 2, 40), w.y + w.h / 2);
  await frames(page, 3);
  // The first click, and the frame that sees it; then 330 ms in which the page draws nothing (a big
  // plan's edit, a window drawn for the first time) and, at their end, the second click: within the
  // half second that the systems allow a double click, though the app's frames are 0.33 s apart.
  // The events are the page's own (through CDP each would wait for a frame of its own).
  const [x, y] = [w.x + Math.min(w.w / 2, 40), w.y + w.h / 2];
  const apart = await page.evaluate(async ([x, y]) => {
    const click = () => {
      const canvas = document.querySelector('canvas');
      for (const type of ['mousedown', 'mouseup'])
        canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mousedown' ? 1 : 0, bubbles: true }));
    };
    click();
    const t0 = performance.now();
    await new Promise((seen) => requestAnimationFrame(() => setTimeout(seen, 0))); // after the app's frame
    const t1 = performance.now();
    while (performance.now() - t1 < 330);
    click();
    return performance.now() - t0;
  }, [x, y]);
  assert.ok(apart < 480, `the two clicks came ${apart} ms apart`);
  const s = await waitStatus(page, (s) => s.editor);
  assert.equal(s.selectedTask.name, before.tasks[row].name);
  await press(page, 'Escape');
  await waitStatus(page, (s) => !s.editor);
  // Two clicks 600 ms apart are two clicks, not a double click.
  await page.waitForTimeout(600);
  await page.mouse.down();
  await page.mouse.up();
  await frames(page, 1);
  await page.waitForTimeout(600);
  await page.mouse.down();
  await page.mouse.up();
  await frames(page, 6);
  assert.equal((await status(page)).editor, false);
  // The first press seen by a frame of its own, then its release and the whole second click between
  // two frames: a double click too.
  await page.waitForTimeout(600);
  await page.evaluate(async ([x, y]) => {
    const canvas = document.querySelector('canvas');
    const send = (type) => canvas.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mousedown' ? 1 : 0, bubbles: true }));
    send('mousedown');
    await new Promise((seen) => requestAnimationFrame(() => setTimeout(seen, 0))); // after the app's frame
    send('mouseup');
    send('mousedown');
    send('mouseup');
  }, [x, y]);
  await waitStatus(page, (s) => s.editor);
});

test('a Ctrl+Z tapped between two frames still undoes (key events of one frame are all seen)', async () => {
  const { page } = await fresh();
  const before = (await status(page)).tasks;
  await click(page, 'task.row.3');
  await press(page, 'Insert');
  await press(page, 'Escape');
  assert.equal((await status(page)).tasks, before + 1);
  // The whole tap, Ctrl down to Ctrl up, inside one task: the app sees it at a single frame, as it
  // does when a big plan makes frames slow.
  await page.evaluate(() => {
    const key = (type, code, key, ctrlKey) => window.dispatchEvent(new KeyboardEvent(type, { code, key, ctrlKey, bubbles: true }));
    key('keydown', 'ControlLeft', 'Control', true);
    key('keydown', 'KeyZ', 'z', true);
    key('keyup', 'KeyZ', 'z', true);
    key('keyup', 'ControlLeft', 'Control', false);
  });
  await frames(page, 4);
  assert.equal((await status(page)).tasks, before, 'the inserted task is undone');
});
