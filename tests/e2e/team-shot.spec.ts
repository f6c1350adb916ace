// The options page's Team section, in English and Chinese, as a shop meets it before connecting: its
// fields, its status line and the owner's set-up. The three languages share one fresh browser,
// so the language they set does not leak into the worker's shared store and the specs after it.
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { optionsPageIn } from '../support/settings';

const LANGUAGES = [
  ['en', { server: 'Server address', db: 'Team database', user: 'User name', password: 'Password', connect: 'Connect', setup: 'Set up a new team database', off: 'Not connected' }],
  ['zh-CN', { server: '服务器地址', db: '团队数据库', user: '用户名', password: '密码', connect: '连接', setup: '新建团队数据库', off: '未连接' }],
  ['zh-TW', { server: '伺服器位址', db: '團隊資料庫', user: '使用者名稱', password: '密碼', connect: '連線', setup: '建立新的團隊資料庫', off: '未連線' }],
] as const;

test('options Team section in English, Simplified and Traditional Chinese', async ({ freshExt: ext }) => {
  for (const [locale, labels] of LANGUAGES) {
    const { page, out } = await optionsPageIn(ext, locale, { width: 1200, height: 900 });
    const section = page.locator('section', { has: page.getByRole('heading', { name: locale === 'en' ? 'Team' : locale === 'zh-CN' ? '团队' : '團隊', exact: true }) });
    await expect(section.getByRole('status')).toContainText(labels.off);
    await section.getByLabel(labels.server, { exact: true }).fill('https://couch.example-shop.com');
    await section.getByLabel(labels.db, { exact: true }).fill('shop');
    await section.getByLabel(labels.user, { exact: true }).fill('Agent A');
    await expect(section.getByLabel(labels.password, { exact: true })).toHaveAttribute('type', 'password');
    await expect(section.getByRole('button', { name: labels.connect, exact: true })).toBeVisible();
    await section.getByText(labels.setup).click();
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(out, `options-team-${locale}.png`) });
    await page.close();
  }
});
