/** The Paved release, sent by telemetry and shown in summaries; test/core/metadata.test.ts keeps it equal to package.json. */
export const VERSION = '0.1.0';
