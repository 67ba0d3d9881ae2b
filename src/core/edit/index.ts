// Boundary editing in core: pure functions of geometry, one file each (issue 10).
export { diffRing, restoreExact, openRing, closeRing, samePos, type RingEdit } from './ring-diff.ts';
export { applyShared, hasVertex } from './topology.ts';
export { splitPolygon, reshapePolygon, type SplitResult, type LineEditFailure } from './split.ts';
export { mergeParts, cutHole, type BooleanEditResult, type BooleanEditFailure } from './boolean-edit.ts';
export { snapPoint, type Snapped, type SnapTargets } from './snap.ts';
export { editRefusal, type EditRefusal } from './edit-validity.ts';
