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

void wres__write_json(const wres__model *m, wres__buf *b)
{
    size_t i, j;
    int q, x;
    static const char *const board_keys[3] = {"board", "voting", "executive"};

    wres__buf_puts(b, "{\n  \"library\": {\"name\": \"libwres\", \"version\": \"");
    wres__buf_puts(b, WRES_VERSION_STRING);
    wres__buf_puts(b, "\"},\n  \"org\": ");
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

    /* 1 */
    json_avail(b, 1, m->avail[1]);
    wres__buf_puts(b, "      \"workforce\": {");
    json_mix(b, m->avail[1], &m->workforce, 1, m->publish);
    wres__buf_puts(b, "},\n      \"rows\": [");
    for (i = 0; i < m->n_rows; i++) {
        const wres__i1row *row = &m->rows[i];
        wres__buf_puts(b, i ? ",\n        " : "\n        ");
        wres__buf_printf(b, "{\"staff_group\": \"%s\", \"band\": \"%s\", ",
                         row->sgroup < 0 ? "all" : wres__staff_group_name(row->sgroup),
                         row->band < 0 ? "All" : wres__band_name(row->band));
        json_mix(b, 1, &row->m, 1, m->publish);
        wres__buf_puts(b, "}");
    }
    wres__buf_puts(b, m->n_rows ? "\n      ]\n    },\n" : "]\n    },\n");

    /* 2 */
    json_avail(b, 2, m->avail[2]);
    json_rl_body(b, m->avail[2], &m->i2, "      ", m->publish);
    wres__buf_puts(b, "\n    },\n");

    /* 3 */
    json_avail(b, 3, m->avail[3]);
    wres__buf_puts(b, "      \"years\": [");
    for (x = 0; x < m->i3_nyears; x++)
        wres__buf_printf(b, "%s%d", x ? ", " : "", m->i3_years[x]);
    wres__buf_puts(b, "],\n");
    json_rl_body(b, m->avail[3], &m->i3, "      ", m->publish);
    wres__buf_puts(b, ",\n      \"single_year\": {\n");
    json_rl_body(b, m->avail[3], &m->i3_single, "        ", m->publish);
    wres__buf_puts(b, "\n      }\n    },\n");

    /* 4 */
    json_avail(b, 4, m->avail[4]);
    json_rl_body(b, m->avail[4], &m->i4, "      ", m->publish);
    wres__buf_puts(b, "\n    },\n");

    /* 5..8 */
    for (q = 0; q < WRES__SURVEY_QS; q++) {
        const wres__pct *s = &m->survey[q];
        int av = m->avail[5 + q], w;
        static const char *const gname[2] = {"white", "bme"};
        json_avail(b, 5 + q, av);
        for (w = 0; w < 2; w++) {
            wres__buf_printf(b, "      \"%s\": {\"n\": ", gname[w]);
            json_int(b, av, s->n[w]);
            wres__buf_puts(b, ", \"yes\": ");
            json_int(b, av, s->yes[w]);
            wres__buf_puts(b, ", \"pct\": ");
            json_num(b, s->pct[w]);
            wres__buf_puts(b, ", \"ci\": ");
            json_ci(b, s->lo[w], s->hi[w]);
            json_suppressed(b, m->publish, s->n[w] < 0 || s->yes[w] < 0);
            wres__buf_puts(b, "},\n");
        }
        wres__buf_puts(b, "      \"difference\": ");
        json_num(b, s->diff);
        wres__buf_puts(b, ", \"difference_ci\": ");
        json_ci(b, s->diff_lo, s->diff_hi);
        wres__buf_puts(b, ", \"p_value\": ");
        json_num(b, s->p);
        wres__buf_puts(b, ",\n      \"significant\": ");
        json_bool(b, s->significant);
        wres__buf_puts(b, "\n    },\n");
    }

    /* 9 */
    json_avail(b, 9, m->avail[9]);
    wres__buf_puts(b, "      \"workforce_bme_pct\": ");
    json_num(b, m->board_workforce_pct);
    for (x = 0; x < 3; x++) {
        wres__buf_printf(b, ",\n      \"%s\": {", board_keys[x]);
        json_mix(b, m->avail[9], &m->board[x].m, 0, 0);
        wres__buf_puts(b, ", \"bme_pct\": ");
        json_num(b, m->board[x].bme_pct);
        wres__buf_puts(b, ", \"difference\": ");
        json_num(b, m->board[x].diff);
        json_suppressed(b, m->publish, m->board[x].m.white < 0 || m->board[x].m.bme < 0 ||
                                           m->board[x].m.unknown < 0 ||
                                           m->board[x].m.total < 0);
        wres__buf_puts(b, "}");
    }
    wres__buf_puts(b, "\n    }\n  }\n}\n");
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
    wres__buf_printf(b, "Organisation: %s   Reporting year: %d (31 March %d)   "
                     "Confidence: %s%%\n\n",
                     m->org[0] ? m->org : "(default)", m->year, m->year, conf(c).s);
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
            if (m->i3_nyears == 2)
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
}
