import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { MemberCard } from '@/lib/messaging/card';
import type { Translate, UiLocale } from '@/lib/i18n';
import { daysAgo, dateTime, money, shortDate, tierName } from './format';

export type PanelView =
  | { kind: 'waiting' }
  | { kind: 'loading'; handle?: string }
  | { kind: 'error'; message: string }
  | { kind: 'unknown'; handle: string; platform: string }
  | { kind: 'card'; card: MemberCard; handle?: string };

export interface BuyerPanelProps {
  view: PanelView;
  t: Translate;
  locale: UiLocale;
  now: number;
  timeZone?: string;
  onRetry(): void;
  onAddTag(tag: string): Promise<void>;
  onRemoveTag(tag: string): Promise<void>;
  onAddNote(text: string): Promise<void>;
}

export function BuyerPanel(props: BuyerPanelProps) {
  const { view, t } = props;
  return (
    <aside className="panel" aria-label={t('app.name')} aria-busy={view.kind === 'loading'}>
      <header className="brand">
        <span className="logo" aria-hidden="true">R</span>
        <span>{t('app.name')}</span>
      </header>
      {view.kind === 'waiting' && <p className="empty">{t('panel.waiting')}</p>}
      {view.kind === 'loading' && <Skeleton label={t('panel.loading')} />}
      {view.kind === 'error' && (
        <div className="error" role="alert">
          <p>{t('panel.error')}</p>
          <p className="muted small">{view.message}</p>
          <button type="button" onClick={props.onRetry}>{t('panel.retry')}</button>
        </div>
      )}
      {view.kind === 'unknown' && (
        <section className="unknown" data-testid="unknown-buyer">
          <h2>{t('panel.unknown.title')}</h2>
          <p className="muted">{t('panel.unknown.body', { handle: `@${view.handle}` })}</p>
        </section>
      )}
      {view.kind === 'card' && <Card {...props} card={view.card} />}
    </aside>
  );
}

function Skeleton({ label }: { label: string }) {
  return (
    <div className="skeleton" role="status">
      <span className="sr-only">{label}</span>
      <div className="bar w60" />
      <div className="grid">
        <div className="bar" />
        <div className="bar" />
        <div className="bar" />
        <div className="bar" />
      </div>
      <div className="bar w80" />
    </div>
  );
}

function Card(props: BuyerPanelProps & { card: MemberCard }) {
  const { card, t, locale, now, timeZone } = props;
  const m = card.member;
  const name = m.displayName || card.identities.find((i) => i.kind === 'handle')?.display || '';
  const handles = card.identities.filter((i) => i.kind === 'handle');
  const segment = card.rfm ? t(`segment.${card.rfm.segment}`) : t('segment.none');
  return (
    <div className="card" data-testid="member-card" data-member-id={m.id}>
      <section className="who">
        <div className="who-line">
          <h2 className="name" title={name}>{name}</h2>
          <span className="tier" style={{ ['--tier' as string]: card.tier.color }} data-testid="tier">{tierName(card.tier, t)}</span>
        </div>
        <p className="muted small">
          {t(`kind.${card.buyerKind}`)}
          {' · '}
          <span data-testid="lapse">
            {card.lapse.state === 'active' && t('lapse.active', { days: card.lapse.daysLeft })}
            {card.lapse.state === 'lapsed' && t('lapse.lapsed', { days: card.lapse.daysSince })}
            {card.lapse.state === 'none' && t('lapse.none')}
          </span>
        </p>
        {m.doNotContact && <p className="dnc">{t('dnc')}</p>}
        <NextTier card={card} t={t} locale={locale} />
      </section>

      <dl className="stats">
        <Stat label={t('stat.spend')} value={money(m.spendMinor, m.currency, locale)} id="spend" />
        <Stat label={t('stat.orders')} value={String(m.orderCount)} id="orders" />
        <Stat label={t('stat.aov')} value={m.orderCount ? money(m.averageOrderMinor, m.currency, locale) : t('stat.never')} id="aov" />
        <Stat label={t('stat.lastOrder')} value={shortDate(m.lastOrderAt, locale, timeZone)} hint={daysAgo(m.lastOrderAt, now, t)} id="last-order" />
        <Stat label={t('stat.segment')} value={segment} id="segment" wide />
      </dl>

      {handles.length > 1 && (
        <section className="block">
          <h3>{t('identities.title')}</h3>
          <ul className="identities" data-testid="identities">
            {handles.map((i) => (
              <li key={`${i.platform}:${i.value}`}>
                <span className="platform">{t(`platform.${i.platform}` as Parameters<Translate>[0])}</span> @{i.display || i.value}
                {(i.linkedBy === 'phone' || i.linkedBy === 'email') && <span className="muted small"> · {t(`identities.mergedBy.${i.linkedBy}`)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <Tags {...props} tags={m.tags} />
      <Orders card={card} t={t} locale={locale} timeZone={timeZone} />
      <Notes {...props} />
    </div>
  );
}

function Stat({ label, value, hint, id, wide }: { label: string; value: string; hint?: string; id: string; wide?: boolean }) {
  return (
    <div className={wide ? 'stat wide' : 'stat'}>
      <dt>{label}</dt>
      <dd data-testid={`stat-${id}`}>{value}</dd>
      {hint && <dd className="hint">{hint}</dd>}
    </div>
  );
}

function NextTier({ card, t, locale }: { card: MemberCard; t: Translate; locale: UiLocale }) {
  if (!card.nextTier) return <p className="muted small">{t('tier.top')}</p>;
  const tier = tierName(card.nextTier, t);
  const amount = card.spendToNextMinor !== undefined ? money(card.spendToNextMinor, card.member.currency, locale) : undefined;
  const orders = card.ordersToNext;
  const text =
    amount !== undefined && orders !== undefined
      ? t('tier.next', { amount, orders, tier })
      : amount !== undefined
        ? t('tier.nextSpend', { amount, tier })
        : t('tier.nextOrders', { orders: orders ?? 0, tier });
  return <p className="next-tier small">{text}</p>;
}

function Tags(props: BuyerPanelProps & { tags: string[] }) {
  const { t, tags } = props;
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const tag = draft.trim();
    if (!tag || busy) return;
    setBusy(true);
    try {
      await props.onAddTag(tag);
      setDraft('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="block">
      <h3>{t('tags.title')}</h3>
      <ul className="tags" aria-label={t('tags.title')}>
        {tags.length === 0 && <li className="muted small">{t('tags.none')}</li>}
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button type="button" className="x" aria-label={t('tags.remove', { tag })} onClick={() => void props.onRemoveTag(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline" onSubmit={submit}>
        <input aria-label={t('tags.add')} placeholder={t('tags.placeholder')} value={draft} maxLength={60} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={busy || !draft.trim()}>{t('tags.add')}</button>
      </form>
    </section>
  );
}

function Orders({ card, t, locale, timeZone }: { card: MemberCard; t: Translate; locale: UiLocale; timeZone?: string | undefined }) {
  return (
    <section className="block">
      <h3>{t('orders.title')}</h3>
      {card.recentOrders.length === 0 ? (
        <p className="muted small">{t('orders.none')}</p>
      ) : (
        <ul className="orders" data-testid="recent-orders">
          {card.recentOrders.map((o) => (
            <li key={o.id}>
              <span className="when">{shortDate(o.placedAt, locale, timeZone)}</span>
              <span className="what" title={o.items.map((i) => `${i.quantity} × ${i.title}`).join('\n')}>
                {o.items[0]?.title ?? o.orderNo}
                {o.items.length > 1 && <span className="muted"> +{o.items.length - 1}</span>}
              </span>
              <span className="amount">{money(o.amountMinor, o.currency, locale)}</span>
              <span className={`status s-${o.status}`}>{t(`status.${o.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {card.orderTotal > card.recentOrders.length && <p className="muted small">{t('orders.more', { count: card.orderTotal })}</p>}
    </section>
  );
}

function Notes(props: BuyerPanelProps & { card: MemberCard }) {
  const { t, card, locale, timeZone } = props;
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const text = draft.trim();
    if (!text || busy) return;
    setBusy(true);
    try {
      await props.onAddNote(text);
      setDraft('');
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save();
  };
  return (
    <section className="block">
      <h3>{t('notes.title')}</h3>
      <form
        className="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <textarea aria-label={t('notes.title')} placeholder={t('notes.placeholder')} value={draft} rows={2} maxLength={5000} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} />
        <button type="submit" disabled={busy || !draft.trim()}>{t('notes.add')}</button>
      </form>
      {card.notes.length === 0 ? (
        <p className="muted small">{t('notes.none')}</p>
      ) : (
        <ul className="notes" data-testid="notes">
          {card.notes.map((n) => (
            <li key={n.id}>
              <p>{n.text}</p>
              <p className="muted small">{t('notes.by', { author: n.author || t('notes.anonymous'), time: dateTime(n.createdAt, locale, timeZone) })}</p>
            </li>
          ))}
        </ul>
      )}
      {card.noteTotal > card.notes.length && <p className="muted small">{t('notes.more', { count: card.noteTotal })}</p>}
    </section>
  );
}
