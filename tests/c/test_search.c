/*
** test_search.c — the native half of the search tests: every row of
** tests/data/search-queries.tsv through hs_query, each query placed right
** before a guard page, under ASan and UBSan. Run from the repository root
** (make test-c does).
*/
#include "test.h"

#include "registry/query.h"

#define TSV "tests/data/search-queries.tsv"

/* Runs one row "query<TAB>code<TAB>within<TAB>why"; returns 1 if it was one. */
static int run_row(char *line)
{
    int codes[HS_QUERY_MAX_MATCHES], kind, n, at = -1;
    char *tab1 = strchr(line, '\t'), *tab2, *end;
    long code, within;
    if (line[0] == '#' || !tab1)
        return 0;
    tab2 = strchr(tab1 + 1, '\t');
    code = strtol(tab1 + 1, &end, 10);
    within = tab2 ? strtol(tab2 + 1, NULL, 10) : 0;
    n = hs_query(guarded(line, (size_t)(tab1 - line)), (size_t)(tab1 - line), codes, HS_QUERY_MAX_MATCHES, &kind);
    for (int i = 0; i < n && at < 0; i++)
        if (codes[i] == code)
            at = i;
    *tab1 = 0;
    ok(end != tab1 + 1 && (within == 1 || within == 3) && at >= 0 && at < within,
       "\"%s\" -> %ld within %ld (at %d of %d)", line, code, within, at, n);
    return 1;
}

int main(void)
{
    char line[1024];
    int rows = 0;
    FILE *f = fopen(TSV, "r");
    ok(f != NULL, "%s opens (run from the repository root)", TSV);
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        rows += run_row(line);
    }
    if (f)
        fclose(f);
    ok(rows >= 80, "%d queries", rows);
    (void)contains; /* test.h's helper, not needed here */
    return done_testing();
}
