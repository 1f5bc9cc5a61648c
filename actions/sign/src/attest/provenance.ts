import { ConfigurationError } from '../../../../shared';
import { Inputs } from '../names';

/**
 * SLSA provenance v1 (https://slsa.dev/spec/v1.0/provenance) for a GitHub Actions run, with the
 * build type GitHub's own attestations use, so the same policy engines read both.
 */
export const PROVENANCE_TYPE = 'https://slsa.dev/provenance/v1';
export const BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

const REQUIRED = ['GITHUB_REPOSITORY', 'GITHUB_SHA', 'GITHUB_REF', 'GITHUB_RUN_ID', 'GITHUB_RUN_ATTEMPT'] as const;

export function provenancePredicate(env: NodeJS.ProcessEnv = process.env, startedOn?: Date): Record<string, unknown> {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Input ${Inputs.provenance} needs the GitHub Actions run context; not set: ${missing.join(', ')}`,
      { input: Inputs.provenance },
    );
  }
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY as string;
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
  // GITHUB_WORKFLOW_REF is "owner/repo/.github/workflows/x.yml@refs/heads/main".
  // Only what the run states: GITHUB_WORKFLOW is the workflow's display name, not its path, and
  // without RUNNER_ENVIRONMENT nobody knows whether the runner was GitHub's or self-hosted.
  const workflowPath = workflowRef.startsWith(`${repository}/`)
    ? workflowRef.slice(repository.length + 1).replace(/@.*$/, '')
    : undefined;
  const runnerEnvironment = env.RUNNER_ENVIRONMENT;
  const internal: Record<string, string> = {};
  for (const [key, name] of [
    ['event_name', 'GITHUB_EVENT_NAME'],
    ['repository_id', 'GITHUB_REPOSITORY_ID'],
    ['repository_owner_id', 'GITHUB_REPOSITORY_OWNER_ID'],
    ['runner_environment', 'RUNNER_ENVIRONMENT'],
  ] as const) {
    const value = env[name];
    if (value) internal[key] = value;
  }
  return {
    buildDefinition: {
      buildType: BUILD_TYPE,
      externalParameters: {
        workflow: {
          ref: env.GITHUB_REF,
          repository: `${server}/${repository}`,
          ...(workflowPath ? { path: workflowPath } : {}),
        },
      },
      internalParameters: { github: internal },
      resolvedDependencies: [
        { uri: `git+${server}/${repository}@${env.GITHUB_REF}`, digest: { gitCommit: env.GITHUB_SHA } },
      ],
    },
    runDetails: {
      builder: { id: `${server}/actions/runner${runnerEnvironment ? `/${runnerEnvironment}` : ''}` },
      metadata: {
        invocationId: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT}`,
        ...(startedOn ? { startedOn: startedOn.toISOString() } : {}),
      },
    },
  };
}
