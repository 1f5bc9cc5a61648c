/** Input and output names, defined once; a test checks them against action.yml. */
export const Inputs = {
  runbook: 'runbook',
  inventory: 'inventory',
  vars: 'vars',
  varsFile: 'vars-file',
  secrets: 'secrets',
  sshKey: 'ssh-key',
  sshPassphrase: 'ssh-passphrase',
  sshUser: 'ssh-user',
  sshPort: 'ssh-port',
  knownHosts: 'known-hosts',
  hostKeyPolicy: 'host-key-policy',
  jumpHost: 'jump-host',
  connectTimeout: 'connect-timeout',
  concurrency: 'concurrency',
  batch: 'batch',
  maxFailPercentage: 'max-fail-percentage',
  strategy: 'strategy',
  check: 'check',
  tags: 'tags',
  skipTags: 'skip-tags',
  shard: 'shard',
  timeout: 'timeout',
} as const;

export const Outputs = {
  ok: 'ok',
  changed: 'changed',
  failed: 'failed',
  failedHosts: 'failed-hosts',
  report: 'report',
  seenHostKeys: 'seen-host-keys',
} as const;
