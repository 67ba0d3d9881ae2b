// The analysis worker's copy of the projects it measures, kept per scenario. The page names every
// layer object by a version number and every feature object by a token (a command that changes a
// layer makes a new layer object, so a new version; a feature it leaves alone keeps its token). The
// worker keeps each version and feature once, whichever scenarios use them, so switching scenarios,
// or undoing an edit, finds the very objects measured before and every cache keyed by their
// identity (shapes, unions, layer covers, reports) answers without recomputing.
import type { Feature, Project, ProjectLayer } from '../core/types.ts';

export type ProjectMeta = Omit<Project, 'layers'>;
export type LayerShell = Omit<ProjectLayer, 'features'>;

/** A layer version the worker does not have yet: its shell and the token of each feature. */
export interface LayerVersion {
  version: number;
  shell: LayerShell;
  tokens: Uint32Array;
}

/** What the worker let go after an update, so the page stops counting on it. */
export interface Evicted {
  versions: number[];
  tokens: number[];
}

/** Superseded layer contents kept for undo and for scenarios switched back to. */
export const KEEP_SUPERSEDED = 32;

interface Held {
  layer: ProjectLayer;
  tokens: Uint32Array;
  key: string;
  /** the page's versions that have this content */
  versions: Set<number>;
}

/**
 * The worker's copy of every scenario's project. Layer versions with the same content (the same
 * shell, the same feature tokens in the same order: a layer after an undo) share one layer object.
 */
export class LayerStore {
  private features = new Map<number, { feature: Feature; refs: number }>();
  /** contents by id, and the id of each content key and page version */
  private contents = new Map<number, Held>();
  private contentByKey = new Map<string, number>();
  private contentOf = new Map<number, number>();
  private nextContent = 1;
  private scenarios = new Map<
    string,
    { meta: ProjectMeta; metaKey: string; versions: number[]; project?: Project }
  >();
  /** contents no scenario uses now, oldest first */
  private superseded: number[] = [];
  /** tokens sent but not yet used by a layer */
  private loose = new Set<number>();

  /** Features the page sent ahead of an update (a large layer comes in several messages). */
  putFeatures(batch: readonly [number, Feature][]): void {
    for (const [token, feature] of batch)
      if (!this.features.has(token)) {
        this.features.set(token, { feature, refs: 0 });
        this.loose.add(token);
      }
  }

  /**
   * Sets a scenario's project: its settings, its layers by version (the new ones given), and lets
   * go of versions and features nothing needs any more.
   */
  update(scenario: string, meta: ProjectMeta, versions: number[], added: LayerVersion[]): Evicted {
    for (const v of added) {
      if (this.contentOf.has(v.version)) continue;
      const key = `${JSON.stringify(v.shell)}\u0000${v.tokens.join(',')}`;
      const same = this.contentByKey.get(key);
      if (same !== undefined) {
        this.contentOf.set(v.version, same);
        this.contents.get(same)!.versions.add(v.version);
        continue;
      }
      const features = Array.from(v.tokens, (t) => {
        const held = this.features.get(t);
        if (!held) throw new Error(`analysis worker: feature ${t} of layer "${v.shell.id}" was not sent`);
        held.refs++;
        return held.feature;
      });
      const id = this.nextContent++;
      this.contents.set(id, {
        layer: { ...v.shell, features },
        tokens: v.tokens,
        key,
        versions: new Set([v.version]),
      });
      this.contentByKey.set(key, id);
      this.contentOf.set(v.version, id);
    }
    for (const v of versions)
      if (!this.contentOf.has(v)) throw new Error(`analysis worker: layer version ${v} was not sent`);
    const metaKey = JSON.stringify(meta);
    const old = this.scenarios.get(scenario);
    const same =
      old?.metaKey === metaKey &&
      old.versions.length === versions.length &&
      old.versions.every((v, i) => this.contentOf.get(v) === this.contentOf.get(versions[i]!));
    if (!same) this.scenarios.set(scenario, { meta, metaKey, versions: [...versions] });
    return this.collect();
  }

  /** Forgets a scenario (deleted); its layers stay a while among the superseded. */
  drop(scenario: string): Evicted {
    this.scenarios.delete(scenario);
    return this.collect();
  }

  private collect(): Evicted {
    const used = new Set<number>();
    for (const s of this.scenarios.values()) for (const v of s.versions) used.add(this.contentOf.get(v)!);
    // In use: off the superseded list; no longer in use: onto its end (most recent last).
    const rest = this.superseded.filter((c) => !used.has(c));
    const listed = new Set(rest);
    for (const c of this.contents.keys()) if (!used.has(c) && !listed.has(c)) rest.push(c);
    const evicted: Evicted = { versions: [], tokens: [] };
    while (rest.length > KEEP_SUPERSEDED) {
      const c = rest.shift()!;
      const held = this.contents.get(c)!;
      this.contents.delete(c);
      this.contentByKey.delete(held.key);
      for (const v of held.versions) {
        this.contentOf.delete(v);
        evicted.versions.push(v);
      }
      for (const t of held.tokens) {
        const f = this.features.get(t);
        if (f && --f.refs === 0) {
          this.features.delete(t);
          evicted.tokens.push(t);
        }
      }
    }
    // Features sent but used by no layer (a failed update) go too.
    for (const t of this.loose)
      if (this.features.get(t)?.refs === 0) {
        this.features.delete(t);
        evicted.tokens.push(t);
      }
    this.loose.clear();
    this.superseded = rest;
    return evicted;
  }

  /** The layer a page version stands for, if held. */
  layerOf(version: number): ProjectLayer | undefined {
    const id = this.contentOf.get(version);
    return id === undefined ? undefined : this.contents.get(id)?.layer;
  }

  has(scenario: string): boolean {
    return this.scenarios.has(scenario);
  }

  /**
   * The scenario's project: the same layer objects every time its layers have the same content,
   * and the same project object (so caches keyed by its layer list hold) until it is updated.
   */
  project(scenario: string): Project {
    const s = this.scenarios.get(scenario);
    if (!s) throw new Error(`no project sent to the analysis worker for scenario "${scenario}"`);
    s.project ??= {
      ...s.meta,
      layers: s.versions.map((v) => this.contents.get(this.contentOf.get(v)!)!.layer),
    };
    return s.project;
  }

  /** A key that changes whenever the scenario's settings or the content of any of its layers do. */
  key(scenario: string): string {
    const s = this.scenarios.get(scenario);
    return s ? `${s.versions.map((v) => this.contentOf.get(v)).join(',')}|${s.metaKey}` : '';
  }

  /** Layer contents and features held (tests and memory). */
  size(): { layers: number; features: number } {
    return { layers: this.contents.size, features: this.features.size };
  }
}
