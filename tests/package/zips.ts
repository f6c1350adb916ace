// The store zips `npm run zip` writes (.output/), read back as a store would.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
export const zipPath = (what: 'chrome' | 'firefox' | 'sources') => path.join(ROOT, '.output', `regulars-${version}-${what}.zip`);

export async function unzip(file: string): Promise<Record<string, Uint8Array>> {
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run zip\` first`);
  return unzipSync(new Uint8Array(await readFile(file)));
}

/** Unpacks a zip into `dir` (which must exist). */
export async function unzipTo(file: string, dir: string): Promise<void> {
  for (const [name, data] of Object.entries(await unzip(file))) {
    if (name.endsWith('/')) continue;
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), data);
  }
}
