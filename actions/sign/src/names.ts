export const Inputs = { files: 'files' } as const;
export const Outputs = { signatures: 'signatures' } as const;
