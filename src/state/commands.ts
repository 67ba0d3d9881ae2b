// The edits of a project as commands. Each is data; `run` is a pure function that returns the new
// document and the command that undoes it, so history.ts can undo and redo anything that was
// applied without knowing what it was (placemark's moment.ts and excalidraw's deltas work so).
import type { Feature, Problem, Project, ProjectLayer, ProjectScenarios } from '../core/types.ts';
import type { Presentation } from '../core/presentation.ts';
import { featureIndexById, withFeatureIds, type FeatureId } from '../core/feature-ids.ts';
import type { Resolution } from '../core/conflict-resolutions.ts';

/** What the commands change: the project plus what the UI keeps per layer and per feature. */
export interface Doc {
  project: Project;
  problems: Problem[];
  visibility: Record<string, boolean>;
  opacity: Record<string, number>;
}

export type Command =
  /** a layer at `index` (the end when past it), its ids assigned; visible/opacity as given */
  | {
      kind: 'add-layer';
      layer: ProjectLayer;
      index?: number;
      problems?: Problem[];
      visible?: boolean;
      opacity?: number;
    }
  | { kind: 'remove-layer'; layerId: string }
  /** new data for an existing layer (same id); its problems replaced by `problems` */
  | { kind: 'replace-layer'; layer: ProjectLayer; problems?: Problem[] }
  /** the planner's name for a layer; none shows the file name */
  | { kind: 'rename-layer'; layerId: string; name?: string }
  /** one feature replaced (a repair, an edit); `resolved` problems are taken off the list */
  | { kind: 'replace-feature'; layerId: string; featureId: FeatureId; feature: Feature; resolved?: Problem[] }
  | { kind: 'set-visibility'; layerId: string; visible?: boolean }
  | { kind: 'set-opacity'; layerId: string; opacity?: number }
  | { kind: 'set-problems'; problems: Problem[] }
  /** the project's scenario record (core/scenarios.ts; state/scenarios.ts builds these); none drops it */
  | { kind: 'set-scenarios'; scenarios?: ProjectScenarios }
  /** the review's decision on one conflict, by its location id; none takes the mark off */
  | { kind: 'set-resolution'; conflictId: string; resolution?: Resolution }
  /** the project's presentation (contract §7) replaced; none takes it off */
  | { kind: 'set-presentation'; presentation?: Presentation }
  /** several commands as one: a drag, a repair of many features */
  | { kind: 'batch'; commands: Command[] };

export interface Ran {
  doc: Doc;
  inverse: Command;
  /**
   * The command as it ran, when that differs from the one given: a layer added or replaced with the
   * feature ids it was given (running it again gives the same document). The undo history keeps
   * this one, so its layer is the very object the project holds (the save sends that by reference).
   */
  applied?: Command;
}

export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

function layerAt(doc: Doc, layerId: string): { layer: ProjectLayer; index: number } {
  const index = doc.project.layers.findIndex((l) => l.id === layerId);
  const layer = doc.project.layers[index];
  if (!layer) throw new CommandError(`no layer "${layerId}" in the project`);
  return { layer, index };
}

function withLayers(doc: Doc, layers: ProjectLayer[]): Doc {
  return { ...doc, project: { ...doc.project, layers } };
}

/** A record with `key` set to `value`, or without `key` when value is undefined. */
function setKey<T>(record: Record<string, T>, key: string, value: T | undefined): Record<string, T> {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The layer with feature ids; the same object when it had them (the writer then skips it). */
function identified(layer: ProjectLayer): ProjectLayer {
  const features = withFeatureIds(layer.features);
  return features === layer.features ? layer : { ...layer, features };
}

const sameIds = (a: Feature, b: Feature) => a.id === b.id;

/** Runs one command; throws CommandError when it names a layer or feature that is not there. */
export function run(doc: Doc, cmd: Command): Ran {
  switch (cmd.kind) {
    case 'add-layer': {
      if (doc.project.layers.some((l) => l.id === cmd.layer.id))
        throw new CommandError(`a layer "${cmd.layer.id}" is in the project already`);
      const layer = identified(cmd.layer);
      const layers = [...doc.project.layers];
      layers.splice(Math.min(cmd.index ?? layers.length, layers.length), 0, layer);
      const next: Doc = {
        ...withLayers(doc, layers),
        problems: cmd.problems?.length ? [...doc.problems, ...cmd.problems] : doc.problems,
        visibility: setKey(doc.visibility, layer.id, cmd.visible),
        opacity: setKey(doc.opacity, layer.id, cmd.opacity),
      };
      const undo: Command = { kind: 'remove-layer', layerId: layer.id };
      // Taking the layer off drops its problems; the list before is restored as it was.
      return {
        ...(layer === cmd.layer ? {} : { applied: { ...cmd, layer } }),
        doc: next,
        inverse: cmd.problems?.length
          ? { kind: 'batch', commands: [undo, { kind: 'set-problems', problems: doc.problems }] }
          : undo,
      };
    }
    case 'remove-layer': {
      const { layer, index } = layerAt(doc, cmd.layerId);
      const problems = doc.problems.filter((p) => p.layer !== layer.id);
      const next: Doc = {
        ...withLayers(
          doc,
          doc.project.layers.filter((_, i) => i !== index),
        ),
        problems: problems.length === doc.problems.length ? doc.problems : problems,
        visibility: setKey(doc.visibility, layer.id, undefined),
        opacity: setKey(doc.opacity, layer.id, undefined),
      };
      const add: Command = {
        kind: 'add-layer',
        layer,
        index,
        ...(layer.id in doc.visibility ? { visible: doc.visibility[layer.id] } : {}),
        ...(layer.id in doc.opacity ? { opacity: doc.opacity[layer.id] } : {}),
      };
      return {
        doc: next,
        inverse:
          next.problems === doc.problems
            ? add
            : { kind: 'batch', commands: [add, { kind: 'set-problems', problems: doc.problems }] },
      };
    }
    case 'replace-layer': {
      const { layer: old, index } = layerAt(doc, cmd.layer.id);
      const layer = identified(cmd.layer);
      const layers = doc.project.layers.map((l, i) => (i === index ? layer : l));
      const problems = cmd.problems
        ? [...doc.problems.filter((p) => p.layer !== layer.id), ...cmd.problems]
        : doc.problems;
      return {
        ...(layer === cmd.layer ? {} : { applied: { ...cmd, layer } }),
        doc: { ...withLayers(doc, layers), problems },
        inverse: {
          kind: 'batch',
          commands: [
            { kind: 'replace-layer', layer: old },
            { kind: 'set-problems', problems: doc.problems },
          ],
        },
      };
    }
    case 'rename-layer': {
      const { layer, index } = layerAt(doc, cmd.layerId);
      const { name: before, ...rest } = layer;
      const renamed: ProjectLayer = cmd.name === undefined ? rest : { ...rest, name: cmd.name };
      return {
        doc: withLayers(
          doc,
          doc.project.layers.map((l, i) => (i === index ? renamed : l)),
        ),
        inverse: {
          kind: 'rename-layer',
          layerId: layer.id,
          ...(before !== undefined ? { name: before } : {}),
        },
      };
    }
    case 'replace-feature': {
      const { layer, index } = layerAt(doc, cmd.layerId);
      const at = featureIndexById(layer.features, cmd.featureId);
      const old = layer.features[at];
      if (!old) throw new CommandError(`no feature "${cmd.featureId}" in the layer "${layer.id}"`);
      // The feature keeps its id whatever the edit returned.
      const feature: Feature = sameIds(cmd.feature, old) ? cmd.feature : { ...cmd.feature, id: old.id! };
      const features = layer.features.map((f, i) => (i === at ? feature : f));
      const layers = doc.project.layers.map((l, i) => (i === index ? { ...layer, features } : l));
      const resolved = new Set(cmd.resolved ?? []);
      const problems = resolved.size ? doc.problems.filter((p) => !resolved.has(p)) : doc.problems;
      const back: Command = { kind: 'replace-feature', layerId: layer.id, featureId: old.id!, feature: old };
      return {
        doc: { ...withLayers(doc, layers), problems },
        inverse:
          problems === doc.problems
            ? back
            : { kind: 'batch', commands: [back, { kind: 'set-problems', problems: doc.problems }] },
      };
    }
    case 'set-visibility': {
      layerAt(doc, cmd.layerId);
      const before = doc.visibility[cmd.layerId];
      return {
        doc: { ...doc, visibility: setKey(doc.visibility, cmd.layerId, cmd.visible) },
        inverse: {
          kind: 'set-visibility',
          layerId: cmd.layerId,
          ...(before !== undefined ? { visible: before } : {}),
        },
      };
    }
    case 'set-opacity': {
      layerAt(doc, cmd.layerId);
      const before = doc.opacity[cmd.layerId];
      return {
        doc: { ...doc, opacity: setKey(doc.opacity, cmd.layerId, cmd.opacity) },
        inverse: {
          kind: 'set-opacity',
          layerId: cmd.layerId,
          ...(before !== undefined ? { opacity: before } : {}),
        },
      };
    }
    case 'set-problems':
      return {
        doc: { ...doc, problems: cmd.problems },
        inverse: { kind: 'set-problems', problems: doc.problems },
      };
    case 'set-scenarios': {
      const { scenarios: before, ...rest } = doc.project;
      return {
        doc: { ...doc, project: cmd.scenarios ? { ...rest, scenarios: cmd.scenarios } : rest },
        inverse: { kind: 'set-scenarios', ...(before ? { scenarios: before } : {}) },
      };
    }
    case 'set-resolution': {
      const marks = doc.project.resolutions ?? {};
      const before = Object.prototype.hasOwnProperty.call(marks, cmd.conflictId)
        ? marks[cmd.conflictId]
        : undefined;
      const next = setKey(marks, cmd.conflictId, cmd.resolution);
      const project: Project = { ...doc.project, resolutions: next };
      if (Object.keys(next).length === 0) delete project.resolutions;
      return {
        doc: { ...doc, project },
        inverse: {
          kind: 'set-resolution',
          conflictId: cmd.conflictId,
          ...(before ? { resolution: before } : {}),
        },
      };
    }
    case 'set-presentation': {
      const { presentation: before, ...rest } = doc.project;
      const project: Project = cmd.presentation ? { ...rest, presentation: cmd.presentation } : rest;
      return {
        doc: { ...doc, project },
        inverse: { kind: 'set-presentation', ...(before ? { presentation: before } : {}) },
      };
    }
    case 'batch': {
      // All or nothing: a failing step throws before anything reaches the store.
      let d = doc;
      const inverses: Command[] = [];
      const applied: Command[] = [];
      let changed = false;
      for (const c of cmd.commands) {
        const r = run(d, c);
        d = r.doc;
        inverses.push(r.inverse);
        applied.push(r.applied ?? c);
        changed ||= r.applied !== undefined;
      }
      return {
        doc: d,
        inverse: { kind: 'batch', commands: inverses.reverse() },
        ...(changed ? { applied: { kind: 'batch', commands: applied } } : {}),
      };
    }
    default:
      return assertNever(cmd);
  }
}

function assertNever(x: never): never {
  throw new CommandError(`unknown command ${JSON.stringify(x)}`);
}
