// Where the content script runs beyond the bundled demo: on the marketplaces the user enabled
// (their host permissions are granted) and in the wp-admin of each WooCommerce shop they added.
// Runs in the background; the Chrome APIs sit behind HostApis so tests can fake them.
import { ADAPTERS } from '../marketplaces/registry';
import type { MarketplaceAdapter } from '../marketplaces/types';
import { storedWooShops, WOO_SHOPS_KEY, wooAdminPattern, wooScriptId } from './woo';

/** Every dynamic script of ours has this id prefix; scripts without it are never touched. */
export const SCRIPT_PREFIX = 'regulars-';
/** Where `npx wxt build` writes entrypoints/content (see .output/chrome-mv3). */
export const CONTENT_SCRIPT_JS = 'content-scripts/content.js';
/** Served by the manifest's static content script (loopback); registering them again would run it twice. */
const STATIC_ADAPTERS: ReadonlySet<string> = new Set(['demo']);
/** Qianniu renders its workbench in iframes (MARKETPLACES.md, Taobao). */
const ALL_FRAMES_ADAPTERS: ReadonlySet<string> = new Set(['taobao']);

export interface ContentScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

/** As scripting.getRegisteredContentScripts() reports a script (fields left out take Chrome's defaults). */
export interface RegisteredScript {
  id: string;
  matches?: string[] | undefined;
  js?: string[] | undefined;
  runAt?: string | undefined;
  allFrames?: boolean | undefined;
  persistAcrossSessions?: boolean | undefined;
}

export interface HostApis {
  /** permissions.contains: are all of these origins granted? */
  granted(origins: string[]): Promise<boolean>;
  registered(): Promise<RegisteredScript[]>;
  register(script: ContentScript): Promise<void>;
  update(script: ContentScript): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  /** The WooCommerce shops the user added (storage.local 'wooShops'). */
  wooShops(): Promise<string[]>;
}

export interface SyncResult {
  registered: string[];
  updated: string[];
  unregistered: string[];
  failed: { id: string; message: string }[];
}

function contentScript(id: string, matches: readonly string[], allFrames: boolean): ContentScript {
  return { id, matches: [...matches], js: [CONTENT_SCRIPT_JS], runAt: 'document_idle', allFrames, persistAcrossSessions: true };
}

/** The scripts that should be registered now: one per enabled marketplace, one per allowed shop. */
export async function wantedContentScripts(apis: HostApis, adapters: readonly MarketplaceAdapter[]): Promise<ContentScript[]> {
  const candidates = [
    ...adapters
      .filter((a) => !STATIC_ADAPTERS.has(a.id) && a.hostPatterns.length > 0)
      .map((a) => contentScript(SCRIPT_PREFIX + a.id, a.hostPatterns, ALL_FRAMES_ADAPTERS.has(a.id))),
    ...(await apis.wooShops()).map((shop) => contentScript(wooScriptId(shop), [wooAdminPattern(shop)], false)),
  ];
  const granted = await Promise.all(candidates.map((s) => apis.granted(s.matches).catch(() => false)));
  return candidates.filter((_, i) => granted[i]);
}

function sameScript(have: RegisteredScript, want: ContentScript): boolean {
  const same = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
  // Chrome hands the patterns back as a set, sorted: compare them so, or every sync would update.
  const sorted = (a: readonly string[] | undefined) => a && [...a].sort();
  return (
    same(sorted(have.matches), sorted(want.matches)!) &&
    same(have.js, want.js) &&
    (have.runAt ?? 'document_idle') === want.runAt &&
    (have.allFrames ?? false) === want.allFrames &&
    (have.persistAcrossSessions ?? true) === want.persistAcrossSessions
  );
}

/**
 * Registers what is enabled and not yet registered, updates what changed (an adapter's hosts after
 * an update), unregisters what lost its permission. Registering nothing that is already there makes
 * it safe to call on every event. One script failing doesn't stop the others.
 */
export async function syncContentScripts(apis: HostApis, adapters: readonly MarketplaceAdapter[] = ADAPTERS): Promise<SyncResult> {
  const result: SyncResult = { registered: [], updated: [], unregistered: [], failed: [] };
  const wanted = await wantedContentScripts(apis, adapters);
  const have = new Map((await apis.registered()).filter((s) => s.id.startsWith(SCRIPT_PREFIX)).map((s) => [s.id, s]));
  const wantedIds = new Set(wanted.map((s) => s.id));

  const stale = [...have.keys()].filter((id) => !wantedIds.has(id));
  if (stale.length) {
    try {
      await apis.unregister(stale);
      result.unregistered.push(...stale);
    } catch (e) {
      result.failed.push(...stale.map((id) => ({ id, message: (e as Error).message })));
    }
  }
  for (const script of wanted) {
    const current = have.get(script.id);
    if (current && sameScript(current, script)) continue;
    try {
      await (current ? apis.update(script) : apis.register(script));
      (current ? result.updated : result.registered).push(script.id);
    } catch (e) {
      result.failed.push({ id: script.id, message: (e as Error).message });
    }
  }
  return result;
}

/** Runs `task` one at a time; calls made while one waits to start share that one run. */
export function serialized<T>(task: () => Promise<T>): () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  let waiting: Promise<T> | undefined;
  return () => {
    if (waiting) return waiting;
    const run = last.then(() => {
      waiting = undefined;
      return task();
    });
    waiting = run;
    last = run.catch(() => undefined);
    return run;
  };
}

export function browserHostApis(): HostApis {
  return {
    granted: (origins) => browser.permissions.contains({ origins }),
    registered: () => browser.scripting.getRegisteredContentScripts(),
    register: (script) => browser.scripting.registerContentScripts([script]),
    update: (script) => browser.scripting.updateContentScripts([script]),
    unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
    wooShops: async () => storedWooShops((await browser.storage.local.get(WOO_SHOPS_KEY))[WOO_SHOPS_KEY]),
  };
}

/**
 * Keeps the registered scripts in step with the permissions: on install/update, on browser start,
 * whenever a permission is granted or revoked (options page, or Chrome's own site-access menu) and
 * when the list of shops changes. Call once, synchronously, when the service worker starts.
 */
export function keepContentScriptsInSync(apis: HostApis = browserHostApis()): () => Promise<SyncResult> {
  const sync = serialized(async () => {
    const result = await syncContentScripts(apis);
    for (const f of result.failed) console.warn(`Regulars: could not update content script ${f.id}: ${f.message}`);
    return result;
  });
  const run = () => void sync().catch((e: unknown) => console.warn('Regulars: content script sync failed', e));
  browser.runtime.onInstalled.addListener(run);
  browser.runtime.onStartup.addListener(run);
  browser.permissions.onAdded.addListener(run);
  browser.permissions.onRemoved.addListener(run);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && WOO_SHOPS_KEY in changes) run();
  });
  return sync;
}
