// The basics a producer reaches for in the first hour: find, print, help, a legend for the chart's
// lines, word when the critical path is out of view, names that links never cross, a new project
// that asks for its name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { freshAppPerTest, state, status, widget, widgets, click, press, frames, screenshot, pixels, typeText, tooltipOf, waitStatus } from './harness.mjs';

const fresh = freshAppPerTest(before, after);

test('Ctrl+F finds tasks by name, notes and people; Enter and Shift+Enter step through them', async () => {
  const { page } = await fresh();
  const p = await state(page);
  await press(page, 'Control+f');
  await widget(page, 'find.text');
  await typeText(page, 'launch');
  const lower = (s) => (s || '').toLowerCase();
  const people = (t) => p.assignments.filter((a) => a.task === t.id).map((a) => p.resources.find((r) => r.id === a.resource)?.name ?? '').join(' ');
  const expected = p.tasks.map((t, i) => [t, i]).filter(([t]) => [t.name, t.notes, people(t)].some((s) => lower(s).includes('launch'))).map(([, i]) => i);
  assert.ok(expected.length >= 3, `${expected.length} tasks mention "launch"`);
  assert.equal((await widget(page, 'find.count')).text, `1 of ${expected.length}`);
  assert.equal((await status(page)).selected, expected[0]);
  await press(page, 'Enter');
  assert.equal((await status(page)).selected, expected[1]);
  assert.equal((await widget(page, 'find.count')).text, `2 of ${expected.length}`);
  await press(page, 'Shift+Enter');
  await press(page, 'Shift+Enter');
  assert.equal((await status(page)).selected, expected[expected.length - 1], 'previous from the first wraps to the last');
  const row = await widget(page, `task.name.${expected[expected.length - 1]}`);
  const timeline = await widget(page, 'gantt.timeline');
  assert.ok(row.y >= timeline.y && row.y + row.h <= timeline.y + timeline.h, 'the match is scrolled into view');
  await screenshot(page, 'find');
  // Nothing found says so; Escape closes the bar.
  await press(page, 'Control+a');
  await typeText(page, 'zebra crossing');
  assert.equal((await widget(page, 'find.count')).text, 'No match');
  await press(page, 'Escape');
  assert.equal((await widgets(page))['find.text'], undefined);
});

test('Ctrl+P prints the plan as shown: a generated page whose sheets fit landscape A4, every task on it', async () => {
  const { page } = await fresh();
  await press(page, 'Control+p');
  await page.waitForFunction(() => (window.plotline.printed || 0) >= 1, null, { timeout: 10000 });
  const html = await page.evaluate(() => document.getElementById('plotline-print').srcdoc);
  const p = await state(page);
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  for (const t of p.tasks) assert.ok(html.includes('>' + escape(t.name) + '</text>'), `${t.name} is printed`);
  assert.match((await status(page)).message, /Printing .*2 pages/);
  // Printed to PDF by the same browser: one sheet a page, nothing cut at the right or bottom.
  const sheet = await page.context().newPage();
  await sheet.setContent(html);
  await sheet.emulateMedia({ media: 'print' });
  const boxes = await sheet.evaluate(() => [...document.querySelectorAll('svg')].map((s) => s.getBoundingClientRect().toJSON()));
  const mm = 96 / 25.4;
  assert.equal(boxes.length, 2);
  for (const b of boxes) {
    assert.ok(b.width <= 277 * mm + 1, `a sheet ${b.width.toFixed(0)} px wide fits 277 mm`);
    assert.ok(b.height <= 178 * mm + 1, `a sheet ${b.height.toFixed(0)} px high fits under the title`);
  }
  const pdf = await sheet.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 2, 'two pages, one per sheet');
  await sheet.setViewportSize({ width: 1200, height: 900 });
  await sheet.emulateMedia({ media: 'screen' });
  await sheet.screenshot({ path: (await import('./harness.mjs')).SHOTS + '/print-page.png' });
  // The table's half of a sheet carries text (names, dates), drawn dark on white.
  const svg = await sheet.evaluate(() => document.querySelector('svg').getBoundingClientRect().toJSON());
  const table = await pixels(sheet, { x: Math.ceil(svg.x), y: Math.ceil(svg.y + svg.height * 0.1), w: Math.floor(svg.width * 0.44), h: Math.floor(svg.height * 0.8) });
  let dark = 0;
  for (let y = 0; y < table.h; y += 2) for (let x = 0; x < table.w; x += 2) if (table.at(x, y).every((c) => c < 120)) dark++;
  assert.ok(dark > 500, `the table's names and dates are printed (${dark} dark pixels sampled)`);
  await sheet.close();
});

test('Help (F1, ?, the Help menu) lists the shortcuts and how to do the common things', async () => {
  const { page } = await fresh();
  await press(page, 'F1');
  await widget(page, 'help.window');
  const texts = Object.entries(await widgets(page)).filter(([k]) => k.startsWith('help.shortcut.')).map(([, w]) => w.text);
  assert.ok(texts.some((t) => t.startsWith('Ctrl+F')));
  assert.ok(texts.some((t) => t.startsWith('Ctrl+P')));
  assert.ok(texts.some((t) => t.startsWith('Ctrl+Z')));
  await screenshot(page, 'help-shortcuts');
  await press(page, 'Escape'); // not a drop-down: the window stays until closed
  await click(page, 'menu.Help');
  await click(page, 'menu.Help.How');
  const how = Object.entries(await widgets(page)).filter(([k]) => k.startsWith('help.how.')).map(([, w]) => w.text);
  assert.ok(how.some((t) => /^Link two tasks/.test(t)), 'how to link tasks');
  assert.ok(how.length >= 8);
  await screenshot(page, 'help-how');
});

test('? opens Help too, when no text is being typed', async () => {
  const { page } = await fresh();
  await page.keyboard.type('?');
  await frames(page, 3);
  await widget(page, 'help.window');
});

test('a legend at the bottom names the red and violet lines', async () => {
  const { page } = await fresh();
  assert.equal((await widget(page, 'legend.today')).text, 'Today');
  assert.equal((await widget(page, 'legend.status')).text, 'Status date'); // the sample has one
  assert.match(await tooltipOf(page, 'legend.status'), /violet line/);
  await click(page, 'toolbar.critical');
  assert.equal((await widget(page, 'legend.critical')).text, 'Critical');
});

test('with the critical path on and none of it in view, the chart says so and takes you there', async () => {
  const { page } = await fresh();
  // The sample opens at its first weeks; its critical tasks come later.
  await click(page, 'toolbar.critical');
  const note = await widget(page, 'gantt.criticalNote');
  assert.match(note.text, /none of the \d+ critical tasks is in view/);
  await screenshot(page, 'critical-note');
  await click(page, 'gantt.criticalNote');
  await frames(page, 3);
  assert.equal((await widgets(page))['gantt.criticalNote'], undefined, 'a critical task is in view now');
  await screenshot(page, 'critical-in-view');
  // Far past the plan's end: none in view again, and the note is back.
  const t = await widget(page, 'gantt.timeline');
  await page.mouse.move(t.x + t.w / 2, t.y + t.h / 2);
  for (let i = 0; i < 40; ++i) { await page.mouse.wheel(400, 0); await frames(page, 1); }
  await frames(page, 4);
  assert.match((await widget(page, 'gantt.criticalNote')).text, /none of the \d+ critical tasks is in view/);
});

test('task names on the chart are never crossed by link lines or grid lines', async () => {
  const { page } = await fresh();
  const ws = await widgets(page);
  const t = ws['gantt.timeline'];
  const labels = Object.entries(ws).filter(([k]) => k.startsWith('gantt.label.')).map(([, w]) => w);
  assert.ok(labels.length >= 10, `${labels.length} labels`);
  const crossed = [];
  for (const l of labels) {
    // The part of the label on screen (the scroll bars left out), one pixel in from its edges.
    const x0 = Math.max(Math.ceil(l.x) + 1, Math.ceil(t.x)), x1 = Math.min(Math.floor(l.x + l.w) - 1, Math.floor(t.x + t.w) - 16);
    const y0 = Math.max(Math.ceil(l.y) + 1, Math.ceil(t.y)), y1 = Math.min(Math.floor(l.y + l.h) - 1, Math.floor(t.y + t.h) - 16);
    const r = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    if (r.w < 4 || r.h < 4) continue;
    const px = await pixels(page, r);
    // The rows just inside the label's top and bottom edge: its own patch, in one colour.
    for (const y of [0, px.h - 1]) {
      const first = px.at(0, y).join();
      for (let x = 1; x < px.w; ++x) if (px.at(x, y).join() !== first) { crossed.push(`${JSON.stringify(r)} row ${y}`); break; }
    }
  }
  assert.deepEqual(crossed, [], 'no line runs through a label');
});

test('Project > New asks for a name and starts today, as an import does', async () => {
  const { page } = await fresh();
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.New');
  await widget(page, 'newProject.name');
  await frames(page, 3); // the dialog gives its name field the keyboard on its first frames
  await typeText(page, 'Holiday microsite');
  await click(page, 'newProject.create');
  await frames(page, 3);
  const p = await state(page);
  assert.equal(p.project.name, 'Holiday microsite');
  const today = await page.evaluate(() => { const d = new Date(); return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10); });
  const day = new Date(today + 'T12:00:00Z').getUTCDay();
  const firstWorking = day === 6 ? 2 : day === 0 ? 1 : 0;
  assert.equal(p.project.start, new Date(Date.parse(today + 'T12:00:00Z') + firstWorking * 86400000).toISOString().slice(0, 10));
  assert.equal((await widget(page, 'header.projectName')).text ?? 'Holiday microsite', 'Holiday microsite');
});

test('the Predecessors column reads and writes MS Project notation, as one undoable step', async () => {
  const { page } = await fresh();
  const before = await state(page);
  const row = 12; // "Visual design: templates"
  const name = before.tasks[row].name;
  const shown = (await widget(page, `task.predecessors.${row}`)).text;
  assert.ok(shown.length > 0, `row ${row + 1} shows its predecessors (${shown})`);
  await click(page, `task.predecessors.${row}`, { double: true });
  await press(page, 'Control+a');
  await typeText(page, '10FS+2d;11SS');
  await press(page, 'Enter');
  const after = await state(page);
  const into = after.links.filter((l) => l.successor === after.tasks[row].id);
  const from = (l) => after.tasks.findIndex((t) => t.id === l.predecessor) + 1;
  assert.deepEqual(into.map((l) => [from(l), l.type ?? 'FS', l.lag ?? 0]).sort(), [[10, 'FS', 960], [11, 'SS', 0]]);
  assert.equal((await widget(page, `task.predecessors.${row}`)).text, '10FS+2d;11SS');
  // A loop is refused whole, and says which tasks it would tie.
  await click(page, `task.predecessors.9`, { double: true });
  await press(page, 'Control+a');
  await typeText(page, String(row + 1));
  await press(page, 'Enter');
  assert.match((await status(page)).message + (await status(page)).dialog, /loop|cycle/i);
  assert.equal((await state(page)).links.length, after.links.length);
  // Undo puts the old predecessors back in one step.
  await press(page, 'Escape');
  await click(page, 'menu.Edit');
  await click(page, 'menu.Edit.Undo');
  assert.equal((await widget(page, `task.predecessors.${row}`)).text, shown);
  assert.equal((await state(page)).tasks[row].name, name);
});

test('at 1024×700 the dashboard cards and the Projects window show their texts whole', async () => {
  const { page } = await fresh();
  await page.setViewportSize({ width: 1024, height: 700 });
  await press(page, 'Control+2');
  await frames(page, 4);
  const ws = await widgets(page);
  const details = Object.keys(ws).filter((k) => /^dashboard\.[a-z]+\.detail$/.test(k));
  assert.ok(details.length >= 8);
  for (const k of details) {
    const card = ws[`dashboard.card.${k.split('.')[1]}`];
    const d = ws[k];
    assert.ok(d.x + d.w <= card.x + card.w, `${k} "${d.text}" ends at ${Math.round(d.x + d.w)}, inside its card (${Math.round(card.x + card.w)})`);
  }
  await screenshot(page, 'dashboard-1024x700');
  // A project with a long name, in the Projects window.
  await press(page, 'Control+1');
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.New');
  await widget(page, 'newProject.name');
  await frames(page, 3); // the dialog gives its name field the keyboard on its first frames
  const long = 'Aurora Coffee - Spring Launch Campaign, phase two: the loyalty app, the store finder and the in-store screens';
  const projects = (await status(page)).projects;
  await typeText(page, long);
  await click(page, 'newProject.create');
  // The library lists it once it is stored (IndexedDB answers a moment later).
  await waitStatus(page, (st) => st.projects === projects + 1 && st.projectName === long);
  await press(page, 'Control+o');
  const win = await widget(page, 'projects.window');
  const all = await widgets(page);
  const usage = all['projects.usage'];
  if (usage) assert.ok(usage.x + usage.w <= win.x + win.w, 'the storage line fits the window');
  const entry = all[`projects.name.${long}`];
  assert.ok(entry, `the long name is listed: ${Object.keys(all).filter((k) => k.startsWith('projects.name.'))}`);
  assert.ok(entry.text.endsWith('\u2026') && entry.text.length < long.length, `cut with an ellipsis: ${entry.text}`);
  assert.ok(entry.x + entry.w <= win.x + win.w);
  assert.equal(await tooltipOf(page, [entry.x + 20, entry.y + entry.h / 2]), long, 'hovering shows the whole name');
  await screenshot(page, 'projects-1024x700');
});

test('the status report window shows the report formatted, the monthly lists in date order', async () => {
  const { page } = await fresh();
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Status report');
  await widget(page, 'report.preview.title');
  assert.match((await widget(page, 'report.preview.badge')).text, /Green|Amber|Red/);
  // Facts read as label and value on one line, not a column of letters.
  const fact = Object.entries(await widgets(page)).find(([k]) => /^report\.section\.\d+\.fact\.Complete$/.test(k));
  assert.ok(fact, 'the Complete fact is shown');
  assert.match(fact[1].text, /^\d+\s?%/);
  assert.ok(fact[1].h < 30 && fact[1].w > 100, `one line: ${Math.round(fact[1].w)}×${Math.round(fact[1].h)} px`);
  await screenshot(page, 'report-preview');
  await click(page, 'report.monthly');
  const ws = await widgets(page);
  const sections = Object.entries(ws).filter(([k]) => /^report\.section\.\d+$/.test(k));
  assert.ok(sections.some(([, w]) => w.text === 'Coming next month'));
  // Each list's dated items in date order.
  const months = { January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12 };
  const dateOf = (t) => { const m = t.match(/(\d{1,2}) ([A-Z][a-z]+) (\d{4})/); return m ? `${m[3]}-${String(months[m[2]]).padStart(2, '0')}-${m[1].padStart(2, '0')}` : null; };
  for (const [k] of sections) {
    const items = Object.entries(ws).filter(([b]) => b.startsWith(k + '.bullet.')).sort((a, b) => Number(a[0].split('.').pop()) - Number(b[0].split('.').pop())).map(([, w]) => dateOf(w.text)).filter(Boolean);
    assert.deepEqual(items, [...items].sort(), `${ws[k].text} in date order`);
  }
  await click(page, 'report.raw');
  await widget(page, 'report.text');
});
