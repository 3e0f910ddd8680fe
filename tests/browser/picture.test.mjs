// Project > Export chart as picture: the SVG and the PNG of the sample, checked for size and for bars
// where the plan puts them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, openApp, state, widget, click, screenshot, decodePng, SHOTS } from './harness.mjs';

let browser, server, scratch;
before(async () => {
  browser = await launch();
  server = await serve();
  scratch = await mkdtemp(join(tmpdir(), 'plotline-picture-'));
});
after(async () => { await browser?.close(); await server?.close(); await rm(scratch, { recursive: true, force: true }); });

async function download(page, button) {
  const pending = page.waitForEvent('download');
  await click(page, button);
  const d = await pending;
  const path = join(scratch, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: await readFile(path) };
}

test('the chart as SVG and PNG: every bar of the plan drawn where its dates are, at the size asked', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  const plan = await state(page);
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Export picture');
  await widget(page, 'picture.svg');
  await click(page, 'picture.choose'); // the whole plan: its own span, every level
  await widget(page, 'picture.depth');
  await screenshot(page, 'picture-window');

  const svg = await download(page, 'picture.svg');
  assert.match(svg.name, /\.svg$/);
  const text = svg.bytes.toString('utf8');
  // Parsed by the browser's own XML parser: well-formed, and the bars counted.
  const drawn = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const root = doc.documentElement;
    const bars = [...doc.querySelectorAll('rect.bar, rect.crit')].map((r) => ({ x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'), h: +r.getAttribute('height') }));
    return { width: +root.getAttribute('width'), height: +root.getAttribute('height'), bars, milestones: doc.querySelectorAll('path.ms').length, summaries: doc.querySelectorAll('rect.sum').length };
  }, text);
  assert.equal(drawn.error, undefined);
  const parents = new Set(plan.tasks.map((t) => t.parent).filter(Boolean));
  const leaves = plan.tasks.filter((t) => !parents.has(t.id));
  assert.equal(drawn.summaries, parents.size);
  assert.equal(drawn.milestones, leaves.filter((t) => t.milestone || t.duration === 0).length);
  assert.equal(drawn.bars.length, leaves.filter((t) => !(t.milestone || t.duration === 0)).length);
  assert.equal(drawn.width, 1600);

  // The PNG at twice the size: its pixels at each bar's middle are the bar's blue.
  const png = await download(page, 'picture.png');
  assert.match(png.name, /\.png$/);
  await writeFile(join(SHOTS, 'chart-export.png'), png.bytes);
  const sampled = await decodePng(page, png.bytes, drawn.bars.map((b) => [Math.round((b.x + b.w / 2) * 2), Math.round((b.y + 26 + b.h / 2) * 2)]));
  assert.equal(sampled.w, drawn.width * 2);
  assert.equal(sampled.h, Math.round(drawn.height * 2));
  const blue = ([r, g, b]) => b > 180 && r < 120 && g < 170; // #5b8def, #2a5fc9 (done) or close by antialiasing
  const red = ([r, g, b]) => r > 160 && g < 120 && b < 130;   // critical
  const onBars = sampled.px.filter((p) => blue(p) || red(p)).length;
  assert.equal(onBars, sampled.px.length, 'every bar is painted where the SVG puts it');
  assert.ok((await page.evaluate(() => window.plotline.pictures)) >= 1);
  assert.deepEqual(errors, []);
  await page.close();
});
