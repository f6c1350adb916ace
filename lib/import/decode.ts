// Bytes to text: BOMs first, then strict UTF-8, then the Chinese encodings sellers' exports use.
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * The encoding of a file from its first bytes (or all of them): a BOM, else strict UTF-8 (a
 * multi-byte character cut at the end is fine), else whichever of GB18030 and Big5 decodes with
 * fewer replacement characters. Taobao/Tmall export GBK (a subset of GB18030); Taiwanese tools Big5.
 * The one detection for a whole file and for a file read as a stream.
 */
export function sniffEncoding(head: Uint8Array): Encoding {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    const bad = (enc: string) => (new TextDecoder(enc).decode(head).match(/\uFFFD/g) ?? []).length;
    return bad('big5') < bad('gb18030') ? 'big5' : 'gb18030';
  }
}

/** How many leading bytes are the encoding's byte order mark. */
function bomLength(bytes: Uint8Array, encoding: Encoding): number {
  if (encoding === 'utf-8') return startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (encoding.startsWith('utf-16') && (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))) return 2;
  return 0;
}

/** Detects the encoding unless one is forced. Never throws for bad bytes: it falls back. */
export function decodeBytes(bytes: Uint8Array, forced?: Encoding): Decoded {
  const encoding = forced ?? sniffEncoding(bytes);
  const bom = bomLength(bytes, encoding);
  return { text: new TextDecoder(encoding).decode(bytes.subarray(bom)), encoding, bom: bom > 0 };
}
