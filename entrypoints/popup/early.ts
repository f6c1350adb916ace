// The popup's first script: it asks the background for Today and the settings. When both are in,
// it draws Today's first frame itself with plain DOM (components/popup/first-frame.ts), in the
// language the popup showed last time, with the few words it carries for that frame
// (lib/i18n/first-words.ts), then loads the page's React code (./main.tsx), which takes that frame
// over in place, and the language's whole catalogue. Both are fetched and run only after the frame:
// run meanwhile, they held the answer back until they were done.
import '@/components/theme.css';
import '@/components/popup.css';
import firstWords from 'virtual:regulars-first-words';
import { drawFirstFrame } from '@/components/popup/first-frame';
import { todayRequest } from '@/components/popup/today-request';
import { warmFormats, ZONE_KEY } from '@/components/popup/warm-formats';
import { firstFrameTranslator } from '@/lib/i18n/first-words';
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
const early: Omit<PopupEarly, 'guessedWords'> = {
  params,
  localeKey: LOCALE_KEY,
  guessed,
  earlyRequest,
  earlyToday: send('reminders.today', earlyRequest).finally(() => performance.mark('regulars:today-answered')),
  earlySettings: send('settings.get', {}),
};
// Each is awaited by the page; these keep a failure from being reported as unhandled meanwhile.
for (const started of [early.earlyToday, early.earlySettings]) started.catch(() => undefined);
// Marks for tests/bench: when the settings came, and the first frame's words (the frame waits for both).
void early.earlySettings.finally(() => performance.mark('regulars:settings-answered')).catch(() => undefined);
const t = firstFrameTranslator(guessed, JSON.parse(firstWords[guessed]) as Record<string, string>);
performance.mark('regulars:words-ready');
// The frame's date, number and plural formatters, made while the answers travel.
setTimeout(() => warmFormats(guessed));

/**
 * Today's first frame, when the settings confirm the language guessed and the popup opens on Today
 * (otherwise React draws it, as it draws every later change). Input is held until React has it.
 */
async function firstFrame(): Promise<PopupEarly['firstFrame']> {
  const [data, settings] = await Promise.all([early.earlyToday, early.earlySettings]);
  if (resolveLocale(settings.locale, navigator.language) !== guessed || (params.get('tab') ?? 'today') !== 'today') return undefined;
  const root = document.getElementById('root')!;
  drawFirstFrame(root, { t, locale: guessed, data, setupNeeded: settings.setupAt === null, memberId: earlyRequest.memberId });
  performance.mark('regulars:first-frame-drawn');
  requestAnimationFrame(() => (paint.regularsTodayPaint ??= performance.now()));
  if (data.timeZone !== localStorage.getItem(ZONE_KEY)) localStorage.setItem(ZONE_KEY, data.timeZone);
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
    const guessedWords = loadTranslator(guessed);
    guessedWords.catch(() => undefined);
    handOver({ ...early, guessedWords, firstFrame: drawn });
    await reactHeld;
    return import('./main');
  });
