// Options → Tiers and lapse: the lapse threshold suggested from the shop's own repurchase
// intervals, with their histogram, and the owner's own number.
import { useEffect, useId, useState } from 'react';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import type { LapseSuggestion } from '@/lib/domain/suggest';
import type { Translate, UiLocale } from '@/lib/i18n';
import { IntervalBars } from '../interval-bars';

export function LapseSuggestionBlock({ t, locale, settings, lapse: readLapse, onSave, version }: {
  t: Translate;
  locale: UiLocale;
  settings: Settings;
  /** The suggestion drawn from the shop's repurchase intervals (the report the background keeps); undefined with too few. */
  lapse(): Promise<LapseSuggestion | undefined>;
  /** false: not saved (the page says why). */
  onSave(patch: SettingsPatch): Promise<boolean>;
  /** Moves when the data changed: the suggestion is read again. */
  version: number;
}) {
  const [lapse, setLapse] = useState<LapseSuggestion | null>();
  const [lapseInput, setLapseInput] = useState(String(settings.lapseDays));
  const [lapseStatus, setLapseStatus] = useState<string>();
  const lapseId = useId();

  useEffect(() => {
    let live = true;
    readLapse().then(
      (suggested) => live && setLapse(suggested ?? null),
      () => live && setLapse(null),
    );
    return () => {
      live = false;
    };
  }, [version]); // eslint-disable-line react-hooks/exhaustive-deps

  const saveLapse = async (days: number) => {
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      setLapseStatus(t('lapse.invalid'));
      return;
    }
    if (!(await onSave({ lapseDays: days }))) return setLapseStatus(undefined);
    setLapseStatus(t('lapse.saved', { days }));
  };

  const lapseDays = Number(lapseInput);

  return (
    <>
      <h3 className="sub lapse-h">{t('lapse.title')}</h3>
      <div className="lapse" data-testid="lapse">
        <div className="lapse-text">
          {lapse === undefined && <p className="muted">{t('lapse.reading')}</p>}
          {lapse === null && <p className="muted">{t('lapse.notEnough')}</p>}
          {lapse && (
            <>
              <p className="lapse-figure" data-testid="lapse-suggestion">
                <strong>{t('lapse.days', { days: lapse.days })}</strong>
              </p>
              <p className="small">
                {t('lapse.why', {
                  share: Math.round(lapse.coverage * 100),
                  days: lapse.days,
                  median: lapse.medianDays,
                  intervals: lapse.intervals.toLocaleString(locale),
                })}
              </p>
            </>
          )}
          <div className="row">
            {lapse && (
              <button type="button" className="primary" onClick={() => void saveLapse(lapse.days)} disabled={settings.lapseDays === lapse.days} data-testid="lapse-accept">
                {t('lapse.accept', { days: lapse.days })}
              </button>
            )}
            <label className="field" htmlFor={lapseId}>
              <span>{t('lapse.own')}</span>
              <input id={lapseId} className="num short" inputMode="numeric" value={lapseInput} onChange={(e) => (setLapseInput(e.target.value), setLapseStatus(undefined))} />
            </label>
            <button type="button" onClick={() => void saveLapse(Number(lapseInput))} disabled={lapseDays === settings.lapseDays}>
              {t('options.save')}
            </button>
          </div>
          <p className="small muted">
            {t('lapse.current', { days: settings.lapseDays })}
            {lapseStatus && <span role="status"> · {lapseStatus}</span>}
          </p>
        </div>
        {lapse && <IntervalBars bins={lapse.bins} markDays={Number.isFinite(lapseDays) && lapseDays > 0 ? lapseDays : settings.lapseDays} t={t} />}
      </div>
    </>
  );
}
