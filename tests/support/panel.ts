import { expect, type Frame, type Page } from '@playwright/test';

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
