// A tier's name as the reader sees it: the default ladder's names (Regular, Silver, Gold, Diamond)
// in the screen's language; a name the shop gave its tier, as the shop wrote it.
import type { Translate } from './index';

const DEFAULT_NAMES: Readonly<Record<string, string>> = { regular: 'Regular', silver: 'Silver', gold: 'Gold', diamond: 'Diamond' };

export function tierName(tier: { id: string; name: string }, t: Translate): string {
  return DEFAULT_NAMES[tier.id] === tier.name ? t(`tierName.${tier.id}` as Parameters<Translate>[0]) : tier.name;
}
