/*
 * stats.c - the pure statistics behind every figure in the report: the
 * inverse normal CDF and the z for a confidence level, the Wilson score
 * interval of a proportion, Newcombe's hybrid score interval (method 10)
 * for a difference of proportions, the relative likelihood with its Katz
 * log interval, the pooled two-proportion z-test, and the exact integer
 * test of the four-fifths (non-adverse) range.  Everything here is a
 * function of its arguments alone: no state, no allocation, only libc and
 * libm.  A figure that cannot be computed comes back as NaN (or -1 for
 * non_adverse); INDICATORS.md, "Statistics", is the specification.
 */
#include <math.h>
#include <stdint.h>

#include "wres_private.h"

/* ---- inverse normal CDF ------------------------------------------------ */

#define SQRT2      1.41421356237309504880168872420969808
#define SQRT2PI    2.50662827463100050241576528481104525

/* Acklam's rational approximation (relative error below 1.15e-9). */
static const double acklam_a[6] = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
};
static const double acklam_b[5] = {
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
    6.680131188771972e+01, -1.328068155288572e+01
};
static const double acklam_c[6] = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
};
static const double acklam_d[4] = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
    3.754408661907416e+00
};
#define ACKLAM_P_LOW 0.02425

/*
 * Lower half of the quantile: x = PHI^-1(tail) <= 0 for 0 < tail <= 0.5,
 * where centred = tail - 0.5 is passed separately because callers can
 * often supply it exactly when tail itself is rounded (z for a small
 * confidence level).  One Halley step on Acklam's value brings it to
 * double precision.  The residual PHI(x) - tail is computed where it has
 * no cancellation: with erfc in the tail (PHI(x) small and erfc accurate
 * relative to it) and with erf near the centre (x near 0, where erf(x)
 * is accurate relative to x and centred is exact).
 */
static double lower_quantile(double tail, double centred)
{
    double x, e, u;

    if (tail < ACKLAM_P_LOW) {
        double q = sqrt(-2.0 * log(tail));
        x = (((((acklam_c[0] * q + acklam_c[1]) * q + acklam_c[2]) * q
               + acklam_c[3]) * q + acklam_c[4]) * q + acklam_c[5])
            / ((((acklam_d[0] * q + acklam_d[1]) * q + acklam_d[2]) * q
                + acklam_d[3]) * q + 1.0);
    } else {
        double q = centred, r = q * q;
        x = (((((acklam_a[0] * r + acklam_a[1]) * r + acklam_a[2]) * r
               + acklam_a[3]) * r + acklam_a[4]) * r + acklam_a[5]) * q
            / (((((acklam_b[0] * r + acklam_b[1]) * r + acklam_b[2]) * r
                 + acklam_b[3]) * r + acklam_b[4]) * r + 1.0);
    }

    if (tail < 0.25)
        e = 0.5 * erfc(-x / SQRT2) - tail;
    else
        e = 0.5 * erf(x / SQRT2) - centred;
    u = e * SQRT2PI * exp(0.5 * x * x);
    /* Far below the range we promise (tail near DBL_MIN) exp overflows;
     * keep Acklam's value there rather than return NaN. */
    if (isfinite(u))
        x -= u / (1.0 + 0.5 * x * u);
    return x;
}

double wres__norm_quantile(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return NAN;
    if (p <= 0.5)
        return lower_quantile(p, p - 0.5);
    /* 1 - p and 0.5 - p are exact for 0.5 < p < 1 (Sterbenz). */
    return -lower_quantile(1.0 - p, 0.5 - p);
}

double wres__z_for_confidence(double c)
{
    if (!(c > 0.0 && c < 1.0))
        return NAN;
    /* Tail (1 - c)/2 is exact for c >= 0.5; -c/2 is always exact. */
    return -lower_quantile((1.0 - c) / 2.0, -c / 2.0);
}

/* ---- intervals ---------------------------------------------------------- */

/* A proportion needs n > 0 and 0 <= x <= n; anything else is NaN. */
static int valid_proportion(int64_t x, int64_t n)
{
    return n > 0 && x >= 0 && x <= n;
}

/*
 * Wilson score interval.  The bounds at x = 0 and x = n are set exactly
 * (0 and 1) rather than left to the rounding of centre - half, so that
 * 0/n starts at 0 and n/n ends at 1.  A z that is negative, infinite or
 * NaN gives NaN bounds.
 */
void wres__wilson(int64_t x, int64_t n, double z, double *lo, double *hi)
{
    double xd, nd, fd, z2, denom, centre, half, l, h;

    if (!valid_proportion(x, n) || !(z >= 0.0) || isinf(z)) {
        *lo = NAN;
        *hi = NAN;
        return;
    }
    xd = (double)x;
    nd = (double)n;
    fd = (double)(n - x);       /* exact in int64, one rounding here */
    z2 = z * z;
    denom = nd + z2;
    centre = (xd + z2 / 2.0) / denom;
    half = z / denom * sqrt(xd * (fd / nd) + z2 / 4.0);
    l = centre - half;
    h = centre + half;
    if (x == 0 || l < 0.0)
        l = 0.0;
    if (x == n || h > 1.0)
        h = 1.0;
    *lo = l;
    *hi = h;
}

void wres__newcombe(int64_t x1, int64_t n1, int64_t x2, int64_t n2, double z,
                    double *d, double *lo, double *hi)
{
    double p1, p2, l1, u1, l2, u2, diff, a, b;

    if (!valid_proportion(x1, n1) || !valid_proportion(x2, n2)) {
        *d = NAN;
        *lo = NAN;
        *hi = NAN;
        return;
    }
    p1 = (double)x1 / (double)n1;
    p2 = (double)x2 / (double)n2;
    wres__wilson(x1, n1, z, &l1, &u1);
    wres__wilson(x2, n2, z, &l2, &u2);
    diff = p1 - p2;
    a = diff - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
    b = diff + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
    /* The interval lies within [-1, 1] (lower >= l1 - u2); keep rounding
     * from stepping outside. */
    *d = diff;
    *lo = a < -1.0 ? -1.0 : a;
    *hi = b > 1.0 ? 1.0 : b;
}

/* RL is null when either denominator or b is 0 (which covers a = b = 0).
 * Counts outside 0 <= count <= denominator cannot come from valid data
 * and are treated as null too. */
static int rl_is_null(int64_t a, int64_t n1, int64_t b, int64_t n2)
{
    return n1 <= 0 || n2 <= 0 || b <= 0 || a < 0 || a > n1 || b > n2;
}

void wres__katz(int64_t a, int64_t n1, int64_t b, int64_t n2, double z,
                double *rl, double *lo, double *hi)
{
    double ratio, var, se;

    if (rl_is_null(a, n1, b, n2)) {
        *rl = NAN;
        *lo = NAN;
        *hi = NAN;
        return;
    }
    ratio = ((double)a / (double)n1) / ((double)b / (double)n2);
    if (a == 0) {
        *rl = 0.0;              /* a = 0 < b: no log interval */
        *lo = NAN;
        *hi = NAN;
        return;
    }
    var = (1.0 / (double)a - 1.0 / (double)n1)
          + (1.0 / (double)b - 1.0 / (double)n2);
    if (!(var > 0.0))
        var = 0.0;
    se = sqrt(var);
    /* exp(ln RL +- z se) written as RL * exp(+-z se): no log round trip. */
    *rl = ratio;
    *lo = ratio * exp(-z * se);
    *hi = ratio * exp(z * se);
}

/* ---- exact integer arithmetic ------------------------------------------ */

/* Counts are non-negative int64, so every product of two fits in 126 bits
 * and k times it (k = 4 or 5) in 129: three 64-bit limbs suffice.  Written
 * by hand because unsigned __int128 is not ISO C. */

/* Unsigned 192-bit integer, least significant limb first. */
struct u192 {
    uint64_t w[3];
};

/* Full 64 x 64 -> 128-bit product from 32-bit halves. */
static void mul_64x64(uint64_t x, uint64_t y, uint64_t *hi, uint64_t *lo)
{
    const uint64_t mask = 0xffffffffu;
    uint64_t x0 = x & mask, x1 = x >> 32;
    uint64_t y0 = y & mask, y1 = y >> 32;
    uint64_t p00 = x0 * y0, p01 = x0 * y1, p10 = x1 * y0, p11 = x1 * y1;
    /* Three terms below 2^32 each: no overflow. */
    uint64_t mid = (p00 >> 32) + (p01 & mask) + (p10 & mask);

    *lo = (mid << 32) | (p00 & mask);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* k * x * y exactly; k * x * y < 2^192 for any 64-bit k, x, y. */
static struct u192 mul3(uint64_t k, uint64_t x, uint64_t y)
{
    struct u192 r;
    uint64_t hi, lo, c0, c1, t1;

    mul_64x64(x, y, &hi, &lo);
    mul_64x64(lo, k, &c0, &r.w[0]);
    mul_64x64(hi, k, &c1, &t1);
    r.w[1] = t1 + c0;
    r.w[2] = c1 + (r.w[1] < c0);    /* carry; cannot overflow (see above) */
    return r;
}

/* ---- test --------------------------------------------------------------- */

/*
 * Pooled z-test rewritten over the counts so that nothing cancels:
 *   Z = (a n2 - b n1) / sqrt(n1 n2 (a + b)(N - a - b) / N),  N = n1 + n2,
 * which is the spec's (a/n1 - b/n2)/sqrt(p(1 - p)(1/n1 + 1/n2)) multiplied
 * through by n1 n2.  The numerator is formed exactly in 128 bits and every
 * sum exactly in uint64 (each count is below 2^63), so Z keeps full double
 * precision even for counts near 2^63 where a/n1 - b/n2 in double would
 * cancel to nothing.  Both pooled counts are at least 1 here, so the
 * denominator is never 0 and Z never infinite.
 */
double wres__p_two_prop(int64_t a, int64_t n1, int64_t b, int64_t n2)
{
    uint64_t ph, pl, qh, ql, dh, dl;
    double diff, yes, no, total, zs;

    if (!valid_proportion(a, n1) || !valid_proportion(b, n2))
        return NAN;
    if ((a == 0 && b == 0) || (a == n1 && b == n2))
        return 1.0;             /* pooled rate 0 or 1: the rates are equal */

    mul_64x64((uint64_t)a, (uint64_t)n2, &ph, &pl);
    mul_64x64((uint64_t)b, (uint64_t)n1, &qh, &ql);
    if (ph < qh || (ph == qh && pl < ql)) {     /* |a n2 - b n1| */
        uint64_t th = ph, tl = pl;
        ph = qh;
        pl = ql;
        qh = th;
        ql = tl;
    }
    dl = pl - ql;
    dh = ph - qh - (pl < ql);
    diff = (double)dh * 18446744073709551616.0 + (double)dl;

    yes = (double)((uint64_t)a + (uint64_t)b);
    no = (double)((uint64_t)(n1 - a) + (uint64_t)(n2 - b));
    total = (double)((uint64_t)n1 + (uint64_t)n2);
    zs = diff / sqrt((double)n1 * (double)n2 * (yes * (no / total)));
    return erfc(zs / SQRT2);
}

/* ---- exact four-fifths test -------------------------------------------- */

static int u192_le(struct u192 x, struct u192 y)
{
    int i;

    for (i = 2; i >= 0; i--)
        if (x.w[i] != y.w[i])
            return x.w[i] < y.w[i];
    return 1;
}

int wres__non_adverse(int64_t a, int64_t n1, int64_t b, int64_t n2)
{
    uint64_t ua, un1, ub, un2;

    if (rl_is_null(a, n1, b, n2))
        return -1;
    ua = (uint64_t)a;
    un1 = (uint64_t)n1;
    ub = (uint64_t)b;
    un2 = (uint64_t)n2;
    /* 0.8 <= (a/n1)/(b/n2) <= 1.25, multiplied out over positive n1 b. */
    return u192_le(mul3(4, ub, un1), mul3(5, ua, un2))
           && u192_le(mul3(4, ua, un2), mul3(5, ub, un1));
}

/* ---- changes and trends over years ------------------------------------- */

double wres__katz_var(int64_t a, int64_t n1, int64_t b, int64_t n2)
{
    if (a <= 0 || b <= 0 || n1 <= 0 || n2 <= 0 || a > n1 || b > n2)
        return NAN;
    return 1.0 / (double)a - 1.0 / (double)n1 + 1.0 / (double)b - 1.0 / (double)n2;
}

void wres__rl_change(double rl1, double v1, double rl2, double v2, double z,
                     double *ratio, double *lo, double *hi, double *p)
{
    double lr, se;

    *ratio = *lo = *hi = *p = NAN;
    if (!(rl1 > 0) || !(rl2 > 0) || !isfinite(rl1) || !isfinite(rl2))
        return;
    *ratio = rl2 / rl1;
    if (isnan(v1) || isnan(v2))
        return;
    lr = log(rl2) - log(rl1);
    se = sqrt(v1 + v2);
    if (!(se > 0)) {
        /* both variances 0: every member of both groups had the event */
        *lo = *hi = *ratio;
        *p = lr == 0 ? 1.0 : 0.0;
        return;
    }
    *lo = exp(lr - z * se);
    *hi = exp(lr + z * se);
    *p = erfc(fabs(lr / se) / SQRT2);
}

/*
 * Cochran-Armitage test for a linear trend in k proportions x[i]/n[i]
 * with scores t[i]:
 *   T = sum x_i (t_i - tbar),  tbar = sum n_i t_i / N,
 *   Var T = pbar (1 - pbar) sum n_i (t_i - tbar)^2,  Z = T / sqrt(Var T),
 * two-sided p = erfc(|Z| / sqrt 2).  The slope is the least-squares line
 * of the proportions on the scores, weighted by n:
 *   sum n_i (t_i - tbar)(p_i - pbar) / sum n_i (t_i - tbar)^2 = T / Stt,
 * a fraction per unit of score.  Rows with n_i = 0 carry no weight.
 */
void wres__cochran_armitage(const int64_t *x, const int64_t *n,
                            const double *t, size_t k, double *z,
                            double *slope, double *p)
{
    double N = 0, X = 0, tbar = 0, T = 0, Stt = 0, pbar;
    size_t i;

    *z = *slope = *p = NAN;
    for (i = 0; i < k; i++) {
        if (n[i] <= 0)
            continue;
        N += (double)n[i];
        X += (double)x[i];
        tbar += (double)n[i] * t[i];
    }
    if (N <= 0)
        return;
    tbar /= N;
    for (i = 0; i < k; i++) {
        if (n[i] <= 0)
            continue;
        T += (double)x[i] * (t[i] - tbar);
        Stt += (double)n[i] * (t[i] - tbar) * (t[i] - tbar);
    }
    if (!(Stt > 0))
        return;                 /* one score only: no line */
    *slope = T / Stt;
    pbar = X / N;
    if (pbar <= 0 || pbar >= 1) {
        *z = 0;
        *p = 1.0;               /* no variation at all: no trend */
        return;
    }
    *z = T / sqrt(pbar * (1 - pbar) * Stt);
    *p = erfc(fabs(*z) / SQRT2);
}

/*
 * Weighted least squares of y on t with weights w = 1/v (inverse
 * variances): slope = sum w (t - tw)(y - yw) / Stt, Stt = sum w (t - tw)^2,
 * standard error 1/sqrt(Stt), two-sided p of slope/se.  Points with a NaN
 * or non-positive variance are left out.
 */
void wres__weighted_slope(const double *y, const double *v, const double *t,
                          size_t k, double *slope, double *p)
{
    double W = 0, tw = 0, yw = 0, Stt = 0, Sty = 0;
    size_t i, used = 0;

    *slope = *p = NAN;
    for (i = 0; i < k; i++) {
        if (!isfinite(y[i]) || !(v[i] > 0) || !isfinite(v[i]))
            continue;
        W += 1.0 / v[i];
        tw += t[i] / v[i];
        yw += y[i] / v[i];
        used++;
    }
    if (used < 2)
        return;
    tw /= W;
    yw /= W;
    for (i = 0; i < k; i++) {
        if (!isfinite(y[i]) || !(v[i] > 0) || !isfinite(v[i]))
            continue;
        Stt += (t[i] - tw) * (t[i] - tw) / v[i];
        Sty += (t[i] - tw) * (y[i] - yw) / v[i];
    }
    if (!(Stt > 0))
        return;
    *slope = Sty / Stt;
    *p = erfc(fabs(*slope * sqrt(Stt)) / SQRT2);
}
