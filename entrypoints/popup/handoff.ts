// What the popup's first script (early.ts) hands to its page (main.tsx), through earlyHandoff.
import { earlyHandoff } from '@/components/early-handoff';
import type { TodayRequest } from '@/components/popup/today-request';
import type { Translate, UiLocale } from '@/lib/i18n/locales';
import type { ResponseOf } from '@/lib/messaging/protocol';

export interface PopupEarly {
  params: URLSearchParams;
  localeKey: string;
  guessed: UiLocale;
  guessedWords: Promise<Translate>;
  earlyRequest: TodayRequest;
  /** Today's first screen (`earlyRequest` with `firstRows`): the first frame waits for this answer alone. */
  earlyToday: Promise<ResponseOf<'reminders.today'>>;
  /** The whole list (`earlyRequest`), asked once the first frame is drawn (or not drawn). */
  wholeToday: Promise<ResponseOf<'reminders.today'>>;
  /** Asked once the first frame is drawn (or not drawn): it waits for Today's answer alone. */
  earlySettings: Promise<ResponseOf<'settings.get'>>;
  /**
   * Today's first frame, when early.ts drew it (in the guessed language, from Today's answer and the
   * settings it carries): React hydrates it from the same answer; `release` replays what the user did
   * to it meanwhile.
   */
  firstFrame?: { data: ResponseOf<'reminders.today'>; release(): void } | undefined;
}

export const { handOver, takeOver } = earlyHandoff<PopupEarly>('regularsPopupEarly', 'popup');
