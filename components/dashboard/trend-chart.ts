// One trend chart with uPlot. Loaded on demand by the trends section only (a dynamic import), so
// the other dashboard sections do not load the chart library. Nulls are gaps: uPlot does not
// join across them (spanGaps is off by default).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSpec {
  /** Month labels for the x axis, oldest first. */
  labels: string[];
  values: (number | null)[];
  /** Drawn as a dashed line; null without a target. */
  target: number | null;
  label: string;
  targetLabel: string;
  format(v: number): string;
}

export function drawChart(host: HTMLElement, spec: ChartSpec): { destroy(): void } {
  const css = getComputedStyle(host);
  const ink = css.getPropertyValue('--ink').trim() || '#1f2933';
  const accent = css.getPropertyValue('--accent').trim() || '#0f766e';
  const bad = css.getPropertyValue('--bad').trim() || '#b91c1c';
  const x = spec.labels.map((_, i) => i);
  const data: uPlot.AlignedData = [x, spec.values, spec.labels.map(() => spec.target)];
  const width = () => Math.max(280, host.clientWidth);
  const plot = new uPlot({
    width: width(), height: 180, legend: { show: false }, cursor: { show: false },
    scales: { x: { time: false } },
    axes: [
      // Every month gets a tick; in a narrow chart only every second or third one its label.
      { stroke: ink, splits: () => x, grid: { show: false },
        values: (u, ticks) => { const step = Math.max(1, Math.ceil((spec.labels.length * 40) / u.width)); return ticks.map((i) => (i % step === 0 ? spec.labels[i] ?? '' : '')); } },
      { stroke: ink, values: (_u, ticks) => ticks.map((v) => spec.format(v)), size: 56 },
    ],
    series: [
      {},
      { label: spec.label, stroke: accent, width: 2, points: { show: true, size: 6 } },
      { label: spec.targetLabel, stroke: bad, width: 1, dash: [6, 4], points: { show: false }, show: spec.target !== null },
    ],
  }, data, host);
  const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 180 }));
  resize.observe(host);
  return { destroy() { resize.disconnect(); plot.destroy(); } };
}
