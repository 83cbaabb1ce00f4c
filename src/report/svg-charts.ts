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

export interface BarOptions {
  max?: number;
  format: (v: number) => string;
  /** A dashed vertical line at this value (a target or 100%). */
  mark?: number;
}

/** Horizontal bars, one per row, with the value printed after each bar. */
export function barChart(bars: readonly Bar[], options: BarOptions): string {
  const rowHeight = 18;
  const labelWidth = 190;
  const plotWidth = 420;
  const width = labelWidth + plotWidth + 90;
  const height = bars.length * rowHeight + 24;
  const max = Math.max(options.max ?? 0, options.mark ?? 0, ...bars.map((b) => b.value), 1e-9);
  const x = (v: number) => labelWidth + (Math.max(0, v) / max) * plotWidth;

  const rows = bars.map((b, i) => {
    const y = 4 + i * rowHeight;
    const value = options.format(b.value);
    const title = `${b.label}: ${value}${b.note ? ` (${b.note})` : ''}`;
    return el('g', {}, [
      el('title', {}, esc(title)),
      el('text', { x: labelWidth - 6, y: y + 12, 'text-anchor': 'end' },
        esc(truncate(b.label, 30))),
      el('rect', {
        x: labelWidth, y: y + 2, width: x(b.value) - labelWidth, height: rowHeight - 5,
        fill: b.colour,
      }),
      el('text', { x: x(b.value) + 4, y: y + 12 }, esc(value)),
    ]);
  });
  if (options.mark !== undefined) {
    const mx = x(options.mark);
    rows.push(
      el('line', { x1: mx, x2: mx, y1: 0, y2: height - 18, class: 'mark' }),
      el('text', { x: mx, y: height - 6, 'text-anchor': 'middle', class: 'axis' },
        esc(options.format(options.mark))),
    );
  }
  return svg(width, height, rows);
}

export interface Series {
  name: string;
  colour: string;
  values: readonly number[];
}

export interface ColumnOptions {
  format: (v: number) => string;
  /** A dashed horizontal line across the chart, with its label. */
  line?: { value: number; label: string };
}

/** Stacked columns per category (a year), with an optional horizontal reference line. */
export function columnChart(
  categories: readonly string[],
  series: readonly Series[],
  options: ColumnOptions,
): string {
  const width = 640;
  const height = 260;
  const left = 70;
  const bottom = 40;
  const top = 16;
  const valueAt = (ser: Series, i: number) => Math.max(0, ser.values[i] ?? 0);
  const totals = categories.map((_, i) => series.reduce((s, ser) => s + valueAt(ser, i), 0));
  const max = Math.max(...totals, options.line?.value ?? 0, 1e-9) * 1.1;
  const plotHeight = height - bottom - top;
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const slot = (width - left - 10) / Math.max(1, categories.length);
  const barWidth = Math.min(60, slot * 0.6);
  const parts: string[] = [];

  // Grid lines with their values
  for (let t = 0; t <= 4; t++) {
    const v = (max / 4) * t;
    parts.push(
      el('line', { x1: left, x2: width - 10, y1: y(v), y2: y(v), class: 'grid' }),
      el('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' },
        esc(options.format(v))),
    );
  }

  // One stacked column per category
  categories.forEach((cat, i) => {
    const x0 = left + slot * i + (slot - barWidth) / 2;
    let base = 0;
    for (const ser of series) {
      const v = valueAt(ser, i);
      if (v > 0) {
        parts.push(el('rect', {
          x: x0, y: y(base + v), width: barWidth, height: y(base) - y(base + v), fill: ser.colour,
        }, el('title', {}, esc(`${cat} ${ser.name}: ${options.format(v)}`))));
      }
      base += v;
    }
    parts.push(el('text', {
      x: x0 + barWidth / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis',
    }, esc(cat)));
  });

  if (options.line) {
    const ly = y(options.line.value);
    parts.push(
      el('line', { x1: left, x2: width - 10, y1: ly, y2: ly, class: 'mark' }),
      el('text', { x: width - 12, y: ly - 4, 'text-anchor': 'end', class: 'mark-label' },
        esc(options.line.label)),
    );
  }
  series.forEach((s, i) => parts.push(
    el('rect', { x: left + i * 130, y: height - 14, width: 10, height: 10, fill: s.colour }),
    el('text', { x: left + i * 130 + 14, y: height - 5, class: 'axis' }, esc(s.name)),
  ));
  return svg(width, height, parts);
}

/** Escapes text for XML and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const esc = escapeXml;

/** One element; numbers are written with one decimal at most, children as given. */
function el(tag: string, attrs: Record<string, string | number>, children: string | string[] = '') {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? Number(v.toFixed(1)) : esc(v)}"`)
    .join('');
  const body = Array.isArray(children) ? children.join('') : children;
  return body === '' ? `<${tag}${attributes}/>` : `<${tag}${attributes}>${body}</${tag}>`;
}

function svg(width: number, height: number, parts: string[]): string {
  return el('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
  }, parts);
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
