export { run } from './main.js';
export type { CommandIO } from './context.js';
export { CliError, t, type Locale } from './messages.js';
