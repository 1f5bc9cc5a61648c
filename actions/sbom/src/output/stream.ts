import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK = 1 << 20;

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` followed by a newline, byte for byte, without
 * ever holding the whole text: arrays and objects are walked and each leaf-ish element is
 * stringified on its own into a 1 MiB buffer that is flushed as it fills. A 60,000-component
 * document never exists as one 60 MB string (and its copy in the write call) in memory.
 * Returns the number of bytes written.
 */
export function writeJsonFile(path: string, value: unknown): number {
  const fd = openSync(path, 'w');
  let buffer = '';
  let bytes = 0;
  const emit = (text: string): void => {
    buffer += text;
    if (buffer.length >= CHUNK) flush();
  };
  const flush = (): void => {
    if (buffer === '') return;
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  const walk = (v: unknown, indent: string, depth: number): void => {
    // Below the document's top-level lists (one package, one relationship) and for anything with
    // toJSON, JSON.stringify itself writes the value, re-indented to where it sits.
    if (depth > 2 || v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      emit(JSON.stringify(v, null, 2)?.replaceAll('\n', `\n${indent}`) ?? 'null');
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      emit('[');
      for (let i = 0; i < v.length; i++) {
        emit(`${i === 0 ? '' : ','}\n${inner}`);
        const item = v[i];
        // JSON.stringify writes undefined, functions and symbols in arrays as null.
        walk(
          item === undefined || typeof item === 'function' || typeof item === 'symbol' ? null : item,
          inner,
          depth + 1,
        );
      }
      emit(`\n${indent}]`);
      return;
    }
    let first = true;
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      emit(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      walk(item, inner, depth + 1);
    }
    emit(first ? '{}' : `\n${indent}}`);
  };
  try {
    walk(value, '', 0);
    emit('\n');
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
