/*
** test.h — a tiny TAP helper for the native tests, and the guard page.
**
** guarded(s, n) copies n bytes to the very end of a writable region that is
** followed by a PROT_NONE page, so reading one byte past n crashes the test
** (picohttpparser's trick). Tests print TAP and end with a
** "N passed, N failed" line; done_testing() returns the exit status.
*/
#ifndef HS_TEST_H
#define HS_TEST_H

#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int test_passed, test_failed;

#define ok(cond, ...) test_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

static void test_ok(int pass, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#include <stdarg.h>
static void test_ok(int pass, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    printf("%s %d - ", pass ? "ok" : "not ok", test_passed + test_failed + 1);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    if (!pass)
        printf("#   failed at %s:%d\n", file, line);
    pass ? test_passed++ : test_failed++;
}

#define is_int(got, want, ...)                                                       \
    do {                                                                              \
        long long g_ = (long long)(got), w_ = (long long)(want);                      \
        ok(g_ == w_, __VA_ARGS__);                                                    \
        if (g_ != w_)                                                                 \
            printf("#   got %lld, want %lld\n", g_, w_);                              \
    } while (0)

/* True if the n bytes at p contain the C string s. (Not every test needs it.) */
__attribute__((unused)) static int contains(const char *p, int n, const char *s)
{
    size_t sn = strlen(s);
    if (n < 0)
        return 0;
    for (size_t i = 0; i + sn <= (size_t)n; i++)
        if (memcmp(p + i, s, sn) == 0)
            return 1;
    return 0;
}

static unsigned char *guard_region;
static size_t guard_size;

/* Returns a copy of s[0..n) that ends right before a PROT_NONE page.
** The copy lives until the next call. n must be below 1 MiB. */
static const char *guarded(const void *s, size_t n)
{
    long page = sysconf(_SC_PAGESIZE);
    if (!guard_region) {
        guard_size = (size_t)1 << 20;
        guard_region = mmap(NULL, guard_size + (size_t)page, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (guard_region == MAP_FAILED || mprotect(guard_region + guard_size, (size_t)page, PROT_NONE)) {
            perror("guard page");
            exit(2);
        }
    }
    if (n > guard_size) {
        fprintf(stderr, "guarded: %zu bytes is too large\n", n);
        exit(2);
    }
    memcpy(guard_region + guard_size - n, s, n);
    return (const char *)guard_region + guard_size - n;
}

/* guarded() for a C string literal, without its NUL. */
#define G(lit) guarded((lit), sizeof(lit) - 1), (sizeof(lit) - 1)

static int done_testing(void)
{
    printf("1..%d\n%d passed, %d failed\n", test_passed + test_failed, test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
