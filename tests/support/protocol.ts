import type { Page } from '@playwright/test';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

type Reply = { ok: boolean; data?: unknown; error?: { message: string } };

/** A protocol message from an extension page, as the options page, panel or popup sends it; throws on a refusal. */
export async function send<T = unknown>(page: Page, name: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ regulars: 1, name: n, payload: p }), [name, payload] as const)) as Reply;
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply.data as T;
}
