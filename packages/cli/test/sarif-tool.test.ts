import { describe, expect, it } from 'vitest';
import { artifactLocation } from '../src/formatters/sarif.js';
import { repositoryHome } from '../src/formatters/tool.js';

describe('where a SARIF log says a file is', () => {
  it('relative to %SRCROOT% inside the run’s folder, each segment percent-encoded', () => {
    expect(artifactLocation('报告/a b#1.txt', '/run')).toEqual({ uri: '%E6%8A%A5%E5%91%8A/a%20b%231.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./x/../y.txt', '/run')).toEqual({ uri: 'y.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/run/sub/y.txt', '/run')).toEqual({ uri: 'sub/y.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('win\\dir\\y.txt', '/run')).toEqual({ uri: 'win/dir/y.txt', uriBaseId: '%SRCROOT%' });
  });

  it('an absolute file URL outside it, or when the folder is not known', () => {
    expect(artifactLocation('../other/y.txt', '/run')).toEqual({ uri: 'file:///other/y.txt' });
    expect(artifactLocation('/elsewhere/上年.txt', undefined)).toEqual({ uri: 'file:///elsewhere/%E4%B8%8A%E5%B9%B4.txt' });
    expect(artifactLocation('rel/y.txt', undefined)).toEqual({ uri: 'rel/y.txt', uriBaseId: '%SRCROOT%' });
  });
});

describe('the rule pages of a repository named in package.json', () => {
  it('GitHub and GitLab, in every way package.json writes them', () => {
    const github = { home: 'https://github.com/o/n', blob: 'https://github.com/o/n/blob/HEAD/' };
    expect(repositoryHome('o/n')).toEqual(github);
    expect(repositoryHome('github:o/n')).toEqual(github);
    expect(repositoryHome({ type: 'git', url: 'git+https://github.com/o/n.git' })).toEqual(github);
    expect(repositoryHome('git@github.com:o/n.git')).toEqual(github);
    expect(repositoryHome('gitlab:o/n')).toEqual({ home: 'https://gitlab.com/o/n', blob: 'https://gitlab.com/o/n/-/blob/HEAD/' });
  });

  it('nothing for a host whose file addresses are not known, or no repository', () => {
    expect(repositoryHome(undefined)).toBeUndefined();
    expect(repositoryHome('https://example.org/o/n.git')).toBeUndefined();
    expect(repositoryHome('file:///home/me/nianbao')).toBeUndefined();
    expect(repositoryHome({ url: 42 })).toBeUndefined();
  });
});
