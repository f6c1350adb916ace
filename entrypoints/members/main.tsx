import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { saveFile } from '@/components/backup-section';
import type { MembersApi } from '@/components/members/api';
import { MembersPage } from '@/components/members/members-page';
import '@/components/theme.css';
import '@/components/panel.css';
import '@/components/members/members.css';
import type { ListReply, ListRequest } from '@/lib/member-list/list-worker';
import { askWorker } from '@/components/read-in-worker';
import { contactedWithinCap, identitiesOf, membersOf } from '@/lib/readers/page-reads';
import type { Settings } from '@/lib/domain/settings';
import { resolveLocale, translator } from '@/lib/i18n';
import { send } from '@/lib/messaging/browser-client';
import { MEMBER_CARD_TABLES, onStoreChanged } from '@/lib/messaging/store-events';

// Reads of the whole master file run over the page's own connection (lib/readers/page-reads: a
// message can't carry 100k members quickly); every write goes through the background.
const clock = () => Date.now();
const draftKey = (memberId: string) => `draft:${memberId}`;

const api: MembersApi = {
  load: async (ctx, onFirst) => {
    const listWorker = () => new Worker(new URL('../../lib/member-list/list-worker.ts', import.meta.url), { type: 'module' });
    const failed = (message: string): ListReply => ({ ok: false, message: message || 'The members list could not be built' });
    const first = (reply: ListReply) => reply.ok && reply.first !== undefined && (onFirst?.(reply.parts, reply.first.total), true);
    const reply = await askWorker<ListReply>(listWorker, { ctx } satisfies ListRequest, [], failed, first);
    if (!reply.ok) throw new Error(reply.message);
    return reply.parts;
  },
  settings: () => send('settings.get', {}),
  membersOf,
  identitiesOf,
  listSegments: () => send('segment.list', {}),
  saveSegment: (input) => send('segment.save', input),
  deleteSegment: async (id) => void (await send('segment.delete', { id })),
  tag: async (memberIds, tag, add) => (await send('members.tag', { memberIds: [...memberIds], tag, add })).changed,
  vocabulary: async () => (await send('tags.vocabulary', {})).map((v) => v.name),
  recentlyContacted: contactedWithinCap,
  logContacts: async (memberIds, channel, reason) => (await send('contacts.log', { memberIds: [...memberIds], channel, reason })).logged,
  download: saveFile,
  card: (memberId) => send('member.card', { memberId }),
  orders: (memberId) => send('member.orders', { memberId }),
  history: (memberId) => send('member.history', { memberId }),
  unmerge: async (identityId) => void (await send('member.unmerge', { identityId })),
  onCardsChanged: (listener) => onStoreChanged(MEMBER_CARD_TABLES, listener),
  panelFor: (memberId, changed) => {
    const then = (p: Promise<unknown>) => p.then(changed);
    return {
      addTag: (tag) => then(send('member.addTag', { memberId, tag })),
      removeTag: (tag) => then(send('member.removeTag', { memberId, tag })),
      addNote: (text) => then(send('member.addNote', { memberId, text })),
      editNote: (noteId, text) => then(send('note.edit', { noteId, text })),
      updateMember: (patch) => then(send('member.update', { memberId, ...patch })),
      addReminder: (dueAt, reason) => then(send('reminder.add', { memberId, dueAt, reason })),
      adjustPoints: (delta, reason) => then(send('member.adjustPoints', { memberId, delta, reason })),
      loadOrders: () => send('member.orders', { memberId }),
      search: (query) => send('member.search', { query }),
      mergeInto: (otherId) => then(send('member.merge', { keepId: memberId, mergeId: otherId })),
      unmerge: (identityId) => then(send('member.unmerge', { identityId })),
      saveDraft: (id, text) => void browser.storage.local.set({ [draftKey(id)]: text }),
      readDraft: async (id) => {
        const stored = await browser.storage.local.get(draftKey(id));
        const text = stored[draftKey(id)];
        return typeof text === 'string' ? text : '';
      },
      // The panel's page-bound actions have no meaning on this page: there is no buyer on a site here.
      createMember: async () => undefined,
      linkTo: async () => undefined,
      showHandle: () => undefined,
      pointAtName: () => undefined,
      collapse: () => undefined,
      retry: () => void changed(),
    };
  },
};

function App() {
  const [settings, setSettings] = useState<Settings>();
  const [hash, setHash] = useState(location.hash);
  const [visit, setVisit] = useState(0);
  useEffect(() => {
    send('settings.get', {}).then(setSettings, () => undefined);
    const onHash = () => {
      setHash(location.hash);
      window.scrollTo(0, 0);
    };
    // The address already shown, asked for again (the popup's link to the group on screen, a link to
    // the section being read): no hashchange, but a visit all the same, and the list is shown afresh,
    // without the filters left on it (members-page.tsx). The Navigation API tells of it (Chrome 102).
    const onNavigate = (e: Event) => {
      if ((e as Event & { destination?: { url?: string } }).destination?.url !== location.href) return;
      setVisit((v) => v + 1);
      window.scrollTo(0, 0);
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    window.addEventListener('hashchange', onHash);
    navigation?.addEventListener('navigate', onNavigate);
    return () => {
      window.removeEventListener('hashchange', onHash);
      navigation?.removeEventListener('navigate', onNavigate);
    };
  }, []);
  const locale = resolveLocale(settings?.locale, navigator.language);
  const t = useMemo(() => translator(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t('members.title')} · ${t('app.name')}`;
  }, [locale, t]);
  if (!settings) return null;
  return <MembersPage api={api} t={t} locale={locale} hash={hash} visit={visit} now={clock} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
