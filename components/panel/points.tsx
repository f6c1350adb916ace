import { useId, useState } from 'react';
import type { MemberCard } from '@/lib/messaging/card';
import type { Translate, UiLocale } from '@/lib/i18n';
import { shortDate } from '../format';
import type { PanelApi } from './api';
import { signed } from './summary';
import { adjustmentProblem } from '@/lib/domain/points';
import { errorText, reasonText } from '../error-text';

/** Points adjusted by hand with a reason (a gift, points spent on a reward), and the latest adjustments. */
export function Points({ card, t, locale, timeZone, api }: { card: MemberCard; t: Translate; locale: UiLocale; timeZone?: string | undefined; api: PanelApi }) {
  const id = useId();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const points = card.points;
  if (!points) return null;
  const save = async () => {
    const value = Number(delta.trim().replace(/^\+/, '').replace('−', '-'));
    if (!/^[+−-]?\d+$/.test(delta.trim()) || !Number.isSafeInteger(value) || value === 0) return setStatus({ ok: false, text: t('points.invalidDelta') });
    if (!reason.trim()) return setStatus({ ok: false, text: t('points.needReason') });
    // The same rule the store applies, checked here against the balance shown so the reason reads in the agent's language.
    const problem = adjustmentProblem(value, reason, points.balance);
    if (problem) return setStatus({ ok: false, text: reasonText(t, problem.reason) ?? problem.message });
    try {
      await api.adjustPoints(value, reason.trim());
      setStatus({ ok: true, text: t('points.saved', { delta: signed(value, locale) }) });
      setDelta('');
      setReason('');
    } catch (e) {
      setStatus({ ok: false, text: t('points.failed', { message: errorText(t, e) }) });
    }
  };
  return (
    <section className="block" data-testid="points">
      <h3 id={`${id}-h`}>{t('points.adjust')}</h3>
      <form
        className="points-form"
        aria-labelledby={`${id}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input className="points-delta" inputMode="numeric" aria-label={t('points.delta')} placeholder="+50" value={delta} maxLength={9} onChange={(e) => (setDelta(e.target.value), setStatus(undefined))} />
        <input aria-label={t('points.reason')} placeholder={t('points.reasonPlaceholder')} value={reason} maxLength={200} onChange={(e) => (setReason(e.target.value), setStatus(undefined))} />
        <button type="submit">{t('points.save')}</button>
      </form>
      {status && (
        <p className={status.ok ? 'ok small' : 'warn small'} role="status">
          {status.text}
        </p>
      )}
      {points.log.length > 0 && (
        <ul className="points-log small" aria-label={t('points.log')} data-testid="points-log">
          {points.log.map((p) => (
            <li key={p.id}>{t('points.logEntry', { delta: signed(p.delta, locale), reason: p.reason, author: p.author || '—', date: shortDate(p.at, locale, timeZone) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
