import type { Options } from '../inputs';
import type { MethodSigner } from './types';

/** Each method's libraries load only when that method runs, keeping the bundle's cold start small. */
export async function createSigner(options: Options): Promise<MethodSigner> {
  switch (options.method) {
    case 'key':
      return (await import('./key')).keySigner(options);
    case 'keyless':
      return (await import('./keyless')).keylessSigner(options);
    case 'x509':
      return (await import('./x509')).x509Signer(options);
    case 'openpgp':
      return (await import('./openpgp')).openpgpSigner(options);
  }
}
