import { describe, expect, it } from 'vitest';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';

const PLACEHOLDER_LINE = '本年度主动公开信息××条。';

function run(body: string, options: Parameters<typeof lint>[1] = {}) {
  const findings = lint(parseReport(`一、总体情况\n\n${body}\n`), { reportSuppressed: true, ...options });
  return {
    directive: findings.filter((d) => d.ruleId === 'directive').map((d) => `${d.line} ${d.message}`),
    placeholder: findings.filter((d) => d.ruleId === 'placeholder').map((d) => (d.suppressed ? 'suppressed' : 'reported')),
  };
}

describe('directive: suppressions that keep their promise', () => {
  it('a reason that says why suppresses, silently', () => {
    expect(run(`<!-- nianbao-disable-next-line placeholder -- 示意文字，发布前替换 -->\n${PLACEHOLDER_LINE}`)).toEqual({ directive: [], placeholder: ['suppressed'] });
  });

  it('no reason, dots or a placeholder: nothing is suppressed, and it says a reason is required', () => {
    for (const reason of ['', ' -- ', ' -- …', ' -- ...', ' -- 理由：…', ' -- 待填写', ' -- TODO']) {
      const r = run(`<!-- nianbao-disable-next-line placeholder${reason} -->\n${PLACEHOLDER_LINE}`);
      expect(r, reason).toEqual({ directive: [expect.stringMatching(/^3 忽略注释没有写明理由/u)], placeholder: ['reported'] });
    }
  });

  it('a misspelt rule id, and words that are no rule id', () => {
    expect(run(`<!-- nianbao-disable-next-line placehold -- 示意 -->\n${PLACEHOLDER_LINE}`).directive).toEqual([expect.stringMatching(/^3 忽略注释中的“placehold”不是/u)]);
    expect(run(`<!-- nianbao-disable-next-line 占位 -- 示意 -->\n${PLACEHOLDER_LINE}`).directive).toEqual([expect.stringMatching(/^3 忽略注释中的“占位”不是/u)]);
  });

  it('a comment that suppresses nothing, when every rule ran; not when only some did', () => {
    expect(run('<!-- nianbao-disable-next-line placeholder -- 示意 -->\n本年度工作有序开展。').directive).toEqual([expect.stringMatching(/^3 这条忽略注释没有忽略任何问题：placeholder/u)]);
    expect(run('<!-- nianbao-disable-next-line placeholder -- 示意 -->\n本年度工作有序开展。', { only: ['directive', 'year-mismatch'] }).directive).toEqual([]);
    // A rule turned off in the configuration cannot be used: no finding about it either.
    expect(run('<!-- nianbao-disable-next-line placeholder -- 示意 -->\n本年度工作有序开展。', { rules: { placeholder: 'off' } }).directive).toEqual([]);
  });

  it('an unclosed disable says it silences the rest of the file; an enable that closes nothing is reported', () => {
    expect(run(`<!-- nianbao-disable placeholder -- 示意文字 -->\n${PLACEHOLDER_LINE}`)).toEqual({ directive: [expect.stringMatching(/^3 “nianbao-disable”之后没有对应/u)], placeholder: ['suppressed'] });
    expect(run(`<!-- nianbao-disable placeholder -- 示意文字 -->\n${PLACEHOLDER_LINE}\n<!-- nianbao-enable placeholder -->`).directive).toEqual([]);
    expect(run('本年度工作有序开展。\n<!-- nianbao-enable placeholder -->').directive).toEqual([expect.stringMatching(/^4 这条“nianbao-enable”前面/u)]);
  });
});
