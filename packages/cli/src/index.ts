export { main } from './main.js';
export { CliError, t, type Locale } from './messages.js';
