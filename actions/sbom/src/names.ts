export const Inputs = {
  path: 'path',
  image: 'image',
  platform: 'platform',
  formats: 'formats',
  outputDir: 'output-dir',
  exclude: 'exclude',
  mavenRepositories: 'maven-repositories',
  includeDev: 'include-dev',
  name: 'name',
  version: 'version',
  reproducible: 'reproducible',
  licenses: 'licenses',
  denyLicenses: 'deny-licenses',
  failOnUnknownLicense: 'fail-on-unknown-license',
  compareTo: 'compare-to',
  submit: 'submit',
  githubToken: 'github-token',
  matrix: 'matrix',
} as const;

export const Outputs = {
  spdxFile: 'spdx-file',
  cyclonedxFile: 'cyclonedx-file',
  components: 'components',
  diff: 'diff',
} as const;
