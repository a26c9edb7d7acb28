/*
 * aggregate.c - the report of all the organisations of a handle together
 * for one reporting year: every organisation's counts of that year summed,
 * then the same indicators and statistics as for one organisation.
 *
 * Two indicators cannot be plain sums.  Indicators 3 and 4 sum only the
 * organisations whose staff data came with the disciplinary (training)
 * information, so that an organisation without it does not add headcount
 * with no events.  Indicator 3's pooled figure adds an organisation's
 * year Y-1 only when that organisation itself qualifies for pooling (the
 * rule of a single report); its "years" are [Y-1, Y] when at least one
 * organisation was pooled, and "pooled_organisations" says how many.
 */
#include <math.h>
#include <string.h>

#include "wres_private.h"

/* Whether p pools its year with prev for indicator 3 (indicators.c). */
static int pools(const wres__period *p, const wres__period *prev)
{
    return p->disc_info && p->staff_nonbank > 0 && prev && prev->disc_info &&
           prev->staff_nonbank > 0;
}

/* Indicators 3 and 4 of the aggregate, over the organisations with the
 * information, for the slots side[] compares (BME, or an ethnic group);
 * *pooled counts the organisations pooled over two years. */
static void staff_indicators(const wres_ctx *ctx, int year, const signed char *side,
                             wres__model *m)
{
    const wres__store *s = &ctx->store;
    double c = ctx->confidence, z = wres__z_for_confidence(c);
    int64_t dn[2] = {0, 0}, dev[2] = {0, 0}, sn[2] = {0, 0}, sev[2] = {0, 0};
    int64_t tn[2] = {0, 0}, tev[2] = {0, 0};
    int disc = 0, train = 0;
    size_t i;

    m->i3_pooled_orgs = 0;
    for (i = 0; i < s->n; i++) {
        const wres__period *p = s->periods[i], *prev;
        if (p->year != year || p->staff_rows == 0)
            continue;
        if (p->disc_info) {
            disc = 1;
            wres__staff_events_side(p, side, 0, sn, sev);
            wres__staff_events_side(p, side, 0, dn, dev);
            prev = wres__store_period((wres__store *)s, p->org, p->org_len,
                                      year - 1, 0, NULL);
            if (pools(p, prev)) {
                wres__staff_events_side(prev, side, 0, dn, dev);
                m->i3_pooled_orgs++;
            }
        }
        if (p->train_info) {
            train = 1;
            wres__staff_events_side(p, side, 1, tn, tev);
        }
    }
    m->avail[3] = disc;
    m->avail[4] = train;
    if (disc) {
        wres__rl_fill(&m->i3_single, sn[0], sev[0], sn[1], sev[1], 0, z, c);
        wres__rl_fill(&m->i3, dn[0], dev[0], dn[1], dev[1], 0, z, c);
        m->i3_nyears = m->i3_pooled_orgs ? 2 : 1;
        m->i3_years[0] = m->i3_pooled_orgs ? year - 1 : year;
        m->i3_years[1] = year;
    }
    if (train)
        wres__rl_fill(&m->i4, tn[0], tev[0], tn[1], tev[1], 1, z, c);
}

int wres_report_new_aggregate(wres_ctx *ctx, int64_t year, wres_report **out)
{
    wres__period *sum = NULL;
    wres_report *r = NULL;
    const wres__store *s;
    int64_t n_orgs = 0;
    size_t i;
    int rv;

    if ((rv = wres__report_args(ctx, &year, out)) != WRES_OK)
        return rv;
    s = &ctx->store;
    sum = wres__calloc(1, sizeof *sum);
    r = wres__calloc(1, sizeof *r);
    if (!sum || !r) {
        rv = WRES_E_NOMEM;
        goto out;
    }
    for (i = 0; i < s->n; i++) {
        const wres__period *p = s->periods[i];
        if (p->year == year && wres__period_has_rows(p)) {
            int k;
            wres__period_add(sum, p);
            n_orgs++;
            for (k = 0; k < 2; k++) {   /* breakdown counts, when kept */
                if (!p->detail[k].n)
                    continue;
                if (wres__dtab_reserve(&sum->detail[k], p->detail[k].n) != WRES_OK) {
                    rv = WRES_E_NOMEM;
                    goto out;
                }
                wres__dtab_merge(&sum->detail[k], &p->detail[k]);
            }
        }
    }
    sum->year = (int)year;
    /* indicators 1, 2 and 5 to 9 from the sum; 3 and 4 redone below */
    rv = wres__model_build_sum(ctx, (int)year, n_orgs ? sum : NULL, &r->m);
    if (rv == WRES_OK) {
        r->m.aggregate = 1;
        r->m.n_orgs = n_orgs;
        signed char side[WRES__ETH_SLOTS];
        wres__side_bme(side);
        staff_indicators(ctx, (int)year, side, &r->m);
        for (i = 0; i < r->m.n_groups; i++) {   /* the same, per group */
            wres__group_side((int)i, side);
            staff_indicators(ctx, (int)year, side, &r->m.groups[i]);
        }
        if (ctx->publish)   /* on the figures as shown, 3 and 4 included */
            rv = wres__disclose_model(&r->m, ctx->suppress_max, ctx->round_base);
    }
    if (rv != WRES_OK) {
        wres__model_free(&r->m);
        goto out;
    }
    rv = wres__report_make(r);
    if (rv == WRES_OK)
        *out = r;
    r = NULL;   /* made, or freed by wres__report_make */
out:
    if (sum) {
        wres__dtab_free(&sum->detail[0]);
        wres__dtab_free(&sum->detail[1]);
    }
    wres__free(sum);
    wres__free(r);
    return rv;
}
