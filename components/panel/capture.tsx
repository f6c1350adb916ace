import { useId, useState } from 'react';
import type { Translate, UiLocale } from '@/lib/i18n';
import type { ImportedOrder } from '@/lib/domain/imported-order';
import type { AgentFill, CaptureDraft, MissingField } from '@/lib/marketplaces/capture/capture';
import { money, shortDate } from '../format';
import { DateTimeField } from '../date-field';

export type CaptureState =
  | { kind: 'incomplete'; missing: MissingField[]; draft: CaptureDraft; tried?: boolean }
  | { kind: 'new'; order: ImportedOrder }
  | { kind: 'changed'; order: ImportedOrder }
  | { kind: 'known'; order: ImportedOrder }
  | { kind: 'recorded'; order: ImportedOrder };

/** On an order page: the order as the page shows it, and whether the master file has it. */
export function Capture({ state, t, locale, onRecord }: { state: CaptureState; t: Translate; locale: UiLocale; onRecord(fill?: AgentFill): void }) {
  return (
    <section className="block capture" data-testid="order-capture">
      <h3>{t('capture.title')}</h3>
      {state.kind === 'incomplete' ? (
        <FillIn state={state} t={t} locale={locale} onRecord={onRecord} />
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
            <button type="button" className="primary" onClick={() => onRecord()}>
              {state.kind === 'new' ? t('capture.record') : t('capture.update')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The fields the page doesn't show readably, each with what it does show, for the agent to fill in. */
function FillIn({ state, t, locale, onRecord }: { state: Extract<CaptureState, { kind: 'incomplete' }>; t: Translate; locale: UiLocale; onRecord(fill: AgentFill): void }) {
  const { draft, missing } = state;
  const [fill, setFill] = useState<AgentFill>({});
  const ids = { amount: useId(), date: useId(), currency: useId() };
  const has = (field: MissingField) => missing.includes(field);
  const shown = (text: string | undefined) => (text ? t('capture.missing.shown', { text }) : t('capture.missing.notShown'));
  return (
    <form
      className="fill-in"
      onSubmit={(e) => {
        e.preventDefault();
        onRecord(fill);
      }}
    >
      <p className="capture-line">
        <span className="mono">{draft.orderNo}</span>
        {draft.amountMinor !== undefined && draft.currency && <span>{money(draft.amountMinor, draft.currency, locale)}</span>}
        <span className={`status s-${draft.status}`}>{t(`status.${draft.status}`)}</span>
        {draft.placedAt !== undefined && <span className="muted">{shortDate(draft.placedAt, locale)}</span>}
      </p>
      <p className="small">{t('capture.missing.lead')}</p>
      {has('currency') && (
        <label className="fill-field" htmlFor={ids.currency} data-missing="currency">
          <span>{t('capture.missing.currency')}</span>
          <input id={ids.currency} required maxLength={3} pattern="[A-Za-z]{3}" placeholder={t('capture.missing.currencyHint')} value={fill.currency ?? ''} onChange={(e) => setFill({ ...fill, currency: e.target.value })} />
          <small className="muted">{shown(draft.amountText)}</small>
        </label>
      )}
      {has('amount') && (
        <label className="fill-field" htmlFor={ids.amount} data-missing="amount">
          <span>{t('capture.missing.amount')}</span>
          <input id={ids.amount} required={!(has('currency') && draft.amountText)} placeholder={draft.amountText} inputMode="decimal" value={fill.amount ?? ''} onChange={(e) => setFill({ ...fill, amount: e.target.value })} />
          <small className="muted">{shown(draft.amountText)}</small>
        </label>
      )}
      {has('date') && (
        <label className="fill-field" htmlFor={ids.date} data-missing="date">
          <span>{t('capture.missing.date')}</span>
          <DateTimeField id={ids.date} required locale={locale} t={t} label={t('capture.missing.date')} value={fill.placedAt ?? ''} onChange={(placedAt) => setFill({ ...fill, placedAt })} />
          <small className="muted">
            {shown(draft.placedAtText)} · {t('capture.missing.zone', { zone: draft.timeZone })}
          </small>
        </label>
      )}
      {has('buyer') && <p className="warn small">{t('capture.missing.buyer')}</p>}
      {state.tried && (
        <p className="error-text small" role="alert">
          {t('capture.missing.retry')}
        </p>
      )}
      {!has('buyer') && (
        <button type="submit" className="primary">
          {t('capture.record')}
        </button>
      )}
    </form>
  );
}
