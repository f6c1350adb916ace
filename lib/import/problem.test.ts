import { describe, expect, it } from 'vitest';
import { CATALOGUES, translator, UI_LOCALES, type MessageKey } from '../i18n';
import { messageArgs } from '../i18n/message-format';
import { problemsEn } from '../i18n/problems';
import { ERROR_CODES } from '../messaging/errors';
import type { GenericMapping } from './generic';
import { readOrderExport } from './read-export';

const CODE_KEYS = Object.keys(problemsEn) as MessageKey[];
const english = (text: string) => /\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b/.test(text);

const MAPPING: GenericMapping = { orderNo: 'Order', buyer: 'Customer', amount: 'Total', date: 'Date', status: 'State', currency: 'Cur', platform: 'other' };
const read = (text: string, fileName = 'sales.csv', mapping: GenericMapping | null = MAPPING) =>
  readOrderExport(new TextEncoder().encode(text), fileName, { timeZone: 'Asia/Taipei', currency: 'TWD', ...(mapping ? { mapping } : {}) });

describe('problem, refusal and protocol error codes', () => {
  it.each(UI_LOCALES)('every code has a sentence in %s with the parameters of the English one', (locale) => {
    for (const key of CODE_KEYS) {
      expect(CATALOGUES[locale][key]?.trim(), key).toBeTruthy();
      expect(messageArgs(CATALOGUES[locale][key]).args, key).toEqual(messageArgs(problemsEn[key as keyof typeof problemsEn]).args);
    }
  });

  it('every protocol error code has a sentence', () => {
    for (const code of ERROR_CODES) expect(Object.keys(problemsEn)).toContain(`error.protocol.${code}`);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('row problems of a real file read in %s have no English sentence', (locale) => {
    const t = translator(locale);
    const r = read(['Order,Customer,Total,Date,State,Cur', 'A-1,mei,five,2026-03-04,paid,TWD', 'A-2,mei,5.00,31/02/2026,paid,TWD', 'A-3,,5.00,2026-03-04,paid,TWD', 'A-4,bo,5.00,2026-03-04,Teleported,TWD', 'A-5,bo,5.00,2026-03-04,paid,dollars', ',bo,5.00,2026-03-04,paid,TWD'].join('\n'));
    if (!r.ok) throw new Error(r.message);
    expect(r.problems.map((p) => p.code)).toEqual(['notAmount', 'notDate', 'noBuyer', 'unmappedStatus', 'notCurrency', 'emptyOrderNo']);
    for (const p of r.problems) {
      const text = t(`importProblem.${p.code}`, p.params) + (p.leftOut ? t('importProblem.leftOut', { orderNo: p.leftOut }) : '');
      expect(english(text), text).toBe(false);
      expect(text).not.toContain('{');
    }
    // The English sentence is still there for the logs and the report.
    expect(r.problems[0]!.message).toBe('"five" is not an amount; write it as a number such as 12.90. Order A-1 was left out until this row is fixed');
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['a file whose columns match no export', 'Colour,Size,Weight\nred,S,2\n', 'unknownColumns'],
    ['a binary file', 'PK\u0000\u0001', 'binary'],
  ])('%s is refused with a code, its sentence translated', (_name, text, code) => {
    const r = read(text, 'orders.csv', null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.code).toBe(code);
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      const sentence = translator(locale)(`importRefusal.${r.refusal.code}`, r.refusal.params);
      expect(sentence).toContain('orders.csv');
      expect(english(sentence.replace(/\([^)]*\)|（[^）]*）/g, '')), sentence).toBe(false);
    }
  });
});
