/*
 * check_stream.c - the CSV reader is a streaming machine: whatever the
 * sizes of the blocks it is fed, it must deliver the same rows (line,
 * fields, flags) as when it is given the whole input at once.  Checked on
 * every test input and the sample trust, at block sizes 1, 2, 3, 5, 64,
 * 4096 and pseudo-random sizes, plus the awkward splits: between CR and
 * LF, inside a BOM, inside a multi-byte character, inside a quote pair.
 */
#include <dirent.h>

#include "testutil.h"
#include "wres_private.h"

/* Every row rendered as text, so two runs can be compared with strcmp. */
typedef struct sink {
    char *p;
    size_t len, cap;
} sink;

static void put(sink *s, const void *d, size_t n)
{
    if (s->len + n + 1 > s->cap) {
        s->cap = (s->len + n + 1) * 2;
        s->p = realloc(s->p, s->cap);
        ck_assert_ptr_nonnull(s->p);
    }
    memcpy(s->p + s->len, d, n);
    s->len += n;
    s->p[s->len] = '\0';
}

static int on_row(void *ud, const wres__csv_row *row)
{
    sink *s = ud;
    char head[128];
    size_t i;
    int n = snprintf(head, sizeof head, "[%lld %zu/%zu %d%d%d]",
                     (long long)row->line, row->nfields, row->nkept,
                     row->unterminated, row->bad_quote, row->bad_utf8);

    put(s, head, (size_t)n);
    for (i = 0; i < row->nkept; i++) {
        size_t kept = row->len[i] > WRES__FIELD_MAX ? WRES__FIELD_MAX + 1 : row->len[i];
        n = snprintf(head, sizeof head, "{%zu:", row->len[i]);
        put(s, head, (size_t)n);
        put(s, row->field[i], kept);
        put(s, "}", 1);
    }
    put(s, "\n", 1);
    return 0;
}

static char *parse(const char *buf, size_t len, const size_t *sizes, size_t nsizes,
                   size_t max_fields)
{
    wres__csv r;
    sink s = {0};
    size_t at = 0, k = 0;

    put(&s, "", 0);
    wres__csv_init(&r, on_row, &s);
    r.max_fields = max_fields;
    while (at < len) {
        size_t n = nsizes ? sizes[k++ % nsizes] : len;
        if (n > len - at)
            n = len - at;
        ck_assert_int_eq(wres__csv_feed(&r, buf + at, n), 0);
        at += n;
    }
    ck_assert_int_eq(wres__csv_finish(&r), 0);
    wres__csv_free(&r);
    return s.p;
}

static void compare_all_splits(const char *buf, size_t len, const char *what)
{
    static const size_t fixed[] = {1, 2, 3, 5, 64, 4096};
    size_t rnd[97], i;
    unsigned x = 12345u;
    char *whole = parse(buf, len, NULL, 0, (size_t)-1);
    char *whole4 = parse(buf, len, NULL, 0, 4);

    for (i = 0; i < sizeof rnd / sizeof rnd[0]; i++) {
        x = x * 1103515245u + 12345u;
        rnd[i] = 1 + (x >> 16) % 200;
    }
    for (i = 0; i <= sizeof fixed / sizeof fixed[0]; i++) {
        const size_t *sz = i < sizeof fixed / sizeof fixed[0] ? &fixed[i] : rnd;
        size_t nsz = i < sizeof fixed / sizeof fixed[0] ? 1 : sizeof rnd / sizeof rnd[0];
        char *split = parse(buf, len, sz, nsz, (size_t)-1);
        char *split4 = parse(buf, len, sz, nsz, 4);
        ck_assert_msg(strcmp(whole, split) == 0, "%s: rows differ with blocks of %zu",
                      what, sz[0]);
        ck_assert_msg(strcmp(whole4, split4) == 0, "%s: rows differ (4 fields kept)", what);
        free(split);
        free(split4);
    }
    free(whole);
    free(whole4);
}

START_TEST(test_data_inputs)
{
    static const char *const dirs[] = {"tests/data/csv", "tests/data/bad"};
    const char *top = getenv("WRES_TOP");
    char path[4096];
    size_t d, files = 0;

    for (d = 0; d < 2; d++) {
        DIR *dir;
        struct dirent *e;
        snprintf(path, sizeof path, "%s/%s", top ? top : ".", dirs[d]);
        dir = opendir(path);
        ck_assert_ptr_nonnull(dir);
        while ((e = readdir(dir)) != NULL) {
            FILE *f;
            char *buf;
            size_t len;
            if (e->d_name[0] == '.')
                continue;
            snprintf(path, sizeof path, "%s/%s/%s/input.csv", top ? top : ".", dirs[d], e->d_name);
            if (!(f = fopen(path, "rb")))
                continue;
            fclose(f);
            buf = tu_slurp(path, &len);
            compare_all_splits(buf, len, path);
            free(buf);
            files++;
        }
        closedir(dir);
    }
    ck_assert_uint_gt(files, 80);
}
END_TEST

START_TEST(test_sample_trust)
{
    static const char *const names[] = {"staff", "applicants", "survey", "board"};
    const char *top = getenv("WRES_TOP");
    char path[4096];
    size_t i, len;

    for (i = 0; i < 4; i++) {
        char *buf, *whole, *split;
        static const size_t big[] = {65536, 1 << 20};
        snprintf(path, sizeof path, "%s/examples/data/%s.csv", top ? top : ".", names[i]);
        buf = tu_slurp(path, &len);
        whole = parse(buf, len, NULL, 0, (size_t)-1);
        split = parse(buf, len, &big[0], 1, (size_t)-1);
        ck_assert_msg(strcmp(whole, split) == 0, "%s differs in 64 KiB blocks", path);
        free(split);
        split = parse(buf, len, &big[1], 1, (size_t)-1);
        ck_assert_msg(strcmp(whole, split) == 0, "%s differs in 1 MiB blocks", path);
        free(split);
        free(whole);
        free(buf);
    }
}
END_TEST

/* Inputs built to put every state of the machine at a block edge. */
START_TEST(test_awkward_edges)
{
    static const char *const cases[] = {
        "\xef\xbb\xbfstaff_id,x\r\n1,\"a\"\"b\"\r\n2,\"c\r\nd\"\r\r\n3,\xc3\xa9\xe2\x82\xac\n",
        "\xef\xbb" "a,b\n",                 /* half a BOM is data */
        "\xef\xbb\xbf",                     /* a BOM alone */
        "a,b\r",                            /* CR at the very end */
        "  \t \n\t\n a , \"b\"  \n",        /* blank lines, blanks around */
        "a,\"b\"x,c\n\"open,\n",            /* bad quote, then unterminated */
        "a,b\n,,\n\"\"\n",                  /* only commas; an empty quoted field */
        "a\xf0\x9f\x98\x80,\xed\xa0\x80,\xc0\xaf\n",  /* 4-byte, surrogate, overlong */
        "x,\"  padded  \",\"\"\"\"\n",
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        compare_all_splits(cases[i], strlen(cases[i]), cases[i]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("stream");
    TCase *tc = tcase_create("splits");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_awkward_edges);
    tcase_add_test(tc, test_data_inputs);
    tcase_add_test(tc, test_sample_trust);
    suite_add_tcase(s, tc);
    return tu_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
