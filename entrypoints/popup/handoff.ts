// What the popup's first script (early.ts) hands to its page (main.tsx), through earlyHandoff.
import { earlyHandoff } from '@/components/early-handoff';
import type { TodayRequest } from '@/components/popup/today-request';
import type { Settings } from '@/lib/domain/settings';
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
  /**
   * Today's first frame, when early.ts drew it (in the guessed language, from these answers): React
   * hydrates it from the same answers; `release` replays what the user did to it meanwhile.
   */
  firstFrame?: { data: ResponseOf<'reminders.today'>; settings: Settings; release(): void } | undefined;
}

export const { handOver, takeOver } = earlyHandoff<PopupEarly>('regularsPopupEarly', 'popup');
