/*
 * report_html.c - the report model as one self-contained HTML page (no
 * scripts, no external fonts, images or style sheets) with an inline SVG
 * chart per figure, the counts behind each chart in a table, a plain-
 * language note on how to read it, and the data-quality figures.  It is
 * written to be read on paper by a board member: greyscale-safe patterns
 * and markers on top of the Okabe-Ito colours, every value also in words.
 *
 * Like the other writers it computes nothing but percentages of counts
 * for display.  Every drawing routine takes a series of values and skips a
 * value that is NaN (a null figure), writing "not available" instead; so
 * the same routines will draw other series (per ethnic group, per year,
 * with suppressed values as nulls) when the model has them.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "wres_private.h"

#define CHART_W 720.0   /* width of every chart in SVG units (CSS px) */
#define NA "not available"
#define SUP "suppressed"    /* a count withheld from publication */

/* Bar styles: colour (Okabe-Ito) and a pattern for greyscale. */
enum { ST_WHITE = 0, ST_BME = 1, ST_OTHER = 2, ST_N = 3 };
static const char *const st_colour[ST_N] = {"#0072B2", "#E69F00", "#009E73"};
static const char *const st_pattern[ST_N] = {"white", "bme", "other"};

typedef struct page {
    wres__xml x;
    const wres__model *m;
    const char *org;        /* the organisation as shown */
    char conf[32];          /* the confidence level in percent: "95" */
    char alpha[32];         /* 1 - confidence: "0.05" */
    int table_sup;          /* the open table shows a suppressed count */
} page;

/* ---- small formatting helpers ------------------------------------------- */

typedef struct num_text {
    char s[64];
} num_text;

static num_text fixed(double v, int decimals)
{
    num_text t;

    wres__fmt_fixed(t.s, sizeof t.s, v, decimals);
    if (strcmp(t.s, "-0.0") == 0 || strcmp(t.s, "-0.00") == 0)
        memmove(t.s, t.s + 1, strlen(t.s));
    return t;
}

/* 70.6%, or "not available" */
static num_text pct_text(double v)
{
    num_text t;
    size_t n;

    if (!isfinite(v)) {
        snprintf(t.s, sizeof t.s, "%s", NA);
        return t;
    }
    t = fixed(v, 1);
    n = strlen(t.s);
    if (n + 1 < sizeof t.s) {
        t.s[n] = '%';
        t.s[n + 1] = '\0';
    }
    return t;
}

/* 0.050000 -> 0.05 */
static void trim_zeros(char *s)
{
    char *e, *dot = strchr(s, '.');

    if (!dot)
        return;
    e = dot + strlen(dot) - 1;
    while (e > dot && *e == '0')
        *e-- = '\0';
    if (e == dot)
        *e = '\0';
}

/* A count, or "suppressed" (publication-safe output holds a withheld
 * count as WRES__SUPPRESSED; counts are otherwise never negative). */
static num_text count_text(int64_t v)
{
    num_text t;

    if (v < 0)
        snprintf(t.s, sizeof t.s, "%s", SUP);
    else
        snprintf(t.s, sizeof t.s, "%lld", (long long)v);
    return t;
}

/* A percentage, or why it is missing: "suppressed" when sup (a count it
 * uses is withheld), else "not available". */
static num_text pct_or(double v, int sup)
{
    num_text t;

    if (!isfinite(v) && sup) {
        snprintf(t.s, sizeof t.s, "%s", SUP);
        return t;
    }
    return pct_text(v);
}

static num_text p_text(double p)
{
    num_text t;

    if (!isfinite(p))
        snprintf(t.s, sizeof t.s, "%s", NA);
    else if (p < 0.0001)
        snprintf(t.s, sizeof t.s, "< 0.0001");
    else
        t = fixed(p, 4);
    return t;
}

static const char *yes_no(int v)
{
    return v < 0 ? NA : v ? "yes" : "no";
}

static const char *sgroup_title(int g)
{
    static const char *const t[WRES__SGROUPS] = {"Non-clinical staff",
                                                 "Clinical staff",
                                                 "Medical and dental staff"};
    return g >= 0 && g < WRES__SGROUPS ? t[g] : "All staff groups";
}

/* A text built piece by piece (a chart's <desc>); its failure is the
 * page's. */
static const char *done_text(page *p, wres__buf *t)
{
    if (t->oom)
        p->x.b->oom = 1;
    return t->p && !t->oom ? t->p : "";
}

/* ---- HTML pieces -------------------------------------------------------- */

static void el(page *p, const char *name, const char *cls, const char *text)
{
    wres__xml_start(&p->x, name);
    if (cls)
        wres__xml_attr(&p->x, "class", cls);
    wres__xml_text(&p->x, text);
    wres__xml_end(&p->x);
}

static void th(page *p, const char *scope, const char *text)
{
    wres__xml_start(&p->x, "th");
    wres__xml_attr(&p->x, "scope", scope);
    wres__xml_text(&p->x, text);
    wres__xml_end(&p->x);
}

static void td(page *p, const char *text)
{
    if (strcmp(text, SUP) == 0)
        p->table_sup = 1;
    el(p, "td", "n", text);
}

static void td_count(page *p, int64_t v)
{
    td(p, count_text(v).s);
}

/* <table><caption>..</caption><thead><tr><th scope=col>...</tr></thead><tbody> */
static void table_start(page *p, const char *caption, const char *const *cols,
                        size_t n)
{
    size_t i;

    p->table_sup = 0;
    wres__xml_start(&p->x, "table");
    el(p, "caption", NULL, caption);
    wres__xml_start(&p->x, "thead");
    wres__xml_start(&p->x, "tr");
    for (i = 0; i < n; i++)
        th(p, "col", cols[i]);
    wres__xml_end(&p->x);
    wres__xml_end(&p->x);
    wres__xml_start(&p->x, "tbody");
}

/* What "suppressed" means, under a table that shows the word. */
static void sup_footnote(page *p)
{
    wres__xml_start(&p->x, "p");
    wres__xml_attr(&p->x, "class", "fn");
    wres__xml_textf(&p->x, "suppressed: a count from 1 to %lld, or one that "
                    "would reveal such a count, and any figure computed from "
                    "one; ",
                    (long long)p->m->suppress_max);
    if (p->m->round_base > 1)
        wres__xml_textf(&p->x, "other counts rounded to a multiple of %lld.",
                        (long long)p->m->round_base);
    else
        wres__xml_text(&p->x, "other counts as they are.");
    wres__xml_end(&p->x);
}

static void table_end(page *p)
{
    wres__xml_end(&p->x);   /* tbody */
    wres__xml_end(&p->x);   /* table */
    if (p->table_sup)
        sup_footnote(p);
    p->table_sup = 0;
}

static void not_available(page *p, const char *why)
{
    wres__xml_start(&p->x, "p");
    wres__xml_attr(&p->x, "class", "na");
    wres__xml_textf(&p->x, "Not available: %s", why);
    wres__xml_end(&p->x);
}

/* ---- SVG pieces --------------------------------------------------------- */

static void svg_open(page *p, const char *id, double h, const char *title,
                     const char *desc)
{
    wres__xml *x = &p->x;
    char t[80], ids[200];
    int s;

    wres__xml_start(x, "svg");
    wres__xml_attr(x, "xmlns", "http://www.w3.org/2000/svg");
    wres__xml_attr(x, "id", id);
    wres__xml_attr(x, "class", "chart");
    wres__xml_attr_num(x, "width", CHART_W);
    wres__xml_attr_num(x, "height", h);
    snprintf(t, sizeof t, "0 0 %d %d", (int)CHART_W, (int)ceil(h));
    wres__xml_attr(x, "viewBox", t);
    wres__xml_attr(x, "role", "img");
    snprintf(ids, sizeof ids, "%s-title %s-desc", id, id);
    wres__xml_attr(x, "aria-labelledby", ids);
    wres__xml_attr(x, "font-family", "Arial, Helvetica, sans-serif");
    wres__xml_attr(x, "font-size", "12");
    wres__xml_start(x, "title");
    snprintf(ids, sizeof ids, "%s-title", id);
    wres__xml_attr(x, "id", ids);
    wres__xml_text(x, title);
    wres__xml_end(x);
    wres__xml_start(x, "desc");
    snprintf(ids, sizeof ids, "%s-desc", id);
    wres__xml_attr(x, "id", ids);
    wres__xml_text(x, desc);
    wres__xml_end(x);
    /* fills: a colour and, for greyscale, a pattern (white: solid; BME:
     * diagonal hatching; other: horizontal lines) */
    wres__xml_start(x, "defs");
    for (s = 0; s < ST_N; s++) {
        snprintf(ids, sizeof ids, "%s-%s", id, st_pattern[s]);
        wres__xml_start(x, "pattern");
        wres__xml_attr(x, "id", ids);
        wres__xml_attr(x, "width", "6");
        wres__xml_attr(x, "height", "6");
        wres__xml_attr(x, "patternUnits", "userSpaceOnUse");
        if (s == ST_BME)
            wres__xml_attr(x, "patternTransform", "rotate(45)");
        wres__xml_start(x, "rect");
        wres__xml_attr(x, "width", "6");
        wres__xml_attr(x, "height", "6");
        wres__xml_attr(x, "fill", st_colour[s]);
        wres__xml_end(x);
        if (s != ST_WHITE) {
            wres__xml_start(x, "path");
            wres__xml_attr(x, "d", s == ST_BME ? "M0 0V6" : "M0 3H6");
            wres__xml_attr(x, "stroke", "#000");
            wres__xml_attr(x, "stroke-opacity", "0.6");
            wres__xml_attr(x, "stroke-width", "1.6");
            wres__xml_end(x);
        }
        wres__xml_end(x);   /* pattern */
    }
    wres__xml_end(x);       /* defs */
}

static void fill_ref(page *p, const char *id, int style)
{
    char t[200];

    snprintf(t, sizeof t, "url(#%s-%s)", id, st_pattern[style]);
    wres__xml_attr(&p->x, "fill", t);
}

static void line(page *p, const char *cls, double x1, double y1, double x2,
                 double y2, const char *stroke, double width, const char *dash)
{
    wres__xml *x = &p->x;

    wres__xml_start(x, "line");
    if (cls)
        wres__xml_attr(x, "class", cls);
    wres__xml_attr_num(x, "x1", x1);
    wres__xml_attr_num(x, "y1", y1);
    wres__xml_attr_num(x, "x2", x2);
    wres__xml_attr_num(x, "y2", y2);
    wres__xml_attr(x, "stroke", stroke);
    wres__xml_attr_num(x, "stroke-width", width);
    if (dash)
        wres__xml_attr(x, "stroke-dasharray", dash);
    wres__xml_end(x);
}

/* A line with a white halo, so it shows over bars of any colour. */
static void halo_line(page *p, const char *cls, double x1, double y1,
                      double x2, double y2, double width, const char *dash)
{
    wres__xml_start(&p->x, "g");
    if (cls)
        wres__xml_attr(&p->x, "class", cls);
    line(p, NULL, x1, y1, x2, y2, "#fff", width + 2.5, NULL);
    line(p, NULL, x1, y1, x2, y2, "#000", width, dash);
    wres__xml_end(&p->x);
}

/* An interval: a horizontal line with end caps, at height y. */
static void whisker(page *p, double x1, double x2, double y)
{
    wres__xml_start(&p->x, "g");
    wres__xml_attr(&p->x, "class", "ci");
    line(p, NULL, x1, y, x2, y, "#fff", 4.0, NULL);
    line(p, NULL, x1, y - 5, x1, y + 5, "#fff", 4.0, NULL);
    line(p, NULL, x2, y - 5, x2, y + 5, "#fff", 4.0, NULL);
    line(p, NULL, x1, y, x2, y, "#000", 1.5, NULL);
    line(p, NULL, x1, y - 5, x1, y + 5, "#000", 1.5, NULL);
    line(p, NULL, x2, y - 5, x2, y + 5, "#000", 1.5, NULL);
    wres__xml_end(&p->x);
}

static void text(page *p, double x0, double y0, const char *anchor,
                 const char *cls, const char *s)
{
    wres__xml *x = &p->x;

    wres__xml_start(x, "text");
    if (cls)
        wres__xml_attr(x, "class", cls);
    wres__xml_attr_num(x, "x", x0);
    wres__xml_attr_num(x, "y", y0);
    if (anchor)
        wres__xml_attr(x, "text-anchor", anchor);
    if (cls && strcmp(cls, "na") == 0)
        wres__xml_attr(x, "font-style", "italic");
    wres__xml_text(x, s);
    wres__xml_end(x);
}

static void rect(page *p, const char *cls, double x0, double y0, double w,
                 double h)
{
    wres__xml *x = &p->x;

    wres__xml_start(x, "rect");
    if (cls)
        wres__xml_attr(x, "class", cls);
    wres__xml_attr_num(x, "x", x0);
    wres__xml_attr_num(x, "y", y0);
    wres__xml_attr_num(x, "width", w);
    wres__xml_attr_num(x, "height", h);
}

/* The legend: entries in two columns from y0; returns the height used. */
enum { LG_BAR, LG_LINE_DASH, LG_LINE_DOT, LG_LINE_SOLID, LG_CI, LG_POINT,
       LG_BAND, LG_HLINE };
typedef struct legend_item {
    int kind, style;
    const char *label;
} legend_item;

static double legend(page *p, const char *id, const legend_item *it, size_t n,
                     double y0)
{
    size_t i;

    wres__xml_start(&p->x, "g");
    wres__xml_attr(&p->x, "class", "legend");
    for (i = 0; i < n; i++) {
        double lx = 10 + (double)(i % 2) * 360, ly = y0 + (double)(i / 2) * 20;
        switch (it[i].kind) {
        case LG_BAR:
            rect(p, NULL, lx, ly, 24, 14);
            fill_ref(p, id, it[i].style);
            wres__xml_attr(&p->x, "stroke", "#000");
            wres__xml_attr(&p->x, "stroke-width", "0.5");
            wres__xml_end(&p->x);
            break;
        case LG_LINE_DASH:
            halo_line(p, NULL, lx, ly + 7, lx + 24, ly + 7, 2, "6 3");
            break;
        case LG_LINE_DOT:
            halo_line(p, NULL, lx, ly + 7, lx + 24, ly + 7, 2, "2 2");
            break;
        case LG_LINE_SOLID:
            line(p, NULL, lx + 12, ly, lx + 12, ly + 14, "#000", 1.5, NULL);
            break;
        case LG_HLINE:
            line(p, NULL, lx, ly + 7, lx + 24, ly + 7, "#000", 1.5, NULL);
            break;
        case LG_CI:
            whisker(p, lx + 2, lx + 22, ly + 7);
            break;
        case LG_POINT:
            wres__xml_start(&p->x, "circle");
            wres__xml_attr_num(&p->x, "cx", lx + 12);
            wres__xml_attr_num(&p->x, "cy", ly + 7);
            wres__xml_attr(&p->x, "r", "5");
            wres__xml_attr(&p->x, "fill", "#000");
            wres__xml_end(&p->x);
            break;
        case LG_BAND:
            rect(p, NULL, lx, ly, 24, 14);
            wres__xml_attr(&p->x, "fill", "#d9d9d9");
            wres__xml_attr(&p->x, "stroke", "#888");
            wres__xml_attr(&p->x, "stroke-width", "0.5");
            wres__xml_end(&p->x);
            break;
        }
        text(p, lx + 32, ly + 11.5, NULL, NULL, it[i].label);
    }
    wres__xml_end(&p->x);
    return (double)((n + 1) / 2) * 20;
}

/* ---- bar chart: percentages on 0..100 ------------------------------------
 * One horizontal bar per row; rows come in groups (a label at the left for
 * each group), values in a column at the right.  Reference lines (say,
 * the whole workforce) cross the chart.  A NaN value is not drawn: its row
 * says "not available". */
typedef struct bar_row {
    const char *group;      /* non-NULL: starts a group with this label */
    int style;              /* ST_* */
    const char *tag;        /* before the value at the right, or NULL */
    double v, lo, hi;       /* percent; lo, hi NaN: no interval */
    int sup;                /* v is NaN because a count is suppressed */
} bar_row;

typedef struct ref_line {
    const char *label;      /* legend text */
    double v;               /* percent; NaN: not drawn */
    int dotted;
} ref_line;

typedef struct bar_spec {
    const char *id, *title, *desc, *axis;
    const char *series[ST_N];   /* legend text of each style used, or NULL */
    const bar_row *rows;
    size_t n_rows;
    const ref_line *refs;
    size_t n_refs;
    int with_ci;
    double label_w;         /* room for the row labels; 0: 150 */
    double xmax;            /* the axis ends at xmax %; 0: 100 */
} bar_spec;

#define BAR_H 16.0
#define BAR_GAP 3.0
#define GROUP_GAP 9.0

static double pct_x(double v, double pl, double pr, double top)
{
    if (v < 0)
        v = 0;
    if (v > top)
        v = top;
    return pl + v / top * (pr - pl);
}

/* The end of a percentage axis that holds every bar: 10, 20, 25, 50 or
 * 100. */
static double pct_top(const bar_row *rows, size_t n)
{
    static const double tops[] = {10, 20, 25, 50};
    double vmax = 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (isfinite(rows[i].v) && rows[i].v > vmax)
            vmax = rows[i].v;
    for (i = 0; i < sizeof tops / sizeof tops[0]; i++)
        if (vmax * 1.05 <= tops[i])
            return tops[i];
    return 100;
}

static void bar_chart(page *p, const bar_spec *c)
{
    wres__xml *x = &p->x;
    legend_item items[ST_N + 4];
    size_t n_items = 0, i, g0 = 0;
    double pl = c->label_w > 0 ? c->label_w : 150;
    double pr = c->with_ci ? 520 : 600, pt, pb, h, y, lh, gy = 0;
    double top = c->xmax > 0 ? c->xmax : 100;
    int s, t;

    for (s = 0; s < ST_N; s++)
        if (c->series[s]) {
            items[n_items].kind = LG_BAR;
            items[n_items].style = s;
            items[n_items++].label = c->series[s];
        }
    if (c->with_ci) {
        items[n_items].kind = LG_CI;
        items[n_items].style = 0;
        items[n_items++].label = "interval (see the note)";
    }
    for (i = 0; i < c->n_refs && n_items < sizeof items / sizeof items[0]; i++) {
        items[n_items].kind = c->refs[i].dotted ? LG_LINE_DOT : LG_LINE_DASH;
        items[n_items].style = 0;
        items[n_items++].label = c->refs[i].label;
    }
    lh = (double)((n_items + 1) / 2) * 20;
    pt = 10 + lh + 10;
    y = pt + 4;
    for (i = 0; i < c->n_rows; i++) {
        if (c->rows[i].group && i)
            y += GROUP_GAP;
        y += BAR_H + BAR_GAP;
    }
    pb = y + 2;
    h = pb + 44;

    svg_open(p, c->id, h, c->title, c->desc);
    legend(p, c->id, items, n_items, 10);

    /* grid and axis */
    wres__xml_start(x, "g");
    wres__xml_attr(x, "class", "axis");
    for (t = 0; t <= 5; t++) {
        char lab[16];
        double gx = pct_x(top * t / 5, pl, pr, top);
        line(p, NULL, gx, pt, gx, pb, "#c8c8c8", 1, NULL);
        snprintf(lab, sizeof lab, "%d%%", (int)(top * t / 5));
        text(p, gx, pb + 16, "middle", NULL, lab);
    }
    line(p, NULL, pl, pt, pl, pb, "#000", 1, NULL);
    text(p, (pl + pr) / 2, pb + 36, "middle", NULL, c->axis);
    wres__xml_end(x);

    /* bars, intervals, values, group labels */
    y = pt + 4;
    for (i = 0; i < c->n_rows; i++) {
        const bar_row *r = &c->rows[i];
        double yc;
        if (r->group || i == 0) {
            if (i)
                y += GROUP_GAP;
            g0 = i;
            gy = y;
        }
        yc = y + BAR_H / 2;
        if (isfinite(r->v)) {
            rect(p, "bar", pl, y, pct_x(r->v, pl, pr, top) - pl, BAR_H);
            fill_ref(p, c->id, r->style);
            wres__xml_attr(x, "stroke", "#000");
            wres__xml_attr(x, "stroke-width", "0.5");
            wres__xml_end(x);
            if (c->with_ci && isfinite(r->lo) && isfinite(r->hi))
                whisker(p, pct_x(r->lo, pl, pr, top), pct_x(r->hi, pl, pr, top), yc);
            wres__xml_start(x, "text");
            wres__xml_attr_num(x, "x", pr + 12);
            wres__xml_attr_num(x, "y", yc + 4);
            if (r->tag)
                wres__xml_textf(x, "%s ", r->tag);
            if (c->with_ci && isfinite(r->lo) && isfinite(r->hi))
                wres__xml_textf(x, "%s (%s to %s)", pct_text(r->v).s,
                                fixed(r->lo, 1).s, fixed(r->hi, 1).s);
            else
                wres__xml_text(x, pct_text(r->v).s);
            wres__xml_end(x);
        } else {
            const char *why = r->sup ? SUP : NA;
            text(p, pl + 6, yc + 4, NULL, "na", why);
            wres__xml_start(x, "text");
            wres__xml_attr(x, "class", "na");
            wres__xml_attr_num(x, "x", pr + 12);
            wres__xml_attr_num(x, "y", yc + 4);
            wres__xml_attr(x, "font-style", "italic");
            if (r->tag)
                wres__xml_textf(x, "%s ", r->tag);
            wres__xml_text(x, why);
            wres__xml_end(x);
        }
        y += BAR_H + BAR_GAP;
        /* the group's label, centred on its bars, once the group ends */
        if (i + 1 == c->n_rows || c->rows[i + 1].group) {
            if (c->rows[g0].group)
                text(p, pl - 8, (gy + y - BAR_GAP) / 2 + 4, "end", NULL,
                     c->rows[g0].group);
        }
    }

    /* reference lines on top */
    for (i = 0; i < c->n_refs; i++)
        if (isfinite(c->refs[i].v)) {
            double rx = pct_x(c->refs[i].v, pl, pr, top);
            halo_line(p, "ref", rx, pt - 4, rx, pb, 2,
                      c->refs[i].dotted ? "2 2" : "6 3");
        }
    wres__xml_end(x);   /* svg */
}

/* ---- relative-likelihood chart: log scale -------------------------------
 * One row per figure: the point, its interval, the shaded non-adverse
 * range 0.80-1.25 and the line of parity at 1.  A null figure, or 0 (no
 * place on a log scale), is written, not drawn. */
typedef struct rl_row {
    const char *label;
    const wres__rl *r;
} rl_row;

typedef struct rl_spec {
    const char *id, *title, *desc;
    const char *below, *above;  /* what a value below / above 1 means */
    const rl_row *rows;
    size_t n_rows;
    double label_w;             /* room for the row labels; 0: 150 */
    double row_h;               /* 0: RL_ROW_H */
} rl_spec;

/* A relative likelihood null because a count it uses is suppressed. */
static int rl_sup(const wres__rl *r)
{
    return r->white.n < 0 || r->white.events < 0 || r->bme.n < 0 ||
           r->bme.events < 0;
}

#define RL_MAX 100.0

static int tick_decade(double v)
{
    return v == 0.01 || v == 0.1 || v == 1 || v == 10 || v == 100;
}
#define RL_ROW_H 34.0

static void rl_chart(page *p, const rl_spec *c)
{
    static const double ends[] = {2, 5, 10, 20, 50, 100};
    static const double ticks[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,
                                   2, 5, 10, 20, 50, 100};
    wres__xml *x = &p->x;
    legend_item items[4] = {{LG_POINT, 0, "relative likelihood"},
                            {LG_CI, 0, "interval (see the note)"},
                            {LG_BAND, 0, "non-adverse range 0.80 to 1.25"},
                            {LG_LINE_SOLID, 0, "1: equally likely"}};
    double pl = c->label_w > 0 ? c->label_w : 150, pr = 520, pt, pb, h;
    double span = 2, amax, y, row_h = c->row_h > 0 ? c->row_h : RL_ROW_H;
    size_t i, k;

    /* the scale: symmetric about 1, wide enough for every finite value */
    for (i = 0; i < c->n_rows; i++) {
        const wres__rl *r = c->rows[i].r;
        double v[3] = {r->rl, r->lo, r->hi};
        for (k = 0; k < 3; k++)
            if (isfinite(v[k]) && v[k] > 0) {
                double f = v[k] >= 1 ? v[k] : 1 / v[k];
                if (f > span)
                    span = f;
            }
    }
    amax = RL_MAX;
    for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
        if (ends[k] >= span) {
            amax = ends[k];
            break;
        }
#define RLX(v) (pl + (log(v) / log(amax) + 1) / 2 * (pr - pl))

    pt = 10 + 40 + 12;
    pb = pt + (double)c->n_rows * row_h + 4;
    h = pb + 72;
    svg_open(p, c->id, h, c->title, c->desc);
    legend(p, c->id, items, 4, 10);

    /* the non-adverse range, the grid, parity */
    rect(p, "band", RLX(0.8), pt, RLX(1.25) - RLX(0.8), pb - pt);
    wres__xml_attr(x, "fill", "#d9d9d9");
    wres__xml_end(x);
    wres__xml_start(x, "g");
    wres__xml_attr(x, "class", "axis");
    for (k = 0; k < sizeof ticks / sizeof ticks[0]; k++) {
        char lab[32];
        double tx;
        if (ticks[k] < 1 / amax * 0.999 || ticks[k] > amax * 1.001)
            continue;
        tx = RLX(ticks[k]);
        if (ticks[k] != 1)
            line(p, NULL, tx, pt, tx, pb, "#c8c8c8", 1, NULL);
        if (amax > 10 && !tick_decade(ticks[k]))
            continue;   /* too close to label: powers of ten only */
        wres__fmt_double(lab, sizeof lab, ticks[k]);
        text(p, tx, pb + 16, "middle", NULL, lab);
    }
    if (amax <= 2) {
        /* room to label the range's ends too */
        text(p, RLX(0.8), pb + 16, "middle", NULL, "0.8");
        text(p, RLX(1.25), pb + 16, "middle", NULL, "1.25");
    }
    line(p, NULL, pl, pb, pr, pb, "#000", 1, NULL);
    text(p, (pl + pr) / 2, pb + 34, "middle", NULL,
         "Relative likelihood (ratio, logarithmic scale)");
    wres__xml_start(x, "text");
    wres__xml_attr_num(x, "x", pl);
    wres__xml_attr_num(x, "y", pb + 52);
    wres__xml_textf(x, "\xe2\x86\x90 below 1: %s", c->below);
    wres__xml_end(x);
    wres__xml_start(x, "text");
    wres__xml_attr_num(x, "x", pr);
    wres__xml_attr_num(x, "y", pb + 68);
    wres__xml_attr(x, "text-anchor", "end");
    wres__xml_textf(x, "above 1: %s \xe2\x86\x92", c->above);
    wres__xml_end(x);
    wres__xml_end(x);
    line(p, "parity", RLX(1), pt, RLX(1), pb, "#000", 1.5, NULL);

    y = pt + 4;
    for (i = 0; i < c->n_rows; i++) {
        const wres__rl *r = c->rows[i].r;
        double yc = y + row_h / 2;
        text(p, pl - 8, yc + 4, "end", NULL, c->rows[i].label);
        if (!isfinite(r->rl)) {
            const char *why = rl_sup(r) ? SUP : NA;
            text(p, pl + 6, yc + 4, NULL, "na", why);
            text(p, pr + 12, yc + 4, NULL, "na", why);
        } else if (r->rl <= 0) {
            text(p, pl + 6, yc + 4, NULL, "na", "0: cannot be shown on this scale");
            text(p, pr + 12, yc + 4, NULL, NULL, "0 (no interval)");
        } else {
            double cx = RLX(fmin(fmax(r->rl, 1 / amax), amax));
            if (isfinite(r->lo) && isfinite(r->hi))
                whisker(p, RLX(fmax(r->lo, 1 / amax)), RLX(fmin(r->hi, amax)), yc);
            wres__xml_start(x, "circle");
            wres__xml_attr(x, "class", "pt");
            wres__xml_attr_num(x, "cx", cx);
            wres__xml_attr_num(x, "cy", yc);
            wres__xml_attr(x, "r", "5.5");
            wres__xml_attr(x, "fill", "#000");
            wres__xml_attr(x, "stroke", "#fff");
            wres__xml_attr(x, "stroke-width", "1.5");
            wres__xml_end(x);
            wres__xml_start(x, "text");
            wres__xml_attr_num(x, "x", pr + 12);
            wres__xml_attr_num(x, "y", yc + 4);
            if (isfinite(r->lo) && isfinite(r->hi))
                wres__xml_textf(x, "%s (%s to %s)", fixed(r->rl, 2).s,
                                fixed(r->lo, 2).s, fixed(r->hi, 2).s);
            else
                wres__xml_text(x, fixed(r->rl, 2).s);
            wres__xml_end(x);
        }
        y += row_h;
    }
#undef RLX
    wres__xml_end(x);   /* svg */
}

/* ---- the page ----------------------------------------------------------- */

static const char *const style_sheet =
    "body{font-family:Arial,Helvetica,sans-serif;color:#111;background:#fff;"
    "max-width:48rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45;"
    "font-size:15px}"
    "h1{font-size:1.6rem;margin:0 0 .3rem}"
    "h2{font-size:1.25rem;border-bottom:2px solid #111;padding-bottom:.2rem;"
    "margin-top:2.2rem;break-after:avoid}"
    "h3{font-size:1.05rem;margin:1.4rem 0 .4rem;break-after:avoid}"
    "figure{margin:.6rem 0;break-inside:avoid}"
    "svg.chart{display:block;width:100%;height:auto;max-width:720px}"
    "table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem;"
    "break-inside:avoid;font-variant-numeric:tabular-nums}"
    "caption{text-align:left;font-weight:bold;padding:.2rem 0}"
    "th,td{border:1px solid #999;padding:.15rem .45rem;vertical-align:top}"
    "thead th{background:#eee}"
    "tbody th{text-align:left;font-weight:normal}"
    "td.n{text-align:right}"
    "td,tbody th{overflow-wrap:anywhere}"
    "td.n,td.k{white-space:nowrap;overflow-wrap:normal}"
    ".note p{margin:.3rem 0}"
    ".na{font-style:italic}"
    ".note{border-left:4px solid #0072B2;padding:.1rem .8rem;margin:.4rem 0 .8rem}"
    ".meta{color:#333}"
    ".publish{border:2px solid #111;padding:.3rem .7rem}"
    ".fn{font-size:.8rem;margin:-.6rem 0 1rem}"
    "nav ul{columns:2;padding-left:1.2rem}"
    "@page{size:A4;margin:14mm}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "nav{display:none}a{color:inherit;text-decoration:none}"
    "h2{break-before:auto}section{break-inside:auto}}";

static const char *const ind_heading[10] = {
    "",
    "Indicator 1: staff in each band compared with the overall workforce",
    "Indicator 2: white applicants appointed from shortlisting compared with "
    "BME applicants",
    "Indicator 3: BME staff entering the formal disciplinary process compared "
    "with white staff",
    "Indicator 4: white staff accessing non-mandatory training and CPD "
    "compared with BME staff",
    "Indicator 5: harassment, bullying or abuse from patients, relatives or "
    "the public",
    "Indicator 6: harassment, bullying or abuse from staff",
    "Indicator 7: equal opportunities for career progression or promotion",
    "Indicator 8: discrimination at work from a manager, team leader or other "
    "colleagues",
    "Indicator 9: board membership compared with the overall workforce",
};

/* Why an indicator is not available: the input it needs. */
static const char *const ind_needs[10] = {
    "",
    "no staff records were supplied for this organisation and year.",
    "no applicant records were supplied for this organisation and year.",
    "no staff records with disciplinary information were supplied for this "
    "organisation and year.",
    "no staff records with training information were supplied for this "
    "organisation and year.",
    "no staff survey answers to this question were supplied for this "
    "organisation and year.",
    "no staff survey answers to this question were supplied for this "
    "organisation and year.",
    "no staff survey answers to this question were supplied for this "
    "organisation and year.",
    "no staff survey answers to this question were supplied for this "
    "organisation and year.",
    "no board records were supplied for this organisation and year.",
};

static void section_start(page *p, int ind)
{
    char id[16];

    snprintf(id, sizeof id, "ind-%d", ind);
    wres__xml_start(&p->x, "section");
    wres__xml_attr(&p->x, "id", id);
    el(p, "h2", NULL, ind_heading[ind]);
}

/* A figure: the chart and the note on reading it. */
static void figure_start(page *p, const char *heading)
{
    if (heading)
        el(p, "h3", NULL, heading);
    wres__xml_start(&p->x, "figure");
}

/* The note under a chart: paragraphs, each with a lead in bold. */
static void note_start(page *p)
{
    wres__xml_start(&p->x, "div");
    wres__xml_attr(&p->x, "class", "note");
}

static void note_para(page *p, const char *lead, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void note_para(page *p, const char *lead, const char *fmt, ...)
{
    va_list ap;

    wres__xml_start(&p->x, "p");
    if (lead) {
        el(p, "strong", NULL, lead);
        wres__xml_text(&p->x, " ");
    }
    va_start(ap, fmt);
    wres__xml_vtextf(&p->x, fmt, ap);
    va_end(ap);
    wres__xml_end(&p->x);
}

static void note_end(page *p)
{
    wres__xml_end(&p->x);
}

/* ---- indicator 1 -------------------------------------------------------- */

#define I1_ROWS (2 * (WRES__BANDS + 1))

static void i1_table_row(page *p, const char *label, const wres__mix *m)
{
    wres__xml_start(&p->x, "tr");
    th(p, "row", label);
    td_count(p, m->white);
    td_count(p, m->bme);
    td_count(p, m->unknown);
    td_count(p, m->total);
    td(p, pct_or(m->pct[0], m->white < 0 || m->total < 0).s);
    td(p, pct_or(m->pct[1], m->bme < 0 || m->total < 0).s);
    td(p, pct_or(m->pct[2], m->unknown < 0 || m->total < 0).s);
    wres__xml_end(&p->x);
}

/* The bands of a chart from the top: the most senior first in each pay
 * structure, Agenda for Change (VSM down to Under Band 1), then the
 * medical grades (consultant first), then Other. */
static const int band_order[WRES__BANDS] = {
    WRES__BAND_VSM, WRES__BAND_9, WRES__BAND_8D, WRES__BAND_8C, WRES__BAND_8B,
    WRES__BAND_8A, WRES__BAND_7, WRES__BAND_6, WRES__BAND_5, WRES__BAND_4,
    WRES__BAND_3, WRES__BAND_2, WRES__BAND_1, WRES__BAND_UNDER1,
    WRES__BAND_CONSULTANT, WRES__BAND_CAREER, WRES__BAND_TRAINEE,
    WRES__BAND_OTHER};

/* Two bars, white and BME, of one band (or all bands) of mix mx; the
 * percentages are the model's (NaN when not computable or suppressed). */
static void i1_pair(bar_row *rows, const char *label, const wres__mix *mx,
                    wres__buf *d)
{
    rows[0].group = label;
    rows[0].style = ST_WHITE;
    rows[0].tag = "white";
    rows[0].v = mx->pct[0];
    rows[0].lo = rows[0].hi = NAN;
    rows[0].sup = mx->white < 0 || mx->total < 0;
    rows[1] = rows[0];
    rows[1].group = NULL;
    rows[1].style = ST_BME;
    rows[1].tag = "BME";
    rows[1].v = mx->pct[1];
    rows[1].sup = mx->bme < 0 || mx->total < 0;
    wres__buf_printf(d, " %s: white %s, BME %s of %s staff.", label,
                     pct_or(rows[0].v, rows[0].sup).s,
                     pct_or(rows[1].v, rows[1].sup).s,
                     count_text(mx->total).s);
}

/* The end of a chart's <desc>: what is not drawn, and why. */
static void desc_missing(wres__buf *d, const bar_row *rows, size_t n)
{
    size_t i, na = 0, sup = 0;

    for (i = 0; i < n; i++)
        if (!isfinite(rows[i].v)) {
            if (rows[i].sup)
                sup++;
            else
                na++;
        }
    if (na)
        wres__buf_printf(d, " %zu %s not drawn: not available (cannot be "
                         "computed from the data).", na,
                         na == 1 ? "value is" : "values are");
    if (sup)
        wres__buf_printf(d, " %zu %s not drawn: suppressed (a count it uses "
                         "is withheld from publication).", sup,
                         sup == 1 ? "value is" : "values are");
}

/* The chart and table of one staff group (sgroup -1: all groups). */
static void i1_chart(page *p, int sgroup)
{
    static const char *const cols[] = {"Band", "White", "BME", "Unknown",
                                       "Total", "White %", "BME %",
                                       "Unknown %"};
    const wres__model *m = p->m;
    bar_row rows[I1_ROWS];
    ref_line refs[2];
    bar_spec c;
    wres__buf d = {NULL, 0, 0, 0}, t = {NULL, 0, 0, 0};
    const wres__i1row *all = NULL;
    size_t n = 0, i, k;
    char id[32], cap[200];
    double wf_white = m->workforce.pct[0], wf_bme = m->workforce.pct[1];
    int wf_wsup = m->workforce.white < 0 || m->workforce.total < 0;
    int wf_bsup = m->workforce.bme < 0 || m->workforce.total < 0;

    for (i = 0; i < m->n_rows; i++)
        if (m->rows[i].sgroup == sgroup && m->rows[i].band < 0)
            all = &m->rows[i];
    snprintf(id, sizeof id, "chart-1-%s",
             sgroup < 0 ? "all" : wres__staff_group_name(sgroup));
    wres__buf_printf(&t, "Indicator 1: white and BME staff by band, %s, ",
                     sgroup_title(sgroup));
    wres__buf_puts(&t, p->org);
    wres__buf_printf(&t, ", %d", m->year);
    wres__buf_printf(&d, "Horizontal bar chart of the percentage of staff in "
                     "each band who are white and who are BME, %s, most "
                     "senior band at the top, with the whole workforce as "
                     "reference lines (white %s, BME %s).",
                     sgroup_title(sgroup), pct_or(wf_white, wf_wsup).s,
                     pct_or(wf_bme, wf_bsup).s);
    for (k = 0; k < WRES__BANDS; k++) {
        const wres__i1row *r = NULL;
        for (i = 0; i < m->n_rows; i++)
            if (m->rows[i].sgroup == sgroup && m->rows[i].band == band_order[k])
                r = &m->rows[i];
        if (!r || n + 2 > I1_ROWS - 2)
            continue;
        i1_pair(&rows[n], wres__band_name(r->band), &r->m, &d);
        n += 2;
    }
    if (all) {
        i1_pair(&rows[n], sgroup < 0 ? "All staff" : "All bands", &all->m, &d);
        n += 2;
    }
    desc_missing(&d, rows, n);
    if (!isfinite(wf_white) || !isfinite(wf_bme))
        wres__buf_printf(&d, " A whole-workforce line is not drawn: %s.",
                         wf_wsup || wf_bsup ? "a count it uses is suppressed"
                                            : "not available");
    refs[0].label = "whole workforce, white";
    refs[0].v = wf_white;
    refs[0].dotted = 0;
    refs[1].label = "whole workforce, BME";
    refs[1].v = wf_bme;
    refs[1].dotted = 1;

    memset(&c, 0, sizeof c);
    c.id = id;
    c.title = done_text(p, &t);
    c.desc = done_text(p, &d);
    c.axis = "Percentage of the staff in the band (%)";
    c.series[ST_WHITE] = "white staff";
    c.series[ST_BME] = "BME staff";
    c.rows = rows;
    c.n_rows = n;
    c.refs = refs;
    c.n_refs = 2;

    figure_start(p, sgroup_title(sgroup));
    bar_chart(p, &c);
    wres__xml_end(&p->x);   /* figure */
    wres__buf_free(&t);
    wres__buf_free(&d);

    snprintf(cap, sizeof cap, "%s by band: white, BME and unknown ethnicity "
             "(counts, and percentages of the band)", sgroup_title(sgroup));
    table_start(p, cap, cols, sizeof cols / sizeof cols[0]);
    for (i = 0; i < m->n_rows; i++)
        if (m->rows[i].sgroup == sgroup && m->rows[i].band >= 0)
            i1_table_row(p, wres__band_name(m->rows[i].band), &m->rows[i].m);
    if (all)
        i1_table_row(p, sgroup < 0 ? "All staff" : "All bands", &all->m);
    i1_table_row(p, "Whole workforce", &m->workforce);
    table_end(p);
}

static void indicator1(page *p)
{
    const wres__model *m = p->m;
    size_t i;
    int g;

    section_start(p, 1);
    if (!p->m->avail[1]) {
        not_available(p, ind_needs[1]);
        wres__xml_end(&p->x);
        return;
    }
    note_start(p);
    note_para(p, "What it shows.",
              "How white and BME staff are spread across the pay bands of "
              "each staff group, compared with the workforce as a whole. "
              "Where the BME share of the senior bands falls short of the BME "
              "share of the whole workforce, BME staff are under-represented "
              "at senior levels (the pattern called \"snowy white peaks\"). "
              "Bank-only staff are not counted.");
    note_para(p, "How to read it.",
             "Each pair of bars is one band: the percentage of its staff who "
             "are white (solid blue) and who are BME (hatched orange), the "
             "most senior bands at the top. The two vertical lines are the "
             "same percentages for the whole workforce: long dashes white "
             "(%s), short dots BME (%s). Medical grades follow the Agenda "
             "for Change bands, consultants first. Percentages are of "
             "everyone in the band, including staff whose ethnicity is not "
             "known, so white and BME together can be less than 100%%.",
             pct_or(m->workforce.pct[0], m->workforce.white < 0 ||
                                         m->workforce.total < 0).s,
             pct_or(m->workforce.pct[1], m->workforce.bme < 0 ||
                                         m->workforce.total < 0).s);
    note_end(p);
    for (g = 0; g < WRES__SGROUPS; g++)
        for (i = 0; i < m->n_rows; i++)
            if (m->rows[i].sgroup == g && m->rows[i].band < 0) {
                i1_chart(p, g);
                break;
            }
    i1_chart(p, -1);
    /* Per-ethnic-group representation (--groups, issue 6) goes here: the
     * same bar_chart() with a row per group and style ST_OTHER. */
    wres__xml_end(&p->x);   /* section */
}

/* ---- indicators 2-4 ----------------------------------------------------- */

typedef struct rl_words {
    int ind;
    const char *events, *of;    /* column names: "Appointed", "Shortlisted" */
    const char *below, *above;
    const char *meaning;
} rl_words;

static const rl_words rl_text[3] = {
    {2, "Appointed", "Shortlisted",
     "BME applicants more likely to be appointed",
     "white applicants more likely (adverse)",
     "The likelihood of a shortlisted white applicant being appointed, "
     "divided by the likelihood of a shortlisted BME applicant being "
     "appointed. Above 1, white applicants were more likely to be appointed "
     "from shortlisting: the adverse direction for BME applicants. 2 would "
     "mean twice as likely."},
    {3, "Entered the process", "Staff (headcount)",
     "white staff more likely to enter it",
     "BME staff more likely (adverse)",
     "The likelihood of a BME member of staff entering the formal "
     "disciplinary process, divided by the likelihood of a white member of "
     "staff entering it. Above 1, BME staff were more likely to enter it: "
     "the adverse direction for BME staff. Because cases are few, when the "
     "previous year's information is also held the two years are pooled for "
     "a steadier figure, and the latest year alone is shown beside it."},
    {4, "Accessed training", "Staff (headcount)",
     "BME staff more likely to access it",
     "white staff more likely (adverse)",
     "The likelihood of a white member of staff accessing non-mandatory "
     "training and CPD, divided by the likelihood of a BME member of staff "
     "accessing it. Above 1, white staff were more likely to access it: the "
     "adverse direction for BME staff."},
};

static void rl_desc(page *p, wres__buf *d, const rl_row *rows, size_t n)
{
    size_t i, na = 0, sup = 0;

    wres__buf_puts(d, "Relative likelihood on a logarithmic scale, with the "
                      "non-adverse range 0.80 to 1.25 shaded and a line at 1.");
    for (i = 0; i < n; i++) {
        const wres__rl *r = rows[i].r;
        wres__buf_printf(d, " %s: ", rows[i].label);
        if (!isfinite(r->rl)) {
            if (rl_sup(r)) {
                wres__buf_puts(d, SUP ".");
                sup++;
            } else {
                wres__buf_puts(d, NA ".");
                na++;
            }
            continue;
        }
        if (r->rl <= 0) {
            wres__buf_puts(d, "0, not drawn (no place on a logarithmic "
                              "scale).");
            continue;
        }
        wres__buf_puts(d, fixed(r->rl, 2).s);
        if (isfinite(r->lo) && isfinite(r->hi))
            wres__buf_printf(d, ", %s%% interval %s to %s", p->conf,
                             fixed(r->lo, 2).s, fixed(r->hi, 2).s);
        wres__buf_printf(d, ", %s the non-adverse range.",
                         r->non_adverse < 0 ? "not comparable with"
                         : r->non_adverse ? "within" : "outside");
    }
    if (na)
        wres__buf_printf(d, " Not drawn: %zu not available (cannot be "
                         "computed from the data).", na);
    if (sup)
        wres__buf_printf(d, " Not drawn: %zu suppressed (a count it uses is "
                         "withheld from publication).", sup);
}

/* The figures table of relative likelihoods: RL, interval, p, flags. */
static void rl_figures(page *p, const char *cap, const char *first,
                       const rl_row *rows, size_t n)
{
    char ci_col[64];
    const char *fcols[6] = {first, "Relative likelihood", ci_col,
                            "p-value", "Significant", "Within 0.80 to 1.25"};
    size_t i;

    snprintf(ci_col, sizeof ci_col, "%s%% interval", p->conf);
    table_start(p, cap, fcols, 6);
    for (i = 0; i < n; i++) {
        const wres__rl *r = rows[i].r;
        const char *why = rl_sup(r) ? SUP : NA;
        wres__xml_start(&p->x, "tr");
        th(p, "row", rows[i].label);
        td(p, isfinite(r->rl) ? fixed(r->rl, 2).s : why);
        if (isfinite(r->lo) && isfinite(r->hi)) {
            wres__xml_start(&p->x, "td");
            wres__xml_attr(&p->x, "class", "n");
            wres__xml_textf(&p->x, "%s to %s", fixed(r->lo, 2).s,
                            fixed(r->hi, 2).s);
            wres__xml_end(&p->x);
        } else {
            td(p, why);
        }
        td(p, isfinite(r->p) ? p_text(r->p).s : why);
        td(p, r->significant < 0 ? why : yes_no(r->significant));
        td(p, r->non_adverse < 0 ? why : yes_no(r->non_adverse));
        wres__xml_end(&p->x);
    }
    table_end(p);
}

static void rate_cells(page *p, const wres__rate *r)
{
    td_count(p, r->n);
    td_count(p, r->events);
    td(p, pct_or(r->rate * 100.0, r->n < 0 || r->events < 0).s);
}

static void rl_tables(page *p, const rl_words *w, const rl_row *rows,
                      size_t n)
{
    const char *cols[4] = {"Figure and group", w->of, w->events, "Rate %"};
    char cap[300];
    size_t i;
    int g;

    snprintf(cap, sizeof cap, "Indicator %d: the counts behind the chart", w->ind);
    table_start(p, cap, cols, 4);
    for (i = 0; i < n; i++)
        for (g = 0; g < 2; g++) {
            const wres__rate *r = g ? &rows[i].r->bme : &rows[i].r->white;
            char label[160];
            snprintf(label, sizeof label, "%s, %s", rows[i].label,
                     g ? "BME" : "white");
            wres__xml_start(&p->x, "tr");
            th(p, "row", label);
            rate_cells(p, r);
            wres__xml_end(&p->x);
        }
    table_end(p);
    snprintf(cap, sizeof cap, "Indicator %d: the figures", w->ind);
    rl_figures(p, cap, "Figure", rows, n);
}

/* The chart, note and tables of one relative likelihood (2, 3 or 4). */
static void rl_indicator(page *p, const rl_words *w, const rl_row *rows,
                         size_t n)
{
    rl_spec c;
    wres__buf t = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
    char id[32];

    snprintf(id, sizeof id, "chart-%d", w->ind);
    wres__buf_printf(&t, "%s, ", ind_heading[w->ind]);
    wres__buf_puts(&t, p->org);
    wres__buf_printf(&t, ", %d", p->m->year);
    rl_desc(p, &d, rows, n);
    memset(&c, 0, sizeof c);
    c.id = id;
    c.title = done_text(p, &t);
    c.desc = done_text(p, &d);
    c.below = w->below;
    c.above = w->above;
    c.rows = rows;
    c.n_rows = n;
    figure_start(p, NULL);
    rl_chart(p, &c);
    wres__xml_end(&p->x);
    wres__buf_free(&t);
    wres__buf_free(&d);
    note_start(p);
    note_para(p, "What it shows.", "%s", w->meaning);
    note_para(p, "How to read it.",
             "A value of 1 (the solid vertical line) means the two groups "
             "were equally likely. The shaded band from 0.80 to 1.25 is the "
             "range the WRES treats as non-adverse (the \"four-fifths\" rule); "
             "outside it the difference is large enough to call for attention. "
             "The dot is the figure and its whiskers are its %s%% confidence "
             "interval: the range of values consistent with the data once "
             "chance is allowed for, wider when fewer people are involved. "
             "Where the interval lies wholly on one side of 1, chance alone "
             "is an unlikely explanation (the table gives the p-value; below "
             "%s is significant at the %s%% level). The scale is logarithmic, "
             "so that half as likely (0.5) and twice as likely (2) are the "
             "same distance from 1.",
             p->conf, p->alpha, p->conf);
    note_end(p);
    rl_tables(p, w, rows, n);
}

static void indicators_2_to_4(page *p)
{
    const wres__model *m = p->m;
    char pooled[64], single[32];
    rl_row rows[2];

    section_start(p, 2);
    if (!m->avail[2]) {
        not_available(p, ind_needs[2]);
    } else {
        snprintf(single, sizeof single, "%d", m->year);
        rows[0].label = single;
        rows[0].r = &m->i2;
        rl_indicator(p, &rl_text[0], rows, 1);
    }
    wres__xml_end(&p->x);

    section_start(p, 3);
    if (!m->avail[3]) {
        not_available(p, ind_needs[3]);
    } else if (m->i3_nyears == 2) {
        snprintf(pooled, sizeof pooled, "%d and %d pooled", m->i3_years[0],
                 m->i3_years[1]);
        snprintf(single, sizeof single, "%d alone", m->year);
        rows[0].label = pooled;
        rows[0].r = &m->i3;
        rows[1].label = single;
        rows[1].r = &m->i3_single;
        rl_indicator(p, &rl_text[1], rows, 2);
    } else {
        snprintf(single, sizeof single, "%d", m->year);
        rows[0].label = single;
        rows[0].r = &m->i3;
        rl_indicator(p, &rl_text[1], rows, 1);
    }
    wres__xml_end(&p->x);

    section_start(p, 4);
    if (!m->avail[4]) {
        not_available(p, ind_needs[4]);
    } else {
        snprintf(single, sizeof single, "%d", m->year);
        rows[0].label = single;
        rows[0].r = &m->i4;
        rl_indicator(p, &rl_text[2], rows, 1);
    }
    /* Per-ethnic-group relative likelihoods (--groups, issue 6) and the
     * trend over years go here: rl_chart() with one row per group or year. */
    wres__xml_end(&p->x);
}

/* ---- indicators 5-8 ----------------------------------------------------- */

static const char *const survey_meaning[WRES__SURVEY_QS] = {
    "The percentage of white and of BME staff answering the staff survey who "
    "said they had experienced harassment, bullying or abuse from patients, "
    "relatives or the public. A higher percentage is worse: a BME bar longer "
    "than the white bar means BME staff reported it more often.",
    "The percentage of white and of BME staff answering the staff survey who "
    "said they had experienced harassment, bullying or abuse from other "
    "staff. A higher percentage is worse: a BME bar longer than the white bar "
    "means BME staff reported it more often.",
    "The percentage of white and of BME staff answering the staff survey who "
    "believe the organisation provides equal opportunities for career "
    "progression or promotion. Here a higher percentage is better: a BME bar "
    "shorter than the white bar is adverse for BME staff.",
    "The percentage of white and of BME staff answering the staff survey who "
    "said they had personally experienced discrimination at work from a "
    "manager, team leader or other colleagues. A higher percentage is worse: "
    "a BME bar longer than the white bar means BME staff reported it more "
    "often.",
};

static void survey_indicator(page *p, int q)
{
    static const char *const gname[2] = {"White staff", "BME staff"};
    const wres__pct *s = &p->m->survey[q];
    int ind = 5 + q, w;
    bar_row rows[2];
    bar_spec c;
    wres__buf t = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
    char id[32], cap[200], ci_col[64];
    const char *cols[5] = {"Group", "Respondents", "Answered yes", "Yes %", ci_col};
    const char *why;

    section_start(p, ind);
    if (!p->m->avail[ind]) {
        not_available(p, ind_needs[ind]);
        wres__xml_end(&p->x);
        return;
    }
    snprintf(id, sizeof id, "chart-%d", ind);
    wres__buf_printf(&t, "%s, ", ind_heading[ind]);
    wres__buf_puts(&t, p->org);
    wres__buf_printf(&t, ", %d", p->m->year);
    wres__buf_puts(&d, "Bar chart of the percentage of white and of BME "
                       "respondents answering yes, with intervals.");
    for (w = 0; w < 2; w++) {
        rows[w].group = gname[w];
        rows[w].style = w ? ST_BME : ST_WHITE;
        rows[w].tag = NULL;
        rows[w].v = s->pct[w];
        rows[w].lo = s->lo[w];
        rows[w].hi = s->hi[w];
        rows[w].sup = s->n[w] < 0 || s->yes[w] < 0;
        wres__buf_printf(&d, " %s: %s", gname[w],
                         pct_or(s->pct[w], rows[w].sup).s);
        if (isfinite(s->lo[w]) && isfinite(s->hi[w]))
            wres__buf_printf(&d, " (%s%% interval %s to %s)", p->conf,
                             fixed(s->lo[w], 1).s, fixed(s->hi[w], 1).s);
        wres__buf_printf(&d, " of %s respondents.", count_text(s->n[w]).s);
    }
    desc_missing(&d, rows, 2);
    memset(&c, 0, sizeof c);
    c.id = id;
    c.title = done_text(p, &t);
    c.desc = done_text(p, &d);
    c.axis = "Percentage of respondents answering yes (%)";
    c.series[ST_WHITE] = "white staff";
    c.series[ST_BME] = "BME staff";
    c.rows = rows;
    c.n_rows = 2;
    c.with_ci = 1;
    figure_start(p, NULL);
    bar_chart(p, &c);
    wres__xml_end(&p->x);
    wres__buf_free(&t);
    wres__buf_free(&d);
    note_start(p);
    note_para(p, "What it shows.", "%s", survey_meaning[q]);
    note_para(p, "How to read it.",
             "The whiskers on each bar are its %s%% confidence interval "
             "(Wilson score): the range the percentage could plausibly take "
             "once chance in who answered is allowed for; wider when fewer "
             "people answered. The table gives the difference, BME minus "
             "white in percentage points, with its own interval, and the "
             "p-value of the test: below %s, the difference is significant "
             "at the %s%% level.",
             p->conf, p->alpha, p->conf);
    note_end(p);

    snprintf(ci_col, sizeof ci_col, "%s%% interval", p->conf);
    snprintf(cap, sizeof cap, "Indicator %d: the counts behind the chart", ind);
    table_start(p, cap, cols, 5);
    for (w = 0; w < 2; w++) {
        wres__xml_start(&p->x, "tr");
        th(p, "row", gname[w]);
        td_count(p, s->n[w]);
        td_count(p, s->yes[w]);
        td(p, pct_or(s->pct[w], rows[w].sup).s);
        if (isfinite(s->lo[w]) && isfinite(s->hi[w])) {
            wres__xml_start(&p->x, "td");
            wres__xml_attr(&p->x, "class", "n");
            wres__xml_textf(&p->x, "%s to %s", fixed(s->lo[w], 1).s,
                            fixed(s->hi[w], 1).s);
            wres__xml_end(&p->x);
        } else {
            td(p, rows[w].sup ? SUP : NA);
        }
        wres__xml_end(&p->x);
    }
    table_end(p);
    {
        const char *fcols[5] = {"Figure", "Percentage points", ci_col,
                                "p-value", "Significant"};
        snprintf(cap, sizeof cap, "Indicator %d: the difference", ind);
        table_start(p, cap, fcols, 5);
    }
    wres__xml_start(&p->x, "tr");
    th(p, "row", "Difference, BME minus white");
    why = rows[0].sup || rows[1].sup ? SUP : NA;
    td(p, isfinite(s->diff) ? fixed(s->diff, 1).s : why);
    if (isfinite(s->diff_lo) && isfinite(s->diff_hi)) {
        wres__xml_start(&p->x, "td");
        wres__xml_attr(&p->x, "class", "n");
        wres__xml_textf(&p->x, "%s to %s", fixed(s->diff_lo, 1).s,
                        fixed(s->diff_hi, 1).s);
        wres__xml_end(&p->x);
    } else {
        td(p, why);
    }
    td(p, isfinite(s->p) ? p_text(s->p).s : why);
    td(p, s->significant < 0 ? why : yes_no(s->significant));
    wres__xml_end(&p->x);
    table_end(p);
    /* Per-ethnic-group percentages (--groups, issue 6) and the trend over
     * years go here: bar_chart() with one row per group or year. */
    wres__xml_end(&p->x);   /* section */
}

/* ---- indicator 9 -------------------------------------------------------- */

static void indicator9(page *p)
{
    static const char *const name[3] = {"Whole board", "Voting members",
                                        "Executive members"};
    static const char *const cols[7] = {"Members", "White", "BME", "Unknown",
                                        "Total", "BME %",
                                        "Difference (points)"};
    const wres__model *m = p->m;
    bar_row rows[3];
    ref_line ref;
    bar_spec c;
    wres__buf t = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
    int k, wf_sup;

    section_start(p, 9);
    if (!m->avail[9]) {
        not_available(p, ind_needs[9]);
        wres__xml_end(&p->x);
        return;
    }
    wres__buf_printf(&t, "%s, ", ind_heading[9]);
    wres__buf_puts(&t, p->org);
    wres__buf_printf(&t, ", %d", m->year);
    wf_sup = m->avail[1] && (m->workforce.bme < 0 || m->workforce.total < 0);
    wres__buf_printf(&d, "Bar chart of the percentage of board members who are "
                     "BME, with the BME percentage of the whole workforce as a "
                     "reference line (%s).",
                     pct_or(m->board_workforce_pct, wf_sup).s);
    for (k = 0; k < 3; k++) {
        rows[k].group = name[k];
        rows[k].style = ST_BME;
        rows[k].tag = NULL;
        rows[k].v = m->board[k].bme_pct;
        rows[k].lo = rows[k].hi = NAN;
        rows[k].sup = m->board[k].m.bme < 0 || m->board[k].m.total < 0;
        wres__buf_printf(&d, " %s: BME %s of %s members.", name[k],
                         pct_or(m->board[k].bme_pct, rows[k].sup).s,
                         count_text(m->board[k].m.total).s);
    }
    desc_missing(&d, rows, 3);
    if (!isfinite(m->board_workforce_pct))
        wres__buf_printf(&d, " The workforce line is not drawn: %s.",
                         wf_sup ? "a count it uses is suppressed"
                                : "not available");
    ref.label = "whole workforce, BME";
    ref.v = m->board_workforce_pct;
    ref.dotted = 1;
    memset(&c, 0, sizeof c);
    c.id = "chart-9";
    c.title = done_text(p, &t);
    c.desc = done_text(p, &d);
    c.axis = "Percentage who are BME (%)";
    c.series[ST_BME] = "BME members";
    c.rows = rows;
    c.n_rows = 3;
    c.refs = &ref;
    c.n_refs = 1;
    figure_start(p, NULL);
    bar_chart(p, &c);
    wres__xml_end(&p->x);
    wres__buf_free(&t);
    wres__buf_free(&d);
    note_start(p);
    note_para(p, "What it shows.",
              "The share of board members who are BME, for the whole board, "
              "its voting members and its executive members, compared with "
              "the share of the whole workforce who are BME.");
    if (!isfinite(m->board_workforce_pct) && wf_sup)
        note_para(p, "Suppressed:",
                  "the workforce's BME percentage (a count it uses is "
                  "withheld from publication), so the board cannot be "
                  "compared with it and no line is drawn.");
    else if (!isfinite(m->board_workforce_pct))
        note_para(p, "Not available:",
                  "the workforce's BME percentage (no staff records for this "
                  "organisation and year), so the board cannot be compared "
                  "with it and no line is drawn.");
    note_para(p, "How to read it.",
             "Each bar is the percentage of members who are BME; the dotted "
             "line is the BME percentage of the whole workforce. A bar short "
             "of the line means BME people are less represented on the board "
             "than in the workforce; the table gives the difference in "
             "percentage points (negative: fewer BME members than the "
             "workforce would suggest). Percentages are of all members, "
             "including those whose ethnicity is not known.");
    note_end(p);
    table_start(p, "Indicator 9: the counts behind the chart", cols, 7);
    for (k = 0; k < 3; k++) {
        const wres__board *b = &m->board[k];
        wres__xml_start(&p->x, "tr");
        th(p, "row", name[k]);
        td_count(p, b->m.white);
        td_count(p, b->m.bme);
        td_count(p, b->m.unknown);
        td_count(p, b->m.total);
        td(p, pct_or(b->bme_pct, rows[k].sup).s);
        td(p, isfinite(b->diff) ? fixed(b->diff, 1).s
                                : rows[k].sup || wf_sup ? SUP : NA);
        wres__xml_end(&p->x);
    }
    wres__xml_start(&p->x, "tr");
    th(p, "row", "Whole workforce");
    if (m->avail[1]) {
        td_count(p, m->workforce.white);
        td_count(p, m->workforce.bme);
        td_count(p, m->workforce.unknown);
        td_count(p, m->workforce.total);
    } else {
        td(p, NA);
        td(p, NA);
        td(p, NA);
        td(p, NA);
    }
    td(p, pct_or(m->board_workforce_pct, wf_sup).s);
    td(p, "");
    wres__xml_end(&p->x);
    table_end(p);
    wres__xml_end(&p->x);   /* section */
}

/* ---- what a publication-safe page leaves out -----------------------------
 * The disclosure control (disclosure.c) covers the organisation's own
 * figures; the ethnic-group models and the other years of the trend keep
 * their true counts (a group model that went through the control has its
 * own publish flag set).  A publication-safe page does not show what the
 * control has not covered. */
static int groups_withheld(const wres__model *m)
{
    return m->publish && m->n_groups > 0 && !m->groups[0].publish;
}

static int trend_withheld(const wres__model *m)
{
    (void)m;    /* a year's value is withheld in the model itself when that
                 * year's own published report withholds a count behind it */
    return 0;
}

/* ---- over the years ------------------------------------------------------
 * Each indicator's figure per reporting year (m->trend, built from each
 * year's records: the BME percentage for 1, 5-8 and 9, the relative
 * likelihood for 2-4, indicator 3 from each year alone), the changes from
 * year to year with their tests, and the linear trend. */

static const char *const trend_what[10] = {
    "",
    "BME percentage of the workforce",
    "relative likelihood of white applicants being appointed from "
    "shortlisting compared with BME applicants",
    "relative likelihood of BME staff entering the formal disciplinary "
    "process compared with white staff (each year alone)",
    "relative likelihood of white staff accessing non-mandatory training "
    "and CPD compared with BME staff",
    "percentage of BME respondents reporting harassment, bullying or abuse "
    "from patients, relatives or the public",
    "percentage of BME respondents reporting harassment, bullying or abuse "
    "from staff",
    "percentage of BME respondents believing the organisation provides "
    "equal opportunities for career progression or promotion",
    "percentage of BME respondents reporting discrimination at work from a "
    "manager, team leader or other colleagues",
    "BME percentage of the whole board",
};

/* The counts of a percentage: events, of. */
static const char *const trend_x[10] = {
    "", "BME staff", "", "", "", "BME answering yes", "BME answering yes",
    "BME answering yes", "BME answering yes", "BME members"};
static const char *const trend_n[10] = {
    "", "Headcount", "", "", "", "BME respondents", "BME respondents",
    "BME respondents", "BME respondents", "Board members"};

#define TR_PL 80.0
#define TR_PR 640.0
#define TR_PH 200.0

/* Whether year i of t is drawn: a finite value (and above 0 on a log
 * scale). */
static int tr_drawn(const wres__trend *t, size_t i)
{
    return isfinite(t->value[i]) && (!t->rl || t->value[i] > 0);
}

static num_text tr_value(const wres__trend *t, size_t i)
{
    if (!isfinite(t->value[i])) {
        num_text n;
        snprintf(n.s, sizeof n.s, "%s", NA);
        return n;
    }
    return t->rl ? fixed(t->value[i], 2) : pct_text(t->value[i]);
}

static void trend_chart(page *p, const char *id, const wres__trend *t,
                        const char *title, const char *desc)
{
    static const double rl_ends[] = {2, 5, 10, 20, 50, 100};
    static const double rl_ticks[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,
                                      2, 5, 10, 20, 50, 100};
    static const double pct_tops[][2] = {{10, 2}, {20, 5}, {30, 5}, {40, 10},
                                         {50, 10}, {60, 10}, {80, 20},
                                         {100, 20}};
    wres__xml *x = &p->x;
    legend_item items[3] = {{LG_POINT, 0, NULL},
                            {LG_BAND, 0, "non-adverse range 0.80 to 1.25"},
                            {LG_HLINE, 0, "1: equally likely"}};
    double pl = TR_PL, pr = TR_PR, pt, pb, h, top = 100, step = 20;
    double amax = 2, span = 2, vmax = 0, y0, y1;
    wres__buf path = {NULL, 0, 0, 0};
    size_t i, k, run = 0;
    char lab[64];

    items[0].label = t->rl ? "relative likelihood, joined year to year"
                           : "BME percentage, joined year to year";
    for (i = 0; i < t->n; i++)
        if (tr_drawn(t, i)) {
            double v = t->value[i], f = v >= 1 ? v : 1 / v;
            if (v > vmax)
                vmax = v;
            if (f > span)
                span = f;
        }
    if (t->rl) {
        amax = 100;
        for (k = 0; k < sizeof rl_ends / sizeof rl_ends[0]; k++)
            if (rl_ends[k] >= span) {
                amax = rl_ends[k];
                break;
            }
    } else {
        for (k = 0; k < sizeof pct_tops / sizeof pct_tops[0]; k++)
            if (pct_tops[k][0] >= vmax * 1.1 || k + 1 == sizeof pct_tops / sizeof pct_tops[0]) {
                top = pct_tops[k][0];
                step = pct_tops[k][1];
                break;
            }
    }
    pt = 10 + (t->rl ? 40 : 20) + 16;
    pb = pt + TR_PH;
    h = pb + 48;
    y0 = t->years[0];
    y1 = t->years[t->n - 1];
#define TX(yr) (pl + 30 + ((yr) - y0) / (y1 > y0 ? y1 - y0 : 1) * (pr - pl - 60))
#define TY(v) (t->rl ? pb - (log(v) / log(amax) + 1) / 2 * (pb - pt) \
                     : pb - (v) / top * (pb - pt))

    svg_open(p, id, h, title, desc);
    legend(p, id, items, t->rl ? 3 : 1, 10);
    if (t->rl) {
        rect(p, "band", pl, TY(1.25), pr - pl, TY(0.8) - TY(1.25));
        wres__xml_attr(x, "fill", "#d9d9d9");
        wres__xml_end(x);
    }
    /* grid, value axis, years */
    wres__xml_start(x, "g");
    wres__xml_attr(x, "class", "axis");
    if (t->rl) {
        for (k = 0; k < sizeof rl_ticks / sizeof rl_ticks[0]; k++) {
            double ty;
            if (rl_ticks[k] < 1 / amax * 0.999 || rl_ticks[k] > amax * 1.001)
                continue;
            ty = TY(rl_ticks[k]);
            if (rl_ticks[k] != 1)
                line(p, NULL, pl, ty, pr, ty, "#c8c8c8", 1, NULL);
            wres__fmt_double(lab, sizeof lab, rl_ticks[k]);
            text(p, pl - 6, ty + 4, "end", NULL, lab);
        }
        if (amax <= 2) {
            text(p, pl - 6, TY(1.25) + 4, "end", NULL, "1.25");
            text(p, pl - 6, TY(0.8) + 4, "end", NULL, "0.8");
        }
    } else {
        double v;
        for (v = 0; v <= top + 1e-9; v += step) {
            double ty = TY(v);
            line(p, NULL, pl, ty, pr, ty, "#c8c8c8", 1, NULL);
            snprintf(lab, sizeof lab, "%d%%", (int)v);
            text(p, pl - 6, ty + 4, "end", NULL, lab);
        }
    }
    line(p, NULL, pl, pb, pr, pb, "#000", 1, NULL);
    line(p, NULL, pl, pt, pl, pb, "#000", 1, NULL);
    for (i = 0; i < t->n; i++) {
        snprintf(lab, sizeof lab, "%d", t->years[i]);
        text(p, TX(t->years[i]), pb + 16, "middle", NULL, lab);
    }
    text(p, (pl + pr) / 2, pb + 36, "middle", NULL,
         "Reporting year (staff as at 31 March)");
    wres__xml_start(x, "text");
    snprintf(lab, sizeof lab, "rotate(-90 16 %d)", (int)((pt + pb) / 2));
    wres__xml_attr(x, "transform", lab);
    wres__xml_attr_num(x, "x", 16);
    wres__xml_attr_num(x, "y", (int)((pt + pb) / 2));
    wres__xml_attr(x, "text-anchor", "middle");
    wres__xml_text(x, t->rl ? "Relative likelihood (log scale)"
                            : "BME percentage (%)");
    wres__xml_end(x);
    wres__xml_end(x);   /* g.axis */
    if (t->rl)
        line(p, "parity", pl, TY(1), pr, TY(1), "#000", 1.5, NULL);

    /* the line: runs of drawn years, broken where a year is not */
    for (i = 0; i < t->n; i++) {
        char a[64], b2[64];
        if (!tr_drawn(t, i)) {
            run = 0;
            continue;
        }
        wres__svg_num(a, sizeof a, TX(t->years[i]));
        wres__svg_num(b2, sizeof b2, TY(t->value[i]));
        wres__buf_printf(&path, "%s%s %s", path.len ? (run ? " L" : " M")
                                                    : "M", a, b2);
        run++;
    }
    if (path.len && !path.oom) {
        wres__xml_start(x, "path");
        wres__xml_attr(x, "class", "trend");
        wres__xml_attr(x, "d", path.p);
        wres__xml_attr(x, "fill", "none");
        wres__xml_attr(x, "stroke", "#000");
        wres__xml_attr(x, "stroke-width", "2");
        wres__xml_end(x);
    } else if (path.oom) {
        x->b->oom = 1;
    }
    wres__buf_free(&path);

    /* the points and their values; a year not drawn is written */
    for (i = 0; i < t->n; i++) {
        double cx = TX(t->years[i]);
        if (!tr_drawn(t, i)) {
            text(p, cx, pb - 8, "middle", "na",
                 isfinite(t->value[i]) ? "0" : "n/a");
            continue;
        }
        wres__xml_start(x, "circle");
        wres__xml_attr(x, "class", "pt");
        wres__xml_attr_num(x, "cx", cx);
        wres__xml_attr_num(x, "cy", TY(t->value[i]));
        wres__xml_attr(x, "r", "5.5");
        wres__xml_attr(x, "fill", "#000");
        wres__xml_attr(x, "stroke", "#fff");
        wres__xml_attr(x, "stroke-width", "1.5");
        wres__xml_end(x);
        text(p, cx, TY(t->value[i]) - 10, "middle", NULL, tr_value(t, i).s);
    }
#undef TX
#undef TY
    wres__xml_end(x);   /* svg */
}

/* p-value and slope of the linear trend, as words for the <desc>. */
static void trend_desc(page *p, wres__buf *d, int ind, const wres__trend *t)
{
    size_t i, na = 0, zero = 0;

    wres__buf_printf(d, "Line chart of the %s in each reporting year from %d "
                     "to %d", trend_what[ind], t->years[0],
                     t->years[t->n - 1]);
    if (t->rl)
        wres__buf_puts(d, ", on a logarithmic scale with the non-adverse "
                          "range 0.80 to 1.25 shaded and a line at 1");
    wres__buf_puts(d, ".");
    for (i = 0; i < t->n; i++) {
        wres__buf_printf(d, " %d: %s.", t->years[i], tr_value(t, i).s);
        if (!isfinite(t->value[i]))
            na++;
        else if (!tr_drawn(t, i))
            zero++;
    }
    if (na)
        wres__buf_printf(d, " Not drawn: %zu %s not available (cannot be "
                         "computed from that year's data).", na,
                         na == 1 ? "year" : "years");
    if (zero)
        wres__buf_printf(d, " Not drawn: %zu %s of 0 (no place on a "
                         "logarithmic scale).", zero,
                         zero == 1 ? "year" : "years");
    if (isfinite(t->slope))
        wres__buf_printf(d, " Linear trend: %s %s a year, p-value %s.",
                         fixed(t->slope, t->rl ? 3 : 2).s,
                         t->rl ? "in the natural log of the relative "
                                 "likelihood" : "percentage points",
                         p_text(t->slope_p).s);
    (void)p;
}

static void trend_tables(page *p, int ind, const wres__trend *t)
{
    char cap[200], ci_col[64];
    size_t i;

    snprintf(cap, sizeof cap, "Indicator %d over the years: the values", ind);
    if (t->rl) {
        static const char *const cols[2] = {"Year", "Relative likelihood"};
        table_start(p, cap, cols, 2);
    } else {
        const char *cols[4] = {"Year", trend_x[ind], trend_n[ind], "BME %"};
        table_start(p, cap, cols, 4);
    }
    for (i = 0; i < t->n; i++) {
        char yr[16];
        snprintf(yr, sizeof yr, "%d", t->years[i]);
        wres__xml_start(&p->x, "tr");
        th(p, "row", yr);
        if (!t->rl) {
            td_count(p, t->x[i]);
            td_count(p, t->nn[i]);
        }
        td(p, tr_value(t, i).s);
        wres__xml_end(&p->x);
    }
    table_end(p);

    snprintf(ci_col, sizeof ci_col, "%s%% interval", p->conf);
    snprintf(cap, sizeof cap, "Indicator %d: the change from each year to "
             "the next", ind);
    {
        const char *cols[4] = {"Years", t->rl ? "Ratio, later / earlier"
                                              : "Change, later minus "
                                                "earlier (points)",
                               ci_col, "p-value"};
        table_start(p, cap, cols, 4);
    }
    for (i = 1; i < t->n; i++) {
        char yrs[40];
        snprintf(yrs, sizeof yrs, "%d to %d", t->years[i - 1], t->years[i]);
        wres__xml_start(&p->x, "tr");
        th(p, "row", yrs);
        td(p, isfinite(t->change[i - 1])
                  ? fixed(t->change[i - 1], t->rl ? 2 : 1).s : NA);
        if (isfinite(t->lo[i - 1]) && isfinite(t->hi[i - 1])) {
            wres__xml_start(&p->x, "td");
            wres__xml_attr(&p->x, "class", "n");
            wres__xml_textf(&p->x, "%s to %s",
                            fixed(t->lo[i - 1], t->rl ? 2 : 1).s,
                            fixed(t->hi[i - 1], t->rl ? 2 : 1).s);
            wres__xml_end(&p->x);
        } else {
            td(p, NA);
        }
        td(p, p_text(t->p[i - 1]).s);
        wres__xml_end(&p->x);
    }
    table_end(p);

    snprintf(cap, sizeof cap, "Indicator %d: linear trend over the years", ind);
    {
        const char *cols[3] = {"Test", t->rl ? "Slope (ln relative "
                                               "likelihood a year)"
                                             : "Slope (percentage points a "
                                               "year)", "p-value"};
        table_start(p, cap, cols, 3);
    }
    wres__xml_start(&p->x, "tr");
    th(p, "row", t->rl ? "Weighted regression of ln RL on year"
                       : "Cochran-Armitage");
    if (isfinite(t->slope)) {
        td(p, fixed(t->slope, t->rl ? 3 : 2).s);
        td(p, p_text(t->slope_p).s);
    } else {
        const char *why = t->n < 3 ? "not computed: fewer than three years"
                                   : NA;
        td(p, why);
        td(p, why);
    }
    wres__xml_end(&p->x);
    table_end(p);
}

static int trend_shown(const wres__model *m, int ind)
{
    return m->trend && !trend_withheld(m) && m->trend[ind].n >= 2;
}

static int any_trend(const wres__model *m)
{
    int ind;

    for (ind = 1; ind <= 9; ind++)
        if (trend_shown(m, ind))
            return 1;
    return 0;
}

static void trends(page *p)
{
    const wres__model *m = p->m;
    int ind;

    if (!any_trend(m))
        return;
    wres__xml_start(&p->x, "section");
    wres__xml_attr(&p->x, "id", "trend");
    el(p, "h2", NULL, "Over the years");
    note_start(p);
    note_para(p, "What it shows.",
              "Each indicator for every reporting year held for this "
              "organisation, each year computed from that year's records "
              "alone (indicator 3 too: each point is one year, not two "
              "pooled). For 1, 5 to 8 and 9 the figure is the BME "
              "percentage; for 2 to 4 the relative likelihood, on the same "
              "logarithmic scale with the non-adverse range shaded.");
    note_para(p, "How to read it.",
              "A single year's movement is mostly chance. The tables give "
              "each change from one year to the next with its %s%% "
              "interval and p-value (a difference of two proportions for "
              "percentages, in percentage points; for relative likelihoods "
              "the ratio of the later to the earlier, tested on the log "
              "scale), and, with three or more years, the test for a steady "
              "trend: Cochran-Armitage for percentages (slope in percentage "
              "points a year) and a weighted regression of the log relative "
              "likelihood on the year. A p-value below %s is significant at "
              "the %s%% level. A year whose figure cannot be computed is "
              "written \"n/a\" on the chart and not drawn, and the line is "
              "broken there.", p->conf, p->alpha, p->conf);
    note_end(p);
    for (ind = 1; ind <= 9; ind++) {
        const wres__trend *t = &m->trend[ind];
        wres__buf tt = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
        char id[32], head[300];
        if (!trend_shown(m, ind))
            continue;
        snprintf(id, sizeof id, "chart-trend-%d", ind);
        snprintf(head, sizeof head, "Indicator %d: %s", ind, trend_what[ind]);
        wres__buf_printf(&tt, "Indicator %d over the years: %s, ", ind,
                         trend_what[ind]);
        wres__buf_puts(&tt, p->org);
        trend_desc(p, &d, ind, t);
        figure_start(p, head);
        trend_chart(p, id, t, done_text(p, &tt), done_text(p, &d));
        wres__xml_end(&p->x);   /* figure */
        wres__buf_free(&tt);
        wres__buf_free(&d);
        trend_tables(p, ind, t);
    }
    wres__xml_end(&p->x);   /* section */
}

/* ---- ethnic groups ---------------------------------------------------------
 * With WRES_OPT_GROUPS the model holds, for each broad group and each code
 * D..S (wres__group_name order), the same comparisons with white staff as
 * the BME figures, "bme" meaning that group.  Each chart has one row for
 * BME and one for each group. */

/* Chart labels (short) and table labels of the groups. */
static const char *const grp_short[WRES__GROUPS] = {
    "Asian", "Black", "Mixed", "Other",
    "D White & Black Caribbean", "E White & Black African",
    "F White & Asian", "G Other mixed", "H Indian", "J Pakistani",
    "K Bangladeshi", "L Other Asian", "M Caribbean", "N African",
    "P Other Black", "R Chinese", "S Any other"};
static const char *const grp_long[WRES__GROUPS] = {
    "Asian (H, J, K, L)", "Black (M, N, P)", "Mixed (D, E, F, G)",
    "Other (R, S)",
    "D: Mixed, White and Black Caribbean", "E: Mixed, White and Black African",
    "F: Mixed, White and Asian", "G: Mixed, any other mixed background",
    "H: Asian, Indian", "J: Asian, Pakistani", "K: Asian, Bangladeshi",
    "L: Asian, any other Asian background", "M: Black, Caribbean",
    "N: Black, African", "P: Black, any other Black background",
    "R: Other, Chinese", "S: Other, any other ethnic group"};

#define GRP_ROWS (WRES__GROUPS + 2)
#define GRP_LABEL_W 200.0

static const char *grp_label(size_t g, int lng)
{
    if (g >= WRES__GROUPS)
        return "";
    return lng ? grp_long[g] : grp_short[g];
}

static void group_title(page *p, wres__buf *t, int ind, const char *what)
{
    wres__buf_printf(t, "Indicator %d by ethnic group: %s, ", ind, what);
    wres__buf_puts(t, p->org);
    wres__buf_printf(t, ", %d", p->m->year);
}

/* 1 and 9: each group's share of the workforce, and of the board beside
 * the workforce. */
static void groups_1_9(page *p)
{
    const wres__model *m = p->m;
    size_t n = m->n_groups < WRES__GROUPS ? m->n_groups : WRES__GROUPS, i;
    bar_row rows[2 * GRP_ROWS];
    bar_spec c;
    char cap[200];

    if (m->avail[1]) {
        static const char *const cols[4] = {"Group", "Staff in the group",
                                            "Headcount", "% of the workforce"};
        wres__buf t = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
        group_title(p, &t, 1, "share of the workforce");
        wres__buf_puts(&d, "Bar chart of the percentage of the whole "
                           "workforce in each ethnic group, BME first.");
        for (i = 0; i <= n; i++) {
            const wres__mix *mx = i ? &m->groups[i - 1].workforce
                                    : &m->workforce;
            bar_row *r = &rows[i];
            r->group = i ? grp_label(i - 1, 0) : "BME";
            r->style = i ? ST_OTHER : ST_BME;
            r->tag = NULL;
            r->v = mx->pct[1];
            r->lo = r->hi = NAN;
            r->sup = mx->bme < 0 || mx->total < 0;
            wres__buf_printf(&d, " %s: %s.", i ? grp_label(i - 1, 1) : "BME",
                             pct_or(r->v, r->sup).s);
        }
        desc_missing(&d, rows, n + 1);
        memset(&c, 0, sizeof c);
        c.id = "chart-groups-1";
        c.title = done_text(p, &t);
        c.desc = done_text(p, &d);
        c.axis = "Percentage of the whole workforce (%)";
        c.series[ST_BME] = "BME, all groups";
        c.series[ST_OTHER] = "one ethnic group";
        c.rows = rows;
        c.n_rows = n + 1;
        c.label_w = GRP_LABEL_W;
        c.xmax = pct_top(rows, n + 1);
        figure_start(p, "Indicator 1: each group's share of the workforce");
        bar_chart(p, &c);
        wres__xml_end(&p->x);
        wres__buf_free(&t);
        wres__buf_free(&d);
        snprintf(cap, sizeof cap, "Indicator 1 by ethnic group: the counts "
                 "behind the chart");
        table_start(p, cap, cols, 4);
        for (i = 0; i <= n; i++) {
            const wres__mix *mx = i ? &m->groups[i - 1].workforce
                                    : &m->workforce;
            wres__xml_start(&p->x, "tr");
            th(p, "row", i ? grp_label(i - 1, 1) : "BME (all groups)");
            td_count(p, mx->bme);
            td_count(p, mx->total);
            td(p, pct_or(mx->pct[1], mx->bme < 0 || mx->total < 0).s);
            wres__xml_end(&p->x);
        }
        table_end(p);
    }

    if (m->avail[9]) {
        static const char *const cols[6] = {"Group",
                                            "Board members in the group",
                                            "Board members",
                                            "% of the board",
                                            "% of the workforce",
                                            "Difference (points)"};
        wres__buf t = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
        size_t k = 0;
        group_title(p, &t, 9, "the board against the workforce");
        wres__buf_puts(&d, "Bar chart of the percentage of the whole board "
                           "and of the whole workforce in each ethnic group, "
                           "BME first.");
        for (i = 0; i <= n; i++) {
            const wres__model *g = i ? &m->groups[i - 1] : m;
            const wres__mix *wf = &g->workforce;
            const char *name = i ? grp_label(i - 1, 0) : "BME";
            rows[k].group = name;
            rows[k].style = ST_BME;
            rows[k].tag = "board";
            rows[k].v = g->board[0].bme_pct;
            rows[k].lo = rows[k].hi = NAN;
            rows[k].sup = g->board[0].m.bme < 0 || g->board[0].m.total < 0;
            rows[k + 1] = rows[k];
            rows[k + 1].group = NULL;
            rows[k + 1].style = ST_OTHER;
            rows[k + 1].tag = "staff";
            rows[k + 1].v = g->board_workforce_pct;
            rows[k + 1].sup = m->avail[1] && (wf->bme < 0 || wf->total < 0);
            wres__buf_printf(&d, " %s: board %s, workforce %s.",
                             i ? grp_label(i - 1, 1) : "BME",
                             pct_or(rows[k].v, rows[k].sup).s,
                             pct_or(rows[k + 1].v, rows[k + 1].sup).s);
            k += 2;
        }
        desc_missing(&d, rows, k);
        memset(&c, 0, sizeof c);
        c.id = "chart-groups-9";
        c.title = done_text(p, &t);
        c.desc = done_text(p, &d);
        c.axis = "Percentage in the group (%)";
        c.series[ST_BME] = "whole board";
        c.series[ST_OTHER] = "whole workforce";
        c.rows = rows;
        c.n_rows = k;
        c.label_w = GRP_LABEL_W;
        c.xmax = pct_top(rows, k);
        figure_start(p, "Indicator 9: each group's share of the board and of "
                        "the workforce");
        bar_chart(p, &c);
        wres__xml_end(&p->x);
        wres__buf_free(&t);
        wres__buf_free(&d);
        snprintf(cap, sizeof cap, "Indicator 9 by ethnic group: the counts "
                 "behind the chart");
        table_start(p, cap, cols, 6);
        for (i = 0; i <= n; i++) {
            const wres__model *g = i ? &m->groups[i - 1] : m;
            const wres__board *b = &g->board[0];
            int bsup = b->m.bme < 0 || b->m.total < 0;
            int wsup = m->avail[1] && (g->workforce.bme < 0 ||
                                       g->workforce.total < 0);
            wres__xml_start(&p->x, "tr");
            th(p, "row", i ? grp_label(i - 1, 1) : "BME (all groups)");
            td_count(p, b->m.bme);
            td_count(p, b->m.total);
            td(p, pct_or(b->bme_pct, bsup).s);
            td(p, pct_or(g->board_workforce_pct, wsup).s);
            td(p, isfinite(b->diff) ? fixed(b->diff, 1).s
                                    : bsup || wsup ? SUP : NA);
            wres__xml_end(&p->x);
        }
        table_end(p);
    }
}

/* 2-4: the relative likelihood of BME and of each group, one chart each. */
static const wres__rl *grp_rl(const wres__model *g, int ind)
{
    return ind == 2 ? &g->i2 : ind == 3 ? &g->i3 : &g->i4;
}

static void groups_rl(page *p, int ind)
{
    const wres__model *m = p->m;
    const rl_words *w = &rl_text[ind - 2];
    size_t n = m->n_groups < WRES__GROUPS ? m->n_groups : WRES__GROUPS, i;
    rl_row rows[GRP_ROWS], trows[GRP_ROWS];
    rl_spec c;
    wres__buf t = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
    char id[32], cap[200], head[200];
    const char *cols[4] = {"Group", w->of, w->events, "Rate %"};

    if (!m->avail[ind])
        return;
    for (i = 0; i <= n; i++) {
        rows[i].label = i ? grp_label(i - 1, 0) : "BME";
        rows[i].r = grp_rl(i ? &m->groups[i - 1] : m, ind);
        trows[i].label = i ? grp_label(i - 1, 1) : "BME (all groups)";
        trows[i].r = rows[i].r;
    }
    snprintf(id, sizeof id, "chart-groups-%d", ind);
    group_title(p, &t, ind, "relative likelihood");
    rl_desc(p, &d, trows, n + 1);
    if (ind == 3 && m->i3_nyears == 2)
        wres__buf_printf(&d, " Each figure pools %d and %d.", m->i3_years[0],
                         m->i3_years[1]);
    memset(&c, 0, sizeof c);
    c.id = id;
    c.title = done_text(p, &t);
    c.desc = done_text(p, &d);
    c.below = w->below;
    c.above = w->above;
    c.rows = rows;
    c.n_rows = n + 1;
    c.label_w = GRP_LABEL_W;
    c.row_h = 24;
    if (ind == 3 && m->i3_nyears == 2)
        snprintf(head, sizeof head, "Indicator 3: each group's relative "
                 "likelihood (%d and %d pooled)", m->i3_years[0],
                 m->i3_years[1]);
    else
        snprintf(head, sizeof head, "Indicator %d: each group's relative "
                 "likelihood", ind);
    figure_start(p, head);
    rl_chart(p, &c);
    wres__xml_end(&p->x);
    wres__buf_free(&t);
    wres__buf_free(&d);

    /* the counts: white once (the same in every comparison), then each
     * group's */
    snprintf(cap, sizeof cap, "Indicator %d by ethnic group: the counts "
             "behind the chart", ind);
    table_start(p, cap, cols, 4);
    wres__xml_start(&p->x, "tr");
    th(p, "row", "White (every comparison)");
    rate_cells(p, &grp_rl(m, ind)->white);
    wres__xml_end(&p->x);
    for (i = 0; i <= n; i++) {
        wres__xml_start(&p->x, "tr");
        th(p, "row", trows[i].label);
        rate_cells(p, &trows[i].r->bme);
        wres__xml_end(&p->x);
    }
    table_end(p);
    snprintf(cap, sizeof cap, "Indicator %d by ethnic group: the figures", ind);
    rl_figures(p, cap, "Group", trows, n + 1);
}

/* 5-8: white, BME and each group's percentage with intervals. */
static void groups_survey(page *p, int q)
{
    const wres__model *m = p->m;
    size_t n = m->n_groups < WRES__GROUPS ? m->n_groups : WRES__GROUPS, i;
    int ind = 5 + q;
    bar_row rows[GRP_ROWS];
    bar_spec c;
    wres__buf t = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
    char id[32], cap[200], head[300], ci_col[64];
    const char *cols[7] = {"Group", "Respondents", "Answered yes", "Yes %",
                           ci_col, "Difference from white (points)",
                           "p-value"};

    if (!m->avail[ind])
        return;
    snprintf(ci_col, sizeof ci_col, "%s%% interval", p->conf);
    snprintf(id, sizeof id, "chart-groups-%d", ind);
    group_title(p, &t, ind, "percentage answering yes");
    wres__buf_puts(&d, "Bar chart of the percentage of white, of BME and of "
                       "each ethnic group's respondents answering yes, with "
                       "intervals.");
    for (i = 0; i <= n + 1; i++) {
        const wres__pct *s = i < 2 ? &m->survey[q] : &m->groups[i - 2].survey[q];
        int side = i == 0 ? WRES__WHITE : WRES__BME;
        bar_row *r = &rows[i];
        r->group = i == 0 ? "White" : i == 1 ? "BME" : grp_label(i - 2, 0);
        r->style = i == 0 ? ST_WHITE : i == 1 ? ST_BME : ST_OTHER;
        r->tag = NULL;
        r->v = s->pct[side];
        r->lo = s->lo[side];
        r->hi = s->hi[side];
        r->sup = s->n[side] < 0 || s->yes[side] < 0;
        wres__buf_printf(&d, " %s: %s", i == 0 ? "White" : i == 1 ? "BME"
                                        : grp_label(i - 2, 1),
                         pct_or(r->v, r->sup).s);
        if (isfinite(r->lo) && isfinite(r->hi))
            wres__buf_printf(&d, " (%s%% interval %s to %s)", p->conf,
                             fixed(r->lo, 1).s, fixed(r->hi, 1).s);
        wres__buf_printf(&d, " of %s respondents.", count_text(s->n[side]).s);
    }
    desc_missing(&d, rows, n + 2);
    memset(&c, 0, sizeof c);
    c.id = id;
    c.title = done_text(p, &t);
    c.desc = done_text(p, &d);
    c.axis = "Percentage of respondents answering yes (%)";
    c.series[ST_WHITE] = "white staff";
    c.series[ST_BME] = "BME staff";
    c.series[ST_OTHER] = "one ethnic group";
    c.rows = rows;
    c.n_rows = n + 2;
    c.with_ci = 1;
    c.label_w = GRP_LABEL_W;
    snprintf(head, sizeof head, "Indicator %d: each group's percentage", ind);
    figure_start(p, head);
    bar_chart(p, &c);
    wres__xml_end(&p->x);
    wres__buf_free(&t);
    wres__buf_free(&d);

    snprintf(cap, sizeof cap, "Indicator %d by ethnic group: the counts and "
             "figures behind the chart", ind);
    table_start(p, cap, cols, 7);
    for (i = 0; i <= n + 1; i++) {
        const wres__pct *s = i < 2 ? &m->survey[q] : &m->groups[i - 2].survey[q];
        int side = i == 0 ? WRES__WHITE : WRES__BME;
        const char *why = rows[i].sup ? SUP : NA;
        const char *dwhy = rows[0].sup || rows[i].sup ? SUP : NA;
        wres__xml_start(&p->x, "tr");
        th(p, "row", i == 0 ? "White" : i == 1 ? "BME (all groups)"
                                       : grp_label(i - 2, 1));
        td_count(p, s->n[side]);
        td_count(p, s->yes[side]);
        td(p, pct_or(s->pct[side], rows[i].sup).s);
        if (isfinite(s->lo[side]) && isfinite(s->hi[side])) {
            wres__xml_start(&p->x, "td");
            wres__xml_attr(&p->x, "class", "n");
            wres__xml_textf(&p->x, "%s to %s", fixed(s->lo[side], 1).s,
                            fixed(s->hi[side], 1).s);
            wres__xml_end(&p->x);
        } else {
            td(p, why);
        }
        if (i == 0) {
            td(p, "");
            td(p, "");
        } else {
            td(p, isfinite(s->diff) ? fixed(s->diff, 1).s : dwhy);
            td(p, isfinite(s->p) ? p_text(s->p).s : dwhy);
        }
        wres__xml_end(&p->x);
    }
    table_end(p);
}

static int groups_shown(const wres__model *m)
{
    return m->n_groups > 0 && !groups_withheld(m);
}

static void groups_section(page *p)
{
    int ind;

    if (!groups_shown(p->m))
        return;
    wres__xml_start(&p->x, "section");
    wres__xml_attr(&p->x, "id", "groups");
    el(p, "h2", NULL, "Ethnic groups");
    note_start(p);
    note_para(p, "What it shows.",
              "\"BME\" puts together people whose experiences differ. Here "
              "each broad ethnic group (Asian, Black, Mixed, Other) and each "
              "ethnic category D to S is compared with white staff exactly "
              "as the BME figures above are: the same relative likelihoods "
              "and percentages, with the same intervals and tests. The BME "
              "figure comes first in every chart, for reference.");
    note_para(p, "How to read it.",
              "The charts read as those above. Groups are often small, so "
              "their intervals are wide: a group's figure far from the "
              "white figure with an interval that does not reach it is a "
              "reason to look closer, a wide interval a reason for caution. "
              "A group with nobody in it, or with nobody in one of the "
              "counts a figure needs, is written \"not available\" and not "
              "drawn. A broad group sums its categories; survey answers "
              "given only by broad group count in that broad group, not in "
              "its categories.");
    note_end(p);
    groups_1_9(p);
    for (ind = 2; ind <= 4; ind++)
        groups_rl(p, ind);
    for (ind = 5; ind <= 8; ind++)
        groups_survey(p, ind - 5);
    wres__xml_end(&p->x);   /* section */
}

/* ---- data quality ------------------------------------------------------- */

static void data_quality(page *p)
{
    static const char *const cols[8] = {"File", "Kind", "Rows read",
                                        "Accepted", "Rejected",
                                        "Rejected rows by reason",
                                        "File error", "Columns ignored"};
    const wres__model *m = p->m;
    size_t i, j;
    int r;
    char cap[200];

    wres__xml_start(&p->x, "section");
    wres__xml_attr(&p->x, "id", "data-quality");
    el(p, "h2", NULL, "Data quality");
    note_start(p);
    note_para(p, NULL, "Every figure above is computed from the accepted rows only. A "
            "row is rejected, never guessed, when a value is missing or not "
            "recognised; wres-report lists each rejected row with its line "
            "and reason. Staff whose ethnicity is unknown or not stated count "
            "in the totals but in neither group.");
    note_end(p);
    table_start(p, "Files read (all organisations and years in each file)",
                cols, 8);
    for (i = 0; i < m->n_files; i++) {
        const wres__dq_file *f = &m->files[i];
        int first = 1;
        wres__xml_start(&p->x, "tr");
        th(p, "row", f->path);
        el(p, "td", "k", wres_kind_name(f->kind));
        td_count(p, f->rows_read);
        td_count(p, f->rows_accepted);
        td_count(p, f->rows_rejected);
        wres__xml_start(&p->x, "td");
        for (r = 1; r <= WRES_REASON_DUPLICATE_ID; r++)
            if (f->by_reason[r]) {
                if (f->by_reason[r] < 0)
                    p->table_sup = 1;
                wres__xml_textf(&p->x, "%s%s %s", first ? "" : ", ",
                                wres_reason_name(r),
                                count_text(f->by_reason[r]).s);
                first = 0;
            }
        if (first)
            wres__xml_text(&p->x, "none");
        wres__xml_end(&p->x);
        el(p, "td", NULL, f->error ? wres_reason_name(f->error) : "none");
        wres__xml_start(&p->x, "td");
        for (j = 0; j < f->n_ignored; j++) {
            if (j)
                wres__xml_text(&p->x, ", ");
            wres__xml_text(&p->x, f->ignored[j][0] ? f->ignored[j] : "(empty name)");
        }
        if (!f->n_ignored)
            wres__xml_text(&p->x, "none");
        wres__xml_end(&p->x);
        wres__xml_end(&p->x);
    }
    table_end(p);

    {
        static const char *const c2[2] = {"Staff records", "Count"};
        snprintf(cap, sizeof cap, "Staff records of this organisation for %d",
                 m->year);
        table_start(p, cap, c2, 2);
    }
    wres__xml_start(&p->x, "tr");
    th(p, "row", "Headcount (bank-only staff excluded)");
    td_count(p, m->headcount);
    wres__xml_end(&p->x);
    wres__xml_start(&p->x, "tr");
    th(p, "row", "Bank-only staff excluded");
    td_count(p, m->bank_excluded);
    wres__xml_end(&p->x);
    wres__xml_start(&p->x, "tr");
    th(p, "row", "Ethnicity unknown or not stated");
    td_count(p, m->eth_unknown);
    wres__xml_end(&p->x);
    wres__xml_start(&p->x, "tr");
    th(p, "row", "Ethnicity declared (% of the headcount)");
    td(p, pct_or(m->declared_pct, m->headcount < 0 || m->eth_unknown < 0).s);
    wres__xml_end(&p->x);
    table_end(p);
    wres__xml_end(&p->x);   /* section */
}

/* ---- the whole page ----------------------------------------------------- */

/* At the top of a publication-safe page: what was done to the counts. */
static void publish_note(page *p)
{
    const wres__model *m = p->m;

    wres__xml_start(&p->x, "p");
    wres__xml_attr(&p->x, "class", "publish");
    wres__xml_attr(&p->x, "id", "publication-safe");
    el(p, "strong", NULL, "Publication-safe report.");
    wres__xml_textf(&p->x, " Counts from 1 to %lld are suppressed: shown as "
                    "\"suppressed\", and so is any count from which a "
                    "suppressed one could be worked out. ",
                    (long long)m->suppress_max);
    if (m->round_base > 1)
        wres__xml_textf(&p->x, "Other counts are rounded to the nearest "
                        "multiple of %lld (a count above 0 never shows as 0). ",
                        (long long)m->round_base);
    wres__xml_text(&p->x, "Percentages, likelihoods and intervals are "
                   "computed from the true counts; none that uses a "
                   "suppressed count is shown or drawn.");
    if (groups_withheld(m) || trend_withheld(m))
        wres__xml_textf(&p->x, " %s not shown: the disclosure control of this "
                        "version does not cover them.",
                        groups_withheld(m) && trend_withheld(m)
                            ? "The ethnic-group and year-by-year charts are"
                        : groups_withheld(m) ? "The ethnic-group charts are"
                                             : "The year-by-year charts are");
    wres__xml_end(&p->x);
}

/* ---- Model Employer targets (WRES_OPT_TARGETS) --------------------------- */

/* A signed whole number of people (a gap can be negative), or
 * "suppressed". */
static void td_people(page *p, int64_t v)
{
    char t[32];

    if (v == WRES__SUPPRESSED) {
        td(p, SUP);
        return;
    }
    snprintf(t, sizeof t, "%lld", (long long)v);
    td(p, t);
}

static void targets_section(page *p)
{
    const wres__targets *t = &p->m->targets;
    const char *cols[6 + 64];
    char years[64][8], share[32], cap[160];
    int i, k, known = isfinite(t->share), ny;

    if (!t->on)
        return;
    wres__xml_start(&p->x, "section");
    wres__xml_attr(&p->x, "id", "targets");
    el(p, "h2", NULL, "Model Employer targets");
    if (!t->avail) {
        el(p, "p", NULL, "Not available: no staff records were supplied for "
                         "this organisation and year.");
        wres__xml_end(&p->x);
        return;
    }
    if (!known) {
        el(p, "p", NULL, p->m->publish ? "No target share is shown: the "
                                         "workforce counts are suppressed."
                                       : "No target share: the workforce "
                                         "headcount is 0.");
        wres__xml_end(&p->x);
        return;
    }
    wres__fmt_fixed(share, sizeof share, t->share * 100.0, 1);
    wres__xml_start(&p->x, "p");
    wres__xml_textf(&p->x, "For each band from 8a up to VSM, separately for "
                    "non-clinical and clinical staff (medical and dental staff "
                    "count as clinical): the BME headcount that would match a "
                    "BME share of %s%% (%s), the gap from today's, and a "
                    "straight-line path from %d to %d. Targets are whole "
                    "people, rounded to the nearest (halves up); a negative "
                    "gap means the band is above its target.", share,
                    t->given ? "the share given" : "the organisation's own",
                    t->baseline, t->target_year);
    wres__xml_end(&p->x);
    cols[0] = "Staff group";
    cols[1] = "Band";
    cols[2] = "Headcount";
    cols[3] = "BME today";
    cols[4] = "BME target";
    cols[5] = "Gap";
    ny = t->n_years < 64 ? t->n_years : 64;
    for (k = 0; k < ny; k++) {
        snprintf(years[k], sizeof years[k], "%d", t->baseline + k);
        cols[6 + k] = years[k];
    }
    snprintf(cap, sizeof cap, "Model Employer targets for %d: BME headcount by "
             "band, and the path year by year", t->target_year);
    table_start(p, cap, cols, 6 + (size_t)ny);
    for (i = 0; i < WRES__TARGET_ROWS; i++) {
        const wres__target_row *row = &t->rows[i];
        int shown = row->target != WRES__SUPPRESSED;
        wres__xml_start(&p->x, "tr");
        th(p, "row", row->sgroup == WRES__SG_NONCLINICAL
                         ? "Non-clinical" : "Clinical (with medical and dental)");
        el(p, "td", NULL, wres__band_name(row->band));
        td_count(p, row->total);
        td_count(p, row->bme);
        td_people(p, shown ? row->target : WRES__SUPPRESSED);
        td_people(p, shown ? row->gap : WRES__SUPPRESSED);
        for (k = 0; k < ny; k++)
            td_people(p, shown && t->trajectory ? t->trajectory[i * t->n_years + k]
                                                : WRES__SUPPRESSED);
        wres__xml_end(&p->x);
    }
    table_end(p);
    wres__xml_end(&p->x);
}

static void contents(page *p)
{
    int i;
    char href[16];

    wres__xml_start(&p->x, "nav");
    wres__xml_attr(&p->x, "aria-label", "Contents");
    wres__xml_start(&p->x, "ul");
    for (i = 1; i <= 13; i++) {
        const char *name = "Data quality";
        if (i == 10 && !any_trend(p->m))
            continue;
        if (i == 11 && !groups_shown(p->m))
            continue;
        if (i == 12 && !p->m->targets.on)
            continue;
        wres__xml_start(&p->x, "li");
        wres__xml_start(&p->x, "a");
        if (i <= 9) {
            snprintf(href, sizeof href, "#ind-%d", i);
            name = ind_heading[i];
        } else if (i == 10) {
            snprintf(href, sizeof href, "#trend");
            name = "Over the years";
        } else if (i == 11) {
            snprintf(href, sizeof href, "#groups");
            name = "Ethnic groups";
        } else if (i == 12) {
            snprintf(href, sizeof href, "#targets");
            name = "Model Employer targets";
        } else {
            snprintf(href, sizeof href, "#data-quality");
        }
        wres__xml_attr(&p->x, "href", href);
        wres__xml_text(&p->x, name);
        wres__xml_end(&p->x);
        wres__xml_end(&p->x);
    }
    wres__xml_end(&p->x);
    wres__xml_end(&p->x);
}

void wres__write_html(const wres__model *m, wres__buf *b)
{
    page pg;
    page *p = &pg;
    int q;

    memset(p, 0, sizeof *p);
    wres__xml_init(&p->x, b);
    p->m = m;
    p->org = m->org[0] ? m->org : "(default)";
    /* the confidence level as the text writer shows it: 95, 99.5 */
    wres__fmt_double(p->conf, sizeof p->conf, m->confidence * 100.0);
    if (strlen(p->conf) > 8)
        wres__fmt_fixed(p->conf, sizeof p->conf, m->confidence * 100.0, 4);
    /* 1 - c, for "a p-value below 0.05": six decimals, no trailing zeros
     * (1 - 0.95 is 0.050000000000000044 in binary) */
    wres__fmt_fixed(p->alpha, sizeof p->alpha,
                    round((1.0 - m->confidence) * 1e6) / 1e6, 6);
    trim_zeros(p->alpha);

    wres__xml_raw(&p->x, "<!DOCTYPE html>\n");
    wres__xml_start(&p->x, "html");
    wres__xml_attr(&p->x, "xmlns", "http://www.w3.org/1999/xhtml");
    wres__xml_attr(&p->x, "lang", "en-GB");
    wres__xml_start(&p->x, "head");
    wres__xml_start(&p->x, "meta");
    wres__xml_attr(&p->x, "charset", "utf-8");
    wres__xml_end(&p->x);
    wres__xml_start(&p->x, "meta");
    wres__xml_attr(&p->x, "name", "viewport");
    wres__xml_attr(&p->x, "content", "width=device-width, initial-scale=1");
    wres__xml_end(&p->x);
    wres__xml_start(&p->x, "meta");
    wres__xml_attr(&p->x, "name", "generator");
    wres__xml_attr(&p->x, "content", "libwres " WRES_VERSION_STRING);
    wres__xml_end(&p->x);
    wres__xml_start(&p->x, "title");
    wres__xml_text(&p->x, "WRES report: ");
    wres__xml_text(&p->x, p->org);
    wres__xml_textf(&p->x, ", %d", m->year);
    wres__xml_end(&p->x);
    wres__xml_start(&p->x, "style");
    wres__xml_raw(&p->x, style_sheet);
    wres__xml_end(&p->x);
    wres__xml_end(&p->x);   /* head */

    wres__xml_start(&p->x, "body");
    wres__xml_start(&p->x, "header");
    el(p, "h1", NULL, "Workforce Race Equality Standard report");
    wres__xml_start(&p->x, "p");
    wres__xml_attr(&p->x, "class", "meta");
    wres__xml_text(&p->x, "Organisation: ");
    wres__xml_start(&p->x, "strong");
    wres__xml_text(&p->x, p->org);
    wres__xml_end(&p->x);
    wres__xml_textf(&p->x, " \xc2\xb7 Reporting year %d (staff as at 31 March "
                    "%d) \xc2\xb7 Confidence level %s%% \xc2\xb7 libwres %s",
                    m->year, m->year, p->conf, WRES_VERSION_STRING);
    wres__xml_end(&p->x);
    if (m->publish)
        publish_note(p);
    wres__xml_end(&p->x);   /* header */

    wres__xml_start(&p->x, "main");
    wres__xml_start(&p->x, "section");
    wres__xml_attr(&p->x, "id", "reading");
    el(p, "h2", NULL, "How to read this report");
    el(p, "p", NULL,
       "White means the white ethnic categories (white British, white Irish, "
       "any other white background). BME (black and minority ethnic) means "
       "every other stated category. Staff, applicants and members whose "
       "ethnicity is unknown or not stated are counted in the totals but in "
       "neither group.");
    wres__xml_start(&p->x, "p");
    wres__xml_textf(&p->x,
             "Each chart is followed by a note on how to read it and a table "
             "of the counts it is drawn from. The whiskers on a chart are "
             "%s%% confidence intervals: the range a figure could plausibly "
             "take once chance is allowed for. A figure that cannot be "
             "computed from the data supplied (for example, when nobody is "
             "in one of the groups) is shown as \"not available\" and is "
             "never drawn or guessed. In the printed report the colours are "
             "backed by patterns: white is solid, BME is hatched.", p->conf);
    wres__xml_end(&p->x);
    contents(p);
    wres__xml_end(&p->x);

    indicator1(p);
    indicators_2_to_4(p);
    for (q = 0; q < WRES__SURVEY_QS; q++)
        survey_indicator(p, q);
    indicator9(p);
    trends(p);
    groups_section(p);
    targets_section(p);
    data_quality(p);
    wres__xml_end(&p->x);   /* main */

    wres__xml_start(&p->x, "footer");
    wres__xml_start(&p->x, "p");
    wres__xml_attr(&p->x, "class", "meta");
    wres__xml_textf(&p->x, "Written by libwres %s from the counts shown in "
                    "the tables. The page holds everything it shows: no "
                    "scripts, fonts or images are fetched.",
                    WRES_VERSION_STRING);
    wres__xml_end(&p->x);
    wres__xml_end(&p->x);
    wres__xml_end(&p->x);   /* body */
    wres__xml_end(&p->x);   /* html */
    if (p->x.depth != 0)
        b->oom = 1;   /* unbalanced: a bug, never a broken page */
}
