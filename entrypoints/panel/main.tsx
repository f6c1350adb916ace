import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BuyerPanel, type PanelView } from '@/components/buyer-panel';
import '@/components/theme.css';
import '@/components/panel.css';
import type { Settings } from '@/lib/db/settings';
import { resolveLocale, translator } from '@/lib/i18n';
import { send } from '@/lib/messaging/browser-client';
import type { PanelInbound, PanelOutbound, PanelState } from '@/lib/panel-channel';

function tell(message: PanelOutbound) {
  // Only readiness and state go to the host page: never member data.
  window.parent.postMessage(message, '*');
}

function stateOf(view: PanelView): PanelState {
  return view.kind === 'card' ? 'ready' : view.kind;
}

function App() {
  const [settings, setSettings] = useState<Settings>();
  const [view, setView] = useState<PanelView>({ kind: 'waiting' });
  const current = useRef<PanelInbound | undefined>(undefined);
  const seq = useRef(0);

  const load = useCallback(async (message: PanelInbound) => {
    current.current = message;
    const mine = ++seq.current;
    if (message.type === 'regulars:no-buyer') return setView({ kind: 'waiting' });
    setView({ kind: 'loading', handle: message.handle });
    try {
      const card = await send('member.lookup', { platform: message.platform, handle: message.handle });
      if (mine !== seq.current) return; // the agent moved on to another conversation
      setView(card ? { kind: 'card', card, handle: message.handle } : { kind: 'unknown', handle: message.handle, platform: message.platform });
    } catch (e) {
      if (mine === seq.current) setView({ kind: 'error', message: (e as Error).message });
    }
  }, []);

  useEffect(() => {
    send('settings.get', {}).then(setSettings, () => undefined);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const data = event.data as PanelInbound;
      if (data?.type === 'regulars:buyer' || data?.type === 'regulars:no-buyer') void load(data);
    };
    window.addEventListener('message', onMessage);
    tell({ type: 'regulars:ready' });
    return () => window.removeEventListener('message', onMessage);
  }, [load]);

  useEffect(() => {
    document.documentElement.dataset.state = stateOf(view);
    tell({ type: 'regulars:state', state: stateOf(view) });
  }, [view]);

  const locale = resolveLocale(settings?.locale, navigator.language);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const t = translator(locale);
  const memberId = view.kind === 'card' ? view.card.member.id : undefined;
  const refresh = async () => {
    if (!memberId) return;
    const card = await send('member.card', { memberId });
    if (card) setView((v) => (v.kind === 'card' && v.card.member.id === memberId ? { ...v, card: { ...card, matchedBy: v.card.matchedBy } } : v));
  };

  return (
    <BuyerPanel
      view={view}
      t={t}
      locale={locale}
      now={Date.now()}
      timeZone={settings?.timeZone}
      onRetry={() => current.current && void load(current.current)}
      onAddTag={async (tag) => {
        if (!memberId) return;
        const { tags } = await send('member.addTag', { memberId, tag });
        setView((v) => (v.kind === 'card' && v.card.member.id === memberId ? { ...v, card: { ...v.card, member: { ...v.card.member, tags } } } : v));
      }}
      onRemoveTag={async (tag) => {
        if (!memberId) return;
        const { tags } = await send('member.removeTag', { memberId, tag });
        setView((v) => (v.kind === 'card' && v.card.member.id === memberId ? { ...v, card: { ...v.card, member: { ...v.card.member, tags } } } : v));
      }}
      onAddNote={async (text) => {
        if (!memberId) return;
        await send('member.addNote', { memberId, text });
        await refresh();
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
