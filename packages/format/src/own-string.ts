/**
 * A copy of `text` that holds no larger string. V8 makes a slice of a string (`text.slice`, `trim`, a
 * regex match) a view into the whole: a memo keyed by a cell's text would keep every report's text it
 * ever saw, tens of megabytes in a folder run. Prefixing makes a new string that V8 flattens into one of
 * its own; the slice of that holds only it. For what a memo keeps, made once per miss.
 */
export function ownString(text: string): string {
  return (` ${text}`).slice(1);
}
