// One language's catalogue as its own module (the catalogue plugin in wxt.config.ts).
declare module 'virtual:regulars-catalogue/*' {
  import type { MessageKey } from '@/lib/i18n/en';

  const catalogue: Readonly<Record<MessageKey, string>>;
  export default catalogue;
}

// The popup's first-frame words of every language, each a JSON string (wxt.config.ts, lib/i18n/first-words.ts).
declare module 'virtual:regulars-first-words' {
  import type { UiLocale } from '@/lib/i18n/locales';

  const words: Readonly<Record<UiLocale, string>>;
  export default words;
}
