// What the popup's first script (early.ts) hands to its page (main.tsx): on the global object, not
// as exports, because the page's chunk is shared with other pages, and importing the entry from it
// would run the entry on those pages too.
import type { TodayRequest } from '@/components/popup/today-request';
import type { Translate, UiLocale } from '@/lib/i18n/locales';
import type { ResponseOf } from '@/lib/messaging/protocol';

export interface PopupEarly {
  params: URLSearchParams;
  localeKey: string;
  guessed: UiLocale;
  guessedWords: Promise<Translate>;
  earlyRequest: TodayRequest;
  earlyToday: Promise<ResponseOf<'reminders.today'>>;
  earlySettings: Promise<ResponseOf<'settings.get'>>;
}

type WithEarly = { regularsPopupEarly?: PopupEarly };

export const handOver = (early: PopupEarly) => void ((globalThis as WithEarly).regularsPopupEarly = early);

export function takeOver(): PopupEarly {
  const early = (globalThis as WithEarly).regularsPopupEarly;
  if (!early) throw new Error('The popup page loads entrypoints/popup/early.ts first; main.tsx alone cannot open it.');
  return early;
}
