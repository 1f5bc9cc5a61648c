import type { ErrorObject } from 'ajv';

/** Schema and rule violations: each is a bug in what we generated, so the step fails with all of them listed. */
export interface Violation {
  path: string;
  message: string;
}

export function fromAjv(errors: readonly ErrorObject[] | null | undefined): Violation[] {
  return (errors ?? []).map((e) => ({
    path: e.instancePath || '/',
    message: `${e.message ?? e.keyword}${e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ''}`,
  }));
}
