import { ViewerDocument, type ViewerQuery } from '@fitness/client';
import { useCallback, useEffect, useState } from 'react';
import { client } from './api';
import { ErrorState, Loading } from './ui';
import { AuthView, SignOutButton } from './views/Auth';
import { ContentView } from './views/Content';
import { CourseView } from './views/Course';
import { DashboardView } from './views/Dashboard';
import { PlansView } from './views/Plans';
import { TrainerView } from './views/Trainer';

export type Viewer = NonNullable<ViewerQuery['me']>;

/** Hash routes, so any static host serves the app without rewrites. */
function useRoute(): string {
  const [route, setRoute] = useState(() => location.hash.slice(1) || '/');
  useEffect(() => {
    const onChange = () => setRoute(location.hash.slice(1) || '/');
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: string) {
  location.hash = route;
}

type ViewerState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ok'; viewer: Viewer | null };

export function App() {
  const route = useRoute();
  const [state, setState] = useState<ViewerState>({ status: 'loading' });

  const loadViewer = useCallback(async () => {
    const result = await client.execute(ViewerDocument).catch((error: unknown) => ({ error }));
    if ('error' in result) return setState({ status: 'error', error: result.error });
    // A refused or ended session answers UNAUTHENTICATED: the visitor is signed out.
    if (
      result.errors.some((e) => e.code === 'UNAUTHENTICATED') ||
      (result.errors.length === 0 && !result.data?.me)
    )
      return setState({ status: 'ok', viewer: null });
    if (result.errors.length > 0)
      return setState({ status: 'error', error: new Error(result.errors[0]!.message) });
    setState({ status: 'ok', viewer: result.data!.me! });
  }, []);

  useEffect(() => {
    void loadViewer();
  }, [loadViewer]);

  if (state.status === 'loading') return <Loading label="Starting…" />;
  if (state.status === 'error') return <ErrorState error={state.error} retry={() => void loadViewer()} />;
  const viewer = state.viewer;
  const isTrainer = !!viewer?.trainer;

  let view: React.ReactNode;
  const course = /^\/courses\/(.+)$/.exec(route);
  if (route === '/sign-up' || route === '/sign-in' || (!viewer && route === '/')) {
    view = viewer ? (
      <p>You are signed in as {viewer.username}.</p>
    ) : (
      <AuthView mode={route === '/sign-up' ? 'sign-up' : 'sign-in'} onSignedIn={loadViewer} />
    );
  } else if (route === '/content') view = <ContentView />;
  else if (course) view = <CourseView id={decodeURIComponent(course[1]!)} signedIn={!!viewer} />;
  else if (route === '/plans') view = <PlansView signedIn={!!viewer} />;
  else if (!viewer) view = <AuthView mode="sign-in" onSignedIn={loadViewer} />;
  else if (route === '/clients') view = <TrainerView viewer={viewer} />;
  else view = <DashboardView viewer={viewer} />;

  return (
    <div className="app">
      <header className="top">
        <a className="brand" href="#/">
          Fitness
        </a>
        <nav>
          {viewer && <a href="#/">Dashboard</a>}
          <a href="#/content">Content</a>
          <a href="#/plans">Plans</a>
          {isTrainer && <a href="#/clients">Clients</a>}
          {viewer ? (
            <SignOutButton
              username={viewer.username}
              onSignedOut={() => setState({ status: 'ok', viewer: null })}
            />
          ) : (
            <>
              <a href="#/sign-in">Sign in</a>
              <a href="#/sign-up">Sign up</a>
            </>
          )}
        </nav>
      </header>
      <main>{view}</main>
    </div>
  );
}
