/** Input and output names, defined once; a test checks them against action.yml. */
export const Inputs = {
  command: 'command',
  container: 'container',
  instance: 'instance',
  databases: 'databases',
  // build
  baseImage: 'base-image',
  tags: 'tags',
  labels: 'labels',
  activateDatabases: 'activate-databases',
  textSearch: 'text-search',
  users: 'users',
  customScripts: 'custom-scripts',
  push: 'push',
  // upgrade
  image: 'image',
  newName: 'new-name',
  envFile: 'env-file',
  backup: 'backup',
  backupPath: 'backup-path',
  backupRetention: 'backup-retention',
  stopTimeout: 'stop-timeout',
  readinessTimeout: 'readiness-timeout',
  rollback: 'rollback',
  allowDowngrade: 'allow-downgrade',
  removeOld: 'remove-old',
  dryRun: 'dry-run',
  // backup
  online: 'online',
  compress: 'compress',
  // schedule
  jobs: 'jobs',
  target: 'target',
  dockerHost: 'docker-host',
  label: 'label',
  // ldap
  ldapHost: 'ldap-host',
  ldapUserBaseDn: 'ldap-user-base-dn',
  ldapGroupBaseDn: 'ldap-group-base-dn',
  ldapUserObjectClass: 'ldap-user-object-class',
  ldapGroupObjectClass: 'ldap-group-object-class',
  ldapUserIdAttribute: 'ldap-user-id-attribute',
  ldapGroupLookupAttribute: 'ldap-group-lookup-attribute',
  ldapSearchDn: 'ldap-search-dn',
  ldapSearchPassword: 'ldap-search-password',
  ldapGroupLookupMethod: 'ldap-group-lookup-method',
  ldapTestUser: 'ldap-test-user',
  ldapTestGroup: 'ldap-test-group',
  ldapSsl: 'ldap-ssl',
  ldapCaFile: 'ldap-ca-file',
} as const;

export const Outputs = {
  container: 'container',
  dockerfile: 'dockerfile',
  imageId: 'image-id',
  tags: 'tags',
  digest: 'digest',
  fromLevel: 'from-level',
  toLevel: 'to-level',
  downtimeSeconds: 'downtime-seconds',
  backupTimestamp: 'backup-timestamp',
  backups: 'backups',
  rolledBack: 'rolled-back',
  level: 'level',
  activeDatabases: 'active-databases',
  state: 'state',
  tasks: 'tasks',
  crontab: 'crontab',
} as const;

export const COMMANDS = ['build', 'upgrade', 'backup', 'schedule', 'ldap', 'status'] as const;
export type Command = (typeof COMMANDS)[number];
