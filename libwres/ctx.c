/*
 * ctx.c - the handle: its lifecycle, its options, the list of sources
 * (files and API sources) with their row counts, and the list of rejected
 * rows, with the getters that show them to the caller.
 */
#include <stdio.h>
#include <string.h>

#include "wres_private.h"

uint32_t wres_version(void)
{
    return ((uint32_t)WRES_VERSION_MAJOR << 16) |
           ((uint32_t)WRES_VERSION_MINOR << 8) | (uint32_t)WRES_VERSION_PATCH;
}

const char *wres_version_string(void)
{
    return WRES_VERSION_STRING;
}

int wres_ctx_new(wres_ctx **out)
{
    wres_ctx *ctx;

    if (!out)
        return WRES_E_INVALID;
    *out = NULL;
    ctx = wres__calloc(1, sizeof *ctx);
    if (!ctx)
        return WRES_E_NOMEM;
    ctx->confidence = 0.95;
    wres__detail_ctx_init(ctx);
    ctx->target_year = 2028;
    ctx->suppress_max = 7;
    ctx->round_base = 5;
    ctx->default_org = wres__strndup("", 0);
    ctx->vcache = wres__calloc(1, sizeof *ctx->vcache);
    if (!ctx->default_org || !ctx->vcache) {
        wres__free(ctx->default_org);
        wres__free(ctx->vcache);
        wres__free(ctx);
        return WRES_E_NOMEM;
    }
    *out = ctx;
    return WRES_OK;
}

static void source_free(wres__source *s)
{
    size_t i;

    wres__free(s->path);
    for (i = 0; i < s->n_ignored; i++)
        wres__free(s->ignored[i]);
    wres__free(s->ignored);
    wres__source_dimcol_clear(s);
    wres__free(s->dimcol);
}

void wres_ctx_free(wres_ctx *ctx)
{
    size_t i;

    if (!ctx)
        return;
    for (i = 0; i < ctx->n_sources; i++)
        source_free(&ctx->sources[i]);
    wres__free(ctx->sources);
    for (i = 0; i < ctx->n_rejections; i++) {
        wres__free(ctx->rejections[i].column);
        wres__free(ctx->rejections[i].message);
    }
    wres__free(ctx->rejections);
    wres__store_free(&ctx->store);
    wres__free(ctx->order);
    wres__free(ctx->vcache);
    wres__free(ctx->default_org);
    wres__detail_ctx_free(ctx);
    wres__buf_free(&ctx->summary_out);
    wres__free(ctx);
}

int wres_ctx_set_double(wres_ctx *ctx, int option, double value)
{
    if (!ctx)
        return WRES_E_INVALID;
    if (option == WRES_OPT_TARGET_SHARE) {
        if (!(value >= 0.0 && value <= 1.0)) {
            wres__set_error(ctx, "target share must lie in (0, 1], or be 0 for "
                                 "the organisation's own share");
            return WRES_E_RANGE;
        }
        ctx->target_share = value;
        return WRES_OK;
    }
    if (option != WRES_OPT_CONFIDENCE) {
        wres__set_error(ctx, "option %d does not take a double", option);
        return WRES_E_OPTION;
    }
    if (!(value > 0.0 && value < 1.0)) {
        wres__set_error(ctx, "confidence must lie strictly between 0 and 1");
        return WRES_E_RANGE;
    }
    ctx->confidence = value;
    return WRES_OK;
}

int wres_ctx_set_int(wres_ctx *ctx, int option, int64_t value)
{
    if (!ctx)
        return WRES_E_INVALID;
    switch (option) {
    case WRES_OPT_GROUPS:
    case WRES_OPT_TREND:
        if (value != 0 && value != 1) {
            wres__set_error(ctx, "option %d is 0 (off) or 1 (on)", option);
            return WRES_E_RANGE;
        }
        *(option == WRES_OPT_GROUPS ? &ctx->opt_groups : &ctx->opt_trend) = (int)value;
        return WRES_OK;
    case WRES_OPT_LOW_EVENTS:
    case WRES_OPT_LOW_PEOPLE:
        if (value < 0) {
            wres__set_error(ctx, "low-number thresholds are 0 or more");
            return WRES_E_RANGE;
        }
        *(option == WRES_OPT_LOW_EVENTS ? &ctx->low_events : &ctx->low_people) = value;
        return WRES_OK;
    case WRES_OPT_TARGETS:
        if (value != 0 && value != 1) {
            wres__set_error(ctx, "targets must be 0 (off) or 1 (on)");
            return WRES_E_RANGE;
        }
        ctx->targets = (int)value;
        return WRES_OK;
    case WRES_OPT_TARGET_YEAR:
        if (value < 1900 || value > 2100) {
            wres__set_error(ctx, "target year must be 1900 to 2100");
            return WRES_E_RANGE;
        }
        ctx->target_year = (int)value;
        return WRES_OK;
    case WRES_OPT_PUBLISH:
        if (value != 0 && value != 1) {
            wres__set_error(ctx, "publish must be 0 (off) or 1 (on)");
            return WRES_E_RANGE;
        }
        ctx->publish = (int)value;
        return WRES_OK;
    case WRES_OPT_SUPPRESS_MAX:
        if (value < 0 || value > 1000000) {
            wres__set_error(ctx, "suppress_max must be 0 to 1000000");
            return WRES_E_RANGE;
        }
        ctx->suppress_max = value;
        return WRES_OK;
    case WRES_OPT_ROUND_BASE:
        if (value < 1 || value > 1000000) {
            wres__set_error(ctx, "round_base must be 1 (no rounding) to 1000000");
            return WRES_E_RANGE;
        }
        ctx->round_base = value;
        return WRES_OK;
    default:
        break;
    }
    if (option != WRES_OPT_DEFAULT_YEAR) {
        wres__set_error(ctx, "option %d does not take an integer", option);
        return WRES_E_OPTION;
    }
    if (value != 0 && (value < 1900 || value > 2100)) {
        wres__set_error(ctx, "default year must be 1900 to 2100, or 0 for none");
        return WRES_E_RANGE;
    }
    ctx->default_year = (int)value;
    return WRES_OK;
}

int wres_ctx_set_string(wres_ctx *ctx, int option, const char *value)
{
    size_t a, b;
    char *copy;

    if (!ctx)
        return WRES_E_INVALID;
    if (option == WRES_OPT_SERVICE_BANDS)
        return wres__service_bands(ctx, value ? value : "");
    if (option != WRES_OPT_DEFAULT_ORG) {
        wres__set_error(ctx, "option %d does not take a string", option);
        return WRES_E_OPTION;
    }
    if (!value)
        value = "";
    a = 0;
    b = strlen(value);
    while (a < b && (value[a] == ' ' || value[a] == '\t'))
        a++;
    while (b > a && (value[b - 1] == ' ' || value[b - 1] == '\t'))
        b--;
    if (b - a > WRES__FIELD_MAX || !wres__utf8_valid(value + a, b - a)) {
        wres__set_error(ctx, "default org must be valid UTF-8 of at most %d bytes",
                        WRES__FIELD_MAX);
        return WRES_E_RANGE;
    }
    copy = wres__strndup(value + a, b - a);
    if (!copy)
        return WRES_E_NOMEM;
    wres__free(ctx->default_org);
    ctx->default_org = copy;
    ctx->default_org_len = b - a;
    return WRES_OK;
}

int wres_ctx_set_progress(wres_ctx *ctx, wres_progress_fn fn, void *user)
{
    if (!ctx)
        return WRES_E_INVALID;
    ctx->progress = fn;
    ctx->progress_user = user;
    return WRES_OK;
}

size_t wres__source_add(wres_ctx *ctx, int kind, const char *path, int is_api)
{
    wres__source *s;
    void *p = ctx->sources;
    char *copy = wres__strndup(path, strlen(path));

    if (!copy)
        return (size_t)-1;
    if (wres__grow(&p, &ctx->sources_cap, ctx->n_sources + 1,
                   sizeof *ctx->sources) != WRES_OK) {
        wres__free(copy);
        return (size_t)-1;
    }
    ctx->sources = p;
    s = &ctx->sources[ctx->n_sources];
    memset(s, 0, sizeof *s);
    s->path = copy;
    s->kind = kind;
    s->is_api = is_api;
    return ctx->n_sources++;
}

int wres__source_ignore(wres_ctx *ctx, size_t source, const char *name,
                        size_t len)
{
    wres__source *s = &ctx->sources[source];
    void *p = s->ignored;
    char *copy = wres__strndup(name, len);

    if (!copy)
        return WRES_E_NOMEM;
    if (wres__grow(&p, &s->ignored_cap, s->n_ignored + 1,
                   sizeof *s->ignored) != WRES_OK) {
        wres__free(copy);
        return WRES_E_NOMEM;
    }
    s->ignored = p;
    s->ignored[s->n_ignored++] = copy;
    return WRES_OK;
}

int wres__source_dimcol(wres__source *s, const char *name, size_t len)
{
    void *p = s->dimcol;
    char *copy;
    size_t i;

    for (i = 0; i < s->n_dimcol; i++)
        if (strlen(s->dimcol[i].name) == len && memcmp(s->dimcol[i].name, name, len) == 0)
            return WRES_OK;
    if (!(copy = wres__strndup(name, len)))
        return WRES_E_NOMEM;
    if (wres__grow(&p, &s->dimcol_cap, s->n_dimcol + 1, sizeof *s->dimcol) != WRES_OK) {
        wres__free(copy);
        return WRES_E_NOMEM;
    }
    s->dimcol = p;
    s->dimcol[s->n_dimcol].name = copy;
    s->dimcol[s->n_dimcol++].at = s->n_ignored;
    return WRES_OK;
}

void wres__source_dimcol_clear(wres__source *s)
{
    size_t i;

    for (i = 0; i < s->n_dimcol; i++)
        wres__free(s->dimcol[i].name);
    s->n_dimcol = 0;
}

int wres__reject(wres_ctx *ctx, size_t source, int64_t line,
                 const char *column, size_t column_len, int reason,
                 const char *message)
{
    wres__rejection *r;
    void *p = ctx->rejections;
    char *col = wres__strndup(column, column_len);
    char *msg = wres__strndup(message, strlen(message));

    if (!col || !msg ||
        wres__grow(&p, &ctx->rejections_cap, ctx->n_rejections + 1,
                   sizeof *ctx->rejections) != WRES_OK) {
        wres__free(col);
        wres__free(msg);
        return WRES_E_NOMEM;
    }
    ctx->rejections = p;
    r = &ctx->rejections[ctx->n_rejections++];
    r->source = source;
    r->line = line;
    r->column = col;
    r->reason = reason;
    r->message = msg;
    ctx->sources[source].rows_read++;
    ctx->sources[source].rows_rejected++;
    ctx->sources[source].by_reason[reason]++;
    snprintf(ctx->errmsg, sizeof ctx->errmsg, "%s:%lld: %s: %s: %s",
             ctx->sources[source].path, (long long)line, col,
             wres_reason_name(reason), msg);
    wres__errmsg_fix(ctx);
    return WRES_OK;
}

size_t wres_file_count(const wres_ctx *ctx)
{
    return ctx ? ctx->n_sources : 0;
}

int wres_file_get(const wres_ctx *ctx, size_t index, const char **path,
                  int *kind, int64_t *rows_read, int64_t *rows_accepted,
                  int64_t *rows_rejected, int *error)
{
    const wres__source *s;

    if (!ctx)
        return WRES_E_INVALID;
    if (index >= ctx->n_sources)
        return WRES_DONE;
    s = &ctx->sources[index];
    if (path)
        *path = s->path;
    if (kind)
        *kind = s->kind;
    if (rows_read)
        *rows_read = s->rows_read;
    if (rows_accepted)
        *rows_accepted = s->rows_accepted;
    if (rows_rejected)
        *rows_rejected = s->rows_rejected;
    if (error)
        *error = s->error;
    return WRES_OK;
}

int wres_file_reason_count(const wres_ctx *ctx, size_t index, int reason,
                           int64_t *count)
{
    if (!ctx || !count)
        return WRES_E_INVALID;
    if (reason < 1 || reason > WRES_REASON_NO_YEAR)
        return WRES_E_RANGE;
    if (index >= ctx->n_sources)
        return WRES_DONE;
    *count = ctx->sources[index].by_reason[reason];
    return WRES_OK;
}

int wres_file_ignored_column(const wres_ctx *ctx, size_t index, size_t column,
                             const char **name)
{
    if (!ctx || !name)
        return WRES_E_INVALID;
    if (index >= ctx->n_sources || column >= ctx->sources[index].n_ignored)
        return WRES_DONE;
    *name = ctx->sources[index].ignored[column];
    return WRES_OK;
}

size_t wres_rejection_count(const wres_ctx *ctx)
{
    return ctx ? ctx->n_rejections : 0;
}

int wres_rejection_get(const wres_ctx *ctx, size_t index, const char **file,
                       int64_t *line, const char **column, int *reason,
                       const char **message)
{
    const wres__rejection *r;

    if (!ctx)
        return WRES_E_INVALID;
    if (index >= ctx->n_rejections)
        return WRES_DONE;
    r = &ctx->rejections[index];
    if (file)
        *file = ctx->sources[r->source].path;
    if (line)
        *line = r->line;
    if (column)
        *column = r->column;
    if (reason)
        *reason = r->reason;
    if (message)
        *message = r->message;
    return WRES_OK;
}

int wres_latest_year(const wres_ctx *ctx, int64_t *year)
{
    size_t i;
    int best = 0;

    if (!ctx || !year)
        return WRES_E_INVALID;
    for (i = 0; i < ctx->store.n; i++) {
        const wres__period *p = ctx->store.periods[i];
        int rows = p->staff_rows || p->app_rows || p->board_rows ||
                   p->survey_rows;
        if (rows && p->year > best)
            best = p->year;
    }
    if (!best)
        return WRES_E_NOTFOUND;
    *year = best;
    return WRES_OK;
}

int wres__period_has_rows(const wres__period *p)
{
    return p->staff_rows || p->app_rows || p->board_rows || p->survey_rows;
}

/* Periods sorted by org (bytewise), then year, with a bottom-up merge
 * sort (a national handle holds thousands); the order is kept until rows
 * are added again. */
static int period_less(const wres__period *a, const wres__period *b)
{
    int c = strcmp(a->org, b->org);
    return c < 0 || (c == 0 && a->year < b->year);
}

static int order_periods(wres_ctx *ctx)
{
    const wres__store *s = &ctx->store;
    size_t *order, *tmp, n = 0, i, width;

    if (ctx->order && ctx->order_stamp == s->stamp + 1)
        return WRES_OK;
    order = wres__calloc(s->n ? s->n : 1, sizeof *order);
    tmp = wres__calloc(s->n ? s->n : 1, sizeof *tmp);
    if (!order || !tmp) {
        wres__free(order);
        wres__free(tmp);
        return WRES_E_NOMEM;
    }
    for (i = 0; i < s->n; i++)
        if (wres__period_has_rows(s->periods[i]))
            order[n++] = i;
    for (width = 1; width < n; width *= 2) {
        for (i = 0; i < n; i += 2 * width) {
            size_t lo = i, mid = i + width < n ? i + width : n;
            size_t hi = i + 2 * width < n ? i + 2 * width : n, a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                tmp[k++] = period_less(s->periods[order[b]], s->periods[order[a]])
                               ? order[b++] : order[a++];
            while (a < mid)
                tmp[k++] = order[a++];
            while (b < hi)
                tmp[k++] = order[b++];
        }
        memcpy(order, tmp, n * sizeof *order);
    }
    wres__free(tmp);
    wres__free(ctx->order);
    ctx->order = order;
    ctx->n_order = n;
    ctx->order_stamp = s->stamp + 1;
    return WRES_OK;
}

size_t wres_period_count(wres_ctx *ctx)
{
    if (!ctx || order_periods(ctx) != WRES_OK)
        return 0;
    return ctx->n_order;
}

int wres_period_get(wres_ctx *ctx, size_t index, const char **org, int64_t *year)
{
    int rv;

    if (!ctx)
        return WRES_E_INVALID;
    if ((rv = order_periods(ctx)) != WRES_OK)
        return rv;
    if (index >= ctx->n_order)
        return WRES_DONE;
    if (org)
        *org = ctx->store.periods[ctx->order[index]]->org;
    if (year)
        *year = ctx->store.periods[ctx->order[index]]->year;
    return WRES_OK;
}
