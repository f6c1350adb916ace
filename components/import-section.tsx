import { useId, useState } from 'react';
import type { Platform } from '@/lib/db/rows';
import { PLATFORMS } from '@/lib/db/rows';
import type { Settings } from '@/lib/db/settings';
import type { Translate } from '@/lib/i18n';
import type { ImportedOrder } from '@/lib/import/imported-order';
import type { ImportProblem } from '@/lib/import/presets/types';
import { readOrderExport } from '@/lib/import/read-export';

const BATCH = 5000; // MAX_IMPORT_BATCH: fewer, larger transactions rewrite each member less often

interface BatchResult {
  orders: { added: number; updated: number; unchanged: number };
  members: { created: number; updated: number };
  merges: unknown[];
}

export interface ImportSectionProps {
  t: Translate;
  settings: Settings | undefined;
  counts: { members: number; orders: number } | undefined;
  importBatch(rows: ImportedOrder[], session: string): Promise<BatchResult>;
  endImport(session: string): Promise<unknown>;
  onImported(): void;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working'; done: number; total: number }
  | { kind: 'done'; orders: number; members: number; added: number; updated: number; unchanged: number; merges: number; problems: { file: string; p: ImportProblem }[] }
  | { kind: 'failed'; message: string };

export function ImportSection({ t, settings, counts, importBatch, endImport, onImported }: ImportSectionProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [platform, setPlatform] = useState<'' | Platform>('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const fileId = useId();
  const platformId = useId();

  const run = async () => {
    if (!files.length) return setOutcome({ kind: 'failed', message: t('options.import.nothing') });
    const timeZone = settings?.timeZone ?? 'UTC';
    const currency = settings?.shopCurrency ?? 'USD';
    const reads = [];
    for (const file of files) {
      const read = readOrderExport(new Uint8Array(await file.arrayBuffer()), file.name, { timeZone, currency, platform: platform || undefined });
      if (!read.ok) return setOutcome({ kind: 'failed', message: read.message });
      reads.push(read);
    }
    const all = reads.flatMap((r) => r.orders);
    const total = { added: 0, updated: 0, unchanged: 0, merges: 0, members: new Set<string>() };
    setOutcome({ kind: 'working', done: 0, total: all.length });
    const session = crypto.randomUUID();
    try {
      for (let i = 0; i < all.length; i += BATCH) {
        const result = await importBatch(all.slice(i, i + BATCH), session);
        total.added += result.orders.added;
        total.updated += result.orders.updated;
        total.unchanged += result.orders.unchanged;
        total.merges += result.merges.length;
        setOutcome({ kind: 'working', done: Math.min(all.length, i + BATCH), total: all.length });
      }
    } catch (e) {
      return setOutcome({ kind: 'failed', message: t('options.import.failed', { message: (e as Error).message }) });
    } finally {
      void endImport(session).catch(() => undefined);
    }
    const buyers = new Set(all.map((o) => `${o.buyer.handle ?? ''}|${o.buyer.phone ?? ''}|${o.buyer.email ?? ''}`));
    setOutcome({
      kind: 'done',
      orders: all.length,
      members: buyers.size,
      added: total.added,
      updated: total.updated,
      unchanged: total.unchanged,
      merges: total.merges,
      problems: reads.flatMap((r) => r.problems.map((p) => ({ file: r.fileName, p }))),
    });
    onImported();
  };

  return (
    <section className="section" aria-labelledby="data-h">
      <h2 id="data-h">{t('options.data')}</h2>
      <p className="lead">{t('options.data.lead')}</p>
      <div className="row">
        <label className="field" htmlFor={fileId}>
          <span>{t('options.import.label')}</span>
          <input
            id={fileId}
            type="file"
            multiple
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values"
            aria-label="Import order export"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </label>
        <label className="field" htmlFor={platformId}>
          <span>{t('options.import.platform')}</span>
          <select id={platformId} aria-label="Platform" value={platform} onChange={(e) => setPlatform(e.target.value as Platform | '')}>
            <option value="">{t('platform.*')} — auto</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {t(`platform.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void run()} disabled={outcome.kind === 'working'}>
          {t('options.import.button')}
        </button>
      </div>
      {outcome.kind === 'working' && (
        <>
          <progress max={outcome.total} value={outcome.done} />
          <p className="counts">{t('options.import.working', { done: outcome.done, total: outcome.total })}</p>
        </>
      )}
      {outcome.kind === 'done' && (
        <div className="status" role="status">
          <strong>{t('options.import.done', { orders: outcome.orders, members: outcome.members })}</strong>
          <div className="small">
            {t('options.import.doneDetail', { added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged, merges: outcome.merges })}
          </div>
          {outcome.problems.length > 0 && (
            <ul className="problems">
              {outcome.problems.slice(0, 20).map(({ file, p }, i) => (
                <li key={i}>
                  {file}, row {p.line}
                  {p.column ? `, column "${p.column}"` : ''}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {outcome.kind === 'failed' && (
        <div className="alert" role="alert">
          {outcome.message}
        </div>
      )}
      {counts && <p className="counts">{t('options.store', { members: counts.members, orders: counts.orders })}</p>}
    </section>
  );
}
