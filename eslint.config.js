// Zero warnings allowed (npm run lint uses --max-warnings 0).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layer boundaries (ARCHITECTURE.md, Layout): routes → service → store → db, only stores build SQL,
// services never see HTTP, features reach each other through services. Each file group below gets
// ONE no-restricted-imports block (a later block replaces, not merges, the rule's options), so the
// groups are disjoint. Patterns are regexes over the import specifier as written ('./x.store.ts').
const SQL = { regex: '^drizzle-orm', message: 'Only stores (and src/server/db, src/server/platform) build SQL: call a store function.' };
const HTTP = {
  regex: '^(fastify|@fastify/|fastify-type-provider-zod)|/platform/http/',
  message: 'Services and stores do not know HTTP: take plain inputs (the session type is in platform/session.ts).',
};
const layer = (files, patterns, ignores = []) => ({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } });
const boundaries = [
  layer(
    ['src/server/features/**/*.routes.ts'],
    [{ regex: '\\.store(\\.ts)?$', message: 'Routes call services, never stores (routes → service → store → db).' }, SQL],
  ),
  layer(
    ['src/server/**/*.service.ts'],
    [
      { regex: '^\\.\\./.*\\.store(\\.ts)?$', message: "Another feature's (or platform's) store: call its service or its door (index.ts) instead." },
      { regex: '\\.routes(\\.ts)?$', message: 'Services do not import routes (routes → service → store → db).' },
      HTTP,
      SQL,
    ],
  ),
  layer(
    ['src/server/**/*.store.ts'],
    [{ regex: '\\.(service|routes)(\\.ts)?$', message: 'Stores sit below services and routes: declare the type here or take it from src/shared.' }, HTTP],
  ),
  layer(['src/server/features/**/*.ts'], [SQL], ['**/*.store.ts', '**/*.service.ts', '**/*.routes.ts', '**/*.test.ts']),
  layer(
    ['src/web/ui/**/*.{ts,tsx}'],
    [{ regex: '(^|/)(features|portals)/', message: 'ui/ is the shared kit: it knows no feature or portal (pass what it needs in).' }],
  ),
  layer(['src/shared/**/*.ts'], [{ regex: '(^|/)(server|web)/', message: 'src/shared is used by server and web: it imports neither.' }], ['**/*.test.ts']),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.tmp/', 'src/server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify plugins and handlers are async by contract, awaiting or not.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  ...boundaries,
  {
    // One options object for a use case (ARCHITECTURE.md, Conventions): at most three positional
    // parameters.
    files: ['src/**/*.{ts,tsx}'],
    // Tests are left out: test.each callbacks take one parameter per column, a shape Vitest fixes.
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/max-params': ['error', { max: 3 }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Tests read JSON bodies as `any` on purpose: the assertion is the type check.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
