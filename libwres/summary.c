/*
 * summary.c - federation summaries: a handle's counts (every period's
 * counts and every source's data-quality figures; no ids, no rejected
 * rows, no values of any row) written as a versioned text file, and such
 * files merged into a handle, all or nothing.  The format is documented
 * in man/wres-summary.5:
 *
 *   wres-summary 1
 *   checksum fnv1a64 <16 hex digits> <body bytes>
 *   <body: "exact" or "publication-safe T B", sources, periods, "end">
 *
 * A summary made with publication-safe output on holds rounded and
 * suppressed counts; it says so in its body and is refused by the loader,
 * which never treats it as exact.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wres_private.h"

#define SUMMARY_VERSION 1
#define MAX_FIELDS 20

/* ---- shared ----------------------------------------------------------------- */

static uint64_t fnv1a64(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

/* Strings are written after '=' with every byte outside '!'..'~', and
 * '%', as %XX (upper-case hex). */
static void put_str(wres__buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i;

    wres__buf_add(b, "=", 1);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x21 || c > 0x7e || c == '%') {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            wres__buf_add(b, e, 3);
        } else {
            wres__buf_add(b, s + i, 1);
        }
    }
}

static int cmp_period(const void *a, const void *b)
{
    const wres__period *p = *(const wres__period *const *)a;
    const wres__period *q = *(const wres__period *const *)b;
    int c = strcmp(p->org, q->org);

    return c ? c : (p->year > q->year) - (p->year < q->year);
}

/* ---- saving ------------------------------------------------------------------ */

/* What one count of the body shows: exact, or (publication-safe) the
 * shown value of table cell i. */
typedef struct saver {
    wres__buf *b;
    const wres__dtable *t;  /* NULL: exact */
    int64_t base;
} saver;

static void put_count(saver *s, size_t cell, int64_t v)
{
    int64_t shown = s->t ? wres__dt_shown(s->t, cell, s->base) : v;

    if (shown == WRES__SUPPRESSED)
        wres__buf_puts(s->b, " *");
    else
        wres__buf_printf(s->b, " %lld", (long long)shown);
}

/* The cells of one period (publication-safe): every count in a fixed
 * order, and the lines of the totals the file shows. */
typedef struct pcells {
    size_t staff_rows, nonbank, head[WRES__SGROUPS][WRES__BANDS][WRES__ETH_CODES];
    size_t disc[WRES__SGROUPS][WRES__BANDS][WRES__ETH_CODES];
    size_t train[WRES__SGROUPS][WRES__BANDS][WRES__ETH_CODES];
    size_t bank[WRES__ETH_CODES];
    size_t app_rows, applied[WRES__ETH_CODES], shortlisted[WRES__ETH_CODES],
        appointed[WRES__ETH_CODES];
    size_t survey_rows, total[WRES__SURVEY_QS], n[WRES__SURVEY_QS][WRES__ETH_SLOTS],
        yes[WRES__SURVEY_QS][WRES__ETH_SLOTS];
    size_t board_rows, board[2][2][WRES__ETH_CODES];
} pcells;

static int period_table(const wres__period *p, pcells *c, wres__dtable *t,
                        int64_t threshold)
{
    size_t mem[WRES__SGROUPS * WRES__BANDS * WRES__ETH_CODES + 1], k;
    int g, b, e, q, v, x;

    c->staff_rows = wres__dt_cell(t, p->staff_rows);
    c->nonbank = wres__dt_cell(t, p->staff_nonbank);
    k = 0;
    for (g = 0; g < WRES__SGROUPS; g++)
        for (b = 0; b < WRES__BANDS; b++)
            for (e = 0; e < WRES__ETH_CODES; e++) {
                mem[k++] = c->head[g][b][e] = wres__dt_cell(t, p->head[g][b][e]);
                c->disc[g][b][e] = wres__dt_cell(t, p->disc[g][b][e]);
                c->train[g][b][e] = wres__dt_cell(t, p->train[g][b][e]);
            }
    wres__dt_line(t, c->nonbank, mem, k);
    k = 0;
    for (e = 0; e < WRES__ETH_CODES; e++)
        mem[k++] = c->bank[e] = wres__dt_cell(t, p->bank[e]);
    mem[k++] = c->nonbank;
    wres__dt_line(t, c->staff_rows, mem, k);
    c->app_rows = wres__dt_cell(t, p->app_rows);
    for (e = 0; e < WRES__ETH_CODES; e++) {
        mem[e] = c->applied[e] = wres__dt_cell(t, p->applied[e]);
        c->shortlisted[e] = wres__dt_cell(t, p->shortlisted[e]);
        c->appointed[e] = wres__dt_cell(t, p->appointed[e]);
    }
    wres__dt_line(t, c->app_rows, mem, WRES__ETH_CODES);
    c->survey_rows = wres__dt_cell(t, p->survey_rows);
    for (q = 0; q < WRES__SURVEY_QS; q++) {
        c->total[q] = wres__dt_cell(t, p->survey_total[q]);
        for (e = 0; e < WRES__ETH_SLOTS; e++) {
            mem[e] = c->n[q][e] = wres__dt_cell(t, p->survey_n[q][e]);
            c->yes[q][e] = wres__dt_cell(t, p->survey_yes[q][e]);
        }
        wres__dt_line(t, c->total[q], mem, WRES__ETH_SLOTS);
    }
    c->board_rows = wres__dt_cell(t, p->board_rows);
    k = 0;
    for (v = 0; v < 2; v++)
        for (x = 0; x < 2; x++)
            for (e = 0; e < WRES__ETH_CODES; e++)
                mem[k++] = c->board[v][x][e] = wres__dt_cell(t, p->board[v][x][e]);
    wres__dt_line(t, c->board_rows, mem, k);
    return wres__dt_suppress(t, threshold);
}

static int write_period(saver *s, const wres__period *p, const pcells *c)
{
    wres__buf *b = s->b;
    int g, bd, e, q, v, x;

    wres__buf_printf(b, "period %d ", p->year);
    put_str(b, p->org, p->org_len);
    wres__buf_puts(b, "\nstaff");
    put_count(s, c->staff_rows, p->staff_rows);
    put_count(s, c->nonbank, p->staff_nonbank);
    wres__buf_printf(b, " %d %d\n", p->disc_info, p->train_info);
    for (g = 0; g < WRES__SGROUPS; g++)
        for (bd = 0; bd < WRES__BANDS; bd++)
            for (e = 0; e < WRES__ETH_CODES; e++)
                if (p->head[g][bd][e] || p->disc[g][bd][e] || p->train[g][bd][e]) {
                    wres__buf_printf(b, "head %d %d %d", g, bd, e);
                    put_count(s, c->head[g][bd][e], p->head[g][bd][e]);
                    put_count(s, c->disc[g][bd][e], p->disc[g][bd][e]);
                    put_count(s, c->train[g][bd][e], p->train[g][bd][e]);
                    wres__buf_puts(b, "\n");
                }
    for (e = 0; e < WRES__ETH_CODES; e++)
        if (p->bank[e]) {
            wres__buf_printf(b, "bank %d", e);
            put_count(s, c->bank[e], p->bank[e]);
            wres__buf_puts(b, "\n");
        }
    wres__buf_puts(b, "applicants");
    put_count(s, c->app_rows, p->app_rows);
    wres__buf_puts(b, "\n");
    for (e = 0; e < WRES__ETH_CODES; e++)
        if (p->applied[e] || p->shortlisted[e] || p->appointed[e]) {
            wres__buf_printf(b, "app %d", e);
            put_count(s, c->applied[e], p->applied[e]);
            put_count(s, c->shortlisted[e], p->shortlisted[e]);
            put_count(s, c->appointed[e], p->appointed[e]);
            wres__buf_puts(b, "\n");
        }
    wres__buf_puts(b, "survey");
    put_count(s, c->survey_rows, p->survey_rows);
    wres__buf_puts(b, "\n");
    for (q = 0; q < WRES__SURVEY_QS; q++) {
        wres__buf_printf(b, "question %d %d", q, p->survey_avail[q]);
        put_count(s, c->total[q], p->survey_total[q]);
        wres__buf_puts(b, "\n");
        for (e = 0; e < WRES__ETH_SLOTS; e++)
            if (p->survey_n[q][e] || p->survey_yes[q][e]) {
                wres__buf_printf(b, "answers %d", e);
                put_count(s, c->n[q][e], p->survey_n[q][e]);
                put_count(s, c->yes[q][e], p->survey_yes[q][e]);
                wres__buf_puts(b, "\n");
            }
    }
    wres__buf_puts(b, "board");
    put_count(s, c->board_rows, p->board_rows);
    wres__buf_puts(b, "\n");
    for (v = 0; v < 2; v++)
        for (x = 0; x < 2; x++)
            for (e = 0; e < WRES__ETH_CODES; e++)
                if (p->board[v][x][e]) {
                    wres__buf_printf(b, "member %d %d %d", v, x, e);
                    put_count(s, c->board[v][x][e], p->board[v][x][e]);
                    wres__buf_puts(b, "\n");
                }
    return WRES_OK;
}

/* ---- breakdown cells (exact summaries of handles that keep them) ------------ */

/* The dimensions line, and the service bands when length_of_service is
 * one of them. */
static void write_dims(wres__buf *b, const wres_ctx *ctx)
{
    int d, i, svc = 0;

    wres__buf_puts(b, "dimensions");
    for (d = 0; d < ctx->n_dims; d++) {
        const char *name = wres__dim_name(ctx, d);
        wres__buf_puts(b, " ");
        put_str(b, name, strlen(name));
        svc |= wres__dim_is_service(ctx, d);
    }
    wres__buf_puts(b, "\n");
    if (svc) {
        wres__buf_puts(b, "service-bands");
        for (i = 0; i < ctx->n_svc_cut; i++)
            wres__buf_printf(b, " %d", ctx->svc_cut[i]);
        wres__buf_puts(b, "\n");
    }
}

typedef struct tcell {
    const wres__dcell *c;
    const char *k[WRES__DIMS];
} tcell;

static int cmp_tcell(const void *a, const void *b)
{
    const tcell *x = a, *y = b;
    int d, c;

    for (d = 0; d < WRES__DIMS; d++)
        if ((c = strcmp(x->k[d], y->k[d])) != 0)
            return c;
    return 0;
}

/* A period's breakdown cells, staff then applicants, each by its values
 * (bytewise, dimension by dimension); by text, since value ids belong
 * to the handle. */
static int write_cells(wres__buf *b, const wres_ctx *ctx, const wres__period *p)
{
    int kind, d, e;
    size_t i;

    for (kind = 0; kind < 2; kind++) {
        const wres__dtab *t = &p->detail[kind];
        tcell *tc;
        if (!t->n)
            continue;
        if (!(tc = wres__calloc(t->n, sizeof *tc)))
            return WRES_E_NOMEM;
        for (i = 0; i < t->n; i++) {
            tc[i].c = &t->cell[i];
            for (d = 0; d < WRES__DIMS; d++)
                tc[i].k[d] = d < ctx->n_dims ? ctx->dict.s[t->cell[i].key[d]] : "";
        }
        qsort(tc, t->n, sizeof *tc, cmp_tcell);
        for (i = 0; i < t->n; i++) {
            wres__buf_printf(b, "cell %d", kind ? WRES_KIND_APPLICANTS : WRES_KIND_STAFF);
            for (d = 0; d < ctx->n_dims; d++) {
                wres__buf_puts(b, " ");
                put_str(b, tc[i].k[d], strlen(tc[i].k[d]));
            }
            wres__buf_puts(b, "\n");
            for (e = 0; e < WRES__ETH_CODES; e++)
                if (tc[i].c->c[0][e] || tc[i].c->c[1][e] || tc[i].c->c[2][e])
                    wres__buf_printf(b, "count %d %lld %lld %lld\n", e,
                                     (long long)tc[i].c->c[0][e],
                                     (long long)tc[i].c->c[1][e],
                                     (long long)tc[i].c->c[2][e]);
        }
        wres__free(tc);
    }
    return WRES_OK;
}

/* The sources' rows: read = accepted + rejected, rejected = reasons. */
static void write_sources(saver *s, const wres_ctx *ctx, size_t first_cell)
{
    size_t i, j, k, cell = first_cell;
    int r;

    for (i = 0; i < ctx->n_sources; i++) {
        const wres__source *src = &ctx->sources[i];
        wres__buf_printf(s->b, "source %d %d", src->kind, src->error);
        put_count(s, cell, src->rows_read);
        put_count(s, cell + 1, src->rows_accepted);
        put_count(s, cell + 2, src->rows_rejected);
        wres__buf_puts(s->b, " ");
        put_str(s->b, src->path, strlen(src->path));
        wres__buf_puts(s->b, "\n");
        for (r = 1; r <= WRES_REASON_NO_YEAR; r++)
            if (src->by_reason[r]) {
                wres__buf_printf(s->b, "reason %d", r);
                put_count(s, cell + 2 + (size_t)r, src->by_reason[r]);
                wres__buf_puts(s->b, "\n");
            }
        for (j = 0, k = 0; j <= src->n_ignored; j++) {
            /* the columns read as dimensions, where they came among the
             * ignored ones */
            for (; k < src->n_dimcol && src->dimcol[k].at == j; k++) {
                wres__buf_puts(s->b, "column ");
                put_str(s->b, src->dimcol[k].name, strlen(src->dimcol[k].name));
                wres__buf_puts(s->b, "\n");
            }
            if (j < src->n_ignored) {
                wres__buf_puts(s->b, "ignored ");
                put_str(s->b, src->ignored[j], strlen(src->ignored[j]));
                wres__buf_puts(s->b, "\n");
            }
        }
        cell += 3 + WRES_REASON_NO_YEAR;
    }
}

static int source_table(const wres_ctx *ctx, wres__dtable *t, int64_t threshold)
{
    size_t i, c0, rs[WRES_REASON_NO_YEAR];
    int r;

    for (i = 0; i < ctx->n_sources; i++) {
        const wres__source *src = &ctx->sources[i];
        c0 = wres__dt_cell(t, src->rows_read);
        wres__dt_cell(t, src->rows_accepted);
        wres__dt_cell(t, src->rows_rejected);
        for (r = 1; r <= WRES_REASON_NO_YEAR; r++)
            rs[r - 1] = wres__dt_cell(t, src->by_reason[r]);
        {
            size_t ar[2] = {c0 + 1, c0 + 2};
            wres__dt_line(t, c0, ar, 2);
        }
        wres__dt_line(t, c0 + 2, rs, WRES_REASON_NO_YEAR);
    }
    return wres__dt_suppress(t, threshold);
}

/* The whole file into b: WRES_OK or WRES_E_NOMEM. */
static int summary_text(wres_ctx *ctx, wres__buf *out)
{
    wres__buf body = {0};
    wres__period **ps = NULL;
    wres__dtable t;
    pcells *pc = NULL;
    saver sv;
    size_t i;
    int rv = WRES_E_NOMEM;

    memset(&t, 0, sizeof t);
    ps = wres__calloc(ctx->store.n ? ctx->store.n : 1, sizeof *ps);
    pc = wres__calloc(1, sizeof *pc);
    if (!ps || !pc)
        goto out;
    for (i = 0; i < ctx->store.n; i++)
        ps[i] = ctx->store.periods[i];
    if (ctx->store.n > 1)
        qsort(ps, ctx->store.n, sizeof *ps, cmp_period);
    sv.b = &body;
    sv.base = ctx->round_base;
    sv.t = NULL;
    if (ctx->publish) {
        wres__buf_printf(&body, "publication-safe %lld %lld\n",
                         (long long)ctx->suppress_max, (long long)ctx->round_base);
        if (source_table(ctx, &t, ctx->suppress_max) != WRES_OK)
            goto out;
        sv.t = &t;
    } else {
        wres__buf_puts(&body, "exact\n");
        /* the breakdown counts go in exact summaries only (see
         * wres-summary(5)): a publication-safe one leaves them out */
        if (ctx->capture)
            write_dims(&body, ctx);
    }
    write_sources(&sv, ctx, 0);
    for (i = 0; i < ctx->store.n; i++) {
        if (ctx->publish) {
            wres__dt_free(&t);
            if (period_table(ps[i], pc, &t, ctx->suppress_max) != WRES_OK)
                goto out;
        }
        write_period(&sv, ps[i], pc);
        if (ctx->capture && !ctx->publish && write_cells(&body, ctx, ps[i]) != WRES_OK)
            goto out;
    }
    wres__buf_puts(&body, "end\n");
    if (body.oom)
        goto out;
    wres__buf_printf(out, "wres-summary %d\nchecksum fnv1a64 %016llx %llu\n",
                     SUMMARY_VERSION, (unsigned long long)fnv1a64(body.p, body.len),
                     (unsigned long long)body.len);
    wres__buf_add(out, body.p, body.len);
    rv = out->oom ? WRES_E_NOMEM : WRES_OK;
out:
    wres__buf_free(&body);
    wres__dt_free(&t);
    wres__free(ps);
    wres__free(pc);
    return rv;
}

int wres_summary_save_buffer(wres_ctx *ctx, const char **out, size_t *len)
{
    int rv;

    if (!ctx || !out)
        return WRES_E_INVALID;
    wres__buf_free(&ctx->summary_out);
    rv = summary_text(ctx, &ctx->summary_out);
    if (rv != WRES_OK) {
        wres__buf_free(&ctx->summary_out);
        wres__set_error(ctx, "out of memory while writing the summary");
        return rv;
    }
    *out = ctx->summary_out.p;
    if (len)
        *len = ctx->summary_out.len;
    return WRES_OK;
}

int wres_summary_save(wres_ctx *ctx, const char *path)
{
    wres__buf b = {0};
    FILE *f;
    int rv, bad;

    if (!ctx)
        return WRES_E_INVALID;
    if (!path) {
        wres__set_error(ctx, "no path for the summary");
        return WRES_E_INVALID;
    }
    rv = summary_text(ctx, &b);
    if (rv != WRES_OK) {
        wres__buf_free(&b);
        wres__set_error(ctx, "out of memory while writing the summary %s", path);
        return rv;
    }
    f = fopen(path, "wb");
    if (!f) {
        wres__buf_free(&b);
        wres__set_error(ctx, "%s: cannot be written (%s)", path,
                        errno == ENOENT ? "no such directory"
                        : errno == EACCES ? "permission denied"
                        : errno == EISDIR ? "is a directory" : "cannot open");
        return WRES_E_IO;
    }
    bad = fwrite(b.p, 1, b.len, f) != b.len;
    bad |= fclose(f) != 0;
    wres__buf_free(&b);
    if (bad) {
        remove(path);
        wres__set_error(ctx, "%s: cannot be written (write failed; removed)", path);
        return WRES_E_IO;
    }
    return WRES_OK;
}

/* ---- loading ----------------------------------------------------------------- */

typedef struct loader {
    wres_ctx *ctx;
    const char *name;
    int64_t line;
    const char *f[MAX_FIELDS];  /* the fields of the current line */
    size_t flen[MAX_FIELDS];
    size_t nf;
    wres__store stage;
    wres__source *src;          /* the summary's sources, staged */
    size_t n_src, src_cap;
    /* breakdown cells: the summary's dimensions (its 'dimensions' line) */
    int has_dims, n_sdims;
    char *sdim[WRES__DIMS];
    int s_svc;                  /* the summary's length_of_service, or -1 */
    int svc_cut[WRES__SVC_CUTS], n_svc_cut, svc_pending;
    int map[WRES__DIMS];        /* the handle's dimension d: the summary's */
    int missing;                /* the first of the handle's it lacks, or -1 */
    /* the cells of the current period, summed to check them against its
     * counts: staff by (group, band, code), then applicants by code */
    int64_t (*chk)[3];
    int prev_kind;              /* the previous cell: kind, values */
    char *prevk[WRES__DIMS];
    int cell_g, cell_b, cell_counts, last_e;
    wres__dcell *cell;          /* where the cell's counts are staged */
} loader;

#define CHK_APP (WRES__SGROUPS * WRES__BANDS * WRES__ETH_CODES)

static int fail(loader *ld, int64_t line, const char *fmt, const char *arg)
{
    char msg[400];

    snprintf(msg, sizeof msg, fmt, arg ? arg : "");
    wres__set_error(ld->ctx, "%s:%lld: %s", ld->name, (long long)line, msg);
    return WRES_E_FORMAT;
}

#define FAIL(msg) return fail(ld, ld->line, "%s", msg)

static int is_kw(const loader *ld, const char *kw)
{
    size_t n = strlen(kw);
    return ld->nf > 0 && ld->flen[0] == n && memcmp(ld->f[0], kw, n) == 0;
}

/* A count: decimal digits, no sign, no leading zero, at most 2^63 - 1. */
static int get_count(loader *ld, size_t i, int64_t *v)
{
    const char *s = ld->f[i];
    size_t n = ld->flen[i], k;
    int64_t x = 0;

    if (n == 1 && s[0] == '*')
        return fail(ld, ld->line, "%s", "a suppressed count ('*'): not an exact summary");
    if (n == 0 || (n > 1 && s[0] == '0'))
        return fail(ld, ld->line, "%s", "not a count");
    for (k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9')
            return fail(ld, ld->line, "%s", "not a count");
        if (x > (INT64_MAX - (s[k] - '0')) / 10)
            return fail(ld, ld->line, "%s", "a count above 2^63-1");
        x = x * 10 + (s[k] - '0');
    }
    *v = x;
    return WRES_OK;
}

static int get_int(loader *ld, size_t i, int lo, int hi, int *v)
{
    int64_t x;
    int rv = get_count(ld, i, &x);

    if (rv != WRES_OK)
        return rv;
    if (x < lo || x > hi) {
        char what[64];
        snprintf(what, sizeof what, "a value outside %d..%d", lo, hi);
        return fail(ld, ld->line, "%s", what);
    }
    *v = (int)x;
    return WRES_OK;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A string field: '=' then the encoding of put_str(); no NUL. */
static int get_str(loader *ld, size_t i, char **out, size_t *len)
{
    const char *s = ld->f[i];
    size_t n = ld->flen[i], k, m = 0;
    char *d;

    if (n == 0 || s[0] != '=')
        FAIL("a text field must start with '='");
    d = wres__malloc(n);
    if (!d)
        return WRES_E_NOMEM;
    for (k = 1; k < n; k++) {
        if (s[k] == '%') {
            int h, l;
            if (k + 2 >= n) {
                wres__free(d);
                FAIL("a '%' escape cut short");
            }
            h = hexval(s[k + 1]);
            l = hexval(s[k + 2]);
            if (h < 0 || l < 0 || (h == 0 && l == 0)) {
                wres__free(d);
                FAIL("a bad '%' escape (two upper-case hex digits, not 00)");
            }
            d[m++] = (char)(h * 16 + l);
            k += 2;
        } else {
            d[m++] = s[k];
        }
    }
    d[m] = '\0';
    *out = d;
    *len = m;
    return WRES_OK;
}

/* Split the line [p, e) into fields at single spaces. */
static int split(loader *ld, const char *p, const char *e)
{
    const char *q;

    ld->nf = 0;
    if (p == e)
        FAIL("an empty line");
    for (;;) {
        if (ld->nf == MAX_FIELDS)
            FAIL("too many fields");
        q = p;
        while (q < e && *q != ' ')
            q++;
        if (q == p)
            FAIL("an empty field (two spaces, or a space at an end)");
        ld->f[ld->nf] = p;
        ld->flen[ld->nf++] = (size_t)(q - p);
        if (q == e)
            return WRES_OK;
        p = q + 1;
        if (p == e)
            FAIL("an empty field (two spaces, or a space at an end)");
    }
}

static int want_fields(loader *ld, size_t n)
{
    if (ld->nf != n) {
        char what[64];
        snprintf(what, sizeof what, "%zu fields where '%.*s' has %zu", ld->nf,
                 (int)(ld->flen[0] > 20 ? 20 : ld->flen[0]), ld->f[0], n);
        return fail(ld, ld->line, "%s", what);
    }
    return WRES_OK;
}

/* a + b into *sum, unless it would pass 2^63 - 1 */
static int add_ok(int64_t a, int64_t b, int64_t *sum)
{
    if (a > INT64_MAX - b)
        return 0;
    *sum = a + b;
    return 1;
}

/* A period's counts must be what ingestion could have made. */
static int check_period(loader *ld, const wres__period *p, int64_t line)
{
    int64_t s = 0;
    int g, b, e, q, v, x;

    for (g = 0; g < WRES__SGROUPS; g++)
        for (b = 0; b < WRES__BANDS; b++)
            for (e = 0; e < WRES__ETH_CODES; e++) {
                if (p->disc[g][b][e] > p->head[g][b][e] ||
                    p->train[g][b][e] > p->head[g][b][e])
                    return fail(ld, line, "%s", "more disciplinary or training "
                                "entries than staff in a cell");
                if (!add_ok(s, p->head[g][b][e], &s))
                    return fail(ld, line, "%s", "staff counts above 2^63-1");
            }
    if (s != p->staff_nonbank)
        return fail(ld, line, "%s", "the staff cells do not add up to the "
                    "staff other than bank-only");
    for (e = 0; e < WRES__ETH_CODES; e++)
        if (!add_ok(s, p->bank[e], &s))
            return fail(ld, line, "%s", "staff counts above 2^63-1");
    if (s != p->staff_rows)
        return fail(ld, line, "%s", "the staff rows are not the staff plus "
                    "the bank-only staff");
    for (s = 0, e = 0; e < WRES__ETH_CODES; e++) {
        if (p->shortlisted[e] > p->applied[e] || p->appointed[e] > p->shortlisted[e])
            return fail(ld, line, "%s", "more shortlisted than applied, or "
                        "appointed than shortlisted");
        if (!add_ok(s, p->applied[e], &s))
            return fail(ld, line, "%s", "applicant counts above 2^63-1");
    }
    if (s != p->app_rows)
        return fail(ld, line, "%s", "the applicants do not add up to the "
                    "applicant rows");
    for (q = 0; q < WRES__SURVEY_QS; q++) {
        for (s = 0, e = 0; e < WRES__ETH_SLOTS; e++) {
            if (p->survey_yes[q][e] > p->survey_n[q][e])
                return fail(ld, line, "%s", "more yes answers than respondents");
            if (!add_ok(s, p->survey_n[q][e], &s))
                return fail(ld, line, "%s", "respondents above 2^63-1");
        }
        if (s != p->survey_total[q])
            return fail(ld, line, "%s", "the respondents do not add up to "
                        "the question's total");
        if (s && !p->survey_avail[q])
            return fail(ld, line, "%s", "respondents to a question marked "
                        "unanswered");
    }
    for (s = 0, v = 0; v < 2; v++)
        for (x = 0; x < 2; x++)
            for (e = 0; e < WRES__ETH_CODES; e++)
                if (!add_ok(s, p->board[v][x][e], &s))
                    return fail(ld, line, "%s", "board counts above 2^63-1");
    if (s != p->board_rows)
        return fail(ld, line, "%s", "the board members do not add up to the "
                    "board rows");
    return WRES_OK;
}

/* Merging p into the handle's period of the same (org, year) would pass
 * 2^63 - 1 somewhere. */
static int would_overflow(const wres__period *d, const wres__period *p)
{
    const int64_t *a, *b;
    size_t i, n;

#define FITS(field)                                                          \
    do {                                                                     \
        a = (const int64_t *)&d->field;                                      \
        b = (const int64_t *)&p->field;                                      \
        n = sizeof d->field / sizeof(int64_t);                               \
        for (i = 0; i < n; i++)                                              \
            if (a[i] > INT64_MAX - b[i])                                     \
                return 1;                                                    \
    } while (0)
    FITS(staff_rows);
    FITS(staff_nonbank);
    FITS(head);
    FITS(disc);
    FITS(train);
    FITS(bank);
    FITS(app_rows);
    FITS(applied);
    FITS(shortlisted);
    FITS(appointed);
    FITS(survey_rows);
    FITS(survey_total);
    FITS(survey_n);
    FITS(survey_yes);
    FITS(board_rows);
    FITS(board);
#undef FITS
    return 0;
}

/* ---- breakdown cells ---------------------------------------------------------- */

static int text_eq(const char *s, size_t len, const char *t)
{
    return t && strlen(t) == len && memcmp(s, t, len) == 0;
}

/* The handle's dimensions in the summary's (by name, as the handle
 * matches them); the first the summary lacks. */
static void map_dims(loader *ld)
{
    const wres_ctx *ctx = ld->ctx;
    int d, j;

    ld->missing = -1;
    if (!ctx->capture)
        return;
    for (d = 0; d < ctx->n_dims; d++) {
        ld->map[d] = -1;
        for (j = 0; j < ld->n_sdims; j++)
            if (wres__dim_name_eq(ld->sdim[j], strlen(ld->sdim[j]),
                                  wres__dim_name(ctx, d)))
                ld->map[d] = j;
        if (ld->map[d] < 0 && ld->missing < 0)
            ld->missing = d;
    }
}

/* 'dimensions =staff_group =band [=NAME]...' */
static int dims_line(loader *ld)
{
    size_t j, k;
    int rv;

    if (ld->line != 4 || ld->has_dims)
        FAIL("'dimensions' out of place (right after 'exact')");
    if (ld->nf < 3 || ld->nf > 1 + WRES__DIMS)
        FAIL("'dimensions' names staff_group, band and at most 6 more");
    for (j = 1; j < ld->nf; j++) {
        char *name;
        size_t len;
        if ((rv = get_str(ld, j, &name, &len)) != WRES_OK)
            return rv;
        ld->sdim[j - 1] = name;
        ld->n_sdims = (int)j;
        if ((j == 1 && strcmp(name, "staff_group") != 0) ||
            (j == 2 && strcmp(name, "band") != 0))
            FAIL("'dimensions' must start with staff_group and band");
        if (!len || len > 64 || !wres__utf8_valid(name, len))
            FAIL("a dimension name that is not UTF-8 of 1 to 64 bytes");
        for (k = 1; k < j; k++)
            if (wres__dim_name_eq(name, len, ld->sdim[k - 1]))
                FAIL("a dimension named twice");
        if (wres__dim_name_eq(name, len, "length_of_service")) {
            ld->s_svc = (int)j - 1;
            ld->svc_pending = 1;
        }
    }
    ld->has_dims = 1;
    map_dims(ld);
    return WRES_OK;
}

static void put_cuts(char *out, size_t size, const int *cut, int n)
{
    size_t used = 0;
    int i;

    out[0] = '\0';
    for (i = 0; i < n && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, i ? ",%d" : "%d", cut[i]);
}

/* 'service-bands CUT...': the summary's length_of_service bands; refused
 * when the handle keeps length_of_service by other bands. */
static int service_line(loader *ld)
{
    const wres_ctx *ctx = ld->ctx;
    size_t i;
    int rv, d;

    if (!ld->svc_pending)
        FAIL("'service-bands' out of place (after 'dimensions' with "
             "length_of_service)");
    if (ld->nf < 2 || ld->nf > 1 + WRES__SVC_CUTS)
        FAIL("'service-bands' has 1 to 16 cut points");
    for (i = 1; i < ld->nf; i++) {
        int v;
        if ((rv = get_int(ld, i, 1, 100, &v)) != WRES_OK)
            return rv;
        if (i > 1 && v <= ld->svc_cut[i - 2])
            FAIL("service bands out of order, or repeated");
        ld->svc_cut[i - 1] = v;
    }
    ld->n_svc_cut = (int)ld->nf - 1;
    ld->svc_pending = 0;
    for (d = 0; ctx->capture && d < ctx->n_dims; d++)
        if (wres__dim_is_service(ctx, d) && ld->map[d] >= 0 &&
            (ctx->n_svc_cut != ld->n_svc_cut ||
             memcmp(ctx->svc_cut, ld->svc_cut,
                    (size_t)ld->n_svc_cut * sizeof *ld->svc_cut) != 0)) {
            char mine[80], theirs[80], what[400];
            put_cuts(mine, sizeof mine, ctx->svc_cut, ctx->n_svc_cut);
            put_cuts(theirs, sizeof theirs, ld->svc_cut, ld->n_svc_cut);
            snprintf(what, sizeof what, "the summary's length_of_service bands "
                     "start at %s years, this handle's at %s: its counts cannot "
                     "be placed in this handle's bands (set the same service "
                     "bands to merge it)", theirs, mine);
            return fail(ld, ld->line, "%s", what);
        }
    return WRES_OK;
}

/* Value v of a kind's cell in the summary's dimension j: what ingestion
 * could have made.  Staff cells' staff group and band: *g, *b. */
static int cell_value(loader *ld, int kind, int j, const char *v, size_t len,
                      int *g, int *b)
{
    int special = text_eq(v, len, "(missing)") || text_eq(v, len, "(invalid)"), i;
    char label[32];

    if (!len || len > WRES__FIELD_MAX || !wres__utf8_valid(v, len))
        FAIL("a cell's value that is not UTF-8 of 1 to 1024 bytes");
    if (j == 0 || j == 1) {
        int *at = j == 0 ? g : b;
        *at = -1;
        for (i = 0; i < (j == 0 ? WRES__SGROUPS : WRES__BANDS); i++)
            if (text_eq(v, len, j == 0 ? wres__staff_group_name(i)
                                       : wres__band_name(i)))
                *at = i;
        if (*at < 0 && (kind == WRES_KIND_STAFF || !special))
            return fail(ld, ld->line, "a cell's %s that is not one",
                        j == 0 ? "staff group" : "band");
    } else if (j == ld->s_svc && !special) {
        for (i = 0; i <= ld->n_svc_cut; i++) {
            int n = wres__service_label(ld->svc_cut, ld->n_svc_cut, i, label,
                                        sizeof label);
            if ((size_t)n == len && memcmp(label, v, len) == 0)
                return WRES_OK;
        }
        FAIL("a cell's length_of_service that is not one of the service bands");
    }
    return WRES_OK;
}

/* 'cell KIND VALUE...': a combination of the dimensions' values, in
 * order; staged (in the handle's dimensions) when the handle keeps
 * breakdown counts. */
static int cell_line(loader *ld, wres__period *per, int kind)
{
    wres_ctx *ctx = ld->ctx;
    char *v[WRES__DIMS] = {NULL};
    size_t vlen[WRES__DIMS];
    int j, d, rv = WRES_OK, cmp = kind - ld->prev_kind, g = 0, b = 0;

    for (j = 0; j < ld->n_sdims; j++)
        if ((rv = get_str(ld, 2 + (size_t)j, &v[j], &vlen[j])) != WRES_OK ||
            (rv = cell_value(ld, kind, j, v[j], vlen[j], &g, &b)) != WRES_OK)
            goto out;
    for (j = 0; !cmp && j < ld->n_sdims; j++)
        cmp = strcmp(v[j], ld->prevk[j]);
    if (cmp <= 0) {
        rv = fail(ld, ld->line, "%s", "cells out of order, or repeated");
        goto out;
    }
    ld->cell = NULL;
    if (ctx->capture && ld->missing < 0) {
        uint32_t key[WRES__DIMS];
        wres__dtab *t = &per->detail[kind == WRES_KIND_APPLICANTS];
        memset(key, 0, sizeof key);
        for (d = 0; d < ctx->n_dims; d++) {
            long id = wres__dict_intern(&ctx->dict, v[ld->map[d]], vlen[ld->map[d]]);
            if (id < 0) {
                rv = WRES_E_NOMEM;
                goto out;
            }
            key[d] = (uint32_t)id;
        }
        if ((rv = wres__dtab_reserve(t, 1)) != WRES_OK)
            goto out;
        ld->cell = wres__dtab_put(t, key);
    }
    for (j = 0; j < ld->n_sdims; j++) {
        wres__free(ld->prevk[j]);
        ld->prevk[j] = v[j];
        v[j] = NULL;
    }
    ld->prev_kind = kind;
    ld->cell_g = g;
    ld->cell_b = b;
    ld->cell_counts = 0;
    ld->last_e = -1;
out:
    for (j = 0; j < ld->n_sdims; j++)
        wres__free(v[j]);
    return rv;
}

/* 'count CODE N1 N2 N3' of the current cell. */
static int count_line(loader *ld)
{
    int64_t c[3], *sum;
    int e, k, rv;

    if ((rv = want_fields(ld, 5)) != WRES_OK ||
        (rv = get_int(ld, 1, 0, WRES__ETH_CODES - 1, &e)) != WRES_OK ||
        (rv = get_count(ld, 2, &c[0])) != WRES_OK ||
        (rv = get_count(ld, 3, &c[1])) != WRES_OK ||
        (rv = get_count(ld, 4, &c[2])) != WRES_OK)
        return rv;
    if (e <= ld->last_e)
        FAIL("counts out of order, or repeated");
    if (!c[0])
        FAIL("a count line with no rows");
    if (c[1] > c[0] || c[2] > (ld->prev_kind == WRES_KIND_STAFF ? c[0] : c[1]))
        FAIL("more disciplinary or training entries than staff, or shortlisted "
             "than applied, or appointed than shortlisted, in a cell");
    sum = ld->chk[ld->prev_kind == WRES_KIND_STAFF
                      ? (ld->cell_g * WRES__BANDS + ld->cell_b) * WRES__ETH_CODES + e
                      : CHK_APP + e];
    for (k = 0; k < 3; k++)
        if (!add_ok(sum[k], c[k], &sum[k]))
            FAIL("cell counts above 2^63-1");
    /* no staged cell sums more than these sums: it cannot overflow */
    for (k = 0; ld->cell && k < 3; k++)
        ld->cell->c[k][e] += c[k];
    ld->last_e = e;
    ld->cell_counts++;
    return WRES_OK;
}

/* At the end of a period: its cells add up to its counts (every staff
 * row other than bank-only, and every applicant, is in one cell), and a
 * handle that keeps breakdown counts can place its rows. */
static int end_cells(loader *ld, const wres__period *p, int64_t line)
{
    const wres_ctx *ctx = ld->ctx;
    int g, b, e, j;

    if (ld->has_dims) {
        for (g = 0; g < WRES__SGROUPS; g++)
            for (b = 0; b < WRES__BANDS; b++)
                for (e = 0; e < WRES__ETH_CODES; e++) {
                    const int64_t *s = ld->chk[(g * WRES__BANDS + b) * WRES__ETH_CODES + e];
                    if (s[0] != p->head[g][b][e] || s[1] != p->disc[g][b][e] ||
                        s[2] != p->train[g][b][e])
                        return fail(ld, line, "%s", "the staff cells do not add up "
                                    "to the staff counts");
                }
        for (e = 0; e < WRES__ETH_CODES; e++) {
            const int64_t *s = ld->chk[CHK_APP + e];
            if (s[0] != p->applied[e] || s[1] != p->shortlisted[e] ||
                s[2] != p->appointed[e])
                return fail(ld, line, "%s", "the applicant cells do not add up "
                            "to the applicant counts");
        }
        memset(ld->chk, 0, (CHK_APP + WRES__ETH_CODES) * sizeof *ld->chk);
    }
    if (ld->missing >= 0 && (p->staff_nonbank || p->app_rows)) {
        char what[400], dims[200];
        size_t used = 0;
        if (ld->has_dims) {
            snprintf(what, sizeof what, "the summary has no breakdown counts by "
                     "'%s', which this handle keeps: the staff and applicants of "
                     "organisation '%.40s' year %d cannot be placed in its "
                     "breakdowns", wres__dim_name(ctx, ld->missing), p->org, p->year);
        } else {
            dims[0] = '\0';
            for (j = 0; j < ctx->n_dims && used < sizeof dims; j++)
                used += (size_t)snprintf(dims + used, sizeof dims - used, "%s%s",
                                         j ? ", " : "", wres__dim_name(ctx, j));
            snprintf(what, sizeof what, "the summary has no breakdown counts (its "
                     "handle named no breakdown), which this handle keeps (by %s): "
                     "the staff and applicants of organisation '%.40s' year %d "
                     "cannot be placed in its breakdowns", dims, p->org, p->year);
        }
        return fail(ld, line, "%s", what);
    }
    ld->prev_kind = 0;
    ld->cell = NULL;
    return WRES_OK;
}

static void free_loader_cells(loader *ld)
{
    int j;

    for (j = 0; j < WRES__DIMS; j++) {
        wres__free(ld->sdim[j]);
        wres__free(ld->prevk[j]);
    }
    wres__free(ld->chk);
}

static void free_sources(wres__source *s, size_t n)
{
    size_t i, j;

    for (i = 0; i < n; i++) {
        wres__free(s[i].path);
        for (j = 0; j < s[i].n_ignored; j++)
            wres__free(s[i].ignored[j]);
        wres__free(s[i].ignored);
        wres__source_dimcol_clear(&s[i]);
        wres__free(s[i].dimcol);
    }
    wres__free(s);
}

enum { PH_SOURCES, PH_STAFF, PH_HEAD, PH_BANK, PH_APPLICANTS, PH_APP,
       PH_SURVEY, PH_QUESTION, PH_BOARD, PH_MEMBER, PH_CELL, PH_END };

/* Parse the body [p, end) (after the first two lines) into ld's stage. */
static int parse_body(loader *ld, const char *p, const char *end)
{
    wres__period *per = NULL;
    wres__source *src = NULL;
    int phase = PH_SOURCES, rv, last = -1, q = -1, lastr = 0;
    int64_t per_line = 0;
    char *s = NULL;
    size_t slen;

    ld->line = 3;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) {
            ld->line++;
            FAIL("the last line has no newline");
        }
        if ((rv = split(ld, p, eol)) != WRES_OK)
            return rv;
        p = eol + 1;
        if (phase == PH_END)
            FAIL("text after 'end'");
        if (ld->svc_pending && !is_kw(ld, "service-bands"))
            FAIL("no 'service-bands' line after 'dimensions' with "
                 "length_of_service");
        if (ld->line == 3) {
            if (is_kw(ld, "publication-safe"))
                FAIL("a publication-safe summary (counts rounded and "
                     "suppressed) is not exact and cannot be merged");
            if (!is_kw(ld, "exact") || ld->nf != 1)
                FAIL("the body must start with 'exact'");
            ld->line++;
            continue;
        }
        if (is_kw(ld, "dimensions")) {
            if ((rv = dims_line(ld)) != WRES_OK)
                return rv;
        } else if (is_kw(ld, "service-bands")) {
            if ((rv = service_line(ld)) != WRES_OK)
                return rv;
        } else if (is_kw(ld, "cell")) {
            int kind;
            if (phase != PH_MEMBER && phase != PH_CELL)
                FAIL("'cell' out of place (after the board)");
            if (!ld->has_dims)
                FAIL("a cell, but no 'dimensions' line");
            if (phase == PH_CELL && !ld->cell_counts)
                FAIL("a cell with no 'count' line");
            if ((rv = want_fields(ld, 2 + (size_t)ld->n_sdims)) != WRES_OK ||
                (rv = get_int(ld, 1, WRES_KIND_STAFF, WRES_KIND_APPLICANTS, &kind)) != WRES_OK ||
                (rv = cell_line(ld, per, kind)) != WRES_OK)
                return rv;
            phase = PH_CELL;
        } else if (is_kw(ld, "count")) {
            if (phase != PH_CELL)
                FAIL("'count' out of place (after a cell)");
            if ((rv = count_line(ld)) != WRES_OK)
                return rv;
        } else if (is_kw(ld, "source")) {
            int kind, err;
            int64_t rr, ra, rj;
            void *arr = ld->src;
            if (phase != PH_SOURCES)
                FAIL("a source after the periods");
            if ((rv = want_fields(ld, 7)) != WRES_OK ||
                (rv = get_int(ld, 1, 1, 5, &kind)) != WRES_OK ||
                (rv = get_int(ld, 2, 0, WRES_REASON_NO_YEAR, &err)) != WRES_OK ||
                (rv = get_count(ld, 3, &rr)) != WRES_OK ||
                (rv = get_count(ld, 4, &ra)) != WRES_OK ||
                (rv = get_count(ld, 5, &rj)) != WRES_OK)
                return rv;
            if (rr - ra != rj || ra > rr)
                FAIL("rows read are not rows accepted plus rows rejected");
            if ((rv = get_str(ld, 6, &s, &slen)) != WRES_OK)
                return rv;
            if (wres__grow(&arr, &ld->src_cap, ld->n_src + 1, sizeof *ld->src) != WRES_OK) {
                wres__free(s);
                return WRES_E_NOMEM;
            }
            ld->src = arr;
            src = &ld->src[ld->n_src++];
            memset(src, 0, sizeof *src);
            src->path = s;
            s = NULL;
            src->kind = kind;
            src->error = err;
            src->rows_read = rr;
            src->rows_accepted = ra;
            src->rows_rejected = rj;
            lastr = 0;
        } else if (is_kw(ld, "reason")) {
            int r;
            int64_t n, sum = 0;
            if (phase != PH_SOURCES || !src || src->n_ignored || src->n_dimcol)
                FAIL("'reason' outside a source, or after its columns");
            if ((rv = want_fields(ld, 3)) != WRES_OK ||
                (rv = get_int(ld, 1, 1, WRES_REASON_NO_YEAR, &r)) != WRES_OK ||
                (rv = get_count(ld, 2, &n)) != WRES_OK)
                return rv;
            if (r <= lastr)
                FAIL("reasons out of order or repeated");
            if (n == 0)
                FAIL("a reason with no rows");
            src->by_reason[r] = n;
            lastr = r;
            for (r = 1; r <= WRES_REASON_NO_YEAR; r++)
                if (!add_ok(sum, src->by_reason[r], &sum) || sum > src->rows_rejected)
                    FAIL("more rows rejected by reason than rows rejected");
        } else if (is_kw(ld, "ignored") || is_kw(ld, "column")) {
            void *arr;
            if (phase != PH_SOURCES || !src)
                FAIL("'ignored' or 'column' outside a source");
            if ((rv = want_fields(ld, 2)) != WRES_OK ||
                (rv = get_str(ld, 1, &s, &slen)) != WRES_OK)
                return rv;
            /* listed as this handle would list it: ignored, unless it
             * is one of this handle's breakdown dimensions */
            if (wres__dim_column(ld->ctx, src->kind, s, slen) >= 0) {
                rv = wres__source_dimcol(src, s, slen);
                wres__free(s);
                s = NULL;
                if (rv != WRES_OK)
                    return rv;
                ld->line++;
                continue;
            }
            arr = src->ignored;
            if (wres__grow(&arr, &src->ignored_cap, src->n_ignored + 1,
                           sizeof *src->ignored) != WRES_OK) {
                wres__free(s);
                return WRES_E_NOMEM;
            }
            src->ignored = arr;
            src->ignored[src->n_ignored++] = s;
            s = NULL;
        } else if (is_kw(ld, "period") || is_kw(ld, "end")) {
            /* the previous period, and the last source, are complete */
            if (phase == PH_CELL && !ld->cell_counts)
                FAIL("a cell with no 'count' line");
            if (per && (rv = check_period(ld, per, per_line)) != WRES_OK)
                return rv;
            if (phase != PH_SOURCES && phase != PH_MEMBER && phase != PH_CELL)
                FAIL("a period cut short");
            if (per && (rv = end_cells(ld, per, per_line)) != WRES_OK)
                return rv;
            if (phase == PH_SOURCES) {
                size_t i;
                for (i = 0; i < ld->n_src; i++) {
                    int64_t sum = 0;
                    int r;
                    for (r = 1; r <= WRES_REASON_NO_YEAR; r++)
                        sum += ld->src[i].by_reason[r];
                    if (sum != ld->src[i].rows_rejected)
                        FAIL("a source's reasons do not add up to its rows rejected");
                }
            }
            if (is_kw(ld, "end")) {
                if ((rv = want_fields(ld, 1)) != WRES_OK)
                    return rv;
                phase = PH_END;
            } else {
                int year, oom;
                if ((rv = want_fields(ld, 3)) != WRES_OK ||
                    (rv = get_int(ld, 1, 1900, 2100, &year)) != WRES_OK ||
                    (rv = get_str(ld, 2, &s, &slen)) != WRES_OK)
                    return rv;
                if (slen > WRES__FIELD_MAX || !wres__utf8_valid(s, slen)) {
                    wres__free(s);
                    s = NULL;
                    FAIL("an organisation code that is not UTF-8 of at most 1024 bytes");
                }
                if (per && (strcmp(per->org, s) > 0 ||
                            (strcmp(per->org, s) == 0 && per->year >= year))) {
                    wres__free(s);
                    s = NULL;
                    FAIL("periods out of order, or repeated");
                }
                per = wres__store_period(&ld->stage, s, slen, year, 1, &oom);
                wres__free(s);
                s = NULL;
                if (!per)
                    return WRES_E_NOMEM;
                per_line = ld->line;
                phase = PH_STAFF;
            }
        } else if (is_kw(ld, "staff")) {
            if (phase != PH_STAFF)
                FAIL("'staff' out of place");
            if ((rv = want_fields(ld, 5)) != WRES_OK ||
                (rv = get_count(ld, 1, &per->staff_rows)) != WRES_OK ||
                (rv = get_count(ld, 2, &per->staff_nonbank)) != WRES_OK ||
                (rv = get_int(ld, 3, 0, 1, &per->disc_info)) != WRES_OK ||
                (rv = get_int(ld, 4, 0, 1, &per->train_info)) != WRES_OK)
                return rv;
            phase = PH_HEAD;
            last = -1;
        } else if (is_kw(ld, "head")) {
            int g, b, e, key;
            if (phase != PH_HEAD)
                FAIL("'head' out of place");
            if ((rv = want_fields(ld, 7)) != WRES_OK ||
                (rv = get_int(ld, 1, 0, WRES__SGROUPS - 1, &g)) != WRES_OK ||
                (rv = get_int(ld, 2, 0, WRES__BANDS - 1, &b)) != WRES_OK ||
                (rv = get_int(ld, 3, 0, WRES__ETH_CODES - 1, &e)) != WRES_OK)
                return rv;
            key = (g * WRES__BANDS + b) * WRES__ETH_CODES + e;
            if (key <= last)
                FAIL("cells out of order, or repeated");
            last = key;
            if ((rv = get_count(ld, 4, &per->head[g][b][e])) != WRES_OK ||
                (rv = get_count(ld, 5, &per->disc[g][b][e])) != WRES_OK ||
                (rv = get_count(ld, 6, &per->train[g][b][e])) != WRES_OK)
                return rv;
        } else if (is_kw(ld, "bank")) {
            int e;
            if (phase != PH_HEAD && phase != PH_BANK)
                FAIL("'bank' out of place");
            if (phase == PH_HEAD)
                last = -1;
            phase = PH_BANK;
            if ((rv = want_fields(ld, 3)) != WRES_OK ||
                (rv = get_int(ld, 1, 0, WRES__ETH_CODES - 1, &e)) != WRES_OK)
                return rv;
            if (e <= last)
                FAIL("cells out of order, or repeated");
            last = e;
            if ((rv = get_count(ld, 2, &per->bank[e])) != WRES_OK)
                return rv;
        } else if (is_kw(ld, "applicants")) {
            if (phase != PH_HEAD && phase != PH_BANK)
                FAIL("'applicants' out of place");
            if ((rv = want_fields(ld, 2)) != WRES_OK ||
                (rv = get_count(ld, 1, &per->app_rows)) != WRES_OK)
                return rv;
            phase = PH_APP;
            last = -1;
        } else if (is_kw(ld, "app")) {
            int e;
            if (phase != PH_APP)
                FAIL("'app' out of place");
            if ((rv = want_fields(ld, 5)) != WRES_OK ||
                (rv = get_int(ld, 1, 0, WRES__ETH_CODES - 1, &e)) != WRES_OK)
                return rv;
            if (e <= last)
                FAIL("cells out of order, or repeated");
            last = e;
            if ((rv = get_count(ld, 2, &per->applied[e])) != WRES_OK ||
                (rv = get_count(ld, 3, &per->shortlisted[e])) != WRES_OK ||
                (rv = get_count(ld, 4, &per->appointed[e])) != WRES_OK)
                return rv;
        } else if (is_kw(ld, "survey")) {
            if (phase != PH_APP)
                FAIL("'survey' out of place");
            if ((rv = want_fields(ld, 2)) != WRES_OK ||
                (rv = get_count(ld, 1, &per->survey_rows)) != WRES_OK)
                return rv;
            phase = PH_SURVEY;
            q = -1;
        } else if (is_kw(ld, "question")) {
            int qq;
            if (phase != PH_SURVEY && phase != PH_QUESTION)
                FAIL("'question' out of place");
            if ((rv = want_fields(ld, 4)) != WRES_OK ||
                (rv = get_int(ld, 1, 0, WRES__SURVEY_QS - 1, &qq)) != WRES_OK)
                return rv;
            if (qq != q + 1)
                FAIL("questions out of order, or repeated");
            q = qq;
            if ((rv = get_int(ld, 2, 0, 1, &per->survey_avail[q])) != WRES_OK ||
                (rv = get_count(ld, 3, &per->survey_total[q])) != WRES_OK)
                return rv;
            phase = PH_QUESTION;
            last = -1;
        } else if (is_kw(ld, "answers")) {
            int e;
            if (phase != PH_QUESTION)
                FAIL("'answers' out of place");
            if ((rv = want_fields(ld, 4)) != WRES_OK ||
                (rv = get_int(ld, 1, 0, WRES__ETH_SLOTS - 1, &e)) != WRES_OK)
                return rv;
            if (e <= last)
                FAIL("cells out of order, or repeated");
            last = e;
            if ((rv = get_count(ld, 2, &per->survey_n[q][e])) != WRES_OK ||
                (rv = get_count(ld, 3, &per->survey_yes[q][e])) != WRES_OK)
                return rv;
        } else if (is_kw(ld, "board")) {
            if (phase != PH_QUESTION || q != WRES__SURVEY_QS - 1)
                FAIL("'board' out of place (after the four questions)");
            if ((rv = want_fields(ld, 2)) != WRES_OK ||
                (rv = get_count(ld, 1, &per->board_rows)) != WRES_OK)
                return rv;
            phase = PH_MEMBER;
            last = -1;
        } else if (is_kw(ld, "member")) {
            int v, x, e, key;
            if (phase != PH_MEMBER)
                FAIL("'member' out of place");
            if ((rv = want_fields(ld, 5)) != WRES_OK ||
                (rv = get_int(ld, 1, 0, 1, &v)) != WRES_OK ||
                (rv = get_int(ld, 2, 0, 1, &x)) != WRES_OK ||
                (rv = get_int(ld, 3, 0, WRES__ETH_CODES - 1, &e)) != WRES_OK)
                return rv;
            key = (v * 2 + x) * WRES__ETH_CODES + e;
            if (key <= last)
                FAIL("cells out of order, or repeated");
            last = key;
            if ((rv = get_count(ld, 4, &per->board[v][x][e])) != WRES_OK)
                return rv;
        } else {
            char kw[40];
            snprintf(kw, sizeof kw, "%.*s", (int)(ld->flen[0] > 30 ? 30 : ld->flen[0]),
                     ld->f[0]);
            {
                size_t i;
                for (i = 0; kw[i]; i++)
                    if ((unsigned char)kw[i] < 0x20 || (unsigned char)kw[i] > 0x7e)
                        kw[i] = '?';
            }
            return fail(ld, ld->line, "unknown line '%s'", kw);
        }
        ld->line++;
    }
    if (phase != PH_END)
        FAIL("no 'end' line: the summary is cut short");
    return WRES_OK;
}

/* The first two lines: version and checksum; *body is where the body
 * starts.  Returns WRES_OK or WRES_E_FORMAT. */
static int parse_head(loader *ld, const char *buf, size_t len, const char **body)
{
    const char *e = memchr(buf, '\n', len), *p, *e2;
    unsigned long long want_len = 0, h = 0;
    uint64_t got;
    int version = 0;

    static const char magic[] = "wres-summary ";
    if (!e || (size_t)(e - buf) < sizeof magic - 1 ||
        memcmp(buf, magic, sizeof magic - 1) != 0)
        return fail(ld, 1, "%s", "not a wres summary (the first line must be "
                    "'wres-summary VERSION')");
    for (p = buf + sizeof magic - 1; p < e; p++) {
        if (*p < '0' || *p > '9' || version > 100000)
            return fail(ld, 1, "%s", "not a wres summary (the first line must be "
                        "'wres-summary VERSION')");
        version = version * 10 + (*p - '0');
    }
    if (p == buf + sizeof magic - 1 || version < 1)
        return fail(ld, 1, "%s", "not a wres summary (no version)");
    if (version > SUMMARY_VERSION) {
        char what[120];
        snprintf(what, sizeof what, "summary format version %d is newer than "
                 "this libwres reads (%d): use a newer libwres", version,
                 SUMMARY_VERSION);
        return fail(ld, 1, "%s", what);
    }
    p = e + 1;
    e2 = memchr(p, '\n', len - (size_t)(p - buf));
    if (!e2)
        return fail(ld, 2, "%s", "the summary is truncated (no checksum line)");
    {
        /* "checksum fnv1a64 " 16 lower-case hex digits, " ", the length */
        static const char pre[] = "checksum fnv1a64 ";
        size_t n = (size_t)(e2 - p), k;
        int bad = n < sizeof pre - 1 + 18 || memcmp(p, pre, sizeof pre - 1) != 0;
        for (k = sizeof pre - 1; !bad && k < sizeof pre - 1 + 16; k++) {
            int d = p[k] >= '0' && p[k] <= '9' ? p[k] - '0'
                    : p[k] >= 'a' && p[k] <= 'f' ? p[k] - 'a' + 10 : -1;
            bad = d < 0;
            h = h * 16 + (unsigned)(d < 0 ? 0 : d);
        }
        bad = bad || p[k] != ' ' || (p[k + 1] == '0' && n > k + 2);
        for (k++; !bad && k < n; k++) {
            bad = p[k] < '0' || p[k] > '9' || want_len > 0xffffffffffffull;
            want_len = want_len * 10 + (unsigned)(p[k] - '0');
        }
        if (bad)
            return fail(ld, 2, "%s", "a bad checksum line (want 'checksum "
                        "fnv1a64 HEX16 LENGTH')");
    }
    p = e2 + 1;
    if ((size_t)(buf + len - p) < want_len) {
        char what[120];
        snprintf(what, sizeof what, "the summary is truncated: its body has "
                 "%zu bytes of %llu", (size_t)(buf + len - p), want_len);
        return fail(ld, 2, "%s", what);
    }
    if ((size_t)(buf + len - p) > want_len) {
        char what[120];
        snprintf(what, sizeof what, "%zu bytes after the end of the summary's "
                 "body", (size_t)(buf + len - p) - (size_t)want_len);
        return fail(ld, 2, "%s", what);
    }
    got = fnv1a64(p, (size_t)want_len);
    if (got != (uint64_t)h)
        return fail(ld, 2, "%s", "checksum mismatch: the summary is corrupt "
                    "(or was edited)");
    *body = p;
    return WRES_OK;
}

int wres_summary_load_buffer(wres_ctx *ctx, const char *name, const char *buf,
                             size_t len)
{
    loader ld;
    const char *body = NULL;
    size_t i;
    int rv;
    void *arr;

    if (!ctx)
        return WRES_E_INVALID;
    if (!buf && len) {
        wres__set_error(ctx, "invalid buffer");
        return WRES_E_INVALID;
    }
    memset(&ld, 0, sizeof ld);
    ld.ctx = ctx;
    ld.name = name ? name : "(buffer)";
    ld.s_svc = -1;
    map_dims(&ld);
    rv = parse_head(&ld, buf ? buf : "", len, &body);
    if (rv == WRES_OK &&
        !(ld.chk = wres__calloc(CHK_APP + WRES__ETH_CODES, sizeof *ld.chk)))
        rv = WRES_E_NOMEM;
    if (rv == WRES_OK)
        rv = parse_body(&ld, body, buf + len);
    /* nothing may overflow once merged */
    for (i = 0; rv == WRES_OK && i < ld.stage.n; i++) {
        const wres__period *sp = ld.stage.periods[i];
        const wres__period *dp = wres__store_period(&ctx->store, sp->org,
                                                    sp->org_len, sp->year, 0, NULL);
        if (dp && would_overflow(dp, sp)) {
            wres__set_error(ctx, "%s: merging organisation '%s' year %d would "
                            "make a count above 2^63-1; nothing was merged",
                            ld.name, sp->org, sp->year);
            rv = WRES_E_RANGE;
        }
    }
    if (rv == WRES_OK) {
        arr = ctx->sources;
        if (wres__grow(&arr, &ctx->sources_cap, ctx->n_sources + ld.n_src,
                       sizeof *ctx->sources) != WRES_OK)
            rv = WRES_E_NOMEM;
        else
            ctx->sources = arr;
    }
    if (rv == WRES_OK)
        rv = wres__store_reserve(&ctx->store, &ld.stage);
    if (rv == WRES_OK) {
        /* from here nothing can fail */
        wres__store_merge(&ctx->store, &ld.stage);
        if (ld.n_src)
            memcpy(ctx->sources + ctx->n_sources, ld.src, ld.n_src * sizeof *ld.src);
        ctx->n_sources += ld.n_src;
        wres__free(ld.src);
        ld.src = NULL;
        ld.n_src = 0;
    } else if (rv == WRES_E_NOMEM) {
        wres__set_error(ctx, "out of memory while reading the summary %s; "
                        "nothing of it was merged", ld.name);
    }
    free_sources(ld.src, ld.n_src);
    free_loader_cells(&ld);
    wres__store_free(&ld.stage);
    return rv;
}

int wres_summary_load(wres_ctx *ctx, const char *path)
{
    FILE *f;
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    int rv, err;

    if (!ctx)
        return WRES_E_INVALID;
    if (!path) {
        wres__set_error(ctx, "no path for the summary");
        return WRES_E_INVALID;
    }
    f = fopen(path, "rb");
    if (!f) {
        err = errno;
        wres__set_error(ctx, "%s: cannot be read (%s)", path,
                        err == ENOENT ? "no such file or directory"
                        : err == EACCES ? "permission denied" : "cannot open");
        return WRES_E_IO;
    }
    for (;;) {
        if (len + 65536 > cap) {
            void *p = buf;
            if (wres__grow(&p, &cap, len + 65536, 1) != WRES_OK) {
                fclose(f);
                wres__free(buf);
                wres__set_error(ctx, "out of memory while reading the summary %s",
                                path);
                return WRES_E_NOMEM;
            }
            buf = p;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    err = ferror(f);
    fclose(f);
    if (err) {
        wres__free(buf);
        wres__set_error(ctx, "%s: cannot be read (read error)", path);
        return WRES_E_IO;
    }
    rv = wres_summary_load_buffer(ctx, path, buf, len);
    wres__free(buf);
    return rv;
}
