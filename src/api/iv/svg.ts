/**
 * I-V curves as one self-contained SVG image: any browser opens it, the Node-RED debug
 * sidebar shows it as text, a File node saves it, an HTTP Response node serves it. No
 * dashboard or chart library needed.
 */

export interface SvgCurve {
  current: number[];
  voltage: number[];
  /** Legend text, e.g. "Inverter-1 PV3". */
  label: string;
  /** Fault name shown after the label; null for a normal string. */
  fault?: string | null;
}

export interface SvgOptions {
  title?: string;
  width?: number;
  height?: number;
}

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

/** A "nice" axis step (1, 2 or 5 times a power of ten) giving about five ticks. */
function step(max: number): number {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) as number;
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** One polyline per curve (voltage on x, current on y), axes with ticks, and a legend. */
export function ivCurvesSvg(curves: readonly SvgCurve[], opts: SvgOptions = {}): string {
  const width = opts.width ?? 900;
  const columns = curves.length > 12 ? 2 : 1;
  const legendRows = Math.ceil(curves.length / columns) + 1;
  const plotH = (opts.height ?? 520) - 90;
  const height = plotH + 90 + legendRows * 16;
  const left = 60;
  const top = 40;
  const plotW = width - left - 30;
  const vMax = Math.max(1, ...curves.flatMap((c) => c.voltage));
  const iMax = Math.max(0.1, ...curves.flatMap((c) => c.current));
  const vStep = step(vMax);
  const iStep = step(iMax);
  const vTop = Math.ceil(vMax / vStep) * vStep;
  const iTop = Math.ceil(iMax / iStep) * iStep;
  const x = (v: number): number => left + (v / vTop) * plotW;
  const y = (i: number): number => top + plotH - (i / iTop) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 ` +
      `0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" ` +
      `font-weight="bold">${escapeXml(opts.title ?? 'I-V curves')}</text>`,
  );
  for (let v = 0; v <= vTop + 1e-9; v += vStep) {
    out.push(`<line x1="${fmt(x(v))}" y1="${top}" x2="${fmt(x(v))}" y2="${top + plotH}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${fmt(x(v))}" y="${top + plotH + 16}" text-anchor="middle">${fmt(v)}</text>`);
  }
  for (let i = 0; i <= iTop + 1e-9; i += iStep) {
    out.push(`<line x1="${left}" y1="${fmt(y(i))}" x2="${left + plotW}" y2="${fmt(y(i))}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${left - 6}" y="${fmt(y(i) + 4)}" text-anchor="end">${fmt(i)}</text>`);
  }
  out.push(`<path d="M${left},${top}V${top + plotH}H${left + plotW}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${left + plotW / 2}" y="${top + plotH + 34}" text-anchor="middle">Voltage (V)</text>`);
  out.push(
    `<text x="16" y="${top + plotH / 2}" text-anchor="middle" transform="rotate(-90 ` +
      `16 ${top + plotH / 2})">Current (A)</text>`,
  );
  curves.forEach((c, k) => {
    const color = PALETTE[k % PALETTE.length];
    const n = Math.min(c.current.length, c.voltage.length);
    const pts: string[] = [];
    for (let p = 0; p < n; p++) pts.push(`${fmt(x(c.voltage[p]))},${fmt(y(c.current[p]))}`);
    const dash = c.fault ? ' stroke-dasharray="6 3"' : '';
    out.push(
      `<polyline fill="none" stroke="${color}" stroke-width="1.5"${dash} ` +
        `points="${pts.join(' ')}"><title>${escapeXml(c.label)}</title></polyline>`,
    );
    const rows = legendRows - 1;
    const lx = left + Math.floor(k / rows) * Math.floor(plotW / columns);
    const ly = top + plotH + 52 + (k % rows) * 16;
    out.push(`<rect x="${lx}" y="${ly - 9}" width="14" height="4" fill="${color}"/>`);
    out.push(`<text x="${lx + 20}" y="${ly - 3}">${escapeXml(c.label + (c.fault ? ` — ${c.fault}` : ''))}</text>`);
  });
  if (curves.some((c) => c.fault)) {
    out.push(
      `<text x="${left}" y="${top + plotH + 52 + (legendRows - 1) * 16 - 3}" fill="#555">Dashed: ` +
        `strings the diagnosis reports a fault for.</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
