/*
 * check_report.c - the report as a whole: the same records through CSV
 * and through the record API give byte-identical JSON (on the whole
 * sample trust); the JSON keys come in the order of INDICATORS.md; the
 * CSV and text formats; the cursor and getters; API rejections; argument
 * errors.
 */
#include "testutil.h"

/* A deliberately plain RFC 4180 splitter, independent of the library's
 * reader: returns the number of fields of the next non-blank line, with
 * unquoted values copied into vals (NUL-terminated), or 0 at the end. */
static size_t split(const char **pp, const char *end, char vals[][1100],
                    size_t max)
{
    const char *p = *pp;
    size_t n = 0, k = 0;
    int inq = 0;

    for (;;) {
        /* skip blank lines */
        const char *q = p;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        if (q < end && (*q == '\n' || *q == '\r')) {
            p = q + 1;
            continue;
        }
        if (q >= end) {
            *pp = end;
            return 0;
        }
        break;
    }
    while (p < end) {
        char c = *p++;
        if (inq) {
            if (c == '"' && p < end && *p == '"') {
                vals[n][k++] = '"';
                p++;
            } else if (c == '"') {
                inq = 0;
            } else {
                vals[n][k++] = c;
            }
        } else if (c == '"') {
            inq = 1;
        } else if (c == ',') {
            vals[n++][k] = '\0';
            k = 0;
            ck_assert_uint_lt(n, max);
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && p < end && *p == '\n')
                p++;
            break;
        } else {
            vals[n][k++] = c;
        }
        ck_assert_uint_lt(k, 1099);
    }
    vals[n++][k] = '\0';
    *pp = p;
    return n;
}

static char hdr[32][1100], val[32][1100];

/* Feed a CSV file through the record API, row by row, column by name. */
static void feed_api(wres_ctx *ctx, int kind, const char *path)
{
    size_t len, nh, nv, i;
    char *buf = tu_slurp(path, &len);
    const char *p = buf, *end = buf + len;
    wres_record *rec;

    if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    nh = split(&p, end, hdr, 32);
    ck_assert_uint_gt(nh, 0);
    ck_assert_int_eq(wres_record_new(ctx, kind, path, &rec), WRES_OK);
    while ((nv = split(&p, end, val, 32)) != 0) {
        ck_assert_uint_eq(nv, nh);
        for (i = 0; i < nh; i++)
            ck_assert_int_eq(wres_record_set(rec, hdr[i], val[i]), WRES_OK);
        i = (size_t)wres_record_add(rec);
        ck_assert((int)i == WRES_OK || (int)i == WRES_E_REJECTED);
    }
    wres_record_free(rec);
    free(buf);
}

static const char *const sample_files[5] = {"staff", "applicants", "survey",
                                            "survey_counts", "board"};
static const int sample_kinds[5] = {WRES_KIND_STAFF, WRES_KIND_APPLICANTS,
                                    WRES_KIND_SURVEY, WRES_KIND_SURVEY_COUNTS,
                                    WRES_KIND_BOARD};

static void sample_path(char *out, size_t cap, int i)
{
    const char *top = getenv("WRES_TOP");
    snprintf(out, cap, "%s/examples/data/%s.csv", top ? top : ".", sample_files[i]);
}

START_TEST(api_and_csv_give_identical_json)
{
    wres_ctx *a, *b;
    char path[4096];
    int i, year;
    size_t r;

    ck_assert_int_eq(wres_ctx_new(&a), WRES_OK);
    ck_assert_int_eq(wres_ctx_new(&b), WRES_OK);
    for (i = 0; i < 5; i++) {
        sample_path(path, sizeof path, i);
        ck_assert_int_eq(wres_ingest_file(a, sample_kinds[i], path), WRES_OK);
        feed_api(b, sample_kinds[i], path);
    }
    for (year = 2022; year <= 2024; year++) {
        wres_report *ra, *rb;
        ck_assert_int_eq(wres_report_new(a, "RXX", year, &ra), WRES_OK);
        ck_assert_int_eq(wres_report_new(b, "RXX", year, &rb), WRES_OK);
        ck_assert_str_eq(tu_render(ra, WRES_FORMAT_JSON), tu_render(rb, WRES_FORMAT_JSON));
        ck_assert_str_eq(tu_render(ra, WRES_FORMAT_CSV), tu_render(rb, WRES_FORMAT_CSV));
        wres_report_free(ra);
        wres_report_free(rb);
    }
    /* the same rows rejected, for the same reasons, in the same columns */
    ck_assert_uint_eq(wres_rejection_count(a), 8);
    ck_assert_uint_eq(wres_rejection_count(b), 8);
    for (r = 0; r < 8; r++) {
        const char *ca, *cb, *fa, *fb;
        int xa, xb;
        ck_assert_int_eq(wres_rejection_get(a, r, &fa, NULL, &ca, &xa, NULL), WRES_OK);
        ck_assert_int_eq(wres_rejection_get(b, r, &fb, NULL, &cb, &xb, NULL), WRES_OK);
        ck_assert_str_eq(fa, fb);
        ck_assert_str_eq(ca, cb);
        ck_assert_int_eq(xa, xb);
    }
    wres_ctx_free(a);
    wres_ctx_free(b);
}
END_TEST

/* The sample's deliberately bad rows, as documented by gen-sample.c. */
START_TEST(sample_rejections)
{
    static const struct {
        int file;
        int64_t line;
        const char *column;
        int reason;
    } want[] = {
        {0, 6184, "band", WRES_REASON_UNKNOWN_BAND},
        {0, 6635, "ethnicity", WRES_REASON_UNKNOWN_ETHNICITY},
        {0, 7136, "training", WRES_REASON_INVALID_YES_NO},
        {0, 7737, "staff_id", WRES_REASON_DUPLICATE_ID},
        {0, 8338, "band", WRES_REASON_MISSING_VALUE},
        {1, 10002, "appointed", WRES_REASON_APPOINTED_NOT_SHORTLISTED},
        {2, 2008, "harassment_public", WRES_REASON_INVALID_YES_NO},
        {3, 16, "yes", WRES_REASON_YES_GT_RESPONDENTS},
    };
    static const int64_t rows[5] = {9105, 12000, 2660, 15, 42};
    wres_ctx *ctx;
    char path[4096];
    size_t i;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    for (i = 0; i < 5; i++) {
        int64_t rd, ac, rj;
        sample_path(path, sizeof path, (int)i);
        ck_assert_int_eq(wres_ingest_file(ctx, sample_kinds[i], path), WRES_OK);
        ck_assert_int_eq(wres_file_get(ctx, i, NULL, NULL, &rd, &ac, &rj, NULL), WRES_OK);
        ck_assert_int_eq(rd, rows[i]);
        ck_assert_int_eq(rd, ac + rj);
    }
    ck_assert_uint_eq(wres_rejection_count(ctx), sizeof want / sizeof want[0]);
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const char *file, *col;
        int64_t line;
        int reason;
        ck_assert_int_eq(wres_rejection_get(ctx, i, &file, &line, &col, &reason, NULL), WRES_OK);
        sample_path(path, sizeof path, want[i].file);
        ck_assert_str_eq(file, path);
        ck_assert_int_eq(line, want[i].line);
        ck_assert_str_eq(col, want[i].column);
        ck_assert_int_eq(reason, want[i].reason);
    }
    wres_ctx_free(ctx);
}
END_TEST

/* Keys of the JSON report in the order of INDICATORS.md. */
START_TEST(json_key_order)
{
    static const char *const keys[] = {
        "\"library\"", "\"name\": \"libwres\"", "\"version\": \"" WRES_VERSION_STRING "\"",
        "\"org\"", "\"year\": 2024", "\"confidence\": 0.95", "\"data_quality\"",
        "\"files\"", "\"path\": \"st\\\"aff.csv\"", "\"kind\": \"staff\"", "\"rows_read\": 3",
        "\"rows_accepted\": 2", "\"rows_rejected\": 1",
        "\"rejected_by_reason\": {\"unknown_band\": 1}", "\"error\": null",
        "\"ignored_columns\": [\"Site\", \"\"]", "\"staff_headcount\": 2",
        "\"bank_excluded\": 0", "\"ethnicity_unknown\": 0", "\"declared_pct\": 100.0",
        "\"indicators\"", "\"1\": {", "\"available\": true", "\"workforce\": {\"white\": 1, "
        "\"bme\": 1, \"unknown\": 0, \"total\": 2, \"white_pct\": 50.0, \"bme_pct\": 50.0, "
        "\"unknown_pct\": 0.0}", "\"rows\": [",
        "{\"staff_group\": \"clinical\", \"band\": \"Band 5\", \"white\": 1, \"bme\": 0, "
        "\"unknown\": 0, \"total\": 1, \"white_pct\": 100.0, \"bme_pct\": 0.0, "
        "\"unknown_pct\": 0.0}",
        "\"2\": {", "\"available\": false", "\"white\": {\"n\": null",
        "\"relative_likelihood\": null", "\"ci\": null", "\"p_value\": null",
        "\"significant\": null", "\"non_adverse\": null",
        "\"3\": {", "\"years\": [2024]", "\"white\": {\"n\": 1, \"events\": 0, \"rate\": 0.0}",
        "\"bme\": {\"n\": 1, \"events\": 1, \"rate\": 1.0}", "\"relative_likelihood\": null",
        "\"single_year\": {", "\"4\": {", "\"5\": {", ("\"white\": {\"n\": null, \"yes\": null, "
        "\"pct\": null, \"ci\": null}"), "\"difference\": null", "\"difference_ci\": null",
        "\"6\": {", "\"7\": {", "\"8\": {", "\"9\": {", "\"workforce_bme_pct\": null",
        "\"board\": {\"white\": null", "\"voting\": {", "\"executive\": {",
    };
    wres_ctx *ctx;
    wres_report *r;
    const char *json, *at;
    size_t i;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "st\"aff.csv",
                               "staff_id,year,ethnicity,band,staff_group,Site,,disciplinary\n"
                               "1,2024,A,5,clinical,x,,no\n"
                               "2,2024,H,11,clinical,x,,no\n"
                               "3,2024,H,8b,medical,x,,yes\n"), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    json = tu_render(r, WRES_FORMAT_JSON);
    at = json;
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *next = strstr(at, keys[i]);
        ck_assert_msg(next != NULL, "key %s missing or out of order after: %.80s",
                      keys[i], at);
        at = next + strlen(keys[i]);
    }
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(csv_and_text_formats)
{
    wres_ctx *ctx;
    wres_report *r;
    const char *out;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff, main.csv",
                               "staff_id,year,ethnicity,band,staff_group,training\n"
                               "1,2024,A,5,clinical,yes\n2,2024,A,5,clinical,no\n"
                               "3,2024,H,5,clinical,yes\n4,2024,H,5,clinical,yes\n"), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    out = tu_render(r, WRES_FORMAT_CSV);
    ck_assert_int_eq(strncmp(out, "indicator,part,group,measure,value\n", 35), 0);
    ck_assert_ptr_nonnull(strstr(out, "\n0,\"staff, main.csv\",staff,rows_read,4\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n1,workforce,white,count,2\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n1,clinical/Band 5,bme,pct,50\n"));
    /* RL = (1/2) / (2/2) = 0.5 */
    ck_assert_ptr_nonnull(strstr(out, "\n4,,,relative_likelihood,0.5\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n4,,,non_adverse,false\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n2,,,available,false\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n2,,,relative_likelihood,\n"));
    out = tu_render(r, WRES_FORMAT_TEXT);
    ck_assert_ptr_nonnull(strstr(out, "Relative likelihood 0.50"));
    ck_assert_ptr_nonnull(strstr(out, "Outside the non-adverse range 0.80-1.25"));
    ck_assert_ptr_nonnull(strstr(out, "White         1 trained of 2 (50.0%)"));
    ck_assert_ptr_nonnull(strstr(out, "Not available"));
    ck_assert_int_eq(wres_report_render(r, 99, &out, NULL), WRES_E_INVALID);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(cursor_walks_every_figure)
{
    wres_ctx *ctx;
    wres_report *r;
    wres_cursor *c;
    int n = 0, nulls = 0, bools = 0, last_ind = -1;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "b.csv",
                               "year,ethnicity,voting,executive\n2024,A,yes,no\n"), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    ck_assert_int_eq(wres_cursor_new(r, &c), WRES_OK);
    ck_assert_int_eq(wres_cursor_indicator(c), -1); /* before the first step */
    while (wres_cursor_next(c) == WRES_OK) {
        int t = wres_cursor_type(c);
        ck_assert_int_ge(wres_cursor_indicator(c), last_ind == -1 ? 0 : 0);
        ck_assert_ptr_nonnull(wres_cursor_measure(c));
        if (t == WRES_TYPE_NULL) {
            nulls++;
            ck_assert_double_eq(wres_cursor_double(c), 0);
        }
        if (t == WRES_TYPE_BOOL)
            bools++;
        if (wres_cursor_indicator(c) == 9 && strcmp(wres_cursor_part(c), "board") == 0 &&
            strcmp(wres_cursor_group(c), "white") == 0) {
            ck_assert_int_eq(t, WRES_TYPE_INT);
            ck_assert_int_eq(wres_cursor_int(c), 1);
        }
        last_ind = wres_cursor_indicator(c);
        n++;
    }
    ck_assert_int_eq(wres_cursor_next(c), WRES_DONE);
    ck_assert_int_gt(n, 100);
    ck_assert_int_gt(nulls, 50);
    ck_assert_int_ge(bools, 9);
    wres_cursor_free(c);
    ck_assert_int_eq(wres_report_get(r, 9, "board", "white", "nope", &(double){0}),
                     WRES_E_NOTFOUND);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(api_rejections_and_ignored_columns)
{
    wres_ctx *ctx;
    wres_record *rec;
    const char *file, *col, *msg, *name;
    int64_t line, rd, ac, rj;
    int reason, err;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, 2024), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_ORG, "  R1  "), WRES_OK);
    ck_assert_int_eq(wres_record_new(ctx, WRES_KIND_STAFF, NULL, &rec), WRES_OK);
    /* 1: accepted, year from the default, org from the default */
    wres_record_set(rec, "staff_id", "a");
    wres_record_set(rec, "ethnicity", "LH Asian British");
    wres_record_set(rec, "band", "AfC Band 8A");
    wres_record_set(rec, "staff_group", "Allied Health Professionals");
    wres_record_set(rec, "Directorate", "Surgery");
    ck_assert_int_eq(wres_record_add(rec), WRES_OK);
    /* 2: the record was cleared, so band is missing now */
    wres_record_set(rec, "staff_id", "b");
    wres_record_set(rec, "staff_group", "medical");
    ck_assert_int_eq(wres_record_add(rec), WRES_E_REJECTED);
    /* 3: duplicate of 1 */
    wres_record_set(rec, "staff_id", "a");
    wres_record_set(rec, "band", "5");
    wres_record_set(rec, "staff_group", "medical");
    ck_assert_int_eq(wres_record_add(rec), WRES_E_REJECTED);
    /* 4: invalid UTF-8 */
    wres_record_set(rec, "staff_id", "c\xff");
    ck_assert_int_eq(wres_record_add(rec), WRES_E_REJECTED);
    wres_record_free(rec);

    ck_assert_int_eq(wres_file_get(ctx, 0, &file, NULL, &rd, &ac, &rj, &err), WRES_OK);
    ck_assert_str_eq(file, "api:staff");
    ck_assert_int_eq(rd, 4);
    ck_assert_int_eq(ac, 1);
    ck_assert_int_eq(rj, 3);
    ck_assert_int_eq(err, 0);
    ck_assert_int_eq(wres_file_ignored_column(ctx, 0, 0, &name), WRES_OK);
    ck_assert_str_eq(name, "Directorate");
    ck_assert_int_eq(wres_file_ignored_column(ctx, 0, 1, &name), WRES_DONE);

    ck_assert_int_eq(wres_rejection_get(ctx, 0, NULL, &line, &col, &reason, &msg), WRES_OK);
    ck_assert_int_eq(line, 2);
    ck_assert_str_eq(col, "band");
    ck_assert_int_eq(reason, WRES_REASON_MISSING_VALUE);
    ck_assert_int_eq(wres_rejection_get(ctx, 1, NULL, &line, &col, &reason, NULL), WRES_OK);
    ck_assert_int_eq(line, 3);
    ck_assert_str_eq(col, "staff_id");
    ck_assert_int_eq(reason, WRES_REASON_DUPLICATE_ID);
    ck_assert_int_eq(wres_rejection_get(ctx, 2, NULL, &line, &col, &reason, NULL), WRES_OK);
    ck_assert_int_eq(line, 4);
    ck_assert_str_eq(col, "-");
    ck_assert_int_eq(reason, WRES_REASON_INVALID_UTF8);
    ck_assert_int_eq(wres_rejection_get(ctx, 3, NULL, NULL, NULL, NULL, NULL), WRES_DONE);
    {
        wres_report *r;
        ck_assert_int_eq(wres_report_new(ctx, "R1", 2024, &r), WRES_OK);
        ck_assert_double_eq(tu_get(r, 1, "clinical/Band 8a", "bme", "count"), 1);
        wres_report_free(r);
    }
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(argument_errors)
{
    wres_ctx *ctx;
    wres_record *rec;
    wres_report *r;
    wres_cursor *c;

    ck_assert_int_eq(wres_ctx_new(NULL), WRES_E_INVALID);
    wres_ctx_free(NULL);
    wres_record_free(NULL);
    wres_report_free(NULL);
    wres_cursor_free(NULL);
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_record_new(ctx, 0, NULL, &rec), WRES_E_INVALID);
    ck_assert_ptr_null(rec);
    ck_assert_int_eq(wres_record_new(ctx, 6, NULL, &rec), WRES_E_INVALID);
    ck_assert_int_eq(wres_ingest_buffer(ctx, 9, "x", "a", 1), WRES_E_INVALID);
    ck_assert_int_eq(wres_ingest_buffer(NULL, 1, "x", "a", 1), WRES_E_INVALID);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, 1899), WRES_E_RANGE);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_CONFIDENCE, 1), WRES_E_OPTION);
    ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_YEAR, "x"), WRES_E_OPTION);
    ck_assert_int_eq(wres_report_new(ctx, "", 1800, &r), WRES_E_RANGE);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(wres_cursor_new(NULL, &c), WRES_E_INVALID);
    ck_assert_int_eq(wres_file_get(ctx, 0, NULL, NULL, NULL, NULL, NULL, NULL), WRES_DONE);
    ck_assert_uint_eq(wres_file_count(NULL), 0);
    ck_assert_str_eq(wres_strerror(WRES_E_NOMEM), "out of memory");
    ck_assert_str_eq(wres_reason_name(WRES_REASON_DUPLICATE_ID), "duplicate_id");
    ck_assert_str_eq(wres_reason_name(WRES_REASON_NO_YEAR), "no_year");
    ck_assert_ptr_null(wres_reason_name(0));
    ck_assert_ptr_null(wres_reason_name(21));
    ck_assert_str_eq(wres_kind_name(WRES_KIND_SURVEY_COUNTS), "survey_counts");
    ck_assert_uint_eq(wres_version(), (WRES_VERSION_MAJOR << 16) | (WRES_VERSION_MINOR << 8) |
                                          WRES_VERSION_PATCH);
    ck_assert_str_eq(wres_version_string(), WRES_VERSION_STRING);
    wres_ctx_free(ctx);
}
END_TEST

/* Independent of the library's validator: every lead byte followed by
 * the right number of continuation bytes. */
static int utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int k = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2
              : (*p & 0xf8) == 0xf0 ? 3 : -1;
        if (k < 0)
            return 0;
        for (p++; k > 0; k--, p++)
            if ((*p & 0xc0) != 0x80)
                return 0;
    }
    return 1;
}

START_TEST(messages_cut_on_character_boundaries)
{
    wres_ctx *ctx;
    const char *msg;
    char csv[512] = "staff_id,year,ethnicity,band,staff_group\n1,2024,A,Band ";
    int i;

    for (i = 0; i < 31; i++)
        strcat(csv, "\xc3\xa9"); /* e acute: the 60-byte cut falls mid-character */
    strcat(csv, ",clinical\n");
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s.csv", csv), WRES_OK);
    ck_assert_int_eq(wres_rejection_get(ctx, 0, NULL, NULL, NULL, NULL, &msg), WRES_OK);
    ck_assert_ptr_nonnull(strstr(msg, "..."));
    ck_assert_msg(utf8_ok(msg), "message is not UTF-8: %s", msg);
    ck_assert_msg(utf8_ok(wres_errmsg(ctx)), "errmsg is not UTF-8");
    wres_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, api_and_csv_give_identical_json);
    tcase_add_test(tc, sample_rejections);
    tcase_add_test(tc, json_key_order);
    tcase_add_test(tc, csv_and_text_formats);
    tcase_add_test(tc, cursor_walks_every_figure);
    tcase_add_test(tc, api_rejections_and_ignored_columns);
    tcase_add_test(tc, argument_errors);
    tcase_add_test(tc, messages_cut_on_character_boundaries);
    suite_add_tcase(s, tc);
    return tu_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
