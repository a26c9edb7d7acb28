/*
 * check_many.c - many organisations in one handle: the aggregate report,
 * the screening and the Model Employer targets, on small data worked by
 * hand (the sums, ratios and roundings below are written out in the
 * comments; the p-values of the screening were worked from INDICATORS.md's
 * formula, and only their side of 1 - c matters).
 */
#include "testutil.h"

/* ---- aggregate ---------------------------------------------------------- */

/* A and C come with disciplinary and training columns, B without. */
static const char staff_ac[] =
    "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank\n"
    /* A 2024: white 4 (disc 1, trained 2), BME 2 (disc 1, trained 1),
     * and one bank-only white member */
    "1,2024,A,A,5,clinical,yes,yes,no\n"
    "2,2024,A,A,5,clinical,no,yes,no\n"
    "3,2024,A,B,6,clinical,no,no,no\n"
    "4,2024,A,C,6,non-clinical,no,no,no\n"
    "5,2024,A,H,5,clinical,yes,yes,no\n"
    "6,2024,A,N,7,clinical,no,no,no\n"
    "7,2024,A,A,5,clinical,no,no,yes\n"
    /* A 2023: white 3 (disc 0), BME 2 (disc 1) */
    "1,2023,A,A,5,clinical,no,no,no\n"
    "2,2023,A,A,5,clinical,no,no,no\n"
    "3,2023,A,A,6,clinical,no,no,no\n"
    "5,2023,A,H,5,clinical,yes,no,no\n"
    "6,2023,A,M,7,clinical,no,no,no\n"
    /* C 2024: white 2 (disc 1, trained 1), BME 1 (disc 0, trained 0) */
    "1,2024,C,A,4,non-clinical,yes,yes,no\n"
    "2,2024,C,A,4,non-clinical,no,no,no\n"
    "3,2024,C,R,4,non-clinical,no,no,no\n";

/* B 2024: white 5, BME 5, no disciplinary or training information */
static const char staff_b[] =
    "staff_id,year,org,ethnicity,band,staff_group\n"
    "1,2024,B,A,5,clinical\n2,2024,B,A,5,clinical\n3,2024,B,A,5,clinical\n"
    "4,2024,B,A,5,clinical\n5,2024,B,A,5,clinical\n"
    "6,2024,B,H,5,clinical\n7,2024,B,H,5,clinical\n8,2024,B,H,5,clinical\n"
    "9,2024,B,H,5,clinical\n10,2024,B,H,5,clinical\n";

/* A: white 4 shortlisted, 2 appointed; BME 4, 1.  B: white 6, 1; BME 2, 1. */
static const char applicants[] =
    "year,org,ethnicity,shortlisted,appointed\n"
    "2024,A,A,yes,yes\n2024,A,A,yes,yes\n2024,A,A,yes,no\n2024,A,A,yes,no\n"
    "2024,A,H,yes,yes\n2024,A,H,yes,no\n2024,A,H,yes,no\n2024,A,H,yes,no\n"
    "2024,B,A,yes,yes\n2024,B,A,yes,no\n2024,B,A,yes,no\n2024,B,A,yes,no\n"
    "2024,B,A,yes,no\n2024,B,A,yes,no\n2024,B,N,yes,yes\n2024,B,N,yes,no\n";

/* indicator 6: A white 2 of 10, BME 5 of 10; C white 4 of 20, BME 1 of 10 */
static const char counts[] =
    "year,org,group,indicator,yes,respondents\n"
    "2024,A,white,6,2,10\n2024,A,bme,6,5,10\n"
    "2024,C,white,6,4,20\n2024,C,bme,6,1,10\n";

/* A: a white voting member, a BME voting executive; C: one unknown, voting */
static const char board[] =
    "year,org,ethnicity,voting,executive\n"
    "2024,A,A,yes,no\n2024,A,H,yes,yes\n2024,C,Z,yes,no\n";

static wres_ctx *aggregate_ctx(void)
{
    wres_ctx *ctx;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff_ac.csv", staff_ac), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff_b.csv", staff_b), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "applicants.csv",
                               applicants), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "counts.csv", counts),
                     WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "board.csv", board), WRES_OK);
    return ctx;
}

START_TEST(aggregate_sums)
{
    wres_ctx *ctx = aggregate_ctx();
    wres_report *r;

    ck_assert_int_eq(wres_report_new_aggregate(ctx, 2024, &r), WRES_OK);
    ck_assert_double_eq(tu_get(r, 0, "aggregate", "", "organisations"), 3);
    /* headcount 6 + 10 + 3, the bank-only member of A aside */
    ck_assert_double_eq(tu_get(r, 0, "data_quality", "", "staff_headcount"), 19);
    ck_assert_double_eq(tu_get(r, 0, "data_quality", "", "bank_excluded"), 1);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "white", "count"), 11);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "bme", "count"), 8);
    /* 2: white 3 of 10, BME 2 of 6: RL 0.3 / (1/3) = 0.9 */
    ck_assert_double_eq(tu_get(r, 2, "", "white", "n"), 10);
    ck_assert_double_eq(tu_get(r, 2, "", "white", "events"), 3);
    ck_assert_double_eq(tu_get(r, 2, "", "bme", "n"), 6);
    ck_assert_double_eq(tu_get(r, 2, "", "bme", "events"), 2);
    ck_assert_double_eq_tol(tu_get(r, 2, "", "", "relative_likelihood"), 0.9, 1e-12);
    /* 6: white 6 of 30 (20%), BME 6 of 20 (30%) */
    ck_assert_double_eq(tu_get(r, 6, "", "white", "n"), 30);
    ck_assert_double_eq(tu_get(r, 6, "", "bme", "yes"), 6);
    ck_assert_double_eq_tol(tu_get(r, 6, "", "", "difference"), 10.0, 1e-9);
    /* 9: white 1, BME 1, unknown 1; workforce BME 8 of 19 */
    ck_assert_double_eq(tu_get(r, 9, "board", "total", "count"), 3);
    ck_assert_double_eq(tu_get(r, 9, "executive", "bme", "count"), 1);
    ck_assert_double_eq_tol(tu_get(r, 9, "", "", "workforce_bme_pct"),
                            800.0 / 19.0, 1e-9);
    ck_assert_double_eq_tol(tu_get(r, 9, "board", "", "difference"),
                            100.0 / 3.0 - 800.0 / 19.0, 1e-9);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(aggregate_staff_indicators)
{
    wres_ctx *ctx = aggregate_ctx();
    wres_report *r;

    ck_assert_int_eq(wres_report_new_aggregate(ctx, 2024, &r), WRES_OK);
    /* 4 over A and C only (B has no training information): white 3 of 6,
     * BME 1 of 3: RL (1/2) / (1/3) = 1.5 */
    ck_assert_double_eq(tu_get(r, 4, "", "", "available"), 1);
    ck_assert_double_eq(tu_get(r, 4, "", "white", "n"), 6);
    ck_assert_double_eq(tu_get(r, 4, "", "white", "events"), 3);
    ck_assert_double_eq(tu_get(r, 4, "", "bme", "n"), 3);
    ck_assert_double_eq(tu_get(r, 4, "", "bme", "events"), 1);
    ck_assert_double_eq_tol(tu_get(r, 4, "", "", "relative_likelihood"), 1.5, 1e-12);
    /* 3 for 2024 alone over A and C: BME 1 of 3, white 2 of 6: RL 1 */
    ck_assert_double_eq(tu_get(r, 3, "single_year", "bme", "n"), 3);
    ck_assert_double_eq(tu_get(r, 3, "single_year", "white", "events"), 2);
    ck_assert_double_eq_tol(tu_get(r, 3, "single_year", "", "relative_likelihood"),
                            1.0, 1e-12);
    /* pooled: A qualifies (2023 too), C does not: BME 1+1+0 of 2+2+1,
     * white 1+0+1 of 4+3+2: RL (2/5) / (2/9) = 1.8 */
    ck_assert_double_eq(tu_get(r, 3, "", "", "pooled_organisations"), 1);
    ck_assert_double_eq(tu_get(r, 3, "", "", "first_year"), 2023);
    ck_assert_double_eq(tu_get(r, 3, "", "bme", "n"), 5);
    ck_assert_double_eq(tu_get(r, 3, "", "bme", "events"), 2);
    ck_assert_double_eq(tu_get(r, 3, "", "white", "n"), 9);
    ck_assert_double_eq(tu_get(r, 3, "", "white", "events"), 2);
    ck_assert_double_eq_tol(tu_get(r, 3, "", "", "relative_likelihood"), 1.8, 1e-12);
    wres_report_free(r);

    /* 2023: A alone, nothing to pool with */
    ck_assert_int_eq(wres_report_new_aggregate(ctx, 2023, &r), WRES_OK);
    ck_assert_double_eq(tu_get(r, 0, "aggregate", "", "organisations"), 1);
    ck_assert_double_eq(tu_get(r, 3, "", "", "pooled_organisations"), 0);
    ck_assert_double_eq(tu_get(r, 3, "", "", "first_year"), 2023);
    ck_assert_double_eq(tu_get(r, 3, "", "bme", "events"), 1);
    ck_assert_double_eq(tu_get(r, 2, "", "", "available"), 0);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(aggregate_renderings)
{
    wres_ctx *ctx = aggregate_ctx();
    wres_report *r;
    const char *out;

    /* year 0: the latest */
    ck_assert_int_eq(wres_report_new_aggregate(ctx, 0, &r), WRES_OK);
    out = tu_render(r, WRES_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(out, "\"org\": null,\n  \"aggregate\": true, "
                                      "\"organisations\": 3,\n  \"year\": 2024,"));
    ck_assert_ptr_nonnull(strstr(out, "\"years\": [2023, 2024],\n"
                                      "      \"pooled_organisations\": 1,"));
    ck_assert_ptr_null(strstr(out, "\"targets\""));
    out = tu_render(r, WRES_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(out, "Organisation: all (aggregate of 3)"));
    ck_assert_ptr_nonnull(strstr(out, "(1 organisations with both)"));
    out = tu_render(r, WRES_FORMAT_CSV);
    ck_assert_ptr_nonnull(strstr(out, "\n0,aggregate,,organisations,3\n"));
    wres_report_free(r);

    /* a year without organisations: every indicator unavailable */
    ck_assert_int_eq(wres_report_new_aggregate(ctx, 2020, &r), WRES_OK);
    ck_assert_double_eq(tu_get(r, 0, "aggregate", "", "organisations"), 0);
    ck_assert_double_eq(tu_get(r, 1, "", "", "available"), 0);
    ck_assert_double_eq(tu_get(r, 3, "", "", "available"), 0);
    tu_null(r, 3, "", "", "pooled_organisations");
    wres_report_free(r);

    /* an org's own report is unchanged: no aggregate keys */
    ck_assert_int_eq(wres_report_new(ctx, "A", 2024, &r), WRES_OK);
    out = tu_render(r, WRES_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(out, "\"org\": \"A\",\n  \"year\": 2024,"));
    ck_assert_ptr_null(strstr(out, "aggregate"));
    ck_assert_ptr_null(strstr(out, "pooled_organisations"));
    wres_report_free(r);

    ck_assert_int_eq(wres_report_new_aggregate(ctx, 1800, &r), WRES_E_RANGE);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(wres_report_new_aggregate(NULL, 2024, &r), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_new_aggregate(ctx, 2024, NULL), WRES_E_INVALID);
    wres_ctx_free(ctx);

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_report_new_aggregate(ctx, 0, &r), WRES_E_NOTFOUND);
    wres_ctx_free(ctx);
}
END_TEST

/* ---- screening ---------------------------------------------------------- */

/* Indicators 6 and 8 (yes of respondents), white then BME:
 *          2023                  2024
 *   A  6: 20/100 20/100        same
 *      8: 10/100 10/100        same
 *   B  6: 30/100 30/100        same
 *      8: 10/100 10/100        same
 *   C  6: 10/100 50/100        10/100 30/100
 *      8: 10/100 30/100        10/100 20/100
 * and indicator 5 for A in 2024 only (10/50 both).  At 80% confidence
 * (similar when p >= 0.2), by the two-proportion test:
 *   A: white and BME similar (p = 1) on 6 and 8; against B and C together,
 *      2023: BME 6 20/100 vs 80/200 (p 0.0005, lower: better), BME 8 10/100
 *      vs 40/200 (p 0.029: better), white similar; 2024: BME 6 vs 60/200
 *      (p 0.065: better), BME 8 vs 30/200 (p 0.23: similar): A passes both
 *      years.  At 95% the 2024 BME 6 comparison is similar instead.
 *   B: white 6 30/100 against 30/200 (p 0.002, higher: worse): fails.
 *   C: white and BME differ (p < 0.05): fails; its gaps narrow, 6 from 40
 *      to 20 points and 8 from 20 to 10: moving towards equality.
 *   A's indicator 5 has no other organisation to compare with: no pass. */
static const char screen_counts[] =
    "year,org,group,indicator,yes,respondents\n"
    "2023,A,white,6,20,100\n2023,A,bme,6,20,100\n2023,A,white,8,10,100\n2023,A,bme,8,10,100\n"
    "2023,B,white,6,30,100\n2023,B,bme,6,30,100\n2023,B,white,8,10,100\n2023,B,bme,8,10,100\n"
    "2023,C,white,6,10,100\n2023,C,bme,6,50,100\n2023,C,white,8,10,100\n2023,C,bme,8,30,100\n"
    "2024,A,white,6,20,100\n2024,A,bme,6,20,100\n2024,A,white,8,10,100\n2024,A,bme,8,10,100\n"
    "2024,B,white,6,30,100\n2024,B,bme,6,30,100\n2024,B,white,8,10,100\n2024,B,bme,8,10,100\n"
    "2024,C,white,6,10,100\n2024,C,bme,6,30,100\n2024,C,white,8,10,100\n2024,C,bme,8,20,100\n"
    "2024,A,white,5,10,50\n2024,A,bme,5,10,50\n";

static wres_screen *screen_at(double confidence, wres_ctx **pctx)
{
    wres_ctx *ctx;
    wres_screen *s;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, confidence), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "c.csv", screen_counts),
                     WRES_OK);
    ck_assert_int_eq(wres_screen_new(ctx, &s), WRES_OK);
    *pctx = ctx;
    return s;
}

static void want_result(const wres_screen *s, const char *org, int year, int ind,
                        int status, int similar, int bme, int white)
{
    int sim = 99, b = 99, w = 99;

    ck_assert_int_eq(wres_screen_result(s, org, year, ind, &sim, &b, &w), status);
    ck_assert_msg(sim == similar && b == bme && w == white,
                  "%s %d indicator %d: similar %d bme %d white %d, want %d %d %d",
                  org, year, ind, sim, b, w, similar, bme, white);
}

static void want_list(const wres_screen *s, int grouping, int list, int year,
                      const char *want)
{
    char got[64] = "";
    const char *org;
    size_t i, n = 99;

    ck_assert_int_eq(wres_screen_count(s, grouping, list, year, &n), WRES_OK);
    for (i = 0; wres_screen_org(s, grouping, list, year, i, &org) == WRES_OK; i++) {
        strcat(got, i ? " " : "");
        strcat(got, org);
    }
    ck_assert_str_eq(got, want);
    ck_assert_uint_eq(n, i);
}

START_TEST(screen_results)
{
    wres_ctx *ctx;
    wres_screen *s = screen_at(0.80, &ctx);
    int64_t first = 0, last = 0;
    size_t orgs = 0;

    ck_assert_int_eq(wres_screen_span(s, &first, &last, &orgs), WRES_OK);
    ck_assert_int_eq(first, 2023);
    ck_assert_int_eq(last, 2024);
    ck_assert_uint_eq(orgs, 3);
    want_result(s, "A", 2023, 6, WRES_OK, 1, WRES_CMP_BETTER, WRES_CMP_SIMILAR);
    want_result(s, "A", 2023, 8, WRES_OK, 1, WRES_CMP_BETTER, WRES_CMP_SIMILAR);
    want_result(s, "A", 2024, 6, WRES_OK, 1, WRES_CMP_BETTER, WRES_CMP_SIMILAR);
    want_result(s, "A", 2024, 8, WRES_OK, 1, WRES_CMP_SIMILAR, WRES_CMP_SIMILAR);
    want_result(s, "B", 2023, 6, WRES_OK, 1, WRES_CMP_SIMILAR, WRES_CMP_WORSE);
    want_result(s, "C", 2023, 6, WRES_OK, 0, WRES_CMP_WORSE, WRES_CMP_BETTER);
    want_result(s, "C", 2024, 8, WRES_OK, 0, WRES_CMP_WORSE, WRES_CMP_SIMILAR);
    /* 5: only A has it, in 2024: similar, nothing to compare with */
    want_result(s, "A", 2024, 5, WRES_OK, 1, WRES_CMP_NONE, WRES_CMP_NONE);
    want_result(s, "A", 2023, 5, WRES_NULL, -1, WRES_CMP_NONE, WRES_CMP_NONE);
    want_result(s, "B", 2024, 2, WRES_NULL, -1, WRES_CMP_NONE, WRES_CMP_NONE);
    ck_assert_int_eq(wres_screen_result(s, "D", 2024, 6, NULL, NULL, NULL),
                     WRES_E_NOTFOUND);
    ck_assert_int_eq(wres_screen_result(s, "A", 2022, 6, NULL, NULL, NULL),
                     WRES_E_NOTFOUND);
    ck_assert_int_eq(wres_screen_result(s, "A", 2024, 1, NULL, NULL, NULL),
                     WRES_E_RANGE);
    ck_assert_int_eq(wres_screen_result(s, "A", 2024, 10, NULL, NULL, NULL),
                     WRES_E_RANGE);
    wres_screen_free(s);
    wres_ctx_free(ctx);

    /* at 95%, A's BME 6 of 2024 (p 0.065) is similar to the others */
    s = screen_at(0.95, &ctx);
    want_result(s, "A", 2024, 6, WRES_OK, 1, WRES_CMP_SIMILAR, WRES_CMP_SIMILAR);
    want_result(s, "A", 2023, 6, WRES_OK, 1, WRES_CMP_BETTER, WRES_CMP_SIMILAR);
    wres_screen_free(s);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(screen_lists)
{
    wres_ctx *ctx;
    wres_screen *s = screen_at(0.80, &ctx);
    const char *org;
    size_t n;

    want_list(s, WRES_GROUPING_STAFF_DISCRIMINATION, WRES_SCREEN_PASS_YEAR, 2023, "A");
    want_list(s, WRES_GROUPING_STAFF_DISCRIMINATION, WRES_SCREEN_PASS_YEAR, 2024, "A");
    want_list(s, WRES_GROUPING_STAFF_DISCRIMINATION, WRES_SCREEN_PASS_EVERY_YEAR, 0, "A");
    want_list(s, WRES_GROUPING_STAFF_DISCRIMINATION, WRES_SCREEN_TOWARDS_EQUALITY, 0, "C");
    want_list(s, WRES_GROUPING_OTHER_DISCRIMINATION, WRES_SCREEN_PASS_YEAR, 2024, "");
    want_list(s, WRES_GROUPING_EQUAL_OPPORTUNITY, WRES_SCREEN_PASS_EVERY_YEAR, 0, "");
    want_list(s, WRES_GROUPING_DISCIPLINARY, WRES_SCREEN_TOWARDS_EQUALITY, 0, "");
    ck_assert_int_eq(wres_screen_count(s, 0, WRES_SCREEN_PASS_YEAR, 2024, &n),
                     WRES_E_INVALID);
    ck_assert_int_eq(wres_screen_count(s, 5, WRES_SCREEN_PASS_YEAR, 2024, &n),
                     WRES_E_INVALID);
    ck_assert_int_eq(wres_screen_count(s, 1, 4, 2024, &n), WRES_E_INVALID);
    ck_assert_int_eq(wres_screen_count(s, 1, WRES_SCREEN_PASS_YEAR, 2025, &n),
                     WRES_E_NOTFOUND);
    ck_assert_int_eq(wres_screen_org(s, 1, WRES_SCREEN_PASS_YEAR, 2024, 1, &org),
                     WRES_DONE);
    ck_assert_str_eq(wres_grouping_name(WRES_GROUPING_STAFF_DISCRIMINATION),
                     "experience of discrimination from other staff");
    ck_assert_str_eq(wres_grouping_name(WRES_GROUPING_EQUAL_OPPORTUNITY),
                     "equality of opportunity");
    ck_assert_ptr_null(wres_grouping_name(0));
    wres_screen_free(s);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(screen_renderings)
{
    wres_ctx *ctx;
    wres_screen *s = screen_at(0.80, &ctx);
    const char *out;
    size_t len;

    ck_assert_int_eq(wres_screen_render(s, WRES_FORMAT_JSON, &out, &len), WRES_OK);
    ck_assert_uint_eq(strlen(out), len);
    ck_assert_ptr_nonnull(strstr(out, "\"confidence\": 0.8,\n  \"first_year\": 2023, "
                                      "\"last_year\": 2024, \"organisations\": 3,"));
    ck_assert_ptr_nonnull(strstr(out, "\"pass_every_year\": {\"count\": 1, \"orgs\": [\"A\"]},\n"
                                      "     \"towards_equality\": {\"count\": 1, \"orgs\": [\"C\"]}"));
    ck_assert_ptr_nonnull(strstr(out, "\"6\": {\"available\": true, \"white\": {\"n\": 100, "
                                      "\"events\": 30, \"rate\": 0.3}, \"bme\": {\"n\": 100, "
                                      "\"events\": 30, \"rate\": 0.3},\n          \"p_value\": 1.0, "
                                      "\"similar\": true, \"gap\": 0.0,\n          \"others\": "
                                      "{\"white\": {\"n\": 200, \"events\": 30, \"rate\": 0.15}, "
                                      "\"bme\": {\"n\": 200, \"events\": 70, \"rate\": 0.35}},\n"
                                      "          \"white_vs_others\": \"worse\""));
    ck_assert_int_eq(wres_screen_render(s, WRES_FORMAT_TEXT, &out, &len), WRES_OK);
    ck_assert_ptr_nonnull(strstr(out, "3 organisations, reporting years 2023 to 2024, 80% "
                                      "confidence\n"));
    ck_assert_ptr_nonnull(strstr(out, "  experience of discrimination from other staff  "
                                      "6, 8                1         1\n"));
    ck_assert_ptr_nonnull(strstr(out, "  moving towards equality (1): C\n"));
    ck_assert_int_eq(wres_screen_render(s, WRES_FORMAT_CSV, &out, &len), WRES_OK);
    ck_assert_ptr_nonnull(strstr(out, "org,year,indicator,part,group,measure,value\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n,2023,0,discrimination_from_staff,,passing,1\n"));
    ck_assert_ptr_nonnull(strstr(out, "\nC,,0,discrimination_from_staff,,towards_equality,true\n"));
    ck_assert_ptr_nonnull(strstr(out, "\nB,2023,6,screening,white,vs_others,worse\n"));
    ck_assert_int_eq(wres_screen_render(s, 0, &out, &len), WRES_E_INVALID);
    wres_screen_free(s);
    wres_ctx_free(ctx);

    /* an empty handle: nothing to screen, still valid output */
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_screen_new(ctx, &s), WRES_OK);
    ck_assert_int_eq(wres_screen_render(s, WRES_FORMAT_JSON, &out, &len), WRES_OK);
    ck_assert_ptr_nonnull(strstr(out, "\"first_year\": null"));
    ck_assert_ptr_nonnull(strstr(out, "\"results\": []"));
    wres_screen_free(s);
    wres_screen_free(NULL);
    ck_assert_int_eq(wres_screen_new(NULL, &s), WRES_E_INVALID);
    ck_assert_int_eq(wres_screen_new(ctx, NULL), WRES_E_INVALID);
    wres_ctx_free(ctx);
}
END_TEST

/* ---- Model Employer targets --------------------------------------------- */

/* A workforce of 10 with 3 BME (own share 0.3):
 *   non-clinical Band 8a: 5, none BME     0.3 x 5 = 1.5 -> 2 (halves up), gap 2
 *   clinical Band 8b: a white clinical and a BME medical member (medical
 *     staff count as clinical): 2, 1 BME  0.3 x 2 = 0.6 -> 1, gap 0
 *   non-clinical VSM: 2, both BME          0.6 -> 1, gap -1
 *   clinical Band 5: 1 white (not a target band)
 * Trajectory 2024..2028 (4 steps): BME today + gap x k / 4, rounded halves up:
 *   8a: 0 + {0, 0.5, 1, 1.5, 2} -> 0 1 1 2 2
 *   VSM: 2 + {0, -0.25, -0.5, -0.75, -1} -> 2 2 2 1 1 */
static const char target_staff[] =
    "staff_id,year,ethnicity,band,staff_group\n"
    "1,2024,A,8a,non-clinical\n2,2024,A,8a,non-clinical\n3,2024,B,8a,non-clinical\n"
    "4,2024,C,8a,non-clinical\n5,2024,Z,8a,non-clinical\n"
    "6,2024,A,8b,clinical\n7,2024,H,8b,medical\n"
    "8,2024,N,VSM,non-clinical\n9,2024,M,VSM,non-clinical\n"
    "10,2024,A,5,clinical\n";

static wres_report *target_report(double share, int target_year)
{
    wres_ctx *ctx;
    wres_report *r;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s.csv", target_staff), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGETS, 1), WRES_OK);
    if (share > 0)
        ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_TARGET_SHARE, share), WRES_OK);
    if (target_year)
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGET_YEAR, target_year), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    wres_ctx_free(ctx);
    return r;
}

static void want_row(const wres_report *r, const char *part, int total, int bme,
                     int target, int gap, const int *trajectory, int first, int n)
{
    char m[32];
    int k;

    ck_assert_double_eq(tu_get(r, 0, part, "total", "count"), total);
    ck_assert_double_eq(tu_get(r, 0, part, "bme", "count"), bme);
    ck_assert_double_eq(tu_get(r, 0, part, "bme", "target"), target);
    ck_assert_double_eq(tu_get(r, 0, part, "bme", "gap"), gap);
    for (k = 0; k < n; k++) {
        snprintf(m, sizeof m, "year_%d", first + k);
        ck_assert_msg(tu_get(r, 0, part, "bme", m) == trajectory[k],
                      "%s %s: %g, want %d", part, m, tu_get(r, 0, part, "bme", m),
                      trajectory[k]);
    }
}

START_TEST(targets_own_share)
{
    static const int t8a[] = {0, 1, 1, 2, 2}, t8b[] = {1, 1, 1, 1, 1},
                     vsm[] = {2, 2, 2, 1, 1}, none[] = {0, 0, 0, 0, 0};
    wres_report *r = target_report(0, 0);
    const char *out;
    double v;

    ck_assert_double_eq_tol(tu_get(r, 0, "targets", "", "share"), 0.3, 1e-15);
    ck_assert_double_eq(tu_get(r, 0, "targets", "", "share_given"), 0);
    ck_assert_double_eq(tu_get(r, 0, "targets", "", "baseline_year"), 2024);
    ck_assert_double_eq(tu_get(r, 0, "targets", "", "target_year"), 2028);
    want_row(r, "targets/non-clinical/Band 8a", 5, 0, 2, 2, t8a, 2024, 5);
    want_row(r, "targets/clinical/Band 8b", 2, 1, 1, 0, t8b, 2024, 5);
    want_row(r, "targets/non-clinical/VSM", 2, 2, 1, -1, vsm, 2024, 5);
    want_row(r, "targets/clinical/VSM", 0, 0, 0, 0, none, 2024, 5);
    ck_assert_int_eq(wres_report_get(r, 0, "targets/clinical/Band 5", "bme", "count", &v),
                     WRES_E_NOTFOUND);
    ck_assert_int_eq(wres_report_get(r, 0, "targets/medical/Band 8b", "bme", "count", &v),
                     WRES_E_NOTFOUND);
    out = tu_render(r, WRES_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(out, "\"targets\": {\n    \"available\": true, \"share\": 0.3, "
                                      "\"share_source\": \"organisation\",\n    \"baseline_year\": "
                                      "2024, \"target_year\": 2028,\n    \"rows\": [\n"
                                      "      {\"staff_group\": \"non-clinical\", \"band\": \"Band 8a\", "
                                      "\"total\": 5, \"bme\": 0, \"target_bme\": 2, \"gap\": 2,\n"
                                      "       \"trajectory\": [{\"year\": 2024, \"bme\": 0}, "
                                      "{\"year\": 2025, \"bme\": 1}, {\"year\": 2026, \"bme\": 1}, "
                                      "{\"year\": 2027, \"bme\": 2}, {\"year\": 2028, \"bme\": 2}]},"));
    out = tu_render(r, WRES_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(out, "Model Employer targets for 2028 (baseline 2024)\n"
                                      "  Target BME share 30.0% (the organisation's own)"));
    ck_assert_ptr_nonnull(strstr(out, "  non-clinical   VSM            2       2       1"
                                      "      -1  2 2 2 1 1\n"));
    wres_report_free(r);
}
END_TEST

START_TEST(targets_given_share)
{
    /* 0.19 x 5 = 0.95 -> 1; 0.19 x 2 = 0.38 -> 0.  Over 2 steps to 2026:
     *   8a: 0 + {0, 0.5, 1} -> 0 1 1
     *   8b: 1 + {0, -0.5, -1} -> 1 1 0
     *   VSM: 2 + {0, -1, -2} -> 2 1 0 */
    static const int t8a[] = {0, 1, 1}, t8b[] = {1, 1, 0}, vsm[] = {2, 1, 0};
    wres_report *r = target_report(0.19, 2026);

    ck_assert_double_eq(tu_get(r, 0, "targets", "", "share"), 0.19);
    ck_assert_double_eq(tu_get(r, 0, "targets", "", "share_given"), 1);
    want_row(r, "targets/non-clinical/Band 8a", 5, 0, 1, 1, t8a, 2024, 3);
    want_row(r, "targets/clinical/Band 8b", 2, 1, 0, -1, t8b, 2024, 3);
    want_row(r, "targets/non-clinical/VSM", 2, 2, 0, -2, vsm, 2024, 3);
    wres_report_free(r);

    /* the target year is the reporting year: one point, the target */
    r = target_report(0.19, 2024);
    want_row(r, "targets/non-clinical/VSM", 2, 2, 0, -2, vsm + 2, 2024, 1);
    wres_report_free(r);
}
END_TEST

START_TEST(targets_options)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *out;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGETS, 2), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_TARGET_SHARE, 1.5), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_TARGET_SHARE, -0.1), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_TARGET_SHARE, NAN), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_TARGET_SHARE, 1.0), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_TARGET_SHARE, 0.0), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGET_YEAR, 1899), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGET_SHARE, 1), WRES_E_OPTION);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_TARGET_YEAR, 2028), WRES_E_OPTION);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_TARGETS, 1), WRES_E_OPTION);

    /* without staff rows: not available, no rows */
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "b.csv",
                               "year,ethnicity,voting,executive\n2024,A,yes,no\n"),
                     WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGETS, 1), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    ck_assert_double_eq(tu_get(r, 0, "targets", "", "available"), 0);
    tu_null(r, 0, "targets", "", "share");
    out = tu_render(r, WRES_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(out, "\"targets\": {\n    \"available\": false, \"share\": null, "
                                      "\"share_source\": \"organisation\",\n    \"baseline_year\": "
                                      "2024, \"target_year\": 2028,\n    \"rows\": []\n  }\n}\n"));
    wres_report_free(r);

    /* a target year before the reporting year */
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGET_YEAR, 2023), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_E_RANGE);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(wres_errmsg(ctx), "target year 2023 is before the reporting year 2024");
    ck_assert_int_eq(wres_report_new_aggregate(ctx, 2024, &r), WRES_E_RANGE);
    ck_assert_ptr_null(r);

    /* off again: no targets */
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TARGETS, 0), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    ck_assert_ptr_null(strstr(tu_render(r, WRES_FORMAT_JSON), "targets"));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

static Suite *many_suite(void)
{
    Suite *s = suite_create("many");
    TCase *tc = tcase_create("many");

    tcase_add_test(tc, aggregate_sums);
    tcase_add_test(tc, aggregate_staff_indicators);
    tcase_add_test(tc, aggregate_renderings);
    tcase_add_test(tc, screen_results);
    tcase_add_test(tc, screen_lists);
    tcase_add_test(tc, screen_renderings);
    tcase_add_test(tc, targets_own_share);
    tcase_add_test(tc, targets_given_share);
    tcase_add_test(tc, targets_options);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(many_suite()) ? EXIT_FAILURE : EXIT_SUCCESS;
}
