/**
 * Words written beside a number in one table cell, seen where a page split the cell into spans: before
 * it (`增7`, `减3`: the 2019 本年增/减 column) or after it (`11批`, `129323元`). A reader joins them to
 * the number they stand beside, so the cell is judged as written (`增7` is not a number; `129323元` is an
 * amount with its unit) instead of the word being taken for a label.
 */
export const VALUE_PREFIXES: readonly string[] = ['增', '减', '增加', '减少', '新增', '净增', '约', '共'];
export const VALUE_SUFFIXES: readonly string[] = ['元', '万元', '亿元', '件', '个', '条', '项', '次', '批', '家', '人', '份', '宗', '起', '类', '篇'];
