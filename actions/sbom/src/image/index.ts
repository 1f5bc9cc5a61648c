// Container image sources (issue 18): built by a separate engineer in parallel with the sbom owner;
// do not start another implementation here.
export {};
