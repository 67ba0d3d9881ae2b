// Types of compiled-entry.js for the tests that import it.
export function compiledEntry(
  root: string,
): { entry: string; reason?: undefined } | { entry?: undefined; reason: string };
