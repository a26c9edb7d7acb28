/*
 * vocab.c - the value vocabularies of DATA.md: the normalising rule, and the
 * decoders that turn one trimmed field value into an ethnic slot, a band, a
 * staff group, a yes/no answer (with the staff survey's own wording), a
 * reporting year or a non-negative 63-bit integer, plus the names reports
 * print for bands and staff groups.  Every vocabulary is a constant table
 * written as DATA.md spells it; a value matches an entry when both reduce to
 * the same key (normalised, and for bands without spaces, for staff groups
 * without the word "and").  Nothing here allocates or keeps state.
 */
#include <string.h>

#include "wres_private.h"

#define KEY_CAP (WRES__FIELD_MAX + 1)
#define YEAR_MIN 1900
#define YEAR_MAX 2100
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct word_value {
    const char *word;
    int value;
};

/* Reduces a value (len <= WRES__FIELD_MAX) to the key it is matched by. */
typedef size_t (*key_fn)(const char *s, size_t len, char *out);

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(unsigned char c)
{
    return is_alpha(c) || is_digit(c);
}

static unsigned char to_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Returns the full normalised length, like snprintf: out receives the first
 * cap bytes of it, and a NUL terminator when there is room for one. */
size_t wres__normalise(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0, i;
    int gap = 0;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (!is_alnum(c)) {
            gap = 1;
            continue;
        }
        if (gap && n > 0) {
            if (n < cap)
                out[n] = ' ';
            n++;
        }
        gap = 0;
        if (n < cap)
            out[n] = (char)to_lower(c);
        n++;
    }
    if (n < cap)
        out[n] = '\0';
    return n;
}

static size_t normal_key(const char *s, size_t len, char *out)
{
    return wres__normalise(s, len, out, KEY_CAP);
}

/* Bands: normalised, then with every space removed. */
static size_t band_key(const char *s, size_t len, char *out)
{
    size_t n = normal_key(s, len, out), i, k = 0;

    for (i = 0; i < n; i++)
        if (out[i] != ' ')
            out[k++] = out[i];
    out[k] = '\0';
    return k;
}

/* Staff groups: normalised, then without the word "and" (so & and "and" are
 * alike). */
static size_t staff_group_key(const char *s, size_t len, char *out)
{
    size_t n = normal_key(s, len, out), i = 0, k = 0;

    while (i < n) {
        size_t start = i;

        while (i < n && out[i] != ' ')
            i++;
        if (!(i - start == 3 && memcmp(out + start, "and", 3) == 0)) {
            if (k > 0)
                out[k++] = ' ';
            memmove(out + k, out + start, i - start);
            k += i - start;
        }
        i++;    /* past the single space the normaliser leaves */
    }
    out[k] = '\0';
    return k;
}

static int key_equals(const char *key, size_t klen, key_fn fn,
                      const char *word)
{
    char buf[KEY_CAP];
    size_t wlen = strlen(word);

    if (wlen > WRES__FIELD_MAX)
        return 0;
    return fn(word, wlen, buf) == klen && memcmp(buf, key, klen) == 0;
}

static int lookup(const char *key, size_t klen, key_fn fn,
                  const struct word_value *table, size_t count, int *value)
{
    size_t i;

    for (i = 0; i < count; i++) {
        if (key_equals(key, klen, fn, table[i].word)) {
            *value = table[i].value;
            return 0;
        }
    }
    return -1;
}

/* Reduces s to its key, or -1 when s is empty or too long. */
static int make_key(const char *s, size_t len, key_fn fn, char *key,
                    size_t *klen)
{
    if (len == 0 || len > WRES__FIELD_MAX)
        return -1;
    *klen = fn(s, len, key);
    return 0;
}

/* ---- ethnicity ---------------------------------------------------------- */

/* The table of DATA.md.  broad is the name used in short forms; the unknown
 * codes have none. */
static const struct ethnic_category {
    const char *code;
    int slot;
    const char *description;
    const char *broad;
} categories[] = {
    { "A", WRES__ETH_A, "White - British", "White" },
    { "B", WRES__ETH_B, "White - Irish", "White" },
    { "C", WRES__ETH_C, "White - Any other White background", "White" },
    { "D", WRES__ETH_D, "Mixed - White and Black Caribbean", "Mixed" },
    { "E", WRES__ETH_E, "Mixed - White and Black African", "Mixed" },
    { "F", WRES__ETH_F, "Mixed - White and Asian", "Mixed" },
    { "G", WRES__ETH_G, "Mixed - Any other mixed background", "Mixed" },
    { "H", WRES__ETH_H, "Asian or Asian British - Indian", "Asian" },
    { "J", WRES__ETH_J, "Asian or Asian British - Pakistani", "Asian" },
    { "K", WRES__ETH_K, "Asian or Asian British - Bangladeshi", "Asian" },
    { "L", WRES__ETH_L, "Asian or Asian British - Any other Asian background",
      "Asian" },
    { "M", WRES__ETH_M, "Black or Black British - Caribbean", "Black" },
    { "N", WRES__ETH_N, "Black or Black British - African", "Black" },
    { "P", WRES__ETH_P, "Black or Black British - Any other Black background",
      "Black" },
    { "R", WRES__ETH_R, "Other Ethnic Groups - Chinese", "Other" },
    { "S", WRES__ETH_S, "Other Ethnic Groups - Any other ethnic group",
      "Other" },
    { "Z", WRES__ETH_UNKNOWN, "Not stated", NULL },
    { "99", WRES__ETH_UNKNOWN, "Not known", NULL },
};

static const char *const unknown_forms[] = {
    "Not stated", "Not known", "Unknown", "Not declared", "Prefer not to say",
};

/* A national code alone, any case: A..S, Z or 99. */
static int ethnic_code(const char *s, size_t len, int *slot)
{
    size_t i, j;

    for (i = 0; i < COUNT(categories); i++) {
        const char *code = categories[i].code;

        if (strlen(code) != len)
            continue;
        for (j = 0; j < len; j++)
            if (to_lower((unsigned char)s[j]) !=
                to_lower((unsigned char)code[j]))
                break;
        if (j == len) {
            *slot = categories[i].slot;
            return 0;
        }
    }
    return -1;
}

/* "A White - British", "CA White English", "99 Not known": a code or a
 * two-character sub-code, then at least one more word. */
static int ethnic_esr(const char *s, size_t len, int *slot)
{
    size_t word = 0, rest;

    while (word < len && !is_blank(s[word]))
        word++;
    for (rest = word; rest < len && is_blank(s[rest]); rest++)
        ;
    if (word == 0 || rest == len)
        return -1;
    if (ethnic_code(s, word, slot) == 0)
        return 0;
    if (word == 2 && is_alpha((unsigned char)s[0]) &&
        is_alnum((unsigned char)s[1]))
        return ethnic_code(s, 1, slot);
    return -1;
}

/* "<broad> <part after ' - '>", e.g. "Asian Indian". */
static int short_form_equals(const char *key, size_t klen,
                             const struct ethnic_category *cat)
{
    char form[KEY_CAP];
    const char *sub = strstr(cat->description, " - ");
    size_t blen, slen;

    if (cat->broad == NULL || sub == NULL)
        return 0;
    sub += 3;
    blen = strlen(cat->broad);
    slen = strlen(sub);
    if (blen + 1 + slen >= sizeof form)
        return 0;
    memcpy(form, cat->broad, blen);
    form[blen] = ' ';
    memcpy(form + blen + 1, sub, slen + 1);
    return key_equals(key, klen, normal_key, form);
}

static int ethnic_description(const char *key, size_t klen, int *slot)
{
    size_t i;

    for (i = 0; i < COUNT(categories); i++) {
        if (key_equals(key, klen, normal_key, categories[i].description) ||
            short_form_equals(key, klen, &categories[i])) {
            *slot = categories[i].slot;
            return 0;
        }
    }
    for (i = 0; i < COUNT(unknown_forms); i++) {
        if (key_equals(key, klen, normal_key, unknown_forms[i])) {
            *slot = WRES__ETH_UNKNOWN;
            return 0;
        }
    }
    return -1;
}

int wres__parse_ethnicity(const char *s, size_t len, int *slot)
{
    char key[KEY_CAP];

    if (len == 0 || len > WRES__FIELD_MAX)
        return -1;
    if (ethnic_code(s, len, slot) == 0 || ethnic_esr(s, len, slot) == 0)
        return 0;
    return ethnic_description(key, normal_key(s, len, key), slot);
}

static const struct word_value survey_groups[] = {
    { "white", WRES__ETH_WHITE }, { "bme", WRES__ETH_BME },
    { "asian", WRES__ETH_ASIAN }, { "black", WRES__ETH_BLACK },
    { "mixed", WRES__ETH_MIXED }, { "other", WRES__ETH_OTHER },
    { "unknown", WRES__ETH_UNKNOWN },
};

int wres__parse_survey_group(const char *s, size_t len, int *slot)
{
    char key[KEY_CAP];
    size_t klen;

    if (make_key(s, len, normal_key, key, &klen) != 0)
        return -1;
    if (lookup(key, klen, normal_key, survey_groups, COUNT(survey_groups),
               slot) == 0)
        return 0;
    return ethnic_code(key, klen, slot);
}

int wres__eth_wgroup(int slot)
{
    if (slot >= WRES__ETH_A && slot <= WRES__ETH_C)
        return WRES__WHITE;
    if (slot >= WRES__ETH_D && slot <= WRES__ETH_S)
        return WRES__BME;
    switch (slot) {
    case WRES__ETH_UNKNOWN:
        return WRES__UNKNOWN;
    case WRES__ETH_WHITE:
        return WRES__WHITE;
    case WRES__ETH_BME:
    case WRES__ETH_ASIAN:
    case WRES__ETH_BLACK:
    case WRES__ETH_MIXED:
    case WRES__ETH_OTHER:
        return WRES__BME;
    default:
        return -1;
    }
}

/* ---- band --------------------------------------------------------------- */

static const char *const band_prefixes[] = {
    "agendaforchangeband", "afcband", "afc", "band", "",
};

static const struct word_value band_numbers[] = {
    { "1", WRES__BAND_1 }, { "2", WRES__BAND_2 }, { "3", WRES__BAND_3 },
    { "4", WRES__BAND_4 }, { "5", WRES__BAND_5 }, { "6", WRES__BAND_6 },
    { "7", WRES__BAND_7 }, { "8a", WRES__BAND_8A }, { "8b", WRES__BAND_8B },
    { "8c", WRES__BAND_8C }, { "8d", WRES__BAND_8D }, { "9", WRES__BAND_9 },
};

static const struct word_value band_words[] = {
    { "underband1", WRES__BAND_UNDER1 },
    { "vsm", WRES__BAND_VSM },
    { "veryseniormanager", WRES__BAND_VSM },
    { "consultant", WRES__BAND_CONSULTANT },
    { "careergrade", WRES__BAND_CAREER },
    { "nonconsultantcareergrade", WRES__BAND_CAREER },
    { "nccg", WRES__BAND_CAREER },
    { "sas", WRES__BAND_CAREER },
    { "trainee", WRES__BAND_TRAINEE },
    { "traineegrade", WRES__BAND_TRAINEE },
    { "traineegrades", WRES__BAND_TRAINEE },
    { "juniordoctor", WRES__BAND_TRAINEE },
    { "other", WRES__BAND_OTHER },
};

static const char *const band_names[WRES__BANDS] = {
    [WRES__BAND_UNDER1] = "Under Band 1",
    [WRES__BAND_1] = "Band 1", [WRES__BAND_2] = "Band 2",
    [WRES__BAND_3] = "Band 3", [WRES__BAND_4] = "Band 4",
    [WRES__BAND_5] = "Band 5", [WRES__BAND_6] = "Band 6",
    [WRES__BAND_7] = "Band 7",
    [WRES__BAND_8A] = "Band 8a", [WRES__BAND_8B] = "Band 8b",
    [WRES__BAND_8C] = "Band 8c", [WRES__BAND_8D] = "Band 8d",
    [WRES__BAND_9] = "Band 9",
    [WRES__BAND_VSM] = "VSM",
    [WRES__BAND_CONSULTANT] = "Consultant",
    [WRES__BAND_CAREER] = "Career grade",
    [WRES__BAND_TRAINEE] = "Trainee",
    [WRES__BAND_OTHER] = "Other",
};

int wres__parse_band(const char *s, size_t len, int *band)
{
    char key[KEY_CAP];
    size_t klen, i;

    if (make_key(s, len, band_key, key, &klen) != 0)
        return -1;
    if (lookup(key, klen, band_key, band_words, COUNT(band_words),
               band) == 0)
        return 0;
    for (i = 0; i < COUNT(band_prefixes); i++) {
        size_t plen = strlen(band_prefixes[i]);

        if (plen <= klen && memcmp(key, band_prefixes[i], plen) == 0 &&
            lookup(key + plen, klen - plen, band_key, band_numbers,
                   COUNT(band_numbers), band) == 0)
            return 0;
    }
    return -1;
}

const char *wres__band_name(int band)
{
    if (band < 0 || band >= WRES__BANDS)
        return NULL;
    return band_names[band];
}

/* ---- staff group -------------------------------------------------------- */

static const struct word_value staff_groups[] = {
    { "non clinical", WRES__SG_NONCLINICAL },
    { "nonclinical", WRES__SG_NONCLINICAL },
    { "clinical", WRES__SG_CLINICAL },
    { "clinical non medical", WRES__SG_CLINICAL },
    { "medical", WRES__SG_MEDICAL },
    { "medical dental", WRES__SG_MEDICAL },
    { "m d", WRES__SG_MEDICAL },
    /* the NHS staff groups of ESR, in full or as ESR truncates them */
    { "Medical and Dental", WRES__SG_MEDICAL },
    { "Nursing and Midwifery Registered", WRES__SG_CLINICAL },
    { "Additional Clinical Services", WRES__SG_CLINICAL },
    { "Allied Health Professionals", WRES__SG_CLINICAL },
    { "Healthcare Scientists", WRES__SG_CLINICAL },
    { "Additional Professional Scientific and Technical", WRES__SG_CLINICAL },
    { "Add Prof Scientific and Technic", WRES__SG_CLINICAL },
    { "Students", WRES__SG_CLINICAL },
    { "Administrative and Clerical", WRES__SG_NONCLINICAL },
    { "Estates and Ancillary", WRES__SG_NONCLINICAL },
};

static const char *const staff_group_names[WRES__SGROUPS] = {
    [WRES__SG_NONCLINICAL] = "non-clinical",
    [WRES__SG_CLINICAL] = "clinical",
    [WRES__SG_MEDICAL] = "medical",
};

int wres__parse_staff_group(const char *s, size_t len, int *group)
{
    char key[KEY_CAP];
    size_t klen;

    if (make_key(s, len, staff_group_key, key, &klen) != 0)
        return -1;
    return lookup(key, klen, staff_group_key, staff_groups,
                  COUNT(staff_groups), group);
}

const char *wres__staff_group_name(int group)
{
    if (group < 0 || group >= WRES__SGROUPS)
        return NULL;
    return staff_group_names[group];
}

/* ---- yes/no and survey wording ------------------------------------------ */

static const struct word_value yes_no_words[] = {
    { "yes", 1 }, { "y", 1 }, { "true", 1 }, { "t", 1 }, { "1", 1 },
    { "no", 0 }, { "n", 0 }, { "false", 0 }, { "f", 0 }, { "0", 0 },
};

static const struct word_value harassment_words[] = {
    { "Never", 0 }, { "1-2", 1 }, { "3-5", 1 }, { "6-10", 1 },
    { "More than 10", 1 },
};

static const struct word_value equal_opp_words[] = {
    { "Don't know", 0 },
};

int wres__parse_yes_no(const char *s, size_t len, int *yes)
{
    char key[KEY_CAP];
    size_t klen;

    if (make_key(s, len, normal_key, key, &klen) != 0)
        return -1;
    return lookup(key, klen, normal_key, yes_no_words, COUNT(yes_no_words),
                  yes);
}

int wres__parse_survey_answer(const char *s, size_t len, int answer,
                              int *yes)
{
    char key[KEY_CAP];
    size_t klen, count;
    const struct word_value *extra;

    switch (answer) {
    case WRES__ANSWER_HARASSMENT:
        extra = harassment_words;
        count = COUNT(harassment_words);
        break;
    case WRES__ANSWER_EQUAL_OPP:
        extra = equal_opp_words;
        count = COUNT(equal_opp_words);
        break;
    default:
        return -1;
    }
    if (make_key(s, len, normal_key, key, &klen) != 0)
        return -1;
    if (lookup(key, klen, normal_key, yes_no_words, COUNT(yes_no_words),
               yes) == 0)
        return 0;
    return lookup(key, klen, normal_key, extra, count, yes);
}

/* ---- numbers ------------------------------------------------------------ */

static int all_digits(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (!is_digit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int digits_value(const char *s, size_t len)
{
    int v = 0;
    size_t i;

    for (i = 0; i < len; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* "2024", or the financial year "2023/24" or "2023-24" -> 2024. */
int wres__parse_year(const char *s, size_t len, int *year)
{
    int y;

    if ((len != 4 && len != 7) || !all_digits(s, 4))
        return -1;
    y = digits_value(s, 4);
    if (len == 7) {
        if ((s[4] != '/' && s[4] != '-') || !all_digits(s + 5, 2) ||
            digits_value(s + 5, 2) != (y + 1) % 100)
            return -1;
        y++;
    }
    if (y < YEAR_MIN || y > YEAR_MAX)
        return -1;
    *year = y;
    return 0;
}

int wres__parse_uint63(const char *s, size_t len, int64_t *value)
{
    int64_t v = 0;
    size_t i;

    if (len == 0 || len > WRES__FIELD_MAX || !all_digits(s, len))
        return -1;
    for (i = 0; i < len; i++) {
        int d = s[i] - '0';

        if (v > (INT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *value = v;
    return 0;
}

/* ---- the memo (its lookup is inline, in wres_private.h) ---------------- */

int wres__vocab_decode(int v, const char *s, size_t n, int *out)
{
    switch (v) {
    case WRES__V_ETHNICITY: return wres__parse_ethnicity(s, n, out);
    case WRES__V_BAND: return wres__parse_band(s, n, out);
    case WRES__V_STAFF_GROUP: return wres__parse_staff_group(s, n, out);
    case WRES__V_YES_NO: return wres__parse_yes_no(s, n, out);
    case WRES__V_HARASSMENT:
        return wres__parse_survey_answer(s, n, WRES__ANSWER_HARASSMENT, out);
    case WRES__V_EQUAL_OPP:
        return wres__parse_survey_answer(s, n, WRES__ANSWER_EQUAL_OPP, out);
    case WRES__V_YEAR: return wres__parse_year(s, n, out);
    case WRES__V_GROUP: return wres__parse_survey_group(s, n, out);
    default: return -1;
    }
}

int wres__vocab_fill(wres__vc_entry *set, int v, const char *s, size_t len,
                     uint64_t a, uint64_t b, int *out)
{
    int value = 0, rv = wres__vocab_decode(v, s, len, &value);
    wres__vc_entry *e = &set[0];

    set[1] = set[0];    /* the older entry stays, one way down */
    e->w0 = a;
    e->w1 = b;
    e->len = (unsigned char)len;
    e->rv = (signed char)rv;
    e->value = value;
    memcpy(e->key, s, len);
    if (rv == 0)
        *out = value;
    return rv;
}
