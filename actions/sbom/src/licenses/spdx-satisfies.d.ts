declare module 'spdx-satisfies' {
  /** True when `expression` can be satisfied using only the `approved` license ids. */
  export default function satisfies(expression: string, approved: readonly string[]): boolean;
}
