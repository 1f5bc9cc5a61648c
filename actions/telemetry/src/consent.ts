import { ConfigurationError } from '../../../shared/errors';
import { TELEMETRY_POLICY_VERSION, telemetryOptOut } from '../../../shared/telemetry';
import { isForkPullRequest, readEvent } from './context';

/**
 * Whether this job records telemetry. Order matters: the user's environment (DO_NOT_TRACK,
 * PAVED_TELEMETRY=off) wins over any consent, then consent and its policy version, then forks.
 */
export interface Decision {
  enabled: boolean;
  /** One sentence for the log, the summary and the `reason` output. */
  reason: string;
}

export interface ConsentInputs {
  consent: string;
  /** As written: only read (and only then validated) once consent is granted. */
  consentVersion: number | string;
}

/**
 * Nothing but the consent decides "off": with consent not granted (or the environment opting
 * out) no other input is read or validated, so a workflow that leaves telemetry off can never
 * fail on it. Only a granted consent needs a whole-number consent-version.
 */
function policyVersion(value: number | string): number {
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (!/^\d+$/.test(text)) {
    throw new ConfigurationError(
      text === ''
        ? `Input consent-version is required when consent is granted: the data policy version you read (TELEMETRY.md), currently ${TELEMETRY_POLICY_VERSION}`
        : `Input consent-version must be a whole number (the data policy version, currently ${TELEMETRY_POLICY_VERSION}), got "${text}"`,
      { input: 'consent-version' },
    );
  }
  return Number(text);
}

export function decide(inputs: ConsentInputs, env: NodeJS.ProcessEnv = process.env): Decision {
  const optOut = telemetryOptOut(env);
  if (optOut) return { enabled: false, reason: `off: ${optOut} is set, which always wins over consent` };
  if (inputs.consent !== 'granted') {
    return {
      enabled: false,
      reason:
        inputs.consent === ''
          ? 'off: consent is not granted (set consent: granted to opt in)'
          : `off: consent is "${inputs.consent}", and only "granted" opts in`,
    };
  }
  // A fork's run is off whatever the workflow says: decided before any input is validated.
  const eventName = (env.GITHUB_EVENT_NAME ?? '').trim();
  // Read the event payload only when it can change the answer.
  if (
    eventName.startsWith('pull_request') || eventName === 'workflow_run'
      ? isForkPullRequest(eventName, readEvent((env.GITHUB_EVENT_PATH ?? '').trim()))
      : false
  ) {
    return { enabled: false, reason: 'off: runs for pull requests from forks never send telemetry' };
  }
  const version = policyVersion(inputs.consentVersion);
  if (version !== TELEMETRY_POLICY_VERSION) {
    return {
      enabled: false,
      reason: `off: consent was given to data policy version ${version}, but this release collects under version ${TELEMETRY_POLICY_VERSION}; read TELEMETRY.md and renew consent with consent-version: ${TELEMETRY_POLICY_VERSION}`,
    };
  }
  return { enabled: true, reason: `on: consent granted to data policy version ${TELEMETRY_POLICY_VERSION}` };
}
