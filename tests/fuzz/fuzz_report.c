/*
 * fuzz_report.c - libFuzzer target: one handle fed all five kinds from one
 * input (split at 0x1e record separators), a confidence level taken from
 * the input (its lowest bit also turns the groups and the trend on), and
 * the report of every (org, year) the rows name, in every
 * format.  Exercises the indicators and writers over arbitrary counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wres.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const orgs[] = {"", "R1", "RXX", "A"};
    wres_ctx *ctx;
    const uint8_t *p = data, *end = data + size;
    int kind = 1, year;
    size_t o;

    if (wres_ctx_new(&ctx) != WRES_OK)
        return 0;
    if (size >= 2) {
        /* a confidence strictly inside (0, 1) */
        double c = (1 + (double)(data[0] | (data[1] << 8))) / 65538.0;
        if (wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, c) != WRES_OK)
            abort();
        p += 2;
        wres_ctx_set_int(ctx, WRES_OPT_DEFAULT_YEAR, 2024);
        /* the confidence's lowest bit also turns on the groups and the
         * trend (the HTML page's charts by group and over the years) */
        if (data[0] & 1) {
            wres_ctx_set_int(ctx, WRES_OPT_GROUPS, 1);
            wres_ctx_set_int(ctx, WRES_OPT_TREND, 1);
        }
    }
    while (p <= end && kind <= 5) {
        const uint8_t *q = memchr(p, 0x1e, (size_t)(end - p));
        size_t n = q ? (size_t)(q - p) : (size_t)(end - p);
        wres_ingest_buffer(ctx, kind++, "part.csv", (const char *)p, n);
        if (!q)
            break;
        p = q + 1;
    }
    for (o = 0; o < sizeof orgs / sizeof orgs[0]; o++)
        for (year = 2020; year <= 2025; year++) {
            wres_report *r;
            const char *out;
            size_t len;
            if (wres_report_new(ctx, orgs[o], year, &r) != WRES_OK)
                abort();
            if (wres_report_render(r, WRES_FORMAT_JSON, &out, &len) != WRES_OK)
                abort();
            fuzz_check_json(out);
            wres_report_render(r, WRES_FORMAT_TEXT, &out, &len);
            wres_report_render(r, WRES_FORMAT_CSV, &out, &len);
            wres_report_render(r, WRES_FORMAT_HTML, &out, &len);
            wres_report_free(r);
        }
    wres_ctx_free(ctx);
    return 0;
}
