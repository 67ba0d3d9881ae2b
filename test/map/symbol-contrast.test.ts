// Every pair of map symbols that can lie over each other must be told apart: by colour (CIEDE2000
// ΔE ≥ 20) or by pattern (hatch direction, solid / dashed / dash-dot line). A line over another
// layer's fill must also stand out from that fill as seen (ΔE ≥ 10). The 2026-12-01 style drew
// basic farmland and the zone's control part in nearly the same green '/' hatch (ΔE 13).
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import type { LayerRole, ProjectLayer } from '../../src/core/types.ts';
import { hatchImage, type HatchImage } from '../../src/map/hatch.ts';
import { HATCHES, layerStyles } from '../../src/map/style.ts';
import { deltaEHex, over, parseHex, rgbToLab, deltaE2000 } from './colour.ts';

const BACKGROUND = '#f4f1ea';

interface MapSymbol {
  /** the project layer it belongs to */
  layer: string;
  style: string;
  kind: 'fill' | 'line';
  color: string;
  /** for fills the opacity they are drawn with (hatches: their lines are opaque) */
  opacity: number;
  pattern: string;
  /** a line drawn over a white casing or halo of its own, which keeps it readable over any fill */
  haloed?: boolean;
}

/** The hatch's line direction read from its pixels: lines of '/' are constant along (1, −1). */
export function hatchDirection(img: HatchImage): string {
  const alpha = (x: number, y: number) => {
    const n = img.width;
    return img.data[(((y + n) % n) * n + ((x + n) % n)) * 4 + 3]!;
  };
  const constantAlong = (dx: number, dy: number) => {
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) if (alpha(x, y) !== alpha(x + dx, y + dy)) return false;
    return true;
  };
  if (constantAlong(1, -1)) return '/';
  if (constantAlong(1, 1)) return '\\';
  return 'cross';
}

function dashClass(dash: unknown): string {
  if (!Array.isArray(dash)) return 'solid';
  if (dash.length === 2 && (dash[0] as number) <= 1) return 'dotted';
  return (
    ({ 2: 'dashed', 4: 'dash-dot', 6: 'dash-dot-dot' } as Record<number, string>)[dash.length] ?? 'dashed'
  );
}

/** The colours an expression can give: a literal, or every output of a match. */
function colorsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v[0] === 'match')
    return v.filter(
      (x, i) => i >= 3 && (i % 2 === 1 || i === v.length - 1) && typeof x === 'string',
    ) as string[];
  return [];
}

/** The symbols a layer's MapLibre style draws (white casings and halos are not symbols). */
export function symbolsOf(layer: ProjectLayer, hatches = HATCHES, styles = layerStyles(layer)): MapSymbol[] {
  const out: MapSymbol[] = [];
  for (const spec of styles as (LayerSpecification & { paint?: Record<string, unknown> })[]) {
    const paint = spec.paint ?? {};
    if (spec.type === 'fill') {
      const pattern = paint['fill-pattern'];
      if (typeof pattern === 'string') {
        const h = hatches[pattern];
        if (!h) throw new Error(`${spec.id}: no hatch ${pattern}`);
        const img = hatchImage(h.color, h.backgroundAlpha, h.size, h.spacing, h.lineWidth, h.kind);
        out.push({
          layer: layer.id,
          style: spec.id,
          kind: 'fill',
          color: h.color,
          opacity: 1,
          pattern: `hatch ${hatchDirection(img)}`,
        });
      } else {
        const opacity = typeof paint['fill-opacity'] === 'number' ? paint['fill-opacity'] : 1;
        for (const color of colorsOf(paint['fill-color']))
          out.push({ layer: layer.id, style: spec.id, kind: 'fill', color, opacity, pattern: 'solid' });
      }
    } else if (spec.type === 'line') {
      const filter = JSON.stringify((spec as { filter?: unknown }).filter);
      const haloed = styles.some(
        (o) =>
          o.type === 'line' &&
          o.id !== spec.id &&
          JSON.stringify((o as { filter?: unknown }).filter) === filter &&
          colorsOf((o as { paint?: Record<string, unknown> }).paint?.['line-color']).includes('#ffffff'),
      );
      for (const color of colorsOf(paint['line-color'])) {
        if (color.toLowerCase() === '#ffffff') continue;
        out.push({
          layer: layer.id,
          style: spec.id,
          kind: 'line',
          color,
          opacity: 1,
          pattern: dashClass(paint['line-dasharray']),
          haloed,
        });
      }
    }
  }
  return out;
}

const layer = (id: string, role: LayerRole, kind?: string): ProjectLayer => ({
  id,
  role,
  kind,
  file: `${id}.geojson`,
  crs: 'EPSG:4326',
  fields: {},
  features: [],
});

// Everything drawn over the zone and its surroundings. Land use and the plans are full-coverage
// colour tables under everything (and start hidden); they are not part of this check.
const LAYERS = [
  layer('zones', 'zone'),
  layer('parks', 'park'),
  layer('villages', 'village'),
  layer('enterprises', 'enterprise'),
  layer('roads', 'road'),
  layer('county', 'admin', 'county'),
  layer('towns', 'admin', 'township'),
  layer('farmland', 'constraint', 'basic-farmland'),
  layer('redline', 'constraint', 'ecological-redline'),
  layer('ubound', 'constraint', 'urban-boundary'),
];

/** A fill as the eye sees it: composited over the map background at its opacity. */
function seen(s: MapSymbol): [number, number, number] {
  return over(parseHex(s.color), s.opacity, parseHex(BACKGROUND));
}

/** The pairs that cannot be told apart, as readable lines. */
export function clashes(symbols: MapSymbol[]): string[] {
  const bad: string[] = [];
  // faint tints (parks 8 %, villages 12 %) are read by their outlines, not their fill
  const visible = symbols.filter((s) => s.kind === 'line' || s.opacity >= 0.3);
  for (let i = 0; i < visible.length; i++)
    for (let j = i + 1; j < visible.length; j++) {
      const a = visible[i]!;
      const b = visible[j]!;
      if (a.layer === b.layer) continue;
      const de = deltaEHex(a.color, b.color);
      if (a.kind === b.kind && a.pattern === b.pattern && de < 20)
        bad.push(`${a.style} and ${b.style}: both ${a.kind} ${a.pattern}, ΔE ${de.toFixed(1)}`);
      if (a.kind !== b.kind) {
        const [line, fill] = a.kind === 'line' ? [a, b] : [b, a];
        const deSeen = deltaE2000(rgbToLab(parseHex(line.color)), rgbToLab(seen(fill)));
        if (deSeen < 10 && !line.haloed)
          bad.push(`${line.style} over ${fill.style}: ΔE ${deSeen.toFixed(1)} against the fill`);
      }
    }
  return bad;
}

describe('map symbols that can overlap are told apart', () => {
  const symbols = LAYERS.flatMap((l) => symbolsOf(l));

  it('reads every layer it should check', () => {
    expect(symbols.length).toBeGreaterThan(20);
    expect(new Set(symbols.map((s) => s.layer))).toEqual(new Set(LAYERS.map((l) => l.id)));
  });

  it('gives the constraints their conventional symbols', () => {
    const farmland = symbolsOf(LAYERS.find((l) => l.id === 'farmland')!);
    expect(farmland.find((s) => s.kind === 'fill')?.pattern).toBe('hatch cross');
    // yellow-green: a hue between yellow (≈ 100° in L*a*b*) and green (≈ 135°)
    const [, a, b] = rgbToLab(parseHex(farmland.find((s) => s.kind === 'fill')!.color));
    const hue = (Math.atan2(b, a) * 180) / Math.PI;
    expect(hue).toBeGreaterThan(95);
    expect(hue).toBeLessThan(125);
    const redline = symbolsOf(LAYERS.find((l) => l.id === 'redline')!);
    expect(redline.map((s) => `${s.kind} ${s.pattern}`).sort()).toEqual(['fill hatch \\', 'line solid']);
    for (const s of redline) expect(deltaEHex(s.color, '#d32f2f')).toBeLessThan(10);
    const ubound = symbolsOf(LAYERS.find((l) => l.id === 'ubound')!);
    expect(ubound.map((s) => `${s.kind} ${s.pattern}`)).toEqual(['line dashed']);
    expect(deltaEHex(ubound[0]!.color, '#7b1fa2')).toBeLessThan(15);
  });

  it('no pair clashes', () => {
    expect(clashes(symbols)).toEqual([]);
  });

  it("catches the 2026-12-01 style's clashes (farmland over the control part, the purple dashed lines)", () => {
    // what that style drew, copied from its style.ts and map-view.ts
    const old = [
      {
        layer: 'zones',
        style: 'zones::control',
        kind: 'fill',
        color: '#4f9a5d',
        opacity: 1,
        pattern: `hatch ${hatchDirection(hatchImage('#4f9a5d', 0.22))}`,
      },
      {
        layer: 'farmland',
        style: 'farmland::fill',
        kind: 'fill',
        color: '#7cb342',
        opacity: 1,
        pattern: `hatch ${hatchDirection(hatchImage('#7cb342', 0.18, 10, 5, 1.2))}`,
      },
      { layer: 'parks', style: 'parks::line', kind: 'line', color: '#7b3fa0', opacity: 1, pattern: 'dashed' },
      {
        layer: 'ubound',
        style: 'ubound::line',
        kind: 'line',
        color: '#6a3d9a',
        opacity: 1,
        pattern: 'dashed',
      },
      {
        layer: 'villages',
        style: 'villages::line',
        kind: 'line',
        color: '#6d4c9f',
        opacity: 1,
        pattern: 'dashed',
      },
    ] satisfies MapSymbol[];
    const found = clashes(old);
    expect(found).toContain('zones::control and farmland::fill: both fill hatch /, ΔE 13.1');
    expect(found.filter((f) => f.includes('ubound::line'))).toHaveLength(2);
  });

  it('reads hatch directions from the pixels', () => {
    expect(hatchDirection(hatchImage('#000000', 0.2, 12, 6, 1.6, '/'))).toBe('/');
    expect(hatchDirection(hatchImage('#000000', 0.2, 12, 6, 1.6, '\\'))).toBe('\\');
    expect(hatchDirection(hatchImage('#000000', 0.2, 12, 6, 1.6, 'x'))).toBe('cross');
  });
});
