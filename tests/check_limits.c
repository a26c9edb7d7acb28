/*
 * check_limits.c - 64-bit counts everywhere: survey counts summing past
 * 2^32 and 2^62, an overflow of 2^63 - 1 rejected, staff headcounts past
 * 2^32 through the merge every file ingest ends with; a file larger than
 * 4 GiB (sparse, skipped where the file system cannot hold it, and said
 * so); many organisations and years in one handle.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "testutil.h"
#include "wres_private.h"

START_TEST(test_survey_counts_past_2_32)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *csv =
        "year,group,indicator,yes,respondents\n"
        "2024,white,5,3000000000,4000000000\n"    /* sums past 2^32 */
        "2024,A,5,3000000000,4000000000\n"
        "2024,bme,5,1,4294967297\n"
        "2024,unknown,6,4611686018427387904,4611686018427387904\n" /* 2^62 */
        "2024,white,6,4611686018427387903,4611686018427387903\n"   /* 2^63 - 1 in all */
        "2024,bme,6,0,1\n";                                        /* one too many */
    const char *json;
    double v;
    int reason;
    const char *col;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "c.csv", csv), WRES_OK);
    ck_assert_uint_eq(wres_rejection_count(ctx), 1);
    ck_assert_int_eq(wres_rejection_get(ctx, 0, NULL, NULL, &col, &reason, NULL), WRES_OK);
    ck_assert_int_eq(reason, WRES_REASON_INVALID_INTEGER);
    ck_assert_str_eq(col, "respondents");
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    json = tu_render(r, WRES_FORMAT_JSON);
    /* exact integers beyond 2^32 and 2^53 in JSON */
    ck_assert_ptr_nonnull(strstr(json, "\"white\": {\"n\": 8000000000, \"yes\": 6000000000,"));
    ck_assert_ptr_nonnull(strstr(json, "\"bme\": {\"n\": 4294967297, \"yes\": 1,"));
    ck_assert_ptr_nonnull(strstr(json, "\"white\": {\"n\": 4611686018427387903, "
                                       "\"yes\": 4611686018427387903,"));
    ck_assert_int_eq(wres_report_get(r, 5, "", "white", "pct", &v), WRES_OK);
    ck_assert_double_eq_tol(v, 75.0, 1e-12);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* Headcounts past 2^32: the handle holds 3,000,000,000 white and
 * 2,000,000,000 BME staff in one cell (set through the store: no test can
 * wait for five billion rows), then a file adds rows, which goes through
 * the same merge as every ingest. */
START_TEST(test_headcounts_past_2_32)
{
    wres_ctx *ctx;
    wres_report *r;
    wres__period *p;
    int oom;
    double v;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    p = wres__store_period(&ctx->store, "", 0, 2024, 1, &oom);
    ck_assert_ptr_nonnull(p);
    p->staff_rows = p->staff_nonbank = 5000000000LL;
    p->head[WRES__SG_CLINICAL][WRES__BAND_5][WRES__ETH_A] = 3000000000LL;
    p->head[WRES__SG_CLINICAL][WRES__BAND_5][WRES__ETH_H] = 2000000000LL;
    p->train_info = 1;
    p->train[WRES__SG_CLINICAL][WRES__BAND_5][WRES__ETH_A] = 2999999999LL;
    p->train[WRES__SG_CLINICAL][WRES__BAND_5][WRES__ETH_H] = 1000000000LL;
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s.csv",
                               "staff_id,year,ethnicity,band,staff_group,training\n"
                               "1,2024,A,5,clinical,yes\n2,2024,H,5,clinical,no\n"),
                     WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    ck_assert_ptr_nonnull(strstr(tu_render(r, WRES_FORMAT_JSON),
                                 "\"workforce\": {\"white\": 3000000001, \"bme\": 2000000001, "
                                 "\"unknown\": 0, \"total\": 5000000002,"));
    /* RL = (3000000000 / 3000000001) / (1000000000 / 2000000001) */
    ck_assert_int_eq(wres_report_get(r, 4, "", "", "relative_likelihood", &v), WRES_OK);
    ck_assert_double_eq_tol(v, (3000000000.0 / 3000000001.0) / (1000000000.0 / 2000000001.0),
                            1e-12);
    ck_assert_int_eq(wres_report_get(r, 4, "", "", "non_adverse", &v), WRES_OK);
    ck_assert_double_eq(v, 0);   /* about 2.0 */
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* A file of more than 4 GiB: a header and a row, a 4.5 GiB hole of NUL
 * bytes (one invalid row), and a last row. */
START_TEST(test_file_over_4_gib)
{
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    const off_t hole = (off_t)4608 * 1024 * 1024;
    char path[4096];
    struct stat st;
    struct statvfs vfs;
    wres_ctx *ctx;
    int64_t rd, ac, rj, line;
    int fd, reason;
    const char *head = "staff_id,year,ethnicity,band,staff_group\nS1,2024,A,5,clinical\n";
    const char *tail = "\nS2,2024,H,6,clinical\n";

    snprintf(path, sizeof path, "%s/wres-4gib-%ld.csv", tmp, (long)getpid());
    fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, head, strlen(head)), (ssize_t)strlen(head));
    if (lseek(fd, hole, SEEK_CUR) < 0 ||
        write(fd, tail, strlen(tail)) != (ssize_t)strlen(tail) || fstat(fd, &st) != 0) {
        close(fd);
        unlink(path);
        ck_abort_msg("cannot make a sparse file in %s", tmp);
    }
    close(fd);
    if ((long long)st.st_blocks * 512 >= (long long)st.st_size &&
        (statvfs(tmp, &vfs) != 0 ||
         (long long)vfs.f_bavail * (long long)vfs.f_frsize < (long long)st.st_size)) {
        unlink(path);
        printf("limits: SKIPPED the file over 4 GiB: %s keeps no sparse files and "
               "has too little room\n", tmp);
        return;
    }
    ck_assert_int_gt(st.st_size, (off_t)4 << 30);
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ingest_file(ctx, WRES_KIND_STAFF, path), WRES_OK);
    unlink(path);
    ck_assert_int_eq(wres_file_get(ctx, 0, NULL, NULL, &rd, &ac, &rj, NULL), WRES_OK);
    ck_assert_int_eq(rd, 3);
    ck_assert_int_eq(ac, 2);
    ck_assert_int_eq(rj, 1);
    ck_assert_int_eq(wres_rejection_get(ctx, 0, NULL, &line, NULL, &reason, NULL), WRES_OK);
    ck_assert_int_eq(line, 3);
    ck_assert_int_eq(reason, WRES_REASON_INVALID_UTF8);
    wres_ctx_free(ctx);
    printf("limits: a %lld-byte file ingested\n", (long long)st.st_size);
}
END_TEST

START_TEST(test_many_orgs_and_years)
{
    wres_ctx *ctx;
    wres_record *rec;
    wres_report *r;
    char org[16];
    int o, y;
    int64_t latest;
    double v;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_record_new(ctx, WRES_KIND_BOARD, "board", &rec), WRES_OK);
    /* added in a scrambled order, so that the list must really be sorted */
    for (o = 0; o < 1000; o++)
        for (y = 2024; y >= 2015; y--) {
            snprintf(org, sizeof org, "R%04d", o * 7919 % 1000);
            wres_record_set(rec, "org", org);
            wres_record_set_int(rec, "year", y);
            wres_record_set(rec, "ethnicity", (o * 7919 % 1000 + y) % 4 ? "A" : "H");
            wres_record_set(rec, "voting", "yes");
            wres_record_set(rec, "executive", "no");
            ck_assert_int_eq(wres_record_add(rec), WRES_OK);
        }
    wres_record_free(rec);
    ck_assert_int_eq(wres_latest_year(ctx, &latest), WRES_OK);
    ck_assert_int_eq(latest, 2024);
    /* all 10,000 periods, sorted by org then year */
    ck_assert_uint_eq(wres_period_count(ctx), 10000);
    for (o = 0; o < 1000; o++)
        for (y = 2015; y <= 2024; y++) {
            const char *got;
            int64_t gy;
            char want[16];
            snprintf(want, sizeof want, "R%04d", o);
            ck_assert_int_eq(wres_period_get(ctx, (size_t)(o * 10 + y - 2015), &got, &gy),
                             WRES_OK);
            ck_assert_str_eq(got, want);
            ck_assert_int_eq(gy, y);
        }
    for (o = 0; o < 1000; o += 111)
        for (y = 2015; y <= 2024; y += 3) {
            snprintf(org, sizeof org, "R%04d", o);
            ck_assert_int_eq(wres_report_new(ctx, org, y, &r), WRES_OK);
            ck_assert_int_eq(wres_report_get(r, 9, "board", "bme", "count", &v), WRES_OK);
            ck_assert_double_eq(v, (o + y) % 4 ? 0 : 1);
            wres_report_free(r);
        }
    wres_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("limits");

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_survey_counts_past_2_32);
    tcase_add_test(tc, test_headcounts_past_2_32);
    tcase_add_test(tc, test_file_over_4_gib);
    tcase_add_test(tc, test_many_orgs_and_years);
    suite_add_tcase(s, tc);
    return tu_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
