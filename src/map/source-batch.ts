// Data for GeoJSON sources, batched: whatever a source is given during one animation frame, it
// gets once, the last value, at the frame (terra-draw's adapter and placemark's PMap do so). An
// edit that touches a layer many times in a frame (a drag, an undo of a batch) costs one setData.
export type SourceData = GeoJSON.GeoJSON | string;

export interface SourceSink {
  /** sets a source's data now; false when there is no such source (any more) */
  setData(sourceId: string, data: SourceData): boolean;
}

export type FrameScheduler = (f: () => void) => unknown;

export class SourceBatch {
  private pending = new Map<string, SourceData>();
  private scheduled = false;
  /** how many setData calls reached the sources (for tests) */
  flushedCalls = 0;

  constructor(
    private sink: SourceSink,
    private schedule: FrameScheduler = (f) => requestAnimationFrame(f),
  ) {}

  set(sourceId: string, data: SourceData): void {
    this.pending.set(sourceId, data);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  /** Drops what a source was to get (the source is going). */
  forget(sourceId: string): void {
    this.pending.delete(sourceId);
  }

  flush(): void {
    this.scheduled = false;
    const work = this.pending;
    this.pending = new Map();
    for (const [id, data] of work) if (this.sink.setData(id, data)) this.flushedCalls++;
  }

  get waiting(): number {
    return this.pending.size;
  }
}
