import type { Viewer } from '../kit/identity-header.js';

/** Who a connection or stream runs as (gateway/subscriptions.ts's SubscriberIdentity). */
interface WatchedIdentity {
  viewer: Viewer;
  /** The session token, to check the session again while the connection lives. */
  token: string;
}

interface Watcher {
  identity: WatchedIdentity;
  ended: () => void;
}

interface Session {
  watchers: Set<Watcher>;
  timer: NodeJS.Timeout;
  /** A check under way: the next tick waits for it rather than asking again beside it. */
  checking: boolean;
}

/**
 * The session re-check of subscriptions, once per session rather than once per connection or
 * stream: a viewer with ten connections open (or one connection and four HTTP streams) is one
 * check every `recheckMs`, whose answer goes to all of them. When the session has ended each is
 * told once (`ended`); when it lives each gets the current viewer (roles, trainer and
 * entitlements may change). A check that fails (identity unreachable) keeps them all and asks
 * again next time.
 */
export function sessionWatch(options: {
  recheckMs: number;
  /** The session's viewer now, or null when it ended; throws when that cannot be known right now. */
  recheck(identity: WatchedIdentity): Promise<Viewer | null>;
}) {
  const sessions = new Map<string, Session>();
  let checks = 0;

  async function check(token: string, session: Session): Promise<void> {
    const [first] = session.watchers;
    if (!first || session.checking) return;
    session.checking = true;
    checks++;
    let viewer: Viewer | null;
    try {
      viewer = await options.recheck(first.identity);
    } catch {
      // Identity unreachable for a moment: keep the connections, check again next time.
      return;
    } finally {
      session.checking = false;
    }
    if (sessions.get(token) !== session) return;
    if (viewer) {
      for (const watcher of session.watchers) watcher.identity.viewer = viewer;
      return;
    }
    sessions.delete(token);
    clearInterval(session.timer);
    for (const watcher of session.watchers) watcher.ended();
    session.watchers.clear();
  }

  return {
    /** Follows the identity's session; returns the function that stops following it (once is enough). */
    watch(identity: WatchedIdentity, ended: () => void): () => void {
      const watcher: Watcher = { identity, ended };
      let session = sessions.get(identity.token);
      if (!session) {
        const created: Session = {
          watchers: new Set(),
          checking: false,
          timer: setInterval(() => void check(identity.token, created), options.recheckMs),
        };
        created.timer.unref();
        sessions.set(identity.token, created);
        session = created;
      }
      session.watchers.add(watcher);
      const joined = session;
      return () => {
        if (!joined.watchers.delete(watcher) || joined.watchers.size > 0) return;
        clearInterval(joined.timer);
        if (sessions.get(identity.token) === joined) sessions.delete(identity.token);
      };
    },
    /** Sessions followed now and checks made so far (tests and metrics). */
    stats: () => ({ sessions: sessions.size, checks }),
    close() {
      for (const session of sessions.values()) clearInterval(session.timer);
      sessions.clear();
    },
  };
}
