// The popup's Segments tab: the RFM overview in brief, each segment a link into the members page.
import { useEffect, useState } from 'react';
import type { RfmGroup } from '@/lib/domain/segments';
import type { Translate, UiLocale } from '@/lib/i18n';
import { RfmGroups } from '../members/rfm-groups';

export interface SegmentsTabProps {
  t: Translate;
  locale: UiLocale;
  currency: string;
  overview(): Promise<{ total: number; groups: RfmGroup[] }>;
  /** Opens the members page at a hash route (#/members/rfm/champions). */
  openMembers(hash: string): void;
}

export function SegmentsTab({ t, locale, currency, overview, openMembers }: SegmentsTabProps) {
  const [data, setData] = useState<{ total: number; groups: RfmGroup[] }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    overview().then(setData, (e: Error) => setError(e.message));
  }, [overview]);
  return (
    <section aria-labelledby="segments-tab-title" className="segments-tab">
      <h2 id="segments-tab-title">{t('segments.overview.title')}</h2>
      {error && <p className="error-text small" role="alert">{error}</p>}
      {!data && !error && <p className="muted small" role="status">…</p>}
      {data && data.total === 0 && <p className="muted small">{t('members.empty')}</p>}
      {data && data.total > 0 && (
        <RfmGroups groups={data.groups} t={t} locale={locale} currency={currency} compact hrefFor={(s) => `#/members/rfm/${s}`} onOpen={(s) => openMembers(`#/members/rfm/${s}`)} />
      )}
      <button type="button" className="primary" onClick={() => openMembers('#/members')}>
        {t('members.open')}
      </button>
    </section>
  );
}
