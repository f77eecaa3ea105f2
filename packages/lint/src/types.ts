import type { AgencyKind, FormatSpec, JsonSchema, Localized, Locale, ReportData } from '@nianbao/format';
import type { ReportDocument, Span } from '@nianbao/parse';
import type { Suppression } from './directives.js';

export type Severity = 'error' | 'warning' | 'info';
/** The message locales: the format's. */
export type { Locale };

/** A rule's setting in `.nianbaorc.json`: a severity, `off`, or `[severity, options]`. */
/** `warn` is ESLint's spelling of `warning`, accepted so that a configuration written from habit works. */
export type RuleSetting = Severity | 'warn' | 'off' | [Severity | 'warn' | 'off', Record<string, unknown>];

/** An edit that fixes a finding: replace offsets `start`–`end` of the source text with `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/**
 * An edit a rule offers as one choice for a person (ESLint's suggestions): an insertion or an alternative
 * that is right only if the author says so. `--fix` never applies one; an editor lists each as an action.
 */
export interface Suggestion {
  /** What the edit does, in the lint locale, like the finding's message (`插入缺少的部分“四、…”`). */
  message: string;
  fix: Fix;
}

/** A place that explains a finding: a cell a total is made of, last year's cell. */
export interface RelatedPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Set when the place is in another file (last year's report). */
  file?: string;
  /** For a .docx or PDF: where a person finds it (`第3页 第12行`). */
  place?: string;
}

/** One finding. Positions are 1-based; `end` is exclusive; columns count UTF-16 code units. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets of the same range, for applying fixes. */
  startOffset: number;
  endOffset: number;
  url: string;
  related: RelatedPlace[];
  fix?: Fix;
  /** Edits offered for a person to choose from; present only where they can be applied to this file. */
  suggestions?: Suggestion[];
  /**
   * A fix the rule offers that cannot be applied to this file (a .docx or PDF, or text inside HTML
   * markup): the replacement text, so that it can be listed for the author to make by hand.
   */
  unappliedFix?: { text: string };
  /** For a .docx or PDF, which have no lines to open: where a person finds the finding (`第3页 第12行`, `第12段`). */
  place?: string;
  /** Present (with `--report-suppressed`) when an inline comment suppressed the finding. */
  suppressed?: { reason: string; line: number; /** Set when `.nianbaorc.json` suppressed it: the configuration file. */ config?: string };
  /** What the finding is about, as a format id (a missing section's or table's). */
  subject?: string;
}

/** Text with `{name}` placeholders, in both languages. */
export type MessageTemplate = Localized;

/** A finding a rule's example expects. The message is the Chinese one (the default locale). */
export interface ExampleFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string;
  severity?: Severity;
}

/** A worked example of a rule: its documentation and its test at once. */
export interface RuleExample {
  title: Localized;
  /** A document or fragment, as a user would write it. */
  input: string;
  /** Findings of this rule expected on it, in order: where they start, and where given, where they end and what they say. */
  findings: ExampleFinding[];
  /** The document after `--fix`, for a fixable rule's failing example. */
  fixed?: string;
  options?: Record<string, unknown>;
  /** Last year's report, for the cross-year rules. */
  previous?: string;
  /** The agency's kind, for rules that depend on it. */
  agencyKind?: AgencyKind;
}

export interface RuleMeta {
  id: string;
  description: Localized;
  /** The severity of a finding that does not say otherwise. */
  severity: Severity;
  fixable: boolean;
  /** Whether the rule offers suggestions (ESLint's `hasSuggestions`): the engine drops them from rules that do not say so. */
  hasSuggestions?: boolean;
  messages: Record<string, MessageTemplate>;
  /** JSON Schema of the rule's options, if it takes any. */
  optionsSchema?: JsonSchema;
  defaultOptions?: Record<string, unknown>;
  /** More on what the rule checks and why, for its doc page. */
  details?: Localized;
  examples: RuleExample[];
}

export interface ReportDescriptor {
  messageId: string;
  /** Values for the message's placeholders. */
  data?: Record<string, string | number>;
  span: Span;
  /** Overrides the rule's severity for this finding (a rule whose findings differ in weight). */
  severity?: Severity;
  related?: Array<{ span: Span; messageId?: string; text?: Localized | string; data?: Record<string, string | number>; file?: string }>;
  /** A safe edit that fixes the finding; only accepted from rules marked fixable. */
  fix?: Fix;
  /** Edits for a person to choose from, each with its message; only accepted from rules with `hasSuggestions`. */
  suggestions?: Array<{ messageId: string; data?: Record<string, string | number>; fix: Fix }>;
  /** What the finding is about, as a format id (`applications`, `otherMatters`). */
  subject?: string;
}

/** What a rule sees: the document, its format, its options, and a way to report. */
export interface RuleContext {
  document: ReportDocument;
  /** The format the report must follow for its year. */
  format: FormatSpec;
  /** The format its tables follow, as read (may differ from `format`). */
  tableFormat: FormatSpec;
  /** The report's data as extracted (tables and facts), for arithmetic. */
  data: ReportData | undefined;
  options: Record<string, unknown>;
  locale: Locale;
  agencyKind: AgencyKind | undefined;
  previous: { document: ReportDocument; data: ReportData | undefined; file?: string } | undefined;
  report(descriptor: ReportDescriptor): void;
  /** The document's suppression comments and which of them silenced a finding (for the `directive` rule, which runs last). */
  directives: DirectiveState;
}

export interface DirectiveState {
  suppressions: readonly Suppression[];
  used: ReadonlySet<Suppression>;
  /** Whether every rule ran (no `only`): else no directive can be said to suppress nothing. */
  complete: boolean;
  isRule(ruleId: string): boolean;
  isOn(ruleId: string): boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export interface LintOptions {
  locale?: Locale;
  /** Per-rule settings, as in `.nianbaorc.json`. */
  rules?: Record<string, RuleSetting>;
  /** Run only these rules (tests, docs). */
  only?: readonly string[];
  /** Last year's report of the same agency, for `carryover` and `stock-rollforward`. */
  previous?: { document: ReportDocument; file?: string };
  agencyKind?: AgencyKind;
  /** Where the rule docs live; the docs of the installed package by default. */
  docsBaseUrl?: string;
  /** Findings of these rules are suppressed in this file, with these reasons (from `.nianbaorc.json`'s `suppressions`). */
  fileSuppressions?: ReadonlyArray<{ rule: string; reason: string; config?: string }>;
  /** Return suppressed findings too, each with the reason its comment gives. */
  reportSuppressed?: boolean;
}
