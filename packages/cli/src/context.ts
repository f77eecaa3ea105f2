/**
 * What a run of the CLI talks to: its folder, its output streams and its environment. `bin` passes the
 * process's own; tests pass their own and run the CLI in process, so nothing below may reach for
 * `process.cwd()`, `process.stdout`, `process.env` or `process.exit`.
 */
export interface CommandIO {
  /** Relative paths on the command line are relative to this folder. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colours). */
  isTTY?: boolean;
  /** Whether stderr is a terminal (the progress line of a folder run), and how wide. */
  stderrTTY?: { columns: number };
  /** The process's standard input, read whole (`nianbao lint -`); absent where there is none to read. */
  stdin?: () => Promise<Uint8Array>;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * For tests: called when a file's new content is written beside it, just before nianbao checks that the
   * file is unchanged since it was read and renames the new content into place. A test changes the file
   * here (or stops the process) to see what a user's concurrent edit does, without racing.
   */
  beforeReplace?: (file: string) => void | Promise<void>;
}
