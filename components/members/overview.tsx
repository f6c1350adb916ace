// The members page's overview: members per RFM group, and each saved segment with its count.
import { useMemo } from 'react';
import type { SegmentRow } from '@/lib/domain/rows';
import type { Settings } from '@/lib/domain/settings';
import { rfmOverview, segmentFilterSchema } from '@/lib/domain/segments';
import type { Translate, UiLocale } from '@/lib/i18n';
import type { MemberList } from '../../lib/member-list/member-list';
import { RfmGroups } from './rfm-groups';
import { rfmHref } from './routes';
import type { ListCtx } from './members-section';

export function Overview({ t, locale, settings, list, ctx, segments }: {
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  list: MemberList;
  ctx: ListCtx;
  segments: readonly SegmentRow[];
}) {
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
