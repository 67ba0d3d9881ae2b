// Diagonal hatch images for fill-pattern, drawn into pixel buffers so no sprite is fetched.
export interface HatchImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function parseHex(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A size×size tile with 45° lines every `spacing` px over a translucent background. */
export function hatchImage(
  lineHex: string,
  backgroundAlpha: number,
  size = 12,
  spacing = 6,
  lineWidth = 1.6,
): HatchImage {
  const [r, g, b] = parseHex(lineHex);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // distance from the nearest diagonal x + y ≡ 0 (mod spacing), which tiles seamlessly
      const d = (x + y) % spacing;
      const dist = Math.min(d, spacing - d) / Math.SQRT2;
      const onLine = Math.max(0, Math.min(1, lineWidth / 2 + 0.5 - dist));
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
