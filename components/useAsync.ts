import { useCallback, useEffect, useState } from 'preact/hooks';

/** Loads data once and on `reload()`; keeps the last error for the UI to show. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => setState({ data, loading: false }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e), loading: false }),
    );
  }, deps);
  useEffect(reload, [reload]);
  return { ...state, reload };
}
