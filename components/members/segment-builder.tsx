// The segment builder: every filter of lib/domain/segments as a form; the page counts as you edit.
import { useEffect, useId, useState } from 'react';
import { PLATFORMS, type SegmentRow } from '@/lib/domain/rows';
import type { TierStep } from '@/lib/domain';
import { minorDigits } from '@/lib/domain/money';
import { MOTIVE_TAGS, type DateFilter, type SegmentFilter } from '@/lib/domain/segments';
import { RFM_SEGMENT_ORDER } from '@/lib/domain/rfm';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { tierName } from '../format';
import { segmentLabel } from './rfm-groups';
import { DateField } from '../date-field';

type Toggle<T> = { values: readonly T[] | undefined; all: readonly T[]; label: (v: T) => string; onChange(next: T[] | undefined): void; name: string };

function Chips<T extends string | number>({ values, all, label, onChange, name }: Toggle<T>) {
  const on = new Set(values ?? []);
  return (
    <div className="chips" role="group" aria-label={name}>
      {all.map((v) => (
        <button
          key={String(v)}
          type="button"
          className="chip"
          aria-pressed={on.has(v)}
          onClick={() => {
            const next = on.has(v) ? [...on].filter((x) => x !== v) : [...on, v];
            onChange(next.length ? next : undefined);
          }}
        >
          {label(v)}
        </button>
      ))}
    </div>
  );
}

/** A min/max pair; money ranges are typed as decimals and kept as minor units. */
function Range({ label, value, onChange, digits, t }: {
  label: string;
  value: { min?: number | undefined; max?: number | undefined } | undefined;
  onChange(v: { min?: number; max?: number } | undefined): void;
  digits: number;
  t: Translate;
}) {
  const show = (n: number | undefined) => (n === undefined ? '' : String(n / 10 ** digits));
  const [min, setMin] = useState(show(value?.min));
  const [max, setMax] = useState(show(value?.max));
  const read = (s: string) => {
    const n = Number(s.trim());
    return s.trim() === '' || !Number.isFinite(n) || n < 0 ? undefined : Math.round(n * 10 ** digits);
  };
  const emit = (a: string, b: string) => {
    const next: { min?: number; max?: number } = {};
    const lo = read(a);
    const hi = read(b);
    if (lo !== undefined) next.min = lo;
    if (hi !== undefined) next.max = hi;
    onChange(lo === undefined && hi === undefined ? undefined : next);
  };
  return (
    <fieldset className="field range">
      <legend>{label}</legend>
      <input inputMode="decimal" aria-label={`${label}: ${t('segments.builder.min')}`} placeholder={t('segments.builder.min')} value={min} onChange={(e) => (setMin(e.target.value), emit(e.target.value, max))} />
      <span aria-hidden="true">–</span>
      <input inputMode="decimal" aria-label={`${label}: ${t('segments.builder.max')}`} placeholder={t('segments.builder.max')} value={max} onChange={(e) => (setMax(e.target.value), emit(min, e.target.value))} />
    </fieldset>
  );
}

function DateFilterField({ label, value, onChange, t, locale, first = false }: {
  label: string;
  value: DateFilter | undefined;
  onChange(v: DateFilter | undefined): void;
  t: Translate;
  locale: UiLocale;
  first?: boolean;
}) {
  const id = useId();
  const kind = value?.kind ?? 'any';
  return (
    <fieldset className="field date">
      <legend>{label}</legend>
      <select
        id={id}
        aria-label={label}
        value={kind}
        onChange={(e) => {
          const k = e.target.value;
          if (k === 'atLeastDaysAgo') onChange({ kind: k, days: 90 });
          else if (k === 'withinDays') onChange({ kind: k, days: 30 });
          else if (k === 'between') onChange({ kind: k });
          else onChange(undefined);
        }}
      >
        <option value="any">{t('segments.builder.date.any')}</option>
        <option value="atLeastDaysAgo">{t(first ? 'segments.builder.firstDate.atLeastDaysAgo' : 'segments.builder.date.atLeastDaysAgo')}</option>
        <option value="withinDays">{t('segments.builder.date.withinDays')}</option>
        <option value="between">{t('segments.builder.date.between')}</option>
      </select>
      {(value?.kind === 'atLeastDaysAgo' || value?.kind === 'withinDays') && (
        <label className="days">
          <input type="number" min={value.kind === 'withinDays' ? 1 : 0} aria-label={`${label}: ${t('segments.builder.days')}`} value={value.days} onChange={(e) => onChange({ ...value, days: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
          {t('segments.builder.days')}
        </label>
      )}
      {value?.kind === 'between' && (
        <span className="between">
          <DateField locale={locale} t={t} label={`${label}: ${t('segments.builder.from')}`} value={value.from ?? ''} onChange={(from) => onChange({ ...value, from: from || undefined })} />
          <DateField locale={locale} t={t} label={`${label}: ${t('segments.builder.to')}`} value={value.to ?? ''} onChange={(to) => onChange({ ...value, to: to || undefined })} />
        </span>
      )}
    </fieldset>
  );
}

const splitTags = (s: string) => {
  const tags = s.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
  return tags.length ? tags : undefined;
};

function TagsField({ label, value, onChange, listId }: {
  label: string;
  value: string[] | undefined;
  onChange(v: string[] | undefined): void;
  listId: string;
}) {
  const [text, setText] = useState((value ?? []).join(', '));
  return (
    <label className="tagfield">
      <span>{label}</span>
      <input list={listId} value={text} onChange={(e) => (setText(e.target.value), onChange(splitTags(e.target.value)))} />
    </label>
  );
}

export interface BuilderProps {
  filter: SegmentFilter;
  onChange(filter: SegmentFilter): void;
  t: Translate;
  locale: UiLocale;
  tiers: readonly TierStep[];
  currency: string;
  /** The shop uses points: a range of points balance is offered. */
  points?: boolean | undefined;
  vocabulary: readonly string[];
  segments: readonly SegmentRow[];
  selected?: SegmentRow | undefined;
  onPick(segment: SegmentRow | undefined): void;
  onSave(name: string, asNew: boolean): Promise<void>;
  onDelete(segment: SegmentRow): Promise<void>;
  /** Why the filter can't be used (the schema's message), if it can't. */
  problem?: string | undefined;
  status?: string | undefined;
  /** Bumped when the filter is replaced from outside, so text fields take the new values. */
  version: number;
  /** Out of reach (the members list is not all there yet). */
  disabled?: boolean | undefined;
}

export function SegmentBuilder(props: BuilderProps) {
  const { filter, onChange, t, currency, selected } = props;
  const listId = useId();
  const [name, setName] = useState(selected?.name ?? '');
  useEffect(() => setName(selected?.name ?? ''), [selected?.id, selected?.name]);
  const set = <K extends keyof SegmentFilter>(key: K, value: SegmentFilter[K]) => {
    const next = { ...filter };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const tags = filter.tags ?? {};
  const setTags = (k: 'any' | 'all' | 'none', v: string[] | undefined) => {
    const next = { ...tags, [k]: v };
    if (!v) delete next[k];
    set('tags', Object.keys(next).length ? next : undefined);
  };
  const digits = minorDigits(currency);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const monthName = (m: number) => new Intl.DateTimeFormat(props.locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, m - 1, 1));

  return (
    <form className="builder" aria-label={t('segments.builder.title')} onSubmit={(e) => e.preventDefault()} key={props.version} inert={props.disabled}>
      <div className="saved">
        <label>
          <span>{t('segments.builder.saved')}</span>
          <select value={selected?.id ?? ''} onChange={(e) => props.onPick(props.segments.find((s) => s.id === e.target.value))}>
            <option value="">{t('segments.builder.unsaved')}</option>
            {props.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <div className="save-row">
          <input aria-label={t('segments.builder.name')} placeholder={t('segments.builder.name')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          <button type="button" className="primary" disabled={!name.trim() || !!props.problem} onClick={() => void props.onSave(name, !selected || name.trim() !== selected.name)}>
            {selected && name.trim() !== selected.name ? t('segments.builder.saveAs') : t('segments.builder.save')}
          </button>
        </div>
        {selected && (
          <button type="button" className="link danger" onClick={() => void props.onDelete(selected)}>
            {t('segments.builder.delete')}
          </button>
        )}
        {props.status && <p className="ok small" role="status">{props.status}</p>}
      </div>
      {props.problem && <p className="error-text small" role="alert">{t('segments.builder.invalid', { message: props.problem })}</p>}
      <fieldset className="field">
        <legend>{t('segments.builder.tier')}</legend>
        <Chips name={t('segments.builder.tier')} values={filter.tiers} all={props.tiers.map((s) => s.id)} label={(id) => tierName(props.tiers.find((s) => s.id === id) ?? { id, name: id }, t)} onChange={(v) => set('tiers', v)} />
      </fieldset>
      <DateFilterField label={t('segments.builder.lastOrder')} value={filter.lastOrder} onChange={(v) => set('lastOrder', v)} t={t} locale={props.locale} />
      <fieldset className="field">
        <legend>{t('segments.builder.rfm')}</legend>
        <Chips name={t('segments.builder.rfm')} values={filter.rfm} all={[...RFM_SEGMENT_ORDER, 'none' as const]} label={(s) => segmentLabel(s, t)} onChange={(v) => set('rfm', v)} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('segments.builder.tags')} <span className="muted small">({t('segments.builder.tagsHint')})</span></legend>
        <datalist id={listId}>
          {props.vocabulary.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <TagsField label={t('segments.builder.tagsAny')} value={tags.any} onChange={(v) => setTags('any', v)} listId={listId} />
        <TagsField label={t('segments.builder.tagsAll')} value={tags.all} onChange={(v) => setTags('all', v)} listId={listId} />
        <TagsField label={t('segments.builder.tagsNone')} value={tags.none} onChange={(v) => setTags('none', v)} listId={listId} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('segments.builder.motive')}</legend>
        <Chips name={t('segments.builder.motive')} values={filter.motives} all={MOTIVE_TAGS} label={(m) => t(`tag.${m}` as MessageKey)} onChange={(v) => set('motives', v)} />
      </fieldset>
      <Range label={t('segments.builder.spend', { currency })} value={filter.spend} onChange={(v) => set('spend', v)} digits={digits} t={t} />
      <Range label={t('segments.builder.orders')} value={filter.orders} onChange={(v) => set('orders', v)} digits={0} t={t} />
      <Range label={t('segments.builder.average', { currency })} value={filter.averageOrder} onChange={(v) => set('averageOrder', v)} digits={digits} t={t} />
      {(props.points || filter.points) && <Range label={t('segments.builder.points')} value={filter.points} onChange={(v) => set('points', v)} digits={0} t={t} />}
      <DateFilterField label={t('segments.builder.firstOrder')} value={filter.firstOrder} onChange={(v) => set('firstOrder', v)} t={t} locale={props.locale} first />
      <fieldset className="field">
        <legend>{t('segments.builder.platform')}</legend>
        <Chips name={t('segments.builder.platform')} values={filter.platforms} all={PLATFORMS} label={(p) => t(`platform.${p}` as MessageKey)} onChange={(v) => set('platforms', v)} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('segments.builder.birthday')}</legend>
        <Chips name={t('segments.builder.birthday')} values={filter.birthdayMonths} all={months} label={monthName} onChange={(v) => set('birthdayMonths', v)} />
      </fieldset>
      <label className="field inline-field">
        <span>{t('segments.builder.dnc')}</span>
        <select value={filter.doNotContact ?? 'all'} onChange={(e) => set('doNotContact', e.target.value === 'all' ? undefined : (e.target.value as 'exclude' | 'only'))}>
          <option value="all">{t('segments.builder.dnc.all')}</option>
          <option value="exclude">{t('segments.builder.dnc.exclude')}</option>
          <option value="only">{t('segments.builder.dnc.only')}</option>
        </select>
      </label>
    </form>
  );
}
