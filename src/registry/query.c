/*
** query.c — reads what a person types into ranked status codes. See query.h.
**
** Forms, tried in this order:
**   status line   "HTTP/1.1 404 Not Found", "HTTP/2 404", "http 404"
**   code          "404", " 404 ", "404 whatever follows"
**   range         "4xx", "4XX", "4**", "40x", "4", "40"
**   RFC           "rfc 7725", "RFC9110 15.5", "rfc 9110 §15.5.5"
**   text          phrases, aliases, Korean titles, origins and descriptions,
**                 ranked: exact phrase, then prefix, word, substring matches.
*/
#include "query.h"

#include "core/hs.h"
#include "core/json.h"
#include "registry.h"

#include <string.h>

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_wild(unsigned char c) { return c == 'x' || c == '*' || c == '?' || c == '_'; }
static unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c; }

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
        size_t k = 1;
        while (k < nn && lower((unsigned char)p[k]) == (unsigned char)needle[k])
            k++;
        if (k == nn && (!word_start || p == hay || !is_alnum((unsigned char)p[-1])))
            return (int)(p - hay);
        p++;
    }
    return -1;
}

static int equal_ci(const char *s, size_t sn, const char *q, size_t qn)
{
    return sn == qn && find_ci(s, sn, q, qn, 0) == 0;
}

/* Scores how well q (lower-case, single-spaced) matches one piece of text. */
static int score_text(const char *s, size_t sn, const char *q, size_t qn, int exact, int prefix, int word, int sub)
{
    int at;
    if (equal_ci(s, sn, q, qn))
        return exact;
    at = find_ci(s, sn, q, qn, 1);
    if (at == 0)
        return prefix;
    if (at > 0)
        return word;
    if (sub && find_ci(s, sn, q, qn, 0) >= 0)
        return sub;
    return 0;
}

/* Returns 1 if every space-separated token of q occurs in one of the texts. */
static int all_tokens_in(const char *q, size_t qn, const char *const *texts, int nt)
{
    size_t i = 0, tokens = 0;
    while (i < qn) {
        size_t start = i, found = 0;
        while (i < qn && q[i] != ' ')
            i++;
        if (i - start >= 2) {
            tokens++;
            for (int t = 0; t < nt && !found; t++)
                found = find_ci(texts[t], strlen(texts[t]), q + start, i - start, 1) >= 0;
            if (!found)
                return 0;
        }
        i++;
    }
    return tokens > 1;
}

/* Score of one row of the table for a text query; 0 when it does not match. */
static int score_row(int id, const char *q, size_t qn)
{
    const struct hs_status_row *r = hs_registry_row(id);
    const struct hs_status_text *t = hs_registry_text(id);
    const char *a = r->aliases;
    int best = score_text(r->phrase, strlen(r->phrase), q, qn, 1000, 800, 700, qn >= 3 ? 500 : 0);
    int s;
#define BETTER(x) do { s = (x); if (s > best) best = s; } while (0)
    BETTER(score_text(t->title_ko, strlen(t->title_ko), q, qn, 950, 620, 610, 600));
    while (*a) {
        const char *bar = strchr(a, '|');
        size_t n = bar ? (size_t)(bar - a) : strlen(a);
        BETTER(score_text(a, n, q, qn, 900, 680, 650, qn >= 3 ? 450 : 0));
        a += n + (bar != NULL);
    }
    if (best)
        return best;
    {
        const char *names[] = { r->phrase, r->aliases, t->title_ko };
        if (all_tokens_in(q, qn, names, 3))
            return 400;
    }
    if (qn >= 3) {
        BETTER(score_text(r->origin, strlen(r->origin), q, qn, 300, 300, 300, 0));
        BETTER(score_text(t->en, strlen(t->en), q, qn, 220, 220, 220, 0));
        BETTER(score_text(t->ko, strlen(t->ko), q, qn, 200, 200, 200, 200));
        BETTER(score_text(r->name, strlen(r->name), q, qn, 200, 200, 200, 0));
    }
#undef BETTER
    return best;
}

struct ranked { int code, score; };

static int registered(int code)
{
    return hs_registry_row(hs_registry_id(code))->registry != HS_REG_UNOFFICIAL;
}

/* Sorts best first: score, then registered before unofficial, then code. */
static void rank(struct ranked *r, int n)
{
    for (int i = 1; i < n; i++) {
        struct ranked x = r[i];
        int j = i - 1;
        while (j >= 0) {
            int before = r[j].score != x.score ? r[j].score > x.score
                       : registered(r[j].code) != registered(x.code) ? registered(r[j].code)
                       : r[j].code < x.code;
            if (before)
                break;
            r[j + 1] = r[j];
            j--;
        }
        r[j + 1] = x;
    }
}

static int text_query(const char *q, size_t qn, int *codes, int max)
{
    struct ranked found[HS_ID_COUNT];
    int n = 0;
    for (int id = 1; id < HS_ID_COUNT; id++) {
        const struct hs_status_row *r = hs_registry_row(id);
        int s = score_row(id, q, qn), k;
        if (!s)
            continue;
        if (!r->primary)
            s -= 100; /* another meaning of a code ranks below its main one */
        for (k = 0; k < n && found[k].code != r->code; k++)
            ;
        if (k == n)
            found[n++] = (struct ranked){ r->code, s };
        else if (s > found[k].score)
            found[k].score = s;
    }
    if (n == 0)
        return HS_ENOMATCH;
    rank(found, n);
    if (n > max)
        n = max;
    for (int i = 0; i < n; i++)
        codes[i] = found[i].code;
    return n;
}

/* Codes matching a three-character pattern of digits and wildcards. */
static int range_query(const char *p, int *codes, int max)
{
    int n = 0;
    if (!is_wild((unsigned char)p[0]) && (p[0] < '1' || p[0] > '5'))
        return HS_ERANGE;
    for (int code = 100; code <= 599 && n < max; code++) {
        char d[3] = { (char)('0' + code / 100), (char)('0' + code / 10 % 10), (char)('0' + code % 10) };
        int ok = 1;
        for (int i = 0; i < 3; i++)
            if (!is_wild((unsigned char)p[i]) && p[i] != d[i])
                ok = 0;
        if (ok && hs_registry_id(code))
            codes[n++] = code;
    }
    return n ? n : HS_ENOMATCH;
}

/* "rfc 9110", "rfc9110 15.5", "rfc 9110 §15.5.5": codes defined there. */
static int rfc_query(const char *q, size_t qn, int *codes, int max)
{
    char doc[16] = "RFC";
    size_t i = 3, dn = 3, sn = 0;
    const char *sec = "";
    int n = 0;
    while (i < qn && (q[i] == ' ' || q[i] == '-'))
        i++;
    while (i < qn && is_digit((unsigned char)q[i]) && dn < sizeof doc - 1)
        doc[dn++] = q[i++];
    if (dn == 3 || (i < qn && is_digit((unsigned char)q[i])))
        return HS_ENOMATCH;
    doc[dn] = 0;
    while (i < qn && (q[i] == ' ' || q[i] == ',' || (unsigned char)q[i] == 0xC2 || (unsigned char)q[i] == 0xA7))
        i++; /* separators, including the UTF-8 bytes of '§' */
    if (qn - i >= 7 && memcmp(q + i, "section", 7) == 0)
        for (i += 7; i < qn && q[i] == ' '; i++)
            ;
    sec = q + i;
    sn = qn - i;
    for (size_t k = 0; k < sn; k++)
        if (!is_digit((unsigned char)sec[k]) && sec[k] != '.')
            return HS_ENOMATCH;
    for (int code = 100; code <= 599 && n < max; code++) {
        const struct hs_status_row *r = hs_registry_row(hs_registry_id(code));
        size_t rs = strlen(r->section);
        if (!hs_registry_id(code) || strcmp(r->doc, doc) != 0)
            continue;
        if (sn && !(rs >= sn && memcmp(r->section, sec, sn) == 0 && (rs == sn || r->section[sn] == '.')))
            continue;
        codes[n++] = code;
    }
    return n ? n : HS_ENOMATCH;
}

static int code_of(const char *p)
{
    return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

int hs_query(const char *buf, size_t len, int *codes, int max, int *kind)
{
    char q[HS_QUERY_MAX];
    size_t qn = 0, i = 0;
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
    /* lower-case ASCII, fold runs of white space into one space */
    for (; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (is_space(c)) {
            if (q[qn - 1] != ' ')
                q[qn++] = ' ';
        } else
            q[qn++] = (char)lower(c);
    }

    if (qn >= 5 && memcmp(q, "http", 4) == 0 && (q[4] == '/' || q[4] == ' ')) {
        size_t k = 4;
        *kind = HS_Q_STATUS_LINE;
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

    {
        size_t digits = 0;
        while (digits < qn && is_digit((unsigned char)q[digits]))
            digits++;
        if (digits == qn || (digits >= 3 && q[digits] == ' ')) {
            char p[3];
            if (digits > 3)
                return HS_ERANGE;
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
    }

    if (qn == 3 || (qn > 3 && q[3] == ' ')) {
        int wild = 0, ok = 1;
        for (int k = 0; k < 3; k++) {
            wild |= is_wild((unsigned char)q[k]);
            ok &= is_wild((unsigned char)q[k]) || is_digit((unsigned char)q[k]);
        }
        if (ok && wild) {
            *kind = HS_Q_RANGE;
            return range_query(q, codes, max);
        }
    }

    if (qn >= 4 && memcmp(q, "rfc", 3) == 0 && (is_digit((unsigned char)q[3]) || q[3] == ' ' || q[3] == '-')) {
        int n = rfc_query(q, qn, codes, max);
        *kind = HS_Q_RFC;
        if (n != HS_ENOMATCH)
            return n;
    }

    *kind = HS_Q_TEXT;
    return text_query(q, qn, codes, max);
}

int hs_query_json(const char *buf, size_t len, char *out, size_t cap)
{
    static const char *const kinds[] = { "code", "range", "statusLine", "rfc", "text" };
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
