import { useState, type FormEvent } from 'react';
import type { Translate } from '@/lib/i18n';
import type { PanelApi } from './api';

/** The fallback that always works: type the handle, or point at the buyer's name on the page once. */
export function ManualEntry({ t, api, pointing, savedHost }: { t: Translate; api: PanelApi; pointing: boolean; savedHost?: string | undefined }) {
  const [handle, setHandle] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (handle.trim()) api.showHandle(handle.trim().replace(/^@+/, ''));
  };
  return (
    <section className="block manual">
      <h3>{t('panel.manual.title')}</h3>
      <form className="inline" onSubmit={submit}>
        <input aria-label={t('panel.manual.handle')} placeholder={t('panel.manual.placeholder')} value={handle} onChange={(e) => setHandle(e.target.value)} />
        <button type="submit" disabled={!handle.trim()}>
          {t('panel.manual.show')}
        </button>
      </form>
      <button type="button" className="wide" aria-pressed={pointing} onClick={() => api.pointAtName()}>
        ☝ {pointing ? t('panel.manual.pointing') : t('panel.manual.point')}
      </button>
      <p className="muted small">{savedHost ? t('panel.manual.saved', { host: savedHost }) : t('panel.manual.pointHelp')}</p>
    </section>
  );
}
