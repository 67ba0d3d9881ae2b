// The presentation of a manifest (contract §7), its issues worded with the manifest's name: core's
// reader (core/presentation-read.ts) checks it, this names the file in every problem.
import { readPresentation } from '../core/presentation-read.ts';
import type { Presentation } from '../core/presentation.ts';
import { makeProblem, type IoProblem } from './problem.ts';

export { presentationJson } from '../core/presentation-read.ts';

export function parsePresentation(
  raw: unknown,
  manifest: string,
  layerIds: readonly string[],
): { presentation?: Presentation; problems: IoProblem[] } {
  const { presentation, issues } = readPresentation(raw, layerIds);
  const problems = issues.map((i) =>
    makeProblem(i.code, i.severity, { manifest, ...i.params }, { file: manifest }),
  );
  return { ...(presentation ? { presentation } : {}), problems };
}
