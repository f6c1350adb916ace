// `npm start`: the demo marketplace on 127.0.0.1, Chromium with the built extension, the demo
// orders imported through the options page, and the seller chat open beside the panel.
//
//   npm start                                        headed; runs until the browser closes or Ctrl-C
//   npm start -- --headless --screenshot panel.png   saves the chat page with the panel, then exits
//   npm start -- --team                              a team server and two agents' windows (demo/team.ts)

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import {
  downloadDemoExport,
  EXTENSION_DIR,
  importOrdersThroughOptions,
  launchWithExtension,
  type LaunchedExtension,
} from '../tests/support/extension';
import { startDemoServer, type DemoServer } from './server';
import { startTeamDemo } from './team';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PROFILE_DIR = path.join(ROOT, '.regulars-profile');
const HOST = '127.0.0.1';
const FIRST_PORT = 5273;
const PORTS_TO_TRY = 20;
const VIEWPORT = { width: 1400, height: 900 };

const USAGE = `Usage: npm start [-- [--headless] [--screenshot FILE] [--profile DIR] [--team]]
  --headless          run Chromium without a window
  --team              also a team server on loopback, and two profiles "Agent A" and "Agent B" synced
                      through it (temporary profiles; with --screenshot, FILE is Agent B's chat)
  --screenshot FILE   once the panel is ready, save the chat page (1400x900) to FILE and exit
  --profile DIR       the browser profile to use and keep (default .regulars-profile/)`;

interface Options {
  headless: boolean;
  screenshot: string | null;
  profileDir: string;
  team: boolean;
}

/** Paths on the command line are the caller's, not the package root's (npm start runs in the root). */
const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { headless: false, screenshot: null, profileDir: DEFAULT_PROFILE_DIR, team: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--headless') options.headless = true;
    else if (arg === '--team') options.team = true;
    else if (arg === '--screenshot' && argv[i + 1] && !argv[i + 1]!.startsWith('--')) options.screenshot = argv[++i]!;
    else if (arg.startsWith('--screenshot=') && arg.length > '--screenshot='.length)
      options.screenshot = arg.slice('--screenshot='.length);
    else if (arg === '--profile' && argv[i + 1] && !argv[i + 1]!.startsWith('--')) options.profileDir = fromCaller(argv[++i]!);
    else if (arg.startsWith('--profile=') && arg.length > '--profile='.length)
      options.profileDir = fromCaller(arg.slice('--profile='.length));
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

/** A path as short as it reads well: relative inside the repository, absolute outside it. */
function shown(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
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
async function startDemoOnFreePort(): Promise<DemoServer> {
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
      userDataDir: options.profileDir,
      headless: options.headless,
      // A screenshot has a fixed size; a window a person uses follows its own size.
      viewport: options.headless || options.screenshot ? VIEWPORT : null,
      extraArgs: options.headless ? [] : [`--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
      handleSignals: false,
    });
  } catch (error) {
    const message = (error as Error).message;
    const firstLine = message.split('\n')[0];
    if (/ProcessSingleton|SingletonLock/.test(message)) {
      throw new Error(`${shown(options.profileDir)}/ is in use by another Chromium (another npm start?): close it, or pass --profile DIR.\n${firstLine}`, { cause: error });
    }
    const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    if (!options.headless && noDisplay) {
      throw new Error(`Chromium needs a display to open a window and there is none here; try \`npm start -- --headless\`.\n${firstLine}`, { cause: error });
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

/** Opens the seller chat on the demo's best buyer, so the panel has something to show. */
async function openChat(page: Page, demo: DemoServer): Promise<void> {
  const champion = demo.seed.conversations.find((c) => c.handle === demo.seed.known.champion);
  await page.goto(new URL(champion ? `/chat/${encodeURIComponent(champion.id)}` : '/chat', demo.url).href);
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

/** Until one of these browsers is closed (or its last window), or Ctrl-C. */
function untilClosed(contexts: readonly BrowserContext[]): Promise<void> {
  return new Promise<void>((resolve) => {
    for (const context of contexts) {
      context.once('close', () => resolve());
      // Closing the last window ends the session even if Chromium lingers for the extension.
      const resolveWhenNoPages = (): void => {
        if (context.pages().length === 0) resolve();
      };
      for (const open of context.pages()) open.once('close', resolveWhenNoPages);
      context.on('page', (opened) => opened.once('close', resolveWhenNoPages));
    }
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** `--team`: two agents' browsers synced through a team server on loopback (demo/team.ts). */
async function runTeam(options: Options, demo: DemoServer): Promise<number> {
  const team = await startTeamDemo(demo, { headless: options.headless, log, importDemoOrders, openChat });
  try {
    const b = team.agents[1]!;
    if (options.screenshot) {
      const state = await waitForPanel(b.chat);
      const file = fromCaller(options.screenshot);
      await b.chat.screenshot({ path: file });
      log('Screenshot', `${file} (${b.label}'s chat, panel ${state})`);
      return state === 'ready' || state === 'drawn' ? 0 : 1;
    }
    console.log('Running. Tag a buyer or write a note in one window: it appears in the other. Close a browser or press Ctrl-C to stop.');
    await untilClosed(team.agents.map((a) => a.ext.context));
    return 0;
  } finally {
    await team.stop();
    await demo.close();
    console.log('Stopped the browsers, the team server and the demo marketplace.');
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));

  const demo = await startDemoOnFreePort();
  log('Demo marketplace', `${demo.url} (chat: ${new URL('/chat', demo.url).href})`);
  if (options.team) return runTeam(options, demo);

  let ext: LaunchedExtension | null = null;
  const shutdown = async (): Promise<void> => {
    await ext?.close();
    ext = null;
    await demo.close();
  };

  try {
    ext = await launch(options);
    log('Browser', `${ext.executablePath} (${options.headless ? 'headless' : 'window'})`);
    log('Extension', `${shown(EXTENSION_DIR)} as chrome-extension://${ext.extensionId}`);
    log('Profile', `${shown(options.profileDir)}/ (kept between runs)`);

    const status = await importDemoOrders(ext, demo.url);
    const [headline, ...details] = status.split('\n').map((line) => line.trim()).filter(Boolean);
    log('Demo orders', `${headline} (the Demo Market export, through the options page)`);
    for (const line of details) log('', line);

    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await openChat(page, demo);
    log('Chat page', page.url());

    if (options.screenshot) {
      const state = await waitForPanel(page);
      const file = fromCaller(options.screenshot);
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
    await untilClosed([ext.context]);
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
