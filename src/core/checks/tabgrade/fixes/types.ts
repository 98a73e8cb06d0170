/**
 * The shape of fix snippets: ready-to-paste configuration per stack, grouped into topics
 * ("send HSTS", "mark session cookies Secure") that finding ids and Observatory result ids
 * point to (`index.ts`).
 */
import type { Stack } from '../../../findings';

/** A stack, or `any` for advice that does not depend on the stack (an HTML attribute, a dashboard switch). */
export type FixTarget = Stack | 'any';

/** For syntax highlighting and for choosing a comment style. */
export type SnippetLanguage =
  | 'python' | 'ruby' | 'php' | 'javascript' | 'csharp' | 'apache' | 'nginx' | 'caddy' | 'xml' | 'ini' | 'dotenv'
  | 'html' | 'text' | 'properties';

export interface SnippetCode {
  /** Where the code goes, e.g. `settings.py`, `the server { listen 443 } block`. */
  where: string;
  language: SnippetLanguage;
  code: string;
}

/** One fix for one stack, as `fixesFor` returns it. */
export interface FixSnippet extends SnippetCode {
  /** Topic id, e.g. `hsts`. */
  topic: string;
  /** What the snippet achieves, e.g. "Send Strict-Transport-Security". */
  title: string;
  stack: FixTarget;
  /** Caveats: versions, order, how to roll out safely. */
  note?: string;
  /** One-time setup the code relies on (e.g. Laravel's SecurityHeaders middleware). */
  setup?: SnippetCode;
  docsUrl?: string;
}

/** A snippet as written in a topic table: the topic fills in `topic`, `title` and `stack`. */
export type SnippetSpec = Omit<FixSnippet, 'topic' | 'title' | 'stack'>;

export interface FixTopic {
  id: string;
  title: string;
  /** A header to send: servers' snippets are generated from it (`templates.ts`). */
  setHeader?: { name: string; value: string };
  /** A header to stop sending: servers' snippets are generated from it. */
  removeHeader?: string;
  /**
   * Hand-written snippets, which win over generated ones. `null` marks a stack where the
   * topic does not apply or cannot be done there (then the `any` advice is offered).
   */
  snippets: Partial<Record<FixTarget, SnippetSpec | null>>;
  /** Caveats added to the generated snippet of a stack (e.g. IIS 10's native HSTS setting). */
  notes?: Partial<Record<Stack, string>>;
}
