/*
 * testutil.h - small helpers shared by the Check suites: a fresh handle,
 * ingestion of a string as a CSV buffer, and figure lookups that fail the
 * test with a readable message.
 */
#ifndef WRES_TESTUTIL_H
#define WRES_TESTUTIL_H

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wres.h"

/* Ingest a NUL-terminated CSV text as a buffer named name. */
static inline int tu_ingest(wres_ctx *ctx, int kind, const char *name,
                            const char *csv)
{
    return wres_ingest_buffer(ctx, kind, name, csv, strlen(csv));
}

/* A figure that must exist and be non-null. */
static inline double tu_get(const wres_report *r, int ind, const char *part,
                            const char *group, const char *measure)
{
    double v = -12345.0;
    int rv = wres_report_get(r, ind, part, group, measure, &v);
    ck_assert_msg(rv == WRES_OK, "figure %d/%s/%s/%s: status %d", ind,
                  part ? part : "", group ? group : "", measure, rv);
    return v;
}

/* A figure that must exist and be null. */
static inline void tu_null(const wres_report *r, int ind, const char *part,
                           const char *group, const char *measure)
{
    double v;
    int rv = wres_report_get(r, ind, part, group, measure, &v);
    ck_assert_msg(rv == WRES_NULL, "figure %d/%s/%s/%s: status %d, want null",
                  ind, part ? part : "", group ? group : "", measure, rv);
}

/* Render the report as a string owned by the report. */
static inline const char *tu_render(wres_report *r, int format)
{
    const char *out = NULL;
    size_t len = 0;
    ck_assert_int_eq(wres_report_render(r, format, &out, &len), WRES_OK);
    ck_assert_uint_eq(strlen(out), len);
    return out;
}

/* A whole file, NUL-terminated after its len bytes; the caller frees it. */
static inline char *tu_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Run a suite; returns the number of failures. */
static inline int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed;
}

#endif
