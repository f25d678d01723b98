// The rules that hold the picture: ARCHITECTURE.md says which way imports
// point, and the zones below are that map in a form a machine checks. Each
// zone names the files it binds (`target`), what they may not import
// (`from`) and the one way out (`except`).
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The browser SDK's layers, by folder or file under src/. */
const ENTRIES = ['./src/boot.ts', './src/index.ts', './src/forms.ts', './src/lazyFiles.ts']
const FEATURES = ['./src/widget', './src/forms', './src/ui']

const PHONE = 'Core loads phone validation through the Loader (the `phone` lazy file): it may name its types only.'
const ZOD = "Browser code never imports 'zod' (src/schema.ts uses 'zod/mini')."
/** Browser code: zod's full build never ships; zod/mini's types may be named, its values only in schema.ts. */
const zodRule = (patterns = []) => [
  'error',
  {
    paths: [
      { name: 'zod', message: ZOD },
      { name: 'zod/mini', allowTypeImports: true, message: 'Only src/schema.ts builds validators; browser code parses with src/core/parseConfig.' }
    ],
    patterns: [
      { regex: '^zod/(?!mini$)', message: ZOD },
      { regex: '(^|/)schema$', allowTypeImports: true, message: "The schema's values carry zod/mini: browser code names its types only." },
      ...patterns
    ]
  }
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'demo/data/**',
      // Pages the e2e suites open: hostile fixtures written as a careless site would write them, and the
      // demo site's own scripts; they are what the SDK meets, not our code.
      'e2e/pages/**',
      'demo/site/**',
      'e2e/engines/recorder.js',
      '.m/**'
    ]
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })]
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `a && a.b()` is the house's short form (it minifies smaller than an `if`); a catch that only
      // swallows is how nothing throws into the host page.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A circle of imports makes load order matter and defeats lazy files; the first file must stay a tree.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/contract',
              from: ['./src', './demo', './test', './e2e', './scripts'],
              except: ['./contract'],
              message: 'The contract (formats, opening hours, masking) imports nothing of ours: core, schema and the receiver import it.'
            },
            {
              target: './src/schema.ts',
              from: './src',
              except: ['./contract', './schema.ts'],
              message: 'The schema is the contract in zod: it imports only src/contract/.'
            },
            {
              target: './src/core',
              from: [...FEATURES, ...ENTRIES],
              message: 'Core knows no feature and no entry point: features get a Host, lazy files come through the Loader.'
            },
            {
              target: ['./src/context', './src/phone'],
              from: [...FEATURES, ...ENTRIES],
              message: 'Request context and phone validation serve both features and know neither.'
            },
            {
              target: './src/forms',
              from: ['./src/widget', ...ENTRIES],
              message: 'Form capture knows nothing of the widget (shared UI helpers live in src/ui/).'
            },
            {
              target: './src/widget',
              from: ['./src/forms', ...ENTRIES],
              message: 'The widget knows nothing of form capture (shared UI helpers live in src/ui/).'
            },
            {
              target: './src/ui',
              from: [...FEATURES.filter((f) => f !== './src/ui'), ...ENTRIES],
              message: 'Shared UI helpers live below both features and import neither.'
            },
            {
              target: './src',
              from: ['./demo', './test', './e2e', './scripts'],
              message: 'The SDK imports nothing of the demo, tests or tooling.'
            },
            {
              target: './demo/server',
              from: './src',
              except: ['./contract', './schema.ts'],
              message: 'The receiver and console know the SDK only by its contract and schema, as the platform would.'
            }
          ]
        }
      ]
    }
  },
  {
    // Type-aware where it pays and costs little: the SDK itself (one program of ~80 files). A promise
    // nobody handles is an unhandled rejection in someone else's page.
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: './tsconfig.build.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error'
    }
  },
  {
    // Tests and the pages' scripts they evaluate: Playwright's fixtures take `{}` for no dependencies,
    // and code run inside the page reaches the SDK's globals untyped.
    files: ['e2e/**/*.ts', 'test/**/*.{ts,tsx}'],
    rules: { 'no-empty-pattern': 'off', '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/schema.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': zodRule() }
  },
  {
    files: ['src/schema.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "The schema ships to browsers through `ringback/schema`: 'zod/mini' only." }] }
      ]
    }
  },
  {
    // Core asks the loader for phone validation (the `phone` file) and names only its types.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': zodRule([{ group: ['**/phone/*'], allowTypeImports: true, message: PHONE }]),
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/\\/phone\\//]', message: PHONE }]
    }
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^zod(/|$)', message: 'The contract is zod-free.' }] }]
    }
  }
)
