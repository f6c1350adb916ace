// A long joined text made and handed over a piece at a time, never whole: the order ledger's ids
// (683k of them, some 10 MB joined) are kept on disk as pieces of such a text. Pure.

/** Text given as its pieces, each at most `maxChars` long; joined, they are the whole text. */
export interface TextInPieces {
  stringPieces(maxChars: number): Iterable<string>;
}

/**
 * The pieces of `count` strings (`at(k)`) joined by `separator`: each exactly `maxChars` long but
 * the last, as slicing the joined text would give them.
 */
export function joinedInPieces(count: number, at: (k: number) => string, separator: string): TextInPieces {
  return {
    * stringPieces(maxChars: number) {
      const size = Math.max(1, maxChars);
      let held: string[] = [];
      let chars = 0;
      for (let k = 0; k < count; k++) {
        const piece = k ? separator + at(k) : at(k);
        held.push(piece);
        chars += piece.length;
        if (chars < size) continue;
        let text = held.join('');
        while (text.length >= size) {
          yield text.slice(0, size);
          text = text.slice(size);
        }
        held = text ? [text] : [];
        chars = text.length;
      }
      if (chars) yield held.join('');
    },
  };
}
