import { useId, useMemo, useState } from 'react';
import { LOCALES, type Settings, type SettingsPatch } from '@/lib/domain/settings';
import { currencyForLocale } from '@/lib/domain/locale-currency';
import type { Translate, UiLocale } from '@/lib/i18n';

/**
 * The shop and the person: currency, time zone, name, language. On the first run (setupAt null) it
 * is the only section, prefilled from the browser's locale and zone, and nothing is stored until the
 * owner confirms; afterwards it is where these are changed.
 */
export function ShopSetupSection({ t, locale, settings, browserLocale, browserZone, onSave }: {
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  browserLocale: string;
  browserZone: string;
  /** false: not saved (the page says why). */
  onSave(patch: SettingsPatch): Promise<boolean>;
}) {
  const first = settings.setupAt === null;
  const [currency, setCurrency] = useState(first ? (currencyForLocale(browserLocale) ?? '') : settings.shopCurrency);
  const [timeZone, setTimeZone] = useState(first ? browserZone : settings.timeZone);
  const [author, setAuthor] = useState(settings.authorName);
  const [language, setLanguage] = useState(settings.locale);
  const [saved, setSaved] = useState(false);
  const ids = { currency: useId(), zone: useId(), author: useId(), language: useId() };
  const currencies = useMemo(() => currencyOptions(locale, currency), [locale, currency]);
  const zones = useMemo(() => zoneOptions(timeZone), [timeZone]);
  const names: Record<(typeof LOCALES)[number], string> = { auto: t('options.language.auto'), en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };
  const changed = <T,>(set: (v: T) => void) => (v: T) => (set(v), setSaved(false));
  return (
    <section className={first ? 'section setup first-run' : 'section setup'} aria-labelledby="setup-h">
      <h2 id="setup-h">{first ? t('setup.title') : t('setup.shop')}</h2>
      {first && <p className="lead">{t('setup.lead')}</p>}
      <form
        className="setup-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const patch = { shopCurrency: currency, timeZone, authorName: author.trim(), locale: language, ...(first ? { setupAt: Date.now() } : {}) };
          setSaved(await onSave(patch));
        }}
      >
        <label className="field" htmlFor={ids.currency}>
          <span>{t('setup.currency')}</span>
          <select id={ids.currency} required value={currency} onChange={(e) => changed(setCurrency)(e.target.value)}>
            <option value="" disabled>
              —
            </option>
            {currencies.map(([code, name]) => (
              <option key={code} value={code}>
                {code} · {name}
              </option>
            ))}
          </select>
          <small className="muted">{t('setup.currencyHint')}</small>
        </label>
        <label className="field" htmlFor={ids.zone}>
          <span>{t('setup.timeZone')}</span>
          <select id={ids.zone} required value={timeZone} onChange={(e) => changed(setTimeZone)(e.target.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          <small className="muted">{t('setup.timeZoneHint')}</small>
        </label>
        <label className="field" htmlFor={ids.author}>
          <span>{t('setup.author')}</span>
          <input id={ids.author} value={author} maxLength={100} onChange={(e) => changed(setAuthor)(e.target.value)} />
          <small className="muted">{t('setup.authorHint')}</small>
        </label>
        <label className="field" htmlFor={ids.language}>
          <span>{t('setup.language')}</span>
          <select id={ids.language} value={language} onChange={(e) => changed(setLanguage)(e.target.value as Settings['locale'])}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {names[l]}
              </option>
            ))}
          </select>
        </label>
        <div className="setup-actions">
          <button type="submit" className={first ? 'primary' : undefined}>
            {first ? t('setup.start') : t('setup.save')}
          </button>
          {saved && !first && (
            <span className="muted small" role="status">
              {t('setup.saved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

/** Every ISO currency Intl knows, by code, with its name in the UI language; the chosen one kept even if Intl lacks it. */
function currencyOptions(locale: UiLocale, chosen: string): [string, string][] {
  const codes = new Set(Intl.supportedValuesOf('currency'));
  if (chosen) codes.add(chosen);
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return [...codes].sort().map((code) => [code, names.of(code) ?? code]);
}

function zoneOptions(chosen: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add(chosen);
  zones.add('UTC');
  return [...zones].sort();
}
