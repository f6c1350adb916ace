// The popup's first script: it asks the background for Today's first screen (every group's total and
// the first rows). When the answer is in, it draws Today's first frame itself with plain DOM
// (components/popup/first-frame.ts), in the language the popup showed last time, with the few words it
// carries for that frame (lib/i18n/first-words.ts), then, once that frame is rendered, asks for the
// whole list and the settings and loads the page's React code (./main.tsx), which takes that frame
// over in place and draws the rest of the list, and the language's whole catalogue. All of them
// come only after the frame: run or answered meanwhile, they held the answer or the frame back.
// Today's answer says what the frame takes from the settings (the language, whether the first-run
// questions are answered).
import '@/components/theme.css';
import '@/components/popup.css';
import firstWords from 'virtual:regulars-first-words';
import { firstAnswer } from '@/components/popup/first-answer';
import { drawFirstFrame } from '@/components/popup/first-frame';
import { FIRST_ROWS } from '@/components/popup/today-layout';
import { todayRequest } from '@/components/popup/today-request';
import { warmFormats, ZONE_KEY } from '@/components/popup/warm-formats';
import { firstFrameTranslator } from '@/lib/i18n/first-words';
import { resolveLocale } from '@/lib/i18n/locales';
import { loadTranslator } from '@/lib/i18n/load';
import { send } from '@/lib/messaging/browser-client';
import { readKeptToday } from '@/lib/messaging/today-kept';
import { handOver, type PopupEarly } from './handoff';
import { holdInput } from './held-input';

// Today's first screen as kept in session storage: read first thing, as it needs no request to be
// known, so it is on its way before the page reads its language below (a storage access the
// renderer asks the browser to allow, and waits for).
const keptRead = readKeptToday();
const params = new URLSearchParams(location.search);

// The language the popup showed last time (the settings say for sure): its words load at once.
const LOCALE_KEY = 'regulars.popupLocale';
const guessed = resolveLocale(localStorage.getItem(LOCALE_KEY) ?? undefined, navigator.language);

const earlyRequest = todayRequest(guessed, false, params.get('member') ?? undefined);
// Marks for tests/bench: how much of the open is the background's answer.
performance.mark('regulars:today-asked');
/** Navigation start → the first frame of Today with data (tests/bench reads it). */
const paint = globalThis as { regularsTodayPaint?: number };
paint.regularsTodayPaint = undefined;
/**
 * Today's first screen: kept by the background in session storage when the list has not changed since
 * (lib/messaging/today-kept.ts), so a popup that wakes a sleeping worker draws it without waiting for
 * it; or the background's answer, when it comes first (components/popup/first-answer.ts). It is asked
 * either way: that wakes the worker for the whole list.
 */
function keptOrAsked() {
  const request = { ...earlyRequest, firstRows: FIRST_ROWS };
  const asked = send('reminders.today', request);
  // Mark for tests/bench: the first frame came from the kept screen.
  return firstAnswer(keptRead(request), asked, () => performance.mark('regulars:today-kept'));
}
const early: Omit<PopupEarly, 'guessedWords' | 'earlySettings' | 'wholeToday'> = {
  params,
  localeKey: LOCALE_KEY,
  guessed,
  earlyRequest,
  // The first screen's rows only: the whole list (5,000 open reminders send some 300 rows, 120 KB) took
  // longer on its way back than anything else in the popup's wait for Today.
  earlyToday: keptOrAsked().finally(() => performance.mark('regulars:today-answered')),
};
// Awaited by the page; this keeps a failure from being reported as unhandled meanwhile.
early.earlyToday.catch(() => undefined);
// Mark for tests/bench: the first frame's words.
const t = firstFrameTranslator(guessed, JSON.parse(firstWords[guessed]) as Record<string, string>);
performance.mark('regulars:words-ready');
// The frame's date, number and plural formatters, made while the answers travel, in this first run:
// put off to a later task, they were often made after an answer that came first (the kept screen, or
// an awake worker's), inside the frame's drawing.
warmFormats(guessed);

/**
 * Today's first frame, when the settings in Today's answer confirm the language guessed and the popup
 * opens on Today (otherwise React draws it, as it draws every later change). Input is held until React has it.
 */
async function firstFrame(): Promise<PopupEarly['firstFrame']> {
  const data = await early.earlyToday;
  if (resolveLocale(data.settings.locale, navigator.language) !== guessed || (params.get('tab') ?? 'today') !== 'today') return undefined;
  const root = document.getElementById('root')!;
  drawFirstFrame(root, { t, locale: guessed, data, setupNeeded: data.settings.setupAt === null, memberId: earlyRequest.memberId });
  performance.mark('regulars:first-frame-drawn');
  requestAnimationFrame(() => (paint.regularsTodayPaint ??= performance.now()));
  if (data.timeZone !== localStorage.getItem(ZONE_KEY)) localStorage.setItem(ZONE_KEY, data.timeZone);
  return { data, release: holdInput(root) };
}

/**
 * Demo build only: with `regulars.test.holdReact` in this origin's storage, React's code loads when
 * the test calls regularsLoadReact(), so the end-to-end tests see the first frame alone and act on it
 * (tests/e2e/popup-first-frame.spec.ts).
 */
const reactHeld =
  import.meta.env.REGULARS_TEST_HOLD && localStorage.getItem('regulars.test.holdReact')
    ? new Promise<void>((resolve) => ((globalThis as { regularsLoadReact?: () => void }).regularsLoadReact = resolve))
    : undefined;

/**
 * Resolves once the frame just drawn is on its way to the screen: after the next animation frame's
 * rendering (or 100 ms, should no frame come: a hidden page gets none).
 */
const frameRendered = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });

void firstFrame()
  .catch(() => undefined)
  .then(async (drawn) => {
    // Asked right after drawing, the settings, React's code and the catalogue (a message and the
    // requests of their files) ran in one task with the drawing, and the frame waited for them: in a
    // trace of the bench's opens, most of the 10-35 ms from the frame drawn to its animation frame.
    if (drawn) await frameRendered();
    // Mark for tests: when the page's code and settings were asked.
    performance.mark('regulars:page-asked');
    const earlySettings = send('settings.get', {});
    const wholeToday = send('reminders.today', earlyRequest);
    // Mark for tests/bench: when the settings came.
    void earlySettings.finally(() => performance.mark('regulars:settings-answered')).catch(() => undefined);
    const guessedWords = loadTranslator(guessed);
    for (const started of [earlySettings, wholeToday, guessedWords]) started.catch(() => undefined);
    handOver({ ...early, earlySettings, wholeToday, guessedWords, firstFrame: drawn });
    await reactHeld;
    return import('./main');
  });
