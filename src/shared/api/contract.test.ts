import { describe, expect, it } from 'vitest';
import { CHANNELS, parseRequest, REQUEST_SCHEMAS } from './contract';

describe('API contract', () => {
  it('has a schema for every channel and no schema without a channel', () => {
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...CHANNELS].sort());
  });

  it('accepts well-formed requests and strips nothing silently', () => {
    expect(parseRequest('import.run', { jobId: 'a-1', file: '/d/x.csv', mapping: { account_id: 'user' } })).toEqual({
      ok: true,
      value: { jobId: 'a-1', file: '/d/x.csv', mapping: { account_id: 'user' } },
    });
    expect(parseRequest('project.info', undefined)).toEqual({ ok: true, value: {} });
  });

  it('names each bad field in the error', () => {
    const r = parseRequest('analysis.run', { jobId: 'x', parameters: { graph: 'nope', resolution: 0, seed: 1.5 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_request');
      for (const field of ['parameters.graph', 'parameters.resolution', 'parameters.seed'])
        expect(r.error.message).toContain(field);
    }
    expect(parseRequest('project.open', { file: 'a\0b' }).ok).toBe(false);
    expect(parseRequest('export.csv', { table: 'secrets' }).ok).toBe(false);
    expect(parseRequest('job.cancel', { jobId: 'x'.repeat(65) }).ok).toBe(false);
  });
});
