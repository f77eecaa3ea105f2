import { describe, expect, it } from 'vitest';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';

/** The scope-mismatch findings of a report by `agency` whose overview says `body`. */
function findings(agency: string, body: string): string[] {
  const text = `${agency}2024年政府信息公开工作年度报告\n\n一、总体情况\n\n${body}\n`;
  return lint(parseReport(text), { rules: { 'scope-mismatch': 'warning' } })
    .filter((d) => d.ruleId === 'scope-mismatch')
    .map((d) => d.message);
}

describe('scope-mismatch on phrasings of every level', () => {
  it('finds the wider area as the object of the agency’s own work, once a sentence', () => {
    expect(findings('某某市人民政府', '强化对全省政务公开工作的统筹推进和指导监督。以集约全省政府网站数据的统一信息资源库为基础，提升服务能力。')).toHaveLength(2);
    expect(findings('某某市人民政府', '做好全省政府信息依申请公开工作，切实提升全省办理工作规范化水平。')).toHaveLength(1);
    expect(findings('某某县人民政府', '统筹全市政务公开工作，指导全省基层政务公开标准化建设。')).toHaveLength(1);
    expect(findings('某某区某某街道办事处', '推进全区政务公开标准化规范化工作。')).toHaveLength(1);
    expect(findings('某某市某某区卫生健康局', '加强全市卫生健康领域信息公开工作。')).toHaveLength(1);
  });

  it('says which area, for which level', () => {
    expect(findings('某某县人民政府', '统筹全市政务公开工作。')).toEqual(['正文写“统筹全市政务公开工作”：这是县（区）级机关的报告，“全市”超出了本机关的工作范围，可能是照搬上级报告的文字，请核对。']);
  });

  it('leaves alone the agency’s own area, taking part, following, ranking and quoting', () => {
    const fine = [
      '做好全市政府信息公开工作，推进全市政务公开标准化。',
      '按照全省统一部署，参加全省政务公开工作会议，结合全省“能力作风建设年”活动开展工作。',
      '在全省率先实现本地APP缴纳居民医保，政务公开评估居全省前列，提升全省第一的服务水平。',
      '认真贯彻落实《关于做好全省政务公开工作的通知》和“推进全省政务公开”专项要求。',
      '落实省委省政府关于政务公开的决策部署，全省政务公开工作会议在我市召开。',
    ];
    for (const body of fine) expect(findings('某某市人民政府', body), body).toEqual([]);
    // The county's own area and the city's are not wider for a city.
    expect(findings('某某市人民政府', '统筹全市、指导全县政务公开工作。')).toEqual([]);
  });

  it('gives nothing where the name does not tell the level', () => {
    for (const agency of ['平潭综合实验区', '某某经济技术开发区管委会', '某某省人民政府']) {
      expect(findings(agency, '做好全省政府信息依申请公开工作。'), agency).toEqual([]);
    }
  });
});
