import type { Host } from '../inventory';
import { LocalConnection } from '../transport/local';
import type { Connection } from '../transport/types';
import type { HostRun } from './host';
import type { SharedRun } from './language';

/**
 * The run-wide state behind run_once and delegate_to. delegate_to names an inventory host of this
 * run, or `localhost` (the runner); each target gets one connection, closed when the run ends.
 */
export function sharedRun(
  hosts: Host[],
  connect: (host: Host) => Promise<Connection>,
  flush: (run: HostRun) => Promise<void>,
): SharedRun & { close(): Promise<void> } {
  const conns = new Map<string, Promise<Connection>>();
  return {
    once: new Map(),
    flush,
    connectTo(name) {
      let pending = conns.get(name);
      if (!pending) {
        const host = hosts.find((h) => h.name === name) ?? hosts.find((h) => h.address === name);
        if (host) pending = connect(host);
        else if (name === 'localhost' || name === '127.0.0.1') pending = Promise.resolve(new LocalConnection());
        else
          pending = Promise.reject(
            new Error(
              `"${name}" is not a host of this run (hosts: ${hosts.map((h) => h.name).join(', ')}; or localhost)`,
            ),
          );
        conns.set(name, pending);
      }
      return pending;
    },
    async close() {
      for (const c of conns.values()) await (await c.catch(() => undefined))?.close().catch(() => undefined);
    },
  };
}
