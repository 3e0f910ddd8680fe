// Many projects at once, in the real app: three projects in the library show in the Portfolio with the
// right status; a person booked 60 % in one plan and 50 % in another on the same days is orange only
// when the projects are added up (the People tab and the load pane's "All projects").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, openApp, state, status, widget, widgets, click, press, importFile, screenshot, pixels, tooltipOf, waitStatus } from './harness.mjs';

let browser, server, scratch;
before(async () => {
  browser = await launch();
  server = await serve();
  scratch = await mkdtemp(join(tmpdir(), 'plotline-portfolio-'));
});
after(async () => { await browser?.close(); await server?.close(); await rm(scratch, { recursive: true, force: true }); });

const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);

// A plan file: tasks [name, days, {snet, percent, ana}] with Ana (by email) on the ones marked.
function plan(hex, name, start, client, tasks, units) {
  const id = (n) => hex + String(n).padStart(31 - hex.length + 1, '0');
  const t = tasks.map(([task, days, o = {}], i) => ({
    id: id(10 + i), name: task, duration: days * 480, percentComplete: o.percent || 0,
    ...(o.snet ? { constraint: 'SNET', constraintDate: o.snet } : {}),
  }));
  const assignments = tasks.flatMap(([, , o = {}], i) => o.ana ? [{ id: id(30 + i), task: id(10 + i), resource: id(2), units }] : []);
  return JSON.stringify({
    schemaVersion: 4,
    project: { id: id(1), name, start, client },
    tasks: t,
    resources: [{ id: id(2), name: 'Ana', email: hex === 'a' ? 'ana@studio.example' : 'Ana@Studio.example' }],
    assignments,
  });
}

test('three projects in the library: the Portfolio shows each with its status; Ana is over a full day only across projects', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  const sample = (await status(page)).projectName;
  // Today's Monday, and the Monday after: Ana works Mon–Wed next week in both plans.
  const now = new Date(iso(new Date()) + 'T00:00:00Z');
  const monday = addDays(now, -((now.getUTCDay() + 6) % 7));
  const next = iso(addDays(monday, 7));
  // Campaign: nothing due yet, green. Microsite: research three weeks ago, half done: amber.
  const campaign = join(scratch, 'campaign.json'), microsite = join(scratch, 'microsite.json');
  await writeFile(campaign, plan('a', 'Campaign', next, 'Northwind', [['Copy deck', 3, { ana: true }]], 60));
  await writeFile(microsite, plan('b', 'Microsite', iso(addDays(monday, -21)), 'Contoso',
    [['Research', 3, { percent: 50 }], ['Wireframes', 3, { snet: next, ana: true }]], 50));
  await importFile(page, campaign);
  await waitStatus(page, (s) => s.projectName === 'Campaign' && s.save === 'Saved', 15000);
  await importFile(page, microsite);
  await waitStatus(page, (s) => s.projectName === 'Microsite' && s.save === 'Saved', 15000);

  await click(page, 'view.portfolio');
  const s = await waitStatus(page, (s) => s.portfolio && s.portfolio.rows.length === 3 && !s.portfolio.loading, 15000);
  const byName = Object.fromEntries(s.portfolio.rows.map((r) => [r.name, r]));
  assert.equal(byName[sample].status, 'Red');   // over budget and behind as of its status date
  assert.equal(byName.Microsite.status, 'Amber'); // research overdue
  assert.equal(byName.Campaign.status, 'Green');
  assert.deepEqual(s.portfolio.rows.map((r) => r.status), ['Red', 'Amber', 'Green']);
  // On screen: each row's status badge says the same, and its bar is drawn.
  const ws = await widgets(page);
  for (let i = 0; i < 3; i++) {
    assert.equal(ws[`portfolio.row.${i}.status`].text, s.portfolio.rows[i].status);
    assert.equal(ws[`portfolio.row.${i}`].text, s.portfolio.rows[i].name);
    assert.ok(ws[`portfolio.row.${i}.bar`].w > 2, `row ${i} has a bar`);
  }
  await click(page, 'portfolio.row.0.expand'); // the sample's milestones
  await widget(page, 'portfolio.row.0.milestone.0');
  await screenshot(page, 'portfolio-timeline');

  // People: Ana at 60 % + 50 % on three days, orange; each project's share in the tooltip.
  assert.equal(s.portfolio.people.length, 1);
  assert.equal(s.portfolio.people[0].daysOver, 3);
  assert.equal(s.portfolio.people[0].onlyAcross, true);
  await click(page, 'portfolio.tab.people');
  const over = await widget(page, 'portfolio.person.0.over');
  assert.equal(over.text, next);
  const px = await pixels(page, { x: Math.floor(over.x + over.w / 2), y: Math.floor(over.y + over.h - 3), w: 1, h: 1 });
  const [r, g, b] = px.at(0, 0);
  assert.ok(r > 200 && g < 130 && b < 90, `the over-booked day is orange (${r},${g},${b})`);
  const tip = await tooltipOf(page, [over.x + over.w / 2, over.y + over.h - 2]);
  assert.match(tip || '', /Campaign: 60%/);
  assert.match(tip || '', /Microsite: 50%/);
  await screenshot(page, 'portfolio-people');

  // This week: the overdue research is listed as late.
  await click(page, 'portfolio.tab.week');
  const week = (await status(page)).portfolio.week;
  assert.ok(week.late.includes('Microsite / Research'), JSON.stringify(week));

  // Clicking Campaign opens it in the Plan view; its load pane alone shows Ana at 60 %: not orange.
  await click(page, 'portfolio.tab.timeline');
  const rows = (await status(page)).portfolio.rows;
  await click(page, `portfolio.row.${rows.findIndex((r) => r.name === 'Campaign')}`);
  await waitStatus(page, (s) => s.projectName === 'Campaign' && s.view === 'plan', 15000);
  await click(page, 'menu.View');
  await click(page, 'menu.View.Resource load');
  await widget(page, 'load.row.0');
  assert.equal((await widgets(page))['load.over.0'], undefined);
  await click(page, 'load.allProjects');
  const all = await widget(page, 'load.over.0');
  assert.equal((await widgets(page))['load.row.0'].text, 'all projects');
  const [r2, g2, b2] = (await pixels(page, { x: Math.floor(all.x + all.w / 2), y: Math.floor(all.y + all.h - 2), w: 1, h: 1 })).at(0, 0);
  assert.ok(r2 > 200 && g2 < 130 && b2 < 90, `the summed load is orange (${r2},${g2},${b2})`);
  const tip2 = await tooltipOf(page, [all.x + all.w / 2, all.y + all.h - 2]);
  assert.match(tip2 || '', /Campaign: \d+%/); // by day or by week (then the week's average)
  assert.match(tip2 || '', /Microsite: \d+%/);
  await screenshot(page, 'load-all-projects');
  assert.deepEqual(errors, []);
});

test('templates: the open project saved as a template survives a reload; a project started from it and from the digital campaign', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  const open = await state(page); // (the last project the test before opened)
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Save as template');
  await waitStatus(page, (s) => /as a template/.test(s.message), 10000);
  await page.reload();
  await page.waitForFunction(() => window.plotline && window.plotline.ready, null, { timeout: 30000 });
  // Project > New… with the user's template (after the built-in ones).
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.New');
  await click(page, 'newProject.template');
  const ws = await widgets(page);
  const mine = Object.keys(ws).find((k) => /^newProject\.template\.\d+$/.test(k) && / \(yours\)$/.test(ws[k].text || '')) ||
    Object.keys(ws).filter((k) => /^newProject\.template\.\d+$/.test(k)).sort((a, b) => +b.split('.').pop() - +a.split('.').pop())[0];
  await click(page, mine);
  assert.match((await widgets(page))['newProject.template'].text, /\(yours\)$/);
  await screenshot(page, 'new-from-template');
  await click(page, 'newProject.name');
  await press(page, 'Control+a');
  await page.keyboard.type('Summer launch', { delay: 10 });
  await click(page, 'newProject.create');
  await waitStatus(page, (s) => s.projectName === 'Summer launch', 10000);
  const made = await state(page);
  assert.equal(made.tasks.length, open.tasks.length);
  assert.deepEqual(made.tasks.map((t) => t.name), open.tasks.map((t) => t.name));
  assert.ok(made.tasks.every((t) => !t.percentComplete), 'no progress carried over');
  // The digital campaign that comes with Plotline.
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.New');
  await click(page, 'newProject.template');
  await click(page, 'newProject.template.1');
  assert.equal((await widgets(page))['newProject.template'].text, 'Digital campaign');
  await click(page, 'newProject.create');
  await waitStatus(page, (s) => s.tasks === 19, 10000);
  assert.ok((await state(page)).tasks.some((t) => t.name === 'Go live'));
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
});
