/*
** trace.c — the decision trace of one exchange: bilingual steps whose texts
** are templates with {0}..{9} filled from the request, kept in the
** exchange's fixed arena (cut, never overflowing, when it is full).
*/
#include "exchange.h"
#include "core/hs.h"

#include <string.h>

/* Appends s[0..n) to the arena; returns the bytes written. */
static size_t arena_put(struct hs_exchange *x, const char *s, size_t n)
{
    size_t room = sizeof x->text - x->text_len;
    if (n > room)
        n = room;
    memcpy(x->text + x->text_len, s, n);
    x->text_len += (uint32_t)n;
    return n;
}

/* Expands template t with args into the arena; returns the start offset and
** stores the length. */
static uint32_t expand(struct hs_exchange *x, const char *t, const struct hs_str *args, int nargs, uint16_t *len)
{
    uint32_t start = x->text_len;
    while (*t) {
        if (t[0] == '{' && t[1] >= '0' && t[1] <= '9' && t[2] == '}' && t[1] - '0' < nargs) {
            const struct hs_str *a = &args[t[1] - '0'];
            size_t n = a->n;
            if (n > 160) {
                /* cut on a UTF-8 boundary and mark the cut */
                n = 160;
                while (n > 0 && ((unsigned char)a->p[n] & 0xC0) == 0x80)
                    n--;
                arena_put(x, a->p, n);
                arena_put(x, "\xE2\x80\xA6", 3);
            } else
                arena_put(x, a->p, n);
            t += 3;
            continue;
        }
        {
            const char *next = t + 1;
            while (*next && *next != '{')
                next++;
            arena_put(x, t, (size_t)(next - t));
            t = next;
        }
    }
    *len = (uint16_t)(x->text_len - start);
    return start;
}

/* See app.h. */
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
    t->en_off = expand(x, en, args, nargs, &t->en_len);
    t->ko_off = expand(x, ko, args, nargs, &t->ko_len);
}

/* See app.h. */
struct hs_str hs_trace_num(struct hs_ctx *c, long long v)
{
    char tmp[HS_DECIMAL_MAX];
    size_t n = hs_decimal(v, tmp);
    struct hs_str s;
    s.p = c->x->text + c->x->text_len;
    s.n = arena_put(c->x, tmp, n);
    return s;
}
