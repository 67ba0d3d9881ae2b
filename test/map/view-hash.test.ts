import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatView,
  hashWithView,
  nearExtent,
  readViewHash,
  viewPart,
  type Extent,
} from '../../src/map/view-hash.ts';

// MapLibre's defaults: zoom 0–22, pitch 0–60
const LIMITS = { minZoom: 0, maxZoom: 22, minPitch: 0, maxPitch: 60 };
const flat = { bearing: 0, pitch: 0 };

describe('reading the view from the hash', () => {
  it('reads zoom/lat/lon, with bearing and pitch when given', () => {
    expect(readViewHash('#16/32.1842/114.5301', LIMITS)).toEqual({
      kind: 'view',
      text: '16/32.1842/114.5301',
      view: { zoom: 16, lat: 32.1842, lon: 114.5301, ...flat },
    });
    expect(readViewHash('#14.5/32.18/114.53/-20.5/45', LIMITS)).toMatchObject({
      kind: 'view',
      view: { zoom: 14.5, lat: 32.18, lon: 114.53, bearing: -20.5, pitch: 45 },
    });
  });

  it('takes the view before other hash parameters, as MapLibre writes them', () => {
    expect(viewPart('#16/32.1/114.5&layers=zones')).toBe('16/32.1/114.5');
    expect(readViewHash('#16/32.1/114.5&layers=zones', LIMITS)).toMatchObject({ kind: 'view' });
  });

  it('an empty hash names no view', () => {
    for (const h of ['', '#', '#&x=1', '#%20']) expect(readViewHash(h, LIMITS), h).toEqual({ kind: 'none' });
  });

  it('anything else that is not a view within the limits is malformed', () => {
    const bad = [
      '#abc',
      '#16/32.1',
      '#16//114.5',
      '#16/32.1/',
      '#16/32.1/114.5/0/10/3',
      '#0x10/32.1/114.5',
      '#Infinity/32.1/114.5',
      '#16/NaN/114.5',
      '#16/95/114.5', // latitude beyond the pole
      '#16/32.1/190', // longitude beyond the antimeridian
      '#23/32.1/114.5', // deeper than the map's maxZoom 22
      '#-1/32.1/114.5',
      '#16/32.1/114.5/200', // bearing outside ±180
      '#16/32.1/114.5/0/61', // pitch beyond 60
      '#16/32.1/114.5/0/-5',
      '#%E0%A4%A', // a broken percent escape
    ];
    for (const h of bad) expect(readViewHash(h, LIMITS).kind, h).toBe('malformed');
  });
});

describe('writing the view', () => {
  it('keeps the centre to half a pixel: 6 decimals at zoom 16, 4 at zoom 11.46 (hand-computed)', () => {
    // 2 · 512 · 2^16 / 360 / cos 32.18° = 220 243 → 10^5.34 → 6 decimals
    expect(formatView({ zoom: 16, lat: 32.18421234, lon: 114.53012345, ...flat })).toBe(
      '16/32.184212/114.530123',
    );
    // 2 · 512 · 2^11.46 / 360 / cos 32.12° ≈ 9 466 → 4 decimals; zoom to 2 decimals
    expect(formatView({ zoom: 11.456, lat: 32.123456789, lon: 114.987654321, ...flat })).toBe(
      '11.46/32.1235/114.9877',
    );
  });

  it('adds bearing (0.1°) when bearing or pitch is set, and pitch (whole degrees) when set', () => {
    expect(formatView({ zoom: 15, lat: 32.1, lon: 114.5, bearing: 12.34, pitch: 0 })).toBe(
      '15/32.1/114.5/12.3',
    );
    expect(formatView({ zoom: 15, lat: 32.1, lon: 114.5, bearing: 0, pitch: 29.6 })).toBe(
      '15/32.1/114.5/0/30',
    );
    expect(formatView({ zoom: 15, lat: -0.00000001, lon: 114.5, bearing: -0.01, pitch: 0 })).toBe(
      '15/0/114.5',
    );
  });

  it('replaces only the view part of the hash', () => {
    const v = { zoom: 15, lat: 32.1, lon: 114.5, ...flat };
    expect(hashWithView('', v)).toBe('#15/32.1/114.5');
    expect(hashWithView('#abc', v)).toBe('#15/32.1/114.5');
    expect(hashWithView('#10/30/110&layers=zones', v)).toBe('#15/32.1/114.5&layers=zones');
  });

  it('what is written reads back within half a pixel (Mercator, 512 px world), any view', () => {
    // screen position of a lon/lat in pixels of a 512·2^z world, by the Mercator formulae
    const px = (zoom: number, lat: number, lon: number) => {
      const world = 512 * 2 ** zoom;
      const phi = (lat * Math.PI) / 180;
      return [
        ((lon + 180) / 360) * world,
        (world * (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI)) / 2,
      ];
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 22, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (zoom, lat, lon, bearing, pitch) => {
          const text = formatView({ zoom, lat, lon, bearing, pitch });
          const back = readViewHash(`#${text}`, LIMITS);
          if (back.kind !== 'view') return false;
          const z = back.view.zoom;
          const [x0, y0] = px(z, lat, lon);
          const [x1, y1] = px(z, back.view.lat, back.view.lon);
          return (
            Math.abs(z - zoom) <= 0.005 &&
            Math.abs(x1! - x0!) <= 0.5 &&
            Math.abs(y1! - y0!) <= 0.5 &&
            Math.abs(back.view.bearing - (bearing || pitch ? bearing : 0)) <= 0.05 + 1e-9 &&
            back.view.pitch === pitch
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('near the project', () => {
  // the sample's extent (county of Luoshan), rounded
  const luoshan: Extent = [114.2, 31.7, 114.9, 32.5];
  it('accepts the extent and a margin as wide as its larger side', () => {
    expect(nearExtent({ lat: 32.18, lon: 114.53 }, luoshan)).toBe(true);
    expect(nearExtent({ lat: 32.5 + 0.79, lon: 114.9 + 0.79 }, luoshan)).toBe(true);
  });
  it('refuses another province (Beijing) and a view just past the margin', () => {
    expect(nearExtent({ lat: 39.9, lon: 116.4 }, luoshan)).toBe(false);
    expect(nearExtent({ lat: 32.18, lon: 114.2 - 0.81 }, luoshan)).toBe(false);
  });
  it('a tiny project still gets 0.05° on each side', () => {
    const plot: Extent = [114.5, 32.1, 114.501, 32.101];
    expect(nearExtent({ lat: 32.14, lon: 114.5 }, plot)).toBe(true);
    expect(nearExtent({ lat: 32.16, lon: 114.5 }, plot)).toBe(false);
  });
});
