import type { SerializedBundle } from '@sigstore/bundle';
import type { FileDigest } from '../hash';
import type { Method } from '../inputs';

/** A file to write once every signature in the run has been made and checked. */
export interface PendingWrite {
  path: string;
  content: string | Buffer;
}

export interface SignRequest {
  /** Absolute path of the artifact. */
  file: string;
  display: string;
  digest: FileDigest;
  /** Where a signature with this extension goes (`.sig` → `/out/app.tar.gz.sig`). */
  outputFor(extension: string): string;
}

export interface FileSignature {
  writes: PendingWrite[];
  /** The signature file a verifier passes with the artifact (`.sig`, `.p7s`, `.asc`, bundle). */
  primary: string;
}

/** What each method gives the sign command: one object per run, holding the unlocked key. */
export interface MethodSigner {
  method: Method;
  /** One line for the summary: key fingerprint, certificate subject, identity. */
  identity: string;
  /** Signs, then verifies the fresh signature with the public half before returning it. */
  signFile(request: SignRequest): Promise<FileSignature>;
  /** Signs a small payload (a container image's simple-signing document), checked with the public half. */
  signPayload?(payload: Buffer): Promise<Buffer>;
  /**
   * keyless: signs a small payload (a container image's simple-signing document) with the Fulcio
   * certificate's key and has Rekor witness it (a hashedrekord entry over the payload's sha256, as
   * cosign does), and the TSA with tsa-url. Checked with the certificate before it is returned.
   */
  signPayloadBundle?(payload: Buffer): Promise<SerializedBundle>;
  /** keyless with tsa-url: the TSA's answer (DER TimeStampResp) for `data`, e.g. a whole DSSE envelope as cosign v2 stamps it. */
  timestamp?(data: Buffer): Promise<Buffer>;
  /** keyless: the certificates above the signing certificate (PEM), as Fulcio returned them. */
  certificateChain?: string[];
  /** A DSSE-signed attestation as one line of `.intoto.jsonl`. */
  attest(payloadType: string, payload: Buffer): Promise<string>;
  /** Offline verification script, for methods an air-gapped consumer can check with openssl or gpg. */
  verifyScript?(dir: string, entries: { file: string; signature: string }[], attestation?: string): string;
}
