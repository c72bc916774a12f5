import {
  CompleteTwoFactorSignInDocument,
  SignInDocument,
  SignOutDocument,
  SignUpDocument,
} from '@fitness/client';
import { type FormEvent, useState } from 'react';
import { navigate } from '../App';
import { client, describeError, deviceTimeZone, retryAfterOf } from '../api';
import { useCountdown } from '../ui';

type Mode = 'sign-in' | 'sign-up';

/** The typed outcomes of signIn, signUp and completeTwoFactorSignIn that a form shows. */
type AuthOutcome = {
  __typename: string;
  message?: string;
  retryAfterSeconds?: number;
  reasons?: string[];
  challenge?: string;
};

/** Sign-up and sign-in with a cookie session; the two-factor step when the account has it on. */
export function AuthView({ mode, onSignedIn }: { mode: Mode; onSignedIn: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitLeft, setWait] = useCountdown();
  const [challenge, setChallenge] = useState<string | null>(null);

  /** Shows a typed result; true when the user is now signed in. */
  function handle(outcome: AuthOutcome): boolean {
    switch (outcome.__typename) {
      case 'AuthSuccess':
        return true;
      case 'TwoFactorRequired':
        setChallenge(outcome.challenge ?? null);
        setError(null);
        return false;
      case 'TooManyAttempts':
        setWait(outcome.retryAfterSeconds ?? 60);
        setError(`Too many attempts: try again in ${outcome.retryAfterSeconds ?? 60} seconds.`);
        return false;
      case 'WeakPassword':
        setError(
          `${outcome.message ?? 'The password is too weak.'} ${(outcome.reasons ?? []).join(' ')}`.trim(),
        );
        return false;
      default:
        setError(outcome.message ?? 'Something went wrong.');
        return false;
    }
  }

  async function submit(run: () => Promise<AuthOutcome>) {
    setBusy(true);
    setError(null);
    try {
      if (handle(await run())) {
        await onSignedIn();
        navigate('/');
      }
    } catch (caught) {
      const wait = retryAfterOf(caught);
      if (wait != null) setWait(wait);
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    if (challenge) {
      void submit(async () => {
        const data = await client.data(CompleteTwoFactorSignInDocument, {
          input: { challenge, code: value('code') },
          session: 'COOKIE',
        });
        return data.completeTwoFactorSignIn;
      });
    } else if (mode === 'sign-in') {
      void submit(async () => {
        const data = await client.data(SignInDocument, {
          input: { login: value('login'), password: value('password') },
          session: 'COOKIE',
        });
        return data.signIn;
      });
    } else {
      void submit(async () => {
        const data = await client.data(SignUpDocument, {
          input: {
            email: value('email'),
            username: value('username'),
            password: value('password'),
            timeZone: deviceTimeZone(),
          },
          session: 'COOKIE',
        });
        return data.signUp;
      });
    }
  }

  const waiting = waitLeft > 0;
  return (
    <section className="card narrow" aria-labelledby="auth-title">
      <h1 id="auth-title">
        {challenge ? 'Two-factor code' : mode === 'sign-in' ? 'Sign in' : 'Create an account'}
      </h1>
      <form onSubmit={onSubmit} noValidate={false}>
        {challenge ? (
          <label>
            Code from your authenticator app (or a recovery code)
            <input name="code" autoComplete="one-time-code" inputMode="numeric" required />
          </label>
        ) : mode === 'sign-in' ? (
          <>
            <label>
              Email or username
              <input name="login" autoComplete="username" required />
            </label>
            <label>
              Password
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
          </>
        ) : (
          <>
            <label>
              Email
              <input name="email" type="email" autoComplete="email" required />
            </label>
            <label>
              Username
              <input name="username" autoComplete="username" required />
            </label>
            <label>
              Password (at least 10 characters)
              <input name="password" type="password" autoComplete="new-password" minLength={10} required />
            </label>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
            {waiting && ` (${waitLeft} s left)`}
          </p>
        )}
        <button type="submit" disabled={busy || waiting}>
          {busy ? 'Please wait…' : challenge ? 'Verify' : mode === 'sign-in' ? 'Sign in' : 'Sign up'}
        </button>
      </form>
      {!challenge && (
        <p className="muted">
          {mode === 'sign-in' ? (
            <>
              New here? <a href="#/sign-up">Create an account</a>
            </>
          ) : (
            <>
              Have an account? <a href="#/sign-in">Sign in</a>
            </>
          )}
        </p>
      )}
    </section>
  );
}

export function SignOutButton({ username, onSignedOut }: { username: string; onSignedOut: () => void }) {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await client.execute(SignOutDocument);
    } finally {
      setBusy(false);
      onSignedOut();
      navigate('/sign-in');
    }
  }
  return (
    <button
      type="button"
      className="link"
      onClick={() => void signOut()}
      disabled={busy}
      title={`Signed in as ${username}`}
    >
      Sign out
    </button>
  );
}
