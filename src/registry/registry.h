/*
** registry.h — every HTTP status code the engine knows: the IANA registry
** plus well-known unofficial codes, with phrases, classes, rules and
** descriptions in English and Korean. All of it comes from status.def and
** status_text.def. (Reading what a person types into codes is query.h's.)
*/
#ifndef HS_REGISTRY_H
#define HS_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

/* Flags of a status row (status.def). */
#define HS_F_CACHEABLE            0x01 /* heuristically cacheable by default (RFC 9110 §15.1) */
#define HS_F_NO_CONTENT           0x02 /* a response never has content (1xx are implied) */
#define HS_F_RETRY                0x04 /* the condition is usually temporary: retrying later can work */
#define HS_F_REDIRECT_POST_TO_GET 0x08 /* 301/302: a user agent may turn POST into GET */
#define HS_F_REDIRECT_TO_GET      0x10 /* 303: the follow-up is a GET (or HEAD) */
#define HS_F_REDIRECT_KEEP        0x20 /* 307/308: method and content are kept */
#define HS_F_DEPRECATED           0x40 /* defined but deprecated (305) */

enum hs_registry_kind {
    HS_REG_UNASSIGNED, HS_REG_PERMANENT, HS_REG_TEMPORARY, HS_REG_UNUSED,
    HS_REG_OBSOLETED, HS_REG_UNOFFICIAL
};

/* Returns the JSON name of a registry kind ("permanent"); any other int
** gives "unassigned". */
const char *hs_registry_kind_name(int kind);

/* Dense ids: 0 is the catch-all "unknown", then one per row of status.def. */
enum hs_id {
    HS_ID_NONE,
#define HS_STATUS(code, name, ...) HS_ID_##name,
#define HS_ALSO(code, name, ...) HS_ID_##name,
#include "status.def"
    HS_ID_COUNT
};

/* C names for the codes: HS_STATUS_NOT_FOUND = 404. */
enum hs_status {
#define HS_STATUS(code, name, ...) HS_STATUS_##name = code,
#include "status.def"
    HS_STATUS_MAX_ = 599
};

/* One row of status.def. */
struct hs_status_row {
    uint16_t code;
    uint8_t registry;   /* enum hs_registry_kind */
    uint8_t flags;      /* HS_F_* */
    uint8_t primary;    /* 1 for HS_STATUS rows, 0 for HS_ALSO rows */
    const char *name, *phrase, *doc, *section, *aliases, *origin, *iana_desc, *iana_ref;
};

/* The Korean title and the descriptions of a row (status_text.def). */
struct hs_status_text {
    const char *title_ko, *en, *ko;
};

/* Returns the id of the primary meaning of code, or HS_ID_NONE for any int
** that is not a known code (negative, huge, unassigned). */
int hs_registry_id(int code);

/* Returns the row of id; id out of range clamps to the catch-all row 0. */
const struct hs_status_row *hs_registry_row(int id);

/* Returns the texts of id; id out of range clamps to the catch-all row 0.
** Built with HS_TEXT_EXTERNAL, en and ko are NULL (see below). */
const struct hs_status_text *hs_registry_text(int id);

/* Returns the description of id in lang (0 English, 1 Korean), or NULL
** when it is not compiled in and that language's blob is not installed. */
const char *hs_registry_description(int id, int lang);

/* A text blob holds one language's descriptions, one per id:
**   "HST1", u16 id count (HS_ID_COUNT), u16 language (0 en, 1 ko),
**   u32 offsets[count + 1] into the string area that follows (little
**   endian, rising, the last one the area's size), then the strings, each
**   ending in NUL. gen_catalog writes one per language. */
#define HS_TEXT_MAGIC "HST1"
#define HS_TEXT_HEAD 8

/* Installs blob b[0..len) as the descriptions of lang (0 English, 1
** Korean) for the JSON written after it. Returns HS_OK, or HS_EINVAL (and
** installs nothing) unless b is a well-formed blob of that language for
** this table. The caller keeps b unchanged while it is installed. Builds
** without HS_TEXT_EXTERNAL have the descriptions compiled in and ignore it. */
int hs_registry_text_load(int lang, const unsigned char *b, size_t len);

/* Returns the number of known codes (HS_STATUS rows). */
int hs_registry_count(void);

/* Returns the phrase of code's primary meaning ("Not Found"), or "" for any
** int that is not a known code. Its own table (phrase.c): a module that
** needs no more of a row links none of the rows. */
const char *hs_registry_phrase(int code);
/* Returns the HS_F_* flags of code's primary meaning, or 0 for any int that
** is not a known code. */
unsigned hs_registry_flags(int code);

/* Writes the JSON description of code into out (cap bytes) and returns its
** length; HS_ERANGE if code is outside 100-599, HS_ENOSPC if out is too small.
** An unassigned code in range is described as such, not an error. */
int hs_registry_json(int code, char *out, size_t cap);

/* Writes the address of a document's section ("RFC9110", "15.5.6" ->
** https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6; a draft goes to
** datatracker) into out and returns its length, or 0 if it needs more than
** cap bytes. No NUL is written. */
size_t hs_registry_reference_url(const char *doc, const char *section, char *out, size_t cap);

/* Writes the JSON catalogue of every known code (code, name, phrase, title,
** class, registry, flags) ascending, and returns its length or HS_ENOSPC. */
int hs_registry_catalog_json(char *out, size_t cap);

#endif
