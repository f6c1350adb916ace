// The members page's list: the segment builder beside the table, bulk tags and the segment export.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { SegmentRow } from '@/lib/domain/rows';
import type { Settings } from '@/lib/domain/settings';
import { RFM_SEGMENTS } from '@/lib/domain/types';
import { type compileFilter, isEmptyFilter, segmentFilterSchema, type SegmentFilter } from '@/lib/domain/segments';
import type { Translate, UiLocale } from '@/lib/i18n';
import type { MembersApi } from './api';
import { everyone, type MemberList } from '../../lib/member-list/member-list';
import { MembersTable, NO_SELECTION, type Selection } from './members-table';
import { memberHref, type Route } from './routes';
import { SegmentBuilder } from './segment-builder';
import { SegmentExport } from './segment-export';
import { errorText } from '../error-text';

/** What the list's filters are evaluated with. */
export type ListCtx = Omit<NonNullable<Parameters<typeof compileFilter>[1]>, 'platforms'>;

function describe(filter: SegmentFilter, t: Translate): string {
  if (filter.rfm?.length === 1 && Object.keys(filter).length === 1) {
    const s = filter.rfm[0]!;
    return s === 'none' ? t('segments.rfm.none') : t(`segment.${s}`);
  }
  return t('members.title');
}

export function MembersSection(props: {
  route: Extract<Route, { kind: 'members' }>;
  api: MembersApi;
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  list: MemberList;
  ctx: ListCtx;
  segments: readonly SegmentRow[];
  vocabulary: readonly string[];
  now(): number;
  onSegmentsChanged(): Promise<void>;
  onMembersChanged(): Promise<void>;
}) {
  const { route, api, t, locale, settings, list, ctx, segments } = props;
  // Only the table's first rows so far (the whole list is on its way): no filter, search or export yet.
  const partial = list.whole > list.count;
  const initial = (): SegmentFilter => {
    if (route.rfm && ([...RFM_SEGMENTS, 'none'] as readonly string[]).includes(route.rfm)) return { rfm: [route.rfm as SegmentFilter['rfm'] & string] as SegmentFilter['rfm'] };
    const saved = route.segmentId ? segments.find((s) => s.id === route.segmentId) : undefined;
    const parsed = saved ? segmentFilterSchema.safeParse(saved.filter) : undefined;
    return parsed?.success ? parsed.data : {};
  };
  const [filter, setFilter] = useState<SegmentFilter>(initial);
  const [selected, setSelected] = useState<SegmentRow | undefined>(() => (route.segmentId ? segments.find((s) => s.id === route.segmentId) : undefined));
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<string>();
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [tagDraft, setTagDraft] = useState('');
  const [tagStatus, setTagStatus] = useState<string>();
  const [exporting, setExporting] = useState(false);

  // Saved segments arrive after the members when the page opens on #/members/segment/<id>.
  useEffect(() => {
    if (!route.segmentId || selected) return;
    const saved = segments.find((s) => s.id === route.segmentId);
    const parsed = saved ? segmentFilterSchema.safeParse(saved.filter) : undefined;
    if (saved && parsed?.success) {
      setSelected(saved);
      setFilter(parsed.data);
      setVersion((v) => v + 1);
    }
  }, [segments, route.segmentId, selected]);

  const deferred = useDeferredValue(filter);
  const checked = useMemo(() => segmentFilterSchema.safeParse(deferred), [deferred]);
  const problem = checked.success ? undefined : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0];
  // While a filter can't be used (a half-typed range), the table keeps the last one that could.
  const lastGood = useRef<SegmentFilter>({});
  if (checked.success) lastGood.current = checked.data;
  const good = lastGood.current;
  const matched = useMemo(() => (isEmptyFilter(good) ? everyone(list) : list.filter(good, ctx)), [list, good, ctx]);
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => list.search(matched, deferredQuery), [list, matched, deferredQuery]);
  const selectedIds = useMemo(() => [...selection], [selection]);
  const exportIds = useMemo(() => (exporting ? Array.from(matched, (i) => list.id(i)) : []), [exporting, matched, list]);

  const change = (next: SegmentFilter) => {
    setFilter(next);
    setStatus(undefined);
  };
  const name = selected?.name ?? describe(filter, t);

  return (
    <main className="members-layout" aria-busy={partial}>
      <aside className="builder-col">
        <div className="builder-head">
          <div className="count" role="status" aria-live="polite" data-testid="segment-count" data-count={partial ? undefined : matched.length}>
            {partial ? t('members.loading', { count: list.whole }) : t('segments.builder.count', { count: matched.length.toLocaleString(locale), total: list.count.toLocaleString(locale) })}
          </div>
          <div className="builder-actions">
            <button type="button" className="link" disabled={partial || isEmptyFilter(filter)} onClick={() => (change({}), setSelected(undefined), setVersion((v) => v + 1))}>
              {t('segments.builder.reset')}
            </button>
          </div>
        </div>
        <SegmentBuilder
          filter={filter}
          onChange={change}
          t={t}
          locale={locale}
          tiers={settings.tierLadder.steps}
          currency={settings.shopCurrency}
          points={settings.points.enabled}
          vocabulary={props.vocabulary}
          segments={segments}
          selected={selected}
          version={version}
          problem={problem}
          disabled={partial}
          status={status}
          onPick={(s) => {
            setSelected(s);
            const parsed = s ? segmentFilterSchema.safeParse(s.filter) : undefined;
            change(parsed?.success ? parsed.data : {});
            setVersion((v) => v + 1);
          }}
          onSave={async (segmentName, asNew) => {
            try {
              const row = await api.saveSegment({ id: asNew ? undefined : selected?.id, name: segmentName, filter: filter as Record<string, unknown> });
              await props.onSegmentsChanged();
              setSelected(row);
              setStatus(t('segments.builder.savedOk', { name: row.name }));
            } catch (e) {
              setStatus(errorText(t, e));
            }
          }}
          onDelete={async (s) => {
            try {
              await api.deleteSegment(s.id);
              await props.onSegmentsChanged();
              setSelected(undefined);
              setStatus(t('segments.builder.deletedOk', { name: s.name }));
            } catch (e) {
              setStatus(errorText(t, e));
            }
          }}
        />
      </aside>
      <section className="table-col">
        <div className="table-bar">
          <input type="search" className="search" aria-label={t('segments.table.search')} placeholder={t('segments.table.search')} value={query} disabled={partial} onChange={(e) => setQuery(e.target.value)} />
          <button type="button" className="primary" disabled={partial} onClick={() => setExporting(!exporting)} aria-expanded={exporting}>
            {t('segments.export.button')}
          </button>
        </div>
        {selectedIds.length > 0 && (
          <form
            className="bulk"
            onSubmit={(e) => e.preventDefault()}
            aria-label={t('segments.table.selected', { count: selectedIds.length })}
          >
            <strong>{t('segments.table.selected', { count: selectedIds.length.toLocaleString(locale) })}</strong>
            <input aria-label={t('segments.table.tag')} placeholder={t('segments.table.tag')} list="bulk-tags" value={tagDraft} maxLength={60} onChange={(e) => setTagDraft(e.target.value)} />
            <datalist id="bulk-tags">
              {props.vocabulary.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
            {([true, false] as const).map((add) => (
              <button
                key={String(add)}
                type="button"
                disabled={!tagDraft.trim()}
                onClick={async () => {
                  const tag = tagDraft.trim();
                  const count = await api.tag(selectedIds, tag, add);
                  setTagStatus(t(add ? 'segments.table.tagged' : 'segments.table.untagged', { tag, count }));
                  await props.onMembersChanged();
                }}
              >
                {t(add ? 'segments.table.addTag' : 'segments.table.removeTag')}
              </button>
            ))}
            <button type="button" className="link" onClick={() => setSelection(NO_SELECTION)}>
              {t('segments.table.clearSelection')}
            </button>
          </form>
        )}
        {tagStatus && <p className="ok small" role="status">{tagStatus}</p>}
        {exporting && (
          <SegmentExport
            memberIds={exportIds}
            settings={settings}
            name={name}
            api={api}
            t={t}
            now={props.now}
            onClose={() => setExporting(false)}
          />
        )}
        <MembersTable
          list={list}
          rows={shown}
          t={t}
          locale={locale}
          timeZone={settings.timeZone}
          tiers={settings.tierLadder.steps}
          selection={selection}
          onSelectionChange={setSelection}
          hrefFor={memberHref}
          points={{ settings: settings.points, shopCurrency: settings.shopCurrency }}
        />
      </section>
    </main>
  );
}
