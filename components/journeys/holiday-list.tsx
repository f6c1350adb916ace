// Options → Reminders and journeys: the holiday list. Holidays are computed for every year or the
// shop's own dates; each reaches chosen tiers, RFM segments or a saved segment.
import { builtInHoliday, defaultHolidays, HOLIDAY_KEYS, holidaysByNextDate, nextHolidayDay, REGIONAL_KEYS, REGIONS, RFM_SEGMENTS, type Holiday, type HolidayKey, type Region, type TierStep } from '@/lib/domain';
import type { JourneySettings } from '@/lib/domain/journey-settings';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { ChoiceField } from '../choice-field';
import { tierName } from '../format';

type HolidayRule = JourneySettings['rules']['holiday'];

/** A region's name in the reader's language (Intl knows the UK as GB). */
export function regionName(region: Region, locale: UiLocale, t: Translate): string {
  if (region === 'other') return t('journeys.region.other');
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(region === 'UK' ? 'GB' : region) ?? region;
  } catch {
    return region;
  }
}

/** A holiday's name: the shop's own, else the built-in's in the reader's language (with its region when it depends on one). */
export function holidayLabel(h: Holiday, locale: UiLocale, t: Translate): string {
  if (h.name || !h.builtIn) return h.name;
  const name = t(`holiday.${h.builtIn}`);
  return h.region && REGIONAL_KEYS.includes(h.builtIn) ? t('journeys.holiday.for', { name, region: regionName(h.region, locale, t) }) : name;
}

/** The shop's region, its holidays as rows (in the order the parent keeps), and adding one. */
export function HolidayList({ t, locale, timeZone, tiers, region, holidays, savedSegments, onChange }: {
  t: Translate;
  locale: UiLocale;
  timeZone: string;
  tiers: readonly TierStep[];
  region: Region;
  holidays: readonly Holiday[];
  savedSegments: readonly { id: string; name: string }[];
  onChange(patch: Partial<HolidayRule>): void;
}) {
  const segmentChoices = savedSegments.map((x) => ({ value: x.id, label: x.name }));
  // "A, B and C" in the reader's language (a Chinese list takes 、 and 和).
  const segmentList = new Intl.ListFormat(locale, { type: 'conjunction' });
  const setHoliday = (i: number, patch: Partial<Holiday>) => onChange({ holidays: holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  const regionChoices = REGIONS.map((r) => ({ value: r, label: regionName(r, locale, t) }));
  const missing = HOLIDAY_KEYS.filter((key) => !holidays.some((h) => h.id === builtInHoliday(key, region).id));
  const nextDate = (h: Holiday) => {
    const next = nextHolidayDay(h, Date.now(), timeZone);
    return next ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(next.day * 86_400_000) : undefined;
  };

  return (
    <>
      <h3>{t('journeys.holidays')}</h3>
      <div className="row region">
        <ChoiceField label={t('journeys.region')} value={region} onChange={(v) => onChange({ region: v as Region })} choices={regionChoices} />
        <button type="button" onClick={() => onChange({ holidays: holidaysByNextDate([...defaultHolidays(region), ...holidays.filter((h) => !h.builtIn)], Date.now(), timeZone) })}>
          {t('journeys.region.apply')}
        </button>
        <p className="muted small">{t('journeys.region.help')}</p>
      </div>
      <ul className="holidays">
        {holidays.map((h, i) => {
          const next = nextDate(h);
          return (
            <li key={h.id} className="holiday" data-holiday={h.id}>
              <label className="field">
                <span>{t('journeys.holiday.name')}</span>
                <input value={h.name} maxLength={60} placeholder={h.builtIn ? holidayLabel({ ...h, name: '' }, locale, t) : undefined} onChange={(e) => setHoliday(i, { name: e.target.value })} />
              </label>
              {h.builtIn ? (
                <span className="field computed">
                  <span>{t('journeys.holiday.computed')}</span>
                  <span className="next">{next ? t('journeys.holiday.next', { date: next }) : t('journeys.holiday.none')}</span>
                </span>
              ) : (
                <label className="field">
                  <span>{t('journeys.holiday.date')}</span>
                  <input value={h.date ?? ''} size={10} onChange={(e) => setHoliday(i, { date: e.target.value.trim() })} />
                </label>
              )}
              <fieldset className="field">
                <legend>{t('journeys.holiday.tiers')}</legend>
                {tiers.map((tier) => (
                  <label key={tier.id} className="check">
                    <input type="checkbox" checked={h.tiers.includes(tier.id)} onChange={(e) => setHoliday(i, { tiers: e.target.checked ? [...h.tiers, tier.id] : h.tiers.filter((x) => x !== tier.id) })} /> {tierName(tier, t)}
                  </label>
                ))}
              </fieldset>
              <details className="field segment-pick">
                <summary>
                  <span>{t('journeys.holiday.segments')}</span>
                  <span className="picked">{h.segments.length ? segmentList.format(h.segments.map((x) => t(`segment.${x}` as MessageKey))) : t('journeys.holiday.noSegment')}</span>
                </summary>
                <div className="checks">
                  {RFM_SEGMENTS.map((x) => (
                    <label key={x} className="check">
                      <input type="checkbox" checked={h.segments.includes(x)} onChange={(e) => setHoliday(i, { segments: e.target.checked ? [...h.segments, x] : h.segments.filter((y) => y !== x) })} /> {t(`segment.${x}` as MessageKey)}
                    </label>
                  ))}
                </div>
              </details>
              <div className="holiday-end">
                <ChoiceField label={t('journeys.holiday.saved')} value={h.segmentId ?? ''} onChange={(v) => setHoliday(i, { segmentId: v || undefined })} empty={t('journeys.holiday.noSaved')} choices={segmentChoices} />
                <button type="button" onClick={() => onChange({ holidays: holidays.filter((_, j) => j !== i) })}>
                  {t('journeys.holiday.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="row">
        <select
          aria-label={t('journeys.holiday.addBuiltIn')}
          value=""
          onChange={(e) => e.target.value && onChange({ holidays: [...holidays, builtInHoliday(e.target.value as HolidayKey, region)] })}
        >
          <option value="">{t('journeys.holiday.addBuiltIn')}</option>
          {missing.map((key) => (
            <option key={key} value={key}>
              {holidayLabel(builtInHoliday(key, region), locale, t)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => onChange({ holidays: [...holidays, { id: `h-${Date.now().toString(36)}`, name: t('journeys.holiday.ownName'), date: '01-01', tiers: ['gold', 'diamond'], segments: [] }] })}>
          {t('journeys.holiday.addOwn')}
        </button>
      </div>
    </>
  );
}
