import type { BrowserContext } from '@playwright/test';

declare const chrome: { developerPrivate: { addHostPermission(extensionId: string, host: string): Promise<void> } };

/**
 * Playwright can't click Chrome's permission prompt. Instead the hosts are first recorded as
 * allowed by the user through developerPrivate.addHostPermission, the call behind the "Site access"
 * list of chrome://extensions; Chromium then grants a permissions.request that they cover without
 * showing its prompt, so the options page's own click path (request → onAdded → sync) runs for real.
 */
export async function allowHostsAsTheUserWould(context: BrowserContext, extensionId: string, hostPatterns: readonly string[]) {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      async ({ id, patterns }) => {
        for (const pattern of patterns) await chrome.developerPrivate.addHostPermission(id, pattern);
      },
      { id: extensionId, patterns: [...hostPatterns] },
    );
  } finally {
    await page.close();
  }
}
