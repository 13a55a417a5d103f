// spans.js - evidence spans onto article text. The engine's offsets count
// UTF-8 bytes of the article text; JavaScript strings count UTF-16 units.
// Each span is checked against the words the engine quoted (its text), so a
// mismatch falls back to finding those words rather than marking wrong ones.

// byte offset -> UTF-16 index, for every byte offset that starts a character
function byteIndex(text) {
  const map = new Map();
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    map.set(b, i);
    const c = text.codePointAt(i);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  map.set(b, text.length);
  return map;
}

// spans: [{field, start, end, text?}] -> [{field, start, end}] in UTF-16 units
export function locate(text, spans) {
  const idx = byteIndex(text);
  const out = [];
  for (const s of spans || []) {
    let a = idx.get(s.start), b = idx.get(s.end);
    const want = s.text;
    const ok = (x, y) => x !== undefined && y !== undefined && x < y &&
      (!want || text.slice(x, y).trim() === want.trim());
    if (!ok(a, b)) {
      // offsets in characters, or quoted words elsewhere
      if (ok(s.start, s.end)) { a = s.start; b = s.end; }
      else if (want && text.indexOf(want) >= 0) { a = text.indexOf(want); b = a + want.length; }
      else continue;
    }
    out.push({field: s.field, start: a, end: b, confidence: s.confidence});
  }
  return out;
}

// Cut text at every span boundary: [{text, fields: [..]}], in order.
export function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const pts = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const fields = spans.filter(s => s.start <= a && s.end >= b).map(s => s.field);
    out.push({text: text.slice(a, b), fields: [...new Set(fields)]});
  }
  return out;
}
