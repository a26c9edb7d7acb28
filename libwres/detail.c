/*
 * detail.c - looking past "BME": figures per ethnic group, deep dives by
 * the dimensions a caller names (breakdowns), and each indicator over an
 * organisation's years (trends).
 *
 * Breakdowns need counts finer than the store's: when the caller names a
 * breakdown before ingesting, every accepted staff row (bank-only aside)
 * and applicant row is also counted in its period's detail table, keyed
 * by the value of every dimension (interned in the handle's dictionary).
 * Nothing here runs unless the caller asks for it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wres_private.h"

/* ---- the dictionary of dimension values --------------------------------- */

static int dict_resize(wres__dict *d, size_t cap)
{
    uint32_t *slot = wres__calloc(cap, sizeof *slot);
    size_t i;

    if (!slot)
        return WRES_E_NOMEM;
    for (i = 0; i < d->n; i++) {
        size_t h = (size_t)wres__hash(d->s[i], strlen(d->s[i])) & (cap - 1);
        while (slot[h])
            h = (h + 1) & (cap - 1);
        slot[h] = (uint32_t)(i + 1);
    }
    wres__free(d->slot);
    d->slot = slot;
    d->slot_cap = cap;
    return WRES_OK;
}

long wres__dict_intern(wres__dict *d, const char *s, size_t len)
{
    size_t h;
    void *p = d->s;
    char *copy;

    if (d->slot_cap) {
        h = (size_t)wres__hash(s, len) & (d->slot_cap - 1);
        while (d->slot[h]) {
            const char *t = d->s[d->slot[h] - 1];
            if (strlen(t) == len && memcmp(t, s, len) == 0)
                return (long)d->slot[h] - 1;
            h = (h + 1) & (d->slot_cap - 1);
        }
    }
    if (d->n >= 0x7fffffffu)
        return -1;
    if ((d->n + 1) * 2 > d->slot_cap &&
        dict_resize(d, d->slot_cap ? d->slot_cap * 2 : 64) != WRES_OK)
        return -1;
    if (wres__grow(&p, &d->cap, d->n + 1, sizeof *d->s) != WRES_OK)
        return -1;
    d->s = p;
    if (!(copy = wres__strndup(s, len)))
        return -1;
    d->s[d->n] = copy;
    h = (size_t)wres__hash(s, len) & (d->slot_cap - 1);
    while (d->slot[h])
        h = (h + 1) & (d->slot_cap - 1);
    d->slot[h] = (uint32_t)(d->n + 1);
    return (long)d->n++;
}

void wres__dict_free(wres__dict *d)
{
    size_t i;

    for (i = 0; i < d->n; i++)
        wres__free(d->s[i]);
    wres__free(d->s);
    wres__free(d->slot);
    memset(d, 0, sizeof *d);
}

/* ---- detail tables ------------------------------------------------------- */

static size_t key_hash(const uint32_t *key)
{
    uint64_t h = 0x9e3779b97f4a7c15u;
    int i;

    for (i = 0; i < WRES__DIMS; i++) {
        h ^= key[i];
        h *= 0xff51afd7ed558ccdu;
        h ^= h >> 29;
    }
    return (size_t)h;
}

static int tab_rehash(wres__dtab *t, size_t cap)
{
    uint32_t *slot = wres__calloc(cap, sizeof *slot);
    size_t i;

    if (!slot)
        return WRES_E_NOMEM;
    for (i = 0; i < t->n; i++) {
        size_t h = key_hash(t->cell[i].key) & (cap - 1);
        while (slot[h])
            h = (h + 1) & (cap - 1);
        slot[h] = (uint32_t)(i + 1);
    }
    wres__free(t->slot);
    t->slot = slot;
    t->slot_cap = cap;
    return WRES_OK;
}

int wres__dtab_reserve(wres__dtab *t, size_t more)
{
    size_t need = t->n + more, cap = t->slot_cap ? t->slot_cap : 16;
    void *p = t->cell;

    if (need > 0x7fffffffu)
        return WRES_E_NOMEM;
    while (need * 2 > cap)
        cap *= 2;
    if (cap != t->slot_cap && tab_rehash(t, cap) != WRES_OK)
        return WRES_E_NOMEM;
    if (wres__grow(&p, &t->cap, need, sizeof *t->cell) != WRES_OK)
        return WRES_E_NOMEM;
    t->cell = p;
    return WRES_OK;
}

/* The cell of key, added (zeroed) when new; room must be reserved. */
static wres__dcell *tab_put(wres__dtab *t, const uint32_t *key)
{
    size_t h = key_hash(key) & (t->slot_cap - 1);
    wres__dcell *c;

    while (t->slot[h]) {
        c = &t->cell[t->slot[h] - 1];
        if (memcmp(c->key, key, sizeof c->key) == 0)
            return c;
        h = (h + 1) & (t->slot_cap - 1);
    }
    c = &t->cell[t->n];
    memset(c, 0, sizeof *c);
    memcpy(c->key, key, sizeof c->key);
    t->slot[h] = (uint32_t)(++t->n);
    return c;
}

wres__dcell *wres__dtab_put(wres__dtab *t, const uint32_t *key)
{
    return tab_put(t, key);
}

void wres__dtab_merge(wres__dtab *dst, const wres__dtab *src)
{
    size_t i;
    int k, e;

    for (i = 0; i < src->n; i++) {
        wres__dcell *c = tab_put(dst, src->cell[i].key);
        for (k = 0; k < 3; k++)
            for (e = 0; e < WRES__ETH_CODES; e++)
                c->c[k][e] += src->cell[i].c[k][e];
    }
}

void wres__dtab_free(wres__dtab *t)
{
    wres__free(t->cell);
    wres__free(t->slot);
    memset(t, 0, sizeof *t);
}

/* ---- dimensions ---------------------------------------------------------- */

static int name_ieq(const char *a, size_t alen, const char *b)
{
    size_t i;

    if (alen != strlen(b))
        return 0;
    for (i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return 1;
}

int wres__dim_column(const wres_ctx *ctx, int kind, const char *name,
                     size_t len)
{
    int d;

    if (!ctx->capture ||
        (kind != WRES_KIND_STAFF && kind != WRES_KIND_APPLICANTS))
        return -1;
    while (len && (*name == ' ' || *name == '\t')) {
        name++;
        len--;
    }
    while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    if (kind == WRES_KIND_APPLICANTS) {
        if (name_ieq(name, len, "post_staff_group"))
            return 0;
        if (name_ieq(name, len, "post_band"))
            return 1;
    }
    for (d = 2; d < ctx->n_dims; d++)
        if (name_ieq(name, len, ctx->dim_name[d]))
            return d;
    return -1;
}

static int is_service(const wres_ctx *ctx, int d)
{
    return d >= 2 && name_ieq(ctx->dim_name[d], strlen(ctx->dim_name[d]),
                              "length_of_service");
}

int wres__dim_name_eq(const char *a, size_t alen, const char *b)
{
    return name_ieq(a, alen, b);
}

const char *wres__dim_name(const wres_ctx *ctx, int d)
{
    return d == 0 ? "staff_group" : d == 1 ? "band" : ctx->dim_name[d];
}

int wres__dim_is_service(const wres_ctx *ctx, int d)
{
    return d < ctx->n_dims && is_service(ctx, d);
}

int wres__service_label(const int *cut, int n_cut, int i, char *label,
                        size_t size)
{
    if (i == 0)
        return snprintf(label, size, "<%d", cut[0]);
    if (i == n_cut)
        return snprintf(label, size, ">%d", cut[i - 1] - 1);
    if (cut[i] - 1 == cut[i - 1])
        return snprintf(label, size, "%d", cut[i - 1]);
    return snprintf(label, size, "%d-%d", cut[i - 1], cut[i] - 1);
}

/* Intern the labels of staff groups, bands and service bands. */
static int intern_labels(wres_ctx *ctx)
{
    char label[32];
    long id;
    int i;

    if (ctx->dict.n == 0 &&
        (wres__dict_intern(&ctx->dict, "(missing)", 9) != WRES__DV_MISSING ||
         wres__dict_intern(&ctx->dict, "(invalid)", 9) != WRES__DV_INVALID))
        return WRES_E_NOMEM;
    for (i = 0; i < WRES__SGROUPS; i++) {
        const char *s = wres__staff_group_name(i);
        if ((id = wres__dict_intern(&ctx->dict, s, strlen(s))) < 0)
            return WRES_E_NOMEM;
        ctx->sg_id[i] = (uint32_t)id;
    }
    for (i = 0; i < WRES__BANDS; i++) {
        const char *s = wres__band_name(i);
        if ((id = wres__dict_intern(&ctx->dict, s, strlen(s))) < 0)
            return WRES_E_NOMEM;
        ctx->band_id[i] = (uint32_t)id;
    }
    for (i = 0; i <= ctx->n_svc_cut; i++) {
        int n = wres__service_label(ctx->svc_cut, ctx->n_svc_cut, i, label,
                                    sizeof label);
        if ((id = wres__dict_intern(&ctx->dict, label, (size_t)n)) < 0)
            return WRES_E_NOMEM;
        ctx->svc_id[i] = (uint32_t)id;
    }
    return WRES_OK;
}

int wres__service_bands(wres_ctx *ctx, const char *spec)
{
    int cut[WRES__SVC_CUTS], n = 0;
    const char *s = spec;

    if (ctx->capture && ctx->store.n) {
        wres__set_error(ctx, "service bands must be set before rows are ingested");
        return WRES_E_INVALID;
    }
    for (;;) {
        long v = 0;
        int digits = 0;
        while (*s == ' ' || *s == '\t')
            s++;
        while (*s >= '0' && *s <= '9' && v <= 1000) {
            v = v * 10 + (*s++ - '0');
            digits++;
        }
        while (*s == ' ' || *s == '\t')
            s++;
        if (!digits || v < 1 || v > 100 || n == WRES__SVC_CUTS ||
            (n && v <= cut[n - 1]) || (*s && *s != ',')) {
            wres__set_error(ctx, "service bands: up to %d increasing whole "
                            "years from 1 to 100, comma-separated, e.g. "
                            "\"1,3,6,11\"", WRES__SVC_CUTS);
            return WRES_E_RANGE;
        }
        cut[n++] = (int)v;
        if (!*s)
            break;
        s++;
    }
    memcpy(ctx->svc_cut, cut, sizeof cut);
    ctx->n_svc_cut = n;
    return ctx->capture ? intern_labels(ctx) : WRES_OK;
}

void wres__detail_ctx_init(wres_ctx *ctx)
{
    static const int cuts[4] = {1, 3, 6, 11};

    ctx->low_events = 10;
    ctx->low_people = 30;
    memcpy(ctx->svc_cut, cuts, sizeof cuts);
    ctx->n_svc_cut = 4;
    ctx->n_dims = 2;
}

void wres__detail_ctx_free(wres_ctx *ctx)
{
    int d;

    for (d = 2; d < ctx->n_dims; d++)
        wres__free(ctx->dim_name[d]);
    wres__dict_free(&ctx->dict);
}

int wres_ctx_add_breakdown(wres_ctx *ctx, const char *dims)
{
    const char *s;
    int dim[2], nd = 0, d, rv;
    char *fresh[2] = {NULL, NULL};
    int n_fresh = 0;

    if (!ctx)
        return WRES_E_INVALID;
    if (!dims) {
        wres__set_error(ctx, "no dimensions given");
        return WRES_E_INVALID;
    }
    if (ctx->n_bd == WRES__BREAKDOWNS) {
        wres__set_error(ctx, "at most %d breakdowns", WRES__BREAKDOWNS);
        return WRES_E_RANGE;
    }
    for (s = dims;;) {
        const char *e = s;
        size_t len;
        while (*e && *e != ',')
            e++;
        len = (size_t)(e - s);
        while (len && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
        if (!len || len > 64 || nd == 2 || !wres__utf8_valid(s, len)) {
            wres__set_error(ctx, "a breakdown is one or two dimension names "
                            "(at most 64 bytes each), e.g. \"band,staff_group\"");
            goto fail;
        }
        if (name_ieq(s, len, "staff_group")) {
            d = 0;
        } else if (name_ieq(s, len, "band")) {
            d = 1;
        } else {
            for (d = 2; d < ctx->n_dims; d++)
                if (name_ieq(s, len, ctx->dim_name[d]))
                    break;
            if (d < ctx->n_dims) {
                /* known already */
            } else if (n_fresh && name_ieq(s, len, fresh[0])) {
                d = ctx->n_dims;
            } else if (wres__column_lookup(WRES_KIND_STAFF, s, len) >= 0 ||
                       wres__column_lookup(WRES_KIND_APPLICANTS, s, len) >= 0) {
                wres__set_error(ctx, "\"%.*s\" is a column the indicators use, "
                                "not a dimension", (int)len, s);
                goto fail;
            } else {
                if (ctx->n_dims + n_fresh >= WRES__DIMS) {
                    wres__set_error(ctx, "at most %d extra dimensions",
                                    WRES__EXTRA_DIMS);
                    rv = WRES_E_RANGE;
                    goto out;
                }
                if (!(fresh[n_fresh] = wres__strndup(s, len))) {
                    rv = WRES_E_NOMEM;
                    goto out;
                }
                d = ctx->n_dims + n_fresh++;
            }
        }
        if (nd == 1 && dim[0] == d) {
            wres__set_error(ctx, "a dimension named twice in one breakdown");
            goto fail;
        }
        dim[nd++] = d;
        if (!*e)
            break;
        s = e + 1;
    }
    /* counts finer than the store's are kept only from the first breakdown
     * on: one named later would see part of the rows */
    if ((!ctx->capture || n_fresh) && ctx->store.n) {
        wres__set_error(ctx, "name breakdowns before ingesting: rows already "
                        "read were not kept by these dimensions");
        goto fail;
    }
    if (!ctx->capture) {
        ctx->capture = 1;
        if ((rv = intern_labels(ctx)) != WRES_OK) {
            ctx->capture = 0;
            goto out;
        }
    }
    for (d = 0; d < n_fresh; d++)
        ctx->dim_name[ctx->n_dims++] = fresh[d];
    ctx->bd[ctx->n_bd].dim[0] = dim[0];
    ctx->bd[ctx->n_bd].dim[1] = nd == 2 ? dim[1] : -1;
    ctx->bd[ctx->n_bd].nd = nd;
    ctx->n_bd++;
    return WRES_OK;
fail:
    rv = WRES_E_INVALID;
out:
    for (d = 0; d < n_fresh; d++)
        wres__free(fresh[d]);
    return rv;
}

/* ---- counting rows ------------------------------------------------------- */

/* Whole years of a length of service: digits, optionally a fraction. */
static int service_years(const char *s, size_t len, long *years)
{
    size_t i = 0;
    long v = 0;

    if (!len || s[0] < '0' || s[0] > '9')
        return -1;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
        if (v < 1000000)
            v = v * 10 + (s[i] - '0');
    if (i < len && s[i] == '.') {
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
            ;
    }
    if (i != len)
        return -1;
    *years = v;
    return 0;
}

static long dim_value(wres_ctx *ctx, int kind, int d, const wres__fields *f)
{
    const char *v = f->dv[d];
    size_t len = f->dlen[d];
    int x;

    if (!f->dpresent[d] || !len)
        return WRES__DV_MISSING;
    if (d < 2) {                    /* applicants' post_staff_group, post_band */
        if (d == 0)
            return wres__parse_staff_group(v, len, &x) ? WRES__DV_INVALID
                                                      : (long)ctx->sg_id[x];
        return wres__parse_band(v, len, &x) ? WRES__DV_INVALID
                                            : (long)ctx->band_id[x];
    }
    if (is_service(ctx, d)) {
        long years;
        int i = 0;
        if (service_years(v, len, &years))
            return WRES__DV_INVALID;
        while (i < ctx->n_svc_cut && years >= ctx->svc_cut[i])
            i++;
        return (long)ctx->svc_id[i];
    }
    (void)kind;
    return wres__dict_intern(&ctx->dict, v, len);
}

int wres__detail_prepare(wres_ctx *ctx, wres__period *p, int kind,
                         const wres__fields *f, int sgroup, int band,
                         uint32_t *key)
{
    int d;

    memset(key, 0, WRES__DIMS * sizeof *key);
    for (d = 0; d < ctx->n_dims; d++) {
        long id;
        if (kind == WRES_KIND_STAFF && d == 0)
            id = ctx->sg_id[sgroup];
        else if (kind == WRES_KIND_STAFF && d == 1)
            id = ctx->band_id[band];
        else if ((id = dim_value(ctx, kind, d, f)) < 0)
            return WRES_E_NOMEM;
        key[d] = (uint32_t)id;
    }
    return wres__dtab_reserve(&p->detail[kind == WRES_KIND_APPLICANTS], 1);
}

void wres__detail_count(wres__period *p, int kind, const uint32_t *key,
                        int eth, int64_t c1, int64_t c2)
{
    wres__dcell *c = tab_put(&p->detail[kind == WRES_KIND_APPLICANTS], key);

    c->c[0][eth]++;
    c->c[1][eth] += c1;
    c->c[2][eth] += c2;
}

/* ---- ethnic groups ------------------------------------------------------- */

static const char *const group_names[WRES__GROUPS] = {
    "Asian", "Black", "Mixed", "Other",
    "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S"};

const char *wres__group_name(int g)
{
    return g >= 0 && g < WRES__GROUPS ? group_names[g] : "";
}

/* side[] for "white against group g": the group's codes (and, for a broad
 * group, survey_counts rows of that group) on the BME side; other BME
 * slots in totals only. */
void wres__group_side(int g, signed char *side)
{
    static const struct { int from, to, agg; } broad[4] = {
        {WRES__ETH_H, WRES__ETH_L, WRES__ETH_ASIAN},
        {WRES__ETH_M, WRES__ETH_P, WRES__ETH_BLACK},
        {WRES__ETH_D, WRES__ETH_G, WRES__ETH_MIXED},
        {WRES__ETH_R, WRES__ETH_S, WRES__ETH_OTHER}};
    int e;

    for (e = 0; e < WRES__ETH_SLOTS; e++) {
        int w = wres__eth_wgroup(e);
        side[e] = (signed char)(w == WRES__BME ? WRES__OTHER : w);
    }
    if (g < 4) {
        for (e = broad[g].from; e <= broad[g].to; e++)
            side[e] = WRES__BME;
        side[broad[g].agg] = WRES__BME;
    } else {
        side[WRES__ETH_D + (g - 4)] = WRES__BME;
    }
}

static int build_groups(const wres_ctx *ctx, int year, const wres__period *p,
                        const wres__period *prev, wres__model *m)
{
    signed char side[WRES__ETH_SLOTS];
    int g, rv;

    m->groups = wres__calloc(WRES__GROUPS, sizeof *m->groups);
    if (!m->groups)
        return WRES_E_NOMEM;
    m->n_groups = WRES__GROUPS;
    for (g = 0; g < WRES__GROUPS; g++) {
        wres__group_side(g, side);
        m->groups[g].year = year;
        m->groups[g].confidence = m->confidence;
        if ((rv = wres__compare(p, prev, year, side, ctx->confidence,
                                &m->groups[g])) != WRES_OK)
            return rv;
    }
    return WRES_OK;
}

/* ---- breakdowns ---------------------------------------------------------- */

typedef struct acc {
    uint32_t k[2];
    int64_t c[3][WRES__ETH_CODES];
    int64_t prev[3][WRES__ETH_CODES];
} acc;

/* Order of value id v in dimension d: staff groups and bands in report
 * order, service bands shortest first, other values by their bytes;
 * missing and invalid last. */
static int value_cmp(const wres_ctx *ctx, int d, uint32_t a, uint32_t b)
{
    int ra = -1, rb = -1, i;

    if (a == b)
        return 0;
    if (a <= WRES__DV_INVALID || b <= WRES__DV_INVALID) {
        if (a > WRES__DV_INVALID)
            return -1;
        if (b > WRES__DV_INVALID)
            return 1;
        return a < b ? -1 : 1;
    }
    if (d == 0 || d == 1 || is_service(ctx, d)) {
        const uint32_t *ids = d == 0 ? ctx->sg_id : d == 1 ? ctx->band_id
                                                           : ctx->svc_id;
        int n = d == 0 ? WRES__SGROUPS : d == 1 ? WRES__BANDS
                                                : ctx->n_svc_cut + 1;
        for (i = 0; i < n; i++) {
            if (ids[i] == a)
                ra = i;
            if (ids[i] == b)
                rb = i;
        }
        if (ra >= 0 && rb >= 0)
            return ra < rb ? -1 : 1;
    }
    return strcmp(ctx->dict.s[a], ctx->dict.s[b]) < 0 ? -1 : 1;
}

static int acc_cmp(const wres_ctx *ctx, const int *dim, int nd, const acc *x,
                   const acc *y)
{
    int i, r;

    for (i = 0; i < nd; i++)
        if ((r = value_cmp(ctx, dim[i], x->k[i], y->k[i])) != 0)
            return r;
    return 0;
}

/* Sum the cells of t into accumulators by the values of dim[]; with
 * which = 1 into their prev[] (existing accumulators only). */
static int accumulate(const wres__dtab *t, const int *dim, int nd, acc **a,
                      size_t *n, size_t *cap, int which)
{
    size_t i, j;
    int k, e;

    for (i = 0; t && i < t->n; i++) {
        const wres__dcell *c = &t->cell[i];
        uint32_t k0 = c->key[dim[0]], k1 = nd == 2 ? c->key[dim[1]] : 0;
        for (j = 0; j < *n; j++)
            if ((*a)[j].k[0] == k0 && (*a)[j].k[1] == k1)
                break;
        if (j == *n) {
            void *p = *a;
            if (which)
                continue;
            if (wres__grow(&p, cap, *n + 1, sizeof **a) != WRES_OK)
                return WRES_E_NOMEM;
            *a = p;
            memset(&(*a)[j], 0, sizeof **a);
            (*a)[j].k[0] = k0;
            (*a)[j].k[1] = k1;
            (*n)++;
        }
        for (k = 0; k < 3; k++)
            for (e = 0; e < WRES__ETH_CODES; e++) {
                if (which)
                    (*a)[j].prev[k][e] += c->c[k][e];
                else
                    (*a)[j].c[k][e] += c->c[k][e];
            }
    }
    return WRES_OK;
}

/* White and BME sums of counts row k. */
static void sides(const int64_t c[3][WRES__ETH_CODES], int k, int64_t out[2])
{
    int e;

    out[0] = out[1] = 0;
    for (e = 0; e < WRES__ETH_CODES; e++) {
        int w = wres__eth_wgroup(e);
        if (w == WRES__WHITE || w == WRES__BME)
            out[w] += c[k][e];
    }
}

static int low_rl(const wres_ctx *ctx, const wres__rl *r)
{
    return r->white.n < ctx->low_people || r->bme.n < ctx->low_people ||
           r->white.events < ctx->low_events || r->bme.events < ctx->low_events;
}

static void cell_figures(const wres_ctx *ctx, int ind, int pooled,
                         const acc *a, wres__bcell *cell)
{
    double c = ctx->confidence, z = wres__z_for_confidence(c);
    int64_t n[2], ev[2], pn[2], pev[2];
    int e;

    wres__null_rl(&cell->rl);
    wres__null_rl(&cell->single);
    switch (ind) {
    case 1:
        for (e = 0; e < WRES__ETH_CODES; e++) {
            int w = wres__eth_wgroup(e);
            int64_t k = a->c[0][e];
            if (w == WRES__WHITE)
                cell->mix.white += k;
            else if (w == WRES__BME)
                cell->mix.bme += k;
            else
                cell->mix.unknown += k;
            cell->mix.total += k;
        }
        wres__mix_pct(&cell->mix);
        cell->low = cell->mix.white < ctx->low_people ||
                    cell->mix.bme < ctx->low_people;
        return;
    case 2:     /* shortlisted -> appointed, white first */
        sides(a->c, 1, n);
        sides(a->c, 2, ev);
        wres__fill_rl(&cell->rl, n[0], ev[0], n[1], ev[1], 1, z);
        break;
    case 3:     /* headcount -> disciplinary, BME first; pooled as the org */
        sides(a->c, 0, n);
        sides(a->c, 1, ev);
        wres__fill_rl(&cell->single, n[0], ev[0], n[1], ev[1], 0, z);
        wres__finish_sig(cell->single.p, c, &cell->single.significant);
        if (pooled) {
            sides(a->prev, 0, pn);
            sides(a->prev, 1, pev);
            n[0] += pn[0];
            n[1] += pn[1];
            ev[0] += pev[0];
            ev[1] += pev[1];
        }
        wres__fill_rl(&cell->rl, n[0], ev[0], n[1], ev[1], 0, z);
        break;
    default:    /* 4: headcount -> trained, white first */
        sides(a->c, 0, n);
        sides(a->c, 2, ev);
        wres__fill_rl(&cell->rl, n[0], ev[0], n[1], ev[1], 1, z);
        break;
    }
    wres__finish_sig(cell->rl.p, c, &cell->rl.significant);
    cell->low = low_rl(ctx, &cell->rl);
}

static int build_breakdown(const wres_ctx *ctx, int b, int ind,
                           const wres__period *p, const wres__period *prev,
                           wres__model *m, wres__bdown *bd)
{
    const int *dim = ctx->bd[b].dim;
    int nd = ctx->bd[b].nd, pooled = m->i3_nyears == 2, d;
    acc *a = NULL;
    size_t n = 0, cap = 0, i, j;
    int rv = WRES_OK;

    bd->nd = nd;
    bd->indicator = ind;
    bd->avail = m->avail[ind];
    for (d = 0; d < nd; d++) {
        const char *name = dim[d] == 0 ? "staff_group" : dim[d] == 1
                               ? "band" : ctx->dim_name[dim[d]];
        if (!(bd->names[d] = wres__strndup(name, strlen(name))))
            return WRES_E_NOMEM;
        bd->by[d] = bd->names[d];
    }
    if (!bd->avail || !p)
        return WRES_OK;
    rv = accumulate(&p->detail[ind == 2], dim, nd, &a, &n, &cap, 0);
    if (rv == WRES_OK && ind == 3 && pooled && prev)
        rv = accumulate(&prev->detail[0], dim, nd, &a, &n, &cap, 1);
    if (rv != WRES_OK)
        goto out;
    /* a handful of cells: insertion sort keeps it simple and stable */
    for (i = 1; i < n; i++) {
        acc t = a[i];
        for (j = i; j > 0 && acc_cmp(ctx, dim, nd, &a[j - 1], &t) > 0; j--)
            a[j] = a[j - 1];
        a[j] = t;
    }
    if (n && !(bd->cell = wres__calloc(n, sizeof *bd->cell))) {
        rv = WRES_E_NOMEM;
        goto out;
    }
    for (i = 0; i < n; i++) {
        wres__bcell *cell = &bd->cell[i];
        bd->n = i + 1;
        for (d = 0; d < nd; d++) {
            const char *v = ctx->dict.s[a[i].k[d]];
            if (!(cell->key[d] = wres__strndup(v, strlen(v)))) {
                rv = WRES_E_NOMEM;
                goto out;
            }
        }
        cell_figures(ctx, ind, ind == 3 && pooled, &a[i], cell);
        cell->nyears = ind == 3 ? m->i3_nyears : 0;
        cell->years[0] = m->i3_years[0];
        cell->years[1] = m->i3_years[1];
    }
out:
    wres__free(a);
    return rv;
}

/* ---- trends -------------------------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The figure of indicator ind in a year's model: a percentage's counts
 * (x of n), or a relative likelihood and its log variance. */
static void year_figure(const wres__model *y, int ind, int64_t *x, int64_t *n,
                        double *value, double *var)
{
    const wres__rl *r = ind == 2 ? &y->i2 : ind == 3 ? &y->i3_single : &y->i4;

    *x = *n = 0;
    *var = NAN;
    switch (ind) {
    case 1:
        *x = y->workforce.bme;
        *n = y->workforce.total;
        break;
    case 2: case 3: case 4:
        *value = r->rl;
        if (ind == 3)   /* BME first */
            *var = wres__katz_var(r->bme.events, r->bme.n, r->white.events,
                                  r->white.n);
        else
            *var = wres__katz_var(r->white.events, r->white.n, r->bme.events,
                                  r->bme.n);
        return;
    case 9:
        *x = y->board[0].m.bme;
        *n = y->board[0].m.total;
        break;
    default:
        *x = y->survey[ind - 5].yes[WRES__BME];
        *n = y->survey[ind - 5].n[WRES__BME];
        break;
    }
    *value = *n > 0 ? (double)*x / (double)*n * 100.0 : NAN;
}

static int trend_alloc(wres__trend *t, size_t n)
{
    t->years = wres__calloc(n, sizeof *t->years);
    t->value = wres__calloc(n, sizeof *t->value);
    t->x = wres__calloc(n, sizeof *t->x);
    t->nn = wres__calloc(n, sizeof *t->nn);
    t->var = wres__calloc(n, sizeof *t->var);
    t->change = wres__calloc(n, sizeof *t->change);
    t->lo = wres__calloc(n, sizeof *t->lo);
    t->hi = wres__calloc(n, sizeof *t->hi);
    t->p = wres__calloc(n, sizeof *t->p);
    return t->years && t->value && t->x && t->nn && t->var && t->change &&
                   t->lo && t->hi && t->p ? WRES_OK : WRES_E_NOMEM;
}

static void trend_free(wres__trend *t)
{
    wres__free(t->years);
    wres__free(t->value);
    wres__free(t->x);
    wres__free(t->nn);
    wres__free(t->var);
    wres__free(t->change);
    wres__free(t->lo);
    wres__free(t->hi);
    wres__free(t->p);
}

static void trend_stats(const wres_ctx *ctx, wres__trend *t)
{
    double z = wres__z_for_confidence(ctx->confidence), *ts, *ly;
    size_t i;

    for (i = 1; i < t->n; i++) {
        if (t->rl) {
            wres__rl_change(t->value[i - 1], t->var[i - 1], t->value[i],
                            t->var[i], z, &t->change[i - 1], &t->lo[i - 1],
                            &t->hi[i - 1], &t->p[i - 1]);
        } else {
            double d, lo, hi;
            wres__newcombe(t->x[i], t->nn[i], t->x[i - 1], t->nn[i - 1], z,
                           &d, &lo, &hi);
            t->change[i - 1] = d * 100.0;
            t->lo[i - 1] = lo * 100.0;
            t->hi[i - 1] = hi * 100.0;
            t->p[i - 1] = wres__p_two_prop(t->x[i], t->nn[i], t->x[i - 1],
                                           t->nn[i - 1]);
        }
    }
    t->slope = t->slope_p = NAN;
    if (t->n < 3)
        return;
    /* years as scores, and ln RL */
    ts = wres__calloc(t->n, sizeof *ts);
    ly = wres__calloc(t->n, sizeof *ly);
    if (ts && ly) {
        size_t used = 0;
        for (i = 0; i < t->n; i++) {
            ts[i] = (double)t->years[i];
            ly[i] = t->rl && t->value[i] > 0 ? log(t->value[i]) : NAN;
            used += t->rl ? (isfinite(ly[i]) && t->var[i] > 0) : t->nn[i] > 0;
        }
        if (used >= 3 && t->rl) {
            wres__weighted_slope(ly, t->var, ts, t->n, &t->slope, &t->slope_p);
        } else if (used >= 3) {
            double zz;
            wres__cochran_armitage(t->x, t->nn, ts, t->n, &zz, &t->slope,
                                   &t->slope_p);
            t->slope *= 100.0;
        }
    }
    wres__free(ts);
    wres__free(ly);
}

/* Whether a year's published report withholds a count behind the trend's
 * value of indicator ind (the BME percentage, or the relative likelihood). */
static int year_withheld(const wres__model *y, int ind)
{
    const wres__rl *r = ind == 2 ? &y->i2 : ind == 3 ? &y->i3_single : &y->i4;

    switch (ind) {
    case 1:
        return y->workforce.bme < 0 || y->workforce.total < 0;
    case 2: case 3: case 4:
        return r->white.n < 0 || r->white.events < 0 || r->bme.n < 0 ||
               r->bme.events < 0;
    case 9:
        return y->board[0].m.bme < 0 || y->board[0].m.total < 0;
    default:
        return y->survey[ind - 5].n[WRES__BME] < 0 ||
               y->survey[ind - 5].yes[WRES__BME] < 0;
    }
}

static int build_trend(const wres_ctx *ctx, const char *org, wres__model *m)
{
    const wres__store *st = &ctx->store;
    size_t olen = strlen(org), i, ny = 0;
    int *years, ind, rv = WRES_OK;
    wres__model *ym, *pub = NULL;
    unsigned char *mark = NULL;
    signed char side[WRES__ETH_SLOTS];

    m->trend = wres__calloc(10, sizeof *m->trend);
    years = wres__calloc(st->n + 1, sizeof *years);
    if (!m->trend || !years) {
        wres__free(years);
        return WRES_E_NOMEM;
    }
    for (i = 0; i < st->n; i++)
        if (st->periods[i]->org_len == olen &&
            memcmp(st->periods[i]->org, org, olen) == 0)
            years[ny++] = st->periods[i]->year;
    qsort(years, ny, sizeof *years, cmp_int);
    ym = wres__calloc(ny + 1, sizeof *ym);
    if (!ym) {
        wres__free(years);
        return WRES_E_NOMEM;
    }
    wres__side_bme(side);
    for (i = 0; i < ny && rv == WRES_OK; i++) {
        const wres__period *p = wres__store_period(
            (wres__store *)st, org, olen, years[i], 0, NULL);
        const wres__period *prev = wres__store_period(
            (wres__store *)st, org, olen, years[i] - 1, 0, NULL);
        rv = wres__compare(p, prev, years[i], side, ctx->confidence, &ym[i]);
    }
    /* publication-safe: each year's report as published, whose counts
     * say which values can be shown */
    if (ctx->publish && rv == WRES_OK) {
        pub = wres__calloc(ny + 1, sizeof *pub);
        if (!pub)
            rv = WRES_E_NOMEM;
        for (i = 0; i < ny && rv == WRES_OK; i++)
            rv = wres__model_build_year(ctx, org, years[i], &pub[i]);
    }
    mark = wres__calloc(ny + 1, 1);
    if (!mark && rv == WRES_OK)
        rv = WRES_E_NOMEM;
    for (ind = 1; ind <= 9 && rv == WRES_OK; ind++) {
        wres__trend *t = &m->trend[ind];
        size_t j;
        int any = 0;
        t->rl = ind >= 2 && ind <= 4;
        if ((rv = trend_alloc(t, ny + 1)) != WRES_OK)
            break;
        for (i = 0; i < ny; i++) {
            if (!ym[i].avail[ind])
                continue;
            t->years[t->n] = years[i];
            year_figure(&ym[i], ind, &t->x[t->n], &t->nn[t->n],
                        &t->value[t->n], &t->var[t->n]);
            mark[t->n] = pub && year_withheld(&pub[i], ind);
            any |= mark[t->n];
            t->n++;
        }
        trend_stats(ctx, t);
        /* published: the counts as that year's report shows them */
        for (i = 0, j = 0; pub && i < ny; i++) {
            double v, var;
            if (!ym[i].avail[ind])
                continue;
            year_figure(&pub[i], ind, &t->x[j], &t->nn[j], &v, &var);
            j++;
        }
        /* a value whose counts a year's report withholds is not shown, nor
         * any statistic that uses it */
        for (j = 0; any && j < t->n; j++) {
            if (mark[j])
                t->value[j] = NAN;
            if (j > 0 && (mark[j] || mark[j - 1]))
                t->change[j - 1] = t->lo[j - 1] = t->hi[j - 1] = t->p[j - 1] = NAN;
        }
        if (any)
            t->slope = t->slope_p = NAN;
    }
    wres__free(mark);
    for (i = 0; pub && i < ny; i++)
        wres__model_free(&pub[i]);
    wres__free(pub);
    for (i = 0; i < ny; i++)
        wres__model_free(&ym[i]);
    wres__free(ym);
    wres__free(years);
    return rv;
}

/* ---- the model's detail -------------------------------------------------- */

int wres__model_detail(const wres_ctx *ctx, const char *org, int year,
                       const wres__period *p, const wres__period *prev,
                       wres__model *m, int with_trend)
{
    int rv, b, ind;

    if (ctx->opt_groups && (rv = build_groups(ctx, year, p, prev, m)) != WRES_OK)
        return rv;
    if (ctx->n_bd) {
        m->bd = wres__calloc((size_t)ctx->n_bd * 4, sizeof *m->bd);
        if (!m->bd)
            return WRES_E_NOMEM;
        for (b = 0; b < ctx->n_bd; b++)
            for (ind = 1; ind <= 4; ind++) {
                m->n_bd++;
                if ((rv = build_breakdown(ctx, b, ind, p, prev, m,
                                          &m->bd[m->n_bd - 1])) != WRES_OK)
                    return rv;
            }
    }
    if (with_trend && ctx->opt_trend && (rv = build_trend(ctx, org, m)) != WRES_OK)
        return rv;
    return WRES_OK;
}

void wres__model_detail_free(wres__model *m)
{
    size_t i, j;
    int d;

    for (i = 0; i < m->n_groups; i++)
        wres__model_free(&m->groups[i]);
    wres__free(m->groups);
    for (i = 0; i < m->n_bd; i++) {
        wres__bdown *bd = &m->bd[i];
        for (d = 0; d < 2; d++)
            wres__free(bd->names[d]);
        for (j = 0; j < bd->n; j++)
            for (d = 0; d < 2; d++)
                wres__free(bd->cell[j].key[d]);
        wres__free(bd->cell);
    }
    wres__free(m->bd);
    if (m->trend)
        for (d = 1; d <= 9; d++)
            trend_free(&m->trend[d]);
    wres__free(m->trend);
}
