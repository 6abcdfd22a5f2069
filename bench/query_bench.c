/*
** query_bench.c — the native half of query-bench.mjs: runs hs_query over the
** queries given one per line on standard input, many times, and prints the
** median CPU nanoseconds per query of 15 runs (CPU time: the machine is shared). Built and run by query-bench.mjs
** (cc -O2); not a test.
*/
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "registry/query.h"

#define MAX_QUERIES 1024

static char text[MAX_QUERIES * 128];
static const char *query[MAX_QUERIES];
static size_t length[MAX_QUERIES];

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(void)
{
    char line[512];
    size_t used = 0;
    int n = 0, codes[HS_QUERY_MAX_MATCHES], kind;
    double samples[15];
    volatile long sink = 0;
    while (n < MAX_QUERIES && fgets(line, sizeof line, stdin)) {
        size_t len = strcspn(line, "\n");
        if (used + len > sizeof text)
            break;
        memcpy(text + used, line, len);
        query[n] = text + used;
        length[n++] = len;
        used += len;
    }
    for (int s = 0; s < 15; s++) {
        struct timespec t0, t1;
        int rounds = 20;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
        for (int r = 0; r < rounds; r++)
            for (int i = 0; i < n; i++)
                sink += hs_query(query[i], length[i], codes, HS_QUERY_MAX_MATCHES, &kind);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
        samples[s] = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / ((double)rounds * n);
    }
    qsort(samples, 15, sizeof *samples, cmp);
    printf("%.1f\n", samples[7]);
    return sink == 0x7fffffff;
}
