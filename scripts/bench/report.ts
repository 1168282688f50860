/** Plain-text tables and verdicts for a terminal or a CI log. */

export type Align = "left" | "right";
export interface Column<Row> {
  header: string;
  align?: Align;
  value: (row: Row) => string;
}

export function table<Row>(rows: Row[], columns: Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.align === "right" ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const fixed = (digits: number) => (value: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
export const kb = (bytes: number) => (bytes / 1000).toFixed(1);

export function heading(title: string): void {
  console.log(`\n== ${title} ${"=".repeat(Math.max(0, 72 - title.length))}`);
}

export interface Verdict {
  what: string;
  target: string;
  actual: string;
  met: boolean;
}

export function printVerdicts(verdicts: Verdict[]): void {
  console.log(
    table(verdicts, [
      { header: "", value: (v) => (v.met ? "PASS" : "MISSED") },
      { header: "check", value: (v) => v.what },
      { header: "target", value: (v) => v.target },
      { header: "measured", value: (v) => v.actual },
    ]),
  );
  const missed = verdicts.filter((v) => !v.met).length;
  console.log(missed === 0 ? "\nAll targets met." : `\nMISSED: ${missed} of ${verdicts.length} targets (see above).`);
}
