/**
 * Per-request variables of a benchmark operation: string values in operations.yaml may hold
 *   {{seq}}       a number unique to the request
 *   {{userId}}    the request's signed-in user
 *   {{username}}  their username
 *   {{habitId}}   one of their habits (seeded by bench-data.ts)
 *   {{date}}      a UTC calendar date in the past year that moves with {{seq}} (YYYY-MM-DD)
 */
export interface VariableUser {
  id: string;
  username: string;
  habitId: string;
}

/** The user's part, filled once per user; `{{seq}}` and `{{date}}` stay for fillRequest. */
export function fillUser(variablesJson: string, user: VariableUser): string {
  return variablesJson
    .replaceAll('{{userId}}', user.id)
    .replaceAll('{{username}}', user.username)
    .replaceAll('{{habitId}}', user.habitId);
}

const DAY_MS = 86_400_000;
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;

/** The request's part: its sequence number and a date derived from it (0..364 days back). */
export function fillRequest(userFilledJson: string, seq: number): string {
  let json = userFilledJson.replaceAll('{{seq}}', String(seq));
  if (json.includes('{{date}}')) {
    json = json.replaceAll('{{date}}', new Date(today - (seq % 365) * DAY_MS).toISOString().slice(0, 10));
  }
  return json;
}
