/*
 * check_disclosure.c - publication-safe output.  Hand-worked tables for
 * the rounding and the suppression routine (wres__dt_*); a property test
 * over many random two- and three-way tables with margins proving, by
 * this file's own exact rational elimination, that no suppressed count is
 * determined by the shown counts; the same proof on indicator 1 of real
 * reports, rebuilt from what the report shows; and the report itself:
 * null and "suppressed": true in JSON, null through the getter, the cursor
 * and CSV, "*" in text, figures from the true counts or null.
 */
#include "testutil.h"
#include "wres_private.h"

/* ---- an independent proof: exact rank over the rationals ------------------ */

typedef struct rat {
    int64_t n, d;           /* d > 0, in lowest terms */
} rat;

static int64_t gcd64(int64_t a, int64_t b)
{
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a ? a : 1;
}

static rat mk(int64_t n, int64_t d)
{
    rat r;
    int64_t g;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    g = gcd64(n, d);
    r.n = n / g;
    r.d = d / g;
    return r;
}

/* (Check records every ck_assert as it passes: too slow for the inner
 * loops, which fail with ck_abort_msg instead.) */
static int64_t mul(int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_mul_overflow(a, b, &r))
        ck_abort_msg("rational overflow");
    return r;
}

static int64_t add(int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        ck_abort_msg("rational overflow");
    return r;
}

/* a - f * b */
static rat sub_mul(rat a, rat f, rat b)
{
    rat p = mk(mul(f.n, b.n), mul(f.d, b.d));
    return mk(add(mul(a.n, p.d), -mul(p.n, a.d)), mul(a.d, p.d));
}

/* Rank of the rows x cols matrix m (row-major), skipping column skip. */
static size_t rank_of(const int *m, size_t rows, size_t cols, size_t skip)
{
    rat *a = calloc(rows * cols + 1, sizeof *a);
    size_t r = 0, c, i, j;

    for (i = 0; i < rows; i++)
        for (j = 0; j < cols; j++)
            a[i * cols + j] = mk(j == skip ? 0 : m[i * cols + j], 1);
    for (c = 0; c < cols && r < rows; c++) {
        size_t p = r;
        while (p < rows && a[p * cols + c].n == 0)
            p++;
        if (p == rows)
            continue;
        for (j = 0; j < cols; j++) {
            rat t = a[p * cols + j];
            a[p * cols + j] = a[r * cols + j];
            a[r * cols + j] = t;
        }
        for (i = r + 1; i < rows; i++) {
            rat f;
            if (a[i * cols + c].n == 0)
                continue;
            f = mk(mul(a[i * cols + c].n, a[r * cols + c].d),
                   mul(a[i * cols + c].d, a[r * cols + c].n));
            for (j = c; j < cols; j++)
                a[i * cols + j] = sub_mul(a[i * cols + j], f, a[r * cols + j]);
        }
        r++;
    }
    free(a);
    return r;
}

/* A table for the proof: values, which are shown, and lines given as
 * (total, members). */
#define PMAX_CELLS 2000
#define PMAX_LINES 1200
#define PMAX_MEM 24
typedef struct ptable {
    size_t n, nlines;
    int64_t v[PMAX_CELLS];
    int sup[PMAX_CELLS];
    size_t total[PMAX_LINES], nmem[PMAX_LINES], mem[PMAX_LINES][PMAX_MEM];
} ptable;

/* Every suppressed cell is at least 1 and not determined: the system of
 * lines over the suppressed cells (shown cells taken as known exactly)
 * has the same rank with and without the cell's column, so some solution
 * moves it; with every suppressed value at least 1, a small enough move
 * keeps all of them non-negative, so the cell admits at least two
 * non-negative values.  Also: every line holding a suppressed cell holds
 * at least two. */
static void prove_safe(const ptable *t, const char *what)
{
    size_t col[PMAX_CELLS], k = 0, rows = 0, i, l, j;
    int *m;
    size_t full;

    for (i = 0; i < t->n; i++) {
        col[i] = t->sup[i] ? k++ : (size_t)-1;
        if (t->sup[i] && t->v[i] < 1)
            ck_abort_msg("%s: a zero is suppressed", what);
    }
    if (!k)
        return;
    m = calloc(t->nlines * k + 1, sizeof *m);
    for (l = 0; l < t->nlines; l++) {
        size_t nsup = t->sup[t->total[l]] != 0;
        for (j = 0; j < t->nmem[l]; j++)
            nsup += t->sup[t->mem[l][j]] != 0;
        if (nsup == 1)
            ck_abort_msg("%s: line %zu holds one suppressed cell", what, l);
        if (!nsup)
            continue;
        for (j = 0; j < t->nmem[l]; j++)
            if (t->sup[t->mem[l][j]])
                m[rows * k + col[t->mem[l][j]]] += 1;
        if (t->sup[t->total[l]])
            m[rows * k + col[t->total[l]]] -= 1;
        rows++;
    }
    full = rank_of(m, rows, k, (size_t)-1);
    for (i = 0; i < t->n; i++)
        if (t->sup[i] && rank_of(m, rows, k, col[i]) != full)
            ck_abort_msg("%s: suppressed cell %zu (value %lld) is determined", what,
                         i, (long long)t->v[i]);
    free(m);
}

/* ---- rounding ------------------------------------------------------------ */

START_TEST(rounding)
{
    /* nearest multiple; ties (even bases only) go up; never 0 for a count
     * above 0; base 1 leaves counts alone */
    ck_assert_int_eq(wres__round_count(0, 5), 0);
    ck_assert_int_eq(wres__round_count(8, 5), 10);
    ck_assert_int_eq(wres__round_count(12, 5), 10);
    ck_assert_int_eq(wres__round_count(13, 5), 15);
    ck_assert_int_eq(wres__round_count(2982, 5), 2980);
    ck_assert_int_eq(wres__round_count(15, 10), 20);
    ck_assert_int_eq(wres__round_count(14, 10), 10);
    ck_assert_int_eq(wres__round_count(4, 10), 10);
    ck_assert_int_eq(wres__round_count(1, 5), 5);
    ck_assert_int_eq(wres__round_count(123, 1), 123);
    ck_assert_int_eq(wres__round_count(INT64_MAX, 5), INT64_MAX - 2);
}
END_TEST

/* ---- hand-worked tables ------------------------------------------------------ */

static wres__dtable dt;

static size_t cell(int64_t v)
{
    return wres__dt_cell(&dt, v);
}

static void line(size_t total, const size_t *mem, size_t n)
{
    wres__dt_line(&dt, total, mem, n);
}

START_TEST(one_line)
{
    /* 3 + 20 + 0 = 23: 3 suppressed, then the smallest non-zero other, 20;
     * the zero and the total stay shown */
    size_t c[4], i;

    memset(&dt, 0, sizeof dt);
    for (i = 0; i < 3; i++)
        c[i] = cell(i == 0 ? 3 : i == 1 ? 20 : 0);
    c[3] = cell(23);
    line(c[3], c, 3);
    ck_assert_int_eq(wres__dt_suppress(&dt, 7), WRES_OK);
    ck_assert_int_eq(dt.sup[c[0]], 1);
    ck_assert_int_eq(dt.sup[c[1]], 2);
    ck_assert_int_eq(dt.sup[c[2]], 0);
    ck_assert_int_eq(dt.sup[c[3]], 0);
    ck_assert_int_eq(wres__dt_shown(&dt, c[0], 5), WRES__SUPPRESSED);
    ck_assert_int_eq(wres__dt_shown(&dt, c[3], 5), 25);
    ck_assert_int_eq(wres__dt_shown(&dt, c[2], 5), 0);
    wres__dt_free(&dt);
}
END_TEST

START_TEST(two_way)
{
    /*        a   b   c | total
     * r0:    3  10  12 |  25
     * r1:    9  15  20 |  44
     * total 12  25  32 |  69
     * 3 is small; row 0 then needs its smallest other, 10; column a its
     * smallest other, 9; row 1 then its smallest other, 15; column b has
     * two.  The four form a rectangle: each moves with the others. */
    static const int64_t v[3][4] = {{3, 10, 12, 25}, {9, 15, 20, 44}, {12, 25, 32, 69}};
    static const int want[3][4] = {{1, 2, 0, 0}, {2, 2, 0, 0}, {0, 0, 0, 0}};
    size_t c[3][4], m[3], r, k;

    memset(&dt, 0, sizeof dt);
    for (r = 0; r < 3; r++)
        for (k = 0; k < 4; k++)
            c[r][k] = cell(v[r][k]);
    for (r = 0; r < 3; r++)
        line(c[r][3], c[r], 3);
    for (k = 0; k < 4; k++) {
        for (r = 0; r < 2; r++)
            m[r] = c[r][k];
        line(c[2][k], m, 2);
    }
    ck_assert_int_eq(wres__dt_suppress(&dt, 7), WRES_OK);
    for (r = 0; r < 3; r++)
        for (k = 0; k < 4; k++)
            ck_assert_msg(dt.sup[c[r][k]] == want[r][k], "cell %zu,%zu: %d", r, k,
                          dt.sup[c[r][k]]);
    wres__dt_free(&dt);
}
END_TEST

START_TEST(odd_cycle_needs_the_system)
{
    /* a=3, b=4, c=5 all small; each line holds two of them, so the rule
     * "at least two per line" is met, yet
     *   a + b + k1 = 107, a + c + k2 = 108, b + c + k3 = 109
     * with k1 = k2 = k3 = 100 shown gives a = 3 exactly.  The elimination
     * finds it: a's first line gets its smallest other shown cell, k1
     * (100, below the total 107), suppressed; then
     *   a = 8 - c, b = 9 - c, k1 = 90 + 2c
     * and nothing is determined. */
    size_t a, b, c, k1, k2, k3, t1, t2, t3, m[3];

    memset(&dt, 0, sizeof dt);
    a = cell(3);
    b = cell(4);
    c = cell(5);
    k1 = cell(100);
    k2 = cell(100);
    k3 = cell(100);
    t1 = cell(107);
    t2 = cell(108);
    t3 = cell(109);
    m[0] = a; m[1] = b; m[2] = k1;
    line(t1, m, 3);
    m[0] = a; m[1] = c; m[2] = k2;
    line(t2, m, 3);
    m[0] = b; m[1] = c; m[2] = k3;
    line(t3, m, 3);
    ck_assert_int_eq(wres__dt_suppress(&dt, 7), WRES_OK);
    ck_assert(dt.sup[a] && dt.sup[b] && dt.sup[c]);
    ck_assert_int_eq(dt.sup[k1], 2);
    ck_assert(!dt.sup[k2] && !dt.sup[k3] && !dt.sup[t1] && !dt.sup[t2] && !dt.sup[t3]);
    wres__dt_free(&dt);
}
END_TEST

START_TEST(tied_cells)
{
    /* a line of one member ties two cells shown alike: the first is
     * suppressed only as a second suppression elsewhere, the tie follows */
    size_t x, y, z, tot, m[2];

    memset(&dt, 0, sizeof dt);
    x = cell(2);
    y = cell(30);
    tot = cell(32);
    z = cell(30);          /* the same count shown elsewhere */
    m[0] = x;
    m[1] = y;
    line(tot, m, 2);
    line(z, &y, 1);
    ck_assert_int_eq(wres__dt_suppress(&dt, 7), WRES_OK);
    ck_assert(dt.sup[x] && dt.sup[y] && dt.sup[z] && !dt.sup[tot]);
    wres__dt_free(&dt);
}
END_TEST

/* ---- the property: random tables ------------------------------------------------ */

static uint64_t rng = 88172645463325252u;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* counts with many zeros and small values, and some large ones */
static int64_t draw(void)
{
    uint64_t r = next() % 10;
    return r < 2 ? 0 : r < 6 ? (int64_t)(next() % 9) : (int64_t)(next() % 60);
}

/* Run the library's routine on t, copying its choices into t->sup. */
static void run_library(ptable *t, int64_t threshold)
{
    size_t i, l;

    memset(&dt, 0, sizeof dt);
    for (i = 0; i < t->n; i++)
        if (wres__dt_cell(&dt, t->v[i]) != i)
            ck_abort_msg("cell numbering");
    for (l = 0; l < t->nlines; l++)
        wres__dt_line(&dt, t->total[l], t->mem[l], t->nmem[l]);
    ck_assert_int_eq(wres__dt_suppress(&dt, threshold), WRES_OK);
    for (i = 0; i < t->n; i++) {
        t->sup[i] = dt.sup[i];
        /* primary suppression: every count 1..threshold */
        if (t->v[i] >= 1 && t->v[i] <= threshold && !dt.sup[i])
            ck_abort_msg("a small count is shown");
    }
    wres__dt_free(&dt);
}

static ptable pt;

START_TEST(random_two_way_tables)
{
    int iter;

    for (iter = 0; iter < 400; iter++) {
        size_t R = 1 + next() % 5, C = 1 + next() % 6, r, c;
#define X2(r, c) ((r) * (C + 1) + (c))
        memset(&pt, 0, sizeof pt);
        pt.n = (R + 1) * (C + 1);
        for (r = 0; r < R; r++)
            for (c = 0; c < C; c++)
                pt.v[X2(r, c)] = draw();
        for (r = 0; r <= R; r++)
            for (c = 0; c <= C; c++) {
                size_t k;
                if (r < R && c < C)
                    continue;
                pt.v[X2(r, c)] = 0;
                if (r < R)
                    for (k = 0; k < C; k++)
                        pt.v[X2(r, c)] += pt.v[X2(r, k)];
                else
                    for (k = 0; k < R; k++)
                        pt.v[X2(r, c)] += pt.v[X2(k, c)];
            }
        for (r = 0; r <= R; r++) {
            pt.total[pt.nlines] = X2(r, C);
            for (c = 0; c < C; c++)
                pt.mem[pt.nlines][pt.nmem[pt.nlines]++] = X2(r, c);
            pt.nlines++;
        }
        for (c = 0; c <= C; c++) {
            pt.total[pt.nlines] = X2(R, c);
            for (r = 0; r < R; r++)
                pt.mem[pt.nlines][pt.nmem[pt.nlines]++] = X2(r, c);
            pt.nlines++;
        }
        run_library(&pt, 1 + (int64_t)(next() % 10));
        prove_safe(&pt, "two-way");
#undef X2
    }
}
END_TEST

START_TEST(random_three_way_tables)
{
    int iter;

    for (iter = 0; iter < 150; iter++) {
        size_t A = 1 + next() % 3, B = 1 + next() % 4, E = 2 + next() % 2;
        size_t a, b, e, k;
#define X3(a, b, e) (((a) * (B + 1) + (b)) * (E + 1) + (e))
        memset(&pt, 0, sizeof pt);
        pt.n = (A + 1) * (B + 1) * (E + 1);
        for (a = 0; a < A; a++)
            for (b = 0; b < B; b++)
                for (e = 0; e < E; e++)
                    pt.v[X3(a, b, e)] = draw();
        /* every margin: sum over each axis that is at its "all" index */
        for (a = 0; a <= A; a++)
            for (b = 0; b <= B; b++)
                for (e = 0; e <= E; e++) {
                    size_t i, j, l;
                    if (a < A && b < B && e < E)
                        continue;
                    pt.v[X3(a, b, e)] = 0;
                    for (i = 0; i < (a == A ? A : 1); i++)
                        for (j = 0; j < (b == B ? B : 1); j++)
                            for (l = 0; l < (e == E ? E : 1); l++)
                                pt.v[X3(a, b, e)] += pt.v[X3(a == A ? i : a, b == B ? j : b,
                                                             e == E ? l : e)];
                }
        for (b = 0; b <= B; b++)
            for (e = 0; e <= E; e++) {
                pt.total[pt.nlines] = X3(A, b, e);
                for (k = 0; k < A; k++)
                    pt.mem[pt.nlines][pt.nmem[pt.nlines]++] = X3(k, b, e);
                pt.nlines++;
            }
        for (a = 0; a <= A; a++)
            for (e = 0; e <= E; e++) {
                pt.total[pt.nlines] = X3(a, B, e);
                for (k = 0; k < B; k++)
                    pt.mem[pt.nlines][pt.nmem[pt.nlines]++] = X3(a, k, e);
                pt.nlines++;
            }
        for (a = 0; a <= A; a++)
            for (b = 0; b <= B; b++) {
                pt.total[pt.nlines] = X3(a, b, E);
                for (k = 0; k < E; k++)
                    pt.mem[pt.nlines][pt.nmem[pt.nlines]++] = X3(a, b, k);
                pt.nlines++;
            }
        run_library(&pt, 7);
        prove_safe(&pt, "three-way");
#undef X3
    }
}
END_TEST

/* ---- reports ------------------------------------------------------------------ */

static const char *const groups_i1[3] = {"non-clinical", "clinical", "medical"};
static const char *const bands_i1[18] = {
    "Under Band 1", "Band 1", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6",
    "Band 7", "Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9", "VSM",
    "Consultant", "Career grade", "Trainee", "Other"};
static const char *const eth_i1[4] = {"white", "bme", "unknown", "total"};

/* Indicator 1 of a report as the proof's table, read through the getter:
 * true values from the plain report, what is shown from the published
 * one.  A row the plain report lacks is all zeros (and so is absent from
 * the published one too). */
static void prove_i1(const wres_report *plain, const wres_report *pub, const char *what)
{
    size_t g, b, e, k;
    char part[64];

#define XI(g, b, e) (((g) * 19 + (b)) * 4 + (e))
    memset(&pt, 0, sizeof pt);
    pt.n = 4 * 19 * 4;
    for (g = 0; g <= 3; g++)
        for (b = 0; b <= 18; b++) {
            if (g == 3 && b == 18)
                snprintf(part, sizeof part, "workforce");
            else
                snprintf(part, sizeof part, "%s/%s", g == 3 ? "all" : groups_i1[g],
                         b == 18 ? "All" : bands_i1[b]);
            for (e = 0; e < 4; e++) {
                double v = 0, s = 0;
                int rv = wres_report_get(plain, 1, part, eth_i1[e], "count", &v);
                if (rv == WRES_E_NOTFOUND) {
                    ck_assert_int_eq(wres_report_get(pub, 1, part, eth_i1[e], "count", &s),
                                     WRES_E_NOTFOUND);
                    continue;
                }
                ck_assert_int_eq(rv, WRES_OK);
                pt.v[XI(g, b, e)] = (int64_t)v;
                rv = wres_report_get(pub, 1, part, eth_i1[e], "count", &s);
                ck_assert(rv == WRES_OK || rv == WRES_NULL);
                pt.sup[XI(g, b, e)] = rv == WRES_NULL;
                if (rv == WRES_OK) {
                    /* shown: rounded to 5, small counts never shown */
                    ck_assert_msg(!(v >= 1 && v <= 7), "%s: %s %s shown", what, part,
                                  eth_i1[e]);
                    ck_assert_int_eq((int64_t)s, wres__round_count((int64_t)v, 5));
                }
            }
        }
    for (g = 0; g <= 3; g++)
        for (b = 0; b <= 18; b++) {
            pt.total[pt.nlines] = XI(g, b, 3);
            for (k = 0; k < 3; k++)
                pt.mem[pt.nlines][pt.nmem[pt.nlines]++] = XI(g, b, k);
            pt.nlines++;
        }
    for (g = 0; g <= 3; g++)
        for (e = 0; e < 4; e++) {
            pt.total[pt.nlines] = XI(g, 18, e);
            for (k = 0; k < 18; k++)
                pt.mem[pt.nlines][pt.nmem[pt.nlines]++] = XI(g, k, e);
            pt.nlines++;
        }
    for (b = 0; b <= 18; b++)
        for (e = 0; e < 4; e++) {
            pt.total[pt.nlines] = XI(3, b, e);
            for (k = 0; k < 3; k++)
                pt.mem[pt.nlines][pt.nmem[pt.nlines]++] = XI(k, b, e);
            pt.nlines++;
        }
#undef XI
    prove_safe(&pt, what);
}

static const char *const kinds_path[5] = {"staff", "applicants", "survey",
                                         "survey_counts", "board"};

static void load_sample(wres_ctx *ctx)
{
    char path[4096];
    const char *top = getenv("WRES_TOP");
    int k;

    for (k = 0; k < 5; k++) {
        snprintf(path, sizeof path, "%s/examples/data/%s.csv", top ? top : ".",
                 kinds_path[k]);
        ck_assert_int_eq(wres_ingest_file(ctx, k + 1, path), WRES_OK);
    }
}

START_TEST(sample_trust_indicator1_is_safe)
{
    wres_ctx *plain, *pub;
    int year;

    ck_assert_int_eq(wres_ctx_new(&plain), WRES_OK);
    ck_assert_int_eq(wres_ctx_new(&pub), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(pub, WRES_OPT_PUBLISH, 1), WRES_OK);
    load_sample(plain);
    load_sample(pub);
    for (year = 2022; year <= 2024; year++) {
        wres_report *a, *b;
        ck_assert_int_eq(wres_report_new(plain, "RXX", year, &a), WRES_OK);
        ck_assert_int_eq(wres_report_new(pub, "RXX", year, &b), WRES_OK);
        prove_i1(a, b, "sample trust");
        wres_report_free(a);
        wres_report_free(b);
    }
    wres_ctx_free(plain);
    wres_ctx_free(pub);
}
END_TEST

START_TEST(random_staff_indicator1_is_safe)
{
    static const char *const eth[] = {"A", "B", "H", "N", "Z", "M", "R"};
    static const char *const grp[] = {"clinical", "non-clinical", "medical"};
    static const char *const band[] = {"5", "6", "7", "8a", "8b", "VSM", "Consultant"};
    int iter;

    for (iter = 0; iter < 25; iter++) {
        wres_ctx *plain, *pub;
        wres_report *a, *b;
        char *csv = malloc(200000), *p = csv;
        int i, n = 20 + (int)(next() % 300);
        char what[32];

        p += sprintf(p, "staff_id,year,ethnicity,band,staff_group\n");
        for (i = 0; i < n; i++)
            p += sprintf(p, "S%d,2024,%s,%s,%s\n", i, eth[next() % 7],
                         band[next() % (iter % 2 ? 7 : 3)], grp[next() % 3]);
        ck_assert_int_eq(wres_ctx_new(&plain), WRES_OK);
        ck_assert_int_eq(wres_ctx_new(&pub), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(pub, WRES_OPT_PUBLISH, 1), WRES_OK);
        ck_assert_int_eq(tu_ingest(plain, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
        ck_assert_int_eq(tu_ingest(pub, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
        ck_assert_int_eq(wres_report_new(plain, "", 2024, &a), WRES_OK);
        ck_assert_int_eq(wres_report_new(pub, "", 2024, &b), WRES_OK);
        snprintf(what, sizeof what, "random staff %d", iter);
        prove_i1(a, b, what);
        wres_report_free(a);
        wres_report_free(b);
        wres_ctx_free(plain);
        wres_ctx_free(pub);
        free(csv);
    }
}
END_TEST


/* ---- ethnic groups and breakdowns ------------------------------------------ */

static const char *const gnames[17] = {"Asian", "Black", "Mixed", "Other", "D", "E",
                                       "F", "G", "H", "J", "K", "L", "M", "N",
                                       "P", "R", "S"};
/* the groups among gnames of each broad group (codes D..S from index 4) */
static const int broad_from[4] = {8, 12, 4, 15}, broad_to[4] = {11, 14, 7, 16};

/* Read count (part, group) of the plain and published reports into cell c;
 * returns 0 when the plain report has no such figure (left a known 0). */
static int read_count(const wres_report *plain, const wres_report *pub, int ind,
                      const char *part, const char *group, const char *measure,
                      size_t c, const char *what)
{
    double v = 0, s = 0;
    int rv = wres_report_get(plain, ind, part, group, measure, &v);

    if (rv == WRES_E_NOTFOUND) {
        ck_assert_int_eq(wres_report_get(pub, ind, part, group, measure, &s),
                         WRES_E_NOTFOUND);
        return 0;
    }
    ck_assert_int_eq(rv, WRES_OK);
    pt.v[c] = (int64_t)v;
    rv = wres_report_get(pub, ind, part, group, measure, &s);
    ck_assert(rv == WRES_OK || rv == WRES_NULL);
    pt.sup[c] = rv == WRES_NULL;
    if (rv == WRES_OK) {
        ck_assert_msg(!(v >= 1 && v <= 7), "%s: %s %s %s shown (%g)", what, part,
                      group, measure, v);
        ck_assert_int_eq((int64_t)s, wres__round_count((int64_t)v, 5));
    }
    return 1;
}

static void pline(size_t total, const size_t *mem, size_t n)
{
    size_t k;

    ck_assert_uint_lt(pt.nlines, PMAX_LINES);
    ck_assert_uint_le(n, PMAX_MEM);
    pt.total[pt.nlines] = total;
    for (k = 0; k < n; k++)
        pt.mem[pt.nlines][k] = mem[k];
    pt.nmem[pt.nlines++] = n;
}

/* Indicator 1 with every ethnic group: the report's grid (as prove_i1) and
 * each group's count at every grid position; lines: the grid's, each
 * group's margins, BME = the four broad groups, a broad group = its codes.
 * Worked from the figures alone: the routine under test is not used. */
static void prove_groups(const wres_report *plain, const wres_report *pub,
                         const char *what)
{
    size_t g, b, e, k, i, mem[24];
    char part[96], pos[64];

#define XI(g, b, e) (((g) * 19 + (b)) * 4 + (e))
#define GI(i, g, b) (304 + ((i) * 4 + (g)) * 19 + (b))
    memset(&pt, 0, sizeof pt);
    pt.n = 304 + 17 * 76;
    for (g = 0; g <= 3; g++)
        for (b = 0; b <= 18; b++) {
            if (g == 3 && b == 18)
                snprintf(pos, sizeof pos, "workforce");
            else
                snprintf(pos, sizeof pos, "%s/%s", g == 3 ? "all" : groups_i1[g],
                         b == 18 ? "All" : bands_i1[b]);
            for (e = 0; e < 4; e++)
                read_count(plain, pub, 1, pos, eth_i1[e], "count", XI(g, b, e), what);
            for (i = 0; i < 17; i++) {
                double w1 = 0, w2 = 0;
                snprintf(part, sizeof part, "groups/%s/%s", gnames[i], pos);
                if (!read_count(plain, pub, 1, part, "bme", "count", GI(i, g, b), what))
                    continue;
                /* a group's white and total are the report's, shown alike */
                ck_assert_int_eq(wres_report_get(pub, 1, part, "white", "count", &w1),
                                 wres_report_get(pub, 1, pos, "white", "count", &w2));
                ck_assert(w1 == w2);
            }
        }
    for (g = 0; g <= 3; g++)
        for (b = 0; b <= 18; b++) {
            for (k = 0; k < 3; k++)
                mem[k] = XI(g, b, k);
            pline(XI(g, b, 3), mem, 3);
        }
    for (g = 0; g <= 3; g++)
        for (e = 0; e < 4; e++) {
            for (k = 0; k < 18; k++)
                mem[k] = XI(g, k, e);
            pline(XI(g, 18, e), mem, 18);
        }
    for (b = 0; b <= 18; b++)
        for (e = 0; e < 4; e++) {
            for (k = 0; k < 3; k++)
                mem[k] = XI(k, b, e);
            pline(XI(3, b, e), mem, 3);
        }
    for (i = 0; i < 17; i++) {
        for (g = 0; g <= 3; g++) {
            for (k = 0; k < 18; k++)
                mem[k] = GI(i, g, k);
            pline(GI(i, g, 18), mem, 18);
        }
        for (b = 0; b <= 18; b++) {
            for (k = 0; k < 3; k++)
                mem[k] = GI(i, k, b);
            pline(GI(i, 3, b), mem, 3);
        }
    }
    for (g = 0; g <= 3; g++)
        for (b = 0; b <= 18; b++) {
            for (k = 0; k < 4; k++) {
                size_t n = 0;
                for (i = (size_t)broad_from[k]; i <= (size_t)broad_to[k]; i++)
                    mem[n++] = GI(i, g, b);
                pline(GI(k, g, b), mem, n);
                mem[k + 8] = GI(k, g, b);
            }
            pline(XI(g, b, 1), mem + 8, 4);
        }
#undef XI
#undef GI
    prove_safe(&pt, what);
}

/* A staff breakdown of indicator 1 by one dimension: each cell's white,
 * BME and unknown sum to its total; each measure summed over the cells is
 * the workforce's. */
static void prove_breakdown1(const wres_report *plain, const wres_report *pub,
                             const char *dim, const char *const *values, size_t nv,
                             const char *what)
{
    size_t v, e, mem[PMAX_MEM];
    char part[128];

    memset(&pt, 0, sizeof pt);
    ck_assert_uint_le(nv, PMAX_MEM);
    pt.n = 4 * (nv + 1);
    for (e = 0; e < 4; e++)
        read_count(plain, pub, 1, "workforce", eth_i1[e], "count", 4 * nv + e, what);
    for (v = 0; v < nv; v++) {
        snprintf(part, sizeof part, "breakdown/%s=%s", dim, values[v]);
        for (e = 0; e < 4; e++)
            read_count(plain, pub, 1, part, eth_i1[e], "count", 4 * v + e, what);
        for (e = 0; e < 3; e++)
            mem[e] = 4 * v + e;
        pline(4 * v + 3, mem, 3);
    }
    for (e = 0; e < 4; e++) {
        for (v = 0; v < nv; v++)
            mem[v] = 4 * v + e;
        pline(4 * nv + e, mem, nv);
    }
    prove_safe(&pt, what);
}

START_TEST(random_groups_and_breakdowns_are_safe)
{
    static const char *const eth[] = {"A", "B", "H", "J", "N", "M", "R", "D", "Z"};
    static const char *const grp[] = {"clinical", "non-clinical", "medical"};
    static const char *const band[] = {"5", "6", "8a"};
    static const char *const dir[] = {"Surgery", "Medicine", "Estates", "Pharmacy"};
    int iter;

    for (iter = 0; iter < 12; iter++) {
        wres_ctx *plain, *pub;
        wres_report *a, *b;
        char *csv = malloc(200000), *p = csv;
        int i, n = 40 + (int)(next() % 160);
        char what[48];
        const char *json;

        p += sprintf(p, "staff_id,year,ethnicity,band,staff_group,directorate\n");
        for (i = 0; i < n; i++)
            p += sprintf(p, "S%d,2024,%s,%s,%s,%s\n", i, eth[next() % 9],
                         band[next() % 3], grp[next() % 3], dir[next() % 4]);
        ck_assert_int_eq(wres_ctx_new(&plain), WRES_OK);
        ck_assert_int_eq(wres_ctx_new(&pub), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(pub, WRES_OPT_PUBLISH, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(plain, WRES_OPT_GROUPS, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(pub, WRES_OPT_GROUPS, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_add_breakdown(plain, "directorate"), WRES_OK);
        ck_assert_int_eq(wres_ctx_add_breakdown(pub, "directorate"), WRES_OK);
        ck_assert_int_eq(tu_ingest(plain, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
        ck_assert_int_eq(tu_ingest(pub, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
        ck_assert_int_eq(wres_report_new(plain, "", 2024, &a), WRES_OK);
        ck_assert_int_eq(wres_report_new(pub, "", 2024, &b), WRES_OK);
        snprintf(what, sizeof what, "groups %d", iter);
        prove_groups(a, b, what);
        snprintf(what, sizeof what, "breakdown %d", iter);
        prove_breakdown1(a, b, "directorate", dir, 4, what);
        /* the JSON marks what it withholds */
        json = tu_render(b, WRES_FORMAT_JSON);
        ck_assert_ptr_nonnull(strstr(json, "\"suppressed\": true"));
        wres_report_free(a);
        wres_report_free(b);
        wres_ctx_free(plain);
        wres_ctx_free(pub);
        free(csv);
    }
}
END_TEST


/* Targets: each row's headcounts are grid cells (non-clinical) or the sum
 * of two (clinical = clinical + medical): proved with the grid's lines. */
START_TEST(random_targets_are_safe)
{
    static const char *const eth[] = {"A", "B", "H", "N", "Z"};
    static const char *const grp[] = {"clinical", "non-clinical", "medical"};
    static const char *const band[] = {"8a", "8b", "VSM", "9", "5"};
    static const char *const tb[6] = {"Band 8a", "Band 8b", "Band 8c", "Band 8d",
                                      "Band 9", "VSM"};
    static const int tbi[6] = {8, 9, 10, 11, 12, 13};
    int iter;

    for (iter = 0; iter < 12; iter++) {
        wres_ctx *plain, *pub;
        wres_report *a, *b;
        char *csv = malloc(100000), *p = csv, part[64], what[32];
        int i, n = 20 + (int)(next() % 120), r, e;
        size_t mem[24];

        p += sprintf(p, "staff_id,year,ethnicity,band,staff_group\n");
        for (i = 0; i < n; i++)
            p += sprintf(p, "S%d,2024,%s,%s,%s\n", i, eth[next() % 5], band[next() % 5],
                         grp[next() % 3]);
        ck_assert_int_eq(wres_ctx_new(&plain), WRES_OK);
        ck_assert_int_eq(wres_ctx_new(&pub), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(pub, WRES_OPT_PUBLISH, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(plain, WRES_OPT_TARGETS, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(pub, WRES_OPT_TARGETS, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_double(plain, WRES_OPT_TARGET_SHARE, 0.19), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_double(pub, WRES_OPT_TARGET_SHARE, 0.19), WRES_OK);
        ck_assert_int_eq(tu_ingest(plain, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
        ck_assert_int_eq(tu_ingest(pub, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
        ck_assert_int_eq(wres_report_new(plain, "", 2024, &a), WRES_OK);
        ck_assert_int_eq(wres_report_new(pub, "", 2024, &b), WRES_OK);
        snprintf(what, sizeof what, "targets %d", iter);
        prove_i1(a, b, what);   /* fills pt with the grid: cells 0..303 */
        /* add the target rows: cells from 304, two per row (total, bme) */
        pt.n = 304 + 24;
#define XI(g, b, e) (((g) * 19 + (b)) * 4 + (e))
        for (r = 0; r < 12; r++) {
            int clin = r >= 6;
            snprintf(part, sizeof part, "targets/%s/%s", clin ? "clinical" : "non-clinical",
                     tb[r % 6]);
            for (e = 0; e < 2; e++) {
                double v = -1, sh = 0, tv = 0;
                size_t c = 304 + 2 * (size_t)r + (size_t)e;
                int rv;
                ck_assert_int_eq(wres_report_get(a, 0, part, e ? "bme" : "total", "count",
                                                 &v), WRES_OK);
                pt.v[c] = (int64_t)v;
                rv = wres_report_get(b, 0, part, e ? "bme" : "total", "count", &sh);
                ck_assert(rv == WRES_OK || rv == WRES_NULL);
                pt.sup[c] = rv == WRES_NULL;
                if (rv == WRES_OK) {
                    ck_assert_msg(!(v >= 1 && v <= 7), "%s: %s shown", what, part);
                    ck_assert_int_eq((int64_t)sh, wres__round_count((int64_t)v, 5));
                } else {
                    /* nothing worked from a withheld count is shown */
                    ck_assert_int_ne(wres_report_get(b, 0, part, "bme", "target", &tv),
                                     WRES_OK);
                    ck_assert_int_ne(wres_report_get(b, 0, part, "bme", "gap", &tv),
                                     WRES_OK);
                }
                if (clin) {
                    mem[0] = XI(1, (size_t)tbi[r % 6], e ? 1 : 3);
                    mem[1] = XI(2, (size_t)tbi[r % 6], e ? 1 : 3);
                    pline(c, mem, 2);
                } else {
                    mem[0] = c;
                    pline(XI(0, (size_t)tbi[r % 6], e ? 1 : 3), mem, 1);
                }
            }
        }
#undef XI
        prove_safe(&pt, what);
        wres_report_free(a);
        wres_report_free(b);
        wres_ctx_free(plain);
        wres_ctx_free(pub);
        free(csv);
    }
}
END_TEST

/* Trend: 2023 has a BME workforce of 2 (of 22), withheld in that year's
 * report, so 2023's value and the change to 2024 are not shown; 2024 has
 * 50 of 100 (nothing small), shown: 50%.  Unpublished: 2/22 = 9.0909...% */
START_TEST(trend_withholds_a_year)
{
    wres_ctx *ctx;
    wres_report *r;
    char *csv = malloc(16384), *p = csv;
    double v;
    int i, pub;

    p += sprintf(p, "staff_id,year,ethnicity,band,staff_group\n");
    for (i = 0; i < 20; i++)
        p += sprintf(p, "a%d,2023,A,5,non-clinical\n", i);
    for (i = 0; i < 2; i++)
        p += sprintf(p, "b%d,2023,H,5,non-clinical\n", i);
    for (i = 0; i < 50; i++)
        p += sprintf(p, "c%d,2024,A,5,clinical\nd%d,2024,N,5,clinical\n", i, i);
    for (pub = 0; pub <= 1; pub++) {
        ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TREND, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, pub), WRES_OK);
        ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
        ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
        ck_assert_int_eq(wres_report_get(r, 1, "trend/2024", "", "value", &v), WRES_OK);
        ck_assert_double_eq_tol(v, 50.0, 1e-12);
        if (pub) {
            ck_assert_int_eq(wres_report_get(r, 1, "trend/2023", "", "value", &v), WRES_NULL);
            ck_assert_int_eq(wres_report_get(r, 1, "trend/2023-2024", "", "change", &v),
                             WRES_NULL);
            ck_assert_int_eq(wres_report_get(r, 1, "trend/2023-2024", "", "p_value", &v),
                             WRES_NULL);
        } else {
            ck_assert_int_eq(wres_report_get(r, 1, "trend/2023", "", "value", &v), WRES_OK);
            ck_assert_double_eq_tol(v, 200.0 / 22.0, 1e-12);
            ck_assert_int_eq(wres_report_get(r, 1, "trend/2023-2024", "", "change", &v),
                             WRES_OK);
            ck_assert_double_eq_tol(v, 50.0 - 200.0 / 22.0, 1e-9);
        }
        wres_report_free(r);
        wres_ctx_free(ctx);
    }
    free(csv);
}
END_TEST


/* Screening, published: org A's BME "yes" of indicator 6 is 3 (of 100):
 * withheld with its rate, the p-values and gap that use it; B's counts
 * (30 of 100 each) shown; the others' counts withheld; the verdicts stay. */
START_TEST(screening_published)
{
    wres_ctx *ctx;
    wres_screen *scr;
    const char *out;
    size_t len;
    int similar, bme, white;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, 1), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "c.csv",
                               "year,org,group,indicator,yes,respondents\n"
                               "2024,A,white,6,20,100\n2024,A,bme,6,3,100\n"
                               "2024,B,white,6,30,100\n2024,B,bme,6,30,100\n"),
                     WRES_OK);
    ck_assert_int_eq(wres_screen_new(ctx, &scr), WRES_OK);
    ck_assert_int_eq(wres_screen_render(scr, WRES_FORMAT_JSON, &out, &len), WRES_OK);
    ck_assert_ptr_nonnull(strstr(out, "\"disclosure\": {\"threshold\": 7, \"rounding\": 5}"));
    ck_assert_ptr_nonnull(strstr(out,
        "\"6\": {\"available\": true, \"white\": {\"n\": 100, \"events\": 20, \"rate\": 0.2, "
        "\"suppressed\": false}, \"bme\": {\"n\": 100, \"events\": null, \"rate\": null, "
        "\"suppressed\": true},\n          \"p_value\": null,"));
    ck_assert_ptr_nonnull(strstr(out,
        "\"6\": {\"available\": true, \"white\": {\"n\": 100, \"events\": 30, \"rate\": 0.3, "
        "\"suppressed\": false}, \"bme\": {\"n\": 100, \"events\": 30, \"rate\": 0.3, "
        "\"suppressed\": false},\n          \"p_value\": 1.0,"));
    ck_assert_ptr_null(strstr(out, "\"events\": 3,"));
    ck_assert_ptr_null(strstr(out, "\"n\": 200"));     /* no others' counts */
    ck_assert_ptr_nonnull(strstr(out, "\"others\": {\"white\": {\"n\": null, \"events\": null, "
                                      "\"rate\": null, \"suppressed\": true}"));
    /* the verdicts are the true counts': A's BME 3% against B's 30% */
    ck_assert_int_eq(wres_screen_result(scr, "A", 2024, 6, &similar, &bme, &white), WRES_OK);
    ck_assert_int_eq(similar, 0);
    ck_assert_int_eq(wres_screen_render(scr, WRES_FORMAT_CSV, &out, &len), WRES_OK);
    ck_assert_ptr_nonnull(strstr(out, "A,2024,6,screening,bme,events,\n"));
    ck_assert_ptr_nonnull(strstr(out, "A,2024,6,screening,bme,suppressed,true\n"));
    ck_assert_ptr_nonnull(strstr(out, "B,2024,6,screening,bme,events,30\n"));
    ck_assert_ptr_nonnull(strstr(out, "B,2024,6,screening,bme,others_n,\n"));
    ck_assert_ptr_nonnull(strstr(out, "A,2024,6,screening,,p_value,\n"));
    ck_assert_int_eq(wres_screen_render(scr, WRES_FORMAT_TEXT, &out, &len), WRES_OK);
    ck_assert_ptr_nonnull(strstr(out, "Publication-safe:"));
    wres_screen_free(scr);
    wres_ctx_free(ctx);
}
END_TEST

/* A small trust worked by hand:
 *   non-clinical Band 5: white 20, BME 3          (total 23)
 *   clinical Band 5:     white 30, BME 12         (total 42)
 * The BME 3 is small.  Its row needs a second: the smallest other is
 * white 20.  Non-clinical's row "All" repeats the Band 5 row (3 and 20
 * suppressed there too, by their lines).  Column "BME" of Band 5 sums
 * 3 + 12 = 15: the 12 goes (smallest other, below 15); column "white"
 * of Band 5 (20 + 30 = 50) likewise loses the 30; the rows "All" of each
 * staff group repeat their Band 5 rows and lose the same.  Everything of
 * "all/Band 5" and the workforce stays shown: white 50, BME 15, total 65;
 * the four suppressed pairs move together (+1 -1 -1 +1).  Shown totals:
 * 23 -> 25, 42 -> 40. */
static const char *const small_trust =
    "staff_id,year,ethnicity,band,staff_group,training\n";

static char *small_csv(void)
{
    char *csv = malloc(8192), *p = csv;
    int i;

    p += sprintf(p, "%s", small_trust);
    for (i = 0; i < 20; i++)
        p += sprintf(p, "a%d,2024,A,5,non-clinical,%s\n", i, i < 10 ? "yes" : "no");
    for (i = 0; i < 3; i++)
        p += sprintf(p, "b%d,2024,H,5,non-clinical,no\n", i);
    for (i = 0; i < 30; i++)
        p += sprintf(p, "c%d,2024,A,5,clinical,%s\n", i, i < 12 ? "yes" : "no");
    for (i = 0; i < 12; i++)
        p += sprintf(p, "d%d,2024,N,5,clinical,%s\n", i, i < 4 ? "yes" : "no");
    return csv;
}

START_TEST(small_trust_report)
{
    wres_ctx *ctx;
    wres_report *r;
    wres_cursor *cur;
    char *csv = small_csv();
    const char *json, *text, *out;
    double v;
    int nulls = 0;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", csv), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, 1), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);

    /* the small count and its row-mate */
    tu_null(r, 1, "non-clinical/Band 5", "bme", "count");
    tu_null(r, 1, "non-clinical/Band 5", "white", "count");
    ck_assert_double_eq(tu_get(r, 1, "non-clinical/Band 5", "total", "count"), 25);
    ck_assert_double_eq(tu_get(r, 1, "non-clinical/Band 5", "unknown", "count"), 0);
    tu_null(r, 1, "non-clinical/Band 5", "white", "pct");
    tu_null(r, 1, "non-clinical/Band 5", "bme", "pct");
    /* unknown 0 of 23 (true counts): shown, 0% */
    ck_assert_double_eq(tu_get(r, 1, "non-clinical/Band 5", "unknown", "pct"), 0.0);
    ck_assert_double_eq(tu_get(r, 1, "non-clinical/Band 5", "", "suppressed"), 1);
    ck_assert_double_eq(tu_get(r, 1, "all/Band 5", "bme", "count"), 15);
    tu_null(r, 1, "non-clinical/All", "bme", "count");
    tu_null(r, 1, "clinical/All", "white", "count");
    tu_null(r, 1, "clinical/Band 5", "bme", "count");
    tu_null(r, 1, "clinical/Band 5", "white", "count");
    ck_assert_double_eq(tu_get(r, 1, "clinical/Band 5", "total", "count"), 40);
    /* the workforce: white 50, BME 15, total 65, all shown; percentages
     * from the true counts: 50/65 */
    ck_assert_double_eq(tu_get(r, 1, "workforce", "white", "count"), 50);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "bme", "count"), 15);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "total", "count"), 65);
    ck_assert_double_eq_tol(tu_get(r, 1, "workforce", "white", "pct"),
                            50.0 / 65.0 * 100.0, 1e-12);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "", "suppressed"), 0);
    /* indicator 4: white 22 of 50 trained, BME 4 of 15: the 4 is small,
     * so the BME rate, the ratio and its statistics are null; the white
     * side, all shown, keeps its rate from the true counts */
    ck_assert_double_eq(tu_get(r, 4, "", "white", "n"), 50);
    ck_assert_double_eq(tu_get(r, 4, "", "white", "events"), 20);
    ck_assert_double_eq_tol(tu_get(r, 4, "", "white", "rate"), 22.0 / 50.0, 1e-15);
    ck_assert_double_eq(tu_get(r, 4, "", "bme", "n"), 15);
    tu_null(r, 4, "", "bme", "events");
    tu_null(r, 4, "", "bme", "rate");
    tu_null(r, 4, "", "", "relative_likelihood");
    tu_null(r, 4, "", "", "ci_lower");
    tu_null(r, 4, "", "", "p_value");
    tu_null(r, 4, "", "", "significant");
    tu_null(r, 4, "", "", "non_adverse");
    ck_assert_double_eq(tu_get(r, 4, "", "bme", "suppressed"), 1);
    ck_assert_double_eq(tu_get(r, 0, "disclosure", "", "threshold"), 7);
    ck_assert_double_eq(tu_get(r, 0, "disclosure", "", "rounding"), 5);
    /* the headcount is the workforce's */
    ck_assert_double_eq(tu_get(r, 0, "data_quality", "", "staff_headcount"), 65);
    ck_assert_int_eq(wres_report_get(r, 1, "workforce", "bme", "count", &v), WRES_OK);

    json = tu_render(r, WRES_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(json, "\"disclosure\": {\"threshold\": 7, \"rounding\": 5}"));
    ck_assert_ptr_nonnull(strstr(json, "{\"staff_group\": \"non-clinical\", \"band\": "
                                       "\"Band 5\", \"white\": null, \"bme\": null, "
                                       "\"unknown\": 0, \"total\": 25, \"white_pct\": null, "
                                       "\"bme_pct\": null, \"unknown_pct\": 0.0, "
                                       "\"suppressed\": true}"));
    ck_assert_ptr_nonnull(strstr(json, "\"bme\": {\"n\": 15, \"events\": null, "
                                       "\"rate\": null, \"suppressed\": true}"));
    ck_assert_ptr_nonnull(strstr(json, "\"relative_likelihood\": null, \"ci\": null, "
                                       "\"p_value\": null"));
    text = tu_render(r, WRES_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(text, "Publication-safe: counts from 1 to 7 suppressed (*)"));
    ck_assert_ptr_nonnull(strstr(text, "  non-clinical   Band 5               *       *"
                                       "       0      25     n/a     n/a     0.0\n"));
    ck_assert_ptr_nonnull(strstr(text, "  BME           * trained of 15\n"));
    out = tu_render(r, WRES_FORMAT_CSV);
    ck_assert_ptr_nonnull(strstr(out, "\n1,non-clinical/Band 5,bme,count,\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n1,non-clinical/Band 5,total,count,25\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n0,disclosure,,threshold,7\n"));

    /* the cursor reads a suppressed count as null */
    ck_assert_int_eq(wres_cursor_new(r, &cur), WRES_OK);
    while (wres_cursor_next(cur) == WRES_OK)
        if (wres_cursor_indicator(cur) == 1 &&
            strcmp(wres_cursor_part(cur), "non-clinical/Band 5") == 0 &&
            strcmp(wres_cursor_measure(cur), "count") == 0 &&
            wres_cursor_type(cur) == WRES_TYPE_NULL)
            nulls++;
    ck_assert_int_eq(nulls, 2);
    wres_cursor_free(cur);
    wres_report_free(r);
    wres_ctx_free(ctx);
    free(csv);
}
END_TEST

START_TEST(off_by_default_and_options)
{
    wres_ctx *a, *b;
    wres_report *ra, *rb;
    char *csv = small_csv();
    char *plain;

    ck_assert_int_eq(wres_ctx_new(&a), WRES_OK);
    ck_assert_int_eq(wres_ctx_new(&b), WRES_OK);
    ck_assert_int_eq(tu_ingest(a, WRES_KIND_STAFF, "staff.csv", csv), WRES_OK);
    ck_assert_int_eq(tu_ingest(b, WRES_KIND_STAFF, "staff.csv", csv), WRES_OK);
    /* off by default: the exact counts, no disclosure key */
    ck_assert_int_eq(wres_report_new(a, "", 2024, &ra), WRES_OK);
    ck_assert_double_eq(tu_get(ra, 1, "non-clinical/Band 5", "bme", "count"), 3);
    plain = strdup(tu_render(ra, WRES_FORMAT_JSON));
    ck_assert_ptr_null(strstr(plain, "disclosure"));
    ck_assert_ptr_null(strstr(plain, "suppressed"));
    /* on then off again: as before */
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_PUBLISH, 1), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_PUBLISH, 0), WRES_OK);
    ck_assert_int_eq(wres_report_new(b, "", 2024, &rb), WRES_OK);
    ck_assert_str_eq(tu_render(rb, WRES_FORMAT_JSON), plain);
    wres_report_free(rb);
    /* threshold 2, no rounding: the 3 is shown exactly, and nothing else
     * needs hiding */
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_PUBLISH, 1), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_SUPPRESS_MAX, 2), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_ROUND_BASE, 1), WRES_OK);
    ck_assert_int_eq(wres_report_new(b, "", 2024, &rb), WRES_OK);
    ck_assert_double_eq(tu_get(rb, 1, "non-clinical/Band 5", "bme", "count"), 3);
    ck_assert_double_eq(tu_get(rb, 1, "non-clinical/Band 5", "total", "count"), 23);
    ck_assert_ptr_nonnull(strstr(tu_render(rb, WRES_FORMAT_JSON),
                                 "\"disclosure\": {\"threshold\": 2, \"rounding\": 1}"));
    wres_report_free(rb);
    /* a report is a snapshot of the options when it was made */
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_ROUND_BASE, 10), WRES_OK);
    ck_assert_int_eq(wres_report_new(b, "", 2024, &rb), WRES_OK);
    ck_assert_double_eq(tu_get(rb, 1, "workforce", "total", "count"), 70);  /* 65: tie, up */
    wres_report_free(rb);
    /* ranges and types */
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_PUBLISH, 2), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_SUPPRESS_MAX, -1), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_int(b, WRES_OPT_ROUND_BASE, 0), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_double(b, WRES_OPT_PUBLISH, 1.0), WRES_E_OPTION);
    ck_assert_int_eq(wres_ctx_set_string(b, WRES_OPT_ROUND_BASE, "5"), WRES_E_OPTION);
    wres_report_free(ra);
    wres_ctx_free(a);
    wres_ctx_free(b);
    free(plain);
    free(csv);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("disclosure");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, rounding);
    tcase_add_test(tc, one_line);
    tcase_add_test(tc, two_way);
    tcase_add_test(tc, odd_cycle_needs_the_system);
    tcase_add_test(tc, tied_cells);
    tcase_add_test(tc, random_two_way_tables);
    tcase_add_test(tc, random_three_way_tables);
    tcase_add_test(tc, sample_trust_indicator1_is_safe);
    tcase_add_test(tc, random_staff_indicator1_is_safe);
    tcase_add_test(tc, random_groups_and_breakdowns_are_safe);
    tcase_add_test(tc, random_targets_are_safe);
    tcase_add_test(tc, trend_withholds_a_year);
    tcase_add_test(tc, screening_published);
    tcase_add_test(tc, small_trust_report);
    tcase_add_test(tc, off_by_default_and_options);
    suite_add_tcase(s, tc);
    return tu_run(s) ? 1 : 0;
}
