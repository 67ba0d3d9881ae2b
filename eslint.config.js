import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_LIBS = ['maplibre-gl', 'maplibre-gl/*', 'react', 'react-dom', 'react-dom/*'];
/** Import patterns naming the given src/ folders from any depth. */
const above = (...layers) => layers.flatMap((l) => [`**/${l}/*`, `**/${l}/**`]);

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'data/**', 'test/output/**', 'bench/output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**', 'scripts/**', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Layer fences (architecture.md: imports only point downwards: core < io < map < state < ui).
  // `**/` patterns so a deeper file (src/io/shapefile/x.ts) is fenced as well as a top-level one.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...UI_LIBS, 'node:*', ...above('io', 'map', 'state', 'ui', 'worker', 'cli')],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'fetch'],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...UI_LIBS, ...above('map', 'state', 'ui', 'worker', 'cli')] },
      ],
    },
  },
  {
    files: ['src/map/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', ...above('state', 'ui', 'worker', 'cli')] },
      ],
    },
  },
  {
    // state may call the worker through its page-side clients, and names the UI's words by type
    // only (Lang, MessageKey): a type import leaves no runtime edge upwards.
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['maplibre-gl'], message: 'maplibre-gl is used in src/map only.' },
            { group: above('cli'), message: 'state does not import the command line.' },
            { group: above('ui'), message: 'state imports the UI by type only.', allowTypeImports: true },
            {
              group: ['**/worker/*', '!**/worker/client.ts', '!**/worker/import-client.ts'],
              message: 'state talks to the worker through its clients only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The worker runs core and io; it also holds the project's writer (state/persist.ts), the
    // layer budget, the display decoration and the label points, modules without DOM or MapLibre.
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...UI_LIBS,
            ...above('ui', 'cli'),
            '**/state/*',
            '!**/state/persist.ts',
            '!**/state/layer-budget.ts',
            '**/map/*',
            '!**/map/decorate.ts',
            '!**/map/label-collection.ts',
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...UI_LIBS, ...above('map', 'state', 'ui', 'worker')] },
      ],
    },
  },
  {
    // The UI may import every layer, but MapLibre only through src/map, and it never writes the
    // store itself: one write path (src/state/edit.ts, commands.ts).
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'maplibre-gl is used in src/map only.' },
            {
              group: ['**/state/store.ts'],
              importNames: ['setState'],
              message: 'the UI changes the state through the named functions of src/state (edit.ts).',
            },
          ],
        },
      ],
    },
  },
);
