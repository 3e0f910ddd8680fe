// Importing a plan from another tool in the real app (headless Chromium): a generated plan written as
// Microsoft Project XML by the CLI, picked through Project > Import…, timed from the pick to the first
// frame that shows all its tasks; the same plan as Plotline JSON beside it.
//   node bench/import.mjs [sizes…]      (default 10000)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp } from '../tests/browser/harness.mjs';
import { median, waitFor, importThroughPicker } from './open-plan.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../build/native/plotline');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (!sizes.length) sizes.push(10000);

async function importOnce(browser, url, file, n) {
  const { page } = await openApp(browser.context, url);
  await waitFor(page, () => window.plotline.status().save === 'Saved');
  const ms = await importThroughPicker(page, file, n);
  await page.close();
  return ms;
}

const dir = await mkdtemp(join(tmpdir(), 'plotline-import-'));
try {
  const server = await serve();
  const browser = await launch();
  console.log('Import to the first frame showing the plan, headless Chromium; median of 3, milliseconds');
  console.log('  tasks   MS Project XML (MB)   import     Plotline JSON (MB)   import');
  for (const n of sizes) {
    const json = join(dir, `plan-${n}.json`), xml = join(dir, `plan-${n}.xml`);
    execFileSync(cli, ['generate', String(n), json], { stdio: 'ignore' });
    execFileSync(cli, ['convert', json, xml], { stdio: 'ignore' });
    const xmlMs = [], jsonMs = [];
    for (let i = 0; i < 3; ++i) xmlMs.push(await importOnce(browser, server.url, xml, n));
    for (let i = 0; i < 3; ++i) jsonMs.push(await importOnce(browser, server.url, json, n));
    const mb = async (f) => ((await stat(f)).size / 1048576).toFixed(1);
    console.log(`${String(n).padStart(7)}   ${(await mb(xml)).padStart(19)}   ${String(median(xmlMs)).padStart(6)}   ${(await mb(json)).padStart(19)}   ${String(median(jsonMs)).padStart(6)}`);
  }
  await browser.close();
  await server.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
