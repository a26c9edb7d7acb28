/*
 * targets.c - Model Employer targets of a report: for each band from 8a
 * up to VSM, for non-clinical and for clinical staff (medical and dental
 * staff counted as clinical), the BME headcount that would match a share
 * (the organisation's own overall BME share, or one the caller gives), the
 * gap today and a straight-line yearly trajectory from the report's year to
 * the target year.  Everything is whole people, rounded to the nearest,
 * halves upward; the band's total headcount is held at today's.
 */
#include <math.h>
#include <stdio.h>

#include "wres_private.h"

static const int target_bands[WRES__TARGET_BANDS] = {
    WRES__BAND_8A, WRES__BAND_8B, WRES__BAND_8C, WRES__BAND_8D,
    WRES__BAND_9, WRES__BAND_VSM
};

/* floor(a / b) for b > 0 */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

int64_t wres__round_ratio(int64_t num, int64_t den)
{
    /* floor(num / den + 1/2) = floor((2 num + den) / (2 den)), exact while
     * it fits; beyond 2^61 (no real workforce) in double */
    if (num > -((int64_t)1 << 61) && num < ((int64_t)1 << 61) &&
        den < ((int64_t)1 << 61))
        return floor_div(2 * num + den, 2 * den);
    return (int64_t)floor((double)num / (double)den + 0.5);
}

/* The target headcount of a band of total people. */
static int64_t target_of(const wres__targets *t, int64_t total)
{
    if (t->given)
        return (int64_t)floor(t->share * (double)total + 0.5);
    /* own share bme/all: total * bme / all exactly when the product fits */
    if (t->own_bme == 0 || total <= INT64_MAX / 4 / t->own_bme)
        return wres__round_ratio(total * t->own_bme, t->own_total);
    return (int64_t)floor((double)total * (double)t->own_bme /
                          (double)t->own_total + 0.5);
}

int wres__targets_build(const wres_ctx *ctx, const wres__period *p,
                        wres__model *m)
{
    wres__targets *t = &m->targets;
    int i, g, e, k;

    memset(t, 0, sizeof *t);
    t->on = 1;
    t->baseline = m->year;
    t->target_year = ctx->target_year;
    t->given = ctx->target_share > 0.0;
    t->share = NAN;
    t->avail = m->avail[1];
    if (ctx->target_year < m->year) {
        wres__set_error((wres_ctx *)ctx, "target year %d is before the "
                        "reporting year %d", ctx->target_year, m->year);
        return WRES_E_RANGE;
    }
    t->n_years = ctx->target_year - m->year + 1;
    if (!t->avail)
        return WRES_OK;
    t->own_bme = m->workforce.bme;
    t->own_total = m->workforce.total;
    if (t->given)
        t->share = ctx->target_share;
    else if (t->own_total > 0)
        t->share = (double)t->own_bme / (double)t->own_total;

    for (i = 0; i < WRES__TARGET_ROWS; i++) {
        wres__target_row *row = &t->rows[i];
        row->sgroup = i < WRES__TARGET_BANDS ? WRES__SG_NONCLINICAL
                                             : WRES__SG_CLINICAL;
        row->band = target_bands[i % WRES__TARGET_BANDS];
        for (g = 0; g < WRES__SGROUPS; g++) {
            int clinical = g != WRES__SG_NONCLINICAL;
            if (clinical != (row->sgroup == WRES__SG_CLINICAL))
                continue;
            for (e = 0; e < WRES__ETH_CODES; e++) {
                int64_t n = p ? p->head[g][row->band][e] : 0;
                row->total += n;
                if (wres__eth_wgroup(e) == WRES__BME)
                    row->bme += n;
            }
        }
    }
    if (!isfinite(t->share))
        return WRES_OK;
    t->trajectory = wres__calloc((size_t)WRES__TARGET_ROWS * (size_t)t->n_years,
                                 sizeof *t->trajectory);
    if (!t->trajectory)
        return WRES_E_NOMEM;
    for (i = 0; i < WRES__TARGET_ROWS; i++) {
        wres__target_row *row = &t->rows[i];
        int64_t span = t->n_years - 1;
        row->target = target_of(t, row->total);
        row->gap = row->target - row->bme;
        for (k = 0; k < t->n_years; k++)
            t->trajectory[i * t->n_years + k] =
                span == 0 ? row->target
                          : row->bme + wres__round_ratio(row->gap * k, span);
    }
    return WRES_OK;
}

void wres__targets_free(wres__targets *t)
{
    wres__free(t->trajectory);
    t->trajectory = NULL;
}

/* A count, null when withheld from publication. */
static void jcount(wres__buf *b, int64_t v)
{
    if (v == WRES__SUPPRESSED)
        wres__buf_puts(b, "null");
    else
        wres__buf_printf(b, "%lld", (long long)v);
}

/* A count as text: "*" when withheld from publication. */
static const char *tcount(char *s, size_t cap, int64_t v)
{
    if (v == WRES__SUPPRESSED)
        snprintf(s, cap, "*");
    else
        snprintf(s, cap, "%lld", (long long)v);
    return s;
}

void wres__targets_json(const wres__model *m, wres__buf *b)
{
    const wres__targets *t = &m->targets;
    int i, k, known = isfinite(t->share);

    wres__buf_printf(b, ",\n  \"targets\": {\n    \"available\": %s, \"share\": ",
                     t->avail ? "true" : "false");
    wres__json_num(b, t->share);
    wres__buf_printf(b, ", \"share_source\": \"%s\",\n    \"baseline_year\": %d, "
                     "\"target_year\": %d,\n    \"rows\": [",
                     t->given ? "given" : "organisation", t->baseline,
                     t->target_year);
    for (i = 0; t->avail && i < WRES__TARGET_ROWS; i++) {
        const wres__target_row *row = &t->rows[i];
        int shown = known && row->target != WRES__SUPPRESSED;
        wres__buf_printf(b, "%s\n      {\"staff_group\": \"%s\", \"band\": \"%s\", "
                         "\"total\": ", i ? "," : "",
                         wres__staff_group_name(row->sgroup),
                         wres__band_name(row->band));
        jcount(b, row->total);
        wres__buf_puts(b, ", \"bme\": ");
        jcount(b, row->bme);
        if (m->publish)
            wres__buf_puts(b, row->total < 0 || row->bme < 0 ? ", \"suppressed\": true"
                                                              : ", \"suppressed\": false");
        wres__buf_puts(b, ", \"target_bme\": ");
        if (shown)
            wres__buf_printf(b, "%lld, \"gap\": %lld,\n       \"trajectory\": [",
                             (long long)row->target, (long long)row->gap);
        else
            wres__buf_puts(b, "null, \"gap\": null,\n       \"trajectory\": [");
        for (k = 0; shown && k < t->n_years; k++)
            wres__buf_printf(b, "%s{\"year\": %d, \"bme\": %lld}", k ? ", " : "",
                             t->baseline + k,
                             (long long)t->trajectory[i * t->n_years + k]);
        wres__buf_puts(b, "]}");
    }
    wres__buf_puts(b, t->avail ? "\n    ]\n  }" : "]\n  }");
}

void wres__targets_text(const wres__model *m, wres__buf *b)
{
    const wres__targets *t = &m->targets;
    char s[64];
    int i, k, known = isfinite(t->share);

    wres__buf_printf(b, "\nModel Employer targets for %d (baseline %d)\n",
                     t->target_year, t->baseline);
    if (!t->avail) {
        wres__buf_puts(b, "  Not available: no staff rows for this organisation "
                          "and year.\n");
        return;
    }
    if (!known) {
        wres__buf_puts(b, m->publish && (m->workforce.bme < 0 || m->workforce.total < 0)
                              ? "  No target share shown: the workforce counts are "
                                "suppressed.\n"
                              : "  No target share: the workforce headcount is 0.\n");
        return;
    }
    wres__fmt_fixed(s, sizeof s, t->share * 100.0, 1);
    wres__buf_printf(b, "  Target BME share %s%% (%s); targets rounded to whole "
                        "people, halves up\n", s,
                     t->given ? "given" : "the organisation's own");
    wres__buf_printf(b, "  %-14s %-8s %7s %7s %7s %7s  trajectory %d..%d\n",
                     "staff group", "band", "total", "BME", "target", "gap",
                     t->baseline, t->target_year);
    for (i = 0; i < WRES__TARGET_ROWS; i++) {
        const wres__target_row *row = &t->rows[i];
        char c1[24], c2[24], c3[24], c4[24];
        wres__buf_printf(b, "  %-14s %-8s %7s %7s %7s %7s ",
                         wres__staff_group_name(row->sgroup),
                         wres__band_name(row->band),
                         tcount(c1, sizeof c1, row->total),
                         tcount(c2, sizeof c2, row->bme),
                         tcount(c3, sizeof c3, row->target),
                         tcount(c4, sizeof c4, row->gap));
        for (k = 0; k < t->n_years; k++)
            wres__buf_printf(b, " %s", tcount(c1, sizeof c1,
                                              t->trajectory[i * t->n_years + k]));
        wres__buf_puts(b, "\n");
    }
}
