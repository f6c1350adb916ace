// A refusal names the field by its label in the user's language, never by its key in the code:
// every key of every schema whose complaint reaches a page (protocol requests, backup rows,
// settings, journey settings, segment filters) has a label in each language.
import { describe, expect, it } from 'vitest';
import { protocol } from '../messaging/protocol';
import { BACKUP_ROW_SCHEMAS } from '../domain/backup';
import { journeySettingsSchema } from '../domain/journey-settings';
import { segmentFilterSchema } from '../domain/segments';
import { settingsSchema } from '../domain/settings';
import { issueReason } from '../domain/reason';
import { fieldLabel } from '../../components/error-text';
import { restoreProblemText } from '../../components/restore-problem';
import { CATALOGUES, translator, UI_LOCALES } from '.';

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

/** Every object key a schema can name in an issue's path. */
function keysOf(schema: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (s: unknown) => s && keysOf(s, out, seen);
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
      out.add(key);
      walk(value);
    }
    walk(def.catchall);
  }
  for (const field of ['element', 'valueType', 'innerType', 'left', 'right', 'in', 'out']) walk(def[field]);
  for (const field of ['options', 'items']) for (const s of (def[field] as unknown[] | undefined) ?? []) walk(s);
  if (def.type === 'lazy') walk((def.getter as () => unknown)());
  return out;
}

const schemas: unknown[] = [
  ...Object.values(protocol).map((m) => m.request),
  ...Object.values(BACKUP_ROW_SCHEMAS),
  settingsSchema,
  journeySettingsSchema,
  segmentFilterSchema,
];

describe('field labels', () => {
  it('every key a schema can refuse has a label in each language', () => {
    const keys = new Set<string>();
    for (const s of schemas) keysOf(s, keys);
    expect(keys.size).toBeGreaterThan(150);
    for (const locale of UI_LOCALES) expect([...keys].filter((k) => !(`field.${k}` in CATALOGUES[locale]))).toEqual([]);
  });

  it.each([
    ['en', 'tiers.2.spendMinor', 'Spend'],
    ['zh-CN', 'tiers.2.spendMinor', '消费'],
    ['zh-TW', 'rules.followUp.window.start', '開始'],
    ['zh-CN', 'templates.manual.zh', '话术模板'],
    ['en', '', 'This field'],
    ['zh-TW', 'noSuchKey', '此項'],
  ] as const)('in %s the path %s reads as %s', (locale, path, want) => {
    expect(fieldLabel(translator(locale), path)).toBe(want);
  });
});

describe('a row a restore refuses', () => {
  const bad = BACKUP_ROW_SCHEMAS.orders.safeParse({ id: 'o-1' });
  const issue = bad.success ? undefined : bad.error.issues.find((i) => i.path[0] === 'platform');
  const problem = { table: 'orders', line: 12, key: 'o-1', field: issue?.path.join('.') ?? '', problem: issue?.message ?? '', reason: issueReason(issue!) };

  it.each([
    ['en', /^Orders, line 12 \(o-1\): “Marketplace” /],
    ['zh-CN', /^订单，第 12 行（o-1）：“平台”/],
    ['zh-TW', /^訂單，第 12 列（o-1）：「平台」/],
  ] as const)('in %s names the field by its label and brackets the row key as the language does', (locale, want) => {
    expect(issue).toBeDefined();
    const text = restoreProblemText(translator(locale), problem);
    expect(text).toMatch(want);
    expect(text).not.toContain('platform');
  });
});
