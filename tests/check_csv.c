/*
 * check_csv.c - the "csv" suite: the CSV dialect of DATA.md seen through
 * the public API, by ingesting small staff and board buffers: the BOM,
 * line endings and physical line numbers, quoting (commas, "" escapes,
 * line breaks inside quotes, spaces before an opening quote, literal
 * quotes in unquoted fields, text after a closing quote), blank lines,
 * lines of commas, the header (trimmed, case-insensitive, any order,
 * ignored columns), value trimming, the 1024-byte field limit and UTF-8.
 *
 * Each table row is one buffer with the rejections, counts, ignored
 * columns and report figures written by hand from DATA.md; every run
 * also checks rows_read = rows_accepted + rows_rejected and the per-reason
 * counts.  Buffers that need 1024-byte fields are built at run time and
 * go through the same checker.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MAX_REJ 12
#define MAX_IGN 8
#define MAX_FIG 6
#define IS_NULL (-1.0e300)  /* a figure value meaning "must be null" */
#define YEAR 2024

/* "staff" and "board" headers with only the required columns */
#define SH "staff_id,ethnicity,band,staff_group"
#define BH "member_id,ethnicity,voting,executive"

struct rej {
    int line;               /* 0 ends the list */
    const char *column;
    int reason;
};

struct fig {
    int ind;
    const char *part;
    const char *group;
    const char *measure;    /* NULL ends the list */
    double value;           /* or IS_NULL */
};

struct csv_case {
    const char *name;
    int kind;
    const char *csv;
    size_t len;             /* 0: strlen(csv) */
    int error;              /* file-level reason, or 0 */
    int accepted;
    struct rej rej[MAX_REJ];
    const char *ignored[MAX_IGN];   /* NULL ends the list; "" is a name */
    struct fig fig[MAX_FIG];
};

static const char *reason_str(int reason)
{
    const char *s = wres_reason_name(reason);
    return s ? s : "?";
}

/* Ingest one case into a fresh handle (default year 2024) and check
 * everything DATA.md says about it. */
static void run_case(const struct csv_case *c)
{
    wres_ctx *ctx = NULL;
    const char *path = NULL, *name = NULL;
    int kind = 0, error = -1, rc, i, nrej = 0, nign = 0;
    int64_t read = -1, acc = -1, rejd = -1;
    int64_t by_reason[WRES_REASON_NO_YEAR + 1] = {0};
    size_t len = c->len ? c->len : strlen(c->csv);

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, YEAR),
                     WRES_OK);
    rc = wres_ingest_buffer(ctx, c->kind, c->name, c->csv, len);
    ck_assert_msg(rc == (c->error ? WRES_E_FORMAT : WRES_OK),
                  "%s: ingest returned %d (%s)", c->name, rc,
                  wres_errmsg(ctx));

    ck_assert_uint_eq(wres_file_count(ctx), 1);
    ck_assert_int_eq(wres_file_get(ctx, 0, &path, &kind, &read, &acc, &rejd,
                                   &error), WRES_OK);
    ck_assert_str_eq(path, c->name);
    ck_assert_int_eq(kind, c->kind);
    ck_assert_msg(error == c->error, "%s: file error %s, want %s", c->name,
                  reason_str(error), reason_str(c->error));

    while (nrej < MAX_REJ && c->rej[nrej].line)
        nrej++;
    ck_assert_msg(read == acc + rejd, "%s: read %lld != %lld + %lld",
                  c->name, (long long)read, (long long)acc, (long long)rejd);
    ck_assert_msg(acc == c->accepted, "%s: accepted %lld, want %d", c->name,
                  (long long)acc, c->accepted);
    ck_assert_msg(rejd == nrej, "%s: rejected %lld, want %d", c->name,
                  (long long)rejd, nrej);
    ck_assert_msg(wres_rejection_count(ctx) == (size_t)nrej,
                  "%s: %zu rejections listed, want %d", c->name,
                  wres_rejection_count(ctx), nrej);

    for (i = 0; i < nrej; i++) {
        const char *file = NULL, *col = NULL, *msg = NULL;
        int64_t line = -1;
        int reason = -1;

        ck_assert_int_eq(wres_rejection_get(ctx, (size_t)i, &file, &line,
                                            &col, &reason, &msg), WRES_OK);
        ck_assert_str_eq(file, c->name);
        ck_assert_msg(line == c->rej[i].line && reason == c->rej[i].reason
                      && col && strcmp(col, c->rej[i].column) == 0,
                      "%s: rejection %d is line %lld column '%s' %s; want "
                      "line %d column '%s' %s", c->name, i, (long long)line,
                      col ? col : "(null)", reason_str(reason),
                      c->rej[i].line, c->rej[i].column,
                      reason_str(c->rej[i].reason));
        ck_assert_msg(msg && *msg, "%s: rejection %d has no message",
                      c->name, i);
        by_reason[c->rej[i].reason]++;
    }
    for (i = 1; i <= WRES_REASON_NO_YEAR; i++) {
        int64_t n = -1;
        ck_assert_int_eq(wres_file_reason_count(ctx, 0, i, &n), WRES_OK);
        ck_assert_msg(n == by_reason[i], "%s: %s counted %lld, want %lld",
                      c->name, reason_str(i), (long long)n,
                      (long long)by_reason[i]);
    }

    while (nign < MAX_IGN && c->ignored[nign])
        nign++;
    for (i = 0; i <= nign; i++) {
        rc = wres_file_ignored_column(ctx, 0, (size_t)i, &name);
        if (i == nign) {
            ck_assert_msg(rc == WRES_DONE, "%s: more than %d ignored columns"
                          " (next '%s')", c->name, nign,
                          rc == WRES_OK && name ? name : "");
        } else {
            ck_assert_msg(rc == WRES_OK, "%s: ignored column %d missing",
                          c->name, i);
            ck_assert_msg(strcmp(name, c->ignored[i]) == 0,
                          "%s: ignored column %d is '%s', want '%s'",
                          c->name, i, name, c->ignored[i]);
        }
    }

    if (c->fig[0].measure) {
        wres_report *r = NULL;

        ck_assert_int_eq(wres_report_new(ctx, "", YEAR, &r), WRES_OK);
        for (i = 0; i < MAX_FIG && c->fig[i].measure; i++) {
            const struct fig *f = &c->fig[i];
            double v = -12345.0;

            rc = wres_report_get(r, f->ind, f->part, f->group, f->measure,
                                 &v);
            if (f->value == IS_NULL)
                ck_assert_msg(rc == WRES_NULL, "%s: figure %d/%s/%s/%s "
                              "status %d, want null", c->name, f->ind,
                              f->part, f->group, f->measure, rc);
            else
                ck_assert_msg(rc == WRES_OK && v == f->value,
                              "%s: figure %d/%s/%s/%s = %g (status %d), "
                              "want %g", c->name, f->ind, f->part, f->group,
                              f->measure, v, rc, f->value);
        }
        wres_report_free(r);
    }
    wres_ctx_free(ctx);
}

/* Figures for the staff workforce of indicator 1. */
#define WF(w, b, u, t)                                                     \
    { 1, "workforce", "white", "count", (w) },                             \
    { 1, "workforce", "bme", "count", (b) },                               \
    { 1, "workforce", "unknown", "count", (u) },                           \
    { 1, "workforce", "total", "count", (t) }

/* ---- line endings, BOM, line numbers, blank lines ---------------------- */

static const struct csv_case ending_cases[] = {
    { "lf.csv", WRES_KIND_STAFF,
      SH "\nS1,A,5,clinical\nS2,A,8,clinical\n\nS3,H,5,clinical\n"
      "S4,A,5,doctors\n", 0, 0, 2,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND },
        { 6, "staff_group", WRES_REASON_UNKNOWN_STAFF_GROUP } },
      { NULL }, { WF(1, 1, 0, 2) } },
    { "crlf.csv", WRES_KIND_STAFF,
      SH "\r\nS1,A,5,clinical\r\nS2,A,8,clinical\r\n\r\nS3,H,5,clinical\r\n"
      "S4,A,5,doctors\r\n", 0, 0, 2,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND },
        { 6, "staff_group", WRES_REASON_UNKNOWN_STAFF_GROUP } },
      { NULL }, { WF(1, 1, 0, 2) } },
    { "cr.csv", WRES_KIND_STAFF,
      SH "\rS1,A,5,clinical\rS2,A,8,clinical\r\rS3,H,5,clinical\r"
      "S4,A,5,doctors\r", 0, 0, 2,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND },
        { 6, "staff_group", WRES_REASON_UNKNOWN_STAFF_GROUP } },
      { NULL }, { WF(1, 1, 0, 2) } },
    /* CRLF, LF, CR, then "\r\r\n" = CR + an empty CRLF line, "\n\r" = LF
     * + an empty CR line, and a last line with no ending at all */
    { "mixed.csv", WRES_KIND_STAFF,
      SH "\r\nS1,A,5,clinical\nS2,A,8,clinical\r\r\nS3,H,5,clinical\n\r"
      "S4,A,5,doctors", 0, 0, 2,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND },
        { 7, "staff_group", WRES_REASON_UNKNOWN_STAFF_GROUP } },
      { NULL }, { WF(1, 1, 0, 2) } },
    /* the BOM is skipped: the header is still recognised, and it is on
     * line 1 */
    { "bom.csv", WRES_KIND_STAFF,
      "\xEF\xBB\xBF" SH "\nS1,A,5,clinical\nS2,A,8,clinical\n", 0, 0, 1,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND } }, { NULL },
      { WF(1, 0, 0, 1) } },
    { "bom-blank.csv", WRES_KIND_STAFF,
      "\xEF\xBB\xBF\r\n" SH "\r\nS1,A,8,clinical\r\n", 0, 0, 0,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND } }, { NULL }, { { 0 } } },
    { "last-line-no-newline.csv", WRES_KIND_STAFF,
      SH "\nS1,A,5,clinical\nS2,A,8,clinical", 0, 0, 1,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND } }, { NULL },
      { WF(1, 0, 0, 1) } },
    { "last-line-accepted.csv", WRES_KIND_STAFF,
      SH "\nS1,A,5,clinical\nS2,H,5,clinical", 0, 0, 2,
      { { 0 } }, { NULL }, { WF(1, 1, 0, 2) } },
    /* a last line of blanks without a newline is not a row */
    { "last-line-blank.csv", WRES_KIND_STAFF,
      SH "\nS1,A,5,clinical\n \t", 0, 0, 1,
      { { 0 } }, { NULL }, { WF(1, 0, 0, 1) } },
    /* blank lines before the header and between rows are counted */
    { "blank-lines.csv", WRES_KIND_STAFF,
      "\n \t\n" SH "\n\n\t \nS1,A,8,clinical\n \nS2,A,5,clinical\n\n", 0,
      0, 1,
      { { 6, "band", WRES_REASON_UNKNOWN_BAND } }, { NULL },
      { WF(1, 0, 0, 1) } },
    /* quoted last fields before lone CRs and before the end of the file */
    { "cr-quoted.csv", WRES_KIND_STAFF,
      SH "\r\"S1\",\"A\",\"5\",\"clinical\"\r\"S2\",A,8,\"clinical\"\r"
      "\"S3\",\"H\",\"5\",\"clinical\"", 0, 0, 2,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND } }, { NULL },
      { WF(1, 1, 0, 2) } },
    { "header-only.csv", WRES_KIND_STAFF, SH "\n", 0, 0, 0,
      { { 0 } }, { NULL },
      { { 1, "", "", "available", 0 }, { 0, "data_quality", "",
        "staff_headcount", 0 } } },
    { "header-only-no-newline.csv", WRES_KIND_STAFF, SH, 0, 0, 0,
      { { 0 } }, { NULL }, { { 0 } } },
};

START_TEST(test_endings)
{
    run_case(&ending_cases[_i]);
}
END_TEST

/* ---- quoting ------------------------------------------------------------ */

static const struct csv_case quote_cases[] = {
    /* a quoted comma stays in the value: "White, British" normalises to
     * the short form White British; "Medical, Dental" to medical */
    { "quoted-comma.csv", WRES_KIND_STAFF,
      SH "\nS1,\"White, British\",5,\"Medical, Dental\"\n"
      "S2,\"H\",\"Band 5\",\"clinical\"\n", 0, 0, 2,
      { { 0 } }, { NULL }, { WF(1, 1, 0, 2) } },
    /* "" is a literal quote: "S""3" and the unquoted S"3 are the same id;
     * a bare "" is an empty (missing) value */
    { "escaped-quotes.csv", WRES_KIND_STAFF,
      SH ",note\nS1,A,5,clinical,\"say \"\"hi\"\", ok\"\n"
      "S2,A,5,clinical,\"\"\"\"\n"
      "\"\",A,5,clinical,x\n"
      "\"S\"\"3\",A,5,clinical,x\n"
      "S\"3,H,5,clinical,x\n", 0, 0, 3,
      { { 4, "staff_id", WRES_REASON_MISSING_VALUE },
        { 6, "staff_id", WRES_REASON_DUPLICATE_ID } },
      { "note", NULL }, { WF(3, 0, 0, 3) } },
    /* quoted line breaks (LF, CRLF, lone CR): the row is reported where it
     * starts and later line numbers stay physical */
    { "multiline.csv", WRES_KIND_STAFF,
      SH ",note\n"
      "S1,A,5,clinical,\"line one\nline two\r\nline three\"\n"  /* 2-4 */
      "S2,A,8,clinical,x\n"                                     /* 5 */
      "S3,H,5,clinical,\"a\rb\"\n"                              /* 6-7 */
      "S4,A,8,clinical,\"\n\"\n"                                /* 8-9 */
      "S5,A,8,clinical\n"                                       /* 10 */
      "S6,\"White\r\n\r\nBritish\",5,clinical,x\r\n", 0, 0, 3, /* 11-13 */
      { { 5, "band", WRES_REASON_UNKNOWN_BAND },
        { 8, "band", WRES_REASON_UNKNOWN_BAND },
        { 10, "-", WRES_REASON_FIELD_COUNT } },
      { "note", NULL }, { WF(2, 1, 0, 3) } },
    /* a quoted field spanning lines that holds a bad band is reported at
     * its first line; the next row's line counts every physical line.
     * Only spaces and tabs are trimmed, so a band of two line breaks is
     * not missing: it normalises to nothing, hence unknown_band */
    { "multiline-rejected.csv", WRES_KIND_STAFF,
      SH "\nS1,A,\"Band\n8\",clinical\nS2,A,\"\n\n\",clinical\n"
      "S3,A,8,clinical\n", 0, 0, 0,
      { { 2, "band", WRES_REASON_UNKNOWN_BAND },
        { 4, "band", WRES_REASON_UNKNOWN_BAND },
        { 7, "band", WRES_REASON_UNKNOWN_BAND } },
      { NULL }, { { 0 } } },
    /* spaces and tabs before an opening quote; spaces and tabs after a
     * closing quote */
    { "space-around-quotes.csv", WRES_KIND_STAFF,
      SH "\nS1, \t\"H\" ,5,  \"Medical, Dental\"\t\n"
      "S2,\t\"A\"\t, \"5\"  , \t \"clinical\" \r\n", 0, 0, 2,
      { { 0 } }, { NULL }, { WF(1, 1, 0, 2) } },
    /* a quote inside an unquoted field is literal, so a comma after it
     * still separates fields */
    { "literal-quote.csv", WRES_KIND_STAFF,
      SH ",note\nS\"1,A,5,clinical,5\" tall\n"
      "S2,A,5,clinical,a\"b\"c\n"
      "S3,A,5,clinical,x \"y, z\"\n"
      "S4,A,5,clinical,x \"y\"\n", 0, 0, 3,
      { { 4, "-", WRES_REASON_FIELD_COUNT } },
      { "note", NULL }, { WF(3, 0, 0, 3) } },
    /* anything but spaces or tabs between a closing quote and the next
     * comma or line end: bad_quote, column "-" */
    { "after-closing-quote.csv", WRES_KIND_STAFF,
      SH "\nS1,\"A\"x,5,clinical\n"        /* 2 bad */
      "S2,\"A\"  ,5,clinical\n"            /* 3 ok */
      "S3,\"A\"\t,5,clinical\n"            /* 4 ok */
      "S4,A,5,\"clinical\"x\n"             /* 5 bad, last field */
      "S5,A,5,\"clinical\" \r\n"           /* 6 ok */
      "S6,\"A\" \"B\",5,clinical\n"        /* 7 bad */
      "S7,\"A\" x,5,clinical\n"            /* 8 bad */
      "S8,A,5,\"clinical\" ,\n"            /* 9 field_count, quotes fine */
      "S9,A,\"5\"\"\"8,clinical\n", 0, 0, 3,  /* 10 bad: text after "5"" */
      { { 2, "-", WRES_REASON_BAD_QUOTE },
        { 5, "-", WRES_REASON_BAD_QUOTE },
        { 7, "-", WRES_REASON_BAD_QUOTE },
        { 8, "-", WRES_REASON_BAD_QUOTE },
        { 9, "-", WRES_REASON_FIELD_COUNT },
        { 10, "-", WRES_REASON_BAD_QUOTE } },
      { NULL }, { WF(3, 0, 0, 3) } },
    /* an unterminated quote swallows the rest of the file into one row */
    { "unterminated.csv", WRES_KIND_STAFF,
      SH "\nS1,A,5,clinical\nS2,\"A,5,clinical\nS3,A,5,clinical\n"
      "S4,A,5,clinical\n", 0, 0, 1,
      { { 3, "-", WRES_REASON_UNTERMINATED_QUOTE } }, { NULL },
      { WF(1, 0, 0, 1) } },
    { "unterminated-last.csv", WRES_KIND_STAFF,
      SH "\nS1,A,5,\"clinical", 0, 0, 0,
      { { 2, "-", WRES_REASON_UNTERMINATED_QUOTE } }, { NULL }, { { 0 } } },
    /* a quoted header works like any other line */
    { "quoted-header.csv", WRES_KIND_STAFF,
      "\"staff_id\", \"ethnicity\" ,\"band\",\"staff_group\",\"a,b\"\n"
      "S1,A,5,clinical,x\n", 0, 0, 1,
      { { 0 } }, { "a,b", NULL }, { WF(1, 0, 0, 1) } },
};

START_TEST(test_quotes)
{
    run_case(&quote_cases[_i]);
}
END_TEST

/* ---- rows, header, trimming ------------------------------------------- */

static const struct csv_case row_cases[] = {
    /* a line of only commas is a row: 4 empty fields (missing staff_id),
     * else a field count mismatch */
    { "only-commas-staff.csv", WRES_KIND_STAFF,
      SH "\n,,,\n,,\n,,,,\n , ,\t, \n", 0, 0, 0,
      { { 2, "staff_id", WRES_REASON_MISSING_VALUE },
        { 3, "-", WRES_REASON_FIELD_COUNT },
        { 4, "-", WRES_REASON_FIELD_COUNT },
        { 5, "staff_id", WRES_REASON_MISSING_VALUE } }, { NULL }, { { 0 } } },
    /* a line holding "" is not blank: it is a row of one empty field
     * (here an unknown ethnicity); a lone comma is two fields */
    { "quoted-empty-line.csv", WRES_KIND_SURVEY,
      "ethnicity\nH\n\n\"\"\n,\n  \"\" \n", 0, 0, 3,
      { { 5, "-", WRES_REASON_FIELD_COUNT } }, { NULL }, { { 0 } } },
    /* in a board file the first required value is voting; a row with only
     * voting and executive is a board member of unknown ethnicity */
    { "only-commas-board.csv", WRES_KIND_BOARD,
      BH "\n,,,\n,,yes,no\n", 0, 0, 1,
      { { 2, "voting", WRES_REASON_MISSING_VALUE } }, { NULL },
      { { 9, "board", "unknown", "count", 1 },
        { 9, "board", "total", "count", 1 },
        { 9, "voting", "total", "count", 1 },
        { 9, "executive", "total", "count", 0 } } },
    { "fewer-more-fields.csv", WRES_KIND_BOARD,
      BH "\nM1,A,yes\nM2,A,yes,no,\nM3,A,yes,no\n", 0, 0, 1,
      { { 2, "-", WRES_REASON_FIELD_COUNT },
        { 3, "-", WRES_REASON_FIELD_COUNT } }, { NULL },
      { { 9, "board", "white", "count", 1 } } },
    /* header names trimmed, case-insensitive, in any order; the rejected
     * column is named in canonical lower case */
    { "header-trim-case-order.csv", WRES_KIND_STAFF,
      " Staff_Group ,BAND,\tEthnicity\t,STAFF_ID\n"
      "clinical,5,H,S1\nmedical,8,A,S2\n", 0, 0, 1,
      { { 3, "band", WRES_REASON_UNKNOWN_BAND } }, { NULL },
      { WF(0, 1, 0, 1) } },
    /* unknown and empty-named columns are ignored and listed in header
     * order (a name of blanks is empty after trimming; an unknown name
     * may appear twice) */
    { "ignored-columns.csv", WRES_KIND_STAFF,
      "Site,staff_id,,ethnicity,Length of Service,band,staff_group, \t,"
      "SITE\nx,S1,y,A,z,5,clinical,w,v\n", 0, 0, 1,
      { { 0 } }, { "Site", "", "Length of Service", "", "SITE", NULL },
      { WF(1, 0, 0, 1) } },
    /* the names of other kinds' columns are unknown here */
    { "other-kinds-columns.csv", WRES_KIND_BOARD,
      BH ",staff_id,band,shortlisted,Group\nM1,B,y,n,x,x,x,x\n", 0, 0, 1,
      { { 0 } }, { "staff_id", "band", "shortlisted", "Group", NULL },
      { { 9, "board", "white", "count", 1 },
        { 9, "voting", "white", "count", 1 },
        { 9, "executive", "white", "count", 0 } } },
    /* values are trimmed, quoted or not: " S1 ", "S1" and "\tS1" are one
     * id; a value of blanks is missing */
    { "value-trim.csv", WRES_KIND_STAFF,
      SH "\n S1 ,\tA , 5\t,clinical  \nS1,A,5,clinical\n"
      "\" S2\t\",H,5,clinical\nS2,H,5,clinical\n \t,A,5,clinical\n"
      "S3,A,\" \",clinical\n", 0, 0, 2,
      { { 3, "staff_id", WRES_REASON_DUPLICATE_ID },
        { 5, "staff_id", WRES_REASON_DUPLICATE_ID },
        { 6, "staff_id", WRES_REASON_MISSING_VALUE },
        { 7, "band", WRES_REASON_MISSING_VALUE } }, { NULL },
      { WF(1, 1, 0, 2) } },
};

START_TEST(test_rows)
{
    run_case(&row_cases[_i]);
}
END_TEST

/* ---- UTF-8 and NUL ------------------------------------------------------ */

static const char utf8_rows[] =
    SH ",note\n"
    "S1,\xff,5,clinical,x\n"                    /* 2 invalid byte */
    "S2\xc0\xaf,A,5,clinical,x\n"               /* 3 overlong '/' */
    "S3\xed\xa0\x80,A,5,clinical,x\n"           /* 4 surrogate U+D800 */
    "S4\xf4\x90\x80\x80,A,5,clinical,x\n"       /* 5 above U+10FFFF */
    "S5\xe2\x82,A,5,clinical,x\n"               /* 6 truncated sequence */
    "S6\0,A,5,clinical,x\n"                     /* 7 NUL byte */
    "S7\xe2\x82\xac,A,5,clinical,x\n"           /* 8 valid euro sign */
    "S8,\"A\xfe\",5,clinical,x\n"               /* 9 invalid, quoted */
    "S9,A,5,clinical,\x80\n"                    /* 10 ignored column */
    "S10,A,5,clinical,\xe2\x82\xac\xe2\x82\n"   /* 11 valid then truncated */
    "S11,A,5,clinical,\xf0\x9f\x98\x80\n"       /* 12 valid 4-byte */
    "S12,White \xe2\x80\x93 British,5,clinical,\xc3\xa9\n" /* 13 en dash */
    "S13,A,5,clinical,\xe0\x80\xaf\n"          /* 14 overlong, 3 bytes */
    "S14,A,5,clinical,\xf0\x80\x80\xaf\n"      /* 15 overlong, 4 bytes */
    "S15,A,5,clinical,\xc2\n"                  /* 16 lead byte at the end */
    "S16,A,5,clinical,\xef\xbf\xbd\n";        /* 17 U+FFFD is valid */

static const char nul_header[] = SH "\0,note\nS1,A,5,clinical,x\n";
static const char nul_header_ignored[] = SH ",n\0te\nS1,A,5,clinical,x\n";

static const struct csv_case utf8_cases[] = {
    { "utf8-rows.csv", WRES_KIND_STAFF, utf8_rows, sizeof utf8_rows - 1, 0,
      4,
      { { 2, "-", WRES_REASON_INVALID_UTF8 },
        { 3, "-", WRES_REASON_INVALID_UTF8 },
        { 4, "-", WRES_REASON_INVALID_UTF8 },
        { 5, "-", WRES_REASON_INVALID_UTF8 },
        { 6, "-", WRES_REASON_INVALID_UTF8 },
        { 7, "-", WRES_REASON_INVALID_UTF8 },
        { 9, "-", WRES_REASON_INVALID_UTF8 },
        { 10, "-", WRES_REASON_INVALID_UTF8 },
        { 11, "-", WRES_REASON_INVALID_UTF8 },
        { 14, "-", WRES_REASON_INVALID_UTF8 },
        { 15, "-", WRES_REASON_INVALID_UTF8 },
        { 16, "-", WRES_REASON_INVALID_UTF8 } },
      { "note", NULL }, { WF(4, 0, 0, 4) } },
    /* invalid UTF-8 or a NUL byte in the header fails the file: nothing
     * is ingested, not even the valid rows, and no column is listed */
    { "utf8-header.csv", WRES_KIND_STAFF,
      SH ",Not\xe9s\nS1,A,5,clinical,x\n", 0, WRES_REASON_INVALID_UTF8, 0,
      { { 0 } }, { NULL },
      { { 1, "", "", "available", 0 },
        { 0, "data_quality", "", "staff_headcount", 0 } } },
    { "nul-header.csv", WRES_KIND_STAFF, nul_header, sizeof nul_header - 1,
      WRES_REASON_INVALID_UTF8, 0, { { 0 } }, { NULL },
      { { 1, "", "", "available", 0 } } },
    { "nul-header-ignored.csv", WRES_KIND_STAFF, nul_header_ignored,
      sizeof nul_header_ignored - 1, WRES_REASON_INVALID_UTF8, 0, { { 0 } },
      { NULL }, { { 0 } } },
    /* a file-level failure in the header comes before any header check */
    { "bad-quote-header.csv", WRES_KIND_STAFF,
      "\"staff_id\"x,ethnicity,band,staff_group\nS1,A,5,clinical\n", 0,
      WRES_REASON_BAD_QUOTE, 0, { { 0 } }, { NULL }, { { 0 } } },
    { "unterminated-header.csv", WRES_KIND_STAFF,
      "staff_id,ethnicity,band,\"staff_group\nS1,A,5,clinical\n", 0,
      WRES_REASON_UNTERMINATED_QUOTE, 0, { { 0 } }, { NULL }, { { 0 } } },
};

START_TEST(test_utf8)
{
    run_case(&utf8_cases[_i]);
}
END_TEST

/* ---- the 1024-byte limit (buffers built at run time) ------------------- */

struct sb {
    char *p;
    size_t len, cap;
};

static void sb_add(struct sb *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = 2 * (b->len + n + 1);
        b->p = realloc(b->p, b->cap);
        ck_assert_ptr_nonnull(b->p);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_puts(struct sb *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void sb_rep(struct sb *b, const char *s, int times)
{
    while (times-- > 0)
        sb_puts(b, s);
}

/* Header "Staff_ID,ethnicity,band,staff_group,Comment": the over-long
 * value of a recognised column is named canonically (staff_id), that of
 * an ignored column by its header text (Comment). */
START_TEST(test_field_length)
{
    struct sb b = {0};
    struct csv_case c;

    sb_puts(&b, "Staff_ID,ethnicity,band,staff_group,Comment\n");
    /* 2: 1024 bytes in the ignored column: fine */
    sb_puts(&b, "S1,A,5,clinical,");
    sb_rep(&b, "x", 1024);
    /* 3: 1025 bytes in the ignored column */
    sb_puts(&b, "\nS2,A,5,clinical,");
    sb_rep(&b, "x", 1025);
    /* 4: a 1024-byte id, 5: a 1025-byte id */
    sb_puts(&b, "\n");
    sb_rep(&b, "i", 1024);
    sb_puts(&b, ",A,5,clinical,x\n");
    sb_rep(&b, "j", 1025);
    sb_puts(&b, ",A,5,clinical,x\n");
    /* 6: 1024 bytes after trimming surrounding blanks */
    sb_puts(&b, "S3,A,5,clinical,  \t");
    sb_rep(&b, "x", 1024);
    sb_puts(&b, "\t \n");
    /* 7: 1024 bytes after unquoting ("" counts once) and trimming */
    sb_puts(&b, "S4,A,5,clinical, \" ");
    sb_rep(&b, "x", 1022);
    sb_puts(&b, "\"\"\"\" \"\n");
    /* 8: 1025 bytes after unquoting */
    sb_puts(&b, "S5,A,5,clinical,\"");
    sb_rep(&b, "x", 1023);
    sb_puts(&b, "\"\"\"\"\"\n");
    /* 9: 512 two-byte characters = 1024 bytes */
    sb_puts(&b, "S6,A,5,clinical,");
    sb_rep(&b, "\xc3\xa9", 512);
    /* 10: 341 three-byte characters + 2 bytes = 1025 bytes */
    sb_puts(&b, "\nS7,A,5,clinical,");
    sb_rep(&b, "\xe2\x82\xac", 341);
    sb_puts(&b, "xx\n");
    /* 11: over-long staff_id and Comment: the first (staff_id) is named */
    sb_rep(&b, "k", 1025);
    sb_puts(&b, ",A,5,clinical,");
    sb_rep(&b, "x", 2000);
    /* 12: over-long band (an invalid one): field_too_long first */
    sb_puts(&b, "\nS8,A,");
    sb_rep(&b, "8", 1025);
    sb_puts(&b, ",clinical,x\n");
    /* 13: an over-long value spanning lines, inside quotes */
    sb_puts(&b, "S9,A,5,clinical,\"");
    sb_rep(&b, "x\n", 513);
    sb_puts(&b, "\"\n");
    /* line 13 + 513 = 527: over-long, but the field count is wrong first */
    sb_puts(&b, "S10,A,5,clinical,");
    sb_rep(&b, "x", 1025);
    sb_puts(&b, ",\n");

    memset(&c, 0, sizeof c);
    c.name = "lengths.csv";
    c.kind = WRES_KIND_STAFF;
    c.csv = b.p;
    c.len = b.len;
    c.accepted = 5;     /* S1, i..., S3, S4, S6 */
    c.rej[0] = (struct rej){ 3, "Comment", WRES_REASON_FIELD_TOO_LONG };
    c.rej[1] = (struct rej){ 5, "staff_id", WRES_REASON_FIELD_TOO_LONG };
    c.rej[2] = (struct rej){ 8, "Comment", WRES_REASON_FIELD_TOO_LONG };
    c.rej[3] = (struct rej){ 10, "Comment", WRES_REASON_FIELD_TOO_LONG };
    c.rej[4] = (struct rej){ 11, "staff_id", WRES_REASON_FIELD_TOO_LONG };
    c.rej[5] = (struct rej){ 12, "band", WRES_REASON_FIELD_TOO_LONG };
    c.rej[6] = (struct rej){ 13, "Comment", WRES_REASON_FIELD_TOO_LONG };
    c.rej[7] = (struct rej){ 527, "-", WRES_REASON_FIELD_COUNT };
    c.ignored[0] = "Comment";
    c.fig[0] = (struct fig){ 1, "workforce", "white", "count", 5 };
    run_case(&c);
    free(b.p);
}
END_TEST

/* The header text of an ignored column is its trimmed text, as written
 * (case kept), both in the list and in a field_too_long rejection. */
START_TEST(test_field_length_header_text)
{
    struct sb b = {0};
    struct csv_case c;

    sb_puts(&b, SH ",\t Free Text \n S1 ,A,5,clinical,");
    sb_rep(&b, "x", 1025);
    sb_puts(&b, "\n");
    memset(&c, 0, sizeof c);
    c.name = "header-text.csv";
    c.kind = WRES_KIND_STAFF;
    c.csv = b.p;
    c.len = b.len;
    c.rej[0] = (struct rej){ 2, "Free Text", WRES_REASON_FIELD_TOO_LONG };
    c.ignored[0] = "Free Text";
    run_case(&c);
    free(b.p);
}
END_TEST

/* An over-long header name is not a row: the column is simply unknown. */
START_TEST(test_long_header_name)
{
    struct sb b = {0};
    struct csv_case c;
    char *name;

    /* a name longer than 1024 bytes is an unknown column, listed by its
     * first 1024 bytes (memory stays bounded whatever the header holds) */
    sb_puts(&b, SH ",");
    sb_rep(&b, "h", 1100);
    name = malloc(1025);
    ck_assert_ptr_nonnull(name);
    memset(name, 'h', 1024);
    name[1024] = '\0';
    sb_puts(&b, "\nS1,A,5,clinical,x\n");
    memset(&c, 0, sizeof c);
    c.name = "long-header.csv";
    c.kind = WRES_KIND_STAFF;
    c.csv = b.p;
    c.len = b.len;
    c.accepted = 1;
    c.ignored[0] = name;
    run_case(&c);
    free(name);
    free(b.p);
}
END_TEST

/* ---- the same rows in two buffers give the same counts ----------------- */

/* One logical content in LF, CRLF and CR forms, with and without a BOM:
 * the report figures must be identical. */
START_TEST(test_endings_equivalent)
{
    static const char *const forms[] = {
        SH ",bank\nS1,A,5,clinical,\nS2,H,5,clinical,yes\nS3,,5,clinical,\n"
        "S4,N,5,clinical,no\n",
        SH ",bank\r\nS1,A,5,clinical,\r\nS2,H,5,clinical,yes\r\n"
        "S3,,5,clinical,\r\nS4,N,5,clinical,no",
        "\xEF\xBB\xBF" SH ",bank\rS1,A,5,clinical,\rS2,H,5,clinical,yes\r"
        "S3,,5,clinical,\rS4,N,5,clinical,no\r",
    };
    int i;

    for (i = 0; i < COUNT(forms); i++) {
        wres_ctx *ctx = NULL;
        wres_report *r = NULL;

        ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, YEAR),
                         WRES_OK);
        ck_assert_int_eq(tu_ingest(ctx, WRES_KIND_STAFF, "f.csv", forms[i]),
                         WRES_OK);
        ck_assert_uint_eq(wres_rejection_count(ctx), 0);
        ck_assert_int_eq(wres_report_new(ctx, "", YEAR, &r), WRES_OK);
        /* S2 is bank-only: out of the headcount, counted as excluded */
        ck_assert_double_eq(tu_get(r, 0, "data_quality", "",
                                   "staff_headcount"), 3);
        ck_assert_double_eq(tu_get(r, 0, "data_quality", "",
                                   "bank_excluded"), 1);
        ck_assert_double_eq(tu_get(r, 0, "data_quality", "",
                                   "ethnicity_unknown"), 1);
        ck_assert_double_eq_tol(tu_get(r, 0, "data_quality", "",
                                       "declared_pct"), 200.0 / 3.0, 1e-12);
        ck_assert_double_eq(tu_get(r, 1, "workforce", "white", "count"), 1);
        ck_assert_double_eq(tu_get(r, 1, "workforce", "bme", "count"), 1);
        ck_assert_double_eq(tu_get(r, 1, "workforce", "unknown", "count"), 1);
        ck_assert_double_eq(tu_get(r, 1, "workforce", "total", "count"), 3);
        wres_report_free(r);
        wres_ctx_free(ctx);
    }
}
END_TEST

/* An empty buffer and a NULL buffer of length 0 have no header. */
START_TEST(test_empty_buffers)
{
    static const struct {
        const char *buf;
        size_t len;
    } bufs[] = {
        { "", 0 }, { NULL, 0 }, { "\xEF\xBB\xBF", 3 }, { "\n\r\n\r", 4 },
        { " \t\n\t ", 5 }, { "\xEF\xBB\xBF \r\n", 6 },
    };
    int i;

    for (i = 0; i < COUNT(bufs); i++) {
        wres_ctx *ctx = NULL;
        const char *path = NULL, *name = NULL;
        int kind = 0, error = 0;
        int64_t read = -1, acc = -1, rej = -1;

        ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, YEAR),
                         WRES_OK);
        ck_assert_msg(wres_ingest_buffer(ctx, WRES_KIND_BOARD, "e.csv",
                                         bufs[i].buf, bufs[i].len)
                      == WRES_E_FORMAT, "buffer %d", i);
        ck_assert_int_eq(wres_file_get(ctx, 0, &path, &kind, &read, &acc,
                                       &rej, &error), WRES_OK);
        ck_assert_msg(error == WRES_REASON_NO_HEADER, "buffer %d: %s", i,
                      reason_str(error));
        ck_assert(read == 0 && acc == 0 && rej == 0);
        ck_assert_int_eq(wres_file_ignored_column(ctx, 0, 0, &name),
                         WRES_DONE);
        wres_ctx_free(ctx);
    }
}
END_TEST

static Suite *csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc;

    tc = tcase_create("lines");
    tcase_add_loop_test(tc, test_endings, 0, COUNT(ending_cases));
    tcase_add_test(tc, test_endings_equivalent);
    tcase_add_test(tc, test_empty_buffers);
    suite_add_tcase(s, tc);

    tc = tcase_create("quotes");
    tcase_add_loop_test(tc, test_quotes, 0, COUNT(quote_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("rows");
    tcase_add_loop_test(tc, test_rows, 0, COUNT(row_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("utf8");
    tcase_add_loop_test(tc, test_utf8, 0, COUNT(utf8_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("lengths");
    tcase_add_test(tc, test_field_length);
    tcase_add_test(tc, test_field_length_header_text);
    tcase_add_test(tc, test_long_header_name);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(csv_suite()) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
