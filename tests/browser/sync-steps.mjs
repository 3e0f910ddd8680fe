// Steps of the sync UI that several test files take: Project > Sync…, connecting, waiting for a sync,
// renaming a row.
import assert from 'node:assert/strict';
import { click, press, typeText, typeInto, widget, waitStatus, screenshot, state, status } from './harness.mjs';

export async function openSync(page) {
  await click(page, 'menu.Project');
  await click(page, 'menu.Project.Sync');
}

// Project > Sync…, the address (and sign-in), Connect; returns the verdict shown.
export async function connect(page, base, { kind = 'webdav', user, password } = {}) {
  await openSync(page);
  if (kind === 'couchdb') await click(page, 'sync.kind.couchdb');
  await typeInto(page, 'sync.address', base);
  if (user) {
    await click(page, 'sync.signin.user');
    await typeInto(page, 'sync.user', user);
    await typeInto(page, 'sync.password', password);
  }
  await click(page, 'sync.connect');
  await page.waitForFunction(() => {
    const v = window.plotline.widgets()['sync.verdict'];
    return v && !/Connecting/.test(v.text);
  }, null, { timeout: 20000 });
  return (await widget(page, 'sync.verdict')).text;
}

export async function closeWindow(page) { await press(page, 'Escape'); }

export async function waitSynced(page, timeout = 30000) {
  await waitStatus(page, (s) => s.sync && /^Synced/.test(s.sync.sentence) && !s.sync.busy && s.sync.pendingEdits === 0, timeout);
}

export async function rename(page, row, name) {
  for (let attempt = 0; attempt < 3; attempt++) {
    // A cell still being edited (a keystroke lost to a busy frame) is left first.
    if (!(await page.evaluate(() => window.plotline.widgets()))[`task.name.${row}`]) await press(page, 'Escape');
    // Select the row, F2 to edit it (a double-click can read as two clicks when frames are slow).
    await click(page, `task.name.${row}`);
    await press(page, 'F2');
    await press(page, 'Control+a');
    await typeText(page, name);
    await press(page, 'Enter');
    if ((await state(page)).tasks[row].name === name) return;
  }
  await screenshot(page, 'sync-rename-failed');
  assert.fail(`row ${row} was not renamed to ${name}: ${JSON.stringify(await status(page))}`);
}

