// Share with client…: the window previews the view, and the client pack it downloads reads in a
// browser (it has no script), at desktop and phone widths, holding the plan and nothing internal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshAppPerTest, click, widget, screenshot, state, launch } from './harness.mjs';

let scratch;
const fresh = freshAppPerTest(before, after);
before(async () => { scratch = await mkdtemp(join(tmpdir(), 'plotline-share-')); });
after(async () => { await rm(scratch, { recursive: true, force: true }); });

test('share: the preview says what the client gets; the client pack (no script in it) reads on a desktop and a phone, with no vendor or note in it', async () => {
  const { page, errors } = await fresh();
  const plan = await state(page);
  await click(page, 'toolbar.share');
  const holds = (await widget(page, 'share.preview.holds')).text;
  const shown = plan.tasks.filter((t) => !t.internal);
  assert.ok(shown.length < plan.tasks.length, 'the sample has tasks marked internal');
  assert.ok(holds.startsWith(`${shown.length} tasks (${plan.tasks.length - shown.length} marked internal left out), `), holds);
  assert.match((await widget(page, 'share.preview.out')).text, /budget/);
  await screenshot(page, 'share-window');

  const pending = page.waitForEvent('download');
  await click(page, 'share.pack');
  const d = await pending;
  assert.match(d.suggestedFilename(), /client view\.html$/);
  const path = join(scratch, 'pack.html');
  await d.saveAs(path);
  const text = await readFile(path, 'utf8');
  for (const v of plan.vendors) assert.ok(!text.includes(v.name), `vendor ${v.name} left out`);
  for (const t of plan.tasks) if (t.notes && t.notes.length > 8) assert.ok(!text.includes(t.notes), 'notes left out');
  for (const t of plan.tasks) if (t.internal) assert.ok(!text.includes(t.name), `internal task ${t.name} left out`);

  // The client's side: a browser with scripts off opens the page.
  const client = await launch();
  try {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const p = await client.context.newPage();
      await p.setViewportSize(viewport);
      await p.goto(pathToFileURL(path).href);
      const rows = await p.locator('section[aria-labelledby="ta"] tbody tr').count();
      assert.equal(rows, shown.length);
      assert.equal(await p.locator('h1').innerText(), plan.project.name);
      assert.ok(await p.locator('svg[role="img"]').count() === 1, 'the timeline is there');
      assert.equal(await p.locator('script').count(), 0);
      const wide = await p.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= viewport.width + 1, `${name}: no sideways scrolling of the page (${wide} px)`);
      await p.screenshot({ path: join(process.env.PLOTLINE_SHOTS || join(import.meta.dirname, '../../build/screenshots'), `share-pack-${name}.png`) });
      await p.close();
    }
    // Printed: A4 and Letter PDFs from Chromium's print path, and a picture of the A4 page as printed.
    const shots = process.env.PLOTLINE_SHOTS || join(import.meta.dirname, '../../build/screenshots');
    const p = await client.context.newPage();
    await p.goto(pathToFileURL(path).href);
    for (const format of ['A4', 'Letter']) {
      const pdf = await p.pdf({ format, printBackground: true, path: join(shots, `share-pack-${format}.pdf`) });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.ok(pages >= 1 && pages <= 4, `${format}: ${pages} pages`);
      console.log(`client pack printed on ${format}: ${pages} pages, ${pdf.length} bytes`);
    }
    await p.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await p.emulateMedia({ media: 'print' });
    assert.equal(await p.evaluate(() => document.documentElement.scrollWidth <= 794), true, 'the printed page is no wider than A4');
    await p.screenshot({ path: join(shots, 'share-pack-print-A4.png') });
    await p.close();
  } finally {
    await client.close();
  }
  assert.deepEqual(errors, []);
});
