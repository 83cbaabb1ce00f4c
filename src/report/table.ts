// Plain-text tables for the terminal: columns padded, numbers right-aligned.

export interface Column<T> {
  header: string;
  value: (row: T) => string | number;
  /** Right-align (numbers); defaults to true when the first value is a number. */
  right?: boolean;
}

/** Renders rows as a table with a header line and two spaces between columns. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => String(c.value(row))));
  const right = columns.map((c) =>
    c.right ?? (rows.length > 0 && typeof c.value(rows[0]) === 'number'));
  const widths = columns.map((c, j) => Math.max(c.header.length, ...cells.map((r) => r[j].length)));
  const line = (values: string[]) =>
    values.map((v, j) => (right[j] ? v.padStart(widths[j]) : v.padEnd(widths[j])))
      .join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}

/** A number with a fixed count of decimals. */
export function fixed(x: number, digits = 1): string {
  return x.toFixed(digits);
}

/** A fraction as a percentage with one decimal: 0.6453 -> "64.5%". */
export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Rupiah with thousands separators: 164400000 -> "Rp 164,400,000". */
export function rupiah(x: number): string {
  return `Rp ${Math.round(x).toLocaleString('en-US')}`;
}
