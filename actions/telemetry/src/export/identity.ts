import { createHmac } from 'node:crypto';

/**
 * Repository, workflow and actor names leave the runner only as HMAC-SHA256 keyed with the
 * user's salt: stable for the user's own dashboards (same name, same value), meaningless to
 * anyone without the salt, and, unlike a plain hash, not reversible by hashing likely names.
 * Reproduce one with: printf %s "owner/repo" | openssl dgst -sha256 -hmac "$SALT"
 */
export function pseudonym(salt: string, value: string): string {
  return createHmac('sha256', salt).update(value, 'utf8').digest('hex');
}
