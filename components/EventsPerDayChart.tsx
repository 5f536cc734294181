export type DayCount = { day: string; events: number };

/** At most this many days, the most recent, so bars stay wide enough to read. */
const MAX_DAYS = 90;
const WIDTH = 720;
const HEIGHT = 200;
const LEFT = 48;
const BOTTOM = 28;
const TOP = 12;

const number = new Intl.NumberFormat('en');

/** Every day from the first to the last, with the days nobody recorded as zero. */
export function fillDays(counts: readonly DayCount[]): DayCount[] {
  if (counts.length === 0) return [];
  const byDay = new Map(counts.map((row) => [row.day, row.events]));
  const sorted = [...byDay.keys()].sort();
  const last = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const first = Math.max(Date.parse(`${sorted[0]}T00:00:00Z`), last - (MAX_DAYS - 1) * 86_400_000);
  const days: DayCount[] = [];
  for (let t = first; t <= last; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, events: byDay.get(day) ?? 0 });
  }
  return days;
}

function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** Events per day (UTC) as plain SVG bars, each with a title, and the same data as a table. */
export function EventsPerDayChart({ counts }: { counts: readonly DayCount[] }) {
  const days = fillDays(counts);
  if (days.length === 0) {
    return <p class="muted">No events uploaded yet: the chart appears with the first upload.</p>;
  }
  const max = Math.max(1, ...days.map((d) => d.events));
  const plotW = WIDTH - LEFT - 8;
  const plotH = HEIGHT - TOP - BOTTOM;
  const slot = plotW / days.length;
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const total = days.reduce((sum, d) => sum + d.events, 0);
  const busiest = days.reduce((best, d) => (d.events > best.events ? d : best));
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="chart-title">Events per day</title>
        <desc id="chart-desc">
          {`${number.format(total)} events over ${days.length} ${days.length === 1 ? 'day' : 'days'}, from ${shortDay(days[0]!.day)} to ${shortDay(days[days.length - 1]!.day)}; the busiest day was ${shortDay(busiest.day)} with ${number.format(busiest.events)}.`}
        </desc>
        <line class="axis" x1={LEFT} x2={WIDTH - 8} y1={TOP + plotH} y2={TOP + plotH} />
        <line class="gridline" x1={LEFT} x2={WIDTH - 8} y1={TOP} y2={TOP} />
        <text class="tick" x={LEFT - 6} y={TOP + 4} text-anchor="end">
          {number.format(max)}
        </text>
        <text class="tick" x={LEFT - 6} y={TOP + plotH + 4} text-anchor="end">
          0
        </text>
        {days.map((d, i) => {
          const h = (d.events / max) * plotH;
          const x = LEFT + i * slot + (slot - barW) / 2;
          return (
            <g key={d.day}>
              <rect class="bar" x={x} y={TOP + plotH - h} width={barW} height={h} rx={2}>
                <title>{`${shortDay(d.day)}: ${number.format(d.events)} events`}</title>
              </rect>
              {(i % labelEvery === 0 || i === days.length - 1) && (
                <text class="tick" x={x + barW / 2} y={HEIGHT - 8} text-anchor="middle">
                  {shortDay(d.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="muted small">Days in UTC, by the time each event happened.</figcaption>
      <details>
        <summary>Show as a table</summary>
        <table class="data">
          <caption class="visually-hidden">Events per day</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col" class="num">
                Events
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td class="num">{number.format(d.events)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
