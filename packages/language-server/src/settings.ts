import { isLocale, type Locale } from '@nianbao/format';

/** When diagnostics are computed: as the user types, or only when the file is saved. */
export type RunMode = 'onType' | 'onSave';

/** The editor settings of section `nianbao`, narrowed: every field has a known type or is absent. */
export interface EditorSettings {
  /** Absent: the `.nianbaorc.json` locale applies, else Chinese (as on the command line). */
  locale?: Locale;
  run: RunMode;
  /** A path (relative to the workspace folder) or `auto`; absent: the config's setting, else none. */
  previousReport?: string;
  /** Globs of files to check even when they do not read as annual reports. */
  files: string[];
}

export const DEFAULT_SETTINGS: EditorSettings = { run: 'onType', files: [] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Narrows what the client sent, field by field: a client may send anything (null, a string, an
 * older schema), and a wrong field must fall back to its default rather than break linting.
 */
export function narrowSettings(raw: unknown): EditorSettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const settings: EditorSettings = {
    run: raw.run === 'onSave' ? 'onSave' : 'onType',
    files: Array.isArray(raw.files) ? raw.files.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : [],
  };
  if (isLocale(raw.locale)) settings.locale = raw.locale;
  if (typeof raw.previousReport === 'string' && raw.previousReport.trim() !== '') settings.previousReport = raw.previousReport.trim();
  return settings;
}

/**
 * Settings per document, fetched once and kept until the client says they changed: asking the
 * client on every keystroke would add a round trip to each lint.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<EditorSettings>>();

  constructor(private readonly fetch: ((uri: string) => Promise<unknown>) | undefined) {}

  get(uri: string): Promise<EditorSettings> {
    if (!this.fetch) return Promise.resolve({ ...DEFAULT_SETTINGS });
    let entry = this.cache.get(uri);
    if (!entry) {
      // A client that fails to answer gets the defaults, not a broken document.
      entry = this.fetch(uri).then(narrowSettings, () => ({ ...DEFAULT_SETTINGS }));
      this.cache.set(uri, entry);
    }
    return entry;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
