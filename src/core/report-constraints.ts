// 三区三线 constraints: basic farmland and red-line overlap, planned area outside the urban boundary.
import type { OverlayNote } from './overlay.ts';
import { layerCoverInside, layerUnion } from './layer-union.ts';
import { differenceArea } from './overlay.ts';
import { featureShape, layersOf, plainWarning, type ReportContext } from './report-context.ts';
import type { ConstraintEntry } from './report-types.ts';
import type { Shape } from './shape.ts';
import { m2ToMu } from './units.ts';

export function analyseConstraints(ctx: ReportContext, planned: Shape | undefined): ConstraintEntry[] {
  const plannedArea = Math.max(0, planned?.area ?? 0);
  const share = (a: number) => (plannedArea > 0 ? a / plannedArea : 0);
  return layersOf(ctx.project, 'constraint').map((layer): ConstraintEntry => {
    // Shapes are built through the context so their repairs become warnings.
    layer.features.forEach((f, i) => featureShape(ctx, layer, f, i));
    const notes: OverlayNote[] = [];
    const { area: inside, overlaps } = planned
      ? layerCoverInside(layer.features, planned, ctx.ws, notes)
      : { area: 0, overlaps: false };
    for (const n of notes) ctx.warnings.push(plainWarning(n.code, {}, { layer: layer.id }));
    if (overlaps)
      ctx.warnings.push(plainWarning('layer-overlaps-itself', { layer: layer.id }, { layer: layer.id }));
    const kind = layer.kind ?? 'constraint';
    if (kind === 'urban-boundary') {
      // Measured as planned − boundary directly (see differenceArea), the union built once per layer.
      const boundary = planned ? layerUnion(layer.features, ctx.ws) : undefined;
      const outside = planned
        ? boundary
          ? differenceArea(planned, boundary, ctx.ws)
          : Math.max(0, plannedArea - inside)
        : 0;
      return {
        kind,
        layer: layer.id,
        outside_m2: outside,
        outside_mu: m2ToMu(outside),
        share_of_zone: share(outside),
      };
    }
    return {
      kind,
      layer: layer.id,
      overlap_m2: inside,
      overlap_mu: m2ToMu(inside),
      share_of_zone: share(inside),
    };
  });
}
