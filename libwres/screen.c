/*
 * screen.c - screening every organisation of a handle, in the manner of
 * the King's Fund's analysis of the national WRES data: for each
 * organisation, reporting year and indicator 2 to 9, whether white and BME
 * staff are statistically similar, and whether the organisation's BME and
 * white figures are better than, similar to or worse than those of all the
 * OTHER organisations together; then the groupings of indicators, the
 * organisations passing a grouping in a year, in every year of the span,
 * and those moving towards equality (the BME-white gap narrowing each
 * year).  A screening is a snapshot, like a report.
 *
 * The figures of each indicator are two proportions, group 0 and group 1:
 *   2  appointed / shortlisted, white and BME (higher is better)
 *   3  entered / headcount, white and BME, pooled over Y-1 and Y as in the
 *      report (lower is better)
 *   4  trained / headcount, white and BME (higher is better)
 *   5-8  yes / respondents, white and BME (7: higher is better; 5, 6, 8:
 *      lower)
 *   9  BME / headcount of the workforce (group 0) and of the voting board
 *      members (group 1), unknown ethnicity in both totals: "similar" tests
 *      the board against the workforce; only the board is compared with the
 *      other organisations' voting boards (higher is better)
 * "Similar" and "better/similar/worse" use the two-proportion test of
 * INDICATORS.md: similar when p >= 1 - c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wres_private.h"

#define N_IND 8                 /* indicators 2..9 */
#define N_GROUPINGS 4

typedef struct scr_cell {
    int avail;
    int64_t n[2], ev[2];        /* the organisation: [0] white, [1] BME */
    int64_t on[2], oev[2];      /* the other organisations together */
    double p;                   /* group 0 against group 1 */
    int similar;                /* 1, 0, -1 cannot be tested */
    double cp[2];               /* p of the organisation against the others */
    int cmp[2];                 /* enum wres_comparison */
    double gap;                 /* |rate 1 - rate 0| */
    /* publication-safe: the counts the organisation's published report
     * shows (rounded, or WRES__SUPPRESSED) */
    int64_t sn[2], sev[2];
} scr_cell;

struct wres_screen {
    double confidence;
    int first, nyears;
    char **orgs;
    size_t n_orgs;
    scr_cell *cell;             /* [org][year][indicator - 2] */
    unsigned char *pass;        /* [org][year][grouping - 1] */
    unsigned char *every;       /* [org][grouping - 1] */
    unsigned char *towards;     /* [org][grouping - 1] */
    wres__buf out;
    int publish;                /* counts as published; others withheld */
    int64_t suppress_max, round_base;
};

static const int higher_better[10] = {0, 0, 1, 0, 1, 0, 0, 1, 0, 1};

static const struct {
    const char *key, *name;
    int n, ind[4];
} groupings[N_GROUPINGS] = {
    {"discrimination_from_staff", "experience of discrimination from other staff",
     2, {6, 8, 0, 0}},
    {"equality_of_opportunity", "equality of opportunity", 4, {7, 2, 4, 9}},
    {"other_discrimination", "other indicators of discrimination", 1, {5, 0, 0, 0}},
    {"disciplinary", "formal disciplinary process", 1, {3, 0, 0, 0}},
};

static const char *const cmp_name[4] = {NULL, "better", "similar", "worse"};

const char *wres_grouping_name(int grouping)
{
    if (grouping < 1 || grouping > N_GROUPINGS)
        return NULL;
    return groupings[grouping - 1].name;
}

static scr_cell *cell_at(const wres_screen *s, size_t org, int yi, int ind)
{
    return &s->cell[(org * (size_t)s->nyears + (size_t)yi) * N_IND +
                    (size_t)(ind - 2)];
}

/* The counts of indicator ind of period p (prev: its year Y-1). */
static void period_cell(const wres__period *p, const wres__period *prev,
                        int ind, scr_cell *c)
{
    int e, w, x;

    memset(c, 0, sizeof *c);
    if (!p)
        return;
    switch (ind) {
    case 2:
        if (!(c->avail = p->app_rows > 0))
            return;
        for (e = 0; e < WRES__ETH_CODES; e++)
            if ((w = wres__eth_wgroup(e)) != WRES__UNKNOWN) {
                c->n[w] += p->shortlisted[e];
                c->ev[w] += p->appointed[e];
            }
        return;
    case 3:
        if (!(c->avail = p->staff_rows > 0 && p->disc_info))
            return;
        wres__staff_events(p, 0, c->n, c->ev);
        if (prev && prev->disc_info && prev->staff_nonbank > 0 &&
            p->staff_nonbank > 0)
            wres__staff_events(prev, 0, c->n, c->ev);
        return;
    case 4:
        if (!(c->avail = p->staff_rows > 0 && p->train_info))
            return;
        wres__staff_events(p, 1, c->n, c->ev);
        return;
    case 9:
        if (!(c->avail = p->board_rows > 0 && p->staff_rows > 0))
            return;
        for (e = 0; e < WRES__ETH_CODES; e++) {
            int64_t head = 0;
            int g, b;
            for (g = 0; g < WRES__SGROUPS; g++)
                for (b = 0; b < WRES__BANDS; b++)
                    head += p->head[g][b][e];
            c->n[0] += head;
            for (x = 0; x < 2; x++)
                c->n[1] += p->board[1][x][e];
            if (wres__eth_wgroup(e) == WRES__BME) {
                c->ev[0] += head;
                for (x = 0; x < 2; x++)
                    c->ev[1] += p->board[1][x][e];
            }
        }
        return;
    default: /* 5..8 */
        if (!(c->avail = p->survey_avail[ind - 5]))
            return;
        for (e = 0; e < WRES__ETH_SLOTS; e++)
            if ((w = wres__eth_wgroup(e)) != WRES__UNKNOWN) {
                c->n[w] += p->survey_n[ind - 5][e];
                c->ev[w] += p->survey_yes[ind - 5][e];
            }
        return;
    }
}

static double rate(int64_t ev, int64_t n)
{
    return n > 0 ? (double)ev / (double)n : NAN;
}

/* The tests of one cell whose own and others' counts are in place. */
static void cell_tests(scr_cell *c, int ind, double alpha)
{
    int g;

    c->p = c->cp[0] = c->cp[1] = c->gap = NAN;
    c->similar = -1;
    c->cmp[0] = c->cmp[1] = WRES_CMP_NONE;
    if (!c->avail)
        return;
    c->p = wres__p_two_prop(c->ev[1], c->n[1], c->ev[0], c->n[0]);
    if (!isnan(c->p))
        c->similar = c->p >= alpha;
    c->gap = fabs(rate(c->ev[1], c->n[1]) - rate(c->ev[0], c->n[0]));
    for (g = 0; g < 2; g++) {
        double mine, theirs;
        if (ind == 9 && g == 0)
            continue;   /* the workforce is not compared with others */
        c->cp[g] = wres__p_two_prop(c->ev[g], c->n[g], c->oev[g], c->on[g]);
        if (isnan(c->cp[g]))
            continue;
        mine = rate(c->ev[g], c->n[g]);
        theirs = rate(c->oev[g], c->on[g]);
        if (c->cp[g] >= alpha || mine == theirs)
            c->cmp[g] = WRES_CMP_SIMILAR;
        else if ((mine > theirs) == (higher_better[ind] != 0))
            c->cmp[g] = WRES_CMP_BETTER;
        else
            c->cmp[g] = WRES_CMP_WORSE;
    }
}

static int not_worse(int cmp)
{
    return cmp == WRES_CMP_BETTER || cmp == WRES_CMP_SIMILAR;
}

static int cell_passes(const scr_cell *c, int ind)
{
    return c->avail && c->similar == 1 && not_worse(c->cmp[1]) &&
           (ind == 9 || not_worse(c->cmp[0]));
}

static void screen_release(wres_screen *s)
{
    size_t i;

    for (i = 0; i < s->n_orgs; i++)
        wres__free(s->orgs[i]);
    wres__free(s->orgs);
    wres__free(s->cell);
    wres__free(s->pass);
    wres__free(s->every);
    wres__free(s->towards);
    wres__buf_free(&s->out);
    wres__free(s);
}

/* The distinct organisations of the handle, sorted, and the span of its
 * years. */
static int list_orgs(wres_ctx *ctx, wres_screen *s, int *last)
{
    size_t n, i;
    const char *org, *prev = NULL;
    int64_t year;
    int rv;

    /* the sorted list is made here: a failure must not read as no periods */
    if ((rv = wres_period_get(ctx, 0, NULL, NULL)) < 0)
        return rv;
    n = wres_period_count(ctx);
    s->orgs = wres__calloc(n ? n : 1, sizeof *s->orgs);
    if (!s->orgs)
        return WRES_E_NOMEM;
    s->first = 0;
    *last = 0;
    for (i = 0; i < n; i++) {
        if (wres_period_get(ctx, i, &org, &year) != WRES_OK)
            return WRES_E_NOMEM;
        if (!s->first || year < s->first)
            s->first = (int)year;
        if (year > *last)
            *last = (int)year;
        if (prev && strcmp(prev, org) == 0)
            continue;
        s->orgs[s->n_orgs] = wres__strndup(org, strlen(org));
        if (!s->orgs[s->n_orgs])
            return WRES_E_NOMEM;
        prev = s->orgs[s->n_orgs++];
    }
    return WRES_OK;
}

/* Publication-safe screening: each organisation's counts as its own
 * published report shows them (the verdicts stay those of the true
 * counts); see wres_screen_new(3). */
static int publish_counts(wres_ctx *ctx, wres_screen *s)
{
    size_t o;
    int yi, ind, x, rv;

    s->publish = 1;
    s->suppress_max = ctx->suppress_max;
    s->round_base = ctx->round_base;
    for (o = 0; o < s->n_orgs; o++)
        for (yi = 0; yi < s->nyears; yi++) {
            wres__model pm;
            int any = 0;
            for (ind = 2; ind <= 9; ind++)
                any |= cell_at(s, o, yi, ind)->avail;
            if (!any)
                continue;
            rv = wres__model_build_year(ctx, s->orgs[o], s->first + yi, &pm);
            if (rv != WRES_OK) {
                wres__model_free(&pm);
                return rv;
            }
            for (ind = 2; ind <= 9; ind++) {
                scr_cell *c = cell_at(s, o, yi, ind);
                const wres__rl *r = ind == 2 ? &pm.i2 : ind == 3 ? &pm.i3 : &pm.i4;
                switch (ind) {
                case 2: case 3: case 4:
                    c->sn[0] = r->white.n;
                    c->sev[0] = r->white.events;
                    c->sn[1] = r->bme.n;
                    c->sev[1] = r->bme.events;
                    break;
                case 9:
                    c->sn[0] = pm.workforce.total;
                    c->sev[0] = pm.workforce.bme;
                    c->sn[1] = pm.board[1].m.total;
                    c->sev[1] = pm.board[1].m.bme;
                    break;
                default:
                    for (x = 0; x < 2; x++) {
                        c->sn[x] = pm.survey[ind - 5].n[x];
                        c->sev[x] = pm.survey[ind - 5].yes[x];
                    }
                    break;
                }
            }
            wres__model_free(&pm);
        }
    return WRES_OK;
}

/* Whether side x of a cell shows its counts (always, unless published
 * with one of them withheld). */
static int side_shown(const wres_screen *s, const scr_cell *c, int x)
{
    return !s->publish || (c->sn[x] >= 0 && c->sev[x] >= 0);
}

int wres_screen_new(wres_ctx *ctx, wres_screen **out)
{
    wres_screen *s;
    wres__store *st;
    double alpha;
    size_t o, cells;
    int last, yi, ind, k, g, rv;

    if (!out)
        return WRES_E_INVALID;
    *out = NULL;
    if (!ctx)
        return WRES_E_INVALID;
    s = wres__calloc(1, sizeof *s);
    if (!s)
        return WRES_E_NOMEM;
    s->confidence = ctx->confidence;
    alpha = 1.0 - ctx->confidence;
    if ((rv = list_orgs(ctx, s, &last)) != WRES_OK)
        goto fail;
    s->nyears = s->n_orgs ? last - s->first + 1 : 0;
    cells = s->n_orgs * (size_t)s->nyears;
    s->cell = wres__calloc(cells ? cells * N_IND : 1, sizeof *s->cell);
    s->pass = wres__calloc(cells ? cells * N_GROUPINGS : 1, 1);
    s->every = wres__calloc(s->n_orgs ? s->n_orgs * N_GROUPINGS : 1, 1);
    s->towards = wres__calloc(s->n_orgs ? s->n_orgs * N_GROUPINGS : 1, 1);
    if (!s->cell || !s->pass || !s->every || !s->towards) {
        rv = WRES_E_NOMEM;
        goto fail;
    }

    st = &ctx->store;
    for (yi = 0; yi < s->nyears; yi++) {
        int year = s->first + yi;
        scr_cell total[N_IND];
        memset(total, 0, sizeof total);
        /* each organisation's counts, and their sum */
        for (o = 0; o < s->n_orgs; o++) {
            size_t len = strlen(s->orgs[o]);
            const wres__period *p = wres__store_period(st, s->orgs[o], len,
                                                       year, 0, NULL);
            const wres__period *prev = wres__store_period(st, s->orgs[o], len,
                                                          year - 1, 0, NULL);
            for (ind = 2; ind <= 9; ind++) {
                scr_cell *c = cell_at(s, o, yi, ind);
                period_cell(p, prev, ind, c);
                if (!c->avail)
                    continue;
                for (g = 0; g < 2; g++) {
                    total[ind - 2].n[g] += c->n[g];
                    total[ind - 2].ev[g] += c->ev[g];
                }
            }
        }
        /* the others are the sum less the organisation */
        for (o = 0; o < s->n_orgs; o++)
            for (ind = 2; ind <= 9; ind++) {
                scr_cell *c = cell_at(s, o, yi, ind);
                for (g = 0; g < 2; g++) {
                    c->on[g] = total[ind - 2].n[g] - c->n[g];
                    c->oev[g] = total[ind - 2].ev[g] - c->ev[g];
                }
                cell_tests(c, ind, alpha);
            }
    }

    /* the groupings */
    for (o = 0; o < s->n_orgs; o++)
        for (g = 0; g < N_GROUPINGS; g++) {
            int every = s->nyears > 0, towards = s->nyears > 1;
            for (yi = 0; yi < s->nyears; yi++) {
                int pass = 1;
                for (k = 0; k < groupings[g].n; k++) {
                    ind = groupings[g].ind[k];
                    pass &= cell_passes(cell_at(s, o, yi, ind), ind);
                    if (yi > 0) {
                        double now = cell_at(s, o, yi, ind)->gap;
                        double before = cell_at(s, o, yi - 1, ind)->gap;
                        if (!(now < before))    /* false with a NaN */
                            towards = 0;
                    }
                }
                s->pass[(o * (size_t)s->nyears + (size_t)yi) * N_GROUPINGS + (size_t)g] =
                    (unsigned char)pass;
                every &= pass;
            }
            s->every[o * N_GROUPINGS + (size_t)g] = (unsigned char)every;
            s->towards[o * N_GROUPINGS + (size_t)g] = (unsigned char)towards;
        }
    if (ctx->publish && (rv = publish_counts(ctx, s)) != WRES_OK)
        goto fail;
    *out = s;
    return WRES_OK;
fail:
    screen_release(s);
    return rv;
}

void wres_screen_free(wres_screen *screen)
{
    if (screen)
        screen_release(screen);
}

int wres_screen_span(const wres_screen *screen, int64_t *first_year,
                     int64_t *last_year, size_t *organisations)
{
    if (!screen)
        return WRES_E_INVALID;
    if (first_year)
        *first_year = screen->nyears ? screen->first : 0;
    if (last_year)
        *last_year = screen->nyears ? screen->first + screen->nyears - 1 : 0;
    if (organisations)
        *organisations = screen->n_orgs;
    return WRES_OK;
}

/* Whether org o is in the list; -1 for bad arguments. */
static int in_list(const wres_screen *s, size_t o, int g, int list, int yi)
{
    switch (list) {
    case WRES_SCREEN_PASS_YEAR:
        return s->pass[(o * (size_t)s->nyears + (size_t)yi) * N_GROUPINGS + (size_t)g];
    case WRES_SCREEN_PASS_EVERY_YEAR:
        return s->every[o * N_GROUPINGS + (size_t)g];
    default:
        return s->towards[o * N_GROUPINGS + (size_t)g];
    }
}

static int list_args(const wres_screen *s, int grouping, int list,
                     int64_t year, int *yi)
{
    if (!s || grouping < 1 || grouping > N_GROUPINGS ||
        list < WRES_SCREEN_PASS_YEAR || list > WRES_SCREEN_TOWARDS_EQUALITY)
        return WRES_E_INVALID;
    *yi = 0;
    if (list == WRES_SCREEN_PASS_YEAR) {
        if (year < s->first || year >= (int64_t)s->first + s->nyears)
            return WRES_E_NOTFOUND;
        *yi = (int)(year - s->first);
    }
    return WRES_OK;
}

int wres_screen_count(const wres_screen *screen, int grouping, int list,
                      int64_t year, size_t *count)
{
    size_t o, n = 0;
    int yi, rv;

    if (!count)
        return WRES_E_INVALID;
    if ((rv = list_args(screen, grouping, list, year, &yi)) != WRES_OK)
        return rv;
    for (o = 0; o < screen->n_orgs; o++)
        n += (size_t)in_list(screen, o, grouping - 1, list, yi);
    *count = n;
    return WRES_OK;
}

int wres_screen_org(const wres_screen *screen, int grouping, int list,
                    int64_t year, size_t index, const char **org)
{
    size_t o, n = 0;
    int yi, rv;

    if (!org)
        return WRES_E_INVALID;
    if ((rv = list_args(screen, grouping, list, year, &yi)) != WRES_OK)
        return rv;
    for (o = 0; o < screen->n_orgs; o++)
        if (in_list(screen, o, grouping - 1, list, yi) && n++ == index) {
            *org = screen->orgs[o];
            return WRES_OK;
        }
    return WRES_DONE;
}

int wres_screen_result(const wres_screen *screen, const char *org,
                       int64_t year, int indicator, int *similar, int *bme,
                       int *white)
{
    const scr_cell *c;
    size_t o;

    if (!screen || !org)
        return WRES_E_INVALID;
    if (indicator < 2 || indicator > 9)
        return WRES_E_RANGE;
    for (o = 0; o < screen->n_orgs; o++)
        if (strcmp(screen->orgs[o], org) == 0)
            break;
    if (o == screen->n_orgs || year < screen->first ||
        year >= (int64_t)screen->first + screen->nyears)
        return WRES_E_NOTFOUND;
    c = cell_at(screen, o, (int)(year - screen->first), indicator);
    if (similar)
        *similar = c->similar;
    if (bme)
        *bme = c->cmp[1];
    if (white)
        *white = c->cmp[0];
    return c->avail ? WRES_OK : WRES_NULL;
}

/* ---- writers ------------------------------------------------------------ */

/* A side's counts and rate.  Published: the counts shown (null when
 * withheld) and "suppressed"; others (shown < 0 with others) withheld. */
static void json_rate(wres__buf *b, const wres_screen *s, int avail, int64_t n,
                      int64_t ev, int64_t sn, int64_t sev, int others)
{
    if (!avail || (s->publish && others)) {
        wres__buf_puts(b, "{\"n\": null, \"events\": null, \"rate\": null");
        wres__buf_puts(b, s->publish && avail ? ", \"suppressed\": true}" : "}");
        return;
    }
    if (s->publish) {
        int shown = sn >= 0 && sev >= 0;
        wres__buf_puts(b, "{\"n\": ");
        if (sn >= 0)
            wres__buf_printf(b, "%lld", (long long)sn);
        else
            wres__buf_puts(b, "null");
        wres__buf_puts(b, ", \"events\": ");
        if (sev >= 0)
            wres__buf_printf(b, "%lld", (long long)sev);
        else
            wres__buf_puts(b, "null");
        wres__buf_puts(b, ", \"rate\": ");
        wres__json_num(b, shown ? rate(ev, n) : NAN);
        wres__buf_puts(b, shown ? ", \"suppressed\": false}" : ", \"suppressed\": true}");
        return;
    }
    wres__buf_printf(b, "{\"n\": %lld, \"events\": %lld, \"rate\": ",
                     (long long)n, (long long)ev);
    wres__json_num(b, rate(ev, n));
    wres__buf_puts(b, "}");
}

static void json_cmp(wres__buf *b, int cmp)
{
    if (cmp == WRES_CMP_NONE)
        wres__buf_puts(b, "null");
    else
        wres__buf_printf(b, "\"%s\"", cmp_name[cmp]);
}

static void json_cell(wres__buf *b, const wres_screen *s, const scr_cell *c, int ind)
{
    const char *g0 = ind == 9 ? "workforce" : "white";
    const char *g1 = ind == 9 ? "board" : "bme";
    int both = side_shown(s, c, 0) && side_shown(s, c, 1);

    wres__buf_printf(b, "\"%d\": {\"available\": %s, \"%s\": ", ind,
                     c->avail ? "true" : "false", g0);
    json_rate(b, s, c->avail, c->n[0], c->ev[0], c->sn[0], c->sev[0], 0);
    wres__buf_printf(b, ", \"%s\": ", g1);
    json_rate(b, s, c->avail, c->n[1], c->ev[1], c->sn[1], c->sev[1], 0);
    wres__buf_puts(b, ",\n          \"p_value\": ");
    wres__json_num(b, both ? c->p : NAN);
    wres__buf_puts(b, ", \"similar\": ");
    wres__buf_puts(b, c->similar < 0 ? "null" : c->similar ? "true" : "false");
    wres__buf_puts(b, ", \"gap\": ");
    wres__json_num(b, both ? c->gap : NAN);
    wres__buf_puts(b, ",\n          \"others\": {");
    if (ind != 9) {
        wres__buf_printf(b, "\"%s\": ", g0);
        json_rate(b, s, c->avail, c->on[0], c->oev[0], 0, 0, 1);
        wres__buf_puts(b, ", ");
    }
    wres__buf_printf(b, "\"%s\": ", g1);
    json_rate(b, s, c->avail, c->on[1], c->oev[1], 0, 0, 1);
    wres__buf_puts(b, "},\n          \"white_vs_others\": ");
    json_cmp(b, c->cmp[0]);
    wres__buf_puts(b, ", \"white_vs_others_p_value\": ");
    wres__json_num(b, side_shown(s, c, 0) ? c->cp[0] : NAN);
    wres__buf_puts(b, ", \"bme_vs_others\": ");
    json_cmp(b, c->cmp[1]);
    wres__buf_puts(b, ", \"bme_vs_others_p_value\": ");
    wres__json_num(b, side_shown(s, c, 1) ? c->cp[1] : NAN);
    wres__buf_puts(b, "}");
}

static void json_org_list(wres__buf *b, const wres_screen *s, int g, int list,
                          int yi)
{
    size_t o, n = 0;

    for (o = 0; o < s->n_orgs; o++)
        n += (size_t)in_list(s, o, g, list, yi);
    wres__buf_printf(b, "{\"count\": %zu, \"orgs\": [", n);
    n = 0;
    for (o = 0; o < s->n_orgs; o++)
        if (in_list(s, o, g, list, yi)) {
            if (n++)
                wres__buf_puts(b, ", ");
            wres__json_str(b, s->orgs[o]);
        }
    wres__buf_puts(b, "]}");
}

static void write_json(const wres_screen *s, wres__buf *b)
{
    size_t o;
    int g, k, yi, ind;

    wres__buf_puts(b, "{\n  \"library\": {\"name\": \"libwres\", \"version\": \"");
    wres__buf_puts(b, WRES_VERSION_STRING);
    wres__buf_puts(b, "\"},\n  \"confidence\": ");
    wres__json_num(b, s->confidence);
    if (s->publish)
        wres__buf_printf(b, ",\n  \"disclosure\": {\"threshold\": %lld, \"rounding\": %lld}",
                         (long long)s->suppress_max, (long long)s->round_base);
    if (s->nyears)
        wres__buf_printf(b, ",\n  \"first_year\": %d, \"last_year\": %d",
                         s->first, s->first + s->nyears - 1);
    else
        wres__buf_puts(b, ",\n  \"first_year\": null, \"last_year\": null");
    wres__buf_printf(b, ", \"organisations\": %zu,\n  \"groupings\": [", s->n_orgs);
    for (g = 0; g < N_GROUPINGS; g++) {
        wres__buf_printf(b, "%s\n    {\"grouping\": \"%s\", \"name\": \"%s\", "
                         "\"indicators\": [", g ? "," : "", groupings[g].key,
                         groupings[g].name);
        for (k = 0; k < groupings[g].n; k++)
            wres__buf_printf(b, "%s%d", k ? ", " : "", groupings[g].ind[k]);
        wres__buf_puts(b, "],\n     \"pass_every_year\": ");
        json_org_list(b, s, g, WRES_SCREEN_PASS_EVERY_YEAR, 0);
        wres__buf_puts(b, ",\n     \"towards_equality\": ");
        json_org_list(b, s, g, WRES_SCREEN_TOWARDS_EQUALITY, 0);
        wres__buf_puts(b, ",\n     \"by_year\": [");
        for (yi = 0; yi < s->nyears; yi++) {
            wres__buf_printf(b, "%s\n       {\"year\": %d, \"passing\": ",
                             yi ? "," : "", s->first + yi);
            json_org_list(b, s, g, WRES_SCREEN_PASS_YEAR, yi);
            wres__buf_puts(b, "}");
        }
        wres__buf_puts(b, s->nyears ? "\n     ]}" : "]}");
    }
    wres__buf_puts(b, "\n  ],\n  \"results\": [");
    for (o = 0; o < s->n_orgs; o++)
        for (yi = 0; yi < s->nyears; yi++) {
            wres__buf_puts(b, o || yi ? ",\n    {\"org\": " : "\n    {\"org\": ");
            wres__json_str(b, s->orgs[o]);
            wres__buf_printf(b, ", \"year\": %d,\n      \"pass\": {", s->first + yi);
            for (g = 0; g < N_GROUPINGS; g++)
                wres__buf_printf(b, "%s\"%s\": %s", g ? ", " : "", groupings[g].key,
                                 in_list(s, o, g, WRES_SCREEN_PASS_YEAR, yi)
                                     ? "true" : "false");
            wres__buf_puts(b, "},\n      \"indicators\": {");
            for (ind = 2; ind <= 9; ind++) {
                wres__buf_puts(b, ind > 2 ? ",\n        " : "\n        ");
                json_cell(b, s, cell_at(s, o, yi, ind), ind);
            }
            wres__buf_puts(b, "\n      }}");
        }
    wres__buf_puts(b, s->n_orgs && s->nyears ? "\n  ]\n}\n" : "]\n}\n");
}

static void text_list(wres__buf *b, const wres_screen *s, int g, int list,
                      int yi, const char *what)
{
    size_t o, n = 0, col;

    for (o = 0; o < s->n_orgs; o++)
        n += (size_t)in_list(s, o, g, list, yi);
    wres__buf_printf(b, "  %s (%zu):", what, n);
    col = 6 + strlen(what);
    if (!n)
        wres__buf_puts(b, " none");
    for (o = 0; o < s->n_orgs; o++)
        if (in_list(s, o, g, list, yi)) {
            size_t len = strlen(s->orgs[o]) + 1;
            if (col + len > 78) {
                wres__buf_puts(b, "\n   ");
                col = 3;
            }
            wres__buf_printf(b, " %s", s->orgs[o][0] ? s->orgs[o] : "(default)");
            col += len;
        }
    wres__buf_puts(b, "\n");
}

static void write_text(const wres_screen *s, wres__buf *b)
{
    char conf[64], what[64], inds[32];
    size_t count[2];
    int g, k, yi;

    wres__fmt_double(conf, sizeof conf, s->confidence * 100.0);
    if (strlen(conf) > 8)
        wres__fmt_fixed(conf, sizeof conf, s->confidence * 100.0, 4);
    wres__buf_printf(b, "WRES screening (libwres %s)\n", WRES_VERSION_STRING);
    if (s->nyears)
        wres__buf_printf(b, "%zu organisations, reporting years %d to %d, "
                         "%s%% confidence\n", s->n_orgs, s->first,
                         s->first + s->nyears - 1, conf);
    else
        wres__buf_printf(b, "No organisations, %s%% confidence\n", conf);
    wres__buf_puts(b, "An organisation passes a grouping in a year when, on every "
                      "indicator in it,\nwhite and BME staff are statistically "
                      "similar and neither figure is worse\nthan that of all the "
                      "other organisations together.\n\n");
    if (s->publish)
        wres__buf_printf(b, "Publication-safe: counts as each organisation's "
                         "published report shows them\n(1 to %lld suppressed, "
                         "others rounded to a multiple of %lld); the others'\n"
                         "counts withheld; the verdicts are those of the true "
                         "counts.\n\n", (long long)s->suppress_max,
                         (long long)s->round_base);
    wres__buf_printf(b, "  %-46s %-11s %9s %9s\n", "grouping", "indicators",
                     "every yr", "towards");
    for (g = 0; g < N_GROUPINGS; g++) {
        inds[0] = '\0';
        for (k = 0; k < groupings[g].n; k++)
            snprintf(inds + strlen(inds), sizeof inds - strlen(inds), "%s%d",
                     k ? ", " : "", groupings[g].ind[k]);
        wres_screen_count(s, g + 1, WRES_SCREEN_PASS_EVERY_YEAR, 0, &count[0]);
        wres_screen_count(s, g + 1, WRES_SCREEN_TOWARDS_EQUALITY, 0, &count[1]);
        wres__buf_printf(b, "  %-46s %-11s %9zu %9zu\n", groupings[g].name, inds,
                         count[0], count[1]);
    }
    for (g = 0; g < N_GROUPINGS; g++) {
        wres__buf_printf(b, "\n%c%s\n", groupings[g].name[0] - 'a' + 'A',
                         groupings[g].name + 1);
        text_list(b, s, g, WRES_SCREEN_PASS_EVERY_YEAR, 0, "passing every year");
        text_list(b, s, g, WRES_SCREEN_TOWARDS_EQUALITY, 0,
                  "moving towards equality");
        for (yi = 0; yi < s->nyears; yi++) {
            snprintf(what, sizeof what, "passing in %d", s->first + yi);
            text_list(b, s, g, WRES_SCREEN_PASS_YEAR, yi, what);
        }
    }
}

static void csv_val(wres__buf *b, const char *org, int year, int ind,
                    const char *part, const char *group, const char *measure)
{
    if (strpbrk(org, ",\"\r\n") || org[0] == ' ' || org[0] == '\t') {
        const char *q;
        wres__buf_add(b, "\"", 1);
        for (q = org; *q; q++) {
            if (*q == '"')
                wres__buf_add(b, "\"", 1);
            wres__buf_add(b, q, 1);
        }
        wres__buf_add(b, "\"", 1);
    } else {
        wres__buf_puts(b, org);
    }
    if (year)
        wres__buf_printf(b, ",%d,%d,%s,%s,%s,", year, ind, part, group, measure);
    else
        wres__buf_printf(b, ",,%d,%s,%s,%s,", ind, part, group, measure);
}

static void csv_num(wres__buf *b, double v)
{
    char t[40];

    if (isfinite(v)) {
        wres__fmt_double(t, sizeof t, v);
        wres__buf_puts(b, t);
    }
    wres__buf_puts(b, "\n");
}

static void write_csv(const wres_screen *s, wres__buf *b)
{
    static const char *const gname[2][2] = {{"white", "bme"}, {"workforce", "board"}};
    size_t o, n;
    int g, yi, ind, x;

    wres__buf_puts(b, "org,year,indicator,part,group,measure,value\n");
    for (g = 0; g < N_GROUPINGS; g++) {
        const char *key = groupings[g].key;
        for (yi = 0; yi < s->nyears; yi++) {
            wres_screen_count(s, g + 1, WRES_SCREEN_PASS_YEAR, s->first + yi, &n);
            csv_val(b, "", s->first + yi, 0, key, "", "passing");
            wres__buf_printf(b, "%zu\n", n);
        }
        wres_screen_count(s, g + 1, WRES_SCREEN_PASS_EVERY_YEAR, 0, &n);
        csv_val(b, "", 0, 0, key, "", "pass_every_year");
        wres__buf_printf(b, "%zu\n", n);
        wres_screen_count(s, g + 1, WRES_SCREEN_TOWARDS_EQUALITY, 0, &n);
        csv_val(b, "", 0, 0, key, "", "towards_equality");
        wres__buf_printf(b, "%zu\n", n);
    }
    for (o = 0; o < s->n_orgs; o++) {
        const char *org = s->orgs[o];
        for (g = 0; g < N_GROUPINGS; g++) {
            csv_val(b, org, 0, 0, groupings[g].key, "", "pass_every_year");
            wres__buf_puts(b, s->every[o * N_GROUPINGS + (size_t)g] ? "true\n" : "false\n");
            csv_val(b, org, 0, 0, groupings[g].key, "", "towards_equality");
            wres__buf_puts(b, s->towards[o * N_GROUPINGS + (size_t)g] ? "true\n" : "false\n");
        }
        for (yi = 0; yi < s->nyears; yi++) {
            int year = s->first + yi;
            for (g = 0; g < N_GROUPINGS; g++) {
                csv_val(b, org, year, 0, groupings[g].key, "", "pass");
                wres__buf_puts(b, in_list(s, o, g, WRES_SCREEN_PASS_YEAR, yi)
                                      ? "true\n" : "false\n");
            }
            for (ind = 2; ind <= 9; ind++) {
                const scr_cell *c = cell_at(s, o, yi, ind);
                const char *const *gn = gname[ind == 9];
                csv_val(b, org, year, ind, "screening", "", "available");
                wres__buf_puts(b, c->avail ? "true\n" : "false\n");
                int both = side_shown(s, c, 0) && side_shown(s, c, 1);
                for (x = 0; x < 2; x++) {
                    int64_t cn = s->publish ? c->sn[x] : c->n[x];
                    int64_t ev = s->publish ? c->sev[x] : c->ev[x];
                    int others = c->avail && !(ind == 9 && x == 0) && !s->publish;
                    csv_val(b, org, year, ind, "screening", gn[x], "n");
                    if (c->avail && cn >= 0)
                        wres__buf_printf(b, "%lld", (long long)cn);
                    wres__buf_puts(b, "\n");
                    csv_val(b, org, year, ind, "screening", gn[x], "events");
                    if (c->avail && ev >= 0)
                        wres__buf_printf(b, "%lld", (long long)ev);
                    wres__buf_puts(b, "\n");
                    if (s->publish && c->avail) {
                        csv_val(b, org, year, ind, "screening", gn[x], "suppressed");
                        wres__buf_puts(b, side_shown(s, c, x) ? "false\n" : "true\n");
                    }
                    csv_val(b, org, year, ind, "screening", gn[x], "others_n");
                    if (others)
                        wres__buf_printf(b, "%lld", (long long)c->on[x]);
                    wres__buf_puts(b, "\n");
                    csv_val(b, org, year, ind, "screening", gn[x], "others_events");
                    if (others)
                        wres__buf_printf(b, "%lld", (long long)c->oev[x]);
                    wres__buf_puts(b, "\n");
                    csv_val(b, org, year, ind, "screening", gn[x], "vs_others");
                    if (c->cmp[x] != WRES_CMP_NONE)
                        wres__buf_puts(b, cmp_name[c->cmp[x]]);
                    wres__buf_puts(b, "\n");
                    csv_val(b, org, year, ind, "screening", gn[x], "vs_others_p_value");
                    csv_num(b, side_shown(s, c, x) ? c->cp[x] : NAN);
                }
                csv_val(b, org, year, ind, "screening", "", "p_value");
                csv_num(b, both ? c->p : NAN);
                csv_val(b, org, year, ind, "screening", "", "similar");
                wres__buf_puts(b, c->similar < 0 ? "\n" : c->similar ? "true\n" : "false\n");
                csv_val(b, org, year, ind, "screening", "", "gap");
                csv_num(b, both ? c->gap : NAN);
            }
        }
    }
}

int wres_screen_render(wres_screen *screen, int format, const char **out,
                       size_t *len)
{
    if (!screen || !out || format < WRES_FORMAT_JSON || format > WRES_FORMAT_CSV)
        return WRES_E_INVALID;
    wres__buf_free(&screen->out);
    switch (format) {
    case WRES_FORMAT_JSON: write_json(screen, &screen->out); break;
    case WRES_FORMAT_TEXT: write_text(screen, &screen->out); break;
    default: write_csv(screen, &screen->out); break;
    }
    if (screen->out.oom) {
        wres__buf_free(&screen->out);
        return WRES_E_NOMEM;
    }
    *out = screen->out.p;
    if (len)
        *len = screen->out.len;
    return WRES_OK;
}
