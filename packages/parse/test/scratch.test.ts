import { it } from 'vitest';
import { parseReport, toReportData } from '@nianbao/parse';
import * as s from './fixtures/synthetic.js';
const d = (t: string) => { const r = toReportData(parseReport(t)); return r.ok ? r.data : r; };
const P = '本报告中所列数据统计期限为2023年1月1日至2023年12月31日。';
it('scratch', () => {
  const base = s.pdfReport().text;
  for (const p of ['统计期限为2023年1月1日至12月31日。', '统计期限自2023年1月1日起至12月31日止。', '统计期限为2023年度。', '统计期限为2023.1.1-2023.12.31。', '统计期限为2023年1月1日到2023年12月31日', '统计时间：2023年1月1日－2023年12月31日。', '统计期限为二〇二三年一月一日至二〇二三年十二月三十一日。']) {
    const r = d(base.replace(P, p)) as any; console.log(p, JSON.stringify(r.period));
  }
  // GFM blank at end
  const g = s.gfmReport().text;
  const g2 = g.replace('| 一、本年新收政府信息公开申请数量 |  | 101 | 102 | 103 | 104 | 105 | 106 | 107 |', '| 一、本年新收政府信息公开申请数量 |  | 101 | 102 | 103 | 104 | 105 | 106 |  |');
  console.log(g !== g2, JSON.stringify((d(g2) as any).tables.applications.newReceived));
  const g3 = g.replace('| 一、本年新收政府信息公开申请数量 |  | 101 | 102 | 103 | 104 | 105 | 106 | 107 |', '| 一、本年新收政府信息公开申请数量 |  | 101 | 102 | 103 | 104 | 105 | 106 |');
  console.log(g !== g3, JSON.stringify((d(g3) as any).tables.applications.newReceived));
  // pdf short prefix broken
  const b = s.pdfReport().text.replace('\t1.属于国家秘密\t501', '\t1.属于国\t501').replace('\t\t2.其他法律', '\t\t家秘密\n\t\t2.其他法律');
  console.log(JSON.stringify((d(b) as any).tables.applications.withheldStateSecret), JSON.stringify((d(b) as any).extractionIssues));
  const b2 = s.pdfReport().text.replace('\t\t2.重复申请\t', '\t\t2.重复\n\t\t申请\t');
  console.log(JSON.stringify((d(b2) as any).tables.applications.notProcessedRepeated), JSON.stringify((d(b2) as any).extractionIssues?.map((i: any) => i.kind + i.row)));
  // thousand separators
  const t = s.pdfReport().text.replace('行政许可\t7', '行政许可\t27,505');
  console.log(JSON.stringify((d(t) as any).tables.activeDisclosure.licensing));
});
