export const Inputs = { runbook: 'runbook' } as const;
export const Outputs = { report: 'report' } as const;
