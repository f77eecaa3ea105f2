export { Project, lintOptionsFor, type LintOverrides, type PreparedLint, type PreviousFailure, type PreviousOutcome, type PreviousReport, type PreviousRequest, type ProjectProblem } from './project.js';
export { CONFIG_FILE_NAME, ConfigError, configFor, findConfigFile, loadConfigFile, parseConfig, placedConfigProblems, type PlacedConfigProblem, type ProjectConfig } from './config.js';
export { MAX_FIX_PASSES, editableText, fixUntilStable, reparse, type FixedText } from './fix.js';
export { findPreviousReportAuto, identityOf, normalizeAgencyName, pairAmong, pairPreviousReport, pairingCandidates, pairingMismatch, type Candidate, type PairingMismatch, type ReportIdentity } from './previous.js';
export { MAX_CONFIG_BYTES, MAX_REPORT_BYTES, readBytes, readRegularFile, readReport, viewFailure, viewOf, type BytesResult, type FileInfo, type ReadFailure, type ReportResult, type SafeReadOptions } from './read.js';
export { REPORT_EXTENSIONS, TEXT_REPORT_EXTENSIONS, fileTypeOf, inspectPath, isIgnored, isInside, isReportFile, skipReason, walkReportFiles, type FileType, type PathInfo, type SkipReason, type SkippedFile, type WalkOptions } from './walk.js';
export { InputError, expandInputs, type InputFile } from './inputs.js';
export { describeJsonError, positionAt, readJson, type JsonDocument, type JsonResult, type JsonSyntaxError, type TextPosition } from './json.js';
export { FIRST_DATA_YEAR, LAST_DATA_YEAR, isJsonData, reportDataFromJson, type DataFileProblem, type ReportDataResult } from './report-data.js';
