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

/* Mark in det[] the suppressed cells that the lines determine, with the
 * shown cells known: the unknowns are the suppressed cells, one equation
 * per line that holds one; reduced row echelon form by elimination with
 * partial pivoting (the coefficients are small integers); a pivot unknown
 * whose row has nothing left in the free columns is determined.  Returns
 * the number determined, or -1 when out of memory. */
static long determined(const wres__dtable *t, unsigned char *det)
{
    size_t *col = NULL, *pivcol = NULL, k = 0, m = 0, i, j, l, r, rank = 0;
    unsigned char *isfree = NULL;
    double *a = NULL;
    long n_det = -1;

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
    if (m > ((size_t)-1 / sizeof(double)) / k)
        goto out;
    a = wres__calloc(m * k, sizeof *a);
    pivcol = wres__calloc(m, sizeof *pivcol);
    isfree = wres__calloc(k, 1);
    if (!a || !pivcol || !isfree)
        goto out;
    for (l = 0, r = 0; l < t->nlines; l++) {
        if (!line_suppressed(t, l))
            continue;
        for (j = t->first[l]; j < t->first[l + 1]; j++)
            if (t->sup[t->mem[j]])
                a[r * k + col[t->mem[j]]] += 1.0;
        if (t->sup[t->total[l]])
            a[r * k + col[t->total[l]]] -= 1.0;
        r++;
    }
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
        for (i = 0; i < k; i++)
            a[rank * k + i] /= f;
        for (i = 0; i < m; i++) {
            double g = a[i * k + j];
            if (i == rank || g == 0.0)
                continue;
            for (l = 0; l < k; l++)
                a[i * k + l] -= g * a[rank * k + l];
        }
        pivcol[rank++] = j;
        isfree[j] = 0;
    }
    n_det = 0;
    for (r = 0; r < rank; r++) {
        int free_left = 0;
        for (j = 0; j < k && !free_left; j++)
            free_left = isfree[j] && fabs(a[r * k + j]) > 1e-9;
        if (!free_left) {
            for (i = 0; i < t->n; i++)
                if (col[i] == pivcol[r]) {
                    det[i] = 1;
                    n_det++;
                    break;
                }
        }
    }
out:
    wres__free(col);
    wres__free(pivcol);
    wres__free(isfree);
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

int wres__disclose_model(wres__model *m, int64_t suppress_max, int64_t round_base)
{
    wres__dtable t;
    size_t *i1 = NULL, mem[WRES__BANDS], i, j, f;
    size_t dq_head, dq_unknown, dq_bank;
    rlcells r2, r3, r3s, r4;
    size_t sv[WRES__SURVEY_QS][4];
    mixcells bd[3];
    size_t (*fc)[3 + WRES_REASON_DUPLICATE_ID] = NULL;
    int g, b, e, q, x, rv;
    int64_t base = round_base;

    memset(&t, 0, sizeof t);
    m->publish = 1;
    m->suppress_max = suppress_max;
    m->round_base = round_base;
    i1 = wres__calloc(I1_CELLS, sizeof *i1);
    fc = wres__calloc(m->n_files ? m->n_files : 1, sizeof *fc);
    if (!i1 || !fc) {
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
    for (q = 0; q < WRES__SURVEY_QS; q++) {
        wres__pct *s = &m->survey[q];
        int any = 0;
        for (x = 0; x < 2; x++) {
            s->n[x] = wres__dt_shown(&t, sv[q][2 * x], base);
            s->yes[x] = wres__dt_shown(&t, sv[q][2 * x + 1], base);
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
#undef WF
    rv = WRES_OK;
out:
    wres__dt_free(&t);
    wres__free(i1);
    wres__free(fc);
    return rv;
}
