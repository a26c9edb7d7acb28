/*
 * csv.c - the CSV reader.  It knows the dialect of DATA.md (commas, RFC
 * 4180 quotes, spaces before an opening quote, LF/CRLF/CR line endings,
 * a leading byte-order mark, blank lines, physical line numbers) and
 * nothing of WRES: it turns bytes into rows of unquoted, trimmed fields
 * and says whether a row had an unterminated quote or text after a
 * closing quote.  UTF-8 and field-length checks belong to its caller.
 */
#include <string.h>

#include "wres_private.h"

void wres__csv_init(wres__csv *r, const char *buf, size_t len)
{
    memset(r, 0, sizeof *r);
    r->buf = buf;
    r->len = len;
    r->line = 1;
    if (len >= 3 && (unsigned char)buf[0] == 0xef &&
        (unsigned char)buf[1] == 0xbb && (unsigned char)buf[2] == 0xbf)
        r->pos = 3;
}

void wres__csv_free(wres__csv *r)
{
    wres__free(r->scratch);
    wres__free(r->start);
    wres__free(r->flen);
    wres__free(r->fptr);
    memset(r, 0, sizeof *r);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Consume a line ending at pos (CRLF, LF or CR) and count the line. */
static void eat_eol(wres__csv *r)
{
    if (r->buf[r->pos] == '\r' && r->pos + 1 < r->len &&
        r->buf[r->pos + 1] == '\n')
        r->pos += 2;
    else
        r->pos++;
    r->line++;
}

static int scratch_reserve(wres__csv *r, size_t used, size_t more)
{
    void *p = r->scratch;

    if (wres__grow(&p, &r->scratch_cap, used + more, 1) != WRES_OK)
        return WRES_E_NOMEM;
    r->scratch = p;
    return WRES_OK;
}

static int field_push(wres__csv *r, size_t n, size_t start, size_t len)
{
    if (n + 1 > r->fcap) {
        size_t cap = r->fcap;
        void *a = r->start, *b = r->flen, *c = r->fptr;
        size_t need = n + 1;
        size_t ca = cap, cb = cap, cc = cap;
        if (wres__grow(&a, &ca, need, sizeof(size_t)) != WRES_OK)
            return WRES_E_NOMEM;
        r->start = a;
        if (wres__grow(&b, &cb, need, sizeof(size_t)) != WRES_OK)
            return WRES_E_NOMEM;
        r->flen = b;
        if (wres__grow(&c, &cc, need, sizeof(char *)) != WRES_OK)
            return WRES_E_NOMEM;
        r->fptr = c;
        /* all three reached at least need; keep the smallest as capacity */
        cap = ca < cb ? ca : cb;
        r->fcap = cap < cc ? cap : cc;
    }
    r->start[n] = start;
    r->flen[n] = len;
    return WRES_OK;
}

int wres__csv_next(wres__csv *r, wres__csv_row *row)
{
    const char *buf = r->buf;
    size_t len = r->len, used = 0, n = 0, i;

    memset(row, 0, sizeof *row);
    /* skip blank lines: nothing but spaces and tabs */
    for (;;) {
        size_t p = r->pos;
        if (p >= len)
            return 0;
        while (p < len && is_blank(buf[p]))
            p++;
        if (p >= len) {
            r->pos = p;
            return 0;
        }
        if (buf[p] != '\r' && buf[p] != '\n')
            break;
        r->pos = p;
        eat_eol(r);
    }
    row->line = r->line;

    for (;;) {
        size_t fstart = used;
        size_t vstart, vend;

        while (r->pos < len && is_blank(buf[r->pos]))
            r->pos++;
        if (r->pos < len && buf[r->pos] == '"') {
            r->pos++;
            for (;;) {
                const char *q;
                size_t chunk;
                if (r->pos >= len) {
                    row->unterminated = 1;
                    break;
                }
                q = memchr(buf + r->pos, '"', len - r->pos);
                chunk = (q ? (size_t)(q - buf) : len) - r->pos;
                if (scratch_reserve(r, used, chunk + 1) != WRES_OK)
                    return WRES_E_NOMEM;
                /* count line breaks inside the quotes */
                for (i = 0; i < chunk; i++) {
                    char c = buf[r->pos + i];
                    if (c == '\n' || (c == '\r' && !(r->pos + i + 1 < len &&
                                                    buf[r->pos + i + 1] == '\n')))
                        r->line++;
                }
                memcpy(r->scratch + used, buf + r->pos, chunk);
                used += chunk;
                r->pos += chunk;
                if (!q) {
                    row->unterminated = 1;
                    break;
                }
                r->pos++; /* the quote */
                if (r->pos < len && buf[r->pos] == '"') {
                    r->scratch[used++] = '"';
                    r->pos++;
                    continue;
                }
                break;
            }
            if (!row->unterminated) {
                while (r->pos < len && is_blank(buf[r->pos]))
                    r->pos++;
                if (r->pos < len && buf[r->pos] != ',' && buf[r->pos] != '\r' &&
                    buf[r->pos] != '\n') {
                    row->bad_quote = 1;
                    while (r->pos < len && buf[r->pos] != ',' &&
                           buf[r->pos] != '\r' && buf[r->pos] != '\n')
                        r->pos++;
                }
            }
        } else {
            size_t s = r->pos;
            while (r->pos < len && buf[r->pos] != ',' && buf[r->pos] != '\r' &&
                   buf[r->pos] != '\n')
                r->pos++;
            if (scratch_reserve(r, used, r->pos - s + 1) != WRES_OK)
                return WRES_E_NOMEM;
            memcpy(r->scratch + used, buf + s, r->pos - s);
            used += r->pos - s;
        }
        /* trim the value */
        vstart = fstart;
        vend = used;
        while (vstart < vend && is_blank(r->scratch[vstart]))
            vstart++;
        while (vend > vstart && is_blank(r->scratch[vend - 1]))
            vend--;
        if (field_push(r, n, vstart, vend - vstart) != WRES_OK)
            return WRES_E_NOMEM;
        n++;
        if (row->unterminated || r->pos >= len)
            break;
        if (buf[r->pos] == ',') {
            r->pos++;
            continue;
        }
        eat_eol(r);
        break;
    }
    for (i = 0; i < n; i++)
        r->fptr[i] = r->scratch ? r->scratch + r->start[i] : "";
    row->nfields = n;
    row->field = r->fptr;
    row->len = r->flen;
    return 1;
}
