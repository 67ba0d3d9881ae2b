// The validity of one polygon (shell first, then holes) with the semantics of GEOS IsValidOp:
// crossings (also at a repeated vertex), self-touches, spikes, rings crossing each other, holes
// outside the shell, nested or repeated holes and a disconnected interior.
import Flatbush from 'flatbush';
import { findContacts, smallRingIsSimple, type Contact } from './contacts.ts';
import { VALIDITY_SEVERITY, type ValidityCode, type ValidityIssue } from './issues.ts';

/** Even-odd ray casting; points on an edge may go either way. */
export function pointInFlatRing(ring: ArrayLike<number>, px: number, py: number): boolean {
  let inside = false;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const x1 = ring[i]!;
    const y1 = ring[i + 1]!;
    const x2 = ring[i + 2]!;
    const y2 = ring[i + 3]!;
    if (y1 > py !== y2 > py && px < x1 + ((py - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
  }
  return inside;
}

/** Collects issues: the first place of each code and how many places there are. */
export class IssueList {
  readonly byCode = new Map<ValidityCode, ValidityIssue>();
  add(code: ValidityCode, x: number, y: number): void {
    const had = this.byCode.get(code);
    if (had) had.count++;
    else this.byCode.set(code, { code, severity: VALIDITY_SEVERITY[code], x, y, count: 1 });
  }
  merge(issue: ValidityIssue): void {
    const had = this.byCode.get(issue.code);
    if (had) had.count += issue.count;
    else this.byCode.set(issue.code, { ...issue });
  }
  get list(): ValidityIssue[] {
    return [...this.byCode.values()];
  }
  get hasErrors(): boolean {
    for (const i of this.byCode.values()) if (i.severity === 'error') return true;
    return false;
  }
}

const key = (x: number, y: number): string => `${x},${y}`;

/** One pass of a ring through a point: the directions (angles) it comes from and goes to. */
interface Pass {
  ring: number;
  /** angle towards the previous and the next position along the ring */
  a: number;
  b: number;
}

function vertexPass(rings: readonly Float64Array[], ring: number, v: number): Pass {
  const r = rings[ring]!;
  const n = r.length / 2 - 1;
  const x = r[2 * v]!;
  const y = r[2 * v + 1]!;
  const p = (v - 1 + n) % n;
  const q = (v + 1) % n;
  return {
    ring,
    a: Math.atan2(r[2 * p + 1]! - y, r[2 * p]! - x),
    b: Math.atan2(r[2 * q + 1]! - y, r[2 * q]! - x),
  };
}

function edgePass(rings: readonly Float64Array[], ring: number, e: number, x: number, y: number): Pass {
  const r = rings[ring]!;
  return {
    ring,
    a: Math.atan2(r[2 * e + 1]! - y, r[2 * e]! - x),
    b: Math.atan2(r[2 * e + 3]! - y, r[2 * e + 2]! - x),
  };
}

/** Whether angle t lies strictly inside the counter-clockwise arc from a to b. */
function inArc(a: number, b: number, t: number): boolean {
  const span = (b - a + 4 * Math.PI) % (2 * Math.PI);
  const at = (t - a + 4 * Math.PI) % (2 * Math.PI);
  return at > 0 && at < span;
}

/**
 * Two passes through a point cross when their directions alternate around it; passes leaving
 * along the same direction share a stretch of edge, which the overlap of those edges reports.
 */
function passesMeet(p: Pass, q: Pass): 'cross' | 'touch' | 'shared' {
  if (q.a === p.a || q.a === p.b || q.b === p.a || q.b === p.b) return 'shared';
  return inArc(p.a, p.b, q.a) !== inArc(p.a, p.b, q.b) ? 'cross' : 'touch';
}

/** The passes of the rings through a touching point, one per (ring, vertex or edge). */
function passesAt(rings: readonly Float64Array[], contacts: readonly Contact[]): Map<string, Pass[]> {
  const seen = new Set<string>();
  const at = new Map<string, Pass[]>();
  const addPass = (ring: number, edge: number, x: number, y: number) => {
    const r = rings[ring]!;
    const n = r.length / 2 - 1;
    let id: string;
    let pass: () => Pass;
    if (r[2 * edge] === x && r[2 * edge + 1] === y) {
      id = `${ring}v${edge}`;
      pass = () => vertexPass(rings, ring, edge);
    } else if (r[2 * edge + 2] === x && r[2 * edge + 3] === y) {
      const v = (edge + 1) % n;
      id = `${ring}v${v}`;
      pass = () => vertexPass(rings, ring, v);
    } else {
      id = `${ring}e${edge}`;
      pass = () => edgePass(rings, ring, edge, x, y);
    }
    const k = key(x, y);
    if (seen.has(`${k}|${id}`)) return;
    seen.add(`${k}|${id}`);
    const list = at.get(k);
    if (list) list.push(pass());
    else at.set(k, [pass()]);
  };
  for (const c of contacts) {
    if (c.kind !== 'touch') continue;
    addPass(c.ringA, c.edgeA, c.x, c.y);
    addPass(c.ringB, c.edgeB, c.x, c.y);
  }
  return at;
}

/** Whether two rings hold the same positions in the same cyclic order (either direction). */
function sameRing(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const n = a.length / 2 - 1;
  let start = -1;
  for (let i = 0; i < n; i++)
    if (b[2 * i] === a[0] && b[2 * i + 1] === a[1]) {
      start = i;
      break;
    }
  if (start < 0) return false;
  for (const dir of [1, -1]) {
    let same = true;
    for (let k = 0; k < n && same; k++) {
      const j = (((start + dir * k) % n) + n) % n;
      same = a[2 * k] === b[2 * j] && a[2 * k + 1] === b[2 * j + 1];
    }
    if (same) return true;
  }
  return false;
}

/** A point of the ring that is no touching point: a vertex where possible, else an edge middle. */
function testPoint(r: Float64Array, touching: ReadonlySet<string>): [number, number] {
  for (let i = 0; i + 1 < r.length; i += 2)
    if (!touching.has(key(r[i]!, r[i + 1]!))) return [r[i]!, r[i + 1]!];
  return [(r[0]! + r[2]!) / 2, (r[1]! + r[3]!) / 2];
}

function ringBox(r: Float64Array): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < r.length; i += 2) {
    const x = r[i]!;
    const y = r[i + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

const boxInside = (a: number[], b: number[]): boolean =>
  a[0]! >= b[0]! && a[1]! >= b[1]! && a[2]! <= b[2]! && a[3]! <= b[3]!;

/** Disjoint sets over numbered nodes; `join` says whether the two were apart. */
class Sets {
  private parent: number[] = [];
  node(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(a: number): number {
    while (this.parent[a] !== a) a = this.parent[a] = this.parent[this.parent[a]!]!;
    return a;
  }
  join(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[ra] = rb;
    return true;
  }
}

/**
 * The validity problems of one polygon: closed rings without consecutive repeats, the shell
 * first. Rings of any orientation.
 */
export function checkPolygon(rings: readonly Float64Array[]): ValidityIssue[] {
  if (rings.length === 1 && smallRingIsSimple(rings[0]!)) return [];
  const issues = new IssueList();
  // Repeated holes are one problem, not a crossing along every edge.
  // Only rings with the same box and length can be the same ring: compare within those groups,
  // so that tens of thousands of holes cost n, not n² (each ring against every earlier one).
  const boxes = rings.map(ringBox);
  const duplicateOf = new Map<number, number>();
  const sameBox = new Map<string, number[]>();
  for (let i = 1; i < rings.length; i++) {
    const k = `${rings[i]!.length}|${boxes[i]!.join(',')}`;
    const earlier = sameBox.get(k);
    if (!earlier) {
      sameBox.set(k, [i]);
      continue;
    }
    const j = earlier.find((e) => !duplicateOf.has(e) && sameRing(rings[e]!, rings[i]!));
    if (j !== undefined) {
      duplicateOf.set(i, j);
      issues.add('duplicate-hole', rings[i]![0]!, rings[i]![1]!);
    }
    earlier.push(i);
  }
  const contacts = findContacts(rings).filter(
    (c) => !(c.ringA !== c.ringB && (duplicateOf.has(c.ringA) || duplicateOf.has(c.ringB))),
  );
  if (contacts.length === 0 && rings.length === 1) return [];
  let ringsCross = false;
  for (const c of contacts) {
    if (c.kind === 'touch') continue;
    if (c.ringA !== c.ringB) {
      issues.add('rings-cross', c.x, c.y);
      ringsCross = true;
    } else if (c.kind === 'cross') issues.add('self-intersection', c.x, c.y);
    else {
      // A stretch walked twice: back and forth is a spike, twice the same way a self-overlap.
      const r = rings[c.ringA]!;
      const dA = [r[2 * c.edgeA + 2]! - r[2 * c.edgeA]!, r[2 * c.edgeA + 3]! - r[2 * c.edgeA + 1]!];
      const dB = [r[2 * c.edgeB + 2]! - r[2 * c.edgeB]!, r[2 * c.edgeB + 3]! - r[2 * c.edgeB + 1]!];
      issues.add(dA[0]! * dB[0]! + dA[1]! * dB[1]! < 0 ? 'spike' : 'self-intersection', c.x, c.y);
    }
  }
  const touching = new Set<string>();
  const sets = new Sets();
  const ringNode = rings.map(() => sets.node());
  let disconnected: [number, number] | undefined;
  for (const [k, passes] of passesAt(rings, contacts)) {
    touching.add(k);
    const [x, y] = k.split(',').map(Number) as [number, number];
    let selfCross = false;
    let selfTouch = false;
    for (let i = 0; i < passes.length; i++)
      for (let j = i + 1; j < passes.length; j++) {
        const p = passes[i]!;
        const q = passes[j]!;
        const how = passesMeet(p, q);
        if (how === 'shared') continue;
        if (p.ring === q.ring) {
          if (how === 'cross') selfCross = true;
          else selfTouch = true;
        } else if (how === 'cross') {
          issues.add('rings-cross', x, y);
          ringsCross = true;
        }
      }
    if (selfCross) issues.add('self-intersection', x, y);
    else if (selfTouch) issues.add('self-touching-ring', x, y);
    // Rings and touching points form a graph; a cycle in it encloses a piece of the interior.
    const point = sets.node();
    const rs = new Set(passes.map((p) => p.ring));
    if (rs.size > 1) for (const r of rs) if (!sets.join(ringNode[r]!, point)) disconnected ??= [x, y];
  }
  if (ringsCross || rings.length === 1) return issues.list;
  const shell = rings[0]!;
  const points = rings.map((r) => testPoint(r, touching));
  // The holes whose box holds a hole's box come from a flatbush of hole boxes, not from all holes.
  const holeIndex = new Flatbush(rings.length - 1);
  for (let i = 1; i < rings.length; i++) {
    const b = boxes[i]!;
    holeIndex.add(b[0], b[1], b[2], b[3]);
  }
  holeIndex.finish();
  for (let i = 1; i < rings.length; i++) {
    if (duplicateOf.has(i)) continue;
    const [x, y] = points[i]!;
    if (!boxInside(boxes[i]!, boxes[0]!) || !pointInFlatRing(shell, x, y)) {
      issues.add('hole-outside-shell', x, y);
      continue;
    }
    const b = boxes[i]!;
    const inside = holeIndex.search(b[0], b[1], b[2], b[3], (k) => {
      const j = k + 1;
      return (
        j !== i && !duplicateOf.has(j) && boxInside(boxes[i]!, boxes[j]!) && pointInFlatRing(rings[j]!, x, y)
      );
    });
    if (inside.length > 0) issues.add('nested-holes', x, y);
  }
  if (disconnected && !issues.byCode.has('nested-holes') && !issues.byCode.has('hole-outside-shell'))
    issues.add('disconnected-interior', disconnected[0], disconnected[1]);
  return issues.list;
}

export { testPoint, ringBox, boxInside };
