import { expect } from 'vitest';
import { ConfigurationError } from '../shared/errors';

/** Runs `fn`, asserts it throws a ConfigurationError, and returns it for further checks. */
export function configurationError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return e as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}
