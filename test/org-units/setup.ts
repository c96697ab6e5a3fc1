import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers.js';

// Live bindings, set by useOrgUnitsApp's beforeAll: the tests read them as plain names, each file its own app.
export let t: TestApp;
export let admin: Session;
export let officer: Session;

/** One app per test file (files run in parallel processes), with the administrator and the officer logged in. */
export function useOrgUnitsApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    officer = await t.login('canbo');
  });
  afterAll(() => t?.close());
}
