// Options → Tiers: what each tier means to the buyer, per language: its benefits (the panel shows
// them beside the badge) and the gift slipped into its parcels at packing time.
import type { TierBenefits } from '@/lib/domain/types';
import { BENEFIT_LOCALES } from '@/lib/domain/types';
import type { Translate, UiLocale } from '@/lib/i18n';
import type { DraftStep } from './ladder-draft';

/** The benefits table and the parcel-gift table of the draft ladder. */
export function TierTexts({ steps, t, locale, onChange }: { steps: DraftStep[]; t: Translate; locale: UiLocale; onChange(index: number, patch: Pick<DraftStep, 'benefits'> | Pick<DraftStep, 'gift'>): void }) {
  return (
    <>
      <h3 className="sub">{t('benefits.title')}</h3>
      <p className="lead small">{t('benefits.lead')}</p>
      <table className="benefits-table" data-testid="benefits">
        <thead>
          <tr>
            <th>{t('benefits.col.tier')}</th>
            {BENEFIT_LOCALES.map((l) => (
              <th key={l}>{t(`benefits.lang.${l}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <PerTierTextRows steps={steps} field="benefits" locale={locale} placeholder={t('benefits.placeholder')} label={(tier, language) => t('benefits.of', { tier, language: t(`benefits.lang.${language}`) })} onChange={(i, text) => onChange(i, { benefits: text })} />
        </tbody>
      </table>
      <h3 className="sub">{t('tiers.gift')}</h3>
      <p className="lead small">{t('tiers.gift.lead')}</p>
      <table className="benefits-table" data-testid="gifts">
        <tbody>
          <PerTierTextRows steps={steps} field="gift" locale={locale} placeholder={t('tiers.gift.placeholder')} label={(tier, language) => `${t('tiers.gift')} · ${tier} · ${t(`benefits.lang.${language}`)}`} onChange={(i, text) => onChange(i, { gift: text })} />
        </tbody>
      </table>
    </>
  );
}

/** One row per tier with a text field per language: the tier's benefits, or the gift for its parcels. */
function PerTierTextRows({ steps, field, locale, placeholder, label, onChange }: {
  steps: DraftStep[];
  field: 'benefits' | 'gift';
  locale: UiLocale;
  placeholder: string;
  label(tier: string, language: (typeof BENEFIT_LOCALES)[number]): string;
  onChange(index: number, text: TierBenefits): void;
}) {
  return steps.map((s, i) => (
    <tr key={s.id} data-step-id={s.id}>
      <td>
        <span className="tier-dot" style={{ background: s.color }} aria-hidden="true" /> {s.name}
      </td>
      {BENEFIT_LOCALES.map((l) => (
        <td key={l}>
          {/* Grows with its text (tiers.css): a long benefit is read whole. One line of text: a typed or pasted line break becomes a space. */}
          <textarea
            rows={1}
            value={s[field][l] ?? ''}
            maxLength={300}
            placeholder={l === locale ? placeholder : ''}
            aria-label={label(s.name, l)}
            onChange={(e) => onChange(i, { ...s[field], [l]: e.target.value.replace(/\s*\n\s*/g, ' ') })}
          />
        </td>
      ))}
    </tr>
  ));
}
