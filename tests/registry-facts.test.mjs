// registry-facts.test.mjs — the facts the registry states, each pinned to the
// RFC text it comes from (issue 10 §1). A row here changes only when the RFC
// reading changes, and the comment beside it says where to read it.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../web/engine.js';

const hs = await load();

// Every response field the registry says a code requires: field, level as
// the cited section words it (NONE: no RFC 2119 keyword there), doc §section.
const REQUIRED = {
  // RFC 9110 §15.2.2: "MUST generate an Upgrade header field"; §7.8: whoever
  // sends Upgrade MUST also send Connection with the "upgrade" option.
  101: ['Upgrade MUST RFC9110 §15.2.2', 'Connection MUST RFC9110 §7.8'],
  // §15.3.2 has no keyword; the SHOULD is in §9.3.3, for a POST that created resources.
  201: ['Location SHOULD RFC9110 §9.3.3'],
  // §15.3.7.1: a single part MUST carry Content-Range.
  206: ['Content-Range MUST RFC9110 §15.3.7.1'],
  // §15.4.1: "If the server has a preferred choice, the server SHOULD generate a Location".
  300: ['Location SHOULD RFC9110 §15.4.1'],
  301: ['Location SHOULD RFC9110 §15.4.2'],
  302: ['Location SHOULD RFC9110 §15.4.3'],
  // §15.4.4 words the Location of a 303 with no keyword.
  303: ['Location NONE RFC9110 §15.4.4'],
  // §15.4.5: MUST generate the fields a 200 would have carried (ETag, Date, Vary, ...).
  304: ['ETag MUST RFC9110 §15.4.5'],
  307: ['Location SHOULD RFC9110 §15.4.8'],
  308: ['Location SHOULD RFC9110 §15.4.9'],
  401: ['WWW-Authenticate MUST RFC9110 §15.5.2'],
  405: ['Allow MUST RFC9110 §15.5.6'],
  407: ['Proxy-Authenticate MUST RFC9110 §15.5.8'],
  // 408: RFC 9110 §15.5.9 asks nothing of the response (RFC 7231's close was dropped).
  // §15.5.14: "If the condition is temporary, the server SHOULD generate a Retry-After".
  413: ['Retry-After SHOULD RFC9110 §15.5.14'],
  // §15.5.17: a 416 to a byte-range request SHOULD carry Content-Range with the length.
  416: ['Content-Range SHOULD RFC9110 §15.5.17'],
  // §15.5.22: "MUST send an Upgrade header field in a 426 response"; §7.8 as for 101.
  426: ['Upgrade MUST RFC9110 §15.5.22', 'Connection MUST RFC9110 §7.8'],
  // RFC 6585 §4: "MAY include a Retry-After header".
  429: ['Retry-After MAY RFC6585 §4'],
  // RFC 7725 §4: the blocking entity SHOULD send a Link identifying itself, rel="blocked-by".
  451: ['Link SHOULD RFC7725 §4'],
  // §15.6.4: "The server MAY send a Retry-After header field".
  503: ['Retry-After MAY RFC9110 §15.6.4'],
};

const rows = (c) => hs.lookup(c).requiredFields.map((f) => `${f.field} ${f.level} ${f.reference.doc} §${f.reference.section}`);

test('every requiredFields row, with the level and section its RFC gives', () => {
  for (const c of hs.codes()) assert.deepEqual(rows(c), REQUIRED[c] || [], `${c} requiredFields`);
  for (const c of Object.keys(REQUIRED)) assert.ok(hs.codes().includes(Number(c)), `${c} is a known code`);
  for (const c of hs.codes()) for (const f of hs.lookup(c).requiredFields) {
    assert.ok(['MUST', 'SHOULD', 'MAY', 'NONE'].includes(f.level), `${c} ${f.field} level`);
    assert.equal(f.reference.url, `https://www.rfc-editor.org/rfc/${f.reference.doc.toLowerCase()}#section-${f.reference.section}`);
    assert.ok(f.when.en && f.when.ko, `${c} ${f.field} says when`);
  }
  assert.match(hs.lookup(101).requiredFields[1].when.en, /"upgrade"/);
  assert.match(hs.lookup(451).requiredFields[0].when.en, /rel="blocked-by"/);
});

test('104: the expiry date comes from the IANA row; expired is decided by today, in the glue', () => {
  const e = hs.lookup(104);
  assert.equal(e.registry, 'temporary');
  assert.equal(e.expires, '2026-11-13');
  assert.match(e.iana.description, /expires 2026-11-13\)$/);
  assert.match(e.origin, /due to expire 2026-11-13 per the registry snapshot of 2025-09-15/);
  assert.match(e.description.en, /due to expire 2026-11-13 per the registry snapshot of 2025-09-15/);
  assert.match(e.description.ko, /2025-09-15 레지스트리 스냅숏 기준으로 2026-11-13에 만료될 예정/);
  assert.doesNotMatch(e.description.en, /expired on/);
  mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-11-13T23:59:00Z') });
  try {
    assert.equal(hs.lookup(104).expired, false, 'on the day itself the registration stands');
    mock.timers.setTime(Date.parse('2026-11-14T00:00:01Z'));
    assert.equal(hs.lookup(104).expired, true, 'the day after, it has expired');
    mock.timers.setTime(Date.parse('2025-09-15T12:00:00Z'));
    assert.equal(hs.lookup(104).expired, false, 'on the snapshot date it had not');
  } finally {
    mock.timers.reset();
  }
  for (const c of hs.codes().filter((c) => c !== 104)) {
    assert.equal(hs.lookup(c).expires, null, `${c} has no expiry`);
    assert.equal(hs.lookup(c).expired, false, `${c} not expired`);
  }
});

test('retryable: 421 (MAY retry on another connection, RFC 9110 §15.5.20) and 507 (temporary, RFC 4918 §11.5)', () => {
  assert.equal(hs.lookup(421).retryable, true);
  assert.equal(hs.lookup(507).retryable, true);
  const d = hs.lookup(421).description.en;
  assert.match(d, /not configured to answer for the origin/);
  assert.doesNotMatch(d, /certificate|authoritative/);
  assert.doesNotMatch(hs.lookup(421).description.ko, /권위 있는/);
});

test('aliases: the RFC 2616 phrases nginx still sends (RFC 2616 §6.1.1)', () => {
  assert.ok(hs.lookup(408).aliases.includes('Request Time-out'));
  assert.ok(hs.lookup(504).aliases.includes('Gateway Time-out'));
});

test('530: Cloudflare sends it with a 1xxx error; origin DNS is only error 1016', () => {
  const e = hs.lookup(530);
  assert.equal(e.phrase, 'Cloudflare 1xxx Error');
  assert.deepEqual(e.aliases, ['Origin DNS Error']);
  assert.match(e.description.en, /1xxx/);
  assert.match(e.description.en, /Only one of them, 1016, is an origin DNS error/);
  assert.match(e.origin, /only error 1016/);
});

test('descriptions say what the RFC says, at the level it says it', () => {
  const en = (c) => hs.lookup(c).description.en;
  assert.match(en(413), /SHOULD add Retry-After/);
  assert.doesNotMatch(en(408), /close/i, '408: RFC 9110 has no close rule');
  assert.match(en(408), /sets no rule for the response itself/);
  assert.match(en(425), /SHOULD retry/);
  assert.match(en(425), /MUST NOT go in early data/);
  assert.doesNotMatch(en(425), /must automatically retry/i);
  assert.match(en(308), /RFC 7238/);
  assert.match(en(308), /RFC 7538 obsoleted/);
  assert.doesNotMatch(en(417), /in practice 100-continue/);
  assert.match(en(417), /some other expectation/);
  assert.doesNotMatch(en(306), /must not/i);
  assert.match(en(451), /SHOULD identify itself in a Link header with rel="blocked-by"/);
  // RFC 9110 §15.5.4: SHOULD NOT repeat with the same credentials, MAY with others, MAY answer 404 to hide
  assert.match(en(403), /SHOULD NOT send it again automatically with the same ones and MAY try others/);
  assert.match(en(403), /MAY answer 404 instead/);
  assert.match(hs.lookup(403).description.ko, /SHOULD NOT\).*\(MAY\).*\(MAY\)/);
  assert.match(en(308), /SHOULD give in Location/, 'RFC 9110 §15.4.9');
  // RFC 8297 (Experimental) §2: acting on the hints MUST NOT change how the final response is processed
  assert.match(en(103), /experimental RFC 8297/);
  assert.match(en(103), /MUST NOT change how that response is processed/);
  assert.match(hs.lookup(103).description.ko, /\(MUST NOT\)/);
  assert.equal(hs.lookup(425).title.ko, '너무 이른 요청');
});

test('an unassigned code: treated as x00; not heuristically cacheable, with no rule against caching', () => {
  const d = hs.lookup(299).description;
  assert.match(d.en, /treat it as 200/);
  assert.doesNotMatch(d.en, /should not cache/);
  assert.match(d.en, /not heuristically cacheable/);
  assert.match(d.en, /RFC 9111 §4\.2\.2/);
  assert.doesNotMatch(d.ko, /캐시하지 않아야/);
  assert.match(d.ko, /휴리스틱 캐시 대상이 아니/);
});

test('301/302: no rule to keep the method; a user agent MAY turn POST into GET (RFC 9110 §15.4.2-3)', () => {
  for (const c of [301, 302]) {
    const x = hs.lookup(c).redirect.explain;
    assert.doesNotMatch(x.en, /should keep/i);
    assert.match(x.en, /MAY turn a POST into a GET/);
    assert.match(x.en, /RFC 9110 §15\.4\.2-3/);
    assert.doesNotMatch(x.ko, /유지해야/);
  }
});
