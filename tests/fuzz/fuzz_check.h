/*
 * fuzz_check.h - what the fuzz targets assert beyond the sanitizers: the
 * JSON has no nan or inf among its values (names may of course contain
 * those letters), and every token outside strings is a finite number or
 * true, false, null.
 */
#ifndef FUZZ_CHECK_H
#define FUZZ_CHECK_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void fuzz_check_json(const char *s)
{
    while (*s) {
        if (*s == '"') {
            for (s++; *s && *s != '"'; s++)
                if (*s == '\\' && s[1])
                    s++;
            if (*s != '"')
                abort();    /* an unterminated string */
            s++;
            continue;
        }
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
            (*s >= '0' && *s <= '9') || *s == '-' || *s == '.' || *s == '+') {
            const char *t = s;
            size_t n;
            while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                   (*s >= '0' && *s <= '9') || *s == '-' || *s == '.' || *s == '+')
                s++;
            n = (size_t)(s - t);
            if ((n == 4 && !strncmp(t, "true", 4)) || (n == 5 && !strncmp(t, "false", 5)) ||
                (n == 4 && !strncmp(t, "null", 4)))
                continue;
            {
                char buf[64], *end;
                double v;
                if (n >= sizeof buf || !((*t >= '0' && *t <= '9') || *t == '-'))
                    abort();
                memcpy(buf, t, n);
                buf[n] = '\0';
                v = strtod(buf, &end);
                if (*end != '\0' || !isfinite(v))
                    abort();
            }
            continue;
        }
        s++;
    }
}

#endif
