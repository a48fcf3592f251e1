/** A progress bar that is honest about not knowing: indeterminate when there is no fraction. */
export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  return (
    <span className="progress">
      {fraction === null ? <progress aria-label={label} /> : <progress aria-label={label} value={fraction} max={1} />}
      <span className="progress-label">{label}</span>
    </span>
  );
}
