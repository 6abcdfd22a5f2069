// consumer.ts — what a TypeScript user of the package writes: every public
// function of the engine and the elements, type-checked by tsc --noEmit
// against the installed tarball (tests/package/package.test.mjs).
import { load } from 'http-status-explorer';
import type { Engine, StatusInfo, QueryResult, ParseResult, SimulateResult, Example, FollowUp, LintResult } from 'http-status-explorer';
import { HttpStatusExplorerElement, HttpStatusBadgeElement } from 'http-status-explorer/elements';
import type { StatusCode } from 'http-status-explorer/status-codes';
import { phrase as codePhrase, classOf, flags, FLAGS } from 'http-status-explorer/codes';

export async function use(): Promise<string> {
  const hs: Engine = await load();
  const info: StatusInfo | null = hs.lookup(404);
  const phrase: string | undefined = hs.phrase(404);
  const q: QueryResult = hs.query('not found');
  const all: number[] = hs.codes();
  const cat = hs.catalog();
  const parsed: ParseResult = hs.parseRequest('GET / HTTP/1.1\r\nHost: a\r\n\r\n', { lenient: true });
  const many: ParseResult[] = hs.parseRequests('GET / HTTP/1.1\r\nHost: a\r\n\r\n');
  const sim: SimulateResult = hs.simulate('GET / HTTP/1.1\r\nHost: a\r\n\r\n', { lang: 'ko' });
  const ex: Example | null = hs.example(405);
  const next: FollowUp | null = hs.followUp(sim.exchanges[0]);
  const handler = hs.handler(405);
  const codes = hs.exampleCodes();
  hs.setServerState({ maintenance: true });
  const state = hs.serverState();
  hs.resetServer();
  const lint: LintResult = hs.lint('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n', { request: 'DELETE / HTTP/1.1\r\nHost: a\r\n\r\n', lang: 'ko' });
  const rules = hs.lintRules();
  const teapot: StatusCode = 418;
  const lean: Engine = await load(undefined, { ready: ['ko'] });
  const ready: Engine = await lean.ready('http', 'en');
  const loaded: boolean = ready.isReady('http');
  const plain: string | undefined = codePhrase(404);
  const redirect = ((flags(303) ?? 0) & FLAGS.redirectToGet) !== 0 && classOf(303) === 3;
  const el = document.createElement('http-status-explorer');
  el.view = 'exchange';
  el.code = 303;
  const badge: HttpStatusBadgeElement = document.createElement('http-status-badge');
  HttpStatusExplorerElement.define('my-explorer');
  return [info?.phrase, phrase, q, all.length, cat.length, parsed.ok, many.length, ex?.request, next, handler, codes.length,
    state, teapot, el.view, badge.code, lint.findings.length, rules.length, loaded, plain, redirect].join();
}
