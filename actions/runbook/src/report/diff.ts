/**
 * Unified diffs (as `diff -u` prints them) for check mode and changed files. A plain LCS table is
 * enough for config files; beyond ~4M cells we show the change as a whole replacement instead of
 * spending seconds on a file nobody will read line by line.
 */
const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string };

export function unifiedDiff(before: string | undefined, after: string, path: string): string {
  if (before === after) return '';
  if (isBinary(before) || isBinary(after))
    return `Binary file ${path} ${before === undefined ? 'created' : 'changed'}\n`;
  const a = before === undefined ? [] : splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const header = `--- ${before === undefined ? '/dev/null' : `a${path}`}\n+++ b${path}\n`;
  return header + hunks(ops).join('');
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

function isBinary(text: string | undefined): boolean {
  return text?.includes('\u0000') === true;
}

function diffLines(a: string[], b: string[]): Op[] {
  // Common prefix and suffix first: most config changes touch a few lines in the middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const ops: Op[] = a.slice(0, start).map((text) => ({ kind: ' ', text }));
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    ops.push(
      ...midA.map((text) => ({ kind: '-' as const, text })),
      ...midB.map((text) => ({ kind: '+' as const, text })),
    );
  } else {
    ops.push(...lcs(midA, midB));
  }
  ops.push(...a.slice(endA).map((text) => ({ kind: ' ' as const, text })));
  return ops;
}

function lcs(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] =
        a[i] === b[j]
          ? (table[at(i + 1, j + 1)] as number) + 1
          : Math.max(table[at(i + 1, j)] as number, table[at(i, j + 1)] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i] as string });
      i++;
      j++;
    } else if ((table[at(i + 1, j)] as number) >= (table[at(i, j + 1)] as number))
      ops.push({ kind: '-', text: a[i++] as string });
    else ops.push({ kind: '+', text: b[j++] as string });
  }
  while (i < n) ops.push({ kind: '-', text: a[i++] as string });
  while (j < m) ops.push({ kind: '+', text: b[j++] as string });
  return ops;
}

function hunks(ops: Op[]): string[] {
  const out: string[] = [];
  let i = 0;
  // Line numbers before each op.
  const posA: number[] = [];
  const posB: number[] = [];
  let la = 1;
  let lb = 1;
  for (const op of ops) {
    posA.push(la);
    posB.push(lb);
    if (op.kind !== '+') la++;
    if (op.kind !== '-') lb++;
  }
  while (i < ops.length) {
    while (i < ops.length && ops[i]?.kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    let quiet = 0;
    while (end < ops.length && quiet <= CONTEXT * 2) {
      quiet = ops[end]?.kind === ' ' ? quiet + 1 : 0;
      end++;
    }
    end = Math.min(ops.length, end - Math.max(0, quiet - CONTEXT));
    const slice = ops.slice(start, end);
    const countA = slice.filter((o) => o.kind !== '+').length;
    const countB = slice.filter((o) => o.kind !== '-').length;
    const startA = countA === 0 ? (posA[start] as number) - 1 : (posA[start] as number);
    const startB = countB === 0 ? (posB[start] as number) - 1 : (posB[start] as number);
    out.push(`@@ -${startA},${countA} +${startB},${countB} @@\n`);
    for (const op of slice) out.push(`${op.kind}${op.text}\n`);
    i = end;
  }
  return out;
}
