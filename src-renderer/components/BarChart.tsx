export interface Bar {
  key: string | number;
  value: number;
  /** Under the bar, shown every `tickEvery` bars (dd/mm, an hour). */
  tick: string;
  /** The bar's full words: its tooltip (<title>) and its row in the table screen readers get. */
  title: string;
}

const W = 600;
const H = 170;
const LEFT = 72;
const BOTTOM = 22;
const TOP = 8;

/**
 * A bar chart as inline SVG (no chart library: a few rects are all the dashboard needs, and the
 * admin bundle stays small). Accessible twice over: each bar has a <title>, and the numbers are
 * also a visually-hidden table, which is what a screen reader reads instead of the picture.
 */
export function BarChart({ label, bars, max: maxLabel, tickEvery = 1, caption, columns }: {
  /** The figure's name (its region's accessible name). */
  label: string;
  bars: Bar[];
  /** The top of the scale in words (e.g. "৳1,200"), for the one y-axis label. */
  max: (value: number) => string;
  tickEvery?: number;
  caption?: string;
  /** The hidden table's column headings: what a bar is, and its value. */
  columns: [string, string];
}) {
  const top = Math.max(1, ...bars.map((b) => b.value));
  const plotW = W - LEFT;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / Math.max(1, bars.length);
  const gap = Math.min(4, slot * 0.2);
  return (
    <figure className="chart" aria-label={label}>
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
        <line className="axis" x1={LEFT} y1={TOP + plotH} x2={W} y2={TOP + plotH} />
        <line className="axis" x1={LEFT} y1={TOP} x2={LEFT} y2={TOP + plotH} />
        <text x={LEFT - 6} y={TOP + 10} textAnchor="end">
          {maxLabel(top)}
        </text>
        <text x={LEFT - 6} y={TOP + plotH} textAnchor="end">
          {maxLabel(0)}
        </text>
        {bars.map((b, i) => {
          const h = (b.value / top) * plotH;
          const x = LEFT + i * slot + gap / 2;
          return (
            <g key={b.key}>
              {/* Even an empty bar keeps a sliver, so its tooltip can still be found by hovering. */}
              <rect className="bar" x={x} y={TOP + plotH - Math.max(h, 1)} width={Math.max(1, slot - gap)} height={Math.max(h, 1)}>
                <title>{b.title}</title>
              </rect>
              {i % tickEvery === 0 ? (
                <text x={x + (slot - gap) / 2} y={H - 6} textAnchor="middle">
                  {b.tick}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <td>{b.tick}</td>
              <td>{b.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {caption ? <figcaption className="muted small">{caption}</figcaption> : null}
    </figure>
  );
}
