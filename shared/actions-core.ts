import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner protocol Paved's actions speak, with @actions/core's API and byte-identical output
 * (test/core/actions-core.test.ts runs both side by side). Why not @actions/core itself:
 * bundled, it evaluates its HTTP client (undici) at start-up, ~45 ms on every step of every job,
 * for the one call that needs it (getIDToken), which here loads @actions/core on demand.
 */
export enum ExitCode {
  Success = 0,
  Failure = 1,
}

export interface InputOptions {
  required?: boolean;
  trimWhitespace?: boolean;
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string' || input instanceof String) return input as string;
  return JSON.stringify(input);
}

function escapeData(s: unknown): string {
  return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: unknown): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  let text = `::${command}`;
  const props = Object.entries(properties)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`);
  if (props.length) text += ` ${props.join(',')}`;
  process.stdout.write(`${text}::${escapeData(message)}${EOL}`);
}

function fileCommand(name: 'OUTPUT' | 'ENV' | 'STATE' | 'PATH', message: string): boolean {
  const file = process.env[`GITHUB_${name}`];
  if (!file) return false;
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${message}${EOL}`, { encoding: 'utf8' });
  return true;
}

function keyValue(key: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const converted = toCommandValue(value);
  if (key.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (converted.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${EOL}${converted}${EOL}${delimiter}`;
}

export function getInput(name: string, options?: InputOptions): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? value : value.trim();
}

export function setOutput(name: string, value: unknown): void {
  if (fileCommand('OUTPUT', keyValue(name, value))) return;
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function exportVariable(name: string, value: unknown): void {
  const converted = toCommandValue(value);
  process.env[name] = converted;
  if (fileCommand('ENV', keyValue(name, value))) return;
  issueCommand('set-env', { name }, converted);
}

export function saveState(name: string, value: unknown): void {
  if (fileCommand('STATE', keyValue(name, value))) return;
  issueCommand('save-state', { name }, toCommandValue(value));
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

const issued = { error: 0, warning: 0, notice: 0 };

/** Annotations of a kind written so far by this process (GitHub shows 10 per kind per step). */
export function annotationsIssued(kind: 'error' | 'warning' | 'notice'): number {
  return issued[kind];
}

/** For tests: a new step's budget. */
export function resetAnnotationsIssued(): void {
  issued.error = issued.warning = issued.notice = 0;
}

function annotation(
  kind: 'error' | 'warning' | 'notice',
  message: string | Error,
  properties: AnnotationProperties = {},
): void {
  issued[kind]++;
  const props = Object.keys(properties).length
    ? {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn,
      }
    : {};
  issueCommand(kind, props, message instanceof Error ? message.toString() : message);
}

export function error(message: string | Error, properties?: AnnotationProperties): void {
  annotation('error', message, properties);
}

export function warning(message: string | Error, properties?: AnnotationProperties): void {
  annotation('warning', message, properties);
}

export function notice(message: string | Error, properties?: AnnotationProperties): void {
  annotation('notice', message, properties);
}

export function setFailed(message: string | Error): void {
  process.exitCode = ExitCode.Failure;
  error(message);
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}

/** The OIDC token for keyless signing: the one call that needs an HTTP client, loaded here only. */
export async function getIDToken(audience?: string): Promise<string> {
  const core = await import('@actions/core');
  return core.getIDToken(audience);
}
