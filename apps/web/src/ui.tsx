import { ApiError, type ApiErrorDetail, type Document } from '@fitness/client';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { client, describeError } from './api';

export type Loaded<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown }
  /** `partial`: fields that failed (a FORBIDDEN field, a subgraph that is down) beside the data. */
  | { status: 'ok'; data: T; error?: undefined; partial: ApiErrorDetail[] };

/**
 * Runs a query when the component mounts and whenever `key` changes; `reload` runs it again
 * (after a mutation) without going back to the loading state. Errors of single fields (with a
 * path) keep the rest of the data, as GraphQL means them to: the view shows it with a note.
 */
export function useQuery<TResult, TVariables>(
  document: Document<TResult, TVariables>,
  variables: TVariables,
  key = '',
): Loaded<TResult> & { reload: () => Promise<void> } {
  const [state, setState] = useState<Loaded<TResult>>({ status: 'loading' });
  const variablesKey = JSON.stringify(variables);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the variables are compared by value (variablesKey)
  const run = useCallback(async () => {
    try {
      const result = await (
        client.execute as (
          d: typeof document,
          v: TVariables,
        ) => ReturnType<typeof client.execute<TResult, TVariables>>
      )(document, variables);
      const fieldErrorsOnly = result.errors.every((error) => error.path && error.path.length > 1);
      if (result.data != null && fieldErrorsOnly)
        setState({ status: 'ok', data: result.data, partial: result.errors });
      else setState({ status: 'error', error: new ApiError(result.errors, result.status) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [document, variablesKey, key]);
  useEffect(() => {
    setState({ status: 'loading' });
    void run();
  }, [run]);
  return { ...state, reload: run };
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <p>{describeError(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** Loading, error or the content of a query, in one place for every view. */
export function Query<T>({
  result,
  children,
}: {
  result: Loaded<T> & { reload: () => Promise<void> };
  children: (data: T) => ReactNode;
}) {
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error')
    return <ErrorState error={result.error} retry={() => void result.reload()} />;
  return (
    <>
      {result.partial.length > 0 && (
        <p className="notice" role="status">
          Some of this could not be loaded: {result.partial[0]!.message}
        </p>
      )}
      {children(result.data)}
    </>
  );
}

/** Counts down a RATE_LIMITED / TooManyAttempts wait; zero when there is none. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}
