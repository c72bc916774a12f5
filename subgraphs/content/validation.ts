import { isUuid } from '../../kit/ids.js';
import { badInput } from '../../kit/errors.js';

/** Ids are UUIDs; anything else is bad input rather than a database error. */
export function checkId(id: string, field = 'id'): string {
  if (!isUuid(id)) throw badInput(`${field} is not a valid id.`, { field });
  return id.toLowerCase();
}

export function checkIds(ids: readonly string[], field: string, max: number): string[] {
  if (ids.length > max) throw badInput(`${field} may hold at most ${max} ids.`, { field, max });
  return ids.map((id) => checkId(id, field));
}

/** Trimmed text within bounds; empty optional text becomes null. */
export function checkText(value: string, field: string, max: number, required: true): string;
export function checkText(
  value: string | null | undefined,
  field: string,
  max: number,
  required?: false,
): string | null | undefined;
export function checkText(
  value: string | null | undefined,
  field: string,
  max: number,
  required = false,
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) {
    if (required) throw badInput(`${field} cannot be empty.`, { field });
    return null;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters.`, { field, max });
  if (trimmed === '') {
    if (required) throw badInput(`${field} cannot be empty.`, { field });
    return null;
  }
  return trimmed;
}

export function checkUrl(value: string | null | undefined, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badInput(`${field} must be an http(s) URL.`, { field });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || trimmed.length > 2048) {
    throw badInput(`${field} must be an http(s) URL of at most 2048 characters.`, { field });
  }
  return trimmed;
}

export function checkInt(
  value: number | null | undefined,
  field: string,
  min: number,
  max: number,
): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be between ${min} and ${max}.`, { field, min, max });
  }
  return value;
}

export const MAX_TAGS = 20;

/** Tags are compared lower-case; duplicates collapse, order is kept. */
export function checkTags(tags: readonly string[], field = 'tags', max = MAX_TAGS): string[] {
  if (tags.length > max) throw badInput(`${field} may hold at most ${max} tags.`, { field, max });
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase();
    if (tag.length < 1 || tag.length > 40) {
      throw badInput(`Each tag must be 1-40 characters.`, { field });
    }
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

/** GraphQL enum values (VIDEO) and the stored column values (video): the kit's one rule. */
export { fromStored as fromDb, toStored as toDb } from '../../kit/stored-enums.js';
