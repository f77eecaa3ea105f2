import { FORMATS, TABLE_IDS, reportDataSchema, tableName, type FormatYear, type GroupSpec, type TableId, type TableSpec } from '@nianbao/format';
import { st } from './messages.js';

/** A column of the spreadsheet: a fact of the report, a count of findings, or one table cell. */
export type SheetColumn =
  | { kind: 'file' | 'agency' | 'agencyKind' | 'reportYear' | 'formatYear' | 'publicationDate' | 'errors' | 'warnings'; heading: string }
  | { kind: 'cell'; heading: string; table: TableId; row: string; column: string };

/** Between the table, the row and the column of a cell's heading; within the row's or column's own path. */
const PART = '｜';
const PATH = '／';

/** The group labels a row sits under, outermost first (〈三、本年度办理结果〉／〈（三）不予公开〉). */
function groupPath(spec: TableSpec, id: string | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let group: GroupSpec | undefined = id ? spec.groups.find((g) => g.id === id) : undefined;
  while (group && !seen.has(group.id)) {
    seen.add(group.id);
    out.unshift(group.label);
    group = group.parent ? spec.groups.find((g) => g.id === group!.parent) : undefined;
  }
  return out;
}

/**
 * A cell's heading in the format's own words: the table's name, the row's block and groups and label,
 * the column's header and label — `表三｜三、本年度办理结果／（三）不予公开／1.属于国家秘密｜法人或其他组织／商业企业`.
 */
export function cellHeading(spec: TableSpec, rowId: string, columnId: string): string {
  const row = spec.rows.find((r) => r.id === rowId)!;
  const column = spec.columns.find((c) => c.id === columnId)!;
  const block = row.block ? spec.blocks.find((b) => b.id === row.block)?.label : undefined;
  const rowPath = [...(block ? [block] : []), ...groupPath(spec, row.group), row.label];
  const columnGroup = column.group ? spec.groups.find((g) => g.id === column.group)?.label : undefined;
  const columnPath = [...(columnGroup ? [columnGroup] : []), column.label];
  return [tableName(spec, 'zh'), rowPath.join(PATH), columnPath.join(PATH)].join(PART);
}

/** The report-data schema's Chinese title of a fact, so that the sheet and the data file name it alike. */
function titles(): Record<'agency' | 'agencyKind' | 'reportYear' | 'formatYear' | 'publicationDate', string> {
  type Props = Record<string, { title?: string; properties?: Props }>;
  const p = (reportDataSchema() as { properties: Props }).properties;
  return {
    agency: p['agency']?.properties?.['name']?.title ?? 'agency',
    agencyKind: p['agency']?.properties?.['kind']?.title ?? 'kind',
    reportYear: p['reportYear']?.title ?? 'reportYear',
    formatYear: p['formatYear']?.title ?? 'formatYear',
    publicationDate: p['publicationDate']?.title ?? 'publicationDate',
  };
}

/**
 * The columns of one format year's sheet: the file, who and when, the findings counted, then every cell
 * of Tables 二, 三 and 四 in the format's order. Headings are Chinese whatever the locale: they are the
 * format's labels, which a reviewer matches against the printed form.
 */
export function sheetColumns(year: FormatYear): SheetColumn[] {
  const t = titles();
  const format = FORMATS[year];
  const cells: SheetColumn[] = TABLE_IDS.flatMap((table) => {
    const spec = format.tables[table];
    return spec.rows.flatMap((row) => row.columns.map((column) => ({ kind: 'cell' as const, heading: cellHeading(spec, row.id, column), table, row: row.id, column })));
  });
  return [
    { kind: 'file', heading: st('zh', 'file') },
    { kind: 'agency', heading: t.agency },
    { kind: 'agencyKind', heading: t.agencyKind },
    { kind: 'reportYear', heading: t.reportYear },
    { kind: 'formatYear', heading: t.formatYear },
    { kind: 'publicationDate', heading: t.publicationDate },
    { kind: 'errors', heading: st('zh', 'errors') },
    { kind: 'warnings', heading: st('zh', 'warnings') },
    ...cells,
  ];
}
