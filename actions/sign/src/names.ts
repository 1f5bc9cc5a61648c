/** Input and output names, defined once; a test checks them against action.yml. */
export const Inputs = {
  command: 'command',
  files: 'files',
  method: 'method',
  outputDir: 'output-dir',
  privateKey: 'private-key',
  passphrase: 'passphrase',
  certificate: 'certificate',
  pkcs12: 'pkcs12',
  password: 'password',
  fulcioUrl: 'fulcio-url',
  rekorUrl: 'rekor-url',
  tsaUrl: 'tsa-url',
  oidcAudience: 'oidc-audience',
  provenance: 'provenance',
  sbom: 'sbom',
  attestationName: 'attestation-name',
  verifyScript: 'verify-script',
  publicKey: 'public-key',
  caCertificate: 'ca-certificate',
  certificateIdentity: 'certificate-identity',
  certificateOidcIssuer: 'certificate-oidc-issuer',
  openpgpPublicKey: 'openpgp-public-key',
  trustedRoot: 'trusted-root',
  tsaCertificate: 'tsa-certificate',
} as const;

export const Outputs = {
  signatures: 'signatures',
  digests: 'digests',
  verified: 'verified',
  attestation: 'attestation',
} as const;
