// The popup's entry: it asks the background for Today and the settings before React renders, so
// the answers travel while React builds the page (app.tsx).
import '@/components/theme.css';
import '@/components/popup.css';
import { settled, todayRequest } from '@/components/popup/today-request';
import type { TodayData } from '@/components/popup/today';
import type { Settings } from '@/lib/db/settings';
import { resolveLocale } from '@/lib/i18n/locale';
import { send } from '@/lib/messaging/browser-client';
import { start } from './app';

/** Navigation start → the first frame of Today with data (tests/bench reads it). */
(globalThis as { regularsTodayPaint?: number }).regularsTodayPaint = undefined;

const request = todayRequest(resolveLocale(undefined, navigator.language), false, new URLSearchParams(location.search).get('member') ?? undefined);
// Marks for tests/bench: how much of the open is the background's answer.
performance.mark('regulars:today-asked');
const today = send('reminders.today', request).finally(() => performance.mark('regulars:today-answered'));
start({ request, today: settled<TodayData>(today), settings: settled<Settings>(send('settings.get', {})) });
