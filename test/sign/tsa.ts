import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { onPath } from '../harness';
import { sh } from './fixtures';

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
 * `${url}/refuse` answers 503.
 */
export interface Tsa {
  url: string;
  /** The TSA's self-signed root (PEM path). */
  rootCert: string;
  /** TSA signing certificate (extendedKeyUsage critical,timeStamping). */
  tsaCert: string;
  /** Whether `/at/<time>` works (faketime installed). */
  canFakeTime: boolean;
  requests: number;
  close(): Promise<void>;
}

export const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

export async function startTsa(dir: string): Promise<Tsa> {
  const d = join(dir, 'tsa');
  mkdirSync(d, { recursive: true });
  const canFakeTime = onPath('faketime');
  const past = (args: string[]) =>
    canFakeTime ? sh('faketime', ['2019-06-01 00:00:00', 'openssl', ...args]) : sh('openssl', args);
  past([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(d, 'root.key'),
    '-out',
    join(d, 'root.pem'),
    '-days',
    '10000',
    '-subj',
    '/CN=Paved Test TSA Root',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  sh('openssl', [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(d, 'tsa.key'),
    '-out',
    join(d, 'tsa.csr'),
    '-subj',
    '/CN=Paved Test TSA',
  ]);
  writeFileSync(
    join(d, 'ext.cnf'),
    '[tsa]\nextendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  past([
    'x509',
    '-req',
    '-in',
    join(d, 'tsa.csr'),
    '-CA',
    join(d, 'root.pem'),
    '-CAkey',
    join(d, 'root.key'),
    '-CAcreateserial',
    '-out',
    join(d, 'tsa.pem'),
    '-days',
    '9000',
    '-extfile',
    join(d, 'ext.cnf'),
    '-extensions',
    'tsa',
  ]);
  writeFileSync(join(d, 'serial'), '01\n');
  writeFileSync(
    join(d, 'ts.cnf'),
    [
      '[tsa]',
      'default_tsa = paved',
      '[paved]',
      `serial = ${d}/serial`,
      `signer_cert = ${d}/tsa.pem`,
      `certs = ${d}/tsa.pem`,
      `signer_key = ${d}/tsa.key`,
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
  let counter = 0;
  const tsa: Tsa = {
    url: '',
    rootCert: join(d, 'root.pem'),
    tsaCert: join(d, 'tsa.pem'),
    canFakeTime,
    requests: 0,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      tsa.requests++;
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
      writeFileSync(query, Buffer.concat(chunks));
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
