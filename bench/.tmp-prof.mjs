import { execFileSync } from 'node:child_process';
import { serve, launch, click, frames } from '../tests/browser/harness.mjs';
import { openPlotline, waitFor } from './open-plan.mjs';
const n = Number(process.argv[2] || 100000);
const file = `/tmp/exp/plan-${n}.json`;
execFileSync('/work/main/build/native/plotline', ['generate', String(n), file], { stdio: 'ignore' });
const server = await serve(); const browser = await launch();
const { page } = await openPlotline(browser, server.url, file, n, 1);
const rowWidgets = Object.keys(await page.evaluate(() => window.plotline.widgets())).filter((k) => k.startsWith('task.row.'));
await click(page, rowWidgets[Math.floor(rowWidgets.length / 2)]);
await frames(page, 5);
const cdp = await browser.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 4; ++i) {
  await page.keyboard.press('Insert');
  await frames(page, 2);
  await page.keyboard.press('Escape');
  await frames(page, 2);
  await page.keyboard.press('Control+z');
  await frames(page, 3);
}
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const parent = new Map(); for (const x of profile.nodes) for (const c of x.children || []) parent.set(c, x.id);
const self = {}, incl = {};
for (let i = 0; i < profile.samples.length; ++i) {
  const dt = (profile.timeDeltas[i + 1] || 0) / 1000;
  let id = profile.samples[i]; const nd = byId.get(id);
  const k = nd.callFrame.functionName || '(anon)'; self[k] = (self[k] || 0) + dt;
  const seen = new Set();
  while (id !== undefined) { const f = byId.get(id).callFrame.functionName || '(anon)'; if (!seen.has(f)) { incl[f] = (incl[f] || 0) + dt; seen.add(f); } id = parent.get(id); }
}
console.log('SELF'); Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k.slice(0, 120)));
console.log('INCL'); Object.entries(incl).sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k.slice(0, 120)));
await browser.close(); await server.close();
