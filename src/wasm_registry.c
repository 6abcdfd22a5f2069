/*
** wasm_registry.c — the exports of the first module, status.wasm: lookups,
** the catalogue, the query reader, the per-language text blobs the glue
** fetches when a description is first shown, and the framework table's
** blob, fetched when a card first shows it. See wasm_io.h.
*/
#include "wasm_io.h"

#include "core/hs.h"
#include "registry/frameworks.h"
#include "registry/query.h"
#include "registry/registry.h"

/* The text blob of each language (text-en.bin, text-ko.bin), written by the
** glue, installed by hs_wasm_text_load, never changed after that. */
#define HS_TEXT_CAP (64 * 1024)
static unsigned char text_buf[2][HS_TEXT_CAP];

/* The framework table's blob (frameworks.bin), written by the glue,
** installed by hs_wasm_frameworks_load, never changed after that. */
#define HS_FW_CAP (32 * 1024)
static unsigned char fw_buf[HS_FW_CAP];

/* ---- registry ----------------------------------------------------------- */

/* Returns the dense id of code's primary meaning, 0 when it is not known. */
HS_EXPORT int hs_wasm_status_id(int code) { return hs_registry_id(code); }

/* Writes the JSON description of code; returns its length, or HS_ERANGE
** for a code outside 100-599. */
HS_EXPORT int hs_wasm_lookup(int code) { return hs_registry_json(code, hs_out_buf, HS_OUT_CAP); }

/* Writes the JSON catalogue of every known code; returns its length. */
HS_EXPORT int hs_wasm_catalog(void) { return hs_registry_catalog_json(hs_out_buf, HS_OUT_CAP); }

/* Reads hs_in_buf[0..len) as a person's query; writes the JSON answer. */
HS_EXPORT int hs_wasm_query(int len)
{
    return hs_query_json((const char *)hs_in_buf, (size_t)hs_wasm_clamp(len), hs_out_buf, HS_OUT_CAP);
}

/* ---- per-language text ------------------------------------------------ */

/* Returns the address where the glue writes lang's text blob (0 English,
** 1 Korean; another value is taken as 0). */
HS_EXPORT unsigned char *hs_wasm_text_buf(int lang) { return text_buf[lang == 1]; }

/* Returns the size of each text buffer. */
HS_EXPORT int hs_wasm_text_cap(void) { return HS_TEXT_CAP; }

/* Installs the len bytes at hs_wasm_text_buf(lang) as lang's descriptions;
** returns HS_OK, or HS_EINVAL (nothing installed) for a blob that is not
** well-formed, not of lang, or longer than the buffer. */
HS_EXPORT int hs_wasm_text_load(int lang, int len)
{
    if ((lang != 0 && lang != 1) || len < 0 || len > HS_TEXT_CAP)
        return HS_EINVAL;
    return hs_registry_text_load(lang, text_buf[lang], (size_t)len);
}

/* ---- the framework table ------------------------------------------------ */

/* Returns the address where the glue writes the framework table's blob. */
HS_EXPORT unsigned char *hs_wasm_frameworks_buf(void) { return fw_buf; }

/* Returns the size of that buffer. */
HS_EXPORT int hs_wasm_frameworks_cap(void) { return HS_FW_CAP; }

/* Installs the len bytes at hs_wasm_frameworks_buf() as the framework table
** of lookup's "frameworks" (null before); returns HS_OK, or HS_EINVAL
** (nothing installed) for a blob that is not well-formed or longer than the
** buffer. */
HS_EXPORT int hs_wasm_frameworks_load(int len)
{
    if (len < 0 || len > HS_FW_CAP)
        return HS_EINVAL;
    return hs_frameworks_load(fw_buf, (size_t)len);
}
