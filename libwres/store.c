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
    /* eight bytes at a time, each word mixed by multiplication (in the
     * manner of wyhash and FxHash); the length is mixed in too */
    uint64_t h = 0x9e3779b97f4a7c15u ^ (uint64_t)len;
    size_t i = 0;

    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    if (i < len) {
        uint64_t w = 0;
        memcpy(&w, s + i, len - i);
        h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
        h ^= h >> 29;
    }
    h *= 0x9e3779b97f4a7c15u;
    return h ^ (h >> 32);
}

static void posts_free(wres__posts *m)
{
    wres__free(m->key);
    wres__free(m->num);
    memset(m, 0, sizeof *m);
}

static void period_free(wres__period *p)
{
    int k;

    wres__dtab_free(&p->detail[0]);
    wres__dtab_free(&p->detail[1]);
    for (k = 0; k < 5; k++)
        wres__idset_free(&p->ids[k]);
    posts_free(&p->posts);
    wres__free(p->remap);
    wres__free(p->org);
    wres__free(p);
}

void wres__store_free(wres__store *s)
{
    size_t i;

    for (i = 0; i < s->n; i++)
        period_free(s->periods[i]);
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
        size_t h = (size_t)period_hash(p->org, p->org_len, p->year) & (cap - 1);
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
    p = s->last;
    if (p && p->year == year && p->org_len == org_len &&
        memcmp(p->org, org, org_len) == 0)
        return p;
    if (s->index_cap) {
        h = (size_t)period_hash(org, org_len, year) & (s->index_cap - 1);
        while ((i = s->index[h]) != 0) {
            p = s->periods[i - 1];
            if (p->year == year && p->org_len == org_len &&
                memcmp(p->org, org, org_len) == 0)
                return s->last = p;
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
    p->org_len = org_len;
    s->periods[s->n++] = p;
    s->last = p;
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

/* ---- merging one store into another ------------------------------------ */

/* Add the counts of src into dst (same org and year). */
void wres__period_add(wres__period *dst, const wres__period *src)
{
    const int64_t *s;
    int64_t *d;
    size_t i, n;
    int q;

#define ADD_ARRAY(field)                                                   \
    do {                                                                   \
        d = (int64_t *)dst->field;                                         \
        s = (const int64_t *)src->field;                                   \
        n = sizeof dst->field / sizeof(int64_t);                           \
        for (i = 0; i < n; i++)                                            \
            d[i] += s[i];                                                  \
    } while (0)

    dst->staff_rows += src->staff_rows;
    dst->staff_nonbank += src->staff_nonbank;
    dst->disc_info |= src->disc_info;
    dst->train_info |= src->train_info;
    ADD_ARRAY(head);
    ADD_ARRAY(disc);
    ADD_ARRAY(train);
    ADD_ARRAY(bank);
    dst->app_rows += src->app_rows;
    ADD_ARRAY(applied);
    ADD_ARRAY(shortlisted);
    ADD_ARRAY(appointed);
    dst->survey_rows += src->survey_rows;
    for (q = 0; q < WRES__SURVEY_QS; q++)
        dst->survey_avail[q] |= src->survey_avail[q];
    ADD_ARRAY(survey_total);
    ADD_ARRAY(survey_n);
    ADD_ARRAY(survey_yes);
    dst->board_rows += src->board_rows;
    ADD_ARRAY(board);
#undef ADD_ARRAY
}

static int idset_resize(wres__idset *s, int with_post, size_t cap);
static int posts_reserve(wres__posts *m, size_t n);

/* Room in s for n more ids without growing. */
static int idset_reserve(wres__idset *s, int with_post, size_t n)
{
    size_t cap = s->cap ? s->cap : 64;

    if (!n)
        return WRES_OK;
    while ((s->n + n) * 8 > cap * 7)
        cap *= 2;
    return cap == s->cap ? WRES_OK : idset_resize(s, with_post, cap);
}

int wres__store_reserve(wres__store *dst, const wres__store *src)
{
    size_t need, cap, i;
    void *p;

    /* the id sets of periods both stores hold grow first */
    for (i = 0; i < src->n; i++) {
        const wres__period *sp = src->periods[i];
        wres__period *dp = wres__store_period(dst, sp->org, sp->org_len,
                                              sp->year, 0, NULL);
        int k;
        /* an empty set will simply be replaced by the staged one */
        for (k = 0; dp && k < 5; k++)
            if (dp->ids[k].n &&
                idset_reserve(&dp->ids[k], k == WRES_KIND_APPLICANTS - 1,
                              sp->ids[k].n) != WRES_OK)
                return WRES_E_NOMEM;
        for (k = 0; dp && k < 2; k++)
            if (sp->detail[k].n &&
                wres__dtab_reserve(&dp->detail[k], sp->detail[k].n) != WRES_OK)
                return WRES_E_NOMEM;
        /* staged posts get numbers in dp's list: room, and the map */
        if (dp && dp->ids[WRES_KIND_APPLICANTS - 1].n && sp->posts.n) {
            wres__period *msp = (wres__period *)sp;
            if (posts_reserve(&dp->posts, sp->posts.n) != WRES_OK)
                return WRES_E_NOMEM;
            if (!msp->remap &&
                !(msp->remap = wres__calloc(sp->posts.n, sizeof *msp->remap)))
                return WRES_E_NOMEM;
        }
    }

    need = dst->n + src->n;
    if (need * 2 > dst->index_cap) {
        cap = dst->index_cap ? dst->index_cap : 16;
        while (need * 2 > cap)
            cap *= 2;
        if (index_rebuild(dst, cap) != WRES_OK)
            return WRES_E_NOMEM;
    }
    p = dst->periods;
    if (wres__grow(&p, &dst->cap, need, sizeof *dst->periods) != WRES_OK)
        return WRES_E_NOMEM;
    dst->periods = p;
    need = dst->n_ids + src->n_ids;
    if (need * 2 > dst->ids_cap) {
        cap = dst->ids_cap ? dst->ids_cap : 1024;
        while (need * 2 > cap)
            cap *= 2;
        if (ids_resize(dst, cap) != WRES_OK)
            return WRES_E_NOMEM;
    }
    p = dst->arena_blocks;
    if (wres__grow(&p, &dst->blocks_cap, dst->n_blocks + src->n_blocks,
                   sizeof *dst->arena_blocks) != WRES_OK)
        return WRES_E_NOMEM;
    dst->arena_blocks = p;
    return WRES_OK;
}

void wres__store_merge(wres__store *dst, wres__store *src)
{
    size_t i, h;

    for (i = 0; i < src->n; i++) {
        wres__period *sp = src->periods[i];
        wres__period *dp = wres__store_period(dst, sp->org, sp->org_len,
                                              sp->year, 0, NULL);
        if (dp) {
            int k;
            wres__period_add(dp, sp);
            /* room was reserved: these inserts allocate nothing */
            wres__dtab_merge(&dp->detail[0], &sp->detail[0]);
            wres__dtab_merge(&dp->detail[1], &sp->detail[1]);
            for (k = 0; k < 5; k++) {
                const wres__idset *a = &sp->ids[k];
                size_t j;
                if (dp->ids[k].n == 0) {
                    /* nothing to merge with: the staged set moves over,
                     * with the posts its numbers refer to */
                    wres__idset_free(&dp->ids[k]);
                    dp->ids[k] = sp->ids[k];
                    memset(&sp->ids[k], 0, sizeof sp->ids[k]);
                    if (k == WRES_KIND_APPLICANTS - 1 && sp->posts.n) {
                        posts_free(&dp->posts);
                        dp->posts = sp->posts;
                        memset(&sp->posts, 0, sizeof sp->posts);
                    }
                    continue;
                }
                if (a->post && sp->remap) {
                    for (j = 0; j < sp->posts.cap; j++)
                        if (sp->posts.num[j]) {
                            uint32_t num = 0;
                            wres__posts_add(&dp->posts, sp->posts.key[j], &num);
                            sp->remap[sp->posts.num[j] - 1] = num;
                        }
                }
                for (j = 0; j < a->cap; j++)
                    if (a->id[j])
                        wres__idset_insert(&dp->ids[k], a->post != NULL, a->id[j],
                                           a->post ? sp->remap[a->post[j]] : 0);
            }
            period_free(sp);
            continue;
        }
        /* room was reserved: no allocation here */
        dst->periods[dst->n++] = sp;
        h = (size_t)period_hash(sp->org, sp->org_len, sp->year) &
            (dst->index_cap - 1);
        while (dst->index[h])
            h = (h + 1) & (dst->index_cap - 1);
        dst->index[h] = dst->n;
    }
    for (i = 0; i < src->ids_cap; i++) {
        if (!src->ids[i])
            continue;
        h = (size_t)src->id_hash[i] & (dst->ids_cap - 1);
        while (dst->ids[h])
            h = (h + 1) & (dst->ids_cap - 1);
        dst->ids[h] = src->ids[i];
        dst->id_hash[h] = src->id_hash[i];
        dst->n_ids++;
    }
    /* the keys' memory moves with them; dst keeps filling its own block */
    for (i = 0; i < src->n_blocks; i++)
        dst->arena_blocks[dst->n_blocks++] = src->arena_blocks[i];
    dst->stamp++;
    wres__free(src->periods);
    wres__free(src->index);
    wres__free(src->ids);
    wres__free(src->id_hash);
    wres__free(src->arena_blocks);
    memset(src, 0, sizeof *src);
}

/* ---- compact id sets ----------------------------------------------------- */

/* MurmurHash3's 64-bit finaliser: packed ids and posts are text, most of
 * their bits constant, and linear probing needs every bit mixed. */
static uint64_t fmix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h;
}

static size_t id_slot(uint64_t id, uint32_t post, size_t cap)
{
    return (size_t)fmix64(id ^ ((uint64_t)post * 0x9e3779b97f4a7c15u)) & (cap - 1);
}

int wres__idset_has(const wres__idset *s, uint64_t id, uint32_t post)
{
    size_t h;

    if (!s->cap)
        return 0;
    h = id_slot(id, post, s->cap);
    while (s->id[h]) {
        if (s->id[h] == id && (!s->post || s->post[h] == post))
            return 1;
        h = (h + 1) & (s->cap - 1);
    }
    return 0;
}

static void idset_put(wres__idset *s, uint64_t id, uint32_t post)
{
    size_t h = id_slot(id, post, s->cap);

    while (s->id[h])
        h = (h + 1) & (s->cap - 1);
    s->id[h] = id;
    if (s->post)
        s->post[h] = post;
    s->n++;
}

static int idset_resize(wres__idset *s, int with_post, size_t cap)
{
    wres__idset t;
    size_t i;

    memset(&t, 0, sizeof t);
    t.cap = cap;
    t.id = wres__calloc(cap, sizeof *t.id);
    if (with_post)
        t.post = wres__calloc(cap, sizeof *t.post);
    if (!t.id || (with_post && !t.post)) {
        wres__free(t.id);
        wres__free(t.post);
        return WRES_E_NOMEM;
    }
    for (i = 0; i < s->cap; i++)
        if (s->id[i])
            idset_put(&t, s->id[i], s->post ? s->post[i] : 0);
    wres__free(s->id);
    wres__free(s->post);
    *s = t;
    return WRES_OK;
}

int wres__idset_insert(wres__idset *s, int with_post, uint64_t id, uint32_t post)
{
    /* at most seven eighths full: the hash spreads packed ids well, and
     * these sets are most of the memory a national ingest needs */
    if ((s->n + 1) * 8 > s->cap * 7 &&
        idset_resize(s, with_post, s->cap ? s->cap * 2 : 64) != WRES_OK)
        return WRES_E_NOMEM;
    idset_put(s, id, post);
    return WRES_OK;
}

void wres__idset_free(wres__idset *s)
{
    wres__free(s->id);
    wres__free(s->post);
    memset(s, 0, sizeof *s);
}

/* ---- the posts of a period ------------------------------------------------ */

static size_t post_slot(uint64_t key, size_t cap)
{
    return (size_t)fmix64(key) & (cap - 1);
}

long wres__posts_find(const wres__posts *m, uint64_t key)
{
    size_t h;

    if (!m->cap)
        return -1;
    h = post_slot(key, m->cap);
    while (m->num[h]) {
        if (m->key[h] == key)
            return (long)m->num[h] - 1;
        h = (h + 1) & (m->cap - 1);
    }
    return -1;
}

static int posts_resize(wres__posts *m, size_t cap)
{
    uint64_t *key = wres__calloc(cap, sizeof *key);
    uint32_t *num = wres__calloc(cap, sizeof *num);
    size_t i;

    if (!key || !num) {
        wres__free(key);
        wres__free(num);
        return WRES_E_NOMEM;
    }
    for (i = 0; i < m->cap; i++)
        if (m->num[i]) {
            size_t h = post_slot(m->key[i], cap);
            while (num[h])
                h = (h + 1) & (cap - 1);
            key[h] = m->key[i];
            num[h] = m->num[i];
        }
    wres__free(m->key);
    wres__free(m->num);
    m->key = key;
    m->num = num;
    m->cap = cap;
    return WRES_OK;
}

/* Room for n more posts without growing (at most half full). */
static int posts_reserve(wres__posts *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 16;

    while ((m->n + n) * 2 > cap)
        cap *= 2;
    return cap == m->cap ? WRES_OK : posts_resize(m, cap);
}

int wres__posts_add(wres__posts *m, uint64_t key, uint32_t *num)
{
    long found = wres__posts_find(m, key);
    size_t h;

    if (found >= 0) {
        *num = (uint32_t)found;
        return WRES_OK;
    }
    if (m->n >= 0xfffffffeu || posts_reserve(m, 1) != WRES_OK)
        return WRES_E_NOMEM;
    h = post_slot(key, m->cap);
    while (m->num[h])
        h = (h + 1) & (m->cap - 1);
    m->key[h] = key;
    m->num[h] = (uint32_t)(m->n + 1);
    *num = (uint32_t)m->n;
    m->n++;
    return WRES_OK;
}
