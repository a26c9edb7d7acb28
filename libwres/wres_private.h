/*
 * wres_private.h - the one private header: internal types and functions
 * shared across the library's files.  Names here are wres__ (two
 * underscores) and hidden from the shared library's export table.
 */
#ifndef WRES_PRIVATE_H
#define WRES_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "wres.h"

/* ---- ethnic slots -------------------------------------------------------
 * The store keeps counts per ethnic "slot": the sixteen national codes
 * A..S, unknown (Z, 99, missing), and -- for pre-aggregated survey counts
 * only -- groups that name no single code.
 */
enum wres__eth {
    WRES__ETH_A = 0, WRES__ETH_B, WRES__ETH_C,            /* white */
    WRES__ETH_D, WRES__ETH_E, WRES__ETH_F, WRES__ETH_G,   /* mixed */
    WRES__ETH_H, WRES__ETH_J, WRES__ETH_K, WRES__ETH_L,   /* asian */
    WRES__ETH_M, WRES__ETH_N, WRES__ETH_P,                /* black */
    WRES__ETH_R, WRES__ETH_S,                             /* other */
    WRES__ETH_UNKNOWN = 16,
    WRES__ETH_WHITE = 17,   /* survey_counts group "white" */
    WRES__ETH_BME = 18,     /* survey_counts group "bme" */
    WRES__ETH_ASIAN = 19,   /* survey_counts broad groups */
    WRES__ETH_BLACK = 20,
    WRES__ETH_MIXED = 21,
    WRES__ETH_OTHER = 22,
    WRES__ETH_SLOTS = 23
};

/* WRES group of a slot: 0 white, 1 bme, 2 unknown. */
enum wres__wgroup { WRES__WHITE = 0, WRES__BME = 1, WRES__UNKNOWN = 2,
                   WRES__OTHER = 3 /* comparisons: in totals only */ };
int wres__eth_wgroup(int slot);

/* Bands in report order. */
enum wres__band {
    WRES__BAND_UNDER1 = 0, WRES__BAND_1, WRES__BAND_2, WRES__BAND_3,
    WRES__BAND_4, WRES__BAND_5, WRES__BAND_6, WRES__BAND_7,
    WRES__BAND_8A, WRES__BAND_8B, WRES__BAND_8C, WRES__BAND_8D,
    WRES__BAND_9, WRES__BAND_VSM, WRES__BAND_CONSULTANT,
    WRES__BAND_CAREER, WRES__BAND_TRAINEE, WRES__BAND_OTHER,
    WRES__BANDS = 18
};

/* Staff groups in report order. */
enum wres__sgroup {
    WRES__SG_NONCLINICAL = 0, WRES__SG_CLINICAL = 1, WRES__SG_MEDICAL = 2,
    WRES__SGROUPS = 3
};

/* Which vocabulary a survey answer column uses. */
enum wres__answer { WRES__ANSWER_HARASSMENT = 0, WRES__ANSWER_EQUAL_OPP = 1 };

/* ---- vocab.c ------------------------------------------------------------
 * Decoders for the value vocabularies of DATA.md.  Each takes a value that
 * has already been trimmed of spaces and tabs and is not empty, and returns
 * 0 with the decoded value stored, or -1 when the value is not in the
 * vocabulary.  Values longer than WRES__FIELD_MAX bytes are rejected.
 */
#define WRES__FIELD_MAX 1024

size_t wres__normalise(const char *s, size_t len, char *out, size_t cap);
int wres__parse_ethnicity(const char *s, size_t len, int *slot);
int wres__parse_survey_group(const char *s, size_t len, int *slot);
int wres__parse_band(const char *s, size_t len, int *band);
int wres__parse_staff_group(const char *s, size_t len, int *group);
int wres__parse_yes_no(const char *s, size_t len, int *yes);
int wres__parse_survey_answer(const char *s, size_t len, int answer,
                              int *yes);
int wres__parse_year(const char *s, size_t len, int *year);
int wres__parse_uint63(const char *s, size_t len, int64_t *value);
const char *wres__band_name(int band);

/* A memo of decoded values: clean national files repeat a few dozen
 * distinct values per column millions of times, so each is normalised and
 * matched once.  Two-way set-associative (two frequent values whose hashes
 * meet must not evict each other on every row); a value longer than
 * WRES__VC_KEY bytes is decoded every time. */
enum wres__vocab {
    WRES__V_ETHNICITY, WRES__V_BAND, WRES__V_STAFF_GROUP, WRES__V_YES_NO,
    WRES__V_HARASSMENT, WRES__V_EQUAL_OPP, WRES__V_YEAR, WRES__V_GROUP,
    WRES__V_COUNT
};
#define WRES__VC_KEY 62
#define WRES__VC_SETS 256
typedef struct wres__vc_entry {
    uint64_t w0, w1;        /* the first 16 bytes, zero-padded */
    unsigned char len;      /* 0: empty (decoded values are never empty) */
    signed char rv;         /* the decoder's result: 0 or -1 */
    int32_t value;
    char key[WRES__VC_KEY]; /* the whole value */
} wres__vc_entry;
typedef struct wres__vcache {
    wres__vc_entry e[WRES__V_COUNT][WRES__VC_SETS][2];
} wres__vcache;
/* Decode s with vocabulary v, and remember the result in set e (the most
 * recent first). */
int wres__vocab_fill(wres__vc_entry *set, int v, const char *s, size_t len,
                     uint64_t a, uint64_t b, int *out);
int wres__vocab_decode(int v, const char *s, size_t len, int *out);

/* Decode s with vocabulary v, through the memo c (which may be NULL).
 * Inline: it runs for nearly every field of every row. */
static inline int wres__vocab(wres__vcache *c, int v, const char *s,
                              size_t len, int *out)
{
    wres__vc_entry *set;
    uint64_t a = 0, b = 0, h;
    int w;

#ifdef WRES_SLOW_PATH
    c = NULL;   /* the straightforward build, to prove the memo exact */
#endif
    if (!c || len == 0 || len > WRES__VC_KEY)
        return wres__vocab_decode(v, s, len, out);
    memcpy(&a, s, len < 8 ? len : 8);
    if (len > 8)
        memcpy(&b, s + 8, len - 8 < 8 ? len - 8 : 8);
    /* values differ in a byte or two: mix every bit (MurmurHash3's
     * finaliser) before taking eight */
    h = a ^ (b * 0x9e3779b97f4a7c15u) ^ (uint64_t)len;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    set = c->e[v][h >> 56];
    /* most values fit in the two words: compare them, then the rest */
    for (w = 0; w < 2; w++) {
        const wres__vc_entry *e = &set[w];
        if (e->len == len && e->w0 == a && e->w1 == b &&
            (len <= 16 || memcmp(e->key + 16, s + 16, len - 16) == 0)) {
            if (e->rv == 0)
                *out = e->value;
            return e->rv;
        }
    }
    return wres__vocab_fill(set, v, s, len, a, b, out);
}
const char *wres__staff_group_name(int group);

/* ---- stats.c ------------------------------------------------------------
 * Pure statistics.  A figure that cannot be computed is returned as NaN
 * here; writers turn NaN into JSON null (never printed as nan).
 */
double wres__norm_quantile(double p);          /* inverse normal CDF */
double wres__z_for_confidence(double c);       /* quantile(1 - (1-c)/2) */
/* Wilson score interval of x/n as fractions; lo = hi = NaN when n == 0. */
void wres__wilson(int64_t x, int64_t n, double z, double *lo, double *hi);
/* Newcombe method 10 for p1 - p2 (fractions); all NaN when n1 or n2 is 0. */
void wres__newcombe(int64_t x1, int64_t n1, int64_t x2, int64_t n2, double z,
                    double *d, double *lo, double *hi);
/* RL = (a/n1)/(b/n2) with the Katz log interval; see INDICATORS.md for
 * when each part is NaN. */
void wres__katz(int64_t a, int64_t n1, int64_t b, int64_t n2, double z,
                double *rl, double *lo, double *hi);
/* Pooled two-proportion z-test, two-sided; NaN when n1 or n2 is 0. */
double wres__p_two_prop(int64_t a, int64_t n1, int64_t b, int64_t n2);
/* 0.80 <= RL <= 1.25 decided exactly on the counts: 1 yes, 0 no, -1 when
 * RL is null. */
int wres__non_adverse(int64_t a, int64_t n1, int64_t b, int64_t n2);
/* Variance of ln RL (Katz): 1/a - 1/n1 + 1/b - 1/n2; NaN when a or b is 0. */
double wres__katz_var(int64_t a, int64_t n1, int64_t b, int64_t n2);
/* Ratio rl2/rl1 of two independent relative likelihoods with log-scale
 * variances v1, v2: the ratio, its interval and the z-test's p. */
void wres__rl_change(double rl1, double v1, double rl2, double v2, double z,
                     double *ratio, double *lo, double *hi, double *p);
/* Cochran-Armitage trend test of x[i]/n[i] over scores t[i]: Z, the
 * n-weighted least-squares slope (fraction per unit score) and p. */
void wres__cochran_armitage(const int64_t *x, const int64_t *n,
                            const double *t, size_t k, double *z,
                            double *slope, double *p);
/* Inverse-variance weighted regression of y on t: slope and p. */
void wres__weighted_slope(const double *y, const double *v, const double *t,
                          size_t k, double *slope, double *p);

/* ---- memory.c -----------------------------------------------------------
 * Every allocation of the library goes through these wrappers.
 */
void *wres__malloc(size_t n);
void *wres__calloc(size_t n, size_t size);
void *wres__realloc(void *p, size_t n);
void wres__free(void *p);
char *wres__strndup(const char *s, size_t n);
#ifdef WRES_FAULT_INJECTION
void wres__fault_set(long n);   /* fail allocation number n (0: none) */
long wres__fault_calls(void);   /* allocations since wres__fault_set */
long wres__live_blocks(void);   /* blocks allocated and not freed */
#endif
/* Grow *p (an array of *cap elements of size elem) to hold at least need. */
int wres__grow(void **p, size_t *cap, size_t need, size_t elem);

/* A growing byte string; on allocation failure oom is set and further
 * appends do nothing. */
typedef struct wres__buf {
    char *p;
    size_t len, cap;
    int oom;
} wres__buf;
void wres__buf_add(wres__buf *b, const char *s, size_t n);
void wres__buf_puts(wres__buf *b, const char *s);
void wres__buf_printf(wres__buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void wres__buf_free(wres__buf *b);

/* ---- error.c ------------------------------------------------------------ */
void wres__set_error(wres_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append s to b as printable text for a message: control bytes become '?',
 * at most max bytes are kept (then "..."). */
void wres__buf_add_shown(wres__buf *b, const char *s, size_t n, size_t max);
int wres__utf8_valid(const char *s, size_t n);
/* A copy of s with every byte that is not valid UTF-8 made U+FFFD. */
char *wres__utf8_copy(const char *s);
/* Length of s[0..n) without a multi-byte sequence cut at its end. */
size_t wres__utf8_whole(const char *s, size_t n);
/* Drop a multi-byte sequence that truncation cut at the end of errmsg. */
void wres__errmsg_fix(wres_ctx *ctx);

/* ---- columns and fields -------------------------------------------------
 * Canonical columns of all kinds.  WRES__COL_ID is staff_id, applicant_id,
 * respondent_id or member_id depending on the kind.
 */
enum wres__col {
    WRES__COL_ID = 0, WRES__COL_POST_ID, WRES__COL_YEAR, WRES__COL_ORG,
    WRES__COL_ETHNICITY, WRES__COL_BAND, WRES__COL_STAFF_GROUP,
    WRES__COL_DISCIPLINARY, WRES__COL_TRAINING, WRES__COL_BANK,
    WRES__COL_SHORTLISTED, WRES__COL_APPOINTED,
    WRES__COL_H_PUBLIC, WRES__COL_H_STAFF, WRES__COL_H_MANAGER,
    WRES__COL_H_COLLEAGUE, WRES__COL_EQUAL_OPP, WRES__COL_DISCRIMINATION,
    WRES__COL_GROUP, WRES__COL_INDICATOR, WRES__COL_YES,
    WRES__COL_RESPONDENTS, WRES__COL_VOTING, WRES__COL_EXECUTIVE,
    WRES__COLS
};

/* The values of one row, by canonical column.  present[c] says the column
 * exists in the file (CSV) or was set on the record (API). */
/* Breakdown dimensions (deep dives): [0] staff group, [1] band, then the
 * extra columns the caller names.  For applicants [0] and [1] come from
 * post_staff_group and post_band. */
#define WRES__DIMS 8
#define WRES__EXTRA_DIMS (WRES__DIMS - 2)

typedef struct wres__fields {
    const char *v[WRES__COLS];
    size_t len[WRES__COLS];
    unsigned char present[WRES__COLS];
    /* dimension columns, when some breakdown is kept (ctx->capture) */
    const char *dv[WRES__DIMS];
    size_t dlen[WRES__DIMS];
    unsigned char dpresent[WRES__DIMS];
} wres__fields;

/* Canonical column c of kind, or -1 when name is not one of kind's columns
 * (matched trimmed and case-insensitively). */
int wres__column_lookup(int kind, const char *name, size_t len);
const char *wres__column_name(int kind, int col);
/* Whether col is required (a file without it fails). */
int wres__column_required(int kind, int col);
int wres__kind_valid(int kind);

/* ---- store.c ------------------------------------------------------------
 * Counts per (org, year): the finest grain the indicators need.
 */
#define WRES__ETH_CODES 17  /* A..S and unknown: slots of row-level data */
#define WRES__SURVEY_QS 4   /* indicators 5..8 */

/* The ids of one kind accepted in one period, when they fit in eight
 * bytes (packed, zero-padded: ids are never empty and hold no NUL, so the
 * packing is exact and never 0).  For applicants the post id, packed the
 * same way, is part of the key.  Longer ids go to the store's string set.
 * Open addressing with linear probing, at most 7/8 full; 8 or 16 bytes
 * a slot. */
typedef struct wres__idset {
    uint64_t *id;           /* 0: an empty slot */
    uint32_t *post;         /* applicants only: the post's number in the
                             * period's wres__posts */
    size_t n, cap;
} wres__idset;

/* The posts of a period's applicants (packed as ids are), numbered from 0:
 * an applicant's slot then holds 12 bytes instead of 16. */
typedef struct wres__posts {
    uint64_t *key;
    uint32_t *num;          /* number + 1; 0: an empty slot */
    size_t n, cap;
} wres__posts;

/* The counts of one combination of dimension values: for staff
 * [0] headcount, [1] entered disciplinary, [2] trained; for applicants
 * [0] applied, [1] shortlisted, [2] appointed; each by ethnic code. */
typedef struct wres__dcell {
    uint32_t key[WRES__DIMS];   /* value ids (wres__dict); 0 missing */
    int64_t c[3][WRES__ETH_CODES];
} wres__dcell;

typedef struct wres__dtab {
    wres__dcell *cell;
    size_t n, cap;
    uint32_t *slot;             /* open addressing: cell index + 1 */
    size_t slot_cap;
} wres__dtab;

int wres__dtab_reserve(wres__dtab *t, size_t more);
void wres__dtab_merge(wres__dtab *dst, const wres__dtab *src);  /* reserved */
/* The cell of key, added (zeroed) when new; room must be reserved. */
wres__dcell *wres__dtab_put(wres__dtab *t, const uint32_t *key);
void wres__dtab_free(wres__dtab *t);

typedef struct wres__period {
    char *org;
    size_t org_len;
    int year;
    /* staff (1, 3, 4, 9): headcounts exclude bank-only staff */
    int64_t staff_rows;     /* accepted rows, bank-only included */
    int64_t staff_nonbank;  /* accepted rows, bank-only excluded */
    int disc_info, train_info;
    int64_t head[WRES__SGROUPS][WRES__BANDS][WRES__ETH_CODES];
    int64_t disc[WRES__SGROUPS][WRES__BANDS][WRES__ETH_CODES];
    int64_t train[WRES__SGROUPS][WRES__BANDS][WRES__ETH_CODES];
    int64_t bank[WRES__ETH_CODES];
    /* applicants (2) */
    int64_t app_rows;
    int64_t applied[WRES__ETH_CODES];
    int64_t shortlisted[WRES__ETH_CODES];
    int64_t appointed[WRES__ETH_CODES];
    /* survey microdata and survey_counts (5..8) */
    int64_t survey_rows;
    int survey_avail[WRES__SURVEY_QS];
    int64_t survey_total[WRES__SURVEY_QS];  /* all slots: overflow guard */
    int64_t survey_n[WRES__SURVEY_QS][WRES__ETH_SLOTS];
    int64_t survey_yes[WRES__SURVEY_QS][WRES__ETH_SLOTS];
    /* board (9): [voting][executive][slot] */
    int64_t board_rows;
    int64_t board[2][2][WRES__ETH_CODES];
    /* duplicate detection, by kind (index kind - 1) */
    wres__idset ids[5];
    wres__posts posts;
    uint32_t *remap;        /* during a merge: this period's post numbers
                             * in the period it merges into */
    /* breakdown detail, when kept: [0] staff (bank-only aside), [1]
     * applicants */
    wres__dtab detail[2];
} wres__period;

typedef struct wres__store {
    wres__period **periods;
    size_t n, cap;
    size_t *index;      /* open addressing: period number + 1, 0 = empty */
    size_t index_cap;
    /* ids already accepted: hash set of keys */
    char **ids;
    uint64_t *id_hash;
    size_t n_ids, ids_cap;
    /* arena for id keys */
    char *arena;
    size_t arena_used, arena_cap;
    char **arena_blocks;
    size_t n_blocks, blocks_cap;
    size_t stamp;           /* changes whenever rows are added */
    wres__period *last;     /* the period found last: rows come in runs */
} wres__store;

void wres__store_free(wres__store *s);
/* The period of (org, year), created when create is set; NULL when absent
 * or out of memory (*oom set). */
wres__period *wres__store_period(wres__store *s, const char *org,
                                 size_t org_len, int year, int create,
                                 int *oom);
/* Id set: 1 present, 0 absent; insert returns 0 or WRES_E_NOMEM. */
int wres__ids_has(const wres__store *s, const char *key, size_t len,
                  uint64_t hash);
int wres__ids_insert(wres__store *s, const char *key, size_t len,
                     uint64_t hash);
/* The compact sets: 1 present / 0 absent; insert returns 0 or NOMEM. */
int wres__idset_has(const wres__idset *s, uint64_t id, uint32_t post);
int wres__idset_insert(wres__idset *s, int with_post, uint64_t id, uint32_t post);
void wres__idset_free(wres__idset *s);
/* A post's number: -1 when absent (find); add numbers a new one. */
long wres__posts_find(const wres__posts *m, uint64_t key);
int wres__posts_add(wres__posts *m, uint64_t key, uint32_t *num);
uint64_t wres__hash(const char *s, size_t len);
/* Merging stores: reserve (may fail, changes nothing visible), then merge
 * (cannot fail; src is emptied).  A file is ingested into a staging store
 * and merged only when all of it has been read. */
int wres__store_reserve(wres__store *dst, const wres__store *src);
void wres__store_merge(wres__store *dst, wres__store *src);
void wres__period_add(wres__period *dst, const wres__period *src);

/* ---- dimension values (detail.c) --------------------------------------- */
#define WRES__SVC_CUTS 16
#define WRES__BREAKDOWNS 16
#define WRES__DV_MISSING 0      /* value ids 0 and 1 are fixed */
#define WRES__DV_INVALID 1

/* Interned strings, numbered from 0 in order of arrival. */
typedef struct wres__dict {
    char **s;
    size_t n, cap;
    uint32_t *slot;             /* open addressing: id + 1 */
    size_t slot_cap;
} wres__dict;
/* The id of s (added when new); -1 when out of memory. */
long wres__dict_intern(wres__dict *d, const char *s, size_t len);
void wres__dict_free(wres__dict *d);

/* Which dimension a column of kind is (2.. for the caller's extras), or -1. */
int wres__dim_column(const wres_ctx *ctx, int kind, const char *name,
                     size_t len);
/* An accepted staff (non-bank) or applicant row in p's detail: prepare
 * finds its key and makes room (may fail, changes no count); count then
 * counts it (cannot fail). */
int wres__detail_prepare(wres_ctx *ctx, wres__period *p, int kind,
                         const wres__fields *f, int sgroup, int band,
                         uint32_t *key);
void wres__detail_count(wres__period *p, int kind, const uint32_t *key,
                        int eth, int64_t c1, int64_t c2);
void wres__detail_ctx_init(wres_ctx *ctx);
void wres__detail_ctx_free(wres_ctx *ctx);
/* WRES_OPT_SERVICE_BANDS: "1,3,6,11" */
int wres__service_bands(wres_ctx *ctx, const char *spec);
/* Dimension d's name ("staff_group", "band", then the caller's). */
const char *wres__dim_name(const wres_ctx *ctx, int d);
/* Whether d is length_of_service (its cells are service bands). */
int wres__dim_is_service(const wres_ctx *ctx, int d);
/* Dimension names compare trimmed of nothing, ASCII case-insensitively. */
int wres__dim_name_eq(const char *a, size_t alen, const char *b);
/* The label of service band i of the cut points cut[0..n_cut) ("<1",
 * "1-2", ">10"); its length, as snprintf. */
int wres__service_label(const int *cut, int n_cut, int i, char *label,
                        size_t size);

/* ---- sources and rejections (ctx.c) ------------------------------------ */
typedef struct wres__source {
    char *path;
    int kind;
    int is_api;
    int error;          /* enum wres_reason, 0 when none */
    int64_t rows_read, rows_accepted, rows_rejected;
    int64_t by_reason[WRES_REASON_NO_YEAR + 1];
    char **ignored;
    size_t n_ignored, ignored_cap;
    /* columns read as breakdown dimensions (not ignored), in order: each
     * came before ignored[at] (federation summaries carry them, so that a
     * handle keeping other dimensions lists them as it would) */
    struct wres__dimcol { char *name; size_t at; } *dimcol;
    size_t n_dimcol, dimcol_cap;
} wres__source;

typedef struct wres__rejection {
    size_t source;
    int64_t line;
    char *column;       /* "-" for whole-row reasons */
    int reason;
    char *message;
} wres__rejection;

struct wres_ctx {
    double confidence;
    int default_year;   /* 0: none */
    char *default_org;
    size_t default_org_len;
    char errmsg[512];
    wres__source *sources;
    size_t n_sources, sources_cap;
    wres__rejection *rejections;
    size_t n_rejections, rejections_cap;
    wres__store store;
    wres__store *stage;     /* where a file being read puts its rows */
    size_t *order;          /* periods with rows, sorted by (org, year) */
    size_t n_order;
    size_t order_stamp;     /* store.stamp when order was made */
    wres__vcache *vcache;
    wres_progress_fn progress;
    void *progress_user;
    /* ethnic groups, breakdowns and trends */
    int opt_groups, opt_trend;
    int64_t low_events, low_people;
    int svc_cut[WRES__SVC_CUTS];    /* length-of-service bands' lower ends */
    int n_svc_cut;
    char *dim_name[WRES__DIMS];     /* extra dimensions from [2] */
    int n_dims;                     /* 2 + extras */
    int capture;                    /* detail tables are being kept */
    struct { int dim[2], nd; } bd[WRES__BREAKDOWNS];
    int n_bd;
    wres__dict dict;                /* dimension values */
    uint32_t sg_id[WRES__SGROUPS], band_id[WRES__BANDS];
    uint32_t svc_id[WRES__SVC_CUTS + 1];
    /* Model Employer targets (targets.c) */
    int targets;            /* reports carry them */
    double target_share;    /* 0: the organisation's own share */
    int target_year;
    /* publication-safe output (since 1.2) */
    int publish;
    int64_t suppress_max, round_base;
    wres__buf summary_out;  /* wres_summary_save_buffer's text */
};

/* Add a source; returns its index or (size_t)-1 on allocation failure. */
size_t wres__source_add(wres_ctx *ctx, int kind, const char *path, int is_api);
int wres__source_ignore(wres_ctx *ctx, size_t source, const char *name,
                        size_t len);
/* A column read as a breakdown dimension (once per name). */
int wres__source_dimcol(wres__source *s, const char *name, size_t len);
void wres__source_dimcol_clear(wres__source *s);
/* Record a rejected row against source: counts it and keeps the detail. */
int wres__reject(wres_ctx *ctx, size_t source, int64_t line,
                 const char *column, size_t column_len, int reason,
                 const char *message);

/* ---- record.c ----------------------------------------------------------
 * Decode one row of fields of a kind and, when it passes every check, add
 * it to the store.  Returns WRES_OK (accepted), WRES_E_REJECTED (the
 * rejection has been recorded against source), or WRES_E_NOMEM (nothing
 * recorded or counted).  year_column says the file has a year column (for
 * the API: the year was set).  The row-level checks (quotes, UTF-8, field
 * count and field length) are done by the caller.
 */
int wres__decode_row(wres_ctx *ctx, int kind, size_t source, int64_t line,
                     const wres__fields *f);

/* ---- csv.c --------------------------------------------------------------
 * A streaming CSV reader: fed blocks of any size, it calls back with each
 * complete row.  Memory is bounded: of each field it keeps at most
 * WRES__FIELD_MAX + 1 bytes (enough to know a value is too long), and of a
 * row at most max_fields fields (the rest are counted and checked only).
 */
typedef struct wres__csv_row {
    int64_t line;           /* physical line where the row starts */
    size_t nfields;         /* fields in the row */
    size_t nkept;           /* of which field[] and len[] hold the first */
    const char **field;     /* trimmed values, NOT NUL-terminated */
    size_t *len;            /* trimmed length; > WRES__FIELD_MAX: too long,
                             * and only the first bytes are kept */
    int unterminated;       /* an open quote ran to the end of the input */
    int bad_quote;          /* text after a closing quote */
    int bad_utf8;           /* invalid UTF-8 or NUL in some field */
} wres__csv_row;

/* Returns 0 to go on, or a status (< 0) that stops the reader. */
typedef int (*wres__csv_fn)(void *ud, const wres__csv_row *row);

typedef struct wres__csv {
    wres__csv_fn on_row;
    void *ud;
    size_t max_fields;
    int state;
    int pending_cr;         /* the last byte fed was a CR ending a line */
    unsigned char head[3];  /* the first bytes, until the BOM is decided */
    size_t nhead;
    int started;            /* past the BOM decision */
    int64_t line;
    /* the row being read */
    int in_row;
    int64_t row_line;
    size_t nfields;
    int unterminated, bad_quote, bad_utf8;
    /* the field being read */
    size_t f_raw;           /* content bytes since the first non-blank */
    size_t f_len;           /* trimmed length so far */
    int f_quoted;
    uint32_t u_cp, u_min;   /* UTF-8 decoder state */
    int u_need;
    /* storage of the kept fields */
    char *scratch;
    size_t scratch_cap;
    size_t *start, *flen;
    const char **fptr;
    size_t fcap;
} wres__csv;

void wres__csv_init(wres__csv *r, wres__csv_fn fn, void *ud);
void wres__csv_free(wres__csv *r);
int wres__csv_feed(wres__csv *r, const char *buf, size_t len);
/* End of input: the last row (if any) is delivered. */
int wres__csv_finish(wres__csv *r);

/* ---- indicators.c: the report model ------------------------------------ */
typedef struct wres__rate {
    int64_t n, events;
    double rate;            /* NaN when n == 0 */
} wres__rate;

typedef struct wres__rl {
    wres__rate white, bme;
    double rl, lo, hi, p;
    int significant;        /* -1 null */
    int non_adverse;        /* -1 null */
} wres__rl;

typedef struct wres__pct {
    int64_t n[2], yes[2];   /* [WRES__WHITE], [WRES__BME] */
    double pct[2], lo[2], hi[2];
    double diff, diff_lo, diff_hi, p;
    int significant;
} wres__pct;

typedef struct wres__mix {
    int64_t white, bme, unknown, total;
    double pct[3];          /* white, bme, unknown of total x 100, from the
                             * true counts; NaN when not computed or shown */
} wres__mix;

typedef struct wres__i1row {
    int sgroup;             /* -1: all staff groups */
    int band;               /* -1: all bands */
    wres__mix m;
} wres__i1row;

typedef struct wres__board {
    wres__mix m;
    double bme_pct, diff;
} wres__board;

typedef struct wres__dq_file {
    char *path;
    int kind;
    int error;
    int64_t rows_read, rows_accepted, rows_rejected;
    int64_t by_reason[WRES_REASON_NO_YEAR + 1];
    char **ignored;
    size_t n_ignored;
} wres__dq_file;

/* Model Employer targets (targets.c): per band 8a..VSM, non-clinical and
 * clinical (medical staff included). */
#define WRES__TARGET_BANDS 6
#define WRES__TARGET_ROWS (2 * WRES__TARGET_BANDS)
typedef struct wres__target_row {
    int sgroup;             /* WRES__SG_NONCLINICAL or WRES__SG_CLINICAL */
    int band;
    int64_t total, bme;     /* headcount today */
    int64_t target, gap;    /* valid when the share is known */
} wres__target_row;

typedef struct wres__targets {
    int on, avail;
    int given;              /* the share was given by the caller */
    double share;           /* NaN when it cannot be computed */
    int64_t own_bme, own_total; /* the organisation's own share */
    int baseline, target_year, n_years;
    wres__target_row rows[WRES__TARGET_ROWS];
    int64_t *trajectory;    /* [row][year]: n_years a row, or NULL */
} wres__targets;

typedef struct wres__model {
    char *org;
    int year;
    double confidence;
    wres__dq_file *files;
    size_t n_files;
    int64_t headcount, bank_excluded, eth_unknown;
    double declared_pct;
    int avail[10];          /* [1..9] */
    wres__mix workforce;
    wres__i1row *rows;
    size_t n_rows;
    wres__rl i2, i3, i3_single, i4;
    int i3_years[2];
    int i3_nyears;
    wres__pct survey[WRES__SURVEY_QS];
    double board_workforce_pct;
    wres__board board[3];   /* all, voting, executive */
    /* with WRES_OPT_GROUPS: the same comparisons for each ethnic group
     * (wres__group_name order), "bme" meaning that group */
    struct wres__model *groups;
    size_t n_groups;
    struct wres__bdown *bd; /* breakdowns, in the order named */
    size_t n_bd;
    struct wres__trend *trend;  /* with WRES_OPT_TREND: [1..9] */
    /* an aggregate of organisations (aggregate.c) */
    int aggregate;
    int64_t n_orgs, i3_pooled_orgs;
    wres__targets targets;
    /* publication-safe output (disclosure.c): when publish is set, every
     * count holds the value shown (rounded) or WRES__SUPPRESSED */
    int publish;
    int64_t suppress_max, round_base;
} wres__model;

/* One cell of a breakdown. */
typedef struct wres__bcell {
    char *key[2];
    wres__mix mix;          /* indicator 1 */
    wres__rl rl, single;    /* 2-4; single: indicator 3's year alone */
    int years[2], nyears;
    int low;                /* low_numbers */
} wres__bcell;

typedef struct wres__bdown {
    const char *by[2];      /* dimension names (borrowed from the model) */
    char *names[2];
    int nd;
    int indicator;
    int avail;
    wres__bcell *cell;
    size_t n;
} wres__bdown;

/* An indicator over the organisation's years. */
typedef struct wres__trend {
    int rl;                 /* 1: relative likelihoods (2-4); 0: percentages */
    size_t n;
    int *years;
    double *value;
    int64_t *x, *nn;        /* the counts of a percentage */
    double *var;            /* ln RL's variance */
    double *change, *lo, *hi, *p;   /* n - 1 each */
    double slope, slope_p;  /* NaN: fewer than three years */
} wres__trend;

int wres__model_build(const wres_ctx *ctx, const char *org, int year,
                      wres__model *m);
/* The aggregate's model from the summed period: no trend, and not yet
 * under disclosure control (the caller redoes 3 and 4 first). */
int wres__model_build_sum(const wres_ctx *ctx, int year, const wres__period *sum,
                          wres__model *m);
void wres__model_free(wres__model *m);
/* The comparisons of white against the slots side[] marks WRES__BME (the
 * indicator figures of the model; data quality aside). */
int wres__compare(const wres__period *p, const wres__period *prev, int year,
                  const signed char *side, double c, wres__model *m);
void wres__side_bme(signed char *side);
void wres__fill_rl(wres__rl *r, int64_t white_n, int64_t white_ev,
                   int64_t bme_n, int64_t bme_ev, int white_first, double z);
void wres__finish_sig(double p, double c, int *sig);
void wres__null_rl(wres__rl *r);
/* detail.c: groups, breakdowns and trends of a model */
#define WRES__GROUPS 17
const char *wres__group_name(int g);
int wres__model_detail(const wres_ctx *ctx, const char *org, int year,
                       const wres__period *p, const wres__period *prev,
                       wres__model *m, int with_trend);
/* The model of (org, year) as its report has it, without the trend: for
 * the trend of a publication-safe report, which shows a year's value only
 * when that year's own report shows the counts behind it. */
int wres__model_build_year(const wres_ctx *ctx, const char *org, int year,
                           wres__model *m);
void wres__model_detail_free(wres__model *m);
/* Headcounts n and disciplinary (which = 0) or training (1) events ev of
 * period p added in, [WRES__WHITE] and [WRES__BME]. */
void wres__staff_events(const wres__period *p, int which, int64_t n[2],
                        int64_t ev[2]);
/* The same for the slots side[] marks white and WRES__BME. */
void wres__staff_events_side(const wres__period *p, const signed char *side,
                             int which, int64_t n[2], int64_t ev[2]);
/* side[] of ethnic group g (wres__group_name order) against white. */
void wres__group_side(int g, signed char *side);
/* A relative likelihood with its significance at confidence c. */
void wres__rl_fill(wres__rl *r, int64_t white_n, int64_t white_ev,
                   int64_t bme_n, int64_t bme_ev, int white_first, double z,
                   double c);
/* Whether period p has any accepted row. */
int wres__period_has_rows(const wres__period *p);

/* ---- aggregate.c, targets.c: more of the model ------------------------- */
int wres__targets_build(const wres_ctx *ctx, const wres__period *p,
                        wres__model *m);
void wres__targets_free(wres__targets *t);
void wres__targets_json(const wres__model *m, wres__buf *b);
void wres__targets_text(const wres__model *m, wres__buf *b);
/* Round num/den (den > 0) to the nearest integer, halves upward. */
int64_t wres__round_ratio(int64_t num, int64_t den);
/* The percentages of a mix from its counts (NaN when the total is 0). */
void wres__mix_pct(wres__mix *m);

/* ---- disclosure.c: publication-safe output ------------------------------
 * A count withheld from publication is held as WRES__SUPPRESSED (counts
 * are otherwise never negative).  The control works on a generic table:
 * cells holding true counts, and lines, each a list of member cells whose
 * sum is another cell (its total) up to values the reader knows.  A line
 * of one member ties two cells that must be shown alike.
 */
#define WRES__SUPPRESSED INT64_MIN

typedef struct wres__dtable {
    size_t n, cap;              /* cells */
    int64_t *v;                 /* true counts, >= 0 */
    unsigned char *sup;         /* 0 shown, 1 small (primary), 2 secondary */
    size_t nlines, lines_cap;
    size_t *first;              /* line l's members: mem[first[l]..first[l+1]) */
    size_t *total;              /* line l's total cell */
    size_t *mem;
    size_t n_mem, mem_cap;
    int oom;
} wres__dtable;

/* Add a cell (its index; on allocation failure oom is set and 0 returned)
 * and a line; the table's memory is released by wres__dt_free. */
size_t wres__dt_cell(wres__dtable *t, int64_t v);
void wres__dt_line(wres__dtable *t, size_t total, const size_t *members,
                   size_t n);
/* Primary suppression of counts 1..threshold, then secondary suppression
 * until no suppressed cell is determined by the lines and the shown cells
 * (taken as exactly known).  WRES_OK or WRES_E_NOMEM. */
int wres__dt_suppress(wres__dtable *t, int64_t threshold);
/* What cell i shows: WRES__SUPPRESSED, or its count rounded. */
int64_t wres__dt_shown(const wres__dtable *t, size_t i, int64_t base);
void wres__dt_free(wres__dtable *t);
/* v rounded to the nearest multiple of base, ties up; a count above 0
 * never shows as 0 (it shows as base). */
int64_t wres__round_count(int64_t v, int64_t base);
/* Apply the control to a built model: counts shown, figures that use a
 * suppressed count nulled.  WRES_OK or WRES_E_NOMEM. */
int wres__disclose_model(wres__model *m, int64_t suppress_max,
                         int64_t round_base);

/* ---- report.c: the flat list of figures (cursor, getters, CSV) --------- */
typedef struct wres__figure {
    int indicator;
    const char *part;       /* points into the report's string pool */
    const char *group;
    const char *measure;
    int type;               /* enum wres_type */
    double d;
    int64_t i;
} wres__figure;

struct wres_report {
    wres__model m;
    wres__figure *fig;
    size_t n_fig, fig_cap;
    char **pool;            /* owned strings the figures point to */
    size_t n_pool, pool_cap;
    wres__buf out;          /* the last rendering */
    int oom;
};

struct wres_cursor {
    const wres_report *report;
    size_t next;            /* index of the next figure */
    const wres__figure *cur;
};

/* Lay out the figures of a report whose model is built; on failure the
 * report is freed (model included) and WRES_E_NOMEM returned. */
int wres__report_make(wres_report *r);
/* wres_report_new's checks of out, ctx and year (0: the latest). */
int wres__report_args(wres_ctx *ctx, int64_t *year, wres_report **out);

/* ---- report_json.c: writers -------------------------------------------- */
void wres__write_json(const wres__model *m, wres__buf *b);
void wres__write_text(const wres__model *m, wres__buf *b);
void wres__write_csv(const wres_report *r, wres__buf *b);
/* Shortest decimal text of a finite double that reads back exactly, with
 * '.' as the decimal point whatever the locale. */
void wres__fmt_double(char *out, size_t cap, double v);
/* v with a fixed number of decimals ("%.*f"), '.' whatever the locale. */
void wres__fmt_fixed(char *out, size_t cap, double v, int decimals);

/* ---- svg.c: the XML writer of the HTML report and its SVG charts -------
 * Keeps the open elements, so the output is well-formed; escapes all
 * text and attribute values.  Element names must be string literals (the
 * stack keeps the pointers). */
#define WRES__XML_DEPTH 24
typedef struct wres__xml {
    wres__buf *b;
    const char *open[WRES__XML_DEPTH];
    int depth;
    int in_tag;             /* the last start tag still takes attributes */
    int svg_depth;          /* depth of the open <svg>, 0 outside SVG */
} wres__xml;
void wres__xml_init(wres__xml *x, wres__buf *b);
void wres__xml_escape(wres__buf *b, const char *s, size_t n);
void wres__xml_start(wres__xml *x, const char *name);
void wres__xml_attr(wres__xml *x, const char *name, const char *value);
/* A coordinate or length: at most two decimals, no trailing zeros. */
void wres__xml_attr_num(wres__xml *x, const char *name, double v);
void wres__xml_text(wres__xml *x, const char *s);
void wres__xml_vtextf(wres__xml *x, const char *fmt, va_list ap);
void wres__xml_textf(wres__xml *x, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Markup written as is (the doctype, the style sheet). */
void wres__xml_raw(wres__xml *x, const char *s);
void wres__xml_end(wres__xml *x);
/* <name>text</name> */
void wres__xml_elem(wres__xml *x, const char *name, const char *text);
void wres__svg_num(char *out, size_t cap, double v);

/* ---- report_html.c: the self-contained HTML report --------------------- */
void wres__write_html(const wres__model *m, wres__buf *b);
/* JSON pieces shared with the writers of screening and targets. */
void wres__json_str(wres__buf *b, const char *s);
void wres__json_num(wres__buf *b, double v);

#endif /* WRES_PRIVATE_H */
