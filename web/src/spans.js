// Spans from the server are UTF-8 byte offsets into the article text; JavaScript strings are
// indexed in UTF-16 code units. These helpers convert between the two and cut a text into
// segments by (possibly overlapping) marked ranges.

/**
 * A function mapping a UTF-8 byte offset of `text` to the UTF-16 index of the same place.
 * An offset inside a multi-byte character maps to that character's start; offsets past the
 * end map to the end.
 */
export function byteToUtf16Index(text) {
  // utf16At[b] = UTF-16 index of the character holding byte b (for b = byte length: text.length).
  const starts = []; // byte offset of each character start
  const indices = []; // its UTF-16 index
  let byte = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    starts.push(byte);
    indices.push(i);
    byte += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  const total = byte;
  return (offset) => {
    if (offset <= 0) return 0;
    if (offset >= total) return text.length;
    // Binary search for the last character start <= offset.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return indices[lo];
  };
}

/**
 * Cut `text` at the bounds of `ranges` ({start, end, cls, id} in UTF-16 indices): each
 * segment lists the classes (and ids) of the ranges covering it.
 */
export function segments(text, ranges) {
  const valid = ranges.filter((r) => r.end > r.start).map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(text.length, r.end) }));
  const cuts = new Set([0, text.length]);
  for (const r of valid) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (b <= a) continue;
    const covering = valid.filter((r) => r.start <= a && b <= r.end);
    out.push({ text: text.slice(a, b), classes: covering.map((r) => r.cls), ids: covering.filter((r) => r.id).map((r) => r.id) });
  }
  return out;
}
