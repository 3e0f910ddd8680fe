// Opening a saved plan in Plotline, as the rendering and side-by-side benchmarks measure it: the plan
// file imported through the file picker (timed to its first frame), stored, then opened again by
// reloading the tab and in a new tab (navigation start to the first frame showing the plan, from the
// page's own plotline.readyAt), with the start-up milestones (performance.mark) of the reloads.
import { openApp, status, click, frames } from '../tests/browser/harness.mjs';

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

export async function waitFor(page, fn, arg, timeout = 600000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
}

// The slowest frame of an edit that `act` makes (from it to three frames after the plan's revision
// changed), counting the milliseconds `act` returns of work done outside a frame (a paste's handler).
export async function slowestFrameOf(page, name, act) {
  const revision = (await page.evaluate(() => window.plotline.status())).revision;
  await page.evaluate(() => window.plotline.frameStats()); // forget earlier frames
  const outside = (await act()) || 0;
  await waitFor(page, (r) => window.plotline.status().revision !== r, revision, 30000)
    .catch(async () => { throw new Error(`${name}: nothing changed; ${JSON.stringify(await page.evaluate(() => window.plotline.status()))}`); });
  await frames(page, 3);
  return Math.max(outside, ...(await page.evaluate(() => window.plotline.frameStats())).frameMs);
}

// JS heap in use (V8), through the DevTools protocol: the same measure for Plotline and a peer.
export async function jsHeap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

// Picks the plan's file through Project > Import… in an open tab; the milliseconds from the pick to the
// first frame that shows its n tasks.
export async function importThroughPicker(page, file, n) {
  await click(page, 'menu.Project');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'menu.Project.Import');
  const t0 = Date.now();
  await (await chooser).setFiles(file);
  await waitFor(page, (n) => window.plotline.status().tasks === n, n);
  return Date.now() - t0;
}

// Returns { page, errors, importMs, reload: [ms…], tab: [ms…], marks: {name: [ms…]}, tabMarks (the same
// for the new tabs), checkReload / checkTab: [ms…] (the slowest frame until the stored schedule is
// confirmed), before, after }
// (before/after: plotline.memory() before the import and once it is saved); `page` is the last tab.
export async function openPlotline(browser, url, file, n, runs = 3) {
  let { page, errors } = await openApp(browser.context, url);
  await waitFor(page, () => window.plotline.status().save === 'Saved');
  const before = await page.evaluate(() => window.plotline.memory());
  const importMs = await importThroughPicker(page, file, n);
  await waitFor(page, () => window.plotline.status().save === 'Saved');
  const after = await page.evaluate(() => window.plotline.memory());

  // Reopen: reloads of the tab (the app from the HTTP cache with its compiled code, the plan from
  // IndexedDB), then in a new tab after closing the old one (a fresh renderer: IndexedDB and the
  // wasm's first runs are slower there).
  const reload = [], tab = [], marks = {}, tabMarks = {}, checkReload = [], checkTab = [];
  const opened = async (p, list) => {
    await waitFor(p, () => window.plotline && window.plotline.readyAt, null);
    const s = await status(p);
    if (s.tasks !== n) throw new Error(`reopened with ${s.tasks} tasks, not ${n}`);
    list.push(await p.evaluate(() => window.plotline.readyAt));
    // The frame that confirms the stored schedule with the scheduler (the slowest of the page's frames
    // after its first until then).
    await waitFor(p, () => performance.getEntriesByName('plotline:schedule-checked').length > 0, null);
    await frames(p, 1);
    (list === reload ? checkReload : checkTab).push(Math.max(...(await p.evaluate(() => window.plotline.frameStats())).frameMs.slice(1)));
    const into = list === reload ? marks : tabMarks;
    for (const [name, t] of await p.evaluate(() => performance.getEntriesByType('mark').map((e) => [e.name.replace('plotline:', ''), e.startTime])))
      (into[name] ||= []).push(t);
  };
  for (let i = 0; i < runs; ++i) {
    await page.reload();
    await opened(page, reload);
  }
  for (let i = 0; i < runs; ++i) {
    await page.close({ runBeforeUnload: true });
    await new Promise((ok) => setTimeout(ok, 1500)); // the closed tab's last save settles
    page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await opened(page, tab);
  }
  return { page, errors, importMs, reload, tab, marks, tabMarks, checkReload, checkTab, before, after };
}
