/*
** hs.c — the strings behind the shared return codes of hs.h.
*/
#include "hs.h"

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
