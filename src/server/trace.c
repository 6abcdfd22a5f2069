/*
** trace.c — the decision trace of one exchange: bilingual steps whose texts
** are templates with {0}..{9} filled from the request, kept in the
** exchange's fixed arena (cut, never overflowing, when it is full). A Korean
** template writes {0:은} where a particle follows a value, and the expander
** picks 은 or 는 from how the value is read, never a bracketed fill-in.
*/
#include "exchange.h"
#include "core/hs.h"

#include <string.h>

/* Appends s[0..n) to the arena, cut when it is full; returns the bytes written. */
static size_t arena_put(struct hs_exchange *x, const char *s, size_t n)
{
    size_t room = sizeof x->text - x->text_len;
    if (n > room)
        n = room;
    memcpy(x->text + x->text_len, s, n);
    x->text_len += (uint32_t)n;
    return n;
}

/* Expands template t with args into the arena (an argument over 160 bytes
** is cut); returns the start offset and stores the length. */
static uint32_t expand(struct hs_exchange *x, const char *t, const struct hs_str *args, int nargs, uint16_t *len)
{
    uint32_t start = x->text_len;
    size_t n = hs_expand(x->text + start, sizeof x->text - start, t, args, nargs, 160);
    x->text_len += (uint32_t)n;
    *len = (uint16_t)n;
    return start;
}

/* See exchange.h. */
void hs_trace(struct hs_ctx *c, const char *step, const char *rule, int outcome,
              const char *en, const char *ko, const struct hs_str *args, int nargs)
{
    struct hs_exchange *x = c->x;
    struct hs_trace_step *t;
    if (x->n_trace >= HS_SERVER_TRACE_MAX)
        return;
    t = &x->trace[x->n_trace++];
    t->step = step;
    t->rule = rule;
    t->outcome = outcome;
    /* A language the exchange's JSON will not show is not written. */
    t->en_len = t->ko_len = 0;
    t->en_off = t->ko_off = x->text_len;
    if (x->trace_langs & (1u << HS_LANG_EN))
        t->en_off = expand(x, en ? en : hs_text_missing(c), args, nargs, &t->en_len);
    if (x->trace_langs & (1u << HS_LANG_KO))
        t->ko_off = expand(x, ko ? ko : hs_text_missing(c), args, nargs, &t->ko_len);
}

/* See exchange.h. */
struct hs_str hs_trace_num(struct hs_ctx *c, long long v)
{
    char tmp[HS_DECIMAL_MAX];
    size_t n = hs_decimal(v, tmp);
    struct hs_str s;
    s.p = c->x->text + c->x->text_len;
    s.n = arena_put(c->x, tmp, n);
    return s;
}
