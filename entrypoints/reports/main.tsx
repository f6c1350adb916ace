// The reports page (reports.html): draws the report snapshot the background answers to the page's
// first script (early.ts: asked before this code loads; current, computed first when stale). The
// stored one, read over the page's own connection, is drawn when it comes first: as it is when
// current, marked as updating when stale. body[data-ready] says when every chart of the current
// figures has drawn (tests and the benchmark).
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportsPage } from '@/components/reports/reports-page';
import '@/components/theme.css';
import '@/components/options.css';
import '@/components/reports.css';
import { OutcomesCard } from '@/components/reports/outcomes-card';
import { SectionBoundary } from '@/components/section-boundary';
import { reportSnapshotState, touchOutcomesWithin, type ReportSnapshot } from '@/lib/readers/page-reads';
import type { Settings } from '@/lib/domain/settings';
import { resolveLocale, translator } from '@/lib/i18n';
import { takeOver } from './handoff';

const loadOutcomes = touchOutcomesWithin;

type Shown = { settings: Settings; snapshot: ReportSnapshot | undefined; updating: boolean } | { error: string };

function markReady() {
  if (document.body.dataset.ready === 'true') return;
  document.body.dataset.ready = 'true';
  performance.mark('regulars:reports-ready');
}

/** One computation of the report (a recomputation under the same stamp is another). */
const identity = (snapshot: ReportSnapshot | undefined) => (snapshot ? `${snapshot.stamp}|${snapshot.report.generatedAt}` : '');

function App() {
  const [shown, setShown] = useState<Shown>();
  useEffect(() => {
    let live = true;
    /** The current figures drawn: nothing older replaces them, and the same ones are not drawn twice. */
    let current: string | undefined;
    const show = (settings: Settings, snapshot: ReportSnapshot | undefined, updating: boolean) => {
      if (!live || (current !== undefined && (updating || current === identity(snapshot)))) return;
      if (!updating) current = identity(snapshot);
      setShown({ settings, snapshot, updating });
    };
    // The background's answer is the current snapshot, asked for first thing (early.ts): drawn as it
    // comes, usually before this page's own read of the stored one.
    const answered = takeOver().then((next) => show(next.settings, next.snapshot, false));
    const read = (async () => {
      const first = await reportSnapshotState(Date.now());
      performance.mark('regulars:reports-read');
      if (!first.fresh) document.body.dataset.refreshed = 'true'; // the benchmark tells cold loads from warm ones
      document.body.dataset.read = 'true';
      // A stale one is drawn marked as updating until the answer comes.
      show(first.settings, first.snapshot, !first.fresh);
    })();
    Promise.all([answered, read]).catch((e: Error) => live && current === undefined && setShown({ error: e.message }));
    return () => {
      live = false;
    };
  }, []);
  const settings = shown && 'settings' in shown ? shown.settings : undefined;
  const locale = resolveLocale(settings?.locale, navigator.language);
  const t = translator(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('reports.title');
  }, [locale, t]);
  const report = shown && 'snapshot' in shown ? shown.snapshot?.report : undefined;
  const updating = shown && 'updating' in shown && shown.updating;
  const empty = report?.members === 0 && !updating;
  useEffect(() => {
    if (empty || (shown && 'error' in shown)) markReady();
  }, [empty, shown]);

  return (
    <main className="page reports-page">
      <header>
        <span className="logo" aria-hidden="true">R</span>
        <h1>{t('reports.title')}</h1>
        <a className="btn-link header-link" href="members.html">
          {t('members.nav.members')}
        </a>
        <a className="btn-link" href="options.html">
          {t('reports.settingsLink')}
        </a>
      </header>
      {(!shown || (updating && !report)) && <p className="muted" role="status">{t('reports.loading')}</p>}
      {shown && 'error' in shown && <p className="alert">{t('reports.failed', { message: shown.error })}</p>}
      {empty && <p className="status">{t('reports.empty')}</p>}
      {settings && report && !empty && shown && 'snapshot' in shown && (
        <SectionBoundary name="reports" t={t}>
          <ReportsPage
            key={shown.snapshot!.stamp}
            t={t}
            locale={locale}
            settings={settings}
            report={report}
            computeMs={shown.snapshot!.ms}
            updating={Boolean(updating)}
            // Ready only once the current figures are drawn, not a stale snapshot's.
            onReady={updating ? undefined : markReady}
          />
        </SectionBoundary>
      )}
      {settings && report && !empty && (
        <SectionBoundary name="outcomes" t={t}>
          <OutcomesCard t={t} locale={locale} timeZone={settings.timeZone} load={loadOutcomes} />
        </SectionBoundary>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
