// How buyer identities are normalised, so that the same person matches across exports and pages.
import { type ANY_PLATFORM, type IdentityKind, type Platform } from '../domain/rows';

/** Handles compare case-insensitively and without a leading '@' or surrounding spaces/tabs. */
export function normaliseHandle(raw: string): string {
  return raw.trim().replace(/^@+/, '').trim().toLowerCase();
}

/** E-mails compare lower-cased; anything without a single '@' and a dot after it is no e-mail. */
export function normaliseEmail(raw: string): string | undefined {
  const e = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : undefined;
}

/**
 * Phones compare as digits with a leading '+' kept when present. Exports mask phones
 * ("+65****4567") or pad them; anything with fewer than 7 digits or a mask is no phone.
 */
export function normalisePhone(raw: string): string | undefined {
  // TikTok writes "(+65)91234567"; others "+65 9123 4567" or "0065…".
  const t = raw.trim().replace(/^\((\+\d{1,3})\)/, '$1');
  if (/[*xX•]/.test(t.replace(/^\+/, '').replace(/ext.*$/i, ''))) return undefined;
  const digits = t.replace(/[^\d]/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  return (t.startsWith('+') || t.startsWith('00') ? '+' : '') + (t.startsWith('00') ? digits.slice(2) : digits);
}

export function identityId(platform: Platform | typeof ANY_PLATFORM, kind: IdentityKind, value: string): string {
  return `${platform}:${kind}:${value}`;
}

export function handleIdentityId(platform: Platform, handle: string): string {
  return identityId(platform, 'handle', normaliseHandle(handle));
}
