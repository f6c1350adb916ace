// The popup's first script: it asks the background for Today and the settings, and starts loading
// the words of the language the popup showed last time, then loads the page's React code
// (./main.tsx). The answers travel while that code is fetched and compiled (some 100 ms of a popup
// open), instead of being asked for only once it has run.
import { todayRequest } from '@/components/popup/today-request';
import { resolveLocale } from '@/lib/i18n/locales';
import { loadTranslator } from '@/lib/i18n/load';
import { send } from '@/lib/messaging/browser-client';
import { handOver, type PopupEarly } from './handoff';

const params = new URLSearchParams(location.search);

// The language the popup showed last time (the settings say for sure): its words load at once.
const LOCALE_KEY = 'regulars.popupLocale';
const guessed = resolveLocale(localStorage.getItem(LOCALE_KEY) ?? undefined, navigator.language);

const earlyRequest = todayRequest(guessed, false, params.get('member') ?? undefined);
// Marks for tests/bench: how much of the open is the background's answer.
performance.mark('regulars:today-asked');
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
handOver(early);

void import('./main');
