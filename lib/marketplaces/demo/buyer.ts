import type { DetectedBuyer } from '../types';

// Selectors are data: most stable first. Seen on the demo marketplace (demo/server.ts), 2026-11-23.
const CHAT_BUYER_SELECTORS = [
  '[data-testid="conversation-header"] [data-testid="buyer-handle"][data-handle]',
] as const;
const ORDER_BUYER_SELECTORS = ['[data-testid="order-buyer"][data-handle]'] as const;
const NAME_SELECTOR = '[data-testid="conversation-header"] [data-testid="buyer-name"]';

function firstHandle(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const handle = root.querySelector(selector)?.getAttribute('data-handle')?.trim();
    if (handle) return handle;
  }
  return undefined;
}

export function findDemoChatBuyer(root: ParentNode): DetectedBuyer | undefined {
  const handle = firstHandle(root, CHAT_BUYER_SELECTORS);
  if (!handle) return undefined;
  const name = root.querySelector(NAME_SELECTOR)?.textContent?.trim() || undefined;
  return { handle, name };
}

export function findDemoOrderBuyer(root: ParentNode): DetectedBuyer | undefined {
  const handle = firstHandle(root, ORDER_BUYER_SELECTORS);
  return handle ? { handle } : undefined;
}
