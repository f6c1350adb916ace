// Options → Tiers: points on or off, and the rate a unit of spend earns.
import { useId, useState } from 'react';
import type { Settings, SettingsPatch } from '@/lib/domain/settings';
import type { Translate } from '@/lib/i18n';

/** Points on or off, and how many a unit of spend earns. */
export function PointsSettings({ t, settings, onSave }: { t: Translate; settings: Settings; onSave(patch: SettingsPatch): Promise<boolean> }) {
  const [enabled, setEnabled] = useState(settings.points.enabled);
  const [rate, setRate] = useState(String(settings.points.perUnit));
  const [status, setStatus] = useState<{ ok: boolean; message: string }>();
  const rateId = useId();
  const save = async () => {
    const perUnit = Number(rate.trim().replace(',', '.'));
    if (!rate.trim() || !Number.isFinite(perUnit) || perUnit < 0 || perUnit > 1000) return setStatus({ ok: false, message: t('points.settings.invalid') });
    if (!(await onSave({ points: { enabled, perUnit } }))) return setStatus(undefined);
    setStatus({ ok: true, message: t('points.settings.saved') });
  };
  const dirty = enabled !== settings.points.enabled || rate.trim() !== String(settings.points.perUnit);
  return (
    <div data-testid="points-settings">
      <h3 className="sub">{t('points.settings.title')}</h3>
      <p className="lead small">{t('points.settings.lead')}</p>
      <label className="check points-enabled">
        <input type="checkbox" checked={enabled} onChange={(e) => (setEnabled(e.target.checked), setStatus(undefined))} data-testid="points-enabled" />
        {t('points.settings.enabled')}
      </label>
      <div className="points-settings">
        <label className="field" htmlFor={rateId}>
          <span>{t('points.settings.rate', { currency: settings.shopCurrency })}</span>
          <input id={rateId} className="num short" inputMode="decimal" value={rate} disabled={!enabled} onChange={(e) => (setRate(e.target.value), setStatus(undefined))} data-testid="points-rate" />
        </label>
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty} data-testid="points-save">
          {t('points.settings.save')}
        </button>
        {status && (
          <span className={status.ok ? 'small ok' : 'small warn'} role="status">
            {status.message}
          </span>
        )}
      </div>
    </div>
  );
}
