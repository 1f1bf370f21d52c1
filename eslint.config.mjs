import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'url', 'util', 'stream', 'events'];

// Runtime boundaries are enforced here, not hoped for: shared/ is pure, renderer/ talks to main only through
// the IPC contract, and only the thin Electron shell may import 'electron'.
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.native/**', 'test-results/**', '.claimdesk-dev/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely', 'axios', 'fastify', 'react', 'react-dom'], message: 'shared/ is pure TypeScript: no Node, Electron, DOM or storage imports.' },
            { group: ['**/electron/**', '**/core/**', '**/cli/**', '**/host/**', '**/renderer/**', '**/server/**'], message: 'shared/ must not depend on an app layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererPatterns() }],
    },
  },
  // The renderer is layered app → pages → job → widgets → state → (api, lib): a folder never imports one above it,
  // so a widget cannot reach into a page and a store cannot depend on a component.
  ...rendererLayer('renderer/src/job/**', ['pages', 'app']),
  ...rendererLayer('renderer/src/widgets/**', ['pages', 'app', 'job']),
  ...rendererLayer('renderer/src/state/**', ['pages', 'app', 'job', 'widgets']),
  ...rendererLayer('renderer/src/{api,lib}/**', ['pages', 'app', 'job', 'widgets', 'state']),
  {
    files: ['core/**/*.ts', 'cli/**/*.ts', 'host/**/*.ts', 'server/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron: everything else runs under plain Node.' }] },
      ],
    },
  },
  // core/ is the Electron-free back-end the three shells (electron/, cli/, host/) share: it never imports a shell,
  // the reference server or the renderer.
  { files: ['core/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreRules()] } },
  // Inside core/, services depend one way, in the order the composition root builds them: db and repos ← session,
  // sync ← workflow ← outbox ← jobs ← documents ← field ← app. The workflow answers what must reach the server and never
  // writes the outbox; jobs never reach into IPC; only app/ wires everything. (api, geo, basemap, plss, platform and ipc are leaves.)
  ...coreLayer('core/{db,repos,api,geo,basemap,plss,platform,ipc}', ['session', 'sync', 'workflow', 'outbox', 'jobs', 'documents', 'field', 'app']),
  ...coreLayer('core/{session,sync}', ['workflow', 'outbox', 'jobs', 'documents', 'field', 'app', 'ipc']),
  ...coreLayer('core/workflow', ['session', 'sync', 'outbox', 'jobs', 'documents', 'field', 'app', 'ipc']),
  ...coreLayer('core/outbox', ['session', 'sync', 'jobs', 'documents', 'field', 'app', 'ipc']),
  ...coreLayer('core/jobs', ['session', 'sync', 'documents', 'field', 'app', 'ipc']),
  ...coreLayer('core/documents', ['session', 'sync', 'field', 'app', 'ipc']),
  ...coreLayer('core/field', ['session', 'sync', 'app', 'ipc']),
  // After delivery: the recording and filing entries and the claims' deadlines read repos and fire workflow events.
  ...coreLayer('core/{filings,deadlines}', ['session', 'sync', 'jobs', 'documents', 'field', 'app', 'ipc']),
  // Field crews read repos, the API client and notifications, and queue their decisions in the outbox; no job needed.
  ...coreLayer('core/crews', ['session', 'sync', 'jobs', 'documents', 'field', 'app', 'ipc']),
  // The composition root and the shells build each service from those made before it: a closure over one declared
  // further down (a late-bound hook) is an error, not a habit.
  {
    files: ['core/app/**/*.ts', 'electron/main/**/*.ts', 'host/**/*.ts', 'cli/cli-context.ts', 'cli/main.ts'],
    rules: { '@typescript-eslint/no-use-before-define': ['error', { functions: false, classes: true, variables: true, typedefs: false, ignoreTypeReferences: true }] },
  },
  // The shells may use core/ and shared/, never each other.
  ...shellBoundary('cli/**/*.ts', ['**/electron/**', '**/host/**', '**/server/**', '**/renderer/**']),
  ...shellBoundary('host/**/*.ts', ['**/electron/**', '**/cli/**', '**/server/**']),
);

function rendererPatterns(extra = []) {
  return [
    { group: [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely', 'axios', 'fastify'], message: 'The renderer reaches the back-end only through the IPC contract.' },
    { group: ['**/electron/**', '**/server/**', '**/core/**', '**/cli/**', '**/host/**'], message: 'The renderer may import only shared/.' },
    ...extra,
  ];
}

function rendererLayer(files, above) {
  const groups = above.flatMap((folder) => [`../${folder}/**`, `../../${folder}/**`, `../../../${folder}/**`, `../../../../${folder}/**`]);
  return [
    {
      files: [`${files}/*.{ts,tsx}`, `${files}.{ts,tsx}`],
      rules: {
        'no-restricted-imports': ['error', { patterns: rendererPatterns([{ group: groups, message: `This folder sits below ${above.join(', ')}: import downward only (app → pages → job → widgets → state → api, lib).` }]) }],
      },
    },
  ];
}

function coreRules(extra = []) {
  return {
    paths: [{ name: 'electron', message: 'core/ runs under plain Node: only electron/main and electron/preload may import electron.' }],
    patterns: [
      { group: ['**/electron/**', '**/cli/**', '**/host/**', '**/server/**', '**/renderer/**'], message: 'core/ must not depend on a shell (electron/, cli/, host/), the reference server or the renderer.' },
      ...extra,
    ],
  };
}

function coreLayer(folders, above) {
  // From core/<folder>/x.ts a sibling is ../<name>/…; from core/<folder>/<sub>/x.ts it is ../../<name>/….
  const groups = above.flatMap((name) => [`../${name}/**`, `../../${name}/**`]);
  return [
    {
      files: [`${folders}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', coreRules([{ group: groups, message: `Services depend one way (db, repos ← session, sync ← workflow ← outbox ← jobs ← documents ← field ← app): this folder may not import ${above.join(', ')}.` }])],
      },
    },
  ];
}

function shellBoundary(files, forbidden) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
            patterns: [{ group: forbidden, message: 'A shell uses core/ and shared/, never another shell or the reference server.' }],
          },
        ],
      },
    },
  ];
}
