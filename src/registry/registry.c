/*
** registry.c — the status registry (status.def + status_text.def expanded)
** and its JSON. See registry.h; the reader of what a person types is
** query.c.
*/
#include "registry.h"
#include "frameworks.h"

#include "core/hs.h"
#include "core/json.h"

#include <string.h>

/* ---- The table ---------------------------------------------------------- */

/* With HS_TEXT_EXTERNAL (the first wasm module) the descriptions are not
** compiled in: hs_registry_text_load() installs them per language from a
** text blob (text-en.bin, text-ko.bin), and a language not installed is
** left out of the JSON. Without it (native builds) both are here. */
#ifdef HS_TEXT_EXTERNAL
#define HS_TEXT(name, title_ko, en, ko) [HS_ID_##name] = { title_ko, NULL, NULL },
#else
#define HS_TEXT(name, title_ko, en, ko) [HS_ID_##name] = { title_ko, en, ko },
#endif
static const struct hs_status_text texts[HS_ID_COUNT] = {
    [HS_ID_NONE] = { "알 수 없음", "", "" },
#include "status_text.def"
};

/* The installed text blob of each language (HS_TEXT_EXTERNAL), or NULL. */
static const unsigned char *blob[2];

/* Reads the little-endian u32 at p. */
static uint32_t u32le(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* See registry.h. */
int hs_registry_text_load(int lang, const unsigned char *b, size_t len)
{
    size_t head = HS_TEXT_HEAD + 4 * (size_t)(HS_ID_COUNT + 1), area, prev = 0;
    if (lang < 0 || lang > 1 || !b || len < head || memcmp(b, HS_TEXT_MAGIC, 4) != 0 ||
        (b[4] | b[5] << 8) != HS_ID_COUNT || (b[6] | b[7] << 8) != lang)
        return HS_EINVAL;
    area = len - head;
    for (int i = 0; i <= HS_ID_COUNT; i++) {
        size_t off = u32le(b + HS_TEXT_HEAD + 4 * (size_t)i);
        /* offsets rise; every string is NUL-terminated inside the area */
        if (off < prev || off > area || (i > 0 && (off == prev || b[head + off - 1] != 0)))
            return HS_EINVAL;
        if (i == HS_ID_COUNT && off != area)
            return HS_EINVAL;
        prev = off;
    }
    blob[lang] = b;
    return HS_OK;
}

/* See registry.h. */
const char *hs_registry_description(int id, int lang)
{
    const char *compiled;
    if (id < 0 || id >= HS_ID_COUNT)
        id = HS_ID_NONE;
    compiled = lang ? texts[id].ko : texts[id].en;
    size_t head = HS_TEXT_HEAD + 4 * (size_t)(HS_ID_COUNT + 1);
    if (compiled || !blob[lang])
        return compiled;
    return (const char *)blob[lang] + head + u32le(blob[lang] + HS_TEXT_HEAD + 4 * (size_t)id);
}

/* Writes {"en": en, "ko": ko} with only the members that are not NULL. */
static void text_json(struct hs_json *j, const char *en, const char *ko)
{
    hs_json_obj(j);
    if (en) {
        hs_json_key(j, "en");
        hs_json_str(j, en);
    }
    if (ko) {
        hs_json_key(j, "ko");
        hs_json_str(j, ko);
    }
    hs_json_obj_end(j);
}

#define ROW(code, name, phrase, reg, flags, doc, sec, aliases, origin, idesc, iref, primary) \
    { code, reg, flags, primary, #name, phrase, doc, sec, aliases, origin, idesc, iref,        \
    },

static const struct hs_status_row rows[HS_ID_COUNT] = {
    { 0, HS_REG_UNASSIGNED, 0, 0, "NONE", "Unknown Status", "", "", "", "", "", "" },
#define HS_STATUS(code, name, phrase, reg, flags, doc, sec, aliases, origin, idesc, iref) \
    ROW(code, name, phrase, HS_REG_##reg, flags, doc, sec, aliases, origin, idesc, iref, 1)
#define HS_ALSO(code, name, phrase, origin) \
    ROW(code, name, phrase, HS_REG_UNOFFICIAL, 0, "", "", "", origin, "", "", 0)
#include "status.def"
};
#undef ROW

/* Code -> primary id. A duplicate code fails to compile (-Woverride-init). */
static const uint8_t id_by_code[600] = {
#define HS_STATUS(code, name, ...) [code] = HS_ID_##name,
#include "status.def"
};

_Static_assert(HS_ID_COUNT <= 256, "ids must fit in uint8_t");

struct field { uint8_t id; const char *field, *level, *doc, *section, *when_en, *when_ko; };

static const struct field fields[] = {
#define HS_FIELD(name, field, level, doc, sec, when_en, when_ko) \
    { HS_ID_##name, field, #level, doc, sec, when_en, when_ko },
#include "status.def"
};

int hs_registry_id(int code)
{
    if (code < 0 || code >= (int)sizeof id_by_code)
        return HS_ID_NONE;
    return id_by_code[code];
}

const struct hs_status_row *hs_registry_row(int id)
{
    return &rows[id < 0 || id >= HS_ID_COUNT ? HS_ID_NONE : id];
}

const struct hs_status_text *hs_registry_text(int id)
{
    return &texts[id < 0 || id >= HS_ID_COUNT ? HS_ID_NONE : id];
}

int hs_registry_count(void)
{
    int n = 0;
    for (int id = 1; id < HS_ID_COUNT; id++)
        n += rows[id].primary;
    return n;
}

/* ---- Describing a code as JSON ------------------------------------------ */

static const char *const class_en[6] = { "", "Informational", "Successful", "Redirection",
                                         "Client Error", "Server Error" };
static const char *const class_ko[6] = { "", "정보", "성공", "리다이렉트", "클라이언트 오류",
                                         "서버 오류" };
static const char *const registry_names[] = { "unassigned", "permanent", "temporary", "unused",
                                              "obsoleted", "unofficial" };

/* See registry.h. */
const char *hs_registry_kind_name(int kind)
{
    return kind < 0 || kind > HS_REG_UNOFFICIAL ? registry_names[0] : registry_names[kind];
}

/* See registry.h. */
size_t hs_registry_reference_url(const char *doc, const char *section, char *out, size_t cap)
{
    size_t n = 0, dn = strlen(doc), sn = strlen(section);
    const char *base = "https://www.rfc-editor.org/rfc/";
    if (strncmp(doc, "RFC", 3) != 0)
        base = "https://datatracker.ietf.org/doc/html/";
    if (strlen(base) + dn + sn + 10 >= cap)
        return 0;
    memcpy(out, base, strlen(base));
    n = strlen(base);
    for (size_t i = 0; i < dn; i++)
        out[n++] = hs_ascii_lower(doc[i]);
    if (sn) {
        memcpy(out + n, "#section-", 9);
        n += 9;
        memcpy(out + n, section, sn);
        n += sn;
    }
    return n;
}

/* Writes {"doc","section","url"} for a document name such as "RFC9110". */
static void reference_json(struct hs_json *j, const char *doc, const char *section)
{
    char url[160];
    size_t n = hs_registry_reference_url(doc, section, url, sizeof url);
    if (n == 0) {
        hs_json_null(j);
        return;
    }
    hs_json_obj(j);
    hs_json_key(j, "doc");
    hs_json_str(j, doc);
    hs_json_key(j, "section");
    if (*section)
        hs_json_str(j, section);
    else
        hs_json_null(j);
    hs_json_key(j, "url");
    hs_json_strn(j, url, n);
    hs_json_obj_end(j);
}

/* Writes a '|'-separated list as a JSON array of strings. */
static void list_json(struct hs_json *j, const char *list)
{
    hs_json_arr(j);
    while (*list) {
        const char *bar = strchr(list, '|');
        size_t n = bar ? (size_t)(bar - list) : strlen(list);
        hs_json_strn(j, list, n);
        list += n + (bar != NULL);
    }
    hs_json_arr_end(j);
}

static void str_or_null(struct hs_json *j, const char *s)
{
    if (*s)
        hs_json_str(j, s);
    else
        hs_json_null(j);
}

static void redirect_json(struct hs_json *j, unsigned flags)
{
    const char *method, *en, *ko;
    if (flags & HS_F_REDIRECT_KEEP) {
        method = "preserved";
        en = "The client repeats the request at the new URI with the same method and content.";
        ko = "클라이언트는 같은 메서드와 본문으로 새 URI에 요청을 다시 보낸다.";
    } else if (flags & HS_F_REDIRECT_TO_GET) {
        method = "get";
        en = "The client follows with a GET (or HEAD) to the new URI, whatever the first method was; the content is dropped.";
        ko = "처음 메서드가 무엇이든 클라이언트는 새 URI로 GET(또는 HEAD) 요청을 보내며, 본문은 버린다.";
    } else if (flags & HS_F_REDIRECT_POST_TO_GET) {
        method = "post-may-become-get";
        en = "No rule asks the client to keep the method: for historical reasons a user agent MAY turn a POST into a GET without content (RFC 9110 §15.4.2-3), and browsers do; other methods are repeated as they were.";
        ko = "메서드를 유지하라는 규칙은 없다. 역사적인 이유로 사용자 에이전트는 POST를 본문 없는 GET으로 바꿔도 되고(RFC 9110 §15.4.2-3) 브라우저는 실제로 그렇게 한다. 다른 메서드는 그대로 다시 보낸다.";
    } else {
        hs_json_null(j);
        return;
    }
    hs_json_obj(j);
    hs_json_key(j, "method");
    hs_json_str(j, method);
    hs_json_key(j, "explain");
    hs_json_i18n(j, en, ko);
    hs_json_obj_end(j);
}

static void fields_json(struct hs_json *j, int id)
{
    hs_json_arr(j);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const struct field *f = &fields[i];
        if (f->id != id)
            continue;
        hs_json_obj(j);
        hs_json_key(j, "field");
        hs_json_str(j, f->field);
        hs_json_key(j, "level");
        hs_json_str(j, f->level);
        hs_json_key(j, "reference");
        reference_json(j, f->doc, f->section);
        hs_json_key(j, "when");
        hs_json_i18n(j, f->when_en, f->when_ko);
        hs_json_obj_end(j);
    }
    hs_json_arr_end(j);
}

static void meaning_json(struct hs_json *j, int id)
{
    const struct hs_status_row *r = &rows[id];
    hs_json_obj(j);
    hs_json_key(j, "name");
    hs_json_str(j, r->name);
    hs_json_key(j, "phrase");
    hs_json_str(j, r->phrase);
    hs_json_key(j, "title");
    hs_json_i18n(j, r->phrase, texts[id].title_ko);
    hs_json_key(j, "registry");
    hs_json_str(j, registry_names[r->registry]);
    hs_json_key(j, "origin");
    str_or_null(j, r->origin);
    hs_json_key(j, "description");
    text_json(j, hs_registry_description(id, 0), hs_registry_description(id, 1));
    hs_json_obj_end(j);
}

/* Writes the date a temporary registration is due to expire, as the IANA
** row states it ("... expires YYYY-MM-DD)"), or null. Whether that date has
** passed is the caller's to decide: the engine reads no clock. */
static void expires_json(struct hs_json *j, const struct hs_status_row *r)
{
    static const char key[] = "expires ";
    const char *p = r->registry == HS_REG_TEMPORARY ? strstr(r->iana_desc, key) : NULL;
    if (p && strlen(p + sizeof key - 1) >= 10)
        hs_json_strn(j, p + sizeof key - 1, 10);
    else
        hs_json_null(j);
}

/* Writes the description of an unassigned code in 100-599 into en and ko,
** NUL-terminated, cut to en_cap / ko_cap bytes (the caller's buffers hold
** the whole sentences). */
static void unassigned_text(int code, char *en, size_t en_cap, char *ko, size_t ko_cap)
{
    char c3[3], x00[3] = { 0, '0', '0' };
    const struct hs_str args[2] = { { c3, 3 }, { x00, 3 } };
    hs_status_digits(code, c3);
    x00[0] = c3[0];
    en[hs_expand(en, en_cap - 1,
                 "{0}"
                 " has no assigned meaning. A client that receives it has to treat it as "
                 "{1}"
                 ", the generic code of its class (RFC 9110 §15). No caching rule forbids it, but it is not heuristically cacheable: a cache stores it only when explicit cache controls allow it (RFC 9110 §15.1, RFC 9111 §4.2.2).",
                 args, 2, 3)] = 0;
    ko[hs_expand(ko, ko_cap - 1,
                 "{0}"
                 " 코드에는 배정된 의미가 없다. 이 코드를 받은 클라이언트는 같은 클래스의 기본 코드인 "
                 "{1}"
                 " 코드로 취급해야 한다(RFC 9110 §15). 캐시를 금지하는 규칙은 없지만 휴리스틱 캐시 대상이 아니어서, 캐시는 명시적인 캐시 지시가 허용할 때만 이 응답을 저장한다(RFC 9110 §15.1, RFC 9111 §4.2.2).",
                 args, 2, 3)] = 0;
}

int hs_registry_json(int code, char *out, size_t cap)
{
    struct hs_json j;
    int id, cls;
    const struct hs_status_row *r;
    const char *phrase, *title_ko, *desc_en, *desc_ko;
    char en[320], ko[400];
    if (code < 100 || code > 599)
        return HS_ERANGE;
    id = hs_registry_id(code);
    r = &rows[id];
    cls = code / 100;
    if (id == HS_ID_NONE) {
        unassigned_text(code, en, sizeof en, ko, sizeof ko);
        phrase = "Unassigned";
        title_ko = "배정되지 않음";
        desc_en = en;
        desc_ko = ko;
    } else {
        phrase = r->phrase;
        title_ko = texts[id].title_ko;
        desc_en = hs_registry_description(id, 0);
        desc_ko = hs_registry_description(id, 1);
    }
    hs_json_init(&j, out, cap);
    hs_json_obj(&j);
    hs_json_key(&j, "code");
    hs_json_int(&j, code);
    hs_json_key(&j, "name");
    str_or_null(&j, id ? r->name : "");
    hs_json_key(&j, "phrase");
    hs_json_str(&j, phrase);
    hs_json_key(&j, "title");
    hs_json_i18n(&j, phrase, title_ko);
    hs_json_key(&j, "class");
    hs_json_int(&j, cls);
    hs_json_key(&j, "className");
    hs_json_i18n(&j, class_en[cls], class_ko[cls]);
    hs_json_key(&j, "registry");
    hs_json_str(&j, registry_names[r->registry]);
    if (id == HS_ID_NONE) {
        hs_json_key(&j, "treatedAs");
        hs_json_int(&j, cls * 100);
    }
    hs_json_key(&j, "reference");
    if (id == HS_ID_NONE)
        reference_json(&j, "RFC9110", "15");
    else if (*r->doc)
        reference_json(&j, r->doc, r->section);
    else
        hs_json_null(&j);
    hs_json_key(&j, "description");
    text_json(&j, desc_en, desc_ko);
    hs_json_key(&j, "aliases");
    list_json(&j, r->aliases);
    hs_json_key(&j, "origin");
    str_or_null(&j, r->origin);
    hs_json_key(&j, "interim");
    hs_json_bool(&j, cls == 1);
    hs_json_key(&j, "contentAllowed");
    hs_json_bool(&j, cls != 1 && !(r->flags & HS_F_NO_CONTENT));
    hs_json_key(&j, "cacheableByDefault");
    hs_json_bool(&j, r->flags & HS_F_CACHEABLE);
    hs_json_key(&j, "retryable");
    hs_json_bool(&j, r->flags & HS_F_RETRY);
    hs_json_key(&j, "deprecated");
    hs_json_bool(&j, r->flags & HS_F_DEPRECATED);
    hs_json_key(&j, "expires");
    expires_json(&j, r);
    hs_json_key(&j, "requiredFields");
    fields_json(&j, id);
    hs_json_key(&j, "redirect");
    redirect_json(&j, r->flags);
    hs_json_key(&j, "iana");
    if (*r->iana_desc) {
        hs_json_obj(&j);
        hs_json_key(&j, "description");
        hs_json_str(&j, r->iana_desc);
        hs_json_key(&j, "reference");
        hs_json_str(&j, r->iana_ref);
        hs_json_obj_end(&j);
    } else
        hs_json_null(&j);
    hs_json_key(&j, "otherMeanings");
    hs_json_arr(&j);
    for (int k = 1; k < HS_ID_COUNT && id; k++)
        if (!rows[k].primary && rows[k].code == code)
            meaning_json(&j, k);
    hs_json_arr_end(&j);
    hs_json_key(&j, "frameworks");
    hs_frameworks_json(&j, code);
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}

int hs_registry_catalog_json(char *out, size_t cap)
{
    struct hs_json j;
    hs_json_init(&j, out, cap);
    hs_json_arr(&j);
    for (int code = 100; code <= 599; code++) {
        int id = id_by_code[code];
        if (id == HS_ID_NONE)
            continue;
        hs_json_obj(&j);
        hs_json_key(&j, "code");
        hs_json_int(&j, code);
        hs_json_key(&j, "name");
        hs_json_str(&j, rows[id].name);
        hs_json_key(&j, "phrase");
        hs_json_str(&j, rows[id].phrase);
        hs_json_key(&j, "titleKo");
        hs_json_str(&j, texts[id].title_ko);
        hs_json_key(&j, "registry");
        hs_json_str(&j, registry_names[rows[id].registry]);
        hs_json_key(&j, "flags");
        hs_json_int(&j, rows[id].flags);
        hs_json_obj_end(&j);
    }
    hs_json_arr_end(&j);
    return hs_json_end(&j);
}
