/*
 * store.c - where accepted records end up: counts per (organisation,
 * reporting year) at the finest grain the indicators need (ethnic code,
 * staff group, band, flags), found through a hash index, and the set of
 * ids already accepted, for duplicate detection.  The store holds counts,
 * never rows: every indicator and every later breakdown is a sum of them.
 */
#include <string.h>

#include "wres_private.h"

#define ARENA_BLOCK 65536

uint64_t wres__hash(const char *s, size_t len)
{
    /* FNV-1a, 64-bit */
    uint64_t h = 14695981039346656037u;
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

void wres__store_free(wres__store *s)
{
    size_t i;

    for (i = 0; i < s->n; i++) {
        wres__free(s->periods[i]->org);
        wres__free(s->periods[i]);
    }
    wres__free(s->periods);
    wres__free(s->index);
    wres__free(s->ids);
    wres__free(s->id_hash);
    for (i = 0; i < s->n_blocks; i++)
        wres__free(s->arena_blocks[i]);
    wres__free(s->arena_blocks);
    memset(s, 0, sizeof *s);
}

static uint64_t period_hash(const char *org, size_t len, int year)
{
    return wres__hash(org, len) ^ ((uint64_t)(unsigned)year * 0x9e3779b97f4a7c15u);
}

static int index_rebuild(wres__store *s, size_t cap)
{
    size_t *idx = wres__calloc(cap, sizeof *idx);
    size_t i;

    if (!idx)
        return WRES_E_NOMEM;
    for (i = 0; i < s->n; i++) {
        const wres__period *p = s->periods[i];
        size_t h = (size_t)period_hash(p->org, strlen(p->org), p->year) & (cap - 1);
        while (idx[h])
            h = (h + 1) & (cap - 1);
        idx[h] = i + 1;
    }
    wres__free(s->index);
    s->index = idx;
    s->index_cap = cap;
    return WRES_OK;
}

wres__period *wres__store_period(wres__store *s, const char *org,
                                 size_t org_len, int year, int create,
                                 int *oom)
{
    size_t h, i;
    wres__period *p;
    void *arr;

    if (oom)
        *oom = 0;
    if (s->index_cap) {
        h = (size_t)period_hash(org, org_len, year) & (s->index_cap - 1);
        while ((i = s->index[h]) != 0) {
            p = s->periods[i - 1];
            if (p->year == year && strlen(p->org) == org_len &&
                memcmp(p->org, org, org_len) == 0)
                return p;
            h = (h + 1) & (s->index_cap - 1);
        }
    }
    if (!create)
        return NULL;
    /* keep the load factor at most 1/2 */
    if ((s->n + 1) * 2 > s->index_cap &&
        index_rebuild(s, s->index_cap ? s->index_cap * 2 : 16) != WRES_OK)
        goto nomem;
    arr = s->periods;
    if (wres__grow(&arr, &s->cap, s->n + 1, sizeof *s->periods) != WRES_OK)
        goto nomem;
    s->periods = arr;
    p = wres__calloc(1, sizeof *p);
    if (!p)
        goto nomem;
    p->org = wres__strndup(org, org_len);
    if (!p->org) {
        wres__free(p);
        goto nomem;
    }
    p->year = year;
    s->periods[s->n++] = p;
    h = (size_t)period_hash(org, org_len, year) & (s->index_cap - 1);
    while (s->index[h])
        h = (h + 1) & (s->index_cap - 1);
    s->index[h] = s->n;
    return p;
nomem:
    if (oom)
        *oom = 1;
    return NULL;
}

/* Keys are stored length-prefixed in the arena so they may hold NULs. */
static int key_equal(const char *stored, const char *key, size_t len)
{
    size_t slen;

    memcpy(&slen, stored, sizeof slen);
    return slen == len && memcmp(stored + sizeof slen, key, len) == 0;
}

int wres__ids_has(const wres__store *s, const char *key, size_t len,
                  uint64_t hash)
{
    size_t h;

    if (!s->ids_cap)
        return 0;
    h = (size_t)hash & (s->ids_cap - 1);
    while (s->ids[h]) {
        if (s->id_hash[h] == hash && key_equal(s->ids[h], key, len))
            return 1;
        h = (h + 1) & (s->ids_cap - 1);
    }
    return 0;
}

static int ids_resize(wres__store *s, size_t cap)
{
    char **ids = wres__calloc(cap, sizeof *ids);
    uint64_t *hs = wres__calloc(cap, sizeof *hs);
    size_t i;

    if (!ids || !hs) {
        wres__free(ids);
        wres__free(hs);
        return WRES_E_NOMEM;
    }
    for (i = 0; i < s->ids_cap; i++) {
        size_t h;
        if (!s->ids[i])
            continue;
        h = (size_t)s->id_hash[i] & (cap - 1);
        while (ids[h])
            h = (h + 1) & (cap - 1);
        ids[h] = s->ids[i];
        hs[h] = s->id_hash[i];
    }
    wres__free(s->ids);
    wres__free(s->id_hash);
    s->ids = ids;
    s->id_hash = hs;
    s->ids_cap = cap;
    return WRES_OK;
}

static char *arena_alloc(wres__store *s, size_t n)
{
    char *p;

    n = (n + 7) & ~(size_t)7;
    if (!s->arena || s->arena_used + n > s->arena_cap) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        void *blocks = s->arena_blocks;
        char *blk;
        if (wres__grow(&blocks, &s->blocks_cap, s->n_blocks + 1,
                       sizeof *s->arena_blocks) != WRES_OK)
            return NULL;
        s->arena_blocks = blocks;
        blk = wres__malloc(cap);
        if (!blk)
            return NULL;
        s->arena_blocks[s->n_blocks++] = blk;
        s->arena = blk;
        s->arena_used = 0;
        s->arena_cap = cap;
    }
    p = s->arena + s->arena_used;
    s->arena_used += n;
    return p;
}

int wres__ids_insert(wres__store *s, const char *key, size_t len,
                     uint64_t hash)
{
    size_t h;
    char *k;

    if ((s->n_ids + 1) * 2 > s->ids_cap &&
        ids_resize(s, s->ids_cap ? s->ids_cap * 2 : 1024) != WRES_OK)
        return WRES_E_NOMEM;
    k = arena_alloc(s, sizeof len + len);
    if (!k)
        return WRES_E_NOMEM;
    memcpy(k, &len, sizeof len);
    memcpy(k + sizeof len, key, len);
    h = (size_t)hash & (s->ids_cap - 1);
    while (s->ids[h])
        h = (h + 1) & (s->ids_cap - 1);
    s->ids[h] = k;
    s->id_hash[h] = hash;
    s->n_ids++;
    return WRES_OK;
}
