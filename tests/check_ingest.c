/*
 * check_ingest.c - the "ingest" suite: data-driven CSV ingestion cases.
 *
 * Every folder under tests/data/bad/ and tests/data/csv/ (found by
 * opendir, under $WRES_TOP, default ".") is one case:
 *
 *   input.csv   the bytes to ingest (byte-exact: BOMs, CRs, NULs, bad UTF-8)
 *   recipe      instead of input.csv, for inputs too big to commit: lines
 *               `text "..."` and `repeat N "..."` (C escapes \n \r \t
 *               \\ \" \xHH) written one after another to a temporary
 *               file.  Such a case runs through wres_ingest_file() only, and
 *               must keep the process's peak memory within 64 MB of what it
 *               was, and its throughput within 1/50 of the sample trust's
 *               in the same process (a bound on linear time, not a speed
 *               target: a quadratic path would miss it by orders of
 *               magnitude)
 *   kind        one word: staff, applicants, survey, survey_counts or board
 *   expected    what DATA.md says must happen, written by hand
 *
 * Each case runs twice on a fresh handle: once through wres_ingest_file()
 * with the folder's path, once through wres_ingest_buffer() with the
 * file's bytes and the name "input.csv" (skipped when the test itself
 * cannot read the file, as in the `unreadable` cases).  Both must give
 * the same outcome.
 *
 * The `expected` format: one directive per line; blank lines and lines
 * starting with '#' are ignored.  Tokens are separated by blanks; a token
 * may be written in double quotes to hold blanks or be empty ("").
 *
 *   default_year Y        set WRES_OPT_DEFAULT_YEAR to Y before ingesting
 *                         (without it the handle has no default year)
 *   default_org ORG       set WRES_OPT_DEFAULT_ORG to ORG
 *   path NAME             ingest NAME (in the case folder) instead of
 *                         input.csv; a missing NAME tests `unreadable`
 *   file_error REASON     the file fails as a whole with REASON; the call
 *                         returns WRES_E_IO for unreadable, else
 *                         WRES_E_FORMAT; the file's counts must all be 0
 *                         with no rejection and no ignored column.
 *                         Without it the call must return WRES_OK.
 *   accepted N            rows accepted (default 0)
 *   reject LINE COLUMN REASON
 *                         the rejections, all of them, in order; rows
 *                         rejected = their number, rows read = accepted +
 *                         rejected, and wres_file_reason_count() must match
 *                         their tally for every reason
 *   ignored NAME          the ignored columns, all of them, in order
 *   figure ORG YEAR IND PART GROUP MEASURE VALUE
 *                         a figure of the report for (ORG, YEAR), read with
 *                         wres_report_get(); VALUE is a number (compared to
 *                         1e-12 relative) or `null` (the figure must be null)
 *
 * REASON is a reason code of DATA.md (unknown_band, no_header, ...).  The
 * suite also checks that the cases, together, use every reason code.
 *
 * bad/ holds a case per row reason (in every kind that has it), per
 * file-level failure, and per precedence rule between them, plus the year
 * and org rules; csv/ holds dialect cases that need real files (BOM, CR
 * endings, NUL bytes, bad UTF-8, long and many fields) - the csv suite
 * covers the same dialect through buffers.
 */
#include <check.h>
#include <dirent.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#define MAX_CASES 512
#define MAX_TOK 8
#define MAX_LIST 128
#define NREASONS 20

/* The reason codes of DATA.md, numbered as in enum wres_reason. */
static const char *const reason_names[NREASONS + 1] = {
    "", "unterminated_quote", "bad_quote", "invalid_utf8", "field_count",
    "field_too_long", "missing_value", "unknown_ethnicity", "unknown_band",
    "unknown_staff_group", "invalid_yes_no", "invalid_year",
    "invalid_integer", "appointed_not_shortlisted", "yes_gt_respondents",
    "duplicate_id", "unreadable", "no_header", "duplicate_column",
    "missing_column", "no_year",
};

static const char *const kind_names[] = {
    "", "staff", "applicants", "survey", "survey_counts", "board",
};

/* The case folders, "bad/NAME" or "csv/NAME", sorted. */
static char *cases[MAX_CASES];
static int n_cases;
static char top[4096];

struct expect_rej {
    long line;
    char column[1100];
    int reason;
};

struct expect_fig {
    char org[64], part[64], group[64], measure[64];
    long year;
    int ind;
    int is_null;
    double value;
};

struct expect {
    long default_year;          /* 0: none */
    int has_org;
    char default_org[64];
    char path[256];
    int file_error;
    long accepted;
    int n_rej, n_ign, n_fig;
    struct expect_rej rej[MAX_LIST];
    char ign[MAX_LIST][1100];
    struct expect_fig fig[MAX_LIST];
};

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;

    if (!fp)
        return NULL;
    for (;;) {
        size_t got;
        if (n + 4096 + 1 > cap) {
            char *p;
            cap = 2 * (n + 4096 + 1);
            p = realloc(buf, cap);
            ck_assert_ptr_nonnull(p);
            buf = p;
        }
        got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        fclose(fp);
        free(buf);
        return NULL;
    }
    fclose(fp);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Split a line into tokens: blanks separate, "..." groups (may be empty).
 * Returns the number of tokens; they point into line, which is modified. */
static int tokenize(char *line, char **tok, int max, const char *where)
{
    int n = 0;
    char *p = line;

    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '\n' || *p == '\r')
            break;
        ck_assert_msg(n < max, "%s: too many tokens", where);
        if (*p == '"') {
            char *end = strchr(p + 1, '"');
            ck_assert_msg(end != NULL, "%s: unterminated quoted token", where);
            *end = '\0';
            tok[n++] = p + 1;
            p = end + 1;
        } else {
            tok[n++] = p;
            while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                p++;
            if (*p) {
                int at_end = *p == '\n' || *p == '\r';
                *p++ = '\0';
                if (at_end)
                    break;
            }
        }
    }
    return n;
}

static int reason_of(const char *name, const char *where)
{
    int i;

    for (i = 1; i <= NREASONS; i++)
        if (strcmp(name, reason_names[i]) == 0)
            return i;
    ck_abort_msg("%s: unknown reason '%s'", where, name);
    return 0;
}

static long number(const char *s, const char *where)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    ck_assert_msg(*s && !*end && !errno, "%s: bad number '%s'", where, s);
    return v;
}

static void copy(char *dst, size_t cap, const char *src, const char *where)
{
    ck_assert_msg(strlen(src) < cap, "%s: token too long", where);
    strcpy(dst, src);
}

/* Parse a case's expected file; reasons_seen (if given) gets a mark for
 * every reason the file names. */
static void parse_expected(const char *dir, struct expect *e,
                           int *reasons_seen)
{
    char path[4400], where[4500];
    char *text, *line, *next;
    size_t len;
    int lineno = 0;

    memset(e, 0, sizeof *e);
    strcpy(e->path, "input.csv");
    snprintf(path, sizeof path, "%s/expected", dir);
    text = read_all(path, &len);
    ck_assert_msg(text != NULL, "%s: cannot read", path);
    for (line = text; line && *line; line = next) {
        char *tok[MAX_TOK];
        int n;

        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        snprintf(where, sizeof where, "%s:%d", path, lineno);
        if (line[strspn(line, " \t")] == '#')
            continue;
        n = tokenize(line, tok, MAX_TOK, where);
        if (n == 0)
            continue;
        if (strcmp(tok[0], "default_year") == 0 && n == 2) {
            e->default_year = number(tok[1], where);
        } else if (strcmp(tok[0], "default_org") == 0 && n == 2) {
            e->has_org = 1;
            copy(e->default_org, sizeof e->default_org, tok[1], where);
        } else if (strcmp(tok[0], "path") == 0 && n == 2) {
            copy(e->path, sizeof e->path, tok[1], where);
        } else if (strcmp(tok[0], "file_error") == 0 && n == 2) {
            e->file_error = reason_of(tok[1], where);
            if (reasons_seen)
                reasons_seen[e->file_error] = 1;
        } else if (strcmp(tok[0], "accepted") == 0 && n == 2) {
            e->accepted = number(tok[1], where);
        } else if (strcmp(tok[0], "reject") == 0 && n == 4) {
            struct expect_rej *r = &e->rej[e->n_rej];
            ck_assert_msg(e->n_rej < MAX_LIST, "%s: too many", where);
            r->line = number(tok[1], where);
            copy(r->column, sizeof r->column, tok[2], where);
            r->reason = reason_of(tok[3], where);
            if (reasons_seen)
                reasons_seen[r->reason] = 1;
            e->n_rej++;
        } else if (strcmp(tok[0], "ignored") == 0 && n == 2) {
            ck_assert_msg(e->n_ign < MAX_LIST, "%s: too many", where);
            copy(e->ign[e->n_ign], sizeof e->ign[0], tok[1], where);
            e->n_ign++;
        } else if (strcmp(tok[0], "figure") == 0 && n == 8) {
            struct expect_fig *f = &e->fig[e->n_fig];
            ck_assert_msg(e->n_fig < MAX_LIST, "%s: too many", where);
            copy(f->org, sizeof f->org, tok[1], where);
            f->year = number(tok[2], where);
            f->ind = (int)number(tok[3], where);
            copy(f->part, sizeof f->part, tok[4], where);
            copy(f->group, sizeof f->group, tok[5], where);
            copy(f->measure, sizeof f->measure, tok[6], where);
            if (strcmp(tok[7], "null") == 0) {
                f->is_null = 1;
            } else {
                char *end;
                f->value = strtod(tok[7], &end);
                ck_assert_msg(!*end, "%s: bad value '%s'", where, tok[7]);
            }
            e->n_fig++;
        } else {
            ck_abort_msg("%s: cannot read directive '%s'", where, tok[0]);
        }
    }
    free(text);
}

/* ---- generated inputs ------------------------------------------------- */

static size_t unescape(const char *s, char *out, const char *where)
{
    size_t n = 0;

    ck_assert_msg(*s == '"', "%s: want a quoted string", where);
    for (s++; *s && *s != '"'; s++) {
        if (*s != '\\') {
            out[n++] = *s;
            continue;
        }
        s++;
        switch (*s) {
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'x': {
            unsigned v;
            ck_assert_msg(sscanf(s + 1, "%2x", &v) == 1, "%s: bad \\x", where);
            out[n++] = (char)v;
            s += 2;
            break;
        }
        default: out[n++] = *s; break;
        }
    }
    ck_assert_msg(*s == '"', "%s: unterminated string", where);
    return n;
}

/* Write the recipe's bytes to path, a block at a time (never all in
 * memory); returns the size. */
static long long make_input(const char *recipe, const char *path)
{
    char *text, *line, *next, chunk[4096];
    size_t len;
    long long total = 0;
    FILE *f = fopen(path, "wb");

    ck_assert_msg(f != NULL, "cannot create %s", path);
    text = read_all(recipe, &len);
    ck_assert_ptr_nonnull(text);
    for (line = text; line && *line; line = next) {
        long long count = 1, i;
        size_t n;
        char *q;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (!*line || *line == '#')
            continue;
        if (strncmp(line, "repeat ", 7) == 0) {
            count = strtoll(line + 7, &q, 10);
            while (*q == ' ')
                q++;
        } else {
            ck_assert_msg(strncmp(line, "text ", 5) == 0, "%s: '%s'", recipe, line);
            q = line + 5;
        }
        n = unescape(q, chunk, recipe);
        for (i = 0; i < count; i++)
            ck_assert_uint_eq(fwrite(chunk, 1, n, f), n);
        total += count * (long long)n;
    }
    ck_assert_int_eq(fclose(f), 0);
    free(text);
    return total;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bytes per second of ingesting the sample trust's staff file here. */
static double reference_rate(void)
{
    char path[4400];
    struct stat st;
    wres_ctx *ctx;
    double t0, t1;

    snprintf(path, sizeof path, "%s/examples/data/staff.csv", top);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    t0 = now();
    ck_assert_int_eq(wres_ingest_file(ctx, WRES_KIND_STAFF, path), WRES_OK);
    t1 = now();
    wres_ctx_free(ctx);
    return (double)st.st_size / (t1 - t0 + 1e-9);
}

static int read_kind(const char *dir)
{
    char path[4400];
    char *text, *tok[MAX_TOK];
    size_t len, i;
    int n;

    snprintf(path, sizeof path, "%s/kind", dir);
    text = read_all(path, &len);
    ck_assert_msg(text != NULL, "%s: cannot read", path);
    n = tokenize(text, tok, MAX_TOK, path);
    ck_assert_msg(n == 1, "%s: want one word", path);
    for (i = 1; i < sizeof kind_names / sizeof kind_names[0]; i++)
        if (strcmp(tok[0], kind_names[i]) == 0) {
            free(text);
            return (int)i;
        }
    ck_abort_msg("%s: unknown kind '%s'", path, tok[0]);
    return 0;
}

static void check_figures(wres_ctx *ctx, const struct expect *e,
                          const char *name)
{
    int i;

    for (i = 0; i < e->n_fig; i++) {
        const struct expect_fig *f = &e->fig[i];
        wres_report *r = NULL;
        double v = -12345.0;
        int rc;

        rc = wres_report_new(ctx, f->org, f->year, &r);
        ck_assert_msg(rc == WRES_OK, "%s: report for '%s' %ld: status %d",
                      name, f->org, f->year, rc);
        rc = wres_report_get(r, f->ind, f->part, f->group, f->measure, &v);
        if (f->is_null) {
            ck_assert_msg(rc == WRES_NULL, "%s: figure '%s' %ld %d/%s/%s/%s:"
                          " status %d (value %g), want null", name, f->org,
                          f->year, f->ind, f->part, f->group, f->measure, rc,
                          v);
        } else {
            ck_assert_msg(rc == WRES_OK && fabs(v - f->value)
                          <= 1e-12 * fabs(f->value), "%s: figure '%s' %ld "
                          "%d/%s/%s/%s = %.17g (status %d), want %.17g", name,
                          f->org, f->year, f->ind, f->part, f->group,
                          f->measure, v, rc, f->value);
        }
        wres_report_free(r);
    }
}

/* Loop index: case _i / 2, through a file (_i even) or a buffer (odd). */
START_TEST(test_case)
{
    const char *cname = cases[_i / 2];
    int via_buffer = _i % 2;
    char dir[4200], path[4500], name[4600];
    struct expect *e = calloc(1, sizeof *e);
    wres_ctx *ctx = NULL;
    char *buf = NULL;
    size_t len = 0;
    int kind, rc, want_rc, i;
    const char *fpath = NULL, *col = NULL;
    int fkind = 0, ferror_ = -1;
    int64_t read = -1, acc = -1, rejd = -1;
    int64_t tally[NREASONS + 1] = {0};
    char recipe[4500];
    struct stat rst;
    long long gen_size = -1;
    long rss0 = 0;
    double t0 = 0, ref_rate = 0;

    ck_assert_ptr_nonnull(e);
    snprintf(dir, sizeof dir, "%s/tests/data/%s", top, cname);
    snprintf(name, sizeof name, "%s (%s)", cname,
             via_buffer ? "buffer" : "file");
    kind = read_kind(dir);
    parse_expected(dir, e, NULL);
    snprintf(path, sizeof path, "%s/%s", dir, e->path);
    snprintf(recipe, sizeof recipe, "%s/recipe", dir);
    if (stat(recipe, &rst) == 0) {
        if (via_buffer) {
            free(e);
            return;     /* generated inputs test the streaming file path */
        }
        ref_rate = reference_rate();
        snprintf(path, sizeof path, "/tmp/wres-gen-%ld.csv", (long)getpid());
        gen_size = make_input(recipe, path);
        rss0 = peak_rss_kb();
        t0 = now();
    }
    if (via_buffer) {
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)
            || !(buf = read_all(path, &len))) {
            free(e);
            return;     /* nothing to give as a buffer */
        }
    }

    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    if (e->default_year)
        ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR,
                                          e->default_year), WRES_OK);
    if (e->has_org)
        ck_assert_int_eq(wres_ctx_set_string(ctx, WRES_OPT_DEFAULT_ORG,
                                             e->default_org), WRES_OK);
    if (via_buffer)
        rc = wres_ingest_buffer(ctx, kind, e->path, buf, len);
    else
        rc = wres_ingest_file(ctx, kind, path);
    if (gen_size >= 0) {
        double rate = (double)gen_size / (now() - t0 + 1e-9);
        long grew = peak_rss_kb() - rss0;
        unlink(path);
        printf("%s: %lld bytes, peak memory +%ld KB, %.0f MB/s (sample %.0f MB/s)\n",
               name, gen_size, grew, rate / 1e6, ref_rate / 1e6);
        ck_assert_msg(grew <= 64 * 1024, "%s: peak memory grew by %ld KB", name, grew);
        ck_assert_msg(rate * 50 >= ref_rate, "%s: %.1f MB/s against %.1f MB/s: not linear",
                      name, rate / 1e6, ref_rate / 1e6);
    }
    want_rc = !e->file_error ? WRES_OK
              : e->file_error == WRES_REASON_UNREADABLE ? WRES_E_IO
              : WRES_E_FORMAT;
    ck_assert_msg(rc == want_rc, "%s: ingest returned %d, want %d (%s)",
                  name, rc, want_rc, wres_errmsg(ctx));
    if (e->file_error)
        ck_assert_msg(wres_errmsg(ctx) && *wres_errmsg(ctx),
                      "%s: a failed file leaves no message", name);

    ck_assert_uint_eq(wres_file_count(ctx), 1);
    ck_assert_int_eq(wres_file_get(ctx, 0, &fpath, &fkind, &read, &acc,
                                   &rejd, &ferror_), WRES_OK);
    ck_assert_str_eq(fpath, via_buffer ? e->path : path);
    ck_assert_int_eq(fkind, kind);
    ck_assert_msg(ferror_ == e->file_error, "%s: file error %s, want %s",
                  name, ferror_ >= 0 && ferror_ <= NREASONS
                  ? reason_names[ferror_] : "?", reason_names[e->file_error]);
    ck_assert_msg(read == acc + rejd, "%s: read %lld != %lld + %lld", name,
                  (long long)read, (long long)acc, (long long)rejd);
    ck_assert_msg(acc == e->accepted, "%s: accepted %lld, want %ld", name,
                  (long long)acc, e->accepted);
    ck_assert_msg(rejd == e->n_rej, "%s: rejected %lld, want %d", name,
                  (long long)rejd, e->n_rej);

    /* every rejection, in order */
    ck_assert_msg(wres_rejection_count(ctx) == (size_t)e->n_rej,
                  "%s: %zu rejections, want %d", name,
                  wres_rejection_count(ctx), e->n_rej);
    for (i = 0; i < e->n_rej; i++) {
        const struct expect_rej *x = &e->rej[i];
        const char *file = NULL, *msg = NULL;
        int64_t line = -1;
        int reason = -1;

        ck_assert_int_eq(wres_rejection_get(ctx, (size_t)i, &file, &line,
                                            &col, &reason, &msg), WRES_OK);
        ck_assert_str_eq(file, fpath);
        ck_assert_msg(line == x->line && reason == x->reason && col
                      && strcmp(col, x->column) == 0,
                      "%s: rejection %d is line %lld column '%s' %s; want "
                      "line %ld column '%s' %s", name, i, (long long)line,
                      col ? col : "(null)", reason >= 0 && reason <= NREASONS
                      ? reason_names[reason] : "?", x->line, x->column,
                      reason_names[x->reason]);
        ck_assert_msg(msg && *msg, "%s: rejection %d has no message", name, i);
        tally[x->reason]++;
    }
    for (i = 1; i <= NREASONS; i++) {
        int64_t n = -1;
        ck_assert_int_eq(wres_file_reason_count(ctx, 0, i, &n), WRES_OK);
        ck_assert_msg(n == tally[i], "%s: %s counted %lld, want %lld", name,
                      reason_names[i], (long long)n, (long long)tally[i]);
    }

    /* every ignored column, in order */
    for (i = 0; i <= e->n_ign; i++) {
        const char *ign = NULL;
        rc = wres_file_ignored_column(ctx, 0, (size_t)i, &ign);
        if (i == e->n_ign) {
            ck_assert_msg(rc == WRES_DONE, "%s: more than %d ignored columns"
                          " (next '%s')", name, e->n_ign,
                          rc == WRES_OK && ign ? ign : "");
        } else {
            ck_assert_msg(rc == WRES_OK, "%s: ignored column %d missing",
                          name, i);
            ck_assert_msg(strcmp(ign, e->ign[i]) == 0, "%s: ignored column "
                          "%d is '%s', want '%s'", name, i, ign, e->ign[i]);
        }
    }

    check_figures(ctx, e, name);
    wres_ctx_free(ctx);
    free(buf);
    free(e);
}
END_TEST

/* Failed files among good ones: each failed file is listed with its error
 * and zero counts, and nothing of it reaches the report. */
START_TEST(test_failed_files_add_nothing)
{
    static const struct {
        const char *csv;    /* NULL: a missing path through the file call */
        int status, error;
        int64_t read, accepted;
    } files[] = {
        { "staff_id,ethnicity,band,staff_group,Site\nS1,A,5,clinical,x\n"
          "S2,H,5,clinical,y\n", WRES_OK, 0, 2, 2 },
        { "staff_id,Band,ethnicity,BAND,staff_group,Site\nS3,5,A,5,clinical,x"
          "\n", WRES_E_FORMAT, WRES_REASON_DUPLICATE_COLUMN, 0, 0 },
        { "staff_id,band,staff_group,Site\nS4,5,clinical,x\n", WRES_E_FORMAT,
          WRES_REASON_MISSING_COLUMN, 0, 0 },
        { "staff_id,\"ethnicity\nS5,A\n", WRES_E_FORMAT,
          WRES_REASON_UNTERMINATED_QUOTE, 0, 0 },
        { NULL, WRES_E_IO, WRES_REASON_UNREADABLE, 0, 0 },
        { "staff_id,year,ethnicity,band,staff_group\nS3,2024,N,5,clinical\n"
          "S1,2024,A,5,clinical\nS6,2024,A,8,clinical\n", WRES_OK, 0, 3, 1 },
    };
    wres_ctx *ctx = NULL;
    wres_report *r = NULL;
    char missing[4300];
    size_t i;

    snprintf(missing, sizeof missing, "%s/tests/data/no-such-file.csv", top);
    ck_assert_int_eq(wres_ctx_new(&ctx), WRES_OK);
    ck_assert_int_eq(wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, 2024),
                     WRES_OK);
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        char name[32];
        int rc;

        snprintf(name, sizeof name, "f%zu.csv", i);
        rc = files[i].csv ? tu_ingest(ctx, WRES_KIND_STAFF, name, files[i].csv)
                          : wres_ingest_file(ctx, WRES_KIND_STAFF, missing);
        ck_assert_msg(rc == files[i].status, "file %zu: status %d", i, rc);
    }
    ck_assert_uint_eq(wres_file_count(ctx), sizeof files / sizeof files[0]);
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        const char *path = NULL, *ign = NULL;
        int kind = 0, error = -1;
        int64_t read = -1, acc = -1, rej = -1;

        ck_assert_int_eq(wres_file_get(ctx, i, &path, &kind, &read, &acc,
                                       &rej, &error), WRES_OK);
        ck_assert_int_eq(kind, WRES_KIND_STAFF);
        ck_assert_msg(error == files[i].error, "file %zu: error %d", i, error);
        ck_assert_msg(read == files[i].read && acc == files[i].accepted
                      && read == acc + rej, "file %zu: %lld %lld %lld", i,
                      (long long)read, (long long)acc, (long long)rej);
        if (i == 0) {
            ck_assert_int_eq(wres_file_ignored_column(ctx, i, 0, &ign),
                             WRES_OK);
            ck_assert_str_eq(ign, "Site");
            ck_assert_int_eq(wres_file_ignored_column(ctx, i, 1, &ign),
                             WRES_DONE);
        } else {
            ck_assert_int_eq(wres_file_ignored_column(ctx, i, 0, &ign),
                             WRES_DONE);
        }
    }
    /* in the last file, S3 is new (the failed file registered no id), S1
     * duplicates the first file's S1 (ids are unique within (org, year)
     * across files) and S6 has a bad band */
    ck_assert_uint_eq(wres_rejection_count(ctx), 2);
    for (i = 0; i < 2; i++) {
        const char *file = NULL, *col = NULL, *msg = NULL;
        int64_t line = 0;
        int reason = 0;

        ck_assert_int_eq(wres_rejection_get(ctx, i, &file, &line, &col,
                                            &reason, &msg), WRES_OK);
        ck_assert_str_eq(file, "f5.csv");
        ck_assert_int_eq(line, i == 0 ? 3 : 4);
        ck_assert_str_eq(col, i == 0 ? "staff_id" : "band");
        ck_assert_int_eq(reason, i == 0 ? WRES_REASON_DUPLICATE_ID
                                        : WRES_REASON_UNKNOWN_BAND);
    }
    ck_assert_int_eq(wres_report_new(ctx, "", 2024, &r), WRES_OK);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "white", "count"), 1);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "bme", "count"), 2);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "unknown", "count"), 0);
    ck_assert_double_eq(tu_get(r, 1, "workforce", "total", "count"), 3);
    ck_assert_double_eq(tu_get(r, 0, "data_quality", "", "staff_headcount"),
                        3);
    wres_report_free(r);
    wres_ctx_free(ctx);
}
END_TEST

/* The reason-code names this suite reads are those of the library. */
START_TEST(test_reason_names)
{
    int i;

    for (i = 1; i <= NREASONS; i++)
        ck_assert_str_eq(wres_reason_name(i), reason_names[i]);
}
END_TEST

/* The cases, together, exercise every reason code of DATA.md. */
START_TEST(test_every_reason_covered)
{
    int seen[NREASONS + 1] = {0};
    int i;

    ck_assert_msg(n_cases > 0, "no case folders under %s/tests/data", top);
    for (i = 0; i < n_cases; i++) {
        char dir[4200];
        struct expect *e = calloc(1, sizeof *e);

        ck_assert_ptr_nonnull(e);
        snprintf(dir, sizeof dir, "%s/tests/data/%s", top, cases[i]);
        parse_expected(dir, e, seen);
        free(e);
    }
    for (i = 1; i <= NREASONS; i++)
        ck_assert_msg(seen[i], "no case uses reason %s", reason_names[i]);
}
END_TEST

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void scan(const char *sub)
{
    char dir[4200];
    DIR *d;
    struct dirent *de;

    snprintf(dir, sizeof dir, "%s/tests/data/%s", top, sub);
    d = opendir(dir);
    if (!d) {
        fprintf(stderr, "check_ingest: cannot open %s\n", dir);
        return;
    }
    while ((de = readdir(d)) != NULL) {
        char path[4500];
        struct stat st;
        size_t n;

        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        if (n_cases == MAX_CASES) {
            fprintf(stderr, "check_ingest: more than %d cases\n", MAX_CASES);
            break;
        }
        n = strlen(sub) + 1 + strlen(de->d_name) + 1;
        cases[n_cases] = malloc(n);
        if (!cases[n_cases])
            break;
        snprintf(cases[n_cases], n, "%s/%s", sub, de->d_name);
        n_cases++;
    }
    closedir(d);
}

static Suite *ingest_suite(void)
{
    Suite *s = suite_create("ingest");
    TCase *tc = tcase_create("cases");

    tcase_set_timeout(tc, 300);

    tcase_add_loop_test(tc, test_case, 0, 2 * n_cases);
    tcase_add_test(tc, test_failed_files_add_nothing);
    tcase_add_test(tc, test_reason_names);
    tcase_add_test(tc, test_every_reason_covered);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    const char *t = getenv("WRES_TOP");
    int failed, i;

    snprintf(top, sizeof top, "%s", t && *t ? t : ".");
    scan("bad");
    scan("csv");
    qsort(cases, (size_t)n_cases, sizeof cases[0], cmp_str);
    failed = tu_run(ingest_suite());
    for (i = 0; i < n_cases; i++)
        free(cases[i]);
    return failed == 0 && n_cases > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
