import type { SiteRuleRow } from '@/lib/domain/rows';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import type { Translate, UiLocale } from '@/lib/i18n';
import { shortDate } from './format';

/** Where the panel reads buyers by a pointed-at name, and how order pages are recorded. */
export function PagesSection({ t, locale, rules, settings, onDelete, onSave }: {
  t: Translate;
  locale: UiLocale;
  rules: readonly SiteRuleRow[];
  settings: Settings;
  onDelete(id: string): void;
  onSave(patch: SettingsPatch): void;
}) {
  return (
    <section className="section" aria-labelledby="pages-h">
      <h2 id="pages-h">{t('options.pages')}</h2>
      <p className="lead">{t('options.pages.lead')}</p>
      <fieldset className="choice">
        <legend>{t('options.capture')}</legend>
        {(['ask', 'auto'] as const).map((mode) => (
          <label key={mode}>
            <input type="radio" name="capture" checked={settings.captureOrders === mode} onChange={() => onSave({ captureOrders: mode })} /> {t(`options.capture.${mode}`)}
          </label>
        ))}
      </fieldset>
      <h3 className="sub">{t('options.rules')}</h3>
      {rules.length === 0 ? (
        <p className="counts">{t('options.rules.none')}</p>
      ) : (
        <table className="rules">
          <thead>
            <tr>
              <th>{t('options.rules.site')}</th>
              <th>{t('options.rules.where')}</th>
              <th>{t('options.rules.since')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{r.host}</td>
                <td>
                  <code>{r.selector}</code>
                </td>
                <td>{shortDate(r.createdAt, locale)}</td>
                <td>
                  <button type="button" aria-label={t('options.rules.remove', { host: r.host })} onClick={() => onDelete(r.id)}>
                    {t('options.rules.removeShort')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
