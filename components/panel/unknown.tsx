import { useState } from 'react';
import type { Translate, UiLocale } from '@/lib/i18n';
import type { PanelApi } from './api';
import { MemberSearch } from './member-search';

/** First contact: create the member with one click, or link this handle to someone on file. */
export function UnknownBuyer({ handle, t, locale, api }: { handle: string; t: Translate; locale: UiLocale; api: PanelApi }) {
  const [busy, setBusy] = useState(false);
  return (
    <section className="unknown" data-testid="unknown-buyer">
      <h2>{t('panel.unknown.title')}</h2>
      <p className="muted">{t('panel.unknown.body', { handle: `@${handle}` })}</p>
      <button
        type="button"
        className="primary wide"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await api.createMember();
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('panel.unknown.create')}
      </button>
      <div className="block">
        <h3>{t('panel.unknown.link', { handle })}</h3>
        <MemberSearch t={t} locale={locale} api={api} action={t('panel.unknown.linkTo')} onPick={(id) => api.linkTo(id)} failed={(name, message) => t('write.linkFailed', { name, message })} />
      </div>
    </section>
  );
}
