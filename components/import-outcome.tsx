import { useEffect, useMemo } from 'react';
import type { Translate } from '@/lib/i18n';
import { problemReport, type Problem } from './import-preview';
import { problemText } from './import-problems';

export interface ImportMerge {
  memberId: string;
  identity: string;
  by: 'phone' | 'email';
}

/** Where an import stands, as the data section shows it. */
export type ImportOutcome =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'working'; done: number; total: number; orders: number; perSecond: number; secondsLeft: number | undefined }
  | { kind: 'done'; orders: number; created: number; matched: number; added: number; updated: number; unchanged: number; merges: number; mergeList: ImportMerge[]; presets: string; problems: Problem[] }
  | { kind: 'cancelled'; kept: number }
  | { kind: 'failed'; message: string; problems?: Problem[] };

/** An import's end: what it changed, or why it stopped, and the rows it could not read (with a CSV report). */
export function ImportResult({ t, outcome }: { t: Translate; outcome: ImportOutcome }) {
  const problemsOf = useMemo(() => (outcome.kind === 'done' || outcome.kind === 'failed' ? (outcome.problems ?? []) : []), [outcome]);
  const reportUrl = useMemo(() => (problemsOf.length ? URL.createObjectURL(new Blob([problemReport(t, problemsOf)], { type: 'text/csv' })) : undefined), [problemsOf, t]);
  useEffect(() => () => {
    if (reportUrl) URL.revokeObjectURL(reportUrl);
  }, [reportUrl]);
  return (
    <>
      {outcome.kind === 'done' && (
        <div className="status" role="status">
          <strong>{t('options.import.done', { orders: outcome.orders, created: outcome.created, matched: outcome.matched })}</strong>
          <div className="small">
            {outcome.presets} · {t('options.import.doneDetail', { added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged, merges: outcome.merges })}
          </div>
          {outcome.mergeList.length > 0 && (
            <ul className="problems" data-testid="import-merges">
              {outcome.mergeList.slice(0, 20).map((m) => (
                <li key={m.identity}>{t('options.import.merged', { identity: m.identity.split(':').slice(2).join(':'), by: t(m.by === 'phone' ? 'profile.phone' : 'profile.email').toLowerCase() })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome.kind === 'cancelled' && (
        <div className="status" role="status">
          {outcome.kept ? t('options.import.cancelledKept', { count: outcome.kept }) : t('options.import.cancelled')}
        </div>
      )}
      {outcome.kind === 'failed' && (
        <div className="alert" role="alert">
          {outcome.message}
        </div>
      )}
      {problemsOf.length > 0 && (
        <div className="problems-box">
          <p className="small">{t('options.import.problems', { count: problemsOf.length })}</p>
          <ul className="problems">
            {problemsOf.slice(0, 10).map(({ file, p }, i) => (
              <li key={i}>{t('options.import.problem', { file, line: p.line, column: p.column ?? '—', message: problemText(t, p) })}</li>
            ))}
          </ul>
          <a className="btn-link" download="regulars-import-problems.csv" href={reportUrl}>
            {t('options.import.report')}
          </a>
        </div>
      )}
    </>
  );
}
