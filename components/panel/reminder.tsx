import { useId, useState } from 'react';
import type { MemberCard } from '@/lib/messaging/card';
import type { Translate, UiLocale } from '@/lib/i18n';
import { dueWhen, reminderLabel } from '@/lib/reminders/label';
import { shortDate } from '../format';
import type { PanelApi } from './api';
import { DateTimeField } from '../date-field';
import { errorText } from '../error-text';

const DAY = 86_400_000;

/** "Follow up in 3 days / next week" (at 10:00 local), or at a date and time the agent picks. */
export function QuickReminder({ t, locale, now, api }: { t: Translate; locale: UiLocale; now: number; api: PanelApi }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [saved, setSaved] = useState<number>();
  const [failed, setFailed] = useState<string>();
  const at10 = (ts: number) => {
    const d = new Date(ts);
    d.setHours(10, 0, 0, 0);
    return d.getTime();
  };
  const set = async (dueAt: number) => {
    setFailed(undefined);
    try {
      await api.addReminder(dueAt, reason.trim() || t('reminder.reasonDefault'));
    } catch (e) {
      // The reason and the date stay, to try again.
      setSaved(undefined);
      return setFailed(t('write.reminderFailed', { message: errorText(t, e) }));
    }
    setSaved(dueAt);
    setReason('');
    setDate('');
  };
  return (
    <section className="block">
      <h3 id={`${id}-h`}>{t('reminder.title')}</h3>
      <div className="reminder" role="group" aria-labelledby={`${id}-h`}>
        <input aria-label={t('reminder.reason')} placeholder={t('reminder.reasonDefault')} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        <div className="chips">
          <button type="button" onClick={() => void set(at10(now + 3 * DAY))}>
            {t('reminder.in3days')}
          </button>
          <button type="button" onClick={() => void set(at10(now + 7 * DAY))}>
            {t('reminder.nextWeek')}
          </button>
          <DateTimeField locale={locale} t={t} label={t('reminder.onDate')} value={date} onChange={setDate} />
          <button type="button" disabled={!date} onClick={() => void set(new Date(date).getTime())}>
            {t('reminder.set')}
          </button>
        </div>
        {failed && (
          <p className="error-text small" role="alert">
            {failed}
          </p>
        )}
        {saved !== undefined && (
          <p className="muted small" role="status">
            {t('reminder.saved', { date: shortDate(saved, locale) })}
          </p>
        )}
      </div>
    </section>
  );
}

export function DueReminders({ card, t, locale, now, timeZone }: {
  card: MemberCard;
  t: Translate;
  locale: UiLocale;
  now: number;
  timeZone?: string | undefined;
}) {
  if (card.reminders.length === 0) return null;
  return (
    <ul className="due" data-testid="member-reminders">
      {card.reminders.map((r) => (
        <li key={r.id} className={r.dueAt <= now ? 'overdue' : undefined}>
          {reminderLabel(t, r, now)} · {dueWhen(t, r.dueAt, now, locale, timeZone)}
        </li>
      ))}
    </ul>
  );
}
