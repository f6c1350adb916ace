import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupPage } from '@/components/popup-page';
import '@/components/theme.css';
import '@/components/popup.css';
import type { Settings } from '@/lib/db/settings';
import { chromeTabApis, showOnTab } from '@/lib/hosts/show-here';
import { resolveLocale, translator } from '@/lib/i18n';
import { send } from '@/lib/messaging/browser-client';

const overviewOnce = () => send('segments.overview', {});

function App() {
  const [settings, setSettings] = useState<Settings>();
  const [counts, setCounts] = useState<{ members: number; orders: number }>();
  useEffect(() => {
    send('settings.get', {}).then(setSettings, () => undefined);
    send('store.counts', {}).then(setCounts, () => undefined);
  }, []);
  const locale = resolveLocale(settings?.locale, navigator.language);
  const t = translator(locale);
  return (
    <PopupPage
      t={t}
      counts={counts}
      showHere={async () => {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        const outcome = await showOnTab(tab?.id, tab?.url, chromeTabApis);
        if (outcome !== 'unavailable') window.close();
        return outcome;
      }}
      openSettings={() => void browser.runtime.openOptionsPage()}
      segments={{
        locale,
        currency: settings?.shopCurrency ?? 'USD',
        overview: overviewOnce,
        openMembers: (hash) => void browser.tabs.create({ url: browser.runtime.getURL(`/members.html${hash}`) }).then(() => window.close()),
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
