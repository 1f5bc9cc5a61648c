import { enableCompileCache } from 'node:module';

// Node 22+ keeps V8's compiled code of this bundle on disk (under the OS temp directory): every
// step after the first in a job, and every rerun on the machine, skips compiling ~200 KB of
// JavaScript. It changes nothing else; where it is unavailable it is skipped.
enableCompileCache?.();
const { run } = await import('./main');
void run();
