import { readFileSync } from 'node:fs';

/** What a machine-readable report says about the tool that wrote it. */
export interface ToolInfo {
  version: string;
  /** Where the rule pages are published, from the package's `repository` (absent while it has none). */
  docsBase?: string;
  /** The project's home on the web, from the package's `repository`. */
  home?: string;
}

/**
 * The web address of a repository named in package.json (`"github:owner/name"`, `"owner/name"`,
 * `{ "url": "git+https://github.com/owner/name.git" }`), for GitHub and GitLab only: those are the hosts
 * whose address of a file in the repository is known. Anything else gives nothing rather than a guess.
 */
export function repositoryHome(repository: unknown): { home: string; blob: string } | undefined {
  const raw = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string') return undefined;
  const shorthand = /^(?:(github|gitlab):)?([\w.-]+)\/([\w.-]+)$/u.exec(raw);
  const url = shorthand
    ? `https://${shorthand[1] ?? 'github'}.com/${shorthand[2]}/${shorthand[3]}`
    : raw.replace(/^git\+/u, '').replace(/^git@([\w.-]+):/u, 'https://$1/');
  const match = /^https:\/\/(github\.com|gitlab\.com)\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/u.exec(url);
  if (!match) return undefined;
  const home = `https://${match[1]}/${match[2]}/${match[3]}`;
  // Rule pages are committed under docs/rules/ of the repository; HEAD is its default branch.
  return { home, blob: `${home}${match[1] === 'gitlab.com' ? '/-' : ''}/blob/HEAD/` };
}

let cached: ToolInfo | undefined;

/**
 * nianbao's package.json: two folders up from src/formatters/ or dist/formatters/, one from the single
 * file `npm run pack` bundles into dist/.
 */
function ownPackage(): { version?: unknown; repository?: unknown } {
  for (const up of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown; repository?: unknown };
      if (pkg.name === 'nianbao') return pkg;
    } catch {
      // Not there in this layout: the next one.
    }
  }
  return {};
}

/** The nianbao package's version and published docs, read once from its package.json. */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  const pkg = ownPackage();
  const repo = repositoryHome(pkg.repository);
  cached = {
    version: typeof pkg.version === 'string' ? pkg.version : '0.0.0',
    ...(repo ? { docsBase: `${repo.blob}docs/rules/`, home: repo.home } : {}),
  };
  return cached;
}
