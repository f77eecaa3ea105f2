/**
 * 「nianbao：由数据生成报告」: the editor side of `nianbao generate`. It only picks the file, calls the
 * generate package (the same entry point as the CLI) and writes the result; validation and rendering
 * are the package's.
 */
import { basename, dirname, join } from 'node:path';
import { Uri, window, workspace, type OutputChannel } from 'vscode';
import { isLocale } from '@nianbao/format';
import { generateReport } from '@nianbao/generate';

let output: OutputChannel | undefined;

function channel(): OutputChannel {
  output ??= window.createOutputChannel('nianbao 生成报告');
  return output;
}

/** The JSON data file: the one in the active editor (with unsaved edits), else one the user picks. */
async function pickDataFile(target: Uri | undefined): Promise<{ uri: Uri; text: string } | undefined> {
  // From the Explorer's context menu the command gets the clicked file.
  if (target instanceof Uri) return { uri: target, text: (await workspace.openTextDocument(target)).getText() };
  const active = window.activeTextEditor?.document;
  if (active && active.uri.scheme === 'file' && (active.languageId === 'json' || active.languageId === 'jsonc' || active.fileName.endsWith('.json'))) {
    return { uri: active.uri, text: active.getText() };
  }
  const picked = await window.showOpenDialog({
    canSelectMany: false,
    openLabel: '用此数据生成报告',
    title: 'nianbao：选择报告数据（JSON）',
    filters: { 'JSON 报告数据': ['json'] },
    ...(workspace.workspaceFolders?.[0] ? { defaultUri: workspace.workspaceFolders[0].uri } : {}),
  });
  const uri = picked?.[0];
  if (!uri) return undefined;
  return { uri, text: (await workspace.openTextDocument(uri)).getText() };
}

/** `2023.report-data.json` → `2023.md`, `平房区.json` → `平房区.md`: the report beside its data. */
export function reportFileName(dataFile: string): string {
  const stem = basename(dataFile).replace(/\.json$/iu, '').replace(/[.-]report-data$/iu, '');
  return `${stem === '' ? 'report' : stem}.md`;
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Where to write: beside the data, asking before an existing file is replaced. */
async function chooseTarget(dataUri: Uri): Promise<Uri | undefined> {
  const target = Uri.file(join(dirname(dataUri.fsPath), reportFileName(dataUri.fsPath)));
  if (!(await exists(target))) return target;
  const overwrite = '覆盖';
  const saveAs = '另存为…';
  const answer = await window.showWarningMessage(`${basename(target.fsPath)} 已存在。要覆盖它，还是另存为新文件？`, { modal: true }, overwrite, saveAs);
  if (answer === overwrite) return target;
  if (answer === saveAs) return window.showSaveDialog({ defaultUri: target, filters: { Markdown: ['md'] }, title: 'nianbao：保存生成的报告' });
  return undefined;
}

function showProblems(dataFile: string, problems: ReadonlyArray<{ path: string; message: string }>, heading: string): void {
  const out = channel();
  out.appendLine(`${heading}：${dataFile}`);
  for (const p of problems) out.appendLine(`  ${p.path === '' ? '/' : p.path}：${p.message}`);
  out.appendLine('');
}

/** The command: data file → validated, rendered Markdown beside it, opened in an editor. */
export async function generateReportCommand(target?: Uri): Promise<void> {
  const data = await pickDataFile(target);
  if (!data) return;
  const file = data.uri.fsPath;
  let raw: unknown;
  try {
    raw = JSON.parse(data.text);
  } catch (error) {
    void window.showErrorMessage(`nianbao：${basename(file)} 不是有效的 JSON：${error instanceof Error ? error.message : String(error)}。请修正后再生成。`);
    return;
  }
  const configured = workspace.getConfiguration('nianbao', data.uri).get<string>('locale');
  const locale = isLocale(configured) ? configured : 'zh';
  let result: ReturnType<typeof generateReport>;
  try {
    result = generateReport(raw, { locale });
  } catch (error) {
    // Templates missing or unreadable: an installation problem, not the user's data.
    void window.showErrorMessage(`nianbao：生成报告失败：${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!result.ok) {
    showProblems(file, result.problems, `数据有 ${result.problems.length} 处问题，未生成报告`);
    const details = '查看详情';
    const answer = await window.showErrorMessage(`nianbao：${basename(file)} 有 ${result.problems.length} 处问题，未生成报告。第一处：${result.problems[0]?.path ?? ''} ${result.problems[0]?.message ?? ''}`, details);
    if (answer === details) channel().show(true);
    return;
  }
  if (result.problems.length > 0) showProblems(file, result.problems, `已生成报告，但数据有 ${result.problems.length} 处提示`);
  const out = await chooseTarget(data.uri);
  if (!out) return;
  await workspace.fs.writeFile(out, new TextEncoder().encode(result.markdown));
  await window.showTextDocument(await workspace.openTextDocument(out));
  if (result.problems.length > 0) {
    const details = '查看详情';
    const answer = await window.showWarningMessage(`nianbao：已生成 ${basename(out.fsPath)}，数据有 ${result.problems.length} 处提示。`, details);
    if (answer === details) channel().show(true);
  }
}
