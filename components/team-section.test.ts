import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import type { SyncStatusView } from '@/lib/messaging/protocol-sync';
import { ProtocolFailure } from '@/lib/messaging/errors';
import { teamRefusalText } from './team-section';
import { syncStatusLine } from './sync-status-line';

const NOW = Date.UTC(2026, 11, 3, 10);
const base: SyncStatusView = { state: 'off', waiting: 0, skipped: [], config: { server: 'https://couch.shop', db: 'shop', user: 'Agent B' } };

describe('the Team status line says where sync stands or exactly what is wrong', () => {
  it.each([
    ['not connected', { state: 'off' }, 'en', /^Not connected/],
    ['caught up, with the time', { state: 'synced', at: NOW }, 'en', /^Synced .*\d/],
    ['caught up with changes waiting', { state: 'synced', at: NOW, waiting: 3 }, 'en', /3 changes waiting/],
    ['offline and retrying', { state: 'offline', at: NOW + 4000, waiting: 2 }, 'en', /^Offline, retrying at .*2 changes waiting/],
    ['wrong password or the session ended', { state: 'signIn' }, 'en', /sign in again/],
    ['not a member names the user and database', { state: 'notMember' }, 'en', /Agent B is not a member of shop/],
    ['joining: counts and time left', { state: 'syncing', progress: { done: 500, total: 1500, startedAt: NOW - 10_000 } }, 'en', /500 of 1,500 records, about 20 s left/],
    ['simplified Chinese', { state: 'notMember' }, 'zh-CN', /Agent B 不是 shop 的成员/],
    ['traditional Chinese', { state: 'signIn' }, 'zh-TW', /請重新登入/],
    ['a database nobody set up names it', { state: 'noDatabase' }, 'en', /^There is no team database shop on this server/],
    ['a database nobody set up, in simplified Chinese', { state: 'noDatabase' }, 'zh-CN', /没有团队数据库 shop/],
  ] as const)('%s', (_name, over, locale, expected) => {
    expect(syncStatusLine({ ...base, ...over } as SyncStatusView, translator(locale), locale, NOW)).toMatch(expected);
  });
});

describe('why connecting failed is a sentence in the user\'s language, never a code', () => {
  const refused = (message: string) => new ProtocolFailure({ code: 'invalid_request', message });
  it.each([
    ['a wrong password', 'wrong_password', 'en', /^wrong user name or password\. Check both/],
    ['a wrong password, simplified Chinese', 'wrong_password', 'zh-CN', /^用户名或密码错误/],
    ['a wrong password, traditional Chinese', 'wrong_password', 'zh-TW', /^使用者名稱或密碼錯誤/],
    ['admin credentials refused at setup', 'not_admin', 'en', /admin credentials/],
    ['nothing answers at that address', 'unreachable', 'zh-TW', /伺服器沒有回應/],
  ] as const)('%s', (_name, message, locale, expected) => {
    const text = teamRefusalText(translator(locale), refused(message));
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/invalid_request|wrong_password|not_admin|unreachable/);
  });

  it.each([
    ['en', 'The team server refused this user: ask the owner to add you to the team database, or use an admin account to set it up.'],
    ['zh-CN', '团队服务器拒绝了这个用户：请店主把你加入团队数据库，或用管理员账号来设置。'],
  ] as const)('the server\'s own answer (English) comes with a reason code, read in %s', (locale, want) => {
    const failure = new ProtocolFailure({ code: 'invalid_request', message: 'Only admins may create databases', reason: { code: 'team.forbidden' } });
    expect(teamRefusalText(translator(locale), failure)).toBe(want);
  });
});
