import { serve, launch, openApp, click, screenshot, frames } from './harness.mjs';
const srv = await serve();
const b = await launch();
const { page, errors } = await openApp(b.context, srv.url);
await click(page, 'view.budget');
await page.mouse.move(1300, 880);
await frames(page, 5);
await screenshot(page, 'budget-dashboard');
for (const t of ['Budget', 'Change requests', 'Vendors']) {
  await click(page, 'budget.tab.' + t);
  await page.mouse.move(1300, 880);
  await frames(page, 4);
  await screenshot(page, 'budget-' + t.replace(' ', '-').toLowerCase());
}
console.log(JSON.stringify(errors));
await b.close(); await srv.close();
