// The content pipeline's board in the real app: a pipeline started from its template, ten articles
// added with their stage chains, and a card dragged to the next stage completes that stage in the plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, state, status, widget, widgets, click, drag, press, screenshot, waitStatus } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

test('pipeline board: ten articles by stage; a card dragged to QA completes its writing in the plan; Ctrl+Z puts it back', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.New');
  await click(page, 'newProject.template');
  await click(page, 'newProject.template.4'); // Blank, then the built-in ones: campaign, microsite, app release, content pipeline
  assert.equal((await widgets(page))['newProject.template'].text, 'Content pipeline');
  await click(page, 'newProject.name');
  await press(page, 'Control+a');
  await page.keyboard.type('Northwind blog', { delay: 10 });
  await click(page, 'newProject.create');
  await waitStatus(page, (s) => s.projectName === 'Northwind blog', 10000);

  await click(page, 'view.board');
  await click(page, 'board.add');
  await click(page, 'board.add.ok');
  const s = await waitStatus(page, (s) => s.board && s.board[0].cards.length === 10, 10000);
  assert.deepEqual(s.board.map((c) => c.name), ['Write', 'QA', 'Edit', 'Design', 'Publish', 'Published']);
  assert.deepEqual(s.board[0].cards[0].holders, ['Writer']);
  const plan = await state(page);
  assert.equal(plan.tasks.length, 60);
  await screenshot(page, 'pipeline-board');

  // Article 1 from Write to QA.
  const card = await widget(page, 'board.card.0.0');
  assert.equal(card.text, 'Article 1');
  const qa = await widget(page, 'board.column.1');
  await drag(page, 'board.card.0.0', qa.x + qa.w / 2 - (card.x + card.w / 2), qa.y + 80 - (card.y + card.h / 2), { steps: 10 });
  const after = await waitStatus(page, (s) => s.board[1].cards.some((c) => c.name === 'Article 1'), 10000);
  assert.equal(after.board[0].cards.length, 9);
  assert.deepEqual(after.board[1].cards.find((c) => c.name === 'Article 1').holders, ['QA']);
  const tasks = (await state(page)).tasks;
  const write = tasks[tasks.findIndex((t) => t.name === 'Article 1') + 1];
  assert.equal(write.name, 'Write');
  assert.equal(write.percentComplete, 100);
  assert.ok(write.actualFinish, 'the stage has its actual finish');
  await screenshot(page, 'pipeline-board-moved');
  await press(page, 'Control+z');
  await waitStatus(page, (s) => s.board[0].cards.length === 10, 10000);
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
});
