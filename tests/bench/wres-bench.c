/*
 * wres-bench - the national benchmark.  wres-bench [--json] [--threads N] DIR
 * ingests every CSV of DIR (staff.csv, applicants.csv, survey.csv,
 * survey_counts.csv, board.csv) through the public API into one handle,
 * computes every indicator for every (org, year), and prints a line per
 * phase: input MB, rows, wall and CPU seconds, MB/s, rows/s, peak RSS.  In
 * the same run it measures the floor -- read() of the same bytes into a
 * buffer, and a memchr count of their rows -- and prints libwres's ratio to
 * each.  With --json it prints every (org, year) report as one JSON array
 * on standard output instead (the figures go to standard error, and the
 * record-API phase is skipped), so the results can be checked against
 * other tools.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "wres.h"

static const char *const names[5] = {"staff", "applicants", "survey",
                                     "survey_counts", "board"};

typedef struct clockpair {
    double wall, cpu;
} clockpair;

static clockpair now(void)
{
    struct timespec w, c;
    clockpair t;

    clock_gettime(CLOCK_MONOTONIC, &w);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
    t.wall = (double)w.tv_sec + (double)w.tv_nsec / 1e9;
    t.cpu = (double)c.tv_sec + (double)c.tv_nsec / 1e9;
    return t;
}

static double peak_rss_mb(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

static FILE *out;   /* the figures: stdout, or stderr with --json */

static void phase(const char *name, double bytes, double rows, clockpair t0,
                  clockpair t1)
{
    double wall = t1.wall - t0.wall, cpu = t1.cpu - t0.cpu;

    fprintf(out, "%-22s %9.1f MB %11.0f rows %8.3f s wall %8.3f s cpu %9.1f MB/s "
            "%7.2f Mrows/s  peak RSS %7.1f MB\n",
            name, bytes / 1e6, rows, wall, cpu,
            wall > 0 ? bytes / 1e6 / wall : 0, wall > 0 ? rows / 1e6 / wall : 0,
            peak_rss_mb());
}

int main(int argc, char **argv)
{
    const char *dir = NULL;
    char path[4096];
    int json = 0, i, k;
    double bytes = 0, rows = 0, lines = 0, read_s, count_s, ingest_s;
    static char buf[1 << 20];
    clockpair t0, t1;
    wres_ctx *ctx;
    size_t p, np;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            dir = argv[i];
    }
    if (!dir) {
        fprintf(stderr, "usage: wres-bench [--json] DIR\n");
        return 2;
    }
    out = json ? stderr : stdout;
    fprintf(out, "libwres %s, one core, files in %s\n", wres_version_string(), dir);

    /* the floor: read() every byte, then count rows with memchr */
    t0 = now();
    for (k = 0; k < 5; k++) {
        int fd;
        ssize_t n;
        snprintf(path, sizeof path, "%s/%s.csv", dir, names[k]);
        if ((fd = open(path, O_RDONLY)) < 0)
            continue;
        while ((n = read(fd, buf, sizeof buf)) > 0)
            bytes += (double)n;
        close(fd);
    }
    t1 = now();
    read_s = t1.wall - t0.wall;
    phase("read() floor", bytes, 0, t0, t1);
    t0 = now();
    for (k = 0; k < 5; k++) {
        int fd;
        ssize_t n;
        snprintf(path, sizeof path, "%s/%s.csv", dir, names[k]);
        if ((fd = open(path, O_RDONLY)) < 0)
            continue;
        while ((n = read(fd, buf, sizeof buf)) > 0) {
            const char *q = buf, *end = buf + n;
            while ((q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
                lines++;
                q++;
            }
            q = buf;
            while ((q = memchr(q, ',', (size_t)(end - q))) != NULL)
                q++;
        }
        close(fd);
    }
    t1 = now();
    count_s = t1.wall - t0.wall;
    phase("memchr count floor", bytes, lines, t0, t1);

    /* libwres: ingest everything into one handle */
    if (wres_ctx_new(&ctx) != WRES_OK)
        return 1;
    t0 = now();
    for (k = 0; k < 5; k++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s.csv", dir, names[k]);
        if (stat(path, &st) != 0)
            continue;
        if (wres_ingest_file(ctx, k + 1, path) != WRES_OK) {
            fprintf(stderr, "%s\n", wres_errmsg(ctx));
            return 1;
        }
    }
    t1 = now();
    ingest_s = t1.wall - t0.wall;
    for (p = 0; p < wres_file_count(ctx); p++) {
        int64_t rd, rj;
        wres_file_get(ctx, p, NULL, NULL, &rd, NULL, &rj, NULL);
        rows += (double)rd;
        if (rj)
            fprintf(out, "(%lld rows rejected in file %zu)\n", (long long)rj, p);
    }
    phase("libwres ingest", bytes, rows, t0, t1);

    /* every indicator for every (org, year) */
    np = wres_period_count(ctx);
    t0 = now();
    if (json)
        fputs("[\n", stdout);
    for (p = 0; p < np; p++) {
        const char *org, *text;
        int64_t year;
        size_t len;
        wres_report *r;
        wres_period_get(ctx, p, &org, &year);
        if (wres_report_new(ctx, org, year, &r) != WRES_OK ||
            wres_report_render(r, WRES_FORMAT_JSON, &text, &len) != WRES_OK)
            return 1;
        if (json) {
            fwrite(text, 1, len - 1, stdout);   /* drop the final newline */
            fputs(p + 1 < np ? ",\n" : "\n", stdout);
        }
        wres_report_free(r);
    }
    if (json)
        fputs("]\n", stdout);
    t1 = now();
    fprintf(out, "%-22s %zu (org, year) reports in %.3f s wall (%.2f ms each)\n",
            "libwres reports", np, t1.wall - t0.wall,
            np ? (t1.wall - t0.wall) * 1e3 / (double)np : 0);
    fprintf(out, "%-22s %.3f s: %.2fx the read() floor, %.2fx the memchr count\n",
            "ingest + reports", ingest_s + t1.wall - t0.wall,
            (ingest_s + t1.wall - t0.wall) / read_s,
            (ingest_s + t1.wall - t0.wall) / count_s);
    fprintf(out, "%-22s %.2f (target: at most 0.5)\n", "peak RSS / input",
            peak_rss_mb() * 1024 * 1024 / bytes);
    wres_ctx_free(ctx);

    /* the record API: staff records into a fresh handle */
    if (!json) {
        static const char *const eth[] = {"A", "A", "A", "B", "C", "H", "N", "M", "Z", "S"};
        static const char *const band[] = {"Band 2", "Band 3", "Band 5", "Band 6", "Band 7", "Band 8a"};
        const long n = 2000000;
        wres_record *rec;
        char id[32];
        long j;
        if (wres_ctx_new(&ctx) != WRES_OK ||
            wres_record_new(ctx, WRES_KIND_STAFF, "api", &rec) != WRES_OK)
            return 1;
        t0 = now();
        for (j = 0; j < n; j++) {
            snprintf(id, sizeof id, "%ld", j);
            wres_record_set(rec, "staff_id", id);
            wres_record_set_int(rec, "year", 2024);
            wres_record_set(rec, "org", "R1");
            wres_record_set(rec, "ethnicity", eth[j % 10]);
            wres_record_set(rec, "band", band[j % 6]);
            wres_record_set(rec, "staff_group", j % 3 ? "clinical" : "non-clinical");
            wres_record_set(rec, "training", j % 2 ? "yes" : "no");
            if (wres_record_add(rec) != WRES_OK)
                return 1;
        }
        t1 = now();
        phase("record API (staff)", 0, (double)n, t0, t1);
        wres_record_free(rec);
        wres_ctx_free(ctx);
    }

    /* the same in columns: wres_staff_batch, 10 million records */
    if (!json) {
        const size_t n = 10000000, chunk = 100000;
        char *idtext = malloc(n * 9);
        const char **ids = malloc(n * sizeof *ids);
        uint8_t *eth = malloc(n), *band = malloc(n), *sg = malloc(n), *tr = malloc(n);
        int32_t *year = malloc(n * sizeof *year);
        size_t j;
        if (!idtext || !ids || !eth || !band || !sg || !tr || !year)
            return 1;
        for (j = 0; j < n; j++) {
            snprintf(idtext + j * 9, 9, "%08zu", j);
            ids[j] = idtext + j * 9;
            eth[j] = (uint8_t)(j % 10 < 7 ? WRES_ETH_A + j % 3 : WRES_ETH_H + j % 8);
            band[j] = (uint8_t)(WRES_BAND_2 + j % 6);
            sg[j] = (uint8_t)(j % 3);
            tr[j] = (uint8_t)(j % 2);
            year[j] = 2024;
        }
        if (wres_ctx_new(&ctx) != WRES_OK)
            return 1;
        t0 = now();
        for (j = 0; j < n; j += chunk)
            if (wres_staff_batch(ctx, "api", "R1", chunk, year + j, ids + j, eth + j,
                                 band + j, sg + j, NULL, tr + j, NULL) != WRES_OK)
                return 1;
        t1 = now();
        phase("wres_staff_batch", 0, (double)n, t0, t1);
        wres_ctx_free(ctx);
        free(idtext);
        free(ids);
        free(eth);
        free(band);
        free(sg);
        free(tr);
        free(year);
    }
    return 0;
}
