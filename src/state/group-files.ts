// What the user picked, as the files to import one by one: a Shapefile's loose parts (.shp, .dbf,
// .shx, .prj, .cpg) chosen together become one zip, the form the readers take.
const SHAPE_PARTS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx', 'qix', 'xml']);

const ext = (name: string): string => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const stem = (name: string): string => name.replace(/\.[^.]+$/, '').replace(/\.shp$/i, '');

export async function groupImportFiles(files: File[]): Promise<File[]> {
  const shapes = new Map<string, File[]>();
  const out: File[] = [];
  for (const f of files) {
    if (SHAPE_PARTS.has(ext(f.name))) {
      const key = stem(f.name);
      shapes.set(key, [...(shapes.get(key) ?? []), f]);
    } else out.push(f);
  }
  if (shapes.size === 0) return out;
  const { zipFiles } = await import('../io/zip.ts');
  for (const [key, parts] of shapes) {
    if (!parts.some((p) => ext(p.name) === 'shp')) {
      out.push(...parts); // not a shapefile after all: let the reader say what it is
      continue;
    }
    const entries = await Promise.all(
      parts.map(async (p): Promise<[string, Uint8Array]> => [p.name, new Uint8Array(await p.arrayBuffer())]),
    );
    out.push(new File([(await zipFiles(entries, 0)) as BlobPart], `${key}.zip`, { type: 'application/zip' }));
  }
  return out;
}
