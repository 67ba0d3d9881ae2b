// Runs in every browser test file: a test fails when any page it opened threw an uncaught error.
import { afterEach, expect } from 'vitest';
import { takePageErrors } from './harness.ts';

afterEach(() => {
  expect(takePageErrors(), 'uncaught errors in the page').toEqual([]);
});
