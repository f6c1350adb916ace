import { useEffect, useId, useState } from 'react';
import { BACKUP_TABLES, backupDue, type BackupProblem, type BackupRead, type Progress, type TableCounts, type ValidBackup } from '@/lib/domain/backup';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import type { SavedFile, StoreFiles } from '@/lib/export/store-files';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { ChoiceField } from './choice-field';
import { FileInput } from './file-input';
import { dateTime, fileSize, tierName } from './format';
import { errorText } from './error-text';
import { backupTableName, restoreProblemText } from './restore-problem';

export interface BackupSectionProps {
  t: Translate;
  locale: UiLocale;
  settings: Settings | undefined;
  /** Members in the store, for the backup reminder. */
  members: number | undefined;
  /** Orders in the store, shown with the members and the size on disk. */
  orders?: number | undefined;
  /** Bytes this extension keeps on disk (navigator.storage.estimate), when the browser says. */
  usage?: () => Promise<number | undefined>;
  onSave?: (patch: SettingsPatch) => void;
  files: StoreFiles;
  /** Settings and counts changed (a backup recorded, a store restored): read them again. */
  onChanged(): void;
  now?: () => number;
}

type Job =
  | { kind: 'idle' }
  /** `fraction` (0–1) when the work can tell how far it is. */
  | { kind: 'busy'; key: MessageKey; fraction?: number }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string; problems?: BackupProblem[] };

type Restore = { kind: 'none' } | { kind: 'confirm'; backup: ValidBackup; current: TableCounts };

/** Hands a file to the browser's downloads: an <a download> on a Blob URL (no downloads permission needed). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** How often the shop can ask to be reminded to back up (days; 0 never). */
const REMIND_CHOICES = [7, 30, 0] as const;

export function BackupSection({ t, locale, settings, members, orders, usage, onSave, files, onChanged, now = () => Date.now() }: BackupSectionProps) {
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const [bytes, setBytes] = useState<number>();
  useEffect(() => {
    usage?.().then(setBytes, () => undefined);
  }, [usage, members, orders]);
  const [restore, setRestore] = useState<Restore>({ kind: 'none' });
  const [today, setToday] = useState(now);
  useEffect(() => setToday(now()), [settings?.lastBackupAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const restoreId = useId();
  const busy = job.kind === 'busy';
  const timeZone = settings?.timeZone ?? 'UTC';

  const progressOf =
    (key: MessageKey): Progress =>
      (done, total) =>
        setJob({ kind: 'busy', key, fraction: total ? done / total : 1 });

  const run = async (key: MessageKey, task: (progress: Progress) => Promise<string>, failure: (message: string) => string, measured = true) => {
    setJob({ kind: 'busy', key, fraction: measured ? 0 : undefined });
    try {
      setJob({ kind: 'done', message: await task(progressOf(key)) });
    } catch (e) {
      setJob({ kind: 'failed', message: failure(errorText(t, e)) });
    }
  };

  const backup = () =>
    run(
      'options.backup.making',
      async (progress) => {
        const saved = await files.backup(timeZone, progress);
        saveFile(saved.blob, saved.fileName);
        onChanged();
        return t('options.backup.made', { file: saved.fileName, size: fileSize(saved.blob.size, locale), rows: saved.rows });
      },
      (message) => t('options.backup.failed', { message }),
    );

  const exportCsv = (which: 'membersCsv' | 'ordersCsv') =>
    settings &&
    run(
      'options.export.working',
      async () => {
        const saved: SavedFile = await files[which]({ t, settings, tierName: (tier) => tierName(tier, t) });
        saveFile(saved.blob, saved.fileName);
        return t('options.export.done', { file: saved.fileName, rows: saved.rows });
      },
      (message) => t('options.export.failed', { message }),
      false,
    );

  const refusal = (read: Exclude<BackupRead, { ok: true }>): Job => {
    switch (read.reason) {
      case 'not-a-backup':
        return { kind: 'failed', message: t('options.restore.notBackup') };
      case 'newer-schema':
        return { kind: 'failed', message: t('options.restore.newer', { schema: read.schemaVersion }) };
      case 'damaged':
        return read.table === undefined
          ? { kind: 'failed', message: t('options.restore.damaged') }
          : { kind: 'failed', message: t('options.restore.incomplete', { table: backupTableName(t, read.table), expected: read.expected ?? 0, found: read.found ?? 0 }) };
      case 'invalid-rows':
        return { kind: 'failed', message: t('options.restore.invalid', { count: read.invalidRows }), problems: read.problems };
    }
  };

  const choose = async (file: File | undefined) => {
    setRestore({ kind: 'none' });
    if (!file) return;
    setJob({ kind: 'busy', key: 'options.restore.reading', fraction: 0 });
    try {
      const read = await files.read(file, progressOf('options.restore.reading'));
      if (!read.ok) return setJob(refusal(read));
      setRestore({ kind: 'confirm', backup: read, current: await files.counts() });
      setJob({ kind: 'idle' });
    } catch (e) {
      setJob({ kind: 'failed', message: t('options.restore.failed', { message: errorText(t, e) }) });
    }
  };

  const confirm = (backup: ValidBackup) => {
    setRestore({ kind: 'none' });
    return run(
      'options.restore.working',
      async (progress) => {
        await files.restore(backup, progress);
        onChanged();
        return t('options.restore.done', { members: backup.counts.members, orders: backup.counts.orders, date: dateTime(backup.header.createdAt, locale, timeZone) });
      },
      (message) => t('options.restore.failed', { message }),
    );
  };

  const last = settings?.lastBackupAt ?? null;
  const remindDays = settings?.backupRemindDays ?? 30;
  const due = settings !== undefined && members !== undefined && backupDue(last, members, today, remindDays);
  return (
    <section className="section" aria-labelledby="backup-h">
      <h2 id="backup-h">{t('options.backup')}</h2>
      <p className="lead">{t('options.backup.lead')}</p>
      {due && (
        <p className="alert" data-testid="backup-reminder">
          {last === null ? t('options.backup.remindNever', { members: members ?? 0 }) : t('options.backup.remindOld', { days: Math.floor((today - last) / 86_400_000) })}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={() => void backup()} disabled={busy}>
          {t('options.backup.download')}
        </button>
        <label className="field" htmlFor={restoreId}>
          <span>{t('options.restore.label')}</span>
          <FileInput
            t={t}
            names={[]}
            label={t('options.restore.label')}
            id={restoreId}
            accept=".gz,.ndjson,application/gzip"
            disabled={busy}
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = ''; // choosing the same file again reads it again
            }}
          />
        </label>
      </div>
      {members !== undefined && orders !== undefined && (
        <p className="counts" data-testid="store-size">
          {t('options.store.holds', { members, orders })}
          {bytes !== undefined && ` ${t('options.store.disk', { size: fileSize(bytes, locale) })}`}
        </p>
      )}
      {settings && <p className="counts">{last === null ? t('options.backup.never') : t('options.backup.last', { date: dateTime(last, locale, timeZone) })}</p>}
      {settings && onSave && (
        <div className="row" style={{ marginTop: 10 }}>
          <ChoiceField
            label={t('options.backup.remindEvery')}
            value={String(remindDays)}
            onChange={(v) => onSave({ backupRemindDays: Number(v) })}
            choices={REMIND_CHOICES.map((days) => ({ value: String(days), label: t(`options.backup.remind.${days}`) }))}
          />
        </div>
      )}

      {restore.kind === 'confirm' && (
        <div className="problems-box" data-testid="restore-confirm">
          <p className="small">{t('options.restore.confirmLead', { date: dateTime(restore.backup.header.createdAt, locale, timeZone) })}</p>
          <table className="rules">
            <thead>
              <tr>
                <th>{t('options.restore.col.what')}</th>
                <th>{t('options.restore.col.now')}</th>
                <th>{t('options.restore.col.backup')}</th>
              </tr>
            </thead>
            <tbody>
              {BACKUP_TABLES.filter((name) => name !== 'settings' && (restore.current[name] || restore.backup.counts[name])).map((name) => (
                <tr key={name}>
                  <td>{backupTableName(t, name)}</td>
                  <td>{restore.current[name].toLocaleString(locale)}</td>
                  <td>{restore.backup.counts[name].toLocaleString(locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row" style={{ marginTop: 10 }}>
            <button type="button" className="primary" onClick={() => void confirm(restore.backup)}>
              {t('options.restore.confirm')}
            </button>
            <button type="button" onClick={() => setRestore({ kind: 'none' })}>
              {t('options.restore.cancel')}
            </button>
          </div>
        </div>
      )}
      {job.kind === 'busy' && (
        <div className="progress">
          {job.fraction !== undefined && <progress max={1} value={job.fraction} aria-label={t(job.key, { percent: Math.floor(job.fraction * 100) })} />}
          <p className="counts">{t(job.key, { percent: Math.floor((job.fraction ?? 0) * 100) })}</p>
        </div>
      )}
      {job.kind === 'done' && (
        <div className="status" role="status">
          {job.message}
        </div>
      )}
      {job.kind === 'failed' && (
        <div className="alert" role="alert">
          {job.message}
          {job.problems && job.problems.length > 0 && (
            <ul className="problems" data-testid="restore-problems">
              {job.problems.map((p, i) => (
                <li key={i}>{restoreProblemText(t, p)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <h3 className="sub">{t('options.export')}</h3>
      <div className="row">
        <button type="button" onClick={() => void exportCsv('membersCsv')} disabled={busy || !settings}>
          {t('options.export.members')}
        </button>
        <button type="button" onClick={() => void exportCsv('ordersCsv')} disabled={busy || !settings}>
          {t('options.export.orders')}
        </button>
      </div>
      <p className="counts">{t('options.export.help')}</p>
    </section>
  );
}
