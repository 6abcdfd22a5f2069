/*
** gen_examples.c — a host program (never part of the wasm) that writes the
** second module's text blobs from the same .def files the native build
** compiles in, so the two cannot drift: examples.bin, the examples' and
** Flask handlers' texts (hs_server_examples_load, server.h), and
** server-ko.bin, the server's Korean texts (hs_server_texts_load).
** Usage: gen_examples DIR
*/
#include "server.h"

#include <stdio.h>

/* Writes blob[0..n) to DIR/name; returns 0, or 1 when it cannot. */
static int write_file(const char *dir, const char *name, const unsigned char *blob, int n)
{
    char path[512];
    FILE *f;
    if (n < 0) {
        fprintf(stderr, "%s: the texts do not fit (%d)\n", name, n);
        return 1;
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
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

/* Writes DIR/examples.bin and DIR/server-ko.bin; returns 0, or 1 when it cannot. */
int main(int argc, char **argv)
{
    static unsigned char blob[64 * 1024];
    if (argc != 2) {
        fprintf(stderr, "usage: gen_examples DIR\n");
        return 2;
    }
    if (write_file(argv[1], "examples.bin", blob, hs_server_examples_blob(blob, sizeof blob)))
        return 1;
    return write_file(argv[1], "server-ko.bin", blob, hs_server_texts_blob(HS_LANG_KO, blob, sizeof blob));
}
