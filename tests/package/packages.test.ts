// The store packages `npm run zip` writes (.output/): what a seller installs from the Chrome Web
// Store and Firefox Add-ons. Run after `npm run zip` (npm test does): vitest -c vitest.package.config.ts
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import webExt from 'web-ext';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, unzip, unzipTo, version, zipPath } from './zips';

const manifestOf = (files: Record<string, Uint8Array>) => {
  const raw = files['manifest.json'];
  if (!raw) throw new Error('the zip has no manifest.json at its root');
  return { text: strFromU8(raw), json: JSON.parse(strFromU8(raw)) as Record<string, unknown> };
};

describe('Chrome Web Store zip', () => {
  it('is versioned from package.json and asks for unlimitedStorage', async () => {
    const { json } = manifestOf(await unzip(zipPath('chrome')));
    expect(json.version).toBe(version);
    expect(json.manifest_version).toBe(3);
    expect(json.permissions).toContain('unlimitedStorage');
  });

  it('carries no loopback host anywhere in its manifest and no demo content script', async () => {
    const { text, json } = manifestOf(await unzip(zipPath('chrome')));
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(json.content_scripts).toBeUndefined();
    expect(json.host_permissions).toBeUndefined();
  });

  it('holds the content script the background registers on enabled marketplaces', async () => {
    const files = await unzip(zipPath('chrome'));
    expect(Object.keys(files)).toContain('content-scripts/content.js');
    expect(Object.keys(files)).not.toContain('bench.html');
  });
});

describe('the background clock', () => {
  // The end-to-end tests move the demo build's clock forward (entrypoints/background/test-clock.ts).
  it('can be moved by a test in the demo build only: neither store zip carries the hook', async () => {
    const demo = await readFile(path.join(ROOT, '.output-demo', 'firefox-mv3', 'background.js'), 'utf8');
    expect(demo).toContain('regularsTestClock');
    for (const what of ['chrome', 'firefox'] as const) {
      const background = (await unzip(zipPath(what)))['background.js'];
      expect(background, `${what} zip's background.js`).toBeDefined();
      expect(strFromU8(background!)).not.toContain('regularsTestClock');
    }
  });

  it("can hold the popup's React back for a test in the demo build only: neither store zip carries the hook", async () => {
    const demo = await readdir(path.join(ROOT, '.output-demo', 'firefox-mv3', 'chunks'));
    const demoCode = await Promise.all(demo.map((name) => readFile(path.join(ROOT, '.output-demo', 'firefox-mv3', 'chunks', name), 'utf8')));
    expect(demoCode.some((code) => code.includes('regularsLoadReact'))).toBe(true);
    for (const what of ['chrome', 'firefox'] as const) {
      const files = await unzip(zipPath(what));
      const chunks = Object.keys(files).filter((name) => name.endsWith('.js'));
      expect(chunks.filter((name) => strFromU8(files[name]!).includes('regularsLoadReact')), `${what} zip`).toEqual([]);
    }
  });
});

describe('Firefox Add-ons zip', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'regulars-firefox-zip-'));
    await unzipTo(zipPath('firefox'), dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is Manifest V3 with a Gecko id, a background script and no loopback host', async () => {
    const text = await readFile(path.join(dir, 'manifest.json'), 'utf8');
    const json = JSON.parse(text) as {
      manifest_version: number;
      version: string;
      permissions: string[];
      background: { scripts?: string[] };
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(json.manifest_version).toBe(3);
    expect(json.version).toBe(version);
    expect(json.permissions).toContain('unlimitedStorage');
    expect(json.background.scripts).toEqual(['background.js']);
    expect(json.browser_specific_settings?.gecko?.id).toMatch(/@/);
  });

  it('passes web-ext lint with no errors', async () => {
    const result = (await webExt.cmd.lint({ sourceDir: dir, output: 'none' }, { shouldExitProgram: false })) as {
      errors: { code: string; file?: string; message: string }[];
    };
    expect(result.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    // 10 s on a quiet machine; on two cores at load 30 it passed 120 s, and the linter, which runs in
    // this process and holds its event loop, went on after the time-out and timed the next test out too.
  }, 400_000);
});

describe('sources zip (for the AMO review)', () => {
  it('holds what rebuilds the extension and nothing the tests wrote', async () => {
    const names = Object.keys(await unzip(zipPath('sources')));
    expect(names).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/background/index.ts']));
    expect(names.filter((n) => /^(node_modules|\.output|screenshots|test-results)\//.test(n))).toEqual([]);
  });
});

describe('style sheets', () => {
  it("no page but the popup loads the popup's own sheet: its body is 400 px wide, which narrowed the other pages to a column", async () => {
    const files = await unzip(zipPath('chrome'));
    const popupBody = /body\{[^}]*width:400px/;
    for (const page of ['options.html', 'members.html', 'reports.html', 'panel.html']) {
      // Linked in the page, or listed by its first script for the page's code when that script asks
      // the background before the code loads (the reports page, as the popup does).
      const html = strFromU8(files[page]!);
      const firstScripts = [...html.matchAll(/src="\/(chunks\/[^"]+\.js)"/g)].map((m) => strFromU8(files[m[1]!] ?? new Uint8Array()));
      const sheets = [...new Set([...html.matchAll(/href="\/(assets\/[^"]+\.css)"/g), ...firstScripts.flatMap((js) => [...js.matchAll(/"(assets\/[^"]+\.css)"/g)])].map((m) => m[1]!))];
      expect(sheets.length, page).toBeGreaterThan(0);
      for (const sheet of sheets) expect(strFromU8(files[sheet]!), `${page} loads ${sheet}`).not.toMatch(popupBody);
    }
  });
});

describe('the popup', () => {
  /** The chunks popup.html loads before its first frame: its scripts, preloads, their static imports and the page's chunk. */
  const firstLoad = (files: Record<string, Uint8Array>) => {
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const loaded = new Map<string, string>();
    const queue = [...text('popup.html').matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
    while (queue.length) {
      const name = queue.pop()!;
      if (loaded.has(name)) continue;
      loaded.set(name, text(name));
      for (const m of loaded.get(name)!.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(`chunks/${m[1]}`);
      // The page itself comes by one dynamic import of the popup's first script (entrypoints/popup/early.ts).
      for (const m of loaded.get(name)!.matchAll(/import\(`\.\/(main-[^`]+\.js)`\)/g)) queue.push(`chunks/${m[1]}`);
    }
    return [...loaded.values()].join('\n');
  };

  it("opens without zod and without any catalogue: its first script carries only its first frame's words, and its own language comes as one chunk of its own", async () => {
    const files = await unzip(zipPath('chrome'));
    const code = firstLoad(files);
    expect(code.length).toBeGreaterThan(0);
    expect(code).not.toContain('_zod');
    // The first frame's words (lib/i18n/first-words.ts) are there; a word the popup never draws is not.
    expect(code).toContain('Settings and import');
    expect(code).not.toContain('Import order export');
    const catalogues = Object.keys(files).filter((name) => /^chunks\/(en|zh-CN|zh-TW)-[\w-]+\.js$/.test(name));
    expect(catalogues).toHaveLength(3);
    const english = catalogues.filter((name) => strFromU8(files[name]!).includes('Import order export'));
    expect(english).toEqual([expect.stringMatching(/^chunks\/en-/)]);
  });

  it('asks for Today and draws its first frame from two small scripts without React, with both its style sheets written in the page; then runs its page (its own code, the shared chunk, the bundler runtime) and fetches no sheet again; no file is empty', async () => {
    const files = await unzip(zipPath('chrome'));
    const html = strFromU8(files['popup.html']!);
    const code = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const entry = /<script[^>]*src="\/(chunks\/[^"]+\.js)"/.exec(html)![1]!;
    const scripts = [entry, ...[...code(entry).matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((m) => `chunks/${m[1]}`)];
    expect(scripts).toHaveLength(2);
    const early = scripts.map(code);
    // The first frame's plain renderer (components/popup/first-frame.ts) and its words in three
    // languages (some 110 keys, Chinese written as \u escapes) are in them; React is not. 33 KB with
    // the words, 14 KB without, which opened slower: median 144 against 131 ms in one A/B run.
    expect(early.join('').length).toBeLessThan(36_000);
    expect(early.join('')).toContain('reminders.today');
    expect(early.join('')).not.toMatch(/react\.(transitional\.)?element/);
    // The first frame is drawn with the page's sheets, the shared one then the popup's own, written in
    // the page: a linked sheet is one more file to fetch before the first script may run.
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    const sheets = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]!);
    expect(sheets).toHaveLength(2);
    expect(sheets[0]).toMatch(/^:root\{--bg:/);
    expect(sheets[1]).toMatch(/body\{[^}]*width:400px/);
    // Then its page: every file the entry preloads with its one dynamic import besides the catalogues;
    // no sheet (fetched again, the shared one would come after the popup's own and override it).
    const listed = JSON.parse(/m\.f=(\[[^\]]*\])/.exec(code(entry))![1]!) as string[];
    const deps = /__vite__mapDeps\(\[([\d,]*)\]\)/.exec(code(entry))![1]!.split(',').map((i) => listed[Number(i)]!);
    expect(deps.filter((name) => name.endsWith('.css'))).toEqual([]);
    const page = deps.filter((name) => !scripts.includes(name));
    expect(page.map((name) => name.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual(['chunks/main', 'chunks/popup-first-load', 'chunks/rolldown-runtime']);
    for (const name of [...scripts, ...deps]) expect(files[name]?.length, name).toBeGreaterThan(0);
  });
});
