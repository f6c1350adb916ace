// The owner's full-page view: RFM overview, members and segments (builder, table, export), one member.
// Routes live in the hash: #/ · #/members · #/members/rfm/<segment> · #/members/segment/<id> · #/member/<id>.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { SegmentRow } from '@/lib/domain/rows';
import type { Settings } from '@/lib/domain/settings';
import { RFM_SEGMENTS } from '@/lib/domain/types';
import { compileFilter, isEmptyFilter, rfmOverview, segmentFilterSchema, type SegmentFilter } from '@/lib/domain/segments';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import type { MembersApi } from './api';
import { everyone, MemberList } from '../../lib/member-list/member-list';
import { MemberView } from './member-view';
import { MembersTable, NO_SELECTION, type Selection } from './members-table';
import { RfmGroups } from './rfm-groups';
import { SegmentBuilder } from './segment-builder';
import { SegmentExport } from './segment-export';
import { errorText } from '../error-text';

/** The page's sections. Another page (reports, tiers) joins with one line: { href: '/reports.html', label: '…' }. */
export const NAV: readonly { href: string; label: MessageKey; route?: Route['kind'] }[] = [
  { href: '#/', label: 'members.nav.overview', route: 'overview' },
  { href: '#/members', label: 'members.nav.members', route: 'members' },
  { href: '/reports.html', label: 'members.nav.reports' },
];

export type Route =
  | { kind: 'overview' }
  | { kind: 'members'; rfm?: string | undefined; segmentId?: string | undefined }
  | { kind: 'member'; id: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'member' && parts[1]) return { kind: 'member', id: parts[1] };
  if (parts[0] === 'members') {
    if (parts[1] === 'rfm' && parts[2]) return { kind: 'members', rfm: parts[2] };
    if (parts[1] === 'segment' && parts[2]) return { kind: 'members', segmentId: parts[2] };
    return { kind: 'members' };
  }
  return { kind: 'overview' };
}

export const memberHref = (id: string) => `#/member/${encodeURIComponent(id)}`;
export const rfmHref = (segment: string) => `#/members/rfm/${segment}`;

export function MembersPage({ api, t, locale, hash, now }: { api: MembersApi; t: Translate; locale: UiLocale; hash: string; now(): number }) {
  const route = parseRoute(hash);
  const [settings, setSettings] = useState<Settings>();
  // The list is built in a worker from every member and identity (list-worker.ts): the page keeps
  // columns, not 300k row objects for garbage collection to walk while the table scrolls.
  const [data, setData] = useState<{ list: MemberList; at: number }>();
  const [segments, setSegments] = useState<SegmentRow[]>([]);
  const [vocabulary, setVocabulary] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      const s = await api.settings();
      const at = now();
      const parts = await api.load({ now: at, timeZone: s.timeZone, rfmBreaks: s.rfmBreaks });
      setSettings(s);
      setData({ list: new MemberList(parts), at });
      setLoadError(undefined);
    } catch (e) {
      setLoadError(errorText(t, e));
    }
  }, [api, now]);
  const refreshSegments = useCallback(() => api.listSegments().then(setSegments), [api]);
  useEffect(() => {
    void reload();
    void refreshSegments();
    void api.vocabulary().then(setVocabulary);
  }, [api, reload, refreshSegments]);

  const at = data?.at ?? 0;
  const ctx = useMemo(
    () => (settings && data ? { now: at, timeZone: settings.timeZone, rfmBreaks: settings.rfmBreaks, points: { settings: settings.points, shopCurrency: settings.shopCurrency } } : undefined),
    [settings, data, at],
  );

  return (
    <div className="members-page">
      <header className="top">
        <span className="logo" aria-hidden="true">R</span>
        <h1>{t('members.title')}</h1>
        <nav aria-label={t('members.nav')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <a href={n.href} aria-current={n.route && (n.route === route.kind || (n.route === 'members' && route.kind === 'member')) ? 'page' : undefined}>
                  {t(n.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {loadError !== undefined ? (
        <p className="error" role="alert">{t('members.loadFailed', { message: loadError })}</p>
      ) : !settings || !data || !ctx ? (
        <p className="muted loading" role="status">{t('members.loading', { count: '…' })}</p>
      ) : data.list.count === 0 ? (
        <p className="empty">{t('members.empty')}</p>
      ) : route.kind === 'overview' ? (
        <Overview t={t} locale={locale} settings={settings} list={data.list} ctx={ctx} segments={segments} />
      ) : route.kind === 'member' ? (
        <MemberView
          memberId={route.id}
          api={api}
          t={t}
          locale={locale}
          timeZone={settings.timeZone}
          author={settings.authorName}
          tiers={settings.tierLadder.steps}
          vocabulary={vocabulary}
          now={at}
          backHref="#/members"
          onChanged={() => void reload()}
        />
      ) : (
        <MembersSection
          key={`${route.rfm ?? ''}|${route.segmentId ?? ''}`}
          route={route}
          api={api}
          t={t}
          locale={locale}
          settings={settings}
          list={data.list}
          ctx={ctx}
          segments={segments}
          vocabulary={vocabulary}
          now={now}
          onSegmentsChanged={refreshSegments}
          onMembersChanged={reload}
        />
      )}
    </div>
  );
}

type Ctx = Omit<NonNullable<Parameters<typeof compileFilter>[1]>, 'platforms'>;

function Overview({ t, locale, settings, list, ctx, segments }: { t: Translate; locale: UiLocale; settings: Settings; list: MemberList; ctx: Ctx; segments: readonly SegmentRow[] }) {
  const groups = useMemo(() => rfmOverview(list.members(), { ...ctx, shopCurrency: settings.shopCurrency }), [list, ctx, settings.shopCurrency]);
  const counts = useMemo(
    () =>
      segments.map((s) => {
        const parsed = segmentFilterSchema.safeParse(s.filter);
        if (!parsed.success) return undefined;
        return list.filter(parsed.data, ctx).length;
      }),
    [segments, list, ctx],
  );
  return (
    <main className="overview">
      <section>
        <h2>{t('segments.overview.title')}</h2>
        <p className="muted">{t('segments.overview.lead', { total: list.count.toLocaleString(locale) })}</p>
        <RfmGroups groups={groups} t={t} locale={locale} currency={settings.shopCurrency} hrefFor={rfmHref} />
      </section>
      <section>
        <h2>{t('segments.overview.saved')}</h2>
        {segments.length === 0 ? (
          <p className="muted small">{t('segments.overview.noSaved')}</p>
        ) : (
          <ul className="saved-list">
            {segments.map((s, i) => (
              <li key={s.id}>
                <a href={`#/members/segment/${encodeURIComponent(s.id)}`}>{s.name}</a>
                <span className="muted">{counts[i]?.toLocaleString(locale) ?? '—'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function describe(filter: SegmentFilter, t: Translate): string {
  if (filter.rfm?.length === 1 && Object.keys(filter).length === 1) {
    const s = filter.rfm[0]!;
    return s === 'none' ? t('segments.rfm.none') : t(`segment.${s}`);
  }
  return t('members.title');
}

function MembersSection(props: {
  route: Extract<Route, { kind: 'members' }>;
  api: MembersApi;
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  list: MemberList;
  ctx: Ctx;
  segments: readonly SegmentRow[];
  vocabulary: readonly string[];
  now(): number;
  onSegmentsChanged(): Promise<void>;
  onMembersChanged(): Promise<void>;
}) {
  const { route, api, t, locale, settings, list, ctx, segments } = props;
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
    <main className="members-layout">
      <aside className="builder-col">
        <div className="count" role="status" aria-live="polite" data-testid="segment-count" data-count={matched.length}>
          {t('segments.builder.count', { count: matched.length.toLocaleString(locale), total: list.count.toLocaleString(locale) })}
        </div>
        <div className="builder-actions">
          <button type="button" className="link" disabled={isEmptyFilter(filter)} onClick={() => (change({}), setSelected(undefined), setVersion((v) => v + 1))}>
            {t('segments.builder.reset')}
          </button>
        </div>
        <SegmentBuilder
          filter={filter}
          onChange={change}
          t={t}
          locale={locale}
          tiers={settings.tierLadder.steps}
          currency={settings.shopCurrency}
          vocabulary={props.vocabulary}
          segments={segments}
          selected={selected}
          version={version}
          problem={problem}
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
            await api.deleteSegment(s.id);
            await props.onSegmentsChanged();
            setSelected(undefined);
            setStatus(t('segments.builder.deletedOk', { name: s.name }));
          }}
        />
      </aside>
      <section className="table-col">
        <div className="table-bar">
          <input type="search" className="search" aria-label={t('segments.table.search')} placeholder={t('segments.table.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="button" className="primary" onClick={() => setExporting(!exporting)} aria-expanded={exporting}>
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
        <MembersTable list={list} rows={shown} t={t} locale={locale} timeZone={settings.timeZone} tiers={settings.tierLadder.steps} selection={selection} onSelectionChange={setSelection} hrefFor={memberHref} />
      </section>
    </main>
  );
}
