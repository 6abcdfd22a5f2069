/*
** httpdate.c — HTTP-date formatting and parsing (RFC 9110 §5.6.7).
** Calendar arithmetic on the proleptic Gregorian calendar, no libc time.
*/
#include "httpdate.h"

#include <string.h>

static const char days[7][4] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" }; /* day 0 = 1970-01-01, a Thursday */
static const char long_days[7][10] = { "Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday" };
static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Returns the number of days from 1970-01-01 to y-m-d (Howard Hinnant's
** days_from_civil). m is 1..12. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    int64_t era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Writes v (0-99) as two digits at p. */
static void two(char *p, int v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
}

/* See httpdate.h. */
int hs_http_date_format(int64_t t, char out[HS_HTTP_DATE_LEN])
{
    int64_t day, y;
    int m, d, secs;
    if (t < 0)
        t = 0;
    if (t > HS_HTTP_DATE_MAX)
        t = HS_HTTP_DATE_MAX;
    day = t / 86400;
    secs = (int)(t % 86400);
    civil_from_days(day, &y, &m, &d);
    memcpy(out, days[day % 7], 3);
    memcpy(out + 3, ", ", 2);
    two(out + 5, d);
    out[7] = ' ';
    memcpy(out + 8, months[m - 1], 3);
    out[11] = ' ';
    two(out + 12, (int)(y / 100));
    two(out + 14, (int)(y % 100));
    out[16] = ' ';
    two(out + 17, secs / 3600);
    out[19] = ':';
    two(out + 20, secs / 60 % 60);
    out[22] = ':';
    two(out + 23, secs % 60);
    memcpy(out + 25, " GMT", 4);
    return HS_HTTP_DATE_LEN;
}

/* A cursor over the text being parsed. */
struct cur { const char *p, *end; };

/* Consumes the C string s if the text starts with it; returns 1, else 0. */
static int lit(struct cur *c, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
        return 0;
    c->p += n;
    return 1;
}

/* Reads exactly k digits (or, when space_pad, a space then k-1 digits). */
static int digits(struct cur *c, int k, int space_pad, int *v)
{
    *v = 0;
    if (c->end - c->p < k)
        return 0;
    for (int i = 0; i < k; i++) {
        char ch = c->p[i];
        if (i == 0 && space_pad && ch == ' ')
            continue;
        if (ch < '0' || ch > '9')
            return 0;
        *v = *v * 10 + (ch - '0');
    }
    c->p += k;
    return 1;
}

/* Consumes a month abbreviation into *m (1-12); returns 1, else 0. */
static int month(struct cur *c, int *m)
{
    for (int i = 0; i < 12; i++)
        if (lit(c, months[i])) {
            *m = i + 1;
            return 1;
        }
    return 0;
}

/* Reads "HH:MM:SS" into seconds of the day. */
static int hms(struct cur *c, int *secs)
{
    int h, mi, s;
    if (!digits(c, 2, 0, &h) || !lit(c, ":") || !digits(c, 2, 0, &mi) || !lit(c, ":") || !digits(c, 2, 0, &s))
        return 0;
    if (h > 23 || mi > 59 || s > 60) /* 60: a leap second, as RFC 5322 allows */
        return 0;
    *secs = h * 3600 + mi * 60 + (s == 60 ? 59 : s);
    return 1;
}

/* Returns the weekday index (into days[]) the text names, or -1. */
static int weekday(struct cur *c, int long_form)
{
    for (int i = 0; i < 7; i++)
        if (lit(c, long_form ? long_days[i] : days[i]))
            return i;
    return -1;
}

/* Returns 1 if d is a day of month m of year y. */
static int valid_day(int64_t y, int m, int d)
{
    static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d >= 1 && d <= mdays[m - 1] && !(m == 2 && d == 29 && !leap);
}

/* See httpdate.h. */
int hs_http_date_parse(const char *s, size_t n, int64_t now, int64_t *t)
{
    struct cur c = { s, s + n };
    int wd, d, m, y, secs, yy;
    int64_t day;
    if ((wd = weekday(&c, 0)) >= 0 && lit(&c, ", ")) {
        /* IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT */
        if (!digits(&c, 2, 0, &d) || !lit(&c, " ") || !month(&c, &m) || !lit(&c, " ") ||
            !digits(&c, 4, 0, &y) || !lit(&c, " ") || !hms(&c, &secs) || !lit(&c, " GMT"))
            return -1;
    } else if (c = (struct cur){ s, s + n }, (wd = weekday(&c, 1)) >= 0 && lit(&c, ", ")) {
        /* rfc850-date: Sunday, 06-Nov-94 08:49:37 GMT */
        int64_t cy, ny;
        int cm, cd;
        if (!digits(&c, 2, 0, &d) || !lit(&c, "-") || !month(&c, &m) || !lit(&c, "-") ||
            !digits(&c, 2, 0, &yy) || !lit(&c, " ") || !hms(&c, &secs) || !lit(&c, " GMT"))
            return -1;
        civil_from_days((now < 0 ? 0 : now) / 86400, &cy, &cm, &cd);
        ny = cy - cy % 100 + yy;
        if (ny > cy + 50)
            ny -= 100;
        y = (int)ny;
    } else if (c = (struct cur){ s, s + n }, (wd = weekday(&c, 0)) >= 0 && lit(&c, " ")) {
        /* asctime-date: Sun Nov  6 08:49:37 1994 */
        if (!month(&c, &m) || !lit(&c, " ") || !digits(&c, 2, 1, &d) || !lit(&c, " ") ||
            !hms(&c, &secs) || !lit(&c, " ") || !digits(&c, 4, 0, &y))
            return -1;
    } else
        return -1;
    if (c.p != c.end || !valid_day(y, m, d))
        return -1;
    day = days_from_civil(y, m, d);
    if (day < 0 || ((day % 7) + 7) % 7 != wd)
        return -1; /* before 1970, or the weekday does not match the date */
    *t = day * 86400 + secs;
    return 0;
}
