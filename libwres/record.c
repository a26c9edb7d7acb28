/*
 * record.c - the record decoder: the columns of each record kind, the
 * per-kind checks of DATA.md in their order of precedence, duplicate-id
 * detection, and the step that adds an accepted record to the store.  It
 * sees fields, never CSV: the CSV reader and the API records feed it the
 * same way, which is what makes both paths give the same counts.  The API
 * record handle (wres_record_*) lives here too.
 */
#include <stdio.h>
#include <string.h>

#include "wres_private.h"

/* ---- column tables, in the order a row's values are checked ----------- */

typedef struct coldef {
    int col;
    const char *name;
    int required;
} coldef;

static const coldef staff_cols[] = {
    {WRES__COL_ID, "staff_id", 1},
    {WRES__COL_YEAR, "year", 0},
    {WRES__COL_ORG, "org", 0},
    {WRES__COL_ETHNICITY, "ethnicity", 1},
    {WRES__COL_BAND, "band", 1},
    {WRES__COL_STAFF_GROUP, "staff_group", 1},
    {WRES__COL_DISCIPLINARY, "disciplinary", 0},
    {WRES__COL_TRAINING, "training", 0},
    {WRES__COL_BANK, "bank", 0},
    {-1, NULL, 0}
};

static const coldef applicant_cols[] = {
    {WRES__COL_ID, "applicant_id", 0},
    {WRES__COL_POST_ID, "post_id", 0},
    {WRES__COL_YEAR, "year", 0},
    {WRES__COL_ORG, "org", 0},
    {WRES__COL_ETHNICITY, "ethnicity", 1},
    {WRES__COL_SHORTLISTED, "shortlisted", 1},
    {WRES__COL_APPOINTED, "appointed", 0},
    {-1, NULL, 0}
};

static const coldef survey_cols[] = {
    {WRES__COL_ID, "respondent_id", 0},
    {WRES__COL_YEAR, "year", 0},
    {WRES__COL_ORG, "org", 0},
    {WRES__COL_ETHNICITY, "ethnicity", 1},
    {WRES__COL_H_PUBLIC, "harassment_public", 0},
    {WRES__COL_H_STAFF, "harassment_staff", 0},
    {WRES__COL_H_MANAGER, "harassment_manager", 0},
    {WRES__COL_H_COLLEAGUE, "harassment_colleague", 0},
    {WRES__COL_EQUAL_OPP, "equal_opportunities", 0},
    {WRES__COL_DISCRIMINATION, "discrimination_staff", 0},
    {-1, NULL, 0}
};

static const coldef counts_cols[] = {
    {WRES__COL_YEAR, "year", 0},
    {WRES__COL_ORG, "org", 0},
    {WRES__COL_GROUP, "group", 1},
    {WRES__COL_INDICATOR, "indicator", 1},
    {WRES__COL_YES, "yes", 1},
    {WRES__COL_RESPONDENTS, "respondents", 1},
    {-1, NULL, 0}
};

static const coldef board_cols[] = {
    {WRES__COL_ID, "member_id", 0},
    {WRES__COL_YEAR, "year", 0},
    {WRES__COL_ORG, "org", 0},
    {WRES__COL_ETHNICITY, "ethnicity", 1},
    {WRES__COL_VOTING, "voting", 1},
    {WRES__COL_EXECUTIVE, "executive", 1},
    {-1, NULL, 0}
};

static const coldef *kind_cols(int kind)
{
    switch (kind) {
    case WRES_KIND_STAFF: return staff_cols;
    case WRES_KIND_APPLICANTS: return applicant_cols;
    case WRES_KIND_SURVEY: return survey_cols;
    case WRES_KIND_SURVEY_COUNTS: return counts_cols;
    case WRES_KIND_BOARD: return board_cols;
    default: return NULL;
    }
}

int wres__kind_valid(int kind)
{
    return kind_cols(kind) != NULL;
}

static int ascii_ieq(const char *a, size_t alen, const char *b)
{
    size_t i;

    for (i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (y == 0)
            return 0;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return b[alen] == '\0';
}

int wres__column_lookup(int kind, const char *name, size_t len)
{
    const coldef *c = kind_cols(kind);

    while (len && (name[0] == ' ' || name[0] == '\t')) {
        name++;
        len--;
    }
    while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    for (; c && c->name; c++)
        if (ascii_ieq(name, len, c->name))
            return c->col;
    return -1;
}

const char *wres__column_name(int kind, int col)
{
    const coldef *c = kind_cols(kind);

    for (; c && c->name; c++)
        if (c->col == col)
            return c->name;
    return "-";
}

int wres__column_required(int kind, int col)
{
    const coldef *c = kind_cols(kind);

    for (; c && c->name; c++)
        if (c->col == col)
            return c->required;
    return 0;
}

/* ---- decoding ----------------------------------------------------------- */

/* A decoded row: everything the store needs. */
typedef struct decoded {
    const char *org;
    size_t org_len;
    int year;
    int eth;
    int band, sgroup;
    int disc, train, bank;
    int shortlisted, appointed;
    int answered[WRES__SURVEY_QS], yes[WRES__SURVEY_QS];
    int indicator;
    int64_t n_yes, n_resp;
    int voting, executive;
} decoded;

typedef struct rowctx {
    wres_ctx *ctx;
    int kind;
    size_t source;
    int64_t line;
    const wres__fields *f;
} rowctx;

static int reject(const rowctx *rc, int col, int reason, const char *what)
{
    wres__buf msg = {0};
    const char *name = wres__column_name(rc->kind, col);
    int rv;

    if (col >= 0 && rc->f->present[col] && rc->f->len[col]) {
        wres__buf_puts(&msg, what);
        wres__buf_puts(&msg, " '");
        wres__buf_add_shown(&msg, rc->f->v[col], rc->f->len[col], 60);
        wres__buf_puts(&msg, "'");
    } else {
        wres__buf_puts(&msg, what);
    }
    if (msg.oom) {
        wres__buf_free(&msg);
        return WRES_E_NOMEM;
    }
    rv = wres__reject(rc->ctx, rc->source, rc->line, name, strlen(name),
                      reason, msg.p);
    wres__buf_free(&msg);
    return rv == WRES_OK ? WRES_E_REJECTED : rv;
}

static int has_value(const wres__fields *f, int col)
{
    return f->present[col] && f->len[col] > 0;
}

/* The commonest values of a clean export, decoded without the memo: a
 * one-byte yes/no (Y, N, 1, 0, T, F in either case), a four-digit year,
 * a one-letter ethnic category.  Each gives what the vocabulary gives
 * (exact-check.sh compares with a build without these). */
static int quick_yes_no(const char *s, size_t len)
{
#ifndef WRES_SLOW_PATH
    if (len == 1)
        switch (s[0]) {
        case 'Y': case 'y': case '1': case 'T': case 't': return 1;
        case 'N': case 'n': case '0': case 'F': case 'f': return 0;
        default: break;
        }
#else
    (void)s;
    (void)len;
#endif
    return -1;
}

static int quick_year(const char *s, size_t len)
{
#ifndef WRES_SLOW_PATH
    if (len == 4 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
        s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9') {
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        if (y >= 1900 && y <= 2100)
            return y;
    }
#else
    (void)s;
    (void)len;
#endif
    return -1;
}

static int quick_ethnicity(const char *s, size_t len)
{
#ifndef WRES_SLOW_PATH
    /* the national letters A..S in slot order, then Z */
    static const signed char slot[26] = {
        WRES__ETH_A, WRES__ETH_B, WRES__ETH_C, WRES__ETH_D, WRES__ETH_E,
        WRES__ETH_F, WRES__ETH_G, WRES__ETH_H, -1 /* I */, WRES__ETH_J,
        WRES__ETH_K, WRES__ETH_L, WRES__ETH_M, WRES__ETH_N, -1 /* O */,
        WRES__ETH_P, -1 /* Q */, WRES__ETH_R, WRES__ETH_S, -1, -1, -1, -1,
        -1, -1, WRES__ETH_UNKNOWN /* Z */,
    };
    if (len == 1) {
        char c = s[0];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c >= 'A' && c <= 'Z')
            return slot[c - 'A'];
    }
#else
    (void)s;
    (void)len;
#endif
    return -1;
}

/* Returns 0 when the value is fine, else the status of reject(). */
static int check_year(const rowctx *rc, decoded *d)
{
    const wres__fields *f = rc->f;

    if (has_value(f, WRES__COL_YEAR)) {
        int y = quick_year(f->v[WRES__COL_YEAR], f->len[WRES__COL_YEAR]);
        if (y > 0) {
            d->year = y;
            return 0;
        }
        if (wres__vocab(rc->ctx->vcache, WRES__V_YEAR, f->v[WRES__COL_YEAR],
                        f->len[WRES__COL_YEAR], &d->year) != 0)
            return reject(rc, WRES__COL_YEAR, WRES_REASON_INVALID_YEAR,
                          "not a reporting year:");
        return 0;
    }
    if (rc->ctx->default_year) {
        d->year = rc->ctx->default_year;
        return 0;
    }
    return reject(rc, WRES__COL_YEAR, WRES_REASON_MISSING_VALUE,
                  "no year and no default year");
}

static void take_org(const rowctx *rc, decoded *d)
{
    const wres__fields *f = rc->f;

    if (has_value(f, WRES__COL_ORG)) {
        d->org = f->v[WRES__COL_ORG];
        d->org_len = f->len[WRES__COL_ORG];
    } else {
        d->org = rc->ctx->default_org;
        d->org_len = rc->ctx->default_org_len;
    }
}

static int check_ethnicity(const rowctx *rc, decoded *d)
{
    const wres__fields *f = rc->f;

    if (!has_value(f, WRES__COL_ETHNICITY)) {
        d->eth = WRES__ETH_UNKNOWN;
        return 0;
    }
    if ((d->eth = quick_ethnicity(f->v[WRES__COL_ETHNICITY],
                                  f->len[WRES__COL_ETHNICITY])) >= 0)
        return 0;
    if (wres__vocab(rc->ctx->vcache, WRES__V_ETHNICITY, f->v[WRES__COL_ETHNICITY],
                    f->len[WRES__COL_ETHNICITY], &d->eth) != 0)
        return reject(rc, WRES__COL_ETHNICITY, WRES_REASON_UNKNOWN_ETHNICITY,
                      "not a known ethnic category:");
    return 0;
}

static int check_required(const rowctx *rc, int col)
{
    if (!has_value(rc->f, col))
        return reject(rc, col, WRES_REASON_MISSING_VALUE,
                      "a value is required");
    return 0;
}

/* yes/no column; empty means no unless required. */
static int check_yes_no(const rowctx *rc, int col, int required, int *out)
{
    const wres__fields *f = rc->f;

    *out = 0;
    if (!has_value(f, col))
        return required ? check_required(rc, col) : 0;
    if ((*out = quick_yes_no(f->v[col], f->len[col])) >= 0)
        return 0;
    *out = 0;
    if (wres__vocab(rc->ctx->vcache, WRES__V_YES_NO, f->v[col], f->len[col], out) != 0)
        return reject(rc, col, WRES_REASON_INVALID_YES_NO, "not yes or no:");
    return 0;
}

static int check_answer(const rowctx *rc, int col, int vocab, int *answered,
                        int *yes)
{
    const wres__fields *f = rc->f;

    *answered = 0;
    *yes = 0;
    if (!has_value(f, col))
        return 0;
    if ((*yes = quick_yes_no(f->v[col], f->len[col])) >= 0) {
        *answered = 1;
        return 0;
    }
    *yes = 0;
    /* vocab < 0: plain yes/no, the survey's own wording is not accepted */
    if (wres__vocab(rc->ctx->vcache,
                    vocab < 0 ? WRES__V_YES_NO
                    : vocab == WRES__ANSWER_HARASSMENT ? WRES__V_HARASSMENT
                                                       : WRES__V_EQUAL_OPP,
                    f->v[col], f->len[col], yes) != 0)
        return reject(rc, col, WRES_REASON_INVALID_YES_NO,
                      "not a recognised answer:");
    *answered = 1;
    return 0;
}

static int check_integer(const rowctx *rc, int col, int64_t *out)
{
    const wres__fields *f = rc->f;
    int rv = check_required(rc, col);

    if (rv)
        return rv;
    if (wres__parse_uint63(f->v[col], f->len[col], out) != 0)
        return reject(rc, col, WRES_REASON_INVALID_INTEGER,
                      "not a whole number from 0 to 2^63-1:");
    return 0;
}

static int decode_fields(const rowctx *rc, decoded *d)
{
    const wres__fields *f = rc->f;
    int rv;

    memset(d, 0, sizeof *d);
    switch (rc->kind) {
    case WRES_KIND_STAFF:
        if ((rv = check_required(rc, WRES__COL_ID)) != 0)
            return rv;
        if ((rv = check_year(rc, d)) != 0)
            return rv;
        take_org(rc, d);
        if ((rv = check_ethnicity(rc, d)) != 0)
            return rv;
        if ((rv = check_required(rc, WRES__COL_BAND)) != 0)
            return rv;
        if (wres__vocab(rc->ctx->vcache, WRES__V_BAND, f->v[WRES__COL_BAND],
                        f->len[WRES__COL_BAND], &d->band) != 0)
            return reject(rc, WRES__COL_BAND, WRES_REASON_UNKNOWN_BAND,
                          "not a known band:");
        if ((rv = check_required(rc, WRES__COL_STAFF_GROUP)) != 0)
            return rv;
        if (wres__vocab(rc->ctx->vcache, WRES__V_STAFF_GROUP,
                        f->v[WRES__COL_STAFF_GROUP], f->len[WRES__COL_STAFF_GROUP],
                        &d->sgroup) != 0)
            return reject(rc, WRES__COL_STAFF_GROUP,
                          WRES_REASON_UNKNOWN_STAFF_GROUP,
                          "not a known staff group:");
        if ((rv = check_yes_no(rc, WRES__COL_DISCIPLINARY, 0, &d->disc)) != 0)
            return rv;
        if ((rv = check_yes_no(rc, WRES__COL_TRAINING, 0, &d->train)) != 0)
            return rv;
        return check_yes_no(rc, WRES__COL_BANK, 0, &d->bank);

    case WRES_KIND_APPLICANTS:
        if ((rv = check_year(rc, d)) != 0)
            return rv;
        take_org(rc, d);
        if ((rv = check_ethnicity(rc, d)) != 0)
            return rv;
        if ((rv = check_yes_no(rc, WRES__COL_SHORTLISTED, 1,
                               &d->shortlisted)) != 0)
            return rv;
        if ((rv = check_yes_no(rc, WRES__COL_APPOINTED, 0,
                               &d->appointed)) != 0)
            return rv;
        if (d->appointed && !d->shortlisted)
            return reject(rc, WRES__COL_APPOINTED,
                          WRES_REASON_APPOINTED_NOT_SHORTLISTED,
                          "appointed but not shortlisted");
        return 0;

    case WRES_KIND_SURVEY: {
        int mgr_a, mgr_y, col_a, col_y;
        if ((rv = check_year(rc, d)) != 0)
            return rv;
        take_org(rc, d);
        if ((rv = check_ethnicity(rc, d)) != 0)
            return rv;
        if ((rv = check_answer(rc, WRES__COL_H_PUBLIC, WRES__ANSWER_HARASSMENT,
                               &d->answered[0], &d->yes[0])) != 0)
            return rv;
        if ((rv = check_answer(rc, WRES__COL_H_STAFF, WRES__ANSWER_HARASSMENT,
                               &d->answered[1], &d->yes[1])) != 0)
            return rv;
        if ((rv = check_answer(rc, WRES__COL_H_MANAGER, WRES__ANSWER_HARASSMENT,
                               &mgr_a, &mgr_y)) != 0)
            return rv;
        if ((rv = check_answer(rc, WRES__COL_H_COLLEAGUE,
                               WRES__ANSWER_HARASSMENT, &col_a, &col_y)) != 0)
            return rv;
        if (!d->answered[1]) {
            /* the survey asks 6 as two items */
            d->answered[1] = mgr_a || col_a;
            d->yes[1] = mgr_y || col_y;
        }
        if ((rv = check_answer(rc, WRES__COL_EQUAL_OPP, WRES__ANSWER_EQUAL_OPP,
                               &d->answered[2], &d->yes[2])) != 0)
            return rv;
        return check_answer(rc, WRES__COL_DISCRIMINATION, -1,
                            &d->answered[3], &d->yes[3]);
    }

    case WRES_KIND_SURVEY_COUNTS: {
        int64_t ind;
        if ((rv = check_year(rc, d)) != 0)
            return rv;
        take_org(rc, d);
        if ((rv = check_required(rc, WRES__COL_GROUP)) != 0)
            return rv;
        if (wres__vocab(rc->ctx->vcache, WRES__V_GROUP, f->v[WRES__COL_GROUP],
                        f->len[WRES__COL_GROUP], &d->eth) != 0)
            return reject(rc, WRES__COL_GROUP, WRES_REASON_UNKNOWN_ETHNICITY,
                          "not a known group:");
        if ((rv = check_integer(rc, WRES__COL_INDICATOR, &ind)) != 0)
            return rv;
        if (ind < 5 || ind > 8)
            return reject(rc, WRES__COL_INDICATOR, WRES_REASON_INVALID_INTEGER,
                          "indicator must be 5, 6, 7 or 8, not");
        d->indicator = (int)ind;
        if ((rv = check_integer(rc, WRES__COL_YES, &d->n_yes)) != 0)
            return rv;
        if ((rv = check_integer(rc, WRES__COL_RESPONDENTS, &d->n_resp)) != 0)
            return rv;
        if (d->n_yes > d->n_resp)
            return reject(rc, WRES__COL_YES, WRES_REASON_YES_GT_RESPONDENTS,
                          "yes is greater than respondents:");
        return 0;
    }

    case WRES_KIND_BOARD:
        if ((rv = check_year(rc, d)) != 0)
            return rv;
        take_org(rc, d);
        if ((rv = check_ethnicity(rc, d)) != 0)
            return rv;
        if ((rv = check_yes_no(rc, WRES__COL_VOTING, 1, &d->voting)) != 0)
            return rv;
        return check_yes_no(rc, WRES__COL_EXECUTIVE, 1, &d->executive);
    }
    return WRES_E_INVALID;
}

/* The duplicate-id key: kind and year, org, [post_id,] id, NUL-separated.
 * Built on the stack: ingestion allocates nothing for a row it accepts
 * unless the id is new. */
#define KEY_MAX (16 + 3 * (WRES__FIELD_MAX + 1))

static size_t key_part(char *key, size_t at, const char *s, size_t n)
{
    if (n)
        memcpy(key + at, s, n);
    key[at + n] = '\0';
    return at + n + 1;
}

static size_t id_key(const rowctx *rc, const decoded *d, char *key)
{
    const wres__fields *f = rc->f;
    size_t at;
    int n;

    if (rc->kind == WRES_KIND_SURVEY_COUNTS || !has_value(f, WRES__COL_ID))
        return 0;
    /* kind and year in three bytes: the year lies in 1900..2100 */
    key[0] = (char)rc->kind;
    key[1] = (char)(d->year >> 8);
    key[2] = (char)(d->year & 0xff);
    n = 3;
    at = key_part(key, (size_t)n, d->org, d->org_len);
    if (rc->kind == WRES_KIND_APPLICANTS)
        at = key_part(key, at, f->present[WRES__COL_POST_ID] ? f->v[WRES__COL_POST_ID] : "",
                      f->present[WRES__COL_POST_ID] ? f->len[WRES__COL_POST_ID] : 0);
    return key_part(key, at, f->v[WRES__COL_ID], f->len[WRES__COL_ID]);
}

/* Whether period p has accepted the packed id (and post) of this kind. */
static int seen_packed(const wres__period *p, int kind, uint64_t id, uint64_t post)
{
    long num = 0;

    if (!p)
        return 0;
    if (kind == WRES_KIND_APPLICANTS && (num = wres__posts_find(&p->posts, post)) < 0)
        return 0;
    return wres__idset_has(&p->ids[kind - 1], id, (uint32_t)num);
}

/* Room for n more respondents to question q of (org, year), counting what
 * the file being read has staged and what the handle already holds. */
static int survey_room(const wres_ctx *ctx, const wres__period *p,
                       const decoded *d, int q, int64_t n)
{
    int64_t total = p->survey_total[q];

    if (ctx->stage) {
        const wres__period *mp = wres__store_period(
            (wres__store *)&ctx->store, d->org, d->org_len, d->year, 0, NULL);
        if (mp)
            total += mp->survey_total[q];  /* both together never pass the max */
    }
    return total <= INT64_MAX - n;
}

int wres__decode_row(wres_ctx *ctx, int kind, size_t source, int64_t line,
                     const wres__fields *f)
{
    rowctx rc;
    decoded d;
    wres__period *p;
    wres__store *st;
    char key[KEY_MAX];
    size_t key_len;
    uint64_t hash = 0, pid = 0, ppost = 0;
    uint32_t dkey[WRES__DIMS];
    int rv, oom, q, packed, detail;

    rc.ctx = ctx;
    rc.kind = kind;
    rc.source = source;
    rc.line = line;
    rc.f = f;
    rv = decode_fields(&rc, &d);
    if (rv)
        return rv;

    /* rows of a file being read go to its staging store, merged at the end */
    st = ctx->stage ? ctx->stage : &ctx->store;
    key_len = 0;
    packed = 0;
    if (kind != WRES_KIND_SURVEY_COUNTS && has_value(f, WRES__COL_ID)) {
        /* an id of at most eight bytes (and, for applicants, a post id of
         * at most eight) goes to the period's compact set; others to the
         * store's string set */
        int post_ok = kind != WRES_KIND_APPLICANTS || !f->present[WRES__COL_POST_ID] ||
                      f->len[WRES__COL_POST_ID] <= 8;
#ifdef WRES_SLOW_PATH
        post_ok = 0;    /* the straightforward build: every id a string */
#endif
        if (f->len[WRES__COL_ID] <= 8 && post_ok) {
            packed = 1;
            memcpy(&pid, f->v[WRES__COL_ID], f->len[WRES__COL_ID]);
            if (kind == WRES_KIND_APPLICANTS && f->present[WRES__COL_POST_ID])
                memcpy(&ppost, f->v[WRES__COL_POST_ID], f->len[WRES__COL_POST_ID]);
        } else {
            key_len = id_key(&rc, &d, key);
            hash = wres__hash(key, key_len);
        }
    }
    if (packed || key_len) {
        const wres__period *mp = wres__store_period(&ctx->store, d.org, d.org_len,
                                                    d.year, 0, NULL);
        const wres__period *sp = ctx->stage ? wres__store_period(
                                     ctx->stage, d.org, d.org_len, d.year, 0, NULL)
                                            : NULL;
        int dup = packed ? seen_packed(mp, kind, pid, ppost) ||
                               seen_packed(sp, kind, pid, ppost)
                         : wres__ids_has(&ctx->store, key, key_len, hash) ||
                               (ctx->stage && wres__ids_has(ctx->stage, key, key_len, hash));
        if (dup)
            return reject(&rc, WRES__COL_ID, WRES_REASON_DUPLICATE_ID,
                          "already seen in this organisation and year:");
    }
    p = wres__store_period(st, d.org, d.org_len, d.year, 1, &oom);
    if (!p)
        return WRES_E_NOMEM;
    if (kind == WRES_KIND_SURVEY_COUNTS &&
        !survey_room(ctx, p, &d, d.indicator - 5, d.n_resp))
        return reject(&rc, WRES__COL_RESPONDENTS, WRES_REASON_INVALID_INTEGER,
                      "respondents for this organisation, year and indicator "
                      "would exceed 2^63-1:");
    /* breakdowns: the finer counts by dimension values; room first, so
     * that nothing is half done if memory runs out */
    detail = ctx->capture &&
             ((kind == WRES_KIND_STAFF && !d.bank) || kind == WRES_KIND_APPLICANTS);
    if (detail && (rv = wres__detail_prepare(ctx, p, kind, f, d.sgroup, d.band,
                                             dkey)) != 0)
        return rv;
    if (packed) {
        uint32_t post = 0;
        if (kind == WRES_KIND_APPLICANTS &&
            (rv = wres__posts_add(&p->posts, ppost, &post)) != 0)
            return rv;
        if ((rv = wres__idset_insert(&p->ids[kind - 1], kind == WRES_KIND_APPLICANTS,
                                     pid, post)) != 0)
            return rv;
    }
    if (key_len && (rv = wres__ids_insert(st, key, key_len, hash)) != 0)
        return rv;
    if (detail)
        wres__detail_count(p, kind, dkey, d.eth,
                           kind == WRES_KIND_STAFF ? d.disc : d.shortlisted,
                           kind == WRES_KIND_STAFF ? d.train : d.appointed);

    switch (kind) {
    case WRES_KIND_STAFF:
        p->staff_rows++;
        if (f->present[WRES__COL_DISCIPLINARY])
            p->disc_info = 1;
        if (f->present[WRES__COL_TRAINING])
            p->train_info = 1;
        if (d.bank) {
            p->bank[d.eth]++;
        } else {
            p->staff_nonbank++;
            p->head[d.sgroup][d.band][d.eth]++;
            p->disc[d.sgroup][d.band][d.eth] += d.disc;
            p->train[d.sgroup][d.band][d.eth] += d.train;
        }
        break;
    case WRES_KIND_APPLICANTS:
        p->app_rows++;
        p->applied[d.eth]++;
        p->shortlisted[d.eth] += d.shortlisted;
        p->appointed[d.eth] += d.appointed;
        break;
    case WRES_KIND_SURVEY:
        p->survey_rows++;
        for (q = 0; q < WRES__SURVEY_QS; q++) {
            if (!d.answered[q] || !survey_room(ctx, p, &d, q, 1))
                continue;
            p->survey_avail[q] = 1;
            p->survey_total[q]++;
            p->survey_n[q][d.eth]++;
            p->survey_yes[q][d.eth] += d.yes[q];
        }
        break;
    case WRES_KIND_SURVEY_COUNTS:
        q = d.indicator - 5;
        p->survey_rows++;
        p->survey_avail[q] = 1;
        p->survey_total[q] += d.n_resp;
        p->survey_n[q][d.eth] += d.n_resp;
        p->survey_yes[q][d.eth] += d.n_yes;
        break;
    case WRES_KIND_BOARD:
        p->board_rows++;
        p->board[d.voting][d.executive][d.eth]++;
        break;
    }
    ctx->sources[source].rows_read++;
    ctx->sources[source].rows_accepted++;
    st->stamp++;
    return WRES_OK;
}

/* ---- records through the API ------------------------------------------- */

#define MAX_EXTRA 64     /* extra (unknown) columns on one record */

typedef struct extra_field {
    char *name;
    char *value;
    size_t len;
} extra_field;

struct wres_record {
    wres_ctx *ctx;
    int kind;
    size_t source;
    char *val[WRES__COLS];
    size_t len[WRES__COLS];
    unsigned char present[WRES__COLS];
    unsigned char ordered[WRES__COLS];  /* already in order[] */
    extra_field *extra;
    size_t n_extra, extra_cap;
    /* the order fields were first set: col, or WRES__COLS + extra index */
    int order[WRES__COLS + MAX_EXTRA];
    size_t n_order;
};

static int api_source(wres_ctx *ctx, int kind, const char *name, size_t *out)
{
    size_t i;

    for (i = 0; i < ctx->n_sources; i++)
        if (ctx->sources[i].is_api && ctx->sources[i].kind == kind &&
            strcmp(ctx->sources[i].path, name) == 0) {
            *out = i;
            return WRES_OK;
        }
    i = wres__source_add(ctx, kind, name, 1);
    if (i == (size_t)-1)
        return WRES_E_NOMEM;
    *out = i;
    return WRES_OK;
}

int wres_record_new(wres_ctx *ctx, int kind, const char *source,
                    wres_record **out)
{
    wres_record *rec;
    char defname[32];
    int rv;

    if (!out)
        return WRES_E_INVALID;
    *out = NULL;
    if (!ctx)
        return WRES_E_INVALID;
    if (!wres__kind_valid(kind)) {
        wres__set_error(ctx, "unknown record kind %d", kind);
        return WRES_E_INVALID;
    }
    if (!source) {
        snprintf(defname, sizeof defname, "api:%s", wres_kind_name(kind));
        source = defname;
    }
    rec = wres__calloc(1, sizeof *rec);
    if (!rec)
        return WRES_E_NOMEM;
    rv = api_source(ctx, kind, source, &rec->source);
    if (rv) {
        wres__free(rec);
        return rv;
    }
    rec->ctx = ctx;
    rec->kind = kind;
    *out = rec;
    return WRES_OK;
}

static void record_clear(wres_record *rec)
{
    size_t i;

    for (i = 0; i < WRES__COLS; i++) {
        wres__free(rec->val[i]);
        rec->val[i] = NULL;
        rec->len[i] = 0;
        rec->present[i] = 0;
        rec->ordered[i] = 0;
    }
    for (i = 0; i < rec->n_extra; i++) {
        wres__free(rec->extra[i].name);
        wres__free(rec->extra[i].value);
    }
    rec->n_extra = 0;
    rec->n_order = 0;
}

void wres_record_free(wres_record *rec)
{
    if (!rec)
        return;
    record_clear(rec);
    wres__free(rec->extra);
    wres__free(rec);
}

static void trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

static int note_ignored(wres_record *rec, const char *name, size_t len)
{
    wres__source *s = &rec->ctx->sources[rec->source];
    size_t i;

    for (i = 0; i < s->n_ignored; i++)
        if (strlen(s->ignored[i]) == len && memcmp(s->ignored[i], name, len) == 0)
            return WRES_OK;
    return wres__source_ignore(rec->ctx, rec->source, name, len);
}

int wres_record_set(wres_record *rec, const char *column, const char *value)
{
    const char *name = column;
    size_t name_len, vlen = 0, i;
    char *copy = NULL;
    int col;

    if (!rec || !column)
        return WRES_E_INVALID;
    name_len = strlen(column);
    trim(&name, &name_len);
    if (name_len > WRES__FIELD_MAX || !wres__utf8_valid(name, name_len)) {
        wres__set_error(rec->ctx, "column names must be valid UTF-8 of at most %d bytes",
                        WRES__FIELD_MAX);
        return WRES_E_INVALID;
    }
    if (value) {
        vlen = strlen(value);
        trim(&value, &vlen);
        copy = wres__strndup(value, vlen);
        if (!copy)
            return WRES_E_NOMEM;
    }
    col = wres__column_lookup(rec->kind, name, name_len);
    if (col >= 0) {
        wres__free(rec->val[col]);
        rec->val[col] = copy;
        rec->len[col] = vlen;
        rec->present[col] = copy != NULL;
        /* order[] has room for every known column besides the extras */
        if (copy && !rec->ordered[col]) {
            rec->ordered[col] = 1;
            rec->order[rec->n_order++] = col;
        }
        return WRES_OK;
    }
    /* a column this kind does not know: kept for the row checks and listed
     * as ignored, as a CSV file's extra column would be */
    for (i = 0; i < rec->n_extra; i++)
        if (strlen(rec->extra[i].name) == name_len &&
            memcmp(rec->extra[i].name, name, name_len) == 0) {
            wres__free(rec->extra[i].value);
            rec->extra[i].value = copy;
            rec->extra[i].len = vlen;
            return WRES_OK;
        }
    if (!copy)
        return WRES_OK;
    {
        void *p = rec->extra;
        char *ncopy;
        if (rec->n_extra >= MAX_EXTRA) {
            wres__free(copy);
            wres__set_error(rec->ctx, "too many extra columns on one record");
            return WRES_E_RANGE;
        }
        if ((wres__dim_column(rec->ctx, rec->kind, name, name_len) < 0 &&
             note_ignored(rec, name, name_len) != WRES_OK) ||
            (wres__dim_column(rec->ctx, rec->kind, name, name_len) >= 0 &&
             wres__source_dimcol(&rec->ctx->sources[rec->source], name, name_len) != WRES_OK) ||
            wres__grow(&p, &rec->extra_cap, rec->n_extra + 1,
                       sizeof *rec->extra) != WRES_OK) {
            wres__free(copy);
            return WRES_E_NOMEM;
        }
        rec->extra = p;
        ncopy = wres__strndup(name, name_len);
        if (!ncopy) {
            wres__free(copy);
            return WRES_E_NOMEM;
        }
        rec->extra[rec->n_extra].name = ncopy;
        rec->extra[rec->n_extra].value = copy;
        rec->extra[rec->n_extra].len = vlen;
        rec->order[rec->n_order++] = WRES__COLS + (int)rec->n_extra;
        rec->n_extra++;
    }
    return WRES_OK;
}

int wres_record_set_int(wres_record *rec, const char *column, int64_t value)
{
    char text[24];

    snprintf(text, sizeof text, "%lld", (long long)value);
    return wres_record_set(rec, column, text);
}

int wres_record_add(wres_record *rec)
{
    wres__fields f;
    wres_ctx *ctx;
    int64_t line;
    size_t i;
    int rv = WRES_OK, reason = 0;
    const char *col = "-";

    if (!rec)
        return WRES_E_INVALID;
    ctx = rec->ctx;
    line = ctx->sources[rec->source].rows_read + 1;
    memset(&f, 0, sizeof f);
    for (i = 0; i < rec->n_order && !reason; i++) {
        int o = rec->order[i];
        const char *v = o < WRES__COLS ? rec->val[o] : rec->extra[o - WRES__COLS].value;
        size_t n = o < WRES__COLS ? rec->len[o] : rec->extra[o - WRES__COLS].len;
        if (v && !wres__utf8_valid(v, n))
            reason = WRES_REASON_INVALID_UTF8;
    }
    for (i = 0; i < rec->n_order && !reason; i++) {
        int o = rec->order[i];
        size_t n = o < WRES__COLS ? rec->len[o] : rec->extra[o - WRES__COLS].len;
        if (n > WRES__FIELD_MAX) {
            reason = WRES_REASON_FIELD_TOO_LONG;
            col = o < WRES__COLS ? wres__column_name(rec->kind, o)
                                 : rec->extra[o - WRES__COLS].name;
        }
    }
    if (reason) {
        rv = wres__reject(ctx, rec->source, line, col, strlen(col), reason,
                          reason == WRES_REASON_INVALID_UTF8
                              ? "invalid UTF-8 (or a NUL byte)"
                              : "a value longer than 1024 bytes");
        if (rv == WRES_OK)
            rv = WRES_E_REJECTED;
    } else {
        for (i = 0; i < WRES__COLS; i++) {
            f.present[i] = rec->present[i];
            f.v[i] = rec->val[i] ? rec->val[i] : "";
            f.len[i] = rec->len[i];
        }
        for (i = 0; ctx->capture && i < rec->n_extra; i++) {
            const extra_field *x = &rec->extra[i];
            int d = wres__dim_column(ctx, rec->kind, x->name, strlen(x->name));
            if (d >= 0 && x->value) {
                f.dv[d] = x->value;
                f.dlen[d] = x->len;
                f.dpresent[d] = 1;
            }
        }
        rv = wres__decode_row(ctx, rec->kind, rec->source, line, &f);
    }
    if (rv != WRES_E_NOMEM)
        record_clear(rec);
    return rv;
}
