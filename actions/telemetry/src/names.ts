/** Input and output names, as in action.yml (a test checks both agree). */
export const Inputs = {
  consent: 'consent',
  consentVersion: 'consent-version',
  endpoint: 'endpoint',
  headers: 'headers',
  protocol: 'protocol',
  level: 'level',
  salt: 'salt',
  dryRun: 'dry-run',
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
} as const;
