export const Inputs = { consentVersion: 'consent-version' } as const;
export const Outputs = { enabled: 'enabled' } as const;
