import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from '../support/extension';
import { expect, test } from '../support/fixtures';

// The service worker's global, as far as this test reads it (evaluated inside the worker).
declare const chrome: { runtime: { getManifest(): { name: string } } };

// Files that can't be ASCII by nature; everything else Chromium parses as text.
const BINARY = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.woff', '.woff2', '.wasm']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** "file:line:column (byte N, 0xXX)" of the first non-ASCII byte, or null. */
function firstNonAscii(file: string): string | null {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((byte) => byte > 0x7f);
  if (at === -1) return null;
  const before = bytes.subarray(0, at).toString('latin1');
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const sample = bytes.subarray(at, at + 4).toString('utf8').charAt(0);
  const codePoint = sample.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
  return `${path.relative(EXTENSION_DIR, file)}:${line}:${column} (byte ${at}, U+${codePoint})`;
}

test('the built extension loads in Chromium and its service worker registers', async ({ ext }) => {
  expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
  expect(ext.serviceWorker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
  const name = await ext.serviceWorker.evaluate(() => chrome.runtime.getManifest().name);
  expect(name).toBe('Regulars');
});

// Vite can emit raw U+FFFF into a bundle; Chromium then refuses the whole extension without a word.
test('every text file of the build is pure ASCII', () => {
  const files = filesUnder(EXTENSION_DIR).filter((file) => !BINARY.has(path.extname(file).toLowerCase()));
  expect(files.map((file) => path.relative(EXTENSION_DIR, file))).toContain('manifest.json');
  const offending = files.map(firstNonAscii).filter((found): found is string => found !== null);
  expect(offending, `non-ASCII characters in the build:\n${offending.join('\n')}`).toEqual([]);
});
