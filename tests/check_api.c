/*
 * check_api.c - the edges of the public API: every call with NULL or
 * out-of-range arguments returns its documented status and changes
 * nothing; the text of every status; record-API limits; messages and JSON
 * strings with control bytes and invalid UTF-8; file errors by cause; the
 * reports unchanged under a decimal-comma locale.
 */
#include <errno.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

START_TEST(test_strerror_and_names)
{
    static const struct { int status; const char *text; } t[] = {
        {WRES_OK, "success"},
        {WRES_DONE, "no more items"},
        {WRES_NULL, "the figure cannot be computed (null)"},
        {WRES_E_INVALID, "invalid argument"},
        {WRES_E_NOMEM, "out of memory"},
        {WRES_E_IO, "file could not be read"},
        {WRES_E_FORMAT, "file failed as a whole"},
        {WRES_E_REJECTED, "record rejected"},
        {WRES_E_NOTFOUND, "not found"},
        {WRES_E_RANGE, "value out of range"},
        {WRES_E_OPTION, "unknown option or wrong type for the option"},
        {-99, "unknown status"},
        {42, "unknown status"},
    };
    static const char *const reasons[] = {
        NULL, "unterminated_quote", "bad_quote", "invalid_utf8", "field_count",
        "field_too_long", "missing_value", "unknown_ethnicity", "unknown_band",
        "unknown_staff_group", "invalid_yes_no", "invalid_year", "invalid_integer",
        "appointed_not_shortlisted", "yes_gt_respondents", "duplicate_id",
        "unreadable", "no_header", "duplicate_column", "missing_column", "no_year",
    };
    static const char *const kinds[] = {NULL, "staff", "applicants", "survey",
                                        "survey_counts", "board", NULL};
    size_t i;

    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        ck_assert_str_eq(wres_strerror(t[i].status), t[i].text);
    for (i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
        if (reasons[i])
            ck_assert_str_eq(wres_reason_name((int)i), reasons[i]);
        else
            ck_assert_ptr_null(wres_reason_name((int)i));
    }
    ck_assert_ptr_null(wres_reason_name(-1));
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (kinds[i])
            ck_assert_str_eq(wres_kind_name((int)i), kinds[i]);
        else
            ck_assert_ptr_null(wres_kind_name((int)i));
    }
    ck_assert_str_eq(wres_errmsg(NULL), "no handle");
}
END_TEST

START_TEST(test_null_arguments)
{
    wres_ctx *ctx;
    wres_report *r;
    wres_cursor *c;
    wres_record *rec;
    const char *s;
    size_t len;
    int64_t i64;
    double d;
    int k;

    ck_assert_int_eq(wres_ctx_set_double(NULL, WRES_OPT_CONFIDENCE, 0.9), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_set_int(NULL, WRES_OPT_DEFAULT_YEAR, 2024), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_set_string(NULL, WRES_OPT_DEFAULT_ORG, "x"), WRES_E_INVALID);
    ck_assert_int_eq(wres_ingest_file(NULL, 1, "x"), WRES_E_INVALID);
    ck_assert_int_eq(wres_record_new(NULL, 1, NULL, &rec), WRES_E_INVALID);
    ck_assert_int_eq(wres_record_new(NULL, 1, NULL, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_record_set(NULL, "a", "b"), WRES_E_INVALID);
    ck_assert_int_eq(wres_record_add(NULL), WRES_E_INVALID);
    ck_assert_uint_eq(wres_rejection_count(NULL), 0);
    ck_assert_int_eq(wres_rejection_get(NULL, 0, &s, &i64, &s, &k, &s), WRES_E_INVALID);
    ck_assert_int_eq(wres_file_get(NULL, 0, &s, &k, &i64, &i64, &i64, &k), WRES_E_INVALID);
    ck_assert_int_eq(wres_file_reason_count(NULL, 0, 1, &i64), WRES_E_INVALID);
    ck_assert_int_eq(wres_file_ignored_column(NULL, 0, 0, &s), WRES_E_INVALID);
    ck_assert_int_eq(wres_latest_year(NULL, &i64), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_new(NULL, "", 2024, &r), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_new(NULL, "", 2024, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_render(NULL, WRES_FORMAT_JSON, &s, &len), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_get(NULL, 1, "", "", "available", &d), WRES_E_INVALID);
    ck_assert_int_eq(wres_cursor_new(NULL, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_cursor_next(NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_cursor_indicator(NULL), -1);
    ck_assert_ptr_null(wres_cursor_part(NULL));
    ck_assert_ptr_null(wres_cursor_group(NULL));
    ck_assert_ptr_null(wres_cursor_measure(NULL));
    ck_assert_int_eq(wres_cursor_type(NULL), WRES_TYPE_NULL);
    ck_assert_double_eq(wres_cursor_double(NULL), 0);
    ck_assert_int_eq(wres_cursor_int(NULL), 0);

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ingest_file(ctx, WRES_KIND_STAFF, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_ingest_file(ctx, 0, "x"), WRES_E_INVALID);
    ck_assert_int_eq(wres_ingest_buffer(ctx, WRES_KIND_STAFF, "x", NULL, 5), WRES_E_INVALID);
    ck_assert_uint_eq(wres_file_count(ctx), 0);
    ck_assert_int_eq(wres_latest_year(ctx, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_file_reason_count(ctx, 0, 1, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_file_reason_count(ctx, 0, 0, &i64), WRES_E_RANGE);
    ck_assert_int_eq(wres_file_reason_count(ctx, 0, 21, &i64), WRES_E_RANGE);
    ck_assert_int_eq(wres_file_reason_count(ctx, 0, 1, &i64), WRES_DONE);
    ck_assert_int_eq(wres_file_ignored_column(ctx, 0, 0, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_file_ignored_column(ctx, 0, 0, &s), WRES_DONE);
    /* a NULL buffer of length 0 is an empty file */
    ck_assert_int_eq(wres_ingest_buffer(ctx, WRES_KIND_STAFF, NULL, NULL, 0), WRES_E_FORMAT);
    ck_assert_int_eq(wres_file_get(ctx, 0, &s, NULL, NULL, NULL, NULL, &k), WRES_OK);
    ck_assert_str_eq(s, "(buffer)");
    ck_assert_int_eq(k, WRES_REASON_NO_HEADER);
    ck_assert_int_eq(wres_file_reason_count(ctx, 0, WRES_REASON_NO_HEADER, &i64), WRES_OK);
    ck_assert_int_eq(i64, 0);   /* a file error is not a row rejection */

    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "b.csv",
                               "year,ethnicity,voting,executive\n2024,A,yes,no\n"), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, NULL, 2024, &r), WRES_OK);
    ck_assert_int_eq(wres_report_render(r, WRES_FORMAT_JSON, NULL, &len), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_render(r, 0, &s, &len), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_get(r, 9, NULL, NULL, NULL, &d), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_get(r, 9, NULL, NULL, "workforce_bme_pct", NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_report_get(r, 9, NULL, NULL, "workforce_bme_pct", &d), WRES_NULL);
    ck_assert_int_eq(wres_report_get(r, 9, "board", "white", "count", &d), WRES_OK);
    ck_assert_double_eq(d, 1);
    ck_assert_int_eq(wres_cursor_new(r, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_cursor_new(r, &c), WRES_OK);
    /* before the first step, nothing is current */
    ck_assert_ptr_null(wres_cursor_part(c));
    ck_assert_int_eq(wres_cursor_type(c), WRES_TYPE_NULL);
    ck_assert_int_eq(wres_cursor_int(c), 0);
    while (wres_cursor_next(c) == WRES_OK) {
        int t = wres_cursor_type(c);
        if (t == WRES_TYPE_DOUBLE)
            ck_assert_int_eq(wres_cursor_int(c), (int64_t)wres_cursor_double(c));
        if (t == WRES_TYPE_BOOL)
            ck_assert_double_eq(wres_cursor_double(c), (double)wres_cursor_int(c));
        if (t == WRES_TYPE_NULL)
            ck_assert_int_eq(wres_cursor_int(c), 0);
    }
    ck_assert_ptr_null(wres_cursor_measure(c));
    ck_assert_int_eq(wres_cursor_next(c), WRES_DONE);
    wres_cursor_free(c);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(test_options)
{
    wres_ctx *ctx;
    char big[1100];

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_ORG, NULL), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_ORG, "\xff"), WRES_E_RANGE);
    ck_assert_ptr_nonnull(strstr(wres_errmsg(ctx), "UTF-8"));
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_ORG, big), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_CONFIDENCE, "x"), WRES_E_OPTION);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, 2101), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, 0), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_ORG, 1), WRES_E_OPTION);
    ck_assert_int_eq(wres_ctx_set_double(ctx, 99, 0.5), WRES_E_OPTION);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, -0.5), WRES_E_RANGE);
    /* a year-less row with no default year: missing_value on year */
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "b.csv",
                               "year,ethnicity,voting,executive\n,A,yes,no\n"), WRES_OK);
    ck_assert_uint_eq(wres_rejection_count(ctx), 1);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(test_record_limits)
{
    wres_ctx *ctx;
    wres_record *rec;
    const char *col;
    char name[32], big[1100];
    int i, reason;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_record_new(ctx, WRES_KIND_BOARD, "src", NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_record_new(ctx, WRES_KIND_BOARD, "src", &rec), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, NULL, "x"), WRES_E_INVALID);
    ck_assert_int_eq(wres_record_set(rec, "bad\xff", "x"), WRES_E_INVALID);
    memset(big, 'c', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ck_assert_int_eq(wres_record_set(rec, big, "x"), WRES_E_INVALID);
    /* 64 unknown columns fit; the 65th does not */
    for (i = 0; i < 64; i++) {
        snprintf(name, sizeof name, "extra%d", i);
        ck_assert_int_eq(wres_record_set(rec, name, "v"), WRES_OK);
    }
    ck_assert_int_eq(wres_record_set(rec, "one too many", "v"), WRES_E_RANGE);
    /* an unknown column set again, and cleared, stays one column */
    ck_assert_int_eq(wres_record_set(rec, "extra3", "w"), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, "extra4", NULL), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, "never set", NULL), WRES_OK);
    /* a known column set, cleared and set many times keeps working */
    for (i = 0; i < 200; i++) {
        ck_assert_int_eq(wres_record_set(rec, "voting", "yes"), WRES_OK);
        ck_assert_int_eq(wres_record_set(rec, "voting", NULL), WRES_OK);
    }
    ck_assert_int_eq(wres_record_set(rec, "year", "2024"), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, "voting", "yes"), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, "executive", "no"), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, " Ethnicity ", "A"), WRES_OK);
    ck_assert_int_eq(wres_record_add(rec), WRES_OK);
    /* an over-long value in an unknown column names that column */
    ck_assert_int_eq(wres_record_set(rec, "year", "2024"), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, "voting", "yes"), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, "executive", "no"), WRES_OK);
    ck_assert_int_eq(wres_record_set(rec, "Notes", big), WRES_OK);
    ck_assert_int_eq(wres_record_add(rec), WRES_E_REJECTED);
    ck_assert_int_eq(wres_rejection_get(ctx, 0, NULL, NULL, &col, &reason, NULL), WRES_OK);
    ck_assert_str_eq(col, "Notes");
    ck_assert_int_eq(reason, WRES_REASON_FIELD_TOO_LONG);
    /* and in a known column, its canonical name */
    ck_assert_int_eq(wres_record_set(rec, "YEAR", big), WRES_OK);
    ck_assert_int_eq(wres_record_add(rec), WRES_E_REJECTED);
    ck_assert_int_eq(wres_rejection_get(ctx, 1, NULL, NULL, &col, &reason, NULL), WRES_OK);
    ck_assert_str_eq(col, "year");
    wres_record_free(rec);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(test_file_errors_by_cause)
{
    char dir[] = "/tmp/wres-apiXXXXXX", path[2048];
    wres_ctx *ctx;
    FILE *f;
    int i;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    /* a component that is a file, not a directory */
    snprintf(path, sizeof path, "%s/f", dir);
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    snprintf(path, sizeof path, "%s/f/x.csv", dir);
    ck_assert_int_eq(wres_ingest_file(ctx, WRES_KIND_STAFF, path), WRES_E_IO);
    ck_assert_ptr_nonnull(strstr(wres_errmsg(ctx), "not a directory"));
    /* a name too long */
    snprintf(path, sizeof path, "%s/", dir);
    for (i = 0; i < 300; i++)
        strcat(path, "n");
    ck_assert_int_eq(wres_ingest_file(ctx, WRES_KIND_STAFF, path), WRES_E_IO);
    ck_assert_ptr_nonnull(strstr(wres_errmsg(ctx), "too long"));
    /* a loop of symbolic links */
    snprintf(path, sizeof path, "%s/loop", dir);
    ck_assert_int_eq(symlink(path, path), 0);
    ck_assert_int_eq(wres_ingest_file(ctx, WRES_KIND_STAFF, path), WRES_E_IO);
    ck_assert_ptr_nonnull(strstr(wres_errmsg(ctx), "symbolic links"));
    unlink(path);
    /* a directory */
    ck_assert_int_eq(wres_ingest_file(ctx, WRES_KIND_STAFF, dir), WRES_E_IO);
    ck_assert_ptr_nonnull(strstr(wres_errmsg(ctx), "directory"));
    ck_assert_uint_eq(wres_file_count(ctx), 4);
    snprintf(path, sizeof path, "%s/f", dir);
    unlink(path);
    rmdir(dir);
    wres_ctx_free(ctx);
}
END_TEST

/* Paths and names go into JSON escaped, as valid UTF-8, and long ones into
 * the text report whole. */
START_TEST(test_strings_in_reports)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *out;
    char name[400];

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "tab\there \"q\" back\\slash \xff end",
                               "year,ethnicity,voting,executive,\x01odd\n2024,A,yes,no,x\n"),
                     WRES_OK);
    memset(name, 'p', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, name,
                               "year,ethnicity,voting,executive\n2024,\xe2\x82\xac,yes,no\n"),
                     WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    out = tu_render(r, WRES_FORMAT_JSON);
    ck_assert_ptr_nonnull(strstr(out, "\"path\": \"tab\\u0009here \\\"q\\\" back\\\\slash "
                                      "\xef\xbf\xbd end\""));
    ck_assert_ptr_nonnull(strstr(out, "\"ignored_columns\": [\"\\u0001odd\"]"));
    out = tu_render(r, WRES_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(out, name));
    out = tu_render(r, WRES_FORMAT_CSV);
    ck_assert_ptr_nonnull(strstr(out, "\"tab\there \"\"q\"\" back\\slash \xef\xbf\xbd end\""));
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* Under a decimal-comma locale the reports do not change. */
START_TEST(test_decimal_comma_locale)
{
    char dir[] = "/tmp/wres-locXXXXXX", cmd[256], probe[16];
    const char *csv = "year,group,indicator,yes,respondents\n2024,white,5,48,80\n"
                      "2024,bme,5,56,70\n";
    char *before[3];
    wres_ctx *ctx;
    wres_report *r;
    int f;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8 2>/dev/null", dir);
    ck_assert_msg(system(cmd) == 0, "cannot build de_DE.UTF-8 (Debian's locales package)");
    setenv("LOCPATH", dir, 1);
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, 0.995), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY_COUNTS, "s.csv", csv), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    for (f = 0; f < 3; f++)
        before[f] = strdup(tu_render(r, f + 1));
    ck_assert_ptr_nonnull(setlocale(LC_ALL, "de_DE.UTF-8"));
    snprintf(probe, sizeof probe, "%.1f", 1.5);
    ck_assert_str_eq(probe, "1,5");    /* the locale is in force */
    for (f = 0; f < 3; f++) {
        ck_assert_str_eq(tu_render(r, f + 1), before[f]);
        free(before[f]);
    }
    setlocale(LC_ALL, "C");
    wres_report_free(r);
    wres_ctx_free(ctx);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(test_periods)
{
    wres_ctx *ctx;
    const char *org;
    int64_t year;
    static const char *want_org[] = {"", "RXX", "RXX", "RYY", "a"};
    static const int64_t want_year[] = {2024, 2023, 2024, 2024, 2022};
    size_t i;

    ck_assert_uint_eq(wres_period_count(NULL), 0);
    ck_assert_int_eq(wres_period_get(NULL, 0, &org, &year), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_uint_eq(wres_period_count(ctx), 0);
    ck_assert_int_eq(wres_period_get(ctx, 0, &org, &year), WRES_DONE);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "b.csv",
                               "year,org,ethnicity,voting,executive\n"
                               "2024,RYY,A,yes,no\n2023,RXX,H,yes,yes\n"
                               "2024,RXX,A,no,no\n2024,RXX,B,no,no\n"
                               "2019,RZZ,BAME,no,no\n"), WRES_OK);   /* rejected: no period */
    ck_assert_uint_eq(wres_period_count(ctx), 3);
    /* rows added later change the list */
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_SURVEY, "s.csv",
                               "year,org,ethnicity\n2022,a,A\n2024,,H\n"), WRES_OK);
    ck_assert_uint_eq(wres_period_count(ctx), 5);
    for (i = 0; i < 5; i++) {
        ck_assert_int_eq(wres_period_get(ctx, i, &org, &year), WRES_OK);
        ck_assert_str_eq(org, want_org[i]);
        ck_assert_int_eq(year, want_year[i]);
    }
    ck_assert_int_eq(wres_period_get(ctx, 5, NULL, NULL), WRES_DONE);
    ck_assert_int_eq(wres_period_get(ctx, 0, NULL, NULL), WRES_OK);
    wres_ctx_free(ctx);
}
END_TEST

typedef struct seen {
    int calls;
    int64_t last_done, last_total, last_rows;
    int monotonic;
} seen;

static void on_progress(void *user, int64_t done, int64_t total, int64_t rows)
{
    seen *s = user;

    if (done < s->last_done || rows < s->last_rows)
        s->monotonic = 0;
    s->calls++;
    s->last_done = done;
    s->last_total = total;
    s->last_rows = rows;
}

/* Progress: after each block, bytes and rows only grow, and the last call
 * says all of it was read. */
START_TEST(test_progress)
{
    wres_ctx *ctx;
    seen s;
    char *buf, path[] = "/tmp/wres-progXXXXXX";
    size_t len = 0, cap = 3u << 20;
    int i, fd;
    int64_t rd;

    ck_assert_int_eq(wres_ctx_set_progress(NULL, on_progress, &s), WRES_E_INVALID);
    buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    len += (size_t)snprintf(buf, cap, "year,ethnicity,voting,executive\n");
    for (i = 0; len + 40 < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "2024,%s,yes,no\n", i % 3 ? "A" : "H");
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    memset(&s, 0, sizeof s);
    s.monotonic = 1;
    ck_assert_int_eq(wres_ctx_set_progress(ctx, on_progress, &s), WRES_OK);
    ck_assert_int_eq(wres_ingest_buffer(ctx, WRES_KIND_BOARD, "b.csv", buf, len), WRES_OK);
    ck_assert_int_eq(s.calls, 3);   /* three blocks of 1 MiB */
    ck_assert(s.monotonic);
    ck_assert_int_eq(s.last_done, (int64_t)len);
    ck_assert_int_eq(s.last_total, (int64_t)len);
    ck_assert_int_eq(wres_file_get(ctx, 0, NULL, NULL, &rd, NULL, NULL, NULL), WRES_OK);
    ck_assert_int_eq(s.last_rows, rd);
    ck_assert_int_eq(rd, i);
    /* the same through a file */
    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, buf, len), (ssize_t)len);
    close(fd);
    memset(&s, 0, sizeof s);
    s.monotonic = 1;
    ck_assert_int_eq(wres_ingest_file(ctx, WRES_KIND_BOARD, path), WRES_OK);
    unlink(path);
    ck_assert(s.monotonic);
    ck_assert_int_ge(s.calls, 3);
    ck_assert_int_eq(s.last_done, (int64_t)len);
    ck_assert_int_eq(s.last_total, (int64_t)len);
    ck_assert_int_eq(s.last_rows, rd);
    /* and switched off */
    ck_assert_int_eq(wres_ctx_set_progress(ctx, NULL, NULL), WRES_OK);
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(wres_ingest_buffer(ctx, WRES_KIND_BOARD, "c.csv", buf, len), WRES_OK);
    ck_assert_int_eq(s.calls, 0);
    wres_ctx_free(ctx);
    free(buf);
}
END_TEST

/* Staff in columns give the report the same rows as a CSV file give,
 * byte for byte, including rejected rows of every kind the codes allow. */
START_TEST(test_staff_batch)
{
    static const char *csv =
        "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank\n"
        "1,2024,R1,A,Band 5,clinical,0,1,0\n"
        "2,2024,R1,H,Band 8a,medical,1,0,0\n"
        "3,2024,R1,,VSM,non-clinical,0,0,1\n"
        "4,2023,R1,N,Consultant,medical,0,1,0\n"
        "2,2024,R1,M,Band 2,clinical,0,0,0\n"        /* duplicate id */
        "5,2024,R1,code 99,Band 2,clinical,0,0,0\n"  /* bad ethnicity code */
        "6,2024,R1,S,code 18,clinical,0,0,0\n"       /* bad band code */
        "7,2024,R1,S,Band 3,code 3,0,0,0\n"          /* bad staff group */
        "8,2024,R1,S,Band 3,clinical,2,0,0\n"        /* bad flag */
        "9,1800,R1,S,Band 3,clinical,0,0,0\n"        /* bad year */
        ",2024,R1,S,Band 3,clinical,0,0,0\n";        /* no id */
    static const char *const ids[] = {"1", "2", "3", "4", "2", "5", "6", "7", "8", "9", ""};
    static const int32_t years[] = {2024, 2024, 2024, 2023, 2024, 2024, 2024, 2024, 2024, 1800, 2024};
    static const uint8_t eth[] = {WRES_ETH_A, WRES_ETH_H, WRES_ETH_UNKNOWN, WRES_ETH_N,
                                  WRES_ETH_M, 99, WRES_ETH_S, WRES_ETH_S, WRES_ETH_S,
                                  WRES_ETH_S, WRES_ETH_S};
    static const uint8_t band[] = {WRES_BAND_5, WRES_BAND_8A, WRES_BAND_VSM,
                                   WRES_BAND_CONSULTANT, WRES_BAND_2, WRES_BAND_2, 18,
                                   WRES_BAND_3, WRES_BAND_3, WRES_BAND_3, WRES_BAND_3};
    static const uint8_t sg[] = {1, 2, 0, 2, 1, 1, 1, 3, 1, 1, 1};
    static const uint8_t disc[] = {0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0};
    static const uint8_t train[] = {1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
    static const uint8_t bank[] = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    wres_ctx *a, *b;
    wres_report *ra, *rb;
    size_t i;
    int year;

    ck_assert_int_eq(wres_ctx_new(&a), WRES_OK);
    ck_assert_int_eq(wres_ctx_new(&b), WRES_OK);
    ck_assert_int_eq(tu_ingest(a, WRES_KIND_STAFF, "staff.csv", csv), WRES_OK);
    ck_assert_int_eq(wres_staff_batch(b, "staff.csv", "R1", 11, years, ids, eth, band, sg,
                                      disc, train, bank), WRES_OK);
    for (year = 2023; year <= 2024; year++) {
        ck_assert_int_eq(wres_report_new(a, "R1", year, &ra), WRES_OK);
        ck_assert_int_eq(wres_report_new(b, "R1", year, &rb), WRES_OK);
        ck_assert_str_eq(tu_render(ra, WRES_FORMAT_JSON), tu_render(rb, WRES_FORMAT_JSON));
        wres_report_free(ra);
        wres_report_free(rb);
    }
    ck_assert_uint_eq(wres_rejection_count(b), 7);
    for (i = 0; i < 7; i++) {
        const char *ca, *cb;
        int xa, xb;
        int64_t la, lb;
        ck_assert_int_eq(wres_rejection_get(a, i, NULL, &la, &ca, &xa, NULL), WRES_OK);
        ck_assert_int_eq(wres_rejection_get(b, i, NULL, &lb, &cb, &xb, NULL), WRES_OK);
        ck_assert_str_eq(ca, cb);
        ck_assert_int_eq(xa, xb);
        ck_assert_int_eq(la, lb + 1);   /* CSV lines count the header */
    }
    /* a second batch into the same source goes on counting */
    ck_assert_int_eq(wres_staff_batch(b, "staff.csv", "R1", 1, years, ids, eth, band, sg,
                                      NULL, NULL, NULL), WRES_OK);
    ck_assert_uint_eq(wres_file_count(b), 1);
    ck_assert_uint_eq(wres_rejection_count(b), 8);   /* id 1 again */
    /* required columns */
    ck_assert_int_eq(wres_staff_batch(b, NULL, NULL, 1, NULL, NULL, eth, band, sg,
                                      NULL, NULL, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_staff_batch(NULL, NULL, NULL, 1, NULL, ids, eth, band, sg,
                                      NULL, NULL, NULL), WRES_E_INVALID);
    /* no year array and no default year: each row misses its year */
    ck_assert_int_eq(wres_staff_batch(b, "other", NULL, 2, NULL, ids + 5, eth, band, sg,
                                      NULL, NULL, NULL), WRES_OK);
    ck_assert_uint_eq(wres_rejection_count(b), 10);
    wres_ctx_free(a);
    wres_ctx_free(b);
}
END_TEST

/* Applicant ids are unique per post: across files whose posts come in
 * other orders (each file numbers its posts afresh before they join the
 * handle's), a repeat is caught and a same id on another post is not. */
START_TEST(test_applicant_ids_across_files)
{
    wres_ctx *ctx;
    const char *col;
    int64_t line;
    int reason;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "a1.csv",
                               "applicant_id,post_id,year,ethnicity,shortlisted\n"
                               "A1,P1,2024,A,yes\nA1,P2,2024,A,yes\nA2,P2,2024,H,no\n"),
                     WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "a2.csv",
                               "applicant_id,post_id,year,ethnicity,shortlisted\n"
                               "A9,P3,2024,A,yes\n"     /* a new post first */
                               "A2,P2,2024,H,no\n"      /* repeat of a1.csv:4 */
                               "A2,P3,2024,H,no\n"      /* same id, other post */
                               "A1,P1,2024,A,yes\n"     /* repeat of a1.csv:2 */
                               "A3,P1,2024,A,yes\n"),
                     WRES_OK);
    ck_assert_uint_eq(wres_rejection_count(ctx), 2);
    ck_assert_int_eq(wres_rejection_get(ctx, 0, NULL, &line, &col, &reason, NULL), WRES_OK);
    ck_assert_int_eq(line, 3);
    ck_assert_int_eq(reason, WRES_REASON_DUPLICATE_ID);
    ck_assert_int_eq(wres_rejection_get(ctx, 1, NULL, &line, &col, &reason, NULL), WRES_OK);
    ck_assert_int_eq(line, 5);
    /* and a third file, merged into posts numbered by both */
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "a3.csv",
                               "applicant_id,post_id,year,ethnicity,shortlisted\n"
                               "A9,P3,2024,A,yes\nA3,P1,2024,A,yes\nA4,P4,2024,A,yes\n"
                               "A2,P3,2024,H,no\n"),
                     WRES_OK);
    ck_assert_uint_eq(wres_rejection_count(ctx), 5);
    wres_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("edges");

    tcase_add_test(tc, test_strerror_and_names);
    tcase_add_test(tc, test_null_arguments);
    tcase_add_test(tc, test_options);
    tcase_add_test(tc, test_record_limits);
    tcase_add_test(tc, test_file_errors_by_cause);
    tcase_add_test(tc, test_strings_in_reports);
    tcase_add_test(tc, test_decimal_comma_locale);
    tcase_add_test(tc, test_periods);
    tcase_add_test(tc, test_progress);
    tcase_add_test(tc, test_staff_batch);
    tcase_add_test(tc, test_applicant_ids_across_files);
    suite_add_tcase(s, tc);
    return tu_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
