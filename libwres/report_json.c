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

void wres__json_str(wres__buf *b, const char *s)
{
    json_str(b, s);
}

void wres__json_num(wres__buf *b, double v)
{
    json_num(b, v);
}

void wres__fmt_fixed(char *out, size_t cap, double v, int decimals)
{
    snprintf(out, cap, "%s", fx(v, decimals).s);
}

static void json_int(wres__buf *b, int avail, int64_t v)
{
    if (!avail)
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

static void json_mix(wres__buf *b, int av, const wres__mix *m, int with_pct)
{
    double t = (double)m->total;
    int ok = av && m->total > 0;

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
        json_num(b, ok ? (double)m->white / t * 100.0 : NAN);
        wres__buf_puts(b, ", \"bme_pct\": ");
        json_num(b, ok ? (double)m->bme / t * 100.0 : NAN);
        wres__buf_puts(b, ", \"unknown_pct\": ");
        json_num(b, ok ? (double)m->unknown / t * 100.0 : NAN);
    }
}

static void json_rate(wres__buf *b, int av, const wres__rate *r)
{
    wres__buf_puts(b, "{\"n\": ");
    json_int(b, av, r->n);
    wres__buf_puts(b, ", \"events\": ");
    json_int(b, av, r->events);
    wres__buf_puts(b, ", \"rate\": ");
    json_num(b, r->rate);
    wres__buf_puts(b, "}");
}

/* The body of a relative-likelihood figure, without braces. */
static void json_rl_body(wres__buf *b, int av, const wres__rl *r,
                         const char *ind)
{
    wres__buf_printf(b, "%s\"white\": ", ind);
    json_rate(b, av, &r->white);
    wres__buf_printf(b, ",\n%s\"bme\": ", ind);
    json_rate(b, av, &r->bme);
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
    if (m->aggregate)
        wres__buf_printf(b, "null,\n  \"aggregate\": true, \"organisations\": %lld",
                         (long long)m->n_orgs);
    else
        json_str(b, m->org);
    wres__buf_printf(b, ",\n  \"year\": %d,\n  \"confidence\": ", m->year);
    json_num(b, m->confidence);
    wres__buf_puts(b, ",\n  \"data_quality\": {\n    \"files\": [");
    for (i = 0; i < m->n_files; i++) {
        const wres__dq_file *f = &m->files[i];
        int first = 1, r;
        wres__buf_puts(b, i ? ",\n      {" : "\n      {");
        wres__buf_puts(b, "\"path\": ");
        json_str(b, f->path);
        wres__buf_printf(b, ", \"kind\": \"%s\", \"rows_read\": %lld, "
                         "\"rows_accepted\": %lld,\n       \"rows_rejected\": %lld, "
                         "\"rejected_by_reason\": {",
                         wres_kind_name(f->kind), (long long)f->rows_read,
                         (long long)f->rows_accepted, (long long)f->rows_rejected);
        for (r = 1; r <= WRES_REASON_DUPLICATE_ID; r++)
            if (f->by_reason[r]) {
                wres__buf_printf(b, "%s\"%s\": %lld", first ? "" : ", ",
                                 wres_reason_name(r), (long long)f->by_reason[r]);
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
        wres__buf_puts(b, "]}");
    }
    wres__buf_puts(b, m->n_files ? "\n    ],\n" : "],\n");
    wres__buf_printf(b, "    \"staff_headcount\": %lld, \"bank_excluded\": %lld, "
                     "\"ethnicity_unknown\": %lld, \"declared_pct\": ",
                     (long long)m->headcount, (long long)m->bank_excluded,
                     (long long)m->eth_unknown);
    json_num(b, m->declared_pct);
    wres__buf_puts(b, "\n  },\n  \"indicators\": {\n");

    /* 1 */
    json_avail(b, 1, m->avail[1]);
    wres__buf_puts(b, "      \"workforce\": {");
    json_mix(b, m->avail[1], &m->workforce, 1);
    wres__buf_puts(b, "},\n      \"rows\": [");
    for (i = 0; i < m->n_rows; i++) {
        const wres__i1row *row = &m->rows[i];
        wres__buf_puts(b, i ? ",\n        " : "\n        ");
        wres__buf_printf(b, "{\"staff_group\": \"%s\", \"band\": \"%s\", ",
                         row->sgroup < 0 ? "all" : wres__staff_group_name(row->sgroup),
                         row->band < 0 ? "All" : wres__band_name(row->band));
        json_mix(b, 1, &row->m, 1);
        wres__buf_puts(b, "}");
    }
    wres__buf_puts(b, m->n_rows ? "\n      ]\n    },\n" : "]\n    },\n");

    /* 2 */
    json_avail(b, 2, m->avail[2]);
    json_rl_body(b, m->avail[2], &m->i2, "      ");
    wres__buf_puts(b, "\n    },\n");

    /* 3 */
    json_avail(b, 3, m->avail[3]);
    wres__buf_puts(b, "      \"years\": [");
    for (x = 0; x < m->i3_nyears; x++)
        wres__buf_printf(b, "%s%d", x ? ", " : "", m->i3_years[x]);
    wres__buf_puts(b, "],\n");
    if (m->aggregate)
        wres__buf_printf(b, "      \"pooled_organisations\": %lld,\n",
                         (long long)m->i3_pooled_orgs);
    json_rl_body(b, m->avail[3], &m->i3, "      ");
    wres__buf_puts(b, ",\n      \"single_year\": {\n");
    json_rl_body(b, m->avail[3], &m->i3_single, "        ");
    wres__buf_puts(b, "\n      }\n    },\n");

    /* 4 */
    json_avail(b, 4, m->avail[4]);
    json_rl_body(b, m->avail[4], &m->i4, "      ");
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
        json_mix(b, m->avail[9], &m->board[x].m, 0);
        wres__buf_puts(b, ", \"bme_pct\": ");
        json_num(b, m->board[x].bme_pct);
        wres__buf_puts(b, ", \"difference\": ");
        json_num(b, m->board[x].diff);
        wres__buf_puts(b, "}");
    }
    wres__buf_puts(b, "\n    }\n  }");
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

static void txt_pct_col(wres__buf *b, int64_t x, int64_t n)
{
    if (n > 0)
        wres__buf_printf(b, " %7s", fx((double)x / (double)n * 100.0, 1).s);
    else
        wres__buf_printf(b, " %7s", "n/a");
}

static void txt_mix_row(wres__buf *b, const char *g, const char *band,
                        const wres__mix *m)
{
    wres__buf_printf(b, "  %-14s %-14s %7lld %7lld %7lld %7lld", g, band,
                     (long long)m->white, (long long)m->bme,
                     (long long)m->unknown, (long long)m->total);
    txt_pct_col(b, m->white, m->total);
    txt_pct_col(b, m->bme, m->total);
    txt_pct_col(b, m->unknown, m->total);
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
        wres__buf_printf(b, "  %-6s %8lld %s of %lld", name[i],
                         (long long)g[i]->events, verb, (long long)g[i]->n);
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
    if (m->aggregate)
        wres__buf_printf(b, "Organisation: all (aggregate of %lld)   ",
                         (long long)m->n_orgs);
    else
        wres__buf_printf(b, "Organisation: %s   ", m->org[0] ? m->org : "(default)");
    wres__buf_printf(b, "Reporting year: %d (31 March %d)   Confidence: %s%%\n\n",
                     m->year, m->year, conf(c).s);

    wres__buf_puts(b, "Data quality\n");
    wres__buf_printf(b, "  %-28s %-13s %9s %9s %9s  %s\n", "file", "kind", "read",
                     "accepted", "rejected", "error");
    for (i = 0; i < m->n_files; i++) {
        const wres__dq_file *f = &m->files[i];
        int first = 1;
        wres__buf_printf(b, "  %-28s %-13s %9lld %9lld %9lld  %s\n", f->path,
                         wres_kind_name(f->kind), (long long)f->rows_read,
                         (long long)f->rows_accepted, (long long)f->rows_rejected,
                         f->error ? wres_reason_name(f->error) : "-");
        for (r = 1; r <= WRES_REASON_DUPLICATE_ID; r++)
            if (f->by_reason[r]) {
                wres__buf_printf(b, "%s%s %lld", first ? "    rejected: " : ", ",
                                 wres_reason_name(r), (long long)f->by_reason[r]);
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
    wres__buf_printf(b, "  Staff headcount %lld (bank-only staff excluded: %lld); "
                     "ethnicity unknown %lld; declared ",
                     (long long)m->headcount, (long long)m->bank_excluded,
                     (long long)m->eth_unknown);
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
                wres__buf_printf(b, "  %-6s %8lld yes of %lld: ", name[q],
                                 (long long)s->yes[q], (long long)s->n[q]);
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
                wres__buf_printf(b, "  %-10s white %lld, BME %lld, unknown %lld, "
                                 "total %lld: BME ",
                                 name[q], (long long)bd->m.white,
                                 (long long)bd->m.bme, (long long)bd->m.unknown,
                                 (long long)bd->m.total);
                txt_num(b, bd->bme_pct, 1, "%");
                wres__buf_puts(b, ", difference from workforce ");
                txt_num(b, bd->diff, 1, " points");
                wres__buf_puts(b, "\n");
            }
            break;
        }
        }
    }
    if (m->targets.on)
        wres__targets_text(m, b);
}
