/**
 * Runs the lint of a document a little after its last change. Each new version restarts the wait,
 * so a burst of keystrokes costs one run; a run already under way checks the version itself and
 * drops its result when a newer one has arrived.
 */
export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly run: (uri: string) => Promise<void>,
    private readonly delayMs: number,
  ) {}

  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delayMs),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
