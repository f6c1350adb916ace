// The popup itself: React, the catalogues and the tabs. main.tsx asks for Today first.
import { StrictMode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupPage } from '@/components/popup-page';
import { SegmentsTab } from '@/components/popup/segments-tab';
import { TodayTab, type TodayData } from '@/components/popup/today';
import { PAGE, todayRequest, type Settled, type TodayRequest } from '@/components/popup/today-request';
import type { Settings } from '@/lib/db/settings';
import { chromeTabApis, showOnTab } from '@/lib/hosts/show-here';
import { resolveLocale, translator } from '@/lib/i18n';
import { send } from '@/lib/messaging/browser-client';

/** What main.tsx asked for before React rendered. */
export interface EarlyAnswers {
  request: TodayRequest;
  today: Settled<TodayData>;
  settings: Settled<Settings>;
}

const params = new URLSearchParams(location.search);
const overviewOnce = () => send('segments.overview', {});

/** The Clipboard API, or the old way when the popup has no focus (opened as a tab in the background). */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('The clipboard is not available here');
  }
}

function App({ early }: { early: EarlyAnswers }) {
  const [settings, setSettings] = useState<Settings | undefined>(early.settings.value);
  const [counts, setCounts] = useState<{ members: number; orders: number }>();
  const [today, setToday] = useState<TodayData | undefined>(early.today.value);
  // The early answer serves the first load of the same list; every later load asks again.
  const unused = useRef<EarlyAnswers['today'] | undefined>(early.today);
  const [error, setError] = useState<string>();
  const [mine, setMine] = useState(false);
  const [memberId, setMemberId] = useState(params.get('member') ?? undefined);
  const [perGroup, setPerGroup] = useState(PAGE);
  const locale = resolveLocale(settings?.locale, navigator.language);
  const t = translator(locale);

  const load = useCallback(async () => {
    try {
      const request = todayRequest(locale, mine, memberId, perGroup);
      const answered = unused.current && JSON.stringify(request) === JSON.stringify(early.request) ? unused.current.promise : undefined;
      unused.current = undefined;
      setToday(await (answered ?? send('reminders.today', request)));
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [locale, mine, memberId, perGroup, early.request]);

  useEffect(() => {
    if (early.settings.value === undefined) early.settings.promise.then(setSettings, () => undefined);
  }, [early.settings]);
  // Counting 300k orders takes the worker a while: only once Today is on screen.
  const loaded = today !== undefined;
  useEffect(() => {
    if (loaded) send('store.counts', {}).then(setCounts, () => undefined);
  }, [loaded]);
  useEffect(() => {
    void load();
  }, [load]);
  useLayoutEffect(() => {
    const g = globalThis as { regularsTodayPaint?: number };
    if (today && g.regularsTodayPaint === undefined) requestAnimationFrame(() => (g.regularsTodayPaint ??= performance.now()));
  }, [today]);

  const act = async (task: Promise<unknown>) => {
    try {
      await task;
    } catch (e) {
      setError((e as Error).message);
    }
    await load();
  };
  const due = today?.groups.filter((g) => g.section === 'overdue' || g.section === 'today').reduce((n, g) => n + g.total, 0);

  return (
    <PopupPage
      t={t}
      counts={counts}
      initialTab={params.get('tab') ?? undefined}
      tabs={[
        {
          id: 'today',
          label: t('tabs.today'),
          badge: due,
          render: () => (
            <TodayTab
              t={t}
              locale={locale}
              data={today}
              error={error}
              mine={mine}
              onMine={setMine}
              memberId={memberId}
              onShowAll={() => setMemberId(undefined)}
              onMore={() => setPerGroup((n) => n + 100)}
              actions={{
                done: (id, outcome) => act(send('reminder.done', { id, outcome })),
                snooze: (id, until) => act(send('reminder.snooze', { id, until })),
                assign: (id, assignee) => act(send('reminder.assign', { id, assignee })),
                copy: (text) => copyText(text),
              }}
            />
          ),
        },
        {
          id: 'segments',
          label: t('segments.tab'),
          render: () => (
            <SegmentsTab
              t={t}
              locale={locale}
              currency={settings?.shopCurrency ?? 'USD'}
              overview={overviewOnce}
              openMembers={(hash) => void browser.tabs.create({ url: browser.runtime.getURL(`/members.html${hash}`) }).then(() => window.close())}
            />
          ),
        },
      ]}
      showHere={async () => {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        const outcome = await showOnTab(tab?.id, tab?.url, chromeTabApis);
        if (outcome !== 'unavailable') window.close();
        return outcome;
      }}
      openSettings={() => void browser.runtime.openOptionsPage()}
    />
  );
}

export function start(early: EarlyAnswers): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App early={early} />
    </StrictMode>,
  );
}
