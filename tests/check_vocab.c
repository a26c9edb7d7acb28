/*
 * check_vocab.c - the "vocab" suite: the normalising rule and every value
 * vocabulary of DATA.md (ethnicity, survey_counts group, band, staff group,
 * yes/no, survey wording, year, integers).  Each table lists forms DATA.md
 * accepts with the value written by hand from DATA.md, and forms it rejects;
 * each row runs as its own loop iteration so a failure names its input.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wres_private.h"

#define REJECT (-1)
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define UNTOUCHED (-12345)
#define EN_DASH "\xe2\x80\x93"

struct int_case {
    const char *in;
    int want;   /* REJECT, or the decoded value */
};

typedef int (*int_parser)(const char *, size_t, int *);

static void check_int_case(const char *what, int_parser parse,
                           const struct int_case *c)
{
    int got = UNTOUCHED;
    int rc = parse(c->in, strlen(c->in), &got);

    if (c->want == REJECT)
        ck_assert_msg(rc == -1 && got == UNTOUCHED,
                      "%s(\"%s\") should reject; got rc %d value %d", what,
                      c->in, rc, got);
    else
        ck_assert_msg(rc == 0 && got == c->want,
                      "%s(\"%s\") should give %d; got rc %d value %d", what,
                      c->in, c->want, rc, got);
}

/* ---- normalise ---------------------------------------------------------- */

static const struct {
    const char *in;
    const char *out;
} normalise_cases[] = {
    { "White " EN_DASH " British", "white british" },
    { "White - British", "white british" },
    { "Band 8A", "band 8a" },
    { "band-8a", "band 8a" },
    { "BAND  8a", "band 8a" },
    { "--Hello,  World!!", "hello world" },
    { "A\tB\nC\rD", "a b c d" },
    { "Don't know", "don t know" },
    { "1-2", "1 2" },
    { "Medical & Dental", "medical dental" },
    { "\xc3\x9cn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9", "n c d" },  /* Ünïcödé */
    { "abc123XYZ", "abc123xyz" },
    { "x", "x" },
    { "-", "" },
    { "?", "" },
    { " \t ", "" },
    { "", "" },
};

START_TEST(test_normalise)
{
    char out[64];
    const char *in = normalise_cases[_i].in;
    const char *want = normalise_cases[_i].out;
    size_t n = wres__normalise(in, strlen(in), out, sizeof out);

    ck_assert_uint_eq(n, strlen(want));
    ck_assert_str_eq(out, want);
}
END_TEST

START_TEST(test_normalise_capacity)
{
    static const char in[] = "White " EN_DASH " British";  /* white british */
    char out[20];

    ck_assert_uint_eq(wres__normalise(in, strlen(in), NULL, 0), 13);

    memset(out, 'X', sizeof out);
    ck_assert_uint_eq(wres__normalise(in, strlen(in), out, 5), 13);
    ck_assert(memcmp(out, "whiteX", 6) == 0);

    memset(out, 'X', sizeof out);
    ck_assert_uint_eq(wres__normalise(in, strlen(in), out, 13), 13);
    ck_assert(memcmp(out, "white britishX", 14) == 0);

    memset(out, 'X', sizeof out);
    ck_assert_uint_eq(wres__normalise(in, strlen(in), out, 14), 13);
    ck_assert(memcmp(out, "white british\0X", 15) == 0);

    /* a NUL byte is a character other than a letter or digit */
    ck_assert_uint_eq(wres__normalise("a\0b", 3, out, sizeof out), 3);
    ck_assert_str_eq(out, "a b");
}
END_TEST

/* ---- ethnicity ---------------------------------------------------------- */

static const struct int_case ethnicity_cases[] = {
    /* a national code alone, any case */
    { "A", WRES__ETH_A }, { "B", WRES__ETH_B }, { "C", WRES__ETH_C },
    { "D", WRES__ETH_D }, { "E", WRES__ETH_E }, { "F", WRES__ETH_F },
    { "G", WRES__ETH_G }, { "H", WRES__ETH_H }, { "J", WRES__ETH_J },
    { "K", WRES__ETH_K }, { "L", WRES__ETH_L }, { "M", WRES__ETH_M },
    { "N", WRES__ETH_N }, { "P", WRES__ETH_P }, { "R", WRES__ETH_R },
    { "S", WRES__ETH_S }, { "Z", WRES__ETH_UNKNOWN },
    { "99", WRES__ETH_UNKNOWN },
    { "a", WRES__ETH_A }, { "b", WRES__ETH_B }, { "c", WRES__ETH_C },
    { "d", WRES__ETH_D }, { "e", WRES__ETH_E }, { "f", WRES__ETH_F },
    { "g", WRES__ETH_G }, { "h", WRES__ETH_H }, { "j", WRES__ETH_J },
    { "k", WRES__ETH_K }, { "l", WRES__ETH_L }, { "m", WRES__ETH_M },
    { "n", WRES__ETH_N }, { "p", WRES__ETH_P }, { "r", WRES__ETH_R },
    { "s", WRES__ETH_S }, { "z", WRES__ETH_UNKNOWN },

    /* ESR style: code or two-character sub-code, then more words */
    { "A White - British", WRES__ETH_A },
    { "CA White English", WRES__ETH_C },
    { "C3 White Unspecified", WRES__ETH_C },
    { "LH Asian British", WRES__ETH_L },
    { "SC Filipino", WRES__ETH_S },
    { "ZZ Not Stated", WRES__ETH_UNKNOWN },
    { "Z Not stated", WRES__ETH_UNKNOWN },
    { "99 Not known", WRES__ETH_UNKNOWN },
    { "a White - British", WRES__ETH_A },
    { "ca white english", WRES__ETH_C },
    { "cA White English", WRES__ETH_C },
    { "B Irish", WRES__ETH_B },
    { "HA Indian", WRES__ETH_H },
    { "NC Black Somali", WRES__ETH_N },
    { "R1 Chinese", WRES__ETH_R },
    { "z1 anything at all", WRES__ETH_UNKNOWN },
    { "N\tBlack African", WRES__ETH_N },
    { "A \t White", WRES__ETH_A },
    { "A -", WRES__ETH_A },     /* the rest of the value is not checked */

    /* the table's descriptions, as written and normalised */
    { "White - British", WRES__ETH_A },
    { "White - Irish", WRES__ETH_B },
    { "White - Any other White background", WRES__ETH_C },
    { "Mixed - White and Black Caribbean", WRES__ETH_D },
    { "Mixed - White and Black African", WRES__ETH_E },
    { "Mixed - White and Asian", WRES__ETH_F },
    { "Mixed - Any other mixed background", WRES__ETH_G },
    { "Asian or Asian British - Indian", WRES__ETH_H },
    { "Asian or Asian British - Pakistani", WRES__ETH_J },
    { "Asian or Asian British - Bangladeshi", WRES__ETH_K },
    { "Asian or Asian British - Any other Asian background", WRES__ETH_L },
    { "Black or Black British - Caribbean", WRES__ETH_M },
    { "Black or Black British - African", WRES__ETH_N },
    { "Black or Black British - Any other Black background", WRES__ETH_P },
    { "Other Ethnic Groups - Chinese", WRES__ETH_R },
    { "Other Ethnic Groups - Any other ethnic group", WRES__ETH_S },
    { "Not stated", WRES__ETH_UNKNOWN },
    { "Not known", WRES__ETH_UNKNOWN },
    { "White " EN_DASH " British", WRES__ETH_A },
    { "WHITE-BRITISH", WRES__ETH_A },
    { "white  british", WRES__ETH_A },
    { "asian or asian british: indian", WRES__ETH_H },
    { "Other Ethnic Groups Chinese", WRES__ETH_R },

    /* short forms <broad> <sub> */
    { "White British", WRES__ETH_A },
    { "White Irish", WRES__ETH_B },
    { "White Any other White background", WRES__ETH_C },
    { "Mixed White and Black Caribbean", WRES__ETH_D },
    { "Mixed White and Black African", WRES__ETH_E },
    { "Mixed White and Asian", WRES__ETH_F },
    { "Mixed Any other mixed background", WRES__ETH_G },
    { "Asian Indian", WRES__ETH_H },
    { "Asian Pakistani", WRES__ETH_J },
    { "Asian Bangladeshi", WRES__ETH_K },
    { "Asian Any other Asian background", WRES__ETH_L },
    { "Black Caribbean", WRES__ETH_M },
    { "Black African", WRES__ETH_N },
    { "Black Any other Black background", WRES__ETH_P },
    { "Other Chinese", WRES__ETH_R },
    { "Other Any other ethnic group", WRES__ETH_S },
    { "Black-African", WRES__ETH_N },
    { "Other: Chinese", WRES__ETH_R },
    { "mixed - white & asian", REJECT },  /* "&" is not "and" here */

    /* unknown forms */
    { "Unknown", WRES__ETH_UNKNOWN },
    { "Not declared", WRES__ETH_UNKNOWN },
    { "Prefer not to say", WRES__ETH_UNKNOWN },
    { "NOT STATED", WRES__ETH_UNKNOWN },
    { "not-known", WRES__ETH_UNKNOWN },
    { "Prefer not to say.", WRES__ETH_UNKNOWN },
    { "UNKNOWN", WRES__ETH_UNKNOWN },

    /* never guessed */
    { "N/A", REJECT }, { "n/a", REJECT }, { "NA", REJECT }, { "NK", REJECT },
    { "NS", REJECT }, { "BME", REJECT }, { "BAME", REJECT },
    { "Black", REJECT }, { "White", REJECT }, { "Mixed", REJECT },
    { "Asian", REJECT }, { "Other", REJECT }, { "-", REJECT },
    { "?", REJECT }, { "I", REJECT }, { "O", REJECT }, { "Q", REJECT },
    { "T", REJECT }, { "X", REJECT }, { "Y", REJECT }, { "9", REJECT },
    { "0", REJECT }, { "999", REJECT }, { "98", REJECT }, { "AA", REJECT },
    { "A1", REJECT }, { "A.", REJECT }, { "A-", REJECT }, { "(A)", REJECT },
    { "99.", REJECT }, { "Asian British", REJECT },
    { "IA Something", REJECT }, { "9 Not known", REJECT },
    { "1A White", REJECT }, { "A1B White", REJECT }, { "-A White", REJECT },
    { "A-White British", REJECT }, { "A\xc2\xa0White", REJECT },
    { "\xc3\x80" "A White", REJECT }, { "A\nWhite", REJECT },
    { "Black or Black British", REJECT }, { "White - Scottish", REJECT },
    { "Other Ethnic Group - Chinese", REJECT },
    { "Unknown Not stated", REJECT }, { "British", REJECT },
    { "Chinese", REJECT }, { "White and Asian", REJECT },
    { "None", REJECT }, { "Not applicable", REJECT },
    { "WhiteBritish", REJECT },
};

START_TEST(test_ethnicity)
{
    check_int_case("ethnicity", wres__parse_ethnicity, &ethnicity_cases[_i]);
}
END_TEST

static const struct int_case survey_group_cases[] = {
    { "white", WRES__ETH_WHITE }, { "White", WRES__ETH_WHITE },
    { "bme", WRES__ETH_BME }, { "BME", WRES__ETH_BME },
    { "asian", WRES__ETH_ASIAN }, { "Black", WRES__ETH_BLACK },
    { "MIXED", WRES__ETH_MIXED }, { "Other", WRES__ETH_OTHER },
    { "unknown", WRES__ETH_UNKNOWN }, { "Unknown", WRES__ETH_UNKNOWN },
    { "-white-", WRES__ETH_WHITE },
    { "A", WRES__ETH_A }, { "B", WRES__ETH_B }, { "C", WRES__ETH_C },
    { "D", WRES__ETH_D }, { "E", WRES__ETH_E }, { "F", WRES__ETH_F },
    { "G", WRES__ETH_G }, { "H", WRES__ETH_H }, { "J", WRES__ETH_J },
    { "K", WRES__ETH_K }, { "L", WRES__ETH_L }, { "M", WRES__ETH_M },
    { "N", WRES__ETH_N }, { "P", WRES__ETH_P }, { "R", WRES__ETH_R },
    { "S", WRES__ETH_S }, { "a", WRES__ETH_A }, { "s", WRES__ETH_S },
    { "Z", WRES__ETH_UNKNOWN }, { "z", WRES__ETH_UNKNOWN },
    { "99", WRES__ETH_UNKNOWN },
    { "I", REJECT }, { "O", REJECT }, { "Q", REJECT }, { "T", REJECT },
    { "X", REJECT }, { "Y", REJECT }, { "9", REJECT }, { "0", REJECT },
    { "999", REJECT }, { "AA", REJECT }, { "BAME", REJECT },
    { "B.M.E.", REJECT }, { "white british", REJECT },
    { "A White - British", REJECT }, { "Not stated", REJECT },
    { "asian british", REJECT }, { "total", REJECT }, { "all", REJECT },
    { "-", REJECT }, { "?", REJECT },
};

START_TEST(test_survey_group)
{
    check_int_case("survey_group", wres__parse_survey_group,
                   &survey_group_cases[_i]);
}
END_TEST

static const struct {
    int slot;
    int wgroup;
} wgroup_cases[] = {
    { WRES__ETH_A, WRES__WHITE }, { WRES__ETH_B, WRES__WHITE },
    { WRES__ETH_C, WRES__WHITE }, { WRES__ETH_D, WRES__BME },
    { WRES__ETH_E, WRES__BME }, { WRES__ETH_F, WRES__BME },
    { WRES__ETH_G, WRES__BME }, { WRES__ETH_H, WRES__BME },
    { WRES__ETH_J, WRES__BME }, { WRES__ETH_K, WRES__BME },
    { WRES__ETH_L, WRES__BME }, { WRES__ETH_M, WRES__BME },
    { WRES__ETH_N, WRES__BME }, { WRES__ETH_P, WRES__BME },
    { WRES__ETH_R, WRES__BME }, { WRES__ETH_S, WRES__BME },
    { WRES__ETH_UNKNOWN, WRES__UNKNOWN }, { WRES__ETH_WHITE, WRES__WHITE },
    { WRES__ETH_BME, WRES__BME }, { WRES__ETH_ASIAN, WRES__BME },
    { WRES__ETH_BLACK, WRES__BME }, { WRES__ETH_MIXED, WRES__BME },
    { WRES__ETH_OTHER, WRES__BME },
    { -1, -1 }, { WRES__ETH_SLOTS, -1 },
};

START_TEST(test_eth_wgroup)
{
    ck_assert_int_eq(wres__eth_wgroup(wgroup_cases[_i].slot),
                     wgroup_cases[_i].wgroup);
}
END_TEST

/* ---- band --------------------------------------------------------------- */

static const struct int_case band_cases[] = {
    { "1", WRES__BAND_1 }, { "2", WRES__BAND_2 }, { "3", WRES__BAND_3 },
    { "4", WRES__BAND_4 }, { "5", WRES__BAND_5 }, { "6", WRES__BAND_6 },
    { "7", WRES__BAND_7 }, { "8a", WRES__BAND_8A }, { "8b", WRES__BAND_8B },
    { "8c", WRES__BAND_8C }, { "8d", WRES__BAND_8D }, { "9", WRES__BAND_9 },
    { "8A", WRES__BAND_8A }, { "8D", WRES__BAND_8D },
    { "Band 1", WRES__BAND_1 }, { "Band 2", WRES__BAND_2 },
    { "Band 3", WRES__BAND_3 }, { "Band 4", WRES__BAND_4 },
    { "Band 5", WRES__BAND_5 }, { "Band 6", WRES__BAND_6 },
    { "Band 7", WRES__BAND_7 }, { "Band 8a", WRES__BAND_8A },
    { "Band 8b", WRES__BAND_8B }, { "Band 8c", WRES__BAND_8C },
    { "Band 8d", WRES__BAND_8D }, { "Band 9", WRES__BAND_9 },
    { "Band 8A", WRES__BAND_8A }, { "band-8a", WRES__BAND_8A },
    { "BAND  8a", WRES__BAND_8A }, { "band8a", WRES__BAND_8A },
    { "Band 8 a", WRES__BAND_8A }, { "AfC Band 5", WRES__BAND_5 },
    { "AfC Band 8A", WRES__BAND_8A }, { "afc band 8d", WRES__BAND_8D },
    { "AFC 7", WRES__BAND_7 }, { "afc5", WRES__BAND_5 },
    { "AfC: 8b", WRES__BAND_8B }, { "afcband1", WRES__BAND_1 },
    { "Agenda for Change Band 9", WRES__BAND_9 },
    { "agenda-for-change band 8c", WRES__BAND_8C },
    { "Under Band 1", WRES__BAND_UNDER1 },
    { "under band 1", WRES__BAND_UNDER1 },
    { "UnderBand1", WRES__BAND_UNDER1 },
    { "VSM", WRES__BAND_VSM }, { "vsm", WRES__BAND_VSM },
    { "Very Senior Manager", WRES__BAND_VSM },
    { "Consultant", WRES__BAND_CONSULTANT },
    { "CONSULTANT", WRES__BAND_CONSULTANT },
    { "Career grade", WRES__BAND_CAREER },
    { "Non-consultant career grade", WRES__BAND_CAREER },
    { "Non Consultant Career Grade", WRES__BAND_CAREER },
    { "NCCG", WRES__BAND_CAREER }, { "SAS", WRES__BAND_CAREER },
    { "Trainee", WRES__BAND_TRAINEE },
    { "Trainee grade", WRES__BAND_TRAINEE },
    { "Trainee Grades", WRES__BAND_TRAINEE },
    { "Junior doctor", WRES__BAND_TRAINEE },
    { "Junior-Doctor", WRES__BAND_TRAINEE },
    { "Other", WRES__BAND_OTHER }, { "other", WRES__BAND_OTHER },

    { "8", REJECT }, { "Band 8", REJECT }, { "AfC Band 8", REJECT },
    { "Band 10", REJECT }, { "10", REJECT }, { "0", REJECT },
    { "Band 0", REJECT }, { "8e", REJECT }, { "Band 8e", REJECT },
    { "5a", REJECT }, { "55", REJECT }, { "05", REJECT },
    { "Band 5 6", REJECT }, { "Band 1.5", REJECT }, { "band8a8b", REJECT },
    { "band", REJECT }, { "afc", REJECT }, { "afcband", REJECT },
    { "Agenda for Change Band", REJECT },
    { "agenda for change 5", REJECT }, { "B5", REJECT },
    { "Bd 5", REJECT }, { "Band \xef\xbc\x95", REJECT },  /* fullwidth 5 */
    { "Under Band 2", REJECT }, { "under band", REJECT },
    { "under 1", REJECT }, { "Band Under Band 1", REJECT },
    { "afc vsm", REJECT }, { "Band Consultant", REJECT },
    { "Senior manager", REJECT }, { "junior", REJECT },
    { "doctor", REJECT }, { "Medical", REJECT }, { "grade", REJECT },
    { "-", REJECT }, { "?", REJECT },
};

START_TEST(test_band)
{
    check_int_case("band", wres__parse_band, &band_cases[_i]);
}
END_TEST

static const char *const band_names[WRES__BANDS] = {
    "Under Band 1", "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
    "Band 6", "Band 7", "Band 8a", "Band 8b", "Band 8c", "Band 8d",
    "Band 9", "VSM", "Consultant", "Career grade", "Trainee", "Other",
};

START_TEST(test_band_name)
{
    int band = UNTOUCHED;
    const char *name = wres__band_name(_i);

    ck_assert_ptr_nonnull(name);
    ck_assert_str_eq(name, band_names[_i]);
    /* the name a report prints reads back as the same band */
    ck_assert_int_eq(wres__parse_band(name, strlen(name), &band), 0);
    ck_assert_int_eq(band, _i);
}
END_TEST

START_TEST(test_band_name_range)
{
    ck_assert_ptr_null(wres__band_name(-1));
    ck_assert_ptr_null(wres__band_name(WRES__BANDS));
}
END_TEST

/* ---- staff group -------------------------------------------------------- */

static const struct int_case staff_group_cases[] = {
    { "non-clinical", WRES__SG_NONCLINICAL },
    { "non clinical", WRES__SG_NONCLINICAL },
    { "Non Clinical", WRES__SG_NONCLINICAL },
    { "nonclinical", WRES__SG_NONCLINICAL },
    { "NON-CLINICAL", WRES__SG_NONCLINICAL },
    { "clinical", WRES__SG_CLINICAL }, { "Clinical", WRES__SG_CLINICAL },
    { "clinical non medical", WRES__SG_CLINICAL },
    { "Clinical non-medical", WRES__SG_CLINICAL },
    { "Clinical (non-medical)", WRES__SG_CLINICAL },
    { "medical", WRES__SG_MEDICAL }, { "Medical", WRES__SG_MEDICAL },
    { "medical dental", WRES__SG_MEDICAL },
    { "Medical and Dental", WRES__SG_MEDICAL },
    { "Medical & Dental", WRES__SG_MEDICAL },
    { "medical/dental", WRES__SG_MEDICAL },
    { "m d", WRES__SG_MEDICAL }, { "M&D", WRES__SG_MEDICAL },
    { "M & D", WRES__SG_MEDICAL }, { "M and D", WRES__SG_MEDICAL },
    { "Nursing and Midwifery Registered", WRES__SG_CLINICAL },
    { "Nursing & Midwifery Registered", WRES__SG_CLINICAL },
    { "Additional Clinical Services", WRES__SG_CLINICAL },
    { "Allied Health Professionals", WRES__SG_CLINICAL },
    { "Healthcare Scientists", WRES__SG_CLINICAL },
    { "Additional Professional Scientific and Technical",
      WRES__SG_CLINICAL },
    { "Add Prof Scientific and Technic", WRES__SG_CLINICAL },
    { "Add Prof Scientific & Technic", WRES__SG_CLINICAL },
    { "Students", WRES__SG_CLINICAL },
    { "Administrative and Clerical", WRES__SG_NONCLINICAL },
    { "Administrative & Clerical", WRES__SG_NONCLINICAL },
    { "Estates and Ancillary", WRES__SG_NONCLINICAL },
    { "Estates & Ancillary", WRES__SG_NONCLINICAL },

    { "Nursing", REJECT }, { "Nurse", REJECT }, { "Admin", REJECT },
    { "Medic", REJECT }, { "dental", REJECT }, { "non", REJECT },
    { "non medical", REJECT }, { "clinical medical", REJECT },
    { "md", REJECT }, { "Nursing and Midwifery", REJECT },
    { "Nursing and Midwifery Unregistered", REJECT },
    { "Student", REJECT }, { "Estates", REJECT },
    { "Administrative", REJECT }, { "Healthcare Scientist", REJECT },
    { "Allied Health Professional", REJECT },
    { "Additional Professional Scientific", REJECT },
    { "and", REJECT }, { "&", REJECT }, { "-", REJECT }, { "?", REJECT },
};

START_TEST(test_staff_group)
{
    check_int_case("staff_group", wres__parse_staff_group,
                   &staff_group_cases[_i]);
}
END_TEST

static const char *const staff_group_names[WRES__SGROUPS] = {
    "non-clinical", "clinical", "medical",
};

START_TEST(test_staff_group_name)
{
    int group = UNTOUCHED;
    const char *name = wres__staff_group_name(_i);

    ck_assert_ptr_nonnull(name);
    ck_assert_str_eq(name, staff_group_names[_i]);
    ck_assert_int_eq(wres__parse_staff_group(name, strlen(name), &group), 0);
    ck_assert_int_eq(group, _i);
}
END_TEST

START_TEST(test_staff_group_name_range)
{
    ck_assert_ptr_null(wres__staff_group_name(-1));
    ck_assert_ptr_null(wres__staff_group_name(WRES__SGROUPS));
}
END_TEST

/* ---- yes/no and survey wording ------------------------------------------ */

static const struct int_case yes_no_cases[] = {
    { "yes", 1 }, { "Yes", 1 }, { "YES", 1 }, { "y", 1 }, { "Y", 1 },
    { "true", 1 }, { "TRUE", 1 }, { "t", 1 }, { "T", 1 }, { "1", 1 },
    { "Yes.", 1 },
    { "no", 0 }, { "No", 0 }, { "NO", 0 }, { "n", 0 }, { "N", 0 },
    { "false", 0 }, { "False", 0 }, { "f", 0 }, { "F", 0 }, { "0", 0 },
    { "maybe", REJECT }, { "yes please", REJECT }, { "yess", REJECT },
    { "ye", REJECT }, { "2", REJECT }, { "10", REJECT }, { "01", REJECT },
    { "00", REJECT }, { "oui", REJECT }, { "on", REJECT }, { "off", REJECT },
    { "Y/N", REJECT }, { "yes no", REJECT }, { "nope", REJECT },
    { "Never", REJECT }, { "Don't know", REJECT }, { "-", REJECT },
    { "?", REJECT },
};

START_TEST(test_yes_no)
{
    check_int_case("yes_no", wres__parse_yes_no, &yes_no_cases[_i]);
}
END_TEST

static const struct {
    const char *in;
    int answer;
    int want;
} answer_cases[] = {
    { "yes", WRES__ANSWER_HARASSMENT, 1 },
    { "Y", WRES__ANSWER_HARASSMENT, 1 },
    { "true", WRES__ANSWER_HARASSMENT, 1 },
    { "1", WRES__ANSWER_HARASSMENT, 1 },
    { "No", WRES__ANSWER_HARASSMENT, 0 },
    { "f", WRES__ANSWER_HARASSMENT, 0 },
    { "0", WRES__ANSWER_HARASSMENT, 0 },
    { "Never", WRES__ANSWER_HARASSMENT, 0 },
    { "never", WRES__ANSWER_HARASSMENT, 0 },
    { "1-2", WRES__ANSWER_HARASSMENT, 1 },
    { "1 - 2", WRES__ANSWER_HARASSMENT, 1 },
    { "1" EN_DASH "2", WRES__ANSWER_HARASSMENT, 1 },
    { "3-5", WRES__ANSWER_HARASSMENT, 1 },
    { "6-10", WRES__ANSWER_HARASSMENT, 1 },
    { "More than 10", WRES__ANSWER_HARASSMENT, 1 },
    { "more than 10", WRES__ANSWER_HARASSMENT, 1 },
    { "Don't know", WRES__ANSWER_HARASSMENT, REJECT },
    { "12", WRES__ANSWER_HARASSMENT, REJECT },
    { "1-3", WRES__ANSWER_HARASSMENT, REJECT },
    { "10", WRES__ANSWER_HARASSMENT, REJECT },
    { "more than", WRES__ANSWER_HARASSMENT, REJECT },
    { "6 to 10", WRES__ANSWER_HARASSMENT, REJECT },
    { "maybe", WRES__ANSWER_HARASSMENT, REJECT },
    { "-", WRES__ANSWER_HARASSMENT, REJECT },

    { "Yes", WRES__ANSWER_EQUAL_OPP, 1 },
    { "t", WRES__ANSWER_EQUAL_OPP, 1 },
    { "no", WRES__ANSWER_EQUAL_OPP, 0 },
    { "0", WRES__ANSWER_EQUAL_OPP, 0 },
    { "Don't know", WRES__ANSWER_EQUAL_OPP, 0 },
    { "don't know", WRES__ANSWER_EQUAL_OPP, 0 },
    { "Don\xe2\x80\x99t know", WRES__ANSWER_EQUAL_OPP, 0 },  /* U+2019 */
    { "dont know", WRES__ANSWER_EQUAL_OPP, REJECT },
    { "Never", WRES__ANSWER_EQUAL_OPP, REJECT },
    { "1-2", WRES__ANSWER_EQUAL_OPP, REJECT },
    { "More than 10", WRES__ANSWER_EQUAL_OPP, REJECT },
    { "Not sure", WRES__ANSWER_EQUAL_OPP, REJECT },
    { "?", WRES__ANSWER_EQUAL_OPP, REJECT },

    /* not an answer vocabulary */
    { "yes", -1, REJECT }, { "yes", 2, REJECT },
};

START_TEST(test_survey_answer)
{
    int got = UNTOUCHED;
    const char *in = answer_cases[_i].in;
    int want = answer_cases[_i].want;
    int rc = wres__parse_survey_answer(in, strlen(in),
                                       answer_cases[_i].answer, &got);

    if (want == REJECT)
        ck_assert_msg(rc == -1 && got == UNTOUCHED,
                      "answer %d \"%s\" should reject; got rc %d value %d",
                      answer_cases[_i].answer, in, rc, got);
    else
        ck_assert_msg(rc == 0 && got == want,
                      "answer %d \"%s\" should give %d; got rc %d value %d",
                      answer_cases[_i].answer, in, want, rc, got);
}
END_TEST

/* ---- year --------------------------------------------------------------- */

static const struct int_case year_cases[] = {
    { "2024", 2024 }, { "1900", 1900 }, { "2100", 2100 },
    { "2023/24", 2024 }, { "2023-24", 2024 }, { "1999/00", 2000 },
    { "1899/00", 1900 }, { "2099-00", 2100 },
    { "24", REJECT }, { "2023/25", REJECT }, { "2023/23", REJECT },
    { "2024/24", REJECT }, { "2023-2024", REJECT },
    { "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94", REJECT },
    { "1899", REJECT }, { "2101", REJECT }, { "2100/01", REJECT },
    { "1898/99", REJECT }, { "0000", REJECT }, { "9999/00", REJECT },
    { "+2024", REJECT }, { "-2024", REJECT }, { "2024.0", REJECT },
    { "20240", REJECT }, { "2023 24", REJECT }, { "2023/4", REJECT },
    { "2023\\24", REJECT }, { "2023_24", REJECT },
    { "2023" EN_DASH "24", REJECT }, { "2,024", REJECT },
    { "2023/24a", REJECT }, { "2O24", REJECT }, { "abcd", REJECT },
    { "-", REJECT },
};

START_TEST(test_year)
{
    check_int_case("year", wres__parse_year, &year_cases[_i]);
}
END_TEST

/* ---- integers ----------------------------------------------------------- */

static const struct {
    const char *in;
    int ok;
    int64_t want;
} uint63_cases[] = {
    { "0", 1, 0 }, { "00", 1, 0 }, { "7", 1, 7 }, { "42", 1, 42 },
    { "0042", 1, 42 }, { "1000", 1, 1000 },
    { "9223372036854775807", 1, INT64_MAX },
    { "0009223372036854775807", 1, INT64_MAX },
    { "922337203685477580", 1, INT64_C(922337203685477580) },
    { "9223372036854775808", 0, 0 }, { "9223372036854775810", 0, 0 },
    { "18446744073709551615", 0, 0 }, { "18446744073709551616", 0, 0 },
    { "99999999999999999999", 0, 0 }, { "92233720368547758070", 0, 0 },
    { "+5", 0, 0 }, { "-5", 0, 0 }, { "-0", 0, 0 }, { "1,000", 0, 0 },
    { "1 000", 0, 0 }, { "1.0", 0, 0 }, { "5.", 0, 0 }, { "1e3", 0, 0 },
    { "0x10", 0, 0 }, { "\xef\xbc\x95", 0, 0 }, { "abc", 0, 0 },
    { "-", 0, 0 },
};

START_TEST(test_uint63)
{
    int64_t got = UNTOUCHED;
    const char *in = uint63_cases[_i].in;
    int rc = wres__parse_uint63(in, strlen(in), &got);

    if (!uint63_cases[_i].ok)
        ck_assert_msg(rc == -1 && got == UNTOUCHED,
                      "uint63(\"%s\") should reject; got rc %d", in, rc);
    else
        ck_assert_msg(rc == 0 && got == uint63_cases[_i].want,
                      "uint63(\"%s\") wrong; got rc %d value %lld", in, rc,
                      (long long)got);
}
END_TEST

/* ---- lengths ------------------------------------------------------------ */

/* head, then filler up to total - strlen(tail) bytes, then tail. */
static char *padded(const char *head, char filler, const char *tail,
                    size_t total)
{
    size_t h = strlen(head), t = strlen(tail);
    char *s = malloc(total + 1);

    ck_assert_ptr_nonnull(s);
    ck_assert_uint_ge(total, h + t);
    memcpy(s, head, h);
    memset(s + h, filler, total - h - t);
    memcpy(s + total - t, tail, t + 1);
    return s;
}

static const struct {
    const char *what;
    int_parser parse;
    const char *head;
    char filler;
    const char *tail;
    int want;
} length_cases[] = {
    { "ethnicity", wres__parse_ethnicity, "A ", 'x', "", WRES__ETH_A },
    { "ethnicity", wres__parse_ethnicity, "White", '-', "British",
      WRES__ETH_A },
    { "survey_group", wres__parse_survey_group, "white", '.', "",
      WRES__ETH_WHITE },
    { "band", wres__parse_band, "Band", '-', "5", WRES__BAND_5 },
    { "staff_group", wres__parse_staff_group, "medical", '&', "dental",
      WRES__SG_MEDICAL },
    { "yes_no", wres__parse_yes_no, "yes", '.', "", 1 },
};

START_TEST(test_field_max)
{
    const char *what = length_cases[_i].what;
    char *at_max = padded(length_cases[_i].head, length_cases[_i].filler,
                          length_cases[_i].tail, WRES__FIELD_MAX);
    char *over = padded(length_cases[_i].head, length_cases[_i].filler,
                        length_cases[_i].tail, WRES__FIELD_MAX + 1);
    int got = UNTOUCHED;

    ck_assert_msg(length_cases[_i].parse(at_max, WRES__FIELD_MAX, &got) == 0
                  && got == length_cases[_i].want,
                  "%s: %d bytes should be accepted", what, WRES__FIELD_MAX);
    got = UNTOUCHED;
    ck_assert_msg(length_cases[_i].parse(over, WRES__FIELD_MAX + 1, &got)
                  == -1 && got == UNTOUCHED,
                  "%s: %d bytes should be rejected", what,
                  WRES__FIELD_MAX + 1);
    free(at_max);
    free(over);
}
END_TEST

START_TEST(test_field_max_other)
{
    char *at_max = padded("", '0', "", WRES__FIELD_MAX);
    char *over = padded("", '0', "", WRES__FIELD_MAX + 1);
    char *never = padded("Never", ' ', "", WRES__FIELD_MAX + 1);
    int64_t v = UNTOUCHED;
    int yes = UNTOUCHED;

    ck_assert_int_eq(wres__parse_uint63(at_max, WRES__FIELD_MAX, &v), 0);
    ck_assert(v == 0);
    v = UNTOUCHED;
    ck_assert_int_eq(wres__parse_uint63(over, WRES__FIELD_MAX + 1, &v), -1);
    ck_assert(v == UNTOUCHED);
    ck_assert_int_eq(wres__parse_survey_answer(never, WRES__FIELD_MAX,
                                               WRES__ANSWER_HARASSMENT,
                                               &yes), 0);
    ck_assert_int_eq(yes, 0);
    yes = UNTOUCHED;
    ck_assert_int_eq(wres__parse_survey_answer(never, WRES__FIELD_MAX + 1,
                                               WRES__ANSWER_HARASSMENT,
                                               &yes), -1);
    ck_assert_int_eq(yes, UNTOUCHED);
    free(at_max);
    free(over);
    free(never);
}
END_TEST

/* Parsers read exactly len bytes: no NUL terminator is needed or seen. */
START_TEST(test_explicit_length)
{
    int v = UNTOUCHED;
    int64_t n = UNTOUCHED;

    ck_assert_int_eq(wres__parse_band("5x", 1, &v), 0);
    ck_assert_int_eq(v, WRES__BAND_5);
    ck_assert_int_eq(wres__parse_ethnicity("AB", 1, &v), 0);
    ck_assert_int_eq(v, WRES__ETH_A);
    ck_assert_int_eq(wres__parse_yes_no("yes!!no", 3, &v), 0);
    ck_assert_int_eq(v, 1);
    ck_assert_int_eq(wres__parse_year("20245", 4, &v), 0);
    ck_assert_int_eq(v, 2024);
    ck_assert_int_eq(wres__parse_uint63("123x", 3, &n), 0);
    ck_assert(n == 123);

    v = UNTOUCHED;
    ck_assert_int_eq(wres__parse_ethnicity("A\0", 2, &v), -1);
    ck_assert_int_eq(wres__parse_yes_no("y\0es", 4, &v), -1);
    ck_assert_int_eq(v, UNTOUCHED);
    n = UNTOUCHED;
    ck_assert_int_eq(wres__parse_uint63("1\0", 2, &n), -1);
    ck_assert(n == UNTOUCHED);
}
END_TEST

static Suite *vocab_suite(void)
{
    Suite *s = suite_create("vocab");
    TCase *tc;

    tc = tcase_create("normalise");
    tcase_add_loop_test(tc, test_normalise, 0, COUNT(normalise_cases));
    tcase_add_test(tc, test_normalise_capacity);
    suite_add_tcase(s, tc);

    tc = tcase_create("ethnicity");
    tcase_add_loop_test(tc, test_ethnicity, 0, COUNT(ethnicity_cases));
    tcase_add_loop_test(tc, test_survey_group, 0,
                        COUNT(survey_group_cases));
    tcase_add_loop_test(tc, test_eth_wgroup, 0, COUNT(wgroup_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("band");
    tcase_add_loop_test(tc, test_band, 0, COUNT(band_cases));
    tcase_add_loop_test(tc, test_band_name, 0, WRES__BANDS);
    tcase_add_test(tc, test_band_name_range);
    suite_add_tcase(s, tc);

    tc = tcase_create("staff_group");
    tcase_add_loop_test(tc, test_staff_group, 0, COUNT(staff_group_cases));
    tcase_add_loop_test(tc, test_staff_group_name, 0, WRES__SGROUPS);
    tcase_add_test(tc, test_staff_group_name_range);
    suite_add_tcase(s, tc);

    tc = tcase_create("answers");
    tcase_add_loop_test(tc, test_yes_no, 0, COUNT(yes_no_cases));
    tcase_add_loop_test(tc, test_survey_answer, 0, COUNT(answer_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_add_loop_test(tc, test_year, 0, COUNT(year_cases));
    tcase_add_loop_test(tc, test_uint63, 0, COUNT(uint63_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("lengths");
    tcase_add_loop_test(tc, test_field_max, 0, COUNT(length_cases));
    tcase_add_test(tc, test_field_max_other);
    tcase_add_test(tc, test_explicit_length);
    suite_add_tcase(s, tc);

    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(vocab_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
