/*
 * report_json.c - the writers: the report model as JSON (the contract of
 * INDICATORS.md, key for key), as text a person reads, and as CSV with one
 * row per figure.  Writers only format; they compute nothing.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wres_private.h"

/* Whatever the caller's locale (libwres runs inside other programs), the
 * decimal point written is '.': the run of bytes printf put between the
 * digits, if any, becomes '.'.  No localeconv(), which is not thread-safe. */
static void dot_decimal(char *s)
{
    char *p = s, *q;

    while (*p == '-' || *p == '+' || *p == ' ')
        p++;
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '\0' || *p == 'e' || *p == 'E' || *p == '.')
        return;
    q = p;
    while (*q && !(*q >= '0' && *q <= '9') && *q != 'e' && *q != 'E')
        q++;
    *p = '.';
    memmove(p + 1, q, strlen(q) + 1);
}

void wres__fmt_double(char *out, size_t cap, double v)
{
    int prec;

    if (v == 0.0)
        v = 0.0; /* no "-0" */
    /* the shortest of 15, 16, 17 significant digits that reads back
     * exactly (strtod reads the same locale snprintf wrote) */
    for (prec = 15; prec <= 17; prec++) {
        snprintf(out, cap, "%.*g", prec, v);
        if (strtod(out, NULL) == v)
            break;
    }
    dot_decimal(out);
}

void wres__fmt_fixed(char *out, size_t cap, double v, int decimals)
{
    snprintf(out, cap, "%.*f", decimals, v);
    dot_decimal(out);
}

/* Fixed-point text for the text writer, locale-free. */
typedef struct fixed_text {
    char s[64];
} fixed_text;

static fixed_text fx(double v, int decimals)
{
    fixed_text t;

    snprintf(t.s, sizeof t.s, "%.*f", decimals, v);
    dot_decimal(t.s);
    return t;
}

/* A confidence level as a percentage: 95, 99.5. */
static fixed_text conf(double c)
{
    fixed_text t;

    wres__fmt_double(t.s, sizeof t.s, c * 100.0);
    if (strlen(t.s) > 8)
        t = fx(c * 100.0, 4);
    return t;
}

/* ---- JSON --------------------------------------------------------------- */

static void json_str(wres__buf *b, const char *s)
{
    size_t i = 0, n = strlen(s);

    wres__buf_add(b, "\"", 1);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            wres__buf_add(b, "\\", 1);
            wres__buf_add(b, s + i, 1);
            i++;
        } else if (c < 0x20) {
            wres__buf_printf(b, "\\u%04x", c);
            i++;
        } else if (c < 0x80) {
            wres__buf_add(b, s + i, 1);
            i++;
        } else {
            /* the model's strings are valid UTF-8 (wres__utf8_copy) */
            wres__buf_add(b, s + i, 1);
            i++;
        }
    }
    wres__buf_add(b, "\"", 1);
}

static void json_num(wres__buf *b, double v)
{
    char t[40];

    if (!isfinite(v)) {
        wres__buf_puts(b, "null");
        return;
    }
    wres__fmt_double(t, sizeof t, v);
    wres__buf_puts(b, t);
    if (!strpbrk(t, ".eEn"))
        wres__buf_puts(b, ".0");
}

void wres__json_str(wres__buf *b, const char *s)
{
    json_str(b, s);
}

void wres__json_num(wres__buf *b, double v)
{
    json_num(b, v);
}


static void json_int(wres__buf *b, int avail, int64_t v)
{
    if (!avail || v == WRES__SUPPRESSED)
        wres__buf_puts(b, "null");
    else
        wres__buf_printf(b, "%lld", (long long)v);
}

static void json_bool(wres__buf *b, int v)
{
    wres__buf_puts(b, v < 0 ? "null" : v ? "true" : "false");
}

static void json_ci(wres__buf *b, double lo, double hi)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        wres__buf_puts(b, "null");
        return;
    }
    wres__buf_puts(b, "[");
    json_num(b, lo);
    wres__buf_puts(b, ", ");
    json_num(b, hi);
    wres__buf_puts(b, "]");
}

/* With publication-safe output, an object holding counts says whether
 * any of them is suppressed. */
static void json_suppressed(wres__buf *b, int publish, int any)
{
    if (publish)
        wres__buf_puts(b, any ? ", \"suppressed\": true" : ", \"suppressed\": false");
}

static void json_mix(wres__buf *b, int av, const wres__mix *m, int with_pct,
                     int publish)
{
    wres__buf_puts(b, "\"white\": ");
    json_int(b, av, m->white);
    wres__buf_puts(b, ", \"bme\": ");
    json_int(b, av, m->bme);
    wres__buf_puts(b, ", \"unknown\": ");
    json_int(b, av, m->unknown);
    wres__buf_puts(b, ", \"total\": ");
    json_int(b, av, m->total);
    if (with_pct) {
        wres__buf_puts(b, ", \"white_pct\": ");
        json_num(b, av ? m->pct[0] : NAN);
        wres__buf_puts(b, ", \"bme_pct\": ");
        json_num(b, av ? m->pct[1] : NAN);
        wres__buf_puts(b, ", \"unknown_pct\": ");
        json_num(b, av ? m->pct[2] : NAN);
    }
    json_suppressed(b, publish, m->white < 0 || m->bme < 0 || m->unknown < 0 ||
                                    m->total < 0);
}

static void json_rate(wres__buf *b, int av, const wres__rate *r, int publish)
{
    wres__buf_puts(b, "{\"n\": ");
    json_int(b, av, r->n);
    wres__buf_puts(b, ", \"events\": ");
    json_int(b, av, r->events);
    wres__buf_puts(b, ", \"rate\": ");
    json_num(b, r->rate);
    json_suppressed(b, publish, r->n < 0 || r->events < 0);
    wres__buf_puts(b, "}");
}

/* The body of a relative-likelihood figure, without braces. */
static void json_rl_body(wres__buf *b, int av, const wres__rl *r,
                         const char *ind, int publish)
{
    wres__buf_printf(b, "%s\"white\": ", ind);
    json_rate(b, av, &r->white, publish);
    wres__buf_printf(b, ",\n%s\"bme\": ", ind);
    json_rate(b, av, &r->bme, publish);
    wres__buf_printf(b, ",\n%s\"relative_likelihood\": ", ind);
    json_num(b, r->rl);
    wres__buf_puts(b, ", \"ci\": ");
    json_ci(b, r->lo, r->hi);
    wres__buf_puts(b, ", \"p_value\": ");
    json_num(b, r->p);
    wres__buf_printf(b, ",\n%s\"significant\": ", ind);
    json_bool(b, r->significant);
    wres__buf_puts(b, ", \"non_adverse\": ");
    json_bool(b, r->non_adverse);
}

static void json_avail(wres__buf *b, int ind, int av)
{
    wres__buf_printf(b, "    \"%d\": {\n      \"available\": %s,\n", ind,
                     av ? "true" : "false");
}

/* The figures of indicator k (the white/BME comparison of m), each key on
 * a line starting with in; no braces around, no newline after. */
static void json_ind_body(wres__buf *b, const wres__model *m, int k,
                          const char *in, int pub)
{
    static const char *const board_keys[3] = {"board", "voting", "executive"};
    static const char *const gname[2] = {"white", "bme"};
    char in2[32];
    const wres__pct *s;
    size_t i;
    int x, w, av = m->avail[k];

    snprintf(in2, sizeof in2, "%s  ", in);
    switch (k) {
    case 1:
        wres__buf_printf(b, "%s\"workforce\": {", in);
        json_mix(b, av, &m->workforce, 1, pub);
        wres__buf_printf(b, "},\n%s\"rows\": [", in);
        for (i = 0; i < m->n_rows; i++) {
            const wres__i1row *row = &m->rows[i];
            wres__buf_printf(b, "%s\n%s", i ? "," : "", in2);
            wres__buf_printf(b, "{\"staff_group\": \"%s\", \"band\": \"%s\", ",
                             row->sgroup < 0 ? "all" : wres__staff_group_name(row->sgroup),
                             row->band < 0 ? "All" : wres__band_name(row->band));
            json_mix(b, 1, &row->m, 1, pub);
            wres__buf_puts(b, "}");
        }
        if (m->n_rows)
            wres__buf_printf(b, "\n%s]", in);
        else
            wres__buf_puts(b, "]");
        return;
    case 2:
        json_rl_body(b, av, &m->i2, in, pub);
        return;
    case 3:
        wres__buf_printf(b, "%s\"years\": [", in);
        for (x = 0; x < m->i3_nyears; x++)
            wres__buf_printf(b, "%s%d", x ? ", " : "", m->i3_years[x]);
        wres__buf_puts(b, "],\n");
        if (m->aggregate)
            wres__buf_printf(b, "%s\"pooled_organisations\": %lld,\n", in,
                             (long long)m->i3_pooled_orgs);
        json_rl_body(b, av, &m->i3, in, pub);
        wres__buf_printf(b, ",\n%s\"single_year\": {\n", in);
        json_rl_body(b, av, &m->i3_single, in2, pub);
        wres__buf_printf(b, "\n%s}", in);
        return;
    case 4:
        json_rl_body(b, av, &m->i4, in, pub);
        return;
    case 9:
        wres__buf_printf(b, "%s\"workforce_bme_pct\": ", in);
        json_num(b, m->board_workforce_pct);
        for (x = 0; x < 3; x++) {
            wres__buf_printf(b, ",\n%s\"%s\": {", in, board_keys[x]);
            json_mix(b, av, &m->board[x].m, 0, 0);
            wres__buf_puts(b, ", \"bme_pct\": ");
            json_num(b, m->board[x].bme_pct);
            wres__buf_puts(b, ", \"difference\": ");
            json_num(b, m->board[x].diff);
            json_suppressed(b, pub, m->board[x].m.white < 0 || m->board[x].m.bme < 0 ||
                                        m->board[x].m.unknown < 0 ||
                                        m->board[x].m.total < 0);
            wres__buf_puts(b, "}");
        }
        return;
    default:
        break;
    }
    s = &m->survey[k - 5];
    for (w = 0; w < 2; w++) {
        wres__buf_printf(b, "%s%s\"%s\": {\"n\": ", w ? ",\n" : "", in, gname[w]);
        json_int(b, av, s->n[w]);
        wres__buf_puts(b, ", \"yes\": ");
        json_int(b, av, s->yes[w]);
        wres__buf_puts(b, ", \"pct\": ");
        json_num(b, s->pct[w]);
        wres__buf_puts(b, ", \"ci\": ");
        json_ci(b, s->lo[w], s->hi[w]);
        json_suppressed(b, pub, s->n[w] < 0 || s->yes[w] < 0);
        wres__buf_puts(b, "}");
    }
    wres__buf_printf(b, ",\n%s\"difference\": ", in);
    json_num(b, s->diff);
    wres__buf_puts(b, ", \"difference_ci\": ");
    json_ci(b, s->diff_lo, s->diff_hi);
    wres__buf_puts(b, ", \"p_value\": ");
    json_num(b, s->p);
    wres__buf_printf(b, ",\n%s\"significant\": ", in);
    json_bool(b, s->significant);
}

static void json_breakdowns(wres__buf *b, const wres__model *m)
{
    size_t i, j;
    int d;

    wres__buf_puts(b, ",\n  \"breakdowns\": [");
    for (i = 0; i < m->n_bd; i++) {
        const wres__bdown *bd = &m->bd[i];
        wres__buf_puts(b, i ? ",\n    {\"by\": [" : "\n    {\"by\": [");
        for (d = 0; d < bd->nd; d++) {
            if (d)
                wres__buf_puts(b, ", ");
            json_str(b, bd->by[d]);
        }
        wres__buf_printf(b, "], \"indicator\": %d, \"available\": %s, \"cells\": [",
                         bd->indicator, bd->avail ? "true" : "false");
        for (j = 0; j < bd->n; j++) {
            const wres__bcell *c = &bd->cell[j];
            wres__buf_puts(b, j ? ",\n      {\"key\": {" : "\n      {\"key\": {");
            for (d = 0; d < bd->nd; d++) {
                if (d)
                    wres__buf_puts(b, ", ");
                json_str(b, bd->by[d]);
                wres__buf_puts(b, ": ");
                json_str(b, c->key[d]);
            }
            wres__buf_printf(b, "}, \"low_numbers\": %s,\n",
                             c->low ? "true" : "false");
            if (bd->indicator == 1) {
                wres__buf_puts(b, "        ");
                json_mix(b, 1, &c->mix, 1, m->publish);
            } else if (bd->indicator == 3) {
                wres__buf_puts(b, "        \"years\": [");
                for (d = 0; d < c->nyears; d++)
                    wres__buf_printf(b, "%s%d", d ? ", " : "", c->years[d]);
                wres__buf_puts(b, "],\n");
                json_rl_body(b, 1, &c->rl, "        ", m->publish);
                wres__buf_puts(b, ",\n        \"single_year\": {\n");
                json_rl_body(b, 1, &c->single, "          ", m->publish);
                wres__buf_puts(b, "\n        }");
            } else {
                json_rl_body(b, 1, &c->rl, "        ", m->publish);
            }
            wres__buf_puts(b, "}");
        }
        wres__buf_puts(b, bd->n ? "\n    ]}" : "]}");
    }
    wres__buf_puts(b, "\n  ]");
}

static void json_trend(wres__buf *b, const wres__model *m)
{
    size_t i;
    int k;

    wres__buf_puts(b, ",\n  \"trend\": {");
    for (k = 1; k <= 9; k++) {
        const wres__trend *t = &m->trend[k];
        wres__buf_printf(b, "%s\n    \"%d\": {\"measure\": \"%s\", \"years\": [",
                         k > 1 ? "," : "", k,
                         t->rl ? "relative_likelihood" : "bme_pct");
        for (i = 0; i < t->n; i++)
            wres__buf_printf(b, "%s%d", i ? ", " : "", t->years[i]);
        wres__buf_puts(b, "], \"values\": [");
        for (i = 0; i < t->n; i++) {
            if (i)
                wres__buf_puts(b, ", ");
            json_num(b, t->value[i]);
        }
        wres__buf_puts(b, "],\n      \"changes\": [");
        for (i = 1; i < t->n; i++) {
            wres__buf_printf(b, "%s{\"from\": %d, \"to\": %d, \"change\": ",
                             i > 1 ? ",\n        " : "\n        ",
                             t->years[i - 1], t->years[i]);
            json_num(b, t->change[i - 1]);
            wres__buf_puts(b, ", \"ci\": ");
            json_ci(b, t->lo[i - 1], t->hi[i - 1]);
            wres__buf_puts(b, ", \"p_value\": ");
            json_num(b, t->p[i - 1]);
            wres__buf_puts(b, "}");
        }
        wres__buf_puts(b, t->n > 1 ? "\n      ],\n      \"linear\": " : "],\n      \"linear\": ");
        if (t->n < 3) {
            wres__buf_puts(b, "null}");
        } else {
            wres__buf_puts(b, "{\"slope\": ");
            json_num(b, t->slope);
            wres__buf_puts(b, ", \"p_value\": ");
            json_num(b, t->slope_p);
            wres__buf_puts(b, "}}");
        }
    }
    wres__buf_puts(b, "\n  }");
}

void wres__write_json(const wres__model *m, wres__buf *b)
{
    size_t i, j;
    int k;

    wres__buf_puts(b, "{\n  \"library\": {\"name\": \"libwres\", \"version\": \"");
    wres__buf_puts(b, WRES_VERSION_STRING);
    wres__buf_puts(b, "\"},\n  \"org\": ");
    if (m->aggregate)
        wres__buf_printf(b, "null,\n  \"aggregate\": true, \"organisations\": %lld",
                         (long long)m->n_orgs);
    else
        json_str(b, m->org);
    wres__buf_printf(b, ",\n  \"year\": %d,\n  \"confidence\": ", m->year);
    json_num(b, m->confidence);
    if (m->publish)
        wres__buf_printf(b, ",\n  \"disclosure\": {\"threshold\": %lld, \"rounding\": %lld}",
                         (long long)m->suppress_max, (long long)m->round_base);
    wres__buf_puts(b, ",\n  \"data_quality\": {\n    \"files\": [");
    for (i = 0; i < m->n_files; i++) {
        const wres__dq_file *f = &m->files[i];
        int first = 1, r, sup;
        wres__buf_puts(b, i ? ",\n      {" : "\n      {");
        wres__buf_puts(b, "\"path\": ");
        json_str(b, f->path);
        wres__buf_printf(b, ", \"kind\": \"%s\", \"rows_read\": ",
                         wres_kind_name(f->kind));
        json_int(b, 1, f->rows_read);
        wres__buf_puts(b, ", \"rows_accepted\": ");
        json_int(b, 1, f->rows_accepted);
        wres__buf_puts(b, ",\n       \"rows_rejected\": ");
        json_int(b, 1, f->rows_rejected);
        wres__buf_puts(b, ", \"rejected_by_reason\": {");
        sup = f->rows_read < 0 || f->rows_accepted < 0 || f->rows_rejected < 0;
        for (r = 1; r <= WRES_REASON_DUPLICATE_ID; r++)
            if (f->by_reason[r]) {
                wres__buf_printf(b, "%s\"%s\": ", first ? "" : ", ",
                                 wres_reason_name(r));
                json_int(b, 1, f->by_reason[r]);
                sup |= f->by_reason[r] < 0;
                first = 0;
            }
        wres__buf_puts(b, "},\n       \"error\": ");
        if (f->error)
            json_str(b, wres_reason_name(f->error));
        else
            wres__buf_puts(b, "null");
        wres__buf_puts(b, ", \"ignored_columns\": [");
        for (j = 0; j < f->n_ignored; j++) {
            if (j)
                wres__buf_puts(b, ", ");
            json_str(b, f->ignored[j]);
        }
        wres__buf_puts(b, "]");
        json_suppressed(b, m->publish, sup);
        wres__buf_puts(b, "}");
    }
    wres__buf_puts(b, m->n_files ? "\n    ],\n" : "],\n");
    wres__buf_puts(b, "    \"staff_headcount\": ");
    json_int(b, 1, m->headcount);
    wres__buf_puts(b, ", \"bank_excluded\": ");
    json_int(b, 1, m->bank_excluded);
    wres__buf_puts(b, ", \"ethnicity_unknown\": ");
    json_int(b, 1, m->eth_unknown);
    wres__buf_puts(b, ", \"declared_pct\": ");
    json_num(b, m->declared_pct);
    json_suppressed(b, m->publish, m->headcount < 0 || m->bank_excluded < 0 ||
                                       m->eth_unknown < 0);
    wres__buf_puts(b, "\n  },\n  \"indicators\": {\n");
    for (k = 1; k <= 9; k++) {
        json_avail(b, k, m->avail[k]);
        json_ind_body(b, m, k, "      ", m->publish);
        if (m->n_groups) {
            wres__buf_puts(b, ",\n      \"groups\": {");
            for (i = 0; i < m->n_groups; i++) {
                wres__buf_printf(b, "%s\n        \"%s\": {\n", i ? "," : "",
                                 wres__group_name((int)i));
                json_ind_body(b, &m->groups[i], k, "          ", m->publish);
                wres__buf_puts(b, "\n        }");
            }
            wres__buf_puts(b, "\n      }");
        }
        wres__buf_puts(b, k < 9 ? "\n    },\n" : "\n    }\n  }");
    }
    if (m->n_bd)
        json_breakdowns(b, m);
    if (m->trend)
        json_trend(b, m);
    if (m->targets.on)
        wres__targets_json(m, b);
    wres__buf_puts(b, "\n}\n");
}

/* ---- CSV: one row per figure -------------------------------------------- */

static void csv_field(wres__buf *b, const char *s)
{
    if (strpbrk(s, ",\"\r\n") || (s[0] == ' ' || s[0] == '\t')) {
        wres__buf_add(b, "\"", 1);
        for (; *s; s++) {
            if (*s == '"')
                wres__buf_add(b, "\"", 1);
            wres__buf_add(b, s, 1);
        }
        wres__buf_add(b, "\"", 1);
    } else {
        wres__buf_puts(b, s);
    }
}

void wres__write_csv(const wres_report *r, wres__buf *b)
{
    size_t i;
    char t[40];

    wres__buf_puts(b, "indicator,part,group,measure,value\n");
    for (i = 0; i < r->n_fig; i++) {
        const wres__figure *f = &r->fig[i];
        wres__buf_printf(b, "%d,", f->indicator);
        csv_field(b, f->part);
        wres__buf_add(b, ",", 1);
        csv_field(b, f->group);
        wres__buf_add(b, ",", 1);
        csv_field(b, f->measure);
        wres__buf_add(b, ",", 1);
        switch (f->type) {
        case WRES_TYPE_INT:
            wres__buf_printf(b, "%lld", (long long)f->i);
            break;
        case WRES_TYPE_BOOL:
            wres__buf_puts(b, f->i ? "true" : "false");
            break;
        case WRES_TYPE_DOUBLE:
            wres__fmt_double(t, sizeof t, f->d);
            wres__buf_puts(b, t);
            break;
        default:
            break; /* null: empty */
        }
        wres__buf_add(b, "\n", 1);
    }
}

/* ---- text: for a person ------------------------------------------------- */

static void txt_num(wres__buf *b, double v, int decimals, const char *unit)
{
    if (!isfinite(v))
        wres__buf_puts(b, "n/a");
    else
        wres__buf_printf(b, "%s%s", fx(v, decimals).s, unit);
}

static void txt_pct_col(wres__buf *b, double v)
{
    if (isfinite(v))
        wres__buf_printf(b, " %7s", fx(v, 1).s);
    else
        wres__buf_printf(b, " %7s", "n/a");
}

/* A count as text: "*" when suppressed. */
static fixed_text ct(int64_t v)
{
    fixed_text t;

    if (v == WRES__SUPPRESSED)
        snprintf(t.s, sizeof t.s, "*");
    else
        snprintf(t.s, sizeof t.s, "%lld", (long long)v);
    return t;
}

static void txt_mix_row(wres__buf *b, const char *g, const char *band,
                        const wres__mix *m)
{
    wres__buf_printf(b, "  %-14s %-14s %7s %7s %7s %7s", g, band,
                     ct(m->white).s, ct(m->bme).s, ct(m->unknown).s, ct(m->total).s);
    txt_pct_col(b, m->pct[0]);
    txt_pct_col(b, m->pct[1]);
    txt_pct_col(b, m->pct[2]);
    wres__buf_puts(b, "\n");
}

static void txt_sig(wres__buf *b, double p, int sig, double c)
{
    wres__buf_puts(b, "p ");
    if (!isfinite(p)) {
        wres__buf_puts(b, "= n/a");
        return;
    }
    if (p < 0.0001)
        wres__buf_puts(b, "< 0.0001");
    else
        wres__buf_printf(b, "= %s", fx(p, 4).s);
    wres__buf_printf(b, ", %s at %s%% confidence",
                     sig ? "significant" : "not significant", conf(c).s);
}

static void txt_rl(wres__buf *b, const wres__rl *r, const char *verb,
                   int white_first, double c)
{
    const wres__rate *g[2] = {&r->white, &r->bme};
    static const char *const name[2] = {"White", "BME"};
    int i;

    for (i = 0; i < 2; i++) {
        wres__buf_printf(b, "  %-6s %8s %s of %s", name[i],
                         ct(g[i]->events).s, verb, ct(g[i]->n).s);
        if (isfinite(g[i]->rate))
            wres__buf_printf(b, " (%s%%)", fx(g[i]->rate * 100.0, 1).s);
        wres__buf_puts(b, "\n");
    }
    wres__buf_puts(b, "  Relative likelihood ");
    txt_num(b, r->rl, 2, "");
    if (isfinite(r->lo))
        wres__buf_printf(b, " (%s%% CI %s to %s)", conf(c).s, fx(r->lo, 2).s,
                         fx(r->hi, 2).s);
    wres__buf_puts(b, "; ");
    txt_sig(b, r->p, r->significant, c);
    wres__buf_puts(b, "\n  ");
    if (r->non_adverse < 0)
        wres__buf_puts(b, "Cannot be compared with the non-adverse range 0.80-1.25.");
    else if (r->non_adverse)
        wres__buf_puts(b, "Within the non-adverse range 0.80-1.25.");
    else if (r->rl > 1.0)
        wres__buf_printf(b, "Outside the non-adverse range 0.80-1.25: %s staff are "
                         "more likely, adverse for BME staff.",
                         white_first ? "white" : "BME");
    else
        wres__buf_printf(b, "Outside the non-adverse range 0.80-1.25: %s staff are "
                         "more likely.", white_first ? "BME" : "white");
    wres__buf_puts(b, "\n");
}

/* One line of a compact table: white and group figures, the comparison,
 * its interval and p. */
static void txt_cmp_line(wres__buf *b, const char *label, const char *wcol,
                         const char *gcol, double fig, double lo, double hi,
                         double p, int decimals)
{
    wres__buf_printf(b, "  %-14s %16s %16s %9s", label, wcol, gcol,
                     isfinite(fig) ? fx(fig, decimals).s : "n/a");
    if (isfinite(lo))
        wres__buf_printf(b, "  %s to %s", fx(lo, decimals).s, fx(hi, decimals).s);
    else
        wres__buf_puts(b, "  n/a");
    wres__buf_puts(b, isfinite(p) ? (p < 0.0001 ? "  p < 0.0001" : "  p = ") : "  p = n/a");
    if (isfinite(p) && p >= 0.0001)
        wres__buf_puts(b, fx(p, 4).s);
}

static const char *txt_count(char *buf, size_t cap, int64_t x, int64_t n)
{
    snprintf(buf, cap, "%s/%s", ct(x).s, ct(n).s);
    return buf;
}

/* Indicator ind of a comparison model, one line (2-8). */
static void txt_cmp(wres__buf *b, const wres__model *g, int ind,
                    const char *label)
{
    char w[136], o[136];

    if (ind >= 2 && ind <= 4) {
        const wres__rl *r = ind == 2 ? &g->i2 : ind == 3 ? &g->i3 : &g->i4;
        txt_cmp_line(b, label, txt_count(w, sizeof w, r->white.events, r->white.n),
                     txt_count(o, sizeof o, r->bme.events, r->bme.n), r->rl,
                     r->lo, r->hi, r->p, 2);
    } else {
        const wres__pct *s = &g->survey[ind - 5];
        txt_cmp_line(b, label, txt_count(w, sizeof w, s->yes[0], s->n[0]),
                     txt_count(o, sizeof o, s->yes[1], s->n[1]), s->diff,
                     s->diff_lo, s->diff_hi, s->p, 1);
    }
    wres__buf_puts(b, "\n");
}

static void txt_groups(wres__buf *b, const wres__model *m)
{
    size_t i;
    int k;

    wres__buf_puts(b, "\nEthnic groups, each compared with white staff\n");
    wres__buf_puts(b, "  Indicator 1: percentage of the workforce; indicator 9: of "
                      "the board\n");
    wres__buf_printf(b, "  %-14s %9s %9s %9s %9s\n", "group", "staff", "staff%",
                     "board", "board%");
    for (i = 0; i < m->n_groups; i++) {
        const wres__model *g = &m->groups[i];
        wres__buf_printf(b, "  %-14s %9s", wres__group_name((int)i),
                         ct(g->workforce.bme).s);
        txt_pct_col(b, g->workforce.pct[1]);
        wres__buf_printf(b, " %9s", ct(g->board[0].m.bme).s);
        txt_pct_col(b, g->board[0].m.pct[1]);
        wres__buf_puts(b, "\n");
    }
    for (k = 2; k <= 8; k++) {
        if (!m->avail[k])
            continue;
        wres__buf_printf(b, "  Indicator %d: %s\n", k,
                         k <= 4 ? "relative likelihood (events/n), interval, p"
                                : "difference group - white in points "
                                  "(yes/n), interval, p");
        wres__buf_printf(b, "  %-14s %16s %16s %9s\n", "group", "white", "group",
                         k <= 4 ? "RL" : "diff");
        txt_cmp(b, m, k, "BME");
        for (i = 0; i < m->n_groups; i++)
            txt_cmp(b, &m->groups[i], k, wres__group_name((int)i));
    }
}

static void txt_breakdowns(wres__buf *b, const wres__model *m)
{
    size_t i, j;

    for (i = 0; i < m->n_bd; i++) {
        const wres__bdown *bd = &m->bd[i];
        wres__buf_printf(b, "\nIndicator %d by %s%s%s", bd->indicator, bd->by[0],
                         bd->nd == 2 ? " and " : "", bd->nd == 2 ? bd->by[1] : "");
        if (!bd->avail) {
            wres__buf_puts(b, ": not available\n");
            continue;
        }
        wres__buf_puts(b, bd->indicator == 1
                              ? " (white, BME, unknown, total, BME%)\n"
                              : " (white and BME events/n, RL, interval, p; "
                                "* low numbers)\n");
        for (j = 0; j < bd->n; j++) {
            const wres__bcell *c = &bd->cell[j];
            char label[160], w[136], o[136];
            snprintf(label, sizeof label, "%s%s%s%s", c->low ? "* " : "",
                     c->key[0], bd->nd == 2 ? " / " : "",
                     bd->nd == 2 ? c->key[1] : "");
            if (bd->indicator == 1) {
                wres__buf_printf(b, "  %-40s %7s %7s %7s %7s", label,
                                 ct(c->mix.white).s, ct(c->mix.bme).s,
                                 ct(c->mix.unknown).s, ct(c->mix.total).s);
                txt_pct_col(b, c->mix.pct[1]);
            } else {
                wres__buf_printf(b, "  %-40s", label);
                txt_cmp_line(b, "", txt_count(w, sizeof w, c->rl.white.events,
                                              c->rl.white.n),
                             txt_count(o, sizeof o, c->rl.bme.events, c->rl.bme.n),
                             c->rl.rl, c->rl.lo, c->rl.hi, c->rl.p, 2);
            }
            wres__buf_puts(b, "\n");
        }
    }
}

static void txt_trend(wres__buf *b, const wres__model *m)
{
    size_t i;
    int k;

    wres__buf_puts(b, "\nTrend over the organisation's years (1, 5-8, 9: BME %; "
                      "2-4: relative likelihood, 3 year by year)\n");
    for (k = 1; k <= 9; k++) {
        const wres__trend *t = &m->trend[k];
        int d = t->rl ? 2 : 1;
        wres__buf_printf(b, "  Indicator %d:", k);
        if (!t->n)
            wres__buf_puts(b, " no year available");
        for (i = 0; i < t->n; i++) {
            wres__buf_printf(b, " %d ", t->years[i]);
            txt_num(b, t->value[i], d, "");
        }
        wres__buf_puts(b, "\n");
        for (i = 1; i < t->n; i++) {
            wres__buf_printf(b, "    %d to %d: %s ", t->years[i - 1], t->years[i],
                             t->rl ? "ratio" : "change");
            txt_num(b, t->change[i - 1], d, t->rl ? "" : " points");
            if (isfinite(t->lo[i - 1]))
                wres__buf_printf(b, " (CI %s to %s)", fx(t->lo[i - 1], d).s,
                                 fx(t->hi[i - 1], d).s);
            wres__buf_puts(b, ", ");
            txt_sig(b, t->p[i - 1], isfinite(t->p[i - 1]) &&
                                        t->p[i - 1] < 1.0 - m->confidence,
                    m->confidence);
            wres__buf_puts(b, "\n");
        }
        if (t->n >= 3) {
            wres__buf_printf(b, "    linear trend: slope ");
            txt_num(b, t->slope, 4, t->rl ? " ln RL a year" : " points a year");
            wres__buf_puts(b, ", ");
            txt_sig(b, t->slope_p, isfinite(t->slope_p) &&
                                       t->slope_p < 1.0 - m->confidence,
                    m->confidence);
            wres__buf_puts(b, "\n");
        }
    }
}

static const char *const ind_title[10] = {
    "",
    "1. Workforce by band (percentage of each row)",
    "2. Relative likelihood of white applicants being appointed from "
    "shortlisting compared with BME applicants",
    "3. Relative likelihood of BME staff entering the formal disciplinary "
    "process compared with white staff",
    "4. Relative likelihood of white staff accessing non-mandatory training "
    "and CPD compared with BME staff",
    "5. Staff experiencing harassment, bullying or abuse from patients, "
    "relatives or the public",
    "6. Staff experiencing harassment, bullying or abuse from staff",
    "7. Staff believing the organisation provides equal opportunities for "
    "career progression or promotion",
    "8. Staff personally experiencing discrimination at work from a manager, "
    "team leader or other colleagues",
    "9. Board membership compared with the overall workforce",
};

void wres__write_text(const wres__model *m, wres__buf *b)
{
    size_t i, j;
    int q, x, r;
    double c = m->confidence;

    wres__buf_printf(b, "WRES report (libwres %s)\n", WRES_VERSION_STRING);
    if (m->aggregate)
        wres__buf_printf(b, "Organisation: all (aggregate of %lld)   ",
                         (long long)m->n_orgs);
    else
        wres__buf_printf(b, "Organisation: %s   ", m->org[0] ? m->org : "(default)");
    wres__buf_printf(b, "Reporting year: %d (31 March %d)   Confidence: %s%%\n\n",
                     m->year, m->year, conf(c).s);
    if (m->publish)
        wres__buf_printf(b, "Publication-safe: counts from 1 to %lld suppressed (*), "
                         "others rounded to a multiple of %lld; no figure shown\n"
                         "that uses a suppressed count; figures from the true counts.\n\n",
                         (long long)m->suppress_max, (long long)m->round_base);

    wres__buf_puts(b, "Data quality\n");
    wres__buf_printf(b, "  %-28s %-13s %9s %9s %9s  %s\n", "file", "kind", "read",
                     "accepted", "rejected", "error");
    for (i = 0; i < m->n_files; i++) {
        const wres__dq_file *f = &m->files[i];
        int first = 1;
        wres__buf_printf(b, "  %-28s %-13s %9s %9s %9s  %s\n", f->path,
                         wres_kind_name(f->kind), ct(f->rows_read).s,
                         ct(f->rows_accepted).s, ct(f->rows_rejected).s,
                         f->error ? wres_reason_name(f->error) : "-");
        for (r = 1; r <= WRES_REASON_DUPLICATE_ID; r++)
            if (f->by_reason[r]) {
                wres__buf_printf(b, "%s%s %s", first ? "    rejected: " : ", ",
                                 wres_reason_name(r), ct(f->by_reason[r]).s);
                first = 0;
            }
        if (!first)
            wres__buf_puts(b, "\n");
        for (j = 0; j < f->n_ignored; j++)
            wres__buf_printf(b, "%s%s", j ? ", " : "    ignored columns: ",
                             f->ignored[j][0] ? f->ignored[j] : "(empty name)");
        if (f->n_ignored)
            wres__buf_puts(b, "\n");
    }
    wres__buf_printf(b, "  Staff headcount %s (bank-only staff excluded: %s); "
                     "ethnicity unknown %s; declared ",
                     ct(m->headcount).s, ct(m->bank_excluded).s, ct(m->eth_unknown).s);
    txt_num(b, m->declared_pct, 1, "%");
    wres__buf_puts(b, "\n");

    for (x = 1; x <= 9; x++) {
        wres__buf_printf(b, "\n%s\n", ind_title[x]);
        if (!m->avail[x]) {
            wres__buf_puts(b, "  Not available: no input of the kind this "
                              "indicator needs for this organisation and year.\n");
            continue;
        }
        switch (x) {
        case 1:
            wres__buf_printf(b, "  %-14s %-14s %7s %7s %7s %7s %7s %7s %7s\n",
                             "staff group", "band", "white", "BME", "unknown",
                             "total", "white%", "BME%", "unkn%");
            for (i = 0; i < m->n_rows; i++) {
                const wres__i1row *row = &m->rows[i];
                txt_mix_row(b,
                            row->sgroup < 0 ? "all" : wres__staff_group_name(row->sgroup),
                            row->band < 0 ? "All" : wres__band_name(row->band),
                            &row->m);
            }
            txt_mix_row(b, "workforce", "", &m->workforce);
            break;
        case 2:
            txt_rl(b, &m->i2, "appointed", 1, c);
            break;
        case 3:
            if (m->i3_nyears == 2 && m->aggregate)
                wres__buf_printf(b, "  Pooled over reporting years %d and %d "
                                 "(%lld organisations with both):\n",
                                 m->i3_years[0], m->i3_years[1],
                                 (long long)m->i3_pooled_orgs);
            else if (m->i3_nyears == 2)
                wres__buf_printf(b, "  Pooled over reporting years %d and %d:\n",
                                 m->i3_years[0], m->i3_years[1]);
            txt_rl(b, &m->i3, "entered", 0, c);
            if (m->i3_nyears == 2) {
                wres__buf_printf(b, "  %d alone:\n", m->year);
                txt_rl(b, &m->i3_single, "entered", 0, c);
            }
            break;
        case 4:
            txt_rl(b, &m->i4, "trained", 1, c);
            break;
        case 5: case 6: case 7: case 8: {
            const wres__pct *s = &m->survey[x - 5];
            static const char *const name[2] = {"White", "BME"};
            for (q = 0; q < 2; q++) {
                wres__buf_printf(b, "  %-6s %8s yes of %s: ", name[q],
                                 ct(s->yes[q]).s, ct(s->n[q]).s);
                txt_num(b, s->pct[q], 1, "%");
                if (isfinite(s->lo[q]))
                    wres__buf_printf(b, " (%s%% CI %s%% to %s%%)", conf(c).s,
                                     fx(s->lo[q], 1).s, fx(s->hi[q], 1).s);
                wres__buf_puts(b, "\n");
            }
            wres__buf_puts(b, "  Difference BME - white ");
            txt_num(b, s->diff, 1, " points");
            if (isfinite(s->diff_lo))
                wres__buf_printf(b, " (%s%% CI %s to %s)", conf(c).s,
                                 fx(s->diff_lo, 1).s, fx(s->diff_hi, 1).s);
            wres__buf_puts(b, "; ");
            txt_sig(b, s->p, s->significant, c);
            wres__buf_puts(b, "\n");
            break;
        }
        case 9: {
            static const char *const name[3] = {"Board", "Voting", "Executive"};
            wres__buf_puts(b, "  Workforce BME ");
            txt_num(b, m->board_workforce_pct, 1, "%");
            wres__buf_puts(b, "\n");
            for (q = 0; q < 3; q++) {
                const wres__board *bd = &m->board[q];
                wres__buf_printf(b, "  %-10s white %s, BME %s, unknown %s, "
                                 "total %s: BME ",
                                 name[q], ct(bd->m.white).s, ct(bd->m.bme).s,
                                 ct(bd->m.unknown).s, ct(bd->m.total).s);
                txt_num(b, bd->bme_pct, 1, "%");
                wres__buf_puts(b, ", difference from workforce ");
                txt_num(b, bd->diff, 1, " points");
                wres__buf_puts(b, "\n");
            }
            break;
        }
        }
    }
    if (m->n_groups)
        txt_groups(b, m);
    if (m->n_bd)
        txt_breakdowns(b, m);
    if (m->trend)
        txt_trend(b, m);
    if (m->targets.on)
        wres__targets_text(m, b);
}
