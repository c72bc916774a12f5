import { hash, verify } from '@node-rs/argon2';

/** argon2id at OWASP's recommended minimum (m=19 MiB, t=2, p=1). */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// The most common passwords of breach corpora that pass the length rule.
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  'qwertyuiop',
  'password123',
  'password1234',
  '1q2w3e4r5t',
  'iloveyou123',
  'qwerty1234',
  'qwerty12345',
  'passwordpassword',
  '11111111111',
  '1111111111',
  'abcdefghij',
  'abc1234567',
  'letmein1234',
  'welcome123',
  'admin12345',
  'football123',
  'princess123',
  'sunshine123',
  'qazwsxedc123',
  '123456789a',
  'a123456789',
  '0987654321',
  'zxcvbnm123',
  'trustno1234',
  'starwars123',
  'dragon12345',
  'monkey12345',
]);

/** The rules a new password breaks; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  context: { email?: string; username?: string } = {},
): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push('is a commonly used password');
  if (/^(.)\1+$/.test(password)) problems.push('must not repeat a single character');
  if (context.email && lower === context.email.toLowerCase()) problems.push('must not be the email address');
  if (context.username && lower === context.username.toLowerCase()) problems.push('must not be the username');
  return problems;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account matched makes "no such user" cost as much as
// "wrong password", so response time does not reveal which accounts exist.
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
