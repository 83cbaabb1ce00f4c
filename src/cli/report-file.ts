// Writes an HTML report next to the command's output, atomically.
import { renameSync, writeFileSync } from 'node:fs';
import { renderReport, type ReportInput } from '../report/html-report.ts';

/** Renders and writes the report: a temporary file first, renamed into place. */
export function writeReport(path: string, input: ReportInput): void {
  const now = `${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  const html = renderReport(input, now);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, html);
  renameSync(temp, path);
  process.stderr.write(`report written to ${path}\n`);
}
