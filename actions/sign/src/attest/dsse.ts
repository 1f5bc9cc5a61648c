/**
 * DSSE v1 (https://github.com/secure-systems-lab/dsse/blob/master/protocol.md): the signature covers
 * PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths as ASCII decimal
 * byte counts, so a verifier can never be tricked into reading the payload as another type.
 */
export interface Envelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}

export function envelope(payloadType: string, payload: Buffer, keyid: string, signature: Buffer): Envelope {
  return {
    payloadType,
    payload: payload.toString('base64'),
    signatures: [{ keyid, sig: signature.toString('base64') }],
  };
}
