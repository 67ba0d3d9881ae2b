// The part of Node's `events` that @maplibre/maplibre-gl-compare uses (on, emit, removeListener),
// for the browser build: the package requires "events", which Vite does not polyfill, and the
// project installs no polyfill package for three methods. vite.config.ts aliases "events" here.
type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  private listeners = new Map<string, Listener[]>();

  on(type: string, fn: Listener): this {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
    return this;
  }

  emit(type: string, ...args: unknown[]): boolean {
    const fns = this.listeners.get(type);
    if (!fns?.length) return false;
    for (const fn of [...fns]) fn(...args);
    return true;
  }

  removeListener(type: string, fn: Listener): this {
    const fns = this.listeners.get(type);
    if (fns)
      this.listeners.set(
        type,
        fns.filter((f) => f !== fn),
      );
    return this;
  }
}

export default { EventEmitter };
