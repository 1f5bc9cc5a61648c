// Validates the whole Cryostat 3 stack configuration before any container is touched, the way the
// Cryostat operator validates its CR before reconciling: every problem is collected and reported
// at once, so a bad config costs one run, not one run per mistake.
//
// A Paved runbook custom module: `export default async (args, ctx) => ({ changed, ... })`.
// It only reads its arguments (no command runs on the host), so it behaves the same in check mode.
// Messages never quote a secret's value: they name the setting and say what is wrong with it.

const CONTAINERS = ['app', 'db', 'storage', 'proxy'];

/** PostgreSQL reserved key words (Appendix C, "reserved"): unusable as unquoted identifiers. */
const PG_RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create ' +
    'current_catalog current_date current_role current_time current_timestamp current_user default deferrable ' +
    'desc distinct do else end except false fetch for foreign from grant group having in initially intersect into ' +
    'lateral leading limit localtime localtimestamp not null offset on only or order placing primary references ' +
    'returning select session_user some symmetric system_user table then to trailing true union unique user using ' +
    'variadic when where window with'
  ).split(' '),
);

/** Passwords every dictionary attack tries first (compared without digits and symbols). */
const COMMON = new Set([
  'password',
  'passw',
  'changeme',
  'changeit',
  'secret',
  'admin',
  'administrator',
  'root',
  'postgres',
  'postgresql',
  'cryostat',
  'letmein',
  'welcome',
  'qwerty',
  'qwertyuiop',
  'abc',
  'abcdef',
  'default',
  'test',
  'minio',
  'minioadmin',
  'seaweedfs',
]);

// The distribution reference grammar (github.com/distribution/reference), as regular expressions.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);
/** Docker's own rule for container and network names. */
const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** @param {unknown} v */
const text = (v) => (v === undefined || v === null ? '' : String(v));

/** @param {unknown} v @returns {number | undefined} */
function port(v) {
  const s = text(v).trim();
  if (!/^\d{1,5}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** @param {string} s */
function isIPv4(s) {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * An image reference docker would accept, pinned by tag or digest (an implicit :latest means the
 * next run may deploy something else, which breaks "a second run changes nothing").
 * @param {string} ref
 */
export function imageProblem(ref) {
  if (!ref) return 'is empty';
  if (ref.length > 255 + 129 + 72) return 'is too long';
  const m = REFERENCE.exec(ref);
  if (!m) {
    // Registries and tags may hold upper case; repository paths may not.
    if (REFERENCE.test(ref.toLowerCase()))
      return `"${ref}" is not a valid image reference (repository names are lower case)`;
    return `"${ref}" is not a valid image reference ([registry[:port]/]name[:tag][@sha256:…])`;
  }
  const [, domain, path, tag, digest] = m;
  if ((domain ? domain.length + 1 : 0) + (path?.length ?? 0) > 255)
    return `"${ref}": the repository name is longer than 255 characters`;
  if (!tag && !digest) return `"${ref}" has no tag or digest; pin one (e.g. ${ref}:3.0.0)`;
  return undefined;
}

/**
 * The general-purpose S3 bucket naming rules (SeaweedFS enforces the same in its S3 gateway).
 * @param {string} name
 */
export function bucketProblem(name) {
  if (name.length < 3 || name.length > 63) return `must be 3 to 63 characters long (has ${name.length})`;
  if (!/^[a-z0-9.-]+$/.test(name)) return 'may hold only lower-case letters, digits, dots and hyphens';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'must begin and end with a letter or digit';
  if (name.includes('..')) return 'must not contain two adjacent dots';
  if (isIPv4(name)) return 'must not be formatted as an IP address';
  for (const prefix of ['xn--', 'sthree-', 'amzn-s3-demo-'])
    if (name.startsWith(prefix)) return `must not start with the reserved prefix "${prefix}"`;
  for (const suffix of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'])
    if (name.endsWith(suffix)) return `must not end with the reserved suffix "${suffix}"`;
  return undefined;
}

/**
 * An unquoted PostgreSQL identifier that means the same thing everywhere: lower case (unquoted
 * names are folded to lower case), at most 63 bytes (NAMEDATALEN - 1), not a reserved word.
 * @param {string} name
 */
export function identifierProblem(name) {
  if (!name) return 'is empty';
  if (Buffer.byteLength(name) > 63) return 'is longer than 63 bytes (PostgreSQL truncates identifiers)';
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    return `"${name}" is not a plain identifier (lower-case letter or _ first, then lower-case letters, digits, _)`;
  if (PG_RESERVED.has(name)) return `"${name}" is a reserved word in PostgreSQL`;
  return undefined;
}

/**
 * At least 12 characters with three kinds of character, or a passphrase of 20 or more; not built
 * on a dictionary word; not containing the account name.
 * @param {string} value @param {string} [account]
 */
export function weakness(value, account) {
  if (!value) return 'is empty';
  if (/\s/.test(value)) return 'contains white space (it would be split or trimmed somewhere on the way)';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  if (value.length < 12) return `is too short (${value.length} characters; at least 12)`;
  if (value.length < 20 && classes < 3)
    return `needs three of lower case, upper case, digits and symbols, or at least 20 characters (has ${classes} kind${classes === 1 ? '' : 's'} in ${value.length})`;
  if (COMMON.has(value.toLowerCase().replace(/[^a-z]/g, '')))
    return 'is a common password with digits or symbols added';
  if (new Set(value).size < 5) return 'repeats too few distinct characters';
  if (account && account.length >= 3 && value.toLowerCase().includes(account.toLowerCase()))
    return `contains the account name "${account}"`;
  return undefined;
}

/**
 * oauth2-proxy uses the cookie secret as an AES key: 16, 24 or 32 bytes, given raw or base64.
 * @param {string} value
 */
export function cookieSecretProblem(value) {
  if (!value) return 'is empty';
  if ([16, 24, 32].includes(Buffer.byteLength(value))) return undefined;
  for (const alphabet of ['base64', 'base64url']) {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) break;
    const decoded = Buffer.from(value, /** @type {BufferEncoding} */ (alphabet));
    if ([16, 24, 32].includes(decoded.length)) return undefined;
  }
  return `must be 16, 24 or 32 bytes, raw or base64-encoded (it is an AES key; has ${Buffer.byteLength(value)} bytes); generate one with: openssl rand -base64 32 | tr -- '+/' '-_'`;
}

/**
 * htpasswd lines oauth2-proxy can check: bcrypt (htpasswd -B) or SHA-1 (htpasswd -s).
 * Returns problems (naming users and line numbers, never hashes) and whether SHA-1 is used.
 * @param {string} value
 */
export function htpasswdProblems(value) {
  const problems = [];
  const users = new Set();
  let sha1 = false;
  const lines = value.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    const user = colon > 0 ? line.slice(0, colon) : '';
    const hash = colon > 0 ? line.slice(colon + 1) : '';
    if (!user || /\s/.test(user)) {
      problems.push(`line ${i + 1} is not "user:hash"`);
      return;
    }
    if (users.has(user)) problems.push(`user "${user}" appears twice`);
    users.add(user);
    if (/^\$2[aby]?\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash)) return;
    if (/^\{SHA\}[A-Za-z0-9+/]{27}=$/.test(hash)) {
      sha1 = true;
      return;
    }
    problems.push(
      `user "${user}" (line ${i + 1}) has a hash oauth2-proxy cannot check; create it with htpasswd -B (bcrypt) or -s (SHA-1)`,
    );
  });
  if (users.size === 0) problems.push('holds no user');
  return { problems, sha1, users: users.size };
}

/**
 * @param {Record<string, any>} args
 * @param {{ log?: (line: string) => void }} [ctx]
 */
export default async function validateStack(args, ctx = {}) {
  const problems = [];
  const warnings = [];
  const add = (where, problem) => problem && problems.push(`${where} ${problem}`);
  const containers = args.containers ?? {};
  const database = args.database ?? {};
  const storage = args.storage ?? {};
  const proxy = args.proxy ?? {};

  // Containers: present, well-named, distinct names and ports, pinned images.
  const names = new Map();
  const ports = new Map();
  for (const role of CONTAINERS) {
    const c = containers[role];
    if (!c || typeof c !== 'object') {
      problems.push(`containers.${role} is missing`);
      continue;
    }
    const name = text(c.name);
    if (!DOCKER_NAME.test(name)) problems.push(`containers.${role}.name "${name}" is not a valid container name`);
    else if (names.has(name))
      problems.push(`containers.${role}.name "${name}" is also the ${names.get(name)} container`);
    else names.set(name, role);
    add(`containers.${role}.image`, imageProblem(text(c.image)));
    if (/:latest(@|$)/.test(text(c.image)))
      warnings.push(`containers.${role}.image uses the moving tag "latest"; pin a release`);
    const p = port(c.port);
    if (p === undefined) problems.push(`containers.${role}.port "${text(c.port)}" is not a port (1-65535)`);
    else if (ports.has(p)) problems.push(`containers.${role}.port ${p} is also the ${ports.get(p)} port`);
    else ports.set(p, role);
  }
  const network = text(args.network);
  if (!DOCKER_NAME.test(network)) problems.push(`network "${network}" is not a valid Docker network name`);
  else if (['bridge', 'host', 'none'].includes(network))
    problems.push(
      `network "${network}" is a Docker built-in; containers find each other by name only on a user-defined network`,
    );

  // Only the proxy is published, on a valid [address:]port.
  const publish = text(containers.proxy?.publish);
  const m = /^(?:(\[[0-9a-fA-F:]+\]|[^:]+):)?([^:]+)$/.exec(publish);
  if (!m) problems.push(`containers.proxy.publish "${publish}" is not [address:]port`);
  else {
    const [, address, hostPort] = m;
    if (address && !isIPv4(address) && !/^\[[0-9a-fA-F:]+\]$/.test(address))
      problems.push(`containers.proxy.publish address "${address}" is not an IP address`);
    if (port(hostPort) === undefined)
      problems.push(`containers.proxy.publish port "${hostPort}" is not a port (1-65535)`);
  }

  // Database.
  add('database.name', identifierProblem(text(database.name)));
  add('database.user', identifierProblem(text(database.user)));
  if (text(database.user).startsWith('pg_'))
    problems.push('database.user must not start with "pg_" (reserved for roles)');
  add('database.password', weakness(text(database.password), text(database.user)));
  add('database.encrypt_key', weakness(text(database.encrypt_key)));
  const jdbc = /^jdbc:postgresql:\/\/([^:/?#]+)(?::(\d+))?\/([^?#]+)/.exec(text(database.url));
  if (!jdbc) problems.push(`database.url "${text(database.url)}" is not jdbc:postgresql://host[:port]/database`);
  else if (containers.db) {
    const [, host, p, db] = jdbc;
    if (host !== text(containers.db.name) || Number(p ?? 5432) !== port(containers.db.port))
      problems.push(
        `database.url points at ${host}:${p ?? 5432}, not at the db container (${text(containers.db.name)}:${text(containers.db.port)})`,
      );
    if (db !== text(database.name)) problems.push(`database.url names database "${db}", not "${text(database.name)}"`);
  }

  // Storage.
  const buckets = text(storage.buckets)
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (buckets.length === 0) problems.push('storage.buckets names no bucket');
  const seen = new Set();
  for (const b of buckets) {
    add(`storage bucket "${b}"`, bucketProblem(b));
    if (seen.has(b)) problems.push(`storage bucket "${b}" is listed twice`);
    seen.add(b);
  }
  const archive = text(storage.archive_bucket);
  add(`storage.archive_bucket "${archive}"`, bucketProblem(archive));
  if (archive && buckets.length && !seen.has(archive))
    problems.push(`storage.archive_bucket "${archive}" is not among storage.buckets (it would not be created)`);
  if (!/^[A-Za-z0-9._-]{3,128}$/.test(text(storage.access_key)))
    problems.push('storage.access_key must be 3 to 128 letters, digits, dots, hyphens or underscores');
  add('storage.secret_key', weakness(text(storage.secret_key), text(storage.access_key)));
  let endpoint;
  try {
    endpoint = new URL(text(storage.endpoint));
  } catch {
    problems.push(`storage.endpoint "${text(storage.endpoint)}" is not a URL`);
  }
  if (endpoint && containers.storage) {
    const p = Number(endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80));
    if (endpoint.hostname !== text(containers.storage.name) || p !== port(containers.storage.port))
      problems.push(
        `storage.endpoint points at ${endpoint.hostname}:${p}, not at the storage container (${text(containers.storage.name)}:${text(containers.storage.port)})`,
      );
  }

  // Proxy: upstream is the app, credentials in a form oauth2-proxy reads.
  let upstream;
  try {
    upstream = new URL(text(proxy.upstream));
    if (!['http:', 'https:'].includes(upstream.protocol)) {
      problems.push(`proxy.upstream "${text(proxy.upstream)}" must be http:// or https://`);
      upstream = undefined;
    }
  } catch {
    problems.push(`proxy.upstream "${text(proxy.upstream)}" is not a URL`);
  }
  if (upstream && containers.app) {
    const p = Number(upstream.port || (upstream.protocol === 'https:' ? 443 : 80));
    if (upstream.hostname !== text(containers.app.name) || p !== port(containers.app.port))
      problems.push(
        `proxy.upstream points at ${upstream.hostname}:${p}, not at the app (${text(containers.app.name)}:${text(containers.app.port)}); the proxy would answer 502 for every request`,
      );
  }
  const htpasswd = htpasswdProblems(text(proxy.htpasswd));
  for (const p of htpasswd.problems) problems.push(`proxy.htpasswd ${p}`);
  if (htpasswd.sha1) warnings.push('proxy.htpasswd uses SHA-1 entries; oauth2-proxy recommends bcrypt (htpasswd -B)');
  add('proxy.cookie_secret', cookieSecretProblem(text(proxy.cookie_secret)));

  // One secret reused for two purposes means one leak opens both.
  const secrets = [
    ['database.password', database.password],
    ['database.encrypt_key', database.encrypt_key],
    ['storage.secret_key', storage.secret_key],
    ['proxy.cookie_secret', proxy.cookie_secret],
  ].filter(([, v]) => text(v) !== '');
  for (let i = 0; i < secrets.length; i++)
    for (let j = i + 1; j < secrets.length; j++)
      if (text(secrets[i][1]) === text(secrets[j][1]))
        problems.push(`${secrets[i][0]} and ${secrets[j][0]} are the same secret; use a different one for each`);

  for (const w of warnings) ctx.log?.(`warning: ${w}`);
  if (problems.length > 0) {
    return {
      changed: false,
      failed: true,
      msg: `stack configuration is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.map((p, i) => `${i + 1}) ${p}`).join('; ')}`,
      problems,
      warnings,
    };
  }
  return {
    changed: false,
    msg: `stack configuration is valid: ${[...names.keys()].join(', ')} on network ${network}; only ${text(containers.proxy.name)} is published (${publish}); ${buckets.length} bucket(s), ${htpasswd.users} proxy user(s)`,
    warnings,
  };
}
