import * as core from './actions-core';
import { redact } from './secrets';

/**
 * The annotation budget. GitHub shows 10 error and 10 warning annotations per step and silently
 * drops the rest, so a run with 1,704 denied components or 40 failed hosts would show 10 of them
 * and lose the count. Actions queue annotations here with a rank; `flushAnnotations` (run by
 * `runAction` once the step is done) emits the most important first, at most what is left of the
 * step's 10 (annotations already written directly count), and the last one says how many more
 * there are and where to read them. The ones left out still go to the log, grouped.
 */
export const ANNOTATION_LIMIT = 10;

export type AnnotationKind = 'error' | 'warning' | 'notice';

interface Pending {
  kind: AnnotationKind;
  message: string;
  properties: core.AnnotationProperties;
  rank: number;
  seq: number;
}

const pending: Pending[] = [];
let seq = 0;

/**
 * Queues an annotation. Higher `rank` is shown first; equal ranks keep their order.
 * `properties` point at the file and line, as for core.error.
 */
export function annotate(
  kind: AnnotationKind,
  message: string,
  properties: core.AnnotationProperties = {},
  rank = 0,
): void {
  // The title and file are shown too: a host name or a URL with a token in it is redacted like the message.
  const { title, file } = properties;
  const shown = { ...properties, title: title && redact(title), file: file && redact(file) };
  pending.push({ kind, message: redact(message), properties: shown, rank, seq: seq++ });
}

export const annotations = {
  error: (message: string, properties?: core.AnnotationProperties, rank?: number) =>
    annotate('error', message, properties, rank),
  warning: (message: string, properties?: core.AnnotationProperties, rank?: number) =>
    annotate('warning', message, properties, rank),
  notice: (message: string, properties?: core.AnnotationProperties, rank?: number) =>
    annotate('notice', message, properties, rank),
};

const EMIT = { error: core.error, warning: core.warning, notice: core.notice };

const NOUN: Record<AnnotationKind, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  notice: ['notice', 'notices'],
};

/** Emits the queued annotations within the budget; where the rest are read (default the job summary). */
export function flushAnnotations(where = 'the job summary'): void {
  for (const kind of ['error', 'warning', 'notice'] as const) {
    const items = pending.filter((p) => p.kind === kind).sort((a, b) => b.rank - a.rank || a.seq - b.seq);
    if (items.length === 0) continue;
    const room = Math.max(0, ANNOTATION_LIMIT - core.annotationsIssued(kind));
    const shown = items.length <= room ? items.length : room;
    items.slice(0, shown).forEach((item, i) => {
      const last = i === shown - 1 && shown < items.length;
      const [one, many] = NOUN[kind];
      const more = items.length - shown;
      const message = last
        ? `${item.message}\n… and ${more} more ${more === 1 ? one : many}: see ${where} (${items.length} ${many} in total)`
        : item.message;
      EMIT[kind](message, item.properties);
    });
    if (shown < items.length) {
      core.startGroup(`${items.length - shown} more ${NOUN[kind][1]} (GitHub shows ${ANNOTATION_LIMIT} per step)`);
      for (const item of items.slice(shown)) core.info(`${kind}: ${where1(item)}${item.message}`);
      core.endGroup();
    }
  }
  pending.length = 0;
}

function where1(item: Pending): string {
  const { file, startLine } = item.properties;
  return file ? `${file}${startLine ? `:${startLine}` : ''}: ` : '';
}

/** For tests: forget queued annotations and start a new step's budget. */
export function clearAnnotations(): void {
  pending.length = 0;
  core.resetAnnotationsIssued();
}
