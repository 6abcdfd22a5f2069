/*
** lint-native.c — the native half of lint-bench.mjs: lints the response in
** argv[1] (a file) N times with hs_lint_run + hs_lint_json, as the wasm
** export does, and prints the median µs per call of 9 rounds. Built -O2 by
** lint-bench.mjs; not a test.
*/
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/lint.h"

static struct hs_lint L;
static char body[1 << 16], out[1 << 18], in[1 << 16];

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
    size_t n;
    double rounds[9];
    long sink = 0;
    const int iters = 20000;
    if (!f)
        return 2;
    n = fread(in, 1, sizeof in, f);
    fclose(f);
    for (int r = 0; r < 9; r++) {
        double t0 = now_us();
        for (int i = 0; i < iters; i++) {
            hs_lint_run(in, n, NULL, 0, &L, body, sizeof body);
            sink += hs_lint_json(&L, out, sizeof out);
        }
        rounds[r] = (now_us() - t0) / iters;
    }
    qsort(rounds, 9, sizeof *rounds, cmp);
    printf("%.3f %ld\n", rounds[4], sink % 7);
    return 0;
}
