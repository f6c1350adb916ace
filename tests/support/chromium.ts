import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

// Branded Google Chrome (137+) ignores --load-extension, so it is never picked on its own:
// the extension would silently not load. CHROME_PATH can still force any binary.
// Chrome for Testing (what Playwright downloads) and plain Chromium honour the flag.

const INSTALL_HINT = [
  'Install Chromium, or point CHROME_PATH at a Chromium-family binary that honours --load-extension:',
  '  Debian/Ubuntu: sudo apt-get install -y chromium',
  '  macOS:         brew install --cask chromium',
  '  any system:    CHROME_PATH=/path/to/chromium npm test',
  'Branded Google Chrome will not do: its command line ignores --load-extension.',
].join('\n');

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function onPath(names: readonly string[]): string[] {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  return dirs.flatMap((dir) => names.flatMap((name) => exts.map((ext) => path.join(dir, name + ext))));
}

/** Chrome for Testing / Chromium builds in Playwright's browser cache (never the headless shell: it has no extensions). */
function playwrightCacheCandidates(): string[] {
  const roots = [
    process.env.PLAYWRIGHT_BROWSERS_PATH,
    path.join(homedir(), '.cache', 'ms-playwright'),
    path.join(homedir(), 'Library', 'Caches', 'ms-playwright'),
    process.env.LOCALAPPDATA && path.join(process.env.LOCALAPPDATA, 'ms-playwright'),
  ].filter((root): root is string => Boolean(root) && root !== '0' && existsSync(root as string));
  const inBuild = [
    'chrome-linux64/chrome',
    'chrome-linux/chrome',
    'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    'chrome-win64/chrome.exe',
    'chrome-win/chrome.exe',
  ];
  return roots.flatMap((root) =>
    readdirSync(root)
      .filter((name) => /^chromium-\d+$/.test(name))
      .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)))
      .flatMap((build) => inBuild.map((rel) => path.join(root, build, rel))),
  );
}

function candidates(): string[] {
  const home = homedir();
  const programFiles = [process.env.LOCALAPPDATA, process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)']].filter(
    (dir): dir is string => Boolean(dir),
  );
  return [
    // Linux
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/lib/chromium-browser/chromium-browser',
    '/var/lib/flatpak/exports/bin/org.chromium.Chromium',
    path.join(home, '.local/share/flatpak/exports/bin/org.chromium.Chromium'),
    ...onPath(['chromium', 'chromium-browser']),
    // macOS
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    path.join(home, 'Applications/Chromium.app/Contents/MacOS/Chromium'),
    '/opt/homebrew/bin/chromium',
    // Windows
    ...programFiles.map((dir) => path.join(dir, 'Chromium', 'Application', 'chrome.exe')),
    ...playwrightCacheCandidates(),
  ];
}

/** The path of a Chromium-family browser that loads unpacked extensions from the command line. */
export function findChromium(): string {
  const forced = process.env.CHROME_PATH;
  if (forced) {
    if (isFile(forced)) return forced;
    throw new Error(`CHROME_PATH is set to ${forced}, but no file is there.\n${INSTALL_HINT}`);
  }
  const found = candidates().find(isFile);
  if (found) return found;
  throw new Error(`No Chromium found (looked in the usual places and on PATH).\n${INSTALL_HINT}`);
}
