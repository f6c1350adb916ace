// Export the segment shown to CSV with chosen columns; then "the campaign was sent" logs contacts.
import { useState } from 'react';
import type { Settings } from '@/lib/domain/settings';
import { localDateParts } from '@/lib/domain/time';
import { SEGMENT_COLUMNS, segmentCsvOf, type SegmentColumn } from '@/lib/export/segment-csv';
import type { Translate } from '@/lib/i18n';
import { tierName } from '../format';
import type { MembersApi } from './api';
import { errorText } from '../error-text';

const CHANNELS = ['sms', 'email', 'line', 'chat', 'other'] as const;
const DEFAULT_COLUMNS: readonly SegmentColumn[] = ['export.members.name', 'export.members.phone', 'export.members.email', 'export.members.tier', 'export.members.segment', 'export.members.lastOrder'];

function fileName(name: string, now: number, timeZone: string): string {
  const { year, month, day } = localDateParts(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  // Letters and digits of any script stay (a Chinese segment name is a fine file name); the rest become '-'.
  const slug = name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'segment';
  return `regulars-${slug}-${year}-${pad(month)}-${pad(day)}.csv`;
}

interface Done {
  file: string;
  memberIds: string[];
  flagged: number;
  dnc: number;
  capHours: number;
}

export function SegmentExport({ memberIds, settings, name, api, t, now, onClose }: {
  /** The members shown: read afresh from the store when the file is made. */
  memberIds: readonly string[];
  settings: Settings;
  /** The segment's name, or a description of the filters: names the file and the contact reason. */
  name: string;
  api: MembersApi;
  t: Translate;
  now(): number;
  onClose(): void;
}) {
  const [columns, setColumns] = useState<readonly SegmentColumn[]>(DEFAULT_COLUMNS);
  const [done, setDone] = useState<Done>();
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('sms');
  const [logged, setLogged] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    setError(undefined);
    setLogged(undefined);
    try {
      const at = now();
      const [{ memberIds: contacted, capHours }, members] = await Promise.all([api.recentlyContacted(at), api.membersOf(memberIds)]);
      const own = await api.identitiesOf(members.filter((m) => !m.doNotContact).map((m) => m.id));
      const ordered = SEGMENT_COLUMNS.filter((c) => columns.includes(c));
      const csv = segmentCsvOf(members, own, ordered, contacted, { t, settings, now: at, tierName: (s) => tierName(s, t) });
      const file = fileName(name, at, settings.timeZone);
      api.download(new Blob(csv.parts, { type: 'text/csv;charset=utf-8' }), file);
      setDone({ file, memberIds: csv.memberIds, flagged: csv.flagged, dnc: csv.doNotContact, capHours });
    } catch (e) {
      setError(t('segments.export.failed', { message: errorText(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="export" aria-labelledby="export-title" data-testid="segment-export">
      <div className="export-head">
        <h2 id="export-title">{t('segments.export.title')}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('segments.export.cancel')}
        </button>
      </div>
      <p className="muted small">{t('segments.export.lead', { hours: done?.capHours ?? 24 })}</p>
      <fieldset className="field">
        <legend>{t('segments.export.columns')}</legend>
        <div className="chips">
          {SEGMENT_COLUMNS.map((c) => (
            <label key={c} className="check-chip">
              <input type="checkbox" checked={columns.includes(c)} onChange={(e) => setColumns(e.target.checked ? [...columns, c] : columns.filter((x) => x !== c))} /> {t(c)}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="button" className="primary" disabled={busy || columns.length === 0} onClick={() => void download()}>
        {t('segments.export.download')}
      </button>
      {error && <p className="error-text small" role="alert">{error}</p>}
      {done && (
        <div className="sent">
          <p className="ok small" role="status" data-testid="export-done">
            {t('segments.export.done', { file: done.file, rows: done.memberIds.length, dnc: done.dnc, flagged: done.flagged, hours: done.capHours })}
          </p>
          <p className="muted small">{t('segments.export.sentHelp', { count: done.memberIds.length })}</p>
          <div className="save-row">
            <label>
              <span className="sr-only">{t('segments.export.channel')}</span>
              <select aria-label={t('segments.export.channel')} value={channel} onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number])}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`segments.export.channel.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={busy || logged !== undefined || done.memberIds.length === 0}
              onClick={async () => {
                setBusy(true);
                try {
                  const count = await api.logContacts(done.memberIds, channel, t('segments.export.reason', { name }));
                  setLogged(t('segments.export.logged', { count, channel: t(`segments.export.channel.${channel}`) }));
                } catch (e) {
                  setError(errorText(t, e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('segments.export.sent')}
            </button>
          </div>
          {logged && <p className="ok small" role="status" data-testid="contacts-logged">{logged}</p>}
        </div>
      )}
    </section>
  );
}
