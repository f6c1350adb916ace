import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import { ProtocolFailure } from '@/lib/messaging/errors';
import { BackgroundGone } from '@/lib/messaging/worker-post';
import { errorText } from './error-text';

describe('an error shown to the user', () => {
  it.each([
    ['zh-CN', 'not_found', '它已经不在了：可能在此期间被删除或合并。请刷新页面。'],
    ['zh-TW', 'conflict', '它在此期間被其他分頁或同事改動了。請重新整理頁面後再試。'],
    ['en', 'internal', 'Something went wrong inside Regulars. Try again; the details are in the browser console.'],
  ] as const)('a protocol error in %s reads by its code (%s), never its English detail', (locale, code, want) => {
    expect(errorText(translator(locale), new ProtocolFailure({ code, message: 'member m1 not found (English detail)' }))).toBe(want);
  });

  it.each([
    ['en', 'Regulars’ background stopped before it answered (the browser starts it again at the next request): try again.'],
    ['zh-CN', '熟客的后台在回应前停止了（浏览器会在下一次请求时重新启动它）：请重试。'],
  ] as const)('the background stopped before it answered, in %s: said in the user\'s language, not the English of the error', (locale, want) => {
    expect(errorText(translator(locale), new BackgroundGone())).toBe(want);
  });
});
