/*
 * wres-report - the WRES report of one organisation and reporting year
 * from a trust's CSV exports.  A thin program over the public API: it
 * ingests the files in a fixed order, prints every rejected row and every
 * failed file to standard error, and writes the report to standard output.
 *
 * With --all-orgs it writes every (organisation, year) report and one
 * aggregate report per year; with --screen, the screening of every
 * organisation against the others (see wres-report(1) for the shapes).
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
            "[--format text|json|csv|html] [--progress]\n"
            "                   [--groups] [--trend] [--by DIM[,DIM]]... "
            "[--service-bands Y,Y...]\n"
            "                   [--low-events N] [--low-people N]\n"
            "                   [--all-orgs] [--screen] [--targets] "
            "[--target-share S] [--target-year Y]\n"
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

/* ---- output: the report, or with --all-orgs and --screen, several ---- */

/* Where write_many() writes: a memory stream, copied to standard output
 * only when every report could be made (nothing is written on failure). */
static FILE *out_f;

static int write_all(const char *p, size_t n)
{
    return fwrite(p, 1, n, out_f) == n ? 0 : -1;
}

static int write_str(const char *p)
{
    return write_all(p, strlen(p));
}

/* text without its final newline */
static int write_trimmed(const char *p, size_t n)
{
    return write_all(p, n && p[n - 1] == '\n' ? n - 1 : n);
}

static int write_csv_field(const char *s)
{
    int rv = 0;

    if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && s[0] != '\t')
        return write_str(s);
    rv |= write_str("\"");
    for (; *s; s++)
        rv |= *s == '"' ? write_str("\"\"") : write_all(s, 1);
    return rv | write_str("\"");
}

/* The CSV rows of a rendering (its header dropped), each after prefix. */
static int write_csv_rows(const char *p, size_t n, const char *org, int year,
                          const char *section)
{
    const char *end = p + n, *nl = memchr(p, '\n', n);
    char y[16];
    int rv = 0;

    snprintf(y, sizeof y, "%d", year);
    for (p = nl ? nl + 1 : end; p < end; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        rv |= write_str(section);
        if (org) {
            rv |= write_str(",");
            rv |= write_csv_field(org);
            rv |= write_str(",");
            rv |= write_str(year ? y : "");
        }
        rv |= write_str(",");
        rv |= write_all(p, (size_t)(nl - p) + (nl < end));
        if (nl == end)
            break;
    }
    return rv;
}

/* One report in the --all-orgs document: the piece before it (sep) and
 * the report in the document's format. */
static int write_one(wres_report *r, int format, const char *sep,
                     const char *org, int year, const char *section)
{
    const char *text;
    size_t len;
    int rv = wres_report_render(r, format, &text, &len);

    if (rv != WRES_OK)
        return rv;
    if (format == WRES_FORMAT_CSV)
        return write_csv_rows(text, len, org, year, section) ? 1 : WRES_OK;
    if (write_str(sep))
        return 1;
    if (format == WRES_FORMAT_JSON)
        return write_trimmed(text, len) ? 1 : WRES_OK;
    return write_all(text, len) ? 1 : WRES_OK;
}

/* --all-orgs (and --screen): the reports of every (org, year), of the year
 * `only` when it is not 0, the aggregate of each year, then the screening.
 * Returns WRES_OK, a status, or 1 when standard output failed. */
static int write_many(wres_ctx *ctx, int format, int all_orgs, int screen,
                      int only)
{
    size_t i, n = wres_period_count(ctx), nyears = 0;
    int64_t *years = calloc(n ? n : 1, sizeof *years);
    const char *org, *text;
    int64_t year;
    size_t len, k;
    int rv = WRES_OK, first = 1;
    wres_report *r;
    wres_screen *s;

    if (!years)
        return WRES_E_NOMEM;
    if (format == WRES_FORMAT_CSV &&
        write_str("section,org,year,indicator,part,group,measure,value\n")) {
        free(years);
        return 1;
    }
    if (format == WRES_FORMAT_JSON && write_str(all_orgs ? "{\"reports\": [" : "{"))
        rv = 1;
    for (i = 0; all_orgs && rv == WRES_OK && i < n; i++) {
        if ((rv = wres_period_get(ctx, i, &org, &year)) != WRES_OK)
            break;
        for (k = 0; k < nyears && years[k] != year; k++)
            ;
        if (k == nyears && (!only || year == only))
            years[nyears++] = year;
        if (only && year != only)
            continue;
        if ((rv = wres_report_new(ctx, org, year, &r)) != WRES_OK)
            break;
        rv = write_one(r, format, format == WRES_FORMAT_JSON ? (first ? "\n" : ",\n")
                                                             : (first ? "" : "\n"),
                       org, (int)year, "report");
        wres_report_free(r);
        first = 0;
    }
    /* the aggregates, years ascending */
    for (i = 1; i < nyears; i++)
        for (k = i; k > 0 && years[k - 1] > years[k]; k--) {
            int64_t t = years[k];
            years[k] = years[k - 1];
            years[k - 1] = t;
        }
    if (all_orgs && rv == WRES_OK && format == WRES_FORMAT_JSON &&
        write_str(n ? "\n],\n\"aggregate\": [" : "],\n\"aggregate\": ["))
        rv = 1;
    for (k = 0; all_orgs && rv == WRES_OK && k < nyears; k++) {
        if ((rv = wres_report_new_aggregate(ctx, years[k], &r)) != WRES_OK)
            break;
        rv = write_one(r, format, format == WRES_FORMAT_JSON ? (k ? ",\n" : "\n")
                                                             : (first ? "" : "\n"),
                       "", (int)years[k], "aggregate");
        wres_report_free(r);
        first = 0;
    }
    if (all_orgs && rv == WRES_OK && format == WRES_FORMAT_JSON &&
        write_str(nyears ? "\n]" : "]"))
        rv = 1;
    free(years);
    if (screen && rv == WRES_OK) {
        if ((rv = wres_screen_new(ctx, &s)) != WRES_OK)
            return rv;
        rv = wres_screen_render(s, format, &text, &len);
        if (rv == WRES_OK) {
            if (format == WRES_FORMAT_CSV)
                rv = write_csv_rows(text, len, NULL, 0, "screening") ? 1 : WRES_OK;
            else if (format == WRES_FORMAT_JSON)
                rv = write_str(all_orgs ? ",\n\"screening\": " : "\"screening\": ") ||
                     write_trimmed(text, len) ? 1 : WRES_OK;
            else
                rv = write_str(first ? "" : "\n") || write_all(text, len) ? 1 : WRES_OK;
        }
        wres_screen_free(s);
    }
    if (rv == WRES_OK && format == WRES_FORMAT_JSON && write_str("}\n"))
        rv = 1;
    return rv;
}

int main(int argc, char **argv)
{
    static const char *const flags[5] = {"--staff", "--applicants", "--survey",
                                         "--survey-counts", "--board"};
    static const int kinds[5] = {WRES_KIND_STAFF, WRES_KIND_APPLICANTS,
                                 WRES_KIND_SURVEY, WRES_KIND_SURVEY_COUNTS,
                                 WRES_KIND_BOARD};
    const char *files[5] = {NULL, NULL, NULL, NULL, NULL};
    const char *org = NULL, *year_arg = NULL, *conf_arg = NULL;
    const char *share_arg = NULL, *target_year_arg = NULL;
    int all_orgs = 0, screen = 0, targets = 0, target_year = 0;
    double target_share = 0.0;
    int format = WRES_FORMAT_TEXT, i, k, nfiles = 0, year = 0;
    int failed = 0, rejected = 0, rv, status, show_progress = 0, publish = 0;
    int groups = 0, trend = 0, n_by = 0;
    const char *by[16], *service = NULL, *low_events = NULL, *low_people = NULL;
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
        if (strcmp(a, "--groups") == 0 || strcmp(a, "--trend") == 0) {
            *(a[2] == 'g' ? &groups : &trend) = 1;
            continue;
        }
        if (strcmp(a, "--all-orgs") == 0) {
            all_orgs = 1;
            continue;
        }
        if (strcmp(a, "--screen") == 0) {
            screen = 1;
            continue;
        }
        if (strcmp(a, "--targets") == 0) {
            targets = 1;
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
        } else if (strcmp(a, "--by") == 0) {
            if (n_by == 16)
                return usage_error("at most 16 breakdowns", argv[i + 1]);
            by[n_by++] = argv[++i];
        } else if (strcmp(a, "--service-bands") == 0) {
            service = argv[++i];
        } else if (strcmp(a, "--low-events") == 0) {
            low_events = argv[++i];
        } else if (strcmp(a, "--low-people") == 0) {
            low_people = argv[++i];
        } else if (strcmp(a, "--org") == 0) {
            org = argv[++i];
        } else if (strcmp(a, "--confidence") == 0) {
            conf_arg = argv[++i];
        } else if (strcmp(a, "--target-share") == 0) {
            share_arg = argv[++i];
        } else if (strcmp(a, "--target-year") == 0) {
            target_year_arg = argv[++i];
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
            else if (strcmp(f, "html") == 0)
                format = WRES_FORMAT_HTML;
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
    if (org && all_orgs)
        return usage_error("--org and --all-orgs exclude each other", NULL);
    if (format == WRES_FORMAT_HTML && (all_orgs || screen))
        return usage_error("--format html is one organisation's report: not with "
                           "--all-orgs or --screen", NULL);
    if (format == WRES_FORMAT_HTML)
        trend = 1;      /* the page charts every year loaded */
    if (share_arg) {
        char *end;
        target_share = strtod(share_arg, &end);
        if (end == share_arg || *end != '\0' ||
            !(target_share > 0.0 && target_share <= 1.0))
            return usage_error("target share must be a number above 0, at most 1",
                               share_arg);
        targets = 1;
    }
    if (target_year_arg) {
        if (!(target_year = parse_year(target_year_arg)))
            return usage_error("not a target year", target_year_arg);
        targets = 1;
    }
    if (!org)
        org = "";

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
    if (targets)
        wres_ctx_set_int(ctx, WRES_OPT_TARGETS, 1);
    if (target_share > 0.0)
        wres_ctx_set_double(ctx, WRES_OPT_TARGET_SHARE, target_share);
    if (target_year)
        wres_ctx_set_int(ctx, WRES_OPT_TARGET_YEAR, target_year);
    if (show_progress && isatty(STDERR_FILENO))
        wres_ctx_set_progress(ctx, progress, NULL);
    wres_ctx_set_int(ctx, WRES_OPT_GROUPS, groups);
    wres_ctx_set_int(ctx, WRES_OPT_TREND, trend);
    {
        /* deep dives: named before any file is read */
        const char *bad = NULL;
        for (k = 0; k < 2; k++) {
            const char *v = k ? low_people : low_events;
            char *end;
            long n;
            if (!v)
                continue;
            n = strtol(v, &end, 10);
            if (end == v || *end || n < 0) {
                fprintf(stderr, "wres-report: %s: not a whole number of 0 or more\n", v);
                usage(stderr);
                wres_ctx_free(ctx);
                return 2;
            }
            wres_ctx_set_int(ctx, k ? WRES_OPT_LOW_PEOPLE : WRES_OPT_LOW_EVENTS, n);
        }
        if (service &&
            wres_ctx_set_string(ctx, WRES_OPT_SERVICE_BANDS, service) != WRES_OK)
            bad = service;
        for (k = 0; k < n_by && !bad; k++)
            if (wres_ctx_add_breakdown(ctx, by[k]) != WRES_OK)
                bad = by[k];
        if (bad) {
            fprintf(stderr, "wres-report: %s: %s\n", bad, wres_errmsg(ctx));
            usage(stderr);
            wres_ctx_free(ctx);
            return 2;
        }
    }

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

    if (all_orgs || screen) {
        if (wres_latest_year(ctx, &latest) != WRES_OK) {
            fprintf(stderr, "wres-report: no reporting year: no rows were accepted\n");
            wres_ctx_free(ctx);
            return failed ? 3 : 2;
        }
        char *doc = NULL;
        size_t doc_len = 0;
        out_f = open_memstream(&doc, &doc_len);
        rv = out_f ? write_many(ctx, format, all_orgs, screen, year) : WRES_E_NOMEM;
        if (out_f && fclose(out_f) != 0 && rv == WRES_OK)
            rv = WRES_E_NOMEM;
        status = failed ? 3 : rejected ? 1 : 0;
        if (rv == WRES_OK && (fwrite(doc, 1, doc_len, stdout) != doc_len ||
                              fflush(stdout) != 0 || ferror(stdout)))
            rv = 1;
        free(doc);
        if (rv == 1) {
            fprintf(stderr, "wres-report: cannot write the report\n");
            status = 2;
        } else if (rv != WRES_OK) {
            fprintf(stderr, "wres-report: %s%s%s\n", wres_strerror(rv),
                    rv == WRES_E_RANGE ? ": " : "",
                    rv == WRES_E_RANGE ? wres_errmsg(ctx) : "");
            status = 2;
        }
        wres_ctx_free(ctx);
        return status;
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
        fprintf(stderr, "wres-report: %s%s%s\n", wres_strerror(rv),
                rv == WRES_E_RANGE ? ": " : "",
                rv == WRES_E_RANGE ? wres_errmsg(ctx) : "");
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
