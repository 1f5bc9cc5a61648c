/** Input and output names, as in action.yml (a test checks both agree). */
export const Inputs = {
  consent: 'consent',
  consentVersion: 'consent-version',
  endpoint: 'endpoint',
  headers: 'headers',
  protocol: 'protocol',
  compression: 'compression',
  resourceAttributes: 'resource-attributes',
  level: 'level',
  salt: 'salt',
  dryRun: 'dry-run',
  mode: 'mode',
  githubToken: 'github-token',
  environment: 'environment',
  stateFile: 'state-file',
} as const;

export const Outputs = {
  enabled: 'enabled',
  reason: 'reason',
  policyVersion: 'policy-version',
} as const;

/** State the main step hands to the post step (never secrets: the post step re-reads inputs). */
export const State = {
  enabled: 'telemetry-enabled',
  journal: 'telemetry-journal',
  /** The per-job HMAC key the journal lines are signed with (see shared/telemetry.ts). */
  key: 'telemetry-key',
  /** The span id of this job's span, also exported in TRACEPARENT. */
  jobSpan: 'telemetry-job-span',
} as const;
