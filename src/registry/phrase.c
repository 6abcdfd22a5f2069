/*
** phrase.c — the phrase and flags of each code, from status.def like
** registry.c's rows but in a table of their own: the response builder needs
** only these two columns, so a module that builds responses and never
** describes a code (http.wasm) links this table and the linker leaves out
** the rows (names, documents, aliases, origins, the IANA columns).
*/
#include "registry.h"

struct phrase_row {
    const char *phrase;
    uint8_t flags;
};

/* By id; the HS_ALSO ids (never a code's primary id) and id 0 stay empty. */
static const struct phrase_row by_id[HS_ID_COUNT] = {
    [HS_ID_NONE] = { "", 0 },
#define HS_STATUS(code, name, phrase, reg, flags, ...) [HS_ID_##name] = { phrase, flags },
#include "status.def"
};

/* See registry.h. */
const char *hs_registry_phrase(int code)
{
    const char *p = by_id[hs_registry_id(code)].phrase;
    return p ? p : "";
}

/* See registry.h. */
unsigned hs_registry_flags(int code)
{
    return by_id[hs_registry_id(code)].flags;
}
