// The tier ladder as the options page edits it: a draft of typed text, and the ladder it makes
// with its problems in the user's words. Pure, so the editor only draws and keeps state.
import { minorDigits, parseAmountToMinor } from '@/lib/domain/money';
import type { TierBenefits, TierLadder } from '@/lib/domain/types';
import type { MessageKey, Translate } from '@/lib/i18n';
import { tierName } from '../format';

export interface DraftStep {
  id: string;
  /** The name as stored, so an untouched default name stays translatable. */
  savedName: string;
  name: string;
  color: string;
  spend: string;
  orders: string;
  benefits: TierBenefits;
  gift: TierBenefits;
}

export interface Draft {
  steps: DraftStep[];
  match: TierLadder['match'];
  yearly: boolean;
}

/** A "yearly" ladder counts the last 365 days. */
export const YEAR_DAYS = 365;

/** An amount in minor units as the user types it in major units ("12.5" for 1250 USD cents); empty when unset. */
export function majorText(minor: number | undefined, currency: string): string {
  if (minor === undefined) return '';
  const digits = minorDigits(currency);
  const whole = minor / 10 ** digits;
  return Number.isInteger(whole) ? String(whole) : whole.toFixed(digits);
}

/** The saved ladder as the editor holds it: amounts as typed text, a default name in the user's language. */
export function draftOf(ladder: TierLadder, currency: string, t: Translate): Draft {
  return {
    steps: ladder.steps.map((s) => ({
      id: s.id,
      savedName: s.name,
      name: tierName(s, t),
      color: s.color.length === 4 ? `#${[...s.color.slice(1)].map((c) => c + c).join('')}` : s.color,
      spend: majorText(s.minSpendMinor, currency),
      orders: s.minOrders === undefined ? '' : String(s.minOrders),
      benefits: { ...s.benefits },
      gift: { ...s.gift },
    })),
    match: ladder.match,
    yearly: ladder.window !== 'lifetime',
  };
}

export type Built = { ladder: TierLadder; problems: { step: number; key: MessageKey }[] };

/** The draft as a ladder, with what is wrong with it in the user's words (the schema says it in English). */
export function buildLadder(draft: Draft, currency: string, t: Translate): Built {
  const problems: Built['problems'] = [];
  const steps = draft.steps.map((d, i) => {
    const spend = d.spend.trim() === '' ? undefined : parseAmountToMinor(d.spend, currency);
    const orders = d.orders.trim() === '' ? undefined : /^\d+$/.test(d.orders.trim()) ? Number(d.orders.trim()) : NaN;
    if (d.spend.trim() !== '' && (spend === undefined || spend < 0)) problems.push({ step: i, key: 'tiers.problem.spend' });
    if (orders !== undefined && !Number.isSafeInteger(orders)) problems.push({ step: i, key: 'tiers.problem.orders' });
    if (!d.name.trim()) problems.push({ step: i, key: 'tiers.problem.name' });
    if (i > 0 && d.spend.trim() === '' && d.orders.trim() === '') problems.push({ step: i, key: 'tiers.problem.threshold' });
    const untouched = d.name === tierName({ id: d.id, name: d.savedName }, t);
    const benefits = Object.fromEntries(Object.entries(d.benefits).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()]] : []))) as TierBenefits;
    const gift = Object.fromEntries(Object.entries(d.gift).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()]] : []))) as TierBenefits;
    return {
      id: d.id,
      name: (untouched ? d.savedName : d.name).trim() || d.savedName,
      color: d.color,
      minSpendMinor: i === 0 || spend === undefined || spend < 0 ? undefined : spend,
      minOrders: i === 0 || orders === undefined || !Number.isSafeInteger(orders) ? undefined : orders,
      ...(Object.keys(benefits).length ? { benefits } : {}),
      ...(Object.keys(gift).length ? { gift } : {}),
    };
  });
  for (const key of ['minSpendMinor', 'minOrders'] as const) {
    let previous: number | undefined;
    steps.forEach((s, i) => {
      const v = s[key];
      if (v === undefined) return;
      if (previous !== undefined && v < previous) problems.push({ step: i, key: 'tiers.problem.falls' });
      previous = v;
    });
  }
  return { ladder: { steps, match: draft.match, window: draft.yearly ? { days: YEAR_DAYS } : 'lifetime' }, problems };
}

/** Colours for steps added in the editor, in turn. */
export const PALETTE = ['#94A3B8', '#A8A9AD', '#D4AF37', '#38BDF8', '#A78BFA', '#F472B6', '#34D399'];
