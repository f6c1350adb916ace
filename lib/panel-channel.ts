// Messages between the content script and the panel frame (window.postMessage, origin-checked).
import type { Platform } from './db/rows';

export type PanelInbound =
  | { type: 'regulars:buyer'; platform: Platform; handle: string; name?: string | undefined }
  | { type: 'regulars:no-buyer'; platform: Platform };

export type PanelState = 'loading' | 'ready' | 'unknown' | 'waiting' | 'error';

export type PanelOutbound = { type: 'regulars:ready' } | { type: 'regulars:state'; state: PanelState };
