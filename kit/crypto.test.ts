import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from './crypto.js';

describe('hmacSha256', () => {
  it('signs as HMAC-SHA256 with the secret as UTF-8 bytes, each secret its own key, on every call', () => {
    for (const secret of ['first secret', 'второй секрет', 'first secret']) {
      for (const value of ['v1.payload', '']) {
        expect(hmacSha256(secret, value).equals(createHmac('sha256', secret).update(value).digest())).toBe(
          true,
        );
      }
    }
    expect(hmacSha256('a', 'x').equals(hmacSha256('b', 'x'))).toBe(false);
  });
});
