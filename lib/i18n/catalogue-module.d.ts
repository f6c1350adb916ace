// One language's catalogue as its own module (the catalogue plugin in wxt.config.ts).
declare module 'virtual:regulars-catalogue/*' {
  import type { MessageKey } from '@/lib/i18n/en';

  const catalogue: Readonly<Record<MessageKey, string>>;
  export default catalogue;
}
