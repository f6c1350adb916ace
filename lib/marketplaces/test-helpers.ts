// Test-only: parse a dated fixture HTML file into a document adapters can read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

export function fixtureDocument(dir: string, name: string): Document {
  const window = new Window();
  window.document.body.innerHTML = readFileSync(path.join(dir, 'fixtures', name), 'utf8');
  return window.document as unknown as Document;
}
