import { stat } from 'node:fs/promises';
import { walkReportFiles } from '@nianbao/project';

/** Bounds for `workspace/diagnostic`: a folder of reports is dozens of files, not a whole disk. */
const MAX_FILES = 2000;
const MAX_DEPTH = 8;

export interface WorkspaceFile {
  path: string;
  mtimeMs: number;
  size: number;
}

/**
 * The report files under a workspace folder, found as `nianbao lint FOLDER` finds them (hidden,
 * dependency and build folders aside), with what tells whether a file changed since it was last read.
 */
export async function reportFiles(folder: string): Promise<WorkspaceFile[]> {
  const out: WorkspaceFile[] = [];
  for (const path of await walkReportFiles(folder, { maxFiles: MAX_FILES, maxDepth: MAX_DEPTH })) {
    const s = await stat(path).catch(() => undefined);
    if (s) out.push({ path, mtimeMs: s.mtimeMs, size: s.size });
  }
  return out;
}
