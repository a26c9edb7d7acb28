/*
 * ingest.c - CSV ingestion: reads a file (or takes a caller's buffer),
 * maps the header to the columns of the record kind, applies the
 * file-level checks and the row-level checks (quotes, UTF-8, field count,
 * field length) in the order of DATA.md, and hands each row's fields to
 * the record decoder.  Every row read ends accepted or rejected.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "wres_private.h"

static int fail_file(wres_ctx *ctx, size_t src, int reason, const char *msg,
                     const char *detail, size_t detail_len)
{
    wres__source *s = &ctx->sources[src];
    wres__buf b = {0};
    size_t i;

    /* a failed file ingests nothing: no counts, no ignored columns */
    for (i = 0; i < s->n_ignored; i++)
        wres__free(s->ignored[i]);
    s->n_ignored = 0;
    s->error = reason;
    wres__buf_puts(&b, msg);
    if (detail) {
        wres__buf_puts(&b, " '");
        wres__buf_add_shown(&b, detail, detail_len, 60);
        wres__buf_puts(&b, "'");
    }
    snprintf(ctx->errmsg, sizeof ctx->errmsg, "%s: error: %s: %s", s->path,
             wres_reason_name(reason), b.oom ? msg : b.p);
    wres__errmsg_fix(ctx);
    wres__buf_free(&b);
    return reason == WRES_REASON_UNREADABLE ? WRES_E_IO : WRES_E_FORMAT;
}

/* Our own words for the usual causes: strerror() is not thread-safe. */
static const char *io_message(int err)
{
    switch (err) {
    case ENOENT: return "no such file or directory";
    case EACCES: return "permission denied";
    case EISDIR: return "is a directory";
    case ENOTDIR: return "a component of the path is not a directory";
    case ENAMETOOLONG: return "file name too long";
    case ELOOP: return "too many levels of symbolic links";
    case EMFILE: case ENFILE: return "too many open files";
    default: return "the file could not be read";
    }
}

/* Files are read in blocks of this size: memory does not grow with them. */
#define BLOCK (1u << 20)

typedef struct ingest {
    wres_ctx *ctx;
    int kind;
    size_t src;
    wres__csv csv;
    int have_header;
    int result;             /* WRES_OK, or how the file ended */
    size_t ncols;
    int *colmap;            /* header column -> canonical column, or -1 */
    char **hdr;             /* header texts, for over-long ignored fields */
    size_t *hdr_len;
    wres__fields f;
    wres__store stage;      /* this file's rows, until all of it is read */
    size_t n_rejections;    /* the handle's rejections before this file */
} ingest;

/* Length of s[0..n) without a multi-byte sequence cut at its end. */
static size_t utf8_cut(const char *s, size_t n)
{
    size_t i = n, k = 0;

    while (i > 0 && k < 3 && ((unsigned char)s[i - 1] & 0xc0) == 0x80) {
        i--;
        k++;
    }
    if (i > 0 && (unsigned char)s[i - 1] >= 0xc0) {
        unsigned char lead = (unsigned char)s[i - 1];
        size_t need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
        if (k < need)
            return i - 1;
    }
    return n;
}

static int header(ingest *in, const wres__csv_row *row)
{
    wres_ctx *ctx = in->ctx;
    int found[WRES__COLS];
    size_t i;
    int rv;

    in->have_header = 1;
    if (row->unterminated)
        return fail_file(ctx, in->src, WRES_REASON_UNTERMINATED_QUOTE,
                         "unterminated quote in the header", NULL, 0);
    if (row->bad_quote)
        return fail_file(ctx, in->src, WRES_REASON_BAD_QUOTE,
                         "text after a closing quote in the header", NULL, 0);
    if (row->bad_utf8)
        return fail_file(ctx, in->src, WRES_REASON_INVALID_UTF8,
                         "invalid UTF-8 in the header", NULL, 0);

    in->ncols = row->nfields;
    in->colmap = wres__calloc(in->ncols, sizeof *in->colmap);
    in->hdr = wres__calloc(in->ncols, sizeof *in->hdr);
    in->hdr_len = wres__calloc(in->ncols, sizeof *in->hdr_len);
    if (!in->colmap || !in->hdr || !in->hdr_len)
        return WRES_E_NOMEM;
    for (i = 0; i < WRES__COLS; i++)
        found[i] = 0;
    for (i = 0; i < in->ncols; i++) {
        /* a name longer than any column's is kept cut, on a character */
        size_t n = row->len[i] > WRES__FIELD_MAX
                       ? utf8_cut(row->field[i], WRES__FIELD_MAX) : row->len[i];
        int c = row->len[i] > WRES__FIELD_MAX
                    ? -1 : wres__column_lookup(in->kind, row->field[i], n);
        in->colmap[i] = c;
        in->hdr_len[i] = n;
        in->hdr[i] = wres__strndup(row->field[i], n);
        if (!in->hdr[i])
            return WRES_E_NOMEM;
        if (c >= 0) {
            if (found[c])
                return fail_file(ctx, in->src, WRES_REASON_DUPLICATE_COLUMN,
                                 "column named twice:", row->field[i], n);
            found[c] = 1;
        }
    }
    for (i = 0; i < WRES__COLS; i++)
        if (!found[i] && wres__column_required(in->kind, (int)i)) {
            const char *name = wres__column_name(in->kind, (int)i);
            return fail_file(ctx, in->src, WRES_REASON_MISSING_COLUMN,
                             "required column absent:", name, strlen(name));
        }
    if (!found[WRES__COL_YEAR] && !ctx->default_year)
        return fail_file(ctx, in->src, WRES_REASON_NO_YEAR,
                         "no year column and no default year", NULL, 0);
    for (i = 0; i < in->ncols; i++)
        if (in->colmap[i] < 0 &&
            (rv = wres__source_ignore(ctx, in->src, in->hdr[i], in->hdr_len[i])) != WRES_OK)
            return rv;
    memset(&in->f, 0, sizeof in->f);
    for (i = 0; i < WRES__COLS; i++)
        in->f.present[i] = (unsigned char)found[i];
    /* from now on a row keeps only as many fields as the header has */
    in->csv.max_fields = in->ncols;
    return WRES_OK;
}

static int data_row(ingest *in, const wres__csv_row *row)
{
    int reason = 0;
    const char *col = "-";
    size_t col_len = 1, i;

    if (row->unterminated)
        reason = WRES_REASON_UNTERMINATED_QUOTE;
    else if (row->bad_quote)
        reason = WRES_REASON_BAD_QUOTE;
    else if (row->bad_utf8)
        reason = WRES_REASON_INVALID_UTF8;
    else if (row->nfields != in->ncols)
        reason = WRES_REASON_FIELD_COUNT;
    else
        for (i = 0; i < in->ncols; i++)
            if (row->len[i] > WRES__FIELD_MAX) {
                reason = WRES_REASON_FIELD_TOO_LONG;
                if (in->colmap[i] >= 0) {
                    col = wres__column_name(in->kind, in->colmap[i]);
                    col_len = strlen(col);
                } else {
                    col = in->hdr[i];
                    col_len = in->hdr_len[i];
                }
                break;
            }
    if (reason) {
        char msg[96];
        switch (reason) {
        case WRES_REASON_UNTERMINATED_QUOTE:
            snprintf(msg, sizeof msg, "a quote opened in this row is never closed");
            break;
        case WRES_REASON_BAD_QUOTE:
            snprintf(msg, sizeof msg, "text after a closing quote");
            break;
        case WRES_REASON_INVALID_UTF8:
            snprintf(msg, sizeof msg, "invalid UTF-8 (or a NUL byte)");
            break;
        case WRES_REASON_FIELD_COUNT:
            snprintf(msg, sizeof msg, "%zu fields where the header has %zu",
                     row->nfields, in->ncols);
            break;
        default:
            snprintf(msg, sizeof msg, "a value longer than %d bytes",
                     WRES__FIELD_MAX);
            break;
        }
        return wres__reject(in->ctx, in->src, row->line, col, col_len, reason, msg);
    }
    for (i = 0; i < in->ncols; i++)
        if (in->colmap[i] >= 0) {
            in->f.v[in->colmap[i]] = row->field[i];
            in->f.len[in->colmap[i]] = row->len[i];
        }
    i = (size_t)wres__decode_row(in->ctx, in->kind, in->src, row->line, &in->f);
    return (int)i == WRES_E_NOMEM ? WRES_E_NOMEM : WRES_OK;
}

static int on_row(void *ud, const wres__csv_row *row)
{
    ingest *in = ud;

    return in->have_header ? data_row(in, row) : header(in, row);
}

static void ingest_begin(ingest *in, wres_ctx *ctx, int kind, size_t src)
{
    memset(in, 0, sizeof *in);
    in->ctx = ctx;
    in->kind = kind;
    in->src = src;
    in->n_rejections = ctx->n_rejections;
    ctx->stage = &in->stage;
    wres__csv_init(&in->csv, on_row, in);
}

/* Undo what this file did to the handle: its rejections and counts go,
 * and on NOMEM (drop set) the source itself, which is the last one. */
static void rollback(ingest *in, int drop)
{
    wres_ctx *ctx = in->ctx;
    wres__source *s = &ctx->sources[in->src];
    size_t i;

    for (i = in->n_rejections; i < ctx->n_rejections; i++) {
        wres__free(ctx->rejections[i].column);
        wres__free(ctx->rejections[i].message);
    }
    ctx->n_rejections = in->n_rejections;
    s->rows_read = s->rows_accepted = s->rows_rejected = 0;
    memset(s->by_reason, 0, sizeof s->by_reason);
    for (i = 0; i < s->n_ignored; i++)
        wres__free(s->ignored[i]);
    s->n_ignored = 0;
    if (drop) {
        wres__free(s->path);
        wres__free(s->ignored);
        ctx->n_sources--;
    }
}

/* After the last block (or a failure): all of the file goes into the
 * handle, or none of it.  read_err is set when reading failed midway. */
static int ingest_end(ingest *in, int rv, int read_err)
{
    wres_ctx *ctx = in->ctx;
    size_t i;

    if (rv == WRES_OK && !read_err)
        rv = wres__csv_finish(&in->csv);
    if (rv == WRES_OK && !read_err && !in->have_header)
        rv = fail_file(ctx, in->src, WRES_REASON_NO_HEADER,
                       "no header line (the file is empty or blank)", NULL, 0);
    if (rv == WRES_OK && !read_err &&
        (rv = wres__store_reserve(&ctx->store, &in->stage)) == WRES_OK)
        wres__store_merge(&ctx->store, &in->stage);
    ctx->stage = NULL;
    wres__store_free(&in->stage);
    if (rv == WRES_E_NOMEM) {
        char path[256];
        snprintf(path, sizeof path, "%s", ctx->sources[in->src].path);
        rollback(in, 1);
        wres__set_error(ctx, "out of memory while reading %s; nothing of it "
                        "was ingested", path);
    } else if (rv != WRES_OK || read_err) {
        rollback(in, 0);
        if (read_err)
            rv = fail_file(ctx, in->src, WRES_REASON_UNREADABLE,
                           io_message(read_err), NULL, 0);
    }
    if (in->hdr)
        for (i = 0; i < in->ncols; i++)
            wres__free(in->hdr[i]);
    wres__free(in->hdr);
    wres__free(in->hdr_len);
    wres__free(in->colmap);
    wres__csv_free(&in->csv);
    return rv;
}

int wres_ingest_buffer(wres_ctx *ctx, int kind, const char *name,
                       const char *buf, size_t len)
{
    ingest in;
    size_t src;

    if (!ctx)
        return WRES_E_INVALID;
    if (!wres__kind_valid(kind) || (!buf && len)) {
        wres__set_error(ctx, "invalid kind or buffer");
        return WRES_E_INVALID;
    }
    src = wres__source_add(ctx, kind, name ? name : "(buffer)", 0);
    if (src == (size_t)-1)
        return WRES_E_NOMEM;
    ingest_begin(&in, ctx, kind, src);
    if (!ctx->progress)
        return ingest_end(&in, wres__csv_feed(&in.csv, buf ? buf : "", len), 0);
    {
        /* in blocks, so that progress can be told */
        size_t at = 0;
        int rv = WRES_OK;
        while (at < len && rv == WRES_OK) {
            size_t n = len - at < BLOCK ? len - at : BLOCK;
            rv = wres__csv_feed(&in.csv, buf + at, n);
            at += n;
            ctx->progress(ctx->progress_user, (int64_t)at, (int64_t)len,
                          ctx->sources[src].rows_read);
        }
        return ingest_end(&in, rv, 0);
    }
}


int wres_ingest_file(wres_ctx *ctx, int kind, const char *path)
{
    FILE *fp;
    char *block;
    size_t src;
    ingest in;
    int rv = WRES_OK, err = 0;
    int64_t done = 0, total = -1;
    struct stat st;

    if (!ctx)
        return WRES_E_INVALID;
    if (!wres__kind_valid(kind) || !path) {
        wres__set_error(ctx, "invalid kind or path");
        return WRES_E_INVALID;
    }
    block = wres__malloc(BLOCK);
    if (!block) {
        wres__set_error(ctx, "out of memory while reading %s", path);
        return WRES_E_NOMEM;
    }
    src = wres__source_add(ctx, kind, path, 0);
    if (src == (size_t)-1) {
        wres__free(block);
        wres__set_error(ctx, "out of memory while reading %s", path);
        return WRES_E_NOMEM;
    }
    fp = fopen(path, "rb");
    if (!fp) {
        err = errno;
        wres__free(block);
        return fail_file(ctx, src, WRES_REASON_UNREADABLE, io_message(err), NULL, 0);
    }
    ingest_begin(&in, ctx, kind, src);
    if (ctx->progress && fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode))
        total = (int64_t)st.st_size;
    for (;;) {
        size_t got = fread(block, 1, BLOCK, fp);
        if (got && (rv = wres__csv_feed(&in.csv, block, got)) != WRES_OK)
            break;
        done += (int64_t)got;
        if (ctx->progress && got)
            ctx->progress(ctx->progress_user, done, total,
                          ctx->sources[src].rows_read);
        if (got < BLOCK) {
            if (ferror(fp))
                err = errno ? errno : EIO;
            break;
        }
    }
    fclose(fp);
    wres__free(block);
    return ingest_end(&in, rv, rv == WRES_OK ? err : 0);
}
