// Where the time goes while the built app imports the 300 000 parcels of bench/browser-large.ts: a
// CPU profile of the page and of every worker it starts (through CDP, each worker attached as it
// is created), summed per function's own time and printed per thread, from the file chosen until
// the map is drawn and the autosave is done. Build unminified for readable names:
//   npx vite build --minify false && npx tsx bench/profile-large.ts [parcels] [top]
// Prints figures; never fails on time.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addImport, layerDrawn, startHarness } from '../test/browser/harness.ts';
import { generate } from './large-geojson.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Own time per function (ms), from the sample deltas. */
function selfTimes(p: Profile): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const n = byId.get(samples[i]!);
    if (!n) continue;
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    out.set(key, (out.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return out;
}

/**
 * Stretches over `minMs` with no idle sample between, each with its start (s after `t0`, page
 * clock in µs) and the functions whose frames ran longest in it (own or below).
 */
function busySpans(p: Profile, t0: number, minMs = 100): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  const out: string[] = [];
  let t = p.startTime;
  let start = -1;
  let inSpan = new Map<string, number>();
  const flush = (end: number) => {
    if (start >= 0 && (end - start) / 1000 >= minMs) {
      const topFns = [...inSpan]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join('; ');
      out.push(`${((start - t0) / 1e6).toFixed(2)} s +${((end - start) / 1000).toFixed(0)} ms: ${topFns}`);
    }
    start = -1;
    inSpan = new Map();
  };
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    const n = byId.get(samples[i]!);
    const name = n?.callFrame.functionName ?? '';
    if (name === '(idle)') {
      flush(t);
      continue;
    }
    if (start < 0) start = t;
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let id: number | undefined = n?.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
      if (seen.has(key) || f.functionName === '(root)') continue;
      seen.add(key);
      inSpan.set(key, (inSpan.get(key) ?? 0) + dt);
    }
  }
  flush(t);
  return out;
}

const parcels = Number(process.argv[2] ?? 300_000);
const top = Number(process.argv[3] ?? 25);
const bytes = generate(parcels);
const path = join(tmpdir(), `zonemap-large-${parcels}.geojson`);
writeFileSync(path, bytes);

const h = await startHarness();
try {
  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 } });
  // A worker's profile is lost when it ends: the import worker's end is put off until it is taken.
  await page.addInitScript(() => {
    const end = Worker.prototype.terminate;
    Worker.prototype.terminate = function (this: Worker) {
      setTimeout(() => end.call(this), 120_000);
    };
  });
  await page.goto(h.baseUrl);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="row-planned"]', { state: 'attached', timeout: 60_000 });
  await page.evaluate('globalThis.__name = (f) => f');
  const cdp = await page.context().newCDPSession(page);
  // Workers: attached as they start, paused until their profiler runs (the old, unflattened
  // protocol, since playwright's CDPSession sends to its own target only).
  const workers: { sessionId: string; title: string }[] = [];
  let nextId = 1;
  const pending = new Map<number, (r: unknown) => void>();
  const toWorker = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    }
  });
  cdp.on(
    'Target.attachedToTarget',
    (e: { sessionId: string; targetInfo: { type: string; url: string; title: string } }) => {
      const title = e.targetInfo.url.split('/').pop() ?? e.targetInfo.type;
      workers.push({ sessionId: e.sessionId, title });
      void (async () => {
        await toWorker(e.sessionId, 'Profiler.enable');
        await toWorker(e.sessionId, 'Profiler.setSamplingInterval', { interval: 1000 });
        await toWorker(e.sessionId, 'Profiler.start');
        await toWorker(e.sessionId, 'Runtime.runIfWaitingForDebugger');
      })();
    },
  );
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const t0 = performance.now();
  await page.setInputFiles('[data-testid="import-input"]', path);
  await page.waitForSelector('[data-testid="import-summary"]', { timeout: 300_000 });
  const tRead = performance.now();
  await page.selectOption('[data-testid="import-role"]', 'landuse');
  await addImport(page);
  await page.waitForSelector(`[data-layer="zonemap-large-${parcels}"]`, { timeout: 300_000 });
  await layerDrawn(page, `zonemap-large-${parcels}`);
  const tShown = performance.now();
  await page
    .waitForSelector('[data-testid="save-status"][data-state="saving"]', { timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 300_000 });
  const tSaved = performance.now();
  console.log(
    `read ${((tRead - t0) / 1000).toFixed(2)} s, drawn ${((tShown - t0) / 1000).toFixed(2)} s, saved ${((tSaved - t0) / 1000).toFixed(2)} s`,
  );
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const show = (name: string, p: Profile) => {
    const times = [...selfTimes(p)].sort((a, b) => b[1] - a[1]);
    const busy = times.filter(([k]) => !k.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
    console.log(`\n== ${name}: ${busy.toFixed(0)} ms busy`);
    for (const [k, v] of times.slice(0, top)) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
    for (const line of busySpans(p, profile.startTime)) console.log(`  busy ${line}`);
  };
  show('page', profile);
  for (const w of workers) {
    const r = (await Promise.race([
      toWorker(w.sessionId, 'Profiler.stop'),
      new Promise((resolve) => setTimeout(() => resolve(null), 3000)),
    ])) as { profile: Profile } | null;
    if (r?.profile) show(`worker ${w.title}`, r.profile);
    else console.log(`\n== worker ${w.title}: ended before its profile was taken`);
  }
  await page.close();
} finally {
  await h.close();
}
