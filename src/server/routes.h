/*
** routes.h — what the application gives the server-wide rules: a table of
** routes, each with the methods it allows, the content it reads and the
** handler that answers it. rules.c receives the table as data (struct
** hs_app), so the pipeline knows no route by name or by position.
*/
#ifndef HS_ROUTES_H
#define HS_ROUTES_H

#include "exchange.h"

/* Route flags. */
enum {
    R_JSON_OUT = 1 << 0,   /* answers application/json: Accept is checked (406) */
    R_AUTH_USER = 1 << 1,  /* needs a bearer token of a user or an admin */
    R_AUTH_ADMIN = 1 << 2, /* needs an admin token */
    R_PARAM_INT = 1 << 3,  /* the pattern ends in {id}: a positive integer */
    R_PARAM_CODE = 1 << 4, /* the pattern ends in {code}: 100-599 */
    R_COND = 1 << 5,       /* preconditions are evaluated (a 2xx is its normal answer) */
    R_ASTERISK = 1 << 6,   /* answers the asterisk form (OPTIONS *, RFC 9112 §3.2.4) */
    R_INDEX = 1 << 7,      /* the index: OPTIONS describes every route */
    R_PARAM_TEXT = 1 << 8, /* the pattern ends in a text parameter: the rest of the path, 1-128 bytes */
    R_ANY_CONTENT = 1 << 9 /* reads any content with any method (an echo) */
};

struct hs_ctx;
typedef void (*hs_handler)(struct hs_ctx *c);
/* Finds the target resource: returns 0 and fills *v, or decides 404/410
** itself (through c) and returns that status. */
struct hs_validators;
typedef int (*hs_locate)(struct hs_ctx *c, struct hs_validators *v);

struct hs_route {
    const char *pattern;   /* "/items/{id}": literal prefix, optional last parameter */
    unsigned methods;      /* allowed besides OPTIONS (GET implies HEAD) */
    unsigned json_in;      /* methods that need JSON content (411/415 checked) */
    unsigned flags;        /* R_* */
    hs_handler handler;
    hs_locate locate;      /* NULL: the resource always exists and has no validators */
};

/* The selected representation's validators (RFC 9110 §8.8), for preconditions. */
struct hs_validators {
    const char *etag;      /* with quotes; NULL if none */
    size_t etag_len;
    int64_t modified;      /* -1 if none */
};

/* An application: its routes, matched in order, and its answer to OPTIONS. */
struct hs_app {
    const struct hs_route *routes;
    int n_routes;
    hs_handler options;    /* answers OPTIONS once the rules passed; c->route is set */
};

/* The article's application, done right (app.c). */
extern const struct hs_app hs_app;

/* Runs the server-wide rules from "method" to "maintenance" and the route's
** preconditions, then the handler of the route of app that matches; fills
** c->res. (rules.c) */
void hs_decide(struct hs_ctx *c, const struct hs_app *app);

#endif
