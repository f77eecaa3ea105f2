/**
 * The progress line of a folder run on stderr: files done of total, findings so far, and the time left.
 * Only when stderr is a terminal (a log or a CI job gets nothing: a line redrawn with `\r` is noise in a
 * file); redrawn at most every `intervalMs`, and cleared before anything else is written to the terminal
 * so that it never mixes with findings or messages. The clock is given, so that a test steps it.
 */
import type { Locale } from '@nianbao/lint';
import { t } from './messages.js';

export interface ProgressOptions {
  total: number;
  locale: Locale;
  write: (text: string) => void;
  /** The terminal's width in columns (80 when unknown). */
  columns?: number;
  color: boolean;
  now?: () => number;
  intervalMs?: number;
}

/** `1 分 5 秒` / `12 秒`. */
export function durationText(ms: number, locale: Locale): string {
  const all = Math.max(0, Math.round(ms / 1000));
  return t(locale, 'seconds', { minutes: Math.floor(all / 60), seconds: all % 60 });
}

const display = (s: string): number => [...s].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);

export class Progress {
  private done = 0;
  private findings = 0;
  private shown = false;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private readonly started: number;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? (() => Date.now());
    this.started = this.now();
  }

  /** One more file done, with its findings. */
  tick(findings: number): void {
    this.done++;
    this.findings += findings;
    const at = this.now();
    if (at - this.lastDraw < (this.options.intervalMs ?? 100) && this.done < this.options.total) return;
    this.lastDraw = at;
    this.draw(at);
  }

  /** The line as it would be drawn now (without the terminal's control characters). */
  line(at = this.now()): string {
    const { total, locale } = this.options;
    const elapsed = at - this.started;
    // Time left from the pace so far: only once there is a pace to speak of.
    const eta = this.done > 0 && this.done < total && elapsed > 500 ? durationText((elapsed / this.done) * (total - this.done), locale) : '';
    const width = 20;
    const filled = total > 0 ? Math.round((this.done / total) * width) : width;
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const text = t(locale, 'progress', { bar, done: this.done, total, findings: this.findings, eta });
    const columns = (this.options.columns ?? 80) - 1;
    // Never wider than the terminal: a wrapped line cannot be redrawn in place.
    if (display(text) <= columns) return text;
    let out = '';
    for (const ch of text) {
      if (display(out + ch) > columns - 1) break;
      out += ch;
    }
    return `${out}…`;
  }

  private draw(at: number): void {
    const line = this.line(at);
    this.options.write(`\r\u001b[2K${this.options.color ? `\u001b[2m${line}\u001b[22m` : line}`);
    this.shown = true;
  }

  /** Takes the line off the terminal (before other output, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.options.write('\r\u001b[2K');
    this.shown = false;
  }

  /** Draws the line again after other output took its place. */
  redraw(): void {
    if (this.done > 0 && this.done < this.options.total) this.draw(this.now());
  }
}
