// The keys of a manifest object that zonemap does not know, kept aside so that saving the object
// again loses nothing (the manifest's layers and top level, a presentation and its slides). Keys are
// defined, not assigned, so a key named __proto__ stays a plain key.
export function unknownKeys(
  obj: Record<string, unknown>,
  known: Set<string>,
): Record<string, unknown> | undefined {
  const extra: Record<string, unknown> = {};
  let any = false;
  for (const key of Object.keys(obj)) {
    if (known.has(key)) continue;
    Object.defineProperty(extra, key, {
      value: obj[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    any = true;
  }
  return any ? extra : undefined;
}
