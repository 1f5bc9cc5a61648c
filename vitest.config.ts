import { defineConfig } from 'vitest/config';

/**
 * Two tiers (CONTRIBUTING.md, "Tests"):
 * - unit: `*.test.ts` that are not `*.int.test.ts`. No services, no global setup: `npm run test:unit`.
 * - integration: `*.int.test.ts`, which run the shipped bundles against real sshd, dockerd and the
 *   services each file starts itself. test/setup/global.ts starts sshd and dockerd once per run, and
 *   only when an integration file is queued.
 * `npm test` runs both. The pool runs the slowest files first (vitest keeps their last durations), two
 * at a time: the machine CI uses has 2 cores, and the integration files are CPU-bound.
 */
export default defineConfig({
  test: {
    // Integration tests start real sshd/dockerd processes and bundles; a busy 2-core machine can be
    // several times slower than a quiet one, so deadlines are generous and never part of an assertion.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/setup/global.ts'],
          // A deadline, not a measure: under stress-ng on 2 cores a db2 test that takes 8 s on a quiet
          // machine took 37 s; a test that hangs still fails, just later.
          testTimeout: 300_000,
        },
      },
    ],
  },
});
