import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Stand-ins for the four Cryostat 3 images, built here from Debian's static busybox (no registry
 * is reachable). Each honours the real image's environment contract: it refuses to start without
 * its required variables, and the parts that talk to each other really do, by container name on
 * the Docker network:
 *   - cryostat-db: checks user/password/database on every connection (a one-line toy protocol);
 *   - cryostat-storage: creates CRYOSTAT_BUCKETS, serves them behind the access/secret key;
 *   - cryostat: before serving, logs in to the database and reads the archive bucket, and exits
 *     with the reason if either is refused (as Quarkus fails start-up on a bad datasource);
 *   - oauth2-proxy: Basic auth against the mounted htpasswd ({SHA} entries), skip-auth routes,
 *     the cookie-secret length rule, and forwarding to OAUTH2_PROXY_UPSTREAMS.
 */

const REQUIRE = `require() {
  missing=''
  for v in "$@"; do eval "val=\\\${$v:-}"; [ -n "$val" ] || missing="$missing $v"; done
  if [ -n "$missing" ]; then echo "$ROLE: required environment variables are not set:$missing" >&2; exit 1; fi
}
`;

const DB_ENTRY = `#!/bin/sh
# cryostat-db stand-in (sclorg PostgreSQL env contract).
ROLE=cryostat-db
${REQUIRE}
require POSTGRESQL_USER POSTGRESQL_PASSWORD POSTGRESQL_DATABASE PG_ENCRYPT_KEY
data=/var/lib/pgsql/data/userdata
mkdir -p "$data" || exit 1
if [ ! -f "$data/PG_VERSION" ]; then
  echo 15 > "$data/PG_VERSION"
  echo "$POSTGRESQL_DATABASE" > "$data/database"
  echo "initdb: created database $POSTGRESQL_DATABASE owned by $POSTGRESQL_USER"
elif [ "$(cat "$data/database")" != "$POSTGRESQL_DATABASE" ]; then
  echo "$ROLE: the data directory holds database $(cat "$data/database"), not $POSTGRESQL_DATABASE" >&2
  exit 1
fi
echo "database system is ready to accept connections on 5432"
exec nc -ll -p 5432 -e /usr/local/bin/db-session
`;

const DB_SESSION = `#!/bin/sh
# One connection: "STARTUP <user> <database> <password>" → OK or FATAL.
IFS=' ' read -r verb user database password || exit 0
password=\${password%"$(printf '\\r')"}
if [ "$verb" = STARTUP ] && [ "$user" = "$POSTGRESQL_USER" ] && [ "$database" = "$POSTGRESQL_DATABASE" ] && [ "$password" = "$POSTGRESQL_PASSWORD" ]; then
  echo OK
else
  echo "FATAL: password authentication failed for user \\"$user\\" or no database \\"$database\\""
fi
`;

const STORAGE_ENTRY = `#!/bin/sh
# cryostat-storage stand-in (SeaweedFS S3 gateway env contract; Basic auth instead of SigV4).
ROLE=cryostat-storage
${REQUIRE}
require CRYOSTAT_BUCKETS CRYOSTAT_ACCESS_KEY CRYOSTAT_SECRET_KEY
root="\${DATA_DIR:-/data}/buckets"
mkdir -p "$root" || exit 1
for b in $(echo "$CRYOSTAT_BUCKETS" | tr ',' ' '); do
  mkdir -p "$root/$b"
  echo "<ListBucketResult><Name>$b</Name></ListBucketResult>" > "$root/$b/index.html"
done
umask 077
printf '/:%s:%s\\n' "$CRYOSTAT_ACCESS_KEY" "$CRYOSTAT_SECRET_KEY" > /tmp/httpd.conf
echo "S3 API listening on \${IP_BIND:-0.0.0.0}:8333; buckets: $CRYOSTAT_BUCKETS"
exec httpd -f -p "\${IP_BIND:-0.0.0.0}:8333" -h "$root" -c /tmp/httpd.conf
`;

const APP_ENTRY = `#!/bin/sh
# cryostat stand-in: Quarkus env contract; checks its datasource and S3 bucket before serving.
ROLE=cryostat
${REQUIRE}
require QUARKUS_DATASOURCE_JDBC_URL QUARKUS_DATASOURCE_USERNAME QUARKUS_DATASOURCE_PASSWORD \\
  QUARKUS_S3_ENDPOINT_OVERRIDE QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID \\
  QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY STORAGE_BUCKETS_ARCHIVES_NAME
url=$QUARKUS_DATASOURCE_JDBC_URL
rest=\${url#jdbc:postgresql://}
if [ "$rest" = "$url" ]; then echo "$ROLE: unsupported JDBC URL $url" >&2; exit 1; fi
hostport=\${rest%%/*}; database=\${rest#*/}; database=\${database%%\\?*}
dbhost=\${hostport%%:*}; dbport=\${hostport#*:}; [ "$dbport" = "$hostport" ] && dbport=5432
s3=\${QUARKUS_S3_ENDPOINT_OVERRIDE%/}
bucket=$STORAGE_BUCKETS_ARCHIVES_NAME
auth=$(printf '%s:%s' "$QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID" "$QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY" | base64 -w 0)
db_ok=''; s3_ok=''
for i in $(seq 1 60); do
  if [ -z "$db_ok" ]; then
    reply=$(printf 'STARTUP %s %s %s\\n' "$QUARKUS_DATASOURCE_USERNAME" "$database" "$QUARKUS_DATASOURCE_PASSWORD" | nc -w 2 "$dbhost" "$dbport" 2>/dev/null | head -n 1)
    case "$reply" in
      OK) db_ok=1; echo "datasource: connected to $database at $dbhost:$dbport" ;;
      FATAL*) echo "$ROLE: datasource refused: $reply" >&2; exit 1 ;;
    esac
  fi
  if [ -z "$s3_ok" ]; then
    err=$(wget -q -O /dev/null --header "Authorization: Basic $auth" "$s3/$bucket/" 2>&1) && { s3_ok=1; echo "s3: bucket $bucket at $s3"; }
    case "$err" in
      *401*|*403*) echo "$ROLE: S3 credentials refused by $s3" >&2; exit 1 ;;
      *404*) echo "$ROLE: S3 bucket $bucket does not exist at $s3" >&2; exit 1 ;;
    esac
  fi
  [ -n "$db_ok" ] && [ -n "$s3_ok" ] && break
  sleep 1
done
if [ -z "$db_ok" ] || [ -z "$s3_ok" ]; then echo "$ROLE: gave up waiting for $dbhost:$dbport and $s3" >&2; exit 1; fi
mkdir -p /www/health
echo "Cryostat 3 (stand-in): database $database at $dbhost:$dbport, recordings in s3 bucket $bucket" > /www/index.html
echo '{"status":"UP"}' > /www/health/liveness
port=\${QUARKUS_HTTP_PORT:-8181}
echo "Listening on http://\${QUARKUS_HTTP_HOST:-0.0.0.0}:$port"
exec httpd -f -p "\${QUARKUS_HTTP_HOST:-0.0.0.0}:$port" -h /www
`;

const PROXY_ENTRY = `#!/bin/sh
# oauth2-proxy stand-in: env contract of quay.io/oauth2-proxy/oauth2-proxy for htpasswd Basic auth.
ROLE=oauth2-proxy
${REQUIRE}
require OAUTH2_PROXY_UPSTREAMS OAUTH2_PROXY_HTPASSWD_FILE OAUTH2_PROXY_COOKIE_SECRET
s=$OAUTH2_PROXY_COOKIE_SECRET
n=$(printf '%s' "$s" | wc -c)
case $n in 16|24|32) ;; *)
  d=$(printf '%s' "$s" | tr -- '-_' '+/' | base64 -d 2>/dev/null | wc -c)
  case $d in 16|24|32) ;; *) echo "invalid configuration: cookie_secret must be 16, 24, or 32 bytes to create an AES cipher, but is $n bytes" >&2; exit 1 ;; esac ;;
esac
if [ ! -r "$OAUTH2_PROXY_HTPASSWD_FILE" ]; then echo "could not read htpasswd file $OAUTH2_PROXY_HTPASSWD_FILE" >&2; exit 1; fi
if grep -v '^[[:space:]]*$' "$OAUTH2_PROXY_HTPASSWD_FILE" | grep -qv '^[^:]*:{SHA}'; then
  echo "$ROLE stand-in: only {SHA} htpasswd entries are supported here (busybox has no bcrypt)" >&2; exit 1
fi
addr=\${OAUTH2_PROXY_HTTP_ADDRESS:-127.0.0.1:4180}; addr=\${addr#http://}
case $addr in 127.*|localhost:*) echo "$ROLE: http_address $addr is loopback: nothing outside this container could reach it" >&2; exit 1 ;; esac
echo "OAuthProxy configured; HtpasswdFile: $OAUTH2_PROXY_HTPASSWD_FILE; upstream: $OAUTH2_PROXY_UPSTREAMS; listening on $addr"
exec nc -ll -p "\${addr##*:}" -e /usr/local/bin/proxy-session
`;

const PROXY_SESSION = `#!/bin/sh
cr=$(printf '\\r')
IFS=' ' read -r method target proto || exit 0
auth=''
while IFS= read -r line; do
  line=\${line%"$cr"}
  [ -z "$line" ] && break
  case $line in [Aa][Uu][Tt][Hh][Oo][Rr][Ii][Zz][Aa][Tt][Ii][Oo][Nn]:*) auth=\${line#*:}; auth=\${auth# } ;; esac
done
respond() {
  printf 'HTTP/1.1 %s\\r\\nContent-Type: %s\\r\\nContent-Length: %s\\r\\nConnection: close\\r\\n' "$1" "$2" "$(wc -c < "$3")"
  [ -n "\${4:-}" ] && printf '%s\\r\\n' "$4"
  printf '\\r\\n'
  [ "$method" = HEAD ] || cat "$3"
  echo "$method \${target%%\\?*} -> $1 user=\${user:--}" >&2
  rm -f /tmp/body.$$ /tmp/head.$$
  exit 0
}
path=\${target%%\\?*}
user=''
skip=''
for route in $(echo "\${OAUTH2_PROXY_SKIP_AUTH_ROUTES:-}" | tr ',' ' '); do
  echo "$path" | grep -Eq -- "$route" && skip=1
done
if [ -z "$skip" ]; then
  cred=''
  case $auth in [Bb]asic\\ *) cred=$(printf '%s' "\${auth#* }" | base64 -d 2>/dev/null) ;; esac
  user=\${cred%%:*}; pass=\${cred#*:}
  hash="{SHA}$(printf '%s' "$pass" | sha1sum | cut -c1-40 | xxd -r -p | base64)"
  if [ -z "$cred" ] || ! grep -v '^#' "$OAUTH2_PROXY_HTPASSWD_FILE" | tr -d '\\r' | grep -qxF "$user:$hash"; then
    user=''
    echo 'Unauthorized' > /tmp/body.$$
    respond '401 Unauthorized' text/plain /tmp/body.$$ 'WWW-Authenticate: Basic realm="cryostat"'
  fi
fi
case $method in GET|HEAD) ;; *) echo 'stand-in proxies GET and HEAD only' > /tmp/body.$$; respond '501 Not Implemented' text/plain /tmp/body.$$ ;; esac
upstream=\${OAUTH2_PROXY_UPSTREAMS%%,*}; upstream=\${upstream%/}
wget -q -S -O /tmp/body.$$ --header "X-Forwarded-User: $user" --header "X-Forwarded-Proto: http" "$upstream$target" 2>/tmp/head.$$
status=$(grep -o 'HTTP/1\\.[01] [0-9][0-9][0-9].*' /tmp/head.$$ | tail -n 1 | cut -d' ' -f2- | tr -d '\\r')
[ -f /tmp/body.$$ ] || : > /tmp/body.$$
if [ -z "$status" ]; then echo 'Bad Gateway' > /tmp/body.$$; status='502 Bad Gateway'; fi
type=$(grep -i '^ *content-type:' /tmp/head.$$ | tail -n 1 | cut -d: -f2- | tr -d '\\r ' )
respond "$status" "\${type:-text/plain}" /tmp/body.$$
`;

interface Role {
  repository: string;
  files: Record<string, string>;
  changes: string[];
}

const ROLES = {
  db: {
    repository: 'paved-standin/cryostat-db',
    files: { 'usr/local/bin/cryostat-db-entrypoint': DB_ENTRY, 'usr/local/bin/db-session': DB_SESSION },
    changes: ['ENTRYPOINT ["/usr/local/bin/cryostat-db-entrypoint"]', 'EXPOSE 5432', 'VOLUME /var/lib/pgsql/data'],
  },
  storage: {
    repository: 'paved-standin/cryostat-storage',
    files: { 'usr/local/bin/cryostat-storage-entrypoint': STORAGE_ENTRY },
    changes: ['ENTRYPOINT ["/usr/local/bin/cryostat-storage-entrypoint"]', 'EXPOSE 8333', 'ENV DATA_DIR=/data'],
  },
  app: {
    repository: 'paved-standin/cryostat',
    files: { 'usr/local/bin/cryostat-entrypoint': APP_ENTRY },
    changes: ['ENTRYPOINT ["/usr/local/bin/cryostat-entrypoint"]', 'EXPOSE 8181'],
  },
  proxy: {
    repository: 'paved-standin/oauth2-proxy',
    files: { 'usr/local/bin/oauth2-proxy': PROXY_ENTRY, 'usr/local/bin/proxy-session': PROXY_SESSION },
    changes: ['ENTRYPOINT ["/usr/local/bin/oauth2-proxy"]', 'EXPOSE 4180'],
  },
} satisfies Record<string, Role>;

export type StandinRole = keyof typeof ROLES;

function staticBusybox(): string {
  const found = ['/bin/busybox', '/usr/bin/busybox'].find((p) => {
    try {
      return !execFileSync('ldd', [p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).includes('=>');
    } catch (error) {
      // ldd exits non-zero for "not a dynamic executable" (static: what we want) and for a missing file.
      return (error as { status?: number }).status === 1 && readFileSync(p).length > 0;
    }
  });
  if (!found) throw new Error('a static busybox is needed: apt-get install busybox-static');
  return found;
}

function exists(image: string): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', image], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds (once; the tag is a hash of the scripts and busybox) and returns the four images.
 * Tags look like releases (3.0.0-standin-…) so the runbook's image validation sees real references.
 */
export function ensureStandins(): Record<StandinRole, string> {
  const busybox = staticBusybox();
  const applets = execFileSync(busybox, ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const out = {} as Record<StandinRole, string>;
  for (const [role, spec] of Object.entries(ROLES) as [StandinRole, Role][]) {
    const hash = createHash('sha256')
      .update(JSON.stringify(spec))
      .update(readFileSync(busybox))
      .digest('hex')
      .slice(0, 12);
    const image = `${spec.repository}:3.0.0-standin-${hash}`;
    out[role] = image;
    if (exists(image)) continue;
    const rootfs = mkdtempSync(join(tmpdir(), `cryostat-${role}-rootfs-`));
    try {
      for (const d of ['bin', 'tmp', 'www', 'usr/local/bin']) mkdirSync(join(rootfs, d), { recursive: true });
      chmodSync(join(rootfs, 'tmp'), 0o1777);
      copyFileSync(busybox, join(rootfs, 'bin', 'busybox'));
      chmodSync(join(rootfs, 'bin', 'busybox'), 0o755);
      for (const applet of applets) if (applet !== 'busybox') symlinkSync('busybox', join(rootfs, 'bin', applet));
      for (const [path, text] of Object.entries(spec.files)) {
        mkdirSync(dirname(join(rootfs, path)), { recursive: true });
        writeFileSync(join(rootfs, path), text, { mode: 0o755 });
      }
      const tar = execFileSync('tar', ['-C', rootfs, '--owner=0', '--group=0', '-c', '.'], {
        maxBuffer: 64 * 1024 * 1024,
      });
      const changes = ['ENV PATH=/usr/local/bin:/bin', ...spec.changes].flatMap((c) => ['--change', c]);
      execFileSync('docker', ['import', ...changes, '-', image], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
    } finally {
      rmSync(rootfs, { recursive: true, force: true });
    }
  }
  return out;
}
