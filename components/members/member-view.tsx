// One member on a full page: what the panel shows (its own components), plus every order and
// note, tier history, the contact log and every merged identity with unmerge.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrderRow } from '@/lib/domain/rows';
import type { TierStep } from '@/lib/domain';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import type { MemberCard } from '@/lib/messaging/card';
import { dateTime, tierName } from '../format';
import { MergeWith } from '../panel/merge';
import { Notes } from '../panel/notes';
import { Orders } from '../panel/orders';
import { ProfileEditor } from '../panel/profile';
import { DueReminders, QuickReminder } from '../panel/reminder';
import { Summary } from '../panel/summary';
import { Tags } from '../panel/tags';
import { errorText } from '../error-text';
import type { MemberHistory, MembersApi } from './api';

interface Loaded {
  card: MemberCard;
  orders: OrderRow[];
  history: MemberHistory;
}

export function MemberView({ memberId, api, t, locale, timeZone, author, tiers, vocabulary, now, backHref, onChanged }: {
  memberId: string;
  api: MembersApi;
  t: Translate;
  locale: UiLocale;
  timeZone: string;
  author: string;
  tiers: readonly TierStep[];
  vocabulary: readonly string[];
  now: number;
  backHref: string;
  /** The master file changed (tags, merge, unmerge): the page reloads its members. */
  onChanged(): void;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>();
  const [status, setStatus] = useState<string>();
  const load = useCallback(async () => {
    const [card, orders, history] = await Promise.all([api.card(memberId), api.orders(memberId), api.history(memberId)]);
    setLoaded(card ? { card, orders, history } : null);
  }, [api, memberId]);
  useEffect(() => {
    setLoaded(undefined);
    void load();
  }, [load]);
  // A write elsewhere (another tab, the panel beside a chat, a teammate through sync) redraws the
  // member in place, as the panel does: the parts keep their state (a note being typed stays).
  useEffect(() => api.onCardsChanged(() => void load().catch(() => undefined)), [api, load]);
  const panel = useMemo(
    () =>
      api.panelFor(memberId, async () => {
        await load();
        onChanged();
      }),
    [api, memberId, load, onChanged],
  );

  if (loaded === undefined) return <p className="muted" role="status">…</p>;
  if (loaded === null)
    return (
      <section className="member-view">
        <a href={backHref}>← {t('member.back')}</a>
        <p className="empty">{t('member.notFound')}</p>
      </section>
    );
  const { card, orders, history } = loaded;
  // The panel's components, given everything instead of the latest few.
  const full: MemberCard = { ...card, recentOrders: orders, orderTotal: orders.length, notes: history.notes, noteTotal: history.notes.length };
  const step = (id: string | undefined) => (id === undefined ? undefined : tiers.find((s) => s.id === id));
  const tierLabel = (id: string | undefined) => {
    const s = step(id);
    return s ? tierName(s, t) : (id ?? '—');
  };

  return (
    <section className="member-view" data-testid="member-view" data-member-id={card.member.id}>
      <a href={backHref} className="back">← {t('member.back')}</a>
      <div className="mv-grid">
        <div className="mv-main panel-like">
          <DueReminders card={full} t={t} locale={locale} now={now} timeZone={timeZone} />
          <Summary card={full} t={t} locale={locale} now={now} timeZone={timeZone} />
          <Tags card={full} t={t} api={panel} vocabulary={vocabulary} />
          <Orders key={orders.length} card={full} t={t} locale={locale} timeZone={timeZone} api={panel} title="members.allOrders" />
          <Notes card={full} t={t} locale={locale} timeZone={timeZone} api={panel} author={author} />
        </div>
        <div className="mv-side panel-like">
          <section className="block first">
            <h3>{t('member.identities')}</h3>
            <ul className="identities" data-testid="identities">
              {card.identities.map((i) => (
                <li key={i.id}>
                  <span className="platform">{i.kind === 'handle' ? t(`platform.${i.platform}` as MessageKey) : t(`member.kind.${i.kind}`)}</span>
                  {i.kind === 'handle' ? '@' : ''}
                  {i.display || i.value}
                  <span className="muted small"> · {t(`member.identityLinked.${i.linkedBy}`)}</span>
                  {i.linkedBy !== 'created' && card.identities.length > 1 && (
                    <button
                      type="button"
                      className="link small"
                      aria-label={t('identities.unmergeLabel', { handle: i.display || i.value })}
                      onClick={async () => {
                        try {
                          await api.unmerge(i.id);
                        } catch (e) {
                          const handle = `${i.kind === 'handle' ? '@' : ''}${i.display || i.value}`;
                          return setStatus(t('write.separateFailed', { handle, message: errorText(t, e) }));
                        }
                        setStatus(t('member.unmerged', { handle: i.display || i.value }));
                        await load();
                        onChanged();
                      }}
                    >
                      {t('identities.unmerge')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {status && <p className="ok small" role="status">{status}</p>}
          </section>
          <section className="block">
            <h3>{t('member.tierHistory')}</h3>
            {history.tierChanges.length === 0 ? (
              <p className="muted small">{t('member.tierNone')}</p>
            ) : (
              <ul className="history" data-testid="tier-history">
                {history.tierChanges.map((c) => (
                  <li key={c.id}>
                    <span className={c.direction === 'up' ? 'ok' : c.direction === 'down' ? 'warn' : undefined}>{t('member.tierChange', { from: tierLabel(c.from), to: tierLabel(c.to) })}</span>
                    <span className="muted small">{dateTime(c.at, locale, timeZone)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="block">
            <h3>{t('member.contacts')}</h3>
            {history.contacts.length === 0 ? (
              <p className="muted small">{t('member.contactsNone')}</p>
            ) : (
              <ul className="history" data-testid="contact-log">
                {history.contacts.map((c) => (
                  <li key={c.id}>
                    <span>{t('member.contactLine', { channel: channelName(c.channel, t), reason: c.reason })}</span>
                    <span className="muted small">{dateTime(c.at, locale, timeZone)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <QuickReminder t={t} locale={locale} now={now} api={panel} />
          <ProfileEditor key={card.member.updatedAt} card={full} t={t} api={panel} locale={locale} />
          <MergeWith card={full} t={t} locale={locale} api={panel} />
        </div>
      </div>
    </section>
  );
}

const KNOWN_CHANNELS = ['sms', 'email', 'line', 'chat', 'other'];
function channelName(channel: string, t: Translate): string {
  return KNOWN_CHANNELS.includes(channel) ? t(`segments.export.channel.${channel}` as MessageKey) : channel;
}
