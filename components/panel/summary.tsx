import type { MemberCard } from '@/lib/messaging/card';
import type { Translate, UiLocale } from '@/lib/i18n';
import { benefitsText } from '@/lib/domain/tiers';
import { categoryName, daysAgo, money, shortDate, tierName, timeAgo } from '../format';

export function Summary({ card, t, locale, now, timeZone }: { card: MemberCard; t: Translate; locale: UiLocale; now: number; timeZone?: string | undefined }) {
  const m = card.member;
  const name = m.displayName || card.identities.find((i) => i.kind === 'handle')?.display || '';
  const segment = card.rfm ? t(`segment.${card.rfm.segment}`) : t('segment.none');
  return (
    <>
      <section className="who">
        <div className="who-line">
          <h2 className="name" title={name}>
            {name}
          </h2>
          <span className="tier" style={{ ['--tier' as string]: card.tier.color }} data-testid="tier">
            {tierName(card.tier, t)}
          </span>
        </div>
        <p className="muted small">
          {t(`kind.${card.buyerKind}`)}
          {' · '}
          <span data-testid="lapse" className={card.lapse.state === 'lapsed' ? 'warn' : undefined}>
            {card.lapse.state === 'active' && t('lapse.active', { days: card.lapse.daysLeft })}
            {card.lapse.state === 'lapsed' && t('lapse.lapsed', { days: card.lapse.daysSince })}
            {card.lapse.state === 'none' && t('lapse.none')}
          </span>
        </p>
        <Benefits card={card} t={t} locale={locale} />
        <CategoryLapse card={card} t={t} />
        {m.doNotContact && (
          <p className="dnc" data-testid="dnc">
            {t('dnc')}
          </p>
        )}
        {card.team?.lastContact && (
          <p className="muted small" data-testid="last-contact">
            {t('panel.contactedBy', { name: card.team.lastContact.by, ago: timeAgo(card.team.lastContact.at, now, locale) })}
          </p>
        )}
        <NextTier card={card} t={t} locale={locale} />
      </section>
      <dl className="stats">
        <Stat label={t('stat.spend')} value={money(m.spendMinor, m.currency, locale)} id="spend" />
        <Stat label={t('stat.orders')} value={String(m.orderCount)} id="orders" />
        <Stat label={t('stat.aov')} value={m.orderCount ? money(m.averageOrderMinor, m.currency, locale) : t('stat.never')} id="aov" />
        <Stat label={t('stat.lastOrder')} value={shortDate(m.lastOrderAt, locale, timeZone)} hint={daysAgo(m.lastOrderAt, now, t)} id="last-order" />
        <Stat label={t('stat.firstOrder')} value={shortDate(m.firstOrderAt, locale, timeZone)} id="first-order" />
        <Stat label={t('stat.segment')} value={segment} id="segment" />
        {card.points && (
          <Stat label={t('points.label')} value={card.points.balance.toLocaleString(locale)} hint={t('points.detail', { earned: card.points.earned.toLocaleString(locale), adjusted: signed(card.points.adjusted, locale) })} id="points" wide />
        )}
      </dl>
    </>
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
  const amount = card.spendToNextMinor ? money(card.spendToNextMinor, card.member.currency, locale) : undefined;
  const orders = card.ordersToNext || undefined;
  const text =
    amount !== undefined && orders !== undefined
      ? t('tier.next', { amount, orders, tier })
      : amount !== undefined
        ? t('tier.nextSpend', { amount, tier })
        : t('tier.nextOrders', { orders: orders ?? 0, tier });
  // Progress: the better of the two ways up (spend or orders), as far as the ladder says.
  const spendGoal = card.spendToNextMinor !== undefined ? card.member.spendMinor + card.spendToNextMinor : undefined;
  const ordersGoal = card.ordersToNext !== undefined ? card.member.orderCount + card.ordersToNext : undefined;
  const ratio = Math.max(spendGoal ? card.member.spendMinor / spendGoal : 0, ordersGoal ? card.member.orderCount / ordersGoal : 0);
  return (
    <div className="next-tier">
      <div className="bar" role="progressbar" aria-label={t('tier.progress', { tier })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(ratio * 100)}>
        <span style={{ width: `${Math.min(100, Math.round(ratio * 100))}%`, background: card.nextTier.color }} />
      </div>
      <p className="small">{text}</p>
    </div>
  );
}

export const signed = (n: number, locale: UiLocale) => (n > 0 ? `+${n.toLocaleString(locale)}` : n.toLocaleString(locale));

/** The tier's benefits beside the badge, in the agent's language (else English), so they can say it. */
function Benefits({ card, t, locale }: { card: MemberCard; t: Translate; locale: UiLocale }) {
  const own = benefitsText(card.tier, locale);
  const next = card.nextTier && benefitsText(card.nextTier, locale);
  if (!own && !next) return null;
  return (
    <div className="benefits" data-testid="tier-benefits">
      {own && (
        <p>
          <span className="benefits-label">{t('benefits.label')}</span> {own}
        </p>
      )}
      {next && card.nextTier && <p className="muted small">{t('benefits.next', { tier: tierName(card.nextTier, t), benefits: next })}</p>}
    </div>
  );
}

/** Each category the member buys, with its own lapse: they lapse only when all of them have. */
function CategoryLapse({ card, t }: { card: MemberCard; t: Translate }) {
  if (card.categoryLapse.length === 0) return null;
  return (
    <ul className="category-lapse small" aria-label={t('lapse.byCategory')} data-testid="category-lapse">
      {card.categoryLapse.map((c) => (
        <li key={c.category} className={c.lapsed ? 'warn' : undefined} data-category={c.category} data-lapsed={c.lapsed}>
          {c.lapsed
            ? t('lapse.category.lapsed', { category: categoryName(c.category, t), days: c.daysSince, threshold: c.lapseDays })
            : t('lapse.category.active', { category: categoryName(c.category, t), days: c.lapseDays - c.daysSince })}
        </li>
      ))}
    </ul>
  );
}
