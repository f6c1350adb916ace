import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BackupSection } from '@/components/backup-section';
import { CategoriesSection } from '@/components/categories-section';
import { ImportSection, type ImportSectionProps } from '@/components/import-section';
import { JourneysSection } from '@/components/journeys-section';
import { readInWorker } from '@/components/read-in-worker';
import { streamEither, streamInBackground, streamThroughPage } from '@/components/stream-in-background';
import { MarketplacesSection } from '@/components/marketplaces-section';
import { OptionsNav, type NavSection } from '@/components/options-nav';
import { SectionBoundary } from '@/components/section-boundary';
import { ShopSetupSection } from '@/components/shop-setup-section';
import { PagesSection } from '@/components/site-rules-section';
import { TeamSection, type TeamApi } from '@/components/team-section';
import { TiersSection } from '@/components/tiers-section';
import '@/components/tiers.css';
import type { TierLadder } from '@/lib/domain/types';
import '@/components/theme.css';
import '@/components/options.css';
import type { SiteRuleRow } from '@/lib/domain/rows';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import { addWooShop, readMarketplaceAccess, removeHosts, removeWooShop, requestHosts, switchableMarketplaces, watchMarketplaceAccess } from '@/lib/hosts/access';
import { resolveLocale, translator } from '@/lib/i18n';
import { send } from '@/lib/messaging/browser-client';
import { onStoreChanged } from '@/lib/messaging/store-events';
import { backgroundWorker, sendBulk } from '@/lib/messaging/bulk-client';
import { endInSteps } from '@/lib/messaging/import-end-steps';
import { storeFiles } from '@/lib/export/store-files';
import { benchTimed } from './bench-timings';

const MARKETPLACES = switchableMarketplaces();
// Backup, restore and CSV export read and write the database from this page (lib/export/store-files).
const STORE_FILES = storeFiles(send);

// ?streamAbove=N (bytes) lets tests stream small files through the big-file path.
const streamAbove = Number(new URLSearchParams(location.search).get('streamAbove') ?? '') || undefined;
// The bench build times this page's import messages (tests/bench); other builds send them as they are.
const timed = import.meta.env.REGULARS_BENCH ? benchTimed : <A extends unknown[], R>(_: string, call: (...a: A) => Promise<R>) => call;
// An import's messages go by structured clone to the background's worker, in the order they are sent.
// The bench build's ?transport=runtime sends them by runtime messaging instead: the same run's baseline.
const bulk = import.meta.env.REGULARS_BENCH && new URLSearchParams(location.search).get('transport') === 'runtime' ? send : sendBulk;
const importBatch = timed('orders.import', (rowsJson: string, session: string) => bulk('orders.import', { rowsJson, session }));
// The end a step at a time, each answered well inside the time the browser gives one message (import-end-steps.ts).
const endImport = timed('orders.importEnd', (session: string) => endInSteps((s) => bulk('orders.importEnd', { session: s, step: true }), session));
const cancelImport = (session: string) => bulk('orders.importCancel', { session });
const importWorker = () => new Worker(new URL('../../lib/import/import-worker.ts', import.meta.url), { type: 'module' });
// A big file goes to the background, which reads it where it stores it (file-import.ts); a spreadsheet,
// or every file where there is no service worker to hand it to (or the bench's runtime baseline),
// is read by this page's worker and stored batch by batch.
const streamFile: ImportSectionProps['streamFile'] = (file, options, session, seen, onStored) =>
  streamEither(
    file,
    async () => bulk === sendBulk && (await backgroundWorker()) !== undefined,
    () => streamInBackground(sendBulk, file, options, session, seen, onStored),
    () => streamThroughPage(importWorker, importBatch, file, options, session, seen, onStored),
  );
// The lapse suggestion and the category figures: those of the report the background keeps from the
// change stream (current, or computed now: after an import it is computing it already). Read from
// every order in a worker of this page instead, they were read from the rows right after an import
// (before the background had kept its order ledger), while the background still held the import's own memory.
const currentReport = () => send('reports.refresh', {}).then(({ snapshot }) => snapshot.report);
// Every member's tier facts under a window: the background's, kept from the change stream (read from the
// store here, right after an import they were read from every member row).
const tierFactsOf = (window: TierLadder['window']) =>
  send('tiers.facts', { window }).then(({ orderCount, spendMinor }) => orderCount.map((n, i) => ({ orderCount: n, spendMinor: spendMinor[i]! })));

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const loadJourneys = () => send('journeys.settings.get', {});
// The extension's origin holds the member store (IndexedDB): its usage is what the store takes on disk.
const storeUsage = () => navigator.storage.estimate().then((e) => e.usage);

const TEAM: TeamApi = {
  status: () => send('sync.status', {}),
  connect: (c) => send('sync.connect', c),
  disconnect: () => send('sync.disconnect', {}),
  retry: () => send('sync.retry', {}),
  setup: (s) => send('sync.setup', s),
  // The team server's origin only, asked when the user presses Connect (a user gesture).
  allowOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
};

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
  useEffect(() => {
    send('settings.get', {}).then(setSettings, () => undefined);
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
  const save = async (patch: SettingsPatch) => setSettings(await send('settings.update', patch));
  const withSections = settings !== undefined && settings.setupAt !== null;
  const sections: NavSection[] = [
    { id: 'data', label: t('options.data') },
    { id: 'tiers', label: t('tiers.title') },
    { id: 'categories', label: t('categories.title') },
    { id: 'backup', label: t('options.backup') },
    { id: 'marketplaces', label: t('options.marketplaces') },
    { id: 'pages', label: t('options.pages') },
    { id: 'journeys', label: t('journeys.title') },
    { id: 'team', label: t('team.title') },
    { id: 'shop', label: t('setup.shop') },
  ];

  return (
    <main className={withSections ? 'page with-nav' : 'page'}>
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
          <OptionsNav sections={sections} label={t('options.nav')} />
          <div className="options-sections">
            <div id="data" className="section-anchor">
              <SectionBoundary name="import" t={t}>
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
              </SectionBoundary>
            </div>
            <div id="tiers" className="section-anchor">
              <SectionBoundary name="tiers" t={t}>
                <TiersSection
                  t={t}
                  locale={locale}
                  settings={settings}
                  tierFacts={tierFactsOf}
                  lapse={() => currentReport().then((r) => r.lapseSuggestion)}
                  apply={(ladder) => send('tiers.apply', { ladder })}
                  onSave={save}
                  reload={() => send('settings.get', {}).then(setSettings)}
                  reportsUrl="reports.html"
                  dataVersion={dataVersion}
                />
              </SectionBoundary>
            </div>
            <div id="categories" className="section-anchor">
              <SectionBoundary name="categories" t={t}>
                <CategoriesSection
                  t={t}
                  locale={locale}
                  settings={settings}
                  figures={() => currentReport().then((r) => r.byCategory)}
                  apply={async (rules) => {
                    const result = await send('categories.apply', { rules });
                    setSettings(await send('settings.get', {}));
                    return result;
                  }}
                  onSave={save}
                  dataVersion={dataVersion}
                />
              </SectionBoundary>
            </div>
            <div id="backup" className="section-anchor">
              <SectionBoundary name="backup" t={t}>
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
                    send('settings.get', {}).then(setSettings, () => undefined);
                    void refreshCounts();
                    void refreshRules();
                  }}
                />
              </SectionBoundary>
            </div>
            <div id="marketplaces" className="section-anchor">
              <SectionBoundary name="marketplaces" t={t}>
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
              </SectionBoundary>
            </div>
            <div id="pages" className="section-anchor">
              <SectionBoundary name="site-rules" t={t}>
                <PagesSection
                  t={t}
                  locale={locale}
                  rules={rules}
                  settings={settings}
                  onSave={(patch) => void save(patch)}
                  onDelete={(id) => void send('siteRule.delete', { id }).then(refreshRules)}
                />
              </SectionBoundary>
            </div>
            <div id="journeys" className="section-anchor">
              <SectionBoundary name="journeys" t={t}>
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
              </SectionBoundary>
            </div>
            <div id="team" className="section-anchor">
              <SectionBoundary name="team" t={t}>
                <TeamSection t={t} locale={locale} api={TEAM} />
              </SectionBoundary>
            </div>
            <div id="shop" className="section-anchor">
              <SectionBoundary name="shop-setup" t={t}>
                <ShopSetupSection
                  key={settings.setupAt}
                  t={t}
                  locale={locale}
                  settings={settings}
                  browserLocale={navigator.language}
                  browserZone={BROWSER_ZONE}
                  onSave={save}
                />
              </SectionBoundary>
            </div>
          </div>
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
