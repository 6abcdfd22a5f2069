/*
** hs.c — the shared helpers of hs.h: the strings behind the return codes,
** decimal and status-code digits, the ASCII comparison, the {0} expander.
*/
#include "hs.h"
#include "korean.h"

#include <string.h>

struct err { int rc; const char *code, *en, *ko; };

static const struct err errors[] = {
#define X(name, value, code, en, ko) { value, code, en, ko },
    HS_ERRORS(X)
#undef X
};

static const struct err *find(int rc)
{
    for (size_t i = 0; i < sizeof errors / sizeof *errors; i++)
        if (errors[i].rc == rc)
            return &errors[i];
    return &errors[1]; /* EINVAL stands in for a code nobody defined */
}

const char *hs_error_code(int rc) { return find(rc)->rc == rc ? find(rc)->code : "unknown"; }
const char *hs_error_en(int rc) { return find(rc)->en; }
const char *hs_error_ko(int rc) { return find(rc)->ko; }

size_t hs_decimal(long long v, char *out)
{
    char tmp[HS_DECIMAL_MAX];
    size_t k = sizeof tmp, n;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--k] = '-';
    n = sizeof tmp - k;
    memcpy(out, tmp + k, n);
    return n;
}

int hs_ascii_ieq(const char *a, size_t an, const char *b, size_t bn)
{
    if (an != bn)
        return 0;
    for (size_t i = 0; i < an; i++)
        if (hs_ascii_lower(a[i]) != hs_ascii_lower(b[i]))
            return 0;
    return 1;
}

void hs_status_digits(int code, char *out)
{
    out[0] = (char)('0' + code / 100 % 10);
    out[1] = (char)('0' + code / 10 % 10);
    out[2] = (char)('0' + code % 10);
}

/* Appends s[0..n) to out[*len..cap), cut at cap; s may be NULL when n is 0. */
static void put(char *out, size_t cap, size_t *len, const char *s, size_t n)
{
    if (n > cap - *len)
        n = cap - *len;
    if (n)
        memcpy(out + *len, s, n);
    *len += n;
}

/* If t (just past "{N") is a particle marker ":은}" naming a particle of
** korean.h, stores the marker's particle bytes in *m, *mn and returns the
** marker's length up to and including '}'; else 0. */
static size_t particle_marker(const char *t, const char **m, size_t *mn)
{
    size_t i = 1;
    if (t[0] != ':')
        return 0;
    while (t[i] && t[i] != '}' && t[i] != '{' && i < 12)
        i++;
    if (t[i] != '}' || !hs_ko_particle(t + 1, i - 1, "", 0))
        return 0;
    *m = t + 1;
    *mn = i - 1;
    return i + 1;
}

size_t hs_expand(char *out, size_t cap, const char *t, const struct hs_str *args, int nargs, size_t arg_max)
{
    size_t len = 0;
    while (*t) {
        const char *m = NULL;
        size_t mn = 0, marker = 0;
        if (t[0] == '{' && t[1] >= '0' && t[1] <= '9' && t[1] - '0' < nargs)
            marker = t[2] == '}' ? 1 : particle_marker(t + 2, &m, &mn);
        if (marker) {
            const struct hs_str *a = &args[t[1] - '0'];
            size_t n = a->n;
            if (n > arg_max) {
                /* cut on a UTF-8 boundary and mark the cut */
                n = arg_max;
                while (n > 0 && ((unsigned char)a->p[n] & 0xC0) == 0x80)
                    n--;
                put(out, cap, &len, a->p, n);
                put(out, cap, &len, "\xE2\x80\xA6", 3);
            } else
                put(out, cap, &len, a->p, n);
            if (m) {
                const char *form = hs_ko_particle(m, mn, a->p, n);
                put(out, cap, &len, form, strlen(form));
            }
            t += 2 + marker;
            continue;
        }
        {
            const char *next = t + 1;
            while (*next && *next != '{')
                next++;
            put(out, cap, &len, t, (size_t)(next - t));
            t = next;
        }
    }
    return len;
}
