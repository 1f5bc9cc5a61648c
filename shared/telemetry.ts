/**
 * The hook every Paved action calls once, at the end of its run. It records nothing until the
 * telemetry action has recorded consent for the job (see TELEMETRY.md); without consent it must
 * stay free: no file, no network, no noticeable time.
 */
export interface ActionRun {
  action: string;
  version: string;
  durationMs: number;
  outcome: 'success' | 'failure';
  /** ConfigurationError | OperationError | InternalError: the class only, never the message. */
  errorClass?: string;
}

export async function recordActionRun(_run: ActionRun): Promise<void> {
  // No-op until the telemetry action lands.
}
