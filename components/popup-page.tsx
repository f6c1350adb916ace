import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import type { ShowOutcome } from '@/lib/hosts/show-here';
import { PopupTabs, type PopupTab } from './popup/tabs';

export function PopupPage({ t, counts, tabs, initialTab, showHere, openSettings, openTeam, setupNeeded, syncLine }: {
  t: Translate;
  /** Team sync in one glance (components/sync-status-line syncStatusLine); absent when not connected. */
  syncLine?: string | undefined;
  counts?: { members: number; orders: number } | undefined;
  /** Today first; Segments drops in as one more entry. */
  tabs: readonly PopupTab[];
  initialTab?: string | undefined;
  showHere(): Promise<ShowOutcome>;
  openSettings(): void;
  /** The settings, at the Team section. */
  openTeam(): void;
  /** The first-run questions are not answered yet: say so before anything else. */
  setupNeeded?: boolean | undefined;
}) {
  const [outcome, setOutcome] = useState<ShowOutcome>();
  const [active, setActive] = useState(initialTab ?? tabs[0]?.id ?? '');
  return (
    <main className="popup">
      <header>
        <span className="logo" aria-hidden="true">
          R
        </span>
        {t('app.name')}
        <button type="button" className="show-here" title={t('popup.showHelp')} onClick={async () => setOutcome(await showHere())}>
          {t('popup.show')}
        </button>
      </header>
      {outcome && (
        <p className={outcome === 'unavailable' ? 'error-text small' : 'muted small'} role="status">
          {t(`popup.outcome.${outcome}`)}
        </p>
      )}
      {setupNeeded && (
        <div className="setup-needed" role="status">
          <p>{t('setup.popup')}</p>
          <button type="button" className="primary" onClick={openSettings}>
            {t('setup.popupOpen')}
          </button>
        </div>
      )}
      <PopupTabs tabs={tabs} active={active} onChange={setActive} />
      {/* Opens the settings at the Team section: where a wrong password or a refused change is put right. */}
      {syncLine && (
        <button type="button" className="sync-line" data-testid="sync-line" onClick={openTeam}>
          {t('team.popup', { state: syncLine })}
        </button>
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
