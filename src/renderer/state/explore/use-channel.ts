import { useEffect, useState } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/api/contract';
import { query } from './client';

export type ChannelState<T> = { loading: true } | { loading: false; value: T } | { loading: false; error: string };

/**
 * One backend call per distinct `key` (null: no call), its answer kept with the key it belongs to so a slow
 * answer to an earlier key never shows under a later one.
 */
export function useChannel<K extends Channel>(
  channel: K,
  request: RequestOf<K>,
  key: string | null,
): ChannelState<ResponseOf<K>> {
  const [state, setState] = useState<{ key: string; result: ChannelState<ResponseOf<K>> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    query(channel, request)
      .then((value) => live && setState({ key, result: { loading: false, value } }))
      .catch((err: Error) => live && setState({ key, result: { loading: false, error: err.message } }));
    return () => {
      live = false;
    };
    // The key stands for the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key]);
  return state && state.key === key ? state.result : { loading: true };
}
