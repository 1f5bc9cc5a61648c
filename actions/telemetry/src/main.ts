import { randomBytes } from 'node:crypto';
import * as core from '../../../shared/actions-core';
import { runAction } from '../../../shared/run-action';
import { registerSecret } from '../../../shared/secrets';
import { Summary } from '../../../shared/summary';
import { journalPath, TELEMETRY_ENV, TELEMETRY_POLICY_VERSION } from '../../../shared/telemetry';
import { decide } from './consent';
import { jobContext } from './context';
import { isLoopback } from './endpoint';
import { checkpoint, readState, statePath } from './export/dora';
import { parseInputs, readConsent } from './inputs';
import { appendJournal, openJournal, readJournal } from './journal';
import { Inputs, Outputs, State } from './names';
import { newSpanId, runTraceId, traceparent } from './run/trace-ids';

const newKey = () => randomBytes(32).toString('hex');

/**
 * The main step decides, once, whether this job records telemetry, and tells the rest of the
 * job through GITHUB_ENV. When it says no, nothing else happens: no file, no variable, no request.
 */
export function run(): Promise<void> {
  return runAction('telemetry', async () => {
    // Consent alone decides "off"; the other inputs are read only once it is on.
    const consent = readConsent();
    const decision = decide(consent);
    core.setOutput(Outputs.policyVersion, String(TELEMETRY_POLICY_VERSION));
    core.setOutput(Outputs.enabled, String(decision.enabled));
    core.setOutput(Outputs.reason, decision.reason);
    core.saveState(State.enabled, String(decision.enabled));
    core.info(`Paved telemetry is ${decision.reason}.`);
    if (consent.consent !== '' && consent.consent !== 'granted') {
      core.notice(`telemetry: consent "${consent.consent}" is not "granted", so telemetry stays off.`);
    }
    if (!decision.enabled) {
      new Summary()
        .heading('Telemetry: off')
        .paragraph(`Nothing is recorded or sent for this job (${decision.reason.replace(/^off: /, '')}).`)
        .write();
      return;
    }
    const options = parseInputs();
    const { origin, fromEnvironment } = options.exporter;
    if (fromEnvironment.length > 0)
      core.info(`Exporter settings from ${fromEnvironment.join(', ')} (inputs are empty).`);
    if (origin && !isLoopback(origin) && origin.startsWith('http:')) {
      core.warning(`telemetry: ${origin} is plain http; use https so headers and data are not sent in clear text.`);
    }
    // The DORA state file, if named, is checked now: a broken one is the user's to fix, before the job runs.
    const job = jobContext();
    if (options.stateFile) readState(statePath(options.stateFile, job.workspace), Inputs.stateFile);
    // The per-job key that signs journal lines: a second telemetry step of the job keeps the first one's.
    const key = journalPath() && process.env[TELEMETRY_ENV.key] ? (process.env[TELEMETRY_ENV.key] as string) : newKey();
    registerSecret(key);
    const { file, created } = openJournal(key);
    core.exportVariable(TELEMETRY_ENV.journal, file);
    core.exportVariable(TELEMETRY_ENV.policy, String(TELEMETRY_POLICY_VERSION));
    core.exportVariable(TELEMETRY_ENV.key, key);
    core.saveState(State.journal, file);
    core.saveState(State.key, key);
    if (!created && options.stateFile && !options.dryRun) {
      // A later telemetry step of the job: bring the DORA state file up to date now (see checkpoint()).
      const notes = await checkpoint(readJournal(file, key), job, {
        environment: options.environment,
        path: statePath(options.stateFile, job.workspace),
        input: Inputs.stateFile,
        record: (base) => appendJournal(file, key, { kind: 'dora-base', state: base }),
      });
      for (const note of notes) core.info(`Telemetry (DORA): ${note}.`);
      core.info(`Telemetry: DORA state written to ${options.stateFile} for the steps after this one to keep.`);
    }
    // One trace per run attempt; this job's span is chosen now, so later steps' tools can join it.
    // A second telemetry step of the job keeps the first one's span, which earlier steps already joined.
    const earlier = created
      ? undefined
      : new RegExp(`^00-${runTraceId(job.runId, job.runAttempt)}-([0-9a-f]{16})-01$`).exec(
          (process.env.TRACEPARENT ?? '').trim(),
        )?.[1];
    const jobSpan = earlier ?? newSpanId();
    core.saveState(State.jobSpan, jobSpan);
    core.exportVariable('TRACEPARENT', traceparent(runTraceId(job.runId, job.runAttempt), jobSpan));
    const where = options.dryRun ? 'dry run: shown at the end of the job, not sent' : origin;
    new Summary()
      .heading('Telemetry: on')
      .paragraph(
        `Paved actions in this job are recorded under data policy version ${TELEMETRY_POLICY_VERSION} (level ${options.level}); ` +
          `the end of the job exports them (${where}) and adds a receipt of every attribute sent.` +
          (created ? '' : ' An earlier telemetry step already started this job’s journal; it is reused.'),
      )
      .write();
  });
}
