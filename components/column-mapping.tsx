// The user's own column mapping, for an order file no preset knows (or one a preset reads wrongly):
// which column is the order number, the buyer, the amount… Prefilled with a guess from the headers.
import { useId, useState } from 'react';
import { PLATFORMS, type Platform } from '@/lib/domain/rows';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { GenericMapping } from '@/lib/import/generic';
import { MAPPED_FIELDS, type MappedField } from '@/lib/import/presets/types';
import { ChoiceField } from './choice-field';

const REQUIRED: readonly MappedField[] = ['orderNo', 'amount', 'date'];
const BUYER_FIELDS: readonly MappedField[] = ['buyer', 'phone', 'email'];

/** Every platform, in the page's language, for a platform select. */
export const platformChoices = (t: Translate) => PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }));

export const fieldLabel = (t: Translate, field: MappedField) => t(`options.map.field.${field}` as MessageKey);

export type MappingDraft = Partial<Record<MappedField, string>> & Pick<GenericMapping, 'platform'> & Pick<GenericMapping, 'amountPer' | 'dateOrder'>;

/** The mapping, or the first thing the user still has to choose (as a message to show). */
export function completeMapping(draft: MappingDraft, t: Translate): { mapping: GenericMapping } | { missing: string } {
  for (const field of REQUIRED) if (!draft[field]) return { missing: t('options.map.needField', { field: fieldLabel(t, field) }) };
  if (!BUYER_FIELDS.some((f) => draft[f])) return { missing: t('options.map.needBuyer') };
  const chosen = MAPPED_FIELDS.map((f) => draft[f]).filter(Boolean);
  if (new Set(chosen).size !== chosen.length) return { missing: t('options.map.twice') };
  const mapping: GenericMapping = { orderNo: draft.orderNo!, amount: draft.amount!, date: draft.date!, platform: draft.platform };
  for (const f of ['buyer', 'phone', 'email', 'status', 'currency'] as const) if (draft[f]) mapping[f] = draft[f];
  if (draft.amountPer) mapping.amountPer = draft.amountPer;
  if (draft.dateOrder) mapping.dateOrder = draft.dateOrder;
  return { mapping };
}

export interface ColumnMappingProps {
  t: Translate;
  fileName: string;
  headers: readonly string[];
  initial: MappingDraft;
  onApply(mapping: GenericMapping): void;
  onCancel?: () => void;
}

export function ColumnMapping({ t, fileName, headers, initial, onApply, onCancel }: ColumnMappingProps) {
  const [draft, setDraft] = useState<MappingDraft>(initial);
  const [problem, setProblem] = useState<string>();
  const id = useId();
  const columns = headers.map((h) => h.trim()).filter(Boolean);
  const set = (patch: Partial<MappingDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(undefined);
  };
  const apply = () => {
    const done = completeMapping(draft, t);
    if ('missing' in done) return setProblem(done.missing);
    onApply(done.mapping);
  };
  return (
    <fieldset className="mapping" aria-labelledby={`${id}-h`}>
      <legend id={`${id}-h`}>{t('options.map.title', { file: fileName })}</legend>
      <p className="small">{t('options.map.lead')}</p>
      <div className="mapping-grid">
        {MAPPED_FIELDS.map((field) => (
          <label key={field} className="field">
            <span>
              {fieldLabel(t, field)}
              {REQUIRED.includes(field) && <em className="req"> · {t('options.map.required')}</em>}
            </span>
            <select aria-label={fieldLabel(t, field)} value={draft[field] ?? ''} onChange={(e) => set({ [field]: e.target.value || undefined })}>
              <option value="">{t('options.map.none')}</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
        <ChoiceField label={t('options.map.platform')} value={draft.platform} onChange={(v) => set({ platform: v as Platform })} choices={platformChoices(t)} />
        <label className="field">
          <span>{t('options.map.amountPer')}</span>
          <select aria-label={t('options.map.amountPer')} value={draft.amountPer ?? 'order'} onChange={(e) => set({ amountPer: e.target.value as 'order' | 'line' })}>
            <option value="order">{t('options.map.perOrder')}</option>
            <option value="line">{t('options.map.perLine')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('options.map.dateOrder')}</span>
          <select aria-label={t('options.map.dateOrder')} value={draft.dateOrder ?? 'mdy'} onChange={(e) => set({ dateOrder: e.target.value as 'mdy' | 'dmy' })}>
            <option value="mdy">{t('options.map.mdy')}</option>
            <option value="dmy">{t('options.map.dmy')}</option>
          </select>
        </label>
      </div>
      {problem && (
        <p className="alert small" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={apply}>
          {t('options.map.apply')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('options.map.cancel')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
