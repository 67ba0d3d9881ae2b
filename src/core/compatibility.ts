// The class-compatibility table of the three-plan review: which two classes of two plans (or a plan
// and a 三区三线 constraint) agree. An ordered list of symmetric rules, the first that matches
// decides; the project's own rules (zonemap.json settings.compatibility, docs/conflicts.md) come
// before the defaults, so one line can turn a default agreement into a conflict or back.
import { isConstructionUse, PLAN_USES, type PlanUse } from './plan-classes.ts';

export type Verdict = 'agree' | 'conflict';

export interface CompatibilityRule {
  id: string;
  /** selectors, see `matches`: a use, `construction`, `non-construction`, `*`, a class code or name, `kind:code` */
  a: string;
  b: string;
  verdict: Verdict;
}

/** One side of a comparison: a plan class, or a constraint (its kind is its class). */
export interface ClassSide {
  /** the plan kind or the constraint kind (`basic-farmland`, `outside-urban-boundary`…) */
  kind: string;
  code: string;
  name: string;
  use: PlanUse | 'constraint';
}

export const CONSTRAINT_SIDES = ['basic-farmland', 'ecological-redline', 'outside-urban-boundary'] as const;

const NON_URBAN: readonly PlanUse[] = ['agricultural', 'water', 'other-land'];

/** The defaults, in the order they are tried (docs/conflicts.md explains each). */
export const DEFAULT_RULES: readonly CompatibilityRule[] = [
  // A 三区三线 constraint against a plan's construction land.
  { id: 'construction-on-basic-farmland', a: 'construction', b: 'basic-farmland', verdict: 'conflict' },
  { id: 'construction-in-red-line', a: 'construction', b: 'ecological-redline', verdict: 'conflict' },
  {
    id: 'construction-outside-urban-boundary',
    a: 'construction',
    b: 'outside-urban-boundary',
    verdict: 'conflict',
  },
  { id: 'constraint-other', a: '*', b: 'constraint', verdict: 'agree' },
  // The same use in both plans agrees.
  ...PLAN_USES.filter((u) => u !== 'unknown').map((u): CompatibilityRule => ({
    id: 'same-use',
    a: u,
    b: u,
    verdict: 'agree',
  })),
  // 留白用地 is held for a later construction use: any construction class agrees with it.
  { id: 'reserve-any-construction', a: 'reserve', b: 'construction', verdict: 'agree' },
  // Against the land-use plan's zones.
  { id: 'construction-in-allowed-zone', a: 'construction', b: 'lp-allowed', verdict: 'agree' },
  { id: 'construction-in-conditional-zone', a: 'construction', b: 'lp-conditional', verdict: 'agree' },
  { id: 'construction-in-restricted-zone', a: 'construction', b: 'lp-restricted', verdict: 'conflict' },
  { id: 'construction-in-forbidden-zone', a: 'construction', b: 'lp-forbidden', verdict: 'conflict' },
  { id: 'construction-on-plan-farmland', a: 'construction', b: 'lp-farmland', verdict: 'conflict' },
  { id: 'non-construction-in-any-zone', a: 'non-construction', b: 'land-use-plan', verdict: 'agree' },
  // Between the zone plan and the urban plan.
  { id: 'different-construction-use', a: 'construction', b: 'construction', verdict: 'conflict' },
  { id: 'construction-vs-non-construction', a: 'construction', b: 'non-construction', verdict: 'conflict' },
  { id: 'non-construction-both', a: 'non-construction', b: 'non-construction', verdict: 'agree' },
];

/** Whether a selector names this side. */
function matches(sel: string, s: ClassSide): boolean {
  if (sel === '*') return true;
  if (sel === s.use) return true;
  if (s.use === 'constraint') return sel === 'constraint' || sel === s.kind;
  if (sel === 'construction') return isConstructionUse(s.use);
  if (sel === 'non-construction') return NON_URBAN.includes(s.use);
  if (sel === s.kind) return true;
  if (sel === s.code || (s.name !== '' && sel === s.name)) return true;
  const colon = sel.indexOf(':');
  if (colon > 0) return sel.slice(0, colon) === s.kind && matches(sel.slice(colon + 1), s);
  return false;
}

function applies(r: CompatibilityRule, a: ClassSide, b: ClassSide): boolean {
  return (matches(r.a, a) && matches(r.b, b)) || (matches(r.a, b) && matches(r.b, a));
}

export interface Decision {
  verdict: Verdict;
  /** the id of the rule that decided; '' when none matched (they agree) */
  rule: string;
}

/** The first rule (project's, then defaults) that applies to the two sides. */
export function decide(rules: readonly CompatibilityRule[], a: ClassSide, b: ClassSide): Decision {
  for (const r of rules) if (applies(r, a, b)) return { verdict: r.verdict, rule: r.id };
  return { verdict: 'agree', rule: '' };
}

export interface RuleProblem {
  index: number;
  reason: string;
}

/**
 * The project's rules from zonemap.json (`settings.compatibility`), checked: a rule needs `a`, `b`
 * and `verdict` agree|conflict; `id` defaults to `project-<n>`. Bad rules are left out and named.
 */
export function projectRules(raw: unknown): { rules: CompatibilityRule[]; problems: RuleProblem[] } {
  const rules: CompatibilityRule[] = [];
  const problems: RuleProblem[] = [];
  if (raw === undefined) return { rules, problems };
  if (!Array.isArray(raw)) return { rules, problems: [{ index: -1, reason: 'not-a-list' }] };
  raw.forEach((r: unknown, index) => {
    if (typeof r !== 'object' || r === null) return problems.push({ index, reason: 'not-an-object' });
    const o = r as Record<string, unknown>;
    const a = typeof o.a === 'string' ? o.a.trim() : '';
    const b = typeof o.b === 'string' ? o.b.trim() : '';
    if (!a || !b) return problems.push({ index, reason: 'missing-a-or-b' });
    if (o.verdict !== 'agree' && o.verdict !== 'conflict')
      return problems.push({ index, reason: 'bad-verdict' });
    const id = typeof o.id === 'string' && o.id.trim() ? o.id.trim() : `project-${index + 1}`;
    rules.push({ id, a, b, verdict: o.verdict });
  });
  return { rules, problems };
}
