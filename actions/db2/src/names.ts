export const Inputs = { command: 'command' } as const;
export const Outputs = { container: 'container' } as const;
export const COMMANDS = ['build', 'upgrade', 'backup', 'schedule', 'ldap', 'status'] as const;
