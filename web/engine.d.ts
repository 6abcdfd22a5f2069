// engine.d.ts — public types of web/engine.js (hand-written; the status code
// types are generated from src/status.def into status-codes.d.ts).
import type { StatusCode, StatusName, Registry } from './status-codes.js';

export type { StatusCode, StatusName, Registry };

/** Text in both languages the engine speaks. */
export interface I18n {
  readonly en: string;
  readonly ko: string;
}

export interface Reference {
  readonly doc: string;            // 'RFC9110', 'RFC6585', 'draft-...'
  readonly section: string | null; // '15.5.5'
  readonly url: string;
}

export interface RequiredField {
  readonly field: string;                   // 'Allow'
  readonly level: 'MUST' | 'SHOULD' | 'MAY' | 'NONE'; // NONE: no RFC 2119 keyword, the code works through the field
  readonly reference: Reference;
  readonly when: I18n;
}

export interface OtherMeaning {
  readonly name: string;
  readonly phrase: string;
  readonly title: I18n;
  readonly registry: 'unofficial';
  readonly origin: string | null;
  /** The languages loaded so far (both after load() without options). */
  readonly description: Partial<I18n>;
}

/** What one framework calls a code and the reason phrase it sends (src/registry/frameworks.def). */
export interface FrameworkName {
  readonly id: 'node' | 'python' | 'werkzeug' | 'django' | 'go' | 'spring' | 'aspnet' | 'rack' | 'rust' | 'nginx';
  readonly name: string;
  /** The constant or symbol in code ('http.StatusNotFound', ':not_found'), or null when there is none. */
  readonly symbol: string | null;
  /** The phrase sent; for a code the framework does not list, what it sends instead ('UNKNOWN'; '' for ASP.NET Core, whose Kestrel sends an empty phrase), or null when its source does not say. */
  readonly phrase: string | null;
  /** The framework's own table lists the code. */
  readonly listed: boolean;
  /** The source file and version the framework's rows were read from. */
  readonly source: string;
}

/** What lookup(code) returns: everything the engine knows about one code. */
export interface StatusInfo {
  readonly code: number;
  readonly name: StatusName | null;
  readonly phrase: string;
  readonly title: I18n;
  readonly class: 1 | 2 | 3 | 4 | 5;
  readonly className: I18n;
  readonly registry: Registry;
  readonly reference: Reference | null;
  /** The languages loaded so far (both after load() without options); see ready(). */
  readonly description: Partial<I18n>;
  readonly aliases: readonly string[];
  readonly origin: string | null;
  readonly interim: boolean;
  readonly contentAllowed: boolean;
  readonly cacheableByDefault: boolean;
  readonly retryable: boolean;
  readonly deprecated: boolean;
  /** A temporary registration's expiry date as the IANA row gives it ('2026-11-13'), else null. */
  readonly expires: string | null;
  /** expires has passed, by today's date (decided in the glue, not the engine). */
  readonly expired: boolean;
  readonly requiredFields: readonly RequiredField[];
  readonly redirect: { readonly method: 'preserved' | 'get' | 'post-may-become-get'; readonly explain: I18n } | null;
  readonly iana: { readonly description: string; readonly reference: string } | null;
  readonly otherMeanings: readonly OtherMeaning[];
  /**
   * What each framework calls the code and sends with it, one entry per
   * framework; null until the 'frameworks' part is ready (load() without
   * options readies it; see ready()).
   */
  readonly frameworks: readonly FrameworkName[] | null;
  /** Unassigned codes only: the x00 code a client treats it as (RFC 9110 §15). */
  readonly treatedAs?: number;
}

export interface EngineError {
  readonly error: { readonly code: string; readonly message: I18n };
}

/**
 * What a method throws when a call into the engine returns one of its HS_E*
 * codes (no documented input does; a result larger than the output buffer
 * could). message is the English sentence.
 */
export interface EngineCallError extends Error {
  readonly code: string; // short name, as in EngineError: 'nospace', 'range', ... ('unknown' for a value no code has)
  readonly rc: number;   // the engine's negative return code
  readonly text: I18n;
}

export type QueryResult =
  | { readonly kind: 'code' | 'range' | 'statusLine' | 'rfc' | 'class' | 'text'; readonly matches: readonly number[] }
  | EngineError;

export interface CatalogEntry {
  readonly code: StatusCode;
  readonly name: StatusName;
  readonly phrase: string;
  readonly titleKo: string;
  readonly registry: Exclude<Registry, 'unassigned'>;
  readonly flags: number;
  readonly class: 1 | 2 | 3 | 4 | 5;
}

export interface RequestLimits {
  maxRequestLine?: number;
  maxTarget?: number;
  maxHeaderSection?: number;
  maxHeaders?: number;
  maxBody?: number;
}

export interface ParseOptions {
  limits?: RequestLimits;
  /** Accept a bare LF as a line terminator (RFC 9112 §2.2 MAY). */
  lenient?: boolean | { bareLF?: boolean };
  /** Byte offset of the input to start at. */
  offset?: number;
}

export interface ParsedRequest {
  readonly ok: true;
  readonly method: string;
  readonly target: string;
  readonly path: string;
  readonly query: string;
  readonly version: string;
  readonly form: 'origin' | 'absolute' | 'authority' | 'asterisk';
  readonly headers: readonly [string, string][];
  readonly trailers: readonly [string, string][];
  readonly body: string | Uint8Array;
  readonly framing: 'none' | 'length' | 'chunked';
  readonly contentLength: number | null;
  readonly consumed: number;
}

export interface RequestError {
  readonly ok: false;
  readonly incomplete?: true;
  readonly missing?: number;
  readonly error: {
    readonly status: number;
    readonly reason: I18n;
    readonly offset: number;
    readonly rule: string;
    readonly name: string;
  };
}

export type ParseResult = ParsedRequest | RequestError;

export interface TraceStep {
  readonly step: string;
  /** Both languages, or only the one simulate() was given as `lang`. */
  readonly detail: Partial<I18n>;
  readonly rule: string;
  readonly status?: number;
}

export interface SimResponse {
  readonly status: number;
  readonly phrase: string;
  readonly headers: readonly [string, string][];
  /** The content as text: a byte that is not UTF-8 shows as U+FFFD. */
  readonly body: string;
  /** The response as sent, as text: a byte that is not UTF-8 shows as U+FFFD. */
  readonly raw: string;
  /** The response as sent, exactly, in base64: present only when raw cannot hold it (content that is not UTF-8, as /bytes/{n} sends). */
  readonly rawBase64?: string;
}

export interface Exchange {
  readonly request: Record<string, unknown>;
  readonly interim: readonly SimResponse[];
  readonly response: SimResponse;
  readonly connection: 'keep-alive' | 'close' | 'upgrade';
  readonly trace: readonly TraceStep[];
}

export interface SimulateResult {
  readonly exchanges: readonly Exchange[];
  /** Bytes after the last exchange that were not read (after a close or an upgrade). */
  readonly rest: unknown;
  /** The state after the exchanges: present when simulate() was given
   * `state`, or when the exchanges changed more than the meters every
   * exchange moves (clock, exchanges, rateLimit.used and its window). */
  readonly state?: ServerState;
}

/** The simulated server's state; see serverState(). */
export type ServerState = Record<string, unknown> & {
  readonly clock: number;
  readonly date: string;
  readonly maintenance: boolean;
  readonly upstream: 'healthy' | 'garbage' | 'slow';
};

export interface Example {
  readonly code: number;
  readonly reason: string;
  readonly final: boolean;
  readonly request: string;
  readonly setup?: Record<string, unknown>;
  /** null for a real example (reason 'real') until ready('examples'). */
  readonly explanation: I18n | null;
}

export interface FollowUp {
  readonly kind: 'redirect' | 'cache' | 'authenticate' | 'retry' | 'reconnect' | 'upgrade' | 'fetch' | 'poll' | 'length';
  readonly method?: string;
  readonly target?: string;
  readonly after?: number;
  /** The next request's bytes; absent when there is none, or when it would resend content the exchange does not hold exactly. */
  readonly request?: string;
  /** true when the next request would resend this request's content or fields, which the exchange holds cut (content over 4096 bytes, fields over 8 KB) or with bytes that are not UTF-8: request is then absent. */
  readonly inexact?: true;
  readonly explanation: I18n;
  readonly rule: string;
}

/** One finding of lint(): byte offset and length in the response when it is about some of its bytes. */
export interface LintFinding {
  readonly level: 'error' | 'warning' | 'info';
  /** Stable id of the rule (a row of src/http/lint.def), e.g. 'required-field'. */
  readonly rule: string;
  readonly message: I18n;
  readonly fix: I18n;
  /** What it cites, e.g. 'RFC 9110 §15.5.6', and the address of that section. */
  readonly section: string;
  readonly url: string;
  readonly offset?: number;
  readonly length?: number;
}

/** The final response as lint() read it, or why it has no status line to read. */
export type LintResponse =
  | {
      readonly status: number;
      readonly phrase: string;
      readonly version: string;
      readonly headers: readonly (readonly [string, string])[];
      /** The content (chunked content decoded); invalid UTF-8 reads as U+FFFD. */
      readonly body: string;
      readonly framing: 'none' | 'length' | 'chunked' | 'close';
    }
  | { readonly error: { readonly rule: string; readonly offset: number; readonly message: I18n } };

export interface LintResult {
  readonly response: LintResponse;
  readonly findings: readonly LintFinding[];
}

export interface LintRule {
  readonly rule: string;
  /** 'field': the level of the registry's requiredFields row (MUST error, SHOULD warning, MAY info). */
  readonly level: 'error' | 'warning' | 'info' | 'field';
  readonly section: string;
  readonly url: string;
  readonly message: I18n;
  readonly fix: I18n;
}

export interface Engine {
  /** Size in bytes of the engine's input buffer. */
  readonly inputCapacity: number;
  phrase(code: number): string | undefined;
  lookup(code: number | string): StatusInfo | null;
  query(text: string): QueryResult;
  codes(): number[];
  catalog(): readonly CatalogEntry[];

  parseRequest(input: string | Uint8Array, options?: ParseOptions): ParseResult;
  parseRequests(input: string | Uint8Array, options?: ParseOptions): ParseResult[];
  /** Empty until ready('http'). */
  readonly requestReasons: readonly { name: string; status: number; rule: string; text: I18n }[];

  /**
   * Before ready('server-ko'), an exchange that needs the server's Korean
   * (lang 'ko', no lang (both languages), or a request whose Accept-Language
   * chooses Korean) throws an Error with code 'notext' and part 'server-ko';
   * the exchange changes nothing (a state in options is applied first):
   * `await hs.ready(err.part)` and call again.
   */
  simulate(raw: string | Uint8Array, options?: { state?: Record<string, unknown> | true; lang?: 'en' | 'ko' }): SimulateResult;
  example(code: number | string): Example | null;
  exampleCodes(): { code: number; final: boolean }[];
  /** options.content: the content the client meant to send when the server did not read it as this request's (a 411 after content without a length). */
  followUp(exchange: Exchange, options?: { content?: string }): FollowUp | null;
  serverState(): ServerState;
  setServerState(partial: Record<string, unknown>): ServerState;
  resetServer(): ServerState;
  /** The Flask handler of one of the article's codes; its naive, corrected, common and explanation are null until ready('examples'); its exchange's trace is in lang only, and before ready('server-ko') it throws as simulate() does when that exchange needs Korean. */
  handler(code: number, lang?: 'en' | 'ko'): Record<string, unknown> | null;

  /** Checks a response (and the request it answers) against RFC 9110/9111/9112; never throws for any bytes. Throws before ready('lint'). */
  lint(rawResponse: string | Uint8Array, options?: { request?: string | Uint8Array; lang?: 'en' | 'ko' }): LintResult;
  /** Every rule lint() applies. */
  lintRules(): readonly LintRule[];

  /**
   * Resolves once every part named is loaded, each once: 'en' | 'ko' (that
   * language's descriptions in lookup()), 'http' (the second module:
   * parseRequest, parseRequests, requestReasons, simulate, example,
   * exampleCodes, followUp, serverState, setServerState, resetServer,
   * handler, serveNext, setClosing, which throw before it), 'examples'
   * (the texts of example() and handler(), null before it; readies 'http'
   * too), 'server-ko' (the simulated server's Korean trace steps and
   * response bodies; simulate(), serveNext() and handler() throw before it
   * for an exchange that needs them; readies 'http' too), 'lint' (the
   * third module: lint, lintRules, which throw before it), 'frameworks'
   * (lookup(c).frameworks, null before it). load() without options readies all.
   */
  ready(...parts: EnginePart[]): Promise<Engine>;
  isReady(part: EnginePart): boolean;

  /** The raw exports of the first module (tests and benchmarks). */
  readonly wasm: WebAssembly.Exports;
  /** The raw exports of the second module once loaded, else null. */
  httpWasm(): WebAssembly.Exports | null;
}

export type EnginePart = 'en' | 'ko' | 'http' | 'examples' | 'server-ko' | 'lint' | 'frameworks';
export type EngineSource = string | URL | Response | Promise<Response> | BufferSource | WebAssembly.Module;

export interface LoadOptions {
  /** Parts to have ready before load() resolves; all seven by default. [] for the first module alone. Their files are fetched while the first module compiles. */
  ready?: EnginePart[];
  /** Where the other files are, when not beside the first module (or beside engine.js). */
  files?: { http?: EngineSource; examples?: EngineSource; 'server-ko'?: EngineSource; lint?: EngineSource; en?: EngineSource; ko?: EngineSource; frameworks?: EngineSource };
  /** The module engine-http.js (with engine-lint.js's makeLinter beside it to lint there), where import() is not allowed (a service worker); else each is imported on first use. */
  glue?: unknown;
}

/** With no source: the shared engine from the files beside engine.js. */
export function load(source?: EngineSource, options?: LoadOptions): Promise<Engine>;
