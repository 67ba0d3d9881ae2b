// 汇报演示 in the built app at 1920×1080 (issue 12): the time from a cold start (a new browser
// context: no cache, nothing saved) of `?mode=present` to the first slide drawn with its figure
// cards, and the frames per second MapLibre draws during each camera flight of the sample's
// presentation. Prints figures; never fails on time.
// Run: npx vite build && npx tsx bench/present-browser.ts [runs]
import type { Page } from 'playwright-core';
import { startHarness } from '../test/browser/harness.ts';

const runs = Number(process.argv[2] ?? 3);
const viewport = { width: 1920, height: 1080 };

/** Milliseconds from the page's navigation start to the first slide on screen with its cards. */
async function firstSlideMs(page: Page): Promise<number> {
  await page.waitForFunction(
    () =>
      document.body.getAttribute('data-slide-shown') === '0' &&
      document.querySelector('.figure-card') !== null,
    undefined,
    { timeout: 180_000, polling: 50 },
  );
  return page.evaluate(() => performance.now());
}

/**
 * Frames the page shows while the camera moves, after pressing `key`, per second of moving: animation
 * frames counted while the map's camera is moving (read through the map's test hook), which a slow
 * draw delays as it delays the map's own frames.
 */
async function flightFps(page: Page, key: string, next: number): Promise<{ fps: number; seconds: number }> {
  await page.evaluate(() => {
    type W = {
      __zonemapTest: { camera(): { moving: boolean } };
      __flight?: { frames: number; first: number; last: number; stop: boolean };
    };
    const w = window as unknown as W;
    const f = { frames: 0, first: 0, last: 0, stop: false };
    w.__flight = f;
    const tick = (now: number) => {
      if (w.__zonemapTest.camera().moving) {
        if (f.frames++ === 0) f.first = now;
        f.last = now;
      }
      if (!f.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.keyboard.press(key);
  await page.waitForFunction((n) => document.body.getAttribute('data-slide-shown') === String(n), next, {
    timeout: 120_000,
  });
  const f = await page.evaluate(() => {
    const flight = (
      window as unknown as { __flight: { frames: number; first: number; last: number; stop: boolean } }
    ).__flight;
    flight.stop = true;
    return flight;
  });
  const seconds = (f.last - f.first) / 1000;
  return { fps: seconds > 0 ? (f.frames - 1) / seconds : 0, seconds };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const h = await startHarness();
try {
  console.log(
    `presentation of the Luoshan sample at ${viewport.width}×${viewport.height}, headless Chromium (SwiftShader)`,
  );
  const starts: number[] = [];
  let fpsAll: number[] = [];
  for (let r = 0; r < runs; r++) {
    const context = await h.browser.newContext({ viewport });
    const page = await context.newPage();
    // tsx keeps function names with a __name helper that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(`${h.baseUrl}?mode=present`);
    const ms = await firstSlideMs(page);
    starts.push(ms);
    const slides = await page.evaluate(() =>
      Number(document.querySelector('.slide-progress')?.getAttribute('aria-valuemax')),
    );
    const fps: number[] = [];
    for (let i = 1; i < slides; i++) {
      const f = await flightFps(page, i % 2 ? 'ArrowRight' : 'PageDown', i);
      fps.push(f.fps);
      if (r === 0)
        console.log(
          `  flight to slide ${i + 1}: ${f.fps.toFixed(1)} frames/s over ${f.seconds.toFixed(2)} s`,
        );
    }
    fpsAll = fpsAll.concat(fps);
    console.log(
      `run ${r + 1}: first slide ${(ms / 1000).toFixed(2)} s after navigation; flights ${median(fps).toFixed(1)} frames/s (median of ${fps.length})`,
    );
    await context.close();
  }
  console.log(
    `median of ${runs} cold starts: first slide ${(median(starts) / 1000).toFixed(2)} s; flights ${median(fpsAll).toFixed(1)} frames/s (min ${Math.min(...fpsAll).toFixed(1)}, max ${Math.max(...fpsAll).toFixed(1)})`,
  );
} finally {
  await h.close();
}
