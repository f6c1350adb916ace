// The tags every shop starts with. Stored by these ids (language-neutral) and shown translated;
// the team's own free tags are stored as typed.
export interface PresetTag {
  id: string;
  group: 'motive' | 'service';
}

export const PRESET_TAGS: readonly PresetTag[] = [
  // Purchase motive (成交动机): what no order export says, and what decides the next message.
  { id: 'gift', group: 'motive' },
  { id: 'self-use', group: 'motive' },
  { id: 'price-driven', group: 'motive' },
  { id: 'brand-fan', group: 'motive' },
  // Service
  { id: 'complained', group: 'service' },
  { id: 'vip-care', group: 'service' },
  { id: 'size-exchange', group: 'service' },
  { id: 'wholesale', group: 'service' },
];

/** Shortcut number (1-based) of a preset, by its place in the list. */
export function presetForShortcut(n: number): PresetTag | undefined {
  return PRESET_TAGS[n - 1];
}

export function isPresetTag(tag: string): boolean {
  return PRESET_TAGS.some((p) => p.id === tag);
}
