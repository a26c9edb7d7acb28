/*
 * error.c - status codes and their static text, the stable names of the
 * rejection reasons, the per-handle detailed message, and the small text
 * helpers messages need (UTF-8 validation, printable quoting).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "wres_private.h"


const char *wres_strerror(int status)
{
    switch (status) {
    case WRES_OK: return "success";
    case WRES_DONE: return "no more items";
    case WRES_NULL: return "the figure cannot be computed (null)";
    case WRES_E_INVALID: return "invalid argument";
    case WRES_E_NOMEM: return "out of memory";
    case WRES_E_IO: return "file could not be read";
    case WRES_E_FORMAT: return "file failed as a whole";
    case WRES_E_REJECTED: return "record rejected";
    case WRES_E_NOTFOUND: return "not found";
    case WRES_E_RANGE: return "value out of range";
    case WRES_E_OPTION: return "unknown option or wrong type for the option";
    default: return "unknown status";
    }
}

static const char *const reason_names[] = {
    "none",
    "unterminated_quote", "bad_quote", "invalid_utf8", "field_count",
    "field_too_long", "missing_value", "unknown_ethnicity", "unknown_band",
    "unknown_staff_group", "invalid_yes_no", "invalid_year",
    "invalid_integer", "appointed_not_shortlisted", "yes_gt_respondents",
    "duplicate_id", "unreadable", "no_header", "duplicate_column",
    "missing_column", "no_year",
};

const char *wres_reason_name(int reason)
{
    if (reason < 1 || reason > WRES_REASON_NO_YEAR)
        return NULL;
    return reason_names[reason];
}

const char *wres_kind_name(int kind)
{
    switch (kind) {
    case WRES_KIND_STAFF: return "staff";
    case WRES_KIND_APPLICANTS: return "applicants";
    case WRES_KIND_SURVEY: return "survey";
    case WRES_KIND_SURVEY_COUNTS: return "survey_counts";
    case WRES_KIND_BOARD: return "board";
    default: return NULL;
    }
}

const char *wres_errmsg(const wres_ctx *ctx)
{
    if (!ctx)
        return "no handle";
    return ctx->errmsg;
}

void wres__set_error(wres_ctx *ctx, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
    wres__errmsg_fix(ctx);
}

void wres__errmsg_fix(wres_ctx *ctx)
{
    size_t n = strlen(ctx->errmsg);

    ctx->errmsg[wres__utf8_whole(ctx->errmsg, n)] = '\0';
}

size_t wres__utf8_whole(const char *s, size_t n)
{
    size_t i = n, k = 0;

    while (i > 0 && k < 4 && ((unsigned char)s[i - 1] & 0xc0) == 0x80) {
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

void wres__buf_add_shown(wres__buf *b, const char *s, size_t n, size_t max)
{
    size_t i, keep = n > max ? wres__utf8_whole(s, max) : n;

    for (i = 0; i < keep; i++) {
        unsigned char c = (unsigned char)s[i];
        char ch = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
        wres__buf_add(b, &ch, 1);
    }
    if (keep < n)
        wres__buf_puts(b, "...");
}

char *wres__utf8_copy(const char *s)
{
    wres__buf b = {0};
    size_t i = 0, n = strlen(s);

    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        if (i + k <= n && wres__utf8_valid(s + i, k)) {
            wres__buf_add(&b, s + i, k);
            i += k;
        } else {
            wres__buf_puts(&b, "\xef\xbf\xbd");  /* U+FFFD */
            i++;
        }
    }
    wres__buf_add(&b, "", 0);
    if (b.oom) {
        wres__buf_free(&b);
        return NULL;
    }
    return b.p;
}

int wres__utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        unsigned c = p[i];
        size_t k;
        unsigned cp, min;

        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        if (c == 0)
            return 0;
        if (c >= 0xc2 && c <= 0xdf) {
            k = 1; cp = c & 0x1f; min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            k = 2; cp = c & 0x0f; min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            k = 3; cp = c & 0x07; min = 0x10000;
        } else {
            return 0;
        }
        if (n - i <= k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((p[i + j] & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i + j] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += k + 1;
    }
    return 1;
}
