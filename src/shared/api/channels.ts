/**
 * The names of every backend channel, in one list with no dependencies, so the Electron preload can build
 * `window.claque` from it without bundling zod. contract.ts maps each name to its signature and schema.
 */
export const CHANNELS = [
  'project.open',
  'project.create',
  'project.info',
  'import.detect',
  'import.run',
  'job.cancel',
  'analysis.run',
  'analysis.get',
  'export.gexf',
  'export.csv',
  'export.report',
  'account.get',
  'cascade.get',
  'timeline.get',
  'community.get',
  'thread.get',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** The one event channel: progress of running jobs, pushed from the backend. */
export const EVENT_CHANNEL = 'claque:event';

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}
