/*
 * check_detail.c - the "detail" suite: figures per ethnic group, deep
 * dives (breakdowns) and trends over years.
 *
 * Every expected value is worked by hand from the small tables below, the
 * statistics recomputed in Python from the formulas of INDICATORS.md
 * (Wilson, Newcombe method 10, Katz, the pooled z-test) and of the trend
 * issue (Cochran-Armitage; inverse-variance weighted regression of ln RL;
 * the log-ratio z-test of two RLs) -- never taken from the library.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "wres.h"
#include "testutil.h"

#define TOL 1e-12

/* Org T, 2024.  White (A) W1-W10: disciplined W1, W2; trained W1, W3, W6.
 * Black: M1-M4 (M1 disciplined, M2 trained), N1-N6 (N1-N3 disciplined,
 * N1, N2 trained).  Asian: H1-H5 (H1, H2 trained).  Unknown Z1-Z3.
 * Surgery: W1-W5, M1-M4, H1-H5; Medicine: W6-W10, N1-N6, Z1-Z3.
 * Band 5: Surgery and Z1; Band 6: the rest of Medicine. */
static const char *staff_csv =
    "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,"
    "Directorate,length_of_service\n"
    "W1,2024,T,A,Band 5,clinical,1,1,Surgery,0.5\n"
    "W2,2024,T,A,Band 5,clinical,1,0,Surgery,2\n"
    "W3,2024,T,A,Band 5,clinical,0,1,Surgery,2.9\n"
    "W4,2024,T,A,Band 5,clinical,0,0,Surgery,3\n"
    "W5,2024,T,A,Band 5,clinical,0,0,Surgery,10\n"
    "W6,2024,T,A,Band 6,clinical,0,1,Medicine,11\n"
    "W7,2024,T,A,Band 6,clinical,0,0,Medicine,abc\n"
    "W8,2024,T,A,Band 6,clinical,0,0,Medicine,\n"
    "W9,2024,T,A,Band 6,clinical,0,0,Medicine,40\n"
    "W10,2024,T,A,Band 6,clinical,0,0,Medicine,5\n"
    "M1,2024,T,M,Band 5,clinical,1,0,Surgery,1\n"
    "M2,2024,T,M,Band 5,clinical,0,1,Surgery,1\n"
    "M3,2024,T,M,Band 5,clinical,0,0,Surgery,1\n"
    "M4,2024,T,M,Band 5,clinical,0,0,Surgery,1\n"
    "N1,2024,T,N,Band 6,clinical,1,1,Medicine,1\n"
    "N2,2024,T,N,Band 6,clinical,1,1,Medicine,1\n"
    "N3,2024,T,N,Band 6,clinical,1,0,Medicine,1\n"
    "N4,2024,T,N,Band 6,clinical,0,0,Medicine,1\n"
    "N5,2024,T,N,Band 6,clinical,0,0,Medicine,1\n"
    "N6,2024,T,N,Band 6,clinical,0,0,Medicine,1\n"
    "H1,2024,T,H,Band 5,clinical,0,1,Surgery,1\n"
    "H2,2024,T,H,Band 5,clinical,0,1,Surgery,1\n"
    "H3,2024,T,H,Band 5,clinical,0,0,Surgery,1\n"
    "H4,2024,T,H,Band 5,clinical,0,0,Surgery,1\n"
    "H5,2024,T,H,Band 5,clinical,0,0,Surgery,1\n"
    "Z1,2024,T,Z,Band 5,clinical,0,0,Medicine,1\n"
    "Z2,2024,T,Z,Band 6,clinical,0,0,Medicine,1\n"
    "Z3,2024,T,Z,Band 6,clinical,0,0,Medicine,1\n";

/* Indicator 8: white 5/50; the asian group's row 6/20; code H 2/10;
 * "bme" 4/10 (in BME only: it names no group). */
static const char *counts_csv =
    "org,year,group,indicator,yes,respondents\n"
    "T,2024,white,8,5,50\n"
    "T,2024,asian,8,6,20\n"
    "T,2024,H,8,2,10\n"
    "T,2024,bme,8,4,10\n";

static const char *board_csv =
    "member_id,org,year,ethnicity,voting,executive\n"
    "B1,T,2024,A,Yes,Yes\n"
    "B2,T,2024,M,Yes,No\n"
    "B3,T,2024,H,No,No\n";

static wres_report *report_t(wres_ctx *ctx)
{
    wres_report *r = NULL;

    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", staff_csv), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "counts.csv", counts_csv),
                     WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "board.csv", board_csv), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "T", 2024, &r), WRES_OK);
    return r;
}

START_TEST(test_groups_relative_likelihood)
{
    wres_ctx *ctx;
    wres_report *r;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 1), WRES_OK);
    r = report_t(ctx);
    /* BME 4/15 against white 2/10: 1.3333 */
    ck_assert_double_eq_tol(tu_get(r, 3, "", "", "relative_likelihood"), 4.0 / 15 / 0.2, TOL);
    /* Black (M and N) 4/10 against 2/10: RL 2, Katz 0.46748-8.55654,
     * p 0.329114 */
    ck_assert_double_eq(tu_get(r, 3, "groups/Black", "bme", "n"), 10);
    ck_assert_double_eq(tu_get(r, 3, "groups/Black", "bme", "events"), 4);
    ck_assert_double_eq(tu_get(r, 3, "groups/Black", "white", "n"), 10);
    ck_assert_double_eq_tol(tu_get(r, 3, "groups/Black", "", "relative_likelihood"), 2.0, TOL);
    ck_assert_double_eq_tol(tu_get(r, 3, "groups/Black", "", "ci_lower"), 0.4674789242298725, TOL);
    ck_assert_double_eq_tol(tu_get(r, 3, "groups/Black", "", "ci_upper"), 8.556535477165358, 1e-11);
    ck_assert_double_eq_tol(tu_get(r, 3, "groups/Black", "", "p_value"), 0.32911398597860814, TOL);
    ck_assert_double_eq(tu_get(r, 3, "groups/Black", "", "non_adverse"), 0);
    /* code N 3/6: RL 2.5 (0.571714-10.932041), p 0.210075 */
    ck_assert_double_eq_tol(tu_get(r, 3, "groups/N", "", "relative_likelihood"), 2.5, TOL);
    ck_assert_double_eq_tol(tu_get(r, 3, "groups/N", "", "ci_lower"), 0.5717139180514929, TOL);
    ck_assert_double_eq_tol(tu_get(r, 3, "groups/N", "", "p_value"), 0.21007504078665837, TOL);
    /* code M 1/4: (1/4)/(2/10) = 1.25 exactly, the edge of the range */
    ck_assert_double_eq(tu_get(r, 3, "groups/M", "", "non_adverse"), 1);
    /* Asian 0/5: RL 0 with no interval; Mixed has nobody: null */
    ck_assert_double_eq(tu_get(r, 3, "groups/Asian", "", "relative_likelihood"), 0);
    tu_null(r, 3, "groups/Asian", "", "ci_lower");
    tu_null(r, 3, "groups/Mixed", "", "relative_likelihood");
    ck_assert_double_eq(tu_get(r, 3, "groups/Mixed", "bme", "n"), 0);
    /* indicator 4, white first: Black trained 3/10 vs white 3/10 = 1 */
    ck_assert_double_eq_tol(tu_get(r, 4, "groups/Black", "", "relative_likelihood"), 1.0, TOL);
    /* indicator 1: Black 10 of 28; unknown stays the 3 unknown */
    ck_assert_double_eq(tu_get(r, 1, "groups/Black/workforce", "bme", "count"), 10);
    ck_assert_double_eq(tu_get(r, 1, "groups/Black/workforce", "unknown", "count"), 3);
    ck_assert_double_eq(tu_get(r, 1, "groups/Black/workforce", "total", "count"), 28);
    ck_assert_double_eq_tol(tu_get(r, 1, "groups/Black/workforce", "bme", "pct"),
                            1000.0 / 28, TOL);
    ck_assert_double_eq(tu_get(r, 1, "groups/H/clinical/Band 5", "bme", "count"), 5);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(test_groups_survey_and_board)
{
    wres_ctx *ctx;
    wres_report *r;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 1), WRES_OK);
    r = report_t(ctx);
    /* Asian = the asian row and code H: 8/30 against white 5/50:
     * 16.6667 points, Newcombe -0.212468 to 35.324757, p 0.050433 */
    ck_assert_double_eq(tu_get(r, 8, "groups/Asian", "bme", "yes"), 8);
    ck_assert_double_eq(tu_get(r, 8, "groups/Asian", "bme", "n"), 30);
    ck_assert_double_eq_tol(tu_get(r, 8, "groups/Asian", "", "difference"), 50.0 / 3, 1e-11);
    ck_assert_double_eq_tol(tu_get(r, 8, "groups/Asian", "", "difference_ci_lower"),
                            -0.21246831954529755, 1e-10);
    ck_assert_double_eq_tol(tu_get(r, 8, "groups/Asian", "", "difference_ci_upper"),
                            35.324757254711784, 1e-10);
    ck_assert_double_eq_tol(tu_get(r, 8, "groups/Asian", "", "p_value"),
                            0.05043256063032602, TOL);
    ck_assert_double_eq(tu_get(r, 8, "groups/H", "bme", "n"), 10);
    ck_assert_double_eq(tu_get(r, 8, "", "bme", "n"), 40);  /* all of them */
    tu_null(r, 8, "groups/Black", "bme", "pct");
    /* board: Black 1 of 3 against the Black workforce 10 of 28 */
    ck_assert_double_eq(tu_get(r, 9, "groups/Black/board", "bme", "count"), 1);
    ck_assert_double_eq_tol(tu_get(r, 9, "groups/Black/board", "", "difference"),
                            -2.3809523809523796, 1e-11);
    ck_assert_double_eq_tol(tu_get(r, 9, "groups/Black", "", "workforce_bme_pct"),
                            1000.0 / 28, TOL);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(test_groups_json_shape)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *json;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    r = report_t(ctx);
    json = tu_render(r, WRES_FORMAT_JSON);
    ck_assert_ptr_null(strstr(json, "\"groups\""));    /* off by default */
    ck_assert_ptr_null(strstr(json, "\"trend\""));
    ck_assert_ptr_null(strstr(json, "\"breakdowns\""));
    wres_report_free(r);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 1), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "T", 2024, &r), WRES_OK);
    json = tu_render(r, WRES_FORMAT_JSON);
    /* the Black comparison of indicator 3, in the shape of the BME one */
    ck_assert_ptr_nonnull(strstr(json,
        "        \"Black\": {\n"
        "          \"years\": [2024],\n"
        "          \"white\": {\"n\": 10, \"events\": 2, \"rate\": 0.2},\n"
        "          \"bme\": {\"n\": 10, \"events\": 4, \"rate\": 0.4},\n"
        "          \"relative_likelihood\": 2.0, \"ci\": ["));
    ck_assert_ptr_nonnull(strstr(json, "\"S\": {"));
    ck_assert_ptr_nonnull(strstr(tu_render(r, WRES_FORMAT_TEXT),
                                 "Ethnic groups, each compared with white staff"));
    ck_assert_ptr_nonnull(strstr(tu_render(r, WRES_FORMAT_CSV), "groups/Black"));
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 2), WRES_E_RANGE);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* ---- breakdowns ---------------------------------------------------------- */

START_TEST(test_breakdown_directorate)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *json, *col;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "directorate"), WRES_OK);
    r = report_t(ctx);
    /* indicator 4, white first.  Surgery: white 2/5 trained, BME (M, H)
     * 3/9: RL (2/5)/(3/9) = 1.2, in range.  Medicine: white 1/5, BME (N)
     * 2/6: 0.6, out of range. */
    ck_assert_double_eq_tol(tu_get(r, 4, "breakdown/directorate=Surgery", "",
                                   "relative_likelihood"), 1.2, TOL);
    ck_assert_double_eq(tu_get(r, 4, "breakdown/directorate=Surgery", "", "non_adverse"), 1);
    ck_assert_double_eq(tu_get(r, 4, "breakdown/directorate=Surgery", "bme", "n"), 9);
    ck_assert_double_eq_tol(tu_get(r, 4, "breakdown/directorate=Medicine", "",
                                   "relative_likelihood"), 0.6, TOL);
    ck_assert_double_eq(tu_get(r, 4, "breakdown/directorate=Medicine", "", "non_adverse"), 0);
    /* fewer than 30 people: low numbers */
    ck_assert_double_eq(tu_get(r, 4, "breakdown/directorate=Medicine", "", "low_numbers"), 1);
    /* indicator 1: Medicine white 5, BME 6, unknown 3 */
    ck_assert_double_eq(tu_get(r, 1, "breakdown/directorate=Medicine", "unknown", "count"), 3);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/directorate=Medicine", "total", "count"), 14);
    json = tu_render(r, WRES_FORMAT_JSON);
    /* cells sorted by value: Medicine before Surgery */
    ck_assert_ptr_nonnull(strstr(json, "{\"by\": [\"directorate\"], \"indicator\": 4, "
                                       "\"available\": true, \"cells\": [\n      "
                                       "{\"key\": {\"directorate\": \"Medicine\"}, "
                                       "\"low_numbers\": true,"));
    /* a dimension is used, not ignored */
    ck_assert_ptr_nonnull(strstr(json, "\"ignored_columns\": [\"length_of_service\"]"));
    /* the file's header spelled it "Directorate": the caller's name shows */
    wres_file_ignored_column(ctx, 0, 0, &col);
    ck_assert_str_eq(col, "length_of_service");
    wres_report_free(r);
    /* thresholds: with 0 and 0 nothing is low */
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_LOW_PEOPLE, 0), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_LOW_EVENTS, 0), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "T", 2024, &r), WRES_OK);
    ck_assert_double_eq(tu_get(r, 4, "breakdown/directorate=Medicine", "", "low_numbers"), 0);
    wres_report_free(r);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_LOW_PEOPLE, -1), WRES_E_RANGE);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(test_breakdown_service_and_pair)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *json;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "length_of_service"), WRES_OK);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, " band , staff_group "), WRES_OK);
    r = report_t(ctx);
    /* white: 0.5 -> <1; 2, 2.9 -> 1-2; 3, 5 -> 3-5; 10 -> 6-10; 11, 40 ->
     * >10; "" missing; "abc" invalid.  Everyone else has 1 year: 1-2. */
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=<1", "white", "count"), 1);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=1-2", "white", "count"), 2);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=1-2", "bme", "count"), 15);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=1-2", "total", "count"), 20);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=3-5", "white", "count"), 2);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=6-10", "white", "count"), 1);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=>10", "white", "count"), 2);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=(missing)", "white", "count"), 1);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=(invalid)", "white", "count"), 1);
    json = tu_render(r, WRES_FORMAT_JSON);
    /* in band order, missing then invalid last */
    {
        static const char *const order[5] = {"<1", "1-2", ">10", "(missing)",
                                             "(invalid)"};
        const char *rest = json;
        char key[64];
        int i;
        /* each found after the one before */
        for (i = 0; i < 5; i++) {
            snprintf(key, sizeof key, "\"length_of_service\": \"%s\"", order[i]);
            rest = strstr(rest, key);
            ck_assert_msg(rest != NULL, "%s missing or out of order", order[i]);
            rest++;
        }
    }
    /* band x staff group: Band 5 clinical: white 5, BME 9, unknown 1 */
    ck_assert_double_eq(tu_get(r, 1, "breakdown/band=Band 5/staff_group=clinical",
                               "bme", "count"), 9);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/band=Band 6/staff_group=clinical",
                               "unknown", "count"), 2);
    /* indicator 3 in Band 6: BME (N) 3/6 against white 0/5: RL null */
    tu_null(r, 3, "breakdown/band=Band 6/staff_group=clinical", "", "relative_likelihood");
    ck_assert_ptr_nonnull(strstr(json, "\"by\": [\"band\", \"staff_group\"], \"indicator\": 2, "
                                       "\"available\": false, \"cells\": []"));
    wres_report_free(r);
    wres_ctx_free(ctx);

    /* caller's bands: 2 and 5 make <2, 2-4, >4 */
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_SERVICE_BANDS, "2, 5"), WRES_OK);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "length_of_service"), WRES_OK);
    r = report_t(ctx);
    /* <2: W1 and the 18 others with 1 year */
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=<2", "total", "count"), 19);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=2-4", "white", "count"), 3);
    ck_assert_double_eq(tu_get(r, 1, "breakdown/length_of_service=>4", "white", "count"), 4);
    wres_report_free(r);
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_SERVICE_BANDS, "5,2"), WRES_E_INVALID);
    wres_ctx_free(ctx);
}
END_TEST

/* Applicants' post_band for indicator 2; indicator 3's cells pooled over
 * two years as the organisation's figure is. */
START_TEST(test_breakdown_applicants_and_pooling)
{
    static const char *apps =
        "applicant_id,post_id,year,org,ethnicity,shortlisted,appointed,post_band\n"
        "a1,p1,2024,T,A,Yes,Yes,Band 5\n"
        "a2,p1,2024,T,A,Yes,No,Band 5\n"
        "a3,p1,2024,T,H,Yes,Yes,Band 5\n"
        "a4,p1,2024,T,H,Yes,No,Band 5\n"
        "a5,p1,2024,T,H,Yes,No,Band 5\n"
        "a6,p1,2024,T,H,Yes,No,Band 5\n"
        "a7,p2,2024,T,A,Yes,Yes,Band 9z\n";
    static const char *two_years =
        "staff_id,year,org,ethnicity,band,staff_group,disciplinary,directorate\n"
        "s1,2023,T,A,Band 5,clinical,1,X\n"
        "s2,2023,T,A,Band 5,clinical,0,X\n"
        "s3,2023,T,M,Band 5,clinical,1,X\n"
        "s4,2023,T,M,Band 5,clinical,1,X\n"
        "s1,2024,T,A,Band 5,clinical,0,X\n"
        "s2,2024,T,A,Band 5,clinical,1,X\n"
        "s5,2024,T,A,Band 5,clinical,0,X\n"
        "s3,2024,T,M,Band 5,clinical,1,X\n"
        "s4,2024,T,M,Band 5,clinical,0,X\n";
    wres_ctx *ctx;
    wres_report *r;
    wres_record *rec;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "band"), WRES_OK);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "directorate"), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "apps.csv", apps), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", two_years), WRES_OK);
    /* one more staff record through the API, in directorate Y */
    ck_assert_int_eq(wres_record_new(ctx, WRES_KIND_STAFF, NULL, &rec), WRES_OK);
    wres_record_set(rec, "staff_id", "s9");
    wres_record_set(rec, "year", "2024");
    wres_record_set(rec, "org", "T");
    wres_record_set(rec, "ethnicity", "A");
    wres_record_set(rec, "band", "Band 6");
    wres_record_set(rec, "staff_group", "clinical");
    wres_record_set(rec, "disciplinary", "0");
    wres_record_set(rec, "directorate", "Y");
    ck_assert_msg(wres_record_add(rec) == WRES_OK, "%s", wres_errmsg(ctx));
    wres_record_free(rec);
    ck_assert_int_eq(wres_report_new(ctx, "T", 2024, &r), WRES_OK);
    /* Band 5 posts: white 1/2 appointed, BME 1/4: RL (1/2)/(1/4) = 2 */
    ck_assert_double_eq_tol(tu_get(r, 2, "breakdown/band=Band 5", "", "relative_likelihood"),
                            2.0, TOL);
    /* "Band 9z" is no band: its cell is (invalid) */
    ck_assert_double_eq(tu_get(r, 2, "breakdown/band=(invalid)", "white", "n"), 1);
    /* directorate X pooled 2023 + 2024: BME 3/4, white 2/5: RL 1.875;
     * 2024 alone: BME 1/2, white 1/3: RL 1.5 */
    ck_assert_double_eq(tu_get(r, 3, "breakdown/directorate=X", "", "first_year"), 2023);
    ck_assert_double_eq_tol(tu_get(r, 3, "breakdown/directorate=X", "", "relative_likelihood"),
                            (3.0 / 4) / (2.0 / 5), TOL);
    ck_assert_double_eq_tol(tu_get(r, 3, "breakdown/directorate=X/single_year", "",
                                   "relative_likelihood"), 1.5, TOL);
    /* the API record's directorate */
    ck_assert_double_eq(tu_get(r, 1, "breakdown/directorate=Y", "white", "count"), 1);
    wres_report_free(r);
    /* too late for a new dimension, or a fresh start of detail */
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "site"), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "band,directorate"), WRES_OK);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(test_breakdown_errors)
{
    wres_ctx *ctx;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "band,staff_group,site"), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "band,band"), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, ""), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "band,"), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "ethnicity"), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_add_breakdown(NULL, "band"), WRES_E_INVALID);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", staff_csv), WRES_OK);
    /* rows came before any breakdown */
    ck_assert_int_eq(wres_ctx_add_breakdown(ctx, "band"), WRES_E_INVALID);
    ck_assert_ptr_nonnull(strstr(wres_errmsg(ctx), "before ingesting"));
    wres_ctx_free(ctx);
}
END_TEST

/* ---- trends -------------------------------------------------------------- */

/* Org U, indicator 5: white 30/100 each year; BME 10/100, 20/100,
 * 30/100 in 2022-2024.  Indicator 2: white 20 of 100 shortlisted
 * appointed each year, BME 10, 20, 40 of 100: RL 2, 1, 0.5. */
static void ingest_u(wres_ctx *ctx)
{
    char apps[40000];
    size_t at;
    int y, i;

    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "u.csv",
                               "org,year,group,indicator,yes,respondents\n"
                               "U,2022,white,5,30,100\nU,2022,bme,5,10,100\n"
                               "U,2023,white,5,30,100\nU,2023,bme,5,20,100\n"
                               "U,2024,white,5,30,100\nU,2024,bme,5,30,100\n"),
                     WRES_OK);
    at = (size_t)snprintf(apps, sizeof apps, "applicant_id,year,org,ethnicity,"
                                             "shortlisted,appointed\n");
    for (y = 0; y < 3; y++)
        for (i = 0; i < 200; i++) {
            int bme = i >= 100, k = i % 100;
            int appointed = bme ? k < (y == 0 ? 10 : y == 1 ? 20 : 40) : k < 20;
            at += (size_t)snprintf(apps + at, sizeof apps - at, "a%d,%d,U,%s,Yes,%s\n",
                                   i, 2022 + y, bme ? "N" : "A", appointed ? "Yes" : "No");
        }
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "ua.csv", apps), WRES_OK);
}

START_TEST(test_trend_percentages)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *json;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TREND, 1), WRES_OK);
    ingest_u(ctx);
    ck_assert_int_eq(wres_report_new(ctx, "U", 2024, &r), WRES_OK);
    ck_assert_double_eq_tol(tu_get(r, 5, "trend/2022", "", "value"), 10.0, TOL);
    ck_assert_double_eq_tol(tu_get(r, 5, "trend/2024", "", "value"), 30.0, TOL);
    /* 20/100 against 10/100: 10 points, Newcombe 0.014903 to 19.947387,
     * p 0.047670 */
    ck_assert_double_eq_tol(tu_get(r, 5, "trend/2022-2023", "", "change"), 10.0, 1e-12);
    ck_assert_double_eq_tol(tu_get(r, 5, "trend/2022-2023", "", "ci_lower"),
                            0.0149025118557633, 1e-10);
    ck_assert_double_eq_tol(tu_get(r, 5, "trend/2022-2023", "", "ci_upper"),
                            19.947387007806956, 1e-10);
    ck_assert_double_eq_tol(tu_get(r, 5, "trend/2022-2023", "", "p_value"),
                            0.04767038065616144, TOL);
    /* Cochran-Armitage: T = 20, Stt = 200, slope 0.1 = 10 points a year,
     * Z = 20 / sqrt(0.16 * 200) = 3.535534, p 0.000406952 */
    ck_assert_double_eq_tol(tu_get(r, 5, "trend/linear", "", "slope"), 10.0, 1e-10);
    ck_assert_double_eq_tol(tu_get(r, 5, "trend/linear", "", "p_value"),
                            0.0004069520174449599, 1e-15);
    json = tu_render(r, WRES_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(json, "\"5\": {\"measure\": \"bme_pct\", \"years\": "
                                       "[2022, 2023, 2024], \"values\": [10.0, 20.0, 30.0],"));
    ck_assert_ptr_nonnull(strstr(json, "{\"from\": 2022, \"to\": 2023, \"change\": 10.0, "));
    /* no staff at all: indicator 1 has no years and no line */
    ck_assert_ptr_nonnull(strstr(json, "\"1\": {\"measure\": \"bme_pct\", \"years\": [], "
                                       "\"values\": [],\n      \"changes\": [],\n      "
                                       "\"linear\": null}"));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(test_trend_relative_likelihoods)
{
    wres_ctx *ctx;
    wres_report *r;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TREND, 1), WRES_OK);
    ingest_u(ctx);
    ck_assert_int_eq(wres_report_new(ctx, "U", 2023, &r), WRES_OK);
    ck_assert_double_eq_tol(tu_get(r, 2, "trend/2022", "", "value"), 2.0, TOL);
    ck_assert_double_eq_tol(tu_get(r, 2, "trend/2024", "", "value"), 0.5, TOL);
    /* 1 over 2: ratio 0.5; ln variances 1/20-1/100+1/10-1/100 = 0.13 and
     * 0.08: se sqrt(0.21), interval 0.203658 to 1.227551, p 0.130389 */
    ck_assert_double_eq_tol(tu_get(r, 2, "trend/2022-2023", "", "change"), 0.5, TOL);
    ck_assert_double_eq_tol(tu_get(r, 2, "trend/2022-2023", "", "ci_lower"),
                            0.2036575214371332, TOL);
    ck_assert_double_eq_tol(tu_get(r, 2, "trend/2022-2023", "", "ci_upper"),
                            1.227551028981624, TOL);
    ck_assert_double_eq_tol(tu_get(r, 2, "trend/2022-2023", "", "p_value"),
                            0.13038862609267207, TOL);
    /* ln RL = ln 2, 0, -ln 2 on a line: slope -ln 2 a year whatever the
     * weights (variances 0.13, 0.08, 0.055); p 0.000885103 */
    ck_assert_double_eq_tol(tu_get(r, 2, "trend/linear", "", "slope"), -log(2.0), TOL);
    ck_assert_double_eq_tol(tu_get(r, 2, "trend/linear", "", "p_value"),
                            0.0008851026088328919, 1e-14);
    ck_assert_ptr_nonnull(strstr(tu_render(r, WRES_FORMAT_TEXT), "linear trend: slope"));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

static Suite *detail_suite(void)
{
    Suite *s = suite_create("detail");
    TCase *g = tcase_create("groups"), *b = tcase_create("breakdowns"),
          *t = tcase_create("trends");

    tcase_add_test(g, test_groups_relative_likelihood);
    tcase_add_test(g, test_groups_survey_and_board);
    tcase_add_test(g, test_groups_json_shape);
    tcase_add_test(b, test_breakdown_directorate);
    tcase_add_test(b, test_breakdown_service_and_pair);
    tcase_add_test(b, test_breakdown_applicants_and_pooling);
    tcase_add_test(b, test_breakdown_errors);
    tcase_add_test(t, test_trend_percentages);
    tcase_add_test(t, test_trend_relative_likelihoods);
    suite_add_tcase(s, g);
    suite_add_tcase(s, b);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(detail_suite()) ? EXIT_FAILURE : EXIT_SUCCESS;
}
