import { Client, escapeFilter } from 'ldapts';
import { errorMessage, OperationError } from '../../../../shared/errors';
import type { LdapOptions } from '../inputs';

/**
 * Before the instance is touched: the same questions IBM's LDAP plug-ins will ask, asked from the
 * runner with ldapts (maintained, promise-based, TLS through Node's tls): bind with SEARCH_DN /
 * SEARCH_PW, find the test user under USER_BASEDN by USERID_ATTRIBUTE, and find the test group by
 * GROUP_LOOKUP_METHOD. Any failure carries the directory's own answer (result code and message).
 * https://www.ibm.com/docs/en/db2/11.5?topic=support-configuring-ldap-plug-in-modules
 * https://www.ibm.com/docs/en/db2/11.5?topic=support-considerations-group-lookup
 */
export interface DirectoryCheck {
  url: string;
  userDn: string;
  groupDn: string;
}

type Check = Pick<
  LdapOptions,
  | 'host'
  | 'ssl'
  | 'caPem'
  | 'searchDn'
  | 'searchPassword'
  | 'userBaseDn'
  | 'userObjectClass'
  | 'userIdAttribute'
  | 'groupBaseDn'
  | 'groupObjectClass'
  | 'groupLookupAttribute'
  | 'groupLookupMethod'
  | 'testUser'
  | 'testGroup'
>;

/** LDAP_HOST is `host[:port] [host2[:port2] …]`; the plug-ins use 389, or 636 with TLS. */
export function ldapUrls(host: string, ssl: boolean): string[] {
  return host
    .split(/\s+/)
    .filter(Boolean)
    .map((h) => {
      const [name, port] = h.split(':');
      return `${ssl ? 'ldaps' : 'ldap'}://${name}:${port ?? (ssl ? 636 : 389)}`;
    });
}

/** The directory's answer: ldapts names the result (InvalidCredentialsError) and keeps the server's diagnostic text. */
function answer(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const name = error instanceof Error ? error.name : '';
  const text = errorMessage(error)
    .replace(/\s*Code: 0x[0-9a-f]+\s*$/i, '')
    .trim();
  if (typeof code === 'number') return `${[name, text].filter(Boolean).join(': ')} (LDAP result code ${code})`;
  return `${text}${typeof code === 'string' ? ` (${code})` : ''}`;
}

const value = (v: string) => escapeFilter`${v}`;

/**
 * This server gave no answer: refused, unreachable, reset, or silent until the timeout (ldapts
 * rejects a connection with "Connection timeout" and a request with "<Request>: Operation timed
 * out"). The plug-ins then try the next LDAP_HOST entry, and so does the check.
 */
const UNANSWERED =
  /ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ECONNRESET|Connection timeout|Operation timed out/i;
const unanswered = (error: unknown): boolean =>
  !(error instanceof OperationError) && UNANSWERED.test(String((error as { code?: unknown }).code ?? error));

export async function checkDirectory(o: Check, timeoutMs = 15_000): Promise<DirectoryCheck> {
  const failures: string[] = [];
  for (const url of ldapUrls(o.host, o.ssl)) {
    const client = new Client({
      url,
      timeout: timeoutMs,
      connectTimeout: timeoutMs,
      tlsOptions: o.ssl ? { ca: o.caPem ? [o.caPem] : undefined, rejectUnauthorized: true } : undefined,
    });
    try {
      return await ask(client, url, o);
    } catch (error) {
      // No answer is a reason to try the next server; anything the directory (or its TLS
      // handshake) answered is the answer.
      if (unanswered(error)) {
        failures.push(`${url}: ${errorMessage(error)}`);
        continue;
      }
      if (error instanceof OperationError) throw error;
      throw new OperationError(`LDAP connection to ${url} failed: ${answer(error)}`);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
  throw new OperationError(`No LDAP server of ${o.host} answered: ${failures.join('; ')}`);
}

async function ask(client: Client, url: string, o: Check): Promise<DirectoryCheck> {
  if (o.searchDn) {
    try {
      await client.bind(o.searchDn, o.searchPassword);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (unanswered(error)) throw error;
      // A string code is Node's (TLS handshake, socket): the connection failed, not the bind.
      if (typeof code === 'string') throw new OperationError(`LDAP connection to ${url} failed: ${answer(error)}`);
      throw new OperationError(`LDAP bind to ${url} as ${o.searchDn} (SEARCH_DN) failed: ${answer(error)}`);
    }
  }
  const userFilter = `(&(objectClass=${o.userObjectClass})(${o.userIdAttribute}=${value(o.testUser)}))`;
  const users = await client
    .search(o.userBaseDn, { scope: 'sub', filter: userFilter, attributes: [o.groupLookupAttribute] })
    .catch((error) => {
      if (unanswered(error)) throw error;
      throw new OperationError(`LDAP search of ${o.userBaseDn} for ${userFilter} on ${url} failed: ${answer(error)}`);
    });
  if (users.searchEntries.length !== 1) {
    throw new OperationError(
      `LDAP test user: ${url} returned ${users.searchEntries.length} entries for ${userFilter} under ${o.userBaseDn} (USER_BASEDN), expected exactly 1`,
    );
  }
  const user = users.searchEntries[0] as { dn: string; [k: string]: unknown };
  let groupDns: string[];
  if (o.groupLookupMethod === 'USER_ATTRIBUTE') {
    const raw = user[o.groupLookupAttribute];
    groupDns = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  } else {
    const groupFilter = `(&(objectClass=${o.groupObjectClass})(${o.groupLookupAttribute}=${value(user.dn)}))`;
    const groups = await client
      .search(o.groupBaseDn, { scope: 'sub', filter: groupFilter, attributes: ['cn'] })
      .catch((error) => {
        if (unanswered(error)) throw error;
        throw new OperationError(
          `LDAP search of ${o.groupBaseDn} for ${groupFilter} on ${url} failed: ${answer(error)}`,
        );
      });
    groupDns = groups.searchEntries.map((e) => e.dn);
  }
  const wanted = new RegExp(`^cn=${o.testGroup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`, 'i');
  const groupDn = groupDns.find((dn) => wanted.test(dn));
  if (!groupDn) {
    throw new OperationError(
      `LDAP test group: ${user.dn} is not in group cn=${o.testGroup} by GROUP_LOOKUP_METHOD ${o.groupLookupMethod} (${o.groupLookupAttribute}); the directory lists ${groupDns.length ? groupDns.join('; ') : 'no groups'} for it`,
    );
  }
  return { url, userDn: user.dn, groupDn };
}
