/*
** query.c — reads what a person types into ranked status codes. See query.h.
**
** Forms, tried in this order:
**   status line   "HTTP/1.1 404 Not Found", "HTTP/2 404", "http 404"
**   code          "404"
**   range         "4xx", "4XX", "4**", "40x", "4", "40"
**   RFC           "rfc 7725", "RFC9110 15.5", "rfc 9110 §15.5.5",
**                 "RFC9110#section-15.5.5"
**   section       a section alone: "15.5.5", "§15.5.5", "section 15.5.5"
**   code in words "404 not found", "error 404", "status code 404", "404 page",
**                 "HTTP_404_NOT_FOUND"; two codes ("404 or 410") are both listed
**   class         "client error", "redirection", "리다이렉션", "서버 오류": every
**                 code of the class, the best known first
**   text          everything else, below.
**   glued         when text finds nothing, a code glued to a word is read
**                 again apart and through the forms above: "http404",
**                 "error404", "status404notfound".
**
** A framework's constant ("StatusNotFound", "HTTPStatus.CONTENT_TOO_LARGE",
** ":unprocessable_entity", "StatusCode::IM_A_TEAPOT", "NGX_HTTP_CLOSE",
** "Status200OK") is
** first read as words: the framework's prefix dropped, then split at "_",
** ".", ":" and where a small letter meets a capital or a letter a digit
** ("status not found" -> "not found"). The words go through the forms
** above; when they find nothing, the query is read as typed. So constant
** names are found from the names every code already has, without the
** framework table (frameworks.def), which only lookup reads.
**
** Text. The query and each name of a code (phrase, aliases, Korean title,
** the synonyms of synonyms.def) are folded alike: ASCII case ignored,
** apostrophes and hyphens dropped ("I'm" = "im", "Time-out" = "timeout"),
** other punctuation a space. A name matches when the two are equal with
** the spaces left out ("notfound", "찾을수없음"), or when every word of the
** query matches a word of the name: equal, the start of it (as typed so
** far), within one or two edits of it (a typo in an ASCII word of four or
** more letters), or, weakest, inside it ("auth" in "unauthorized"; inside a
** word is never the start of one; a typo keeps the first letter). A word
** such as "error" or "http" that
** matches nothing is skipped at a small cost, as is a word naming the vendor
** of an unofficial code ("twitter", "nginx"). Origins and descriptions are
** searched only when no name matched.
**
** Ranking, best first: strong name matches (at least the start of every
** word) of registered codes, and of unofficial codes whose vendor the query
** names; then the other name matches (typos, inside words, and unofficial
** or alternative meanings); then origins and descriptions. Within each,
** the better match, then the better-known code (well_known[]), then the
** lower code.
*/
#include "query.h"

#include "core/hs.h"
#include "core/json.h"
#include "registry.h"

#include <stdint.h>
#include <string.h>

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_wild(unsigned char c) { return c == 'x' || c == '*' || c == '?' || c == '_'; }

/* ---- Substrings (origins and descriptions) ------------------------------ */

/* Returns the next byte in [p, end) equal to c0 or, for a letter, to its
** upper case; NULL if none. memchr does the scanning, so the texts are
** crossed at memory speed rather than a byte at a time. */
static const char *next_first(const char *p, const char *end, unsigned char c0)
{
    const char *a = memchr(p, c0, (size_t)(end - p)), *b;
    if (c0 < 'a' || c0 > 'z')
        return a;
    b = memchr(p, c0 - 32, (size_t)((a ? a : end) - p));
    return b ? b : a;
}

/* Returns the offset of needle (lower case) in hay, comparing ASCII letters
** without case; with word_start, only where a word starts. -1 if absent. */
static int find_ci(const char *hay, size_t hn, const char *needle, size_t nn, int word_start)
{
    const char *p = hay, *end = hay + hn;
    if (nn == 0 || nn > hn)
        return -1;
    while ((p = next_first(p, end - nn + 1, (unsigned char)needle[0])) != NULL) {
        if (hs_ascii_ieq(p + 1, nn - 1, needle + 1, nn - 1) &&
            (!word_start || p == hay || !is_alnum((unsigned char)p[-1])))
            return (int)(p - hay);
        p++;
    }
    return -1;
}

/* ---- Folded text: words ------------------------------------------------- */

#define MAX_WORDS 12

/* Text folded for comparison, and where its words are. */
struct words {
    char s[HS_QUERY_MAX];    /* words separated by one space */
    size_t n;
    int count;               /* at most MAX_WORDS; later words are not split out */
    uint16_t off[MAX_WORDS], len[MAX_WORDS];
};

/* Returns how many bytes at buf[i..len) make one apostrophe or hyphen to
** drop (', `, -, U+2018, U+2019), a separator (other ASCII punctuation or
** white space, U+00A0-U+00BF such as § and no-break space) as a negative
** count, or 0 for a byte to keep. */
static int fold_class(const unsigned char *b, size_t i, size_t len)
{
    if (b[i] == '\'' || b[i] == '`' || b[i] == '-')
        return 1;
    if (b[i] == 0xE2 && i + 2 < len && b[i + 1] == 0x80 && (b[i + 2] == 0x98 || b[i + 2] == 0x99))
        return 3;
    if (b[i] == 0xC2 && i + 1 < len && b[i + 1] >= 0xA0 && b[i + 1] <= 0xBF)
        return -2;
    if (b[i] < 0x80 && !is_alnum(b[i]))
        return -1;
    return 0;
}

/* Folds buf[0..len) into w (see the top of this file). Reads at most
** HS_QUERY_MAX bytes of buf; the folded text is never longer. */
static void fold(const char *buf, size_t len, struct words *w)
{
    const unsigned char *b = (const unsigned char *)buf;
    size_t i = 0;
    if (len > HS_QUERY_MAX)
        len = HS_QUERY_MAX;
    w->n = 0;
    w->count = 0;
    while (i < len) {
        int k = fold_class(b, i, len);
        if (k < 0 && w->n && w->s[w->n - 1] != ' ')
            w->s[w->n++] = ' ';
        else if (k == 0)
            w->s[w->n++] = hs_ascii_lower(buf[i]);
        i += k ? (size_t)(k < 0 ? -k : k) : 1;
    }
    if (w->n && w->s[w->n - 1] == ' ')
        w->n--;
    for (i = 0; i < w->n && w->count < MAX_WORDS;) {
        size_t start = i;
        while (i < w->n && w->s[i] != ' ')
            i++;
        w->off[w->count] = (uint16_t)start;
        w->len[w->count++] = (uint16_t)(i - start);
        i++;
    }
}

/* Compares a and b with their spaces left out. Returns 2 if they are the
** same, 1 if a (3 bytes or more) starts b, 0 otherwise. */
static int compact_cmp(const struct words *a, const struct words *b)
{
    size_t i = 0, j = 0, seen = 0;
    for (;;) {
        while (i < a->n && a->s[i] == ' ')
            i++;
        while (j < b->n && b->s[j] == ' ')
            j++;
        if (i == a->n)
            return j == b->n ? 2 : seen >= 3;
        if (j == b->n || a->s[i] != b->s[j])
            return 0;
        i++, j++, seen++;
    }
}

/* Returns the optimal-string-alignment distance (insertions, deletions,
** substitutions, swaps of two neighbours) between a[0..an) and b[0..bn)
** when it is at most k (0-2), else k + 1. an and bn are at most 32. */
static int edits(const char *a, int an, const char *b, int bn, int k)
{
    int rows[3][33], *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    if (an - bn > k || bn - an > k)
        return k + 1;
    for (int j = 0; j <= bn; j++)
        prev[j] = j;
    for (int i = 1; i <= an; i++) {
        int low = cur[0] = i, *t;
        for (int j = 1; j <= bn; j++) {
            int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < c)
                c = prev[j] + 1;
            if (cur[j - 1] + 1 < c)
                c = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < c)
                c = prev2[j - 2] + 1;
            cur[j] = c;
            if (c < low)
                low = c;
        }
        if (low > k)
            return k + 1;
        t = prev2, prev2 = prev, prev = cur, cur = t;
    }
    return prev[bn] <= k ? prev[bn] : k + 1;
}

/* Returns 1 if a[0..n) and b[0..n) are the same bytes (short words: a
** loop is cheaper than a call to memcmp). */
static int same(const char *a, const char *b, size_t n)
{
    while (n && *a == *b)
        a++, b++, n--;
    return n == 0;
}

/* Returns 1 if s[0..n) is ASCII only. */
static int is_ascii_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* How one query word matches one word of a name, best first. */
enum { W_EQUAL, W_START, W_TYPO, W_INSIDE, W_NONE };

/* Returns how query word q[0..qn) matches name word t[0..tn) (W_*); for
** W_TYPO, *cost is the number of edits. */
static int word_match(const char *q, size_t qn, const char *t, size_t tn, int *cost)
{
    if (qn == tn && same(q, t, qn))
        return W_EQUAL;
    if (qn >= 2 && qn < tn && same(q, t, qn))
        return W_START;
    /* a typo: the first letter is right (people rarely miss it, and it
    ** keeps the alignment below for the few words that can be one) */
    if (qn >= 4 && qn <= 32 && tn >= 2 && tn <= 32 && q[0] == t[0] && is_ascii_word(q, qn)) {
        int k = qn >= 7 ? 2 : 1;
        int d = edits(q, (int)qn, t, (int)tn, k);
        if (d <= k) {
            *cost = d;
            return W_TYPO;
        }
    }
    if (qn >= 3 && qn < tn) {
        for (size_t i = 1; i + qn <= tn; i++)
            if (t[i] == q[0] && same(t + i, q, qn))
                return W_INSIDE;
    }
    return W_NONE;
}

/* Words that say nothing about which code is meant when they match no
** word of a name ("http not found", "what is 404 error"). */
static int is_filler(const char *w, size_t n)
{
    static const char *const fillers[] = {
        "http", "https", "status", "code", "codes", "error", "errors", "response", "the", "a", "an", "is",
        "what", "does", "mean", "meaning", "of", "for", "in",
        "에러", "오류", "코드", "상태", "응답", "뜻", "의미",
    };
    for (size_t i = 0; i < sizeof fillers / sizeof *fillers; i++)
        if (strlen(fillers[i]) == n && memcmp(fillers[i], w, n) == 0)
            return 1;
    return 0;
}

/* A query folded, with what is known of its words. */
struct query {
    struct words w;
    unsigned filler;   /* bits of w's words that are fillers (is_filler) */
    unsigned vendor;   /* bits of w's words that name the vendor of the row being scored */
    uint64_t need_any[MAX_WORDS], need_all[MAX_WORDS]; /* set_need() */
};

/* Returns the bit of byte c in a set of letters: a-z (either case) have
** their own, the digits share one, bytes of UTF-8 sequences share 32 by
** their low five bits, the rest none. */
static inline uint64_t letter_bit(unsigned char c)
{
    unsigned char l = c | 0x20;
    if (l >= 'a' && l <= 'z')
        return 1ull << (l - 'a');
    if (c >= '0' && c <= '9')
        return 1ull << 26;
    return c >= 0x80 ? 1ull << (32 + (c & 31)) : 0;
}

/* Returns the set of letters of s[0..n). */
static uint64_t letters(const char *s, size_t n)
{
    uint64_t m = 0;
    for (size_t i = 0; i < n; i++)
        m |= letter_bit((unsigned char)s[i]);
    return m;
}

/* Sets what a name must hold to match word i of q. A word that can have a
** typo (ASCII, 4 letters or more): its first letter, which a typo keeps
** (word_match), and one of the next three, of which two edits leave one.
** Any other word: all of its bytes, since it matches only where it is whole. */
static void set_need(struct query *q, int i)
{
    const char *w = q->w.s + q->w.off[i];
    size_t n = q->w.len[i];
    if (n >= 4 && is_ascii_word(w, n)) {
        q->need_all[i] = letter_bit((unsigned char)w[0]);
        q->need_any[i] = letters(w + 1, 3);
    } else {
        q->need_any[i] = ~0ull;
        q->need_all[i] = letters(w, n);
    }
}

/* Returns 0 if a name with letters m cannot match q (a word that must match
** lacks what it needs, set_need), 1 if it may. */
static int may_match(const struct query *q, uint64_t m)
{
    for (int i = 0; i < q->w.count; i++)
        if (!((q->filler | q->vendor) & (1u << i)) && (!(m & q->need_any[i]) || (m & q->need_all[i]) != q->need_all[i]))
            return 0;
    return 1;
}

/* Match levels of a whole name. */
enum { S_EXACT = 1000, S_WORDS = 800, S_START = 750, S_STRONG = 650, S_TYPO = 650, S_INSIDE = 400 };

/* Scores the query against the folded name t: S_EXACT when equal without
** spaces, else by the weakest of its words' matches (see the top of this
** file); 0 when some word matches nothing. Vendor words may match nothing
** at no cost, and *named is set to 1 when one of them did; filler words at
** a small cost, and *loose is set to 1. */
static int score_name(const struct query *qq, const struct words *t, int *named, int *loose)
{
    const struct words *q = &qq->w;
    int worst = W_EQUAL, typos = 0, skipped = 0, used = 0, c = compact_cmp(q, t), score;
    if (c == 2)
        return S_EXACT;
    for (int i = 0; i < q->count; i++) {
        const char *qw = q->s + q->off[i];
        int best = W_NONE, best_cost = 0;
        for (int j = 0; j < t->count && best != W_EQUAL; j++) {
            int cost = 0, m = word_match(qw, q->len[i], t->s + t->off[j], t->len[j], &cost);
            if (m < best || (m == best && cost < best_cost))
                best = m, best_cost = cost;
        }
        if (best == W_NONE) {
            if (qq->vendor & (1u << i)) {
                *named = 1;
                continue;
            }
            if (!(qq->filler & (1u << i)))
                return c ? S_START : 0;
            skipped++;
            *loose = 1;
            continue;
        }
        used++;
        if (best > worst)
            worst = best;
        typos += best == W_TYPO ? best_cost : 0;
    }
    if (!used)
        return c ? S_START : 0;
    score = worst == W_EQUAL ? S_WORDS : worst == W_START ? S_START : worst == W_TYPO ? S_TYPO - 40 * typos : S_INSIDE;
    if (c && score < S_START)
        score = S_START;
    return score - 20 * skipped;
}

/* The best name match of one row so far. */
struct best {
    int score;
    int named;         /* 1 if a vendor word was skipped in that match */
    int loose;         /* 1 if a filler word was */
};

/* Scores q against a literal name (folded here) with a weight taken off,
** and keeps it in *b when it is better. */
static void score_literal(const struct query *q, const char *name, size_t n, int weight, struct best *b)
{
    struct words t;
    int named = 0, loose = 0, s;
    if (!may_match(q, letters(name, n)))
        return;
    fold(name, n, &t);
    s = score_name(q, &t, &named, &loose);
    if (s && s - weight > b->score) {
        b->score = s - weight;
        b->named = named;
        b->loose = loose;
    }
}

/* ---- Synonyms ----------------------------------------------------------- */

struct synonym { const char *words; uint8_t id; };

static const struct synonym synonyms[] = {
#define HS_SYNONYM(words, name, why) { words, HS_ID_##name },
#include "synonyms.def"
};

/* ---- Ranking ------------------------------------------------------------ */

/* The codes people meet most, best known first: the order of a class, and
** the tie-break between equal matches. */
static const uint16_t well_known[] = {
    200, 404, 500, 301, 302, 400, 401, 403, 503, 304, 201, 204, 502, 504, 429, 422, 409, 405,
    307, 308, 410, 413, 415, 408, 206, 303, 100, 101, 412, 406, 418, 451, 411, 414, 416, 417,
    202, 426, 428, 431, 501, 505, 103, 203, 205, 300, 507, 511, 425, 421, 102, 207, 499, 444,
};

/* Returns how well known code is: 40 for the best known, down to 0. */
static int renown(int code)
{
    int n = (int)(sizeof well_known / sizeof *well_known);
    for (int i = 0; i < n; i++)
        if (well_known[i] == code)
            return 40 - i * 40 / n;
    return 0;
}

struct ranked { int code, tier, score; };

static int before(const struct ranked *a, const struct ranked *b)
{
    if (a->tier != b->tier)
        return a->tier > b->tier;
    if (a->score != b->score)
        return a->score > b->score;
    return a->code < b->code;
}

/* Sorts best first (insertion sort: at most HS_ID_COUNT entries). */
static void rank(struct ranked *r, int n)
{
    for (int i = 1; i < n; i++) {
        struct ranked x = r[i];
        int j = i - 1;
        while (j >= 0 && !before(&r[j], &x)) {
            r[j + 1] = r[j];
            j--;
        }
        r[j + 1] = x;
    }
}

/* Copies the codes of r[0..n) (sorted) into codes[], at most max. */
static int emit(struct ranked *r, int n, int *codes, int max)
{
    rank(r, n);
    if (n > max)
        n = max;
    for (int i = 0; i < n; i++)
        codes[i] = r[i].code;
    return n ? n : HS_ENOMATCH;
}

/* ---- Text --------------------------------------------------------------- */

/* Returns the bits of the query words (3 bytes or more) that name the
** vendor of an unofficial row: words found where a word of its origin starts. */
static unsigned vendor_words(const struct words *q, const struct hs_status_row *r)
{
    unsigned bits = 0;
    if (r->registry != HS_REG_UNOFFICIAL && r->primary)
        return 0;
    for (int i = 0; i < q->count; i++)
        if (q->len[i] >= 3 && find_ci(r->origin, strlen(r->origin), q->s + q->off[i], q->len[i], 1) >= 0)
            bits |= 1u << i;
    return bits;
}

/* Keeps in *b the best match of q against the names of row id: phrase,
** Korean title, aliases. */
static void score_names(const struct query *q, int id, struct best *b)
{
    const struct hs_status_row *r = hs_registry_row(id);
    const char *a = r->aliases;
    const char *ko = hs_registry_text(id)->title_ko;
    score_literal(q, r->phrase, strlen(r->phrase), 0, b);
    score_literal(q, ko, strlen(ko), 10, b);
    while (*a) {
        const char *bar = strchr(a, '|');
        size_t n = bar ? (size_t)(bar - a) : strlen(a);
        score_literal(q, a, n, 30, b);
        a += n + (bar != NULL);
    }
}

/* Score of row id from its origin and descriptions (raw is the query in
** lower case, single-spaced); 0 when none holds it. */
static int score_prose(int id, const char *raw, size_t rn)
{
    const struct hs_status_row *r = hs_registry_row(id);
    /* the descriptions count once their language is there (registry.h) */
    const char *en = hs_registry_description(id, 0), *ko = hs_registry_description(id, 1);
    if (rn < 3)
        return 0;
    if (find_ci(r->origin, strlen(r->origin), raw, rn, 1) >= 0)
        return 300;
    if (en && find_ci(en, strlen(en), raw, rn, 1) >= 0)
        return 220;
    if ((ko && find_ci(ko, strlen(ko), raw, rn, 0) >= 0) || find_ci(r->name, strlen(r->name), raw, rn, 0) >= 0)
        return 200;
    return 0;
}

/* Keeps the better of (tier, score) for code in found[0..*n). */
static void keep(struct ranked *found, int *n, int code, int tier, int score)
{
    struct ranked x = { code, tier, score };
    int k;
    for (k = 0; k < *n && found[k].code != code; k++)
        ;
    if (k == *n)
        found[(*n)++] = x;
    else if (before(&x, &found[k]))
        found[k] = x;
}

/* Tier of a name match: 2 for a strong match of every word of the query to
** a registered meaning (or to an unofficial one whose vendor the query
** names), else 1. */
static int name_tier(const struct hs_status_row *r, const struct best *b)
{
    int official = r->primary && r->registry != HS_REG_UNOFFICIAL;
    return b->score >= S_STRONG - 20 && !b->loose && (official || b->named) ? 2 : 1;
}


static int text_query(const char *raw, size_t rn, int *codes, int max)
{
    struct ranked found[HS_ID_COUNT];
    struct best best[HS_ID_COUNT];
    unsigned vendor[HS_ID_COUNT];
    struct query q;
    int n = 0;
    fold(raw, rn, &q.w);
    if (q.w.count == 0)
        return HS_ENOMATCH;
    q.filler = 0;
    for (int i = 0; i < q.w.count; i++) {
        const char *w = q.w.s + q.w.off[i];
        if (is_filler(w, q.w.len[i]))
            q.filler |= 1u << i;
        set_need(&q, i);
    }
    memset(best, 0, sizeof best);
    for (int id = 1; id < HS_ID_COUNT; id++) {
        q.vendor = vendor[id] = vendor_words(&q.w, hs_registry_row(id));
        score_names(&q, id, &best[id]);
    }
    for (size_t i = 0; i < sizeof synonyms / sizeof *synonyms; i++) {
        int id = synonyms[i].id;
        q.vendor = vendor[id];
        score_literal(&q, synonyms[i].words, strlen(synonyms[i].words), 20, &best[id]);
    }
    for (int id = 1; id < HS_ID_COUNT; id++) {
        const struct hs_status_row *r = hs_registry_row(id);
        const struct best *b = &best[id];
        if (b->score)
            keep(found, &n, r->code, name_tier(r, b), b->score + renown(r->code) + (b->named ? 30 : 0));
    }
    /* the prose is long (some 200 KB): read it only when no name matched */
    for (int id = 1; id < HS_ID_COUNT && n == 0; id++) {
        const struct hs_status_row *r = hs_registry_row(id);
        int s = best[id].score ? 0 : score_prose(id, raw, rn);
        if (s)
            keep(found, &n, r->code, 0, s + renown(r->code) - (r->primary ? 0 : 100));
    }
    return emit(found, n, codes, max);
}

/* ---- Classes ------------------------------------------------------------ */

/* Names of the classes, folded without spaces: class = digit. */
static const struct { const char *name; uint8_t cls; } class_names[] = {
    { "informational", 1 }, { "information", 1 }, { "정보", 1 }, { "정보응답", 1 }, { "임시응답", 1 },
    { "success", 2 }, { "successful", 2 }, { "성공", 2 }, { "성공응답", 2 },
    { "redirection", 3 }, { "redirections", 3 }, { "redirects", 3 },
    { "리다이렉션", 3 }, { "리디렉션", 3 }, { "리다이렉트응답", 3 },
    { "clienterror", 4 }, { "clienterrors", 4 }, { "클라이언트오류", 4 }, { "클라이언트에러", 4 },
    { "servererror", 5 }, { "servererrors", 5 }, { "서버오류", 5 }, { "서버에러", 5 },
};

/* Returns the class (1-5) the folded query names, or 0. */
static int class_named(const struct words *q)
{
    char c[HS_QUERY_MAX];
    size_t cn = 0;
    for (size_t i = 0; i < q->n; i++)
        if (q->s[i] != ' ')
            c[cn++] = q->s[i];
    for (size_t i = 0; i < sizeof class_names / sizeof *class_names; i++)
        if (strlen(class_names[i].name) == cn && memcmp(class_names[i].name, c, cn) == 0)
            return class_names[i].cls;
    return 0;
}

/* Every known code of class cls, best known first. */
static int class_query(int cls, int *codes, int max)
{
    struct ranked found[HS_ID_COUNT];
    int n = 0;
    for (int code = cls * 100; code < cls * 100 + 100; code++)
        if (hs_registry_id(code))
            found[n++] = (struct ranked){ code, 1, renown(code) };
    return emit(found, n, codes, max);
}

/* ---- Numbers: codes, ranges, RFCs and sections --------------------------- */

/* Codes matching a three-character pattern of digits and wildcards. */
static int range_query(const char *p, int *codes, int max)
{
    int n = 0;
    if (!is_wild((unsigned char)p[0]) && (p[0] < '1' || p[0] > '5'))
        return HS_ERANGE;
    for (int code = 100; code <= 599 && n < max; code++) {
        char d[HS_DECIMAL_MAX];
        int ok = 1;
        hs_decimal(code, d);
        for (int i = 0; i < 3; i++)
            if (!is_wild((unsigned char)p[i]) && p[i] != d[i])
                ok = 0;
        if (ok && hs_registry_id(code))
            codes[n++] = code;
    }
    return n ? n : HS_ENOMATCH;
}

/* Returns 1 if the row's section is sec[0..sn) or lies under it ("15.5"
** holds "15.5.5"). */
static int section_under(const char *section, const char *sec, size_t sn)
{
    size_t rs = strlen(section);
    return rs >= sn && memcmp(section, sec, sn) == 0 && (rs == sn || section[sn] == '.');
}

/* Returns 1 if s[0..n) is digits and dots, starting with a digit. */
static int is_section(const char *s, size_t n)
{
    if (n == 0 || !is_digit((unsigned char)s[0]))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (!is_digit((unsigned char)s[k]) && s[k] != '.')
            return 0;
    return 1;
}

/* Skips separators (space, ',', '#', '-', ':', '§') and the word "section"
** or "sec" from q[i..qn); returns the new index. */
static size_t skip_to_section(const char *q, size_t i, size_t qn)
{
    for (;;) {
        while (i < qn && (q[i] == ' ' || q[i] == ',' || q[i] == '#' || q[i] == '-' || q[i] == ':' ||
                          (unsigned char)q[i] == 0xC2 || (unsigned char)q[i] == 0xA7))
            i++; /* separators, including the UTF-8 bytes of '§' */
        if (qn - i >= 7 && memcmp(q + i, "section", 7) == 0)
            i += 7;
        else if (qn - i >= 3 && memcmp(q + i, "sec", 3) == 0 && (qn - i == 3 || !is_alnum((unsigned char)q[i + 3])))
            i += 3;
        else
            return i;
    }
}

/* "rfc 9110", "rfc9110 15.5", "rfc 9110 §15.5.5", "rfc9110#section-15.5.5",
** "rfc9110.html#section-15.5.5": codes defined there. */
static int rfc_query(const char *q, size_t qn, int *codes, int max)
{
    char doc[16] = "RFC";
    size_t i = 3, dn = 3;
    int n = 0;
    while (i < qn && (q[i] == ' ' || q[i] == '-'))
        i++;
    while (i < qn && is_digit((unsigned char)q[i]) && dn < sizeof doc - 1)
        doc[dn++] = q[i++];
    if (dn == 3 || (i < qn && is_digit((unsigned char)q[i])))
        return HS_ENOMATCH;
    doc[dn] = 0;
    if (qn - i >= 5 && memcmp(q + i, ".html", 5) == 0)
        i += 5;
    i = skip_to_section(q, i, qn);
    if (i < qn && !is_section(q + i, qn - i))
        return HS_ENOMATCH;
    for (int code = 100; code <= 599 && n < max; code++) {
        const struct hs_status_row *r = hs_registry_row(hs_registry_id(code));
        if (!hs_registry_id(code) || strcmp(r->doc, doc) != 0)
            continue;
        if (i < qn && !section_under(r->section, q + i, qn - i))
            continue;
        codes[n++] = code;
    }
    return n ? n : HS_ENOMATCH;
}

/* A section alone ("15.5.5", "§15.5.5", "section 15.5"): the codes defined
** there, RFC 9110 first. HS_ENOMATCH when q is not a section or none is. */
static int section_query(const char *q, size_t qn, int *codes, int max)
{
    struct ranked found[HS_ID_COUNT];
    size_t i = skip_to_section(q, 0, qn);
    int n = 0;
    if (!is_section(q + i, qn - i) || !memchr(q + i, '.', qn - i))
        return HS_ENOMATCH;
    for (int code = 100; code <= 599; code++) {
        const struct hs_status_row *r = hs_registry_row(hs_registry_id(code));
        if (hs_registry_id(code) && *r->doc && section_under(r->section, q + i, qn - i))
            found[n++] = (struct ranked){ code, strcmp(r->doc, "RFC9110") == 0, 0 };
    }
    return emit(found, n, codes, max);
}

static int code_of(const char *p)
{
    return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

/* Codes written as a three-digit word among other words ("error 404",
** "HTTP_404_NOT_FOUND"), in order; HS_ERANGE if every such number is out of
** 100-599, HS_ENOMATCH if there is none. */
static int codes_in_words(const char *q, size_t qn, int *codes, int max)
{
    int n = 0, numbers = 0;
    for (size_t i = 0; i < qn;) {
        size_t start = i;
        if (!is_alnum((unsigned char)q[i])) {
            i++;
            continue;
        }
        while (i < qn && is_alnum((unsigned char)q[i]))
            i++;
        if (i - start == 3 && is_digit((unsigned char)q[start]) && is_digit((unsigned char)q[start + 1]) &&
            is_digit((unsigned char)q[start + 2])) {
            int code = code_of(q + start), k;
            numbers++;
            for (k = 0; k < n && codes[k] != code; k++)
                ;
            if (code >= 100 && code <= 599 && k == n && n < max)
                codes[n++] = code;
        }
    }
    return n ? n : numbers ? HS_ERANGE : HS_ENOMATCH;
}

/* ---- The reader --------------------------------------------------------- */

/* Reads "HTTP/1.1 404 ..." (q starts with "http/" or "http "). */
static int status_line(const char *q, size_t qn, int *codes)
{
    size_t k = 4;
    while (k < qn && q[k] != ' ')
        k++;
    while (k < qn && q[k] == ' ')
        k++;
    if (qn - k < 3 || !is_digit((unsigned char)q[k]) || !is_digit((unsigned char)q[k + 1]) ||
        !is_digit((unsigned char)q[k + 2]) || (qn - k > 3 && q[k + 3] != ' '))
        return HS_ESTATUSLINE;
    codes[0] = code_of(q + k);
    return codes[0] >= 100 && codes[0] <= 599 ? 1 : HS_ERANGE;
}

/* Reads a query of digits: "404", "4", "40"; over three digits, alone or
** before a word, is out of range. Returns HS_ENOMATCH for anything else
** ("404 not found" is read as a code among words). */
static int leading_digits(const char *q, size_t qn, int *codes, int max, int *kind)
{
    size_t digits = 0;
    char p[3];
    while (digits < qn && is_digit((unsigned char)q[digits]))
        digits++;
    if (digits > 3 && (digits == qn || q[digits] == ' '))
        return HS_ERANGE;
    if (digits != qn)
        return HS_ENOMATCH;
    if (digits == 3) {
        *kind = HS_Q_CODE;
        codes[0] = code_of(q);
        return codes[0] >= 100 && codes[0] <= 599 ? 1 : HS_ERANGE;
    }
    /* "4" or "40": every known code that starts so */
    *kind = HS_Q_RANGE;
    for (size_t k = 0; k < 3; k++)
        p[k] = k < digits ? q[k] : 'x';
    return range_query(p, codes, max);
}

/* Reads a three-character range such as "4xx" or "40x" at the start of q,
** alone or followed by a space. Returns HS_ENOMATCH when it is not one. */
static int leading_range(const char *q, size_t qn, int *codes, int max)
{
    int wild = 0, ok = 1;
    if (!(qn == 3 || (qn > 3 && q[3] == ' ')))
        return HS_ENOMATCH;
    for (int k = 0; k < 3; k++) {
        wild |= is_wild((unsigned char)q[k]);
        ok &= is_wild((unsigned char)q[k]) || is_digit((unsigned char)q[k]);
    }
    return ok && wild ? range_query(q, codes, max) : HS_ENOMATCH;
}

/* Returns 1 if buf[0..len) (trimmed, no spaces) reads as a framework's
** constant: only letters, digits, "_", "." and ":", some letter, and a
** "_", a ":", a "." after a letter, a small letter before a capital, or a
** leading "Status" and a digit (ASP.NET Core's "Status200OK"). */
static int is_constant(const char *buf, size_t len)
{
    int letter = 0, mark = len > 6 && memcmp(buf, "Status", 6) == 0 && is_digit((unsigned char)buf[6]);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (!is_alnum(c) && c != '_' && c != '.' && c != ':')
            return 0;
        letter |= !is_digit(c) && is_alnum(c);
        mark |= c == '_' || c == ':' || (c == '.' && i && !is_digit((unsigned char)buf[i - 1])) ||
                (i && buf[i - 1] >= 'a' && buf[i - 1] <= 'z' && c >= 'A' && c <= 'Z');
    }
    return letter && mark;
}

/* Writes the words of the constant buf[0..len) to out (room for 2 * len
** bytes), in lower case: a known prefix dropped ("http.", "HTTPStatus.",
** "NGX_HTTP_", "HTTP_", ":", a leading "Status" before a capital or a digit), split
** at "_", ".", ":", a small letter before a capital and a letter next to a
** digit. Returns the length written. */
static size_t constant_words(const char *buf, size_t len, char *out)
{
    static const char *const prefixes[] = { "httpstatus.", "statuscodes.", "statuscode::", "status.", "http.",
                                            "ngx_https_", "ngx_http_", "http_", "::", ":" };
    size_t i = 0, n = 0;
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        size_t pn = strlen(prefixes[k]);
        if (len - i > pn && hs_ascii_ieq(buf + i, pn, prefixes[k], pn)) {
            i += pn;
            k = (size_t)-1; /* "status.HTTP_413_...": try the prefixes again */
        }
    }
    if (len - i > 6 && memcmp(buf + i, "Status", 6) == 0 &&
        ((buf[i + 6] >= 'A' && buf[i + 6] <= 'Z') || is_digit((unsigned char)buf[i + 6])))
        i += 6;
    for (; i < len; i++) {
        unsigned char c = (unsigned char)buf[i], b = i ? (unsigned char)buf[i - 1] : 0;
        int split = c == '_' || c == '.' || c == ':';
        if (split) {
            if (n && out[n - 1] != ' ')
                out[n++] = ' ';
            continue;
        }
        if (n && out[n - 1] != ' ' && b && ((b >= 'a' && b <= 'z' && c >= 'A' && c <= 'Z') || is_digit(b) != is_digit(c)))
            out[n++] = ' ';
        out[n++] = hs_ascii_lower((char)c);
    }
    while (n && out[n - 1] == ' ')
        n--;
    return n;
}

/* Copies buf[0..len) (trimmed, at most HS_QUERY_MAX bytes) into q in lower
** case with each run of white space one space; returns its length. */
static size_t squeeze(const char *buf, size_t len, char *q)
{
    size_t qn = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_space((unsigned char)buf[i])) {
            if (q[qn - 1] != ' ')
                q[qn++] = ' ';
        } else
            q[qn++] = hs_ascii_lower(buf[i]);
    }
    return qn;
}

/* Returns 1 if byte c belongs to a word a code may be glued to: a letter
** or a byte of a non-ASCII character. */
static int is_wordy(unsigned char c) { return (is_alnum(c) && !is_digit(c)) || c >= 0x80; }

/* Returns 1 if the word w[0..wn), found glued to the three digits of code,
** may be read apart from it: a filler or "err" ("http404", "err404") or a name of
** that code ("404notfound", "404page"); not a word that names another code
** or none ("404gone", "x509", "sha256"). */
static int may_unglue(const char *w, size_t wn, int code)
{
    int codes[HS_QUERY_MAX_MATCHES], n;
    if (code < 100 || code > 599)
        return 0;
    if (is_filler(w, wn) || (wn == 3 && memcmp(w, "err", 3) == 0))
        return 1;
    n = text_query(w, wn, codes, HS_QUERY_MAX_MATCHES);
    for (int k = 0; k < n; k++)
        if (codes[k] == code)
            return 1;
    return 0;
}

/* Writes q[0..qn) to out (room for 2 * qn bytes) with a space where three
** digits touch a word (letters or non-ASCII bytes) that may_unglue() lets
** go, so a code glued to a word ("http404", "error404", "404error") reads
** as the code among words. Returns the length written, 0 when nothing is
** split. */
static size_t unglue(const char *q, size_t qn, char *out)
{
    size_t n = 0;
    int split = 0;
    for (size_t i = 0; i < qn; i++) {
        unsigned char b = i ? (unsigned char)q[i - 1] : ' ', c = (unsigned char)q[i];
        size_t ds = i, de = i, ws = i, we = i; /* the digits [ds, de) and the word [ws, we) that touch at i */
        if (is_digit(b) && is_wordy(c)) {
            for (ds = i; ds && is_digit((unsigned char)q[ds - 1]); ds--)
                ;
            de = i;
            for (we = i; we < qn && is_wordy((unsigned char)q[we]); we++)
                ;
            ws = i;
        } else if (is_wordy(b) && is_digit(c)) {
            for (de = i; de < qn && is_digit((unsigned char)q[de]); de++)
                ;
            ds = i;
            for (ws = i; ws && is_wordy((unsigned char)q[ws - 1]); ws--)
                ;
            we = i;
        }
        if (de - ds == 3 && may_unglue(q + ws, we - ws, code_of(q + ds))) {
            out[n++] = ' ';
            split = 1;
        }
        out[n++] = (char)c;
    }
    return split ? n : 0;
}

int hs_query(const char *buf, size_t len, int *codes, int max, int *kind)
{
    char q[HS_QUERY_MAX];
    size_t qn, i = 0;
    int n, cls;
    if (max <= 0)
        return HS_EINVAL;
    while (len && is_space((unsigned char)buf[len - 1]))
        len--;
    while (i < len && is_space((unsigned char)buf[i]))
        i++;
    if (i == len)
        return HS_EEMPTY;
    if (len - i > HS_QUERY_MAX)
        return HS_ETOOLONG;
    if (is_constant(buf + i, len - i)) {
        char words[2 * HS_QUERY_MAX];
        size_t wn = constant_words(buf + i, len - i, words);
        if (wn && wn <= HS_QUERY_MAX && (n = hs_query(words, wn, codes, max, kind)) >= 0)
            return n;
    }
    qn = squeeze(buf + i, len - i, q);

    /* "HTTP/x" is a status line or an error; "http 404" may be one, while
    ** "http error 404" is a code among words */
    if (qn >= 5 && memcmp(q, "http", 4) == 0 && (q[4] == '/' || q[4] == ' ')) {
        *kind = HS_Q_STATUS_LINE;
        n = status_line(q, qn, codes);
        if (q[4] == '/' || n != HS_ESTATUSLINE)
            return n;
    }
    if ((n = leading_digits(q, qn, codes, max, kind)) != HS_ENOMATCH)
        return n;
    *kind = HS_Q_RANGE;
    if ((n = leading_range(q, qn, codes, max)) != HS_ENOMATCH)
        return n;
    *kind = HS_Q_RFC;
    if (qn >= 4 && memcmp(q, "rfc", 3) == 0 && (is_digit((unsigned char)q[3]) || q[3] == ' ' || q[3] == '-') &&
        (n = rfc_query(q, qn, codes, max)) != HS_ENOMATCH)
        return n;
    if ((n = section_query(q, qn, codes, max)) != HS_ENOMATCH)
        return n;
    if ((n = codes_in_words(q, qn, codes, max)) != HS_ENOMATCH) {
        *kind = n == 1 || n == HS_ERANGE ? HS_Q_CODE : HS_Q_TEXT;
        return n;
    }
    {
        struct words w;
        fold(q, qn, &w);
        *kind = HS_Q_CLASS;
        if ((cls = class_named(&w)) != 0)
            return class_query(cls, codes, max);
    }
    *kind = HS_Q_TEXT;
    if ((n = text_query(q, qn, codes, max)) == HS_ENOMATCH) {
        /* the last try: a code glued to a word, read again apart (once:
        ** the text read again has nothing glued) */
        char apart[2 * HS_QUERY_MAX];
        size_t an = unglue(q, qn, apart);
        if (an && an <= HS_QUERY_MAX)
            return hs_query(apart, an, codes, max, kind);
    }
    return n;
}

int hs_query_json(const char *buf, size_t len, char *out, size_t cap)
{
    static const char *const kinds[] = { "code", "range", "statusLine", "rfc", "class", "text" };
    int codes[HS_QUERY_MAX_MATCHES];
    int kind = HS_Q_TEXT;
    int n = hs_query(buf, len, codes, HS_QUERY_MAX_MATCHES, &kind);
    struct hs_json j;
    hs_json_init(&j, out, cap);
    hs_json_obj(&j);
    if (n < 0) {
        hs_json_key(&j, "error");
        hs_json_obj(&j);
        hs_json_key(&j, "code");
        hs_json_str(&j, hs_error_code(n));
        hs_json_key(&j, "message");
        hs_json_i18n(&j, hs_error_en(n), hs_error_ko(n));
        hs_json_obj_end(&j);
    } else {
        hs_json_key(&j, "kind");
        hs_json_str(&j, kinds[kind]);
        hs_json_key(&j, "matches");
        hs_json_arr(&j);
        for (int i = 0; i < n; i++)
            hs_json_int(&j, codes[i]);
        hs_json_arr_end(&j);
    }
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}
