// The user's own column mapping, for an order file no preset knows (or one a preset reads wrongly):
// which column is the order number, the buyer, the amount… Prefilled with a guess from the headers.
import { useId, useState } from 'react';
import { PLATFORMS, type Platform } from '@/lib/domain/rows';
import type { OrderStatus } from '@/lib/domain/types';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { GenericMapping } from '@/lib/import/generic';
import { MAPPED_FIELDS, type MappedField } from '@/lib/import/presets/types';
import { statusFromWord } from '@/lib/import/status-words';
import type { ColumnValues } from '@/lib/import/table';
import { ChoiceField } from './choice-field';

const REQUIRED: readonly MappedField[] = ['orderNo', 'amount', 'date'];
const BUYER_FIELDS: readonly MappedField[] = ['buyer', 'phone', 'email'];

/** Every platform, in the page's language, for a platform select. */
export const platformChoices = (t: Translate) => PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }));

export const mappedFieldLabel = (t: Translate, field: MappedField) => t(`options.map.field.${field}` as MessageKey);

export type MappingDraft = Partial<Record<MappedField, string>> & Pick<GenericMapping, 'platform'> & Pick<GenericMapping, 'amountPer' | 'dateOrder' | 'statusValues'>;

const STATUSES: readonly OrderStatus[] = ['unpaid', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded'];

/** Each value of the chosen status column with its meaning: the user's choice, else a guess from common words (none for empty cells). */
export function statusMeanings(draft: MappingDraft, values: ColumnValues | undefined): { value: string; count: number; status: OrderStatus | undefined }[] {
  const column = draft.status ? values?.[draft.status] : undefined;
  return (column ?? []).map(([value, count]) => ({ value, count, status: draft.statusValues?.[value] ?? statusFromWord(value) }));
}

/** The mapping, or the first thing the user still has to choose (as a message to show). */
export function completeMapping(draft: MappingDraft, t: Translate, values?: ColumnValues): { mapping: GenericMapping } | { missing: string } {
  for (const field of REQUIRED) if (!draft[field]) return { missing: t('options.map.needField', { field: mappedFieldLabel(t, field) }) };
  if (!BUYER_FIELDS.some((f) => draft[f])) return { missing: t('options.map.needBuyer') };
  const chosen = MAPPED_FIELDS.map((f) => draft[f]).filter(Boolean);
  if (new Set(chosen).size !== chosen.length) return { missing: t('options.map.twice') };
  const mapping: GenericMapping = { orderNo: draft.orderNo!, amount: draft.amount!, date: draft.date!, platform: draft.platform };
  for (const f of ['buyer', 'phone', 'email', 'status', 'currency'] as const) if (draft[f]) mapping[f] = draft[f];
  if (draft.amountPer) mapping.amountPer = draft.amountPer;
  if (draft.dateOrder) mapping.dateOrder = draft.dateOrder;
  const meanings = statusMeanings(draft, values);
  const unsaid = meanings.find((m) => !m.status);
  if (unsaid) return { missing: unsaid.value ? t('options.map.needStatus', { value: unsaid.value }) : t('options.map.needEmptyStatus', { count: unsaid.count }) };
  if (meanings.length) mapping.statusValues = Object.fromEntries(meanings.map((m) => [m.value, m.status!]));
  return { mapping };
}

export interface ColumnMappingProps {
  t: Translate;
  fileName: string;
  headers: readonly string[];
  /** The few distinct values of the file's columns: the status column's are shown to be given a meaning. */
  values?: ColumnValues | undefined;
  /** Why the mapping is open prefilled (the file is nearly a known export), shown above it. */
  note?: string | undefined;
  initial: MappingDraft;
  onApply(mapping: GenericMapping): void;
  onCancel?: () => void;
}

export function ColumnMapping({ t, fileName, headers, values, note, initial, onApply, onCancel }: ColumnMappingProps) {
  const [draft, setDraft] = useState<MappingDraft>(initial);
  const [problem, setProblem] = useState<string>();
  const id = useId();
  const columns = headers.map((h) => h.trim()).filter(Boolean);
  const set = (patch: Partial<MappingDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(undefined);
  };
  const apply = () => {
    const done = completeMapping(draft, t, values);
    if ('missing' in done) return setProblem(done.missing);
    onApply(done.mapping);
  };
  return (
    <fieldset className="mapping" aria-labelledby={`${id}-h`}>
      <legend id={`${id}-h`}>{t('options.map.title', { file: fileName })}</legend>
      <p className="small">{t('options.map.lead')}</p>
      {note && <p className="small near-note">{note}</p>}
      <div className="mapping-grid">
        {MAPPED_FIELDS.map((field) => (
          <label key={field} className="field">
            <span>
              {mappedFieldLabel(t, field)}
              {REQUIRED.includes(field) && <em className="req"> · {t('options.map.required')}</em>}
            </span>
            <select aria-label={mappedFieldLabel(t, field)} value={draft[field] ?? ''} onChange={(e) => set({ [field]: e.target.value || undefined })}>
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
      <StatusValues
        t={t}
        column={draft.status}
        meanings={statusMeanings(draft, values)}
        onChange={(value, status) => set({ statusValues: { ...draft.statusValues, [value]: status } })}
      />
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

interface StatusValuesProps {
  t: Translate;
  column: string | undefined;
  meanings: ReturnType<typeof statusMeanings>;
  onChange(value: string, status: OrderStatus): void;
}

/** The status column's values, each with what it means in Regulars; the ones not guessed stand out. */
function StatusValues({ t, column, meanings, onChange }: StatusValuesProps) {
  const id = useId();
  if (!column || meanings.length === 0) return null;
  return (
    <div className="status-values" role="group" aria-labelledby={`${id}-h`} data-testid="status-values">
      <p id={`${id}-h`} className="status-values-title">
        {t('options.map.statusValues', { column })}
      </p>
      <p className="small muted">{t('options.map.statusValuesLead')}</p>
      <div className="mapping-grid">
        {meanings.map(({ value, count, status }) => {
          const label = value ? t('options.map.statusValue', { value, count }) : t('options.map.statusEmpty', { count });
          return (
            <label key={value} className={status ? 'field' : 'field unsaid'}>
              <span>{label}</span>
              <select aria-label={value || label} value={status ?? ''} onChange={(e) => e.target.value && onChange(value, e.target.value as OrderStatus)}>
                {!status && <option value="">{t('options.map.statusChoose')}</option>}
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </div>
  );
}
