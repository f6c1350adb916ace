// A refusal travels as a reason code and reads in the user's language: from the real handlers,
// through the router, to the sentence the page shows (components/error-text).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorText } from '../../components/error-text';
import { createHandlers } from '../background/handlers';
import { memoryDb, NOW, order } from '../background/test-helpers';
import { syncHandlers, type SyncService } from '../background/sync/service';
import { StoreError } from '../store/store-error';
import { teamRefusalText } from '../../components/team-section';
import { CouchError } from '../background/sync/couch';
import { CATALOGUES, translator, type UiLocale } from '../i18n';
import { ProtocolFailure } from './errors';
import { createRouter } from './router';

const OWN = { id: 'ourextensionid', origin: 'chrome-extension://ourextensionid/' };
const page = { id: OWN.id, url: 'chrome-extension://ourextensionid/options.html' };
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  route = createRouter(createHandlers({ db: memoryDb(), now: () => NOW }), OWN);
  await route({ regulars: 1, name: 'orders.import', payload: { rows: [order()] } }, page);
});

async function shown(locale: UiLocale, name: string, payload: unknown): Promise<string> {
  const reply = await route({ regulars: 1, name, payload }, page);
  if (reply.ok) throw new Error(`${name} was not refused`);
  return errorText(translator(locale), new ProtocolFailure(reply.error));
}

async function memberId(): Promise<string> {
  const reply = await route({ regulars: 1, name: 'member.lookup', payload: { platform: order().platform, handle: order().buyer.handle } }, page);
  return (reply as { ok: true; data: { member: { id: string } } }).data.member.id;
}

describe('a refused request reads in the user’s language, with what to change', () => {
  it.each([
    ['zh-CN', '积分未开启：请先在设置中开启。'],
    ['zh-TW', '點數未開啟：請先在設定中開啟。'],
    ['en', 'Points are off: turn them on in Settings first.'],
  ] as const)('a points adjustment while points are off, in %s', async (locale, want) => {
    expect(await shown(locale, 'member.adjustPoints', { memberId: await memberId(), delta: 5, reason: 'gift' })).toBe(want);
  });

  it.each([
    ['zh-CN', '会员不能与自己合并。'],
    ['en', 'A member cannot be merged with itself.'],
  ] as const)('merging a member with itself, in %s', async (locale, want) => {
    const id = await memberId();
    expect(await shown(locale, 'member.merge', { keepId: id, mergeId: id })).toBe(want);
  });

  it.each([
    ['zh-CN', '“标签”不能为空。'],
    ['zh-TW', '「標籤」不能留空。'],
    ['en', '“Tag” cannot be empty.'],
  ] as const)('an empty tag, refused by the protocol schema, in %s', async (locale, want) => {
    expect(await shown(locale, 'member.addTag', { memberId: await memberId(), tag: '   ' })).toBe(want);
  });

  it('a field the protocol schema refuses is named, in Chinese', async () => {
    const text = await shown('zh-CN', 'member.lookup', { platform: 'demo', handle: '' });
    expect(text).toBe('“账号”不能为空。');
  });

  it.each([
    [new CouchError(401, 'unauthorized', 'Name or password is incorrect.'), 'zh-CN', '用户名或密码错误。请检查后重试。'],
    [new CouchError(403, 'forbidden', 'You are not allowed to access this db.'), 'zh-TW', '團隊伺服器拒絕了這個使用者：請店主把你加入團隊資料庫，或用管理員帳號來設定。'],
    [new CouchError(404, 'not_found', 'Database does not exist.'), 'zh-CN', '团队服务器上没有这个数据库：请检查名称，或请店主先设置。'],
    [new CouchError(503, 'service_unavailable', 'down'), 'zh-CN', '团队服务器出错（HTTP 503）。请稍后重试或联系服务器管理者。'],
    [new TypeError('Failed to fetch'), 'zh-TW', '伺服器沒有回應。請檢查位址，並確認伺服器正在執行。'],
  ] as const)('the team server’s refusal %s reads in %s without its English words', async (e, locale, want) => {
    const service = { connect: async () => Promise.reject(e) } as unknown as SyncService;
    const refused = await syncHandlers(service)['sync.connect']({ server: 'https://couch.example', db: 'shop', user: 'ana', password: 'x' }, page).catch((x: StoreError) => x);
    expect(refused).toBeInstanceOf(StoreError);
    const failure = new ProtocolFailure({ code: 'invalid_request', message: (refused as StoreError).message, reason: (refused as StoreError).reason });
    expect(teamRefusalText(translator(locale), failure)).toBe(want);
  });

  it('a refusal without a reason this version knows falls back to the protocol sentence, never the English detail', () => {
    const failure = new ProtocolFailure({ code: 'invalid_request', message: 'points: something English', reason: { code: 'no.such.reason' } });
    expect(errorText(translator('zh-CN'), failure)).toBe(CATALOGUES['zh-CN']['error.protocol.invalid_request']);
  });
});

// Every reason code the code base gives (`because('…')`, `refinement('…')`, `params: { reason: '…' }`) has words.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

it('every reason code given in lib has a sentence in each language', () => {
  const codes = new Set<string>();
  for (const file of sources(path.resolve(__dirname, '..'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:because|refinement)\('([\w.]+)'|params: \{ reason: '([\w.]+)'/g)) codes.add(m[1] ?? m[2]!);
  }
  expect(codes.size).toBeGreaterThan(30);
  for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
    expect([...codes].filter((c) => !(`reason.${c}` in CATALOGUES[locale]))).toEqual([]);
  }
});
