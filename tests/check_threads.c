/*
 * check_threads.c - the thread-safety contract: no global state, so
 * distinct handles used at the same time from several threads give the
 * same results as one thread alone.  Each thread ingests the whole sample
 * trust into its own handle, builds reports at its own confidence level
 * and renders them; the JSON must equal what the main thread computed
 * alone.  make check-tsan runs this under ThreadSanitizer.
 */
#include <pthread.h>

#include "testutil.h"

#define THREADS 4

static const char *const files[5] = {"staff", "applicants", "survey",
                                     "survey_counts", "board"};
static const double levels[THREADS] = {0.8, 0.9, 0.95, 0.99};

typedef struct job {
    double confidence;
    char *json[3];  /* reports for 2022..2024 */
    int failed;
} job;

static void run(job *j)
{
    const char *top = getenv("WRES_TOP");
    char path[4096];
    wres_ctx *ctx;
    int i, year;

    if (wres_ctx_new(&ctx) != WRES_OK) {
        j->failed = 1;
        return;
    }
    wres_ctx_set_double(ctx, WRES_OPT_CONFIDENCE, j->confidence);
    for (i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/examples/data/%s.csv", top ? top : ".", files[i]);
        if (wres_ingest_file(ctx, i + 1, path) != WRES_OK)
            j->failed = 1;
    }
    for (year = 2022; year <= 2024; year++) {
        wres_report *r;
        const char *out;
        if (wres_report_new(ctx, "RXX", year, &r) != WRES_OK ||
            wres_report_render(r, WRES_FORMAT_JSON, &out, NULL) != WRES_OK) {
            j->failed = 1;
            continue;
        }
        j->json[year - 2022] = strdup(out);
        wres_report_render(r, WRES_FORMAT_TEXT, &out, NULL);
        wres_report_free(r);
    }
    wres_ctx_free(ctx);
}

static void *thread_main(void *arg)
{
    run(arg);
    return NULL;
}

START_TEST(test_handles_in_parallel)
{
    job alone[THREADS], together[THREADS];
    pthread_t tid[THREADS];
    int i, y;

    memset(alone, 0, sizeof alone);
    memset(together, 0, sizeof together);
    for (i = 0; i < THREADS; i++) {
        alone[i].confidence = together[i].confidence = levels[i];
        run(&alone[i]);
        ck_assert_int_eq(alone[i].failed, 0);
    }
    for (i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&tid[i], NULL, thread_main, &together[i]), 0);
    for (i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
    for (i = 0; i < THREADS; i++) {
        ck_assert_int_eq(together[i].failed, 0);
        for (y = 0; y < 3; y++) {
            ck_assert_ptr_nonnull(together[i].json[y]);
            ck_assert_str_eq(together[i].json[y], alone[i].json[y]);
            free(together[i].json[y]);
            free(alone[i].json[y]);
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_handles_in_parallel);
    suite_add_tcase(s, tc);
    return tu_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
