import { useId, useState } from 'react';
import { LOCALES, type Settings, type SettingsPatch } from '@/lib/domain/settings';
import type { Translate } from '@/lib/i18n';

export function ProfileSection({ t, settings, onSave }: { t: Translate; settings: Settings; onSave(patch: SettingsPatch): Promise<void> }) {
  const [author, setAuthor] = useState(settings.authorName);
  const [locale, setLocale] = useState(settings.locale);
  const [saved, setSaved] = useState(false);
  const authorId = useId();
  const localeId = useId();
  const names: Record<(typeof LOCALES)[number], string> = { auto: t('options.language.auto'), en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };
  return (
    <section className="section" aria-labelledby="you-h">
      <h2 id="you-h">{t('options.profile')}</h2>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          await onSave({ authorName: author.trim(), locale });
          setSaved(true);
        }}
      >
        <label className="field" htmlFor={authorId}>
          <span>{t('options.authorName')}</span>
          <input id={authorId} value={author} maxLength={100} onChange={(e) => (setAuthor(e.target.value), setSaved(false))} />
        </label>
        <label className="field" htmlFor={localeId}>
          <span>{t('options.language')}</span>
          <select id={localeId} value={locale} onChange={(e) => (setLocale(e.target.value as Settings['locale']), setSaved(false))}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {names[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('options.save')}</button>
        {saved && <span className="muted small" role="status">{t('options.saved')}</span>}
      </form>
    </section>
  );
}
