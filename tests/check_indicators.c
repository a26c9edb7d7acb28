/*
 * check_indicators.c - the nine indicators against hand-worked numbers.
 * Each dataset is small enough to count by eye; the expected statistics
 * were worked from the formulas of INDICATORS.md in Python (statistics.
 * NormalDist, math.erfc), independently of libwres, and are quoted here.
 */
#include "testutil.h"

#define TOL 1e-9

/* Six staff in 2024 plus one bank-only: counted by hand below. */
static const char *staff_2024 =
    "staff_id,year,ethnicity,band,staff_group,disciplinary,training,bank\n"
    "1,2024,A,Band 5,clinical,no,yes,no\n"
    "2,2024,H,Band 5,clinical,yes,no,no\n"
    "3,2024,,Band 5,clinical,no,no,no\n"
    "4,2024,N,Band 6,clinical,no,yes,no\n"
    "5,2024,B,Band 2,non-clinical,no,yes,no\n"
    "6,2024,A,Consultant,medical,no,no,no\n"
    "7,2024,M,Consultant,medical,yes,yes,yes\n";

/* 2023: white 10 (1 entered), BME 5 (1 entered). */
static const char *staff_2023 =
    "staff_id,year,ethnicity,band,staff_group,disciplinary\n"
    "1,2023,A,5,clinical,yes\n2,2023,A,5,clinical,no\n3,2023,A,5,clinical,no\n"
    "4,2023,A,5,clinical,no\n5,2023,A,5,clinical,no\n6,2023,B,5,clinical,no\n"
    "7,2023,B,5,clinical,no\n8,2023,C,5,clinical,no\n9,2023,C,5,clinical,no\n"
    "10,2023,C,5,clinical,no\n11,2023,H,5,clinical,yes\n12,2023,J,5,clinical,no\n"
    "13,2023,K,5,clinical,no\n14,2023,L,5,clinical,no\n15,2023,M,5,clinical,no\n";

static wres_ctx *ctx;
static wres_report *rep;

static void setup(void)
{
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    rep = NULL;
}

static void teardown(void)
{
    wres_report_free(rep);
    wres_ctx_free(ctx);
}

static void report(int64_t year)
{
    wres_report_free(rep);
    rep = NULL;
    ck_assert_int_eq(wres_report_new(ctx, "", year, &rep), WRES_OK);
}

START_TEST(indicator1_rows_and_order)
{
    static const char *const want[] = {
        "non-clinical/Band 2", "clinical/Band 5", "clinical/Band 6",
        "medical/Consultant", "non-clinical/All", "clinical/All",
        "medical/All", "all/Band 2", "all/Band 5", "all/Band 6",
        "all/Consultant",
    };
    wres_cursor *cur;
    size_t n = 0;

    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", staff_2024), WRES_OK);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 1, "", "", "available"), 1);
    ck_assert_double_eq(tu_get(rep, 1, "workforce", "white", "count"), 3);
    ck_assert_double_eq(tu_get(rep, 1, "workforce", "bme", "count"), 2);
    ck_assert_double_eq(tu_get(rep, 1, "workforce", "unknown", "count"), 1);
    ck_assert_double_eq(tu_get(rep, 1, "workforce", "total", "count"), 6);
    ck_assert_double_eq_tol(tu_get(rep, 1, "workforce", "bme", "pct"), 2.0 / 6 * 100, TOL);
    ck_assert_double_eq(tu_get(rep, 1, "clinical/Band 5", "white", "count"), 1);
    ck_assert_double_eq(tu_get(rep, 1, "clinical/Band 5", "bme", "count"), 1);
    ck_assert_double_eq(tu_get(rep, 1, "clinical/Band 5", "unknown", "count"), 1);
    ck_assert_double_eq_tol(tu_get(rep, 1, "clinical/Band 5", "unknown", "pct"),
                            100.0 / 3, TOL);
    ck_assert_double_eq(tu_get(rep, 1, "clinical/All", "bme", "count"), 2);
    ck_assert_double_eq(tu_get(rep, 1, "all/Consultant", "total", "count"), 1);
    /* the bank-only consultant is in no row */
    ck_assert_double_eq(tu_get(rep, 0, "data_quality", "", "bank_excluded"), 1);
    ck_assert_double_eq(tu_get(rep, 0, "data_quality", "", "staff_headcount"), 6);
    ck_assert_double_eq(tu_get(rep, 0, "data_quality", "", "ethnicity_unknown"), 1);
    ck_assert_double_eq_tol(tu_get(rep, 0, "data_quality", "", "declared_pct"),
                            5.0 / 6 * 100, TOL);

    ck_assert_int_eq(wres_cursor_new(rep, &cur), WRES_OK);
    while (wres_cursor_next(cur) == WRES_OK) {
        if (wres_cursor_indicator(cur) != 1 ||
            strcmp(wres_cursor_group(cur), "total") != 0 ||
            strcmp(wres_cursor_part(cur), "workforce") == 0)
            continue;
        ck_assert_uint_lt(n, sizeof want / sizeof want[0]);
        ck_assert_str_eq(wres_cursor_part(cur), want[n]);
        n++;
    }
    ck_assert_uint_eq(n, sizeof want / sizeof want[0]);
    wres_cursor_free(cur);
}
END_TEST

START_TEST(indicator3_single_year_and_4)
{
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", staff_2024), WRES_OK);
    report(2024);
    /* 3: BME 1 of 2 entered, white 0 of 3: RL null (b = 0) */
    ck_assert_double_eq(tu_get(rep, 3, "", "", "first_year"), 2024);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "last_year"), 2024);
    ck_assert_double_eq(tu_get(rep, 3, "", "bme", "n"), 2);
    ck_assert_double_eq(tu_get(rep, 3, "", "bme", "events"), 1);
    ck_assert_double_eq(tu_get(rep, 3, "", "white", "n"), 3);
    ck_assert_double_eq(tu_get(rep, 3, "", "white", "events"), 0);
    ck_assert_double_eq_tol(tu_get(rep, 3, "", "bme", "rate"), 0.5, TOL);
    tu_null(rep, 3, "", "", "relative_likelihood");
    tu_null(rep, 3, "", "", "ci_lower");
    tu_null(rep, 3, "", "", "non_adverse");
    ck_assert_double_eq_tol(tu_get(rep, 3, "", "", "p_value"), 0.17090352023079755, TOL);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "significant"), 0);
    ck_assert_double_eq(tu_get(rep, 3, "single_year", "bme", "n"), 2);

    /* 4: white 2 of 3 trained, BME 1 of 2: RL 4/3 */
    ck_assert_double_eq_tol(tu_get(rep, 4, "", "", "relative_likelihood"), 4.0 / 3, TOL);
    ck_assert_double_eq_tol(tu_get(rep, 4, "", "", "ci_lower"), 0.26911356340768916, TOL);
    ck_assert_double_eq_tol(tu_get(rep, 4, "", "", "ci_upper"), 6.606050454188971, 1e-8);
    ck_assert_double_eq_tol(tu_get(rep, 4, "", "", "p_value"), 0.7093881150142264, TOL);
    ck_assert_double_eq(tu_get(rep, 4, "", "", "non_adverse"), 0);
}
END_TEST

START_TEST(indicator3_pooled)
{
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s23.csv", staff_2023), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s24.csv", staff_2024), WRES_OK);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "first_year"), 2023);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "last_year"), 2024);
    /* BME 2 of 7, white 1 of 13 */
    ck_assert_double_eq(tu_get(rep, 3, "", "bme", "n"), 7);
    ck_assert_double_eq(tu_get(rep, 3, "", "bme", "events"), 2);
    ck_assert_double_eq(tu_get(rep, 3, "", "white", "n"), 13);
    ck_assert_double_eq(tu_get(rep, 3, "", "white", "events"), 1);
    ck_assert_double_eq_tol(tu_get(rep, 3, "", "", "relative_likelihood"), 26.0 / 7, TOL);
    ck_assert_double_eq_tol(tu_get(rep, 3, "", "", "ci_lower"), 0.4043598445113453, TOL);
    ck_assert_double_eq_tol(tu_get(rep, 3, "", "", "ci_upper"), 34.11792381120044, 1e-8);
    ck_assert_double_eq_tol(tu_get(rep, 3, "", "", "p_value"), 0.21229605242444202, TOL);
    /* the single-year figure is 2024 alone */
    ck_assert_double_eq(tu_get(rep, 3, "single_year", "bme", "n"), 2);
    ck_assert_double_eq(tu_get(rep, 3, "single_year", "white", "events"), 0);
    /* 2023 alone has no 2022: single year, and no training information */
    report(2023);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "first_year"), 2023);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "last_year"), 2023);
    ck_assert_double_eq_tol(tu_get(rep, 3, "", "", "relative_likelihood"),
                            (1.0 / 5) / (1.0 / 10), TOL);
    ck_assert_double_eq(tu_get(rep, 4, "", "", "available"), 0);
    tu_null(rep, 4, "", "white", "n");
}
END_TEST

START_TEST(indicator3_not_pooled_without_info)
{
    /* 2023 has staff but no disciplinary column: 2024 stands alone */
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s23.csv",
                               "staff_id,year,ethnicity,band,staff_group\n"
                               "1,2023,A,5,clinical\n2,2023,H,5,clinical\n"), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s24.csv", staff_2024), WRES_OK);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "first_year"), 2024);
    ck_assert_double_eq(tu_get(rep, 3, "", "bme", "n"), 2);
    report(2023);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "available"), 0);
    tu_null(rep, 3, "", "", "first_year");
    tu_null(rep, 3, "single_year", "bme", "n");
}
END_TEST

START_TEST(indicator3_not_pooled_with_only_bank_last_year)
{
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s23.csv",
                               "staff_id,year,ethnicity,band,staff_group,disciplinary,bank\n"
                               "1,2023,A,5,clinical,yes,yes\n"), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s24.csv", staff_2024), WRES_OK);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "first_year"), 2024);
    /* a year of bank-only staff still has the information: available, but
     * every headcount is 0, so the figures are null */
    report(2023);
    ck_assert_double_eq(tu_get(rep, 3, "", "", "available"), 1);
    ck_assert_double_eq(tu_get(rep, 3, "", "white", "n"), 0);
    tu_null(rep, 3, "", "white", "rate");
    tu_null(rep, 3, "", "", "relative_likelihood");
    tu_null(rep, 3, "", "", "p_value");
    tu_null(rep, 3, "", "", "significant");
}
END_TEST

/* Applicants through the API: white 3 of 10 shortlisted appointed, BME 1
 * of 8; 5 white not shortlisted; 2 unknown shortlisted, 1 appointed. */
static void add_applicant(wres_record *r, const char *eth, const char *sl,
                          const char *ap)
{
    ck_assert_int_eq(wres_record_set_int(r, "year", 2024), WRES_OK);
    ck_assert_int_eq(wres_record_set(r, "ethnicity", eth), WRES_OK);
    ck_assert_int_eq(wres_record_set(r, "shortlisted", sl), WRES_OK);
    if (ap)
        ck_assert_int_eq(wres_record_set(r, "appointed", ap), WRES_OK);
    ck_assert_int_eq(wres_record_add(r), WRES_OK);
}

static void applicants(int white_sl, int white_ap, int bme_sl, int bme_ap)
{
    wres_record *r;
    int i;

    ck_assert_int_eq(wres_record_new(ctx, WRES_KIND_APPLICANTS, "apps", &r), WRES_OK);
    for (i = 0; i < white_sl; i++)
        add_applicant(r, "A White - British", "yes", i < white_ap ? "yes" : "no");
    for (i = 0; i < bme_sl; i++)
        add_applicant(r, "Black African", "Y", i < bme_ap ? "Y" : NULL);
    for (i = 0; i < 5; i++)
        add_applicant(r, "C", "no", NULL);
    add_applicant(r, "Not stated", "yes", "yes");
    add_applicant(r, "", "yes", "no");
    wres_record_free(r);
}

START_TEST(indicator2)
{
    applicants(10, 3, 8, 1);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 2, "", "white", "n"), 10);
    ck_assert_double_eq(tu_get(rep, 2, "", "white", "events"), 3);
    ck_assert_double_eq(tu_get(rep, 2, "", "bme", "n"), 8);
    ck_assert_double_eq(tu_get(rep, 2, "", "bme", "events"), 1);
    ck_assert_double_eq_tol(tu_get(rep, 2, "", "", "relative_likelihood"), 2.4, TOL);
    ck_assert_double_eq_tol(tu_get(rep, 2, "", "", "ci_lower"), 0.3048514688740486, TOL);
    ck_assert_double_eq_tol(tu_get(rep, 2, "", "", "ci_upper"), 18.894447257460257, 1e-8);
    ck_assert_double_eq_tol(tu_get(rep, 2, "", "", "p_value"), 0.37485714268334014, TOL);
    ck_assert_double_eq(tu_get(rep, 2, "", "", "significant"), 0);
    ck_assert_double_eq(tu_get(rep, 2, "", "", "non_adverse"), 0);
}
END_TEST

START_TEST(non_adverse_exact_edges)
{
    /* white 5 of 10, BME 4 of 10: RL exactly 1.25 is non-adverse */
    applicants(10, 5, 10, 4);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 2, "", "", "non_adverse"), 1);
}
END_TEST

START_TEST(non_adverse_exact_low_edge)
{
    /* white 4 of 10, BME 5 of 10: RL exactly 0.8 is non-adverse */
    applicants(10, 4, 10, 5);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 2, "", "", "non_adverse"), 1);
    ck_assert_double_eq_tol(tu_get(rep, 2, "", "", "relative_likelihood"), 0.8, TOL);
}
END_TEST

START_TEST(rl_zero_has_null_interval)
{
    /* white 0 of 10, BME 4 of 8: RL 0, no interval, not non-adverse */
    applicants(10, 0, 8, 4);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 2, "", "", "relative_likelihood"), 0);
    tu_null(rep, 2, "", "", "ci_lower");
    tu_null(rep, 2, "", "", "ci_upper");
    ck_assert_double_eq(tu_get(rep, 2, "", "", "non_adverse"), 0);
    ck_assert_str_eq(strstr(tu_render(rep, WRES_FORMAT_JSON),
                            "\"relative_likelihood\": 0.0, \"ci\": null") ? "found" : "missing",
                     "found");
}
END_TEST

START_TEST(rl_both_zero_is_null)
{
    applicants(10, 0, 8, 0);
    report(2024);
    tu_null(rep, 2, "", "", "relative_likelihood");
    tu_null(rep, 2, "", "", "non_adverse");
    /* both rates 0: p-hat is 0, so p = 1 */
    ck_assert_double_eq(tu_get(rep, 2, "", "", "p_value"), 1);
}
END_TEST

static const char *survey_counts =
    "year,group,indicator,yes,respondents\n"
    "2024,BME,5,56,70\n"
    "2024,White,5,48,80\n"
    "2024,A,6,41,130\n"
    "2024,white,6,40,133\n"
    "2024,Unknown,6,7,9\n";

static const char *survey_rows =
    "respondent_id,year,ethnicity,harassment_staff,harassment_manager,"
    "harassment_colleague,equal_opportunities\n"
    "r1,2024,H,,1-2,Never,Yes\n"
    "r2,2024,N,,,Never,Don't know\n"
    "r3,2024,M,No,3-5,,No\n"
    "r4,2024,S,,,,\n"
    "r5,2024,A,,,,Yes\n";

START_TEST(survey_indicators)
{
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "c.csv", survey_counts), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY, "s.csv", survey_rows), WRES_OK);
    report(2024);
    /* 5: Newcombe (1998) example: 56/70 vs 48/80, d = 0.2, CI 0.0524 to 0.3339 */
    ck_assert_double_eq(tu_get(rep, 5, "", "bme", "n"), 70);
    ck_assert_double_eq(tu_get(rep, 5, "", "white", "yes"), 48);
    ck_assert_double_eq_tol(tu_get(rep, 5, "", "bme", "pct"), 80, TOL);
    ck_assert_double_eq_tol(tu_get(rep, 5, "", "", "difference"), 20, 1e-9);
    ck_assert_double_eq_tol(tu_get(rep, 5, "", "", "difference_ci_lower"), 5.24, 5e-3);
    ck_assert_double_eq_tol(tu_get(rep, 5, "", "", "difference_ci_upper"), 33.39, 5e-3);
    ck_assert_double_eq_tol(tu_get(rep, 5, "", "", "difference_ci_lower"), 5.24314724023649, 1e-9);
    ck_assert_double_eq_tol(tu_get(rep, 5, "", "", "difference_ci_upper"), 33.38726540369059, 1e-9);
    ck_assert_double_eq_tol(tu_get(rep, 5, "", "", "p_value"), 0.008045081368196568, TOL);
    ck_assert_double_eq(tu_get(rep, 5, "", "", "significant"), 1);

    /* 6: white from counts A 41/130 + white 40/133 = 81/263 (Wilson
     * 0.2553 to 0.3662); BME from microdata: r1 yes (manager item), r2 no
     * (colleague item answered), r3 no (harassment_staff wins), r4 blank */
    ck_assert_double_eq(tu_get(rep, 6, "", "white", "yes"), 81);
    ck_assert_double_eq(tu_get(rep, 6, "", "white", "n"), 263);
    ck_assert_double_eq_tol(tu_get(rep, 6, "", "white", "ci_lower"), 25.528851987827423, 1e-9);
    ck_assert_double_eq_tol(tu_get(rep, 6, "", "white", "ci_upper"), 36.62095769828, 1e-9);
    ck_assert_double_eq(tu_get(rep, 6, "", "bme", "n"), 3);
    ck_assert_double_eq(tu_get(rep, 6, "", "bme", "yes"), 1);
    ck_assert_double_eq_tol(tu_get(rep, 6, "", "", "difference"),
                            (1.0 / 3 - 81.0 / 263) * 100, 1e-9);

    /* 7: BME r1 yes, r2 don't know, r3 no: 1 of 3; white r5 1 of 1 */
    ck_assert_double_eq(tu_get(rep, 7, "", "bme", "n"), 3);
    ck_assert_double_eq(tu_get(rep, 7, "", "bme", "yes"), 1);
    ck_assert_double_eq(tu_get(rep, 7, "", "white", "n"), 1);
    ck_assert_double_eq(tu_get(rep, 7, "", "white", "ci_upper"), 100);

    /* 8: nobody answered */
    ck_assert_double_eq(tu_get(rep, 8, "", "", "available"), 0);
    tu_null(rep, 8, "", "white", "n");
    tu_null(rep, 8, "", "", "difference");
}
END_TEST

START_TEST(survey_only_unknown_is_available_but_null)
{
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY, "s.csv",
                               "year,ethnicity,discrimination_staff\n2024,Z,yes\n"),
                     WRES_OK);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 8, "", "", "available"), 1);
    ck_assert_double_eq(tu_get(rep, 8, "", "white", "n"), 0);
    tu_null(rep, 8, "", "white", "pct");
    tu_null(rep, 8, "", "white", "ci_lower");
    tu_null(rep, 8, "", "", "difference");
    tu_null(rep, 8, "", "", "p_value");
    tu_null(rep, 8, "", "", "significant");
}
END_TEST

static const char *board =
    "member_id,year,ethnicity,voting,executive\n"
    "b1,2024,A,yes,yes\n"
    "b2,2024,H,yes,no\n"
    "b3,2024,,no,yes\n"
    "b4,2024,B,yes,no\n";

START_TEST(indicator9)
{
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv", staff_2024), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "board.csv", board), WRES_OK);
    report(2024);
    ck_assert_double_eq_tol(tu_get(rep, 9, "", "", "workforce_bme_pct"), 100.0 / 3, TOL);
    ck_assert_double_eq(tu_get(rep, 9, "board", "total", "count"), 4);
    ck_assert_double_eq(tu_get(rep, 9, "board", "bme", "count"), 1);
    ck_assert_double_eq_tol(tu_get(rep, 9, "board", "", "bme_pct"), 25, TOL);
    ck_assert_double_eq_tol(tu_get(rep, 9, "board", "", "difference"), 25 - 100.0 / 3, TOL);
    ck_assert_double_eq(tu_get(rep, 9, "voting", "total", "count"), 3);
    ck_assert_double_eq_tol(tu_get(rep, 9, "voting", "", "difference"), 0, TOL);
    ck_assert_double_eq(tu_get(rep, 9, "executive", "white", "count"), 1);
    ck_assert_double_eq(tu_get(rep, 9, "executive", "unknown", "count"), 1);
    ck_assert_double_eq_tol(tu_get(rep, 9, "executive", "", "difference"), -100.0 / 3, TOL);
}
END_TEST

START_TEST(indicator9_without_staff)
{
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "board.csv", board), WRES_OK);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 9, "", "", "available"), 1);
    tu_null(rep, 9, "", "", "workforce_bme_pct");
    ck_assert_double_eq_tol(tu_get(rep, 9, "board", "", "bme_pct"), 25, TOL);
    tu_null(rep, 9, "board", "", "difference");
    ck_assert_double_eq(tu_get(rep, 1, "", "", "available"), 0);
}
END_TEST

START_TEST(nothing_available)
{
    const char *json;
    int i;

    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "board.csv", board), WRES_OK);
    report(2030);
    for (i = 1; i <= 9; i++)
        ck_assert_double_eq(tu_get(rep, i, "", "", "available"), 0);
    tu_null(rep, 1, "workforce", "total", "count");
    tu_null(rep, 2, "", "white", "n");
    tu_null(rep, 9, "board", "total", "count");
    json = tu_render(rep, WRES_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(json, "\"rows\": []"));
    ck_assert_ptr_nonnull(strstr(json, "\"years\": []"));
    ck_assert_ptr_nonnull(strstr(json, "\"white\": {\"n\": null, \"events\": null, \"rate\": null}"));
    ck_assert_ptr_nonnull(strstr(json, "\"ci\": null"));
    ck_assert_ptr_null(strstr(json, "nan"));
    ck_assert_ptr_null(strstr(json, "inf"));
    ck_assert_ptr_null(strstr(json, "[null"));
    ck_assert_ptr_nonnull(strstr(json, "\"staff_headcount\": 0, \"bank_excluded\": 0, "
                                      "\"ethnicity_unknown\": 0, \"declared_pct\": null"));
}
END_TEST

/* Confidence levels: expected values worked in Python for each z. */
START_TEST(confidence_levels)
{
    static const struct {
        double c, w_lo, w_hi, d_lo, d_hi, rl_lo, rl_hi;
        int sig;
    } t[] = {
        {0.80, 27.278813300373855, 34.55647470926315, 10.430593976377455,
         28.96655946541278, 0.6226843340467868, 9.250272867098031, 1},
        {0.90, 26.331361718848147, 35.65663496084882, 7.656419154407207,
         31.364458358294385, 0.4247771582776754, 13.560051165073961, 1},
        {0.95, 25.528851987827423, 36.62095769828, 5.24314724023649,
         33.38726540369059, 0.3048514688740486, 18.894447257460257, 1},
        {0.99, 24.013690268760772, 38.52825023182299, 0.5370869250078403,
         37.18084317757736, 0.15940650991617447, 36.1340324371254, 1},
    };
    size_t i;

    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "c.csv", survey_counts), WRES_OK);
    applicants(10, 3, 8, 1);
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, t[i].c), WRES_OK);
        report(2024);
        ck_assert_double_eq_tol(tu_get(rep, 6, "", "white", "ci_lower"), t[i].w_lo, 1e-9);
        ck_assert_double_eq_tol(tu_get(rep, 6, "", "white", "ci_upper"), t[i].w_hi, 1e-9);
        ck_assert_double_eq_tol(tu_get(rep, 5, "", "", "difference_ci_lower"), t[i].d_lo, 1e-9);
        ck_assert_double_eq_tol(tu_get(rep, 5, "", "", "difference_ci_upper"), t[i].d_hi, 1e-9);
        ck_assert_double_eq_tol(tu_get(rep, 2, "", "", "ci_lower"), t[i].rl_lo, 1e-9);
        ck_assert_double_eq_tol(tu_get(rep, 2, "", "", "ci_upper"), t[i].rl_hi, 1e-8);
        /* p = 0.00805 is below 1 - c at every level here */
        ck_assert_double_eq(tu_get(rep, 5, "", "", "significant"), t[i].sig);
    }
    /* at 0.995, 1 - c = 0.005 < p */
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, 0.995), WRES_OK);
    report(2024);
    ck_assert_double_eq(tu_get(rep, 5, "", "", "significant"), 0);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, 1.0), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, 0.0), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, NAN), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_DEFAULT_YEAR, 0.5), WRES_E_OPTION);
}
END_TEST

START_TEST(latest_year_default)
{
    int64_t y = 0;

    ck_assert_int_eq(wres_latest_year(ctx, &y), WRES_E_NOTFOUND);
    ck_assert_int_eq(wres_report_new(ctx, "", 0, &rep), WRES_E_NOTFOUND);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s23.csv", staff_2023), WRES_OK);
    ck_assert_int_eq(wres_latest_year(ctx, &y), WRES_OK);
    ck_assert_int_eq(y, 2023);
    ck_assert_int_eq(wres_report_new(ctx, "", 0, &rep), WRES_OK);
    ck_assert_double_eq(tu_get(rep, 1, "workforce", "total", "count"), 15);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("indicators");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, indicator1_rows_and_order);
    tcase_add_test(tc, indicator3_single_year_and_4);
    tcase_add_test(tc, indicator3_pooled);
    tcase_add_test(tc, indicator3_not_pooled_without_info);
    tcase_add_test(tc, indicator3_not_pooled_with_only_bank_last_year);
    tcase_add_test(tc, indicator2);
    tcase_add_test(tc, non_adverse_exact_edges);
    tcase_add_test(tc, non_adverse_exact_low_edge);
    tcase_add_test(tc, rl_zero_has_null_interval);
    tcase_add_test(tc, rl_both_zero_is_null);
    tcase_add_test(tc, survey_indicators);
    tcase_add_test(tc, survey_only_unknown_is_available_but_null);
    tcase_add_test(tc, indicator9);
    tcase_add_test(tc, indicator9_without_staff);
    tcase_add_test(tc, nothing_available);
    tcase_add_test(tc, confidence_levels);
    tcase_add_test(tc, latest_year_default);
    suite_add_tcase(s, tc);
    return tu_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
