import { expect, type BrowserContext, type Frame, type Page } from '@playwright/test';

/**
 * The buyer panel is an extension frame inside a closed shadow root: CSS selectors from the page
 * can't reach it (that is the point), but Playwright sees every frame of the page.
 */
export async function panelFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/panel.html')), {
      message: 'the Regulars panel frame appears on the page',
    })
    .toBeTruthy();
  return frame!;
}

export const usd = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

export function conversationOf(seed: { conversations: { id: string; handle: string }[] }, handle: string): string {
  const conversation = seed.conversations.find((c) => c.handle === handle);
  if (!conversation) throw new Error(`The demo seed has no conversation with ${handle}`);
  return conversation.id;
}

/**
 * Sets a reminder from the panel, due at the first whole minute at least `inMs` from now in the
 * browser's own clock (the time field takes hours and minutes): the date as an English reader writes
 * it (month first), the time beside it. Returns when it is due.
 */
export async function setReminderInPanel(chat: Page, panel: Frame, reason: string, inMs: number): Promise<number> {
  const due = await chat.evaluate((ms) => {
    const d = new Date(Math.ceil((Date.now() + ms) / 60_000) * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return { at: d.getTime(), date: `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
  }, inMs);
  await panel.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await panel.getByRole('textbox', { name: 'On date' }).fill(due.date);
  await panel.getByLabel('Time', { exact: true }).fill(due.time);
  await panel.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(panel.getByTestId('member-reminders')).toContainText(reason);
  return due.at;
}

/** A new tab on the demo marketplace's chat `conversation`, and its panel. */
export async function openChat(context: BrowserContext, demoUrl: string, conversation: string): Promise<{ page: Page; panel: Frame }> {
  const page = await context.newPage();
  await page.goto(`${demoUrl}/chat/${conversation}`);
  return { page, panel: await panelFrame(page) };
}
