declare module 'spdx-satisfies' {
  /** True when `expression` can be satisfied using only the `approved` license ids. */
  export default function satisfies(expression: string, approved: readonly string[]): boolean;
}

declare module 'spdx-license-ids' {
  /** Every current SPDX license identifier. */
  const ids: string[];
  export default ids;
}
