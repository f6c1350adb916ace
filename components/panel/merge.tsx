import type { MemberCard } from '@/lib/messaging/card';
import type { Translate, UiLocale } from '@/lib/i18n';
import type { PanelApi } from './api';
import { MemberSearch } from './member-search';

/** "Same person as…": merge another member into this one (undo per identity with "Separate"). */
export function MergeWith({ card, t, locale, api }: { card: MemberCard; t: Translate; locale: UiLocale; api: PanelApi }) {
  return (
    <details className="block merge">
      <summary>
        <h3>{t('merge.title')}</h3>
      </summary>
      <p className="muted small">{t('merge.help')}</p>
      <MemberSearch t={t} locale={locale} api={api} action={t('merge.action')} exclude={card.member.id} onPick={(id) => api.mergeInto(id)} failed={(name, message) => t('write.mergeFailed', { name, message })} />
    </details>
  );
}
