import type { PanelAnchor } from '../types';

// The chat page's flex row (demo/server.ts, 2026-11-23): the panel becomes its third column.
export function demoAnchor(root: ParentNode): PanelAnchor | undefined {
  const parent = root.querySelector('[data-testid="chat-layout"]');
  return parent ? { parent } : undefined;
}
