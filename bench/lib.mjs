// Side-by-side benchmarks: every contender runs in the same process tree, alternating
// (A B C, A B C, …) so that load on this shared machine hits all of them alike; we report
// medians and ratios, never absolute pass/fail times.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command once; resolves with wall time (ms), peak RSS (KiB, when GNU time exists), output. */
export function timeCommand(command, { env = {}, cwd = ROOT, input, timeoutMs = 600_000, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const marker = '__PAVED_BENCH_RSS__';
    const argv = GNU_TIME ? [GNU_TIME, '-f', `${marker}%M`, ...command] : command;
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), {
      cwd,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    if (input !== undefined) child.stdin.end(input);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let stderr = Buffer.concat(err).toString('utf8');
      let rssKb;
      const m = new RegExp(`${marker}(\\d+)\\s*$`).exec(stderr);
      if (m) {
        rssKb = Number(m[1]);
        stderr = stderr.slice(0, m.index);
      }
      const result = { ms, rssKb, code, stdout: Buffer.concat(out).toString('utf8'), stderr };
      if (code !== 0 && !allowFailure) {
        reject(new Error(`${command.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      resolve(result);
    });
  });
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * options: { name, runs, contenders: [{ name, command?, env?, cwd?, fn?, measure?, before?, after?, check? }],
 *            baseline, goals: [{ contender, minRatio?, maxRatio?, text }], extra, warmup }
 * A contender runs `command` (timed as a process), `fn` (timed in-process) or `measure`
 * (returns its own milliseconds). `before`/`after`
 * run untimed around each sample; `check(result)` may throw to reject a wrong result.
 */
export async function compare(options) {
  const { name, runs = 5, contenders, baseline = contenders[0].name, goals = [], extra = {}, warmup = 1 } = options;
  const samples = Object.fromEntries(contenders.map((c) => [c.name, { ms: [], rssKb: [], failures: [] }]));
  const one = async (c) => {
    if (c.before) await c.before();
    let r;
    if (c.measure) {
      // The contender measures itself (e.g. time to first output) and returns milliseconds.
      r = { ms: await c.measure() };
    } else if (c.fn) {
      const started = process.hrtime.bigint();
      const value = await c.fn();
      r = { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
    } else {
      r = await timeCommand(c.command, { env: c.env, cwd: c.cwd, timeoutMs: c.timeoutMs });
    }
    if (c.check) await c.check(r);
    if (c.after) await c.after(r);
    return r;
  };
  for (let w = 0; w < warmup; w++) {
    for (const c of contenders) {
      try {
        await one(c);
      } catch (e) {
        samples[c.name].failures.push(String(e.message ?? e).slice(0, 500));
      }
    }
  }
  for (let round = 0; round < runs; round++) {
    // Rotate the order each round so no contender always runs first (cold caches) or last.
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
    for (const c of order) {
      if (samples[c.name].failures.length > runs) continue;
      try {
        const r = await one(c);
        samples[c.name].ms.push(r.ms);
        if (r.rssKb !== undefined) samples[c.name].rssKb.push(r.rssKb);
      } catch (e) {
        samples[c.name].failures.push(String(e.message ?? e).slice(0, 500));
      }
    }
  }
  const results = {};
  for (const c of contenders) {
    const s = samples[c.name];
    results[c.name] = {
      runs: s.ms.length,
      median_ms: s.ms.length ? round2(median(s.ms)) : null,
      min_ms: s.ms.length ? round2(Math.min(...s.ms)) : null,
      max_ms: s.ms.length ? round2(Math.max(...s.ms)) : null,
      peak_rss_mb: s.rssKb.length ? round2(Math.max(...s.rssKb) / 1024) : null,
      failures: s.failures,
      description: c.description ?? (c.command ? c.command.join(' ') : 'in-process'),
    };
  }
  const base = results[baseline]?.median_ms;
  for (const r of Object.values(results)) r.ratio_to_baseline = base && r.median_ms ? round2(r.median_ms / base) : null;
  for (const r of Object.values(results)) r.delta_ms = base && r.median_ms ? round2(r.median_ms - base) : null;
  const goalResults = goals.map((g) => {
    const ratio = results[g.contender]?.ratio_to_baseline;
    const delta = results[g.contender]?.delta_ms;
    const met =
      ratio === null || ratio === undefined
        ? null
        : (g.minRatio === undefined || ratio >= g.minRatio) &&
          (g.maxRatio === undefined || ratio <= g.maxRatio) &&
          (g.maxDeltaMs === undefined || delta <= g.maxDeltaMs);
    return { ...g, ratio, delta_ms: delta, met };
  });
  const report = {
    name,
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    baseline,
    runs,
    results,
    goals: goalResults,
    extra,
  };
  writeReport(report);
  return report;
}

export function markdown(report) {
  const lines = [
    `### ${report.name} (baseline: ${report.baseline}, ${report.runs} alternating rounds, ${report.date})`,
    '',
    '| contender | median ms | min ms | max ms | peak RSS MB | × baseline | Δ baseline ms | failures |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, r] of Object.entries(report.results)) {
    lines.push(
      `| ${name} | ${r.median_ms ?? '—'} | ${r.min_ms ?? '—'} | ${r.max_ms ?? '—'} | ${r.peak_rss_mb ?? '—'} | ${r.ratio_to_baseline ?? '—'} | ${r.delta_ms ?? '—'} | ${r.failures.length} |`,
    );
  }
  if (report.goals.length) {
    lines.push('', '| goal | ratio | Δ ms | met |', '| --- | ---: | ---: | --- |');
    for (const g of report.goals) {
      const met = g.met === null ? 'n/a' : g.met ? 'yes' : 'NO';
      lines.push(`| ${g.text} | ${g.ratio ?? '—'} | ${g.delta_ms ?? '—'} | ${met} |`);
    }
  }
  const failures = Object.entries(report.results).filter(([, r]) => r.failures.length);
  for (const [name, r] of failures) lines.push('', `${name} failed: ${r.failures[0]}`);
  if (report.extra && Object.keys(report.extra).length)
    lines.push('', '```json', JSON.stringify(report.extra, null, 2), '```');
  return `${lines.join('\n')}\n`;
}

function writeReport(report) {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${report.name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, `${report.name}.md`), markdown(report));
  console.log(markdown(report));
}

function round2(n) {
  return Math.round(n * 100) / 100;
}
