// The owner's full-page view: RFM overview, members and segments (builder, table, export), one member.
// Routes live in the hash (routes.ts); each part is isolated: one that fails leaves the page working.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SegmentRow } from '@/lib/domain/rows';
import type { Settings } from '@/lib/domain/settings';
import type { Translate, UiLocale } from '@/lib/i18n';
import type { MembersApi } from './api';
import { MemberList, type MemberListParts } from '../../lib/member-list/member-list';
import { SectionBoundary } from '../section-boundary';
import { MemberView } from './member-view';
import { MembersSection } from './members-section';
import { Overview } from './overview';
import { NAV, parseRoute } from './routes';
import { errorText } from '../error-text';

/**
 * `visit`: counts the times the address shown was asked for again; each shows the overview or the
 * list afresh. Not a member's view: a profile being edited there would be lost for nothing.
 */
export function MembersPage({ api, t, locale, hash, visit = 0, now }: {
  api: MembersApi;
  t: Translate;
  locale: UiLocale;
  hash: string;
  visit?: number;
  now(): number;
}) {
  const route = parseRoute(hash);
  const [settings, setSettings] = useState<Settings>();
  // The list is built in a worker from every member and identity (list-worker.ts): the page keeps
  // columns, not 300k row objects for garbage collection to walk while the table scrolls.
  const [data, setData] = useState<{ list: MemberList; at: number }>();
  const [segments, setSegments] = useState<SegmentRow[]>([]);
  const [vocabulary, setVocabulary] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<{ error: unknown }>();
  const reload = useCallback(async () => {
    try {
      const s = await api.settings();
      const at = now();
      const onFirst = (first: MemberListParts, total: number) => {
        setSettings(s);
        setData((shown) => shown ?? { list: new MemberList(first, total), at });
      };
      const parts = await api.load({ now: at, timeZone: s.timeZone, rfmBreaks: s.rfmBreaks }, onFirst);
      setSettings(s);
      setData({ list: new MemberList(parts), at });
      setLoadError(undefined);
    } catch (e) {
      setLoadError({ error: e });
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
    () => (
      settings && data ? {
        now: at,
        timeZone: settings.timeZone,
        rfmBreaks: settings.rfmBreaks,
        points: { settings: settings.points, shopCurrency: settings.shopCurrency },
      } : undefined
    ),
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
        <p className="error" role="alert">{t('members.loadFailed', { message: errorText(t, loadError.error) })}</p>
      ) : !settings || !data || !ctx || (data.list.whole > data.list.count && (route.kind !== 'members' || route.rfm || route.segmentId)) ? (
        // The first rows are those of the plain list: a segment, the overview and a member wait for the whole one.
        <p className="muted loading" role="status">{t('members.loading', { count: data?.list.whole ?? '…' })}</p>
      ) : data.list.count === 0 ? (
        <p className="empty">{t('members.empty')}</p>
      ) : route.kind === 'overview' ? (
        <SectionBoundary key={`overview|${visit}`} name="overview" t={t}>
          <Overview t={t} locale={locale} settings={settings} list={data.list} ctx={ctx} segments={segments} />
        </SectionBoundary>
      ) : route.kind === 'member' ? (
        <SectionBoundary key="member" name="member" t={t}>
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
        </SectionBoundary>
      ) : (
        <SectionBoundary key={`members|${visit}`} name="members" t={t}>
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
        </SectionBoundary>
      )}
    </div>
  );
}
