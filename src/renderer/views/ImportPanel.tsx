import { isMappable, missingFields } from '../../shared/io/tables/column-mapping';
import { actions } from '../state/actions';
import { chooseFormat, openImport, setImportFile, setTimeZone } from '../state/importing/producers';
import { store, useAppState } from '../state/store';
import { bytes, count } from './format';
import { Imported } from './Imported';
import { MappingWizard } from './import/MappingWizard';
import { ProgressBar } from './ProgressBar';

/** The zones the browser knows, for the zone box's suggestions (the backend checks the one sent). */
const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Import: name a file, see its detected format and first rows, import with progress and cancel. */
export function ImportPanel() {
  const s = useAppState((st) => st.importing);
  const running = s.jobId !== null;
  const d = s.detection;
  const format = s.format ?? d?.format ?? '';
  // The mapping form is for tables the detector could not read as the chosen format: unrecognised files, or a
  // format picked by hand over the detected one. A recognised header needs no mapping.
  const mappable = isMappable(format) && d?.preview.kind === 'table' && (d.format === null || d.format !== format);
  const unmapped = mappable && isMappable(format) ? missingFields(format, s.mapping) : [];
  const fraction = s.progress && s.progress.totalBytes > 0 ? s.progress.bytes / s.progress.totalBytes : null;

  return (
    <section className="card import-panel" aria-label="Import">
      <header className="row">
        <h2>Import data</h2>
        <span className="spacer" />
        <button type="button" onClick={() => store.update('importing', openImport(false))} aria-label="Close import">
          ×
        </button>
      </header>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void actions().detect(s.file);
        }}
      >
        <label className="grow">
          File
          <input
            name="import-file"
            value={s.file}
            onChange={(e) => store.update('importing', setImportFile(e.target.value))}
            placeholder="/path/to/export.csv (on the machine running Claque)"
            disabled={running}
          />
        </label>
        <button type="submit" disabled={running || s.file.trim() === ''}>
          Detect
        </button>
        <label className="file-pick">
          {actions().transport === 'http' ? 'Upload a file…' : 'Choose a file…'}
          <input
            type="file"
            name="import-upload"
            disabled={running || s.uploading !== null}
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = '';
              if (picked) void actions().importLocalFile(picked);
            }}
          />
        </label>
      </form>
      <p className="hint">Or drop a file anywhere on the window.</p>
      {s.uploading && (
        <p data-testid="uploading">
          Sending{' '}
          <strong>
            <Imported text={s.uploading} />
          </strong>{' '}
          to Claque…
        </p>
      )}
      {d && (
        <div className="detection" data-testid="detection">
          {d.format ? (
            <p>
              Detected format: <strong data-testid="detected-format">{d.label}</strong> ({d.format}, confidence{' '}
              {Math.round(100 * d.confidence)} %)
            </p>
          ) : (
            <p className="error">
              <Imported text={d.reason} />
            </p>
          )}
          <label>
            Import as
            <select
              value={format}
              onChange={(e) => store.update('importing', chooseFormat(e.target.value || null))}
              disabled={running}
            >
              <option value="">— choose a format —</option>
              {d.formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <label title="Scrapers often write the collecting machine's local time with no zone; say which it was">
            Times without a zone are in
            <input
              name="import-time-zone"
              list="import-time-zones"
              value={s.timeZone}
              placeholder="UTC (e.g. Europe/Paris)"
              onChange={(e) => store.update('importing', setTimeZone(e.target.value))}
              disabled={running}
            />
            <datalist id="import-time-zones">
              {TIME_ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          {mappable && isMappable(format) ? (
            <MappingWizard format={format} preview={d.preview} mapping={s.mapping} disabled={running} />
          ) : (
            <Preview preview={d.preview} />
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={running || !format || unmapped.length > 0}
              onClick={() => void actions().runImport()}
            >
              Import
            </button>
            {running && (
              <button type="button" onClick={() => void actions().cancelJob(s.jobId)}>
                Cancel
              </button>
            )}
          </div>
        </div>
      )}
      {running && s.progress && (
        <div data-testid="import-progress">
          <ProgressBar
            fraction={fraction}
            label={
              s.progress.waiting
                ? `${s.progress.waiting[0].toUpperCase()}${s.progress.waiting.slice(1)}…`
                : `${count(s.progress.rows)} rows, ${bytes(s.progress.bytes)} of ${bytes(s.progress.totalBytes)}`
            }
          />
        </div>
      )}
      {s.error && (
        <p className="error" role="alert">
          <Imported text={s.error} />
        </p>
      )}
      {s.result && (
        <div className="import-result" data-testid="import-result">
          <p>
            {count(s.result.rowsRead)} rows read, {count(s.result.rowsImported)} imported, {count(s.result.rowsSkipped)}{' '}
            skipped in {(s.result.durationMs / 1000).toFixed(1)} s.
          </p>
          <p>
            Added <span data-testid="added-accounts">{count(s.result.added.accounts)}</span> accounts,{' '}
            {count(s.result.added.posts)} posts, {count(s.result.added.interactions)} interactions,{' '}
            {count(s.result.added.follows)} follows.
          </p>
          {s.result.leadingZeroIds && <p data-testid="leading-zero-ids">Note: {s.result.leadingZeroIds.message}.</p>}
          {s.result.zonelessTimes.rows > 0 && (
            <p data-testid="zoneless-times">
              {count(s.result.zonelessTimes.rows)} rows had times without a zone; they were read as{' '}
              {s.result.zonelessTimes.readAs}
              {s.result.zonelessTimes.readAs === 'UTC'
                ? ' (assumed). If the file holds a local time, import it again with its zone: working-shift hours depend on it.'
                : '.'}
            </p>
          )}
          <p data-testid="import-encoding">
            Text read as {s.result.encoding.note}.
            {s.result.encoding.invalidLines > 0 &&
              ` ${count(s.result.encoding.invalidLines)} lines hold bytes that are not valid ${s.result.encoding.name}` +
                ` (first: line ${s.result.encoding.firstInvalidLines.slice(0, 5).join(', ')}): ` +
                `${count(s.result.encoding.rowsSkipped)} rows skipped, ${count(s.result.encoding.linesReplaced)} lines kept with U+FFFD.`}
          </p>
          {s.result.errors.length > 0 && (
            <ul className="row-errors">
              {s.result.errors.slice(0, 50).map((e, i) => (
                <li key={i}>
                  <Imported text={s.result!.file} />:{e.line}: <Imported text={e.message} />
                </li>
              ))}
              {s.result.errorCount > 50 && <li>… {count(s.result.errorCount - 50)} more</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function Preview({
  preview,
}: {
  preview: NonNullable<ReturnType<typeof store.get>['importing']['detection']>['preview'];
}) {
  if (preview.kind === 'text') {
    return (
      <pre className="preview-text">
        <Imported text={preview.lines.join('\n')} />
      </pre>
    );
  }
  return (
    <div className="preview-table">
      <table>
        <thead>
          <tr>
            {preview.columns.map((c, i) => (
              <th key={i}>
                <Imported text={c} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (
                <td key={j}>
                  <Imported text={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
