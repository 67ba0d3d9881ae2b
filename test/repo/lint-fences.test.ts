// The layer fences in eslint.config.js: an upward import is an error at any depth of a layer.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<number> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => /no-restricted-imports/.test(m.ruleId ?? '')).length;
}

describe('layer fences', () => {
  it('keeps io free of state, even two folders down', async () => {
    expect(await restricted('src/io/shapefile/fake.ts', "import '../../state/store.ts';\n")).toBe(1);
  });
  it('keeps core free of io and of node:*', async () => {
    expect(
      await restricted('src/core/validity/fake.ts', "import '../../io/read.ts';\nimport 'node:fs';\n"),
    ).toBe(2);
  });
  it('keeps map free of state and ui', async () => {
    expect(
      await restricted('src/map/fake.ts', "import '../state/store.ts';\nimport '../ui/App.tsx';\n"),
    ).toBe(2);
  });
  it('lets state import the UI by type only, and never maplibre-gl', async () => {
    expect(await restricted('src/state/fake.ts', "import type { Lang } from '../ui/i18n.ts';\n")).toBe(0);
    expect(await restricted('src/state/fake.ts', "import { translate } from '../ui/i18n.ts';\n")).toBe(1);
    expect(await restricted('src/state/fake.ts', "import * as m from 'maplibre-gl';\n")).toBe(1);
  });
  it('keeps the worker to core, io and its named helpers', async () => {
    expect(await restricted('src/worker/fake.ts', "import '../state/persist.ts';\n")).toBe(0);
    expect(await restricted('src/worker/fake.ts', "import '../state/store.ts';\n")).toBe(1);
    expect(await restricted('src/worker/fake.ts', "import '../map/map-view.ts';\n")).toBe(1);
  });
  it('keeps maplibre-gl out of the UI', async () => {
    expect(await restricted('src/ui/Fake.tsx', "import * as m from 'maplibre-gl';\n")).toBe(1);
  });
  it("keeps the store's writer out of the UI: changes go through src/state", async () => {
    expect(await restricted('src/ui/Fake.tsx', "import { setState } from '../state/store.ts';\n")).toBe(1);
    expect(await restricted('src/ui/Fake.tsx', "import { store } from '../state/store.ts';\n")).toBe(0);
  });
});
