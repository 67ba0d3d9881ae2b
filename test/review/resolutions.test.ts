// The review's decisions: kept by the conflict's location id through the write path (undoable),
// carried over when the analysis runs again on changed plans, stale when no conflict matches any
// more, read back from a saved project and a manifest, and written to the export's sheet.
import { describe, expect, it } from 'vitest';
import {
  checkResolutions,
  matchResolutions,
  resolutionStateLabel,
  resolutionTable,
  snapshotOf,
  today,
  type Resolution,
  type ReviewedConflict,
} from '../../src/core/conflict-resolutions.ts';
import type { Project } from '../../src/core/types.ts';
import { run, type Doc } from '../../src/state/commands.ts';
import * as H from '../../src/state/history.ts';
import { checkSavedProject } from '../../src/state/validate-saved.ts';
import { loadProject } from '../../src/io/project.ts';
import { setState, store } from '../../src/state/store.ts';
import { undo } from '../../src/state/edit.ts';
import { markConflict } from '../../src/state/review.ts';
import { bundleManifest } from '../../src/io/export/project-bundle.ts';

const conflict = (id: string, area_m2: number, township = '周党镇', sliver = false): ReviewedConflict => ({
  id,
  planA: 'industry-plan',
  planB: 'land-use-plan',
  classA: '1001',
  classB: '基本农田',
  area_m2,
  township,
  village: '龙池村',
  sliver,
});

const mark = (c: ReviewedConflict, decision: Resolution['decision'], note = ''): Resolution => ({
  decision,
  note,
  date: '2026-12-01',
  conflict: snapshotOf(c),
});

const emptyProject = (): Project => ({
  name: 'p',
  crs: 'EPSG:4326',
  areaMethod: 'ellipsoidal',
  layers: [],
  settings: { intensityThreshold_wan_per_mu: 120 },
});
const docOf = (project: Project): Doc => ({ project, problems: [], visibility: {}, opacity: {} });

describe('set-resolution through the write path', () => {
  it('marks a conflict, undo takes the mark off and leaves no resolutions key, redo puts it back', () => {
    const c = conflict('c:114.52000,32.15000', 20_000);
    const doc0 = docOf(emptyProject());
    const m = mark(c, 'adjust-zone', '北区退让');
    const a = H.apply(H.emptyHistory(), doc0, { kind: 'set-resolution', conflictId: c.id, resolution: m });
    expect(a.doc.project.resolutions).toEqual({ [c.id]: m });
    const u = H.undo(a.history, a.doc);
    expect(u.doc.project).toEqual(doc0.project);
    expect('resolutions' in u.doc.project).toBe(false);
    const r = H.redo(u.history, u.doc);
    expect(r.doc.project.resolutions).toEqual({ [c.id]: m });
  });

  it('changing a decision is undone back to the earlier one, not to none', () => {
    const c = conflict('c1', 1000);
    const first = mark(c, 'accepted');
    const second = mark(c, 'adjust-other', '改城规');
    const d1 = run(docOf(emptyProject()), {
      kind: 'set-resolution',
      conflictId: c.id,
      resolution: first,
    }).doc;
    const r2 = run(d1, { kind: 'set-resolution', conflictId: c.id, resolution: second });
    expect(r2.doc.project.resolutions![c.id]).toEqual(second);
    expect(run(r2.doc, r2.inverse).doc.project.resolutions![c.id]).toEqual(first);
  });

  it('other marks stay when one is taken off', () => {
    const [a, b] = [conflict('a', 1), conflict('b', 2)];
    let d = docOf(emptyProject());
    d = run(d, { kind: 'set-resolution', conflictId: 'a', resolution: mark(a, 'accepted') }).doc;
    d = run(d, { kind: 'set-resolution', conflictId: 'b', resolution: mark(b, 'accepted') }).doc;
    d = run(d, { kind: 'set-resolution', conflictId: 'a' }).doc;
    expect(Object.keys(d.project.resolutions!)).toEqual(['b']);
  });
});

describe('carrying marks over when the plans change', () => {
  it('matches by location id; a mark whose conflict is gone is kept and stale', () => {
    const before = [conflict('north', 30_000), conflict('south', 5_000)];
    const marks = { north: mark(before[0]!, 'adjust-zone'), south: mark(before[1]!, 'accepted') };
    // The plans were changed: the southern conflict is gone, the northern one shrank, a new one came.
    const after = [conflict('north', 12_000), conflict('east', 8_000)];
    const rows = matchResolutions(after, marks);
    expect(rows.map((r) => [r.id, r.stale, r.resolution?.decision ?? null])).toEqual([
      ['north', false, 'adjust-zone'],
      ['east', false, null],
      ['south', true, 'accepted'],
    ]);
    // today's figures for a live conflict, the recorded ones for a stale mark
    expect(rows[0]!.conflict!.area_m2).toBe(12_000);
    expect(rows[2]!.resolution!.conflict.area_m2).toBe(5_000);
    expect(resolutionStateLabel(rows[2]!, 'zh')).toBe('已失效（予以接受）');
    expect(resolutionStateLabel(rows[2]!, 'en')).toBe('No longer found (Accepted)');
    expect(resolutionStateLabel(rows[1]!, 'zh')).toBe('未处理');
    expect(resolutionStateLabel(rows[0]!, 'zh')).toBe('调整集聚区规划');
  });

  it('a mark whose id changed finds its conflict by place: same pair, near enough for its size', () => {
    // 10 000 m²: reach max(20 m, √10 000 / 2 = 50 m). 30 m east at 32.1° N is 30 / (111 320 cos 32.1°) °.
    const dLon30 = 30 / (111_320 * Math.cos((32.1 * Math.PI) / 180));
    const at = (lon: number): [number, number] => [lon, 32.1];
    const old = { ...conflict('industry-plan~land-use-plan~wt9rn2m2', 10_000), at: at(114.5) };
    const far = { ...conflict('industry-plan~land-use-plan~wt9rn2zz', 10_000), at: at(114.51) };
    const marks = { [old.id]: mark(old, 'adjust-zone', '北区退让'), [far.id]: mark(far, 'accepted') };
    expect(marks[old.id]!.conflict.at).toEqual(at(114.5));
    const moved = { ...conflict('industry-plan~land-use-plan~wt9rn2m3', 9_000), at: at(114.5 + dLon30) };
    const otherPair = {
      ...conflict('industry-plan~urban-plan~wt9rn2m3', 9_000),
      planB: 'urban-plan',
      at: at(114.5),
    };
    const rows = matchResolutions([otherPair, moved], marks);
    expect(rows.map((r) => [r.id, r.markId ?? null, r.stale])).toEqual([
      [otherPair.id, null, false],
      [moved.id, old.id, false],
      [far.id, far.id, true],
    ]);
    expect(rows[1]!.resolution!.note).toBe('北区退让');
    // 60 m away is beyond the reach: the mark is stale
    const tooFar = { ...moved, at: at(114.5 + 2 * dLon30) };
    expect(matchResolutions([tooFar], marks).find((r) => r.id === old.id)?.stale).toBe(true);
  });

  it('re-marking a conflict found by place moves the mark to its new id in one undo step', () => {
    const old = { ...conflict('a~b~old', 10_000), at: [114.5, 32.1] as [number, number] };
    const now = { ...conflict('a~b~new', 10_000), at: [114.5, 32.1] as [number, number] };
    setState({
      project: { ...emptyProject(), resolutions: { [old.id]: mark(old, 'accepted') } },
      history: H.emptyHistory(),
    });
    const row = matchResolutions([now], store.get().project!.resolutions)[0]!;
    expect(row.markId).toBe(old.id);
    expect(markConflict(now, 'adjust-other', ' 改城规 ', '2026-12-02', row.markId)).toBe(true);
    expect(store.get().project!.resolutions).toEqual({
      [now.id]: { decision: 'adjust-other', note: '改城规', date: '2026-12-02', conflict: snapshotOf(now) },
    });
    undo();
    expect(Object.keys(store.get().project!.resolutions!)).toEqual([old.id]);
  });

  it('an id such as __proto__ or toString is an ordinary key', () => {
    const c = conflict('__proto__', 10);
    const { resolutions } = checkResolutions(
      JSON.parse(`{"__proto__": ${JSON.stringify(mark(c, 'accepted'))}}`),
    );
    expect(Object.keys(resolutions)).toEqual(['__proto__']);
    expect(matchResolutions([conflict('toString', 1)], resolutions).map((r) => [r.id, r.stale])).toEqual([
      ['toString', false],
      ['__proto__', true],
    ]);
  });
});

describe('reading marks back', () => {
  const good = mark(conflict('a', 666.6666666666666), 'adjust-other', '城规调整为 M2');

  it('checkResolutions keeps good marks and names the ones it drops', () => {
    const { resolutions, dropped } = checkResolutions({
      a: good,
      b: { ...good, decision: 'maybe' },
      c: { ...good, date: '1.12.2026' },
      d: 'accepted',
    });
    expect(resolutions).toEqual({ a: good });
    expect(dropped).toEqual(['b', 'c', 'd']);
    expect(checkResolutions(undefined)).toEqual({ resolutions: {}, dropped: [] });
  });

  it('a saved project keeps its marks', () => {
    const { project } = checkSavedProject(
      {
        name: 'p',
        crs: 'EPSG:4326',
        areaMethod: 'ellipsoidal',
        settings: {},
        resolutions: { a: good, x: 1 },
      },
      [],
      [],
    );
    expect(project!.resolutions).toEqual({ a: good });
  });

  it('a manifest carries its marks; a bad one is a warning naming the file and the key', async () => {
    const manifest = JSON.stringify({
      name: 'p',
      layers: [],
      resolutions: { a: good, b: { ...good, decision: 'later' } },
    });
    const { project, problems } = await loadProject(manifest, async () => new Uint8Array());
    expect(project!.resolutions).toEqual({ a: good });
    expect(project!.extra).toBeUndefined();
    const warning = problems.find((p) => p.code === 'manifest-bad-value');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('resolutions.b');
    // and the bundle writes them back into its manifest
    expect(bundleManifest(project!, []).resolutions).toEqual({ a: good });
  });
});

describe('the export sheet', () => {
  it('lists every conflict with its decision, then stale marks, 亩 whole when rounded', () => {
    // 1000 m² = 1.5 亩 → 2; 2500 m² = 3.75 亩 → 4 (1 亩 = 2000/3 m²)
    const conflicts = [conflict('a', 1000), conflict('b', 2500)];
    const marks = {
      a: mark(conflicts[0]!, 'adjust-zone', '退让'),
      gone: mark(conflict('gone', 400), 'accepted'),
    };
    const t = resolutionTable(conflicts, marks, {
      lang: 'zh',
      rounded: true,
      planName: (p) => (p === 'industry-plan' ? '产业集聚区规划' : p),
    });
    expect(t.header).toEqual([
      '冲突编号',
      '规划甲',
      // the conflict list's words for the same columns (one catalogue)
      '甲用地',
      '规划乙 / 控制线',
      '乙用地',
      '面积（亩）',
      '面积（平方米）',
      '乡镇',
      '村',
      '处理意见',
      '备注',
      '日期',
    ]);
    expect(t.rows).toEqual([
      [
        'a',
        '产业集聚区规划',
        '1001',
        'land-use-plan',
        '基本农田',
        2,
        1000,
        '周党镇',
        '龙池村',
        '调整集聚区规划',
        '退让',
        '2026-12-01',
      ],
      [
        'b',
        '产业集聚区规划',
        '1001',
        'land-use-plan',
        '基本农田',
        4,
        2500,
        '周党镇',
        '龙池村',
        '未处理',
        '',
        '',
      ],
      [
        'gone',
        '产业集聚区规划',
        '1001',
        'land-use-plan',
        '基本农田',
        1,
        400,
        '周党镇',
        '龙池村',
        '已失效（予以接受）',
        '',
        '2026-12-01',
      ],
    ]);
    const full = resolutionTable(conflicts, marks);
    expect(full.rows[0]![5]).toBe(1.5);
  });

  it('today is the local calendar day', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
