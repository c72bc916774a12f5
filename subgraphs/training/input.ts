import { isUuid } from '../../kit/ids.js';
import { badInput } from '../../kit/errors.js';

/** Trimmed text within bounds; empty optional text becomes null. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null | undefined {
  if (value === null || value === undefined) return value;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters.`, { field });
  return trimmed === '' ? null : trimmed;
}

export function requiredText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(`${field} must not be empty.`, { field });
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters.`, { field });
  return trimmed;
}

export function intInRange(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be a whole number from ${min} to ${max}.`, { field, min, max });
  }
  return value;
}

export function numberInRange(value: number, field: string, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badInput(`${field} must be from ${min} to ${max}.`, { field, min, max });
  }
  return value;
}

/** IDs are UUIDs; anything else can match nothing, so it is reported as bad input, not sent to SQL. */
export function checkId(value: string, field = 'id'): string {
  if (!isUuid(value)) throw badInput(`${field} is not a valid id.`, { field });
  return value.toLowerCase();
}
