import { useEffect, useRef, useState } from 'react';

export interface Fetched<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * What `load` answers for `key`, fetched again when the key changes; an answer for an older key is
 * dropped. The public forms' own few reads, without a query cache in their first download.
 */
export function useFetched<T>(key: string, load: () => Promise<T>): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ loading: true });
  const latest = useRef(load);
  latest.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names what `load` fetches; `load` is a new function each render.
  useEffect(() => {
    let current = true;
    setState({ loading: true });
    latest.current().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
