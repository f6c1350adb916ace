// The reports page (reports.html): reads the store over its own connection, computes the report in
// one pass, draws it. body[data-ready] says when every chart has drawn (tests and the benchmark).
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportsPage } from '@/components/reports/reports-page';
import '@/components/theme.css';
import '@/components/options.css';
import '@/components/reports.css';
import { readReportData, withPageDb } from '@/lib/db/report-data';
import type { Settings } from '@/lib/db/settings';
import { shopReport, type ShopReport } from '@/lib/domain/reports';
import { resolveLocale, translator } from '@/lib/i18n';

type Loaded = { settings: Settings; report: ShopReport; ms: number } | { error: string };

async function load(): Promise<Loaded> {
  const started = performance.now();
  const { settings, members, orders } = await withPageDb(readReportData);
  const report = shopReport(members, orders, { ...settings, now: Date.now() });
  return { settings, report, ms: performance.now() - started };
}

function markReady() {
  document.body.dataset.ready = 'true';
  performance.mark('regulars:reports-ready');
}

function App() {
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    load().then(setLoaded, (e: Error) => setLoaded({ error: e.message }));
  }, []);
  const locale = resolveLocale(loaded && 'settings' in loaded ? loaded.settings.locale : undefined, navigator.language);
  const t = translator(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('reports.title');
  }, [locale, t]);
  const empty = loaded && 'report' in loaded && loaded.report.members === 0;
  useEffect(() => {
    if (empty || (loaded && 'error' in loaded)) markReady();
  }, [empty, loaded]);

  return (
    <main className="page reports-page">
      <header>
        <span className="logo" aria-hidden="true">R</span>
        <h1>{t('reports.title')}</h1>
        <a className="btn-link header-link" href="options.html">
          {t('reports.settingsLink')}
        </a>
      </header>
      {!loaded && <p className="muted" role="status">{t('reports.loading')}</p>}
      {loaded && 'error' in loaded && <p className="alert">{t('reports.failed', { message: loaded.error })}</p>}
      {empty && <p className="status">{t('reports.empty')}</p>}
      {loaded && 'report' in loaded && !empty && <ReportsPage t={t} locale={locale} settings={loaded.settings} report={loaded.report} computeMs={loaded.ms} onReady={markReady} />}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
