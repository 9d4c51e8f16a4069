import type { XlsxError } from './xlsx-limits';

/**
 * The XML pieces of the XLSX reader. Every search here runs forward with indexOf and gives up
 * at the first missing close, so text of any shape costs time linear in its length (a lazy
 * regex over an element that never closes rescans to the end from every start).
 */

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, then OOXML's `_xHHHH_` escapes for control characters. */
export function decodeXmlText(text: string): string {
  if (text.indexOf('&') === -1 && text.indexOf('_x') === -1) return text;
  return text
    .replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|\w{1,16});/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return entities[name] ?? whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** After a tag name: the name ends here (`<c>`, `<c r=…`, `<c/>`), so `<col>` is not `<c>`. */
export const endsName = (code: number) => code === 62 || code === 47 || isSpace(code);

/** Phonetic guides (`<rPh>…</rPh>`) are readings shown above the text, not the text. */
function withoutPhonetic(xml: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const open = xml.indexOf('<rPh', pos);
    if (open === -1 || !endsName(xml.charCodeAt(open + 4))) break;
    const close = xml.indexOf('</rPh>', open);
    if (close === -1) break;
    out += xml.slice(pos, open);
    pos = close + 6;
  }
  return pos === 0 ? xml : out + xml.slice(pos);
}

/** The text of a shared string or inline string: its runs (`<t>`) joined, phonetic guides left out. */
export function richText(xml: string): string {
  const plain = xml.indexOf('<rPh') === -1 ? xml : withoutPhonetic(xml);
  let text = '';
  let pos = 0;
  for (;;) {
    const open = plain.indexOf('<t', pos);
    if (open === -1) break;
    const next = plain.charCodeAt(open + 2);
    if (next !== 62 && !isSpace(next)) {
      pos = open + 2;
      continue;
    }
    const end = plain.indexOf('>', open + 2);
    if (end === -1) break;
    if (plain.charCodeAt(end - 1) === 47) {
      pos = end + 1;
      continue;
    }
    const close = plain.indexOf('</t>', end + 1);
    if (close === -1) break;
    text += plain.slice(end + 1, close);
    pos = close + 4;
  }
  return decodeXmlText(text);
}

const attributePatterns = new Map<string, RegExp>();

export function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const match = pattern.exec(attributes);
  return match ? decodeXmlText(match[1] as string) : undefined;
}

/** The 0-based column of letters `A`…`XFD`, or -1 when past `maxColumns` (checked as it goes). */
export function columnIndex(letters: string, maxColumns: number): number {
  let index = 0;
  for (let i = 0; i < letters.length; i++) {
    index = index * 26 + (letters.charCodeAt(i) - 64);
    if (index > maxColumns) return -1;
  }
  return index - 1;
}

/**
 * A construct the scan could not finish in the text it had: it starts at `start` and ends at the
 * next `needle`. Until then the driver keeps the text from `start` on, searching only new text.
 */
export interface Wait {
  start: number;
  needle: string;
  /** Characters from `start` after which the construct is refused. */
  cap: number;
  tooLong: () => XlsxError;
  /** The part ended first. */
  unfinished: () => XlsxError;
}

/**
 * Reads constructs from `from` on. Returns null when it read all the text, an index to stop and
 * be called again from there (so the caller can hand on what it has), or a Wait.
 */
export type Scan = (text: string, from: number) => number | Wait | null;

/**
 * Feeds a stream of XML text to `scan` in linear time: while a construct is unfinished, each new
 * chunk is searched for its end (with the few characters before it a needle could straddle)
 * and kept in a list, joined once when the end arrives. Yields whenever `scan` asks to stop and
 * after each chunk read through.
 */
export async function* scanXml(chunks: AsyncIterable<string>, scan: Scan): AsyncGenerator<void> {
  /** The unfinished construct: its text so far in parts, and the last characters searched. */
  const pending: { wait: Wait | null; parts: string[]; length: number; tail: string } = { wait: null, parts: [], length: 0, tail: '' };
  const tailOf = (text: string, needle: string) => text.slice(Math.max(0, text.length - (needle.length - 1)));

  function* run(text: string): Generator<void> {
    let from = 0;
    for (;;) {
      const step = scan(text, from);
      if (step === null) return;
      if (typeof step === 'number') {
        yield;
        from = step;
        continue;
      }
      const kept = text.slice(step.start);
      if (kept.length > step.cap) throw step.tooLong();
      pending.wait = step;
      pending.parts = [kept];
      pending.length = kept.length;
      pending.tail = tailOf(kept, step.needle);
      return;
    }
  }

  for await (const chunk of chunks) {
    if (chunk === '') continue;
    const wait = pending.wait;
    if (wait === null) {
      yield* run(chunk);
      yield;
      continue;
    }
    const window = pending.tail + chunk;
    pending.parts.push(chunk);
    pending.length += chunk.length;
    if (window.indexOf(wait.needle) === -1) {
      if (pending.length > wait.cap) throw wait.tooLong();
      pending.tail = tailOf(window, wait.needle);
      continue;
    }
    const text = pending.parts.join('');
    pending.wait = null;
    pending.parts = [];
    yield* run(text);
    yield;
  }
  if (pending.wait !== null) throw pending.wait.unfinished();
}

/** The letters of a 0-based column: 0 → A, 16383 → XFD. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
