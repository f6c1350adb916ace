import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { findChromium } from './chromium';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The demo build (`npm run build:demo`): the store build plus the content script on the loopback demo marketplace. */
export const EXTENSION_DIR = path.join(ROOT, '.output-demo', 'chrome-mv3');

export interface LaunchOptions {
  /** An unpacked build to load instead of EXTENSION_DIR (e.g. a bench build). */
  extensionDir?: string;
  /** Other unpacked builds loaded beside it (each has an id of its own: unpackedExtensionId). */
  alsoLoad?: string[];
  /** A profile to keep; when absent a temporary one is made and removed on close. */
  userDataDir?: string;
  headless?: boolean;
  /** null lets the page follow the window (headed use); default 1400×900. */
  viewport?: { width: number; height: number } | null;
  extraArgs?: string[];
  /** false leaves Ctrl-C / SIGTERM to the caller (Playwright otherwise closes the browser and exits 130). */
  handleSignals?: boolean;
  /**
   * The options page's first-run questions: answered as a person would (USD, the prefilled zone)
   * unless 'leave' (a test of the first run itself) or other answers are given.
   */
  firstRun?: 'leave' | FirstRunAnswers;
}

export interface FirstRunAnswers {
  currency?: string;
  timeZone?: string;
  author?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  executablePath: string;
  close(): Promise<void>;
}

const SERVICE_WORKER_TIMEOUT_MS = 20_000;

/** Chromium with the built extension loaded, and the extension's id read from its service worker. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const { headless = true, extraArgs = [], handleSignals = true } = options;
  // Chromium resolves a relative --load-extension against its own working directory, not ours.
  const extensionDir = path.resolve(options.extensionDir ?? EXTENSION_DIR);
  const dirs = [extensionDir, ...(options.alsoLoad ?? []).map((dir) => path.resolve(dir))];
  for (const dir of dirs) if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}. Run \`npx wxt build\` first.`);
  const executablePath = findChromium();
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'regulars-profile-')));
  const viewport = options.viewport === undefined ? { width: 1400, height: 900 } : options.viewport;

  if (!ownsProfile) await forgetWorkerRegistration(userDataDir);

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      viewport,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
      args: [
        `--disable-extensions-except=${dirs.join(',')}`,
        `--load-extension=${dirs.join(',')}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...extraArgs,
      ],
    });
  } catch (error) {
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
  };

  try {
    const extensionId = unpackedExtensionId(extensionDir);
    const ours = (worker: Worker) => isOurs(worker) && new URL(worker.url()).host === extensionId;
    const serviceWorker =
      context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: SERVICE_WORKER_TIMEOUT_MS }));
    if (options.firstRun !== 'leave') await answerFirstRun(context, extensionId, options.firstRun ?? {});
    return { context, extensionId, serviceWorker, executablePath, close };
  } catch (error) {
    await close();
    throw new Error(
      `The extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS / 1000} s in ${executablePath}. ` +
        'Chromium refuses an extension with a bad manifest or non-UTF-8 files, and branded Google Chrome ignores ' +
        `--load-extension altogether. (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/**
 * A kept profile holds the service worker script of the build it last ran, and Chromium keeps
 * running that one after a rebuild (it registers a worker again only for a new version). Both the
 * registration and Chromium's note that it registered one are dropped, so the worker of the build
 * on disk is registered afresh; the extension's data stays. Dropping the registration alone left
 * Chromium looking for one that was gone (DidStartWorkerFail 5, no worker at all).
 */
async function forgetWorkerRegistration(userDataDir: string): Promise<void> {
  await rm(path.join(userDataDir, 'Default', 'Service Worker'), { recursive: true, force: true });
  const file = path.join(userDataDir, 'Default', 'Preferences');
  if (!existsSync(file)) return;
  const prefs = JSON.parse(await readFile(file, 'utf8')) as { extensions?: { settings?: Record<string, Record<string, unknown>> } };
  for (const extension of Object.values(prefs.extensions?.settings ?? {})) delete extension.service_worker_registration_info;
  await writeFile(file, JSON.stringify(prefs));
}

/**
 * Answers the options page's first-run questions (shop currency, time zone, name; language left as
 * it is) and waits for the rest of the settings to open. A profile already set up is left alone.
 */
export async function answerFirstRun(context: BrowserContext, extensionId: string, answers: FirstRunAnswers = {}): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const start = page.getByRole('button', { name: 'Start using Regulars' });
    const ready = page.getByLabel('Import order export', { exact: true });
    const asked = start.waitFor().then(() => 'ask', () => 'gone');
    const done = ready.waitFor({ state: 'attached' }).then(() => 'done', () => 'gone');
    if ((await Promise.race([asked, done])) === 'done') return;
    await page.getByLabel("Your shop's currency").selectOption(answers.currency ?? 'USD');
    if (answers.timeZone) await page.getByLabel("Your shop's time zone").selectOption(answers.timeZone);
    if (answers.author) await page.getByLabel('Your name').fill(answers.author);
    await start.click();
    await ready.waitFor({ state: 'attached' });
  } finally {
    await page.close();
  }
}

/** The id Chromium gives an unpacked extension: the SHA-256 of its folder's real path, its first 32 hex digits written a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

function isOurs(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://') && worker.url().endsWith('/background.js');
}

/**
 * Imports an order export the way a person does: options page → "Import order export" → Platform → Import.
 * Returns the status text ("Imported N orders: C new members, M existing members matched"); throws with the alert text on failure.
 */
export async function importOrdersThroughOptions(
  context: BrowserContext,
  extensionId: string,
  filePath: string,
  platform: string,
): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByLabel('Import order export', { exact: true }).setInputFiles(filePath);
    await page.getByLabel('Platform', { exact: true }).selectOption(platform);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const status = page.getByRole('status').filter({ hasText: /^\s*Imported\b/ });
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    const timeout = 60_000;
    const outcome = await Promise.race([
      status.first().waitFor({ timeout }).then(() => 'imported' as const),
      alert.first().waitFor({ timeout }).then(() => 'failed' as const),
    ]).catch((error: Error) => {
      throw new Error(`No "Imported ..." status or alert within ${timeout / 1000} s on the options page. (${error.message})`);
    });
    if (outcome === 'failed') {
      throw new Error(`Import of ${path.basename(filePath)} failed: ${(await alert.first().innerText()).trim()}`);
    }
    return (await status.first().innerText()).trim();
  } finally {
    await page.close();
  }
}

/** Saves the demo store's orders export (/export/orders.csv) into destDir and returns the file's path. */
export async function downloadDemoExport(demoUrl: string, destDir: string): Promise<string> {
  const url = new URL('/export/orders.csv', demoUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`The demo export is fetched over loopback only, not from ${url.host}.`);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url.href} answered ${response.status} ${response.statusText}.`);
  await mkdir(destDir, { recursive: true });
  const file = path.join(destDir, 'orders.csv');
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/** Imports the demo marketplace's export into a profile through its options page (the file kept in a temporary folder meanwhile). */
export async function importDemoExport(ext: Pick<LaunchedExtension, 'context' | 'extensionId'>, demoUrl: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'regulars-export-'));
  try {
    await importOrdersThroughOptions(ext.context, ext.extensionId, await downloadDemoExport(demoUrl, dir), 'demo');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
