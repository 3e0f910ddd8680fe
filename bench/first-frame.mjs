// Cold and warm time to the first drawn frame of the real build in headless Chromium.
//   node bench/first-frame.mjs [runs]     (after scripts/build.sh web)
// Cold: a fresh browser profile each run (nothing cached, empty IndexedDB). Warm: a reload in the
// same profile (HTTP cache and saved plan present). Prints median and range in milliseconds,
// measured by the page itself: performance.now() when window.plotline.ready resolves.
import { serve, launch } from '../tests/browser/harness.mjs';

const runs = Number(process.argv[2] || 5);
const server = await serve();
const cold = [], warm = [], marks = {};
for (let i = 0; i < runs; ++i) {
  const browser = await launch();
  const page = await browser.context.newPage();
  for (const [list, go] of [[cold, () => page.goto(server.url)], [warm, () => page.reload()]]) {
    await go();
    await page.waitForFunction(() => window.plotline && window.plotline.readyAt, null, { timeout: 30000 });
    list.push(await page.evaluate(() => window.plotline.readyAt));
    if (list === cold) {
      const entries = await page.evaluate(() => [
        ['wasm downloaded', performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN],
        ...performance.getEntriesByType('mark').map((e) => [e.name.replace('plotline:', ''), e.startTime])]);
      for (const [name, t] of entries) (marks[name] ||= []).push(t);
    }
  }
  await browser.close();
}
await server.close();
const fmt = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)})`;
};
console.log('cold start milestones (median):');
for (const [name, ts] of Object.entries(marks).sort((a, b) => a[1][0] - b[1][0]))
  console.log(`  ${name.padEnd(16)} ${fmt(ts)}`);
console.log(`first frame, cold (fresh profile): ${fmt(cold)} over ${runs} runs`);
console.log(`first frame, warm (reload):        ${fmt(warm)} over ${runs} runs`);
