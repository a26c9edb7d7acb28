/*
 * svg.c - a small XML writer for the HTML report and its inline SVG
 * charts.  It keeps the stack of open elements, so what it writes is
 * always well-formed: every element is closed in order, every text and
 * attribute value is escaped (&, <, >, quotes, and characters XML does not
 * allow become U+FFFD).  What it writes is also valid HTML: an empty
 * element outside SVG is written <td></td>, never <td/>, and the void
 * elements of HTML (meta, br...) are written <meta ... />.  On allocation
 * failure the buffer's oom flag is set and the rest is ignored.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "wres_private.h"

void wres__xml_init(wres__xml *x, wres__buf *b)
{
    memset(x, 0, sizeof *x);
    x->b = b;
}

void wres__xml_escape(wres__buf *b, const char *s, size_t n)
{
    size_t i = 0, run = 0;

    /* copy runs of plain bytes in one go */
#define FLUSH() do { if (run) wres__buf_add(b, s + i - run, run); run = 0; } while (0)
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t skip = 1;

        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\t': rep = "&#9;"; break;     /* kept in attribute values too */
        case '\n': rep = "&#10;"; break;
        case '\r': rep = "&#13;"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                rep = "\xef\xbf\xbd";
            } else if (c == 0xc2 && i + 1 < n &&
                       (unsigned char)s[i + 1] >= 0x80 &&
                       (unsigned char)s[i + 1] <= 0x9f) {
                rep = "\xef\xbf\xbd";   /* C1 controls */
                skip = 2;
            } else if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbf &&
                       ((unsigned char)s[i + 2] == 0xbe ||
                        (unsigned char)s[i + 2] == 0xbf)) {
                rep = "\xef\xbf\xbd";   /* U+FFFE, U+FFFF: not XML */
                skip = 3;
            }
            break;
        }
        if (rep) {
            FLUSH();
            wres__buf_puts(b, rep);
            i += skip;
        } else {
            i++;
            run++;
        }
    }
    FLUSH();
#undef FLUSH
}

/* The void elements of HTML: no end tag. */
static int is_void(const char *name)
{
    static const char *const v[] = {"meta", "br", "hr", "col", "link", "img",
                                    "wbr"};
    size_t i;

    for (i = 0; i < sizeof v / sizeof v[0]; i++)
        if (strcmp(name, v[i]) == 0)
            return 1;
    return 0;
}

/* Block elements end their line, so that the page reads (and diffs) line
 * by line; inline ones (text, cells, strong) do not, since a newline
 * there would be a space. */
static int ends_line(const char *name)
{
    static const char *const v[] = {
        "html", "head", "body", "header", "footer", "main", "section", "nav",
        "ul", "li", "div", "p", "figure", "table", "caption", "thead",
        "tbody", "tr", "h1", "h2", "h3", "style", "title", "meta", "svg",
        "desc", "defs", "pattern", "g"};
    size_t i;

    for (i = 0; i < sizeof v / sizeof v[0]; i++)
        if (strcmp(name, v[i]) == 0)
            return 1;
    return 0;
}

/* End the start tag still open, if any: its content follows. */
static void close_tag(wres__xml *x)
{
    if (x->in_tag) {
        wres__buf_add(x->b, ">", 1);
        x->in_tag = 0;
    }
}

void wres__xml_start(wres__xml *x, const char *name)
{
    close_tag(x);
    if (x->depth >= WRES__XML_DEPTH) {
        x->b->oom = 1;   /* a bug of the caller: fail the rendering */
        return;
    }
    x->open[x->depth++] = name;
    if (!x->svg_depth && strcmp(name, "svg") == 0)
        x->svg_depth = x->depth;
    wres__buf_add(x->b, "<", 1);
    wres__buf_puts(x->b, name);
    x->in_tag = 1;
}

void wres__xml_attr(wres__xml *x, const char *name, const char *value)
{
    if (!x->in_tag)
        return;
    wres__buf_add(x->b, " ", 1);
    wres__buf_puts(x->b, name);
    wres__buf_add(x->b, "=\"", 2);
    wres__xml_escape(x->b, value, strlen(value));
    wres__buf_add(x->b, "\"", 1);
}

void wres__xml_attr_num(wres__xml *x, const char *name, double v)
{
    char t[48];

    wres__svg_num(t, sizeof t, v);
    wres__xml_attr(x, name, t);
}

void wres__xml_text(wres__xml *x, const char *s)
{
    close_tag(x);
    wres__xml_escape(x->b, s, strlen(s));
}

void wres__xml_vtextf(wres__xml *x, const char *fmt, va_list ap)
{
    char small[256], *big;
    va_list again;
    int n;

    va_copy(again, ap);
    n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        x->b->oom = 1;
    } else if ((size_t)n < sizeof small) {
        wres__xml_text(x, small);
    } else if (!(big = wres__malloc((size_t)n + 1))) {
        x->b->oom = 1;
    } else {
        vsnprintf(big, (size_t)n + 1, fmt, again);
        wres__xml_text(x, big);
        wres__free(big);
    }
    va_end(again);
}

void wres__xml_textf(wres__xml *x, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    wres__xml_vtextf(x, fmt, ap);
    va_end(ap);
}

void wres__xml_raw(wres__xml *x, const char *s)
{
    close_tag(x);
    wres__buf_puts(x->b, s);
}

void wres__xml_end(wres__xml *x)
{
    const char *name;

    if (x->depth == 0) {
        x->b->oom = 1;   /* a bug of the caller */
        return;
    }
    name = x->open[--x->depth];
    if (x->in_tag && (x->svg_depth || is_void(name))) {
        wres__buf_add(x->b, " />", 3);
    } else {
        close_tag(x);
        wres__buf_add(x->b, "</", 2);
        wres__buf_puts(x->b, name);
        wres__buf_add(x->b, ">", 1);
    }
    x->in_tag = 0;
    if (x->svg_depth > x->depth)
        x->svg_depth = 0;
    if (ends_line(name))
        wres__buf_add(x->b, "\n", 1);
}

void wres__xml_elem(wres__xml *x, const char *name, const char *text)
{
    wres__xml_start(x, name);
    wres__xml_text(x, text);
    wres__xml_end(x);
}

void wres__svg_num(char *out, size_t cap, double v)
{
    char *p;

    if (!isfinite(v))
        v = 0.0;
    wres__fmt_fixed(out, cap, v, 2);
    /* 12.50 -> 12.5, 100.00 -> 100 */
    p = strchr(out, '.');
    if (p) {
        char *e = p + strlen(p) - 1;
        while (e > p && *e == '0')
            *e-- = '\0';
        if (e == p)
            *p = '\0';
    }
    if (strcmp(out, "-0") == 0)
        memcpy(out, "0", 2);
}
