import { useId, useState } from 'react';
import type { Profile } from '@/lib/domain/rows';
import type { MemberCard } from '@/lib/messaging/card';
import { BUYER_LANGUAGES, memberLanguage } from '@/lib/domain/journeys/language';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { languageName } from '../language-name';
import type { PanelApi } from './api';
import { errorText } from '../error-text';

const FIELDS: readonly { key: keyof Profile; type?: string; hint?: MessageKey }[] = [
  { key: 'birthday', hint: 'profile.birthdayHint' },
  { key: 'size' },
  { key: 'style' },
  { key: 'preferences' },
  { key: 'phone', type: 'tel' },
  { key: 'email', type: 'email' },
];

export function ProfileEditor({ card, t, api, locale = 'en' }: { card: MemberCard; t: Translate; api: PanelApi; locale?: UiLocale }) {
  const id = useId();
  const initial = () => Object.fromEntries(FIELDS.map((f) => [f.key, card.member.profile[f.key] ?? ''])) as Record<keyof Profile, string>;
  const [values, setValues] = useState(initial);
  const [dnc, setDnc] = useState(card.member.doNotContact);
  const [language, setLanguage] = useState<string>(card.member.profile.language ?? '');
  const guessed = memberLanguage({ profile: {}, currency: card.member.currency });
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const filled = FIELDS.filter((f) => card.member.profile[f.key]).length;
  return (
    <details className="block profile" open={filled > 0 ? undefined : undefined}>
      <summary>
        <h3>{t('profile.title')}</h3>
        {filled > 0 && (
          <span className="muted small">
            {FIELDS.filter((f) => card.member.profile[f.key])
              .map((f) => card.member.profile[f.key])
              .slice(0, 3)
              .join(' · ')}
          </span>
        )}
      </summary>
      <form
        className="profile-form"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await api.updateMember({ profile: { ...values, language }, doNotContact: dnc });
            setState({ kind: 'saved' });
          } catch (err) {
            setState({ kind: 'error', message: errorText(t, err) });
          }
        }}
      >
        {FIELDS.map((f) => (
          <label key={f.key} className="pf" htmlFor={`${id}-${f.key}`}>
            <span>{t(`profile.${f.key}` as MessageKey)}</span>
            <input
              id={`${id}-${f.key}`}
              type={f.type ?? 'text'}
              value={values[f.key]}
              placeholder={f.hint ? t(f.hint) : undefined}
              onChange={(e) => {
                setValues({ ...values, [f.key]: e.target.value });
                setState({ kind: 'idle' });
              }}
            />
          </label>
        ))}
        <label className="pf" htmlFor={`${id}-language`}>
          <span>{t('language.label')}</span>
          <select id={`${id}-language`} value={language} onChange={(e) => (setLanguage(e.target.value), setState({ kind: 'idle' }))}>
            <option value="">{t('language.guessed', { language: languageName(guessed, locale), source: t('language.source.site') })}</option>
            {BUYER_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {languageName(l, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={dnc} onChange={(e) => (setDnc(e.target.checked), setState({ kind: 'idle' }))} /> {t('profile.dnc')}
        </label>
        <div className="note-actions">
          {state.kind === 'saved' && <span className="muted small" role="status">{t('profile.saved')}</span>}
          {state.kind === 'error' && <span className="error-text small" role="alert">{state.message}</span>}
          <button type="submit">{t('profile.save')}</button>
        </div>
      </form>
    </details>
  );
}
