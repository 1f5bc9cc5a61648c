import { closeSync, openSync, writeSync } from 'node:fs';

/** Array items stringified per native JSON.stringify call: large enough that the per-call cost vanishes. */
const SLICE = 512;
/** Text buffered before a write: the largest string that exists at once is about this big. */
const CHUNK = 1 << 20;
/**
 * Up to this many items in the top-level arrays, the document is stringified in one native call
 * (a few MB of text): re-indenting slices costs more than that string. Above it, slices.
 */
const WHOLE = 20_000;

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` followed by a newline, byte for byte, without
 * ever holding the whole text: the top-level object is walked key by key and each array is
 * stringified natively SLICE items at a time, re-indented to where it sits, into a 1 MiB buffer that
 * is flushed as it fills. A 60,000-component document never exists as one 60 MB string (and its
 * copy in the write call) in memory, and a small one costs a handful of native calls.
 * Re-indenting by replacing newlines is exact because JSON.stringify escapes every newline inside
 * strings: each raw newline in its output is structure.
 * Returns the number of bytes written. `whole` is the WHOLE threshold (tests set 0 to slice everything).
 */
export function writeJsonFile(path: string, value: unknown, whole = WHOLE): number {
  const fd = openSync(path, 'w');
  let buffer = '';
  let bytes = 0;
  const flush = (): void => {
    if (buffer === '') return;
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  const emit = (text: string): void => {
    buffer += text;
    if (buffer.length >= CHUNK) flush();
  };
  /** `text` from JSON.stringify(…, null, 2), placed at `indent`. */
  const indented = (text: string, indent: string): string => (indent ? text.replaceAll('\n', `\n${indent}`) : text);
  const array = (items: readonly unknown[], indent: string): void => {
    if (items.length === 0) {
      emit('[]');
      return;
    }
    emit('[');
    for (let start = 0; start < items.length; start += SLICE) {
      // "[\n  a,\n  b\n]" → "\n  a,\n  b": the items with their separators, as the whole array would have them.
      const text = JSON.stringify(items.length <= SLICE ? items : items.slice(start, start + SLICE), null, 2);
      emit(`${start === 0 ? '' : ','}${indented(text.slice(1, -2), indent)}`);
    }
    emit(`\n${indent}]`);
  };
  const plain = (v: unknown): v is Record<string, unknown> | unknown[] =>
    v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
  try {
    if (small(value, whole)) emit(JSON.stringify(value, null, 2) ?? 'null');
    else if (Array.isArray(value)) array(value, '');
    else if (plain(value)) {
      let first = true;
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        emit(`${first ? '{' : ','}\n  ${JSON.stringify(key)}: `);
        first = false;
        if (Array.isArray(item)) array(item, '  ');
        else emit(indented(JSON.stringify(item, null, 2), '  '));
      }
      emit(first ? '{}' : '\n}');
    } else emit(JSON.stringify(value, null, 2) ?? 'null');
    emit('\n');
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Whether `value`'s top-level arrays hold at most `whole` items in all. */
function small(value: unknown, whole: number): boolean {
  if (Array.isArray(value)) return value.length <= whole;
  if (value === null || typeof value !== 'object') return true;
  let items = 0;
  for (const item of Object.values(value)) if (Array.isArray(item)) items += item.length;
  return items <= whole;
}
