import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableId } from '@nianbao/format';
import { toReportData } from '@nianbao/parse';
import { CORPUS_DIR, corpusReports, readCorpusReport } from './helpers/corpus.js';

/**
 * Every cell of Tables 二, 三 and 四 of the web, crawl and PDF reports against what a person read in them
 * (fixtures/corpus/expected-tables/, written without the parser): placed cells equal, blank cells blank,
 * rows no reader can place `null` and named as unreadable, cells written as text `null` with their text.
 */
interface ExpectedTables {
  formatYear: 2019 | 2021;
  tables: Record<TableId, Record<string, Record<string, number | null>> | null>;
  unreadable: Partial<Record<TableId, string[]>>;
  missing?: Partial<Record<TableId, string[]>>;
  textCells?: Array<[TableId, string, string, string]>;
}

const schema = JSON.parse(readFileSync(new URL('../schemas/report-data.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('extracting the tables of the web, crawl and PDF corpus', () => {
  for (const report of corpusReports({ all: true }).filter((r) => Number(r.id) >= 5)) {
    it(`${report.file}: every cell as read by hand`, async () => {
      const expected = JSON.parse(readFileSync(`${CORPUS_DIR}expected-tables/${report.id}.json`, 'utf8')) as ExpectedTables;
      // 015 is an excerpt that names no year: the file name's year stands in.
      const result = toReportData(await readCorpusReport(report), { reportYear: Number(/_(\d{4})/u.exec(report.file)![1]) });
      if (!result.ok) throw new Error(`${report.file}: ${result.reason}`);
      expect(validate(result.data), JSON.stringify(validate.errors)).toBe(true);
      expect(result.data.formatYear).toBe(expected.formatYear);
      const issues = result.data.extractionIssues ?? [];
      const textCells = new Set((expected.textCells ?? []).map(([t, r, c]) => `${t}.${r}.${c}`));
      for (const [table, rows] of Object.entries(expected.tables) as Array<[TableId, ExpectedTables['tables'][TableId]]>) {
        if (rows === null) {
          expect(issues.some((i) => i.table === table && (i.kind === 'table-missing' || i.kind === 'no-data')), `${table} absent`).toBe(true);
          continue;
        }
        const unreadable = new Set(expected.unreadable[table] ?? []);
        for (const [row, cells] of Object.entries(rows)) {
          for (const [column, value] of Object.entries(cells)) {
            const where = `${table}.${row}.${column}`;
            const found = result.data.tables[table][row]?.[column];
            // A cell written as text (`增7`) holds no number of its kind: null, with its text in the issues.
            expect(found, where).toBe(unreadable.has(row) || textCells.has(where) ? null : value);
          }
          // Table 四's one data row is reported without a row id: its cells run through all three rows.
          if (unreadable.has(row)) expect(issues.some((i) => i.table === table && (i.row === row || i.row === undefined) && i.kind === 'unreadable'), `${table}.${row} unreadable`).toBe(true);
        }
        for (const row of expected.missing?.[table] ?? []) expect(issues.some((i) => i.table === table && i.row === row && i.kind === 'row-missing'), `${table}.${row} missing`).toBe(true);
      }
      for (const [table, row, , text] of expected.textCells ?? []) {
        expect(issues.some((i) => i.kind === 'cell-value' && i.table === table && i.row === row && i.cells?.[0]?.text === text), `${table}.${row} ${text}`).toBe(true);
      }
    });
  }
});
