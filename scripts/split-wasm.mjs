#!/usr/bin/env node
// Splits the linked app in two: plotline.wasm, the functions that opening a plan runs, and
// plotline.deferred.wasm, the rest (dialogs, importers, the budget's tabs, sync...), which the page
// links in (src/platform/web/deferred.js).
//
//   node scripts/split-wasm.mjs LINK_DIR OUT_DIR SHELL_DIR...
//
// OUT_DIR already holds the icons (scripts/make-icons.py). LINK_DIR holds what emcc -sSPLIT_MODULE
// wrote: plotline.js, plotline.data, plotline.wasm.orig (the whole program) and plotline.wasm (the
// same, instrumented to record which functions run). This runs
// the instrumented app in headless Chromium, served with the page shell (SHELL_DIRS), through the
// start-ups a user meets: a first visit (the sample is opened), a reload (the plan comes from the
// library) and a new tab. Every function any of them called stays in plotline.wasm; Binaryen's
// wasm-split moves the others to plotline.deferred.wasm and leaves a placeholder in the table for
// each. OUT_DIR receives plotline.js, plotline.data, plotline.wasm, plotline.deferred.wasm.
// The profiled pages tell the app that the rest of its code is not here (plotlineSplitProfile,
// deferred.js), as on a first visit before it arrives: what waits for it (storing the sample, the
// warm-up; Host::allCodeHere) then does not run, and its code goes to the rest.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { serve, launch, openApp, appReady, frames } = await import(resolve(root, 'tests/browser/harness.mjs'));

const [linkDir, outDir, ...shellDirs] = process.argv.slice(2);
if (!linkDir || !outDir || shellDirs.length === 0) {
  console.error('usage: split-wasm.mjs LINK_DIR OUT_DIR SHELL_DIR...');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'plotline-split-'));
const site = join(work, 'site');
for (const dir of shellDirs) cpSync(dir, site, { recursive: true });
for (const name of ['plotline.js', 'plotline.data', 'plotline.wasm']) copyFileSync(join(linkDir, name), join(site, name));
// Stamped for offline use like a real build, so the runs below start as users' do (the page under its
// service worker from the reload on); the rest is an empty module, as the whole program is here.
cpSync(join(outDir, 'icons'), join(site, 'icons'), { recursive: true });
writeFileSync(join(site, 'plotline.deferred.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
execFileSync('python3', [resolve(root, 'scripts/stamp-offline.py'), site, resolve(root, 'shell/sw.js')], { stdio: 'ignore' });

// The profile of one page: which functions ran, in the order they first did (Binaryen's format).
async function profileOf(page) {
  await appReady(page, 60000);
  // Past the first frame: the stored plan's schedule check (a part a frame from the third), the idle
  // frames.
  await frames(page, 40);
  // The page's JS API that tests and scripts poll belongs to the first part too: reading it never
  // waits for the rest. Not state() (the plan as JSON: the JSON writer, ~9 KB gzipped) nor report().
  await page.evaluate(() => { const p = window.plotline; p.widgets(); p.status(); p.frameStats(); p.memory(); });
  const bytes = await page.evaluate(() => {
    const write = Module.asm.__write_profile;
    const size = write(0, 0);
    const at = Module._malloc(size);
    write(at, size);
    return Array.from(HEAPU8.subarray(at, at + size));
  });
  const file = join(work, `profile-${profiles.length}.data`);
  writeFileSync(file, Buffer.from(bytes));
  profiles.push(file);
}

const profiles = [];
const errors = [];
const watch = (page) => { page.on('pageerror', (e) => errors.push(String(e))); return page; };
const profiling = () => { window.plotlineSplitProfile = true; };
const server = await serve(site);
try {
  // A first visit: the sample is opened.
  const fresh = await launch();
  try {
    const page = watch(await fresh.context.newPage());
    await page.addInitScript(profiling);
    await page.goto(server.url);
    await profileOf(page);
  } finally {
    await fresh.close();
  }
  // A reload and a new tab, on the plan a first visit (not profiled: it stores the sample) left.
  const browser = await launch();
  try {
    const page = watch((await openApp(browser.context, server.url)).page);
    await page.addInitScript(profiling);
    await page.reload();
    await profileOf(page); // a reload: the plan from the library
    const tab = watch(await browser.context.newPage());
    await tab.addInitScript(profiling);
    await page.close();
    await tab.goto(server.url);
    await profileOf(tab); // a new tab
  } finally {
    await browser.close();
  }
  if (errors.length) throw new Error(`the instrumented app failed: ${errors.join('; ')}`);
} finally {
  await server.close();
}

const merged = join(work, 'profile.data');
execFileSync('wasm-split', ['--merge-profiles', ...profiles, '-o', merged], { stdio: 'inherit' });
// --placeholdermap: which function each placeholder stands for (table index:function index; names in
// LINK_DIR/plotline.js.symbols), kept in LINK_DIR to tell which function a page loaded on demand.
execFileSync('wasm-split', ['--enable-mutable-globals', '--enable-bulk-memory', '--export-prefix=%', join(linkDir, 'plotline.wasm.orig'),
  '-o1', join(work, 'plotline.wasm'), '-o2', join(outDir, 'plotline.deferred.wasm'), `--profile=${merged}`, '--placeholdermap'],
  { stdio: 'inherit' });
copyFileSync(join(work, 'plotline.wasm'), join(outDir, 'plotline.wasm'));
copyFileSync(join(work, 'plotline.wasm.placeholders'), join(linkDir, 'plotline.wasm.placeholders'));
for (const name of ['plotline.js', 'plotline.data']) copyFileSync(join(linkDir, name), join(outDir, name));
rmSync(work, { recursive: true, force: true });
console.log(`split ${join(outDir, 'plotline.wasm')}: ${profiles.length} start-ups profiled`);
