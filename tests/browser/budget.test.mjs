// The money side in the real wasm build: a producer edits a cost line, books a cost, approves a change
// request and sees the dashboard's numbers follow; the status report downloads and copies; all of it
// is still there after a reload (IndexedDB).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { freshAppPerTest, state, status, widget, widgets, click, press, frames, screenshot, waitStatus, appReady, typeInto } from './harness.mjs';

const fresh = freshAppPerTest(before, after);
let scratch;
before(async () => { scratch = await mkdtemp(join(tmpdir(), 'plotline-budget-')); });
after(async () => { await rm(scratch, { recursive: true, force: true }); });

const report = (page) => page.evaluate(() => window.plotline.report());
const shown = async (page, name) => (await widget(page, name)).text;

// Euros as the app writes them: "€1,234.50", "-€12.00".
function euros(cents) {
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (cents < 0 ? '-' : '') + '€' + whole + '.' + String(abs % 100).padStart(2, '0');
}

test('a producer edits a cost line, books a cost, approves a change request; the dashboard follows; a reload keeps it', async () => {
  const { page, errors } = await fresh();
  await click(page, 'view.budget');
  const r0 = await report(page);
  assert.equal(await shown(page, 'dashboard.approved'), euros(r0.approvedBudget));
  assert.equal(await shown(page, 'dashboard.ac'), euros(r0.ac));
  assert.equal(await shown(page, 'dashboard.rag'), r0.rag);
  await screenshot(page, 'budget-dashboard-before');

  // 1. The paid social line goes from 25,000.00 to 20,000.00: 5,000 less, and 500 less contingency (10 %).
  await click(page, 'budget.tab.Budget');
  const media = (await state(page)).budgetLines.findIndex((l) => l.category === 'media');
  await typeInto(page, `budget.line.${media}.amount`, '20000');
  assert.equal((await state(page)).budgetLines[media].amount, 2000000);
  const r1 = await report(page);
  assert.equal(r1.approvedBudget, r0.approvedBudget - 550000);
  assert.equal(r1.bac, r0.bac - 500000);

  // 2. A cost booked today on the status date: spent to date grows by it.
  await click(page, 'budget.tab.Actuals');
  const costs = (await state(page)).costs.length;
  await click(page, 'actuals.addCost');
  await typeInto(page, `actuals.cost.${costs}.amount`, '1,500.00');
  const r2 = await report(page);
  assert.equal(r2.ac, r1.ac + 150000);

  // 3. CR-1 (submitted) approved on the board: its task joins the plan, its cost the budget.
  await click(page, 'budget.tab.Change requests');
  assert.equal(await shown(page, 'change.status'), 'Submitted');
  const tasks = (await state(page)).tasks.length;
  await click(page, 'change.approve');
  assert.equal(await shown(page, 'change.status'), 'Approved');
  const s3 = await state(page);
  assert.equal(s3.tasks.length, tasks + 1);
  assert.ok(s3.tasks.some((t) => t.name === 'German localisation'));
  const r3 = await report(page);
  assert.equal(r3.approvedChanges, r2.approvedChanges + 980000);
  assert.ok(r3.approvedBudget > r2.approvedBudget + 980000, 'the cost impact, its contingency and the longer templates task');
  assert.deepEqual(r3.openChangeRequests.map((c) => c.number), [3]);

  // The dashboard shows the new numbers.
  await click(page, 'budget.tab.Dashboard');
  assert.equal(await shown(page, 'dashboard.approved'), euros(r3.approvedBudget));
  assert.equal(await shown(page, 'dashboard.ac'), euros(r3.ac));
  assert.notEqual(await shown(page, 'dashboard.approved'), euros(r0.approvedBudget));
  await page.mouse.move(700, 450); // hover the S-curve: its tooltip shows a week's values
  await frames(page, 4);
  await screenshot(page, 'budget-dashboard-after');

  // Saved: a reload opens the same numbers.
  await waitStatus(page, (s) => s.save === 'Saved');
  await page.reload();
  await appReady(page);
  await waitStatus(page, (s) => s.ready);
  const again = await report(page);
  assert.equal(again.approvedBudget, r3.approvedBudget);
  assert.equal(again.ac, r3.ac);
  assert.equal((await state(page)).changeRequests[0].status, 'approved');

  // Undo is per step: after the reload there is no history, so the approval stays (as saved).
  assert.deepEqual(errors, []);
});

test('the status report: copied and downloaded as Markdown and HTML, with the dashboard numbers', async () => {
  const { page, errors } = await fresh();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await click(page, 'view.budget');
  const r = await report(page);
  await click(page, 'dashboard.report');
  await widget(page, 'report.text');
  await screenshot(page, 'budget-report');

  const download = async (button) => {
    const pending = page.waitForEvent('download');
    await click(page, button);
    const d = await pending;
    const path = join(scratch, d.suggestedFilename());
    await d.saveAs(path);
    return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
  };
  const md = await download('report.downloadMd');
  assert.equal(md.name, 'Aurora-Coffee-Spring-Launch-Campaign-status-2026-11-20.md');
  assert.ok(md.text.startsWith('# Status report: Aurora Coffee — Spring Launch Campaign\n'));
  assert.ok(md.text.includes(`## Overall status: ${r.rag}`));
  for (const k of ['bac', 'pv', 'ev', 'ac', 'eac']) assert.ok(md.text.includes(euros(r[k])), `${k} ${euros(r[k])} in the report`);
  assert.ok(md.text.includes('| CR-1 | German version of the microsite | Submitted | €9,800.00 |'));
  const html = await download('report.downloadHtml');
  assert.ok(html.text.startsWith('<!doctype html>'));
  assert.ok(html.text.includes(`<span class="badge ${r.rag}">${r.rag}</span>`));

  await click(page, 'report.copy');
  await frames(page, 3);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, md.text);

  // The client's monthly summary: work done, no internal costs.
  await click(page, 'report.monthly');
  const summary = await download('report.downloadMd');
  assert.equal(summary.name, 'Aurora-Coffee-Spring-Launch-Campaign-summary-2026-11.md');
  assert.ok(summary.text.includes('## Work completed'));
  assert.ok(!summary.text.includes('€'));

  // The actuals export as a CSV that the import reads back (the same columns).
  await click(page, 'budget.tab.Actuals');
  const actuals = await download('actuals.export');
  assert.equal(actuals.name, 'Aurora-Coffee-Spring-Launch-Campaign-actuals.csv');
  const lines = actuals.text.trim().split('\r\n');
  const plan = await state(page);
  assert.equal(lines[0], 'Date,Hours,Resource,Amount,Category,Task,Vendor,Note');
  assert.equal(lines.length, 1 + plan.hours.length + plan.costs.length);
  assert.ok(lines.includes('2026-11-12,,,9000.00,Vendor,Hero video shoot (vendor),Northlight Studios,NL-0311 deposit (50 %)'));
  await click(page, 'budget.tab.Dashboard');
  await click(page, 'dashboard.report');

  // Keeping the week's numbers adds a point to the earned-value curve (a status record).
  await click(page, 'report.weekly');
  const records = (await state(page)).statusRecords.length;
  await click(page, 'report.record');
  const kept = (await state(page)).statusRecords;
  assert.equal(kept.length, records + 1);
  assert.deepEqual(kept.at(-1), { ac: r.ac, date: '2026-11-20', ev: r.ev, percentComplete: r.percentComplete, pv: r.pv });
  assert.deepEqual(errors, []);
});

test('margin: a cost rate edited in the Budget tab moves the dashboard\'s margin card; a target above it turns it red; a month is invoiced and paid', async () => {
  const { page, errors } = await fresh();
  await click(page, 'view.budget');
  const m0 = (await report(page)).margin;
  assert.equal(m0.known, true);
  assert.equal(await shown(page, 'dashboard.margin'), euros(m0.marginAtCompletion));
  assert.match((await widget(page, 'dashboard.margin.detail')).text, /^\d+\.\d % \(target 25\.0 %\) · to date /);
  await screenshot(page, 'margin-dashboard-before');

  // The front-end developer, with the most planned hours, costs 70.00 an hour instead of 50.00: the
  // forecast margin falls by about their planned hours × 20.00 (scaled by the cost performance so far,
  // EAC = BAC / CPI: within a fifth of it here).
  await click(page, 'budget.tab.Budget');
  const s0 = await state(page);
  const dev = s0.resources.findIndex((r) => r.name === 'Front-end Developer');
  await typeInto(page, `budget.rate.${dev}.cost`, '70.00');
  assert.equal((await state(page)).resources[dev].costRate, 7000);
  const m1 = (await report(page)).margin;
  const person = m0.people.find((x) => x.name === 'Front-end Developer');
  const hours = person.plannedValue / s0.resources[dev].billRate;
  const drop = m0.marginAtCompletion - m1.marginAtCompletion;
  assert.ok(drop > hours * 2000 * 0.8 && drop < hours * 2000 * 1.2, `${drop} for ${hours} h`);
  assert.equal(m1.revenueAtCompletion, m0.revenueAtCompletion); // a fixed fee: the client pays the same
  await click(page, 'budget.tab.Dashboard');
  assert.equal(await shown(page, 'dashboard.margin'), euros(m1.marginAtCompletion));
  assert.notEqual(await shown(page, 'dashboard.margin'), euros(m0.marginAtCompletion));

  // A 40 % target: the forecast is below it (the card is drawn red: see the screenshot).
  await click(page, 'budget.tab.Billing & margin');
  await typeInto(page, 'billing.target', '40');
  assert.equal((await state(page)).project.contract.marginTarget, 4000);
  assert.equal((await report(page)).margin.belowTarget, true);
  await screenshot(page, 'margin-billing-tab');
  await click(page, 'budget.tab.Dashboard');
  assert.match((await widget(page, 'dashboard.margin.detail')).text, /\(target 40\.0 %\)/);
  await screenshot(page, 'margin-dashboard-below-target');

  // November bills the first instalment (invoiced already) and CR-2's fee: the rest is invoiced, then paid.
  await click(page, 'budget.tab.Billing & margin');
  assert.match(await shown(page, 'billing.month.2026-11'), /^November 2026: billable €62,700\.00, invoiced €58,500\.00$/);
  await click(page, 'billing.month.2026-11.invoice');
  let inv = (await state(page)).clientInvoices;
  assert.equal(inv.length, 2);
  assert.equal(inv[1].amount, 420000);
  assert.equal(inv[1].month, '2026-11-01');
  assert.match(await shown(page, 'billing.month.2026-11'), /all invoiced$/);
  await click(page, 'billing.month.2026-11.paid');
  inv = (await state(page)).clientInvoices;
  assert.ok(inv.filter((x) => x.paid).length >= 1);

  // A person with no cost rate: the card says so instead of a figure.
  await click(page, 'budget.tab.Budget');
  await click(page, `budget.rate.${dev}.cost`);
  await press(page, 'Control+a');
  await press(page, 'Delete');
  await press(page, 'Enter');
  assert.equal((await state(page)).resources[dev].costRate, undefined);
  await click(page, 'budget.tab.Dashboard');
  assert.equal(await shown(page, 'dashboard.margin'), 'cost rates missing');
  assert.equal((await report(page)).margin.marginAtCompletion, null);

  // Saved: a reload keeps the target and the invoices.
  await page.reload();
  await appReady(page);
  const after = await state(page);
  assert.equal(after.project.contract.marginTarget, 4000);
  assert.equal(after.clientInvoices.length, 2);
  assert.deepEqual(errors, []);
});
