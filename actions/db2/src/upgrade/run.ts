import type { BackupRecord } from '../commands/backup';
import type { Target } from '../commands/target';
import type { Db2Instance, DbConfig } from '../db2/instance';
import type { Db2Level } from '../db2/level';
import type { CarriedSettings } from '../docker/run-args';
import type { UpgradeOptions } from '../inputs';
import type { Steps } from '../steps';

/**
 * What the upgrade phases share. Each phase is one function and one row of the summary:
 * inspect → plan → backup → stop → start → ready → post-upgrade → finish, or, when something fails
 * after the outage began, → rollback (the old container serves again) or → hold (the catalog was
 * already upgraded: the new container keeps serving and the message says how to restore).
 */
export interface UpgradeReport {
  plan: string[][];
  createCommand?: string;
  backups: BackupRecord[];
  title: string;
}

export const NEW = 'new container';
export const OLD = 'old container';

/** inspect's findings: nothing has been changed yet. */
export interface Inspection {
  target: Target;
  oldName: string;
  fromLevel: Db2Level;
  toLevel: Db2Level;
  newImageId: string;
  /** Databases to back up, probe and bind (HADR standbys excluded: they take neither). */
  databases: string[];
  /** HADR standby databases: upgraded with the instance, their catalog follows the primary's log. */
  standbys: string[];
  config: Map<string, DbConfig>;
  /** The new image is the one already running. */
  sameImage: boolean;
}

/** The databases split by how they are backed up: online with archive logging, else offline (quiesced). */
export function byLogging(found: Pick<Inspection, 'databases' | 'config'>): { online: string[]; offline: string[] } {
  const archive = (d: string) => found.config.get(d)?.archive === true;
  return { online: found.databases.filter(archive), offline: found.databases.filter((d) => !archive(d)) };
}

/** plan's decisions: names, the carried runtime settings, the docker run. */
export interface Plan {
  newName: string;
  /** Set when the new container takes the old one's name: the old one is renamed to this once stopped. */
  parkedName?: string;
  carried: CarriedSettings;
  labels: string[];
}

/** Where the upgrade stands, for the phases after the plan and for the way back. */
export interface Run {
  o: UpgradeOptions;
  steps: Steps;
  report: UpgradeReport;
  found: Inspection;
  plan: Plan;
  newDb2: Db2Instance;
  /** Outage start: the first QUIESCE … FORCE CONNECTIONS, else the stop. */
  downFrom?: number;
  quiesced: string[];
  stopped: boolean;
  renamed: boolean;
  created: boolean;
  /** Databases whose catalog db2updvNNN has touched: from then on no rollback to the old image. */
  catalogChanged: string[];
}

/** The phase that failed: each phase is one step, so the last step recorded as failed. */
export function failedPhase(run: Pick<Run, 'steps'>): string {
  return run.steps.records.findLast((r) => r.status === 'failed')?.name ?? 'an unrecorded step';
}

/** The old container's name now: its parked name once the stop phase renamed it. */
export function oldContainer(run: Pick<Run, 'renamed' | 'plan' | 'found'>): string {
  return run.renamed && run.plan.parkedName ? run.plan.parkedName : run.found.oldName;
}

export function readinessDeadline(run: Run): number {
  return Date.now() + run.o.readinessTimeoutMs;
}
