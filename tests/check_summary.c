/*
 * check_summary.c - federation summaries.  Reports from merged summaries
 * are byte-identical (JSON, text, CSV) to loading every record into one
 * handle: the sample trust split by year, and a generated dataset of many
 * organisations split by organisation; a summary is a text file that
 * holds no staff id and no value of any row; corrupt, truncated,
 * bit-flipped, future-version, inconsistent and publication-safe
 * summaries are refused with the file, line and reason, and the handle is
 * unchanged; a count that would pass 2^63-1 is refused.
 */
#include <unistd.h>

#include "testutil.h"

static const int kinds[5] = {WRES_KIND_STAFF, WRES_KIND_APPLICANTS, WRES_KIND_SURVEY,
                             WRES_KIND_SURVEY_COUNTS, WRES_KIND_BOARD};
static const char *const kind_file[5] = {"staff", "applicants", "survey",
                                         "survey_counts", "board"};
/* the year column of each sample file (none of the fields before it is
 * ever quoted in the sample) */
static const int year_col[5] = {1, 2, 1, 0, 1};

/* The reporting year of a sample line by its year field ("2024",
 * "2023/24", "2023-24"), or 0. */
static int line_year(const char *line, int col)
{
    int y = 0, i;

    while (col-- > 0) {
        line = strchr(line, ',');
        if (!line)
            return 0;
        line++;
    }
    for (i = 0; i < 4; i++) {
        if (line[i] < '0' || line[i] > '9')
            return 0;
        y = y * 10 + (line[i] - '0');
    }
    if (line[4] == '/' || line[4] == '-')
        y++;
    return y;
}

/* parts[k][p]: the header and the lines of sample file k in part p
 * (0: 2022 and lines without a readable year, 1: 2023, 2: 2024) */
static char *parts[5][3];

static void split_sample(void)
{
    const char *top = getenv("WRES_TOP");
    char path[4096];
    int k, p;

    for (k = 0; k < 5; k++) {
        size_t len, hl;
        char *buf, *line, *end;
        snprintf(path, sizeof path, "%s/examples/data/%s.csv", top ? top : ".",
                 kind_file[k]);
        buf = tu_slurp(path, &len);
        end = buf + len;
        line = strchr(buf, '\n') + 1;
        hl = (size_t)(line - buf);
        for (p = 0; p < 3; p++) {
            parts[k][p] = malloc(len + 1);
            memcpy(parts[k][p], buf, hl);
            parts[k][p][hl] = '\0';
        }
        while (line < end) {
            char *nl = memchr(line, '\n', (size_t)(end - line));
            size_t n = nl ? (size_t)(nl - line) + 1 : (size_t)(end - line);
            int y = line_year(line, year_col[k]);
            p = y == 2023 ? 1 : y == 2024 ? 2 : 0;
            strncat(parts[k][p], line, n);
            line += n;
        }
        free(buf);
    }
}

static void free_parts(void)
{
    int k, p;
    for (k = 0; k < 5; k++)
        for (p = 0; p < 3; p++)
            free(parts[k][p]);
}

static void ingest_part(wres_ctx *ctx, int p)
{
    char name[64];
    int k, rv;

    for (k = 0; k < 5; k++) {
        snprintf(name, sizeof name, "%s-%d.csv", kind_file[k], p);
        rv = tu_ingest(ctx, kinds[k], name, parts[k][p]);
        ck_assert_msg(rv == WRES_OK || rv == WRES_E_REJECTED, "%s: %d", name, rv);
    }
}

/* a equals b; else fail naming the first difference (whole reports are
 * too long for a Check message). */
static void same_text(const char *a, const char *b, const char *what)
{
    size_t i = 0;

    while (a[i] && a[i] == b[i])
        i++;
    ck_assert_msg(a[i] == b[i], "%s differ at byte %zu: '%.80s' / '%.80s'", what, i,
                  a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
}

/* Every report of every period of a, in every format, equals b's; the
 * sources and periods are the same. */
static void same_reports(wres_ctx *a, wres_ctx *b)
{
    size_t i, n = wres_period_count(a);
    int f;

    ck_assert_uint_gt(n, 0);
    ck_assert_uint_eq(wres_period_count(b), n);
    ck_assert_uint_eq(wres_file_count(b), wres_file_count(a));
    for (i = 0; i < n; i++) {
        const char *oa, *ob;
        int64_t ya, yb;
        wres_report *ra, *rb;
        ck_assert_int_eq(wres_period_get(a, i, &oa, &ya), WRES_OK);
        ck_assert_int_eq(wres_period_get(b, i, &ob, &yb), WRES_OK);
        ck_assert_str_eq(oa, ob);
        ck_assert_int_eq(ya, yb);
        ck_assert_int_eq(wres_report_new(a, oa, ya, &ra), WRES_OK);
        ck_assert_int_eq(wres_report_new(b, ob, yb, &rb), WRES_OK);
        for (f = WRES_FORMAT_JSON; f <= WRES_FORMAT_CSV; f++) {
            const char *ta = tu_render(ra, f);
            same_text(ta, tu_render(rb, f), "reports");
        }
        wres_report_free(ra);
        wres_report_free(rb);
    }
}

/* A copy of the summary of ctx. */
static char *summary_of(wres_ctx *ctx, size_t *len)
{
    const char *s;
    char *copy;

    ck_assert_int_eq(wres_summary_save_buffer(ctx, &s, len), WRES_OK);
    ck_assert_uint_eq(strlen(s), *len);
    copy = malloc(*len + 1);
    memcpy(copy, s, *len + 1);
    return copy;
}

START_TEST(sample_split_by_year)
{
    wres_ctx *full, *part, *merged;
    char *sum[3];
    size_t len[3];
    int p, y;

    split_sample();
    ck_assert_int_eq(wres_ctx_new(&full), WRES_OK);
    ck_assert_int_eq(wres_ctx_new(&merged), WRES_OK);
    for (p = 0; p < 3; p++) {
        ingest_part(full, p);
        ck_assert_int_eq(wres_ctx_new(&part), WRES_OK);
        ingest_part(part, p);
        sum[p] = summary_of(part, &len[p]);
        wres_ctx_free(part);
    }
    for (p = 0; p < 3; p++)
        ck_assert_int_eq(wres_summary_load_buffer(merged, "part.sum", sum[p], len[p]),
                         WRES_OK);
    /* 15 sources, three periods, and the rejected rows still counted */
    ck_assert_uint_eq(wres_file_count(merged), 15);
    same_reports(full, merged);
    /* (the sample holds RXX only, so same_reports saw its three years; and
     * indicator 3 of 2024 pooled 2023 from another summary) */
    for (y = 2022; y <= 2024; y++) {
        wres_report *r;
        double v;
        ck_assert_int_eq(wres_report_new(merged, "RXX", y, &r), WRES_OK);
        if (y == 2024)
            ck_assert_int_eq(wres_report_get(r, 3, "", "", "first_year", &v), WRES_OK);
        wres_report_free(r);
    }
    /* the rejections themselves (with the values of the rows) stay home */
    ck_assert_uint_eq(wres_rejection_count(merged), 0);
    ck_assert_uint_eq(wres_rejection_count(full), 8);
    for (p = 0; p < 3; p++)
        free(sum[p]);
    wres_ctx_free(full);
    wres_ctx_free(merged);
    free_parts();
}
END_TEST

START_TEST(summary_holds_no_ids_or_values)
{
    wres_ctx *ctx;
    const char *s;
    size_t len;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "staff.csv",
                               "staff_id,year,org,ethnicity,band,staff_group,Notes\n"
                               "EMP-7731,2024,RAB,A,5,clinical,lives on Elm Street\n"
                               "EMP-7732,2024,RAB,H,Band 99,clinical,x\n"),
                     WRES_OK);
    ck_assert_int_eq(wres_summary_save_buffer(ctx, &s, &len), WRES_OK);
    ck_assert_ptr_null(strstr(s, "EMP-77"));
    ck_assert_ptr_null(strstr(s, "Elm"));
    ck_assert_ptr_null(strstr(s, "Band 99"));
    /* the header names of ignored columns are kept (the report shows them) */
    ck_assert_ptr_nonnull(strstr(s, "\nignored =Notes\n"));
    /* worked by hand: one source (staff, no error, 2 read, 1 accepted, 1
     * rejected for unknown_band, reason 8), one period */
    ck_assert_ptr_nonnull(strstr(s, "\nexact\nsource 1 0 2 1 1 =staff.csv\nreason 8 1\n"));
    ck_assert_ptr_nonnull(strstr(s, "\nperiod 2024 =RAB\nstaff 1 1 0 0\nhead 1 5 0 1 0 0\n"
                                    "applicants 0\nsurvey 0\nquestion 0 0 0\n"));
    ck_assert(strncmp(s, "wres-summary 1\nchecksum fnv1a64 ", 32) == 0);
    ck_assert(len > 10 && strcmp(s + len - 4, "end\n") == 0);
    wres_ctx_free(ctx);
}
END_TEST

/* An independent FNV-1a (64-bit) to make summaries by hand. */
static char *with_checksum(const char *body)
{
    uint64_t h = 14695981039346656037u;
    size_t i, n = strlen(body);
    char *out = malloc(n + 100);

    for (i = 0; i < n; i++) {
        h ^= (unsigned char)body[i];
        h *= 1099511628211u;
    }
    sprintf(out, "wres-summary 1\nchecksum fnv1a64 %016llx %zu\n%s", (unsigned long long)h,
            n, body);
    return out;
}

/* The handle's state as text: every report of every period, the sources. */
static char *state(wres_ctx *ctx)
{
    size_t cap = 1 << 20, len = 0, i, n = wres_period_count(ctx);
    char *s = malloc(cap);

    len += (size_t)snprintf(s, cap, "%zu files, %zu periods\n", wres_file_count(ctx), n);
    for (i = 0; i < n; i++) {
        const char *org, *out;
        int64_t y;
        size_t ol;
        wres_report *r;
        ck_assert_int_eq(wres_period_get(ctx, i, &org, &y), WRES_OK);
        ck_assert_int_eq(wres_report_new(ctx, org, y, &r), WRES_OK);
        ck_assert_int_eq(wres_report_render(r, WRES_FORMAT_JSON, &out, &ol), WRES_OK);
        while (len + ol + 1 > cap)
            s = realloc(s, cap *= 2);
        memcpy(s + len, out, ol + 1);
        len += ol;
        wres_report_free(r);
    }
    return s;
}

static const char *const good_body =
    "exact\n"
    "source 1 0 3 2 1 =hr%20export.csv\n"
    "reason 8 1\n"
    "period 2024 =RAB\n"
    "staff 2 2 1 0\n"
    "head 1 5 0 1 1 0\n"
    "head 1 6 7 1 0 0\n"
    "applicants 0\n"
    "survey 0\n"
    "question 0 0 0\n"
    "question 1 0 0\n"
    "question 2 0 0\n"
    "question 3 0 0\n"
    "board 0\n"
    "end\n";

START_TEST(hand_made_summary)
{
    wres_ctx *ctx;
    wres_report *r;
    char *s = with_checksum(good_body);
    const char *path;
    int64_t rows;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_BOARD, "b.csv",
                               "year,org,ethnicity,voting,executive\n2024,RAB,A,yes,no\n"),
                     WRES_OK);
    ck_assert_int_eq(wres_summary_load_buffer(ctx, "hand.sum", s, strlen(s)), WRES_OK);
    ck_assert_int_eq(wres_file_get(ctx, 1, &path, NULL, &rows, NULL, NULL, NULL), WRES_OK);
    ck_assert_str_eq(path, "hr export.csv");
    ck_assert_int_eq(rows, 3);
    ck_assert_int_eq(wres_report_new(ctx, "RAB", 2024, &r), WRES_OK);
    /* clinical Band 5 white 1, clinical Band 6 BME (code H, slot 7) 1 */
    ck_assert_double_eq(tu_get(r, 1, "workforce", "white", "count"), 1);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "bme", "count"), 1);
    ck_assert_double_eq(tu_get(r, 3, "", "white", "events"), 1);
    ck_assert_double_eq(tu_get(r, 9, "board", "white", "count"), 1);
    ck_assert_double_eq(tu_get(r, 0, "hr export.csv", "staff", "rejected_unknown_band"), 1);
    wres_report_free(r);
    wres_ctx_free(ctx);
    free(s);
}
END_TEST

/* Load bad into a handle holding data: refused with status want, a
 * message naming the file, line and reason, and nothing changed. */
static void refused(wres_ctx *ctx, const char *before, const char *bad, size_t len,
                    int want, const char *msg)
{
    char *after;
    int rv = wres_summary_load_buffer(ctx, "bad.sum", bad, len);

    ck_assert_msg(rv == want, "status %d, want %d (%s)", rv, want, wres_errmsg(ctx));
    if (msg)
        ck_assert_msg(strstr(wres_errmsg(ctx), msg) != NULL, "message '%s', want '%s'",
                      wres_errmsg(ctx), msg);
    after = state(ctx);
    ck_assert_str_eq(after, before);
    free(after);
}

START_TEST(bad_summaries_change_nothing)
{
    wres_ctx *ctx, *src;
    char *good, *before, *bad;
    size_t len, i;
    struct {
        const char *from, *to, *msg;
    } edits[] = {
        {"head 1 5 0 1 1 0\n", "head 1 5 0 1 2 0\n",
         "bad.sum:6: more disciplinary or training entries than staff in a cell"},
        {"staff 2 2 1 0\n", "staff 2 3 1 0\n",
         "bad.sum:6: the staff cells do not add up"},
        {"head 1 6 7 1 0 0\n", "head 1 5 0 1 0 0\n", "bad.sum:9: cells out of order"},
        {"reason 8 1\n", "", "bad.sum:5: a source's reasons do not add up"},
        {"source 1 0 3 2 1", "source 1 0 3 2 2", "bad.sum:4: rows read are not"},
        {"source 1 0", "source 6 0", "bad.sum:4: a value outside 1..5"},
        {"period 2024", "period 1800", "bad.sum:6: a value outside 1900..2100"},
        {"=RAB", "=R%00B", "bad.sum:6: a bad '%' escape"},
        {"=RAB", "=R%FFB", "not UTF-8"},
        {"question 3 0 0\n", "", "bad.sum:15: 'board' out of place"},
        {"end\n", "", "no 'end' line"},
        {"end\n", "end\nend\n", "text after 'end'"},
        {"exact\n", "publication-safe 7 5\n", "bad.sum:3: a publication-safe summary"},
        {"board 0\n", "board 0\nmember 0 0 0 *\n", "a suppressed count"},
        {"staff 2 2", "staff  2 2", "an empty field"},
        {"board 0\n", "board 01\n", "not a count"},
        {"board 0\n", "board 0\nmember 0 0 0 1\n", "the board members do not add up"},
        {"applicants 0\n", "applicants 9223372036854775808\n", "a count above 2^63-1"},
        {"survey 0\n", "survey 0\nweather 1\n", "unknown line 'weather'"},
    };

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s.csv",
                               "staff_id,year,org,ethnicity,band,staff_group\n"
                               "1,2023,RAB,A,5,clinical\n2,2024,RZZ,N,7,medical\n"),
                     WRES_OK);
    before = state(ctx);

    /* edits of a good body, each with a valid checksum */
    for (i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        char body[2048], *at = strstr(good_body, edits[i].from);
        ck_assert_ptr_nonnull(at);
        snprintf(body, sizeof body, "%.*s%s%s", (int)(at - good_body), good_body,
                 edits[i].to, at + strlen(edits[i].from));
        bad = with_checksum(body);
        refused(ctx, before, bad, strlen(bad), WRES_E_FORMAT, edits[i].msg);
        free(bad);
    }

    /* a summary of real data: future version, corrupt, truncated, extended */
    ck_assert_int_eq(wres_ctx_new(&src), WRES_OK);
    ck_assert_int_eq(tu_ingest(src, WRES_KIND_STAFF, "t.csv",
                               "staff_id,year,org,ethnicity,band,staff_group,training\n"
                               "1,2024,RAB,A,5,clinical,yes\n2,2024,RAB,H,5,clinical,no\n"
                               "3,2023,RAB,Z,8a,non-clinical,no\n"),
                     WRES_OK);
    good = summary_of(src, &len);
    wres_ctx_free(src);
    bad = malloc(len + 16);
    memcpy(bad, good, len + 1);
    bad[13] = '2';
    refused(ctx, before, bad, len, WRES_E_FORMAT,
            "bad.sum:1: summary format version 2 is newer than this libwres reads (1)");
    bad = realloc(bad, len + 16);
    sprintf(bad, "wres-summary 10\n%s", strchr(good, '\n') + 1);
    refused(ctx, before, bad, len + 1, WRES_E_FORMAT, "version 10 is newer");
    refused(ctx, before, "hello\n", 6, WRES_E_FORMAT, "bad.sum:1: not a wres summary");
    refused(ctx, before, "", 0, WRES_E_FORMAT, "bad.sum:1: not a wres summary");
    memcpy(bad, good, len + 1);
    memcpy(bad + len, "x\n", 3);
    refused(ctx, before, bad, len + 2, WRES_E_FORMAT, "bad.sum:2: 2 bytes after the end");
    /* every truncation */
    for (i = 0; i < len; i++)
        refused(ctx, before, good, i, WRES_E_FORMAT, i > 40 ? "bad.sum:" : NULL);
    refused(ctx, before, good, len - 5, WRES_E_FORMAT,
            "bad.sum:2: the summary is truncated: its body has");
    /* a flip of each bit of each byte */
    for (i = 0; i < len * 8; i++) {
        memcpy(bad, good, len + 1);
        bad[i / 8] ^= (char)(1 << (i % 8));
        refused(ctx, before, bad, len, WRES_E_FORMAT, "bad.sum:");
    }
    memcpy(bad, good, len + 1);
    bad[len - 10] ^= 4;
    refused(ctx, before, bad, len, WRES_E_FORMAT, "bad.sum:2: checksum mismatch");

    /* and the good one goes in */
    ck_assert_int_eq(wres_summary_load_buffer(ctx, "good.sum", good, len), WRES_OK);
    ck_assert_uint_eq(wres_file_count(ctx), 2);
    free(bad);
    free(good);
    free(before);
    wres_ctx_free(ctx);
}
END_TEST

START_TEST(overflow_is_refused)
{
    wres_ctx *ctx;
    char *s = with_checksum("exact\n"
                            "period 2024 =RAB\n"
                            "staff 0 0 0 0\n"
                            "applicants 0\n"
                            "survey 0\n"
                            "question 0 1 9223372036854775807\n"
                            "answers 17 9223372036854775807 5\n"
                            "question 1 0 0\n"
                            "question 2 0 0\n"
                            "question 3 0 0\n"
                            "board 0\n"
                            "end\n");
    char *before;

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_summary_load_buffer(ctx, "big.sum", s, strlen(s)), WRES_OK);
    before = state(ctx);
    refused(ctx, before, s, strlen(s), WRES_E_RANGE,
            "bad.sum: merging organisation 'RAB' year 2024 would make a count above 2^63-1");
    free(before);
    free(s);
    wres_ctx_free(ctx);
}
END_TEST

static unsigned rnd(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005u + 1442695040888963407u;
    return (unsigned)(*seed >> 33);
}

/* A dataset of many organisations and years, made here: staff (with
 * training and disciplinary columns), applicants, survey counts, board. */
static void gen_org(char *staff, char *app, char *sc, char *board, int org,
                    uint64_t *seed)
{
    static const char *const eth[] = {"A", "B", "C", "H", "J", "N", "M", "R", "Z", "D"};
    static const char *const band[] = {"3", "5", "6", "8a", "8c", "VSM", "Consultant"};
    static const char *const grp[] = {"clinical", "non-clinical", "medical"};
    int y, i, n;

#define RND() rnd(seed)
    for (y = 2022; y <= 2024; y++) {
        n = 5 + (int)(RND() % 60);
        for (i = 0; i < n; i++)
            staff += sprintf(staff, "S%d-%d,%d,R%02d,%s,%s,%s,%s,%s,%s\n", org, i, y, org,
                             eth[RND() % 10], band[RND() % 7], grp[RND() % 3],
                             RND() % 9 ? "no" : "yes", RND() % 2 ? "yes" : "no",
                             RND() % 15 ? "no" : "yes");
        for (i = 0; i < n / 2; i++) {
            int sl = RND() % 2, ap = sl && RND() % 3 == 0;
            app += sprintf(app, "A%d-%d-%d,P%d,%d,R%02d,%s,%s,%s\n", org, y, i, i % 4, y,
                           org, eth[RND() % 10], sl ? "yes" : "no", ap ? "yes" : "no");
        }
        for (i = 5; i <= 8; i++) {
            int w = (int)(RND() % 200), b = (int)(RND() % 80);
            sc += sprintf(sc, "%d,R%02d,White,%d,%d,%d\n%d,R%02d,BME,%d,%d,%d\n", y, org, i,
                          w / 3, w, y, org, i, b / 4, b);
        }
        for (i = 0; i < 8; i++)
            board += sprintf(board, "B%d-%d,%d,R%02d,%s,%s,%s\n", org, i, y, org,
                             eth[RND() % 10], RND() % 2 ? "yes" : "no",
                             RND() % 2 ? "yes" : "no");
    }
#undef RND
}

START_TEST(many_orgs_split_by_org)
{
    enum { ORGS = 50, PARTS = 4 };
    static const char *const headers[5] = {
        "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank\n",
        "applicant_id,post_id,year,org,ethnicity,shortlisted,appointed\n",
        "", "year,org,group,indicator,yes,respondents\n",
        "member_id,year,org,ethnicity,voting,executive\n"};
    char *buf[PARTS][5];
    wres_ctx *full, *merged, *pub;
    uint64_t seed = 42;
    int p, k, o;
    const char *s;
    size_t len;

    for (p = 0; p < PARTS; p++)
        for (k = 0; k < 5; k++) {
            buf[p][k] = malloc(1 << 20);
            strcpy(buf[p][k], headers[k]);
        }
    for (o = 0; o < ORGS; o++) {
        p = o % PARTS;
        gen_org(buf[p][0] + strlen(buf[p][0]), buf[p][1] + strlen(buf[p][1]),
                buf[p][3] + strlen(buf[p][3]), buf[p][4] + strlen(buf[p][4]), o, &seed);
    }
    ck_assert_int_eq(wres_ctx_new(&full), WRES_OK);
    ck_assert_int_eq(wres_ctx_new(&merged), WRES_OK);
    for (p = 0; p < PARTS; p++) {
        wres_ctx *part;
        ck_assert_int_eq(wres_ctx_new(&part), WRES_OK);
        for (k = 0; k < 5; k++) {
            char name[32];
            if (k == 2)
                continue;
            snprintf(name, sizeof name, "%s-%d.csv", kind_file[k], p);
            ck_assert_int_eq(tu_ingest(full, kinds[k], name, buf[p][k]), WRES_OK);
            ck_assert_int_eq(tu_ingest(part, kinds[k], name, buf[p][k]), WRES_OK);
        }
        ck_assert_int_eq(wres_summary_save_buffer(part, &s, &len), WRES_OK);
        ck_assert_int_eq(wres_summary_load_buffer(merged, "part.sum", s, len), WRES_OK);
        wres_ctx_free(part);
    }
    ck_assert_uint_eq(wres_period_count(full), ORGS * 3);
    same_reports(full, merged);
    /* and a summary of the merged handle is the summary of the whole */
    {
        char *a, *b;
        size_t la, lb;
        a = summary_of(full, &la);
        b = summary_of(merged, &lb);
        ck_assert_uint_eq(la, lb);
        ck_assert_str_eq(a, b);
        free(a);
        free(b);
    }
    /* publication-safe: marked, no small count in it, refused by the loader */
    ck_assert_int_eq(wres_ctx_set_int(full, WRES_OPT_PUBLISH, 1), WRES_OK);
    ck_assert_int_eq(wres_summary_save_buffer(full, &s, &len), WRES_OK);
    ck_assert_ptr_nonnull(strstr(s, "\npublication-safe 7 5\n"));
    ck_assert_ptr_nonnull(strstr(s, " *"));
    {
        /* every count field of the body is 0, '*' or a multiple of 5
         * (codes, years and flags are not counts: the first numbers of
         * the keyed lines, and the flags of staff and question) */
        const char *l = strstr(s, "\npublication-safe") + 1;
        int lines = 0;
        while ((l = strchr(l, '\n')) != NULL && *++l) {
            char kw[16];
            int skip, f = 0;
            const char *q = l;
            sscanf(l, "%15s", kw);
            skip = !strcmp(kw, "head") ? 3 : !strcmp(kw, "member") ? 3
                   : !strcmp(kw, "question") ? 2 : !strcmp(kw, "source") ? 2
                   : !strcmp(kw, "reason") || !strcmp(kw, "bank") || !strcmp(kw, "app") ||
                           !strcmp(kw, "answers") ? 1
                   : !strcmp(kw, "period") || !strcmp(kw, "ignored") ? 99 : 0;
            while ((q = strchr(q, ' ')) != NULL && q < strchr(l, '\n')) {
                long long v;
                q++;
                f++;
                if (f <= skip || (!strcmp(kw, "staff") && f > 2) || *q == '=' || *q == '*')
                    continue;
                ck_assert_int_eq(sscanf(q, "%lld", &v), 1);
                ck_assert_msg(v == 0 || (v % 5 == 0 && v > 7), "line %d: %s", lines, kw);
            }
            lines++;
        }
        ck_assert_int_gt(lines, 1000);
    }
    ck_assert_int_eq(wres_ctx_new(&pub), WRES_OK);
    ck_assert_int_eq(wres_summary_load_buffer(pub, "pub.sum", s, len), WRES_E_FORMAT);
    ck_assert_ptr_nonnull(strstr(wres_errmsg(pub), "pub.sum:3: a publication-safe summary"));
    ck_assert_uint_eq(wres_file_count(pub), 0);
    wres_ctx_free(pub);
    /* publish governs reports from the merged handle just as from any */
    ck_assert_int_eq(wres_ctx_set_int(merged, WRES_OPT_PUBLISH, 1), WRES_OK);
    same_reports(full, merged);

    for (p = 0; p < PARTS; p++)
        for (k = 0; k < 5; k++)
            free(buf[p][k]);
    wres_ctx_free(full);
    wres_ctx_free(merged);
}
END_TEST

START_TEST(files_and_arguments)
{
    wres_ctx *a, *b;
    char path[] = "/tmp/wres-summary-XXXXXX";
    int fd = mkstemp(path);
    const char *s;

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(wres_ctx_new(&a), WRES_OK);
    ck_assert_int_eq(wres_ctx_new(&b), WRES_OK);
    ck_assert_int_eq(tu_ingest(a, WRES_KIND_BOARD, "b.csv",
                               "year,ethnicity,voting,executive\n2024,A,yes,no\n2024,H,no,yes\n"),
                     WRES_OK);
    ck_assert_int_eq(wres_summary_save(a, path), WRES_OK);
    ck_assert_int_eq(wres_summary_load(b, path), WRES_OK);
    same_reports(a, b);
    ck_assert_int_eq(wres_summary_load(b, "/nonexistent/x.sum"), WRES_E_IO);
    ck_assert_ptr_nonnull(strstr(wres_errmsg(b), "/nonexistent/x.sum: cannot be read"));
    ck_assert_int_eq(wres_summary_save(b, "/nonexistent/x.sum"), WRES_E_IO);
    ck_assert_int_eq(wres_summary_save(NULL, path), WRES_E_INVALID);
    ck_assert_int_eq(wres_summary_save(a, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_summary_load(NULL, path), WRES_E_INVALID);
    ck_assert_int_eq(wres_summary_load(a, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_summary_save_buffer(NULL, &s, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_summary_save_buffer(a, NULL, NULL), WRES_E_INVALID);
    ck_assert_int_eq(wres_summary_load_buffer(NULL, "x", "", 0), WRES_E_INVALID);
    ck_assert_int_eq(wres_summary_load_buffer(a, "x", NULL, 3), WRES_E_INVALID);
    /* an empty handle's summary: no sources, no periods */
    {
        wres_ctx *c;
        size_t len;
        ck_assert_int_eq(wres_ctx_new(&c), WRES_OK);
        ck_assert_int_eq(wres_summary_save_buffer(c, &s, &len), WRES_OK);
        ck_assert_str_eq(s, "wres-summary 1\nchecksum fnv1a64 "
                            "aee96280d73192a7 10\nexact\nend\n");
        ck_assert_int_eq(wres_summary_load_buffer(b, "empty", s, len), WRES_OK);
        wres_ctx_free(c);
    }
    close(fd);
    unlink(path);
    wres_ctx_free(a);
    wres_ctx_free(b);
}
END_TEST


/* ---- breakdown counts (deep dives) ------------------------------------------ */

/* A dataset with breakdown columns: staff with directorate and length of
 * service, applicants with post_band and directorate (some values empty
 * or unreadable), and a board; rows of (org, year) go to part
 * (org + year) % 3, so that each organisation and each year is split. */
static void gen_bd(char *buf[3][3], int orgs, uint64_t *seed)
{
    static const char *const eth[] = {"A", "B", "H", "J", "N", "M", "R", "Z", "D", "S"};
    static const char *const band[] = {"3", "5", "6", "8a", "Consultant"};
    static const char *const grp[] = {"clinical", "non-clinical", "medical"};
    static const char *const dir[] = {"Surgery", "Medicine", "Estates, Facilities",
                                      "", "Women's & Children's"};
    static const char *const pband[] = {"Band 5", "6", "8a", "", "Band 99"};
    static const char *const los[] = {"0.5", "2", "4", "7", "15", "", "n/a", "30.25"};
    int o, y, i, n;

#define RND() rnd(seed)
    for (o = 0; o < orgs; o++)
        for (y = 2022; y <= 2024; y++) {
            int p = (o + y) % 3;
            char *st = buf[p][0] + strlen(buf[p][0]);
            char *ap = buf[p][1] + strlen(buf[p][1]);
            char *bo = buf[p][2] + strlen(buf[p][2]);
            n = 20 + (int)(RND() % 60);
            for (i = 0; i < n; i++)
                st += sprintf(st, "S%d-%d,%d,R%02d,%s,%s,%s,%s,%s,%s,\"%s\",%s\n", o, i, y, o,
                              eth[RND() % 10], band[RND() % 5], grp[RND() % 3],
                              RND() % 6 ? "no" : "yes", RND() % 2 ? "yes" : "no",
                              RND() % 12 ? "no" : "yes", dir[RND() % 5], los[RND() % 8]);
            for (i = 0; i < n; i++) {
                int sl = RND() % 2, a = sl && RND() % 3 == 0;
                ap += sprintf(ap, "A%d-%d-%d,P%d,%d,R%02d,%s,%s,%s,%s,\"%s\"\n", o, y, i, i % 5,
                              y, o, eth[RND() % 10], sl ? "yes" : "no", a ? "yes" : "no",
                              pband[RND() % 5], dir[RND() % 5]);
            }
            for (i = 0; i < 6; i++)
                bo += sprintf(bo, "B%d-%d,%d,R%02d,%s,yes,%s\n", o, i, y, o, eth[RND() % 10],
                              RND() % 2 ? "yes" : "no");
        }
#undef RND
}

static const char *const bd_headers[3] = {
    ("staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank,directorate,"
     "length_of_service\n"),
    "applicant_id,post_id,year,org,ethnicity,shortlisted,appointed,post_band,directorate\n",
    "member_id,year,org,ethnicity,voting,executive\n"};
static const int bd_kinds[3] = {WRES_KIND_STAFF, WRES_KIND_APPLICANTS, WRES_KIND_BOARD};

/* A handle with breakdowns (NULL-terminated), groups and trends as asked. */
static wres_ctx *bd_ctx(const char *const *bds, int groups_trend)
{
    wres_ctx *ctx;
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    for (; bds && *bds; bds++)
        ck_assert_msg(wres_ctx_add_breakdown(ctx, *bds) == WRES_OK, "%s", wres_errmsg(ctx));
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_GROUPS, groups_trend), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_TREND, groups_trend), WRES_OK);
    return ctx;
}

static void bd_ingest(wres_ctx *ctx, char *buf[3][3], int p)
{
    char name[32];
    int k;
    for (k = 0; k < 3; k++) {
        snprintf(name, sizeof name, "bd%d-%d.csv", k, p);
        ck_assert_msg(tu_ingest(ctx, bd_kinds[k], name, buf[p][k]) == WRES_OK, "%s: %s", name,
                      wres_errmsg(ctx));
    }
}

/* Whether some report of ctx has a breakdown cell keyed by value. */
static int has_cell(wres_ctx *ctx, const char *value)
{
    wres_report *r;
    const char *org;
    int64_t y;
    int found;
    ck_assert_int_eq(wres_period_get(ctx, 0, &org, &y), WRES_OK);
    ck_assert_int_eq(wres_report_new(ctx, org, y, &r), WRES_OK);
    found = strstr(tu_render(r, WRES_FORMAT_JSON), value) != NULL;
    wres_report_free(r);
    return found;
}

START_TEST(breakdowns_split_by_org_and_year)
{
    static const char *const all[] = {"band,staff_group", "directorate", "length_of_service",
                                      "band,directorate", NULL};
    static const char *const some[] = {"band,staff_group", NULL};
    static const char *const dir[] = {"directorate", NULL};
    char *buf[3][3], *sum[3], *a, *b;
    size_t len[3], la, lb;
    wres_ctx *full, *merged, *part, *fsome, *msome, *fnone, *mnone;
    uint64_t seed = 7;
    int p, k, gt;

    for (p = 0; p < 3; p++)
        for (k = 0; k < 3; k++) {
            buf[p][k] = malloc(1 << 20);
            strcpy(buf[p][k], bd_headers[k]);
        }
    gen_bd(buf, 8, &seed);
    for (p = 0; p < 3; p++) {
        part = bd_ctx(all, 0);
        bd_ingest(part, buf, p);
        sum[p] = summary_of(part, &len[p]);
        ck_assert_ptr_nonnull(strstr(sum[p], "\nexact\ndimensions =staff_group =band "
                                             "=directorate =length_of_service\n"
                                             "service-bands 1 3 6 11\nsource "));
        ck_assert_ptr_nonnull(strstr(sum[p], "\ncell 2 "));
        wres_ctx_free(part);
    }
    /* every breakdown, with groups and trends off and on: byte for byte */
    for (gt = 0; gt <= 1; gt++) {
        full = bd_ctx(all, gt);
        merged = bd_ctx(all, gt);
        for (p = 0; p < 3; p++) {
            bd_ingest(full, buf, p);
            ck_assert_msg(wres_summary_load_buffer(merged, "part.sum", sum[p], len[p]) ==
                              WRES_OK, "%s", wres_errmsg(merged));
        }
        ck_assert_uint_eq(wres_period_count(full), 8 * 3);
        same_reports(full, merged);
        /* the cells are there (not merely equal and empty): a directorate
         * with a comma, and the unreadable service and post band */
        ck_assert(has_cell(merged, "\"directorate\": \"Estates, Facilities\""));
        ck_assert(has_cell(merged, "\"length_of_service\": \"(invalid)\""));
        ck_assert(has_cell(merged, "\"band\": \"(invalid)\""));
        /* and a summary of the merged handle is the summary of the whole */
        a = summary_of(full, &la);
        b = summary_of(merged, &lb);
        ck_assert_str_eq(a, b);
        free(a);
        free(b);
        wres_ctx_free(full);
        wres_ctx_free(merged);
    }
    /* a handle keeping fewer dimensions sums the others away; one keeping
     * none ignores the cells */
    fsome = bd_ctx(some, 1);
    msome = bd_ctx(some, 1);
    fnone = bd_ctx(NULL, 1);
    mnone = bd_ctx(NULL, 1);
    for (p = 0; p < 3; p++) {
        bd_ingest(fsome, buf, p);
        bd_ingest(fnone, buf, p);
        ck_assert_int_eq(wres_summary_load_buffer(msome, "part.sum", sum[p], len[p]), WRES_OK);
        ck_assert_int_eq(wres_summary_load_buffer(mnone, "part.sum", sum[p], len[p]), WRES_OK);
    }
    same_reports(fsome, msome);
    same_reports(fnone, mnone);
    a = summary_of(fsome, &la);
    b = summary_of(msome, &lb);
    ck_assert_str_eq(a, b);
    ck_assert_ptr_nonnull(strstr(a, "\nexact\ndimensions =staff_group =band\nsource "));
    free(a);
    free(b);
    a = summary_of(mnone, &la);
    ck_assert_ptr_null(strstr(a, "dimensions"));
    ck_assert_ptr_null(strstr(a, "\ncell "));
    free(a);
    /* summaries with only (staff_group, band) merge into a handle that
     * keeps only those: twice removed, still the same */
    wres_ctx_free(msome);
    msome = bd_ctx(some, 1);
    {
        wres_ctx *dsome = bd_ctx(dir, 1);
        for (p = 0; p < 3; p++) {
            part = bd_ctx(some, 0);
            ck_assert_int_eq(wres_summary_load_buffer(part, "part.sum", sum[p], len[p]),
                             WRES_OK);
            a = summary_of(part, &la);
            ck_assert_int_eq(wres_summary_load_buffer(msome, "again.sum", a, la), WRES_OK);
            /* ... but not into one that keeps a directorate */
            ck_assert_int_eq(wres_summary_load_buffer(dsome, "again.sum", a, la),
                             WRES_E_FORMAT);
            ck_assert_ptr_nonnull(strstr(wres_errmsg(dsome), "no breakdown counts by "
                                                             "'directorate'"));
            free(a);
            wres_ctx_free(part);
        }
        ck_assert_uint_eq(wres_period_count(dsome), 0);
        ck_assert_uint_eq(wres_file_count(dsome), 0);
        wres_ctx_free(dsome);
    }
    same_reports(fsome, msome);
    wres_ctx_free(fsome);
    wres_ctx_free(msome);
    wres_ctx_free(fnone);
    wres_ctx_free(mnone);
    for (p = 0; p < 3; p++) {
        free(sum[p]);
        for (k = 0; k < 3; k++)
            free(buf[p][k]);
    }
}
END_TEST

/* Worked by hand: three staff in cells (a fourth is bank-only, in none)
 * and three applicants, by directorate; the cells sorted bytewise
 * ('(' before letters), codes A = 0, H = 7, N = 12, unknown = 16. */
static const char *const bd_staff =
    "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank,directorate\n"
    "1,2024,RAB,A,5,clinical,yes,no,no,Surgery\n"
    "2,2024,RAB,A,Band 5,clinical,no,yes,no,Surgery\n"
    "3,2024,RAB,H,5,clinical,no,no,no,\n"
    "4,2024,RAB,N,6,medical,no,no,yes,Surgery\n";
static const char *const bd_app =
    "applicant_id,post_id,year,org,ethnicity,shortlisted,appointed,post_band,directorate\n"
    "a1,p1,2024,RAB,A,yes,yes,Band 5,Surgery\n"
    "a2,p1,2024,RAB,H,yes,no,5,Surgery\n"
    "a3,p2,2024,RAB,Z,no,no,,\n";
static const char *const bd_body =
    "exact\n"
    "dimensions =staff_group =band =directorate\n"
    "period 2024 =RAB\n"
    "staff 4 3 1 1\n"
    "head 1 5 0 2 1 1\n"
    "head 1 5 7 1 0 0\n"
    "bank 12 1\n"
    "applicants 3\n"
    "app 0 1 1 1\n"
    "app 7 1 1 0\n"
    "app 16 1 0 0\n"
    "survey 0\n"
    "question 0 0 0\n"
    "question 1 0 0\n"
    "question 2 0 0\n"
    "question 3 0 0\n"
    "board 0\n"
    "cell 1 =clinical =Band%205 =(missing)\n"
    "count 7 1 0 0\n"
    "cell 1 =clinical =Band%205 =Surgery\n"
    "count 0 2 1 1\n"
    "cell 2 =(missing) =(missing) =(missing)\n"
    "count 16 1 0 0\n"
    "cell 2 =(missing) =Band%205 =Surgery\n"
    "count 0 1 1 1\n"
    "count 7 1 1 0\n"
    "end\n";

START_TEST(breakdown_cells_by_hand)
{
    static const char *const dir[] = {"directorate", NULL};
    wres_ctx *ctx = bd_ctx(dir, 0), *hand = bd_ctx(dir, 0);
    const char *s, *at;
    char *sum = with_checksum(bd_body);
    size_t len;
    wres_report *r;

    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s.csv", bd_staff), WRES_OK);
    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_APPLICANTS, "a.csv", bd_app), WRES_OK);
    ck_assert_int_eq(wres_summary_save_buffer(ctx, &s, &len), WRES_OK);
    ck_assert_ptr_nonnull(strstr(s, "\nexact\ndimensions =staff_group =band =directorate\n"));
    at = strstr(s, "\nperiod 2024 =RAB\n");
    ck_assert_ptr_nonnull(at);
    ck_assert_str_eq(at + 1, strstr(bd_body, "period 2024"));
    /* the hand-made summary (no sources) gives the same cells */
    ck_assert_int_eq(wres_summary_load_buffer(hand, "hand.sum", sum, strlen(sum)), WRES_OK);
    ck_assert_int_eq(wres_report_new(hand, "RAB", 2024, &r), WRES_OK);
    /* indicator 3 by directorate: Surgery white 2 of whom 1 disciplined,
     * BME none; (missing) BME 1 (H) with none */
    ck_assert_double_eq(tu_get(r, 3, "breakdown/directorate=Surgery", "white", "n"), 2);
    ck_assert_double_eq(tu_get(r, 3, "breakdown/directorate=Surgery", "white", "events"), 1);
    ck_assert_double_eq(tu_get(r, 3, "breakdown/directorate=(missing)", "bme", "n"), 1);
    /* indicator 2 by directorate: Surgery white 1 shortlisted, 1 appointed */
    ck_assert_double_eq(tu_get(r, 2, "breakdown/directorate=Surgery", "white", "events"), 1);
    wres_report_free(r);
    wres_ctx_free(ctx);
    wres_ctx_free(hand);
    free(sum);
}
END_TEST

START_TEST(breakdown_refusals_change_nothing)
{
    static const char *const dir[] = {"directorate", NULL};
    static const char *const site[] = {"band", "site", NULL};
    static const char *const los[] = {"length_of_service", NULL};
    wres_ctx *ctx = bd_ctx(dir, 1), *other;
    char *before, *bad, *good;
    size_t i, len;
    struct {
        const char *from, *to, *msg;
    } edits[] = {
        {"count 0 2 1 1\n", "count 0 2 3 1\n", "bad.sum:23: more disciplinary or training"},
        {"count 0 2 1 1\n", "count 0 1 1 1\n",
         "bad.sum:5: the staff cells do not add up to the staff counts"},
        {"count 16 1 0 0\n", "count 15 1 0 0\n",
         "bad.sum:5: the applicant cells do not add up to the applicant counts"},
        {"count 7 1 1 0\n", "count 7 1 0 1\n", "appointed than shortlisted, in a cell"},
        {"=(missing)\ncount 7", "=Zebra\ncount 7", "bad.sum:22: cells out of order, or repeated"},
        {"cell 2 =(missing) =(missing)", "cell 2 =(missing) =Band%2099",
         "bad.sum:24: a cell's band that is not one"},
        {"cell 1 =clinical =Band%205 =(missing)", "cell 1 =surgical =Band%205 =(missing)",
         "bad.sum:20: a cell's staff group that is not one"},
        {"cell 1 =clinical =Band%205 =(missing)", "cell 1 =clinical =(missing) =(missing)",
         "a cell's band that is not one"},
        {"=Surgery\ncount 0 2", "=\ncount 0 2", "not UTF-8 of 1 to 1024 bytes"},
        {"count 16 1 0 0\n", "", "bad.sum:25: a cell with no 'count' line"},
        {"count 0 1 1 1\ncount 7 1 1 0\n", "", "bad.sum:27: a cell with no 'count' line"},
        {"count 0 1 1 1\n", "count 0 1 1 1\ncount 0 1 1 1\n", "counts out of order"},
        {"count 16 1 0 0\n", "count 16 0 0 0\n", "a count line with no rows"},
        {"dimensions =staff_group =band =directorate\n", "",
         "a cell, but no 'dimensions' line"},
        {"=staff_group =band", "=band =staff_group", "must start with staff_group and band"},
        {"=directorate\n", "=directorate =Directorate\n", "a dimension named twice"},
        {"=directorate\n", "=directorate =length_of_service\n",
         "bad.sum:5: no 'service-bands' line"},
        {"board 0\n", "board 0\ncount 1 1 0 0\n", "'count' out of place"},
        {"board 0\n", "board 0\ndimensions =staff_group =band\n", "'dimensions' out of place"},
        {"board 0\n", "board 0\nservice-bands 1\n", "'service-bands' out of place"},
        {"app 16 1 0 0\n", "app 16 1 0 0\ncell 2 =(missing) =(missing) =(missing)\n",
         "'cell' out of place"},
        {"cell 2 =(missing) =(missing) =(missing)", "cell 2 =(missing) =(missing)",
         "bad.sum:24: 4 fields where 'cell' has 5"},
        {"cell 2 ", "cell 3 ", "a value outside 1..2"},
    };

    ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "s.csv",
                               "staff_id,year,org,ethnicity,band,staff_group,directorate\n"
                               "1,2023,RAB,A,5,clinical,Surgery\n2,2024,RZZ,N,7,medical,\n"),
                     WRES_OK);
    before = state(ctx);
    for (i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        char body[4096], *at = strstr(bd_body, edits[i].from);
        ck_assert_msg(at != NULL, "%s", edits[i].from);
        snprintf(body, sizeof body, "%.*s%s%s", (int)(at - bd_body), bd_body, edits[i].to,
                 at + strlen(edits[i].from));
        bad = with_checksum(body);
        refused(ctx, before, bad, strlen(bad), WRES_E_FORMAT, edits[i].msg);
        free(bad);
    }
    /* a summary without the handle's dimension, or without breakdown
     * counts at all, cannot place its staff */
    good = with_checksum(bd_body);
    other = bd_ctx(site, 1);
    ck_assert_int_eq(tu_ingest(other, WRES_KIND_STAFF, "s.csv",
                               "staff_id,year,org,ethnicity,band,staff_group,site\n"
                               "1,2023,RAB,A,5,clinical,North\n"),
                     WRES_OK);
    free(before);
    before = state(other);
    refused(other, before, good, strlen(good), WRES_E_FORMAT,
            "bad.sum:5: the summary has no breakdown counts by 'site', which this handle "
            "keeps: the staff and applicants of organisation 'RAB' year 2024 cannot be placed");
    free(good);
    free(before);
    good = with_checksum(good_body);
    before = state(ctx);
    refused(ctx, before, good, strlen(good), WRES_E_FORMAT,
            "bad.sum:6: the summary has no breakdown counts (its handle named no breakdown), "
            "which this handle keeps (by staff_group, band, directorate)");
    free(good);
    /* ... but one with no staff and no applicants merges */
    good = with_checksum("exact\nperiod 2024 =RAB\nstaff 0 0 0 0\napplicants 0\nsurvey 0\n"
                         "question 0 0 0\nquestion 1 0 0\nquestion 2 0 0\nquestion 3 0 0\n"
                         "board 1\nmember 1 0 0 1\nend\n");
    ck_assert_int_eq(wres_summary_load_buffer(other, "board.sum", good, strlen(good)), WRES_OK);
    ck_assert_uint_eq(wres_period_count(other), 2);
    free(good);
    free(before);
    wres_ctx_free(other);

    /* length_of_service by other bands is refused; by the same, merged */
    {
        wres_ctx *src = bd_ctx(los, 0), *mine = bd_ctx(los, 0);
        const char *staff = "staff_id,year,org,ethnicity,band,staff_group,length_of_service\n"
                            "1,2024,RAB,A,5,clinical,2\n2,2024,RAB,H,5,clinical,12\n";
        char *body;
        ck_assert_int_eq(tu_ingest(src, WRES_KIND_STAFF, "s.csv", staff), WRES_OK);
        good = summary_of(src, &len);
        ck_assert_ptr_nonnull(strstr(good, "\ncell 1 =clinical =Band%205 =1-2\ncount 0 1 0 0\n"
                                           "cell 1 =clinical =Band%205 =>10\n"
                                           "count 7 1 0 0\n"));
        ck_assert_int_eq(wres_ctx_set_string(mine, WRES_OPT_SERVICE_BANDS, "1,2,5"), WRES_OK);
        ck_assert_int_eq(tu_ingest(mine, WRES_KIND_STAFF, "m.csv",
                                   "staff_id,year,org,ethnicity,band,staff_group,"
                                   "length_of_service\n9,2024,RAB,A,6,clinical,3\n"),
                         WRES_OK);
        before = state(mine);
        refused(mine, before, good, len, WRES_E_FORMAT,
                "bad.sum:5: the summary's length_of_service bands start at 1,3,6,11 years, "
                "this handle's at 1,2,5");
        free(before);
        /* a label that is not one of its bands */
        body = strdup(strstr(good, "\nexact\n") + 1);
        memcpy(strstr(body, "=1-2\n"), "=1-3\n", 5);
        bad = with_checksum(body);
        before = state(src);
        refused(src, before, bad, strlen(bad), WRES_E_FORMAT,
                "a cell's length_of_service that is not one of the service bands");
        free(before);
        free(bad);
        free(body);
        ck_assert_int_eq(wres_summary_load_buffer(src, "same.sum", good, len), WRES_OK);
        ck_assert_uint_eq(wres_file_count(src), 2);
        free(good);
        wres_ctx_free(src);
        wres_ctx_free(mine);
    }
    wres_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("summary");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, sample_split_by_year);
    tcase_add_test(tc, summary_holds_no_ids_or_values);
    tcase_add_test(tc, hand_made_summary);
    tcase_add_test(tc, bad_summaries_change_nothing);
    tcase_add_test(tc, overflow_is_refused);
    tcase_add_test(tc, many_orgs_split_by_org);
    tcase_add_test(tc, files_and_arguments);
    tcase_add_test(tc, breakdowns_split_by_org_and_year);
    tcase_add_test(tc, breakdown_cells_by_hand);
    tcase_add_test(tc, breakdown_refusals_change_nothing);
    suite_add_tcase(s, tc);
    return tu_run(s) ? 1 : 0;
}
