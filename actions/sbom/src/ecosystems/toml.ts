import { parse, TomlError } from 'smol-toml';
import { malformed } from './common';

/** TOML (poetry.lock, uv.lock, Cargo.lock, pyproject.toml) with errors pointing at file, line and column. */
export function parseToml(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const first = error.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid TOML';
      malformed(file, `not valid TOML: ${first}`, error.line, error.column);
    }
    throw error;
  }
}
