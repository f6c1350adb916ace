import { useState } from 'react';
import type { OrderRow } from '@/lib/domain/rows';
import type { MemberCard } from '@/lib/messaging/card';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { money, shortDate } from '../format';
import type { PanelApi } from './api';
import { Sparkline } from './sparkline';

export function Orders({ card, t, locale, timeZone, api, title = 'orders.title' }: { card: MemberCard; t: Translate; locale: UiLocale; timeZone?: string | undefined; api: PanelApi; title?: MessageKey }) {
  const [all, setAll] = useState<OrderRow[]>();
  const shown = all ?? card.recentOrders;
  const currency = card.member.currency;
  return (
    <section className="block">
      <div className="block-head">
        <h3>{t(title)}</h3>
        {card.spendByMonth.some((v) => v > 0) && <Sparkline values={card.spendByMonth} label={t('orders.spark')} format={(v) => money(v, currency, locale)} />}
      </div>
      {shown.length === 0 ? (
        <p className="muted small">{t('orders.none')}</p>
      ) : (
        <ul className={all ? 'orders all' : 'orders'} data-testid="recent-orders">
          {shown.map((o) => (
            <li key={o.id}>
              <span className="when">{shortDate(o.placedAt, locale, timeZone)}</span>
              <span className="what" title={o.items.map((i) => `${i.quantity} × ${i.title}`).join('\n')}>
                {o.items[0]?.title ?? o.orderNo}
                {o.items.length > 1 && <span className="muted"> +{o.items.length - 1}</span>}
              </span>
              <span className="amount">{money(o.amountMinor, o.currency, locale)}</span>
              <span className={`status s-${o.status}`}>{t(`status.${o.status}`)}</span>
              {(o.carrier || o.trackingNo) && (
                <span className="ship" data-testid="order-shipment" title={t('orders.shipment')}>
                  {o.carrier}
                  {o.carrier && o.trackingNo && ' · '}
                  {o.trackingNo && <span className="mono">{o.trackingNo}</span>}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {card.orderTotal > card.recentOrders.length && (
        <button type="button" className="link" onClick={async () => setAll(all ? undefined : await api.loadOrders())}>
          {all ? t('orders.less') : t('orders.all', { count: card.orderTotal })}
        </button>
      )}
    </section>
  );
}
