// Why a request or a file was refused, as a code the pages translate (lib/i18n/reasons.ts, key
// `reason.<code>`) and its parameters: the English sentence travels beside it for logs and tests,
// so a Chinese screen never shows it.
import type { z } from 'zod';

export type ReasonParams = Record<string, string | number>;
export interface Reason {
  code: string;
  params?: ReasonParams;
}

export const because = (code: string, params?: ReasonParams): Reason => (params ? { code, params } : { code });

/** A refinement names its own reason code in its issue's params; zod's own checks read by kind. */
export const refinement = (code: string, message: string) => ({ message, params: { reason: code } });

/** A schema's complaint as a reason: the field it is about (its path) and what is wrong with it. */
export function issueReason(issue: z.core.$ZodIssue): Reason {
  const field = issue.path.map(String).join('.') || '—';
  switch (issue.code) {
    case 'custom': {
      const own = issue.params as { reason?: unknown; reasonParams?: ReasonParams } | undefined;
      return typeof own?.reason === 'string' ? because(own.reason, { ...own.reasonParams, field }) : because('field.invalid', { field });
    }
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? because('field.empty', { field }) : because('field.tooShort', { field, minimum: Number(issue.minimum) });
      return because('field.tooSmall', { field, minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') return because('field.tooLong', { field, maximum: Number(issue.maximum) });
      return because('field.tooBig', { field, maximum: Number(issue.maximum) });
    case 'invalid_format':
      return because('field.format', { field });
    case 'invalid_value':
      return because('field.oneOf', { field, values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return because('field.unknown', { field: issue.keys.join(', ') });
    default:
      return because('field.invalid', { field });
  }
}
