import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import type { ShowOutcome } from '@/lib/hosts/show-here';
import { SegmentsTab, type SegmentsTabProps } from './popup/segments-tab';

type Tab = 'page' | 'segments';

export function PopupPage({ t, counts, showHere, openSettings, segments }: { t: Translate; counts?: { members: number; orders: number } | undefined; showHere(): Promise<ShowOutcome>; openSettings(): void; segments: Omit<SegmentsTabProps, 't'> }) {
  const [outcome, setOutcome] = useState<ShowOutcome>();
  const [tab, setTab] = useState<Tab>('page');
  const tabs: readonly [Tab, string][] = [
    ['page', t('popup.thisPage')],
    ['segments', t('segments.tab')],
  ];
  return (
    <main className="popup">
      <header>
        <span className="logo" aria-hidden="true">
          R
        </span>
        {t('app.name')}
      </header>
      <div role="tablist" className="tabs">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      {tab === 'segments' && (
        <div role="tabpanel" id="panel-segments" aria-labelledby="tab-segments">
          <SegmentsTab t={t} {...segments} />
        </div>
      )}
      {tab === 'page' && (
      <section aria-labelledby="this-page" role="tabpanel" id="panel-page">
        <h2 id="this-page">{t('popup.thisPage')}</h2>
        <p className="muted small">{t('popup.showHelp')}</p>
        <button type="button" className="primary" onClick={async () => setOutcome(await showHere())}>
          {t('popup.show')}
        </button>
        {outcome && (
          <p className={outcome === 'unavailable' ? 'error-text small' : 'muted small'} role="status">
            {t(`popup.outcome.${outcome}`)}
          </p>
        )}
      </section>
      )}
      <div className="foot">
        <span>{counts ? t('options.store', { members: counts.members, orders: counts.orders }) : ''}</span>
        <button type="button" onClick={openSettings}>
          {t('popup.settings')}
        </button>
      </div>
    </main>
  );
}
