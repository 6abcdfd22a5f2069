/*
** endpoints.h — the routes people expect of an HTTP test server (httpbin's
** and what Http11Probe asks of a target), done strictly (endpoints.c). The
** application's route table (app.c) lists them beside the article's routes.
*/
#ifndef HS_ENDPOINTS_H
#define HS_ENDPOINTS_H

#include "routes.h"

/* Handlers: each answers c (the rules passed) and traces why. */
void hs_ep_anything(struct hs_ctx *c);          /* every method: the request echoed as JSON */
void hs_ep_headers(struct hs_ctx *c);           /* the request's fields as JSON, in order */
void hs_ep_cookies(struct hs_ctx *c);           /* the parsed cookie pairs as JSON */
void hs_ep_cookie(struct hs_ctx *c);            /* the parsed cookie pairs, name=value per line */
void hs_ep_echo(struct hs_ctx *c);              /* the request's field lines, Name: Value per line */
void hs_ep_redirect(struct hs_ctx *c);          /* 302 to /redirect/{n-1}, then /anything */
void hs_ep_absolute_redirect(struct hs_ctx *c); /* the same with absolute URIs */
void hs_ep_delay(struct hs_ctx *c);             /* answers after {s} seconds (at most 10) */
void hs_ep_bytes(struct hs_ctx *c);             /* {n} pseudo-random bytes (at most 4096) */
void hs_ep_etag(struct hs_ctx *c);              /* a resource whose ETag is {etag} */
void hs_ep_cache(struct hs_ctx *c);             /* a cacheable resource with both validators */
void hs_ep_basic_auth(struct hs_ctx *c);        /* Basic credentials {user}:{pass} (RFC 7617) */
void hs_ep_bearer(struct hs_ctx *c);            /* any Bearer token (RFC 6750) */
void hs_ep_response_headers(struct hs_ctx *c);  /* the fields the query names */

/* Locators: find the resource and its validators, or decide 404 and
** return it. */
int hs_ep_etag_locate(struct hs_ctx *c, struct hs_validators *v);
int hs_ep_cache_locate(struct hs_ctx *c, struct hs_validators *v);
int hs_ep_basic_auth_locate(struct hs_ctx *c, struct hs_validators *v);

/* Every method /anything answers (OPTIONS is always allowed; TRACE and
** CONNECT stay off server-wide). */
#define HS_EP_ANY_METHOD (M_GET | M_HEAD | M_POST | M_PUT | M_DELETE | M_PATCH)

#endif
