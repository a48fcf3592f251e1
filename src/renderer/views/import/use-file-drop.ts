import { useEffect } from 'react';
import { actions } from '../../state/actions';
import { store } from '../../state/store';

/**
 * Files dropped anywhere on the window are imported into the open project (detected first, shown in the import
 * panel). Without this, Chromium and Electron would navigate to a dropped file; the window never navigates.
 */
export function useFileDrop(): void {
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = store.get().project.file ? 'copy' : 'none';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file && store.get().project.file && store.get().importing.jobId === null) {
        void actions().importLocalFile(file);
      }
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
