import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { isSuppressible, suppressionComment, type Diagnostic, type Fix } from '@nianbao/lint';
import { fixUntilStable } from '@nianbao/project';
import type { Analysis, TextSnapshot } from './analysis.js';
import { toLspDiagnostic } from './diagnostics.js';
import { t } from './messages.js';
import { filePathOf } from './selection.js';

/** `source.fixAll.nianbao`: what editor.codeActionsOnSave asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;
/** The command that selects the reason of a suppression comment in clients without snippet edits. */
export const SELECT_COMMAND = 'nianbao.selectRange';

export interface ActionContext {
  analysis: Analysis;
  snapshot: TextSnapshot;
  /** The client can apply snippet edits in a workspace edit (LSP 3.18). */
  snippetEdits: boolean;
  /**
   * The text after fix-all, made in a lint worker (Analyzer.fixAll) so that the passes of re-linting
   * never run on the server's thread; absent, it is made here (tests).
   */
  fixedText?: string;
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

/** A core edit (offsets of the document's text) as an LSP text edit of the same version. */
function textEdit(fix: Fix, positionAt: TextSnapshot['positionAt']): TextEdit {
  return { range: { start: positionAt(fix.start), end: positionAt(fix.end) }, newText: fix.text };
}

/** A short title saying what a fix does, in the document's locale: the replacement, the deletion or the insertion. */
function fixTitle(text: string, finding: Diagnostic & { fix: Fix }, locale: Analysis['locale']): string {
  const old = text.slice(finding.fix.start, finding.fix.end);
  const shown = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s).replace(/\n/gu, '↵');
  const data = { old: shown(old), text: shown(finding.fix.text) };
  // The edit itself is the title: a rule id in front says nothing to the author (the diagnostic names the rule).
  return t(locale, old === '' ? 'fixInsert' : finding.fix.text === '' ? 'fixDelete' : 'fixReplace', data);
}

/**
 * The text after every fix, as `nianbao lint --fix` makes it: apply, re-parse, re-lint, until no fix
 * is left (overlapping fixes wait for the next pass).
 */
export function fixAllText(analysis: Pick<Analysis, 'document' | 'findings' | 'lintOptions'>, text: string, fileName: string | undefined): string {
  // Without a model (a text too large to parse) there is nothing to fix.
  if (!analysis.document) return text;
  return fixUntilStable(text, analysis.document, analysis.findings, analysis.lintOptions, fileName).text;
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
  const comment = suppressionComment(finding.ruleId, `${label}${t(locale, 'reasonPlaceholder')}`, table ? 'disable' : 'disable-next-line');
  // The label stays written; only what follows it is the placeholder the author types over.
  const reasonStart = (comment.reason?.start ?? comment.text.length) + label.length;
  const reasonEnd = comment.reason?.end ?? comment.text.length;
  const head = comment.text.slice(0, reasonStart);
  const placeholder = comment.text.slice(reasonStart, reasonEnd);
  const tail = `${comment.text.slice(reasonEnd)}\n`;
  const startPos = ctx.snapshot.positionAt(start);
  let trailer: TextEdit | undefined;
  if (table) {
    const endLine = text.indexOf('\n', Math.max(table.span.end.offset - 1, table.span.start.offset));
    const at = ctx.snapshot.positionAt(endLine < 0 ? text.length : endLine + 1);
    trailer = { range: { start: at, end: at }, newText: `${endLine < 0 ? '\n' : ''}${suppressionComment(finding.ruleId, undefined, 'enable').text}\n` };
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

/**
 * The code actions at a range, made the same way for every rule: the finding's fix (preferred), each of
 * its suggestions, a suppression with a reason; and fix-all. What an action does is the finding's to say.
 */
export function codeActions(ctx: ActionContext, params: CodeActionParams): CodeAction[] {
  const { analysis, snapshot } = ctx;
  if (!analysis.selected || !analysis.document) return [];
  const only = params.context.only;
  const out: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const finding of analysis.findings) {
      const lsp = toLspDiagnostic(finding, snapshot.uri, snapshot.positionAt);
      if (!overlaps(lsp.range, params.range)) continue;
      const quickFix = (title: string, fix: Fix, preferred: boolean): CodeAction => ({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        ...(preferred ? { isPreferred: true } : {}),
        edit: edit(snapshot.uri, [textEdit(fix, snapshot.positionAt)]),
      });
      if (finding.fix) out.push(quickFix(fixTitle(snapshot.text, { ...finding, fix: finding.fix }, analysis.locale), finding.fix, true));
      for (const suggestion of finding.suggestions ?? []) out.push(quickFix(suggestion.message, suggestion.fix, false));
      if (isSuppressible(finding.ruleId)) out.push(suppress(ctx, finding, lsp));
    }
  }
  if (wantsFixAll(analysis, params)) {
    const fixed = ctx.fixedText ?? fixAllText(analysis, snapshot.text, filePathOf(snapshot.uri));
    const change = minimalEdit(snapshot.text, fixed, snapshot.positionAt);
    if (change) out.push({ title: t(analysis.locale, 'fixAll'), kind: FIX_ALL_KIND, edit: edit(snapshot.uri, [change]) });
  }
  return out;
}

/** Whether the actions asked for include fix-all, and there is something to fix. */
export function wantsFixAll(analysis: Analysis, params: Pick<CodeActionParams, 'context'>): boolean {
  return analysis.selected && analysis.document !== undefined && wanted(FIX_ALL_KIND, params.context.only) && analysis.findings.some((f) => f.fix);
}

/** Where the reason of a just-inserted suppression is, to select it (the SELECT_COMMAND's arguments). */
export function isSelectArguments(args: unknown): args is [string, Range] {
  if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string') return false;
  const r = args[1] as Partial<Range> | null;
  return typeof r === 'object' && r !== null && typeof r.start?.line === 'number' && typeof r.end?.character === 'number';
}
