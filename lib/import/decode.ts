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

/** Detects the encoding unless one is forced. Never throws for bad bytes: it falls back. */
export function decodeBytes(bytes: Uint8Array, forced?: Encoding): Decoded {
  if (forced) {
    const bomLength = forced === 'utf-8' && startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : forced.startsWith('utf-16') && bytes.length >= 2 && (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) ? 2 : 0;
    return { text: new TextDecoder(forced).decode(bytes.subarray(bomLength)), encoding: forced, bom: bomLength > 0 };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: Taobao/Tmall export GBK (a subset of GB18030); Taiwanese tools Big5.
    const gb = new TextDecoder('gb18030').decode(bytes);
    const big5 = new TextDecoder('big5').decode(bytes);
    const bad = (s: string) => (s.match(/\uFFFD/g) ?? []).length;
    return bad(big5) < bad(gb) ? { text: big5, encoding: 'big5', bom: false } : { text: gb, encoding: 'gb18030', bom: false };
  }
}
