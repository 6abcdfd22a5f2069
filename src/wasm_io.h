/*
** wasm_io.h — what the export files of each wasm module share: the
** buffers of wasm_io.c and the export attribute.
**
** The engine is three modules, each with its own export file and list
** (tests/glue.test.mjs checks that each exports exactly its list):
**   status.wasm  wasm_registry.c, exports_registry.txt: lookups, the
**                catalogue, the query reader, the per-language text
**   http.wasm    wasm_http.c, exports_http.txt: the request parser and
**                the simulated server, loaded on first use
**   lint.wasm    wasm_lint.c, exports_lint.txt: the response linter,
**                loaded on the first lint
** Every export takes scalars (a length of input the glue wrote into the
** input buffer, or a code) and returns an int: >= 0 is the length of JSON
** written to the output buffer (or an id), < 0 is an HS_E* code.
*/
#ifndef HS_WASM_IO_H
#define HS_WASM_IO_H

#define HS_EXPORT __attribute__((used, visibility("default")))

#define HS_IN_CAP (64 * 1024)
#ifndef HS_OUT_CAP
#define HS_OUT_CAP (256 * 1024)
#endif

extern unsigned char hs_in_buf[HS_IN_CAP];
extern char hs_out_buf[HS_OUT_CAP];

/* Returns len clamped to 0..HS_IN_CAP: the bytes of hs_in_buf a call reads. */
int hs_wasm_clamp(int len);

#endif
