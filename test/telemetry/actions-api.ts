import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A local stand-in for GITHUB_API_URL that serves the recorded "List jobs for a workflow run
 * attempt" responses of test/telemetry/fixtures/actions-api/ (jobs-run-<run>-attempt-<n>.json),
 * two jobs per page with GitHub's Link header (rel="next"/"last"), so the action's pagination
 * is exercised too. It checks the token the way GitHub does (401 without it) and records every
 * request. `mode` makes it answer 403 (a token without actions: read), 500, a 200 that is not the
 * jobs list (an HTML error page from a proxy, or JSON of another shape), or hang.
 */
export interface ApiRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface ActionsApi {
  url: string;
  requests: ApiRequest[];
  mode: 'ok' | 'forbidden' | 'error' | 'garbage' | 'wrong-shape' | 'hang';
  close(): Promise<void>;
}

const FIXTURES = join(import.meta.dirname, 'fixtures', 'actions-api');
const PAGE = 2;

export async function startActionsApi(token: string): Promise<ActionsApi> {
  const requests: ApiRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const api: ActionsApi = { url: '', requests, mode: 'ok', close: async () => {} };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', api.url);
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (api.mode === 'hang') {
      hanging.add(res);
      return;
    }
    if (req.headers.authorization !== `token ${token}` && req.headers.authorization !== `Bearer ${token}`) {
      return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    if (api.mode === 'forbidden') {
      return json(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt',
      });
    }
    if (api.mode === 'error') return json(500, { message: 'Server Error' });
    if (api.mode === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<html><body>502 Bad Gateway</body></html>');
    }
    if (api.mode === 'wrong-shape') return json(200, { total_count: 2, jobs: 'not a list' });
    const m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/attempts\/(\d+)\/jobs$/.exec(url.pathname);
    if (req.method !== 'GET' || !m) return json(404, { message: 'Not Found' });
    let recorded: { total_count: number; jobs: unknown[] };
    try {
      recorded = JSON.parse(readFileSync(join(FIXTURES, `jobs-run-${m[3]}-attempt-${m[4]}.json`), 'utf8'));
    } catch {
      return json(404, { message: 'Not Found' });
    }
    const page = Math.max(1, Number(url.searchParams.get('page') ?? '1'));
    const last = Math.max(1, Math.ceil(recorded.jobs.length / PAGE));
    const link = (p: number) => {
      const u = new URL(url.href);
      u.searchParams.set('page', String(p));
      return u.href;
    };
    const headers: Record<string, string> =
      page < last ? { Link: `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"` } : {};
    json(
      200,
      { total_count: recorded.total_count, jobs: recorded.jobs.slice((page - 1) * PAGE, page * PAGE) },
      headers,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return api;
}
