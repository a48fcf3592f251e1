import type { ProjectState } from '../../../shared/api/contract';

export interface ProjectSlice {
  file: string | null;
  info: ProjectState['info'];
  error: string | null;
  loading: boolean;
  /** The open/create form is showing (always, while no project is open). */
  choosing: boolean;
}

export const initialProject: ProjectSlice = { file: null, info: null, error: null, loading: true, choosing: false };

export const projectLoaded =
  (project: ProjectState) =>
  (s: ProjectSlice): ProjectSlice => ({
    ...s,
    file: project.file,
    info: project.info,
    error: null,
    loading: false,
    choosing: false,
  });

export const projectFailed =
  (message: string) =>
  (s: ProjectSlice): ProjectSlice => ({ ...s, error: message, loading: false });

export const chooseProject =
  (choosing: boolean) =>
  (s: ProjectSlice): ProjectSlice => ({ ...s, choosing });
