import { describe, expect, it } from 'vitest';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';

function found(rule: string, body: string): string[] {
  const text = `某某市某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n${body}\n`;
  return lint(parseReport(text))
    .filter((d) => d.ruleId === rule)
    .map((d) => d.message);
}

describe('count-missing', () => {
  it('finds a count that lost its number beside counted neighbours', () => {
    expect(found('count-missing', '全年公开核准企业资质条、施工许可证76条、安全生产许可证121条。')).toHaveLength(1);
    expect(found('count-missing', '主动公开行政许可信息125条，行政处罚信息条，行政强制信息12条。')).toHaveLength(1);
    expect(found('count-missing', '组织培训3次、召开专题会议次。')).toHaveLength(1);
  });

  it('leaves alone words, articles, number words and lone measures', () => {
    const fine = [
      '制定规范性文件、行政许可56件、行政处罚两件。',
      '依据《条例》第十条、第二十条公开信息120条。',
      '办理依申请公开案件、信访事项共35件。',
      '开展专项检查4次、首次、多次组织培训。',
      '公开政策解读多条、图解信息12条、问答若干条。',
      '全年发布信息120条、转载国家、省、市信息230条。',
      '审核审批事项35项，办结率100%，现场、线上办理各50件。',
      '发布政府信息条例解读、规范性文件12件。',
      '全年公开各类信息条目3000条。',
    ];
    for (const body of fine) expect(found('count-missing', body), body).toEqual([]);
  });
});

describe('prose-sum', () => {
  it('adds up a breakdown that says it is complete (its last part is the rest)', () => {
    expect(found('prose-sum', '全年共公开信息243件，其中机构职能类18件、政策文件类189件、其他36件。')).toEqual([]);
    expect(found('prose-sum', '全年共公开信息243件，其中机构职能类18件、政策文件类177件、其他36件。')).toEqual([
      '正文写共 243件，但列出的 3 项之和为 231件（18 + 177 + 36），相差 12：请核对总数或分项。',
    ]);
    expect(found('prose-sum', '共受理申请20件（其中自然人申请15件，法人申请9件，其余2件）。')).toHaveLength(1);
  });

  it('leaves alone a 其中 that names some parts, other measures, and sums that hold', () => {
    const fine = [
      '共受理申请81件，其中予以公开34件，部分公开5件。',
      '共受理申请81件，其中予以公开34件、部分公开5件。',
      '全年共发布信息1200条，其中通过网站发布800条，通过新媒体发布620条。',
      '共办理建议提案35件（其中人大建议20件，政协提案15件）。',
      '全年共公开信息300条，其中文件类120条、图解50个、其他30条。',
      '累计公开信息5000条，其中本年公开300条、其他200条。',
      '全年共发布信息1200条，其中通过网站发布800条、通过新媒体发布620条。',
      '共受理申请20件，其中自然人申请15件、法人申请9件。',
    ];
    for (const body of fine) expect(found('prose-sum', body), body).toEqual([]);
  });
});

describe('prose-sum: shares against their parts', () => {
  it('a share its parts do not give', () => {
    expect(found('prose-sum', '共受理申请81件，其中予以公开34件，占45%。')).toEqual(['正文写 34件占 45%，但 34 ÷ 81 = 41.98%：请核对比例或数字。']);
    expect(found('prose-sum', '全年共收到申请200件，其中网上申请150件，占比70.0%。')).toHaveLength(1);
  });
  it('a share of a count stated between the total and the part is of that count', () => {
    expect(found('prose-sum', '共收到申请95件，办结93件，其中予以公开30件，占32.3%。')).toEqual([]);
    // A share that fits neither the total nor the count before it is still reported, against the total.
    expect(found('prose-sum', '共收到申请95件，办结93件，其中予以公开30件，占40%。')).toEqual(['正文写 30件占 40%，但 30 ÷ 95 = 31.58%：请核对比例或数字。']);
    // An earlier part with a share of its own is no base for the next one.
    expect(found('prose-sum', '共受理申请81件，其中予以公开34件，占42%，部分公开5件，占14.7%。')).toHaveLength(1);
  });
  it('rounded or cut to the decimals written, and shares of something else, are fine', () => {
    for (const body of [
      '共受理申请81件，其中予以公开34件，占42%。',
      '共受理申请66件，其中予以公开5件，占7.5%，按时办结率100%。',
      '共受理申请66件，其中予以公开5件，占7.6%。',
      '共受理申请81件，同比增长20%。',
      '共受理申请81件，其中予以公开34件，公开率较上年提高5%。',
    ]) {
      expect(found('prose-sum', body), body).toEqual([]);
    }
  });
});

describe('prose-conflict', () => {
  it('the same figure twice with two numbers, in different sentences', () => {
    expect(found('prose-conflict', '全年主动公开政府信息20条。（二）平台建设。通过门户网站主动公开信息32条。')).toHaveLength(1);
    expect(found('prose-conflict', '全年发布政策解读12篇。加强解读，开展政策解读15篇。')).toHaveLength(1);
  });
  it('leaves alone agreeing figures, parts and totals in one sentence, other scopes, comparisons and other years', () => {
    for (const body of [
      '全年主动公开政府信息20条。本年度主动公开政府信息共20条。',
      '全年主动公开政府信息120条，其中通过网站主动公开信息80条。',
      '全年主动公开政府信息20条。各部门主动公开信息500条。',
      '全年主动公开政府信息20条。主动公开信息30条，同比增长50%。',
      '全年主动公开政府信息20条。2022年主动公开政府信息30条。',
      '全年主动公开政府信息20条。应主动公开信息25条。',
    ]) {
      expect(found('prose-conflict', body), body).toEqual([]);
    }
  });
});
