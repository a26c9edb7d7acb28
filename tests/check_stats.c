/*
 * check_stats.c - the "stats" suite: inverse normal CDF, z for a
 * confidence level, Wilson, Newcombe (method 10), Katz relative
 * likelihood, the pooled two-proportion p-value and the exact four-fifths
 * test of stats.c.
 *
 * Every expected value comes from a published table or from an
 * independent calculation, never from the code under test:
 *  - normal quantiles: mpmath 1.3.0 at 40-50 digits (root of ncdf(x) = p,
 *    cross-checked against Python's statistics.NormalDist().inv_cdf);
 *  - Wilson 81/263: Newcombe (1998), Stat Med 17:857-872 (0.2553-0.3662);
 *  - Newcombe method 10: Newcombe (1998), Stat Med 17:873-890, Table II,
 *    each row recomputed in mpmath from the Wilson formula;
 *  - Katz: worked by hand, checked in Python with math.log / math.exp;
 *  - p-values: Pearson chi-square without continuity correction from the
 *    2x2 table (N(ad - bc)^2 / product of margins), tail from mpmath's
 *    regularised incomplete gamma, not from erfc;
 *  - four-fifths: exact rational reasoning, and boundary rows generated
 *    and decided with Python's arbitrary-precision integers.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "wres_private.h"

#define Z95 1.959963984540054   /* PHI^-1(0.975) */
#define REL_TOL 1e-14
#define SQRT_2PI 2.50662827463100050241576528481104525
#define TABLE_TOL 5e-5          /* published tables give 4 decimals */

static void assert_rel(double got, double want, double rel)
{
    ck_assert_double_eq_tol(got, want, rel * fabs(want));
}

/* ---- quantiles ---------------------------------------------------------- */

/* Reference PHI^-1 at the decimal probabilities (mpmath; 25 digits in the
 * comments, rounded to 16-17 significant digits).  The input double differs from the
 * decimal by up to half an ulp; at 0.99995 that alone moves the answer by
 * 6.9e-15 relative, still inside the 1e-14 the spec asks for. */
static const struct { double p, x; } decimal_quantiles[] = {
    { 0.975,   1.959963984540054 },     /* 1.959963984540054235524594 */
    { 0.95,    1.6448536269514722 },    /* 1.644853626951472714863849 */
    { 0.90,    1.2815515655446004 },    /* 1.281551565544600466965103 */
    { 0.995,   2.5758293035489004 },    /* 2.575829303548900760978577 */
    { 0.99995, 3.890591886413094 },     /* 3.890591886413093967035708 */
    { 0.8,     0.8416212335729142 },    /* 0.8416212335729142051787061 */
    { 0.99,    2.3263478740408411 },    /* 2.326347874040841100885606 */
    { 0.999,   3.0902323061678135 },    /* 3.0902323061678135415404 */
    { 0.01,   -2.3263478740408411 },
    { 0.00005, -3.890591886413094 },
    { 0.02425, -1.9729610513118849 },   /* Acklam's region boundary */
    { 0.97575,  1.9729610513118849 },
};

START_TEST(test_quantile_reference)
{
    size_t i;

    for (i = 0; i < sizeof decimal_quantiles / sizeof decimal_quantiles[0];
         i++)
        assert_rel(wres__norm_quantile(decimal_quantiles[i].p),
                   decimal_quantiles[i].x, REL_TOL);
}
END_TEST

/* PHI^-1 of the exact binary value of the double nearest each decimal
 * (mpmath on Fraction(float(p))): these the code must hit to ~1 ulp. */
static const struct { double p, x; } binary_quantiles[] = {
    { 0.975,   1.9599639845400538556 },
    { 0.95,    1.6448536269514722843 },
    { 0.90,    1.2815515655446005935 },
    { 0.995,   2.5758293035489004539 },
    { 0.99995, 3.8905918864131206894 },
    { 0.8,     0.84162123357291436380 },
};

START_TEST(test_quantile_binary_inputs)
{
    size_t i;

    for (i = 0; i < sizeof binary_quantiles / sizeof binary_quantiles[0]; i++)
        assert_rel(wres__norm_quantile(binary_quantiles[i].p),
                   binary_quantiles[i].x, 1e-15);
}
END_TEST

START_TEST(test_quantile_centre_and_symmetry)
{
    static const double ps[] = { 0.5, 0.500001, 0.51, 0.55, 0.6, 0.7, 0.75 };
    size_t i;

    ck_assert(wres__norm_quantile(0.5) == 0.0);
    /* For 0.5 <= p <= 0.75, 1 - p, p - 0.5 and (1 - p) - 0.5 are all exact,
     * so the two halves must mirror each other bit for bit. */
    for (i = 0; i < sizeof ps / sizeof ps[0]; i++)
        ck_assert(wres__norm_quantile(ps[i])
                  == -wres__norm_quantile(1.0 - ps[i]));
    /* Near the centre PHI^-1(0.5 + h) = sqrt(2 pi) h (1 + O(h^2)):
     * relative accuracy must hold even for tiny h. */
    assert_rel(wres__norm_quantile(0.5 + 0x1p-30),
               SQRT_2PI * 0x1p-30, 1e-14);
    assert_rel(wres__norm_quantile(0.5 - 0x1p-40),
               -SQRT_2PI * 0x1p-40, 1e-14);
}
END_TEST

START_TEST(test_quantile_out_of_range)
{
    ck_assert_double_nan(wres__norm_quantile(0.0));
    ck_assert_double_nan(wres__norm_quantile(1.0));
    ck_assert_double_nan(wres__norm_quantile(-0.5));
    ck_assert_double_nan(wres__norm_quantile(1.5));
    ck_assert_double_nan(wres__norm_quantile(NAN));
    ck_assert_double_nan(wres__norm_quantile(INFINITY));
    /* Far outside the promised range it stays finite. */
    ck_assert_double_finite(wres__norm_quantile(1e-300));
    ck_assert_double_finite(wres__norm_quantile(4.9406564584124654e-324));
    ck_assert_double_finite(wres__norm_quantile(1.0 - 0x1p-53));
}
END_TEST

/* Round trip: PHI(PHI^-1(p)) = p, judged on the smaller tail so that
 * p > 0.5 is checked against 1 - p (exact) with relative tolerance. */
START_TEST(test_quantile_round_trip)
{
    int i;

    for (i = 1; i <= 4000; i++) {
        double p, x, tail, back;

        if (i <= 2000) {
            p = 0.00005 + (0.99995 - 0.00005) * (double)i / 2000.0;
        } else {            /* log-spaced deep tails, both sides */
            double t = 0.00005 * pow(0.5 / 0.00005, (i - 2001) / 1999.0);
            p = (i % 2) ? t : 1.0 - t;
        }
        if (p >= 1.0)
            continue;
        x = wres__norm_quantile(p);
        ck_assert_double_finite(x);
        if (p <= 0.5) {
            tail = p;
            back = 0.5 * erfc(-x / sqrt(2.0));
            ck_assert(x <= 0.0);
        } else {
            tail = 1.0 - p;
            back = 0.5 * erfc(x / sqrt(2.0));
            ck_assert(x > 0.0);
        }
        /* dPHI/PHI = (phi/PHI) dx, about |x| * |x| * 1.1e-16 at worst
         * here (x near 3.9): allow 4e-15 relative plus the erfc ulp. */
        ck_assert_double_eq_tol(back, tail, 4e-15 * tail + 1e-17);
    }
}
END_TEST

START_TEST(test_quantile_monotone)
{
    double prev = wres__norm_quantile(0.00001);
    int i;

    for (i = 1; i <= 20000; i++) {
        double x = wres__norm_quantile(0.00001 + 0.99998 * i / 20000.0);
        ck_assert(x > prev);
        prev = x;
    }
}
END_TEST

START_TEST(test_z_for_confidence)
{
    /* mpmath: -PHI^-1((1 - c)/2) for the decimal c. */
    assert_rel(wres__z_for_confidence(0.80), 1.2815515655446004, REL_TOL);
    assert_rel(wres__z_for_confidence(0.90), 1.6448536269514722, REL_TOL);
    assert_rel(wres__z_for_confidence(0.95), 1.959963984540054, REL_TOL);
    assert_rel(wres__z_for_confidence(0.99), 2.5758293035489004, REL_TOL);
    assert_rel(wres__z_for_confidence(0.9999), 3.890591886413094, REL_TOL);
    /* ... and for the exact binary c (mpmath on Fraction(float(c))). */
    assert_rel(wres__z_for_confidence(0.90), 1.6448536269514728225, 1e-15);
    assert_rel(wres__z_for_confidence(0.9999), 3.8905918864131206894, 1e-15);
    /* Small c: z = sqrt(2 pi) c/2 (1 + O(c^2)), exact relative accuracy
     * because -c/2 is passed down unrounded. */
    assert_rel(wres__z_for_confidence(1e-10), SQRT_2PI * 0.5e-10,
               1e-14);
    ck_assert_double_nan(wres__z_for_confidence(0.0));
    ck_assert_double_nan(wres__z_for_confidence(1.0));
    ck_assert_double_nan(wres__z_for_confidence(-0.1));
    ck_assert_double_nan(wres__z_for_confidence(NAN));
}
END_TEST

/* ---- Wilson ------------------------------------------------------------- */

START_TEST(test_wilson_published)
{
    double lo, hi;

    /* Newcombe 1998 (single proportion), 81/263: 0.2553 to 0.3662;
     * mpmath: 0.25528851987827423, 0.36620957698280007. */
    wres__wilson(81, 263, Z95, &lo, &hi);
    ck_assert_double_eq_tol(lo, 0.2553, TABLE_TOL);
    ck_assert_double_eq_tol(hi, 0.3662, TABLE_TOL);
    assert_rel(lo, 0.25528851987827423, 1e-13);
    assert_rel(hi, 0.36620957698280007, 1e-13);
}
END_TEST

START_TEST(test_wilson_edges)
{
    double lo, hi;

    wres__wilson(0, 0, Z95, &lo, &hi);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);

    /* 0/10: lower exactly 0; upper z^2/(n + z^2) = 0.27753279986288925. */
    wres__wilson(0, 10, Z95, &lo, &hi);
    ck_assert(lo == 0.0);
    assert_rel(hi, 0.27753279986288925, 1e-13);

    /* 10/10 mirrors it: n/(n + z^2) = 0.72246720013711075, upper exactly 1 */
    wres__wilson(10, 10, Z95, &lo, &hi);
    assert_rel(lo, 0.72246720013711075, 1e-13);
    ck_assert(hi == 1.0);

    /* 1/1: lower 1/(1 + z^2) = 0.20654931437723739. */
    wres__wilson(1, 1, Z95, &lo, &hi);
    assert_rel(lo, 0.20654931437723739, 1e-13);
    ck_assert(hi == 1.0);

    /* Counts that cannot be a proportion. */
    wres__wilson(11, 10, Z95, &lo, &hi);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);
    wres__wilson(-1, 10, Z95, &lo, &hi);
    ck_assert_double_nan(lo);

    /* The bounds at 0/n and n/n are exact for any n and z. */
    {
        static const double zs[] = { 0.5, 1.2815515655446004,
                                     1.6448536269514722, Z95,
                                     2.5758293035489004, 3.890591886413094 };
        int64_t n;
        size_t k;

        for (k = 0; k < sizeof zs / sizeof zs[0]; k++)
            for (n = 1; n <= 2000; n++) {
                wres__wilson(0, n, zs[k], &lo, &hi);
                ck_assert(lo == 0.0);
                wres__wilson(n, n, zs[k], &lo, &hi);
                ck_assert(hi == 1.0);
            }
    }

    /* Huge n: finite, ordered, around 1/2. */
    wres__wilson(INT64_MAX / 2, INT64_MAX, Z95, &lo, &hi);
    ck_assert(lo < 0.5 && hi > 0.5 && hi - lo < 1e-8);
}
END_TEST

/* ---- Newcombe ----------------------------------------------------------- */

/* Newcombe (1998), Table II, method 10, 95%.  The full-precision column
 * is mpmath's evaluation of the method 10 formula from the Wilson
 * intervals; every row agrees with the published 4 decimals. */
static const struct {
    int64_t x1, n1, x2, n2;
    double d, lo, hi;               /* published, 4 decimals */
    double lo_exact, hi_exact;      /* mpmath */
} newcombe_rows[] = {
    { 56, 70, 48, 80, 0.2000, 0.0524, 0.3339,
      0.052431472402364878, 0.33387265403690598 },
    { 9, 10, 3, 10, 0.6000, 0.1705, 0.8090,
      0.17052272393450288, 0.80901797353548798 },
    { 6, 7, 2, 7, 0.5714, 0.0582, 0.8062,
      0.058227927482312202, 0.80624963752422776 },
    { 5, 56, 0, 29, 0.0893, -0.0381, 0.1926,
      -0.038137147903536903, 0.19256001385511162 },
    { 0, 10, 0, 20, 0.0000, -0.1611, 0.2775,
      -0.16112515805281939, 0.27753279986288925 },
    { 10, 10, 0, 20, 1.0000, 0.6791, 1.0000,
      0.67908603714191467, 1.0 },
};

START_TEST(test_newcombe_table)
{
    size_t i;

    for (i = 0; i < sizeof newcombe_rows / sizeof newcombe_rows[0]; i++) {
        double d, lo, hi;

        wres__newcombe(newcombe_rows[i].x1, newcombe_rows[i].n1,
                       newcombe_rows[i].x2, newcombe_rows[i].n2, Z95,
                       &d, &lo, &hi);
        ck_assert_double_eq_tol(d, newcombe_rows[i].d, TABLE_TOL);
        ck_assert_double_eq_tol(lo, newcombe_rows[i].lo, TABLE_TOL);
        ck_assert_double_eq_tol(hi, newcombe_rows[i].hi, TABLE_TOL);
        ck_assert_double_eq_tol(lo, newcombe_rows[i].lo_exact, 1e-13);
        ck_assert_double_eq_tol(hi, newcombe_rows[i].hi_exact, 1e-13);
    }
}
END_TEST

START_TEST(test_newcombe_edges)
{
    double d, lo, hi;

    /* 10/10 vs 0/20: d = 1 and the upper bound is exactly 1. */
    wres__newcombe(10, 10, 0, 20, Z95, &d, &lo, &hi);
    ck_assert(d == 1.0);
    ck_assert(hi == 1.0);

    /* Reversed groups give the mirrored interval. */
    wres__newcombe(48, 80, 56, 70, Z95, &d, &lo, &hi);
    ck_assert_double_eq_tol(d, -0.2, 1e-15);
    ck_assert_double_eq_tol(lo, -0.33387265403690598, 1e-13);
    ck_assert_double_eq_tol(hi, -0.052431472402364878, 1e-13);

    wres__newcombe(0, 0, 3, 10, Z95, &d, &lo, &hi);
    ck_assert_double_nan(d);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);
    wres__newcombe(3, 10, 0, 0, Z95, &d, &lo, &hi);
    ck_assert_double_nan(d);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);
}
END_TEST

/* ---- Katz --------------------------------------------------------------- */

START_TEST(test_katz_worked)
{
    double rl, lo, hi;

    /* a/n1 = 30/100 = 0.3, b/n2 = 20/120 = 1/6, RL = 1.8.
     * var = 1/30 - 1/100 + 1/20 - 1/120 = (20 - 6 + 30 - 5)/600 = 0.065,
     * se = 0.25495097567963926, z se = 0.49969473...,
     * CI = 1.8 exp(-+z se) = 1.0920885182944544 .. 2.9667924767307325
     * (Python: math.exp(math.log(1.8) -+ 1.959963984540054 * se)). */
    wres__katz(30, 100, 20, 120, Z95, &rl, &lo, &hi);
    ck_assert_double_eq_tol(rl, 1.8, 1e-15);
    assert_rel(lo, 1.0920885182944544, 1e-13);
    assert_rel(hi, 2.9667924767307325, 1e-13);

    /* 12/400 vs 30/1500 at 90%: RL = 0.03/0.02 = 1.5,
     * var = 1/12 - 1/400 + 1/30 - 1/1500 = 0.11350, se = 0.33689761055846;
     * CI 0.8618430094350445 .. 2.61068428399149 (Python as above). */
    wres__katz(12, 400, 30, 1500, 1.6448536269514722, &rl, &lo, &hi);
    ck_assert_double_eq_tol(rl, 1.5, 1e-15);
    assert_rel(lo, 0.8618430094350445, 1e-13);
    assert_rel(hi, 2.61068428399149, 1e-13);

    /* Everyone in both groups: var = 0, the interval collapses on RL = 1. */
    wres__katz(5, 5, 7, 7, Z95, &rl, &lo, &hi);
    ck_assert(rl == 1.0 && lo == 1.0 && hi == 1.0);
}
END_TEST

START_TEST(test_katz_nulls)
{
    double rl, lo, hi;

    /* a = 0 < b: RL = 0, no interval. */
    wres__katz(0, 10, 3, 10, Z95, &rl, &lo, &hi);
    ck_assert(rl == 0.0);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);

    /* b = 0 (with or without a). */
    wres__katz(3, 10, 0, 10, Z95, &rl, &lo, &hi);
    ck_assert_double_nan(rl);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);
    wres__katz(0, 10, 0, 10, Z95, &rl, &lo, &hi);
    ck_assert_double_nan(rl);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);

    /* n1 = 0, n2 = 0. */
    wres__katz(0, 0, 3, 10, Z95, &rl, &lo, &hi);
    ck_assert_double_nan(rl);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);
    wres__katz(3, 10, 0, 0, Z95, &rl, &lo, &hi);
    ck_assert_double_nan(rl);
    ck_assert_double_nan(lo);
    ck_assert_double_nan(hi);

    /* Huge counts stay finite: RL = 1 exactly, var = 0. */
    wres__katz(INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX, Z95, &rl, &lo,
               &hi);
    ck_assert(rl == 1.0 && lo == 1.0 && hi == 1.0);
}
END_TEST

/* ---- p-value ------------------------------------------------------------ */

/* Pearson chi-square (no continuity correction) on the 2x2 table
 * [[a, n1 - a], [b, n2 - b]] and its 1-df upper tail, in mpmath. */
static const struct {
    int64_t a, n1, b, n2;
    double p;
} p_rows[] = {
    /* chi2 = 220 (30*100 - 70*20)^2 / (100*120*50*170) = 5.52156862745098
     * (hand: pooled 5/22; Z = (0.3 - 1/6)/sqrt(5/22*17/22*(1/100+1/120))
     * = 2.34980, Z^2 = 5.5216). */
    { 30, 100, 20, 120, 0.01878340852423806 },
    { 12, 400, 30, 1500, 0.22679266492441849 },   /* chi2 1.4608642165 */
    { 56, 70, 48, 80, 0.0080450813681965847 },    /* chi2 7.0234113712 */
    { 1, 2, 1, 3, 0.70938811501422635 },          /* chi2 0.1388888889 */
    { 81, 263, 40, 100, 0.096620676808452081 },   /* chi2 2.7604562738 */
    /* Counts near 2^63, where a/n1 - b/n2 in double cancels to 0 or to
     * noise; Z from exact rationals in mpmath (same p by chi-square). */
    { INT64_MAX, INT64_MAX, INT64_MAX - 4, INT64_MAX,
      0.045500263896358414377 },                    /* Z = 2.0000000000 */
    { INT64_C(3458764518820540928), INT64_MAX,
      INT64_C(3458764513820540928), INT64_MAX - 7,
      0.016187317038740450677 },                    /* Z = 2.4046645460 */
    { INT64_C(4611686018427387904), INT64_MAX,
      INT64_C(4611686015427387904), INT64_MAX - 1,
      0.16241842418886703606 },                     /* Z = 1.3969838617 */
    { 1, INT64_MAX, 0, INT64_MAX, 0.31731050786291410282 },  /* Z = 1 */
};

START_TEST(test_p_worked)
{
    size_t i;

    for (i = 0; i < sizeof p_rows / sizeof p_rows[0]; i++) {
        assert_rel(wres__p_two_prop(p_rows[i].a, p_rows[i].n1, p_rows[i].b,
                                    p_rows[i].n2), p_rows[i].p, 1e-12);
        /* The test is symmetric in the two groups. */
        assert_rel(wres__p_two_prop(p_rows[i].b, p_rows[i].n2, p_rows[i].a,
                                    p_rows[i].n1), p_rows[i].p, 1e-12);
    }
}
END_TEST

START_TEST(test_p_edges)
{
    /* Pooled rate 0 or 1: p = 1. */
    ck_assert(wres__p_two_prop(0, 10, 0, 20) == 1.0);
    ck_assert(wres__p_two_prop(10, 10, 20, 20) == 1.0);
    /* Equal rates otherwise: Z = 0, p = 1. */
    ck_assert(wres__p_two_prop(3, 10, 6, 20) == 1.0);
    /* Zero denominators. */
    ck_assert_double_nan(wres__p_two_prop(0, 0, 3, 10));
    ck_assert_double_nan(wres__p_two_prop(3, 10, 0, 0));
    ck_assert_double_nan(wres__p_two_prop(0, 0, 0, 0));
    /* Extreme separation: finite, in [0, 1], never NaN. */
    {
        double p = wres__p_two_prop(INT64_MAX, INT64_MAX, 0, INT64_MAX);
        ck_assert_double_finite(p);
        ck_assert(p >= 0.0 && p < 1e-300);
        p = wres__p_two_prop(INT64_MAX - 1, INT64_MAX, 1, INT64_MAX);
        ck_assert_double_finite(p);
        ck_assert(p >= 0.0 && p <= 1.0);
        p = wres__p_two_prop(1, INT64_MAX, 0, 1);
        ck_assert_double_finite(p);
        ck_assert(p >= 0.0 && p <= 1.0);
    }
}
END_TEST

/* ---- four-fifths ---------------------------------------------------------- */

#define M INT64_MAX                         /* 2^63 - 1, = 2 (mod 5) */
#define K INT64_C(1844674407370955161)      /* (M - 2)/5 */

static const struct {
    int64_t a, n1, b, n2;
    int want;
} four_fifths_rows[] = {
    /* small, exact boundaries */
    { 4, 10, 5, 10, 1 },            /* RL = 0.8 exactly */
    { 5, 10, 4, 10, 1 },            /* RL = 1.25 exactly */
    { 399, 1000, 500, 1000, 0 },    /* 0.798 */
    { 501, 1000, 400, 1000, 0 },    /* 1.2525 */
    { 400, 1000, 500, 1000, 1 },
    { 1, 3, 1, 3, 1 },
    { 2, 5, 1, 2, 1 },              /* 0.4/0.5 = 0.8 */
    { 0, 10, 5, 10, 0 },            /* RL = 0 */
    { 7, 7, 1, 2, 0 },              /* RL = 2 */
    /* null RL */
    { 3, 10, 0, 10, -1 },
    { 0, 10, 0, 10, -1 },
    { 3, 0, 3, 10, -1 },
    { 3, 10, 3, 0, -1 },
    /* huge: 4K/M over 5K/M is 0.8 exactly; one fewer is below */
    { 4 * K, M, 5 * K, M, 1 },
    { 4 * K - 1, M, 5 * K, M, 0 },
    { 5 * K, M, 4 * K, M, 1 },      /* 1.25 exactly */
    { 5 * K + 1, M, 4 * K, M, 0 },
    /* every product 5 M^2 > 2^128: a 128-bit truncation would say 0 */
    { M, M, M, M, 1 },
    { M - 1, M, M, M, 1 },
    { M, M, 1, 1, 1 },              /* RL = 1 across magnitudes */
    /* RL = 1 with n1 n2 just above 2^128/5 (Python): forming 5 n1 n2 the
     * middle limb overflows and must carry into the third */
    { INT64_C(8253290000810904887), INT64_C(8253290000810904887),
      INT64_C(8245981102990563317), INT64_C(8245981102990563317), 1 },
    { INT64_C(8468643398868494170), INT64_C(8468643398868494170),
      INT64_C(8036289896594394513), INT64_C(8036289896594394513), 1 },
    { M, M, 1, 2, 0 },              /* RL = 2 */
    /* denominators that round to the same double (2^63): in doubles these
     * look like exactly 0.8 / 1.25, exactly they are just outside */
    { 4 * K, M, 5 * K, M - 1, 0 },  /* 0.8 (M - 1)/M < 0.8 */
    { 5 * K, M - 1, 4 * K, M, 0 },  /* 1.25 M/(M - 1) > 1.25 */
    { 4 * K, M - 1, 5 * K, M, 1 },  /* 0.8 M/(M - 1) just inside */
    /* n1 = 5 * 2^60, a = 2^62, b = n2 = M: RL = 0.8 exactly */
    { INT64_C(4611686018427387904), INT64_C(5764607523034234880), M, M, 1 },
    { INT64_C(4611686018427387903), INT64_C(5764607523034234880), M, M, 0 },
    /* random denominators in [2^62, 2^63), a at the edge of each bound;
     * decided with Python integers: 4*b*n1 <= 5*a*n2 and 4*a*n2 <= 5*b*n1 */
    { INT64_C(3676513012380709968), INT64_C(8812490146993996958),
      INT64_C(4693126216708008356), INT64_C(8999424923358508469), 0 },
    { INT64_C(3676513012380709969), INT64_C(8812490146993996958),
      INT64_C(4693126216708008356), INT64_C(8999424923358508469), 1 },
    { INT64_C(5510452307910199922), INT64_C(8812490146993996958),
      INT64_C(4501874136513051420), INT64_C(8999424923358508469), 1 },
    { INT64_C(5510452307910199923), INT64_C(8812490146993996958),
      INT64_C(4501874136513051420), INT64_C(8999424923358508469), 0 },
    { INT64_C(4693576840158894523), INT64_C(7543019827041453367),
      INT64_C(6138040730152821646), INT64_C(7891527422001397511), 0 },
    { INT64_C(4693576840158894524), INT64_C(7543019827041453367),
      INT64_C(6138040730152821646), INT64_C(7891527422001397511), 1 },
    { INT64_C(4359301634807592720), INT64_C(7543019827041453367),
      INT64_C(3648570379574645433), INT64_C(7891527422001397511), 1 },
    { INT64_C(4359301634807592721), INT64_C(7543019827041453367),
      INT64_C(3648570379574645433), INT64_C(7891527422001397511), 0 },
    { INT64_C(3029968908243463196), INT64_C(5078032855907796763),
      INT64_C(5160787789977944763), INT64_C(6919318515401753536), 0 },
    { INT64_C(3029968908243463197), INT64_C(5078032855907796763),
      INT64_C(5160787789977944763), INT64_C(6919318515401753536), 1 },
    { INT64_C(5027576674661505894), INT64_C(5078032855907796763),
      INT64_C(5480453610238551832), INT64_C(6919318515401753536), 1 },
    { INT64_C(5027576674661505895), INT64_C(5078032855907796763),
      INT64_C(5480453610238551832), INT64_C(6919318515401753536), 0 },
    { INT64_C(4042379224132902029), INT64_C(8873624441295117570),
      INT64_C(5128864527979466286), INT64_C(9006897197544837723), 0 },
    { INT64_C(4042379224132902030), INT64_C(8873624441295117570),
      INT64_C(5128864527979466286), INT64_C(9006897197544837723), 1 },
    { INT64_C(3837594920653188319), INT64_C(8873624441295117570),
      INT64_C(3116185334622858823), INT64_C(9006897197544837723), 1 },
    { INT64_C(3837594920653188320), INT64_C(8873624441295117570),
      INT64_C(3116185334622858823), INT64_C(9006897197544837723), 0 },
};

START_TEST(test_non_adverse_table)
{
    size_t i;

    for (i = 0; i < sizeof four_fifths_rows / sizeof four_fifths_rows[0];
         i++) {
        int got = wres__non_adverse(four_fifths_rows[i].a,
                                    four_fifths_rows[i].n1,
                                    four_fifths_rows[i].b,
                                    four_fifths_rows[i].n2);
        ck_assert_msg(got == four_fifths_rows[i].want,
                      "row %zu: got %d, want %d", i, got,
                      four_fifths_rows[i].want);
    }
}
END_TEST

/* Exhaustive over small counts: 0.8 <= (a n2)/(b n1) <= 1.25 multiplied
 * through by 20 b n1, in plain int64 (no overflow at these sizes). */
START_TEST(test_non_adverse_small_exhaustive)
{
    int64_t a, n1, b, n2;

    for (n1 = 1; n1 <= 12; n1++)
        for (n2 = 1; n2 <= 12; n2++)
            for (a = 0; a <= n1; a++)
                for (b = 0; b <= n2; b++) {
                    int want;

                    if (b == 0)
                        want = -1;
                    else    /* 0.8 <= a n2 / (b n1) <= 1.25 */
                        want = 20 * a * n2 >= 16 * b * n1
                               && 20 * a * n2 <= 25 * b * n1;
                    ck_assert_int_eq(wres__non_adverse(a, n1, b, n2), want);
                }
}
END_TEST

/* ---- trends over years -------------------------------------------------- */

/* Agresti, Categorical Data Analysis (2nd ed., 2002), section 3.4: infant
 * malformation by mother's alcohol consumption (Mills and Graubard 1987).
 * With scores 0, 0.5, 1.5, 4.0, 7.0 the linear-trend statistic is
 * M^2 = (N - 1) r^2 = 6.57 (P = 0.01); with scores 1..5, M^2 = 1.83
 * (P = 0.18).  Cochran-Armitage's Z^2 is M^2 * N / (N - 1), N = 32,574. */
START_TEST(test_cochran_armitage_agresti)
{
    static const int64_t x[5] = {48, 38, 5, 1, 1};
    static const int64_t n[5] = {17114, 14502, 793, 127, 38};
    static const double t1[5] = {0, 0.5, 1.5, 4.0, 7.0};
    static const double t2[5] = {1, 2, 3, 4, 5};
    double z, slope, p, N = 32574;

    wres__cochran_armitage(x, n, t1, 5, &z, &slope, &p);
    ck_assert_double_eq_tol(z * z * (N - 1) / N, 6.57, 0.005);
    ck_assert(z > 0);           /* malformation rises with drinking */
    ck_assert_double_eq_tol(p, 0.01, 0.0005 + 0.0004);
    ck_assert(slope > 0);
    wres__cochran_armitage(x, n, t2, 5, &z, &slope, &p);
    ck_assert_double_eq_tol(z * z * (N - 1) / N, 1.83, 0.005);
    ck_assert_double_eq_tol(p, 0.18, 0.005);
}
END_TEST

/* 1/10, 2/10, 3/10 at 0, 1, 2: by hand tbar = 1, T = 2, Stt = 20, slope
 * 0.1 a year, pbar 0.2, Z = 2 / sqrt(0.16 * 20) = 1.11803;
 * p = erfc(Z / sqrt 2) = 0.263552 (Python math.erfc). */
START_TEST(test_cochran_armitage_hand)
{
    static const int64_t x[4] = {1, 2, 3, 0};
    static const int64_t n[4] = {10, 10, 10, 0};  /* an empty year: no weight */
    static const double t[4] = {2022, 2023, 2024, 2030};
    double z, slope, p;

    wres__cochran_armitage(x, n, t, 4, &z, &slope, &p);
    assert_rel(slope, 0.1, 1e-12);
    assert_rel(z, 1.118033988749895, 1e-12);
    assert_rel(p, 0.26355247728297276, 1e-12);
    /* no events at all: no trend, p = 1; one year: no line */
    {
        static const int64_t zero[3] = {0, 0, 0};
        wres__cochran_armitage(zero, n, t, 3, &z, &slope, &p);
        ck_assert(p == 1.0 && slope == 0.0);
        wres__cochran_armitage(x, n, t, 1, &z, &slope, &p);
        ck_assert(isnan(slope) && isnan(p));
    }
}
END_TEST

/* Weighted least squares, by hand: y 0, 1, 3 at t -1, 0, 1 (offsets from
 * 2023) with variances 1, 2, 1: tw = 0, yw = 3.5 / 2.5 = 1.4, Stt = 2,
 * Sty = 1.4 + 1.6 = 3, slope 1.5, se 1/sqrt 2, p = erfc(1.5) = 0.0338949. */
START_TEST(test_weighted_slope_hand)
{
    static const double y[4] = {0, 1, 3, NAN};
    static const double v[4] = {1, 2, 1, 1};
    static const double t[4] = {2022, 2023, 2024, 2025};
    static const double y2[3] = {0, 1, 2};
    static const double v2[3] = {1, 1, 1};
    double slope, p;

    wres__weighted_slope(y, v, t, 4, &slope, &p);
    assert_rel(slope, 1.5, 1e-12);
    assert_rel(p, 0.033894853524689274, 1e-12);
    wres__weighted_slope(y2, v2, t, 3, &slope, &p);
    assert_rel(slope, 1.0, 1e-12);
    assert_rel(p, 0.15729920705028513, 1e-12);      /* erfc(1) */
    wres__weighted_slope(y, v, t, 1, &slope, &p);
    ck_assert(isnan(slope) && isnan(p));
}
END_TEST

/* Ratio of RL 1 over RL 2 with log variances 0.05 and 0.04: 0.5, ln-scale
 * se 0.3, interval exp(ln 0.5 -+ 1.959964 * 0.3) = 0.277722 to 0.900182,
 * p = erfc(|ln 0.5| / 0.3 / sqrt 2) = 0.020861 (Python math). */
START_TEST(test_rl_change_hand)
{
    double r, lo, hi, p;

    wres__rl_change(2.0, 0.04, 1.0, 0.05, Z95, &r, &lo, &hi, &p);
    assert_rel(r, 0.5, 1e-15);
    assert_rel(lo, 0.27772152501333663, 1e-12);
    assert_rel(hi, 0.900182295873518, 1e-12);
    assert_rel(p, 0.020861008252952742, 1e-12);
    /* Katz variance: 1/10 - 1/100 + 1/20 - 1/50 = 0.12 */
    assert_rel(wres__katz_var(10, 100, 20, 50), 0.12, 1e-15);
    ck_assert(isnan(wres__katz_var(0, 100, 20, 50)));
    wres__rl_change(0.0, 0.1, 1.0, 0.1, Z95, &r, &lo, &hi, &p);
    ck_assert(isnan(r) && isnan(p));
    wres__rl_change(2.0, NAN, 1.0, 0.1, Z95, &r, &lo, &hi, &p);
    ck_assert(r == 0.5 && isnan(lo) && isnan(p));
}
END_TEST

static Suite *stats_suite(void)
{
    Suite *s = suite_create("stats");
    TCase *q = tcase_create("quantile");
    TCase *iv = tcase_create("intervals");
    TCase *t = tcase_create("tests");

    tcase_add_test(q, test_quantile_reference);
    tcase_add_test(q, test_quantile_binary_inputs);
    tcase_add_test(q, test_quantile_centre_and_symmetry);
    tcase_add_test(q, test_quantile_out_of_range);
    tcase_add_test(q, test_quantile_round_trip);
    tcase_add_test(q, test_quantile_monotone);
    tcase_add_test(q, test_z_for_confidence);
    suite_add_tcase(s, q);

    tcase_add_test(iv, test_wilson_published);
    tcase_add_test(iv, test_wilson_edges);
    tcase_add_test(iv, test_newcombe_table);
    tcase_add_test(iv, test_newcombe_edges);
    tcase_add_test(iv, test_katz_worked);
    tcase_add_test(iv, test_katz_nulls);
    suite_add_tcase(s, iv);

    tcase_add_test(t, test_p_worked);
    tcase_add_test(t, test_p_edges);
    tcase_add_test(t, test_non_adverse_table);
    tcase_add_test(t, test_non_adverse_small_exhaustive);
    tcase_add_test(t, test_cochran_armitage_agresti);
    tcase_add_test(t, test_cochran_armitage_hand);
    tcase_add_test(t, test_weighted_slope_hand);
    tcase_add_test(t, test_rl_change_hand);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(stats_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
