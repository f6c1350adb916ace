import { startTransition, StrictMode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { syncStatusLine } from '@/components/sync-status-line';
import type { SyncStatusView } from '@/lib/messaging/protocol-sync';
import { PopupPage } from '@/components/popup-page';
import { SegmentsTab } from '@/components/popup/segments-tab';
import { TodayTab, type TodayData } from '@/components/popup/today';
import { dueCount } from '@/components/popup/today-layout';
import { PAGE, todayRequest } from '@/components/popup/today-request';
import type { Settings } from '@/lib/domain/settings';
import { chromeTabApis, showOnTab } from '@/lib/hosts/show-here';
import { browserOwnPageTabs, openOwnPage } from '@/lib/hosts/own-page';
import { resolveLocale, type Translate, type UiLocale } from '@/lib/i18n/locales';
import { loadTranslator } from '@/lib/i18n/load';
import { send } from '@/lib/messaging/browser-client';
import { takeOver } from './handoff';
import { errorText } from '@/components/error-text';

const { params, localeKey: LOCALE_KEY, guessed, guessedWords, earlyRequest, earlyToday, wholeToday, earlySettings, firstFrame } = takeOver();

/** How soon Today asks again while the background says reminders are still being made. */
const UPDATING_POLL_MS = 500;
const overviewOnce = () => send('segments.overview', {});
/**
 * The early answer (the first screen's rows) once it has come: when it is there before React renders,
 * the first render draws it; the whole list follows (wholeToday).
 */
let earlyAnswer: TodayData | undefined = firstFrame?.data;
earlyToday.then((answer) => (earlyAnswer = answer), () => undefined);

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

/** `settings`: as the page read them before its first render (undefined if that read failed). */
function App({ locale, t, settings }: { locale: UiLocale; t: Translate; settings: Settings | undefined }) {
  const [counts, setCounts] = useState<{ members: number; orders: number }>();
  // The early answers serve the first load of the same list: the first screen's rows (drawn in the
  // first render when they have come already: one render of the page instead of two), then the whole
  // list, asked once the first frame was drawn; every later load asks again.
  const early = JSON.stringify(todayRequest(locale, false, params.get('member') ?? undefined)) === JSON.stringify(earlyRequest);
  const [today, setToday] = useState<TodayData | undefined>(early ? earlyAnswer : undefined);
  const unused = useRef<Promise<TodayData> | undefined>(early ? wholeToday : undefined);
  const [error, setError] = useState<{ error: unknown }>();
  const [mine, setMine] = useState(false);
  const [memberId, setMemberId] = useState(params.get('member') ?? undefined);
  const [perGroup, setPerGroup] = useState(PAGE);

  const load = useCallback(async () => {
    try {
      const request = todayRequest(locale, mine, memberId, perGroup);
      const answered = unused.current && JSON.stringify(request) === JSON.stringify(earlyRequest) ? unused.current : undefined;
      unused.current = undefined;
      if (answered) {
        // Not drawn yet: the first screen's rows, until the whole list comes (in a transition: the rows
        // below the first screen are some 20 ms of React work, which input need not wait for).
        earlyToday.then((first) => setToday((shown) => shown ?? first), () => undefined);
        const whole = await answered;
        startTransition(() => setToday(whole));
      } else setToday(await send('reminders.today', request));
      setError(undefined);
    } catch (e) {
      setError({ error: e });
    }
  }, [locale, mine, memberId, perGroup]);

  // Counting 300k orders takes the worker a while: only once Today is on screen.
  const loaded = today !== undefined;
  useEffect(() => {
    if (loaded) send('store.counts', {}).then(setCounts, () => undefined);
  }, [loaded]);
  const [sync, setSync] = useState<SyncStatusView>();
  useEffect(() => {
    if (loaded) send('sync.status', {}).then(setSync, () => undefined);
  }, [loaded]);
  useEffect(() => void load(), [load]);
  // While the background is still making reminders (an import just ended), ask again until it's done.
  const updating = today?.updating === true;
  useEffect(() => {
    if (!updating) return;
    const timer = setTimeout(() => void load(), UPDATING_POLL_MS);
    return () => clearTimeout(timer);
  }, [updating, today, load]);
  useLayoutEffect(() => {
    performance.mark('regulars:mounted');
    // The first frame is React's now: what the user did to it meanwhile is done again (held-input.ts).
    if (firstFrame) setTimeout(firstFrame.release);
  }, []);
  useLayoutEffect(() => {
    const g = globalThis as { regularsTodayPaint?: number };
    if (today && g.regularsTodayPaint === undefined) requestAnimationFrame(() => (g.regularsTodayPaint ??= performance.now()));
  }, [today]);

  const act = async (task: Promise<unknown>) => {
    try {
      await task;
    } catch (e) {
      setError({ error: e });
    }
    await load();
  };
  const due = dueCount(today);

  return (
    <PopupPage
      t={t}
      counts={counts}
      syncLine={sync && sync.state !== 'off' ? syncStatusLine(sync, t, locale, Date.now()) : undefined}
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
              error={error && errorText(t, error.error)}
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
              openMembers={(hash) => void openOwnPage(browser.runtime.getURL(`/members.html${hash}`), browserOwnPageTabs).then(() => window.close())}
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
      openTeam={() => void openOwnPage(browser.runtime.getURL('/options.html#team'), browserOwnPageTabs).then(() => window.close())}
      setupNeeded={settings?.setupAt === null}
    />
  );
}

/** The first frame is in the user's language: the settings' locale and its words, before React renders. */
async function start() {
  const settings = await earlySettings.catch(() => undefined);
  const locale = settings ? resolveLocale(settings.locale, navigator.language) : guessed;
  localStorage.setItem(LOCALE_KEY, locale);
  const t = await (locale === guessed ? guessedWords : loadTranslator(locale)).catch(() => loadTranslator('en'));
  performance.mark('regulars:words-ready');
  const page = (
    <StrictMode>
      <App locale={locale} t={t} settings={settings} />
    </StrictMode>
  );
  const root = document.getElementById('root')!;
  if (firstFrame) {
    // Taken over in place: the same elements, so focus, scroll and the frame on screen stay as they are.
    // Should it differ from the first render after all, React draws the page anew (the mark says so).
    hydrateRoot(root, page, {
      onRecoverableError: (error) => {
        performance.mark('regulars:first-frame-redrawn');
        console.warn('The popup redrew its first frame', error);
      },
    });
    return;
  }
  // Rendered at once, in this task: the scheduler would otherwise start it from a task of its own.
  flushSync(() => createRoot(root).render(page));
}
void start();
