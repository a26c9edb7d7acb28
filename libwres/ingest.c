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

static int ingest(wres_ctx *ctx, int kind, size_t src, const char *buf,
                  size_t len)
{
    wres__csv r;
    wres__csv_row row;
    wres__fields f;
    int colmap_small[64];
    int *colmap = colmap_small;
    char **hdr = NULL;      /* header texts, for over-long ignored fields */
    size_t *hdr_len = NULL;
    size_t ncols = 0, i;
    int rv, found[WRES__COLS];
    int result = WRES_OK;

    wres__csv_init(&r, buf, len);
    rv = wres__csv_next(&r, &row);
    if (rv < 0) {
        result = rv;
        goto out;
    }
    if (rv == 0) {
        result = fail_file(ctx, src, WRES_REASON_NO_HEADER,
                           "no header line (the file is empty or blank)",
                           NULL, 0);
        goto out;
    }
    if (row.unterminated) {
        result = fail_file(ctx, src, WRES_REASON_UNTERMINATED_QUOTE,
                           "unterminated quote in the header", NULL, 0);
        goto out;
    }
    if (row.bad_quote) {
        result = fail_file(ctx, src, WRES_REASON_BAD_QUOTE,
                           "text after a closing quote in the header", NULL, 0);
        goto out;
    }
    for (i = 0; i < row.nfields; i++)
        if (!wres__utf8_valid(row.field[i], row.len[i])) {
            result = fail_file(ctx, src, WRES_REASON_INVALID_UTF8,
                               "invalid UTF-8 in the header", NULL, 0);
            goto out;
        }

    ncols = row.nfields;
    if (ncols > sizeof colmap_small / sizeof colmap_small[0]) {
        colmap = wres__calloc(ncols, sizeof *colmap);
        if (!colmap) {
            result = WRES_E_NOMEM;
            goto out;
        }
    }
    hdr = wres__calloc(ncols, sizeof *hdr);
    hdr_len = wres__calloc(ncols, sizeof *hdr_len);
    if (!hdr || !hdr_len) {
        result = WRES_E_NOMEM;
        goto out;
    }
    for (i = 0; i < WRES__COLS; i++)
        found[i] = 0;
    for (i = 0; i < ncols; i++) {
        int c = wres__column_lookup(kind, row.field[i], row.len[i]);
        colmap[i] = c;
        hdr_len[i] = row.len[i];
        hdr[i] = wres__strndup(row.field[i], row.len[i]);
        if (!hdr[i]) {
            result = WRES_E_NOMEM;
            goto out;
        }
        if (c >= 0) {
            if (found[c]) {
                result = fail_file(ctx, src, WRES_REASON_DUPLICATE_COLUMN,
                                   "column named twice:", row.field[i],
                                   row.len[i]);
                goto out;
            }
            found[c] = 1;
        }
    }
    for (i = 0; i < WRES__COLS; i++)
        if (!found[i] && wres__column_required(kind, (int)i)) {
            const char *name = wres__column_name(kind, (int)i);
            result = fail_file(ctx, src, WRES_REASON_MISSING_COLUMN,
                               "required column absent:", name, strlen(name));
            goto out;
        }
    if (!found[WRES__COL_YEAR] && !ctx->default_year) {
        result = fail_file(ctx, src, WRES_REASON_NO_YEAR,
                           "no year column and no default year", NULL, 0);
        goto out;
    }
    for (i = 0; i < ncols; i++)
        if (colmap[i] < 0 &&
            (rv = wres__source_ignore(ctx, src, hdr[i], hdr_len[i])) != WRES_OK) {
            result = rv;
            goto out;
        }

    memset(&f, 0, sizeof f);
    for (i = 0; i < WRES__COLS; i++)
        f.present[i] = (unsigned char)found[i];

    while ((rv = wres__csv_next(&r, &row)) == 1) {
        int reason = 0;
        const char *col = "-";
        size_t col_len = 1;

        if (row.unterminated)
            reason = WRES_REASON_UNTERMINATED_QUOTE;
        else if (row.bad_quote)
            reason = WRES_REASON_BAD_QUOTE;
        if (!reason)
            for (i = 0; i < row.nfields; i++)
                if (!wres__utf8_valid(row.field[i], row.len[i])) {
                    reason = WRES_REASON_INVALID_UTF8;
                    break;
                }
        if (!reason && row.nfields != ncols)
            reason = WRES_REASON_FIELD_COUNT;
        if (!reason)
            for (i = 0; i < ncols; i++)
                if (row.len[i] > WRES__FIELD_MAX) {
                    reason = WRES_REASON_FIELD_TOO_LONG;
                    if (colmap[i] >= 0) {
                        col = wres__column_name(kind, colmap[i]);
                        col_len = strlen(col);
                    } else {
                        col = hdr[i];
                        col_len = hdr_len[i];
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
                         row.nfields, ncols);
                break;
            default:
                snprintf(msg, sizeof msg, "a value longer than %d bytes",
                         WRES__FIELD_MAX);
                break;
            }
            rv = wres__reject(ctx, src, row.line, col, col_len, reason, msg);
            if (rv != WRES_OK) {
                result = rv;
                goto out;
            }
            continue;
        }
        for (i = 0; i < ncols; i++)
            if (colmap[i] >= 0) {
                f.v[colmap[i]] = row.field[i];
                f.len[colmap[i]] = row.len[i];
            }
        rv = wres__decode_row(ctx, kind, src, row.line, &f);
        if (rv == WRES_E_NOMEM) {
            result = rv;
            goto out;
        }
    }
    if (rv < 0)
        result = rv;
out:
    if (result == WRES_E_NOMEM)
        wres__set_error(ctx, "out of memory while reading %s",
                        ctx->sources[src].path);
    if (hdr)
        for (i = 0; i < ncols; i++)
            wres__free(hdr[i]);
    wres__free(hdr);
    wres__free(hdr_len);
    if (colmap != colmap_small)
        wres__free(colmap);
    wres__csv_free(&r);
    return result;
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

int wres_ingest_buffer(wres_ctx *ctx, int kind, const char *name,
                       const char *buf, size_t len)
{
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
    return ingest(ctx, kind, src, buf ? buf : "", len);
}

int wres_ingest_file(wres_ctx *ctx, int kind, const char *path)
{
    FILE *fp;
    char *data = NULL;
    size_t len = 0, cap = 0, src;
    int rv, err = 0;

    if (!ctx)
        return WRES_E_INVALID;
    if (!wres__kind_valid(kind) || !path) {
        wres__set_error(ctx, "invalid kind or path");
        return WRES_E_INVALID;
    }
    fp = fopen(path, "rb");
    if (!fp) {
        err = errno;
    } else {
        for (;;) {
            size_t got;
            void *p = data;
            if (wres__grow(&p, &cap, len + 65536, 1) != WRES_OK) {
                fclose(fp);
                wres__free(data);
                wres__set_error(ctx, "out of memory while reading %s", path);
                return WRES_E_NOMEM;
            }
            data = p;
            got = fread(data + len, 1, cap - len, fp);
            len += got;
            if (got == 0) {
                if (ferror(fp))
                    err = errno ? errno : EIO;
                break;
            }
        }
        fclose(fp);
    }
    src = wres__source_add(ctx, kind, path, 0);
    if (src == (size_t)-1) {
        wres__free(data);
        wres__set_error(ctx, "out of memory");
        return WRES_E_NOMEM;
    }
    if (!fp || err) {
        wres__free(data);
        return fail_file(ctx, src, WRES_REASON_UNREADABLE, io_message(err),
                         NULL, 0);
    }
    rv = ingest(ctx, kind, src, data ? data : "", len);
    wres__free(data);
    return rv;
}
