// Small SVG charts as strings, for reports that must open without any script or
// network access: horizontal bars and year columns with a reference line.

/** The weathermap scale used on every face: utilisation to colour. */
export function utilisationColour(u: number): string {
  if (u >= 1) return '#b3001b';
  if (u >= 0.9) return '#e4572e';
  if (u >= 0.7) return '#f3a712';
  if (u >= 0.5) return '#e9d758';
  if (u >= 0.3) return '#8cc084';
  return '#4f9d69';
}

export interface Bar {
  label: string;
  value: number;
  colour: string;
  note?: string;
}

/** Horizontal bars, one per row, with the value printed after each bar. */
export function barChart(bars: readonly Bar[], options: { max?: number; format: (v: number) => string; mark?: number }): string {
  const rowHeight = 18;
  const labelWidth = 190;
  const plotWidth = 420;
  const width = labelWidth + plotWidth + 90;
  const height = bars.length * rowHeight + 24;
  const max = Math.max(options.max ?? 0, options.mark ?? 0, ...bars.map((b) => b.value), 1e-9);
  const x = (v: number) => labelWidth + (Math.max(0, v) / max) * plotWidth;

  const rows = bars.map((b, i) => {
    const y = 4 + i * rowHeight;
    return `<g><title>${escapeXml(`${b.label}: ${options.format(b.value)}${b.note ? ` (${b.note})` : ''}`)}</title>` +
      `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${escapeXml(truncate(b.label, 30))}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${(x(b.value) - labelWidth).toFixed(1)}" height="${rowHeight - 5}" fill="${b.colour}"/>` +
      `<text x="${(x(b.value) + 4).toFixed(1)}" y="${y + 12}">${escapeXml(options.format(b.value))}</text></g>`;
  });
  const mark = options.mark === undefined ? '' :
    `<line x1="${x(options.mark).toFixed(1)}" x2="${x(options.mark).toFixed(1)}" y1="0" y2="${height - 18}" class="mark"/>` +
    `<text x="${x(options.mark).toFixed(1)}" y="${height - 6}" text-anchor="middle" class="axis">${escapeXml(options.format(options.mark))}</text>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${rows.join('')}${mark}</svg>`;
}

export interface Series {
  name: string;
  colour: string;
  values: readonly number[];
}

/** Stacked columns per category (a year), with an optional horizontal reference line. */
export function columnChart(
  categories: readonly string[],
  series: readonly Series[],
  options: { format: (v: number) => string; line?: { value: number; label: string } },
): string {
  const width = 640;
  const height = 260;
  const left = 70;
  const bottom = 40;
  const top = 16;
  const totals = categories.map((_, i) => series.reduce((s, ser) => s + Math.max(0, ser.values[i] ?? 0), 0));
  const max = Math.max(...totals, options.line?.value ?? 0, 1e-9) * 1.1;
  const plotHeight = height - bottom - top;
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const slot = (width - left - 10) / Math.max(1, categories.length);
  const barWidth = Math.min(60, slot * 0.6);

  const parts: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const v = (max / 4) * t;
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>` +
      `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="axis">${escapeXml(options.format(v))}</text>`);
  }
  categories.forEach((cat, i) => {
    const x0 = left + slot * i + (slot - barWidth) / 2;
    let base = 0;
    for (const ser of series) {
      const v = Math.max(0, ser.values[i] ?? 0);
      if (v > 0) {
        parts.push(`<rect x="${x0.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${barWidth.toFixed(1)}" ` +
          `height="${(y(base) - y(base + v)).toFixed(1)}" fill="${ser.colour}"><title>${escapeXml(`${cat} ${ser.name}: ${options.format(v)}`)}</title></rect>`);
      }
      base += v;
    }
    parts.push(`<text x="${(x0 + barWidth / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" class="axis">${escapeXml(cat)}</text>`);
  });
  if (options.line) {
    const ly = y(options.line.value).toFixed(1);
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${ly}" y2="${ly}" class="mark"/>` +
      `<text x="${width - 12}" y="${Number(ly) - 4}" text-anchor="end" class="mark-label">${escapeXml(options.line.label)}</text>`);
  }
  const legend = series.map((s, i) =>
    `<rect x="${left + i * 130}" y="${height - 14}" width="10" height="10" fill="${s.colour}"/>` +
    `<text x="${left + i * 130 + 14}" y="${height - 5}" class="axis">${escapeXml(s.name)}</text>`).join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${parts.join('')}${legend}</svg>`;
}

/** Escapes text for XML and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
