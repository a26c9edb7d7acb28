/*
 * check_oom.c - allocation failure at every site (SQLite's fault
 * simulation, curl's torture tests).  Built against a test-only library
 * (-DWRES_FAULT_INJECTION) that can fail its Nth allocation.  For N = 1,
 * 2, ... until a run completes without reaching N, the whole sequence runs
 * -- create, options, each CSV kind from a buffer, records through the
 * API, the report, every figure through the cursor, JSON, text and CSV,
 * free -- and at each N:
 *   - the failing call returns WRES_E_NOMEM (or, for calls that return
 *     nothing, NULL / no crash);
 *   - what the failing call was doing left no trace: the same call, retried
 *     with allocation working, succeeds, and the final report of the
 *     sequence is byte for byte the report of a run without faults (so no
 *     partial row was counted and no row was lost);
 *   - after everything is freed, no block is left allocated.
 */
#include "testutil.h"
#include "wres_private.h"

static const char *const csv[5] = {
    /* staff: an ignored column, a rejected row, a bank row */
    "staff_id,year,ethnicity,band,staff_group,disciplinary,training,bank,site\n"
    "1,2024,A White - British,Band 5,clinical,no,yes,no,x\n"
    "2,2024,H,AfC Band 8A,Medical and Dental,yes,no,,x\n"
    "3,2024,BAME,5,clinical,,,,x\n"
    "4,2023/24,N,6,non-clinical,no,no,yes,x\n"
    "5,2023,C,7,clinical,yes,yes,no,x\n",
    "applicant_id,post_id,year,ethnicity,shortlisted,appointed\n"
    "a1,p1,2024,A,yes,yes\na2,p1,2024,H,yes,no\na1,p1,2024,H,yes,no\n",
    "respondent_id,year,ethnicity,harassment_public,harassment_manager,equal_opportunities\n"
    "r1,2024,A,Never,1-2,Yes\nr2,2024,M,3-5,,Don't know\nr3,2024,S,sometimes,,\n",
    "year,group,indicator,yes,respondents\n2024,white,8,5,50\n2024,bme,8,9,40\n2024,A,8,9,4\n",
    "member_id,year,ethnicity,voting,executive\nb1,2024,A,yes,yes\nb2,2024,,yes,no\n",
};
static const int kinds[5] = {WRES_KIND_STAFF, WRES_KIND_APPLICANTS, WRES_KIND_SURVEY,
                             WRES_KIND_SURVEY_COUNTS, WRES_KIND_BOARD};

static int faults_hit;

/* Run one step; on WRES_E_NOMEM check it and retry without faults. */
#define STEP(call, ok_status)                                                 \
    do {                                                                      \
        int rv_ = (call);                                                     \
        if (rv_ == WRES_E_NOMEM) {                                            \
            long saved_ = fault_at_now;                                       \
            faults_hit++;                                                     \
            wres__fault_set(0);                                               \
            rv_ = (call);                                                     \
            wres__fault_set(saved_);                                          \
            fault_after_retry();                                              \
        }                                                                     \
        ck_assert_msg(rv_ == (ok_status), "%s: status %d at fault %ld", #call, \
                      rv_, fault_at_now);                                     \
    } while (0)

static long fault_at_now;

/* After a retry the counter restarted: make sure no later call fails. */
static void fault_after_retry(void)
{
    wres__fault_set(0);
}

/* The whole sequence; returns the final JSON (malloc'd by the test). */
static char *sequence(void)
{
    wres_ctx *ctx = NULL;
    wres_record *rec = NULL;
    wres_report *rep = NULL;
    wres_cursor *cur = NULL;
    const char *out;
    char *json;
    size_t i, before_files, before_rej, len;
    int rv, n;
    double v;

    STEP(wres_ctx_new(&ctx), WRES_OK);
    STEP(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, 0.9), WRES_OK);
    STEP(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, 2024), WRES_OK);
    STEP(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_ORG, " R1 "), WRES_OK);
    STEP(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_ORG, ""), WRES_OK);
    /* groups, breakdowns (the staff file's site, the API's Directorate)
     * and trends */
    STEP(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 1), WRES_OK);
    STEP(wres_ctx_set_int(ctx, WRES_OPT_TREND, 1), WRES_OK);
    STEP(wres_ctx_add_breakdown(ctx, "band,site"), WRES_OK);
    STEP(wres_ctx_add_breakdown(ctx, "directorate"), WRES_OK);
    for (i = 0; i < 5; i++) {
        before_files = wres_file_count(ctx);
        before_rej = wres_rejection_count(ctx);
        rv = wres_ingest_buffer(ctx, kinds[i], "in.csv", csv[i], strlen(csv[i]));
        if (rv == WRES_E_NOMEM) {
            /* all or nothing: the handle is as it was */
            faults_hit++;
            ck_assert_uint_eq(wres_file_count(ctx), before_files);
            ck_assert_uint_eq(wres_rejection_count(ctx), before_rej);
            fault_after_retry();
            rv = wres_ingest_buffer(ctx, kinds[i], "in.csv", csv[i], strlen(csv[i]));
        }
        ck_assert_int_eq(rv, WRES_OK);
    }
    STEP(wres_record_new(ctx, WRES_KIND_STAFF, "api", &rec), WRES_OK);
    for (n = 0; n < 3; n++) {
        int64_t read0, read1;
        char id[8];
        snprintf(id, sizeof id, "x%d", n);
        STEP(wres_record_set(rec, "staff_id", id), WRES_OK);
        STEP(wres_record_set(rec, "ethnicity", n == 1 ? "Black" : "LH Asian British"), WRES_OK);
        STEP(wres_record_set(rec, "band", "Band 6"), WRES_OK);
        STEP(wres_record_set_int(rec, "disciplinary", 1), WRES_OK);
        STEP(wres_record_set(rec, "staff_group", "clinical"), WRES_OK);
        STEP(wres_record_set(rec, "Directorate", "Surgery"), WRES_OK);
        wres_file_get(ctx, wres_file_count(ctx) - 1, NULL, NULL, &read0, NULL, NULL, NULL);
        rv = wres_record_add(rec);
        if (rv == WRES_E_NOMEM) {
            faults_hit++;
            wres_file_get(ctx, wres_file_count(ctx) - 1, NULL, NULL, &read1, NULL, NULL, NULL);
            ck_assert_int_eq(read1, read0);   /* no partial row */
            fault_after_retry();
            rv = wres_record_add(rec);        /* the record kept its fields */
        }
        ck_assert_int_eq(rv, n == 1 ? WRES_E_REJECTED : WRES_OK);
    }
    wres_record_free(rec);
    {
        /* staff in columns: all or nothing */
        static const char *const ids[] = {"b1", "b2", "x0", "b3"};
        static const int32_t years[] = {2024, 2024, 2024, 2024};
        static const uint8_t eth[] = {WRES_ETH_A, WRES_ETH_N, WRES_ETH_H, 40};
        static const uint8_t band[] = {WRES_BAND_5, WRES_BAND_6, WRES_BAND_7, WRES_BAND_7};
        static const uint8_t sg[] = {1, 1, 2, 0};
        static const uint8_t tr[] = {1, 0, 1, 1};
        before_files = wres_file_count(ctx);
        before_rej = wres_rejection_count(ctx);
        rv = wres_staff_batch(ctx, "batch", NULL, 4, years, ids, eth, band, sg, NULL, tr, NULL);
        if (rv == WRES_E_NOMEM) {
            faults_hit++;
            ck_assert_uint_eq(wres_file_count(ctx), before_files);
            ck_assert_uint_eq(wres_rejection_count(ctx), before_rej);
            fault_after_retry();
            rv = wres_staff_batch(ctx, "batch", NULL, 4, years, ids, eth, band, sg, NULL, tr, NULL);
        }
        ck_assert_int_eq(rv, WRES_OK);
    }

    STEP(wres_report_new(ctx, "", 2024, &rep), WRES_OK);
    STEP(wres_cursor_new(rep, &cur), WRES_OK);
    n = 0;
    while (wres_cursor_next(cur) == WRES_OK) {
        ck_assert_ptr_nonnull(wres_cursor_measure(cur));
        n++;
    }
    ck_assert_int_gt(n, 100);
    wres_cursor_free(cur);
    ck_assert_int_eq(wres_report_get(rep, 2, "", "", "relative_likelihood", &v), WRES_NULL);
    STEP(wres_report_render(rep, WRES_FORMAT_TEXT, &out, NULL), WRES_OK);
    STEP(wres_report_render(rep, WRES_FORMAT_CSV, &out, NULL), WRES_OK);
    STEP(wres_report_render(rep, WRES_FORMAT_HTML, &out, NULL), WRES_OK);
    STEP(wres_report_render(rep, WRES_FORMAT_JSON, &out, &len), WRES_OK);
    json = malloc(len + 1);
    ck_assert_ptr_nonnull(json);
    memcpy(json, out, len + 1);
    wres_report_free(rep);

    /* many organisations (1.2): the aggregate with targets, the screening */
    {
        wres_screen *scr = NULL;
        size_t len2;
        STEP(wres_ctx_set_int(ctx, WRES_OPT_TARGETS, 1), WRES_OK);
        STEP(wres_report_new_aggregate(ctx, 2024, &rep), WRES_OK);
        STEP(wres_report_render(rep, WRES_FORMAT_TEXT, &out, NULL), WRES_OK);
        STEP(wres_report_render(rep, WRES_FORMAT_CSV, &out, NULL), WRES_OK);
        STEP(wres_report_render(rep, WRES_FORMAT_JSON, &out, &len2), WRES_OK);
        json = realloc(json, len + len2 + 1);
        ck_assert_ptr_nonnull(json);
        memcpy(json + len, out, len2 + 1);
        len += len2;
        wres_report_free(rep);
        STEP(wres_screen_new(ctx, &scr), WRES_OK);
        STEP(wres_screen_render(scr, WRES_FORMAT_TEXT, &out, NULL), WRES_OK);
        STEP(wres_screen_render(scr, WRES_FORMAT_CSV, &out, NULL), WRES_OK);
        STEP(wres_screen_render(scr, WRES_FORMAT_JSON, &out, &len2), WRES_OK);
        json = realloc(json, len + len2 + 1);
        ck_assert_ptr_nonnull(json);
        memcpy(json + len, out, len2 + 1);
        len += len2;
        wres_screen_free(scr);
        /* publication-safe: groups, breakdowns, trend and targets too */
        STEP(wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, 1), WRES_OK);
        STEP(wres_report_new(ctx, "", 2024, &rep), WRES_OK);
        STEP(wres_report_render(rep, WRES_FORMAT_JSON, &out, &len2), WRES_OK);
        json = realloc(json, len + len2 + 1);
        ck_assert_ptr_nonnull(json);
        memcpy(json + len, out, len2 + 1);
        len += len2;
        wres_report_free(rep);
        STEP(wres_screen_new(ctx, &scr), WRES_OK);
        STEP(wres_screen_render(scr, WRES_FORMAT_JSON, &out, &len2), WRES_OK);
        json = realloc(json, len + len2 + 1);
        ck_assert_ptr_nonnull(json);
        memcpy(json + len, out, len2 + 1);
        wres_screen_free(scr);
        STEP(wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, 0), WRES_OK);
    }
    {
        /* the handle's summary, with its breakdown cells, merged into
         * another (all or nothing), and that handle's publication-safe
         * report and summary */
        wres_ctx *ctx2 = NULL;
        const char *sum;
        char *copy, *both;
        size_t slen;
        STEP(wres_summary_save_buffer(ctx, &sum, &slen), WRES_OK);
        copy = malloc(slen + 1);
        ck_assert_ptr_nonnull(copy);
        memcpy(copy, sum, slen + 1);
        STEP(wres_ctx_new(&ctx2), WRES_OK);
        /* the same breakdowns: the cells are re-interned and merged */
        STEP(wres_ctx_add_breakdown(ctx2, "band,site"), WRES_OK);
        STEP(wres_ctx_add_breakdown(ctx2, "directorate"), WRES_OK);
        rv = wres_summary_load_buffer(ctx2, "s.sum", copy, slen);
        if (rv == WRES_E_NOMEM) {
            faults_hit++;
            ck_assert_uint_eq(wres_file_count(ctx2), 0);
            fault_after_retry();
            ck_assert_uint_eq(wres_period_count(ctx2), 0);
            rv = wres_summary_load_buffer(ctx2, "s.sum", copy, slen);
        }
        ck_assert_int_eq(rv, WRES_OK);
        free(copy);
        STEP(wres_ctx_set_int(ctx2, WRES_OPT_PUBLISH, 1), WRES_OK);
        STEP(wres_report_new(ctx2, "", 2024, &rep), WRES_OK);
        STEP(wres_report_render(rep, WRES_FORMAT_JSON, &out, &len), WRES_OK);
        both = malloc(strlen(json) + len + 1);
        ck_assert_ptr_nonnull(both);
        strcpy(both, json);
        strcat(both, out);
        free(json);
        json = both;
        wres_report_free(rep);
        STEP(wres_summary_save_buffer(ctx2, &sum, &slen), WRES_OK);
        wres_ctx_free(ctx2);
    }
    wres_ctx_free(ctx);
    return json;
}

START_TEST(test_every_allocation)
{
    char *want, *got;
    long total, n, stride = 1;

    wres__fault_set(0);
    want = sequence();
    total = wres__fault_calls();
    ck_assert_int_eq(wres__live_blocks(), 0);
    ck_assert_int_gt(total, 50);
    /* WRES_OOM_STRIDE=k fails every k-th site only (and always the run
     * past the last): the valgrind run, some 40 times slower, uses it;
     * the plain and sanitizer runs fail every site */
    if (getenv("WRES_OOM_STRIDE") && atol(getenv("WRES_OOM_STRIDE")) > 1)
        stride = atol(getenv("WRES_OOM_STRIDE"));
    for (n = 1; n <= total + 1; n = n + stride > total + 1 && n <= total ? total + 1
                                                                        : n + stride) {
        faults_hit = 0;
        fault_at_now = n;
        wres__fault_set(n);
        got = sequence();
        ck_assert_msg(strcmp(want, got) == 0, "fault %ld: the report differs", n);
        ck_assert_msg(wres__live_blocks() == 0, "fault %ld: %ld blocks leaked", n,
                      wres__live_blocks());
        ck_assert_msg(faults_hit == (n <= total), "fault %ld: %d failures seen", n,
                      faults_hit);
        free(got);
    }
    free(want);
    if (stride > 1)
        printf("oom: one allocation site in %ld of %ld failed\n", stride, total);
    else
        printf("oom: %ld allocation sites of the sequence failed one by one\n", total);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("faults");

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_every_allocation);
    suite_add_tcase(s, tc);
    return tu_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
