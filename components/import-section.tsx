import { useEffect, useId, useRef, useState } from 'react';
import type { Platform } from '@/lib/domain/rows';
import type { Settings } from '@/lib/domain/settings';
import type { Translate, UiLocale } from '@/lib/i18n';
import { ENCODINGS, type Encoding } from '@/lib/import/decode';
import { mappingKey, type GenericMapping } from '@/lib/import/generic';
import { ChoiceField } from './choice-field';
import { FileInput } from './file-input';
import { platformChoices } from './column-mapping';
import { IMPORT_BATCH } from '@/lib/domain/imported-order';
import { orderBatch, type OrderBatch } from '@/lib/import/order-batch';
import type { ReadOptions } from '@/lib/import/read-export';
import type { StreamSummary, WorkerRead } from './read-in-worker';
import type { OnStored } from './stream-in-background';
import { FilePreview, presetName, type FileRead, type Problem } from './import-preview';
import { ImportResult, type ImportMerge, type ImportOutcome } from './import-outcome';
import { errorText } from './error-text';
import { refusalText } from './import-problems';
import { RefusedError } from '@/lib/import/problem';
import { DistinctKeys } from '@/lib/import/distinct-keys';
import { BackgroundGone } from '@/lib/messaging/worker-post';
import { fileKey, headOf } from './import-head';

interface BatchResult {
  orders: { added: number; updated: number; unchanged: number };
  members: { created: number; updated: number };
  merges: ImportMerge[];
}

export interface ImportSectionProps {
  t: Translate;
  locale: UiLocale;
  settings: Settings | undefined;
  counts: { members: number; orders: number } | undefined;
  readFile(file: File, options: ReadOptions): Promise<WorkerRead>;
  /**
   * Reads a big file into the session a batch at a time, and says what each stored batch changed.
   * `seen` counts the session's orders: the file's are counted on it once it is through.
   */
  streamFile(file: File, options: ReadOptions, session: string, seen: DistinctKeys, onStored: OnStored): { done: Promise<StreamSummary>; stop(): void };
  /** Files larger than this many bytes are streamed instead of previewed (default 16 MB). */
  streamAbove?: number;
  /** Stores one batch: its orders as JSON (`orders.import`'s `rowsJson`). */
  importBatch(rowsJson: string, session: string): Promise<BatchResult>;
  /** Keeps the column mappings used by an import, by header set, so the same columns map themselves next time. */
  saveMappings(mappings: Record<string, GenericMapping>): Promise<unknown>;
  /** Ends the import; says what it changed in the store: members created, existing members matched. */
  endImport(session: string): Promise<{ members: { created: number; matched: number } }>;
  /** Puts back what the import wrote; `kept`: buyers an agent wrote on meanwhile, which stay. */
  cancelImport(session: string): Promise<{ kept: number; tooLate?: { created: number; matched: number } | undefined }>;
  onImported(): void;
  now?: () => number;
}

class Cancelled extends Error {}

export function ImportSection({
  t, locale, settings, counts, readFile, streamFile, streamAbove = 16_000_000,
  importBatch, saveMappings, endImport, cancelImport, onImported, now = () => performance.now(),
}: ImportSectionProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [platform, setPlatform] = useState<'' | Platform>('');
  const [encoding, setEncoding] = useState<'' | Encoding>('');
  const [outcome, setOutcome] = useState<ImportOutcome>({ kind: 'idle' });
  const [preview, setPreview] = useState<{ key: string; reads: FileRead[] }>();
  /** Mappings the user chose in this page, by file. */
  const [mappings, setMappings] = useState<Record<string, GenericMapping>>({});
  /** The file whose mapping editor is open though it was read (to correct a preset or a saved mapping). */
  const [editing, setEditing] = useState<string>();
  const cancelled = useRef(false);
  /** The big file being read, to stop when the import is cancelled. */
  const streaming = useRef<{ stop(): void }>(undefined);
  const optionsFor = () => ({ timeZone: settings?.timeZone ?? 'UTC', currency: settings?.shopCurrency ?? 'USD', platform: platform || undefined, encoding: encoding || undefined });
  const keyOf = () => JSON.stringify([files.map(fileKey), platform, encoding, settings?.timeZone, settings?.shopCurrency, mappings]);
  // Files above this are streamed (read and stored a chunk at a time) instead of previewed whole.
  const isBig = (f: File) => f.size > streamAbove;
  const readOne = async (file: File): Promise<FileRead> => {
    const partial = isBig(file);
    const source = partial ? await headOf(file) : file;
    if (!source) return { file, head: true };
    const chosen = mappings[fileKey(file)];
    const read = await readFile(source, { ...optionsFor(), mapping: chosen });
    // Columns no preset knows, or no buyer column: a mapping saved for these headers reads it.
    const saved = !chosen && !read.ok && read.headers ? settings?.importMappings[mappingKey(read.headers)] : undefined;
    if (!saved) return { file, read, mapping: chosen, head: partial };
    return { file, read: await readFile(source, { ...optionsFor(), mapping: saved }), mapping: saved, saved: true, head: partial };
  };
  const readAll = async (): Promise<FileRead[]> => {
    const key = keyOf();
    if (preview?.key === key) return preview.reads;
    const reads: FileRead[] = [];
    for (const file of files) reads.push(await readOne(file));
    setPreview({ key, reads });
    return reads;
  };
  // Choosing a file shows what it will become before anything is written.
  useEffect(() => {
    if (files.length && settings) void readAll();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [files, platform, encoding, settings, mappings]);
  const fileId = useId();
  const platformId = useId();

  const run = async () => {
    if (!files.length) return setOutcome({ kind: 'failed', message: t('options.import.nothing') });
    setOutcome({ kind: 'reading' });
    const fileReads = await readAll();
    const reads = [];
    for (const { read, head } of fileReads) {
      // A file that can't be read at all is refused whole: nothing from it is written.
      if (read && !read.ok) return setOutcome({ kind: 'failed', message: refusalText(t, read.refusal) });
      if (read && !head) reads.push(read);
    }
    const mappingOf = (file: File) => fileReads.find((r) => r.file === file)?.mapping;
    const big = files.filter(isBig);
    const problems: Problem[] = reads.flatMap((r) => r.problems.map((p) => ({ file: r.fileName, p })));
    const small = reads.flatMap((r) => r.orders);
    if (small.length === 0 && big.length === 0) return setOutcome({ kind: 'failed', message: t('options.import.noRows'), problems });

    const total = { added: 0, updated: 0, unchanged: 0, merges: 0, orders: 0 };
    const mergeList: ImportMerge[] = [];
    const orderKeys = new DistinctKeys();
    const presets = new Set(reads.map((r) => presetName(r.preset, t)));
    const session = crypto.randomUUID();
    const started = now();
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    cancelled.current = false;
    // One batch is stored while the next is sent (the background stores a session's batches in the
    // order they come): reading, sending and storing overlap. At most two are in flight.
    const inFlight: Promise<void>[] = [];
    const store = async (batch: OrderBatch, fraction: number) => {
      if (cancelled.current) throw new Cancelled();
      const sent = importBatch(batch.json, session).then((result) => {
        for (const key of batch.keys) orderKeys.add(key);
        counted(batch.keys.length, fraction, result);
      });
      sent.catch(() => undefined); // awaited below, or by the import's end
      inFlight.push(sent);
      if (inFlight.length > 1) await inFlight.shift();
    };
    const counted = (orders: number, fraction: number, result: BatchResult) => {
      total.added += result.orders.added;
      total.updated += result.orders.updated;
      total.unchanged += result.orders.unchanged;
      total.merges += result.merges.length;
      total.orders += orders;
      mergeList.push(...result.merges);
      const seconds = Math.max(0.001, (now() - started) / 1000);
      const perSecond = total.orders / seconds;
      setOutcome({ kind: 'working', done: Math.round(fraction * 1000), total: 1000, orders: total.orders, perSecond, secondsLeft: fraction > 0 ? (seconds / fraction) * (1 - fraction) : undefined });
    };
    setOutcome({ kind: 'working', done: 0, total: 1000, orders: 0, perSecond: 0, secondsLeft: undefined });
    let members: { created: number; matched: number };
    // What was being stored when the background stopped, named in the message if it does.
    let storing = reads.map((r) => r.fileName).join(', ');
    try {
      const smallBytes = totalBytes - big.reduce((sum, f) => sum + f.size, 0);
      for (let i = 0; i < small.length; i += IMPORT_BATCH) {
        const part = Math.min(small.length, i + IMPORT_BATCH) / small.length;
        await store(orderBatch(small.slice(i, i + IMPORT_BATCH)), (smallBytes * part) / totalBytes);
      }
      // The small files' orders are counted before a big file's count goes on from them.
      for (const sent of inFlight.splice(0)) await sent;
      let bytesDone = smallBytes;
      for (const file of big) {
        const before = bytesDone;
        if (cancelled.current) throw new Cancelled();
        storing = file.name;
        const stream = streamFile(file, { ...optionsFor(), mapping: mappingOf(file) }, session, orderKeys, (stored, fileProblems, progress) => {
          problems.push(...fileProblems.map((p) => ({ file: file.name, p })));
          for (const { result, orders } of stored) counted(orders, (before + progress.bytes) / totalBytes, result);
        });
        streaming.current = stream;
        const summary = await stream.done.finally(() => (streaming.current = undefined));
        if (cancelled.current) throw new Cancelled();
        if (!summary.ok) throw summary.refusal ? new RefusedError(summary.refusal) : summary.error;
        presets.add(presetName(summary.preset, t));
        bytesDone += file.size;
      }
      for (const sent of inFlight.splice(0)) await sent;
      if (cancelled.current) throw new Cancelled();
      ({ members } = await endImport(session));
      // The mappings that read these files are kept for the next file with the same columns.
      const used = Object.fromEntries(fileReads.flatMap((r) => (r.mapping && !r.saved && r.read?.headers ? [[mappingKey(r.read.headers), r.mapping]] : [])));
      if (Object.keys(used).length) await saveMappings({ ...settings?.importMappings, ...used }).catch(() => undefined);
    } catch (e) {
      // The browser stopped the background mid-import: what it stored stays (its session's journal
      // brings those orders' members up to date), and the end says how many. Not undone: the same
      // files again add the rest.
      if (e instanceof BackgroundGone && !cancelled.current) {
        const ended = await endImport(session).catch(() => undefined);
        const said = { file: storing, files: files.length };
        const message = ended ? t('options.import.stoppedKept', { ...said, ...ended.members }) : t('options.import.stoppedKeptLater', said);
        return setOutcome({ kind: 'failed', message, problems });
      }
      // Cancelled, or a batch failed: put back what the earlier batches of this import wrote.
      const undone = await cancelImport(session).catch(() => undefined);
      // Batches ended before the cancel came (by a stopped worker's next start, or a restore): they can't be taken back.
      if (undone?.tooLate) return setOutcome({ kind: 'failed', message: t('options.import.notTakenBack', { file: storing, ...undone.tooLate }), problems });
      if (e instanceof Cancelled) return setOutcome({ kind: 'cancelled', kept: undone?.kept ?? 0 });
      return setOutcome({ kind: 'failed', message: e instanceof RefusedError ? refusalText(t, e.refusal) : t('options.import.failed', { message: errorText(t, e) }), problems });
    }
    setOutcome({ kind: 'done', ...total, orders: orderKeys.size, ...members, mergeList, presets: [...presets].join(', '), problems });
    onImported();
  };

  return (
    <section className="section" aria-labelledby="data-h">
      <h2 id="data-h">{t('options.data')}</h2>
      <p className="lead">{t('options.data.lead')}</p>
      <div className="row">
        <label className="field" htmlFor={fileId}>
          <span>{t('options.import.label')}</span>
          <FileInput
            t={t}
            names={files.map((f) => f.name)}
            id={fileId}
            multiple
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values"
            label={t('options.import.label')}
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </label>
        <ChoiceField id={platformId} label={t('options.import.platform')} ariaLabel={t('options.import.platform')} value={platform} onChange={(v) => setPlatform(v as Platform | '')} empty={t('options.import.detect')} choices={platformChoices(t)} />
        <label className="field">
          <span>{t('options.import.encoding')}</span>
          <select value={encoding} onChange={(e) => setEncoding(e.target.value as Encoding | '')}>
            <option value="">{t('options.import.detect')}</option>
            {ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {enc === 'gb18030' ? 'GBK / GB18030' : enc.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void run()} disabled={outcome.kind === 'working' || outcome.kind === 'reading'}>
          {t('options.import.button')}
        </button>
      </div>
      {outcome.kind === 'reading' && <p className="counts">{t('options.import.reading')}</p>}
      {preview && outcome.kind === 'idle' && (
        <div className="preview" data-testid="import-preview">
          {preview.reads.map((r) => (
            <FilePreview
              key={fileKey(r.file)}
              t={t}
              locale={locale}
              timeZone={settings?.timeZone}
              fileRead={r}
              editing={editing === fileKey(r.file)}
              defaultPlatform={platform || 'other'}
              onEdit={(open) => setEditing(open ? fileKey(r.file) : undefined)}
              onMapping={(mapping) => {
                setEditing(undefined);
                setMappings((m) => ({ ...m, [fileKey(r.file)]: mapping }));
              }}
            />
          ))}
        </div>
      )}
      {outcome.kind === 'working' && (
        <div className="progress">
          <progress max={outcome.total} value={outcome.done} aria-label={t('options.import.label')} />
          <p className="counts">
            {t('options.import.working', { done: outcome.orders, percent: Math.round((outcome.done / outcome.total) * 100) })}
            {outcome.perSecond > 0 && ` · ${t('options.import.rate', { rate: Math.round(outcome.perSecond) })}`}
            {outcome.secondsLeft !== undefined && outcome.done < outcome.total && ` · ${t('options.import.left', { seconds: Math.ceil(outcome.secondsLeft) })}`}
          </p>
          <button
            type="button"
            onClick={() => {
              cancelled.current = true;
              streaming.current?.stop();
            }}
          >
            {t('options.import.cancel')}
          </button>
        </div>
      )}
      <ImportResult t={t} outcome={outcome} />
      {counts && <p className="counts">{t('options.store', { members: counts.members, orders: counts.orders })}</p>}
    </section>
  );
}
