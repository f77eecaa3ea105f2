import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const REPORT_FILE = /\.(md|markdown|txt|html?|docx|pdf)$/iu;
/** Folders that never hold reports to check and can be huge. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
/** Bounds for `workspace/diagnostic`: a folder of reports is dozens of files, not a whole disk. */
const MAX_FILES = 2000;
const MAX_DEPTH = 8;

export interface WorkspaceFile {
  path: string;
  mtimeMs: number;
  size: number;
}

/** The report files (text, Markdown, HTML, .docx, PDF) under a folder, hidden and dependency folders aside. */
export async function reportFiles(folder: string): Promise<WorkspaceFile[]> {
  const out: WorkspaceFile[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (out.length >= MAX_FILES) return;
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await walk(path, depth + 1);
      } else if (entry.isFile() && REPORT_FILE.test(entry.name)) {
        const s = await stat(path).catch(() => undefined);
        if (s) out.push({ path, mtimeMs: s.mtimeMs, size: s.size });
      }
    }
  };
  await walk(folder, 0);
  return out;
}
