import type { Page } from '@playwright/test';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Changes settings through the protocol from an extension page, as the options page does. */
export function updateSettings(page: Page, patch: Record<string, unknown>): Promise<unknown> {
  return page.evaluate((p) => chrome.runtime.sendMessage({ regulars: 1, name: 'settings.update', payload: p }), patch);
}
