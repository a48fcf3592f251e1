import { useState } from 'react';
import { actions } from '../state/actions';

/** No project yet: open an existing .claque file or create one (a path on the machine running Claque). */
export function ProjectPanel() {
  const [file, setFile] = useState('');
  const valid = file.trim().length > 0;
  return (
    <form className="card project-panel" onSubmit={(e) => e.preventDefault()}>
      <h2>Open a project</h2>
      <label>
        Project file
        <input value={file} onChange={(e) => setFile(e.target.value)} placeholder="/path/to/investigation.claque" />
      </label>
      <div className="row">
        <button type="button" disabled={!valid} onClick={() => void actions().openProject(file.trim(), false)}>
          Open
        </button>
        <button type="button" disabled={!valid} onClick={() => void actions().openProject(file.trim(), true)}>
          Create
        </button>
      </div>
    </form>
  );
}
