// Names in any script, in the real app: the first load fetches no fallback font; a Japanese name
// fetches the Chinese-and-Japanese font then, once, and draws it; Hebrew, Arabic and Hindi rows fetch
// theirs and the user is told what is not laid out; offline, the fonts fetched before still come (the
// service worker kept them), and one never fetched is said to be missing rather than drawn wrong.
// Typing such names: text that comes without key presses (an input method's, a picker's) reaches the
// field being edited, and an input method's composition shows at the caret until it is committed. A
// build whose data lacks the UI font stops with a message that says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openApp, status, state, waitStatus, frames, click, press, screenshot, tooltipOf, freshAppPerTest, widget } from './harness.mjs';

const cleanup = [];
after(async () => { for (const f of cleanup.reverse()) await f(); });

const paste = (page, text) => page.evaluate((text) => {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
}, text);

test('fallback fonts come when a name needs them, once, and stay for offline use', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'plotline-fonts-'));
  cleanup.push(() => rm(profile, { recursive: true, force: true }));
  const server = await serve();
  cleanup.push(() => server.close());
  const browser = await launch({ profile });
  cleanup.push(() => browser.close());
  const fetched = [];
  browser.context.on('request', (r) => { // the app's own fetches (the service worker's go on to the server)
    const path = new URL(r.url()).pathname;
    if (/^\/fonts\/.+\.ttf$/.test(path) && !r.serviceWorker()) fetched.push(path.slice(7));
  });
  let { page, errors } = await openApp(browser.context, server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await frames(page, 6);
  assert.deepEqual(fetched, [], 'the first load fetches no fallback font');
  assert.deepEqual((await status(page)).fonts.held, []);

  // A task renamed in Japanese (pasted into its name, as from an input method or a client's email).
  const name = 'デザイン確認・検収';
  await click(page, 'task.name.1', { double: true });
  await press(page, 'Control+a');
  await paste(page, name);
  await frames(page, 3);
  await press(page, 'Enter');
  assert.equal((await state(page)).tasks[1].name, name);
  let s = await waitStatus(page, (s) => s.fonts.held.includes('cjk.ttf'));
  await frames(page, 3);
  s = await status(page);
  assert.equal(s.fonts.missing, 0, 'every character seen has its glyph in the atlas');
  assert.equal(s.fonts.seen, [...new Set(name)].length);
  assert.deepEqual(fetched.filter((f) => f === 'cjk.ttf'), ['cjk.ttf']);
  await screenshot(page, 'fonts-japanese-name');

  // Rows in Hebrew, Arabic and Hindi pasted from a spreadsheet.
  await click(page, 'task.row.3');
  await paste(page, 'סקירת לקוח\t2d\r\nمراجعة العميل\t2d\r\nग्राहक समीक्षा\t1d\r\n');
  s = await waitStatus(page, (s) => ['hebrew.ttf', 'arabic.ttf', 'devanagari.ttf'].every((f) => s.fonts.held.includes(f)));
  await frames(page, 3);
  s = await status(page);
  assert.equal(s.fonts.missing, 0);
  assert.match(s.message, /Hebrew is shown left to right: Plotline does not lay out right-to-left writing yet\./);
  assert.match(s.message, /Arabic is shown left to right with its letters apart/);
  assert.match(s.message, /Devanagari \(Hindi, Marathi, Nepali\) is shown one character after another/);
  assert.deepEqual([...fetched].sort(), ['arabic.ttf', 'cjk.ttf', 'devanagari.ttf', 'hebrew.ttf']);
  await screenshot(page, 'fonts-rtl-and-indic-rows');
  // Longer than the status bar: it ends in "…" and shows whole on hover.
  assert.equal(await tooltipOf(page, 'status.message'), s.message);
  await screenshot(page, 'fonts-message-whole-on-hover');
  await waitStatus(page, (s) => s.save === 'Saved', 20000);
  assert.deepEqual(errors, []);
  await page.close();

  // Offline: the app and the fonts it fetched before come from the service worker.
  await browser.context.setOffline(true);
  ({ page, errors } = await openApp(browser.context, server.url));
  s = await waitStatus(page, (s) => s.fonts.held.length === 4, 15000);
  assert.deepEqual(s.fonts.failed, []);
  await frames(page, 3);
  assert.equal((await status(page)).fonts.missing, 0);
  // A script never seen before: its font cannot come, and the user is told.
  await click(page, 'task.name.2', { double: true });
  await press(page, 'Control+a');
  await paste(page, '한국어 검토');
  await frames(page, 3);
  await press(page, 'Enter');
  s = await waitStatus(page, (s) => s.fonts.failed.length === 1);
  assert.equal(s.fonts.failed[0].file, 'korean.ttf');
  assert.match(s.message, /The font for Korean could not be fetched \(.+\): its characters show as \? until it arrives\./);
  await screenshot(page, 'fonts-offline-korean');
  await browser.context.setOffline(false);
});

const fresh = freshAppPerTest(before, after);

test('names are typed in any script: input methods compose at the caret, pickers and dictation type into the field', async () => {
  const { page, errors } = await fresh();
  // Text without key presses (what a character picker or dictation sends), between typed keys.
  await click(page, 'task.name.1', { double: true });
  await press(page, 'Control+a');
  await page.keyboard.type('Key visual — キービジュアル 확정', { delay: 20 });
  await frames(page, 3);
  await press(page, 'Enter');
  assert.equal((await state(page)).tasks[1].name, 'Key visual — キービジュアル 확정');

  // An input method: the composition shows at the caret, stays out of the field, and its keys stay
  // out of the app; the text committed goes in.
  const cdp = await page.context().newCDPSession(page);
  await click(page, 'task.name.2', { double: true });
  await press(page, 'Control+a');
  await cdp.send('Input.imeSetComposition', { text: 'けんしゅう', selectionStart: 5, selectionEnd: 5 });
  await frames(page, 3);
  const box = await page.evaluate(() => {
    const a = document.getElementById('plotline-ime');
    const r = a.getBoundingClientRect();
    return { value: a.value, opacity: getComputedStyle(a).opacity, focused: document.activeElement === a, x: r.x, y: r.y, h: r.height };
  });
  assert.equal(box.value, 'けんしゅう');
  assert.equal(box.opacity, '1', 'the composition is shown');
  assert.ok(box.focused);
  const field = await widget(page, 'task.edit');
  assert.ok(box.x >= field.x && box.x <= field.x + field.w, `composition at x ${box.x}, the field spans ${field.x}–${field.x + field.w}`);
  assert.ok(Math.abs(box.y - field.y) < field.h, `composition at y ${box.y}, the field at ${field.y}`);
  await screenshot(page, 'fonts-ime-composing');
  await cdp.send('Input.insertText', { text: '検収' }); // the candidate picked
  await frames(page, 3);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('plotline-ime')).opacity), '0');
  await press(page, 'Enter');
  assert.equal((await state(page)).tasks[2].name, '検収');
  await waitStatus(page, (s) => ['cjk.ttf', 'korean.ttf'].every((f) => s.fonts.held.includes(f)) && s.fonts.missing === 0);
  // Editing over: the focus goes back where it was (the canvas).
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'canvas');
  assert.deepEqual(errors, []);
});

// The UI font ships in the app's own data (plotline.data), so the web build carries no font of Dear
// ImGui's to fall back on (main.cpp): a build whose data lacks it stops with a message that names it.
test('a build whose data lacks the UI font stops with a message that says so', async () => {
  const server = await serve();
  cleanup.push(() => server.close());
  const browser = await launch();
  cleanup.push(() => browser.close());
  const page = await browser.context.newPage();
  // (fault injection: the package lists the font under another name, so /fonts/ui.ttf is not there)
  let renamed = false;
  await page.route('**/plotline.js', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('filename:"/fonts/ui.ttf"', () => { renamed = true; return 'filename:"/fonts/elsewhere.ttf"'; });
    await route.fulfill({ response, body });
  });
  await page.goto(server.url);
  assert.ok(renamed, 'plotline.js no longer lists /fonts/ui.ttf as this test expects');
  await page.waitForFunction(() => document.getElementById('splash').className === 'error', null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.getElementById('splash').textContent),
    'Plotline stopped: its font (fonts/ui.ttf) could not be read.\nReload the page; your saved plan is kept.');
  await screenshot(page, 'font-missing');
});
