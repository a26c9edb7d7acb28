/*
 * indicators.c - the nine WRES indicators of one (organisation, year),
 * computed from the store's counts into the report model.  Pure sums and
 * calls into stats.c: no I/O.  The only allocations copy the data-quality
 * figures of the sources and hold indicator 1's rows.
 */
#include <math.h>
#include <string.h>

#include "wres_private.h"

static double pct(int64_t x, int64_t n)
{
    return n > 0 ? (double)x / (double)n * 100.0 : NAN;
}

/* Adds n people of slot to m: side[] says which side of the comparison
 * each slot is on; WRES__OTHER counts in the total only. */
static void add_mix(wres__mix *m, const signed char *side, int slot, int64_t n)
{
    switch (side[slot]) {
    case WRES__WHITE: m->white += n; break;
    case WRES__BME: m->bme += n; break;
    case WRES__UNKNOWN: m->unknown += n; break;
    default: break;
    }
    m->total += n;
}

void wres__mix_pct(wres__mix *m)
{
    m->pct[0] = pct(m->white, m->total);
    m->pct[1] = pct(m->bme, m->total);
    m->pct[2] = pct(m->unknown, m->total);
}

/* Relative likelihood of group `num` (numerator) against the other. */
void wres__fill_rl(wres__rl *r, int64_t white_n, int64_t white_ev,
                    int64_t bme_n, int64_t bme_ev, int white_first, double z)
{
    int64_t a, n1, b, n2;

    r->white.n = white_n;
    r->white.events = white_ev;
    r->white.rate = white_n > 0 ? (double)white_ev / (double)white_n : NAN;
    r->bme.n = bme_n;
    r->bme.events = bme_ev;
    r->bme.rate = bme_n > 0 ? (double)bme_ev / (double)bme_n : NAN;
    if (white_first) {
        a = white_ev; n1 = white_n; b = bme_ev; n2 = bme_n;
    } else {
        a = bme_ev; n1 = bme_n; b = white_ev; n2 = white_n;
    }
    wres__katz(a, n1, b, n2, z, &r->rl, &r->lo, &r->hi);
    r->p = wres__p_two_prop(a, n1, b, n2);
    r->non_adverse = wres__non_adverse(a, n1, b, n2);
}

void wres__finish_sig(double p, double c, int *sig)
{
    *sig = isnan(p) ? -1 : (p < 1.0 - c);
}

void wres__rl_fill(wres__rl *r, int64_t white_n, int64_t white_ev,
                   int64_t bme_n, int64_t bme_ev, int white_first, double z,
                   double c)
{
    wres__fill_rl(r, white_n, white_ev, bme_n, bme_ev, white_first, z);
    wres__finish_sig(r->p, c, &r->significant);
}

void wres__null_rl(wres__rl *r)
{
    memset(r, 0, sizeof *r);
    r->white.rate = r->bme.rate = NAN;
    r->rl = r->lo = r->hi = r->p = NAN;
    r->significant = r->non_adverse = -1;
}

/* Sum disciplinary (which = 0) or training (1) events and headcounts. */
static void staff_events(const wres__period *p, const signed char *side,
                         int which, int64_t n[2], int64_t ev[2])
{
    int g, b, e;

    for (g = 0; g < WRES__SGROUPS; g++)
        for (b = 0; b < WRES__BANDS; b++)
            for (e = 0; e < WRES__ETH_CODES; e++) {
                int w = side[e];
                if (w != WRES__WHITE && w != WRES__BME)
                    continue;
                n[w] += p->head[g][b][e];
                ev[w] += which ? p->train[g][b][e] : p->disc[g][b][e];
            }
}

void wres__staff_events(const wres__period *p, int which, int64_t n[2],
                        int64_t ev[2])
{
    signed char side[WRES__ETH_SLOTS];

    wres__side_bme(side);
    staff_events(p, side, which, n, ev);
}

void wres__staff_events_side(const wres__period *p, const signed char *side,
                             int which, int64_t n[2], int64_t ev[2])
{
    staff_events(p, side, which, n, ev);
}

static int copy_files(const wres_ctx *ctx, wres__model *m)
{
    size_t i, j;

    m->files = wres__calloc(ctx->n_sources, sizeof *m->files);
    if (!m->files)
        return WRES_E_NOMEM;
    for (i = 0; i < ctx->n_sources; i++) {
        const wres__source *s = &ctx->sources[i];
        wres__dq_file *f = &m->files[i];
        m->n_files = i + 1;
        /* a caller's path may be any bytes: reports carry valid UTF-8 */
        f->path = wres__utf8_copy(s->path);
        if (!f->path)
            return WRES_E_NOMEM;
        f->kind = s->kind;
        f->error = s->error;
        f->rows_read = s->rows_read;
        f->rows_accepted = s->rows_accepted;
        f->rows_rejected = s->rows_rejected;
        memcpy(f->by_reason, s->by_reason, sizeof f->by_reason);
        if (s->n_ignored) {
            f->ignored = wres__calloc(s->n_ignored, sizeof *f->ignored);
            if (!f->ignored)
                return WRES_E_NOMEM;
            for (j = 0; j < s->n_ignored; j++) {
                f->ignored[j] = wres__strndup(s->ignored[j], strlen(s->ignored[j]));
                if (!f->ignored[j])
                    return WRES_E_NOMEM;
                f->n_ignored = j + 1;
            }
        }
    }
    return WRES_OK;
}

static int indicator1(const wres__period *p, const signed char *side,
                      wres__model *m)
{
    wres__mix groups[WRES__SGROUPS], bands[WRES__BANDS];
    wres__mix cell;
    size_t n = 0;
    int g, b, e;

    memset(groups, 0, sizeof groups);
    memset(bands, 0, sizeof bands);
    m->rows = wres__calloc(WRES__SGROUPS * WRES__BANDS + WRES__SGROUPS +
                           WRES__BANDS, sizeof *m->rows);
    if (!m->rows)
        return WRES_E_NOMEM;
    for (g = 0; g < WRES__SGROUPS; g++)
        for (b = 0; b < WRES__BANDS; b++) {
            memset(&cell, 0, sizeof cell);
            for (e = 0; e < WRES__ETH_CODES; e++) {
                add_mix(&cell, side, e, p->head[g][b][e]);
                add_mix(&groups[g], side, e, p->head[g][b][e]);
                add_mix(&bands[b], side, e, p->head[g][b][e]);
                add_mix(&m->workforce, side, e, p->head[g][b][e]);
            }
            if (cell.total > 0) {
                m->rows[n].sgroup = g;
                m->rows[n].band = b;
                m->rows[n++].m = cell;
            }
        }
    for (g = 0; g < WRES__SGROUPS; g++)
        if (groups[g].total > 0) {
            m->rows[n].sgroup = g;
            m->rows[n].band = -1;
            m->rows[n++].m = groups[g];
        }
    for (b = 0; b < WRES__BANDS; b++)
        if (bands[b].total > 0) {
            m->rows[n].sgroup = -1;
            m->rows[n].band = b;
            m->rows[n++].m = bands[b];
        }
    m->n_rows = n;
    return WRES_OK;
}

static void survey(const wres__period *p, const signed char *side, int q,
                   double z, double c, wres__pct *s)
{
    int e, w;

    for (e = 0; e < WRES__ETH_SLOTS; e++) {
        w = side[e];
        if (w != WRES__WHITE && w != WRES__BME)
            continue;
        s->n[w] += p->survey_n[q][e];
        s->yes[w] += p->survey_yes[q][e];
    }
    for (w = 0; w < 2; w++) {
        s->pct[w] = pct(s->yes[w], s->n[w]);
        wres__wilson(s->yes[w], s->n[w], z, &s->lo[w], &s->hi[w]);
        s->lo[w] *= 100.0;
        s->hi[w] *= 100.0;
    }
    wres__newcombe(s->yes[WRES__BME], s->n[WRES__BME], s->yes[WRES__WHITE],
                   s->n[WRES__WHITE], z, &s->diff, &s->diff_lo, &s->diff_hi);
    s->diff *= 100.0;
    s->diff_lo *= 100.0;
    s->diff_hi *= 100.0;
    s->p = wres__p_two_prop(s->yes[WRES__BME], s->n[WRES__BME],
                            s->yes[WRES__WHITE], s->n[WRES__WHITE]);
    wres__finish_sig(s->p, c, &s->significant);
}

static int build_model(const wres_ctx *ctx, const char *org, int year,
                       const wres__period *p, const wres__period *prev,
                       wres__model *m, int with_trend, int disclose);

/* The model of (org, year) from the store, the year before beside it. */
static int build_org(const wres_ctx *ctx, const char *org, int year,
                     wres__model *m, int with_trend)
{
    const wres__period *p, *prev;

    p = wres__store_period((wres__store *)&ctx->store, org, strlen(org), year,
                           0, NULL);
    prev = wres__store_period((wres__store *)&ctx->store, org, strlen(org),
                              year - 1, 0, NULL);
    return build_model(ctx, org, year, p, prev, m, with_trend, 1);
}

int wres__model_build(const wres_ctx *ctx, const char *org, int year,
                      wres__model *m)
{
    return build_org(ctx, org, year, m, 1);
}

int wres__model_build_year(const wres_ctx *ctx, const char *org, int year,
                           wres__model *m)
{
    return build_org(ctx, org, year, m, 0);
}

int wres__model_build_sum(const wres_ctx *ctx, int year, const wres__period *sum,
                          wres__model *m)
{
    return build_model(ctx, "", year, sum, NULL, m, 0, 0);
}

static int build_model(const wres_ctx *ctx, const char *org, int year,
                       const wres__period *p, const wres__period *prev,
                       wres__model *m, int with_trend, int disclose)
{
    double c = ctx->confidence;
    int e, rv;
    signed char side[WRES__ETH_SLOTS];

    memset(m, 0, sizeof *m);
    m->org = wres__utf8_copy(org);
    if (!m->org)
        return WRES_E_NOMEM;
    m->year = year;
    m->confidence = c;
    if ((rv = copy_files(ctx, m)) != WRES_OK)
        return rv;

    /* data quality */
    m->declared_pct = NAN;
    if (p) {
        int g, b;
        for (g = 0; g < WRES__SGROUPS; g++)
            for (b = 0; b < WRES__BANDS; b++)
                for (e = 0; e < WRES__ETH_CODES; e++) {
                    m->headcount += p->head[g][b][e];
                    if (e == WRES__ETH_UNKNOWN)
                        m->eth_unknown += p->head[g][b][e];
                }
        for (e = 0; e < WRES__ETH_CODES; e++)
            m->bank_excluded += p->bank[e];
        m->declared_pct = pct(m->headcount - m->eth_unknown, m->headcount);
    }

    wres__side_bme(side);
    if ((rv = wres__compare(p, prev, year, side, c, m)) != WRES_OK)
        return rv;
    if ((rv = wres__model_detail(ctx, org, year, p, prev, m, with_trend)) != WRES_OK)
        return rv;
    if (ctx->targets && (rv = wres__targets_build(ctx, p, m)) != WRES_OK)
        return rv;
    if (disclose && ctx->publish)
        return wres__disclose_model(m, ctx->suppress_max, ctx->round_base);
    return WRES_OK;
}

void wres__side_bme(signed char *side)
{
    int e;

    for (e = 0; e < WRES__ETH_SLOTS; e++)
        side[e] = (signed char)wres__eth_wgroup(e);
}

int wres__compare(const wres__period *p, const wres__period *prev, int year,
                  const signed char *side, double c, wres__model *m)
{
    double z = wres__z_for_confidence(c);
    int q, e, v, x, rv;

    /* 1 */
    m->avail[1] = p && p->staff_rows > 0;
    if (m->avail[1] && (rv = indicator1(p, side, m)) != WRES_OK)
        return rv;

    /* 2: white first */
    wres__null_rl(&m->i2);
    m->avail[2] = p && p->app_rows > 0;
    if (m->avail[2]) {
        int64_t sl[2] = {0, 0}, ap[2] = {0, 0};
        for (e = 0; e < WRES__ETH_CODES; e++) {
            int w = side[e];
            if (w != WRES__WHITE && w != WRES__BME)
                continue;
            sl[w] += p->shortlisted[e];
            ap[w] += p->appointed[e];
        }
        wres__fill_rl(&m->i2, sl[0], ap[0], sl[1], ap[1], 1, z);
        wres__finish_sig(m->i2.p, c, &m->i2.significant);
    }

    /* 3: BME first; pooled over Y-1 and Y when both have the information */
    wres__null_rl(&m->i3);
    wres__null_rl(&m->i3_single);
    m->avail[3] = p && p->staff_rows > 0 && p->disc_info;
    if (m->avail[3]) {
        int64_t n[2] = {0, 0}, ev[2] = {0, 0};
        staff_events(p, side, 0, n, ev);
        wres__fill_rl(&m->i3_single, n[0], ev[0], n[1], ev[1], 0, z);
        wres__finish_sig(m->i3_single.p, c, &m->i3_single.significant);
        if (prev && prev->disc_info && prev->staff_nonbank > 0 &&
            p->staff_nonbank > 0) {
            staff_events(prev, side, 0, n, ev);
            m->i3_years[0] = year - 1;
            m->i3_years[1] = year;
            m->i3_nyears = 2;
        } else {
            m->i3_years[0] = year;
            m->i3_nyears = 1;
        }
        wres__fill_rl(&m->i3, n[0], ev[0], n[1], ev[1], 0, z);
        wres__finish_sig(m->i3.p, c, &m->i3.significant);
    }

    /* 4: white first */
    wres__null_rl(&m->i4);
    m->avail[4] = p && p->staff_rows > 0 && p->train_info;
    if (m->avail[4]) {
        int64_t n[2] = {0, 0}, ev[2] = {0, 0};
        staff_events(p, side, 1, n, ev);
        wres__fill_rl(&m->i4, n[0], ev[0], n[1], ev[1], 1, z);
        wres__finish_sig(m->i4.p, c, &m->i4.significant);
    }

    /* 5..8 */
    for (q = 0; q < WRES__SURVEY_QS; q++) {
        wres__pct *s = &m->survey[q];
        memset(s, 0, sizeof *s);
        m->avail[5 + q] = p && p->survey_avail[q];
        if (m->avail[5 + q]) {
            survey(p, side, q, z, c, s);
        } else {
            s->pct[0] = s->pct[1] = s->lo[0] = s->lo[1] = NAN;
            s->hi[0] = s->hi[1] = NAN;
            s->diff = s->diff_lo = s->diff_hi = s->p = NAN;
            s->significant = -1;
        }
    }

    /* 9 */
    m->avail[9] = p && p->board_rows > 0;
    m->board_workforce_pct = NAN;
    for (x = 0; x < 3; x++) {
        memset(&m->board[x], 0, sizeof m->board[x]);
        m->board[x].bme_pct = m->board[x].diff = NAN;
    }
    if (m->avail[9]) {
        if (p->staff_rows > 0)
            m->board_workforce_pct = pct(m->workforce.bme, m->workforce.total);
        for (v = 0; v < 2; v++)
            for (x = 0; x < 2; x++)
                for (e = 0; e < WRES__ETH_CODES; e++) {
                    int64_t k = p->board[v][x][e];
                    add_mix(&m->board[0].m, side, e, k);
                    if (v)
                        add_mix(&m->board[1].m, side, e, k);
                    if (x)
                        add_mix(&m->board[2].m, side, e, k);
                }
        for (x = 0; x < 3; x++) {
            wres__board *bd = &m->board[x];
            bd->bme_pct = pct(bd->m.bme, bd->m.total);
            bd->diff = bd->bme_pct - m->board_workforce_pct; /* NaN propagates */
        }
    }
    wres__mix_pct(&m->workforce);
    for (x = 0; x < (int)m->n_rows; x++)
        wres__mix_pct(&m->rows[x].m);
    for (x = 0; x < 3; x++)
        wres__mix_pct(&m->board[x].m);
    return WRES_OK;
}

void wres__model_free(wres__model *m)
{
    size_t i, j;

    wres__free(m->org);
    for (i = 0; i < m->n_files; i++) {
        wres__free(m->files[i].path);
        for (j = 0; j < m->files[i].n_ignored; j++)
            wres__free(m->files[i].ignored[j]);
        wres__free(m->files[i].ignored);
    }
    wres__free(m->files);
    wres__free(m->rows);
    wres__model_detail_free(m);
    wres__targets_free(&m->targets);
    memset(m, 0, sizeof *m);
}
