import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BackupSection } from '@/components/backup-section';
import { CategoriesSection } from '@/components/categories-section';
import { ImportSection } from '@/components/import-section';
import { readInWorker } from '@/components/read-in-worker';
import { JourneysSection } from '@/components/journeys-section';
import { MarketplacesSection } from '@/components/marketplaces-section';
import { OptionsNav, type NavSection } from '@/components/options-nav';
import { SectionBoundary } from '@/components/section-boundary';
import { ShopSetupSection } from '@/components/shop-setup-section';
import { PagesSection } from '@/components/site-rules-section';
import { TeamSection } from '@/components/team-section';
import { TiersSection } from '@/components/tiers-section';
import { errorText } from '@/components/error-text';
import '@/components/tiers.css';
import '@/components/theme.css';
import '@/components/options.css';
import type { SiteRuleRow } from '@/lib/domain/rows';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import { addWooShop, readMarketplaceAccess, removeHosts, removeWooShop, requestHosts, watchMarketplaceAccess } from '@/lib/hosts/access';
import { resolveLocale, translator } from '@/lib/i18n';
import { send } from '@/lib/messaging/browser-client';
import { onStoreChanged } from '@/lib/messaging/store-events';
import { BROWSER_ZONE, cancelImport, currentReport, endImport, importBatch, importWorker, loadJourneys, MARKETPLACES, storeUsage, STORE_FILES, streamAbove, streamFile, TEAM, tierFactsOf } from './page-api';

/** A section of the settings page: its place in the table of contents (its id also names its error boundary), what it shows. */
interface SettingsPart extends NavSection {
  body: ReactNode;
}

function App() {
  const [settings, setSettings] = useState<Settings>();
  const [counts, setCounts] = useState<{ members: number; orders: number }>();
  const [rules, setRules] = useState<SiteRuleRow[]>([]);
  const [savedSegments, setSavedSegments] = useState<{ id: string; name: string }[]>([]);
  /**
   * What the tier and category figures were last read for: the counts after this page's own import
   * or restore. Writes from elsewhere (a teammate's through sync, a burst at a time) update the counts
   * line only: each new version has the background compute its report again.
   */
  const [dataVersion, setDataVersion] = useState<string>();
  const refreshCounts = (here = true) =>
    send('store.counts', {}).then((c) => {
      setCounts(c);
      if (here) setDataVersion(`${c.members}/${c.orders}`);
    }, () => undefined);
  const refreshRules = () => send('siteRule.list', {}).then(setRules, () => undefined);
  /** The settings read again after a change made elsewhere than `save` (a restore, a new ladder or category rules applied). */
  const reloadSettings = () => send('settings.get', {}).then(setSettings);
  useEffect(() => {
    reloadSettings().catch(() => undefined);
    void refreshCounts();
    void refreshRules();
    send('segment.list', {}).then((list) => setSavedSegments(list.map(({ id, name }) => ({ id, name }))), () => undefined);
    // The counts follow the store written from elsewhere: an import's members the background completes
    // after its page was closed, another tab's import, a teammate's orders through sync.
    const stopCounts = onStoreChanged(['members', 'orders'], () => void refreshCounts(false), 1000);
    const stopRules = onStoreChanged(['siteRules'], () => void refreshRules());
    return () => {
      stopCounts();
      stopRules();
    };
  }, []);
  const locale = resolveLocale(settings?.locale, navigator.language);
  const t = translator(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('options.title');
  }, [locale, t]);
  // A setting the background did not save: said at the foot of the page, wherever it was changed (a
  // choice or a radio button has no line of its own), and the caller's "Saved" is not shown.
  const [saveFailed, setSaveFailed] = useState<string>();
  const notSaved = (e: unknown) => setSaveFailed(t('options.saveFailed', { message: errorText(t, e) }));
  const save = async (patch: SettingsPatch): Promise<boolean> => {
    try {
      setSettings(await send('settings.update', patch));
      setSaveFailed(undefined);
      return true;
    } catch (e) {
      notSaved(e);
      return false;
    }
  };
  /** The page's sections, in order: each the table of contents' target and a boundary that keeps a failure to it. */
  const parts = (settings: Settings): SettingsPart[] => [
    {
      id: 'data',
      label: t('options.data'),
      body: (
        <ImportSection
          t={t}
          locale={locale}
          counts={counts}
          settings={settings}
          importBatch={importBatch}
          saveMappings={(importMappings) => save({ importMappings })}
          endImport={endImport}
          cancelImport={cancelImport}
          readFile={(file, options) => readInWorker(importWorker, file, options)}
          streamFile={streamFile}
          streamAbove={streamAbove}
          onImported={() => void refreshCounts()}
        />
      ),
    },
    {
      id: 'tiers',
      label: t('tiers.title'),
      body: (
        <TiersSection
          t={t}
          locale={locale}
          settings={settings}
          tierFacts={tierFactsOf}
          lapse={() => currentReport().then((r) => r.lapseSuggestion)}
          apply={(ladder) => send('tiers.apply', { ladder })}
          onSave={save}
          reload={reloadSettings}
          reportsUrl="reports.html"
          dataVersion={dataVersion}
        />
      ),
    },
    {
      id: 'categories',
      label: t('categories.title'),
      body: (
        <CategoriesSection
          t={t}
          locale={locale}
          settings={settings}
          figures={() => currentReport().then((r) => r.byCategory)}
          apply={async (rules) => {
            const result = await send('categories.apply', { rules });
            await reloadSettings();
            return result;
          }}
          onSave={save}
          dataVersion={dataVersion}
        />
      ),
    },
    {
      id: 'backup',
      label: t('options.backup'),
      body: (
        <BackupSection
          t={t}
          locale={locale}
          settings={settings}
          members={counts?.members}
          orders={counts?.orders}
          usage={storeUsage}
          onSave={(patch) => void save(patch)}
          files={STORE_FILES}
          onChanged={() => {
            reloadSettings().catch(() => undefined);
            void refreshCounts();
            void refreshRules();
          }}
        />
      ),
    },
    {
      id: 'marketplaces',
      label: t('options.marketplaces'),
      body: (
        <MarketplacesSection
          t={t}
          marketplaces={MARKETPLACES}
          readAccess={readMarketplaceAccess}
          watchAccess={watchMarketplaceAccess}
          enable={(m) => requestHosts(m.hostPatterns)}
          disable={(m) => removeHosts(m.hostPatterns)}
          addShop={addWooShop}
          removeShop={removeWooShop}
        />
      ),
    },
    {
      id: 'pages',
      label: t('options.pages'),
      body: (
        <PagesSection
          t={t}
          locale={locale}
          rules={rules}
          settings={settings}
          onSave={(patch) => void save(patch)}
          onDelete={(id) => void send('siteRule.delete', { id }).then(refreshRules, notSaved)}
        />
      ),
    },
    {
      id: 'journeys',
      label: t('journeys.title'),
      body: (
        <JourneysSection
          t={t}
          locale={locale}
          tiers={settings.tierLadder.steps}
          timeZone={settings.timeZone}
          savedSegments={savedSegments}
          load={loadJourneys}
          save={(patch) => send('journeys.settings.update', patch)}
          sweep={() => send('reminders.sweep', {})}
        />
      ),
    },
    {
      id: 'team',
      label: t('team.title'),
      body: (
        <TeamSection t={t} locale={locale} api={TEAM} />
      ),
    },
    {
      id: 'shop',
      label: t('setup.shop'),
      body: (
        <ShopSetupSection
          key={settings.setupAt}
          t={t}
          locale={locale}
          settings={settings}
          browserLocale={navigator.language}
          browserZone={BROWSER_ZONE}
          onSave={save}
        />
      ),
    },
  ];

  const shown = settings !== undefined && settings.setupAt !== null ? parts(settings) : [];

  return (
    <main className={shown.length ? 'page with-nav' : 'page'}>
      <header>
        <span className="logo" aria-hidden="true">R</span>
        <h1>{t('options.title')}</h1>
        <a className="members-link" href={browser.runtime.getURL('/members.html')}>{t('members.open')}</a>
      </header>
      {settings === undefined ? null : settings.setupAt === null ? (
        <>
          <p className="setup-first">{t('setup.first')}</p>
          <ShopSetupSection t={t} locale={locale} settings={settings} browserLocale={navigator.language} browserZone={BROWSER_ZONE} onSave={save} />
        </>
      ) : (
        <div className="options-body">
          <OptionsNav sections={shown} label={t('options.nav')} />
          <div className="options-sections">
            {shown.map((part) => (
              <div key={part.id} id={part.id} className="section-anchor">
                <SectionBoundary name={part.id} t={t}>
                  {part.body}
                </SectionBoundary>
              </div>
            ))}
          </div>
        </div>
      )}
      {saveFailed && (
        <div className="alert save-failed" role="alert">
          <span>{saveFailed}</span>
          <button type="button" className="link small" onClick={() => setSaveFailed(undefined)}>
            {t('options.saveFailed.close')}
          </button>
        </div>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
