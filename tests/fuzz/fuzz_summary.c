/*
 * fuzz_summary.c - libFuzzer target: a summary loaded into a handle that
 * already holds data.  The first byte chooses whether the rest is loaded
 * as it is (the header and checksum must hold) or as a body wrapped in a
 * valid header and checksum (so the fuzzer reaches the body's parser).
 * Bit 2 of the first byte names breakdowns first (directorate and
 * length_of_service: the breakdown cells are then re-interned and
 * merged).  Refused or not, the handle must still report in every
 * format; a summary accepted must save and load again to the same
 * summary.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wres.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void report_all(wres_ctx *ctx)
{
    size_t i, n = wres_period_count(ctx);

    for (i = 0; i < n; i++) {
        const char *org, *out;
        int64_t year;
        size_t len;
        wres_report *r;
        if (wres_period_get(ctx, i, &org, &year) != WRES_OK ||
            wres_report_new(ctx, org, year, &r) != WRES_OK)
            abort();
        if (wres_report_render(r, WRES_FORMAT_JSON, &out, &len) != WRES_OK)
            abort();
        fuzz_check_json(out);
        wres_report_render(r, WRES_FORMAT_TEXT, &out, &len);
        wres_report_render(r, WRES_FORMAT_CSV, &out, &len);
        wres_report_free(r);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char staff[] = "staff_id,year,org,ethnicity,band,staff_group\n"
                                "1,2024,RAB,A,5,clinical\n2,2024,RAB,H,5,clinical\n";
    wres_ctx *ctx, *again;
    char *buf = NULL;
    const char *s;
    size_t len, slen;
    int rv;

    if (size < 1)
        return 0;
    if (wres_ctx_new(&ctx) != WRES_OK)
        return 0;
    if (data[0] & 4)
        wres_ctx_add_breakdown(ctx, "directorate,length_of_service");
    wres_ingest_buffer(ctx, WRES_KIND_STAFF, "s.csv", staff, sizeof staff - 1);
    if (data[0] & 1) {
        /* wrap the body in a valid header */
        uint64_t h = 14695981039346656037u;
        size_t i;
        for (i = 1; i < size; i++) {
            h ^= data[i];
            h *= 1099511628211u;
        }
        buf = malloc(size + 80);
        if (!buf)
            abort();
        len = (size_t)snprintf(buf, 80, "wres-summary 1\nchecksum fnv1a64 %016llx %zu\n",
                               (unsigned long long)h, size - 1);
        memcpy(buf + len, data + 1, size - 1);
        len += size - 1;
    } else {
        buf = malloc(size);
        if (!buf)
            abort();
        memcpy(buf, data + 1, size - 1);
        len = size - 1;
    }
    rv = wres_summary_load_buffer(ctx, "fuzz.sum", buf, len);
    if (rv != WRES_OK && rv != WRES_E_FORMAT && rv != WRES_E_RANGE)
        abort();
    if (data[0] & 2)
        wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, 1);
    report_all(ctx);
    /* what the handle holds saves, loads and saves to the same text */
    wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, 0);
    if (wres_summary_save_buffer(ctx, &s, &slen) != WRES_OK || wres_ctx_new(&again) != WRES_OK)
        abort();
    if ((data[0] & 4) &&
        wres_ctx_add_breakdown(again, "directorate,length_of_service") != WRES_OK)
        abort();
    if (wres_summary_load_buffer(again, "again.sum", s, slen) != WRES_OK)
        abort();
    {
        char *first = malloc(slen + 1);
        const char *second;
        size_t l2;
        if (!first)
            abort();
        memcpy(first, s, slen + 1);
        if (wres_summary_save_buffer(again, &second, &l2) != WRES_OK || l2 != slen ||
            memcmp(first, second, slen) != 0)
            abort();
        free(first);
    }
    if (data[0] & 2) {
        wres_ctx_set_int(ctx, WRES_OPT_PUBLISH, 1);
        if (wres_summary_save_buffer(ctx, &s, &slen) != WRES_OK)
            abort();
    }
    wres_ctx_free(again);
    wres_ctx_free(ctx);
    free(buf);
    return 0;
}
