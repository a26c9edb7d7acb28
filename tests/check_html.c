/*
 * check_html.c - the HTML report (WRES_FORMAT_HTML) and its XML writer:
 * every chart of the sample trust is there with its title; a small trust
 * worked by hand is drawn where the counts say (bar lengths, reference
 * lines, the intervals' text); null figures are written, never drawn; an
 * organisation and a file name holding <&>"' are escaped; and the writer
 * itself escapes, closes and formats as it should.
 */
#include "testutil.h"
#include "wres_private.h"

static const char *const sample_files[5] = {"staff", "applicants", "survey",
                                            "survey_counts", "board"};
static const int sample_kinds[5] = {WRES_KIND_STAFF, WRES_KIND_APPLICANTS,
                                    WRES_KIND_SURVEY, WRES_KIND_SURVEY_COUNTS,
                                    WRES_KIND_BOARD};

static size_t count(const char *s, const char *what)
{
    size_t n = 0, len = strlen(what);

    while ((s = strstr(s, what)) != NULL) {
        n++;
        s += len;
    }
    return n;
}

/* The <svg> element whose id is id, as a copy (the caller frees it), or
 * NULL when the page has no such chart. */
static char *chart(const char *html, const char *id)
{
    char key[128];
    const char *a, *b;
    char *out;

    snprintf(key, sizeof key, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\"", id);
    a = strstr(html, key);
    if (!a)
        return NULL;
    b = strstr(a, "</svg>");
    ck_assert_ptr_nonnull(b);
    b += strlen("</svg>");
    out = malloc((size_t)(b - a) + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, a, (size_t)(b - a));
    out[b - a] = '\0';
    return out;
}

/* The section of indicator ind, as a copy. */
static char *section(const char *html, int ind)
{
    char key[64];
    const char *a, *b;
    char *out;

    snprintf(key, sizeof key, "<section id=\"ind-%d\">", ind);
    a = strstr(html, key);
    ck_assert_msg(a != NULL, "no section for indicator %d", ind);
    b = strstr(a, "</section>");
    ck_assert_ptr_nonnull(b);
    out = malloc((size_t)(b - a) + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, a, (size_t)(b - a));
    out[b - a] = '\0';
    return out;
}

/* The page from key to its end, as a copy (NULL when key is not there). */
static char *from(const char *html, const char *key)
{
    const char *a = strstr(html, key);
    char *out;

    if (!a)
        return NULL;
    out = malloc(strlen(a) + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, a, strlen(a) + 1);
    return out;
}

static wres_report *sample_report(wres_ctx **ctx, double confidence)
{
    const char *top = getenv("WRES_TOP");
    char path[4096];
    wres_report *r;
    int i;

    ck_assert_int_eq(wres_ctx_new(ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_double(*ctx, WRES_OPT_CONFIDENCE, confidence), WRES_OK);
    for (i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/examples/data/%s.csv", top ? top : ".",
                 sample_files[i]);
        ck_assert_int_eq(wres_ingest_file(*ctx, sample_kinds[i], path), WRES_OK);
    }
    ck_assert_int_eq(wres_report_new(*ctx, "RXX", 2024, &r), WRES_OK);
    return r;
}

/* Every chart of the sample trust, each with its title and description. */
START_TEST(sample_has_every_chart)
{
    static const struct {
        const char *id, *title;
    } want[] = {
        {"chart-1-non-clinical", "Indicator 1: white and BME staff by band, "
                                 "Non-clinical staff, RXX, 2024"},
        {"chart-1-clinical", "Indicator 1: white and BME staff by band, "
                             "Clinical staff, RXX, 2024"},
        {"chart-1-medical", "Indicator 1: white and BME staff by band, "
                            "Medical and dental staff, RXX, 2024"},
        {"chart-1-all", "Indicator 1: white and BME staff by band, "
                        "All staff groups, RXX, 2024"},
        {"chart-2", "Indicator 2: white applicants appointed from shortlisting "
                    "compared with BME applicants, RXX, 2024"},
        {"chart-3", "Indicator 3: BME staff entering the formal disciplinary "
                    "process compared with white staff, RXX, 2024"},
        {"chart-4", "Indicator 4: white staff accessing non-mandatory training "
                    "and CPD compared with BME staff, RXX, 2024"},
        {"chart-5", "Indicator 5: harassment, bullying or abuse from patients, "
                    "relatives or the public, RXX, 2024"},
        {"chart-6", "Indicator 6: harassment, bullying or abuse from staff, RXX, 2024"},
        {"chart-7", "Indicator 7: equal opportunities for career progression or "
                    "promotion, RXX, 2024"},
        {"chart-8", "Indicator 8: discrimination at work from a manager, team "
                    "leader or other colleagues, RXX, 2024"},
        {"chart-9", "Indicator 9: board membership compared with the overall "
                    "workforce, RXX, 2024"},
    };
    wres_ctx *ctx;
    wres_report *r = sample_report(&ctx, 0.95);
    const char *html = tu_render(r, WRES_FORMAT_HTML);
    size_t i, n = sizeof want / sizeof want[0];
    char key[300], *svg;

    ck_assert_int_eq(strncmp(html, "<!DOCTYPE html>\n<html", 21), 0);
    ck_assert_str_eq(html + strlen(html) - 8, "</html>\n");
    ck_assert_uint_eq(count(html, "<svg "), n);
    ck_assert_uint_eq(count(html, "</svg>"), n);
    for (i = 0; i < n; i++) {
        svg = chart(html, want[i].id);
        ck_assert_msg(svg != NULL, "no chart %s", want[i].id);
        snprintf(key, sizeof key, "<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">",
                 want[i].id, want[i].title, want[i].id);
        ck_assert_msg(strstr(svg, key) != NULL, "chart %s: no title %s", want[i].id,
                      want[i].title);
        ck_assert_msg(strstr(svg, "-desc\"></desc>") == NULL, "chart %s: empty desc",
                      want[i].id);
        ck_assert_msg(count(svg, "role=\"img\"") == 1, "chart %s: role", want[i].id);
        free(svg);
    }
    /* senior first in each pay structure */
    svg = chart(html, "chart-1-medical");
    ck_assert(strstr(svg, ">Consultant<") < strstr(svg, ">Career grade<"));
    ck_assert(strstr(svg, ">Career grade<") < strstr(svg, ">Trainee<"));
    free(svg);
    svg = chart(html, "chart-1-all");
    ck_assert(strstr(svg, ">VSM<") < strstr(svg, ">Band 9<"));
    ck_assert(strstr(svg, ">Band 1<") < strstr(svg, ">Under Band 1<"));
    ck_assert(strstr(svg, ">Under Band 1<") < strstr(svg, ">Consultant<"));
    free(svg);
    /* indicator 3 pools 2023 and 2024 and shows 2024 alone: two points */
    svg = chart(html, "chart-3");
    ck_assert_uint_eq(count(svg, "class=\"pt\""), 2);
    ck_assert_ptr_nonnull(strstr(svg, "2023 and 2024 pooled"));
    ck_assert_ptr_nonnull(strstr(svg, "2024 alone"));
    free(svg);
    /* Indicator 2 from the sample's counts, by hand: white 230 of 708
     * appointed, BME 75 of 419; RL = (230/708)/(75/419) = 1.8149; Katz:
     * se = sqrt(1/230 - 1/708 + 1/75 - 1/419) = 0.117823, times 1.959964
     * = 0.230929, so exp(ln 1.8149 -+ 0.230929) = 1.4406 .. 2.2864. */
    svg = chart(html, "chart-2");
    ck_assert_ptr_nonnull(strstr(svg, ">1.81 (1.44 to 2.29)</text>"));
    ck_assert_uint_eq(count(svg, "class=\"pt\""), 1);
    ck_assert_uint_eq(count(svg, "class=\"ci\""), 2);   /* the point's and the legend's */
    free(svg);
    /* self-contained: nothing fetched, nothing run */
    ck_assert_ptr_null(strstr(html, "<script"));
    ck_assert_ptr_null(strstr(html, "<link"));
    ck_assert_ptr_null(strstr(html, "<img"));
    ck_assert_ptr_null(strstr(html, "@import"));
    ck_assert_ptr_null(strstr(html, "src="));
    ck_assert_uint_eq(count(html, "url("), count(html, "url(#"));
    ck_assert_uint_eq(count(html, "http"), n + 1);   /* the namespaces */
    /* every table has a caption and column headers */
    ck_assert_uint_eq(count(html, "<table><caption>"), count(html, "<table"));
    ck_assert_uint_gt(count(html, "<th scope=\"col\">"), 40);
    ck_assert_uint_gt(count(html, "<th scope=\"row\">"), 40);
    ck_assert_ptr_nonnull(strstr(html, "@media print"));
    ck_assert_ptr_nonnull(strstr(html, "@page{size:A4"));
    /* the data quality figures */
    ck_assert_ptr_nonnull(strstr(html, "<section id=\"data-quality\">"));
    ck_assert_ptr_nonnull(strstr(html, "unknown_ethnicity 1"));
    ck_assert_ptr_nonnull(strstr(html, "Headcount (bank-only staff excluded)"));
    ck_assert_ptr_nonnull(strstr(html, "95% confidence interval"));
    ck_assert_ptr_nonnull(strstr(html, "below 0.05 is significant at the 95% level"));
    wres_report_free(r);
    wres_ctx_free(ctx);

    /* another confidence level says so */
    r = sample_report(&ctx, 0.9);
    html = tu_render(r, WRES_FORMAT_HTML);
    ck_assert_ptr_nonnull(strstr(html, "90% confidence interval"));
    ck_assert_ptr_nonnull(strstr(html, "below 0.1 is significant at the 90% level"));
    ck_assert_ptr_null(strstr(html, "95%"));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* Wilson score interval on 0..100, from the formula, independently of
 * stats.c; z for 95% from the published tables. */
static void wilson(double x, double n, double *lo, double *hi)
{
    const double z = 1.959963984540054;
    double c = (x + z * z / 2) / (n + z * z);
    double h = z / (n + z * z) * sqrt(x * (n - x) / n + z * z / 4);
    *lo = (c - h) * 100;
    *hi = (c + h) * 100;
}

/* A trust small enough to draw by hand.  Staff (all clinical): Band 5
 * white 3, BME 1; Band 7 white 1, unknown 1; so the workforce is 4/6
 * white, 1/6 BME.  A bar of p% is p/100 * 450 units long from x = 150. */
START_TEST(small_trust_drawn_by_hand)
{
    static const char staff[] =
        "staff_id,year,ethnicity,band,staff_group\n"
        "1,2024,A,Band 5,clinical\n2,2024,A,Band 5,clinical\n"
        "3,2024,B,Band 5,clinical\n4,2024,H,Band 5,clinical\n"
        "5,2024,C,Band 7,clinical\n6,2024,Z,Band 7,clinical\n";
    static const char apps[] =  /* BME: none appointed, so RL is null */
        "applicant_id,post_id,year,ethnicity,shortlisted,appointed\n"
        "a1,p1,2024,A,yes,yes\na2,p1,2024,A,yes,no\n"
        "a3,p1,2024,H,yes,no\na4,p1,2024,H,yes,no\n";
    static const char board[] =
        "member_id,year,ethnicity,voting,executive\n"
        "b1,2024,A,yes,no\nb2,2024,A,yes,yes\nb3,2024,H,yes,no\n";
    static const char counts[] =
        "year,group,indicator,yes,respondents\n2024,white,5,48,80\n2024,bme,5,56,70\n";
    wres_ctx *ctx;
    wres_report *r;
    const char *html;
    char *svg, *sec, want[200];
    double lo, hi;
    int ind;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", staff), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "apps.csv", apps), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "board.csv", board), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "counts.csv", counts), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    html = tu_render(r, WRES_FORMAT_HTML);

    /* charts: clinical and all staff groups (1), 2, 5, 9; no other */
    ck_assert_uint_eq(count(html, "<svg "), 5);
    ck_assert_ptr_null(chart(html, "chart-1-medical"));
    ck_assert_ptr_null(chart(html, "chart-1-non-clinical"));

    svg = chart(html, "chart-1-clinical");
    ck_assert_ptr_nonnull(svg);
    ck_assert_uint_eq(count(svg, "class=\"bar\""), 6);  /* 2 bands and all, x2 */
    ck_assert_ptr_nonnull(strstr(svg, "width=\"337.5\""));  /* 3/4 white */
    ck_assert_ptr_nonnull(strstr(svg, "width=\"112.5\""));  /* 1/4 BME */
    ck_assert_ptr_nonnull(strstr(svg, "width=\"225\""));    /* 1/2 white */
    ck_assert_ptr_nonnull(strstr(svg, "width=\"300\""));    /* 4/6 white, all */
    ck_assert_ptr_nonnull(strstr(svg, "width=\"75\""));     /* 1/6 BME, all */
    ck_assert_ptr_nonnull(strstr(svg, ">white 75.0%</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">BME 0.0%</text>"));
    /* the workforce lines at 150 + 450 * 4/6 and 150 + 450 * 1/6 */
    ck_assert_uint_eq(count(svg, "class=\"ref\""), 2);
    ck_assert_ptr_nonnull(strstr(svg, "<g class=\"ref\"><line x1=\"450\""));
    ck_assert_ptr_nonnull(strstr(svg, "<g class=\"ref\"><line x1=\"225\""));
    /* most senior band first */
    ck_assert(strstr(svg, ">Band 7<") < strstr(svg, ">Band 5<"));
    free(svg);

    /* 2: available, but RL is null (no BME applicant appointed) */
    svg = chart(html, "chart-2");
    ck_assert_ptr_nonnull(svg);
    ck_assert_uint_eq(count(svg, "class=\"pt\""), 0);
    ck_assert_uint_eq(count(svg, "class=\"ci\""), 1);   /* the legend's only */
    ck_assert_ptr_nonnull(strstr(svg, ">not available</text>"));
    free(svg);
    sec = section(html, 2);
    ck_assert_ptr_nonnull(strstr(sec, "<td class=\"n\">2</td><td class=\"n\">1</td>"
                                      "<td class=\"n\">50.0%</td>"));
    free(sec);

    /* 3, 4, 6, 7, 8: not available, no chart */
    for (ind = 3; ind <= 8; ind++) {
        if (ind == 5)
            continue;
        sec = section(html, ind);
        ck_assert_msg(strstr(sec, "<p class=\"na\">Not available: ") != NULL,
                      "indicator %d: no 'not available'", ind);
        ck_assert_ptr_null(strstr(sec, "<svg"));
        ck_assert_ptr_null(strstr(sec, "<table"));
        free(sec);
    }

    /* 5: white 48 of 80, BME 56 of 70, with Wilson intervals */
    svg = chart(html, "chart-5");
    ck_assert_uint_eq(count(svg, "class=\"bar\""), 2);
    /* with intervals the plot is 370 units wide: 60% and 80% of it */
    ck_assert_ptr_nonnull(strstr(svg, "width=\"222\""));
    ck_assert_ptr_nonnull(strstr(svg, "width=\"296\""));
    wilson(48, 80, &lo, &hi);
    snprintf(want, sizeof want, ">60.0%% (%.1f to %.1f)</text>", lo, hi);
    ck_assert_msg(strstr(svg, want) != NULL, "no %s", want);
    ck_assert_str_eq(want, ">60.0% (49.0 to 70.0)</text>");
    wilson(56, 70, &lo, &hi);
    snprintf(want, sizeof want, ">80.0%% (%.1f to %.1f)</text>", lo, hi);
    ck_assert_msg(strstr(svg, want) != NULL, "no %s", want);
    free(svg);

    /* 9: BME 1 of 3 on the board and voting, 0 of 1 executive; the
     * workforce 1 of 6: the difference 33.3 - 16.7 = 16.7 points */
    svg = chart(html, "chart-9");
    ck_assert_uint_eq(count(svg, "class=\"bar\""), 3);
    ck_assert_uint_eq(count(svg, "width=\"150\""), 2);  /* 1/3 of 450 */
    ck_assert_uint_eq(count(svg, "class=\"ref\""), 1);
    ck_assert_ptr_nonnull(strstr(svg, "<g class=\"ref\"><line x1=\"225\""));
    free(svg);
    sec = section(html, 9);
    ck_assert_ptr_nonnull(strstr(sec, "<td class=\"n\">33.3%</td><td class=\"n\">16.7</td>"));
    ck_assert_ptr_nonnull(strstr(sec, "<td class=\"n\">0.0%</td><td class=\"n\">-16.7</td>"));
    free(sec);
    /* the default organisation is named as the text report names it */
    ck_assert_ptr_nonnull(strstr(html, "<title>WRES report: (default), 2024</title>"));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* Null figures are never drawn: a board without a workforce or executive
 * members, a survey
 * question without white respondents, an RL of 0 (no place on a log
 * scale). */
START_TEST(nulls_are_not_drawn)
{
    static const char board[] =
        "member_id,year,ethnicity,voting,executive\nb1,2024,A,yes,no\nb2,2024,H,no,no\n";
    static const char counts[] =
        "year,group,indicator,yes,respondents\n2024,bme,6,5,20\n";
    static const char apps[] =  /* no white applicant appointed: RL = 0 */
        "applicant_id,post_id,year,ethnicity,shortlisted,appointed\n"
        "a1,p1,2024,A,yes,no\na2,p1,2024,A,yes,no\n"
        "a3,p1,2024,H,yes,yes\na4,p1,2024,H,yes,no\n";
    wres_ctx *ctx;
    wres_report *r;
    const char *html;
    char *svg, *sec;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "b.csv", board), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "s.csv", counts), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "a.csv", apps), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    html = tu_render(r, WRES_FORMAT_HTML);

    /* 1 not available: no chart; 9 drawn without its workforce line */
    sec = section(html, 1);
    ck_assert_ptr_null(strstr(sec, "<svg"));
    ck_assert_ptr_nonnull(strstr(sec, "Not available: no staff records"));
    free(sec);
    svg = chart(html, "chart-9");
    ck_assert_uint_eq(count(svg, "class=\"bar\""), 2);   /* no executive member */
    ck_assert_ptr_nonnull(strstr(svg, ">not available</text>"));
    ck_assert_uint_eq(count(svg, "class=\"ref\""), 0);
    free(svg);
    sec = section(html, 9);
    ck_assert_ptr_nonnull(strstr(sec, "no line is drawn"));
    free(sec);

    /* 6: BME 25.0%, white not available */
    svg = chart(html, "chart-6");
    ck_assert_uint_eq(count(svg, "class=\"bar\""), 1);
    ck_assert_uint_eq(count(svg, "class=\"ci\""), 2);   /* BME's and the legend's */
    ck_assert_ptr_nonnull(strstr(svg, ">not available</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">25.0% ("));
    free(svg);

    /* 2: RL 0 is written, not drawn */
    svg = chart(html, "chart-2");
    ck_assert_uint_eq(count(svg, "class=\"pt\""), 0);
    ck_assert_ptr_nonnull(strstr(svg, ">0 (no interval)</text>"));
    free(svg);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* An organisation and a file name holding <&>"' (and a control byte). */
START_TEST(text_is_escaped)
{
    static const char staff[] =
        "staff_id,year,ethnicity,band,staff_group\n1,2024,A,Band 5,clinical\n"
        "2,2024,H,Band 6,clinical\n";
    static const char org[] = "St <Mary> & \"Joseph's\"";
    static const char esc[] = "St &lt;Mary&gt; &amp; &quot;Joseph&#39;s&quot;";
    wres_ctx *ctx;
    wres_report *r;
    const char *html;
    char *svg;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_ORG, org), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "a<b>&\"c'\x01.csv", staff), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, org, 2024, &r), WRES_OK);
    html = tu_render(r, WRES_FORMAT_HTML);
    ck_assert_ptr_null(strstr(html, org));
    ck_assert_ptr_null(strstr(html, "<Mary>"));
    ck_assert_ptr_null(strstr(html, "\x01"));
    /* page title, heading, and the title of each of the two charts */
    ck_assert_uint_eq(count(html, esc), 4);
    ck_assert_ptr_nonnull(strstr(html, "<title>WRES report: St &lt;Mary&gt; &amp; "
                                       "&quot;Joseph&#39;s&quot;, 2024</title>"));
    svg = chart(html, "chart-1-clinical");
    ck_assert_ptr_nonnull(strstr(svg, esc));
    free(svg);
    ck_assert_ptr_nonnull(strstr(html, "<th scope=\"row\">a&lt;b&gt;&amp;&quot;c&#39;"
                                       "\xef\xbf\xbd.csv</th>"));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* The sample trust with --groups and the trend (three years, 2022-2024):
 * every chart of "Over the years" and "Ethnic groups" is there with its
 * title and description, in the page's contents. */
START_TEST(sample_groups_and_trend)
{
    static const char *const ind_what[10] = {
        "", "BME percentage of the workforce",
        "relative likelihood of white applicants being appointed from "
        "shortlisting compared with BME applicants",
        "relative likelihood of BME staff entering the formal disciplinary "
        "process compared with white staff (each year alone)",
        "relative likelihood of white staff accessing non-mandatory training "
        "and CPD compared with BME staff",
        "percentage of BME respondents reporting harassment, bullying or "
        "abuse from patients, relatives or the public",
        "percentage of BME respondents reporting harassment, bullying or "
        "abuse from staff",
        "percentage of BME respondents believing the organisation provides "
        "equal opportunities for career progression or promotion",
        "percentage of BME respondents reporting discrimination at work from "
        "a manager, team leader or other colleagues",
        "BME percentage of the whole board"};
    static const char *const grp_what[10] = {
        "", "share of the workforce", "relative likelihood",
        "relative likelihood", "relative likelihood",
        "percentage answering yes", "percentage answering yes",
        "percentage answering yes", "percentage answering yes",
        "the board against the workforce"};
    static const char *const order[] = {
        ">BME<", ">Asian<", ">Black<", ">Mixed<", ">Other<",
        ">D White &amp; Black Caribbean<", ">E White &amp; Black African<",
        ">F White &amp; Asian<", ">G Other mixed<", ">H Indian<",
        ">J Pakistani<", ">K Bangladeshi<", ">L Other Asian<",
        ">M Caribbean<", ">N African<", ">P Other Black<", ">R Chinese<",
        ">S Any other<"};
    wres_ctx *ctx;
    wres_report *r;
    const char *html;
    char id[64], key[600], *svg;
    size_t i;
    int ind;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 1), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TREND, 1), WRES_OK);
    {
        const char *top = getenv("WRES_TOP");
        char path[4096];
        for (i = 0; i < 5; i++) {
            snprintf(path, sizeof path, "%s/examples/data/%s.csv",
                     top ? top : ".", sample_files[i]);
            ck_assert_int_eq(wres_ingest_file(ctx, sample_kinds[i], path), WRES_OK);
        }
    }
    ck_assert_int_eq(wres_report_new(ctx, "RXX", 2024, &r), WRES_OK);
    html = tu_render(r, WRES_FORMAT_HTML);

    /* 12 charts of the year, 9 over the years, 9 by ethnic group */
    ck_assert_uint_eq(count(html, "<svg "), 30);
    ck_assert_uint_eq(count(html, "</svg>"), 30);
    ck_assert_ptr_nonnull(strstr(html, "<a href=\"#trend\">Over the years</a>"));
    ck_assert_ptr_nonnull(strstr(html, "<a href=\"#groups\">Ethnic groups</a>"));
    ck_assert(strstr(html, "<section id=\"ind-9\">") < strstr(html, "<section id=\"trend\">"));
    ck_assert(strstr(html, "<section id=\"trend\">") < strstr(html, "<section id=\"groups\">"));
    ck_assert(strstr(html, "<section id=\"groups\">") < strstr(html, "<section id=\"data-quality\">"));
    for (ind = 1; ind <= 9; ind++) {
        snprintf(id, sizeof id, "chart-trend-%d", ind);
        svg = chart(html, id);
        ck_assert_msg(svg != NULL, "no chart %s", id);
        snprintf(key, sizeof key, "<title id=\"%s-title\">Indicator %d over the "
                 "years: %s, RXX</title>\n<desc id=\"%s-desc\">Line chart of the %s "
                 "in each reporting year from 2022 to 2024", id, ind, ind_what[ind],
                 id, ind_what[ind]);
        ck_assert_msg(strstr(svg, key) != NULL, "chart %s: title or desc", id);
        /* every year of the sample is computable: three points, one line */
        ck_assert_uint_eq(count(svg, "class=\"pt\""), 3);
        ck_assert_uint_eq(count(svg, "class=\"trend\""), 1);
        ck_assert_uint_eq(count(svg, ">2022</text>"), 1);
        ck_assert_uint_eq(count(svg, ">2024</text>"), 1);
        ck_assert_uint_eq(count(svg, "class=\"band\""), ind >= 2 && ind <= 4);
        free(svg);

        snprintf(id, sizeof id, "chart-groups-%d", ind);
        svg = chart(html, id);
        ck_assert_msg(svg != NULL, "no chart %s", id);
        snprintf(key, sizeof key, "<title id=\"%s-title\">Indicator %d by ethnic "
                 "group: %s, RXX, 2024</title>\n<desc id=\"%s-desc\">", id, ind,
                 grp_what[ind], id);
        ck_assert_msg(strstr(svg, key) != NULL, "chart %s: title", id);
        ck_assert_msg(strstr(svg, "-desc\"></desc>") == NULL, "chart %s: empty desc", id);
        /* BME first, then the broad groups, then the codes D..S */
        for (i = 1; i < sizeof order / sizeof order[0]; i++)
            ck_assert_msg(strstr(svg, order[i - 1]) && strstr(svg, order[i]) &&
                          strstr(svg, order[i - 1]) < strstr(svg, order[i]),
                          "chart %s: %s before %s", id, order[i - 1], order[i]);
        free(svg);
    }
    /* indicator 2 in 2024, worked by hand in sample_has_every_chart: 1.81,
     * the last point over the years and the first (BME) row by group */
    svg = chart(html, "chart-trend-2");
    ck_assert_ptr_nonnull(strstr(svg, ">1.81</text>"));
    free(svg);
    svg = chart(html, "chart-groups-2");
    ck_assert_ptr_nonnull(strstr(svg, ">1.81 (1.44 to 2.29)</text>"));
    ck_assert_uint_eq(count(svg, "class=\"pt\""), 18);
    free(svg);
    /* 5-8 by group: white, BME and 17 groups */
    svg = chart(html, "chart-groups-5");
    ck_assert_ptr_nonnull(strstr(svg, ">White<"));
    ck_assert(strstr(svg, ">White<") < strstr(svg, ">BME<"));
    free(svg);
    /* three years: a linear trend in every table */
    ck_assert_uint_eq(count(html, "<th scope=\"row\">Cochran-Armitage</th>"), 6);
    ck_assert_uint_eq(count(html, "<th scope=\"row\">Weighted regression of ln RL on year</th>"), 3);
    ck_assert_ptr_null(strstr(html, "fewer than three years"));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* Katz interval of RL = (a/n1)/(b/n2), from the formula. */
static void katz(double a, double n1, double b, double n2, double *rl,
                 double *lo, double *hi)
{
    const double z = 1.959963984540054;
    double se = sqrt(1 / a - 1 / n1 + 1 / b - 1 / n2);

    *rl = (a / n1) / (b / n2);
    *lo = exp(log(*rl) - z * se);
    *hi = exp(log(*rl) + z * se);
}

/* A trust with groups and three years, small enough to work by hand.
 * Staff (clinical Band 5): 2022 A A A H; 2023 A A A H M; 2024 A A A A H H
 * M Z.  So BME 1 of 4, 2 of 5, 3 of 8; in 2024 Asian 2 of 8, Black 1.
 * Applicants: 2022 white 1 of 4 appointed, H 1 of 4 (RL 1); 2023 white 1
 * of 2, H 0 of 2 (RL null); 2024 white 2 of 4, H 1 of 4, M 0 of 2 (BME 1
 * of 6: RL 3; Asian 2; Black null).  Board 2024: A A H. */
START_TEST(groups_and_trend_by_hand)
{
    static const char staff[] =
        "staff_id,year,ethnicity,band,staff_group\n"
        "1,2022,A,Band 5,clinical\n2,2022,A,Band 5,clinical\n"
        "3,2022,A,Band 5,clinical\n4,2022,H,Band 5,clinical\n"
        "1,2023,A,Band 5,clinical\n2,2023,A,Band 5,clinical\n"
        "3,2023,A,Band 5,clinical\n4,2023,H,Band 5,clinical\n"
        "5,2023,M,Band 5,clinical\n"
        "1,2024,A,Band 5,clinical\n2,2024,A,Band 5,clinical\n"
        "3,2024,A,Band 5,clinical\n6,2024,A,Band 5,clinical\n"
        "4,2024,H,Band 5,clinical\n7,2024,H,Band 5,clinical\n"
        "5,2024,M,Band 5,clinical\n8,2024,Z,Band 5,clinical\n";
    static const char apps[] =
        "applicant_id,post_id,year,ethnicity,shortlisted,appointed\n"
        "a1,p1,2022,A,yes,yes\na2,p1,2022,A,yes,no\na3,p1,2022,A,yes,no\n"
        "a4,p1,2022,A,yes,no\na5,p1,2022,H,yes,yes\na6,p1,2022,H,yes,no\n"
        "a7,p1,2022,H,yes,no\na8,p1,2022,H,yes,no\n"
        "b1,p2,2023,A,yes,yes\nb2,p2,2023,A,yes,no\nb3,p2,2023,H,yes,no\n"
        "b4,p2,2023,H,yes,no\n"
        "c1,p3,2024,A,yes,yes\nc2,p3,2024,A,yes,yes\nc3,p3,2024,A,yes,no\n"
        "c4,p3,2024,A,yes,no\nc5,p3,2024,H,yes,yes\nc6,p3,2024,H,yes,no\n"
        "c7,p3,2024,H,yes,no\nc8,p3,2024,H,yes,no\nc9,p3,2024,M,yes,no\n"
        "c10,p3,2024,M,yes,no\n";
    static const char board[] =
        "member_id,year,ethnicity,voting,executive\n"
        "b1,2024,A,yes,no\nb2,2024,A,yes,yes\nb3,2024,H,yes,no\n";
    /* the trend of indicator 1 */
    static const double tx[3] = {1, 2, 3}, tn[3] = {4, 5, 8}, tt[3] = {0, 1, 2};
    wres_ctx *ctx;
    wres_report *r;
    const char *html;
    char *svg, *sec, want[300];
    double rl, lo, hi, l1, u1, l2, u2, d;
    double N = 0, X = 0, tbar = 0, T = 0, Stt = 0, pbar, z, pv, se;
    size_t i;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 1), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TREND, 1), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", staff), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "apps.csv", apps), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "board.csv", board), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    html = tu_render(r, WRES_FORMAT_HTML);

    /* the year's charts: 1 clinical and all, 2, 9; over the years 1 and 2
     * (the board has one year); by group 1, 2 and 9 */
    ck_assert_uint_eq(count(html, "<svg "), 4 + 2 + 3);
    ck_assert_ptr_null(chart(html, "chart-trend-9"));
    ck_assert_ptr_null(chart(html, "chart-groups-5"));

    /* group shares of the workforce: BME 3/8 = 37.5%, Asian 2/8, Black
     * 1/8, the rest 0; the axis ends at 50% (the first of 10, 20, 25, 50
     * above 37.5% + 5%), 400 units from x = 200 */
    svg = chart(html, "chart-groups-1");
    ck_assert_uint_eq(count(svg, "class=\"bar\""), 18);
    ck_assert_uint_eq(count(svg, "width=\"300\""), 1);   /* BME */
    ck_assert_uint_eq(count(svg, "width=\"200\""), 2);   /* Asian, H */
    ck_assert_uint_eq(count(svg, "width=\"100\""), 2);   /* Black, M */
    ck_assert_uint_eq(count(svg, "width=\"0\""), 13);
    ck_assert_ptr_nonnull(strstr(svg, ">50%</text>"));
    free(svg);
    /* the board: 1 of 3 BME, Asian, H; 0 of 3 every other group; beside
     * each group's share of the workforce: 36 bars */
    svg = chart(html, "chart-groups-9");
    ck_assert_uint_eq(count(svg, "class=\"bar\""), 36);
    ck_assert_uint_eq(count(svg, ">board 33.3%</text>"), 3);
    ck_assert_uint_eq(count(svg, ">board 0.0%</text>"), 15);
    free(svg);

    /* relative likelihoods by group: BME 3, Asian and H 2, drawn; Black
     * and M (no Black applicant appointed) and the groups without
     * applicants not available, not drawn */
    svg = chart(html, "chart-groups-2");
    ck_assert_uint_eq(count(svg, "class=\"pt\""), 3);
    katz(2, 4, 1, 6, &rl, &lo, &hi);
    snprintf(want, sizeof want, ">%.2f (%.2f to %.2f)</text>", rl, lo, hi);
    ck_assert_msg(strstr(svg, want) != NULL, "no %s", want);
    katz(2, 4, 1, 4, &rl, &lo, &hi);
    snprintf(want, sizeof want, ">%.2f (%.2f to %.2f)</text>", rl, lo, hi);
    ck_assert_uint_eq(count(svg, want), 2);
    ck_assert_uint_eq(count(svg, "class=\"na\""), 2 * 15);
    ck_assert_ptr_nonnull(strstr(svg, "Not drawn: 15 not available"));
    free(svg);
    sec = from(html, "<section id=\"groups\">");
    ck_assert_ptr_nonnull(sec);
    ck_assert_ptr_nonnull(strstr(sec, "<th scope=\"row\">White (every comparison)</th>"
                                      "<td class=\"n\">4</td><td class=\"n\">2</td>"
                                      "<td class=\"n\">50.0%</td>"));
    ck_assert_ptr_nonnull(strstr(sec, "<th scope=\"row\">Black (M, N, P)</th>"
                                      "<td class=\"n\">2</td><td class=\"n\">0</td>"
                                      "<td class=\"n\">0.0%</td>"));
    free(sec);

    /* indicator 1 over the years: 25.0%, 40.0%, 37.5% */
    svg = chart(html, "chart-trend-1");
    ck_assert_uint_eq(count(svg, "class=\"pt\""), 3);
    ck_assert_ptr_nonnull(strstr(svg, ">25.0%</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">40.0%</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">37.5%</text>"));
    free(svg);
    sec = from(html, "<section id=\"trend\">");
    ck_assert_ptr_nonnull(sec);
    /* 2022 to 2023: 40% - 25% = 15.0 points, Newcombe's interval from the
     * two Wilson intervals, the pooled two-proportion test */
    wilson(2, 5, &l1, &u1);
    wilson(1, 4, &l2, &u2);
    d = 15.0;
    se = sqrt(3.0 / 9 * 6.0 / 9 * (1.0 / 5 + 1.0 / 4));
    pv = erfc(fabs(0.4 - 0.25) / se / sqrt(2.0));
    snprintf(want, sizeof want, "<th scope=\"row\">2022 to 2023</th><td class=\"n\">"
             "15.0</td><td class=\"n\">%.1f to %.1f</td><td class=\"n\">%.4f</td>",
             d - sqrt((40 - l1) * (40 - l1) + (u2 - 25) * (u2 - 25)),
             d + sqrt((u1 - 40) * (u1 - 40) + (25 - l2) * (25 - l2)), pv);
    ck_assert_msg(strstr(sec, want) != NULL, "no %s", want);
    /* Cochran-Armitage over 2022-2024, years as scores 0, 1, 2 */
    for (i = 0; i < 3; i++) {
        N += tn[i];
        X += tx[i];
        tbar += tn[i] * tt[i];
    }
    tbar /= N;
    for (i = 0; i < 3; i++) {
        T += tx[i] * (tt[i] - tbar);
        Stt += tn[i] * (tt[i] - tbar) * (tt[i] - tbar);
    }
    pbar = X / N;
    z = T / sqrt(pbar * (1 - pbar) * Stt);
    snprintf(want, sizeof want, "<th scope=\"row\">Cochran-Armitage</th><td class=\"n\">"
             "%.2f</td><td class=\"n\">%.4f</td>", T / Stt * 100, erfc(fabs(z) / sqrt(2.0)));
    ck_assert_msg(strstr(sec, want) != NULL, "no %s", want);
    ck_assert_str_eq(want, "<th scope=\"row\">Cochran-Armitage</th><td class=\"n\">"
                           "5.32</td><td class=\"n\">0.7113</td>");
    free(sec);

    /* indicator 2 over the years: 1.00, not available in 2023, 3.00 */
    svg = chart(html, "chart-trend-2");
    ck_assert_uint_eq(count(svg, "class=\"pt\""), 2);
    ck_assert_ptr_nonnull(strstr(svg, ">1.00</text>"));
    ck_assert_ptr_nonnull(strstr(svg, ">3.00</text>"));
    ck_assert_uint_eq(count(svg, ">n/a</text>"), 1);
    ck_assert_ptr_nonnull(strstr(svg, " 2023: not available."));
    ck_assert_ptr_nonnull(strstr(svg, "Not drawn: 1 year not available"));
    /* the line is broken at 2023: two runs of one point, no segment */
    ck_assert_ptr_null(strstr(svg, " L"));
    free(svg);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* A publication-safe page.  Staff (clinical): Band 5 white 20, BME 3;
 * Band 6 white 10, BME 10.  By hand: 3 is suppressed (1 to 7); its band's
 * line then has one unknown, so the smallest other count of that line,
 * white 20, is suppressed too; the BME and white columns (3 + 10 = 13,
 * 20 + 10 = 30) each then have one, so Band 6's white and BME (10, 10)
 * go as well.  The four interior cells are then free (one degree of
 * freedom), and the totals show rounded: 23 as 25, 13 as 15, 43 as 45.
 * Applicants: white 20 of 40 appointed, BME 2 of 10: 2 is suppressed, so
 * indicator 2's relative likelihood is not shown. */
START_TEST(publish_suppressed)
{
    wres__buf sb = {NULL, 0, 0, 0}, ab = {NULL, 0, 0, 0};
    static const char *const never[] = {
        ">3<", ">23<", ">13<", ">43<", " 3 ", " 23 ", " 43 ", "(3 ", "(3)", "13.0%",
        "87.0%", "\">2</td>", "2 of 10", " 2 appointed", "20.0%", "-9223372036854775808"};
    wres_ctx *ctx;
    wres_report *r;
    const char *html;
    char *svg, *sec, *copy;
    int i, pass;

    wres__buf_puts(&sb, "staff_id,year,ethnicity,band,staff_group\n");
    for (i = 0; i < 43; i++)
        wres__buf_printf(&sb, "s%d,2024,%s,%s,clinical\n", i,
                         i < 20 ? "A" : i < 23 ? "H" : i < 33 ? "A" : "H",
                         i < 23 ? "Band 5" : "Band 6");
    wres__buf_puts(&ab, "applicant_id,post_id,year,ethnicity,shortlisted,appointed\n");
    for (i = 0; i < 50; i++)
        wres__buf_printf(&ab, "a%d,p1,2024,%s,yes,%s\n", i, i < 40 ? "A" : "H",
                         (i < 20 || (i >= 40 && i < 42)) ? "yes" : "no");
    wres__buf_add(&sb, "", 1);
    wres__buf_add(&ab, "", 1);
    ck_assert(!sb.oom && !ab.oom);

    for (pass = 0; pass < 2; pass++) {
        ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TREND, 1), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, pass), WRES_OK);
        ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", sb.p), WRES_OK);
        ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "apps.csv", ab.p), WRES_OK);
        ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
        html = tu_render(r, WRES_FORMAT_HTML);
        /* the part of the page after the general notes */
        copy = from(html, "<section id=\"ind-1\">");
        ck_assert_ptr_nonnull(copy);
        if (pass == 0) {
            /* unprotected, the counts are there: the checks below can fail */
            ck_assert_ptr_nonnull(strstr(copy, "<td class=\"n\">3</td>"));
            ck_assert_ptr_nonnull(strstr(copy, "13.0%"));
            ck_assert_ptr_nonnull(strstr(copy, "<section id=\"groups\">"));
            ck_assert_ptr_null(strstr(html, "suppressed"));
            free(copy);
            wres_report_free(r);
            wres_ctx_free(ctx);
            continue;
        }
        /* "N suppressed (a count it uses ...)" counts values not drawn,
         * not people: blank those numbers out before the scan */
        {
            char *q = copy;
            while ((q = strstr(q, " suppressed (a count it uses")) != NULL) {
                char *d = q;
                while (d > copy && d[-1] >= '0' && d[-1] <= '9')
                    *--d = '#';
                q++;
            }
        }
        for (i = 0; i < (int)(sizeof never / sizeof never[0]); i++)
            ck_assert_msg(strstr(copy, never[i]) == NULL, "the page shows %s: %.80s",
                          never[i], strstr(copy, never[i]) ? strstr(copy, never[i]) : "");
        /* the note at the top, the footnote under the tables */
        ck_assert_ptr_nonnull(strstr(html, "<p class=\"publish\" id=\"publication-safe\">"
                                           "<strong>Publication-safe report.</strong> "
                                           "Counts from 1 to 7 are suppressed"));
        ck_assert_ptr_nonnull(strstr(html, "rounded to the nearest multiple of 5"));
        /* the groups are under the same control: shown, their small
         * counts suppressed (the "never" list covers the whole page) */
        ck_assert_ptr_null(strstr(html, "charts are not shown"));
        ck_assert_ptr_nonnull(strstr(html, "<section id=\"groups\">"));
        ck_assert_ptr_nonnull(strstr(html, "href=\"#groups\""));
        ck_assert_uint_eq(count(html, "<p class=\"fn\">suppressed: a count from 1 to 7, "
                                      "or one that would reveal such a count, and any "
                                      "figure computed from one; other "
                                      "counts rounded to a multiple of 5.</p>"),
                          /* indicator 1's two tables, indicator 2's counts
                           * and figures, and the same two of indicator 2
                           * by ethnic group */
                          6);
        /* indicator 1: the four interior cells suppressed, totals rounded */
        sec = section(html, 1);
        ck_assert_uint_eq(count(sec, "<td class=\"n\">suppressed</td>"), 2 * 4 * 2);
        ck_assert_ptr_nonnull(strstr(sec, "<th scope=\"row\">Band 5</th><td class=\"n\">"
                                          "suppressed</td><td class=\"n\">suppressed</td>"
                                          "<td class=\"n\">0</td><td class=\"n\">25</td>"));
        ck_assert_ptr_nonnull(strstr(sec, "<th scope=\"row\">Whole workforce</th><td class="
                                          "\"n\">30</td><td class=\"n\">15</td><td class="
                                          "\"n\">0</td><td class=\"n\">45</td>"));
        free(sec);
        /* of the clinical chart only "All bands" has bars: the suppressed
         * values are not drawn, and the description says so */
        svg = chart(html, "chart-1-clinical");
        ck_assert_uint_eq(count(svg, "class=\"bar\""), 2);
        ck_assert_uint_eq(count(svg, ">white suppressed</text>"), 2);
        ck_assert_uint_eq(count(svg, ">BME suppressed</text>"), 2);
        ck_assert_ptr_nonnull(strstr(svg, "Band 5: white suppressed, BME suppressed of 25 "
                                          "staff."));
        ck_assert_ptr_nonnull(strstr(svg, "4 values are not drawn: suppressed (a count it "
                                          "uses is withheld from publication)."));
        free(svg);
        /* all staff groups: two bands, every value suppressed; the
         * workforce's lines (30 and 13 of 43: 69.8% and 30.2%) drawn */
        svg = chart(html, "chart-1-all");
        ck_assert_uint_eq(count(svg, "class=\"bar\""), 0);
        ck_assert_uint_eq(count(svg, "class=\"ref\""), 2);
        ck_assert_ptr_nonnull(strstr(svg, "(white 69.8%, BME 30.2%)"));
        ck_assert_ptr_nonnull(strstr(svg, "4 values are not drawn: suppressed"));
        free(svg);
        /* indicator 2: no point, "suppressed" where it would be */
        svg = chart(html, "chart-2");
        ck_assert_uint_eq(count(svg, "class=\"pt\""), 0);
        ck_assert_uint_eq(count(svg, ">suppressed</text>"), 2);
        ck_assert_ptr_nonnull(strstr(svg, " 2024: suppressed. Not drawn: 1 suppressed"));
        free(svg);
        sec = section(html, 2);
        ck_assert_ptr_nonnull(strstr(sec, "<th scope=\"row\">2024, BME</th><td class=\"n\">"
                                          "10</td><td class=\"n\">suppressed</td>"
                                          "<td class=\"n\">suppressed</td>"));
        free(sec);
        free(copy);
        wres_report_free(r);
        wres_ctx_free(ctx);
    }
    wres__buf_free(&sb);
    wres__buf_free(&ab);
}
END_TEST

/* ---- the writer --------------------------------------------------------- */

START_TEST(xml_escape)
{
    static const char in[] = "a<&>\"'\t\n\r\x01\x7f\xc2\x85\xef\xbf\xbe\xef\xbf\xbf"
                             "\xc3\xa9\xc2\xa0\xef\xbf\xbdz";
    wres__buf b = {NULL, 0, 0, 0};

    wres__xml_escape(&b, in, sizeof in - 1);
    wres__buf_add(&b, "", 1);
    ck_assert_int_eq(b.oom, 0);
    ck_assert_str_eq(b.p, "a&lt;&amp;&gt;&quot;&#39;&#9;&#10;&#13;"
                          "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                          "\xc3\xa9\xc2\xa0\xef\xbf\xbdz");
    wres__buf_free(&b);
}
END_TEST

START_TEST(xml_elements)
{
    wres__buf b = {NULL, 0, 0, 0};
    wres__xml x;

    wres__xml_init(&x, &b);
    wres__xml_start(&x, "p");
    wres__xml_attr(&x, "class", "a\"b");
    wres__xml_text(&x, "x<y");
    wres__xml_start(&x, "td");       /* empty HTML element: an end tag */
    wres__xml_end(&x);
    wres__xml_start(&x, "meta");     /* void element */
    wres__xml_end(&x);
    wres__xml_start(&x, "svg");
    wres__xml_start(&x, "rect");     /* empty in SVG: self-closed */
    wres__xml_attr_num(&x, "x", 1.5);
    wres__xml_attr_num(&x, "y", 100.0);
    wres__xml_end(&x);
    wres__xml_start(&x, "text");
    wres__xml_textf(&x, "%d%%", 5);
    wres__xml_end(&x);
    wres__xml_end(&x);               /* svg */
    wres__xml_start(&x, "div");      /* empty again outside SVG */
    wres__xml_end(&x);
    wres__xml_end(&x);               /* p */
    wres__buf_add(&b, "", 1);
    ck_assert_int_eq(x.depth, 0);
    /* block elements end their line */
    ck_assert_str_eq(b.p, "<p class=\"a&quot;b\">x&lt;y<td></td><meta />\n"
                          "<svg><rect x=\"1.5\" y=\"100\" /><text>5%</text></svg>\n"
                          "<div></div>\n</p>\n");
    /* an end without a start fails the rendering rather than writing junk */
    ck_assert_int_eq(b.oom, 0);
    wres__xml_end(&x);
    ck_assert_int_eq(b.oom, 1);
    wres__buf_free(&b);
}
END_TEST

START_TEST(xml_long_text)
{
    wres__buf b = {NULL, 0, 0, 0};
    wres__xml x;
    char big[1000];

    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    big[500] = '&';
    wres__xml_init(&x, &b);
    wres__xml_textf(&x, "[%s]", big);
    wres__buf_add(&b, "", 1);
    ck_assert_uint_eq(strlen(b.p), 1 + 998 + 5 + 1);
    ck_assert_ptr_nonnull(strstr(b.p, "a&amp;a"));
    wres__buf_free(&b);
}
END_TEST

START_TEST(svg_numbers)
{
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {12.5, "12.5"}, {100.0, "100"}, {0.004, "0"}, {-0.004, "0"},
        {1.0 / 3.0, "0.33"}, {-3.25, "-3.25"}, {337.5, "337.5"}, {0.1, "0.1"},
        {719.996, "720"},
    };
    char t[48];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wres__svg_num(t, sizeof t, cases[i].v);
        ck_assert_str_eq(t, cases[i].want);
    }
    wres__svg_num(t, sizeof t, NAN);
    ck_assert_str_eq(t, "0");
}
END_TEST

/* The format value is checked like the others. */
START_TEST(format_values)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *out = NULL;

    ck_assert_int_eq(WRES_FORMAT_HTML, 4);
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    ck_assert_int_eq(wres_report_render(r, WRES_FORMAT_HTML + 1, &out, NULL), WRES_E_INVALID);
    /* with no data at all, every indicator says why */
    out = tu_render(r, WRES_FORMAT_HTML);
    ck_assert_uint_eq(count(out, "<p class=\"na\">Not available: "), 9);
    ck_assert_uint_eq(count(out, "<svg"), 0);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST


/* Model Employer targets, worked by hand: non-clinical Band 5 white 6,
 * BME 4; clinical Band 8a white 5.  The organisation's share is 4/15;
 * clinical Band 8a's target is 5 x 4/15 = 1.33, so 1; gap 1; from 2024 to
 * 2026 the path is 0, round(0.5) = 1 (halves up), 1. */
START_TEST(targets_by_hand)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *html;
    char csv[2048], *p = csv;
    int i;

    p += sprintf(p, "staff_id,year,ethnicity,band,staff_group\n");
    for (i = 0; i < 10; i++)
        p += sprintf(p, "n%d,2024,%s,Band 5,non-clinical\n", i, i < 6 ? "A" : "H");
    for (i = 0; i < 5; i++)
        p += sprintf(p, "c%d,2024,A,Band 8a,clinical\n", i);
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGETS, 1), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGET_YEAR, 2026), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    html = tu_render(r, WRES_FORMAT_HTML);
    ck_assert_ptr_nonnull(strstr(html, "<a href=\"#targets\">Model Employer targets</a>"));
    ck_assert_ptr_nonnull(strstr(html, "<section id=\"targets\">"));
    ck_assert_ptr_nonnull(strstr(html, "a BME share of 26.7% (the organisation&#39;s own)"));
    ck_assert_ptr_nonnull(strstr(html, "<th scope=\"col\">2024</th><th scope=\"col\">2025"
                                       "</th><th scope=\"col\">2026</th>"));
    ck_assert_ptr_nonnull(strstr(html,
        "<th scope=\"row\">Clinical (with medical and dental)</th><td>Band 8a</td>"
        "<td class=\"n\">5</td><td class=\"n\">0</td><td class=\"n\">1</td>"
        "<td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td>"
        "<td class=\"n\">1</td>"));
    ck_assert_ptr_nonnull(strstr(html,
        "<th scope=\"row\">Non-clinical</th><td>Band 8a</td><td class=\"n\">0</td>"
        "<td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td>"));
    wres_report_free(r);
    /* without the option: no section */
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGETS, 0), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    ck_assert_ptr_null(strstr(tu_render(r, WRES_FORMAT_HTML), "id=\"targets\""));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, sample_has_every_chart);
    tcase_add_test(tc, small_trust_drawn_by_hand);
    tcase_add_test(tc, nulls_are_not_drawn);
    tcase_add_test(tc, text_is_escaped);
    tcase_add_test(tc, sample_groups_and_trend);
    tcase_add_test(tc, groups_and_trend_by_hand);
    tcase_add_test(tc, publish_suppressed);
    tcase_add_test(tc, targets_by_hand);
    tcase_add_test(tc, xml_escape);
    tcase_add_test(tc, xml_elements);
    tcase_add_test(tc, xml_long_text);
    tcase_add_test(tc, svg_numbers);
    tcase_add_test(tc, format_values);
    suite_add_tcase(s, tc);
    return tu_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
