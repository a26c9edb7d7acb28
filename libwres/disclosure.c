/*
 * disclosure.c - publication-safe output: small counts suppressed, other
 * counts rounded, and secondary suppression so that no suppressed count
 * can be worked out from what is shown.
 *
 * The control works on a generic table with margins (wres__dtable): cells
 * holding true counts, and lines, each saying that some member cells sum
 * to a total cell (plus values the reader may know).  Indicator 1's
 * three-way table (staff group x band x white/BME/unknown/total, with
 * every margin), each board part, the counts tied across indicators and
 * the files' row counts are all lines of one table per report; other
 * tables (ethnic-group breakdowns, deep dives) can be added the same way.
 *
 * Secondary suppression: while some line holds exactly one suppressed
 * cell, the smallest non-zero shown cell of that line is suppressed too.
 * Then every suppressed cell is checked against the whole system of lines
 * (Gaussian elimination, the shown cells taken as exactly known, which is
 * more than a reader gets from rounded counts): a cell the system
 * determines gets another line-mate suppressed, until none is determined.
 * Zero counts are shown and never suppressed; since every suppressed cell
 * is then at least 1, a cell the system leaves free can take at least two
 * non-negative values.
 */
#include <math.h>
#include <string.h>

#include "wres_private.h"

int64_t wres__round_count(int64_t v, int64_t base)
{
    int64_t r;

    if (v <= 0 || base <= 1)
        return v;
    r = v / base * base;
    if (v - r >= base - (v - r))    /* at or past the half way: up */
        r = r <= INT64_MAX - base ? r + base : r;
    return r > 0 ? r : base;
}

/* Parallel arrays grow together: from the same capacity, wres__grow makes
 * the same new one; the shared capacity moves only when all have grown. */
size_t wres__dt_cell(wres__dtable *t, int64_t v)
{
    size_t c1 = t->cap, c2 = t->cap;
    void *p;

    if (t->oom)
        return 0;
    p = t->v;
    if (wres__grow(&p, &c1, t->n + 1, sizeof *t->v) != WRES_OK)
        goto nomem;
    t->v = p;
    p = t->sup;
    if (wres__grow(&p, &c2, t->n + 1, sizeof *t->sup) != WRES_OK)
        goto nomem;
    t->sup = p;
    t->cap = c1;
    t->v[t->n] = v < 0 ? 0 : v;
    t->sup[t->n] = 0;
    return t->n++;
nomem:
    t->oom = 1;
    return 0;
}

void wres__dt_line(wres__dtable *t, size_t total, const size_t *members,
                   size_t n)
{
    size_t c1 = t->lines_cap, c2 = t->lines_cap;
    void *p;

    if (t->oom)
        return;
    p = t->mem;
    if (wres__grow(&p, &t->mem_cap, t->n_mem + n + 1, sizeof *t->mem) != WRES_OK)
        goto nomem;
    t->mem = p;
    p = t->first;
    if (wres__grow(&p, &c1, t->nlines + 2, sizeof *t->first) != WRES_OK)
        goto nomem;
    t->first = p;
    p = t->total;
    if (wres__grow(&p, &c2, t->nlines + 2, sizeof *t->total) != WRES_OK)
        goto nomem;
    t->total = p;
    t->lines_cap = c1;
    if (t->nlines == 0)
        t->first[0] = 0;
    if (n)
        memcpy(t->mem + t->n_mem, members, n * sizeof *members);
    t->n_mem += n;
    t->total[t->nlines] = total;
    t->first[++t->nlines] = t->n_mem;
    return;
nomem:
    t->oom = 1;
}

void wres__dt_free(wres__dtable *t)
{
    wres__free(t->v);
    wres__free(t->sup);
    wres__free(t->first);
    wres__free(t->total);
    wres__free(t->mem);
    memset(t, 0, sizeof *t);
}

int64_t wres__dt_shown(const wres__dtable *t, size_t i, int64_t base)
{
    return t->sup[i] ? WRES__SUPPRESSED : wres__round_count(t->v[i], base);
}

/* The cell to suppress beside the suppressed cells of line l: its
 * smallest non-zero shown cell (members before the total on a tie), or
 * (size_t)-1 when it has none. */
static size_t line_pick(const wres__dtable *t, size_t l)
{
    size_t j, best = (size_t)-1, c;

    for (j = t->first[l]; j <= t->first[l + 1]; j++) {
        c = j < t->first[l + 1] ? t->mem[j] : t->total[l];
        if (!t->sup[c] && t->v[c] > 0 && (best == (size_t)-1 || t->v[c] < t->v[best]))
            best = c;
    }
    return best;
}

static size_t line_suppressed(const wres__dtable *t, size_t l)
{
    size_t j, k = t->sup[t->total[l]] != 0;

    for (j = t->first[l]; j < t->first[l + 1]; j++)
        k += t->sup[t->mem[j]] != 0;
    return k;
}

/* No line with exactly one suppressed cell: returns whether any changed. */
static int line_pass(wres__dtable *t)
{
    int changed = 0, again = 1;
    size_t l, c;

    while (again) {
        again = 0;
        for (l = 0; l < t->nlines; l++)
            if (line_suppressed(t, l) == 1 && (c = line_pick(t, l)) != (size_t)-1) {
                t->sup[c] = 2;
                again = changed = 1;
            }
    }
    return changed;
}

/* Union-find over the suppressed cells (their column numbers). */
static size_t uf_find(size_t *up, size_t x)
{
    while (up[x] != x) {
        up[x] = up[up[x]];
        x = up[x];
    }
    return x;
}

/* Reduce the dense rows x cols system a (row-major) to reduced row echelon
 * form by elimination with partial pivoting (the coefficients are small
 * integers); a pivot unknown whose row has nothing left in the free
 * columns is determined: det_col[its column] = 1. */
static void solve_block(double *a, size_t m, size_t k, unsigned char *isfree,
                        size_t *pivcol, size_t *nzcol, unsigned char *det_col)
{
    size_t i, j, l, r, nz, rank = 0;

    memset(isfree, 1, k);
    for (j = 0; j < k && rank < m; j++) {
        size_t best = rank;
        double bv = fabs(a[rank * k + j]), f;
        for (i = rank + 1; i < m; i++)
            if (fabs(a[i * k + j]) > bv) {
                bv = fabs(a[i * k + j]);
                best = i;
            }
        if (bv < 1e-9)
            continue;
        if (best != rank)
            for (i = 0; i < k; i++) {
                double x = a[rank * k + i];
                a[rank * k + i] = a[best * k + i];
                a[best * k + i] = x;
            }
        f = a[rank * k + j];
        nz = 0;
        for (i = 0; i < k; i++) {
            a[rank * k + i] /= f;
            if (a[rank * k + i] != 0.0)
                nzcol[nz++] = i;   /* the pivot row is sparse: touch only these */
        }
        for (i = 0; i < m; i++) {
            double g = a[i * k + j];
            if (i == rank || g == 0.0)
                continue;
            for (l = 0; l < nz; l++)
                a[i * k + nzcol[l]] -= g * a[rank * k + nzcol[l]];
        }
        pivcol[rank++] = j;
        isfree[j] = 0;
    }
    for (r = 0; r < rank; r++) {
        int free_left = 0;
        for (j = 0; j < k && !free_left; j++)
            free_left = isfree[j] && fabs(a[r * k + j]) > 1e-9;
        if (!free_left)
            det_col[pivcol[r]] = 1;
    }
}

/* Mark in det[] the suppressed cells that the lines determine, with the
 * shown cells known: the unknowns are the suppressed cells, one equation
 * per line that holds one.  The system falls apart into independent
 * blocks (suppressed cells joined by the lines they share), each solved
 * on its own: the same answer as the whole, much faster.  Returns the
 * number determined, or -1 when out of memory. */
static long determined(const wres__dtable *t, unsigned char *det)
{
    size_t *col = NULL, *up = NULL, *cell_of = NULL, *lcol = NULL, *rows = NULL;
    size_t *pivcol = NULL, *lcol_nz = NULL, k = 0, m = 0, i, j, l, r, c0;
    size_t *cstart = NULL, *rstart = NULL, *cfill = NULL, *rfill = NULL;
    size_t *cols_by = NULL, *rows_by = NULL, *lroot = NULL;
    unsigned char *isfree = NULL, *det_col = NULL;
    double *a = NULL;
    long n_det = -1, found = 0;

    col = wres__calloc(t->n ? t->n : 1, sizeof *col);
    if (!col)
        goto out;
    for (i = 0; i < t->n; i++) {
        det[i] = 0;
        col[i] = t->sup[i] ? k++ : (size_t)-1;
    }
    for (l = 0; l < t->nlines; l++)
        m += line_suppressed(t, l) > 0;
    n_det = 0;
    if (!k || !m)
        goto out;
    n_det = -1;
    up = wres__calloc(k, sizeof *up);
    cell_of = wres__calloc(k, sizeof *cell_of);
    lcol = wres__calloc(k, sizeof *lcol);
    rows = wres__calloc(m, sizeof *rows);
    det_col = wres__calloc(k, 1);
    isfree = wres__calloc(k, 1);
    pivcol = wres__calloc(m, sizeof *pivcol);
    lcol_nz = wres__calloc(k, sizeof *lcol_nz);
    cstart = wres__calloc(k + 1, sizeof *cstart);
    rstart = wres__calloc(k + 1, sizeof *rstart);
    cfill = wres__calloc(k + 1, sizeof *cfill);
    rfill = wres__calloc(k + 1, sizeof *rfill);
    cols_by = wres__calloc(k, sizeof *cols_by);
    rows_by = wres__calloc(m, sizeof *rows_by);
    lroot = wres__calloc(m, sizeof *lroot);
    if (!up || !cell_of || !lcol || !rows || !det_col || !isfree || !pivcol ||
        !lcol_nz || !cstart || !rstart || !cfill || !rfill || !cols_by || !rows_by ||
        !lroot)
        goto out;
    for (i = 0; i < t->n; i++)
        if (t->sup[i])
            cell_of[col[i]] = i;
    for (j = 0; j < k; j++)
        up[j] = j;
    for (l = 0; l < t->nlines; l++) {
        size_t first = (size_t)-1, x;
        for (j = t->first[l]; j <= t->first[l + 1]; j++) {
            size_t c = j < t->first[l + 1] ? t->mem[j] : t->total[l];
            if (!t->sup[c])
                continue;
            x = uf_find(up, col[c]);
            if (first == (size_t)-1)
                first = x;
            else if (x != first)
                up[x] = first;
        }
    }
    /* each block: its columns numbered locally, its rows, solved; the
     * columns and rows bucketed by block first (counting sort) */
    for (j = 0; j < k; j++)
        cstart[(up[j] = uf_find(up, j)) + 1]++;
    for (l = 0, r = 0; l < t->nlines; l++) {
        size_t q, c = (size_t)-1;
        for (q = t->first[l]; q <= t->first[l + 1] && c == (size_t)-1; q++) {
            size_t x = q < t->first[l + 1] ? t->mem[q] : t->total[l];
            if (t->sup[x])
                c = x;
        }
        if (c != (size_t)-1) {
            lroot[r] = up[col[c]];
            rows[r++] = l;
            rstart[lroot[r - 1] + 1]++;
        }
    }
    for (j = 0; j < k; j++) {
        cstart[j + 1] += cstart[j];
        rstart[j + 1] += rstart[j];
    }
    memcpy(cfill, cstart, k * sizeof *cfill);
    memcpy(rfill, rstart, k * sizeof *rfill);
    for (j = 0; j < k; j++)
        cols_by[cfill[up[j]]++] = j;
    for (r = 0; r < m; r++)
        rows_by[rfill[lroot[r]]++] = rows[r];
    for (c0 = 0; c0 < k; c0++) {
        size_t nk = cstart[c0 + 1] - cstart[c0], nm = rstart[c0 + 1] - rstart[c0];
        if (!nk || !nm)
            continue;
        for (j = 0; j < nk; j++)
            lcol[cols_by[cstart[c0] + j]] = j;
        if (nm > ((size_t)-1 / sizeof(double)) / nk)
            goto out;
        wres__free(a);
        a = wres__calloc(nm * nk, sizeof *a);
        if (!a)
            goto out;
        for (r = 0; r < nm; r++) {
            l = rows_by[rstart[c0] + r];
            for (j = t->first[l]; j < t->first[l + 1]; j++)
                if (t->sup[t->mem[j]])
                    a[r * nk + lcol[col[t->mem[j]]]] += 1.0;
            if (t->sup[t->total[l]])
                a[r * nk + lcol[col[t->total[l]]]] -= 1.0;
        }
        memset(det_col, 0, nk);
        solve_block(a, nm, nk, isfree, pivcol, lcol_nz, det_col);
        for (j = 0; j < nk; j++)
            if (det_col[j]) {
                det[cell_of[cols_by[cstart[c0] + j]]] = 1;
                found++;
            }
    }
    n_det = found;
out:
    wres__free(col);
    wres__free(up);
    wres__free(cell_of);
    wres__free(lcol);
    wres__free(rows);
    wres__free(det_col);
    wres__free(isfree);
    wres__free(cstart);
    wres__free(rstart);
    wres__free(cfill);
    wres__free(rfill);
    wres__free(cols_by);
    wres__free(rows_by);
    wres__free(lroot);
    wres__free(pivcol);
    wres__free(lcol_nz);
    wres__free(a);
    return n_det;
}

int wres__dt_suppress(wres__dtable *t, int64_t threshold)
{
    unsigned char *det;
    size_t i, l, j, c;
    long n_det;

    if (t->oom)
        return WRES_E_NOMEM;
    for (i = 0; i < t->n; i++)
        t->sup[i] = t->v[i] >= 1 && t->v[i] <= threshold;
    if (!t->nlines)
        return WRES_OK;
    det = wres__calloc(t->n ? t->n : 1, 1);
    if (!det)
        return WRES_E_NOMEM;
    for (;;) {
        line_pass(t);
        n_det = determined(t, det);
        if (n_det < 0) {
            wres__free(det);
            return WRES_E_NOMEM;
        }
        if (n_det == 0)
            break;
        /* the first determined cell: suppress a line-mate, or failing that
         * the smallest non-zero shown cell of the table; then look again
         * (that may free the others too) */
        for (i = 0; i < t->n; i++) {
            if (!det[i] || !t->sup[i])
                continue;
            c = (size_t)-1;
            for (l = 0; l < t->nlines && c == (size_t)-1; l++) {
                int in = t->total[l] == i;
                for (j = t->first[l]; j < t->first[l + 1] && !in; j++)
                    in = t->mem[j] == i;
                if (in)
                    c = line_pick(t, l);
            }
            if (c == (size_t)-1)
                for (j = 0; j < t->n; j++)
                    if (!t->sup[j] && t->v[j] > 0 && (c == (size_t)-1 || t->v[j] < t->v[c]))
                        c = j;
            if (c == (size_t)-1) {
                /* every non-zero cell is suppressed: nothing is determined
                 * (the true counts, all at least 1, scale) */
                wres__free(det);
                return WRES_OK;
            }
            t->sup[c] = 2;
            break;
        }
    }
    wres__free(det);
    return WRES_OK;
}

/* ---- the report model as one table ---------------------------------------- */

typedef struct mixcells {
    size_t c[4];            /* white, bme, unknown, total */
} mixcells;

static void add_mix(wres__dtable *t, mixcells *mc, const wres__mix *m)
{
    mc->c[0] = wres__dt_cell(t, m->white);
    mc->c[1] = wres__dt_cell(t, m->bme);
    mc->c[2] = wres__dt_cell(t, m->unknown);
    mc->c[3] = wres__dt_cell(t, m->total);
}

static void shown_mix(const wres__dtable *t, const mixcells *mc, wres__mix *m,
                      int64_t base)
{
    m->white = wres__dt_shown(t, mc->c[0], base);
    m->bme = wres__dt_shown(t, mc->c[1], base);
    m->unknown = wres__dt_shown(t, mc->c[2], base);
    m->total = wres__dt_shown(t, mc->c[3], base);
    if (m->white < 0 || m->total < 0)
        m->pct[0] = NAN;
    if (m->bme < 0 || m->total < 0)
        m->pct[1] = NAN;
    if (m->unknown < 0 || m->total < 0)
        m->pct[2] = NAN;
}

static void tie(wres__dtable *t, size_t a, size_t b)
{
    wres__dt_line(t, b, &a, 1);
}

/* white n, events, bme n, events */
typedef struct rlcells {
    size_t c[4];
} rlcells;

static void add_rl(wres__dtable *t, rlcells *rc, const wres__rl *r)
{
    rc->c[0] = wres__dt_cell(t, r->white.n);
    rc->c[1] = wres__dt_cell(t, r->white.events);
    rc->c[2] = wres__dt_cell(t, r->bme.n);
    rc->c[3] = wres__dt_cell(t, r->bme.events);
}

static void shown_rl(const wres__dtable *t, const rlcells *rc, wres__rl *r,
                     int64_t base)
{
    r->white.n = wres__dt_shown(t, rc->c[0], base);
    r->white.events = wres__dt_shown(t, rc->c[1], base);
    r->bme.n = wres__dt_shown(t, rc->c[2], base);
    r->bme.events = wres__dt_shown(t, rc->c[3], base);
    if (r->white.n < 0 || r->white.events < 0)
        r->white.rate = NAN;
    if (r->bme.n < 0 || r->bme.events < 0)
        r->bme.rate = NAN;
    if (r->white.n < 0 || r->white.events < 0 || r->bme.n < 0 || r->bme.events < 0) {
        r->rl = r->lo = r->hi = r->p = NAN;
        r->significant = r->non_adverse = -1;
    }
}

/* Indicator 1 as a staff group (3 + all) x band (18 + all) x (white, bme,
 * unknown, total) table: the cell index of (g, b, e). */
#define I1(g, b, e) (((size_t)(g) * (WRES__BANDS + 1) + (size_t)(b)) * 4 + (size_t)(e))
#define I1_CELLS ((WRES__SGROUPS + 1) * (WRES__BANDS + 1) * 4)

/* ---- ethnic groups, breakdowns and targets --------------------------------
 * Each is more cells and lines in the report's one table, so that the
 * secondary suppression sees every way a count can be worked out:
 * a group's side of each figure (its white, unknown and total are the
 * report's own), with BME = Asian + Black + Mixed + Other and each broad
 * group = its codes at every position; a breakdown's cells, which sum to
 * the report's figures, tied to indicator 1's grid when the breakdown is
 * by band and/or staff group; a target row's headcounts, which are grid
 * cells (clinical: clinical + medical).  Survey figures from survey_counts
 * can hold BME rows of no group, for which these sums are not exact;
 * taking them as exact only suppresses more. */

/* the group cells: [position] where positions are indicator 1's grid
 * (I1 / 4 of them), then 2, 3, 3 single, 4 (n, events), then 5..8
 * (n, yes), then the three board parts */
#define GP_RL (I1_CELLS / 4)
#define GP_SV (GP_RL + 8)
#define GP_BD (GP_SV + 2 * WRES__SURVEY_QS)
#define GP_N (GP_BD + 3)
#define I1P(g, b) ((size_t)(g) * (WRES__BANDS + 1) + (size_t)(b))

/* broad group g (0 Asian, 1 Black, 2 Mixed, 3 Other): its codes among the
 * groups (4 + code - D) */
static const struct { int from, to; } broad_codes[4] = {
    {8, 11}, {12, 14}, {4, 7}, {15, 16}};

static const wres__rl *rl_of(const wres__model *m, int k)
{
    return k == 0 ? &m->i2 : k == 1 ? &m->i3 : k == 2 ? &m->i3_single : &m->i4;
}

static wres__rl *rl_of_mut(wres__model *m, int k)
{
    return (wres__rl *)rl_of(m, k);
}

/* The band or staff group a breakdown key names: its index, or -1. */
static int band_of(const char *s)
{
    int b;

    for (b = 0; b < WRES__BANDS; b++)
        if (strcmp(s, wres__band_name(b)) == 0)
            return b;
    return -1;
}

static int sgroup_of(const char *s)
{
    int g;

    for (g = 0; g < WRES__SGROUPS; g++)
        if (strcmp(s, wres__staff_group_name(g)) == 0)
            return g;
    return -1;
}

/* The grid position (staff group, band; margins at SGROUPS and BANDS) of a
 * staff breakdown cell, or -1 when it is not one. */
static long grid_pos(const wres__bdown *bd, const wres__bcell *c)
{
    int g = WRES__SGROUPS, b = WRES__BANDS, d;

    if (bd->indicator == 2)
        return -1;
    for (d = 0; d < bd->nd; d++) {
        if (strcmp(bd->by[d], "band") == 0 && (b = band_of(c->key[d])) >= 0)
            continue;
        if (strcmp(bd->by[d], "staff_group") == 0 &&
            (g = sgroup_of(c->key[d])) >= 0)
            continue;
        return -1;
    }
    return (long)I1P(g, b);
}

static void shown_survey(const wres__dtable *t, wres__pct *s, const size_t *c,
                         int64_t base)
{
    int x, any = 0;

    for (x = 0; x < 2; x++) {
        s->n[x] = wres__dt_shown(t, c[2 * x], base);
        s->yes[x] = wres__dt_shown(t, c[2 * x + 1], base);
        if (s->n[x] < 0 || s->yes[x] < 0) {
            s->pct[x] = s->lo[x] = s->hi[x] = NAN;
            any = 1;
        }
    }
    if (any) {
        s->diff = s->diff_lo = s->diff_hi = s->p = NAN;
        s->significant = -1;
    }
}

int wres__disclose_model(wres__model *m, int64_t suppress_max, int64_t round_base)
{
    wres__dtable t;
    size_t *i1 = NULL, mem[WRES__BANDS], i, j, f;
    size_t dq_head, dq_unknown, dq_bank;
    rlcells r2, r3, r3s, r4;
    size_t sv[WRES__SURVEY_QS][4];
    mixcells bd[3];
    size_t (*fc)[3 + WRES_REASON_DUPLICATE_ID] = NULL;
    size_t (*gc)[GP_N] = NULL, **bc = NULL, tc[WRES__TARGET_ROWS][2];
    size_t mainpos[GP_N];
    int g, b, e, q, x, rv;
    int64_t base = round_base;

    memset(&t, 0, sizeof t);
    m->publish = 1;
    m->suppress_max = suppress_max;
    m->round_base = round_base;
    i1 = wres__calloc(I1_CELLS, sizeof *i1);
    fc = wres__calloc(m->n_files ? m->n_files : 1, sizeof *fc);
    gc = wres__calloc(m->n_groups ? m->n_groups : 1, sizeof *gc);
    bc = wres__calloc(m->n_bd ? m->n_bd : 1, sizeof *bc);
    for (i = 0; bc && i < m->n_bd; i++)
        if (m->bd[i].n && !(bc[i] = wres__calloc(m->bd[i].n * 8, sizeof **bc)))
            break;
    if (!i1 || !fc || !gc || !bc || (m->n_bd && i < m->n_bd)) {
        rv = WRES_E_NOMEM;
        goto out;
    }

    /* indicator 1: the whole grid, absent cells as known zeros */
    {
        int64_t grid[I1_CELLS];
        memset(grid, 0, sizeof grid);
        for (i = 0; i < m->n_rows; i++) {
            const wres__i1row *row = &m->rows[i];
            g = row->sgroup < 0 ? WRES__SGROUPS : row->sgroup;
            b = row->band < 0 ? WRES__BANDS : row->band;
            grid[I1(g, b, 0)] = row->m.white;
            grid[I1(g, b, 1)] = row->m.bme;
            grid[I1(g, b, 2)] = row->m.unknown;
            grid[I1(g, b, 3)] = row->m.total;
        }
        grid[I1(WRES__SGROUPS, WRES__BANDS, 0)] = m->workforce.white;
        grid[I1(WRES__SGROUPS, WRES__BANDS, 1)] = m->workforce.bme;
        grid[I1(WRES__SGROUPS, WRES__BANDS, 2)] = m->workforce.unknown;
        grid[I1(WRES__SGROUPS, WRES__BANDS, 3)] = m->workforce.total;
        for (i = 0; i < I1_CELLS; i++)
            i1[i] = wres__dt_cell(&t, grid[i]);
    }
    if (m->avail[1]) {
        for (g = 0; g <= WRES__SGROUPS; g++)
            for (b = 0; b <= WRES__BANDS; b++) {
                for (e = 0; e < 3; e++)
                    mem[e] = i1[I1(g, b, e)];
                wres__dt_line(&t, i1[I1(g, b, 3)], mem, 3);
            }
        for (g = 0; g <= WRES__SGROUPS; g++)
            for (e = 0; e < 4; e++) {
                for (b = 0; b < WRES__BANDS; b++)
                    mem[b] = i1[I1(g, b, e)];
                wres__dt_line(&t, i1[I1(g, WRES__BANDS, e)], mem, WRES__BANDS);
            }
        for (b = 0; b <= WRES__BANDS; b++)
            for (e = 0; e < 4; e++) {
                for (g = 0; g < WRES__SGROUPS; g++)
                    mem[g] = i1[I1(g, b, e)];
                wres__dt_line(&t, i1[I1(WRES__SGROUPS, b, e)], mem, WRES__SGROUPS);
            }
    }
#define WF(e) i1[I1(WRES__SGROUPS, WRES__BANDS, e)]

    /* data quality: the headcount and unknown are the workforce's */
    dq_head = wres__dt_cell(&t, m->headcount);
    dq_unknown = wres__dt_cell(&t, m->eth_unknown);
    dq_bank = wres__dt_cell(&t, m->bank_excluded);
    if (m->avail[1]) {
        tie(&t, WF(3), dq_head);
        tie(&t, WF(2), dq_unknown);
    }

    /* 2..4: the headcounts of 3 and 4 are the workforce's white and BME;
     * the pooled counts of 3 are the single year's plus the year before */
    add_rl(&t, &r2, &m->i2);
    add_rl(&t, &r3, &m->i3);
    add_rl(&t, &r3s, &m->i3_single);
    add_rl(&t, &r4, &m->i4);
    if (m->avail[3]) {
        for (j = 0; j < 4; j++)
            tie(&t, r3s.c[j], r3.c[j]);
        if (m->avail[1]) {
            tie(&t, WF(0), r3s.c[0]);
            tie(&t, WF(1), r3s.c[2]);
        }
    }
    if (m->avail[4] && m->avail[1]) {
        tie(&t, WF(0), r4.c[0]);
        tie(&t, WF(1), r4.c[2]);
    }

    /* 5..8 */
    for (q = 0; q < WRES__SURVEY_QS; q++)
        for (x = 0; x < 2; x++) {
            sv[q][2 * x] = wres__dt_cell(&t, m->survey[q].n[x]);
            sv[q][2 * x + 1] = wres__dt_cell(&t, m->survey[q].yes[x]);
        }

    /* 9: each part's white, BME and unknown sum to its total */
    for (x = 0; x < 3; x++) {
        add_mix(&t, &bd[x], &m->board[x].m);
        if (m->avail[9])
            wres__dt_line(&t, bd[x].c[3], bd[x].c, 3);
    }

    /* the files: read = accepted + rejected; rejected = the reasons' sum */
    for (f = 0; f < m->n_files; f++) {
        const wres__dq_file *df = &m->files[f];
        size_t nr = 0, rs[WRES_REASON_DUPLICATE_ID];
        fc[f][0] = wres__dt_cell(&t, df->rows_read);
        fc[f][1] = wres__dt_cell(&t, df->rows_accepted);
        fc[f][2] = wres__dt_cell(&t, df->rows_rejected);
        for (j = 1; j <= WRES_REASON_DUPLICATE_ID; j++) {
            fc[f][2 + j] = wres__dt_cell(&t, df->by_reason[j]);
            rs[nr++] = fc[f][2 + j];
        }
        wres__dt_line(&t, fc[f][0], &fc[f][1], 2);
        wres__dt_line(&t, fc[f][2], rs, nr);
    }

    /* ethnic groups: the group's side at every position */
    for (g = 0; g <= WRES__SGROUPS; g++)
        for (b = 0; b <= WRES__BANDS; b++)
            mainpos[I1P(g, b)] = i1[I1(g, b, 1)];
    for (q = 0; q < 4; q++) {
        const rlcells *rc = q == 0 ? &r2 : q == 1 ? &r3 : q == 2 ? &r3s : &r4;
        mainpos[GP_RL + 2 * q] = rc->c[2];
        mainpos[GP_RL + 2 * q + 1] = rc->c[3];
    }
    for (q = 0; q < WRES__SURVEY_QS; q++) {
        mainpos[GP_SV + 2 * q] = sv[q][2];
        mainpos[GP_SV + 2 * q + 1] = sv[q][3];
    }
    for (x = 0; x < 3; x++)
        mainpos[GP_BD + x] = bd[x].c[1];
    for (i = 0; i < m->n_groups; i++) {
        const wres__model *gm = &m->groups[i];
        int64_t grid[GP_RL];
        memset(grid, 0, sizeof grid);
        for (j = 0; j < gm->n_rows; j++) {
            g = gm->rows[j].sgroup < 0 ? WRES__SGROUPS : gm->rows[j].sgroup;
            b = gm->rows[j].band < 0 ? WRES__BANDS : gm->rows[j].band;
            grid[I1P(g, b)] = gm->rows[j].m.bme;
        }
        grid[I1P(WRES__SGROUPS, WRES__BANDS)] = gm->workforce.bme;
        for (j = 0; j < GP_RL; j++)
            gc[i][j] = wres__dt_cell(&t, grid[j]);
        for (q = 0; q < 4; q++) {
            gc[i][GP_RL + 2 * q] = wres__dt_cell(&t, rl_of(gm, q)->bme.n);
            gc[i][GP_RL + 2 * q + 1] = wres__dt_cell(&t, rl_of(gm, q)->bme.events);
        }
        for (q = 0; q < WRES__SURVEY_QS; q++) {
            gc[i][GP_SV + 2 * q] = wres__dt_cell(&t, gm->survey[q].n[1]);
            gc[i][GP_SV + 2 * q + 1] = wres__dt_cell(&t, gm->survey[q].yes[1]);
        }
        for (x = 0; x < 3; x++)
            gc[i][GP_BD + x] = wres__dt_cell(&t, gm->board[x].m.bme);
        if (m->avail[1]) {      /* the group's own grid margins */
            for (g = 0; g <= WRES__SGROUPS; g++) {
                for (b = 0; b < WRES__BANDS; b++)
                    mem[b] = gc[i][I1P(g, b)];
                wres__dt_line(&t, gc[i][I1P(g, WRES__BANDS)], mem, WRES__BANDS);
            }
            for (b = 0; b <= WRES__BANDS; b++) {
                for (g = 0; g < WRES__SGROUPS; g++)
                    mem[g] = gc[i][I1P(g, b)];
                wres__dt_line(&t, gc[i][I1P(WRES__SGROUPS, b)], mem, WRES__SGROUPS);
            }
        }
    }
    if (m->n_groups == WRES__GROUPS) {
        size_t pos;
        for (pos = 0; pos < GP_N; pos++) {
            size_t br[4];
            for (q = 0; q < 4; q++) {
                size_t codes[4], n = 0;
                for (x = broad_codes[q].from; x <= broad_codes[q].to; x++)
                    codes[n++] = gc[x][pos];
                wres__dt_line(&t, gc[q][pos], codes, n);
                br[q] = gc[q][pos];
            }
            wres__dt_line(&t, mainpos[pos], br, 4);
        }
    }

    /* breakdowns: cells sum to the report's figures; tied to the grid */
    for (i = 0; i < m->n_bd; i++) {
        const wres__bdown *bdn = &m->bd[i];
        size_t *c = bc[i], n = bdn->n, *col;
        if (!bdn->avail || !n)
            continue;
        for (j = 0; j < n; j++) {
            const wres__bcell *cell = &bdn->cell[j];
            long gp = grid_pos(bdn, cell);
            if (bdn->indicator == 1) {
                mixcells mc;
                add_mix(&t, &mc, &cell->mix);
                memcpy(c + 8 * j, mc.c, sizeof mc.c);
                wres__dt_line(&t, mc.c[3], mc.c, 3);
                for (e = 0; gp >= 0 && e < 4; e++)
                    tie(&t, i1[(size_t)gp * 4 + (size_t)e], mc.c[e]);
            } else {
                rlcells rc, rs;
                add_rl(&t, &rc, &cell->rl);
                memcpy(c + 8 * j, rc.c, sizeof rc.c);
                if (bdn->indicator == 3) {
                    add_rl(&t, &rs, &cell->single);
                    memcpy(c + 8 * j + 4, rs.c, sizeof rs.c);
                    if (cell->nyears != 2)
                        for (e = 0; e < 4; e++)
                            tie(&t, rs.c[e], rc.c[e]);
                }
                /* headcounts of 3 (single year) and 4 are grid cells */
                if (gp >= 0) {
                    const size_t *hc = bdn->indicator == 3 ? c + 8 * j + 4 : c + 8 * j;
                    tie(&t, i1[(size_t)gp * 4 + 0], hc[0]);
                    tie(&t, i1[(size_t)gp * 4 + 1], hc[2]);
                }
            }
        }
        /* each measure summed over the cells is the report's */
        col = wres__calloc(n, sizeof *col);
        if (!col) {
            rv = WRES_E_NOMEM;
            goto out;
        }
        for (e = 0; e < 8; e++) {
            size_t total;
            if (bdn->indicator == 1 && e >= 4)
                break;
            if (bdn->indicator != 3 && bdn->indicator != 1 && e >= 4)
                break;
            if (bdn->indicator == 1)
                total = WF(e);
            else if (bdn->indicator == 2)
                total = r2.c[e];
            else if (bdn->indicator == 4)
                total = r4.c[e];
            else
                total = e < 4 ? r3.c[e] : r3s.c[e - 4];
            for (j = 0; j < n; j++)
                col[j] = c[8 * j + (size_t)e];
            wres__dt_line(&t, total, col, n);
        }
        wres__free(col);
    }

    /* targets: headcounts of grid cells (clinical: clinical + medical) */
    if (m->targets.on && m->targets.avail)
        for (q = 0; q < WRES__TARGET_ROWS; q++) {
            const wres__target_row *row = &m->targets.rows[q];
            for (x = 0; x < 2; x++) {
                size_t k = x ? 1 : 3, two[2];
                tc[q][x] = wres__dt_cell(&t, x ? row->bme : row->total);
                if (!m->avail[1])
                    continue;
                if (row->sgroup == WRES__SG_NONCLINICAL) {
                    tie(&t, i1[I1(WRES__SG_NONCLINICAL, row->band, k)], tc[q][x]);
                } else {
                    two[0] = i1[I1(WRES__SG_CLINICAL, row->band, k)];
                    two[1] = i1[I1(WRES__SG_MEDICAL, row->band, k)];
                    wres__dt_line(&t, tc[q][x], two, 2);
                }
            }
        }

    if ((rv = wres__dt_suppress(&t, suppress_max)) != WRES_OK)
        goto out;

    /* what is shown */
    for (i = 0; i < m->n_rows; i++) {
        wres__i1row *row = &m->rows[i];
        mixcells mc;
        g = row->sgroup < 0 ? WRES__SGROUPS : row->sgroup;
        b = row->band < 0 ? WRES__BANDS : row->band;
        for (e = 0; e < 4; e++)
            mc.c[e] = i1[I1(g, b, e)];
        shown_mix(&t, &mc, &row->m, base);
    }
    {
        mixcells mc;
        for (e = 0; e < 4; e++)
            mc.c[e] = WF(e);
        shown_mix(&t, &mc, &m->workforce, base);
    }
    m->headcount = wres__dt_shown(&t, dq_head, base);
    m->eth_unknown = wres__dt_shown(&t, dq_unknown, base);
    m->bank_excluded = wres__dt_shown(&t, dq_bank, base);
    if (m->headcount < 0 || m->eth_unknown < 0)
        m->declared_pct = NAN;
    shown_rl(&t, &r2, &m->i2, base);
    shown_rl(&t, &r3, &m->i3, base);
    shown_rl(&t, &r3s, &m->i3_single, base);
    shown_rl(&t, &r4, &m->i4, base);
    for (q = 0; q < WRES__SURVEY_QS; q++)
        shown_survey(&t, &m->survey[q], sv[q], base);
    if (m->workforce.bme < 0 || m->workforce.total < 0)
        m->board_workforce_pct = NAN;
    for (x = 0; x < 3; x++) {
        wres__board *bp = &m->board[x];
        shown_mix(&t, &bd[x], &bp->m, base);
        if (bp->m.bme < 0 || bp->m.total < 0)
            bp->bme_pct = NAN;
        if (isnan(bp->bme_pct) || isnan(m->board_workforce_pct))
            bp->diff = NAN;
    }
    for (f = 0; f < m->n_files; f++) {
        wres__dq_file *df = &m->files[f];
        df->rows_read = wres__dt_shown(&t, fc[f][0], base);
        df->rows_accepted = wres__dt_shown(&t, fc[f][1], base);
        df->rows_rejected = wres__dt_shown(&t, fc[f][2], base);
        for (j = 1; j <= WRES_REASON_DUPLICATE_ID; j++)
            df->by_reason[j] = wres__dt_shown(&t, fc[f][2 + j], base);
    }

    /* the groups: white, unknown and total are the report's */
    for (i = 0; i < m->n_groups; i++) {
        wres__model *gm = &m->groups[i];
        mixcells mc;
        gm->publish = 1;
        gm->suppress_max = suppress_max;
        gm->round_base = round_base;
        for (j = 0; j < gm->n_rows; j++) {
            g = gm->rows[j].sgroup < 0 ? WRES__SGROUPS : gm->rows[j].sgroup;
            b = gm->rows[j].band < 0 ? WRES__BANDS : gm->rows[j].band;
            for (e = 0; e < 4; e++)
                mc.c[e] = i1[I1(g, b, e)];
            mc.c[1] = gc[i][I1P(g, b)];
            shown_mix(&t, &mc, &gm->rows[j].m, base);
        }
        for (e = 0; e < 4; e++)
            mc.c[e] = WF(e);
        mc.c[1] = gc[i][I1P(WRES__SGROUPS, WRES__BANDS)];
        shown_mix(&t, &mc, &gm->workforce, base);
        for (q = 0; q < 4; q++) {
            const rlcells *rc = q == 0 ? &r2 : q == 1 ? &r3 : q == 2 ? &r3s : &r4;
            rlcells gr = *rc;
            gr.c[2] = gc[i][GP_RL + 2 * q];
            gr.c[3] = gc[i][GP_RL + 2 * q + 1];
            shown_rl(&t, &gr, rl_of_mut(gm, q), base);
        }
        for (q = 0; q < WRES__SURVEY_QS; q++) {
            size_t sc[4] = {sv[q][0], sv[q][1], gc[i][GP_SV + 2 * q],
                            gc[i][GP_SV + 2 * q + 1]};
            shown_survey(&t, &gm->survey[q], sc, base);
        }
        if (gm->workforce.bme < 0 || gm->workforce.total < 0)
            gm->board_workforce_pct = NAN;
        for (x = 0; x < 3; x++) {
            wres__board *bp = &gm->board[x];
            mixcells bm = bd[x];
            bm.c[1] = gc[i][GP_BD + x];
            shown_mix(&t, &bm, &bp->m, base);
            if (bp->m.bme < 0 || bp->m.total < 0)
                bp->bme_pct = NAN;
            if (isnan(bp->bme_pct) || isnan(gm->board_workforce_pct))
                bp->diff = NAN;
        }
    }
    for (i = 0; i < m->n_bd; i++) {
        wres__bdown *bdn = &m->bd[i];
        if (!bdn->avail)
            continue;
        for (j = 0; j < bdn->n; j++) {
            wres__bcell *cell = &bdn->cell[j];
            const size_t *c = bc[i] + 8 * j;
            if (bdn->indicator == 1) {
                mixcells mc;
                memcpy(mc.c, c, sizeof mc.c);
                shown_mix(&t, &mc, &cell->mix, base);
            } else {
                rlcells rc;
                memcpy(rc.c, c, sizeof rc.c);
                shown_rl(&t, &rc, &cell->rl, base);
                if (bdn->indicator == 3) {
                    memcpy(rc.c, c + 4, sizeof rc.c);
                    shown_rl(&t, &rc, &cell->single, base);
                }
            }
        }
    }
    if (m->targets.on && m->targets.avail) {
        wres__targets *tg = &m->targets;
        if (!tg->given && (m->workforce.bme < 0 || m->workforce.total < 0))
            tg->share = NAN;    /* the organisation's share, from counts */
        for (q = 0; q < WRES__TARGET_ROWS; q++) {
            wres__target_row *row = &tg->rows[q];
            row->total = wres__dt_shown(&t, tc[q][0], base);
            row->bme = wres__dt_shown(&t, tc[q][1], base);
            if (row->total < 0 || row->bme < 0) {
                row->target = row->gap = WRES__SUPPRESSED;
                for (x = 0; tg->trajectory && x < tg->n_years; x++)
                    tg->trajectory[q * tg->n_years + x] = WRES__SUPPRESSED;
            }
        }
    }
#undef WF
    rv = WRES_OK;
out:
    wres__dt_free(&t);
    wres__free(i1);
    wres__free(fc);
    wres__free(gc);
    for (i = 0; bc && i < m->n_bd; i++)
        wres__free(bc[i]);
    wres__free(bc);
    return rv;
}
