import type { Attributes } from '@opentelemetry/api';
import type { Level } from '../inputs';
import * as S from './semconv';

/**
 * The single list of attributes Paved may send, with the lowest level that includes each.
 * Anything not listed here is dropped before export, whatever the code building the payload
 * put in. TELEMETRY.md documents this table; test/telemetry/allowlist.test.ts keeps both in step.
 * Identity attributes (marked) are additionally sent only as HMAC-SHA256 with the user's salt.
 */
export const ALLOWLIST: Readonly<Record<string, { level: Level; identity?: true }>> = {
  [S.ATTR_SERVICE_NAME]: { level: 'minimal' },
  [S.ATTR_SERVICE_VERSION]: { level: 'minimal' },
  [S.ATTR_PAVED_POLICY_VERSION]: { level: 'minimal' },
  [S.ATTR_PAVED_LEVEL]: { level: 'minimal' },
  [S.ATTR_CICD_PIPELINE_ACTION_NAME]: { level: 'minimal' },
  [S.ATTR_CICD_PIPELINE_RUN_ID]: { level: 'minimal' },
  [S.ATTR_CICD_PIPELINE_RUN_STATE]: { level: 'minimal' },
  [S.ATTR_CICD_PIPELINE_RESULT]: { level: 'minimal' },
  [S.ATTR_CICD_PIPELINE_TASK_NAME]: { level: 'minimal' },
  [S.ATTR_CICD_PIPELINE_TASK_RUN_RESULT]: { level: 'minimal' },
  [S.ATTR_CICD_PIPELINE_TASK_TYPE]: { level: 'minimal' },
  [S.ATTR_PAVED_ACTION_VERSION]: { level: 'minimal' },
  [S.ATTR_ERROR_TYPE]: { level: 'minimal' },
  [S.ATTR_DEPLOYMENT_STATUS]: { level: 'minimal' },
  [S.ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: { level: 'minimal' },
  [S.ATTR_PAVED_DEPLOYMENT_LEAD_TIME]: { level: 'minimal' },
  [S.ATTR_PAVED_DEPLOYMENT_COMMITS]: { level: 'minimal' },
  [S.ATTR_PAVED_DEPLOYMENT_CHANGE_FAILURE]: { level: 'minimal' },
  [S.ATTR_PAVED_DEPLOYMENT_RESTORE_TIME]: { level: 'minimal' },
  [S.ATTR_CICD_PIPELINE_TASK_RUN_ID]: { level: 'minimal' },
  [S.ATTR_PAVED_JOB_QUEUE_TIME]: { level: 'minimal' },
  [S.ATTR_PAVED_STEP_NUMBER]: { level: 'minimal' },
  [S.ATTR_OS_TYPE]: { level: 'standard' },
  [S.ATTR_HOST_ARCH]: { level: 'standard' },
  [S.ATTR_PAVED_RUNNER_ENVIRONMENT]: { level: 'standard' },
  [S.ATTR_PAVED_RUN_ATTEMPT]: { level: 'standard' },
  [S.ATTR_PAVED_TRIGGER]: { level: 'standard' },
  [S.ATTR_VCS_REF_HEAD_TYPE]: { level: 'standard' },
  [S.ATTR_PAVED_RUNNER_LABELS]: { level: 'standard' },
  [S.ATTR_CICD_PIPELINE_RUN_URL_FULL]: { level: 'standard', identity: true },
  [S.ATTR_CICD_PIPELINE_TASK_RUN_URL_FULL]: { level: 'standard', identity: true },
  [S.ATTR_CICD_PIPELINE_NAME]: { level: 'standard', identity: true },
  [S.ATTR_VCS_REPOSITORY_NAME]: { level: 'standard', identity: true },
  [S.ATTR_ENDUSER_PSEUDO_ID]: { level: 'standard', identity: true },
};

const RANK: Record<Level, number> = { minimal: 0, standard: 1 };

/** Keeps the allowed, defined attributes for `level`; identities only when they were hashed. */
export function allowed(attributes: Record<string, unknown>, level: Level, hashed: boolean): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === '') continue;
    const rule = ALLOWLIST[key];
    if (!rule || RANK[rule.level] > RANK[level]) continue;
    if (rule.identity && !hashed) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}
