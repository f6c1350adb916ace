import type { BrowserContext, Page } from '@playwright/test';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

type Reply = { ok: boolean; data?: unknown; error?: { message: string } };

/** A protocol message from an extension page, as the options page, panel or popup sends it; throws on a refusal. */
export async function send<T = unknown>(page: Page, name: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ regulars: 1, name: n, payload: p }), [name, payload] as const)) as Reply;
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply.data as T;
}

/**
 * Runs `use` on an extension page that runs none of our scripts (the manifest, shown as a page), to
 * send messages from; the page is closed after.
 */
export async function withExtensionPage<T>(ext: { context: BrowserContext; extensionId: string }, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
    return await use(page);
  } finally {
    await page.close();
  }
}
