import type { Translate, UiLocale } from '@/lib/i18n';
import type { ImportedOrder } from '@/lib/import/imported-order';
import { money, shortDate } from '../format';

export type CaptureState =
  | { kind: 'unreadable' }
  | { kind: 'new'; order: ImportedOrder }
  | { kind: 'changed'; order: ImportedOrder }
  | { kind: 'known'; order: ImportedOrder }
  | { kind: 'recorded'; order: ImportedOrder };

/** On an order page: the order as the page shows it, and whether the master file has it. */
export function Capture({ state, t, locale, onRecord }: { state: CaptureState; t: Translate; locale: UiLocale; onRecord(): void }) {
  return (
    <section className="block capture" data-testid="order-capture">
      <h3>{t('capture.title')}</h3>
      {state.kind === 'unreadable' ? (
        <p className="muted small">{t('capture.cannotRead')}</p>
      ) : (
        <>
          <p className="capture-line">
            <span className="mono">{state.order.orderNo}</span>
            <span>{money(state.order.amountMinor, state.order.currency, locale)}</span>
            <span className={`status s-${state.order.status}`}>{t(`status.${state.order.status}`)}</span>
            <span className="muted">{shortDate(state.order.placedAt, locale)}</span>
          </p>
          {state.kind === 'new' && <p className="muted small">{t('capture.new')}</p>}
          {state.kind === 'changed' && <p className="muted small">{t('capture.changed')}</p>}
          {state.kind === 'known' && <p className="muted small">{t('capture.known')}</p>}
          {state.kind === 'recorded' && (
            <p className="ok small" role="status">
              {t('capture.recorded')}
            </p>
          )}
          {(state.kind === 'new' || state.kind === 'changed') && (
            <button type="button" className="primary" onClick={onRecord}>
              {state.kind === 'new' ? t('capture.record') : t('capture.update')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
