/*
 * wres-report - the WRES report of one organisation and reporting year
 * from a trust's CSV exports.  A thin program over the public API: it
 * ingests the files in a fixed order, prints every rejected row and every
 * failed file to standard error, and writes the report to standard output.
 *
 * Exit status: 0 report written, no rejections; 1 report written, some
 * rows rejected; 2 usage error or no reporting year; 3 a file failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wres.h"

static void usage(FILE *to)
{
    fprintf(to,
            "usage: wres-report [--staff F] [--applicants F] [--survey F] "
            "[--survey-counts F] [--board F]\n"
            "                   [--year Y] [--org CODE] [--confidence C] "
            "[--format text|json|csv] [--progress]\n"
            "                   [--publish] [--suppress-max N] [--round-base N]\n"
            "                   [--summary F]... [--save-summary F]\n");
}

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "wres-report: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    usage(stderr);
    return 2;
}

/* "2024", "2023/24" or "2023-24", trimmed; 0 when not a year. */
static int parse_year(const char *s)
{
    char buf[16];
    size_t a = 0, b = strlen(s), n;
    int y, i;

    while (a < b && (s[a] == ' ' || s[a] == '\t'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        b--;
    n = b - a;
    if (n != 4 && n != 7)
        return 0;
    memcpy(buf, s + a, n);
    buf[n] = '\0';
    for (i = 0; i < 4; i++)
        if (buf[i] < '0' || buf[i] > '9')
            return 0;
    y = atoi(buf);
    if (n == 7) {
        int next;
        if ((buf[4] != '/' && buf[4] != '-') || buf[5] < '0' || buf[5] > '9' ||
            buf[6] < '0' || buf[6] > '9')
            return 0;
        next = (buf[5] - '0') * 10 + (buf[6] - '0');
        if (next != (y + 1) % 100)
            return 0;
        y++;
    }
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* A whole non-negative number up to max, or -1. */
static long parse_count(const char *s, long max)
{
    long v = 0;

    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > max / 10)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v <= max ? v : -1;
}

/* --progress: a bar on standard error while a file is read, drawn only
 * when standard error is a terminal. */
static const char *progress_name;

static void progress(void *user, int64_t done, int64_t total, int64_t rows)
{
    char bar[41];
    int i, fill = total > 0 ? (int)(done * 40 / total) : 0;

    (void)user;
    for (i = 0; i < 40; i++)
        bar[i] = i < fill ? '#' : total > 0 ? '.' : ' ';
    bar[40] = '\0';
    if (total > 0)
        fprintf(stderr, "\r%s [%s] %3d%% %lld rows", progress_name, bar,
                (int)(done * 100 / total), (long long)rows);
    else
        fprintf(stderr, "\r%s %lld MB %lld rows", progress_name,
                (long long)(done >> 20), (long long)rows);
    fflush(stderr);
}

int main(int argc, char **argv)
{
    static const char *const flags[5] = {"--staff", "--applicants", "--survey",
                                         "--survey-counts", "--board"};
    static const int kinds[5] = {WRES_KIND_STAFF, WRES_KIND_APPLICANTS,
                                 WRES_KIND_SURVEY, WRES_KIND_SURVEY_COUNTS,
                                 WRES_KIND_BOARD};
    const char *files[5] = {NULL, NULL, NULL, NULL, NULL};
    const char *org = "", *year_arg = NULL, *conf_arg = NULL;
    int format = WRES_FORMAT_TEXT, i, k, nfiles = 0, year = 0;
    int failed = 0, rejected = 0, rv, status, show_progress = 0, publish = 0;
    long suppress_max = -1, round_base = -1;
    const char **summaries = NULL, *save_summary = NULL;
    int n_summaries = 0;
    double confidence = 0.95;
    wres_ctx *ctx = NULL;
    wres_report *report = NULL;
    const char *text;
    size_t len, shown = 0;
    int64_t latest;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int matched = 0;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--progress") == 0) {
            show_progress = 1;
            continue;
        }
        if (strcmp(a, "--publish") == 0) {
            publish = 1;
            continue;
        }
        if (i + 1 >= argc)
            return usage_error("missing value or unknown option", a);
        for (k = 0; k < 5; k++)
            if (strcmp(a, flags[k]) == 0) {
                files[k] = argv[++i];
                matched = 1;
            }
        if (matched)
            continue;
        if (strcmp(a, "--year") == 0) {
            year_arg = argv[++i];
        } else if (strcmp(a, "--org") == 0) {
            org = argv[++i];
        } else if (strcmp(a, "--confidence") == 0) {
            conf_arg = argv[++i];
        } else if (strcmp(a, "--suppress-max") == 0) {
            if ((suppress_max = parse_count(argv[++i], 1000000)) < 0)
                return usage_error("--suppress-max takes a whole number 0 to 1000000",
                                   argv[i]);
        } else if (strcmp(a, "--round-base") == 0) {
            if ((round_base = parse_count(argv[++i], 1000000)) < 1)
                return usage_error("--round-base takes a whole number 1 to 1000000",
                                   argv[i]);
        } else if (strcmp(a, "--summary") == 0) {
            if (!summaries && !(summaries = calloc((size_t)argc, sizeof *summaries))) {
                fprintf(stderr, "wres-report: out of memory\n");
                return 2;
            }
            summaries[n_summaries++] = argv[++i];
        } else if (strcmp(a, "--save-summary") == 0) {
            save_summary = argv[++i];
        } else if (strcmp(a, "--format") == 0) {
            const char *f = argv[++i];
            if (strcmp(f, "text") == 0)
                format = WRES_FORMAT_TEXT;
            else if (strcmp(f, "json") == 0)
                format = WRES_FORMAT_JSON;
            else if (strcmp(f, "csv") == 0)
                format = WRES_FORMAT_CSV;
            else
                return usage_error("unknown format", f);
        } else {
            return usage_error("unknown option", a);
        }
    }
    for (k = 0; k < 5; k++)
        nfiles += files[k] != NULL;
    nfiles += n_summaries;
    if (!nfiles) {
        free(summaries);
        return usage_error("no input file given", NULL);
    }
    if (year_arg && !(year = parse_year(year_arg)))
        return usage_error("not a reporting year", year_arg);
    if (conf_arg) {
        char *end;
        confidence = strtod(conf_arg, &end);
        if (end == conf_arg || *end != '\0' || !(confidence > 0.0 && confidence < 1.0))
            return usage_error("confidence must be a number between 0 and 1",
                               conf_arg);
    }

    if (wres_ctx_new(&ctx) != WRES_OK) {
        fprintf(stderr, "wres-report: out of memory\n");
        free(summaries);
        return 2;
    }
    wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, confidence);
    wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, publish);
    if (suppress_max >= 0)
        wres_ctx_set_int(ctx, WRES_OPT_SUPPRESS_MAX, suppress_max);
    if (round_base >= 1)
        wres_ctx_set_int(ctx, WRES_OPT_ROUND_BASE, round_base);
    if (year)
        wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, year);
    if (show_progress && isatty(STDERR_FILENO))
        wres_ctx_set_progress(ctx, progress, NULL);

    for (k = 0; k < 5; k++) {
        if (!files[k])
            continue;
        progress_name = files[k];
        rv = wres_ingest_file(ctx, kinds[k], files[k]);
        if (show_progress && isatty(STDERR_FILENO))
            fputs("\n", stderr);
        for (; shown < wres_rejection_count(ctx); shown++) {
            const char *file, *column, *message;
            int64_t line;
            int reason;
            wres_rejection_get(ctx, shown, &file, &line, &column, &reason, &message);
            fprintf(stderr, "%s:%lld: %s: %s: %s\n", file, (long long)line,
                    column, wres_reason_name(reason), message);
            rejected = 1;
        }
        if (rv == WRES_E_IO || rv == WRES_E_FORMAT) {
            fprintf(stderr, "%s\n", wres_errmsg(ctx));
            failed = 1;
        } else if (rv != WRES_OK) {
            fprintf(stderr, "wres-report: %s: %s\n", files[k], wres_strerror(rv));
            wres_ctx_free(ctx);
            free(summaries);
            return 2;
        }
    }
    /* summaries after the CSV files, in the order given; a refused one
     * changes nothing */
    for (i = 0; i < n_summaries; i++) {
        rv = wres_summary_load(ctx, summaries[i]);
        if (rv == WRES_E_NOMEM) {
            fprintf(stderr, "wres-report: %s: %s\n", summaries[i], wres_strerror(rv));
            wres_ctx_free(ctx);
            free(summaries);
            return 2;
        }
        if (rv != WRES_OK) {
            fprintf(stderr, "%s\n", wres_errmsg(ctx));
            failed = 1;
        }
    }
    free(summaries);
    if (save_summary && wres_summary_save(ctx, save_summary) != WRES_OK) {
        fprintf(stderr, "wres-report: %s\n", wres_errmsg(ctx));
        failed = 1;
    }

    if (!year) {
        if (wres_latest_year(ctx, &latest) != WRES_OK) {
            fprintf(stderr, "wres-report: no reporting year: no rows were accepted "
                            "and no --year was given\n");
            wres_ctx_free(ctx);
            return failed ? 3 : 2;
        }
        year = (int)latest;
    }
    rv = wres_report_new(ctx, org, year, &report);
    if (rv == WRES_OK)
        rv = wres_report_render(report, format, &text, &len);
    if (rv != WRES_OK) {
        fprintf(stderr, "wres-report: %s\n", wres_strerror(rv));
        wres_report_free(report);
        wres_ctx_free(ctx);
        return 2;
    }
    status = failed ? 3 : rejected ? 1 : 0;
    if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0 ||
        ferror(stdout)) {
        fprintf(stderr, "wres-report: cannot write the report\n");
        status = 2;
    }
    wres_report_free(report);
    wres_ctx_free(ctx);
    return status;
}
