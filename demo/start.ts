// `npm start`: the demo marketplace on 127.0.0.1, Chromium with the built extension, the demo
// orders imported through the options page, and the seller chat open beside the panel.
//
//   npm start                                        headed; runs until the browser closes or Ctrl-C
//   npm start -- --headless --screenshot panel.png   saves the chat page with the panel, then exits

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  downloadDemoExport,
  EXTENSION_DIR,
  importOrdersThroughOptions,
  launchWithExtension,
  type LaunchedExtension,
} from '../tests/support/extension';
import { startDemoServer } from './server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROFILE_DIR = path.join(ROOT, '.regulars-profile');
const HOST = '127.0.0.1';
const FIRST_PORT = 5273;
const PORTS_TO_TRY = 20;
const VIEWPORT = { width: 1400, height: 900 };

const USAGE = `Usage: npm start [-- [--headless] [--screenshot FILE]]
  --headless          run Chromium without a window
  --screenshot FILE   once the panel is ready, save the chat page (1400x900) to FILE and exit`;

interface Options {
  headless: boolean;
  screenshot: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { headless: false, screenshot: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--headless') options.headless = true;
    else if (arg === '--screenshot' && argv[i + 1] && !argv[i + 1]!.startsWith('--')) options.screenshot = argv[++i]!;
    else if (arg.startsWith('--screenshot=') && arg.length > '--screenshot='.length)
      options.screenshot = arg.slice('--screenshot='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`Unknown or incomplete argument: ${arg}\n${USAGE}`);
      process.exit(2);
    }
  }
  return options;
}

function log(label: string, text: string): void {
  console.log(`${label.padEnd(18)}${text}`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, HOST);
  });
}

/** The demo server on 5273, or the next free port after it. */
async function startDemoOnFreePort(): Promise<Awaited<ReturnType<typeof startDemoServer>>> {
  for (let port = FIRST_PORT; port < FIRST_PORT + PORTS_TO_TRY; port++) {
    if (!(await portIsFree(port))) continue;
    try {
      return await startDemoServer({ host: HOST, port });
    } catch (error) {
      // Taken between the probe and the start: try the next one.
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`No free port on ${HOST} from ${FIRST_PORT} to ${FIRST_PORT + PORTS_TO_TRY - 1}.`);
}

async function launch(options: Options): Promise<LaunchedExtension> {
  try {
    return await launchWithExtension({
      userDataDir: PROFILE_DIR,
      headless: options.headless,
      // A screenshot has a fixed size; a window a person uses follows its own size.
      viewport: options.headless || options.screenshot ? VIEWPORT : null,
      extraArgs: options.headless ? [] : [`--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
      handleSignals: false,
    });
  } catch (error) {
    const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    if (!options.headless && noDisplay) {
      throw new Error(`Chromium needs a display to open a window and there is none here; try \`npm start -- --headless\`.\n${(error as Error).message}`);
    }
    if (/ProcessSingleton|profile.*in use|SingletonLock/i.test((error as Error).message)) {
      throw new Error(`${path.relative(ROOT, PROFILE_DIR)}/ is in use by another Chromium; close it first.\n${(error as Error).message}`);
    }
    throw error;
  }
}

/** Imports the demo store's order export through the options page (re-importing is idempotent). */
async function importDemoOrders(ext: LaunchedExtension, demoUrl: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-export-'));
  try {
    const file = await downloadDemoExport(demoUrl, dir);
    return await importOrdersThroughOptions(ext.context, ext.extensionId, file, 'demo');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens the seller chat with a conversation showing, so the content script has a buyer to find. */
async function openChat(page: Page, demoUrl: string): Promise<void> {
  await page.goto(new URL('/chat', demoUrl).href);
  await page.locator('main[data-testid=chat-layout]').waitFor();
  const buyer = page.locator('[data-testid=buyer-handle][data-handle]');
  if (!(await buyer.first().isVisible())) {
    await page.locator('[data-testid=conversation-item]').first().click();
  }
  await buyer.first().waitFor();
}

/**
 * Waits for <regulars-panel> to be on screen, then for data-state="ready". A panel that has no
 * data-state at all is taken as drawn after a second. Returns the state it ended in.
 */
async function waitForPanel(page: Page): Promise<string> {
  const shown = await page
    .waitForFunction(
      () => {
        const rect = document.querySelector('regulars-panel')?.getBoundingClientRect();
        return rect !== undefined && rect.width > 0 && rect.height > 0;
      },
      undefined,
      { timeout: 30_000 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!shown) return 'absent';
  const shownAt = Date.now();
  const state = await page.waitForFunction(
    (since) => {
      const state = document.querySelector('regulars-panel')?.getAttribute('data-state');
      if (state === 'ready') return 'ready';
      if ((state === null || state === undefined) && Date.now() - since > 1_000) return 'drawn';
      return false;
    },
    shownAt,
    { timeout: 15_000, polling: 100 },
  ).then(
    (handle) => handle.jsonValue() as Promise<string>,
    async () => (await page.locator('regulars-panel').getAttribute('data-state')) ?? 'unknown',
  );
  return state;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));

  const demo = await startDemoOnFreePort();
  log('Demo marketplace', `${demo.url} (chat: ${new URL('/chat', demo.url).href})`);

  let ext: LaunchedExtension | null = null;
  const shutdown = async (): Promise<void> => {
    await ext?.close();
    ext = null;
    await demo.close();
  };

  try {
    ext = await launch(options);
    log('Browser', `${ext.executablePath} (${options.headless ? 'headless' : 'window'})`);
    log('Extension', `${path.relative(ROOT, EXTENSION_DIR)} as chrome-extension://${ext.extensionId}`);
    log('Profile', `${path.relative(ROOT, PROFILE_DIR)}/ (kept between runs)`);

    const status = await importDemoOrders(ext, demo.url);
    log('Demo orders', `${status} (Demo Market export, through the options page)`);

    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await openChat(page, demo.url);
    log('Chat page', page.url());

    if (options.screenshot) {
      const state = await waitForPanel(page);
      const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), options.screenshot);
      await page.screenshot({ path: file });
      log('Screenshot', `${file} (panel ${state})`);
      await shutdown();
      if (state === 'ready' || state === 'drawn') return 0;
      console.error(
        state === 'absent'
          ? 'The panel (<regulars-panel>) did not appear on the chat page within 30 s; the screenshot shows the page without it.'
          : `The panel did not become ready (data-state="${state}"); the screenshot shows what was there.`,
      );
      return 1;
    }

    console.log('Running. Close the browser or press Ctrl-C to stop.');
    const { context } = ext;
    await new Promise<void>((resolve) => {
      context.once('close', () => resolve());
      // Closing the last window ends the session even if Chromium lingers for the extension.
      const resolveWhenNoPages = (): void => {
        if (context.pages().length === 0) resolve();
      };
      for (const open of context.pages()) open.once('close', resolveWhenNoPages);
      context.on('page', (opened) => opened.once('close', resolveWhenNoPages));
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await shutdown();
    console.log('Stopped the browser and the demo marketplace.');
    return 0;
  } catch (error) {
    await shutdown().catch(() => undefined);
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
