// One layer of a manifest read from its file: bytes → features in lon/lat with problems and fields.
// Shared by the base project (project.ts) and by scenarios (scenarios.ts), which replace base layers.
import { resolveFieldMapping } from '../core/fields.ts';
import type { LayerRole, ProjectLayer } from '../core/types.ts';
import { resolveIoCrs } from './coords/crs-names.ts';
import { describeError, errorOf, ProblemError, type IoProblem } from './problem.ts';
import { readLayerFile, type OwnedBytes } from './read.ts';
import type { ByteSource } from './read-types.ts';
import { featureProblems } from './validate-file.ts';

/** A layer as loaded, with any manifest keys zonemap does not know kept for saving back. */
export interface LoadedLayer extends ProjectLayer {
  extra?: Record<string, unknown>;
}

export interface ManifestLayerSpec {
  id: string;
  role: LayerRole;
  kind?: string;
  file: string;
  /** the CRS the manifest gives (overrides the file's own) */
  crs?: string;
  /** project bundles: the CRS the layer first came in */
  sourceCrs?: string;
  fields: Record<string, string>;
}

export interface ReadLayerContext {
  /** the project's default CRS, for files that declare none */
  defaultCrs: string;
  hintLon?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** large GeoJSON polygons as flat typed arrays (see ReadOptions.flat) */
  flat?: boolean;
}

const ownedInput = (got: Uint8Array | ByteSource): OwnedBytes =>
  got instanceof Uint8Array ? { bytes: got } : { bytes: undefined, source: got };

/** Reads one layer's file; undefined (with a problem pushed) when the file cannot be read. */
export async function readManifestLayer(
  spec: ManifestLayerSpec,
  readFile: (name: string) => Promise<Uint8Array | ByteSource>,
  ctx: ReadLayerContext,
  problems: IoProblem[],
): Promise<LoadedLayer | undefined> {
  const { id, role, file } = spec;
  // Handed over in a holder that readLayerFile empties once parsed (no local keeps the bytes).
  let owned: OwnedBytes;
  try {
    owned = ownedInput(await readFile(file));
  } catch (e) {
    // A refusal (too large, not a regular file) says so; anything else is a missing file.
    if (e instanceof ProblemError) {
      problems.push({ ...e.problem, file, layer: id });
      return undefined;
    }
    problems.push(
      errorOf('layer-file-missing', { layer: id, file, detail: describeError(e) }, { file, layer: id }),
    );
    return undefined;
  }
  const read = await readLayerFile(file, owned, {
    crs: spec.crs,
    defaultCrs: ctx.defaultCrs,
    hintLon: ctx.hintLon,
    signal: ctx.signal,
    onProgress: ctx.onProgress,
    flat: ctx.flat,
  });
  for (const p of read.problems) problems.push({ ...(p as IoProblem), layer: id });
  // Geometry errors make the data wrong (exit 1 in the CLI). A self-crossing ring is measured as
  // MakeValid repairs it and the report warns of it, and validation warnings are validate's own.
  for (const p of featureProblems(read, { file, layer: id, role, figuresOnly: true }))
    if (p.severity === 'error') problems.push(p);
  const layer: LoadedLayer = {
    id,
    role,
    file,
    crs:
      spec.sourceCrs && resolveIoCrs(spec.sourceCrs) && resolveIoCrs(read.crs)?.geographic
        ? spec.sourceCrs
        : read.crs,
    fields: resolveFieldMapping(role, read.features, spec.fields),
    features: read.features,
  };
  if (spec.kind !== undefined) layer.kind = spec.kind;
  return layer;
}
