/*
** response.c — the response builder declared in response.h.
*/
#include "response.h"

#include "core/hs.h"

#include "httpdate.h"
#include "registry/registry.h"

#include <string.h>

/* See response.h. */
void hs_response_init(struct hs_response *r, int status)
{
    r->status = status;
    r->flags = 0;
    r->n_fields = 0;
    r->overflow = 0;
    r->values_len = 0;
    r->body_len = 0;
}

/* See response.h. */
void hs_response_field_named(struct hs_response *r, const char *name, size_t nn, const char *value, size_t n)
{
    char *copy = r->values + r->values_len;
    if (nn + 1 > HS_RESPONSE_VALUES - r->values_len) {
        r->overflow = 1;
        return;
    }
    memcpy(copy, name, nn);
    copy[nn] = '\0';
    r->values_len += (uint32_t)nn + 1;
    hs_response_field(r, copy, value, n);
}

/* See response.h. */
void hs_response_field(struct hs_response *r, const char *name, const char *value, size_t n)
{
    struct hs_response_field *f;
    if (r->n_fields >= HS_RESPONSE_MAX_FIELDS || n > HS_RESPONSE_VALUES - r->values_len) {
        r->overflow = 1;
        return;
    }
    f = &r->fields[r->n_fields++];
    f->name = name;
    f->off = (uint16_t)r->values_len;
    f->len = (uint16_t)n;
    memcpy(r->values + r->values_len, value, n);
    r->values_len += (uint32_t)n;
}

/* See response.h. */
void hs_response_field_str(struct hs_response *r, const char *name, const char *value)
{
    hs_response_field(r, name, value, strlen(value));
}

/* See response.h. */
void hs_response_field_int(struct hs_response *r, const char *name, long long value)
{
    char buf[HS_DECIMAL_MAX];
    hs_response_field(r, name, buf, hs_decimal(value, buf));
}

/* See response.h. */
int hs_response_find(const struct hs_response *r, const char *name)
{
    for (int i = 0; i < r->n_fields; i++)
        if (hs_ascii_ieq(r->fields[i].name, strlen(r->fields[i].name), name, strlen(name)))
            return i;
    return -1;
}

/* See response.h. */
const char *hs_response_value(const struct hs_response *r, int i, size_t *n)
{
    *n = r->fields[i].len;
    return r->values + r->fields[i].off;
}

/* See response.h. */
void hs_response_set(struct hs_response *r, const char *name, const char *value, size_t n)
{
    int i = hs_response_find(r, name);
    if (i >= 0) {
        /* drop the old one (its value bytes stay unused) and append the new */
        memmove(&r->fields[i], &r->fields[i + 1], (size_t)(r->n_fields - i - 1) * sizeof r->fields[0]);
        r->n_fields--;
    }
    hs_response_field(r, name, value, n);
}

/* See response.h. */
void hs_response_content(struct hs_response *r, const char *type, const char *body, size_t n)
{
    if (n > HS_RESPONSE_BODY) {
        r->overflow = 1;
        n = 0;
    }
    memcpy(r->body, body, n);
    r->body_len = (uint32_t)n;
    if (type)
        hs_response_set(r, "Content-Type", type, strlen(type));
}

/* See response.h. */
void hs_response_json_begin(struct hs_response *r, struct hs_json *j)
{
    hs_json_init(j, r->body, HS_RESPONSE_BODY);
}

/* See response.h. */
void hs_response_json_end(struct hs_response *r, struct hs_json *j, const char *type)
{
    int n = hs_json_end(j);
    if (n < 0) {
        r->overflow = 1;
        memcpy(r->body, "{}", 2);
        n = 2;
    }
    r->body_len = (uint32_t)n;
    type = type ? type : "application/json";
    hs_response_set(r, "Content-Type", type, strlen(type));
}

/* See response.h. */
int hs_response_no_content(int status)
{
    return status < 200 || status == 204 || status == 205 || status == 304 ||
           (hs_registry_flags(status) & HS_F_NO_CONTENT);
}

/* Removes the field at index i. */
static void drop(struct hs_response *r, int i)
{
    memmove(&r->fields[i], &r->fields[i + 1], (size_t)(r->n_fields - i - 1) * sizeof r->fields[0]);
    r->n_fields--;
}

/* See response.h. */
void hs_response_finish(struct hs_response *r, int64_t clock, int flags)
{
    char date[HS_HTTP_DATE_LEN];
    int i;
    r->flags = flags;
    if (hs_response_no_content(r->status)) {
        r->body_len = 0;
        if ((i = hs_response_find(r, "Content-Type")) >= 0)
            drop(r, i);
    }
    if (r->status >= 200) {
        /* Date first, as servers conventionally write it */
        hs_http_date_format(clock, date);
        hs_response_field(r, "Date", date, sizeof date);
        if (!r->overflow) {
            struct hs_response_field d = r->fields[r->n_fields - 1];
            memmove(&r->fields[1], &r->fields[0], (size_t)(r->n_fields - 1) * sizeof r->fields[0]);
            r->fields[0] = d;
        }
    }
    /* Content-Length: never in 1xx or 204 (RFC 9110 §8.6); a 304 leaves it
    ** out (it would have to be the 200's length); 205 says 0 (§15.3.6). */
    if (r->status >= 200 && r->status != 204 && r->status != 304)
        hs_response_field_int(r, "Content-Length", r->body_len);
    if (r->status >= 200) {
        int ci = hs_response_find(r, "Connection");
        if ((flags & HS_RESP_CLOSE) && ci >= 0) {
            /* one Connection field with both options ("Upgrade, close") */
            char v[64];
            size_t n;
            const char *old = hs_response_value(r, ci, &n);
            if (n + 7 <= sizeof v) {
                memcpy(v, old, n);
                memcpy(v + n, ", close", 7);
                hs_response_set(r, "Connection", v, n + 7);
            }
        } else if (flags & HS_RESP_CLOSE)
            hs_response_field_str(r, "Connection", "close");
        else if (flags & HS_RESP_KEEP_ALIVE)
            hs_response_field_str(r, "Connection", "keep-alive");
    }
}

/* See response.h. */
const char *hs_response_phrase(int status)
{
    return hs_registry_phrase(status);
}

/* Appends s[0..n) to out at *o; returns 0, or -1 if it does not fit. */
static int emit(char *out, size_t cap, size_t *o, const char *s, size_t n)
{
    if (n > cap - *o)
        return -1;
    memcpy(out + *o, s, n);
    *o += n;
    return 0;
}

/* See response.h. */
int hs_response_serialize(const struct hs_response *r, char *out, size_t cap)
{
    size_t o = 0;
    char line[16] = "HTTP/1.1 000 ";
    const char *phrase = hs_response_phrase(r->status);
    hs_status_digits(r->status, line + 9);
    if (emit(out, cap, &o, line, 13) || emit(out, cap, &o, phrase, strlen(phrase)) || emit(out, cap, &o, "\r\n", 2))
        return -1;
    for (int i = 0; i < r->n_fields; i++) {
        const struct hs_response_field *f = &r->fields[i];
        if (emit(out, cap, &o, f->name, strlen(f->name)) || emit(out, cap, &o, ": ", 2) ||
            emit(out, cap, &o, r->values + f->off, f->len) || emit(out, cap, &o, "\r\n", 2))
            return -1;
    }
    if (emit(out, cap, &o, "\r\n", 2))
        return -1;
    if (!(r->flags & HS_RESP_HEAD) && emit(out, cap, &o, r->body, r->body_len))
        return -1;
    return (int)o;
}

/* ---- what the registry says a status requires -------------------------- */

/* The rows' columns a response builder needs. http.wasm reaches this table
** alone and so links none of the rows' documents, sections or sentences
** (2.7 KB the linter alone reads, in required[] below, row for row the same). */
static const struct {
    uint16_t code;
    uint8_t level;
    const char *field;
} required_names[] = {
#define HS_FIELD(name, field, level, doc, sec, en, ko) { HS_STATUS_##name, HS_LEVEL_##level, field },
#include "registry/status.def"
};

/* Returns the index of status's k-th required field (0-based) in
** required_names, which is its index in required[] too, or -1. */
static int required_index(int status, int k)
{
    for (size_t i = 0; i < sizeof required_names / sizeof *required_names; i++)
        if (required_names[i].code == status && k-- == 0)
            return (int)i;
    return -1;
}

/* See response.h. */
const char *hs_response_required(int status, int k, int *level)
{
    int i = required_index(status, k);
    if (i < 0)
        return NULL;
    *level = required_names[i].level;
    return required_names[i].field;
}

static const struct hs_required_field required[] = {
#define HS_FIELD(name, field, level, doc, sec, en, ko) { HS_STATUS_##name, HS_LEVEL_##level, field, doc, sec, en, ko },
#include "registry/status.def"
};

/* See response.h. */
const struct hs_required_field *hs_response_required_row(int status, int k)
{
    int i = required_index(status, k);
    return i < 0 ? NULL : &required[i];
}

/* See response.h. */
const char *hs_response_missing(const struct hs_response *r, int max_level)
{
    const char *field;
    int level;
    for (int k = 0; (field = hs_response_required(r->status, k, &level)) != NULL; k++)
        if (level <= max_level && hs_response_find(r, field) < 0)
            return field;
    return NULL;
}
