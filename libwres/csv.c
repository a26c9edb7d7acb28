/*
 * csv.c - the CSV reader.  It knows the dialect of DATA.md (commas, RFC
 * 4180 quotes, spaces before an opening quote, LF/CRLF/CR line endings,
 * a leading byte-order mark, blank lines, physical line numbers, UTF-8)
 * and nothing of WRES.  It is a resumable state machine fed blocks of any
 * size, so a file is read in fixed-size blocks and memory stays bounded
 * whatever the input: a 100 MB line or a million columns cost no more than
 * the fields a row may use.  Within a block it moves span by span (a run
 * of plain bytes at a time), not byte by byte.
 */
#include <string.h>

#include "wres_private.h"

#define KEEP (WRES__FIELD_MAX + 1)  /* bytes kept of a field */

enum {
    S_FIELD,        /* before a field: skipping blanks */
    S_PLAIN,        /* in an unquoted field */
    S_QUOTED,       /* inside quotes */
    S_QUOTE,        /* a quote inside quotes: escaped or closing */
    S_AFTER,        /* after the closing quote: blanks only */
    S_JUNK          /* text after a closing quote, to the field's end */
};

/* Bytes that end a plain span: comma, CR, LF. */
static const unsigned char plain_stop[256] = {
    [','] = 1, ['\r'] = 1, ['\n'] = 1,
};

void wres__csv_init(wres__csv *r, wres__csv_fn fn, void *ud)
{
    memset(r, 0, sizeof *r);
    r->on_row = fn;
    r->ud = ud;
    r->max_fields = (size_t)-1;
    r->line = 1;
    r->state = S_FIELD;
}

void wres__csv_free(wres__csv *r)
{
    wres__free(r->scratch);
    wres__free(r->start);
    wres__free(r->flen);
    wres__free(r->fptr);
    memset(r, 0, sizeof *r);
}

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* ---- UTF-8, checked as the bytes stream by ----------------------------- */

static void utf8_bytes(wres__csv *r, const unsigned char *p, size_t n)
{
    size_t i = 0;

    if (r->bad_utf8)
        return;
    while (i < n) {
        unsigned c = p[i++];
        if (r->u_need == 0) {
            if (c >= 0x01 && c < 0x80) {
                /* the common case: a run of ASCII */
                while (i < n && p[i] >= 0x01 && p[i] < 0x80)
                    i++;
                continue;
            }
            if (c >= 0xc2 && c <= 0xdf) {
                r->u_need = 1; r->u_cp = c & 0x1f; r->u_min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                r->u_need = 2; r->u_cp = c & 0x0f; r->u_min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                r->u_need = 3; r->u_cp = c & 0x07; r->u_min = 0x10000;
            } else {
                r->bad_utf8 = 1; /* NUL, a stray continuation, 0xc0/0xc1, 0xf5.. */
                return;
            }
        } else {
            if ((c & 0xc0) != 0x80) {
                r->bad_utf8 = 1;
                return;
            }
            r->u_cp = (r->u_cp << 6) | (c & 0x3f);
            if (--r->u_need == 0 &&
                (r->u_cp < r->u_min || r->u_cp > 0x10ffff ||
                 (r->u_cp >= 0xd800 && r->u_cp <= 0xdfff))) {
                r->bad_utf8 = 1;
                return;
            }
        }
    }
}

/* ---- fields and rows ----------------------------------------------------- */

static int grow_slots(wres__csv *r, size_t need)
{
    void *a, *b, *c;
    size_t ca, cb, cc;

    if (need <= r->fcap)
        return WRES_OK;
    a = r->start; b = r->flen; c = r->fptr;
    ca = cb = cc = r->fcap;
    if (wres__grow(&a, &ca, need, sizeof(size_t)) != WRES_OK)
        return WRES_E_NOMEM;
    r->start = a;
    if (wres__grow(&b, &cb, need, sizeof(size_t)) != WRES_OK)
        return WRES_E_NOMEM;
    r->flen = b;
    if (wres__grow(&c, &cc, need, sizeof(char *)) != WRES_OK)
        return WRES_E_NOMEM;
    r->fptr = c;
    r->fcap = ca < cb ? (ca < cc ? ca : cc) : (cb < cc ? cb : cc);
    return WRES_OK;
}

static int field_begin(wres__csv *r)
{
    r->f_raw = 0;
    r->f_len = 0;
    r->f_quoted = 0;
    r->u_need = 0;
    if (r->nfields < r->max_fields) {
        size_t base = 0;
        if (r->nfields + 2 > r->fcap && grow_slots(r, r->nfields + 2) != WRES_OK)
            return WRES_E_NOMEM;
        if (r->nfields > 0)
            base = r->start[r->nfields - 1] +
                   (r->flen[r->nfields - 1] < KEEP ? r->flen[r->nfields - 1] : KEEP);
        r->start[r->nfields] = base;
    }
    return WRES_OK;
}

/* Content bytes [p, p+n) of the current field. */
static int field_bytes(wres__csv *r, const unsigned char *p, size_t n)
{
    size_t last;

    if (r->f_raw == 0) {
        /* leading blanks are trimmed */
        while (n && is_blank(*p)) {
            p++;
            n--;
        }
        if (!n)
            return WRES_OK;
    }
    utf8_bytes(r, p, n);
    /* the trimmed length ends after the last non-blank byte */
    last = n;
    while (last && is_blank(p[last - 1]))
        last--;
    if (last)
        r->f_len = r->f_raw + last;
    if (r->nfields < r->max_fields && r->f_raw < KEEP) {
        size_t take = n < KEEP - r->f_raw ? n : KEEP - r->f_raw;
        size_t at = r->start[r->nfields] + r->f_raw;
        if (at + take > r->scratch_cap) {
            void *s = r->scratch;
            if (wres__grow(&s, &r->scratch_cap, at + take, 1) != WRES_OK)
                return WRES_E_NOMEM;
            r->scratch = s;
        }
        memcpy(r->scratch + at, p, take);
    }
    r->f_raw += n;
    return WRES_OK;
}

static void field_end(wres__csv *r)
{
    if (r->u_need != 0)
        r->bad_utf8 = 1;   /* a sequence cut by the end of the field */
    r->u_need = 0;
    if (r->nfields < r->max_fields)
        r->flen[r->nfields] = r->f_len;
    r->nfields++;
}

static int row_end(wres__csv *r)
{
    wres__csv_row row;
    size_t i, k;
    int rv;

    field_end(r);
    k = r->nfields < r->max_fields ? r->nfields : r->max_fields;
    for (i = 0; i < k; i++)
        r->fptr[i] = r->scratch ? r->scratch + r->start[i] : "";
    row.line = r->row_line;
    row.nfields = r->nfields;
    row.nkept = k;
    row.field = r->fptr;
    row.len = r->flen;
    row.unterminated = r->unterminated;
    row.bad_quote = r->bad_quote;
    row.bad_utf8 = r->bad_utf8;
    rv = r->on_row(r->ud, &row);
    r->in_row = 0;
    r->nfields = 0;
    r->unterminated = r->bad_quote = r->bad_utf8 = 0;
    r->state = S_FIELD;
    return rv;
}

/* Start the row on its first meaningful byte. */
static void row_begin(wres__csv *r)
{
    if (!r->in_row) {
        r->in_row = 1;
        r->row_line = r->line;
    }
}

/* ---- the fast path -------------------------------------------------------
 * Most lines of a clean export are plain: no quote, no CR but a final one,
 * no byte above 0x7f and no NUL, and the whole line inside the block.  Such
 * a line is split at its commas in place, its fields pointing into the
 * block: no copy, no state.  Anything else goes through the machine below,
 * which gives the same rows (check_stream proves it: fed a byte at a time,
 * the machine alone reads every test input as fed whole, where this path
 * takes the plain lines).
 */

/* Byte classes for the fast path: 1 comma, 2 a byte that sends the line
 * to the machine (quote, CR, NUL, anything above 0x7f). */
static const unsigned char fast_class[256] = {
    [','] = 1, ['"'] = 2, ['\r'] = 2, [0] = 2,
#define HI16(x) [x] = 2, [x + 1] = 2, [x + 2] = 2, [x + 3] = 2, [x + 4] = 2, \
    [x + 5] = 2, [x + 6] = 2, [x + 7] = 2, [x + 8] = 2, [x + 9] = 2, \
    [x + 10] = 2, [x + 11] = 2, [x + 12] = 2, [x + 13] = 2, [x + 14] = 2, [x + 15] = 2
    HI16(0x80), HI16(0x90), HI16(0xa0), HI16(0xb0),
    HI16(0xc0), HI16(0xd0), HI16(0xe0), HI16(0xf0),
#undef HI16
};

/* Try one plain line at p; returns the bytes consumed (0: not plain). */
static size_t fast_line(wres__csv *r, const unsigned char *p,
                        const unsigned char *end, int *rv)
{
    const unsigned char *lf = memchr(p, '\n', (size_t)(end - p));
    const unsigned char *stop, *q, *a;
    size_t n = 0;

    if (!lf)
        return 0;
    stop = lf;
    if (stop > p && stop[-1] == '\r')
        stop--;
    /* one pass: split at commas, give up on anything not plain */
    for (q = a = p;; q++) {
        unsigned char cls = q < stop ? fast_class[*q] : 1;
        const unsigned char *s, *e;
        if (!cls)
            continue;
        if (cls == 2)
            return 0;
        if (n >= r->fcap && n < r->max_fields &&
            grow_slots(r, n + 8) != WRES_OK) {
            *rv = WRES_E_NOMEM;
            return 0;
        }
        s = a;
        e = q;
        while (s < e && is_blank(*s))
            s++;
        while (e > s && is_blank(e[-1]))
            e--;
        if (n < r->max_fields) {
            r->fptr[n] = (const char *)s;
            r->flen[n] = (size_t)(e - s);
        }
        n++;
        if (q >= stop)
            break;
        a = q + 1;
    }
    if (n == 1 && r->flen[0] == 0) {
        /* a blank line: skipped, but counted */
        r->line++;
        return (size_t)(lf + 1 - p);
    }
    {
        wres__csv_row row;
        row.line = r->line;
        row.nfields = n;
        row.nkept = n < r->max_fields ? n : r->max_fields;
        row.field = r->fptr;
        row.len = r->flen;
        row.unterminated = row.bad_quote = row.bad_utf8 = 0;
        *rv = r->on_row(r->ud, &row);
    }
    r->line++;
    return (size_t)(lf + 1 - p);
}

/* ---- the machine --------------------------------------------------------- */

static int feed(wres__csv *r, const unsigned char *p, size_t n)
{
    const unsigned char *end = p + n;
    int rv;

    if (r->pending_cr && p < end) {
        r->pending_cr = 0;
        if (*p == '\n') {
            if (r->state == S_QUOTED && (rv = field_bytes(r, p, 1)) != WRES_OK)
                return rv;
            p++;
        }
    }
    while (p < end) {
        unsigned char c = *p;

        switch (r->state) {
        case S_FIELD:
            if (!r->in_row) {
                int frv = WRES_OK;
                size_t used = fast_line(r, p, end, &frv);
                if (frv != WRES_OK)
                    return frv;
                if (used) {
                    p += used;
                    break;
                }
            }
            while (p < end && is_blank(*p))
                p++;
            if (p == end)
                return WRES_OK;
            c = *p;
            if (!r->in_row && (c == '\r' || c == '\n')) {
                /* a blank line: skipped, but counted */
                goto eol_outside;
            }
            row_begin(r);
            if ((rv = field_begin(r)) != WRES_OK)
                return rv;
            if (c == '"') {
                r->f_quoted = 1;
                r->state = S_QUOTED;
                p++;
            } else if (c == ',' ) {
                field_end(r);
                p++;
            } else if (c == '\r' || c == '\n') {
                goto eol_row;
            } else {
                r->state = S_PLAIN;
            }
            break;

        case S_PLAIN: {
            const unsigned char *q = p;
            while (q < end && !plain_stop[*q])
                q++;
            if (q > p && (rv = field_bytes(r, p, (size_t)(q - p))) != WRES_OK)
                return rv;
            p = q;
            if (p == end)
                return WRES_OK;
            if (*p == ',') {
                field_end(r);
                r->state = S_FIELD;
                p++;
                break;
            }
            goto eol_row;
        }

        case S_QUOTED: {
            const unsigned char *q = p;
            while (q < end && *q != '"' && *q != '\r' && *q != '\n')
                q++;
            if (q > p && (rv = field_bytes(r, p, (size_t)(q - p))) != WRES_OK)
                return rv;
            p = q;
            if (p == end)
                return WRES_OK;
            if (*p == '"') {
                r->state = S_QUOTE;
                p++;
                break;
            }
            /* a line break inside quotes: content, and a physical line */
            if ((rv = field_bytes(r, p, 1)) != WRES_OK)
                return rv;
            r->line++;
            if (*p == '\r') {
                if (p + 1 < end) {
                    if (p[1] == '\n') {
                        if ((rv = field_bytes(r, p + 1, 1)) != WRES_OK)
                            return rv;
                        p++;
                    }
                } else {
                    r->pending_cr = 1;
                }
            }
            p++;
            break;
        }

        case S_QUOTE:
            if (c == '"') {
                /* an escaped quote */
                if ((rv = field_bytes(r, p, 1)) != WRES_OK)
                    return rv;
                r->state = S_QUOTED;
                p++;
                break;
            }
            r->state = S_AFTER;
            /* fall through: this byte follows the closing quote */
            /* FALLTHROUGH */
        case S_AFTER:
            while (p < end && is_blank(*p))
                p++;
            if (p == end)
                return WRES_OK;
            if (*p == ',') {
                field_end(r);
                r->state = S_FIELD;
                p++;
                break;
            }
            if (*p == '\r' || *p == '\n')
                goto eol_row;
            r->bad_quote = 1;
            r->state = S_JUNK;
            break;

        case S_JUNK:
            while (p < end && !plain_stop[*p])
                p++;
            if (p == end)
                return WRES_OK;
            if (*p == ',') {
                field_end(r);
                r->state = S_FIELD;
                p++;
                break;
            }
            goto eol_row;
        }
        continue;

    eol_row:
        /* *p is CR or LF: the row ends with the line */
        if ((rv = row_end(r)) != WRES_OK) {
            /* still consume the line break so that counts stay right */
            r->line++;
            return rv;
        }
        /* FALLTHROUGH */
    eol_outside:
        r->line++;
        if (*p == '\r') {
            if (p + 1 < end) {
                if (p[1] == '\n')
                    p++;
            } else {
                r->pending_cr = 1;
            }
        }
        p++;
        r->state = S_FIELD;
    }
    return WRES_OK;
}

int wres__csv_feed(wres__csv *r, const char *buf, size_t len)
{
    const unsigned char *p = (const unsigned char *)buf;
    static const unsigned char bom[3] = {0xef, 0xbb, 0xbf};

    if (!r->started) {
        /* hold the first bytes until we know whether they are a BOM */
        while (len && r->nhead < 3 && *p == bom[r->nhead]) {
            r->head[r->nhead++] = *p++;
            len--;
        }
        if (r->nhead == 3) {
            r->started = 1;           /* a BOM: dropped */
        } else if (len) {
            int rv;
            r->started = 1;           /* not a BOM: what was held is data */
            if (r->nhead && (rv = feed(r, r->head, r->nhead)) != WRES_OK)
                return rv;
        } else {
            return WRES_OK;           /* still undecided */
        }
    }
    return feed(r, p, len);
}

int wres__csv_finish(wres__csv *r)
{
    int rv;

    if (!r->started) {
        r->started = 1;
        if (r->nhead < 3 && r->nhead && (rv = feed(r, r->head, r->nhead)) != WRES_OK)
            return rv;
    }
    r->pending_cr = 0;
    switch (r->state) {
    case S_FIELD:
        if (!r->in_row)
            return WRES_OK;
        if ((rv = field_begin(r)) != WRES_OK)
            return rv;
        break;
    case S_QUOTED:
        r->unterminated = 1;
        break;
    default:
        break;
    }
    return row_end(r);
}
