/*
** jsonread.h — a bounded JSON reader (RFC 8259, I-JSON strings): validates a
** document in place, then walks it without copying. Used for request
** content (POST /items) and for the server state JS sets.
*/
#ifndef HS_JSONREAD_H
#define HS_JSONREAD_H

#include <stddef.h>
#include <stdint.h>

#define HS_JREAD_MAX_DEPTH 32

enum hs_jtype { HS_JNONE, HS_JOBJECT, HS_JARRAY, HS_JSTRING, HS_JNUMBER, HS_JTRUE, HS_JFALSE, HS_JNULL };

/* One value of a validated document: its type and its bytes (for a string,
** including the quotes). */
struct hs_jval {
    int type;          /* enum hs_jtype */
    uint32_t off, len; /* in the document */
};

/* Validates that s[0..n) is exactly one JSON value, surrounded by optional
** whitespace: RFC 8259 syntax, valid UTF-8, no lone surrogate escapes
** (RFC 7493 §2.1), nesting at most HS_JREAD_MAX_DEPTH. Returns 0 and sets
** *root, or -1 and sets *err_off to the first offending byte. n must be
** below 4 GiB. */
int hs_jread_doc(const char *s, size_t n, struct hs_jval *root, uint32_t *err_off);

/* Walks the members of the object obj of a validated document s. *pos
** starts at 0. Returns 1 and sets *key (a string) and *val, or 0 after the
** last member. */
int hs_jread_member(const char *s, const struct hs_jval *obj, uint32_t *pos,
                    struct hs_jval *key, struct hs_jval *val);

/* Walks the elements of the array arr, as hs_jread_member. */
int hs_jread_element(const char *s, const struct hs_jval *arr, uint32_t *pos, struct hs_jval *val);

/* Decodes the string str into out (UTF-8, no NUL) and returns its length,
** or -1 if it needs more than cap bytes. */
int hs_jread_string(const char *s, const struct hs_jval *str, char *out, size_t cap);

/* Returns 1 if the string key decodes to exactly the C string name. */
int hs_jread_is(const char *s, const struct hs_jval *key, const char *name);

/* Reads an integer (no fraction, no exponent) within -2^53..2^53 into *v;
** returns 0, or -1 if num is not such a number. */
int hs_jread_int(const char *s, const struct hs_jval *num, int64_t *v);

#endif
