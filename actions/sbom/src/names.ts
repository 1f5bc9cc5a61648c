export const Inputs = { path: 'path' } as const;
export const Outputs = { components: 'components' } as const;
