/**
 * A file the user picked or dropped, as a path the backend can read. In Electron the preload gives the file's
 * own path (webUtils.getPathForFile); in browser mode the page cannot know paths, so the bytes are streamed to
 * the server's `POST /upload`, which answers with where it stored them (src/main/server/upload.ts).
 */
import type { ClaqueBridge, Envelope } from '../../shared/api/contract';

type Bridge = ClaqueBridge & { pathForFile?: (file: File) => string };

export async function backendPathFor(file: File): Promise<string> {
  const bridge = window.claque as Bridge | undefined;
  const local = bridge?.pathForFile?.(file);
  if (local) return local;
  if (bridge) throw new Error(`${file.name}: has no path on disk; save it to a file first`);
  let response: Response;
  try {
    response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new Error(`${file.name}: upload failed: ${(err as Error).message}`);
  }
  const envelope = (await response.json().catch(() => null)) as Envelope<{ file: string }> | null;
  if (!envelope) throw new Error(`${file.name}: upload failed (HTTP ${response.status})`);
  if (!envelope.ok) throw new Error(`${file.name}: ${envelope.error.message}`);
  return envelope.value.file;
}
