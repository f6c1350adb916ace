// Accessibility: axe-core finds no serious or critical violation on the panel, popup, options,
// members and reports pages, and every control on them is reachable with Tab.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { conversationOf, panelFrame } from '../support/panel';

type Violation = { id: string; impact?: string | null; help: string; nodes: { target: unknown }[] };

const serious = (violations: Violation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);

/**
 * axe-core run inside the page or frame itself. The panel frame sits in a closed shadow root, out of
 * reach of a page-level run; and for the pages, @axe-core/playwright's builder opened a second page to
 * finish its run, which took most of the spec's time (10 of 13 s on the options page at load 10; axe's
 * own audit 2.8 s).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function frameViolations(frame: Frame): Promise<Violation[]> {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => (await (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe.run()).violations);
}

const CONTROLS = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Tabs through the page (from wherever focus is) and lists the visible, enabled controls of `target`
 * (the page, or a frame in it) that focus never reached.
 */
async function unreachable(page: Page, target: Page | Frame = page): Promise<string[]> {
  await target.evaluate(() => document.addEventListener('focusin', (e) => ((e.target as HTMLElement).dataset.tabReached = '1'), true));
  // A page still drawing what it read (the members overview's segment links) can add controls while
  // focus goes round: a second round reaches those. A control no round reaches is listed.
  let left = await tabRound(page, target);
  if (left.length) left = await tabRound(page, target);
  return left;
}

/** One round of Tab presses through the page (and frame); the controls focus has not reached yet. */
async function tabRound(page: Page, target: Page | Frame): Promise<string[]> {
  const count = (t: Page | Frame) => t.evaluate((sel) => document.querySelectorAll(sel).length, CONTROLS);
  // Enough presses to go round every control of the page and the frame once, and some to spare.
  const presses = (await count(page)) + (target === page ? 0 : await count(target)) + 10;
  // On a page alone, sent together, not one round trip after another: Chromium handles input events
  // in the order they arrive, so focus still walks the page one control at a time (at load 15 the
  // one-by-one presses alone ran the options page past its minute). Into the panel's frame (another
  // process), focus is handed over asynchronously: presses sent meanwhile went to the page, and in
  // one CI run the panel's controls after its first were never reached. There, one at a time.
  if (target === page) await Promise.all(Array.from({ length: presses }, () => page.keyboard.press('Tab')));
  else for (let i = 0; i < presses; i++) await page.keyboard.press('Tab');
  return target.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        // checkVisibility: not display:none, not visibility:hidden, not in a closed <details> (content-visibility).
        .filter((el) => !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }))
        // One radio of a group, one tab of a tab list (roving tabindex -1) takes the focus; arrows move within it.
        .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) && el.getAttribute('tabindex') !== '-1')
        .filter((el) => el.dataset.tabReached !== '1')
        .map((el) => `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[type=${el.type}]` : ''} ${el.getAttribute('aria-label') ?? el.closest('label')?.textContent?.trim().slice(0, 40) ?? el.textContent?.trim().slice(0, 40) ?? ''}`),
    CONTROLS,
  );
}

test.describe('accessibility', () => {
  test.beforeEach(({ demoImported }) => {
    expect(demoImported).toBeTruthy();
  });

  test('the panel beside the chat', async ({ page, demo }) => {
    await page.goto(`${demo.url}/chat/${conversationOf(demo.seed, demo.seed.known.champion)}`);
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('member-card')).toBeVisible();
    expect(serious(await frameViolations(panel))).toEqual([]);
    await page.getByTestId('chat-input').focus();
    expect(await unreachable(page, panel)).toEqual([]);
  });

  for (const [name, path, ready] of [
    ['popup', 'popup.html', 'tab'],
    ['options', 'options.html', 'heading'],
    ['members overview', 'members.html#/', 'heading'],
    ['members table', 'members.html#/members', 'table'],
    ['reports', 'reports.html', 'heading'],
  ] as const) {
    test(`the ${name} page`, async ({ page, ext }) => {
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      await expect(page.getByRole(ready).first()).toBeVisible();
      await page.waitForTimeout(300);
      expect(serious(await frameViolations(page.mainFrame()))).toEqual([]);
      expect(await unreachable(page)).toEqual([]);
    });
  }
});
