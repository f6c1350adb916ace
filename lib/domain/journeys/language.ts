// The buyer's language: the one the agent set in the panel, else guessed from the marketplace site
// the member buys on (its currency and platform tell the site: Shopee TW sells in TWD, Taobao in CNY).
// Messages are written in it, whatever language the agent's screen is in.

/** Languages a message can be written in; the first three have default templates. */
export const BUYER_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'th', 'vi', 'id', 'ms', 'ja', 'ko', 'pt'] as const;
export type BuyerLanguage = (typeof BUYER_LANGUAGES)[number];

const BY_CURRENCY: Partial<Record<string, BuyerLanguage>> = {
  CNY: 'zh-CN',
  TWD: 'zh-TW',
  HKD: 'zh-TW',
  MOP: 'zh-TW',
  THB: 'th',
  VND: 'vi',
  IDR: 'id',
  JPY: 'ja',
  KRW: 'ko',
  BRL: 'pt',
};

const BY_HOST: [RegExp, BuyerLanguage][] = [
  [/(^|\.)(taobao|tmall|1688|jd)\.com$|\.cn$/, 'zh-CN'],
  [/\.(tw|hk)$/, 'zh-TW'],
  [/\.(co\.)?th$/, 'th'],
  [/\.vn$/, 'vi'],
  [/\.(co\.)?id$/, 'id'],
  [/\.(co\.)?jp$/, 'ja'],
  [/\.(co\.)?kr$/, 'ko'],
  [/\.(com\.)?br$/, 'pt'],
];

/**
 * The language a member's messages are written in. `site` is a marketplace host (seller.shopee.tw)
 * when one is known; otherwise the member's currency and platform say which site they buy on.
 * English where nothing says otherwise (Singapore, Malaysia, the Philippines, the West).
 */
export function guessLanguage(facts: { site?: string | undefined; currency?: string | undefined; platform?: string | undefined }): BuyerLanguage {
  const host = facts.site?.toLowerCase();
  const byHost = host ? BY_HOST.find(([re]) => re.test(host))?.[1] : undefined;
  if (byHost) return byHost;
  if (facts.platform === 'taobao') return 'zh-CN';
  return (facts.currency && BY_CURRENCY[facts.currency.toUpperCase()]) || 'en';
}

/** The member's language: set by hand, else guessed. */
export const memberLanguage = (m: { profile: { language?: BuyerLanguage | undefined }; currency?: string | undefined }, platform?: string): BuyerLanguage =>
  m.profile.language ?? guessLanguage({ currency: m.currency, platform });
