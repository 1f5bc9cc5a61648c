import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness';

/** The rules of examples/cryostat-stack/modules/validate-stack.js, one by one (the integration test runs it whole). */

type Problem = (value: string, extra?: string) => string | undefined;
interface Module {
  default: (args: unknown, ctx?: { log?: (l: string) => void }) => Promise<Record<string, unknown>>;
  imageProblem: Problem;
  bucketProblem: Problem;
  identifierProblem: Problem;
  weakness: Problem;
  cookieSecretProblem: Problem;
  htpasswdProblems: (value: string) => { problems: string[]; sha1: boolean; users: number };
}
const modulePath = join(ROOT, 'examples', 'cryostat-stack', 'modules', 'validate-stack.js');
const mod = (await import(modulePath)) as Module;

const sha = (p: string) => `{SHA}${createHash('sha1').update(p).digest('base64')}`;
const BCRYPT = '$2y$10$Dz6sF2uGtR6pVuU9yOa5JOw5ZbZ8t4hS0rX5mQ1bS3pWqVvYcXj2e';

function config() {
  return {
    network: 'cryostat',
    containers: {
      app: { name: 'cryostat', image: 'quay.io/cryostat/cryostat:3.0.0', port: '8181' },
      db: { name: 'cryostat-db', image: 'quay.io/cryostat/cryostat-db:3.0.0', port: '5432' },
      storage: { name: 'cryostat-storage', image: 'quay.io/cryostat/cryostat-storage:3.0.0', port: '8333' },
      proxy: {
        name: 'cryostat-auth',
        image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0',
        port: '4180',
        publish: '0.0.0.0:8080',
      },
    },
    database: {
      name: 'cryostat',
      user: 'cryostat',
      url: 'jdbc:postgresql://cryostat-db:5432/cryostat',
      password: 'Db-pass-7Kq2xW9!zR',
      encrypt_key: 'Enc-key-Vb3nQ8tY1pLm',
    },
    storage: {
      endpoint: 'http://cryostat-storage:8333',
      buckets: 'archivedrecordings,archivedreports,eventtemplates,probes',
      archive_bucket: 'archivedrecordings',
      access_key: 'cryostat',
      secret_key: 'S3-secret-Hj6wP0sD4u',
    },
    proxy: {
      upstream: 'http://cryostat:8181/',
      htpasswd: `admin:${BCRYPT}\n`,
      cookie_secret: 'Yy1LQ2bm8YWq3dN6lqZJ5v2k7c0XoZ1pTq8rW3sE9uI=',
    },
  };
}

describe('validate-stack', () => {
  it('accepts the example configuration', async () => {
    const r = await mod.default(config());
    expect(r).toMatchObject({ changed: false });
    expect(r.failed).toBeUndefined();
    expect(r.msg).toContain('only cryostat-auth is published (0.0.0.0:8080)');
  });

  it('reports every problem at once, naming settings and never secret values', async () => {
    const c = config();
    c.containers.storage.port = '5432';
    c.containers.proxy.publish = '0.0.0.0:70000';
    c.database.password = 'cryostat2024!';
    c.storage.secret_key = c.database.encrypt_key; // reused: flagged once, as reuse
    c.proxy.upstream = 'http://cryostat-db:8181/';
    const r = await mod.default(c);
    expect(r.failed).toBe(true);
    expect(r.problems).toEqual([
      'containers.storage.port 5432 is also the db port',
      'containers.proxy.publish port "70000" is not a port (1-65535)',
      'database.password is a common password with digits or symbols added',
      'storage.endpoint points at cryostat-storage:8333, not at the storage container (cryostat-storage:5432)',
      'proxy.upstream points at cryostat-db:8181, not at the app (cryostat:8181); the proxy would answer 502 for every request',
      'database.encrypt_key and storage.secret_key are the same secret; use a different one for each',
    ]);
    expect(String(r.msg)).not.toContain(c.database.encrypt_key);
    expect(String(r.msg)).not.toContain('cryostat2024!');
  });

  it('checks image references as docker does, and wants them pinned', () => {
    for (const ok of [
      'quay.io/cryostat/cryostat:3.0.0',
      'registry.redhat.io/cryostat/cryostat-rhel9@sha256:' + 'a'.repeat(64),
      'localhost:5000/cryostat:3.0.0-1',
      'postgres:16',
      '[::1]:5000/x/y:1',
    ])
      expect(mod.imageProblem(ok), ok).toBeUndefined();
    expect(mod.imageProblem('quay.io/cryostat/cryostat')).toContain('has no tag or digest');
    expect(mod.imageProblem('quay.io/Cryostat/cryostat:3.0.0')).toContain('lower case');
    expect(mod.imageProblem('quay.io/cryostat/cryostat:3.0.0:x')).toContain('not a valid image reference');
    expect(mod.imageProblem('quay.io//cryostat:1')).toContain('not a valid image reference');
    expect(mod.imageProblem('cryostat:-1')).toContain('not a valid image reference');
  });

  it('applies the S3 bucket naming rules', () => {
    expect(mod.bucketProblem('archivedrecordings')).toBeUndefined();
    expect(mod.bucketProblem('my.bucket-1')).toBeUndefined();
    expect(mod.bucketProblem('ab')).toContain('3 to 63');
    expect(mod.bucketProblem('a'.repeat(64))).toContain('3 to 63');
    expect(mod.bucketProblem('Recordings')).toContain('lower-case');
    expect(mod.bucketProblem('under_score')).toContain('lower-case');
    expect(mod.bucketProblem('-abc')).toContain('begin and end');
    expect(mod.bucketProblem('abc.')).toContain('begin and end');
    expect(mod.bucketProblem('a..b')).toContain('two adjacent dots');
    expect(mod.bucketProblem('192.168.5.4')).toContain('IP address');
    expect(mod.bucketProblem('xn--abc')).toContain('"xn--"');
    expect(mod.bucketProblem('data-s3alias')).toContain('"-s3alias"');
  });

  it('wants plain PostgreSQL identifiers', () => {
    expect(mod.identifierProblem('cryostat_3')).toBeUndefined();
    expect(mod.identifierProblem('Cryostat')).toContain('not a plain identifier');
    expect(mod.identifierProblem('3cryostat')).toContain('not a plain identifier');
    expect(mod.identifierProblem('cryo-stat')).toContain('not a plain identifier');
    expect(mod.identifierProblem('user')).toContain('reserved word');
    expect(mod.identifierProblem('a'.repeat(64))).toContain('63 bytes');
  });

  it('rates passwords', () => {
    expect(mod.weakness('Db-pass-7Kq2xW9!zR')).toBeUndefined();
    expect(mod.weakness('correct horse battery staple')).toContain('white space');
    expect(mod.weakness('correcthorsebatterystaple')).toBeUndefined();
    expect(mod.weakness('Short1!')).toContain('too short');
    expect(mod.weakness('alllowercase1')).toContain('three of');
    expect(mod.weakness('Password1234!')).toContain('common password');
    expect(mod.weakness('aaaaaaaaaaaaaaaaaaaaaaaa')).toContain('distinct characters');
    expect(mod.weakness('Xy7!cryostat-db', 'cryostat')).toContain('account name');
  });

  it('wants the cookie secret to be an AES key', () => {
    expect(mod.cookieSecretProblem('0123456789abcdef')).toBeUndefined();
    expect(mod.cookieSecretProblem(Buffer.alloc(32, 7).toString('base64'))).toBeUndefined();
    expect(mod.cookieSecretProblem(Buffer.alloc(32, 250).toString('base64url'))).toBeUndefined();
    expect(mod.cookieSecretProblem('too-short')).toContain('16, 24 or 32 bytes');
  });

  it('reads htpasswd the way oauth2-proxy does', () => {
    expect(mod.htpasswdProblems(`a:${BCRYPT}\nb:${sha('x')}\n`)).toEqual({ problems: [], sha1: true, users: 2 });
    expect(mod.htpasswdProblems('a:$apr1$abc$def\n').problems[0]).toContain('cannot check');
    expect(mod.htpasswdProblems('a:plain\n').problems[0]).toContain('cannot check');
    expect(mod.htpasswdProblems(`a:${BCRYPT}\na:${BCRYPT}\n`).problems).toEqual(['user "a" appears twice']);
    expect(mod.htpasswdProblems('\n').problems).toEqual(['holds no user']);
    expect(mod.htpasswdProblems('no colon here').problems).toEqual(['line 1 is not "user:hash"', 'holds no user']);
  });
});
