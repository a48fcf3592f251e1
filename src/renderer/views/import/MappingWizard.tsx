import type { Preview } from '../../../shared/api/contract';
import { MAPPABLE_FORMATS, missingFields, type MappableFormat } from '../../../shared/io/tables/column-mapping';
import { showBidiControls } from '../../../shared/io/visible-controls';
import { setMapping } from '../../state/importing/producers';
import { store } from '../../state/store';
import { Imported } from '../Imported';

/**
 * Which column holds each canonical field, for a table Claque cannot read by its header alone. The preview
 * below marks the chosen columns with their field so the user sees the first rows under each name.
 */
export function MappingWizard({
  format,
  preview,
  mapping,
  disabled,
}: {
  format: MappableFormat;
  preview: Preview;
  mapping: Record<string, string>;
  disabled: boolean;
}) {
  if (preview.kind !== 'table') return null;
  const missing = missingFields(format, mapping);
  const fieldOf = new Map(Object.entries(mapping).map(([field, column]) => [column, field]));
  return (
    <fieldset className="mapping" data-testid="mapping-wizard">
      <legend>Columns</legend>
      <div className="mapping-grid">
        {MAPPABLE_FORMATS[format].map((f) => (
          <label key={f.field} title={f.help}>
            <span>
              {f.field}
              {f.required ? ' *' : ''}
            </span>
            <select
              name={`map-${f.field}`}
              value={mapping[f.field] ?? ''}
              disabled={disabled}
              onChange={(e) => store.update('importing', setMapping(f.field, e.target.value || null))}
            >
              <option value="">—</option>
              {preview.columns.map((c) => (
                <option key={c} value={c}>
                  {showBidiControls(c)}
                </option>
              ))}
            </select>
            <small>{f.help}</small>
          </label>
        ))}
      </div>
      {missing.length > 0 && (
        <p className="error" data-testid="mapping-missing">
          Choose a column for {missing.join(', ')}.
        </p>
      )}
      <div className="preview-table">
        <table>
          <thead>
            <tr>
              {preview.columns.map((c, i) => (
                <th key={i} className={fieldOf.has(c) ? 'mapped' : undefined}>
                  <Imported text={c} />
                  {fieldOf.has(c) && <span className="mapped-as"> → {fieldOf.get(c)}</span>}
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
    </fieldset>
  );
}
