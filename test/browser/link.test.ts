// Links to a view, a feature and a mode (contract section 8, issue 15), in the built app.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mapIdle, OUTPUT_DIR, startHarness, type Harness } from './harness.ts';

interface View {
  zoom: number;
  lat: number;
  lon: number;
  bearing: number;
  pitch: number;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Opens the app at base URL + `link` (query and hash) and waits for the sample to be drawn. */
async function openLink(link: string, context?: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await (context ?? h.browser).newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(h.baseUrl + link);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="row-planned"]', { timeout: 60_000 });
  return { page, errors };
}

const viewOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __zonemapView: { view(): View } }).__zonemapView.view());

/** The view the location hash names now, read by the test itself. */
const hashView = async (page: Page): Promise<View | null> => {
  const hash = await page.evaluate(() => location.hash);
  const m = /^#([^/&]+)\/([^/&]+)\/([^/&]+)(?:\/([^/&]+))?(?:\/([^/&]+))?$/.exec(hash);
  if (!m) return null;
  return { zoom: +m[1]!, lat: +m[2]!, lon: +m[3]!, bearing: +(m[4] ?? 0), pitch: +(m[5] ?? 0) };
};

/** Close to within what the hash keeps: zoom to 0.01, the centre to a few 1e-6 degrees here. */
function expectSameView(a: View, b: View, tol = 2e-5): void {
  expect(Math.abs(a.zoom - b.zoom)).toBeLessThanOrEqual(0.006);
  expect(Math.abs(a.lat - b.lat)).toBeLessThanOrEqual(tol);
  expect(Math.abs(a.lon - b.lon)).toBeLessThanOrEqual(tol);
  expect(Math.abs(a.bearing - b.bearing)).toBeLessThanOrEqual(0.06);
  expect(Math.abs(a.pitch - b.pitch)).toBeLessThanOrEqual(0.5);
}

// One page opened on the plain link serves the tests that change the view of a running app (drag,
// jumps, hash changes): a load costs seconds of CPU. Its first view, read before any of them, is the
// project view that other links are compared with.
let shared: { page: Page; errors: string[] } | null = null;
let projectView: View;
async function sharedPage(): Promise<Page> {
  if (!shared) {
    shared = await openLink('');
    projectView = await viewOf(shared.page);
  }
  return shared.page;
}
async function theProjectView(): Promise<View> {
  await sharedPage();
  return projectView;
}
afterAll(() => {
  expect(shared?.errors ?? []).toEqual([]);
});

const notices = (page: Page) => page.locator('[data-testid="toast-notice"]');

describe('the view in the URL hash', () => {
  it('a link with a hash opens the map at that view (centre, zoom, bearing, pitch)', async () => {
    const { page, errors } = await openLink('#15.5/32.1735/114.5462/-25.5/40');
    const v = await viewOf(page);
    expectSameView(v, { zoom: 15.5, lat: 32.1735, lon: 114.5462, bearing: -25.5, pitch: 40 }, 1e-7);
    // and not the project's extent, which fits the zone at a lower zoom
    expect((await theProjectView()).zoom).toBeLessThan(14.5);
    expect(await notices(page).count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toBe('#15.5/32.1735/114.5462/-25.5/40');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('dragging the map writes the new view to the hash', async () => {
    const page = await sharedPage();
    await page.evaluate(() => {
      location.hash = '#14/32.17/114.54';
    });
    await expect.poll(async () => (await viewOf(page)).zoom).toBe(14);
    const before = await viewOf(page);
    expect(await page.evaluate(() => location.hash)).toBe('#14/32.17/114.54');
    const canvas = await page.locator('.maplibregl-canvas').boundingBox();
    const x = canvas!.x + canvas!.width / 2;
    const y = canvas!.y + canvas!.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x - 20 * i, y - 12 * i);
    await page.mouse.up();
    await mapIdle(page);
    const after = await viewOf(page);
    // dragged 200 px left and 120 px up: the centre moves east and south
    expect(after.lon).toBeGreaterThan(before.lon + 0.005);
    expect(after.lat).toBeLessThan(before.lat - 0.003);
    await expect
      .poll(async () => {
        const hv = await hashView(page);
        return hv !== null && Math.abs(hv.lon - after.lon) < 1e-5 && Math.abs(hv.lat - after.lat) < 1e-5;
      })
      .toBe(true);
    expectSameView((await hashView(page))!, after);
  });

  it('a move through the test hook (jumpTo) is written too, throttled but never lost', async () => {
    const page = await sharedPage();
    // ten jumps in quick succession: the hash ends at the last one
    await page.evaluate(async () => {
      const hook = (window as unknown as { __zonemapView: { jumpTo(v: Partial<View>): void } }).__zonemapView;
      for (let i = 0; i < 10; i++) {
        hook.jumpTo({ zoom: 13 + i * 0.1, lat: 32.15 + i * 0.001, lon: 114.5 + i * 0.002, bearing: 10 });
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#13.9/32.159/114.518/10');
  });

  it('changing the hash moves the map; a bad one leaves it with a notice', async () => {
    const page = await sharedPage();
    // the tests before on this page raised no notice
    expect(await notices(page).count()).toBe(0);
    await page.evaluate(() => {
      location.hash = '#16.25/32.181/114.522';
    });
    await expect.poll(async () => (await viewOf(page)).zoom).toBe(16.25);
    expectSameView(
      await viewOf(page),
      { zoom: 16.25, lat: 32.181, lon: 114.522, bearing: 0, pitch: 0 },
      1e-7,
    );
    await page.evaluate(() => {
      location.hash = '#16/not/a-view';
    });
    await expect.poll(() => notices(page).count()).toBe(1);
    expect(await notices(page).textContent()).toContain('“#16/not/a-view”无法识别');
    expect(await notices(page).textContent()).toContain('地图保持原来的视图');
    expectSameView(
      await viewOf(page),
      { zoom: 16.25, lat: 32.181, lon: 114.522, bearing: 0, pitch: 0 },
      1e-7,
    );
    // the address bar shows where the map is again
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#16.25/32.181/114.522');
  });

  it('a malformed hash leaves the project view, with a notice and no page error', async () => {
    const { page, errors } = await openLink('#16/32.18/abc');
    expectSameView(await viewOf(page), await theProjectView(), 1e-9);
    await expect.poll(() => notices(page).count()).toBe(1);
    expect(await notices(page).textContent()).toContain('链接中的视图“#16/32.18/abc”无法识别');
    expect(await notices(page).textContent()).toContain('已显示整个项目范围');
    await page.screenshot({ path: `${OUTPUT_DIR}/link-malformed-notice.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a view far outside the project (Beijing) is not followed, and the notice speaks English with ?lang=en', async () => {
    const { page, errors } = await openLink('?lang=en#12/39.9042/116.4074');
    expectSameView(await viewOf(page), await theProjectView(), 1e-9);
    await expect
      .poll(() => notices(page).textContent())
      .toContain(
        'The view in the link (lat 39.9042, lon 116.4074) lies far outside the project. Showing the whole project instead.',
      );
    // the query is kept as it was
    expect(await page.evaluate(() => location.search)).toBe('?lang=en');
    expect(errors).toEqual([]);
    await page.close();
  });
});

const villages = JSON.parse(readFileSync('data/luoshan/villages.geojson', 'utf8')) as {
  features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[];
};

/** A geometry's bounding box, from its coordinates as the file holds them. */
function bbox(geometry: { coordinates: unknown }): [number, number, number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      xs.push(c[0]);
      ys.push(c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(geometry.coordinates);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe('?select= and ?mode=', () => {
  it('?select=villages/3 shows that village in the inspector, outlined and in view', async () => {
    const name = String(villages.features[3]!.properties['名称']);
    const { page, errors } = await openLink('?select=villages/3');
    const inspector = page.locator('[data-testid="inspector"]');
    await expect.poll(() => inspector.textContent()).toContain(name);
    expect(await inspector.textContent()).toContain('#3');
    await mapIdle(page);
    // the outline is drawn on screen: the highlight layer renders features in the viewport
    const outlined = await page.evaluate(() =>
      (window as unknown as { __zonemapTest: { highlightCount(): number } }).__zonemapTest.highlightCount(),
    );
    expect(outlined).toBeGreaterThan(0);
    // with no hash the map centres on the feature, closer than the project view
    const [minX, minY, maxX, maxY] = bbox(villages.features[3]!.geometry);
    const v = await viewOf(page);
    expect(v.lon).toBeGreaterThan(minX);
    expect(v.lon).toBeLessThan(maxX);
    expect(v.lat).toBeGreaterThan(minY);
    expect(v.lat).toBeLessThan(maxY);
    expect(v.zoom).toBeGreaterThan((await theProjectView()).zoom);
    expect(await notices(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('?select= with a hash keeps the hash view', async () => {
    const { page } = await openLink('?select=villages/0#13/32.16/114.53');
    await expect.poll(() => page.locator('[data-testid="inspector"]').textContent()).toContain('胡湾村');
    expectSameView(await viewOf(page), { zoom: 13, lat: 32.16, lon: 114.53, bearing: 0, pitch: 0 }, 1e-7);
    await page.close();
  });

  it('a bad select or an unavailable mode gives a notice, no error; ?mode=view none', async () => {
    const { page, errors } = await openLink('?select=villages/999&mode=edit');
    await expect.poll(() => notices(page).count()).toBe(2);
    // in either order: the mode is checked when the link's code has loaded, the feature when the
    // project has (CI saw both orders)
    const text = await notices(page).allTextContents();
    expect(text.filter((t) => t.includes('图层“villages”中没有要素“999”（该图层共'))).toHaveLength(1);
    expect(text.filter((t) => t.includes('“edit”模式尚未推出，已以浏览模式打开'))).toHaveLength(1);
    expect(await page.locator('[data-testid="inspector"]').textContent()).toContain(
      '点击地图上的要素查看属性',
    );
    expect(errors).toEqual([]);
    await page.close();
    const plain = await openLink('?mode=view&select=nolayer/1');
    await expect.poll(() => notices(plain.page).count()).toBe(1);
    expect(await notices(plain.page).textContent()).toContain('链接中的图层“nolayer”不在本项目中');
    expect(plain.errors).toEqual([]);
    await plain.page.close();
  });
});

describe('复制链接', () => {
  it('the inspector button copies a link to the feature and the view; opening it shows both', async () => {
    const context = await h.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = await openLink('?lang=zh&select=villages/0#14.75/32.1822/114.5201', context);
    await expect.poll(() => page.locator('[data-testid="inspector"]').textContent()).toContain('胡湾村');
    await page.click('[data-testid="copy-feature-link"]');
    const toast = page.locator('[data-testid="toast-done"]');
    await expect.poll(() => toast.textContent()).toContain('链接已复制到剪贴板');
    // The confirmation lasts 3 s: its box is read at once and both pictures taken before anything
    // else (a locator screenshot after the clipboard read missed it once with the cores busy).
    const box = await page.locator('[data-testid="toasts"]').boundingBox();
    await page.screenshot({ path: `${OUTPUT_DIR}/link-copied-toast.png` });
    if (box) await page.screenshot({ path: `${OUTPUT_DIR}/link-copied-toast-close.png`, clip: box });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${h.baseUrl}?lang=zh&select=villages/0#14.75/32.1822/114.5201`);
    // the confirmation fades by itself
    await expect.poll(() => toast.count(), { timeout: 6000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.close();

    const opened = await openLink(copied.slice(h.baseUrl.length));
    await expect
      .poll(() => opened.page.locator('[data-testid="inspector"]').textContent())
      .toContain('胡湾村');
    expectSameView(
      await viewOf(opened.page),
      { zoom: 14.75, lat: 32.1822, lon: 114.5201, bearing: 0, pitch: 0 },
      1e-7,
    );
    await opened.page.close();
    await context.close();
  });

  it('the map control copies the view without the selection', async () => {
    const context = await h.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await openLink('?select=villages/0#14/32.17/114.53', context);
    expect(await page.locator('[data-testid="map-copy-link"]').getAttribute('title')).toBe(
      '复制当前视图的链接',
    );
    await page.evaluate(() =>
      (window as unknown as { __zonemapView: { jumpTo(v: Partial<View>): void } }).__zonemapView.jumpTo({
        zoom: 15,
        lat: 32.165,
        lon: 114.525,
      }),
    );
    // copied at once, before the throttled hash write: the link has the view the map shows now
    await page.click('[data-testid="map-copy-link"]');
    await expect.poll(() => page.locator('[data-testid="toast-done"]').count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${h.baseUrl}#15/32.165/114.525`);
    await page.close();
    await context.close();
  });

  it('when the clipboard refuses, the link is shown selected in a field to copy by hand', async () => {
    const context = await h.browser.newContext();
    await context.addInitScript(() => {
      // The script also runs in about:blank, which has no clipboard.
      if (!navigator.clipboard) return;
      Object.defineProperty(navigator.clipboard, 'writeText', {
        value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
      });
    });
    const { page, errors } = await openLink('?lang=en#14/32.17/114.53', context);
    expect(await page.locator('[data-testid="map-copy-link"]').getAttribute('aria-label')).toBe(
      'Copy a link to this view',
    );
    await page.click('[data-testid="map-copy-link"]');
    const field = page.locator('[data-testid="copy-link-field"]');
    await expect.poll(() => field.count()).toBe(1);
    expect(await field.inputValue()).toBe(`${h.baseUrl}?lang=en#14/32.17/114.53`);
    expect(await page.locator('[data-testid="toast-copy"]').textContent()).toContain(
      'The clipboard is not available',
    );
    const selected = await field.evaluate((el: HTMLInputElement) => [
      document.activeElement === el,
      el.selectionStart,
      el.selectionEnd,
      el.value.length,
    ]);
    expect(selected).toEqual([true, 0, selected[3], selected[3]]);
    await page.screenshot({ path: `${OUTPUT_DIR}/link-copy-by-hand.png` });
    await page.locator('[data-testid="toast-copy"] .toast-close').click();
    expect(await field.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    await context.close();
  });
});
