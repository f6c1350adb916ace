// Regulars running in a real Firefox (Debian's firefox-esr, headless, over Marionette): the AMO
// zip's options page, and the demo build's panel on the demo chat. Run after `npm run zip` and the
// demo Firefox build (npm run test:packages does both). Writes screenshots/firefox-*.png.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { launchFirefoxWithExtension, waitForFirefox, type FirefoxSession } from '../support/firefox';
import { conversationOf } from '../support/panel';
import { ROOT, unzipTo, zipPath } from './zips';

const ADDON_ID = 'regulars@regulars.invalid';
const SHOTS = path.join(ROOT, 'screenshots');
const DEMO_BUILD = path.join(ROOT, '.output-demo', 'firefox-mv3');

const shoot = async (firefox: FirefoxSession, name: string) => {
  await mkdir(SHOTS, { recursive: true });
  await writeFile(path.join(SHOTS, name), await firefox.screenshot());
};

// The launch, not the session: when beforeAll times out, Firefox may still come up after it, and
// closing only what beforeAll assigned left that Firefox running after the tests (seen on a loaded machine).
const closeLaunched = async (launching: Promise<FirefoxSession> | undefined) => (await launching?.catch(() => undefined))?.close();

describe('Firefox Add-ons zip in Firefox', () => {
  let dir = '';
  let firefox: FirefoxSession | undefined;
  let launching: Promise<FirefoxSession> | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'regulars-firefox-run-'));
    await unzipTo(zipPath('firefox'), dir);
    firefox = await (launching = launchFirefoxWithExtension(dir, ADDON_ID));
  }, 120_000);
  afterAll(async () => {
    await closeLaunched(launching);
    await rm(dir, { recursive: true, force: true });
  });

  it('installs under its Gecko id, and its options page shows what the background answers', async () => {
    const ff = firefox!;
    expect(ff.addonId).toBe(ADDON_ID);
    await ff.navigate(`${ff.origin}/options.html`);
    // The page renders its sections only once the background has answered settings.get: on a new
    // install, the shop setup that comes first.
    const text = await waitForFirefox('the options page', async () => {
      const body = await ff.evaluate<string>('return document.body.innerText');
      if (!body.includes('Set up Regulars')) throw new Error(body);
      return body;
    });
    expect(text).toContain('Regulars settings');
    expect(text).toContain("Your shop's currency");
    await shoot(ff, 'firefox-options.png');
  });
});

describe('demo build in Firefox', () => {
  let demo: DemoServer | undefined;
  let firefox: FirefoxSession | undefined;
  let launching: Promise<FirefoxSession> | undefined;
  beforeAll(async () => {
    if (!existsSync(path.join(DEMO_BUILD, 'manifest.json'))) throw new Error('No demo Firefox build: run REGULARS_DEMO=1 wxt build -b firefox first');
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
    firefox = await (launching = launchFirefoxWithExtension(DEMO_BUILD, ADDON_ID));
  }, 120_000);
  afterAll(async () => {
    await closeLaunched(launching);
    await demo?.close();
  });

  it('opens the panel beside the chat, and a member created there is still there after a reload', async () => {
    const ff = firefox!;
    const site = demo!;
    const handle = site.seed.known.champion;
    const chat = `${site.url}/chat/${conversationOf(site.seed, handle)}`;
    await ff.navigate(chat);
    const panelText = () => ff.inPanel<string>('return document.body.innerText');
    // The content script ran, its closed-shadow frame loaded from the extension (use_dynamic_url
    // included) and the background looked the buyer up.
    expect(await waitForFirefox('the panel', async () => ((await panelText()).includes('New buyer') ? true : undefined))).toBe(true);
    expect(await panelText()).toContain(`No orders or notes for @${handle} yet.`);
    await ff.inPanel('[...document.querySelectorAll("button")].find((b) => b.textContent.trim() === arguments[0]).click()', ['Create member']);
    await waitForFirefox('the member card', async () => ((await panelText()).includes('New buyer') ? undefined : true));

    await ff.navigate(chat);
    const card = await waitForFirefox('the member card after a reload', async () => {
      const text = await panelText();
      if (!/lifetime spend/i.test(text)) throw new Error(text);
      return text;
    });
    expect(card).not.toContain('New buyer');
    expect(card).toContain('Mei Lin');
    await shoot(ff, 'firefox-panel.png');
  });
});
