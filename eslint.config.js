// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports a folder may not make: keeps the layers of DESIGN.md one-way. */
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

const only = (pkg, where) => ({ group: [pkg, `${pkg}/*`], message: `Only ${where} may import ${pkg}.` });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'prifora-data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Service workers are plain scripts served as they are (web/public is copied, not built).
    files: ['web/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.serviceworker },
  },
  {
    // Scripts a browser test runs in the page as they are.
    files: ['test/**/*.page.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Packages that belong to one place only.
  layer(['**/*.ts', '**/*.tsx'], [only('nodemailer', 'bridges/mail'), only('matrix-js-sdk', 'bridges/matrix'), only('ink', 'cli/ui'), only('ink-text-input', 'cli/ui')]),
  {
    files: ['bridges/mail/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [only('matrix-js-sdk', 'bridges/matrix'), only('ink', 'cli/ui'), { group: ['**/server/routes/**', '**/server/db/**', '**/cli/**'], message: 'Bridges are reached through the interfaces in server/services/ports.ts.' }] }] },
  },
  {
    files: ['bridges/matrix/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [only('nodemailer', 'bridges/mail'), only('ink', 'cli/ui'), { group: ['**/server/routes/**', '**/server/db/**', '**/cli/**'], message: 'Bridges are reached through the interfaces in server/services/ports.ts.' }] }] },
  },
  {
    files: ['cli/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [only('nodemailer', 'bridges/mail'), only('matrix-js-sdk', 'bridges/matrix'), { group: ['**/server/db/**', '**/server/routes/**'], message: 'The CLI calls services, never the database or the routes.' }] }] },
  },
  layer(['cli/**/*.ts'], [
    only('nodemailer', 'bridges/mail'),
    only('matrix-js-sdk', 'bridges/matrix'),
    only('ink', 'cli/ui'),
    { group: ['**/server/db/**', '**/server/routes/**', '**/server/middleware/**', 'koa', '@koa/*'], message: 'The CLI calls services, never the database, the routes or Koa.' },
    { group: ['**/bridges/**'], message: 'The CLI reaches bridges through services.' },
  ]),
  layer(['server/services/**', 'server/policies/**', 'server/presenters/**'], [
    only('nodemailer', 'bridges/mail'),
    only('matrix-js-sdk', 'bridges/matrix'),
    only('ink', 'cli/ui'),
    { group: ['koa', '@koa/*', '**/routes/**', '**/middleware/**', '**/cli/**', '**/web/**'], message: 'Services, policies and presenters know nothing of HTTP or the CLI.' },
    { group: ['**/bridges/**'], message: 'Services reach bridges through the interfaces in server/services/ports.ts.' },
  ]),
  layer(['server/db/**'], [
    { group: ['**/services/**', '**/routes/**', '**/middleware/**', '**/policies/**', '**/presenters/**', '**/cli/**', '**/bridges/**', 'koa'], message: 'The database layer depends on nothing above it.' },
  ]),
  layer(['server/live/**'], [
    only('nodemailer', 'bridges/mail'),
    only('matrix-js-sdk', 'bridges/matrix'),
    only('ink', 'cli/ui'),
    { group: ['**/routes/**', '**/cli/**', '**/bridges/**', '**/db/index.js', '**/db/migrations/**'], message: 'The live hub calls services and policies; it reads no tables itself.' },
  ]),
  layer(['server/routes/**', 'server/middleware/**'], [
    only('nodemailer', 'bridges/mail'),
    only('matrix-js-sdk', 'bridges/matrix'),
    only('ink', 'cli/ui'),
    { group: ['**/cli/**', '**/bridges/**'], message: 'Routes call services; bridges are reached through them.' },
    { group: ['**/db/migrations/**'], message: 'Routes do not run migrations.' },
  ]),
  layer(['web/**'], [
    { group: ['**/server/**', '!**/server/i18n/**', '!**/server/limits.js', '**/cli/**', '**/bridges/**', 'koa', 'sequelize'], message: 'The web app talks to the server over HTTP and the websocket only.' },
  ]),
);
