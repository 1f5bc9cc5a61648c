/**
 * Two kinds of failure: the user's (bad input, bad file) and ours (a bug).
 * Only the second deserves a stack trace; the first deserves a pointer to the line to fix.
 */
export interface SourceLocation {
  file?: string;
  line?: number;
  col?: number;
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  readonly location: SourceLocation;
  /** The action input the problem came from, when there is one. */
  readonly input?: string;

  constructor(message: string, options: SourceLocation & { input?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const { file, line, col, input } = options;
    this.location = { file, line, col };
    this.input = input;
  }
}

/** A run that cannot continue for a reason outside the user's config and our code (host down, registry 500). */
export class OperationError extends Error {
  override readonly name = 'OperationError';
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError || (error as { name?: string } | null)?.name === 'ConfigurationError';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Class name sent by telemetry: never the message, which may hold paths or values. */
export function errorClass(error: unknown): string {
  if (isConfigurationError(error)) return 'ConfigurationError';
  if (error instanceof OperationError) return 'OperationError';
  return 'InternalError';
}
