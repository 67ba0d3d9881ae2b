// Source updates are batched: one setData per source per animation frame, the last data given.
import { describe, expect, it } from 'vitest';
import { SourceBatch } from '../../src/map/source-batch.ts';

function setup(known = new Set(['a', 'b'])) {
  const calls: [string, unknown][] = [];
  const frames: (() => void)[] = [];
  const batch = new SourceBatch(
    {
      setData: (id, data) => {
        if (!known.has(id)) return false;
        calls.push([id, data]);
        return true;
      },
    },
    (f) => frames.push(f),
  );
  return { batch, calls, frames };
}

const fc = (n: number): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection',
  features: [],
  bbox: [n, 0, n, 0],
});

describe('SourceBatch', () => {
  it('many updates of a source in one frame reach it once, with the last data', () => {
    const { batch, calls, frames } = setup();
    for (let i = 0; i < 100; i++) batch.set('a', fc(i));
    batch.set('b', fc(7));
    expect(calls).toEqual([]);
    expect(frames.length).toBe(1);
    frames.shift()!();
    expect(calls).toEqual([
      ['a', fc(99)],
      ['b', fc(7)],
    ]);
    expect(batch.flushedCalls).toBe(2);
  });

  it('a source that went is skipped; a forgotten update is not sent', () => {
    const { batch, calls, frames } = setup(new Set(['a']));
    batch.set('gone', fc(1));
    batch.set('a', fc(2));
    batch.forget('a');
    frames.shift()!();
    expect(calls).toEqual([]);
  });

  it('the next frame is asked for only when something waits', () => {
    const { batch, frames } = setup();
    batch.set('a', fc(1));
    frames.shift()!();
    expect(frames.length).toBe(0);
    batch.set('a', fc(2));
    expect(frames.length).toBe(1);
    expect(batch.waiting).toBe(1);
  });
});
