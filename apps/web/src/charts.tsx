import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

/** One point of a chart: the bucket's start (ISO instant) and its value (null: no samples). */
export interface Point {
  start: string;
  value: number | null | undefined;
}

interface ChartProps {
  /** For tests and assistive tech: what the chart shows. */
  label: string;
  testId: string;
  points: Point[];
  kind: 'bars' | 'line';
  /** Drawn as a dashed line across the chart (the goal). */
  goal?: number | null;
  unit?: string;
  height?: number;
  /** The calendar the buckets follow (the user's zone), for the day labels. */
  timeZone?: string;
}

/**
 * A uPlot chart that follows its container's width (phones included). Buckets are local days: the
 * x axis shows each bucket's day as the API reported it.
 */
export function Chart({
  label,
  testId,
  points,
  kind,
  goal,
  unit = '',
  height = 180,
  timeZone = 'UTC',
}: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const withData = points.filter((p) => p.value != null && p.value !== 0).length;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // x: the bucket's index; labels: the bucket's day on the user's calendar.
    const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone });
    const xs = points.map((_, i) => i);
    const ys = points.map((p) => (p.value == null ? null : p.value));
    const labels = points.map((p) => dayFormat.format(new Date(p.start)));
    const series: uPlot.Series[] = [
      {},
      {
        label,
        stroke: kind === 'bars' ? '#2f6fde' : '#d9480f',
        fill: kind === 'bars' ? 'rgba(47, 111, 222, 0.55)' : undefined,
        width: kind === 'bars' ? 1 : 2,
        spanGaps: true,
        points: { show: kind === 'line' },
        paths: kind === 'bars' ? uPlot.paths.bars!({ size: [0.7, 40] }) : undefined,
        value: (_u, v) => (v == null ? '–' : `${Math.round(v * 10) / 10} ${unit}`),
      },
    ];
    const data: uPlot.AlignedData = [xs, ys];
    if (goal != null) {
      series.push({ label: 'Goal', stroke: '#2b8a3e', dash: [6, 4], width: 2, points: { show: false } });
      data.push(xs.map(() => goal));
    }
    const values = [...ys.filter((y): y is number => y != null), ...(goal != null ? [goal] : [])];
    const max = values.length > 0 ? Math.max(...values) : 1;
    const min = values.length > 0 ? Math.min(...values) : 0;
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 240),
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false, range: [-0.5, Math.max(points.length - 0.5, 0.5)] },
          y: {
            range:
              kind === 'bars'
                ? [0, max * 1.1 || 1]
                : [min - (max - min) * 0.2 - 1, max + (max - min) * 0.2 + 1],
          },
        },
        axes: [
          {
            values: (_u, splits) => splits.map((i) => labels[Math.round(i)] ?? ''),
            space: 44,
          },
          { size: 60 },
        ],
        series,
      },
      data,
      element,
    );
    const observer = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(element.clientWidth, 240), height }),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [points, kind, goal, label, unit, height, timeZone]);

  return (
    <figure
      className="chart"
      data-testid={testId}
      data-points={points.length}
      data-with-data={withData}
      data-sum={points.reduce((sum, p) => sum + (p.value ?? 0), 0)}
    >
      <figcaption>{label}</figcaption>
      {withData === 0 && <p className="state empty">No samples in this period yet.</p>}
      <div ref={container} role="img" aria-label={label} />
    </figure>
  );
}
