import type { ReportStatus, StatusParams } from '../protocol.js';
import { reportStatus } from '../status.js';
import type { AnalysisOf } from './open-documents.js';

/** `nianbao/status`: a report's errors and format year, from its current analysis (null when it is no checked report). */
export function statusHandler(analysisOf: AnalysisOf): (params: StatusParams) => Promise<ReportStatus | null> {
  return async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    return found ? reportStatus(found.analysis) : null;
  };
}
