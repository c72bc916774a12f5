import { describe, expect, it } from 'vitest';
import { isPostgresJsNullSocketWrite } from './pg-crash-guard.js';

describe('postgres.js crash guard', () => {
  it("recognizes only the driver's null-socket write", () => {
    const driver = new TypeError("Cannot read properties of null (reading 'write')");
    driver.stack = `${driver.message}\n    at Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:485:21)`;
    expect(isPostgresJsNullSocketWrite(driver)).toBe(true);

    const ours = new TypeError("Cannot read properties of null (reading 'write')");
    ours.stack = `${ours.message}\n    at render (/app/gateway/server.ts:10:3)`;
    expect(isPostgresJsNullSocketWrite(ours)).toBe(false);
    expect(isPostgresJsNullSocketWrite(new Error('boom'))).toBe(false);
  });
});
