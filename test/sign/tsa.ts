import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { onPath } from '../harness';
import { issueCert, makeCa, sh } from './fixtures';

/**
 * A real RFC 3161 timestamp authority for tests: `openssl ts -reply` behind a small HTTP server on a
 * free loopback port (RFC 3161 §3.4: POST application/timestamp-query, answer application/timestamp-reply).
 *
 * `${url}/at/<time>` answers as if the clock read <time> (openssl runs under faketime), so a test can
 * hold a signature made while a now-expired certificate was valid. The TSA's own certificates are then
 * made under faketime too, valid from 2019, so they cover those times.
 *
 * Some paths misbehave on purpose: `${url}/garbage` answers 200 application/timestamp-reply with bytes
 * that are no DER, `${url}/drop` promises a body, sends part of it and closes the connection, and
 * `${url}/refuse` answers 503, and `${url}/other` answers with a valid token over other data.
 */
export interface Tsa {
  url: string;
  /** The TSA's self-signed root (PEM path). */
  rootCert: string;
  /** TSA signing certificate (extendedKeyUsage critical,timeStamping). */
  tsaCert: string;
  /** Whether `/at/<time>` works (faketime installed). */
  canFakeTime: boolean;
  close(): Promise<void>;
}

export const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

export async function startTsa(dir: string): Promise<Tsa> {
  const d = join(dir, 'tsa');
  mkdirSync(d, { recursive: true });
  const canFakeTime = onPath('faketime');
  // Made "in 2019" (faketime) when it can, so the TSA's certificates cover the past times /at/ answers for.
  const past = canFakeTime ? '2019-06-01 00:00:00' : undefined;
  const root = makeCa(d, 'root', '/CN=Paved Test TSA Root', 10000, past);
  const signer = issueCert(
    d,
    'tsa',
    '/CN=Paved Test TSA',
    root,
    'extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature,nonRepudiation',
    9000,
    past,
  );
  writeFileSync(join(d, 'serial'), '01\n');
  writeFileSync(
    join(d, 'ts.cnf'),
    [
      '[tsa]',
      'default_tsa = paved',
      '[paved]',
      `serial = ${d}/serial`,
      `signer_cert = ${signer.cert}`,
      `certs = ${signer.cert}`,
      `signer_key = ${signer.key}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.4146.2.3',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = no',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  const otherQuery = join(d, 'other.tsq');
  sh('openssl', ['ts', '-query', '-data', join(d, 'ts.cnf'), '-sha256', '-cert', '-out', otherQuery]);
  let counter = 0;
  const tsa: Tsa = {
    url: '',
    rootCert: root.cert,
    tsaCert: signer.cert,
    canFakeTime,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/garbage') {
        res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end('<html>not a timestamp</html>');
        return;
      }
      if (req.url === '/refuse') {
        res.writeHead(503).end('TSA overloaded');
        return;
      }
      if (req.url === '/drop') {
        res.writeHead(200, { 'Content-Type': 'application/timestamp-reply', 'Content-Length': '4096' });
        res.write(Buffer.alloc(100, 0x30), () => res.destroy());
        return;
      }
      const at = /^\/at\/([^/?]+)/.exec(req.url ?? '')?.[1];
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(400).end('expected POST application/timestamp-query');
        return;
      }
      const n = ++counter;
      const query = join(d, `q${n}.tsq`);
      const reply = join(d, `r${n}.tsr`);
      // /other: a genuine token from this TSA, but for a request about other bytes (as a replay would be).
      if (req.url === '/other') copyFileSync(otherQuery, query);
      else writeFileSync(query, Buffer.concat(chunks));
      const args = ['ts', '-reply', '-config', join(d, 'ts.cnf'), '-queryfile', query, '-out', reply];
      const [cmd, argv] = at
        ? ['faketime', [decodeURIComponent(at).replace('T', ' '), 'openssl', ...args]]
        : ['openssl', args];
      execFile(cmd as string, argv as string[], (error, _stdout, stderr) => {
        if (error) {
          res.writeHead(500).end(stderr);
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(readFileSync(reply));
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return tsa;
}
