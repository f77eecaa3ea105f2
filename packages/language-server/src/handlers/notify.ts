/**
 * Tells the user about a problem once: the same broken configuration is met on every keystroke, and a
 * message each time would bury the editor. Forgotten when the configuration changes.
 */
export class OnceNotifier {
  private readonly told = new Set<string>();

  constructor(private readonly send: (message: string) => void) {}

  notify(message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.send(message);
  }

  reset(): void {
    this.told.clear();
  }
}
