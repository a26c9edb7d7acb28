/*
 * memory.c - the allocation wrapper every allocation of libwres goes
 * through, and the growing byte string the writers use.  Keeping one
 * choke point lets a test build fail the Nth allocation and prove that
 * each path returns a clean error and leaks nothing.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wres_private.h"

#ifdef WRES_FAULT_INJECTION
/* Test builds only (never the shipped library): fail the Nth allocation
 * and count the blocks alive, so the oom suite can prove that each path
 * returns WRES_E_NOMEM cleanly and leaks nothing.  Global on purpose: a
 * test build is driven by one thread. */
static long fault_at, fault_calls, live_blocks;

void wres__fault_set(long n)
{
    fault_at = n;
    fault_calls = 0;
}

long wres__fault_calls(void)
{
    return fault_calls;
}

long wres__live_blocks(void)
{
    return live_blocks;
}

static int fault(void)
{
    return ++fault_calls == fault_at;
}
#define FAULT() fault()
#define LIVE(d) (live_blocks += (d))
#else
#define FAULT() 0
#define LIVE(d) ((void)0)
#endif

void *wres__malloc(size_t n)
{
    void *p = FAULT() ? NULL : malloc(n ? n : 1);

    if (p)
        LIVE(1);
    return p;
}

void *wres__calloc(size_t n, size_t size)
{
    void *p;

    if (n == 0 || size == 0)
        n = size = 1;
    p = FAULT() ? NULL : calloc(n, size);
    if (p)
        LIVE(1);
    return p;
}

void *wres__realloc(void *p, size_t n)
{
    void *q = FAULT() ? NULL : realloc(p, n ? n : 1);

    if (q && !p)
        LIVE(1);
    return q;
}

void wres__free(void *p)
{
    if (p)
        LIVE(-1);
    free(p);
}

char *wres__strndup(const char *s, size_t n)
{
    char *d = wres__malloc(n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

int wres__grow(void **p, size_t *cap, size_t need, size_t elem)
{
    size_t ncap;
    void *np;

    if (need <= *cap)
        return WRES_OK;
    ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2 / elem)
            return WRES_E_NOMEM;
        ncap *= 2;
    }
    np = wres__realloc(*p, ncap * elem);
    if (!np)
        return WRES_E_NOMEM;
    *p = np;
    *cap = ncap;
    return WRES_OK;
}

void wres__buf_add(wres__buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap;
        void *p = b->p;
        if (wres__grow(&p, &cap, b->len + n + 1, 1) != WRES_OK) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void wres__buf_puts(wres__buf *b, const char *s)
{
    wres__buf_add(b, s, strlen(s));
}

void wres__buf_printf(wres__buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        wres__buf_add(b, small, (size_t)n);
        return;
    }
    {
        char *big = wres__malloc((size_t)n + 1);
        if (!big) {
            b->oom = 1;
            return;
        }
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        wres__buf_add(b, big, (size_t)n);
        wres__free(big);
    }
}

void wres__buf_free(wres__buf *b)
{
    wres__free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
