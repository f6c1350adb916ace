/** Files picked for import: a key to tell them apart, and the first part of a big one to preview. */

/** A big file is previewed from its first bytes (cut at a line end), then streamed whole on import. */
const HEAD_BYTES = 256 * 1024;

export const fileKey = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;

export async function headOf(file: File): Promise<File | undefined> {
  if (/\.xlsx$/i.test(file.name)) return undefined; // a zip can't be read in part
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  // The last line end: LF, or CR alone (old Mac tools; a CR whose LF is cut off is read as one line end).
  let end = Math.max(bytes.lastIndexOf(0x0a), bytes.lastIndexOf(0x0d));
  if (end < 0) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) end += 1; // UTF-16LE: the line end is 0A 00 or 0D 00
  return new File([bytes.subarray(0, end + 1)], file.name);
}
