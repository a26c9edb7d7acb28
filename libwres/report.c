/*
 * report.c - the report handle: builds the model of one (org, year), lays
 * every figure out as a flat list of (indicator, part, group, measure,
 * value) in report order, and serves it through typed getters, a cursor
 * and the writers.  The report is a snapshot: later ingestion into the
 * handle does not change it.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "wres_private.h"

static const char *pool_add(wres_report *r, const char *s)
{
    void *p = r->pool;
    char *copy;

    if (r->oom)
        return "";
    copy = wres__strndup(s, strlen(s));
    if (!copy || wres__grow(&p, &r->pool_cap, r->n_pool + 1, sizeof *r->pool)) {
        wres__free(copy);
        r->oom = 1;
        return "";
    }
    r->pool = p;
    r->pool[r->n_pool++] = copy;
    return copy;
}

static void fig(wres_report *r, int ind, const char *part, const char *group,
                const char *measure, int type, double d, int64_t i)
{
    wres__figure *f;
    void *p = r->fig;

    if (r->oom)
        return;
    if (wres__grow(&p, &r->fig_cap, r->n_fig + 1, sizeof *r->fig)) {
        r->oom = 1;
        return;
    }
    r->fig = p;
    f = &r->fig[r->n_fig++];
    f->indicator = ind;
    f->part = part;
    f->group = group;
    f->measure = measure;
    if ((type == WRES_TYPE_DOUBLE && isnan(d)) ||
        (type == WRES_TYPE_INT && i == WRES__SUPPRESSED))
        type = WRES_TYPE_NULL;
    f->type = type;
    f->d = type == WRES_TYPE_INT ? (double)i : d;
    f->i = type == WRES_TYPE_INT ? i : (int64_t)(type == WRES_TYPE_BOOL ? d : 0);
}

static void fig_int(wres_report *r, int avail, int ind, const char *part,
                    const char *group, const char *measure, int64_t v)
{
    fig(r, ind, part, group, measure, avail ? WRES_TYPE_INT : WRES_TYPE_NULL,
        0, v);
}

static void fig_dbl(wres_report *r, int ind, const char *part,
                    const char *group, const char *measure, double v)
{
    fig(r, ind, part, group, measure, WRES_TYPE_DOUBLE, v, 0);
}

static void fig_bool(wres_report *r, int ind, const char *part,
                     const char *group, const char *measure, int v)
{
    fig(r, ind, part, group, measure, v < 0 ? WRES_TYPE_NULL : WRES_TYPE_BOOL,
        (double)v, 0);
}

static void mix_figs(wres_report *r, int avail, int ind, const char *part,
                     const wres__mix *m, int with_pct)
{
    fig_int(r, avail, ind, part, "white", "count", m->white);
    fig_int(r, avail, ind, part, "bme", "count", m->bme);
    fig_int(r, avail, ind, part, "unknown", "count", m->unknown);
    fig_int(r, avail, ind, part, "total", "count", m->total);
    if (with_pct) {
        fig_dbl(r, ind, part, "white", "pct", avail ? m->pct[0] : NAN);
        fig_dbl(r, ind, part, "bme", "pct", avail ? m->pct[1] : NAN);
        fig_dbl(r, ind, part, "unknown", "pct", avail ? m->pct[2] : NAN);
    }
    if (r->m.publish)
        fig_bool(r, ind, part, "", "suppressed",
                 m->white < 0 || m->bme < 0 || m->unknown < 0 || m->total < 0);
}

static void rl_figs(wres_report *r, int avail, int ind, const char *part,
                    const wres__rl *x)
{
    fig_int(r, avail, ind, part, "white", "n", x->white.n);
    fig_int(r, avail, ind, part, "white", "events", x->white.events);
    fig_dbl(r, ind, part, "white", "rate", x->white.rate);
    if (r->m.publish)
        fig_bool(r, ind, part, "white", "suppressed",
                 x->white.n < 0 || x->white.events < 0);
    fig_int(r, avail, ind, part, "bme", "n", x->bme.n);
    fig_int(r, avail, ind, part, "bme", "events", x->bme.events);
    fig_dbl(r, ind, part, "bme", "rate", x->bme.rate);
    if (r->m.publish)
        fig_bool(r, ind, part, "bme", "suppressed",
                 x->bme.n < 0 || x->bme.events < 0);
    fig_dbl(r, ind, part, "", "relative_likelihood", x->rl);
    fig_dbl(r, ind, part, "", "ci_lower", x->lo);
    fig_dbl(r, ind, part, "", "ci_upper", x->hi);
    fig_dbl(r, ind, part, "", "p_value", x->p);
    fig_bool(r, ind, part, "", "significant", x->significant);
    fig_bool(r, ind, part, "", "non_adverse", x->non_adverse);
}

/* Part name: prefix and name joined by '/', either may be empty. */
static const char *part_name(wres_report *r, const char *prefix,
                             const char *name)
{
    char part[256];

    if (!*prefix)
        return *name ? pool_add(r, name) : "";
    snprintf(part, sizeof part, "%s%s%s", prefix, *name ? "/" : "", name);
    return pool_add(r, part);
}

/* The figures of indicator ind of m (a white/BME comparison), with parts
 * under prefix ("" for the report's own). */
static void ind_figs(wres_report *r, const wres__model *m, int ind,
                     const char *prefix)
{
    static const char *const board_parts[3] = {"board", "voting", "executive"};
    static const char *const groups[2] = {"white", "bme"};
    const char *top = part_name(r, prefix, "");
    size_t i;
    int j;

    switch (ind) {
    case 1:
        mix_figs(r, m->avail[1], 1, part_name(r, prefix, "workforce"),
                 &m->workforce, 1);
        for (i = 0; i < m->n_rows; i++) {
            const wres__i1row *row = &m->rows[i];
            char part[64];
            snprintf(part, sizeof part, "%s/%s",
                     row->sgroup < 0 ? "all" : wres__staff_group_name(row->sgroup),
                     row->band < 0 ? "All" : wres__band_name(row->band));
            mix_figs(r, 1, 1, part_name(r, prefix, part), &row->m, 1);
        }
        return;
    case 2:
        rl_figs(r, m->avail[2], 2, top, &m->i2);
        return;
    case 3:
        fig(r, 3, top, "", "first_year", m->avail[3] ? WRES_TYPE_INT : WRES_TYPE_NULL,
            0, m->i3_years[0]);
        fig(r, 3, top, "", "last_year", m->avail[3] ? WRES_TYPE_INT : WRES_TYPE_NULL,
            0, m->i3_nyears ? m->i3_years[m->i3_nyears - 1] : 0);
        if (m->aggregate)
            fig_int(r, m->avail[3], 3, top, "", "pooled_organisations",
                    m->i3_pooled_orgs);
        rl_figs(r, m->avail[3], 3, top, &m->i3);
        rl_figs(r, m->avail[3], 3, part_name(r, prefix, "single_year"), &m->i3_single);
        return;
    case 4:
        rl_figs(r, m->avail[4], 4, top, &m->i4);
        return;
    case 9:
        fig_dbl(r, 9, top, "", "workforce_bme_pct", m->board_workforce_pct);
        for (j = 0; j < 3; j++) {
            const char *part = part_name(r, prefix, board_parts[j]);
            mix_figs(r, m->avail[9], 9, part, &m->board[j].m, 0);
            fig_dbl(r, 9, part, "", "bme_pct", m->board[j].bme_pct);
            fig_dbl(r, 9, part, "", "difference", m->board[j].diff);
        }
        return;
    default:
        break;
    }
    {
        const wres__pct *s = &m->survey[ind - 5];
        int av = m->avail[ind];
        for (j = 0; j < 2; j++) {
            fig_int(r, av, ind, top, groups[j], "n", s->n[j]);
            fig_int(r, av, ind, top, groups[j], "yes", s->yes[j]);
            fig_dbl(r, ind, top, groups[j], "pct", s->pct[j]);
            fig_dbl(r, ind, top, groups[j], "ci_lower", s->lo[j]);
            fig_dbl(r, ind, top, groups[j], "ci_upper", s->hi[j]);
            if (r->m.publish)
                fig_bool(r, ind, top, groups[j], "suppressed",
                         s->n[j] < 0 || s->yes[j] < 0);
        }
        fig_dbl(r, ind, top, "", "difference", s->diff);
        fig_dbl(r, ind, top, "", "difference_ci_lower", s->diff_lo);
        fig_dbl(r, ind, top, "", "difference_ci_upper", s->diff_hi);
        fig_dbl(r, ind, top, "", "p_value", s->p);
        fig_bool(r, ind, top, "", "significant", s->significant);
    }
}

/* Breakdown cells: part "breakdown/DIM=VALUE[/DIM=VALUE]". */
static void breakdown_figs(wres_report *r, const wres__bdown *bd)
{
    size_t i, at;
    int d;

    for (i = 0; i < bd->n; i++) {
        const wres__bcell *c = &bd->cell[i];
        char part[256];
        const char *p;
        at = (size_t)snprintf(part, sizeof part, "breakdown");
        for (d = 0; d < bd->nd && at < sizeof part; d++)
            at += (size_t)snprintf(part + at, sizeof part - at, "/%s=%s",
                                   bd->by[d], c->key[d]);
        p = pool_add(r, part);
        fig_bool(r, bd->indicator, p, "", "low_numbers", c->low);
        if (bd->indicator == 1) {
            mix_figs(r, 1, 1, p, &c->mix, 1);
            continue;
        }
        if (bd->indicator == 3) {
            fig(r, 3, p, "", "first_year", WRES_TYPE_INT, 0, c->years[0]);
            fig(r, 3, p, "", "last_year", WRES_TYPE_INT, 0,
                c->years[c->nyears > 0 ? c->nyears - 1 : 0]);
        }
        rl_figs(r, 1, bd->indicator, p, &c->rl);
        if (bd->indicator == 3)
            rl_figs(r, 1, 3, part_name(r, p, "single_year"), &c->single);
    }
}

/* Trend: parts "trend/YEAR", "trend/FROM-TO" and "trend/linear". */
static void trend_figs(wres_report *r, int ind, const wres__trend *t)
{
    char part[64];
    size_t i;

    for (i = 0; i < t->n; i++) {
        snprintf(part, sizeof part, "trend/%d", t->years[i]);
        fig_dbl(r, ind, pool_add(r, part), "", "value", t->value[i]);
    }
    for (i = 1; i < t->n; i++) {
        const char *p;
        snprintf(part, sizeof part, "trend/%d-%d", t->years[i - 1], t->years[i]);
        p = pool_add(r, part);
        fig_dbl(r, ind, p, "", "change", t->change[i - 1]);
        fig_dbl(r, ind, p, "", "ci_lower", t->lo[i - 1]);
        fig_dbl(r, ind, p, "", "ci_upper", t->hi[i - 1]);
        fig_dbl(r, ind, p, "", "p_value", t->p[i - 1]);
    }
    if (t->n >= 3) {
        fig_dbl(r, ind, "trend/linear", "", "slope", t->slope);
        fig_dbl(r, ind, "trend/linear", "", "p_value", t->slope_p);
    }
}

/* Model Employer targets: indicator 0, part "targets" for the settings,
 * "targets/<staff group>/<band>" for each row. */
static void target_figures(wres_report *r)
{
    const wres__targets *t = &r->m.targets;
    int i, k, known = isfinite(t->share);

    fig_bool(r, 0, "targets", "", "available", t->avail);
    fig_dbl(r, 0, "targets", "", "share", t->share);
    fig_bool(r, 0, "targets", "", "share_given", t->given);
    fig_int(r, 1, 0, "targets", "", "baseline_year", t->baseline);
    fig_int(r, 1, 0, "targets", "", "target_year", t->target_year);
    if (!t->avail)
        return;
    for (i = 0; i < WRES__TARGET_ROWS; i++) {
        const wres__target_row *row = &t->rows[i];
        char part[64], measure[32];
        const char *pp;
        snprintf(part, sizeof part, "targets/%s/%s",
                 wres__staff_group_name(row->sgroup), wres__band_name(row->band));
        pp = pool_add(r, part);
        fig_int(r, 1, 0, pp, "total", "count", row->total);
        fig_int(r, 1, 0, pp, "bme", "count", row->bme);
        if (r->m.publish)
            fig_bool(r, 0, pp, "", "suppressed", row->total < 0 || row->bme < 0);
        fig_int(r, known, 0, pp, "bme", "target", row->target);
        fig_int(r, known, 0, pp, "bme", "gap", row->gap);
        for (k = 0; known && k < t->n_years; k++) {
            snprintf(measure, sizeof measure, "year_%d", t->baseline + k);
            fig_int(r, 1, 0, pp, "bme", pool_add(r, measure),
                    t->trajectory[i * t->n_years + k]);
        }
    }
}

static void build_figures(wres_report *r)
{
    const wres__model *m = &r->m;
    size_t i;
    int ind, j;

    if (m->aggregate)
        fig_int(r, 1, 0, "aggregate", "", "organisations", m->n_orgs);
    fig_int(r, 1, 0, "data_quality", "", "staff_headcount", m->headcount);
    fig_int(r, 1, 0, "data_quality", "", "bank_excluded", m->bank_excluded);
    fig_int(r, 1, 0, "data_quality", "", "ethnicity_unknown", m->eth_unknown);
    fig_dbl(r, 0, "data_quality", "", "declared_pct", m->declared_pct);
    if (m->publish) {
        fig_bool(r, 0, "data_quality", "", "suppressed",
                 m->headcount < 0 || m->bank_excluded < 0 || m->eth_unknown < 0);
        fig_int(r, 1, 0, "disclosure", "", "threshold", m->suppress_max);
        fig_int(r, 1, 0, "disclosure", "", "rounding", m->round_base);
    }
    for (i = 0; i < m->n_files; i++) {
        const wres__dq_file *f = &m->files[i];
        const char *path = pool_add(r, f->path);
        const char *kind = wres_kind_name(f->kind);
        char name[64];
        fig_int(r, 1, 0, path, kind, "rows_read", f->rows_read);
        fig_int(r, 1, 0, path, kind, "rows_accepted", f->rows_accepted);
        fig_int(r, 1, 0, path, kind, "rows_rejected", f->rows_rejected);
        for (j = 1; j <= WRES_REASON_DUPLICATE_ID; j++)
            if (f->by_reason[j]) {
                snprintf(name, sizeof name, "rejected_%s", wres_reason_name(j));
                fig_int(r, 1, 0, path, kind, pool_add(r, name), f->by_reason[j]);
            }
        if (f->error) {
            snprintf(name, sizeof name, "error_%s", wres_reason_name(f->error));
            fig_bool(r, 0, path, kind, pool_add(r, name), 1);
        }
        if (m->publish) {
            int sup = f->rows_read < 0 || f->rows_accepted < 0 || f->rows_rejected < 0;
            for (j = 1; j <= WRES_REASON_DUPLICATE_ID; j++)
                sup |= f->by_reason[j] < 0;
            fig_bool(r, 0, path, kind, "suppressed", sup);
        }
    }

    for (ind = 1; ind <= 9; ind++)
        fig_bool(r, ind, "", "", "available", m->avail[ind]);
    for (ind = 1; ind <= 9; ind++)
        ind_figs(r, m, ind, "");
    /* ethnic groups, breakdowns and trends, when asked for */
    for (ind = 1; ind <= 9; ind++)
        for (i = 0; i < m->n_groups; i++) {
            char prefix[32];
            snprintf(prefix, sizeof prefix, "groups/%s", wres__group_name((int)i));
            ind_figs(r, &m->groups[i], ind, prefix);
        }
    for (i = 0; i < m->n_bd; i++)
        breakdown_figs(r, &m->bd[i]);
    for (ind = 1; m->trend && ind <= 9; ind++)
        trend_figs(r, ind, &m->trend[ind]);
    if (m->targets.on)
        target_figures(r);
}

static void report_release(wres_report *r)
{
    size_t i;

    wres__model_free(&r->m);
    for (i = 0; i < r->n_pool; i++)
        wres__free(r->pool[i]);
    wres__free(r->pool);
    wres__free(r->fig);
    wres__buf_free(&r->out);
}

int wres__report_make(wres_report *r)
{
    build_figures(r);
    if (!r->oom)
        return WRES_OK;
    report_release(r);
    wres__free(r);
    return WRES_E_NOMEM;
}

/* The checks shared by the calls that make a report: out and ctx given
 * (*out cleared), year 0 taken as the latest, and a year in range. */
int wres__report_args(wres_ctx *ctx, int64_t *year, wres_report **out)
{
    int rv;

    if (!out)
        return WRES_E_INVALID;
    *out = NULL;
    if (!ctx)
        return WRES_E_INVALID;
    if (*year == 0) {
        rv = wres_latest_year(ctx, year);
        if (rv != WRES_OK) {
            wres__set_error(ctx, "no reporting year: no rows were accepted");
            return rv;
        }
    }
    if (*year < 1900 || *year > 2100) {
        wres__set_error(ctx, "reporting year must be 1900 to 2100");
        return WRES_E_RANGE;
    }
    return WRES_OK;
}

int wres_report_new(wres_ctx *ctx, const char *org, int64_t year,
                    wres_report **out)
{
    wres_report *r;
    const char *o = org ? org : "";
    size_t olen;
    char *trimmed;
    int rv;

    if ((rv = wres__report_args(ctx, &year, out)) != WRES_OK)
        return rv;
    while (*o == ' ' || *o == '\t')
        o++;
    olen = strlen(o);
    while (olen && (o[olen - 1] == ' ' || o[olen - 1] == '\t'))
        olen--;
    trimmed = wres__strndup(o, olen);
    r = wres__calloc(1, sizeof *r);
    if (!trimmed || !r) {
        wres__free(trimmed);
        wres__free(r);
        return WRES_E_NOMEM;
    }
    rv = wres__model_build(ctx, trimmed, (int)year, &r->m);
    wres__free(trimmed);
    if (rv == WRES_OK) {
        build_figures(r);
        if (r->oom)
            rv = WRES_E_NOMEM;
    }
    if (rv != WRES_OK) {
        report_release(r);
        wres__free(r);
        return rv;
    }
    *out = r;
    return WRES_OK;
}

void wres_report_free(wres_report *report)
{
    if (!report)
        return;
    report_release(report);
    wres__free(report);
}

int wres_report_render(wres_report *report, int format, const char **out,
                       size_t *len)
{
    if (!report || !out || format < WRES_FORMAT_JSON || format > WRES_FORMAT_HTML)
        return WRES_E_INVALID;
    wres__buf_free(&report->out);
    switch (format) {
    case WRES_FORMAT_JSON: wres__write_json(&report->m, &report->out); break;
    case WRES_FORMAT_TEXT: wres__write_text(&report->m, &report->out); break;
    case WRES_FORMAT_CSV: wres__write_csv(report, &report->out); break;
    case WRES_FORMAT_HTML: wres__write_html(&report->m, &report->out); break;
    default: return WRES_E_INVALID;
    }
    if (report->out.oom) {
        wres__buf_free(&report->out);
        return WRES_E_NOMEM;
    }
    if (!report->out.p)
        wres__buf_add(&report->out, "", 0);
    if (report->out.oom)
        return WRES_E_NOMEM;
    *out = report->out.p;
    if (len)
        *len = report->out.len;
    return WRES_OK;
}

static int streq(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

int wres_report_get(const wres_report *report, int indicator, const char *part,
                    const char *group, const char *measure, double *value)
{
    size_t i;

    if (!report || !measure || !value)
        return WRES_E_INVALID;
    for (i = 0; i < report->n_fig; i++) {
        const wres__figure *f = &report->fig[i];
        if (f->indicator == indicator && streq(f->part, part) &&
            streq(f->group, group) && streq(f->measure, measure)) {
            if (f->type == WRES_TYPE_NULL)
                return WRES_NULL;
            *value = f->type == WRES_TYPE_BOOL ? (double)f->i : f->d;
            return WRES_OK;
        }
    }
    return WRES_E_NOTFOUND;
}

int wres_cursor_new(const wres_report *report, wres_cursor **out)
{
    wres_cursor *c;

    if (!out)
        return WRES_E_INVALID;
    *out = NULL;
    if (!report)
        return WRES_E_INVALID;
    c = wres__calloc(1, sizeof *c);
    if (!c)
        return WRES_E_NOMEM;
    c->report = report;
    *out = c;
    return WRES_OK;
}

void wres_cursor_free(wres_cursor *cur)
{
    wres__free(cur);
}

int wres_cursor_next(wres_cursor *cur)
{
    if (!cur)
        return WRES_E_INVALID;
    if (cur->next >= cur->report->n_fig) {
        cur->cur = NULL;
        return WRES_DONE;
    }
    cur->cur = &cur->report->fig[cur->next++];
    return WRES_OK;
}

int wres_cursor_indicator(const wres_cursor *cur)
{
    return cur && cur->cur ? cur->cur->indicator : -1;
}

const char *wres_cursor_part(const wres_cursor *cur)
{
    return cur && cur->cur ? cur->cur->part : NULL;
}

const char *wres_cursor_group(const wres_cursor *cur)
{
    return cur && cur->cur ? cur->cur->group : NULL;
}

const char *wres_cursor_measure(const wres_cursor *cur)
{
    return cur && cur->cur ? cur->cur->measure : NULL;
}

int wres_cursor_type(const wres_cursor *cur)
{
    return cur && cur->cur ? cur->cur->type : WRES_TYPE_NULL;
}

double wres_cursor_double(const wres_cursor *cur)
{
    if (!cur || !cur->cur || cur->cur->type == WRES_TYPE_NULL)
        return 0.0;
    return cur->cur->type == WRES_TYPE_BOOL ? (double)cur->cur->i : cur->cur->d;
}

int64_t wres_cursor_int(const wres_cursor *cur)
{
    if (!cur || !cur->cur)
        return 0;
    switch (cur->cur->type) {
    case WRES_TYPE_INT:
    case WRES_TYPE_BOOL:
        return cur->cur->i;
    case WRES_TYPE_DOUBLE:
        /* truncated toward zero; 0 where it would not fit */
        return fabs(cur->cur->d) < 9.2e18 ? (int64_t)cur->cur->d : 0;
    default:
        return 0;
    }
}
