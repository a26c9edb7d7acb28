/*
 * wres.h - the public interface of libwres, which computes the NHS Workforce
 * Race Equality Standard (WRES) indicators from a trust's staff records.
 *
 * This header is the whole public API.  Handles are opaque; every status is
 * an int from enum wres_status; every string in and out is UTF-8.  Strings
 * returned by the library are borrowed: each getter's man page says how long
 * the pointer stays valid.  Nothing here needs the preprocessor: every
 * constant is also an enum value, every operation a function.
 *
 * Thread safety: the library has no global state.  Distinct handles may be
 * used from distinct threads at once; one handle (and the records, reports
 * and cursors made from it) is used by one thread at a time.
 */
#ifndef WRES_H
#define WRES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WRES_VERSION_MAJOR 1
#define WRES_VERSION_MINOR 2
#define WRES_VERSION_PATCH 0
#define WRES_VERSION_STRING "1.2.0"

#if defined(_WIN32) && defined(WRES_BUILDING)
#define WRES_API __declspec(dllexport)
#elif defined(_WIN32) && !defined(WRES_STATIC)
#define WRES_API __declspec(dllimport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#define WRES_API __attribute__((visibility("default")))
#else
#define WRES_API
#endif

typedef struct wres_ctx wres_ctx;
typedef struct wres_record wres_record;
typedef struct wres_report wres_report;
typedef struct wres_cursor wres_cursor;
typedef struct wres_screen wres_screen;   /* since 1.2 */

/* Status codes.  Frozen numbers: append only, never reuse. */
enum wres_status {
    WRES_OK = 0,
    WRES_DONE = 1,          /* iteration finished / index past the end */
    WRES_NULL = 2,          /* the figure exists but cannot be computed */
    WRES_E_INVALID = -1,    /* bad argument (NULL handle, unknown kind...) */
    WRES_E_NOMEM = -2,      /* out of memory (see each call for what remains) */
    WRES_E_IO = -3,         /* a file could not be read */
    WRES_E_FORMAT = -4,     /* a file failed as a whole (see its reason) */
    WRES_E_REJECTED = -5,   /* a record was rejected (see the rejections) */
    WRES_E_NOTFOUND = -6,   /* no such figure, or no reporting year */
    WRES_E_RANGE = -7,      /* a value outside its allowed range */
    WRES_E_OPTION = -8      /* unknown option, or wrong type for it */
};

/* The five record kinds (DATA.md). */
enum wres_kind {
    WRES_KIND_STAFF = 1,
    WRES_KIND_APPLICANTS = 2,
    WRES_KIND_SURVEY = 3,
    WRES_KIND_SURVEY_COUNTS = 4,
    WRES_KIND_BOARD = 5
};

/* Options of a handle, each with one type. */
enum wres_option {
    WRES_OPT_CONFIDENCE = 1,    /* double in (0, 1); default 0.95 */
    WRES_OPT_DEFAULT_YEAR = 2,  /* int 1900..2100, or 0 for none (default) */
    WRES_OPT_DEFAULT_ORG = 3,   /* string; default "" */
    /* since 1.2 */
    WRES_OPT_GROUPS = 4,        /* int 0/1: figures per ethnic group */
    WRES_OPT_TREND = 5,         /* int 0/1: each indicator over the years */
    WRES_OPT_LOW_EVENTS = 6,    /* int >= 0: low_numbers below; default 10 */
    WRES_OPT_LOW_PEOPLE = 7,    /* int >= 0: low_numbers below; default 30 */
    WRES_OPT_SERVICE_BANDS = 8, /* string of years, default "1,3,6,11" */
    WRES_OPT_TARGETS = 9,       /* int 0 or 1: reports carry "targets"; default 0 */
    WRES_OPT_TARGET_SHARE = 10, /* double in (0, 1], or 0 for the org's own
                                 * BME share (default) */
    WRES_OPT_TARGET_YEAR = 11,  /* int 1900..2100; default 2028 */
    /* publication-safe output: see wres_ctx_set_int(3) */
    WRES_OPT_PUBLISH = 12,      /* int 0 or 1; default 0 (off) */
    WRES_OPT_SUPPRESS_MAX = 13, /* int 0..1000000: counts 1..N suppressed; default 7 */
    WRES_OPT_ROUND_BASE = 14    /* int 1..1000000: other counts rounded to a
                                 * multiple of it (1: not rounded); default 5 */
};

/* Rejection reasons and file-level failures.  Their names are the stable
 * codes of the spec: see wres_reason_name(). */
enum wres_reason {
    WRES_REASON_NONE = 0,
    WRES_REASON_UNTERMINATED_QUOTE = 1,
    WRES_REASON_BAD_QUOTE = 2,
    WRES_REASON_INVALID_UTF8 = 3,
    WRES_REASON_FIELD_COUNT = 4,
    WRES_REASON_FIELD_TOO_LONG = 5,
    WRES_REASON_MISSING_VALUE = 6,
    WRES_REASON_UNKNOWN_ETHNICITY = 7,
    WRES_REASON_UNKNOWN_BAND = 8,
    WRES_REASON_UNKNOWN_STAFF_GROUP = 9,
    WRES_REASON_INVALID_YES_NO = 10,
    WRES_REASON_INVALID_YEAR = 11,
    WRES_REASON_INVALID_INTEGER = 12,
    WRES_REASON_APPOINTED_NOT_SHORTLISTED = 13,
    WRES_REASON_YES_GT_RESPONDENTS = 14,
    WRES_REASON_DUPLICATE_ID = 15,
    WRES_REASON_UNREADABLE = 16,
    WRES_REASON_NO_HEADER = 17,
    WRES_REASON_DUPLICATE_COLUMN = 18,
    WRES_REASON_MISSING_COLUMN = 19,
    WRES_REASON_NO_YEAR = 20
};

/* Output formats of a report. */
enum wres_format {
    WRES_FORMAT_JSON = 1,
    WRES_FORMAT_TEXT = 2,
    WRES_FORMAT_CSV = 3,
    WRES_FORMAT_HTML = 4    /* since 1.2: one self-contained page, SVG charts */
};

/* The type of a figure seen through a cursor. */
enum wres_type {
    WRES_TYPE_NULL = 0,
    WRES_TYPE_INT = 1,
    WRES_TYPE_DOUBLE = 2,
    WRES_TYPE_BOOL = 3
};

/* Typed codes of wres_staff_batch() (since 1.1). */
enum wres_ethnicity {   /* the NHS ethnic category codes, in order */
    WRES_ETH_A = 0, WRES_ETH_B = 1, WRES_ETH_C = 2, WRES_ETH_D = 3,
    WRES_ETH_E = 4, WRES_ETH_F = 5, WRES_ETH_G = 6, WRES_ETH_H = 7,
    WRES_ETH_J = 8, WRES_ETH_K = 9, WRES_ETH_L = 10, WRES_ETH_M = 11,
    WRES_ETH_N = 12, WRES_ETH_P = 13, WRES_ETH_R = 14, WRES_ETH_S = 15,
    WRES_ETH_UNKNOWN = 16  /* Z, 99, not stated, missing */
};

enum wres_band {
    WRES_BAND_UNDER_1 = 0, WRES_BAND_1 = 1, WRES_BAND_2 = 2, WRES_BAND_3 = 3,
    WRES_BAND_4 = 4, WRES_BAND_5 = 5, WRES_BAND_6 = 6, WRES_BAND_7 = 7,
    WRES_BAND_8A = 8, WRES_BAND_8B = 9, WRES_BAND_8C = 10, WRES_BAND_8D = 11,
    WRES_BAND_9 = 12, WRES_BAND_VSM = 13, WRES_BAND_CONSULTANT = 14,
    WRES_BAND_CAREER_GRADE = 15, WRES_BAND_TRAINEE = 16, WRES_BAND_OTHER = 17
};

enum wres_staff_group {
    WRES_STAFF_GROUP_NON_CLINICAL = 0,
    WRES_STAFF_GROUP_CLINICAL = 1,
    WRES_STAFF_GROUP_MEDICAL = 2
};

/* Screening (since 1.2): the groupings of indicators, the result of a
 * comparison with the other organisations, and the lists of organisations. */
enum wres_grouping {
    WRES_GROUPING_STAFF_DISCRIMINATION = 1, /* 6 and 8 */
    WRES_GROUPING_EQUAL_OPPORTUNITY = 2,    /* 7, 2, 4 and 9 */
    WRES_GROUPING_OTHER_DISCRIMINATION = 3, /* 5 */
    WRES_GROUPING_DISCIPLINARY = 4          /* 3 */
};

enum wres_comparison {
    WRES_CMP_NONE = 0,      /* cannot be compared (or does not apply) */
    WRES_CMP_BETTER = 1,
    WRES_CMP_SIMILAR = 2,
    WRES_CMP_WORSE = 3
};

enum wres_screen_list {
    WRES_SCREEN_PASS_YEAR = 1,          /* passing in one given year */
    WRES_SCREEN_PASS_EVERY_YEAR = 2,    /* passing in every year of the span */
    WRES_SCREEN_TOWARDS_EQUALITY = 3    /* the BME-white gap narrows each year */
};

/* Versions and names. */
WRES_API uint32_t wres_version(void);
WRES_API const char *wres_version_string(void);
WRES_API const char *wres_strerror(int status);
WRES_API const char *wres_reason_name(int reason);
WRES_API const char *wres_kind_name(int kind);

/* Handle lifecycle, errors and options. */
WRES_API int wres_ctx_new(wres_ctx **out);
WRES_API void wres_ctx_free(wres_ctx *ctx);
WRES_API const char *wres_errmsg(const wres_ctx *ctx);
WRES_API int wres_ctx_set_double(wres_ctx *ctx, int option, double value);
WRES_API int wres_ctx_set_int(wres_ctx *ctx, int option, int64_t value);
WRES_API int wres_ctx_set_string(wres_ctx *ctx, int option, const char *value);

/* Progress of a long ingestion (since 1.1): called after each block read,
 * with the bytes read so far, the total (-1 when unknown) and the rows read
 * so far from this file or buffer.  From the ingesting thread only. */
typedef void (*wres_progress_fn)(void *user, int64_t bytes_done,
                                 int64_t bytes_total, int64_t rows);
WRES_API int wres_ctx_set_progress(wres_ctx *ctx, wres_progress_fn fn,
                                   void *user);

/* Deep dives (since 1.2): every report breaks indicators 1-4 down by one
 * dimension or a pair, "band,staff_group"; name them before ingesting. */
WRES_API int wres_ctx_add_breakdown(wres_ctx *ctx, const char *dims);

/* CSV ingestion. */
WRES_API int wres_ingest_file(wres_ctx *ctx, int kind, const char *path);
WRES_API int wres_ingest_buffer(wres_ctx *ctx, int kind, const char *name,
                                const char *buf, size_t len);

/* Records through the API. */
WRES_API int wres_record_new(wres_ctx *ctx, int kind, const char *source,
                             wres_record **out);
WRES_API void wres_record_free(wres_record *rec);
WRES_API int wres_record_set(wres_record *rec, const char *column,
                             const char *value);
WRES_API int wres_record_set_int(wres_record *rec, const char *column,
                                 int64_t value);
WRES_API int wres_record_add(wres_record *rec);

/* Staff records in columns (since 1.1): n rows of one organisation, each
 * column an array of n values; year, disciplinary, training and bank may
 * be NULL (the default year; column absent). */
WRES_API int wres_staff_batch(wres_ctx *ctx, const char *source,
                              const char *org, size_t n, const int32_t *year,
                              const char *const *staff_id,
                              const uint8_t *ethnicity, const uint8_t *band,
                              const uint8_t *staff_group,
                              const uint8_t *disciplinary,
                              const uint8_t *training, const uint8_t *bank);

/* What was read: sources (files and API sources) and rejected rows. */
WRES_API size_t wres_file_count(const wres_ctx *ctx);
WRES_API int wres_file_get(const wres_ctx *ctx, size_t index,
                           const char **path, int *kind, int64_t *rows_read,
                           int64_t *rows_accepted, int64_t *rows_rejected,
                           int *error);
WRES_API int wres_file_reason_count(const wres_ctx *ctx, size_t index,
                                    int reason, int64_t *count);
WRES_API int wres_file_ignored_column(const wres_ctx *ctx, size_t index,
                                      size_t column, const char **name);
WRES_API size_t wres_rejection_count(const wres_ctx *ctx);
WRES_API int wres_rejection_get(const wres_ctx *ctx, size_t index,
                                const char **file, int64_t *line,
                                const char **column, int *reason,
                                const char **message);
WRES_API int wres_latest_year(const wres_ctx *ctx, int64_t *year);
/* The (organisation, year) pairs with accepted rows, sorted (since 1.1). */
WRES_API size_t wres_period_count(wres_ctx *ctx);
WRES_API int wres_period_get(wres_ctx *ctx, size_t index, const char **org,
                             int64_t *year);

/* Reports. */
WRES_API int wres_report_new(wres_ctx *ctx, const char *org, int64_t year,
                             wres_report **out);
WRES_API void wres_report_free(wres_report *report);
WRES_API int wres_report_render(wres_report *report, int format,
                                const char **out, size_t *len);
WRES_API int wres_report_get(const wres_report *report, int indicator,
                             const char *part, const char *group,
                             const char *measure, double *value);

/* The aggregate report of every organisation for one year (since 1.2). */
WRES_API int wres_report_new_aggregate(wres_ctx *ctx, int64_t year,
                                       wres_report **out);

/* Screening of every organisation and year against the others (since 1.2). */
WRES_API int wres_screen_new(wres_ctx *ctx, wres_screen **out);
WRES_API void wres_screen_free(wres_screen *screen);
WRES_API int wres_screen_render(wres_screen *screen, int format,
                                const char **out, size_t *len);
WRES_API int wres_screen_span(const wres_screen *screen, int64_t *first_year,
                              int64_t *last_year, size_t *organisations);
WRES_API int wres_screen_count(const wres_screen *screen, int grouping,
                               int list, int64_t year, size_t *count);
WRES_API int wres_screen_org(const wres_screen *screen, int grouping,
                             int list, int64_t year, size_t index,
                             const char **org);
WRES_API int wres_screen_result(const wres_screen *screen, const char *org,
                                int64_t year, int indicator, int *similar,
                                int *bme, int *white);
WRES_API const char *wres_grouping_name(int grouping);

/* Federation summaries (since 1.2): a handle's counts, without ids or
 * row-level data, saved as a versioned text file (wres-summary(5)) and
 * merged into another handle, all or nothing.  The buffer of
 * wres_summary_save_buffer() is borrowed until the next call of it on the
 * handle or wres_ctx_free(). */
WRES_API int wres_summary_save(wres_ctx *ctx, const char *path);
WRES_API int wres_summary_save_buffer(wres_ctx *ctx, const char **out,
                                      size_t *len);
WRES_API int wres_summary_load(wres_ctx *ctx, const char *path);
WRES_API int wres_summary_load_buffer(wres_ctx *ctx, const char *name,
                                      const char *buf, size_t len);

/* A cursor over every figure of a report, in report order. */
WRES_API int wres_cursor_new(const wres_report *report, wres_cursor **out);
WRES_API void wres_cursor_free(wres_cursor *cur);
WRES_API int wres_cursor_next(wres_cursor *cur);
WRES_API int wres_cursor_indicator(const wres_cursor *cur);
WRES_API const char *wres_cursor_part(const wres_cursor *cur);
WRES_API const char *wres_cursor_group(const wres_cursor *cur);
WRES_API const char *wres_cursor_measure(const wres_cursor *cur);
WRES_API int wres_cursor_type(const wres_cursor *cur);
WRES_API double wres_cursor_double(const wres_cursor *cur);
WRES_API int64_t wres_cursor_int(const wres_cursor *cur);

#ifdef __cplusplus
}
#endif

#endif /* WRES_H */
