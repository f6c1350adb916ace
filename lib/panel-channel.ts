// Messages between the content script and the panel frame (window.postMessage, origin-checked).
import type { Platform } from './domain/rows';
import type { CapturedOrder } from './marketplaces/types';

export type PanelInbound =
  | {
    type: 'regulars:buyer';
    platform: Platform;
    handle: string;
    name?: string | undefined;
    order?: CapturedOrder | undefined;
    /** The page's host: which country site of the marketplace (its currency, zone, number format). */
    site?: string | undefined;
    /** When the content script saw this buyer (epoch ms, sub-ms): the panel measures detection → painted. */
    detectedAt?: number | undefined;
  }
  | { type: 'regulars:no-buyer'; platform: Platform; order?: CapturedOrder | undefined; site?: string | undefined }
  | { type: 'regulars:shortcut'; n: number }
  | { type: 'regulars:pointing'; active: boolean; savedHost?: string | undefined };

export type PanelState = 'loading' | 'ready' | 'unknown' | 'waiting' | 'error';

export type PanelOutbound =
  | { type: 'regulars:ready' }
  | { type: 'regulars:state'; state: PanelState }
  | { type: 'regulars:collapse' }
  | { type: 'regulars:point' };
