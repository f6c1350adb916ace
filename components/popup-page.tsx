import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import type { ShowOutcome } from '@/lib/hosts/show-here';

export function PopupPage({ t, counts, showHere, openSettings }: { t: Translate; counts?: { members: number; orders: number } | undefined; showHere(): Promise<ShowOutcome>; openSettings(): void }) {
  const [outcome, setOutcome] = useState<ShowOutcome>();
  return (
    <main className="popup">
      <header>
        <span className="logo" aria-hidden="true">
          R
        </span>
        {t('app.name')}
      </header>
      <section aria-labelledby="this-page">
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
      <div className="foot">
        <span>{counts ? t('options.store', { members: counts.members, orders: counts.orders }) : ''}</span>
        <button type="button" onClick={openSettings}>
          {t('popup.settings')}
        </button>
      </div>
    </main>
  );
}
