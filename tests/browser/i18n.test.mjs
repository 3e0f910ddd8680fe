// Languages and formats in the real app: a browser that speaks German gets the German UI with German
// dates and money; Preferences changes the language and the formats and keeps them; the page's lang
// follows; the pseudo-locale (every text 40 % longer) for the screenshots that show nothing is cut
// (the native UI tests check every label's width in each language).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { freshAppPerTest, serve, launch, openApp, status, frames, waitStatus, screenshot, click, widget } from './harness.mjs';

const require = createRequire(import.meta.url);
const german = freshAppPerTest(before, after, { locale: 'de-DE', isoDates: false });

const mirror = (page) => page.evaluate(() => ({
  lang: document.documentElement.lang,
  title: document.title,
  buttons: [...document.querySelectorAll('#a11y button')].map((b) => b.textContent.trim()),
  rows: [...document.querySelectorAll('#a11y-grid [data-key]')].map((r) => [...r.querySelectorAll('[role=gridcell],[role=rowheader]')].map((c) => c.textContent.trim())),
}));

async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

test('a browser that speaks German gets Plotline in German: menus, mirror, dates, money; axe finds nothing', async () => {
  const { page, errors } = await german();
  const s = await waitStatus(page, (s) => s.ready && s.language === 'de');
  assert.equal(s.formats, 'de-DE');
  await frames(page, 4);
  const m = await mirror(page);
  assert.equal(m.lang, 'de');
  for (const b of ['Vorgang hinzufügen', 'Tastenkürzel', 'Rückgängig', 'Projekte'])
    assert.ok(m.buttons.some((x) => x.startsWith(b)), `no button ${b} in ${JSON.stringify(m.buttons)}`);
  // Dates in the table as Germans write them: 3.11.2026.
  const withDates = m.rows.filter((r) => r.length > 2);
  assert.ok(withDates.length > 5, 'no rows in the mirror');
  for (const r of withDates.slice(0, 5)) assert.match(r[1], /^\d{1,2}\.\d{1,2}\.\d{4}$/, `start ${r[1]}`);
  assert.match(withDates[0][4], /^\d+\u00a0%$/, `done ${withDates[0][4]}`); // 40 % with a no-break space
  await screenshot(page, 'i18n-german-plan');
  // The Project menu, and the Budget view with its money in German.
  await click(page, 'menu.Project');
  await frames(page, 2);
  await screenshot(page, 'i18n-german-menu');
  await page.keyboard.press('Escape');
  await click(page, 'view.budget');
  await waitStatus(page, (s) => s.view === 'budget');
  await frames(page, 6);
  const money = await page.evaluate(() => document.getElementById('a11y').textContent);
  assert.match(money, /\d{1,3}(\.\d{3})*,\d\d\u00a0€/, 'no amount written 12.345,67 €');
  assert.match(money, /Genehmigtes Budget|Gesamtstatus|Status/);
  await screenshot(page, 'i18n-german-budget');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
});

// German texts are a file of their own (i18n/de.cat), not part of the program: read while the program
// downloads, so the first frame is already German; kept by the service worker for offline use.
const catalogueFetches = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => /\/i18n\/[a-z]+\.cat$/.test(e.name)).map((e) => [e.name.split('/').pop(), e.startTime, e.responseEnd]));

test('the German texts come before the first frame, and offline too', async () => {
  const server = await serve();
  const browser = await launch({ locale: 'de-DE', isoDates: false });
  try {
    // A slow answer for the texts: the first frame waits for them rather than showing English.
    await browser.context.route('**/i18n/de.cat', async (route) => { await new Promise((ok) => setTimeout(ok, 1500)); await route.continue(); });
    const { page, errors } = await openApp(browser.context, server.url);
    const readyAt = await page.evaluate(() => window.plotline.readyAt);
    const fetched = await catalogueFetches(page);
    assert.deepEqual(fetched.map((f) => f[0]), ['de.cat']);
    assert.ok(fetched[0][2] <= readyAt, `the texts arrived at ${fetched[0][2]} ms, the first frame was at ${readyAt} ms`);
    assert.ok((await mirror(page)).buttons.some((x) => x.startsWith('Vorgang hinzufügen')));
    // (The service worker, registered once the plan is on screen, may be fetching the texts too:
    // its request, held for 1.5 s, is let through before the route goes.)
    await browser.context.unrouteAll({ behavior: 'wait' });

    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await browser.context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.plotline && window.plotline.readyAt, null, { timeout: 30000 });
    await frames(page, 3);
    const m = await mirror(page);
    assert.ok(m.buttons.some((x) => x.startsWith('Vorgang hinzufügen')), `offline: ${JSON.stringify(m.buttons)}`);
    await browser.context.setOffline(false);
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|net::/.test(e)), []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('Preferences changes the language and the date format, and both are kept after a reload', async () => {
  const { page, errors } = await german();
  await waitStatus(page, (s) => s.ready && s.language === 'de');
  await click(page, 'menu.View');
  await click(page, 'menu.View.Preferences');
  await frames(page, 3);
  await screenshot(page, 'i18n-german-preferences');
  await click(page, 'prefs.language');
  await click(page, 'prefs.language.fr');
  await waitStatus(page, (s) => s.language === 'fr');
  await click(page, 'prefs.formats');
  await click(page, 'prefs.formats.ja-JP');
  await waitStatus(page, (s) => s.formats === 'ja-JP');
  await click(page, 'prefs.close');
  await frames(page, 4);
  let m = await mirror(page);
  assert.equal(m.lang, 'fr');
  assert.ok(m.buttons.some((x) => x.startsWith('Ajouter une tâche')), JSON.stringify(m.buttons));
  assert.match(m.rows.find((r) => r.length > 2)[1], /^\d{4}\/\d{1,2}\/\d{1,2}$/); // 2026/11/3
  await page.reload();
  await waitStatus(page, (s) => s.ready && s.language === 'fr' && s.formats === 'ja-JP');
  // Back to what the browser says.
  await click(page, 'menu.View');
  await click(page, 'menu.View.Preferences');
  await click(page, 'prefs.language');
  await click(page, 'prefs.language.system');
  await click(page, 'prefs.formats');
  await click(page, 'prefs.formats.system');
  await waitStatus(page, (s) => s.language === 'de' && s.formats === 'de-DE');
  assert.deepEqual(errors, []);
});

test('the pseudo-locale stretches every text by 40 % for the screenshots', async () => {
  const { page, errors } = await german();
  await page.evaluate(() => localStorage.setItem('plotline.language', 'pseudo'));
  await page.reload();
  await waitStatus(page, (s) => s.ready && s.language === 'pseudo');
  await frames(page, 4);
  const m = await mirror(page);
  assert.equal(m.lang, 'en');
  assert.ok(m.buttons.some((x) => x.startsWith('[Áđđ ţášķ]')), JSON.stringify(m.buttons));
  await screenshot(page, 'i18n-pseudo-plan');
  await click(page, 'menu.Edit');
  await frames(page, 2);
  await screenshot(page, 'i18n-pseudo-menu');
  await page.keyboard.press('Escape');
  await click(page, 'view.budget');
  await frames(page, 6);
  await screenshot(page, 'i18n-pseudo-budget');
  assert.deepEqual(errors, []);
});
