// Drives a real Firefox (Debian's firefox-esr) over Marionette, Firefox's own remote protocol: a
// TCP socket of `length:json` frames, so no driver or download is needed. Playwright's Firefox is
// a patched build it cannot download here, and `firefox --screenshot` loads no extension.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The Firefox to run: FIREFOX_PATH, or Debian's firefox-esr / firefox. */
export function firefoxPath(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p): p is string => Boolean(p && existsSync(p)));
}

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

/** One Marionette connection: send(command, params) resolves with the command's result. */
class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private hello?: () => void;
  readonly ready: Promise<void>;

  constructor(private readonly socket: Socket) {
    this.ready = new Promise((resolve) => (this.hello = resolve));
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => this.pending.forEach((p) => p.reject(new Error('Marionette closed the connection'))));
  }

  private receive(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) {
        this.hello?.(); // the greeting: { applicationType: 'gecko', marionetteProtocol: 3 }
        continue;
      }
      const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error) waiting?.reject(new Error(`${error.error}: ${error.message}`));
      else waiting?.resolve(result);
    }
  }

  send<T = unknown>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, params]));
    this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }
}

export interface FirefoxSession {
  /** moz-extension://<uuid> of the installed extension (the uuid is fixed through a pref). */
  origin: string;
  addonId: string;
  navigate(url: string): Promise<void>;
  /** Runs `body` (a function body; `arguments[0..]` are args) in the current page and returns its value. */
  evaluate<T>(body: string, args?: unknown[]): Promise<T>;
  /** The viewport as a PNG. */
  screenshot(): Promise<Buffer>;
  /**
   * Runs `body` inside the panel frame of the current page: the frame sits in a closed shadow root,
   * which Marionette (like the browser's own tools) can still open; page scripts cannot.
   */
  inPanel<T>(body: string, args?: unknown[]): Promise<T>;
  /** A raw Marionette command, for what the helpers above don't cover. */
  send<T = unknown>(command: string, params?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** Polls `probe` until it returns a value; on time-out the error says what was last seen. */
const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    const value = await probe().catch((error: unknown) => void (last = error));
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Firefox: timed out waiting for ${what} (last: ${String(last).slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

/**
 * Starts a headless Firefox with a fresh profile and installs `extensionDir` as a temporary add-on.
 * A Firefox that fails to start or to take its Marionette session (the browser's own start-up, not
 * the add-on) is started once more with a new profile; an add-on Firefox refuses is not retried.
 */
export async function launchFirefoxWithExtension(extensionDir: string, addonId: string, locale = 'en-US'): Promise<FirefoxSession> {
  try {
    return await launchOnce(extensionDir, addonId, locale);
  } catch (error) {
    if (error instanceof AddonRefused) throw error;
    console.warn(`Firefox did not start (${String(error).slice(0, 300)}): starting it once more`);
    return launchOnce(extensionDir, addonId, locale);
  }
}

class AddonRefused extends Error {}

async function launchOnce(extensionDir: string, addonId: string, locale: string): Promise<FirefoxSession> {
  const binary = firefoxPath();
  if (!binary) throw new Error('No Firefox found: apt-get install -y firefox-esr, or set FIREFOX_PATH');
  const profile = await mkdtemp(path.join(tmpdir(), 'regulars-firefox-'));
  const uuid = '6d1f0c2e-5b7a-4c39-9e1d-2f8a7b3c4d5e';
  const prefs: Record<string, unknown> = {
    'marionette.port': 0, // any free port; Firefox writes it to MarionetteActivePort
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    'intl.locale.requested': locale,
    'intl.accept_languages': locale,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.enabled': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
  };
  await writeFile(path.join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const child: ChildProcess = spawn(binary, ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile, '--window-size=1280,900', 'about:blank'], {
    env: { ...process.env, MOZ_HEADLESS: '1' },
    stdio: 'ignore',
  });
  const stop = async () => {
    child.kill();
    await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const port = await waitFor('Marionette to listen', async () => Number(await readFile(path.join(profile, 'MarionetteActivePort'), 'utf8')) || undefined, 60_000);
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
      s.once('error', reject);
    });
    const m = new Marionette(socket);
    await m.ready;
    await m.send('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    const installed = await m.send<{ value: string }>('Addon:Install', { path: extensionDir, temporary: true }).catch((error: unknown) => {
      throw new AddonRefused(`Firefox refused the add-on in ${extensionDir}: ${String(error)}`);
    });
    return {
      origin: `moz-extension://${uuid}`,
      addonId: installed.value,
      // WebDriver:Navigate refuses moz-extension:// URLs: the browser window loads them, as the
      // address bar would, then commands go back to the page.
      navigate: async (url) => {
        await m.send('Marionette:SetContext', { value: 'chrome' });
        await m.send('WebDriver:ExecuteScript', {
          script: 'gBrowser.selectedBrowser.fixupAndLoadURIString(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });',
          args: [url],
        });
        await m.send('Marionette:SetContext', { value: 'content' });
      },
      evaluate: async <T>(body: string, args: unknown[] = []) => (await m.send<{ value: T }>('WebDriver:ExecuteScript', { script: body, args })).value,
      screenshot: async () => Buffer.from((await m.send<{ value: string }>('WebDriver:TakeScreenshot', { full: false })).value, 'base64'),
      send: (command, params) => m.send(command, params),
      inPanel: async <T>(body: string, args: unknown[] = []) => {
        const element = (found: { value: Record<string, string> }) => Object.values(found.value)[0];
        const host = element(await m.send('WebDriver:FindElement', { using: 'css selector', value: 'regulars-panel' }));
        const shadow = element(await m.send('WebDriver:GetShadowRoot', { id: host }));
        const frame = element(await m.send('WebDriver:FindElementFromShadowRoot', { shadowRoot: shadow, using: 'css selector', value: 'iframe' }));
        await m.send('WebDriver:SwitchToFrame', { element: frame });
        try {
          return (await m.send<{ value: T }>('WebDriver:ExecuteScript', { script: body, args })).value;
        } finally {
          await m.send('WebDriver:SwitchToParentFrame');
        }
      },
      close: async () => {
        await m.send('WebDriver:DeleteSession').catch(() => undefined);
        socket.destroy();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export { waitFor as waitForFirefox };
