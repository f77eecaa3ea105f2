import { describe, expect, it } from 'vitest';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import { applicationsTable } from '../src/examples.js';

const cellFindings = (text: string): string[] => lint(parseReport(text)).filter((d) => d.ruleId === 'cell-value' || d.ruleId === 'table-shape').map((d) => `${d.ruleId} ${d.message}`);

describe('number cells with words (issue: 3批, 增7, +1)', () => {
  it('says what the cell holds and what it should hold, and the row keeps its shape', () => {
    const t = applicationsTable([['newReceived', ['3批', 0, 0, 0, 0, 0, 3]], ['carriedOver', ['增7', 0, 0, 0, 0, 0, 7]], ['disclosed', ['11 批', 0, 0, 0, 0, 0, 11]]]);
    const found = cellFindings(`某某局2023年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n${t}\n`).filter((f) => !f.includes('缺少'));
    expect(found).toEqual([
      'cell-value 表三“一、本年新收政府信息公开申请数量·自然人”填的是“3批”，不是数字：应填写非负整数，没有的填 0。',
      'cell-value 表三“二、上年结转政府信息公开申请数量·自然人”填的是“增7”，不是数字：应填写非负整数，没有的填 0。',
      'cell-value 表三“（一）予以公开·自然人”填的是“11 批”，不是数字：应填写非负整数，没有的填 0。',
    ]);
  });

  it('a signed +1 in a 本年增/减 column is a number; 增1 is not', () => {
    const t = ['第二十条第（五）项', '', '| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |', '| --- | --- | --- | --- |', '| 行政许可 | 5 | +1 | 3 |', '| 其他对外管理服务事项 | 2 | 增1 | 0 |'].join('\n');
    const found = cellFindings(`某某局2020年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n${t}\n`).filter((f) => !f.includes('缺少'));
    expect(found).toEqual(['cell-value 表二“其他对外管理服务事项·本年增/减”填的是“增1”，不是数字：应填写整数（可为负数），没有的填 0。']);
  });
});
