/**
 * The review page's style and script, inlined: the page is sent to agencies and opened offline, so it
 * loads nothing (no fonts, no scripts, no images from anywhere).
 */

export const CSS = `
:root { --error: #c62828; --error-bg: #fdecea; --warning: #8a6100; --warning-bg: #fff4d6; --info: #1f5fa8; --info-bg: #e8f0fb; --line: #b8b8b8; --muted: #5f6368; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #202124; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #202124; }
h3 { font-size: 15px; margin: 20px 0 8px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; min-width: 110px; }
.counts b { display: block; font-size: 24px; line-height: 1.2; }
.counts .errors b { color: var(--error); } .counts .warnings b { color: var(--warning); } .counts .info b { color: var(--info); }
table.list { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
table.list th, table.list td { border-bottom: 1px solid #e0e0e0; padding: 4px 8px; text-align: left; vertical-align: top; }
table.list td.n, table.list th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.list th { background: #f3f4f6; position: sticky; top: 0; }
table.list th[data-sort] { cursor: pointer; user-select: none; white-space: nowrap; }
table.list th[data-sort]::after { content: " ↕"; color: #9aa0a6; }
table.list th[aria-sort="ascending"]::after { content: " ↑"; color: #202124; }
table.list th[aria-sort="descending"]::after { content: " ↓"; color: #202124; }
td.has-errors { color: var(--error); font-weight: 600; }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 8px 0; padding: 8px 12px; background: #f3f4f6; border-radius: 6px; }
.controls input[type=search] { font: inherit; padding: 4px 8px; min-width: 260px; }
.controls select { font: inherit; padding: 3px 6px; }
.controls output { color: var(--muted); margin-left: auto; }
section.file { margin-top: 36px; }
section.file h2 { font-size: 16px; word-break: break-all; }
ol.findings { padding-left: 2.4em; }
ol.findings li { margin: 0 0 10px; }
.sev { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 3px; margin-right: 6px; }
.sev-error { color: var(--error); background: var(--error-bg); } .sev-warning { color: var(--warning); background: var(--warning-bg); } .sev-info { color: var(--info); background: var(--info-bg); }
.where, .rule { color: var(--muted); font-size: 12px; }
.rule { margin-left: 6px; }
li.suppressed { opacity: .6; }
pre.src { margin: 4px 0 0; padding: 4px 8px; background: #f8f9fa; border-left: 3px solid #dadce0; white-space: pre-wrap; word-break: break-all; font: 13px/1.5 "Noto Sans Mono CJK SC", "Noto Sans CJK SC", monospace; }
pre.src .ln { color: #9aa0a6; margin-right: 10px; user-select: none; }
pre.src mark { background: #ffe08a; }
ul.related { margin: 4px 0 0; padding: 0; list-style: none; color: var(--muted); font-size: 12px; }
ul.related li { display: inline; margin: 0 12px 0 0; }
p.note { color: var(--muted); font-size: 13px; }
table.grid { border-collapse: collapse; margin: 8px 0 20px; font-size: 12px; line-height: 1.4; page-break-inside: avoid; break-inside: avoid; }
table.grid caption { text-align: left; font-weight: 600; font-size: 14px; padding: 4px 0; }
table.grid th, table.grid td { border: 1px solid #5f6368; padding: 3px 5px; }
table.grid th { font-weight: 400; background: #fafafa; text-align: center; }
table.grid th.label { text-align: left; }
table.grid th.block { font-weight: 600; text-align: left; background: #f1f3f4; }
table.grid td { text-align: center; min-width: 3.2em; font-variant-numeric: tabular-nums; position: relative; }
table.grid td.unplaced, table.grid td.text { color: var(--muted); font-size: 11px; }
table.grid td.fail { cursor: help; font-weight: 700; }
table.grid td.fail-error { background: var(--error-bg); outline: 2px solid var(--error); outline-offset: -2px; color: var(--error); }
table.grid td.fail-warning { background: var(--warning-bg); outline: 2px solid #e0a800; outline-offset: -2px; }
table.grid td.fail-info { background: var(--info-bg); }
table.grid td sup { font-size: 10px; margin-left: 2px; }
table.grid td sup a { color: inherit; }
.tip { display: none; position: absolute; z-index: 10; left: 50%; top: 100%; width: 26em; margin-left: -13em; padding: 8px 10px; background: #fff; color: #202124; border: 1px solid #5f6368; border-radius: 4px; box-shadow: 0 4px 14px rgba(0,0,0,.18); text-align: left; font-weight: 400; font-size: 12px; white-space: normal; }
.tip > span { display: block; margin: 2px 0; }
.tip .formula { font-weight: 600; margin-top: 6px; }
.tip .diff { color: var(--error); font-weight: 600; }
table.grid td.fail:nth-last-child(-n+3) .tip { left: auto; right: 0; margin-left: 0; }
td.fail:hover .tip, td.fail:focus .tip, td.fail:focus-within .tip { display: block; }
.hidden { display: none !important; }
a.top { font-size: 12px; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .controls, a.top, .tip { display: none !important; }
  table.list th { position: static; }
  table.list th[data-sort]::after { content: ""; }
  section.file { break-before: page; page-break-before: always; margin-top: 0; }
  section.file.hidden { display: none; }
  table.grid { font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
  td.fail-error, td.fail-warning, td.fail-info, .sev, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * Sorting by a column (numbers as numbers) and filtering by text and rule: the summary's files table
 * and the files' sections follow the same filter, so what is printed is what is shown.
 */
export const SCRIPT = `
(function () {
  'use strict';
  function sortBy(th) {
    var table = th.closest('table');
    var body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute('data-sort') === 'number';
    var order = th.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
    if (!numeric && !th.hasAttribute('aria-sort')) order = 'ascending';
    Array.prototype.forEach.call(th.parentNode.children, function (x) { x.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', order);
    var rows = Array.prototype.slice.call(body.rows);
    var value = function (row) {
      var cell = row.cells[index];
      var v = cell.getAttribute('data-v');
      return v !== null ? v : cell.textContent;
    };
    rows.sort(function (a, b) {
      var x = value(a), y = value(b);
      var c = numeric ? Number(x) - Number(y) : String(x).localeCompare(String(y), 'zh');
      return order === 'ascending' ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll('table.list th[data-sort]').forEach(function (th) {
    th.addEventListener('click', function () { sortBy(th); });
  });
  var text = document.getElementById('filter-text');
  var rule = document.getElementById('filter-rule');
  var problems = document.getElementById('filter-problems');
  var shown = document.getElementById('filter-shown');
  function matches(el) {
    var q = text.value.trim().toLowerCase();
    var r = rule.value;
    if (q && (el.getAttribute('data-search') || '').toLowerCase().indexOf(q) < 0) return false;
    if (r && (' ' + (el.getAttribute('data-rules') || '') + ' ').indexOf(' ' + r + ' ') < 0) return false;
    if (problems.checked && el.getAttribute('data-active') === '0') return false;
    return true;
  }
  function apply() {
    var rows = document.querySelectorAll('#files tbody tr');
    var n = 0;
    rows.forEach(function (row) {
      var ok = matches(row);
      row.classList.toggle('hidden', !ok);
      if (ok) n++;
    });
    document.querySelectorAll('section.file').forEach(function (s) { s.classList.toggle('hidden', !matches(s)); });
    shown.value = shown.getAttribute('data-template').replace('{shown}', n).replace('{total}', rows.length);
  }
  [text, rule, problems].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
  document.querySelectorAll('[data-pick-rule]').forEach(function (a) {
    a.addEventListener('click', function (e) { e.preventDefault(); rule.value = a.getAttribute('data-pick-rule'); apply(); document.getElementById('files').scrollIntoView(); });
  });
  apply();
})();
`;
