// From opening a client-view link to the view's first frame, in headless Chromium with the real
// build, and the link lengths.
//   node bench/viewer.mjs [runs]     (after scripts/build.sh all)
// The self-contained links come from `plotline share --link` (the sample, and a 100-task plan); a
// 1000-task plan's is over the 8000-character limit, so it goes as a published link (Apache mod_dav,
// 170 characters) whose time includes fetching and unsealing the view. Cold: a fresh profile each
// run (nothing cached); warm: a reload. Measured by the page: performance.now() at its first frame.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/browser/harness.mjs';
import { startApache } from '../tests/browser/servers.mjs';
import { connect, closeWindow, waitSynced } from '../tests/browser/sync-steps.mjs';
import { openApp, click, importFile, waitStatus } from '../tests/browser/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../build/native/plotline');
const runs = Number(process.argv[2] || 5);
const server = await serve();
const scratch = await mkdtemp(join(tmpdir(), 'plotline-viewer-bench-'));

function linkOf(file) {
  return execFileSync(cli, ['share', file, '--link', server.url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}
const plan = (n) => {
  const file = join(scratch, `plan-${n}.json`);
  execFileSync(cli, ['generate', String(n), file], { stdio: 'ignore' });
  return file;
};

// A published link of the 1000-task plan: a producer imports it, connects to Apache and publishes.
async function publishedLink(file) {
  const apache = await startApache();
  const browser = await launch();
  const { page } = await openApp(browser.context, server.url);
  await importFile(page, file);
  await waitStatus(page, (s) => s.tasks === 1000 && s.save === 'Saved', 60000);
  await connect(page, apache.base);
  await closeWindow(page);
  await waitSynced(page, 60000);
  await click(page, 'toolbar.share');
  await click(page, 'share.publish');
  const s = await waitStatus(page, (x) => x.shares.length === 1 && x.shares[0].published > 0, 30000);
  await browser.close();
  return { link: s.shares[0].link, apache };
}

async function time(link) {
  const cold = [], warm = [];
  for (let i = 0; i < runs; ++i) {
    const browser = await launch();
    const page = await browser.context.newPage();
    for (const [list, go] of [[cold, () => page.goto(link)], [warm, () => page.reload()]]) {
      await go();
      await page.waitForFunction(() => window.plotline && window.plotline.readyAt && window.plotline.status().viewer.state === 'shown', null, { timeout: 60000 });
      list.push(await page.evaluate(() => window.plotline.readyAt));
    }
    await browser.close();
  }
  return { cold, warm };
}

const fmt = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)})`;
};
const sample = resolve(here, '../assets/sample-campaign.json');
const cases = [['sample (41 tasks shown), self-contained', linkOf(sample)], ['100 tasks, self-contained', linkOf(plan(100))]];
const big = await publishedLink(plan(1000));
cases.push(['1000 tasks, published (Apache)', big.link]);
const results = {};
for (const [name, link] of cases) {
  const t = await time(link);
  results[name] = { chars: link.length, cold: t.cold, warm: t.warm };
  console.log(`${name}: link ${link.length} characters; first frame cold ${fmt(t.cold)}, warm ${fmt(t.warm)} over ${runs} runs`);
}
await big.apache.stop();
await server.close();
await rm(scratch, { recursive: true, force: true });
if (process.env.PLOTLINE_BENCH_JSON) console.log(JSON.stringify(results));
