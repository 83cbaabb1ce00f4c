// Export of the map as SVG or PNG: the picture as drawn, with its legend and a title.
import { LEGEND_SIZE, legendSvg } from './legend.js';

/** Downloads the current map as an SVG file. */
export function exportSvg(map, title, fileName) {
  const svg = composedSvg(map, title);
  download(new Blob([svg.text], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

/** Downloads the current map as a PNG at twice the screen's resolution. */
export async function exportPng(map, title, fileName) {
  const { text, width, height } = composedSvg(map, title);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error('the map could not be rendered to PNG'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    download(blob, `${fileName}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The map as standalone SVG text. A canvas map is embedded as an image of itself; an
 * SVG map is cloned with fonts and the label halo written in, since the page's
 * stylesheet does not travel with the file.
 */
export function composedSvg(map, title) {
  const node = map.node();
  const width = node.clientWidth || Number(node.getAttribute('width'));
  const height = node.clientHeight || Number(node.getAttribute('height'));
  const ns = 'http://www.w3.org/2000/svg';
  const out = document.createElementNS(ns, 'svg');
  out.setAttribute('xmlns', ns);
  out.setAttribute('width', width);
  out.setAttribute('height', height);
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const style = document.createElementNS(ns, 'style');
  style.textContent = EXPORT_CSS;
  out.append(style);

  if (map.kind === 'svg') {
    for (const child of node.childNodes) out.append(child.cloneNode(true));
    out.querySelectorAll('.link-hits').forEach((g) => g.remove());
  } else {
    map.renderNow?.();
    const image = document.createElementNS(ns, 'image');
    image.setAttribute('href', node.toDataURL('image/png'));
    image.setAttribute('width', width);
    image.setAttribute('height', height);
    out.append(image);
  }

  const heading = document.createElementNS(ns, 'text');
  heading.setAttribute('x', 14);
  heading.setAttribute('y', 22);
  heading.setAttribute('class', 'export-title');
  heading.textContent = title;
  out.append(heading);
  const legend = legendSvg();
  legend.setAttribute('transform', `translate(10,${height - LEGEND_SIZE.height - 10})`);
  out.append(legend);
  return { text: new XMLSerializer().serializeToString(out), width, height };
}

const EXPORT_CSS = `
text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.label { font-size: 10px; fill: #1f2a37; paint-order: stroke; stroke: #fbfcfd; stroke-width: 3px; }
.label.cut-off { fill: #c0131b; font-weight: 700; }
.halo-label { font-size: 11px; font-weight: 700; }
.symbol-text { font-size: 9px; font-weight: 700; fill: #fff; text-anchor: middle; }
.symbol-text.dark { fill: #334155; font-size: 11px; }
.down-mark { font-size: 13px; font-weight: 700; }
.export-title { font-size: 15px; font-weight: 700; fill: #1f2a37; }
.legend-title { font-size: 11px; font-weight: 700; fill: #1f2a37; }
.legend text { font-size: 10px; fill: #334155; }
`;

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
