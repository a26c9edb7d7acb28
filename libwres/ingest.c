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
    wres__source_dimcol_clear(s);
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

static int header(ingest *in, const wres__csv_row *row)
{
    wres_ctx *ctx = in->ctx;
    int found[WRES__COLS + WRES__DIMS];
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
    for (i = 0; i < WRES__COLS + WRES__DIMS; i++)
        found[i] = 0;
    for (i = 0; i < in->ncols; i++) {
        /* a name longer than any column's is kept cut, on a character */
        size_t n = row->len[i] > WRES__FIELD_MAX
                       ? wres__utf8_whole(row->field[i], WRES__FIELD_MAX) : row->len[i];
        int c = row->len[i] > WRES__FIELD_MAX
                    ? -1 : wres__column_lookup(in->kind, row->field[i], n);
        if (c < 0 && row->len[i] <= WRES__FIELD_MAX) {
            /* a dimension of a breakdown the caller named */
            int d = wres__dim_column(ctx, in->kind, row->field[i], n);
            if (d >= 0)
                c = WRES__COLS + d;
        }
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
        if ((in->colmap[i] < 0 &&
             (rv = wres__source_ignore(ctx, in->src, in->hdr[i], in->hdr_len[i])) != WRES_OK) ||
            (in->colmap[i] >= WRES__COLS &&
             (rv = wres__source_dimcol(&ctx->sources[in->src], in->hdr[i],
                                         in->hdr_len[i])) != WRES_OK))
            return rv;
    memset(&in->f, 0, sizeof in->f);
    for (i = 0; i < WRES__COLS; i++)
        in->f.present[i] = (unsigned char)found[i];
    for (i = 0; i < WRES__DIMS; i++)
        in->f.dpresent[i] = (unsigned char)found[WRES__COLS + i];
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
                if (in->colmap[i] >= 0 && in->colmap[i] < WRES__COLS) {
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
        if (in->colmap[i] >= WRES__COLS) {
            in->f.dv[in->colmap[i] - WRES__COLS] = row->field[i];
            in->f.dlen[in->colmap[i] - WRES__COLS] = row->len[i];
        } else if (in->colmap[i] >= 0) {
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
    wres__source_dimcol_clear(s);
    if (drop) {
        wres__free(s->path);
        wres__free(s->ignored);
        wres__free(s->dimcol);
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

/* ---- staff in columns ----------------------------------------------------
 * Each row is turned into the text a CSV row would hold (codes into their
 * canonical names, flags into 1 or 0) and goes through the same decoder:
 * the same checks, rejections and counts as a file, by construction, and
 * the vocabulary memo makes the decoding cheap.  Like a file, a batch is
 * staged and joins the handle whole, or not at all when memory runs out.
 */
static const char *const eth_code[WRES__ETH_CODES] = {
    "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P",
    "R", "S", "",
};

int wres_staff_batch(wres_ctx *ctx, const char *source, const char *org,
                     size_t n, const int32_t *year, const char *const *staff_id,
                     const uint8_t *ethnicity, const uint8_t *band,
                     const uint8_t *staff_group, const uint8_t *disciplinary,
                     const uint8_t *training, const uint8_t *bank)
{
    wres__store stage;
    wres__fields f;
    wres__source saved;
    size_t src, n_rej, i, olen = 0;
    int is_new, rv = WRES_OK;
    char yeartext[8], bad[3][16];

    if (!ctx)
        return WRES_E_INVALID;
    if (!staff_id || !ethnicity || !band || !staff_group) {
        wres__set_error(ctx, "staff_id, ethnicity, band and staff_group are required");
        return WRES_E_INVALID;
    }
    if (!source)
        source = "api:staff";
    if (org) {
        olen = strlen(org);
        while (olen && (org[olen - 1] == ' ' || org[olen - 1] == '\t'))
            olen--;
        while (olen && (*org == ' ' || *org == '\t')) {
            org++;
            olen--;
        }
        if (olen > WRES__FIELD_MAX || !wres__utf8_valid(org, olen)) {
            wres__set_error(ctx, "org must be valid UTF-8 of at most %d bytes",
                            WRES__FIELD_MAX);
            return WRES_E_INVALID;
        }
    }
    /* the API source of this name, as wres_record_new() finds it */
    for (src = 0; src < ctx->n_sources; src++)
        if (ctx->sources[src].is_api && ctx->sources[src].kind == WRES_KIND_STAFF &&
            strcmp(ctx->sources[src].path, source) == 0)
            break;
    is_new = src == ctx->n_sources;
    if (is_new && (src = wres__source_add(ctx, WRES_KIND_STAFF, source, 1)) == (size_t)-1)
        return WRES_E_NOMEM;
    saved = ctx->sources[src];
    n_rej = ctx->n_rejections;

    memset(&f, 0, sizeof f);
    memset(&stage, 0, sizeof stage);
    f.present[WRES__COL_ID] = f.present[WRES__COL_ETHNICITY] = 1;
    f.present[WRES__COL_BAND] = f.present[WRES__COL_STAFF_GROUP] = 1;
    f.present[WRES__COL_YEAR] = year != NULL;
    f.present[WRES__COL_ORG] = org != NULL;
    f.present[WRES__COL_DISCIPLINARY] = disciplinary != NULL;
    f.present[WRES__COL_TRAINING] = training != NULL;
    f.present[WRES__COL_BANK] = bank != NULL;
    f.v[WRES__COL_ORG] = org;
    f.len[WRES__COL_ORG] = olen;
    ctx->stage = &stage;
    for (i = 0; i < n && rv == WRES_OK; i++) {
        int64_t line = ctx->sources[src].rows_read + 1;
        const char *id = staff_id[i] ? staff_id[i] : "";
        size_t idlen = strlen(id), k;
        /* values as a file would hold them; a code out of range becomes
         * text the decoder rejects with the right reason and column */
        while (idlen && (id[idlen - 1] == ' ' || id[idlen - 1] == '\t'))
            idlen--;
        while (idlen && (*id == ' ' || *id == '\t')) {
            id++;
            idlen--;
        }
        if (!wres__utf8_valid(id, idlen) || idlen > WRES__FIELD_MAX) {
            rv = wres__reject(ctx, src, line, idlen > WRES__FIELD_MAX ? "staff_id" : "-",
                              idlen > WRES__FIELD_MAX ? 8 : 1,
                              idlen > WRES__FIELD_MAX ? WRES_REASON_FIELD_TOO_LONG
                                                      : WRES_REASON_INVALID_UTF8,
                              idlen > WRES__FIELD_MAX ? "a value longer than 1024 bytes"
                                                      : "invalid UTF-8 (or a NUL byte)");
            continue;
        }
        f.v[WRES__COL_ID] = id;
        f.len[WRES__COL_ID] = idlen;
        if (year) {
            int32_t y = year[i];
            if (y >= 1000 && y <= 9999) {
                yeartext[0] = (char)('0' + y / 1000);
                yeartext[1] = (char)('0' + y / 100 % 10);
                yeartext[2] = (char)('0' + y / 10 % 10);
                yeartext[3] = (char)('0' + y % 10);
                f.v[WRES__COL_YEAR] = yeartext;
                f.len[WRES__COL_YEAR] = 4;
            } else {
                f.len[WRES__COL_YEAR] = (size_t)snprintf(yeartext, sizeof yeartext,
                                                         "%d", (int)(y % 1000000));
                f.v[WRES__COL_YEAR] = yeartext;
            }
        }
        if (ethnicity[i] < WRES__ETH_CODES) {
            f.v[WRES__COL_ETHNICITY] = eth_code[ethnicity[i]];
            f.len[WRES__COL_ETHNICITY] = strlen(eth_code[ethnicity[i]]);
        } else {
            f.len[WRES__COL_ETHNICITY] = (size_t)snprintf(bad[0], sizeof bad[0], "code %u",
                                                          ethnicity[i]);
            f.v[WRES__COL_ETHNICITY] = bad[0];
        }
        if (band[i] < WRES__BANDS) {
            f.v[WRES__COL_BAND] = wres__band_name(band[i]);
            f.len[WRES__COL_BAND] = strlen(f.v[WRES__COL_BAND]);
        } else {
            f.len[WRES__COL_BAND] = (size_t)snprintf(bad[1], sizeof bad[1], "code %u", band[i]);
            f.v[WRES__COL_BAND] = bad[1];
        }
        if (staff_group[i] < WRES__SGROUPS) {
            f.v[WRES__COL_STAFF_GROUP] = wres__staff_group_name(staff_group[i]);
            f.len[WRES__COL_STAFF_GROUP] = strlen(f.v[WRES__COL_STAFF_GROUP]);
        } else {
            f.len[WRES__COL_STAFF_GROUP] = (size_t)snprintf(bad[2], sizeof bad[2], "code %u",
                                                            staff_group[i]);
            f.v[WRES__COL_STAFF_GROUP] = bad[2];
        }
        for (k = 0; k < 3; k++) {
            static const int cols[3] = {WRES__COL_DISCIPLINARY, WRES__COL_TRAINING,
                                        WRES__COL_BANK};
            const uint8_t *a = k == 0 ? disciplinary : k == 1 ? training : bank;
            if (a) {
                f.v[cols[k]] = a[i] == 0 ? "0" : a[i] == 1 ? "1" : "2";
                f.len[cols[k]] = 1;
            }
        }
        rv = wres__decode_row(ctx, WRES_KIND_STAFF, src, line, &f);
        if (rv == WRES_E_REJECTED)
            rv = WRES_OK;
    }
    if (rv == WRES_OK && (rv = wres__store_reserve(&ctx->store, &stage)) == WRES_OK)
        wres__store_merge(&ctx->store, &stage);
    ctx->stage = NULL;
    wres__store_free(&stage);
    if (rv != WRES_OK) {
        /* out of memory: the handle is as it was */
        for (i = n_rej; i < ctx->n_rejections; i++) {
            wres__free(ctx->rejections[i].column);
            wres__free(ctx->rejections[i].message);
        }
        ctx->n_rejections = n_rej;
        if (is_new) {
            wres__free(ctx->sources[src].path);
            wres__free(ctx->sources[src].ignored);
            wres__free(ctx->sources[src].dimcol);
            ctx->n_sources--;
        } else {
            ctx->sources[src] = saved;
        }
        wres__set_error(ctx, "out of memory; nothing of the batch was added");
    }
    return rv;
}
