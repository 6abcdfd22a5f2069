/*
** app.c — the virtual application: the article's Flask routes, done right.
** Each handler runs after the server-wide rules (rules.c) passed, and
** explains its own decision in the trace.
**
** Decisions where the RFCs leave a choice (each is in the trace when it
** applies):
**  - Content the route cannot read at all (not JSON, not an object, `name`
**    missing or not a string) is 400: the request is malformed for this
**    route (RFC 9110 §15.5.1); the article's /submit answers 400 for a
**    missing name and so does every JSON route here. A well-formed request
**    whose values break a rule (`name` empty, over 64 bytes, or holding
**    control characters) is 422 (§15.5.21). One rule: the shape decides 400,
**    the values decide 422, the store's current state decides 409.
**  - DELETE of an item deleted before is 410, not 404: the server remembers
**    the last 16 deleted ids and knows they are gone for good (§15.5.11);
**    ids are never reused. An id it never had is 404.
**  - A successful PUT is 204: the server keeps the name, not the bytes the
**    client sent, so it must not send a validator (§9.3.4), and it has
**    nothing else to say. PUT never creates: ids are assigned by POST /items.
**  - Range requests on an item: one range is served as 206; several ranges
**    are ignored (a full 200), as §14.2 allows; an unsatisfiable range is 416.
*/
#include "endpoints.h"
#include "core/hs.h"

#include "core/digest.h"
#include "http/httpdate.h"
#include "core/json.h"
#include "core/jsonread.h"

#include <string.h>

/* Writes the member "message" in the language of the exchange. */
static void msg(struct hs_ctx *c, struct hs_json *j, const char *en, const char *ko)
{
    hs_json_key(j, "message");
    hs_json_str(j, hs_text_of(c, en, ko));
}

/* Finishes JSON content in c->res; with_lang adds Content-Language and Vary. */
static void json_done(struct hs_ctx *c, struct hs_json *j, int with_lang)
{
    hs_response_json_end(c->res, j, NULL);
    if (with_lang)
        hs_content_language(c);
}

/* ---- items ------------------------------------------------------------------ */

/* Returns 1 if id was deleted and is still remembered (410). */
static int is_gone(const struct hs_server_state *s, uint32_t id)
{
    for (int i = 0; i < HS_SERVER_GONE; i++)
        if (s->gone[i] == id)
            return 1;
    return 0;
}

/* Returns the number of items in the store. */
static int item_count(const struct hs_server_state *s)
{
    int n = 0;
    for (int i = 0; i < HS_SERVER_ITEMS; i++)
        n += s->items[i].id != 0;
    return n;
}

/* Writes the representation of an item: {"id", "name"}. */
static void item_json(struct hs_json *j, const struct hs_item *it)
{
    hs_json_obj(j);
    hs_json_key(j, "id");
    hs_json_int(j, it->id);
    hs_json_key(j, "name");
    hs_json_strn(j, it->name, it->name_len);
    hs_json_obj_end(j);
}

/* The name a JSON body carries, after the rules of the header comment.
** Returns 0 with name/len set, or decides 400/422 and returns -1. */
static int read_name(struct hs_ctx *c, char *name, size_t *len)
{
    struct hs_jval root, k, v, found = { HS_JNONE, 0, 0 };
    uint32_t err, pos = 0;
    int count = 0, n;
    if (hs_jread_doc(c->body, c->body_len, &root, &err) < 0) {
        hs_trace(c, "handler", "RFC 8259 §2", 400,
                 "The content is not valid JSON (the problem is at content byte {0}): the server cannot read the request at all, 400.",
                 KO(READ_NAME_1),
                 HS_ARGS(hs_trace_num(c, err)));
        hs_problem(c, 400, "The content is not valid JSON.", KO(READ_NAME_2));
        return -1;
    }
    if (root.type != HS_JOBJECT) {
        hs_trace(c, "handler", "RFC 9110 §15.5.1", 400,
                 "The content is JSON but not an object, so it has no name member: 400. (The article's handler would crash here with a 500: `'name' in None` raises.)",
                 KO(READ_NAME_3),
                 HS_NOARGS);
        hs_problem(c, 400, "The content must be a JSON object with a name.", KO(READ_NAME_4));
        return -1;
    }
    while (hs_jread_member(c->body, &root, &pos, &k, &v))
        if (hs_jread_is(c->body, &k, "name")) {
            found = v;
            count++;
        }
    if (count != 1 || found.type != HS_JSTRING) {
        const char *en = count == 0 ? "The JSON object has no name member"
                       : count > 1 ? "The JSON object has name twice, which makes it ambiguous (RFC 8259 §4 says names SHOULD be unique)"
                                   : "name is not a string";
        const char *ko = count == 0 ? KO(READ_NAME_5)
                       : count > 1 ? KO(READ_NAME_6)
                                   : KO(READ_NAME_7);
        hs_trace(c, "handler", "RFC 9110 §15.5.1", 400,
                 "{0}. The shape of the request is wrong, so this server answers 400 (422 is kept for a well-formed name with a bad value).",
                 KO(READ_NAME_8),
                 HS_ARGS(hs_cstr(en), hs_cstr(ko)));
        hs_problem(c, 400, count == 0 ? "name is required." : "name must be a single string.",
                   count == 0 ? KO(READ_NAME_9) : KO(READ_NAME_10));
        return -1;
    }
    n = hs_jread_string(c->body, &found, name, HS_SERVER_NAME_MAX);
    {
        int blank = 1, ctl = 0;
        for (int i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)name[i];
            blank &= ch == ' ' || ch == '\t';
            ctl |= ch < 0x20 || ch == 0x7F;
        }
        if (n <= 0 || blank || ctl) {
            const char *en = n < 0 ? "longer than 64 bytes" : ctl ? "holds control characters" : "empty";
            const char *ko = n < 0 ? KO(READ_NAME_11) : ctl ? KO(READ_NAME_12) : KO(READ_NAME_13);
            hs_trace(c, "handler", "RFC 9110 §15.5.21", 422,
                     "The request is well-formed JSON with a string name, but the name is {0}: the server understood it and cannot process it, 422.",
                     KO(READ_NAME_14),
                     HS_ARGS(hs_cstr(en), hs_cstr(ko)));
            hs_problem(c, 422, "name must be 1 to 64 bytes of text without control characters.",
                       KO(READ_NAME_15));
            return -1;
        }
    }
    *len = (size_t)n;
    return 0;
}

/* Returns the item other than self named name[0..n), or NULL. */
static const struct hs_item *same_name(const struct hs_server_state *s, const char *name, size_t n, uint32_t self)
{
    for (int i = 0; i < HS_SERVER_ITEMS; i++) {
        const struct hs_item *it = &s->items[i];
        if (it->id && it->id != self && it->name_len == n && memcmp(it->name, name, n) == 0)
            return it;
    }
    return NULL;
}

/* Returns 1 (409 decided) if another item than self is named name[0..n), else 0. */
static int conflict(struct hs_ctx *c, const char *name, size_t n, uint32_t self)
{
    const struct hs_item *other = same_name(c->s, name, n, self);
    if (!other)
        return 0;
    hs_trace(c, "handler", "RFC 9110 §15.5.10", 409,
             "Item {0} already has the name \"{1}\" and names are unique in this store: the request conflicts with the current state, 409.",
             KO(CONFLICT_1),
             HS_ARGS(hs_trace_num(c, other->id), ((struct hs_str){ name, n })));
    hs_problem(c, 409, "Another item already has this name.", KO(CONFLICT_2));
    return 1;
}

/* GET /items: the collection. */
static void items_get(struct hs_ctx *c)
{
    struct hs_json j;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "items");
    hs_json_arr(&j);
    for (int i = 0; i < HS_SERVER_ITEMS; i++)
        if (c->s->items[i].id)
            item_json(&j, &c->s->items[i]);
    hs_json_arr_end(&j);
    hs_json_obj_end(&j);
    json_done(c, &j, 0);
    hs_trace(c, "handler", "RFC 9110 §9.3.1", 200, "The collection lists {0} items: 200.", KO(ITEMS_GET_1),
             HS_ARGS(hs_trace_num(c, item_count(c->s))));
}

/* POST /items: creates an item (201), or decides 400/409/422/507. */
static void items_post(struct hs_ctx *c)
{
    struct hs_server_state *s = c->s;
    char name[HS_SERVER_NAME_MAX], loc[32] = "/items/";
    size_t n, ln = 7;
    struct hs_item *slot = NULL;
    struct hs_json j;
    if (read_name(c, name, &n) < 0 || conflict(c, name, n, 0))
        return;
    for (int i = 0; i < HS_SERVER_ITEMS && !slot; i++)
        if (!s->items[i].id)
            slot = &s->items[i];
    if (!slot || item_count(s) >= (int)s->capacity) {
        hs_trace(c, "handler", "RFC 4918 §11.5", 507,
                 "The store holds {0} items, its capacity: the server cannot store the new one, 507 Insufficient Storage. (Storage is a server condition, so it is a 5xx, not a client error.)",
                 KO(ITEMS_POST_1),
                 HS_ARGS(hs_trace_num(c, s->capacity)));
        hs_problem(c, 507, "The item store is full.", KO(ITEMS_POST_2));
        return;
    }
    while (!s->next_id || hs_item_find(s, s->next_id) || is_gone(s, s->next_id))
        s->next_id = s->next_id >= 0x7fffffff ? 1 : s->next_id + 1;
    slot->id = s->next_id++;
    slot->version = 1;
    slot->modified = s->clock;
    slot->name_len = (uint32_t)n;
    memcpy(slot->name, name, n);
    {
        struct hs_str id = hs_trace_num(c, slot->id);
        memcpy(loc + ln, id.p, id.n);
        ln += id.n;
        hs_status(c, 201);
        hs_response_field(c->res, "Location", loc, ln);
        hs_response_json_begin(c->res, &j);
        item_json(&j, slot);
        json_done(c, &j, 0);
        hs_trace(c, "handler", "RFC 9110 §15.3.2", 201,
                 "Created item {0}: 201, with Location: {1} naming the new resource and its representation as content.",
                 KO(ITEMS_POST_3),
                 HS_ARGS(id, ((struct hs_str){ loc, ln })));
    }
}

/* The handler of /items. */
static void items(struct hs_ctx *c)
{
    if (c->method == M_POST)
        items_post(c);
    else
        items_get(c);
}

/* Finds /items/{id}: 0 with validators, or 404/410 decided. */
static int item_locate(struct hs_ctx *c, struct hs_validators *v)
{
    struct hs_item *it = hs_item_find(c->s, (uint32_t)c->param);
    if (!it) {
        if (is_gone(c->s, (uint32_t)c->param)) {
            hs_trace(c, "locate", "RFC 9110 §15.5.11", 410,
                     "Item {0} was deleted, and the server remembers it: it is gone for good and its id will not be reused, so 410 rather than 404. Clients may drop links to it.",
                     KO(ITEM_LOCATE_1),
                     HS_ARGS(hs_trace_num(c, c->param)));
            hs_problem(c, 410, "This item was deleted and will not come back.", KO(ITEM_LOCATE_2));
            return 410;
        }
        hs_trace(c, "locate", "RFC 9110 §15.5.5", 404,
                 "There is no item {0} and the server has no record of one: 404.",
                 KO(ITEM_LOCATE_3), HS_ARGS(hs_trace_num(c, c->param)));
        hs_problem(c, 404, "There is no item with this id.", KO(ITEM_LOCATE_4));
        return 404;
    }
    { /* the tag is kept in the trace arena, which lives as long as the exchange */
        char tag[32];
        size_t n = hs_item_etag(it, tag);
        struct hs_str kept = { c->x->text + c->x->text_len, 0 };
        if (c->x->text_len + n <= sizeof c->x->text) {
            memcpy(c->x->text + c->x->text_len, tag, n);
            c->x->text_len += (uint32_t)n;
            kept.n = n;
        }
        v->etag = kept.p;
        v->etag_len = kept.n;
    }
    v->modified = it->modified;
    return 0;
}

/* Parses Range for a representation of len bytes. Returns 1 with [*first,
** *last] for one satisfiable range, 0 to ignore Range (absent, other unit,
** several ranges, bad syntax), -1 when unsatisfiable. */
static int parse_range(const char *v, size_t n, uint32_t len, uint32_t *first, uint32_t *last)
{
    size_t i = 6;
    uint64_t a = 0, b = 0;
    int has_a = 0, has_b = 0;
    if (n < 7 || !hs_ieq(v, 6, "bytes="))
        return 0;
    for (size_t k = i; k < n; k++)
        if (v[k] == ',')
            return 0;
    while (i < n && v[i] >= '0' && v[i] <= '9' && a < 1000000000000ull)
        a = a * 10 + (uint64_t)(v[i++] - '0'), has_a = 1;
    if (i >= n || v[i] != '-')
        return 0;
    i++;
    while (i < n && v[i] >= '0' && v[i] <= '9' && b < 1000000000000ull)
        b = b * 10 + (uint64_t)(v[i++] - '0'), has_b = 1;
    if (i != n || (!has_a && !has_b) || (has_a && has_b && b < a))
        return 0;
    if (!has_a) { /* suffix: the last b bytes */
        if (b == 0 || len == 0)
            return -1;
        *first = b >= len ? 0 : len - (uint32_t)b;
        *last = len - 1;
        return 1;
    }
    if (a >= len)
        return -1;
    *first = (uint32_t)a;
    *last = !has_b || b >= len ? len - 1 : (uint32_t)b;
    return 1;
}

/* Decides the Range of a GET on item it, whose representation is already in
** c->res with the ETag etag (en bytes) (RFC 9110 §13.1.5, §14.2). Returns 1
** with *first, *last set for one satisfiable range, -1 for an unsatisfiable
** one, 0 when the whole item is sent (no Range, If-Range not matching, or a
** Range this server ignores). */
static int item_range(struct hs_ctx *c, const struct hs_item *it, const char *etag, size_t en,
                      uint32_t *first, uint32_t *last)
{
    size_t rn = 0, irn;
    const char *rv = c->method == M_GET ? hs_field(c, "Range", &rn) : NULL;
    const char *ir;
    int64_t t;
    int if_range_ok, range = 0;
    if (!rv)
        return 0;
    ir = hs_field(c, "If-Range", &irn);
    if_range_ok = !ir || (irn > 0 && ir[0] == '"' ? (irn == en && memcmp(ir, etag, en) == 0)
                                                  : (hs_http_date_parse(ir, irn, c->s->clock, &t) == 0 && t == it->modified));
    if (!if_range_ok) {
        hs_trace(c, "range", "RFC 9110 §13.1.5", 0,
                 "If-Range does not match the current representation, so the Range is ignored and the whole item is sent.",
                 KO(ITEM_RANGE_1), HS_NOARGS);
    } else
        range = parse_range(rv, rn, c->res->body_len, first, last);
    if (if_range_ok && range == 0)
        hs_trace(c, "range", "RFC 9110 §14.2", 0,
                 "The Range field is not one byte range this server serves (another unit, several ranges or bad syntax); a server may ignore it, so the whole item is sent.",
                 KO(ITEM_RANGE_2),
                 HS_NOARGS);
    return range;
}

/* Appends s to cr at *k; the caller guarantees the room. */
static void append(char *cr, size_t *k, struct hs_str s)
{
    memcpy(cr + *k, s.p, s.n);
    *k += s.n;
}

/* Replaces the item's 200 in c->res with 416 and a Content-Range giving its length
** (RFC 9110 §15.5.17). */
static void range_unsatisfiable(struct hs_ctx *c)
{
    char cr[64];
    size_t k = 0;
    struct hs_str total = hs_trace_num(c, c->res->body_len);
    append(cr, &k, (struct hs_str){ "bytes */", 8 });
    append(cr, &k, total);
    hs_response_init(c->res, 416);
    hs_response_field(c->res, "Content-Range", cr, k);
    hs_trace(c, "range", "RFC 9110 §15.5.17", 416,
             "The range starts past the end of the {0}-byte representation: 416, with Content-Range: bytes */{0} giving the current length.",
             KO(RANGE_UNSATISFIABLE_1),
             HS_ARGS(total));
    hs_problem(c, 416, "The requested range is outside the representation.", KO(RANGE_UNSATISFIABLE_2));
}

/* Cuts the item's 200 in c->res to bytes first..last (the caller checked
** first <= last < body_len) and makes it a 206 with Content-Range (RFC 9110
** §15.3.7). */
static void range_partial(struct hs_ctx *c, uint32_t first, uint32_t last)
{
    char cr[64];
    size_t k = 0;
    struct hs_str f = hs_trace_num(c, first), l = hs_trace_num(c, last), t = hs_trace_num(c, c->res->body_len);
    append(cr, &k, (struct hs_str){ "bytes ", 6 });
    append(cr, &k, f);
    cr[k++] = '-';
    append(cr, &k, l);
    cr[k++] = '/';
    append(cr, &k, t);
    memmove(c->res->body, c->res->body + first, last - first + 1);
    c->res->body_len = last - first + 1;
    c->res->status = 206;
    hs_response_field(c->res, "Content-Range", cr, k);
    hs_trace(c, "range", "RFC 9110 §15.3.7", 206,
             "One satisfiable range: 206 with bytes {0}-{1} of {2} and Content-Range saying which.",
             KO(RANGE_PARTIAL_1),
             HS_ARGS(f, l, t));
}

/* GET /items/{id}: 200 with validators, 206 or 416 for a Range. The caller guarantees it exists. */
static void item_get(struct hs_ctx *c, struct hs_item *it)
{
    struct hs_json j;
    char etag[32], date[HS_HTTP_DATE_LEN];
    size_t en = hs_item_etag(it, etag);
    uint32_t first = 0, last = 0;
    int range;
    hs_status(c, 200);
    hs_response_field(c->res, "ETag", etag, en);
    hs_http_date_format(it->modified, date);
    hs_response_field(c->res, "Last-Modified", date, sizeof date);
    hs_response_field_str(c->res, "Accept-Ranges", "bytes");
    hs_response_json_begin(c->res, &j);
    item_json(&j, it);
    json_done(c, &j, 0);
    range = item_range(c, it, etag, en, &first, &last);
    if (range < 0) {
        range_unsatisfiable(c);
        return;
    }
    if (range > 0) {
        range_partial(c, first, last);
        return;
    }
    hs_trace(c, "handler", "RFC 9110 §8.8", 200,
             "Item {0}: 200 with ETag and Last-Modified, the validators a client sends back in If-None-Match / If-Modified-Since / If-Match.",
             KO(ITEM_GET_1),
             HS_ARGS(hs_trace_num(c, it->id)));
}

/* PUT /items/{id}: replaces the name (204), or decides 400/409/422. The caller guarantees it exists. */
static void item_put(struct hs_ctx *c, struct hs_item *it)
{
    char name[HS_SERVER_NAME_MAX];
    size_t n;
    if (read_name(c, name, &n) < 0 || conflict(c, name, n, it->id))
        return;
    memcpy(it->name, name, n);
    it->name_len = (uint32_t)n;
    it->version++;
    it->modified = c->s->clock;
    hs_status(c, 204);
    hs_trace(c, "handler", "RFC 9110 §9.3.4", 204,
             "Item {0} replaced (version {1}). 200 and 204 are both right for a PUT that modified a resource; this server sends 204: it stores the name, not the exact bytes sent, so it must not send a validator, and there is nothing else to say.",
             KO(ITEM_PUT_1),
             HS_ARGS(hs_trace_num(c, it->id), hs_trace_num(c, it->version)));
}

/* DELETE /items/{id}: 204, and the id is remembered for 410. The caller guarantees it exists. */
static void item_delete(struct hs_ctx *c, struct hs_item *it)
{
    struct hs_server_state *s = c->s;
    uint32_t id = it->id;
    memset(it, 0, sizeof *it);
    if (s->gone[HS_SERVER_GONE - 1]) /* forget the oldest */
        memmove(s->gone, s->gone + 1, sizeof s->gone - sizeof s->gone[0]), s->gone[HS_SERVER_GONE - 1] = 0;
    for (int i = 0; i < HS_SERVER_GONE; i++)
        if (!s->gone[i]) {
            s->gone[i] = id;
            break;
        }
    hs_status(c, 204);
    hs_trace(c, "handler", "RFC 9110 §9.3.5", 204,
             "Item {0} deleted: 204, nothing to send back. The server remembers the id, so asking for it again gives 410 Gone.",
             KO(ITEM_DELETE_1),
             HS_ARGS(hs_trace_num(c, id)));
}

/* The handler of /items/{id} (item_locate decided 404/410 already). */
static void item(struct hs_ctx *c)
{
    struct hs_item *it = hs_item_find(c->s, (uint32_t)c->param);
    if (!it)
        return; /* item_locate decided */
    if (c->method == M_PUT)
        item_put(c, it);
    else if (c->method == M_DELETE)
        item_delete(c, it);
    else
        item_get(c, it);
}

/* ---- the rest of the routes ------------------------------------------------------ */

/* Writes the member "routes": every route with its Allow value. */
static void index_json(struct hs_ctx *c, struct hs_json *j)
{
    char allow[96];
    hs_json_key(j, "routes");
    hs_json_arr(j);
    for (int i = 0; i < c->app->n_routes; i++) {
        const struct hs_route *r = &c->app->routes[i];
        if (r->flags & R_ASTERISK)
            continue;
        hs_json_obj(j);
        hs_json_key(j, "path");
        hs_json_str(j, r->pattern);
        hs_json_key(j, "allow");
        hs_json_strn(j, allow, hs_allow(r->methods, allow, sizeof allow));
        hs_json_obj_end(j);
    }
    hs_json_arr_end(j);
    (void)c;
}

#define INDEX_ETAG "\"index-1\""              /* the index changes only with the route table */
#define INDEX_MODIFIED (HS_SERVER_EPOCH - 86400) /* and so has one fixed Last-Modified */

/* Finds / with its validators, so GET / honours conditionals (Http11Probe asks it). */
static int root_locate(struct hs_ctx *c, struct hs_validators *v)
{
    (void)c;
    v->etag = INDEX_ETAG;
    v->etag_len = sizeof INDEX_ETAG - 1;
    v->modified = INDEX_MODIFIED;
    return 0;
}

/* GET / (the index, with ETag and Last-Modified) and POST / (its content
** echoed back as text/plain, as Http11Probe expects of a target). */
static void root(struct hs_ctx *c)
{
    struct hs_json j;
    char date[HS_HTTP_DATE_LEN];
    hs_status(c, 200);
    if (c->method == M_POST) {
        if (c->body_len > HS_RESPONSE_BODY) {
            hs_trace(c, "handler", "RFC 9110 §15.5.14", 413,
                     "POST / echoes its content, and {0} bytes are more than the {1} a response of this server holds: 413.",
                     KO(ROOT_1),
                     HS_ARGS(hs_trace_num(c, c->body_len), hs_trace_num(c, HS_RESPONSE_BODY)));
            hs_problem(c, 413, "POST / echoes at most 6144 bytes.", KO(ROOT_2));
            return;
        }
        hs_response_content(c->res, "text/plain", c->body, c->body_len);
        hs_trace(c, "handler", "RFC 9110 §9.3.3", 200, "POST / echoes the {0} bytes of content it received, as text/plain.",
                 KO(ROOT_3), HS_ARGS(hs_trace_num(c, c->body_len)));
        return;
    }
    hs_response_field_str(c->res, "ETag", INDEX_ETAG);
    hs_http_date_format(INDEX_MODIFIED, date);
    hs_response_field(c->res, "Last-Modified", date, sizeof date);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    index_json(c, &j);
    hs_json_obj_end(&j);
    json_done(c, &j, 0);
    hs_trace(c, "handler", "RFC 9110 §9.3.1", 200, "The index of this server's routes, with ETag and Last-Modified: 200.",
             KO(ROOT_4), HS_NOARGS);
}

/* GET /success: 200. */
static void success(struct hs_ctx *c)
{
    struct hs_json j;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    msg(c, &j, "The request succeeded.", KO(SUCCESS_1));
    hs_json_obj_end(&j);
    json_done(c, &j, 1);
    hs_trace(c, "handler", "RFC 9110 §15.3.1", 200, "Nothing to refuse: 200 with a JSON body.", KO(SUCCESS_2), HS_NOARGS);
}

/* POST /submit, the article's first case: 200 with a name, else 400/422. */
static void submit(struct hs_ctx *c)
{
    char name[HS_SERVER_NAME_MAX];
    size_t n;
    struct hs_json j;
    if (read_name(c, name, &n) < 0)
        return;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "name");
    hs_json_strn(&j, name, n);
    msg(c, &j, "The data was submitted.", KO(SUBMIT_1));
    hs_json_obj_end(&j);
    json_done(c, &j, 1);
    hs_trace(c, "handler", "RFC 9110 §15.3.1", 200, "The JSON object has a name: 200.", KO(SUBMIT_2), HS_NOARGS);
}

/* POST /jobs: 202 with a status monitor in Location. */
static void jobs_post(struct hs_ctx *c)
{
    struct hs_server_state *s = c->s;
    struct hs_job *slot = &s->jobs[0];
    char loc[32] = "/jobs/";
    size_t ln = 6;
    struct hs_json j;
    struct hs_str id;
    for (int i = 0; i < HS_SERVER_JOBS; i++) {
        if (!s->jobs[i].id) {
            slot = &s->jobs[i];
            break;
        }
        if (s->jobs[i].started < slot->started)
            slot = &s->jobs[i]; /* the oldest makes room */
    }
    slot->id = s->next_job ? s->next_job : 1;
    s->next_job = slot->id >= 0x7fffffff ? 1 : slot->id + 1;
    slot->started = s->clock;
    id = hs_trace_num(c, slot->id);
    memcpy(loc + ln, id.p, id.n);
    ln += id.n;
    hs_status(c, 202);
    hs_response_field(c->res, "Location", loc, ln);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "id");
    hs_json_int(&j, slot->id);
    hs_json_key(&j, "monitor");
    hs_json_strn(&j, loc, ln);
    msg(c, &j, "The job was accepted; follow the monitor for its state.", KO(JOBS_POST_1));
    hs_json_obj_end(&j);
    json_done(c, &j, 1);
    hs_trace(c, "handler", "RFC 9110 §15.3.3", 202,
             "Job {0} is accepted but not done (it takes {1} virtual seconds): 202, with Location: {2}, a status monitor the client can poll.",
             KO(JOBS_POST_2),
             HS_ARGS(id, hs_trace_num(c, HS_SERVER_JOB_SECONDS), ((struct hs_str){ loc, ln })));
}

/* Finds /jobs/{id}: 0, or 404 decided. */
static int job_locate(struct hs_ctx *c, struct hs_validators *v)
{
    (void)v;
    for (int i = 0; i < HS_SERVER_JOBS; i++)
        if (c->s->jobs[i].id == (uint32_t)c->param)
            return 0;
    hs_trace(c, "locate", "RFC 9110 §15.5.5", 404, "There is no job {0}: 404.", KO(JOB_LOCATE_1),
             HS_ARGS(hs_trace_num(c, c->param)));
    hs_problem(c, 404, "There is no job with this id.", KO(JOB_LOCATE_2));
    return 404;
}

/* GET /jobs/{id}: the monitor, 200 with the job's state. */
static void job(struct hs_ctx *c)
{
    const struct hs_job *jb = NULL;
    struct hs_json j;
    int64_t left;
    for (int i = 0; i < HS_SERVER_JOBS; i++)
        if (c->s->jobs[i].id == (uint32_t)c->param)
            jb = &c->s->jobs[i];
    if (!jb)
        return;
    left = jb->started + HS_SERVER_JOB_SECONDS - c->s->clock;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "id");
    hs_json_int(&j, jb->id);
    hs_json_key(&j, "state");
    hs_json_str(&j, left > 0 ? "running" : "done");
    if (left > 0) {
        hs_json_key(&j, "secondsLeft");
        hs_json_int(&j, left);
    }
    hs_json_obj_end(&j);
    json_done(c, &j, 0);
    hs_trace(c, "handler", "RFC 9110 §15.3.3", 200,
             left > 0 ? "The monitor reports job {0} still running ({1} s left): 200 with its state." : "The monitor reports job {0} done: 200.",
             left > 0 ? KO(JOB_1) : KO(JOB_2),
             HS_ARGS(hs_trace_num(c, jb->id), hs_trace_num(c, left)));
}

/* Redirects: the article's routes, with a Location a client can follow.
** One row per route: its status, Location, the rule and the trace. */
static const struct redirect {
    const char *pattern;
    int status;
    const char *location, *rule, *en;
    int ko;                     /* enum hs_ko_id */
} redirects[] = {
    /* GET|POST /moved-permanently: 301. */
    { "/moved-permanently", 301, "/success", "RFC 9110 §15.4.2",
      "Moved for good to {0}: 301 with Location. Clients may update links; browsers turn a POST into a GET when following it.",
      HS_KO_REDIRECT_301 },
    /* GET|POST /found: 302. */
    { "/found", 302, "/success", "RFC 9110 §15.4.3",
      "Temporarily at {0}: 302 with Location; keep using this URI. Browsers turn a POST into a GET when following it.",
      HS_KO_REDIRECT_302 },
    /* POST /form: 303 to the result. */
    { "/form", 303, "/success", "RFC 9110 §15.4.4",
      "The form was processed; the result is at {0}: 303 See Other, so the client fetches it with GET (reloading will not resubmit the form).",
      HS_KO_REDIRECT_303 },
    /* GET|POST /temporary-redirect: 307. */
    { "/temporary-redirect", 307, "/", "RFC 9110 §15.4.8",
      "Temporarily at {0}: 307 keeps the method and content, so a POST is repeated as a POST there.",
      HS_KO_REDIRECT_307 },
    /* GET|POST /permanent-redirect: 308. */
    { "/permanent-redirect", 308, "/", "RFC 9110 §15.4.9",
      "Moved for good to {0}: 308 is 301 without the method change, so a POST stays a POST.",
      HS_KO_REDIRECT_308 },
};

/* The handler of every route in redirects[]: the row of c->route's pattern. */
static void redirect(struct hs_ctx *c)
{
    for (size_t i = 0; i < sizeof redirects / sizeof *redirects; i++) {
        const struct redirect *r = &redirects[i];
        if (strcmp(r->pattern, c->route->pattern) != 0)
            continue;
        hs_status(c, r->status);
        hs_response_field_str(c->res, "Location", r->location);
        hs_response_content(c->res, NULL, "", 0);
        hs_trace(c, "handler", r->rule, r->status, r->en, hs_ko(r->ko), HS_ARGS(hs_cstr(r->location)));
        return;
    }
}

/* GET /profile, the article's second case (the auth step decided 401). */
static void profile(struct hs_ctx *c)
{
    struct hs_json j;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "user");
    hs_json_str(&j, c->role == 2 ? "admin" : "user");
    msg(c, &j, "Your profile.", KO(PROFILE_1));
    hs_json_obj_end(&j);
    json_done(c, &j, 1);
    hs_trace(c, "handler", "RFC 9110 §15.3.1", 200, "The profile of the authenticated user: 200.", KO(PROFILE_2), HS_NOARGS);
}

/* GET /admin, the article's third case (the auth step decided 401/403). */
static void admin(struct hs_ctx *c)
{
    struct hs_json j;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "items");
    hs_json_int(&j, item_count(c->s));
    hs_json_key(&j, "exchanges");
    hs_json_int(&j, c->s->exchanges);
    msg(c, &j, "Admin dashboard.", KO(ADMIN_1));
    hs_json_obj_end(&j);
    json_done(c, &j, 1);
    hs_trace(c, "handler", "RFC 9110 §15.3.1", 200, "An admin may see the dashboard: 200.", KO(ADMIN_2), HS_NOARGS);
}

/* Returns 1 if the query holds the pair key=value exactly. */
static int query_has(const struct hs_ctx *c, const char *pair)
{
    const char *q = c->in + c->req->query.off;
    size_t n = c->req->query.len, k = strlen(pair), i = 0;
    while (i <= n) {
        size_t e = i;
        while (e < n && q[e] != '&')
            e++;
        if (e - i == k && memcmp(q + i, pair, k) == 0)
            return 1;
        i = e + 1;
    }
    return 0;
}

/* GET /process, the article's fifth case: 200, or 500 for ?fail=1. */
static void process(struct hs_ctx *c)
{
    struct hs_json j;
    if (query_has(c, "fail=1")) {
        hs_trace(c, "handler", "RFC 9110 §15.6.1", 500,
                 "The handler raised an exception (simulated by ?fail=1). The server logs it and answers 500 with a generic message: no stack trace, no exception text, nothing about its internals reaches the client.",
                 KO(PROCESS_1),
                 HS_NOARGS);
        hs_problem(c, 500, "The server failed to process the request. The error was logged.",
                   KO(PROCESS_2));
        return;
    }
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "result");
    hs_json_str(&j, "done");
    msg(c, &j, "Processing finished.", KO(PROCESS_3));
    hs_json_obj_end(&j);
    json_done(c, &j, 1);
    hs_trace(c, "handler", "RFC 9110 §15.3.1", 200, "Processing succeeded: 200. (Add ?fail=1 to make the handler raise.)",
             KO(PROCESS_4), HS_NOARGS);
}

/* GET /proxy: a gateway to the simulated upstream: 200, 502 or 504. */
static void proxy(struct hs_ctx *c)
{
    struct hs_json j;
    if (c->s->upstream == HS_UPSTREAM_GARBAGE) {
        hs_trace(c, "handler", "RFC 9110 §15.6.3", 502,
                 "The server is a gateway here. The upstream answered \"HTPT/1.1 2OO 0K\", which is not an HTTP response: the gateway got an invalid response, 502.",
                 KO(PROXY_1),
                 HS_NOARGS);
        hs_problem(c, 502, "The upstream server sent an invalid response.", KO(PROXY_2));
        return;
    }
    if (c->s->upstream == HS_UPSTREAM_SLOW) {
        c->s->clock += c->s->gateway_timeout;
        hs_trace(c, "handler", "RFC 9110 §15.6.5", 504,
                 "The gateway waited {0} s of virtual time for the upstream, which never answered: 504. (The Date of the response shows the wait.)",
                 KO(PROXY_3),
                 HS_ARGS(hs_trace_num(c, c->s->gateway_timeout)));
        hs_problem(c, 504, "The upstream server did not answer in time.", KO(PROXY_4));
        return;
    }
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "upstream");
    hs_json_str(&j, "healthy");
    hs_json_key(&j, "data");
    hs_json_obj(&j);
    hs_json_key(&j, "temperature");
    hs_json_int(&j, 21);
    hs_json_obj_end(&j);
    hs_json_obj_end(&j);
    json_done(c, &j, 0);
    hs_trace(c, "handler", "RFC 9110 §15.3.1", 200, "The upstream answered well; the gateway passes its data on: 200.",
             KO(PROXY_5), HS_NOARGS);
}

/* GET /chat: the WebSocket opening handshake (RFC 6455 §4.2). */
static void chat(struct hs_ctx *c)
{
    size_t kn = 0, vn = 0;
    const char *key = hs_field(c, "Sec-WebSocket-Key", &kn), *ver = hs_field(c, "Sec-WebSocket-Version", &vn);
    uint8_t raw[32];
    char accept[HS_WS_ACCEPT_LEN];
    int wants = c->req->version_minor >= 1 && hs_field_has_token(c, "Upgrade", "websocket") && hs_field_has_token(c, "Connection", "upgrade");
    if (!wants || c->method != M_GET) {
        hs_trace(c, "handler", "RFC 9110 §15.5.22", 426,
                 c->req->version_minor == 0 ? "/chat only speaks WebSocket, and an HTTP/1.0 request cannot upgrade (its Upgrade field must be ignored): 426 with Upgrade: websocket."
                                            : "/chat only speaks WebSocket and the request does not ask to switch (it needs Upgrade: websocket and Connection: Upgrade): 426 with Upgrade naming the protocol to use.",
                 c->req->version_minor == 0 ? KO(CHAT_1)
                                            : KO(CHAT_2),
                 HS_NOARGS);
        hs_response_field_str(c->res, "Upgrade", "websocket");
        hs_response_field_str(c->res, "Connection", "Upgrade");
        hs_problem(c, 426, "This endpoint speaks WebSocket: upgrade the connection.", KO(CHAT_3));
        return;
    }
    if (!key || hs_request_find_header(c->in, c->req, "Sec-WebSocket-Key", (uint32_t)hs_request_find_header(c->in, c->req, "Sec-WebSocket-Key", 0) + 1) >= 0 ||
        hs_base64_decode(key, kn, raw, sizeof raw) != 16) {
        hs_trace(c, "handler", "RFC 6455 §4.2.1", 400,
                 "The handshake needs exactly one Sec-WebSocket-Key: 16 random bytes in base64 (24 characters). This one is missing or malformed: 400.",
                 KO(CHAT_4),
                 HS_NOARGS);
        hs_problem(c, 400, "Sec-WebSocket-Key must be 16 bytes in base64.", KO(CHAT_5));
        return;
    }
    if (!ver || vn != 2 || memcmp(ver, "13", 2) != 0) {
        hs_trace(c, "handler", "RFC 6455 §4.4", 426,
                 "The client asks for a WebSocket version this server does not speak: 426 with Sec-WebSocket-Version: 13, the one it does.",
                 KO(CHAT_6),
                 HS_NOARGS);
        hs_response_field_str(c->res, "Upgrade", "websocket");
        hs_response_field_str(c->res, "Connection", "Upgrade");
        hs_response_field_str(c->res, "Sec-WebSocket-Version", "13");
        hs_problem(c, 426, "This server speaks WebSocket version 13.", KO(CHAT_7));
        return;
    }
    hs_ws_accept(key, kn, accept);
    hs_status(c, 101);
    hs_response_field_str(c->res, "Upgrade", "websocket");
    hs_response_field_str(c->res, "Connection", "Upgrade");
    hs_response_field(c->res, "Sec-WebSocket-Accept", accept, sizeof accept);
    c->upgraded = 1;
    hs_trace(c, "handler", "RFC 6455 §4.2.2", 101,
             "A valid WebSocket handshake: 101 Switching Protocols. Sec-WebSocket-Accept = base64(SHA-1(key + \"258EAFA5-E914-47DA-95CA-C5AB0DC85B11\")) = {0} proves the server read this key. From here on the bytes are WebSocket frames, not HTTP.",
             KO(CHAT_8),
             HS_ARGS(((struct hs_str){ accept, sizeof accept })));
}

/* GET /status/{code} for a 1xx code: the interim response when it can be
** sent, then a final 200 that says which. */
static void status_interim(struct hs_ctx *c, int code)
{
    struct hs_json j;
    struct hs_response *r = code == 101 ? NULL : hs_interim(c, code);
    if (r && code == 103)
        hs_response_field_str(r, "Link", "</style.css>; rel=preload; as=style");
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "interim");
    if (r)
        hs_json_int(&j, code);
    else
        hs_json_null(&j);
    hs_json_obj_end(&j);
    json_done(c, &j, 0);
    if (code == 101)
        hs_trace(c, "handler", "RFC 9110 §15.2.2", 200,
                 "A server must not switch protocols the client did not ask for, so 101 cannot be sent on demand: a final 200 instead. See GET /chat for a real 101.",
                 KO(STATUS_INTERIM_1),
                 HS_NOARGS);
    else if (!r)
        hs_trace(c, "handler", "RFC 9110 §15.2", 200,
                 "An HTTP/1.0 client must never receive a 1xx response, so only the final 200 is sent.",
                 KO(STATUS_INTERIM_2), HS_NOARGS);
    else
        hs_trace(c, "handler", "RFC 9110 §15.2", 200,
                 "A 1xx is interim: the server sends {0} first, then a final response (200), which every exchange needs.",
                 KO(STATUS_INTERIM_3),
                 HS_ARGS(hs_trace_num(c, code)));
}

/* What GET /status/{code} sends for each field the registry requires
** (hs_response_required): the field and value to send, value_206 instead for
** a 206. A required field may send two rows: Upgrade goes with Connection:
** Upgrade, which is also how the registry's Connection row (RFC 9110 §7.8,
** for 101 and 426) is met, so that row has none of its own. */
static const struct required_field {
    const char *required, *field, *value, *value_206;
} required_fields[] = {
    { "Location", "Location", "/", NULL },
    { "WWW-Authenticate", "WWW-Authenticate", "Bearer realm=\"explorer\"", NULL },
    { "Proxy-Authenticate", "Proxy-Authenticate", "Basic realm=\"proxy\"", NULL },
    { "Retry-After", "Retry-After", "120", NULL },
    { "Upgrade", "Upgrade", "websocket", NULL },
    { "Upgrade", "Connection", "Upgrade", NULL },
    { "ETag", "ETag", "\"status\"", NULL },
    { "Link", "Link", "<https://example.com/legal-demand>; rel=\"blocked-by\"", NULL },
    { "Content-Range", "Content-Range", "bytes */36", "bytes 0-9/36" },
    { "Link", "Link", "<https://api.example/legal>; rel=\"blocked-by\"", NULL },
};

/* Adds the Allow of a 405 sent on request: this route's methods but the one
** refused, so Allow never lists the method the 405 turns down (RFC 9110
** §15.5.6). */
static void status_allow(struct hs_ctx *c)
{
    static const char *const names[] = { "GET", "HEAD", "OPTIONS" };
    static const int bits[] = { M_GET, M_HEAD, M_OPTIONS };
    char allow[24];
    size_t n = 0;
    for (size_t i = 0; i < sizeof bits / sizeof *bits; i++) {
        size_t k = strlen(names[i]);
        if (c->method == bits[i])
            continue;
        if (n) {
            memcpy(allow + n, ", ", 2);
            n += 2;
        }
        memcpy(allow + n, names[i], k);
        n += k;
    }
    hs_response_field(c->res, "Allow", allow, n);
}

/* Sends the rows of required_fields for the required field name (Allow:
** status_allow). */
static void send_required(struct hs_ctx *c, int code, const char *name)
{
    if (strcmp(name, "Allow") == 0) {
        status_allow(c);
        return;
    }
    for (size_t i = 0; i < sizeof required_fields / sizeof *required_fields; i++) {
        const struct required_field *f = &required_fields[i];
        if (strcmp(f->required, name) != 0)
            continue;
        hs_response_field_str(c->res, f->field, code == 206 && f->value_206 ? f->value_206 : f->value);
    }
}

/* GET /status/{code}: any code, with the fields the registry says it requires. */
static void status_route(struct hs_ctx *c)
{
    int code = (int)c->param, level;
    const char *field;
    struct hs_json j;
    static const char partial[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    if (code < 200) {
        status_interim(c, code);
        return;
    }
    hs_status(c, code);
    /* RFC 9110 asks nothing of a 408 (§15.5.9), but the request this server
    ** gave up on cannot be delimited any more: it closes, as servers do */
    if (code == 408)
        c->close = 1;
    for (int k = 0; (field = hs_response_required(code, k, &level)) != NULL; k++)
        send_required(c, code, field);
    if (code == 206)
        hs_response_content(c->res, "text/plain", partial, 10);
    else if (code >= 400) {
        hs_problem(c, code, "Sent on request by GET /status/{code}.", KO(STATUS_ROUTE_1));
    } else {
        hs_response_json_begin(c->res, &j);
        hs_json_obj(&j);
        hs_json_key(&j, "status");
        hs_json_int(&j, code);
        hs_json_key(&j, "phrase");
        hs_json_str(&j, hs_response_phrase(code));
        hs_json_obj_end(&j);
        json_done(c, &j, 0);
    }
    hs_trace(c, "handler", "RFC 9110 §15", code,
             "Sent on request: {0}, with every field the registry lists for it. No route of this app has a reason of its own to send it, or you asked for it directly.",
             KO(STATUS_ROUTE_2),
             HS_ARGS(hs_trace_num(c, code)));
}

/* The "*" route (OPTIONS * only): options() answers it, so nothing to do. */
static void star(struct hs_ctx *c) { (void)c; }

/* ---- the route table ------------------------------------------------------------------- */

#define ALL_GET (M_GET | M_HEAD)

static const struct hs_route hs_routes[] = {
    { "*", 0, 0, R_ASTERISK, star, NULL },
    { "/", ALL_GET | M_POST, 0, R_COND | R_INDEX, root, root_locate },
    { "/success", ALL_GET, 0, R_JSON_OUT | R_COND, success, NULL },
    { "/items", ALL_GET | M_POST, M_POST, R_JSON_OUT | R_COND, items, NULL },
    { "/items/{id}", ALL_GET | M_PUT | M_DELETE, M_PUT, R_JSON_OUT | R_COND | R_PARAM_INT, item, item_locate },
    { "/jobs", M_POST, 0, R_JSON_OUT | R_COND, jobs_post, NULL },
    { "/jobs/{id}", ALL_GET, 0, R_JSON_OUT | R_COND | R_PARAM_INT, job, job_locate },
    { "/moved-permanently", ALL_GET | M_POST, 0, 0, redirect, NULL },
    { "/found", ALL_GET | M_POST, 0, 0, redirect, NULL },
    { "/form", M_POST, 0, 0, redirect, NULL },
    { "/temporary-redirect", ALL_GET | M_POST, 0, 0, redirect, NULL },
    { "/permanent-redirect", ALL_GET | M_POST, 0, 0, redirect, NULL },
    { "/submit", M_POST, M_POST, R_JSON_OUT | R_COND, submit, NULL },
    { "/profile", ALL_GET, 0, R_JSON_OUT | R_COND | R_AUTH_USER, profile, NULL },
    { "/admin", ALL_GET, 0, R_JSON_OUT | R_COND | R_AUTH_ADMIN, admin, NULL },
    { "/process", ALL_GET, 0, R_JSON_OUT | R_COND, process, NULL },
    { "/proxy", ALL_GET, 0, R_JSON_OUT | R_COND, proxy, NULL },
    { "/chat", ALL_GET, 0, 0, chat, NULL },
    { "/status/{code}", ALL_GET, 0, R_PARAM_CODE, status_route, NULL },
    /* what people expect of an HTTP test server (endpoints.c) */
    { "/anything", HS_EP_ANY_METHOD, 0, R_JSON_OUT | R_ANY_CONTENT, hs_ep_anything, NULL },
    { "/anything/{path}", HS_EP_ANY_METHOD, 0, R_JSON_OUT | R_ANY_CONTENT | R_PARAM_TEXT, hs_ep_anything, NULL },
    { "/headers", ALL_GET, 0, R_JSON_OUT, hs_ep_headers, NULL },
    { "/cookies", ALL_GET, 0, R_JSON_OUT, hs_ep_cookies, NULL },
    { "/cookie", ALL_GET, 0, 0, hs_ep_cookie, NULL },
    { "/echo", ALL_GET | M_POST, 0, 0, hs_ep_echo, NULL },
    { "/redirect/{n}", ALL_GET, 0, R_PARAM_INT, hs_ep_redirect, NULL },
    { "/absolute-redirect/{n}", ALL_GET, 0, R_PARAM_INT, hs_ep_absolute_redirect, NULL },
    { "/delay/{s}", ALL_GET, 0, R_JSON_OUT | R_PARAM_INT, hs_ep_delay, NULL },
    { "/bytes/{n}", ALL_GET, 0, R_PARAM_INT, hs_ep_bytes, NULL },
    { "/etag/{etag}", ALL_GET, 0, R_JSON_OUT | R_COND | R_PARAM_TEXT, hs_ep_etag, hs_ep_etag_locate },
    { "/cache", ALL_GET, 0, R_JSON_OUT | R_COND, hs_ep_cache, hs_ep_cache_locate },
    { "/basic-auth/{user}/{pass}", ALL_GET, 0, R_JSON_OUT | R_PARAM_TEXT, hs_ep_basic_auth, hs_ep_basic_auth_locate },
    { "/bearer", ALL_GET, 0, R_JSON_OUT, hs_ep_bearer, NULL },
    { "/response-headers", ALL_GET, 0, R_JSON_OUT, hs_ep_response_headers, NULL },
};


/* ---- OPTIONS ---------------------------------------------------------------------------- */

/* Answers OPTIONS for c->route: Allow, and for "*" and the index a description. */
static void options(struct hs_ctx *c)
{
    char allow[96];
    size_t n;
    struct hs_json j;
    if (c->route->flags & R_ASTERISK) {
        n = hs_allow(M_GET | M_POST | M_PUT | M_DELETE, allow, sizeof allow);
        hs_status(c, 200);
        hs_response_field(c->res, "Allow", allow, n);
        hs_response_json_begin(c->res, &j);
        hs_json_obj(&j);
        hs_json_key(&j, "server");
        hs_json_str(&j, "http-status-explorer simulated server");
        hs_json_key(&j, "version");
        hs_json_str(&j, "HTTP/1.1");
        hs_json_key(&j, "methods");
        hs_json_strn(&j, allow, n);
        hs_json_obj_end(&j);
        json_done(c, &j, 0);
        hs_trace(c, "handler", "RFC 9110 §9.3.7", 200,
                 "OPTIONS *: 200 describing the server, with Allow listing every method some resource here supports ({0}).",
                 KO(OPTIONS_1),
                 HS_ARGS(((struct hs_str){ allow, n })));
        return;
    }
    n = hs_allow(c->route->methods, allow, sizeof allow);
    hs_response_field(c->res, "Allow", allow, n);
    if (c->route->flags & R_INDEX) {
        hs_status(c, 200);
        hs_response_json_begin(c->res, &j);
        hs_json_obj(&j);
        index_json(c, &j);
        hs_json_obj_end(&j);
        json_done(c, &j, 0);
        hs_trace(c, "handler", "RFC 9110 §9.3.7", 200, "OPTIONS /: Allow ({0}) and the index of routes: 200.",
                 KO(OPTIONS_2), HS_ARGS(((struct hs_str){ allow, n })));
        return;
    }
    hs_status(c, 204);
    hs_trace(c, "handler", "RFC 9110 §9.3.7", 204, "OPTIONS {0}: Allow lists {1}; there is nothing else to say, so 204.",
             KO(OPTIONS_3),
             HS_ARGS(hs_cstr(c->route->pattern), ((struct hs_str){ allow, n })));
}

const struct hs_app hs_app = { hs_routes, (int)(sizeof hs_routes / sizeof hs_routes[0]), options };
