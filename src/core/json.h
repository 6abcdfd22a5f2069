/*
** json.h — a bounded JSON writer into a caller-owned buffer.
**
** Output is always valid UTF-8 JSON whatever bytes it is given: strings are
** escaped, control characters become \u00XX, and invalid UTF-8 sequences are
** replaced by U+FFFD. Commas between members are written automatically.
** When the buffer fills, the writer stops writing and remembers it
** (hs_json_end() then returns HS_JSON_ENOSPC); it never writes past cap.
*/
#ifndef HS_JSON_H
#define HS_JSON_H

#include "core/hs.h"

#include <stddef.h>
#include <stdint.h>

/* hs_json_end()'s error is the engine's own HS_ENOSPC, so an entry point
** returns hs_json_end() as it is. */
#define HS_JSON_ENOSPC HS_ENOSPC
#define HS_JSON_MAX_DEPTH 32

struct hs_json {
    char *buf;        /* output, owned by the caller */
    size_t cap;       /* bytes available at buf */
    size_t len;       /* bytes written so far */
    int overflow;     /* set once a write did not fit */
    int depth;        /* nesting depth of open containers */
    uint32_t need_comma; /* bit d set: the container at depth d has a member */
};

/* Starts writing at buf. The caller guarantees buf has cap bytes. */
void hs_json_init(struct hs_json *j, char *buf, size_t cap);

/* Returns the length written, or HS_JSON_ENOSPC if anything did not fit. */
int hs_json_end(const struct hs_json *j);

/* Open and close an object or array (as a value, or as a member after hs_json_key). */
void hs_json_obj(struct hs_json *j);
void hs_json_obj_end(struct hs_json *j);
void hs_json_arr(struct hs_json *j);
void hs_json_arr_end(struct hs_json *j);

/* Writes a member name; the next call writes its value. key is a C literal. */
void hs_json_key(struct hs_json *j, const char *key);

/* Values. str/strn take any bytes and write a valid JSON string; strn
** returns how many bytes it wrote as U+FFFD (0: the string holds s exactly). */
void hs_json_str(struct hs_json *j, const char *s);
size_t hs_json_strn(struct hs_json *j, const char *s, size_t n);
void hs_json_int(struct hs_json *j, long long v);
void hs_json_bool(struct hs_json *j, int v);
void hs_json_null(struct hs_json *j);

/* Writes the base64 (RFC 4648 §4, padded) of s[0..n) as a JSON string:
** the way to carry bytes a JSON string cannot hold exactly. The caller
** guarantees s holds n bytes; a full buffer shows in hs_json_end(). */
void hs_json_base64(struct hs_json *j, const char *s, size_t n);

/* Writes s (n bytes) without quotes or escaping: s must already be valid JSON. */
void hs_json_raw(struct hs_json *j, const char *s, size_t n);

/* Writes {"en": en, "ko": ko} as a value. */
void hs_json_i18n(struct hs_json *j, const char *en, const char *ko);

/* Returns the number of bytes at the start of s[0..n) that form complete,
** valid UTF-8 sequences up to the first invalid one (n if all are valid). */
size_t hs_utf8_valid_prefix(const unsigned char *s, size_t n);

/* Returns the length of the valid UTF-8 sequence starting at s[0..n), or 0
** if the bytes there are not a valid sequence. The caller guarantees n > 0. */
size_t hs_utf8_seq_len(const unsigned char *s, size_t n);

#endif
