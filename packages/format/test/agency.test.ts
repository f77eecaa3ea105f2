import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS, AGENCY_KIND_SPECS, agencyKindFromName } from '@nianbao/format';

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
