import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { LaunchedExtension } from './extension';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Changes settings through the protocol from an extension page, as the options page does. */
export function updateSettings(page: Page, patch: Record<string, unknown>): Promise<unknown> {
  return page.evaluate((p) => chrome.runtime.sendMessage({ regulars: 1, name: 'settings.update', payload: p }), patch);
}

/**
 * The options page in `locale`, opened in a new page of `ext` at `size`, for a screenshot spec
 * (npm run screenshots); `out` is the folder the pictures go to. The screenshot runs share one
 * profile: the language is said, not inherited from the last test.
 */
export async function optionsPageIn(ext: LaunchedExtension, locale: string, size: { width: number; height: number }): Promise<{ page: Page; out: string }> {
  const out = path.resolve('screenshots');
  mkdirSync(out, { recursive: true });
  const page = await ext.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await updateSettings(page, { locale });
  await page.reload();
  return { page, out };
}
