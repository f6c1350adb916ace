// The popup's first script: it asks the background for Today and the settings, and starts loading
// the words of the language the popup showed last time. When all three are in, it draws Today's
// first frame itself with plain DOM (components/popup/first-frame.ts), then loads the page's React
// code (./main.tsx), which takes that frame over in place. React's code (250 KB) is fetched and run
// only after the frame: run meanwhile, it held the answer back until it was done.
import '@/components/theme.css';
import '@/components/popup.css';
import { drawFirstFrame } from '@/components/popup/first-frame';
import { todayRequest } from '@/components/popup/today-request';
import { resolveLocale } from '@/lib/i18n/locales';
import { loadTranslator } from '@/lib/i18n/load';
import { send } from '@/lib/messaging/browser-client';
import { handOver, type PopupEarly } from './handoff';
import { holdInput } from './held-input';

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
const early: PopupEarly = {
  params,
  localeKey: LOCALE_KEY,
  guessed,
  guessedWords: loadTranslator(guessed),
  earlyRequest,
  earlyToday: send('reminders.today', earlyRequest).finally(() => performance.mark('regulars:today-answered')),
  earlySettings: send('settings.get', {}),
};
// Each is awaited by the page; these keep a failure from being reported as unhandled meanwhile.
for (const started of [early.guessedWords, early.earlyToday, early.earlySettings]) started.catch(() => undefined);
// Marks for tests/bench: when the settings and the words came (the first frame waits for both).
void early.earlySettings.finally(() => performance.mark('regulars:settings-answered')).catch(() => undefined);
void early.guessedWords.finally(() => performance.mark('regulars:words-ready')).catch(() => undefined);

/**
 * Today's first frame, when the settings confirm the language guessed and the popup opens on Today
 * (otherwise React draws it, as it draws every later change). Input is held until React has it.
 */
async function firstFrame(): Promise<PopupEarly['firstFrame']> {
  const [data, settings, t] = await Promise.all([early.earlyToday, early.earlySettings, early.guessedWords]);
  if (resolveLocale(settings.locale, navigator.language) !== guessed || (params.get('tab') ?? 'today') !== 'today') return undefined;
  const root = document.getElementById('root')!;
  drawFirstFrame(root, { t, locale: guessed, data, setupNeeded: settings.setupAt === null, memberId: earlyRequest.memberId });
  performance.mark('regulars:first-frame-drawn');
  requestAnimationFrame(() => (paint.regularsTodayPaint ??= performance.now()));
  return { data, settings, release: holdInput(root) };
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

void firstFrame()
  .catch(() => undefined)
  .then(async (drawn) => {
    handOver({ ...early, firstFrame: drawn });
    await reactHeld;
    return import('./main');
  });
