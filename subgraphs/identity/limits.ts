import { clientKey } from '../../kit/client-address.js';
import { type RateLimitOutcome, RateLimiter, type RateLimitRule } from '../../kit/rate-limit.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { rateLimits } from './tables.js';

/**
 * Identity's rate limits. Every one is counted before the password, code or work it guards
 * (kit/rate-limit.ts), so parallel requests cannot outrun it.
 */
export const LIMITS = {
  /**
   * Password checks per account, whatever asks: sign-in by username or by email, changePassword,
   * deleteMyAccount, disableTwoFactor. A right password starts the count afresh.
   */
  password: { name: 'password:account', limit: 10, windowSeconds: 15 * 60 },
  /** Second-factor codes (TOTP or recovery) per account: 6 digits must not be guessed in a code's life. */
  twoFactor: { name: 'twofactor:account', limit: 5, windowSeconds: 5 * 60 },
  /** Sign-in attempts per client address: stops spraying many accounts from one place. */
  signInPerClient: { name: 'signin:client', limit: 100, windowSeconds: 15 * 60 },
  /** Sign-ups per client address: each answer says whether an email or username is taken. */
  signUpPerClient: { name: 'signup:client', limit: 20, windowSeconds: 60 * 60 },
  /** Password reset and verification mail requests per client address: stops probing many addresses. */
  mailPerClient: { name: 'mail:client', limit: 30, windowSeconds: 60 * 60 },
  /** Reset mails per address asked for: stops mail-bombing someone. */
  resetMailPerAddress: { name: 'mail:reset:address', limit: 5, windowSeconds: 60 * 60 },
  /** Verification mails per address. */
  verificationMailPerAddress: { name: 'mail:verify:address', limit: 5, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/** The subject of an account's counters: its id, so every login form of it shares one count. */
export const accountSubject = (userId: string) => `account:${userId}`;
/**
 * A login that names no account is counted by itself, normalized, so it is limited exactly like
 * an account and a refusal reveals nothing about which logins exist.
 */
export const unknownLoginSubject = (login: string) => `login:${login}`;
/** A client, by the address the gateway signed (IPv6 by its /64). */
export const clientSubject = (ip: string | null) => `client:${clientKey(ip)}`;

export const limiter = (deps: SubgraphDeps) => new RateLimiter(deps, rateLimits);

/** Counts one attempt on each rule in turn; stops at the first refusal (later counters are not touched). */
export async function hitAll(
  deps: SubgraphDeps,
  checks: [RateLimitRule, string][],
): Promise<RateLimitOutcome> {
  const rateLimiter = limiter(deps);
  let last: RateLimitOutcome = { allowed: true, retryAfterSeconds: 0 };
  for (const [rule, subject] of checks) {
    last = await rateLimiter.hit(rule, subject);
    if (!last.allowed) return last;
  }
  return last;
}
