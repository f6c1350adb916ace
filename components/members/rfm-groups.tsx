// The RFM overview: members and revenue share per named segment, each a link to its members.
// Shared by the members page and the popup's Segments tab.
import { useState } from 'react';
import type { RfmGroup } from '@/lib/domain/segments';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { money } from '../format';

export const segmentLabel = (segment: RfmGroup['segment'], t: Translate) => (segment === 'none' ? t('segments.rfm.none') : t(`segment.${segment}`));

const percent = (share: number, locale: UiLocale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: share > 0 && share < 0.01 ? 1 : 0 }).format(share);

export function RfmGroups({ groups, t, locale, currency, hrefFor, onOpen, compact = false }: {
  groups: readonly RfmGroup[];
  t: Translate;
  locale: UiLocale;
  currency: string;
  /** Where a segment's link goes (a URL or a hash route). */
  hrefFor(segment: RfmGroup['segment']): string;
  /** When set, a click calls this instead of following the link (the popup opens a tab). */
  onOpen?: ((segment: RfmGroup['segment']) => void) | undefined;
  compact?: boolean;
}) {
  const [by, setBy] = useState<'value' | 'size'>('value');
  const sorted = by === 'value' ? groups : [...groups].sort((a, b) => Number(a.segment === 'none') - Number(b.segment === 'none') || b.members - a.members);
  const top = Math.max(1, ...groups.map((g) => g.members));
  if (groups.length === 0 || groups.every((g) => g.segment === 'none')) return <p className="muted small">{t('segments.overview.notScored')}</p>;
  return (
    <div className={compact ? 'rfm compact' : 'rfm'}>
      <div className="rfm-sort" role="group">
        {(['value', 'size'] as const).map((k) => (
          <button key={k} type="button" className="chip" aria-pressed={by === k} onClick={() => setBy(k)}>
            {t(k === 'value' ? 'segments.overview.sortValue' : 'segments.overview.sortSize')}
          </button>
        ))}
      </div>
      <table className="rfm-table" data-testid="rfm-overview">
        <thead>
          <tr>
            <th scope="col">{t('segments.overview.segment')}</th>
            <th scope="col" className="num">{t('segments.overview.members')}</th>
            <th scope="col" className="num">{t('segments.overview.share')}</th>
            {!compact && <th scope="col" className="num">{t('segments.overview.revenue')}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((g) => (
            <tr key={g.segment} data-segment={g.segment}>
              <th scope="row">
                <a
                  href={hrefFor(g.segment)}
                  aria-label={t('segments.overview.open', { count: g.members, segment: segmentLabel(g.segment, t) })}
                  onClick={onOpen && ((e) => (e.preventDefault(), onOpen(g.segment)))}
                >
                  {segmentLabel(g.segment, t)}
                </a>
                {!compact && <span className="muted small help">{t(`segments.help.${g.segment}` as MessageKey)}</span>}
              </th>
              <td className="num" data-testid="rfm-count">
                <span className="bar-cell">
                  <span className="bar" style={{ width: `${Math.round((g.members / top) * 100)}%` }} aria-hidden="true" />
                  {g.members.toLocaleString(locale)}
                </span>
              </td>
              <td className="num">{percent(g.revenueShare, locale)}</td>
              {!compact && <td className="num">{money(g.spendMinor, currency, locale)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
