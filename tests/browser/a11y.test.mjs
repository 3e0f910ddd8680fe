// Accessibility in the real app: the mirror beside the canvas as Chromium's accessibility tree sees it
// (through the DevTools protocol, what screen readers are given), focus both ways, an edit announced,
// and axe-core over the page with the sample open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshAppPerTest, state, status, frames, waitStatus, screenshot, click, widget, launch, openApp } from './harness.mjs';

const require = createRequire(import.meta.url);
const fresh = freshAppPerTest(before, after); // an origin, hence a library, of its own per test

// Chromium's accessibility tree, as { role, name, props } nodes with their children's ids.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const simple = (n) => ({
    role: n.role?.value, name: n.name?.value ?? '', ignored: n.ignored,
    props: Object.fromEntries((n.properties || []).map((p) => [p.name, p.value?.value])),
    kids: (n.childIds || []).map((id) => byId.get(id)).filter(Boolean),
  });
  return { all: nodes.map(simple), simple };
}
// The treegrid's rows as the tree gives them: [{ name, level, selected, cells: [...] }].
async function gridRows(page) {
  const { all, simple } = await axTree(page);
  const grid = all.find((n) => n.role === 'treegrid' && !n.ignored);
  assert.ok(grid, 'no treegrid in the accessibility tree');
  const rows = [];
  const walk = (n) => {
    const s = simple(n);
    if (s.role === 'row') rows.push({ name: s.name, level: s.props.level, selected: s.props.selected, cells: s.kids.map((k) => simple(k).name) });
    else s.kids.forEach(walk);
  };
  grid.kids.forEach(walk);
  return { grid, rows: rows.filter((r) => r.cells[0] !== 'Name') };
}
const announced = (page) => page.evaluate(() => document.getElementById('a11y-live').textContent.trim());

test('the task table reaches the accessibility tree as a treegrid, follows the selection both ways, and says what an edit did', async () => {
  const { page, errors } = await fresh();
  const plan = await state(page);
  const st = await status(page);
  await page.waitForFunction(() => document.querySelectorAll('#a11y-grid [data-key]').length > 10);
  let { grid, rows } = await gridRows(page);
  assert.equal(grid.name, `Tasks of ${st.projectName}`);
  // The first rows are the plan's first tasks, in order, with their level and dates.
  assert.deepEqual(rows.slice(0, 5).map((r) => r.cells[0]), plan.tasks.slice(0, 5).map((t) => t.name));
  assert.equal(rows[0].level, 1);
  assert.ok(rows.some((r) => r.level === 2), 'no nested row');
  assert.match(rows[1].cells[1], /^\d{4}-\d\d-\d\d/);
  const { all } = await axTree(page);
  for (const name of ['Plan', 'Budget', 'Undo', 'Add task', 'Keyboard shortcuts'])
    assert.ok(all.some((n) => n.role === 'button' && n.name.startsWith(name)), `no button ${name}`);
  assert.ok(all.some((n) => n.role === 'heading' && n.name === `${st.projectName} \u2014 Plan`), 'no heading');

  // A screen reader moves to the third row: the app selects that task.
  await page.$eval(`#a11y-row-${plan.tasks[2].id}`, (e) => e.focus());
  await waitStatus(page, (s) => s.selected === 2);
  // (the mirror follows in the app's next frame)
  await page.waitForFunction((id) => document.getElementById('a11y-grid').getAttribute('aria-activedescendant') === id, `a11y-row-${plan.tasks[2].id}`, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.$eval('#a11y-grid', (g) => g.getAttribute('aria-activedescendant')), `a11y-row-${plan.tasks[2].id}`);
  // Keys pressed there reach the app: Down selects the next task, and the mirror follows.
  await page.keyboard.press('ArrowDown');
  await waitStatus(page, (s) => s.selected === 3);
  await frames(page, 2);
  ({ rows } = await gridRows(page));
  assert.equal(rows.find((r) => r.selected)?.cells[0], plan.tasks[3].name);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-key')), plan.tasks[3].id);

  // Insert adds a task below it: a new row in the tree, and the live region says so.
  await page.keyboard.press('Insert');
  await waitStatus(page, (s) => s.tasks === plan.tasks.length + 1);
  await frames(page, 2);
  const said = await announced(page);
  assert.equal(said, (await status(page)).undo);
  // (the mirror follows the app's frames: on a busy machine it can be a few frames behind)
  for (let tries = 0; tries < 20; ++tries) {
    ({ grid, rows } = await gridRows(page));
    if (rows.some((r) => r.cells[0] === 'New task')) break;
    await frames(page, 2);
  }
  assert.ok(rows.some((r) => r.cells[0] === 'New task'), 'the new task is not in the tree');
  // Undo from the mirror's button: the row goes, and that is said too.
  await page.$eval('#a11y [data-id="edit.undo"]', (b) => b.click());
  await waitStatus(page, (s) => s.tasks === plan.tasks.length);
  await frames(page, 2);
  assert.match(await announced(page), /^Undone: /);
  await screenshot(page, 'a11y-mirror');
  assert.deepEqual(errors, []);
});

// axe-core's violations on a page: [{ id, impact, nodes, help }].
async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
}
const counts = (vs) => Object.fromEntries(['minor', 'moderate', 'serious', 'critical'].map((k) => [k, vs.filter((v) => v.impact === k).length]));
const severe = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

test('axe-core finds no serious or critical violation with the sample open, nor with the shortcuts dialog', async () => {
  const { page, errors } = await fresh();
  await page.waitForFunction(() => document.querySelectorAll('#a11y-grid [data-key]').length > 10);
  const run = () => axe(page);
  const main = await run();
  console.log('axe, sample open:', JSON.stringify(counts(main)), JSON.stringify(main));
  assert.deepEqual(main.filter((v) => v.impact === 'serious' || v.impact === 'critical'), []);
  await page.$eval('#a11y [data-id="help.keys"]', (b) => b.click());
  await page.waitForFunction(() => !document.getElementById('a11y-dialog').hidden);
  const dialog = await run();
  console.log('axe, shortcuts dialog:', JSON.stringify(counts(dialog)), JSON.stringify(dialog));
  assert.deepEqual(dialog.filter((v) => v.impact === 'serious' || v.impact === 'critical'), []);
  assert.deepEqual(errors, []);
});

test('a plan edited by keys alone: add a task, name it, give it a duration, link it, set its progress, move it a day, undo', async () => {
  const { page, errors } = await fresh();
  const plan = await state(page);
  const mpd = plan.project.calendar?.minutesPerDay ?? 480;
  // Down from the top, one row at a time, to the last row shown.
  for (let k = 0; k < plan.tasks.length; ++k) await page.keyboard.press('ArrowDown');
  let chosen = -2; // wait until the selection stops moving
  for (let was = -1; chosen !== was;) { was = chosen; await frames(page, 6); chosen = (await status(page)).selected; }
  assert.equal(chosen, plan.tasks.length - 1, 'every press of Down moved the selection (to the last row)');
  const last = chosen + 1; // its number in the ID column
  await page.keyboard.press('Insert');
  await waitStatus(page, (s) => s.tasks === plan.tasks.length + 1 && s.selectedTask?.name === 'New task');
  await frames(page, 2);
  await page.keyboard.type('Client review', { delay: 10 }); // a new task's name is being edited
  await page.keyboard.press('Tab'); await frames(page, 2);                   // Start
  await page.keyboard.press('Tab'); await frames(page, 2);                   // Finish
  await page.keyboard.press('Tab'); await frames(page, 2);                   // Duration
  await page.keyboard.type('3d', { delay: 10 });
  await page.keyboard.press('Tab'); await frames(page, 2);                   // Predecessors
  await page.keyboard.type(`${last}FS`, { delay: 10 });
  await page.keyboard.press('Tab'); await frames(page, 2);                   // Done
  await page.keyboard.type('50', { delay: 10 });
  await page.keyboard.press('Enter');
  await frames(page, 4);
  const typed = (await state(page)).tasks.find((t) => t.name === 'Client review');
  assert.equal(typed?.percentComplete, 50, JSON.stringify(typed));
  let s = await waitStatus(page, (s) => s.selectedTask?.name === 'Client review');
  const now = await state(page);
  const task = now.tasks.find((t) => t.name === 'Client review');
  assert.ok(task, 'no task "Client review"');
  assert.equal(task.duration, 3 * mpd);
  assert.equal(task.percentComplete, 50);
  assert.ok(now.links.some((l) => l.predecessor === plan.tasks[chosen].id && l.successor === task.id && (l.type ?? 'FS') === 'FS'), 'no FS link from the last task');
  const start = s.selectedTask.start;
  // Alt+Right: a working day later, said in the live region; Ctrl+Z puts it back.
  await page.keyboard.press('Alt+ArrowRight');
  s = await waitStatus(page, (s) => s.selectedTask.start !== start);
  assert.ok(s.selectedTask.start > start);
  assert.match(await announced(page), new RegExp(`^Moved "Client review" to ${s.selectedTask.start.slice(0, 10)}`));
  await page.keyboard.press('Control+z');
  s = await waitStatus(page, (s) => s.selectedTask.start === start);
  assert.match(await announced(page), /^Undone: Moved "Client review"/);
  assert.deepEqual(errors, []);
});

test('axe-core finds no serious or critical violation in the client view from a link, nor in the client pack; the view reaches the tree', async () => {
  const { page } = await fresh();
  const plan = await state(page);
  await click(page, 'toolbar.share');
  const link = (await widget(page, 'share.copyLink', 10000)).text;
  const scratch = await mkdtemp(join(tmpdir(), 'plotline-a11y-'));
  const client = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const pending = page.waitForEvent('download');
    await click(page, 'share.pack');
    const pack = join(scratch, 'pack.html');
    await (await pending).saveAs(pack);

    const { page: view, errors } = await openApp(client.context, link);
    await view.waitForFunction(() => document.querySelectorAll('#a11y-grid [data-key]').length > 5);
    const { rows } = await gridRows(view);
    const shown = plan.tasks.filter((t) => !t.internal);
    assert.deepEqual(rows.slice(0, 3).map((r) => r.cells[0]), shown.slice(0, 3).map((t) => t.name));
    const { all } = await axTree(view);
    assert.ok(all.some((n) => n.role === 'heading' && n.name === `${plan.project.name} \u2014 shared plan`), 'no heading');
    assert.ok(all.some((n) => n.name.startsWith('Status: ')), 'the status is not said');
    const inView = await axe(view);
    console.log('axe, client view:', JSON.stringify(counts(inView)), JSON.stringify(inView));
    assert.deepEqual(severe(inView), []);
    assert.deepEqual(errors, []);

    const p = await client.context.newPage();
    await p.goto(pathToFileURL(pack).href);
    const inPack = await axe(p);
    console.log('axe, client pack:', JSON.stringify(counts(inPack)), JSON.stringify(inPack));
    assert.deepEqual(severe(inPack), []);
  } finally {
    await client.close();
    await rm(scratch, { recursive: true, force: true });
  }
});

test('seeing: high contrast at 200 % from Preferences, kept across a reload; the system\'s dark scheme followed', async () => {
  const { page, errors } = await fresh();
  await click(page, 'menu.View');
  await click(page, 'menu.View.Preferences');
  await click(page, 'prefs.look.contrast');
  await click(page, 'prefs.scale.200');
  let s = await waitStatus(page, (s) => s.look === 'High contrast' && s.uiScale === 200);
  await frames(page, 3);
  // The text is twice as tall: the menu bar's height doubles.
  const menu = await widget(page, 'menu.Project');
  assert.ok(menu.h >= 40, `menu height ${menu.h}`);
  await click(page, 'prefs.close');
  await frames(page, 2);
  await screenshot(page, 'a11y-high-contrast-200');
  await page.reload();
  await page.waitForFunction(() => window.plotline && window.plotline.readyAt);
  s = await waitStatus(page, (s) => s.ready && s.look === 'High contrast' && s.uiScale === 200);
  // Back to following the system, which asks for dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await click(page, 'menu.View');
  await click(page, 'menu.View.Preferences');
  await click(page, 'prefs.look.system');
  await click(page, 'prefs.scale.100');
  await waitStatus(page, (s) => s.look === 'Dark' && s.uiScale === 100);
  await click(page, 'prefs.close');
  await frames(page, 3);
  await screenshot(page, 'a11y-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await waitStatus(page, (s) => s.look === 'Light', 5000);
  assert.deepEqual(errors, []);
});
