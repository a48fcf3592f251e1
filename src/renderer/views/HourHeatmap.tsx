const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * 7 × 24 grid of activity counts (Monday 00:00 UTC first), shaded on a square-root scale so quiet hours stay
 * visible next to busy ones; a ring that works shifts shows as a block of dark hours.
 */
export function HourHeatmap({ counts }: { counts: number[] }) {
  const max = Math.max(1, ...counts);
  return (
    <div className="heatmap" role="img" aria-label="Hour-of-week activity heatmap" data-testid="heatmap">
      <span />
      {Array.from({ length: 24 }, (_, h) => (
        <span key={h} className="hour-label">
          {h % 6 === 0 ? h : ''}
        </span>
      ))}
      {DAYS.map((day, d) => (
        <Row key={day} day={day} cells={counts.slice(d * 24, d * 24 + 24)} max={max} />
      ))}
    </div>
  );
}

function Row({ day, cells, max }: { day: string; cells: number[]; max: number }) {
  return (
    <>
      <span className="day-label">{day}</span>
      {cells.map((n, h) => (
        <span
          key={h}
          className="cell"
          title={`${day} ${String(h).padStart(2, '0')}:00 UTC: ${n}`}
          style={{ background: `rgba(198, 40, 40, ${n === 0 ? 0.04 : 0.12 + 0.88 * Math.sqrt(n / max)})` }}
        />
      ))}
    </>
  );
}
