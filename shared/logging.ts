import * as core from './actions-core';
import { annotations } from './annotations';
import { redact } from './secrets';

/** A `::group::` around `fn`; groups cannot nest on the runner, so callers keep them flat. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  return core.group(redact(title), fn);
}

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

/**
 * Log lines tagged with their source (`[web-1] [install] …`), so interleaved parallel work stays readable.
 * A warning is logged in place and queued as an annotation: 40 hosts warning at once become the
 * step's first 10 annotations, the last one counting the rest (shared/annotations).
 */
export function prefixed(prefix: string): Logger {
  const tag = prefix ? `[${prefix}] ` : '';
  return {
    info: (m) => core.info(redact(`${tag}${m}`)),
    warning: (m) => {
      core.info(redact(`${tag}warning: ${m}`));
      annotations.warning(`${tag}${m}`);
    },
    debug: (m) => core.debug(redact(`${tag}${m}`)),
  };
}

/**
 * Collects lines for one unit of work (a host) and prints them as one group at the end:
 * the runner cannot show concurrent groups, so parallel work is buffered, then grouped.
 */
export class BufferedGroup implements Logger {
  private readonly lines: string[] = [];
  constructor(readonly title: string) {}
  info(message: string): void {
    this.lines.push(redact(message));
  }
  warning(message: string): void {
    annotations.warning(`${this.title}: ${message}`);
    this.lines.push(redact(`warning: ${message}`));
  }
  debug(message: string): void {
    core.debug(redact(`${this.title}: ${message}`));
  }
  flush(): void {
    core.startGroup(redact(this.title));
    for (const line of this.lines) core.info(line);
    core.endGroup();
    this.lines.length = 0;
  }
}
