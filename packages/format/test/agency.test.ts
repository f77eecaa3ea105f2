import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS, AGENCY_KIND_SPECS, agencyArea, agencyKindFromName } from '@nianbao/format';

describe('agencyKindFromName (format.md §1)', () => {
  it.each([
    ['南岗区通达街道办事处', '乡镇街道'],
    ['南关区全安街道', '乡镇街道'],
    ['某某镇人民政府', '乡镇街道'],
    ['某某乡人民政府', '乡镇街道'],
    ['某某镇', '乡镇街道'],
    ['南岗区人民政府办公室', '部门'],
    ['哈尔滨市教育局', '部门'],
    ['示例市示例区市场监督管理局', '部门'],
    ['某某市发展和改革委员会', '部门'],
    ['某某省人民政府办公厅', '部门'],
    ['平房区', '人民政府'],
    ['哈尔滨市人民政府', '人民政府'],
    ['某某县', '人民政府'],
    ['某某县人民政府', '人民政府'],
    ['某某区政府', '人民政府'],
    ['某某省人民政府', '人民政府'],
    [' 平房区 ', '人民政府'],
  ])('%s → %s', (name, kind) => {
    expect(agencyKindFromName(name)).toBe(kind);
  });

  it('deadlines: 部门 and 乡镇街道 by 1月31日, a government by 3月31日', () => {
    expect(AGENCY_KINDS).toEqual(['部门', '人民政府', '乡镇街道']);
    expect(AGENCY_KIND_SPECS.部门.deadline).toEqual({ month: 1, day: 31 });
    expect(AGENCY_KIND_SPECS.乡镇街道.deadline).toEqual({ month: 1, day: 31 });
    expect(AGENCY_KIND_SPECS.人民政府.deadline).toEqual({ month: 3, day: 31 });
  });
});

describe('agencyArea: the level of the area an agency works for, from its name', () => {
  it('reads the innermost unit the name names', () => {
    expect(agencyArea('三明市人民政府')).toBe('city');
    expect(agencyArea('三明市人民政府办公室')).toBe('city');
    expect(agencyArea('某某市财政局')).toBe('city');
    expect(agencyArea('阿克苏地区行政公署')).toBe('city');
    expect(agencyArea('某某市某某区卫生健康局')).toBe('county');
    expect(agencyArea('某某县人民政府')).toBe('county');
    expect(agencyArea('某某旗人民政府')).toBe('county');
    expect(agencyArea('某某区某某街道办事处')).toBe('township');
    expect(agencyArea('某某县某某镇人民政府')).toBe('township');
    expect(agencyArea('某某省人民政府')).toBe('province');
  });

  it('says nothing where the name does not tell', () => {
    for (const name of ['平潭综合实验区', '某某经济技术开发区管委会', '某某新区管理委员会', '某某自治区人民政府', '省生态环境厅', '', '某某单位']) {
      expect(agencyArea(name), name).toBeUndefined();
    }
  });
});
