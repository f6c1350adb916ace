// One file's preview before anything is stored: the preset, the columns read, counts, the first
// rows and the problems by kind; or why it can't be read, with a column mapping to fix it.
import { Fragment } from 'react';
import type { Platform } from '@/lib/domain/rows';
import type { Translate, UiLocale } from '@/lib/i18n';
import { guessMapping, type GenericMapping } from '@/lib/import/generic';
import { ColumnMapping, mappedFieldLabel, type MappingDraft } from './column-mapping';
import { fileSize, money, shortDate } from './format';
import type { ImportProblem } from '@/lib/import/presets/types';
import type { WorkerRead } from './read-in-worker';
import { presetLabel, problemText, refusalText } from './import-problems';

export type Problem = { file: string; p: ImportProblem };

/** The problems as a CSV the user can open next to the file: which file, row, column and what to do. */
export function problemReport(t: Translate, problems: readonly Problem[]): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return '\uFEFF' + ['file,row,column,problem', ...problems.map(({ file, p }) => [q(file), p.line, q(p.column ?? ''), q(problemText(t, p))].join(','))].join('\r\n');
}

/** One file's read for the preview, with the mapping it was read through (the user's, or one saved for its headers). */
export interface FileRead {
  file: File;
  /** Absent for a big spreadsheet: it can't be read in part, so it is only read on import. */
  read?: WorkerRead;
  mapping?: GenericMapping | undefined;
  saved?: boolean;
  /** Read from the file's first bytes only (a big file, streamed on import). */
  head?: boolean;
}

/** The preset's name as the user reads it (a mapping is "your column mapping", in their language). */
export function presetName(preset: { id: string; label: string }, t: Translate, saved?: boolean): string {
  if (preset.id !== 'generic') return presetLabel(t, preset);
  return t(saved ? 'options.map.saved' : 'options.map.yours');
}

export interface FilePreviewProps {
  t: Translate;
  locale: UiLocale;
  timeZone: string | undefined;
  fileRead: FileRead;
  editing: boolean;
  defaultPlatform: Platform;
  onEdit(open: boolean): void;
  onMapping(mapping: GenericMapping): void;
}

/** One file as it will be stored: preset, columns read, counts, first rows; or why not, with a mapping to fix it. */
export function FilePreview({ t, locale, timeZone, fileRead, editing, defaultPlatform, onEdit, onMapping }: FilePreviewProps) {
  const { file, read, mapping, saved, head } = fileRead;
  if (!read) return null;
  const headers = read.headers;
  const near = !read.ok ? read.near : undefined;
  const draft = (): MappingDraft => {
    if (mapping) return { ...mapping };
    const base: MappingDraft = { platform: read.ok ? (read.platform as Platform) : (near?.platform ?? defaultPlatform) };
    if (read.ok && read.columns) return { ...base, ...Object.fromEntries(read.columns) };
    // Nearly a known export: its columns where they are, a guess for the rest.
    if (near) return { ...base, ...(headers ? guessMapping(headers) : {}), ...Object.fromEntries(near.columns), ...(near.emptyStatus && { statusValues: { '': near.emptyStatus } }) };
    return { ...base, ...(headers ? guessMapping(headers) : {}) };
  };
  const editor = headers && (
    <ColumnMapping
      t={t}
      fileName={file.name}
      headers={headers}
      values={read.values}
      note={near && t('options.map.near', { label: presetLabel(t, near), missing: near.missing.map((m) => `“${m}”`).join(', ') })}
      initial={draft()}
      onApply={onMapping}
      onCancel={read.ok ? () => onEdit(false) : undefined}
    />
  );
  if (!read.ok) {
    return (
      <div className="preview-file">
        {!near && <p className="alert small">{read.unknownColumns ? t('options.map.unknown', { file: file.name, columns: headers?.slice(0, 6).join(', ') ?? '' }) : refusalText(t, read.refusal)}</p>}
        {editor}
      </div>
    );
  }
  const buyers = new Set(read.orders.map((o) => o.buyer.handle ?? o.buyer.email ?? o.buyer.phone)).size;
  return (
    <div className="preview-file">
      <p className="small">
        <strong>{read.fileName}</strong> · {presetName(read.preset, t, saved)} · {read.encoding.toUpperCase()} ·{' '}
        {t('options.import.previewCounts', { orders: read.orders.length, rows: read.rowCount, buyers, problems: read.problems.length })}
      </p>
      {head && <p className="small muted">{t('options.import.head', { rows: read.rowCount, size: fileSize(file.size, locale) })}</p>}
      {read.columns && read.columns.length > 0 && (
        <p className="small columns-read" data-testid="import-columns">
          {t('options.import.columns')}:{' '}
          {/* The separator stays outside each pair, where the line may break: a line of pairs kept whole ran past the card. */}
          {read.columns.map(([field, header], i) => (
            <Fragment key={field}>
              {i > 0 && ' · '}
              <span>
                {mappedFieldLabel(t, field)} ← <code>{header}</code>
              </span>
            </Fragment>
          ))}
        </p>
      )}
      <div className="preview-table">
        <table className="rules">
          <thead>
            <tr>
              <th>{t('options.import.col.order')}</th>
              <th>{t('options.import.col.buyer')}</th>
              <th>{t('options.import.col.amount')}</th>
              <th>{t('options.import.col.status')}</th>
              <th>{t('options.import.col.placed')}</th>
            </tr>
          </thead>
          <tbody>
            {read.orders.slice(0, 5).map((o) => (
              <tr key={o.orderNo}>
                <td>{o.orderNo}</td>
                <td>{o.buyer.handle ?? o.buyer.email ?? o.buyer.phone}</td>
                <td>{money(o.amountMinor, o.currency, locale)}</td>
                <td>{t(`status.${o.status}`)}</td>
                <td>{shortDate(o.placedAt, locale, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {read.problems.length > 0 && <ProblemGroups t={t} problems={read.problems} />}
      {headers && !editing && (
        <button type="button" className="link" onClick={() => onEdit(true)}>
          {t(mapping ? 'options.map.change' : 'options.map.own')}
        </button>
      )}
      {editing && editor}
    </div>
  );
}

/** Problems of one kind: the same column and the same code (whatever the values in it). */
function problemKind(p: ImportProblem): string {
  return `${p.column ?? ''}|${p.code}|${p.leftOut === undefined ? '' : 'leftOut'}`;
}

const FIRST_ROWS = 3;

/** The preview's problems before anything is stored: how many rows of each kind, and the first rows of each. */
function ProblemGroups({ t, problems }: { t: Translate; problems: readonly ImportProblem[] }) {
  const groups = new Map<string, ImportProblem[]>();
  for (const p of problems) {
    const kind = problemKind(p);
    (groups.get(kind) ?? groups.set(kind, []).get(kind)!).push(p);
  }
  return (
    <div className="problem-groups" data-testid="import-problems">
      <p className="small">
        <strong>{t('options.import.problemsTitle')}</strong>
      </p>
      <ul className="problems">
        {[...groups.entries()].map(([kind, rows]) => (
          <li key={kind}>
            <strong>{t('options.import.problemGroup', { column: rows[0]!.column ?? t('options.import.problemNoColumn'), count: rows.length })}</strong>
            <ul>
              {rows.slice(0, FIRST_ROWS).map((p, i) => (
                <li key={i}>{t('options.import.problemRow', { line: p.line, message: problemText(t, p) })}</li>
              ))}
              {rows.length > FIRST_ROWS && <li className="muted">{t('options.import.problemMore', { count: rows.length - FIRST_ROWS })}</li>}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
