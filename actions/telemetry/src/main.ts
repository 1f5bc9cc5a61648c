import * as core from '../../../shared/actions-core';
import { runAction } from '../../../shared/run-action';
import { Summary } from '../../../shared/summary';
import { TELEMETRY_ENV, TELEMETRY_POLICY_VERSION } from '../../../shared/telemetry';
import { decide } from './consent';
import { isLoopback } from './endpoint';
import { parseInputs } from './inputs';
import { openJournal } from './journal';
import { Outputs, State } from './names';

/**
 * The main step decides, once, whether this job records telemetry, and tells the rest of the
 * job through GITHUB_ENV. When it says no, nothing else happens: no file, no variable, no request.
 */
export function run(): Promise<void> {
  return runAction('telemetry', async () => {
    const options = parseInputs();
    const decision = decide(options);
    core.setOutput(Outputs.policyVersion, String(TELEMETRY_POLICY_VERSION));
    core.setOutput(Outputs.enabled, String(decision.enabled));
    core.setOutput(Outputs.reason, decision.reason);
    core.saveState(State.enabled, String(decision.enabled));
    core.info(`Paved telemetry is ${decision.reason}.`);
    if (options.consent !== '' && options.consent !== 'granted') {
      core.notice(`telemetry: consent "${options.consent}" is not "granted", so telemetry stays off.`);
    }
    if (!decision.enabled) {
      new Summary()
        .heading('Telemetry: off')
        .paragraph(`Nothing is recorded or sent for this job (${decision.reason.replace(/^off: /, '')}).`)
        .write();
      return;
    }
    if (options.endpoint && !isLoopback(options.endpoint.origin) && options.endpoint.origin.startsWith('http:')) {
      core.warning(
        `telemetry: ${options.endpoint.origin} is plain http; use https so headers and data are not sent in clear text.`,
      );
    }
    const { file, created } = openJournal();
    core.exportVariable(TELEMETRY_ENV.journal, file);
    core.exportVariable(TELEMETRY_ENV.policy, String(TELEMETRY_POLICY_VERSION));
    core.saveState(State.journal, file);
    const where = options.dryRun ? 'dry run: shown at the end of the job, not sent' : options.endpoint?.origin;
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
