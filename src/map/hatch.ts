// Hatch images for fill-pattern, drawn into pixel buffers so no sprite is fetched.
export interface HatchImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Line directions: '/' rises to the right, '\' falls to the right, 'x' is both (a cross-hatch). */
export type HatchKind = '/' | '\\' | 'x';

function parseHex(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A size×size tile with 45° lines every `spacing` px over a translucent background; `size` should
 * be a multiple of `spacing` so the tile repeats seamlessly.
 */
export function hatchImage(
  lineHex: string,
  backgroundAlpha: number,
  size = 12,
  spacing = 6,
  lineWidth = 1.6,
  kind: HatchKind = '/',
): HatchImage {
  const [r, g, b] = parseHex(lineHex);
  const data = new Uint8Array(size * size * 4);
  // coverage of a line family: distance from the nearest line k ≡ 0 (mod spacing)
  const cover = (k: number) => {
    const d = ((k % spacing) + spacing) % spacing;
    const dist = Math.min(d, spacing - d) / Math.SQRT2;
    return Math.max(0, Math.min(1, lineWidth / 2 + 0.5 - dist));
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // screen y grows downwards: '/' lines are x + y = const, '\' lines x − y = const
      const rising = kind === '\\' ? 0 : cover(x + y);
      const falling = kind === '/' ? 0 : cover(x - y);
      const onLine = Math.max(rising, falling);
      const alpha = onLine + (1 - onLine) * backgroundAlpha;
      const o = (y * size + x) * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, data };
}
