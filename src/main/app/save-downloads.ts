/**
 * Files the page saves itself — the graph as PNG, the meta-graph GEXF, any other download it starts — reach
 * Electron as downloads, which Chromium would save through its own dialog straight over whatever file the user
 * picks, the open project included. Here each download is given our save dialog, the same target check as every
 * other export (export/safe-write.ts: never over a project, its -wal/-shm or any SQLite file) and the same
 * temporary-file-and-rename, so a refused export says why in words and a failed one leaves no half file.
 *
 * Electron reads the save path as soon as `will-download` returns, so the dialog here is the synchronous one.
 * Only Electron's types are imported: the test drives this with stand-ins for the session, item and dialog.
 */
import type { DownloadItem, FileFilter, Session } from 'electron';
import { rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { beginExport, checkExportTarget, ExportError, type PendingExport } from '../export/safe-write';

/** What the handler needs from the shell, so that it stays testable without Electron. */
export interface DownloadShell {
  /** Our save dialog; the chosen path, or undefined when the user cancelled. */
  askPath(options: { title: string; defaultPath: string; filters: FileFilter[] }): string | undefined;
  showError(title: string, message: string): void;
  /** The open project (null when none): no download may be saved over it. */
  projectFile(): string | null;
  /** Where the dialog opens (the user's Downloads folder). */
  defaultFolder(): string;
}

/** The parts of Electron's DownloadItem used here. */
export type DownloadLike = Pick<DownloadItem, 'getFilename' | 'setSavePath' | 'getSavePath' | 'once'>;

const KNOWN: Record<string, string> = {
  png: 'PNG image',
  svg: 'SVG image',
  gexf: 'GEXF graph',
  graphml: 'GraphML graph',
  csv: 'CSV table',
  json: 'JSON',
  html: 'HTML report',
};

function filtersFor(fileName: string): FileFilter[] {
  const ext = extname(fileName).slice(1).toLowerCase();
  const all = { name: 'All files', extensions: ['*'] };
  return KNOWN[ext] ? [{ name: KNOWN[ext], extensions: [ext] }, all] : [all];
}

/** Handles one `will-download`: choose, check, save to a temporary file, rename once it is complete. */
export function saveDownload(event: { preventDefault(): void }, item: DownloadLike, shell: DownloadShell): void {
  const suggested = basename(item.getFilename() || 'download');
  const chosen = shell.askPath({
    title: 'Export',
    defaultPath: join(shell.defaultFolder(), suggested),
    filters: filtersFor(suggested),
  });
  if (!chosen) {
    event.preventDefault(); // cancels the download
    return;
  }
  let pending: PendingExport;
  try {
    pending = beginExport(chosen, { protect: [shell.projectFile()], createTemp: false });
  } catch (err) {
    event.preventDefault();
    shell.showError(err instanceof ExportError && err.refused ? 'Export refused' : 'Export failed', message(err));
    return;
  }
  item.setSavePath(pending.temp);
  item.once('done', (_event, state) => {
    if (state !== 'completed') {
      // What Chromium had written, under our name or its intermediate one beside it.
      pending.discard();
      rmSync(`${pending.temp}.crdownload`, { force: true });
      if (state === 'interrupted') {
        shell.showError(
          'Export failed',
          `${chosen}: the download was interrupted; nothing was saved and any file already there is unchanged`,
        );
      }
      return;
    }
    try {
      // A project opened while the file was being written is protected too.
      checkExportTarget(chosen, { protect: [shell.projectFile()] });
      pending.commit();
    } catch (err) {
      pending.discard();
      shell.showError(err instanceof ExportError && err.refused ? 'Export refused' : 'Export failed', message(err));
    }
  });
}

/** Routes every download of `session` through saveDownload; returns the function that stops it. */
export function handleDownloads(session: Pick<Session, 'on' | 'off'>, shell: DownloadShell): () => void {
  const listener = (event: Electron.Event, item: DownloadItem) => saveDownload(event, item, shell);
  session.on('will-download', listener);
  return () => session.off('will-download', listener);
}

const message = (err: unknown) => (err as Error)?.message ?? String(err);
