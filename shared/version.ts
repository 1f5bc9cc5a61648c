/** The Paved release; the build keeps it equal to package.json's version (test/unit/version.test.ts). */
export const VERSION = '0.1.0';
