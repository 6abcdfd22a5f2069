/*
** gen_examples.c — a host program (never part of the wasm) that writes
** examples.bin, the examples' and Flask handlers' texts as the blob
** hs_server_examples_load() reads (server.h), from the same examples.def
** and handlers.def the native build compiles in, so the two cannot drift.
** Usage: gen_examples DIR
*/
#include "server.h"

#include <stdio.h>

/* Writes DIR/examples.bin; returns 0, or 1 when it cannot. */
int main(int argc, char **argv)
{
    static unsigned char blob[64 * 1024];
    char path[512];
    FILE *f;
    int n;
    if (argc != 2) {
        fprintf(stderr, "usage: gen_examples DIR\n");
        return 2;
    }
    n = hs_server_examples_blob(blob, sizeof blob);
    if (n < 0) {
        fprintf(stderr, "examples.bin: the texts do not fit in %zu bytes\n", sizeof blob);
        return 1;
    }
    snprintf(path, sizeof path, "%s/examples.bin", argv[1]);
    f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return 1;
    }
    if (fwrite(blob, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        fclose(f);
        return 1;
    }
    return fclose(f) ? 1 : 0;
}
