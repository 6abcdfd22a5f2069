/*
** state.c — the simulated server's state: its initial value, its JSON, and
** the JSON object JS sends to change it (hs_server_set_json).
*/
#include "exchange.h"
#include "core/hs.h"

#include "http/httpdate.h"
#include "core/json.h"
#include "core/jsonread.h"

#include <stddef.h>
#include <string.h>

static const char *const upstream_names[] = { "healthy", "garbage", "slow" };

/* The three items of the initial state, changed a day before the clock starts. */
static const char *const initial_names[] = { "pen", "notebook", "lamp" };

/* See exchange.h. */
size_t hs_item_etag(const struct hs_item *it, char *buf)
{
    size_t o = 0;
    buf[o++] = '"';
    o += hs_decimal(it->id, buf + o);
    buf[o++] = '.';
    o += hs_decimal(it->version, buf + o);
    buf[o++] = '"';
    return o;
}

/* See exchange.h. */
struct hs_item *hs_item_find(struct hs_server_state *s, uint32_t id)
{
    for (int i = 0; i < HS_SERVER_ITEMS; i++)
        if (id && s->items[i].id == id)
            return &s->items[i];
    return NULL;
}

/* See exchange.h. */
void hs_state_init(struct hs_server_state *s)
{
    memset(s, 0, sizeof *s);
    s->clock = HS_SERVER_EPOCH;
    s->capacity = HS_SERVER_ITEMS;
    for (uint32_t i = 0; i < 3; i++) {
        struct hs_item *it = &s->items[i];
        it->id = i + 1;
        it->version = 1;
        it->modified = HS_SERVER_EPOCH - 86400;
        it->name_len = (uint32_t)strlen(initial_names[i]);
        memcpy(it->name, initial_names[i], it->name_len);
    }
    s->next_id = 4;
    s->next_job = 1;
    s->rate_limit = 60;
    s->rate_window = 60;
    s->rate_start = HS_SERVER_EPOCH;
    s->upstream = HS_UPSTREAM_HEALTHY;
    s->request_timeout = 60;
    s->gateway_timeout = 30;
    s->limits = hs_request_default_limits();
    s->limits.max_body = HS_SERVER_BODY_CAP;
}

/* Writes t as an IMF-fixdate string. */
static void date_json(struct hs_json *j, int64_t t)
{
    char d[HS_HTTP_DATE_LEN];
    hs_http_date_format(t, d);
    hs_json_strn(j, d, sizeof d);
}

/* See exchange.h. */
void hs_state_write(const struct hs_server_state *s, struct hs_json *j)
{
    char etag[32];
    hs_json_obj(j);
    hs_json_key(j, "clock");
    hs_json_int(j, s->clock);
    hs_json_key(j, "date");
    date_json(j, s->clock);
    hs_json_key(j, "exchanges");
    hs_json_int(j, s->exchanges);
    hs_json_key(j, "nextId");
    hs_json_int(j, s->next_id);
    hs_json_key(j, "capacity");
    hs_json_int(j, s->capacity);
    hs_json_key(j, "items");
    hs_json_arr(j);
    for (int i = 0; i < HS_SERVER_ITEMS; i++) {
        const struct hs_item *it = &s->items[i];
        if (!it->id)
            continue;
        hs_json_obj(j);
        hs_json_key(j, "id");
        hs_json_int(j, it->id);
        hs_json_key(j, "name");
        hs_json_strn(j, it->name, it->name_len);
        hs_json_key(j, "version");
        hs_json_int(j, it->version);
        hs_json_key(j, "modified");
        hs_json_int(j, it->modified);
        hs_json_key(j, "etag");
        hs_json_strn(j, etag, hs_item_etag(it, etag));
        hs_json_key(j, "lastModified");
        date_json(j, it->modified);
        hs_json_obj_end(j);
    }
    hs_json_arr_end(j);
    hs_json_key(j, "gone");
    hs_json_arr(j);
    for (int i = 0; i < HS_SERVER_GONE; i++)
        if (s->gone[i])
            hs_json_int(j, s->gone[i]);
    hs_json_arr_end(j);
    hs_json_key(j, "nextJob");
    hs_json_int(j, s->next_job);
    hs_json_key(j, "jobs");
    hs_json_arr(j);
    for (int i = 0; i < HS_SERVER_JOBS; i++) {
        const struct hs_job *jb = &s->jobs[i];
        if (!jb->id)
            continue;
        hs_json_obj(j);
        hs_json_key(j, "id");
        hs_json_int(j, jb->id);
        hs_json_key(j, "started");
        hs_json_int(j, jb->started);
        hs_json_key(j, "done");
        hs_json_bool(j, s->clock >= jb->started + HS_SERVER_JOB_SECONDS);
        hs_json_obj_end(j);
    }
    hs_json_arr_end(j);
    hs_json_key(j, "rateLimit");
    hs_json_obj(j);
    hs_json_key(j, "limit");
    hs_json_int(j, s->rate_limit);
    hs_json_key(j, "window");
    hs_json_int(j, s->rate_window);
    hs_json_key(j, "used");
    hs_json_int(j, s->rate_used);
    hs_json_key(j, "windowStart");
    hs_json_int(j, s->rate_start);
    hs_json_obj_end(j);
    hs_json_key(j, "maintenance");
    hs_json_bool(j, s->maintenance_until > s->clock);
    hs_json_key(j, "maintenanceUntil");
    hs_json_int(j, s->maintenance_until);
    hs_json_key(j, "upstream");
    hs_json_str(j, upstream_names[s->upstream]);
    hs_json_key(j, "timeouts");
    hs_json_obj(j);
    hs_json_key(j, "request");
    hs_json_int(j, s->request_timeout);
    hs_json_key(j, "gateway");
    hs_json_int(j, s->gateway_timeout);
    hs_json_obj_end(j);
    hs_json_key(j, "limits");
    hs_json_obj(j);
    hs_json_key(j, "maxRequestLine");
    hs_json_int(j, s->limits.max_request_line);
    hs_json_key(j, "maxTarget");
    hs_json_int(j, s->limits.max_target);
    hs_json_key(j, "maxHeaderSection");
    hs_json_int(j, s->limits.max_header_section);
    hs_json_key(j, "maxHeaders");
    hs_json_int(j, s->limits.max_headers);
    hs_json_key(j, "maxBody");
    hs_json_int(j, s->limits.max_body);
    hs_json_key(j, "bareLf");
    hs_json_bool(j, (s->limits.lenient & HS_LENIENT_BARE_LF) != 0);
    hs_json_obj_end(j);
    hs_json_obj_end(j);
}

/* ---- applying a JSON object -------------------------------------------- */

/* Where applying stopped, and why. */
struct apply {
    const char *doc;
    struct hs_server_state *s;
    const char *key, *en, *ko;
    int maintenance;            /* -1 unset, else the boolean sent */
};

/* Records the first problem; returns -1. */
static int bad(struct apply *a, const char *key, const char *en, const char *ko)
{
    a->key = key;
    a->en = en;
    a->ko = ko;
    return -1;
}

/* Reads an integer in [lo, hi] into *out; -1 (with a message) otherwise. */
static int int_in(struct apply *a, const char *key, const struct hs_jval *v, int64_t lo, int64_t hi, int64_t *out)
{
    if (hs_jread_int(a->doc, v, out) < 0 || *out < lo || *out > hi)
        return bad(a, key, "must be an integer in the allowed range", "허용 범위 안의 정수여야 한다");
    return 0;
}

/* Reads true or false into *out; -1 (with a message) otherwise. */
static int bool_of(struct apply *a, const char *key, const struct hs_jval *v, int *out)
{
    if (v->type != HS_JTRUE && v->type != HS_JFALSE)
        return bad(a, key, "must be true or false", "true나 false여야 한다");
    *out = v->type == HS_JTRUE;
    return 0;
}

/* Replaces the items with the array arr of {id, name[, version, modified]}; returns 0 or -1. */
static int apply_items(struct apply *a, const struct hs_jval *arr)
{
    struct hs_server_state *s = a->s;
    struct hs_jval el, k, v;
    uint32_t pos = 0, n = 0;
    if (arr->type != HS_JARRAY)
        return bad(a, "items", "must be an array of {id, name}", "{id, name}의 배열이어야 한다");
    memset(s->items, 0, sizeof s->items);
    while (hs_jread_element(a->doc, arr, &pos, &el)) {
        struct hs_item it;
        uint32_t mpos = 0;
        int64_t x;
        memset(&it, 0, sizeof it);
        it.version = 1;
        it.modified = s->clock;
        if (el.type != HS_JOBJECT || n >= HS_SERVER_ITEMS)
            return bad(a, "items", "must be at most 16 objects {id, name}", "최대 16개의 {id, name} 객체여야 한다");
        while (hs_jread_member(a->doc, &el, &mpos, &k, &v)) {
            if (hs_jread_is(a->doc, &k, "id")) {
                if (int_in(a, "items.id", &v, 1, 0x7fffffff, &x) < 0)
                    return -1;
                it.id = (uint32_t)x;
            } else if (hs_jread_is(a->doc, &k, "name")) {
                int len = hs_jread_string(a->doc, &v, it.name, sizeof it.name);
                if (len <= 0)
                    return bad(a, "items.name", "must be a string of 1 to 64 bytes", "1~64바이트 문자열이어야 한다");
                it.name_len = (uint32_t)len;
            } else if (hs_jread_is(a->doc, &k, "version")) {
                if (int_in(a, "items.version", &v, 1, 0x7fffffff, &x) < 0)
                    return -1;
                it.version = (uint32_t)x;
            } else if (hs_jread_is(a->doc, &k, "modified")) {
                if (int_in(a, "items.modified", &v, 0, HS_HTTP_DATE_MAX, &x) < 0)
                    return -1;
                it.modified = x;
            } else if (!hs_jread_is(a->doc, &k, "etag") && !hs_jread_is(a->doc, &k, "lastModified"))
                return bad(a, "items", "an item has id, name, version and modified", "항목에는 id, name, version, modified만 있다");
        }
        if (!it.id || !it.name_len)
            return bad(a, "items", "every item needs an id and a name", "모든 항목에 id와 name이 있어야 한다");
        for (uint32_t i = 0; i < n; i++)
            if (s->items[i].id == it.id)
                return bad(a, "items.id", "ids must be unique", "id는 서로 달라야 한다");
        s->items[n++] = it;
    }
    return 0;
}

/* Replaces ids[0..max) with the array arr of ids; returns 0 or -1. */
static int apply_ids(struct apply *a, const struct hs_jval *arr, const char *key, uint32_t *ids, int max)
{
    struct hs_jval el;
    uint32_t pos = 0;
    int n = 0;
    int64_t x;
    if (arr->type != HS_JARRAY)
        return bad(a, key, "must be an array of ids", "id의 배열이어야 한다");
    memset(ids, 0, sizeof *ids * (size_t)max);
    while (hs_jread_element(a->doc, arr, &pos, &el)) {
        if (n >= max)
            return bad(a, key, "has too many entries", "항목이 너무 많다");
        if (int_in(a, key, &el, 1, 0x7fffffff, &x) < 0)
            return -1;
        ids[n++] = (uint32_t)x;
    }
    return 0;
}

/* Replaces the jobs with the array arr of {id, started}; returns 0 or -1. */
static int apply_jobs(struct apply *a, const struct hs_jval *arr)
{
    struct hs_server_state *s = a->s;
    struct hs_jval el, k, v;
    uint32_t pos = 0;
    int n = 0;
    int64_t x;
    if (arr->type != HS_JARRAY)
        return bad(a, "jobs", "must be an array of {id, started}", "{id, started}의 배열이어야 한다");
    memset(s->jobs, 0, sizeof s->jobs);
    while (hs_jread_element(a->doc, arr, &pos, &el)) {
        uint32_t mpos = 0;
        if (el.type != HS_JOBJECT || n >= HS_SERVER_JOBS)
            return bad(a, "jobs", "must be at most 8 objects {id, started}", "최대 8개의 {id, started} 객체여야 한다");
        s->jobs[n].started = s->clock;
        while (hs_jread_member(a->doc, &el, &mpos, &k, &v)) {
            if (hs_jread_is(a->doc, &k, "id")) {
                if (int_in(a, "jobs.id", &v, 1, 0x7fffffff, &x) < 0)
                    return -1;
                s->jobs[n].id = (uint32_t)x;
            } else if (hs_jread_is(a->doc, &k, "started")) {
                if (int_in(a, "jobs.started", &v, 0, HS_HTTP_DATE_MAX, &x) < 0)
                    return -1;
                s->jobs[n].started = x;
            } else if (!hs_jread_is(a->doc, &k, "done"))
                return bad(a, "jobs", "a job has id and started", "작업에는 id와 started만 있다");
        }
        if (!s->jobs[n].id)
            return bad(a, "jobs", "every job needs an id", "모든 작업에 id가 있어야 한다");
        n++;
    }
    return 0;
}

/* ---- the objects rateLimit, timeouts and limits ---- */

/* How a member of such an object is read. */
enum field_kind {
    F_U32,    /* an integer in [lo, hi] into a uint32_t */
    F_TIME,   /* an integer in [lo, hi] into an int64_t */
    F_BARE_LF /* a boolean into the HS_LENIENT_BARE_LF bit of the limits */
};

/* One member: its name, the key an error names, how it is read, its range
** and where it goes in struct hs_server_state. */
struct field {
    const char *name, *error_key;
    enum field_kind kind;
    int64_t lo, hi;
    size_t off;
};

/* One object of the state document: its key, its members and the sentence
** for a member it does not have. */
struct object {
    const char *key;
    const struct field *fields;
    size_t n_fields;
    const char *en, *ko;
};

#define AT(member) offsetof(struct hs_server_state, member)

static const struct field rate_fields[] = {
    { "limit", "limit", F_U32, 0, 1000000, AT(rate_limit) },
    { "window", "window", F_U32, 1, 86400, AT(rate_window) },
    { "used", "used", F_U32, 0, 1000000, AT(rate_used) },
    { "windowStart", "rateLimit.windowStart", F_TIME, 0, HS_HTTP_DATE_MAX, AT(rate_start) },
};
static const struct field timeout_fields[] = {
    { "request", "request", F_U32, 1, 86400, AT(request_timeout) },
    { "gateway", "gateway", F_U32, 1, 86400, AT(gateway_timeout) },
};
static const struct field limit_fields[] = {
    { "maxRequestLine", "maxRequestLine", F_U32, 16, 1 << 20, AT(limits.max_request_line) },
    { "maxTarget", "maxTarget", F_U32, 1, 1 << 20, AT(limits.max_target) },
    { "maxHeaderSection", "maxHeaderSection", F_U32, 16, 1 << 20, AT(limits.max_header_section) },
    { "maxHeaders", "maxHeaders", F_U32, 1, HS_REQUEST_MAX_HEADERS, AT(limits.max_headers) },
    { "maxBody", "maxBody", F_U32, 0, HS_SERVER_BODY_CAP, AT(limits.max_body) },
    { "bareLf", "limits.bareLf", F_BARE_LF, 0, 1, AT(limits.lenient) },
};

#define OBJECT(key, fields, en, ko) { key, fields, sizeof fields / sizeof *fields, en, ko }

static const struct object rate_object =
    OBJECT("rateLimit", rate_fields, "has limit, window, used and windowStart", "limit, window, used, windowStart만 있다");
static const struct object timeouts_object =
    OBJECT("timeouts", timeout_fields, "has request and gateway", "request와 gateway만 있다");
static const struct object limits_object =
    OBJECT("limits", limit_fields, "has maxRequestLine, maxTarget, maxHeaderSection, maxHeaders, maxBody and bareLf",
           "maxRequestLine, maxTarget, maxHeaderSection, maxHeaders, maxBody, bareLf만 있다");

/* Reads the value v of member f into the state. Returns 0 or -1. */
static int apply_field(struct apply *a, const struct field *f, const struct hs_jval *v)
{
    char *at = (char *)a->s + f->off;
    int64_t x;
    int b;
    if (f->kind == F_BARE_LF) {
        uint32_t *lenient = (uint32_t *)(void *)at;
        if (bool_of(a, f->error_key, v, &b) < 0)
            return -1;
        *lenient = b ? (*lenient | HS_LENIENT_BARE_LF) : (*lenient & ~(uint32_t)HS_LENIENT_BARE_LF);
        return 0;
    }
    if (int_in(a, f->error_key, v, f->lo, f->hi, &x) < 0)
        return -1;
    if (f->kind == F_TIME)
        *(int64_t *)(void *)at = x;
    else
        *(uint32_t *)(void *)at = (uint32_t)x;
    return 0;
}

/* Applies the object obj as o describes it, member by member; returns 0 or -1. */
static int apply_object(struct apply *a, const struct hs_jval *obj, const struct object *o)
{
    struct hs_jval k, v;
    uint32_t pos = 0;
    if (obj->type != HS_JOBJECT)
        return bad(a, o->key, "must be an object", "객체여야 한다");
    while (hs_jread_member(a->doc, obj, &pos, &k, &v)) {
        size_t i = 0;
        while (i < o->n_fields && !hs_jread_is(a->doc, &k, o->fields[i].name))
            i++;
        if (i == o->n_fields)
            return bad(a, o->key, o->en, o->ko);
        if (apply_field(a, &o->fields[i], &v) < 0)
            return -1;
    }
    return 0;
}

/* Applies one member of the top-level object. */
static int apply_member(struct apply *a, const struct hs_jval *kp, const struct hs_jval *vp)
{
    struct hs_server_state *s = a->s;
    struct hs_jval k = *kp, v = *vp;
    int64_t x;
    int b;
    if (hs_jread_is(a->doc, &k, "reset") || hs_jread_is(a->doc, &k, "date"))
        return 0; /* reset is applied first; date follows clock */
    if (hs_jread_is(a->doc, &k, "clock")) {
        if (int_in(a, "clock", &v, 0, HS_HTTP_DATE_MAX, &x) < 0)
            return -1;
        s->clock = x;
        return 0;
    }
    if (hs_jread_is(a->doc, &k, "advance")) {
        if (int_in(a, "advance", &v, 0, 10 * 365 * 86400LL, &x) < 0)
            return -1;
        s->clock = s->clock + x > HS_HTTP_DATE_MAX ? HS_HTTP_DATE_MAX : s->clock + x;
        return 0;
    }
    if (hs_jread_is(a->doc, &k, "maintenance")) {
        if (bool_of(a, "maintenance", &v, &b) < 0)
            return -1;
        a->maintenance = b; /* applied last: see hs_state_apply */
        return 0;
    }
    if (hs_jread_is(a->doc, &k, "maintenanceUntil")) {
        if (int_in(a, "maintenanceUntil", &v, 0, HS_HTTP_DATE_MAX, &x) < 0)
            return -1;
        s->maintenance_until = x;
        return 0;
    }
    if (hs_jread_is(a->doc, &k, "upstream")) {
        for (int i = 0; i < 3; i++)
            if (hs_jread_is(a->doc, &v, upstream_names[i])) {
                s->upstream = i;
                return 0;
            }
        return bad(a, "upstream", "must be \"healthy\", \"garbage\" or \"slow\"", "\"healthy\", \"garbage\", \"slow\" 중 하나여야 한다");
    }
    {
        uint32_t *dst = hs_jread_is(a->doc, &k, "exchanges") ? &s->exchanges
                      : hs_jread_is(a->doc, &k, "nextId") ? &s->next_id
                      : hs_jread_is(a->doc, &k, "nextJob") ? &s->next_job
                      : hs_jread_is(a->doc, &k, "capacity") ? &s->capacity : NULL;
        if (dst) {
            int64_t hi = dst == &s->capacity ? HS_SERVER_ITEMS : 0x7fffffff;
            if (int_in(a, "nextId, nextJob, capacity or exchanges", &v, dst == &s->exchanges || dst == &s->capacity ? 0 : 1, hi, &x) < 0)
                return -1;
            *dst = (uint32_t)x;
            return 0;
        }
    }
    if (hs_jread_is(a->doc, &k, "items"))
        return apply_items(a, &v);
    if (hs_jread_is(a->doc, &k, "gone"))
        return apply_ids(a, &v, "gone", s->gone, HS_SERVER_GONE);
    if (hs_jread_is(a->doc, &k, "jobs"))
        return apply_jobs(a, &v);
    if (hs_jread_is(a->doc, &k, "rateLimit"))
        return apply_object(a, &v, &rate_object);
    if (hs_jread_is(a->doc, &k, "timeouts"))
        return apply_object(a, &v, &timeouts_object);
    if (hs_jread_is(a->doc, &k, "limits"))
        return apply_object(a, &v, &limits_object);
    return bad(a, "", "is not a part of the server state", "서버 상태에 없는 항목이다");
}

/* See exchange.h. */
int hs_state_apply(struct hs_server_state *live, const char *in, size_t len, struct hs_state_error *e)
{
    struct hs_server_state s = *live;
    struct apply a = { in, &s, "", "", "", -1 };
    struct hs_jval root, k, v;
    uint32_t err, pos = 0;
    e->key_off = e->key_len = 0;
    if (hs_jread_doc(in, len, &root, &err) < 0 || root.type != HS_JOBJECT) {
        bad(&a, "", "The state must be a JSON object.", "상태는 JSON 객체여야 한다.");
        goto fail;
    }
    while (hs_jread_member(in, &root, &pos, &k, &v))
        if (hs_jread_is(in, &k, "reset")) {
            if (v.type == HS_JTRUE)
                hs_state_init(&s);
            else if (v.type != HS_JFALSE) {
                bad(&a, "reset", "must be true or false", "true나 false여야 한다");
                goto fail;
            }
        }
    pos = 0;
    while (hs_jread_member(in, &root, &pos, &k, &v))
        if (apply_member(&a, &k, &v) < 0) {
            if (!*a.key) {
                /* the unknown member names itself */
                e->key_off = k.off + 1;
                e->key_len = k.len - 2;
            }
            goto fail;
        }
    /* "maintenance" wins over a "maintenanceUntil" that disagrees with it,
    ** whatever their order: {...state, maintenance: true} must turn it on */
    if (a.maintenance == 0)
        s.maintenance_until = 0;
    else if (a.maintenance == 1 && s.maintenance_until <= s.clock)
        s.maintenance_until = s.clock + 120;
    *live = s;
    return 0;
fail:
    e->key = a.key;
    e->en = a.en;
    e->ko = a.ko;
    return -1;
}
