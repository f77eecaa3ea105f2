import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver/node';
import { FORMAT_2021, SECTIONS } from '@nianbao/format';
import { lint, type Diagnostic, type Locale } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import { sectionSkeleton, tableSkeleton } from '@nianbao/language-server';
import { reviewTable } from '../../lint/src/examples.js';
import type { Analysis, TextSnapshot } from '../src/analysis.js';
import { codeActions, FIX_ALL_KIND, SELECT_COMMAND } from '../src/code-actions.js';

const URI = 'file:///tmp/report.md';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const TITLE = '# 某某局2023年政府信息公开工作年度报告';

function context(text: string, options: { locale?: Locale; findings?: (found: Diagnostic[]) => Diagnostic[]; snippetEdits?: boolean } = {}) {
  const locale = options.locale ?? 'zh';
  const document = parseReport(text, { fileName: '/tmp/report.md' });
  const found = lint(document, { locale });
  const findings = options.findings ? options.findings(found) : found;
  const analysis: Analysis = { uri: URI, version: 1, document, selected: true, locale, settings: { run: 'onType', files: [] }, findings, diagnostics: [], lintOptions: { locale } };
  const td = TextDocument.create(URI, 'markdown', 1, text);
  const snapshot: TextSnapshot = { uri: URI, version: 1, text, positionAt: (o) => td.positionAt(o) };
  return { analysis, snapshot, snippetEdits: options.snippetEdits ?? false, td };
}

const actionsOf = (ctx: ReturnType<typeof context>, only?: string[]): CodeAction[] =>
  codeActions(ctx, { textDocument: { uri: URI }, range: WHOLE, context: { diagnostics: [], ...(only ? { only } : {}) } });

const edited = (ctx: ReturnType<typeof context>, action: CodeAction): string => TextDocument.applyEdits(ctx.td, (action.edit?.changes?.[URI] ?? []) as TextEdit[]);

const heading = (id: string): string => `## ${sectionSkeleton(SECTIONS.find((s) => s.id === id)!, undefined, undefined)}`;

describe('code actions, the same for every rule', () => {
  const noFour = `${TITLE}\n\n${['overview', 'activeDisclosure', 'applications', 'problems', 'otherMatters'].map(heading).join('\n\n')}\n`;

  it('a suggestion is a quick fix with its message as the title and its edit (the missing section, before the next)', () => {
    const ctx = context(noFour);
    const insert = actionsOf(ctx).find((a) => a.title === '插入缺少的部分“四、政府信息公开行政复议、行政诉讼情况”')!;
    expect(insert).toMatchObject({ kind: 'quickfix' });
    expect(insert.isPreferred).toBeUndefined();
    const spec = SECTIONS.find((s) => s.id === 'reviewLitigation')!;
    const skeleton = sectionSkeleton(spec, FORMAT_2021.tables.reviewLitigation, 2);
    expect(edited(ctx, insert)).toBe(noFour.replace('## 五、', `${skeleton}\n\n## 五、`));
    expect(actionsOf(context(noFour, { locale: 'en' })).map((a) => a.title)).toContain('Insert the missing section “四、政府信息公开行政复议、行政诉讼情况”');
  });

  it('the missing table goes under its section’s heading', () => {
    const all = `${TITLE}\n\n${['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'].map(heading).join('\n\n')}\n`;
    const ctx = context(all);
    const insert = actionsOf(ctx).find((a) => a.title === '插入缺少的表四（空白表格）')!;
    expect(edited(ctx, insert)).toBe(all.replace('## 四、政府信息公开行政复议、行政诉讼情况', `## 四、政府信息公开行政复议、行政诉讼情况\n\n${tableSkeleton(FORMAT_2021.tables.reviewLitigation)}\n`));
  });

  it('takes suggestions from any rule, by what the finding says, not by its id', () => {
    const ctx = context(noFour, {
      findings: (found) => [{ ...found[0]!, ruleId: 'made-up', fix: undefined, suggestions: [{ message: '改成甲', fix: { start: 0, end: 1, text: '甲' } }] } as Diagnostic],
    });
    const titles = actionsOf(ctx).map((a) => a.title);
    expect(titles).toEqual(['改成甲', '在本行忽略 made-up（需写明理由）']);
  });

  it('a fix is the preferred quick fix; fix-all applies fixes, never suggestions', () => {
    const text = `${TITLE}\n\n一、总体情况\n\n2、主动公开政府信息情况\n`;
    const ctx = context(text);
    const fix = actionsOf(ctx, ['quickfix']).find((a) => a.isPreferred)!;
    // The title is the edit, in the document's language, with no rule id in front.
    expect(fix.title).toBe('把“2、主动公开政府信息情况”改为“二、主动公开政府信息情况”');
    expect(actionsOf(context(text, { locale: 'en' }), ['quickfix']).find((a) => a.isPreferred)!.title).toBe('Replace “2、主动公开政府信息情况” with “二、主动公开政府信息情况”');
    const all = actionsOf(ctx, ['source.fixAll']);
    expect(all.map((a) => a.kind)).toEqual([FIX_ALL_KIND]);
    expect(edited(ctx, all[0]!)).not.toContain('三、');
    // Only suggestions, no fix: nothing for fix-all to do.
    expect(actionsOf(context(noFour), ['source.fixAll'])).toEqual([]);
  });

  it('suppression: lint’s comment on the line above, with the reason left to type (selected, or a snippet)', () => {
    const ctx = context(noFour);
    const suppress = actionsOf(ctx).find((a) => a.title === '在本行忽略 section-missing（需写明理由）')!;
    const after = edited(ctx, suppress);
    const line = after.split('\n').find((l) => l.startsWith('<!--'))!;
    expect(line).toBe('<!-- nianbao-disable-next-line section-missing -- 理由：… -->');
    expect(suppress.command?.command).toBe(SELECT_COMMAND);
    const range = suppress.command!.arguments![1] as { start: { character: number }; end: { character: number } };
    expect(line.slice(range.start.character, range.end.character)).toBe('…');
    const snippet = actionsOf(context(noFour, { snippetEdits: true })).find((a) => a.title === suppress.title)!;
    expect(JSON.stringify(snippet.edit)).toContain('<!-- nianbao-disable-next-line section-missing -- 理由：${1:…} -->\\n');
  });

  it('inside a table: a disable … enable pair around the table', () => {
    // One blank cell among zeros: a cell-blank finding inside the table.
    const text = `${TITLE}\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n${reviewTable(['', ...Array.from({ length: 14 }, () => 0)])}\n\n正文。\n`;
    const ctx = context(text);
    const inTable = ctx.analysis.findings.find((f) => ctx.analysis.document!.tables.some((t) => f.startOffset >= t.span.start.offset && f.startOffset < t.span.end.offset));
    expect(inTable?.ruleId).toBe('cell-blank');
    if (!inTable) return;
    const action = actionsOf(ctx).find((a) => a.title === `在本表忽略 ${inTable.ruleId}（需写明理由）`)!;
    const after = edited(ctx, action);
    expect(after).toContain(`<!-- nianbao-disable ${inTable.ruleId} -- 理由：… -->\n|`);
    expect(after).toContain(`|\n<!-- nianbao-enable ${inTable.ruleId} -->\n`);
  });
});
