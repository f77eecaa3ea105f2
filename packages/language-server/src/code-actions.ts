import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { formatFor, tableSpec as formatTableSpec, canonicalHeading, type TableId } from '@nianbao/format';
import { applyFixes, INTERNAL_ERROR, lint, type Diagnostic } from '@nianbao/lint';
import { LineIndex, parseReport, readSourceSync, type ReportDocument } from '@nianbao/parse';
import type { Analysis, TextSnapshot } from './analysis.js';
import { toLspDiagnostic } from './diagnostics.js';
import { t } from './messages.js';
import { filePathOf } from './selection.js';
import { sectionSkeleton, tableSkeleton } from './skeleton.js';

/** `source.fixAll.nianbao`: what editor.codeActionsOnSave asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;
/** The command that selects the reason of a suppression comment in clients without snippet edits. */
export const SELECT_COMMAND = 'nianbao.selectRange';

const MAX_FIX_PASSES = 10;

export interface ActionContext {
  analysis: Analysis;
  snapshot: TextSnapshot;
  /** The client can apply snippet edits in a workspace edit (LSP 3.18). */
  snippetEdits: boolean;
}

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

/** A short title saying what a fix does: the replacement, the deletion or the insertion. */
function fixTitle(text: string, finding: Diagnostic & { fix: NonNullable<Diagnostic['fix']> }, locale: Analysis['locale']): string {
  const old = text.slice(finding.fix.start, finding.fix.end);
  const shown = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s).replace(/\n/gu, '↵');
  const what =
    old === ''
      ? locale === 'zh' ? `插入“${shown(finding.fix.text)}”` : `insert “${shown(finding.fix.text)}”`
      : finding.fix.text === ''
        ? locale === 'zh' ? `删除“${shown(old)}”` : `delete “${shown(old)}”`
        : locale === 'zh' ? `把“${shown(old)}”改为“${shown(finding.fix.text)}”` : `replace “${shown(old)}” with “${shown(finding.fix.text)}”`;
  return `${finding.ruleId}: ${what}`;
}

/**
 * The text after every fix, as `nianbao lint --fix` makes it: apply, re-parse, re-lint, until no fix
 * is left (overlapping fixes wait for the next pass).
 */
export function fixAllText(analysis: Analysis, text: string, fileName: string | undefined): string {
  let current = text;
  let findings = analysis.findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { text: next, applied } = applyFixes(current, findings);
    if (applied.length === 0) break;
    current = next;
    findings = lint(parseReport(readSourceSync(current, fileName), fileName ? { fileName } : {}), analysis.lintOptions);
  }
  return current;
}

/** One edit turning `before` into `after`: only the changed middle, so the cursor and undo stay sane. */
export function minimalEdit(before: string, after: string, positionAt: TextSnapshot['positionAt']): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { range: { start: positionAt(start), end: positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}

/** The section heading's Markdown depth used elsewhere in the document, so an inserted heading matches. */
function headingDepth(document: ReportDocument): number | undefined {
  return document.sections.find((s) => s.heading.markdownDepth !== undefined)?.heading.markdownDepth;
}

/** “Insert the missing section”: the canonical heading (and blank table) where the finding says it belongs. */
function insertSection(ctx: ActionContext, finding: Diagnostic, lsp: LspDiagnostic): CodeAction | undefined {
  const document = ctx.analysis.document!;
  const format = formatFor(document.reportYear ?? document.tableFormatYear ?? 2021);
  const spec = format.sections.find((s) => s.id === finding.subject);
  if (!spec) return undefined;
  const skeleton = sectionSkeleton(spec, spec.table ? format.tables[spec.table] : undefined, headingDepth(document));
  const text = ctx.snapshot.text;
  const atEnd = finding.startOffset >= text.trimEnd().length;
  let newEdit: TextEdit;
  if (atEnd) {
    const end = text.length;
    newEdit = { range: { start: ctx.snapshot.positionAt(end), end: ctx.snapshot.positionAt(end) }, newText: `${text.endsWith('\n') ? '\n' : '\n\n'}${skeleton}\n` };
  } else {
    // Before the heading of the section that follows it, at the start of that line.
    const lineStart = text.lastIndexOf('\n', finding.startOffset - 1) + 1;
    newEdit = { range: { start: ctx.snapshot.positionAt(lineStart), end: ctx.snapshot.positionAt(lineStart) }, newText: `${skeleton}\n\n` };
  }
  return {
    title: t(ctx.analysis.locale, 'insertSection', { heading: canonicalHeading(spec) }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    edit: edit(ctx.snapshot.uri, [newEdit]),
  };
}

/** “Insert the missing table”: a blank table after its section's heading, when the table is not there at all. */
function insertTable(ctx: ActionContext, finding: Diagnostic, lsp: LspDiagnostic): CodeAction | undefined {
  const document = ctx.analysis.document!;
  const format = formatFor(document.reportYear ?? document.tableFormatYear ?? 2021);
  const id = (Object.keys(format.tables) as TableId[]).find((k) => k === finding.subject);
  if (!id || document.tables.some((tb) => tb.id === id)) return undefined;
  const spec = formatTableSpec(format.year, id);
  const section = document.sections.find((s) => s.id === spec.section);
  if (!section) return undefined;
  const lines = new LineIndex(ctx.snapshot.text);
  const headingEnd = lines.lineRange(section.heading.span.end.line).end;
  const at = ctx.snapshot.positionAt(headingEnd);
  const name = t(ctx.analysis.locale, 'tableName', { numeral: spec.numeral });
  return {
    title: t(ctx.analysis.locale, 'insertTable', { table: name }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    edit: edit(ctx.snapshot.uri, [{ range: { start: at, end: at }, newText: `\n\n${tableSkeleton(spec)}\n` }]),
  };
}

/** Escapes text for a snippet: `$`, `}` and `\` are snippet syntax. */
function snippetText(s: string): string {
  return s.replace(/[$}\\]/gu, (c) => `\\${c}`);
}

/**
 * “Suppress, with a reason”: a `nianbao-disable-next-line` comment on the line above. Inside a table a
 * comment line would split the table, so there it is a `disable` … `enable` pair around the table.
 * The reason is left selected for typing: a snippet where the client takes one, else a command that
 * selects it once the edit is applied.
 */
function suppress(ctx: ActionContext, finding: Diagnostic, lsp: LspDiagnostic): CodeAction {
  const { locale } = ctx.analysis;
  const text = ctx.snapshot.text;
  const table = ctx.analysis.document?.tables.find((tb) => finding.startOffset >= tb.span.start.offset && finding.startOffset < tb.span.end.offset);
  const lineStartOf = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
  const start = lineStartOf(table ? table.span.start.offset : finding.startOffset);
  const label = t(locale, 'reasonLabel');
  const placeholder = t(locale, 'reasonPlaceholder');
  const directive = table ? 'nianbao-disable' : 'nianbao-disable-next-line';
  const head = `<!-- ${directive} ${finding.ruleId} -- ${label}`;
  const tail = ` -->\n`;
  const startPos = ctx.snapshot.positionAt(start);
  let trailer: TextEdit | undefined;
  if (table) {
    const endLine = text.indexOf('\n', Math.max(table.span.end.offset - 1, table.span.start.offset));
    const at = ctx.snapshot.positionAt(endLine < 0 ? text.length : endLine + 1);
    trailer = { range: { start: at, end: at }, newText: `${endLine < 0 ? '\n' : ''}<!-- nianbao-enable ${finding.ruleId} -->\n` };
  }
  const title = t(locale, table ? 'suppressTable' : 'suppressLine', { rule: finding.ruleId });
  // The reason sits on the inserted line, which starts where the finding's line started.
  const reasonRange: Range = {
    start: { line: startPos.line, character: head.length },
    end: { line: startPos.line, character: head.length + placeholder.length },
  };
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [lsp] };
  if (ctx.snippetEdits) {
    action.edit = {
      documentChanges: [
        {
          textDocument: { uri: ctx.snapshot.uri, version: ctx.snapshot.version },
          edits: [
            { range: { start: startPos, end: startPos }, snippet: { kind: 'snippet', value: `${snippetText(head)}\${1:${snippetText(placeholder)}}${snippetText(tail)}` } },
            ...(trailer ? [trailer] : []),
          ],
        },
      ],
    };
  } else {
    action.edit = edit(ctx.snapshot.uri, [{ range: { start: startPos, end: startPos }, newText: `${head}${placeholder}${tail}` }, ...(trailer ? [trailer] : [])]);
    action.command = { title, command: SELECT_COMMAND, arguments: [ctx.snapshot.uri, reasonRange] };
  }
  return action;
}

/** The code actions at a range: quick fixes, insertions, suppressions, and fix-all. */
export function codeActions(ctx: ActionContext, params: CodeActionParams): CodeAction[] {
  const { analysis, snapshot } = ctx;
  if (!analysis.selected || !analysis.document) return [];
  const only = params.context.only;
  const out: CodeAction[] = [];
  const quick = wanted(CodeActionKind.QuickFix, only);
  if (quick) {
    for (const finding of analysis.findings) {
      const lsp = toLspDiagnostic(finding, snapshot.uri, snapshot.positionAt);
      if (!overlaps(lsp.range, params.range)) continue;
      if (finding.fix) {
        const fix = finding.fix;
        out.push({
          title: fixTitle(snapshot.text, { ...finding, fix }, analysis.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [lsp],
          isPreferred: true,
          edit: edit(snapshot.uri, [{ range: { start: snapshot.positionAt(fix.start), end: snapshot.positionAt(fix.end) }, newText: fix.text }]),
        });
      }
      const insertion = finding.ruleId === 'section-missing' ? insertSection(ctx, finding, lsp) : finding.ruleId === 'table-missing' ? insertTable(ctx, finding, lsp) : undefined;
      if (insertion) out.push(insertion);
      if (finding.ruleId !== INTERNAL_ERROR) out.push(suppress(ctx, finding, lsp));
    }
  }
  const fixable = analysis.findings.some((f) => f.fix);
  if (fixable && wanted(FIX_ALL_KIND, only)) {
    const fixed = fixAllText(analysis, snapshot.text, filePathOf(snapshot.uri));
    const change = minimalEdit(snapshot.text, fixed, snapshot.positionAt);
    if (change) out.push({ title: t(analysis.locale, 'fixAll'), kind: FIX_ALL_KIND, edit: edit(snapshot.uri, [change]) });
  }
  return out;
}

/** Where the reason of a just-inserted suppression is, to select it (the SELECT_COMMAND's arguments). */
export function isSelectArguments(args: unknown): args is [string, Range] {
  if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string') return false;
  const r = args[1] as Partial<Range> | null;
  return typeof r === 'object' && r !== null && typeof r.start?.line === 'number' && typeof r.end?.character === 'number';
}
