// The options page's Team section, in English and Chinese, with the status of a real team server
// that refused the sign-in (pouchdb-server on loopback). Each language runs in a browser of its own,
// so the language it sets does not leak into the worker's shared store and the specs after it.
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { optionsPageIn } from '../support/settings';

for (const [locale, labels] of [
  ['en', { server: 'Server address', db: 'Team database', user: 'User name', password: 'Password', connect: 'Connect', setup: 'Set up a new team database', off: 'Not connected' }],
  ['zh-CN', { server: '服务器地址', db: '团队数据库', user: '用户名', password: '密码', connect: '连接', setup: '新建团队数据库', off: '未连接' }],
  ['zh-TW', { server: '伺服器位址', db: '團隊資料庫', user: '使用者名稱', password: '密碼', connect: '連線', setup: '建立新的團隊資料庫', off: '未連線' }],
] as const) {
  test(`options Team section ${locale}`, async ({ freshExt: ext }) => {
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
  });
}
