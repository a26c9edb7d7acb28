/*
 * fuzz_csv.c - libFuzzer target: CSV ingestion of one record kind
 * (FUZZ_KIND, 1..5) followed by the report for the latest year in every
 * format.  Besides the sanitizers it checks the invariants a crash-free
 * run could still break: rows read = accepted + rejected for the file,
 * one rejection listed per rejected row, and JSON whose values are
 * finite numbers, true, false, null or strings (fuzz_check.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wres.h"
#include "fuzz_check.h"

#ifndef FUZZ_KIND
#define FUZZ_KIND 1
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_report(wres_ctx *ctx)
{
    wres_report *r;
    wres_cursor *c;
    const char *out;
    size_t len;
    int64_t year;

    if (wres_latest_year(ctx, &year) != WRES_OK)
        return;
    if (wres_report_new(ctx, "", year, &r) != WRES_OK)
        abort();
    if (wres_report_render(r, WRES_FORMAT_JSON, &out, &len) != WRES_OK ||
        strlen(out) != len)
        abort();
    fuzz_check_json(out);
    if (wres_report_render(r, WRES_FORMAT_TEXT, &out, &len) != WRES_OK)
        abort();
    if (wres_report_render(r, WRES_FORMAT_CSV, &out, &len) != WRES_OK)
        abort();
    if (wres_cursor_new(r, &c) != WRES_OK)
        abort();
    while (wres_cursor_next(c) == WRES_OK)
        if (wres_cursor_type(c) == WRES_TYPE_DOUBLE) {
            double v = wres_cursor_double(c);
            if (v != v || v - v != 0)  /* NaN or infinite */
                abort();
        }
    wres_cursor_free(c);
    wres_report_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wres_ctx *ctx;
    int64_t rd, ac, rj;
    int err, rv;

    if (wres_ctx_new(&ctx) != WRES_OK)
        return 0;
    /* half the inputs run with a default year, so year-less files pass */
    if (size && (data[0] & 1))
        wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, 2024);
    rv = wres_ingest_buffer(ctx, FUZZ_KIND, "fuzz.csv", (const char *)data, size);
    if (rv != WRES_OK && rv != WRES_E_FORMAT)
        abort();
    if (wres_file_get(ctx, 0, NULL, NULL, &rd, &ac, &rj, &err) != WRES_OK)
        abort();
    if (rd != ac + rj || (int64_t)wres_rejection_count(ctx) != rj)
        abort();
    if ((rv == WRES_E_FORMAT) != (err != 0) || (err && rd != 0))
        abort();
    check_report(ctx);
    wres_ctx_free(ctx);
    return 0;
}
