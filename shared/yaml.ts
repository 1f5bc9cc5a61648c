import { type Document, LineCounter, parseDocument } from 'yaml';
import { ConfigurationError } from './errors';

/**
 * Parses YAML (or JSON, which is YAML) keeping node positions, and turns the first syntax error
 * into a ConfigurationError at its line and column. Positions come from the LineCounter, not the
 * error's `linePos`, which yaml fills in only when it also rewrites the message ("prettyErrors").
 */
export interface ParsedYaml {
  doc: Document.Parsed;
  /** Offsets to line/column for any node: `lines.linePos(node.range[0])`. */
  lines: LineCounter;
}

export interface YamlSource {
  /** What the text is, for the message: `runbook deploy.yml`, `input vars`. */
  what: string;
  /** The file to annotate, when the text came from one. */
  file?: string;
  /** The action input the text came from, when it did. */
  input?: string;
  /** Refuse duplicate keys (default true): a second `name:` silently winning hides mistakes. */
  uniqueKeys?: boolean;
}

export function parseYaml(text: string, source: YamlSource): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: source.uniqueKeys ?? true });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lines.linePos(first.pos[0]);
    const message = first.message.split('\n')[0] ?? first.message;
    // Without a file the annotation has nowhere to point, so the position goes into the text.
    const where = source.file ? '' : ` (line ${line}, column ${col})`;
    throw new ConfigurationError(`${source.what} is not valid YAML${where}: ${message}`, {
      file: source.file,
      line: source.file ? line : undefined,
      col: source.file ? col : undefined,
      input: source.input,
    });
  }
  return { doc, lines };
}
