/* gen-sample: writes the bundled sample trust, a fictitious organisation RXX,
 * as the five CSV exports of DATA.md (staff, applicants, survey, survey_counts,
 * board) for reporting years 2022-2024, into OUTDIR (which must exist):
 *   gen-sample OUTDIR
 * The data are synthetic but shaped like a real trust's extracts: ESR-style
 * ethnicity, band and staff-group spellings, financial-year labels, quoted
 * fields, a BOM (staff.csv), CRLF line endings (applicants.csv), blank lines,
 * no final line ending (board.csv), and a "snowy white peaks" workforce.
 * Everything comes from a fixed-seed splitmix64 and integer arithmetic, so the
 * bytes are the same on every machine.  Every row is valid except these, each
 * with exactly one defect (line 1 is the header, counted after the BOM; blank
 * lines count):
 *   staff.csv:6184          band                unknown_band       ("Band 8")
 *   staff.csv:6635          ethnicity           unknown_ethnicity  ("BAME")
 *   staff.csv:7136          training            invalid_yes_no     ("maybe")
 *   staff.csv:7737          staff_id            duplicate_id       (2024 id of line 6073)
 *   staff.csv:8338          band                missing_value      (empty)
 *   applicants.csv:10002    appointed           appointed_not_shortlisted
 *   survey.csv:2008         harassment_public   invalid_yes_no     ("Sometimes")
 *   survey_counts.csv:16    yes                 yes_gt_respondents (84 > 9)
 * They are placed by position (after fixed row numbers of 2024), so changing the
 * seed or any weight moves them: regenerate and re-check these lines.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t rng_state = 0x5EED2024C0FFEE11u;

static uint64_t next64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}
static unsigned pick(unsigned n) { return (unsigned)((next64() >> 32) % n); }
static int chance(unsigned per10k) { return pick(10000) < per10k; }
static int weighted(const unsigned *w, int n)
{
    unsigned t = 0, r;
    int i;
    for (i = 0; i < n; i++) t += w[i];
    r = pick(t);
    for (i = 0; i < n - 1 && r >= w[i]; i++) r -= w[i];
    return i;
}
#define WPICK(w) weighted((w), (int)(sizeof(w) / sizeof((w)[0])))

/* ---- output: rows, quoting, line endings ---- */
struct out { FILE *f; const char *eol; unsigned quote; int open; long rows; };

static void put_row(struct out *o, const char *const *v, int n)
{
    int i;
    if (o->open) fputs(o->eol, o->f);
    o->open = 1;
    for (i = 0; i < n; i++) {
        const char *s = v[i];
        int q = strpbrk(s, ",\"\r\n") != NULL || (s[0] && chance(o->quote));
        if (i) fputc(',', o->f);
        if (!q) { fputs(s, o->f); continue; }
        fputc('"', o->f);
        for (; *s; s++) { if (*s == '"') fputc('"', o->f); fputc(*s, o->f); }
        fputc('"', o->f);
    }
    o->rows++;
}
static void put_blank(struct out *o, const char *ws) { fputs(o->eol, o->f); fputs(ws, o->f); }

static int open_out(struct out *o, const char *dir, const char *name, const char *eol,
                    const char *bom, const char *header)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    memset(o, 0, sizeof *o);
    if (!(o->f = fopen(path, "wb"))) { perror(path); return -1; }
    o->eol = eol; o->quote = 150; o->open = 1;
    fputs(bom, o->f); fputs(header, o->f);
    return 0;
}
static int close_out(struct out *o, const char *name, int final_eol)
{
    if (final_eol) fputs(o->eol, o->f);
    if (fclose(o->f) != 0) { perror(name); return -1; }
    printf("%-18s %6ld rows\n", name, o->rows);
    return 0;
}

/* ---- vocabularies as a trust writes them ---- */
/* ethnicity index: A B C D E F G H J K L M N P R S Z 99, then U (blank or a word) */
static const char *const eth_txt[19][4] = {
    {"A White - British", "White - British", "White British", "White \xE2\x80\x93 British"},
    {"B White - Irish", "White - Irish", "White Irish"},
    {"CA White English", "C3 White Unspecified", "C White - Any other White background",
     "White - Any other White background"},
    {"D Mixed - White & Black Caribbean", "Mixed - White and Black Caribbean",
     "Mixed White and Black Caribbean"},
    {"E Mixed - White & Black African", "Mixed White and Black African"},
    {"F Mixed - White & Asian", "Mixed - White and Asian"},
    {"G Mixed - Any other mixed background", "Mixed Any other mixed background"},
    {"H Asian or Asian British - Indian", "Asian or Asian British - Indian", "Asian Indian"},
    {"J Asian or Asian British - Pakistani", "Asian Pakistani"},
    {"K Asian or Asian British - Bangladeshi", "Asian Bangladeshi"},
    {"LH Asian British", "L Asian or Asian British - Any other Asian background",
     "Asian Any other Asian background"},
    {"M Black or Black British - Caribbean", "Black Caribbean"},
    {"N Black or Black British - African", "Black African",
     "Black or Black British \xE2\x80\x93 African"},
    {"P Black or Black British - Any other Black background", "Black Any other Black background"},
    {"R Chinese", "Other Ethnic Groups - Chinese", "Other Chinese"},
    {"SC Filipino", "S Any other ethnic group", "Other Ethnic Groups - Any other ethnic group"},
    {"ZZ Not Stated", "Z Not Stated", "Not stated"},
    {"99 Not known", "99", "Not known"},
    {"", "Prefer not to say", "Not declared", "Unknown"},
};
static const unsigned w_white[] = {80, 4, 16};                                  /* A B C */
static const unsigned w_bme[] = {4, 3, 3, 3, 20, 7, 3, 12, 8, 18, 3, 5, 11};    /* D..S */
static const unsigned w_unk[] = {45, 15, 40};                                   /* Z 99 U */

static int draw_eth(unsigned bme_of_known, unsigned unknown)
{
    if (chance(unknown)) return 16 + WPICK(w_unk);
    if (chance(bme_of_known)) return 3 + WPICK(w_bme);
    return WPICK(w_white);
}
static int eth_group(int e) { return e < 3 ? 0 : e < 16 ? 1 : 2; }   /* white bme unknown */
static const char *eth_text(int e, unsigned style)
{
    int n = 0;
    while (n < 4 && eth_txt[e][n]) n++;
    return eth_txt[e][style % (unsigned)n];
}

enum { UB1 = 0, B8C = 10, B9 = 12, VSM, CONS, CAREER, TRAINEE, NBANDS };
static const char *const afc_code[] = {"", "1", "2", "3", "4", "5", "6", "7",
                                       "8a", "8b", "8c", "8d", "9"};
static void band_text(char *buf, size_t sz, int b)
{
    static const char *const pre[] = {"Band ", "AfC Band ", "", "band ", "BAND "};
    static const unsigned w_pre[] = {58, 10, 12, 14, 6};
    static const char *const ub1[] = {"Under Band 1", "Under band 1"};
    static const char *const vsm[] = {"VSM", "Very Senior Manager"};
    static const char *const car[] = {"Career grade", "SAS", "Career Grade"};
    static const char *const tra[] = {"Trainee", "Junior Doctor", "Trainee Grades"};
    const char *c;
    char letter[2];
    switch (b) {
    case UB1: snprintf(buf, sz, "%s", ub1[pick(2)]); return;
    case VSM: snprintf(buf, sz, "%s", vsm[pick(2)]); return;
    case CONS: snprintf(buf, sz, "Consultant"); return;
    case CAREER: snprintf(buf, sz, "%s", car[pick(3)]); return;
    case TRAINEE: snprintf(buf, sz, "%s", tra[pick(3)]); return;
    }
    c = afc_code[b];   /* 8a..8d keep their letter, in either case: a bare 8 is no band */
    letter[0] = c[1] && chance(4000) ? (char)(c[1] - 'a' + 'A') : c[1];
    letter[1] = 0;
    snprintf(buf, sz, "%s%c%s", pre[WPICK(w_pre)], c[0], letter);
}

enum { NURS, ACS, AHP, HCS, APST, STUD, MED, ADMIN, ESTATES, NGROUPS };
static const char *const grp_esr[NGROUPS] = {
    "Nursing and Midwifery Registered", "Additional Clinical Services",
    "Allied Health Professionals", "Healthcare Scientists", "Add Prof Scientific and Technic",
    "Students", "Medical and Dental", "Administrative and Clerical", "Estates and Ancillary"};
static const char *grp_text(int g)
{
    if (chance(8500)) {
        if (g == NURS && chance(1000)) return "Nursing & Midwifery Registered";
        if (g == APST && chance(2000)) return "Additional Professional Scientific and Technical";
        return grp_esr[g];
    }
    if (g == MED) return chance(5000) ? "Medical & Dental" : "Medical";
    if (g >= ADMIN) return chance(5000) ? "Non-clinical" : "Non Clinical";
    return "Clinical";
}
static const unsigned w_group[NGROUPS] = {280, 200, 80, 30, 40, 10, 120, 180, 60};
/* band weights per group: UB1, 1..7, 8a..8d, 9, VSM, Consultant, Career, Trainee */
static const unsigned w_band[NGROUPS][NBANDS] = {
    {0, 0, 0, 0, 0, 500, 280, 150, 50, 15, 8, 3, 0, 0, 0, 0, 0},
    {0, 0, 350, 450, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 250, 350, 280, 100, 20, 6, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 100, 200, 300, 250, 100, 50, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 200, 250, 250, 200, 70, 30, 0, 0, 0, 0, 0, 0, 0},
    {700, 0, 0, 300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 400, 150, 450},
    {0, 0, 150, 300, 200, 100, 80, 70, 50, 30, 25, 12, 6, 11, 0, 0, 0},
    {0, 200, 500, 200, 70, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
};
/* share of BME among staff of known ethnicity, per 10,000, by band (clinical, other) */
static unsigned bme_share(int b, int g)
{
    static const unsigned clin[NBANDS] = {2500, 2500, 2600, 2500, 2400, 3800, 3400, 2100,
                                          1500, 1300, 1200, 1100, 1000, 1000, 3600, 5200, 4300};
    static const unsigned other[NBANDS] = {2500, 2500, 2600, 2500, 2400, 2200, 2000, 1800,
                                           1400, 1200, 1200, 1100, 1000, 1000, 0, 0, 0};
    return g >= ADMIN ? other[b] : clin[b];
}

static const char *const directorates[] = {
    "Medicine, Urgent and Emergency Care", "Surgery, Anaesthetics and Critical Care",
    "Women's and Children's Services", "Clinical Support Services", "Corporate Services",
    "Community and Integrated Care"};
static const char *const sites[] = {"Royal Infirmary", "St Luke's Hospital",
                                    "Westgate Community Hospital"};

static const char *yes_no(int yes, int empty_is_no)
{
    static const char *const y[] = {"Y", "Yes", "yes", "TRUE", "1"};
    static const char *const n[] = {"N", "No", "no", "FALSE", "0", ""};
    static const unsigned wy[] = {35, 35, 10, 10, 10}, wn[] = {30, 25, 10, 5, 5, 25};
    return yes ? y[WPICK(wy)] : n[weighted(wn, empty_is_no ? 6 : 5)];
}
static const char *year_text(char *buf, size_t sz, int y)
{
    unsigned r = pick(100);
    if (r < 85) snprintf(buf, sz, "%d", y);
    else snprintf(buf, sz, "%d%c%02d", y - 1, r < 95 ? '/' : '-', y % 100);
    return buf;
}

/* ---- staff ---- */
struct person { unsigned id, style; int eth, group, band, dir, site, los, bank; };
static struct person people[8000];
static int npeople;
static unsigned next_id = 20031407;

static int new_person(int los)
{
    struct person *p = &people[npeople];
    p->id = next_id += 1 + pick(9);
    p->group = WPICK(w_group);
    p->band = weighted(w_band[p->group], NBANDS);
    p->eth = draw_eth(bme_share(p->band, p->group), 550);
    p->style = pick(12);
    p->dir = p->group >= ADMIN && chance(6000) ? 4 : (int)"012350"[pick(6)] - '0';
    p->site = (int)pick(3);
    p->los = los;
    p->bank = chance(300);
    return npeople++;
}

/* one staff row; column bad_col (or -1) is replaced by bad_val */
static void staff_row(struct out *o, const struct person *p, int year, int bad_col,
                      const char *bad_val)
{
    char id[16], yr[16], band[32], los[8];
    const char *v[12];
    int g = eth_group(p->eth);
    snprintf(id, sizeof id, "%u", p->id);
    band_text(band, sizeof band, p->band);
    snprintf(los, sizeof los, "%d", p->los);
    v[0] = id; v[1] = year_text(yr, sizeof yr, year); v[2] = "RXX";
    v[3] = eth_text(p->eth, p->style); v[4] = band; v[5] = grp_text(p->group);
    v[6] = yes_no(chance(g == 0 ? 150 : g == 1 ? 250 : 200), 1);
    v[7] = yes_no(chance(g == 0 ? 6000 : g == 1 ? 5200 : 5500), 1);
    v[8] = p->bank ? yes_no(1, 1) : chance(3000) ? "N" : "";
    v[9] = directorates[p->dir]; v[10] = sites[p->site]; v[11] = los;
    if (bad_col >= 0) v[bad_col] = bad_val;
    put_row(o, v, 12);
}

static int write_staff(const char *dir, int roster[3][4000], int size[3])
{
    static const int target[3] = {3000, 3030, 3070};
    struct out o;
    int y, i;
    if (open_out(&o, dir, "staff.csv", "\n", "\xEF\xBB\xBF",
                 "Staff_ID,Year,Org,Ethnicity,Band,Staff_Group,Disciplinary,Training,Bank,"
                 "Directorate,Site,Length_of_Service") < 0)
        return -1;
    for (y = 0; y < 3; y++) {
        size[y] = 0;
        for (i = 0; y > 0 && i < size[y - 1]; i++) {    /* stayers, a few promoted */
            struct person *p = &people[roster[y - 1][i]];
            if (!chance(9000)) continue;
            p->los++;
            if (p->band >= 1 && p->band <= B8C && p->group != STUD && chance(350)) p->band++;
            if (p->band == TRAINEE && chance(500)) p->band = CONS;
            roster[y][size[y]++] = (int)(p - people);
        }
        while (size[y] < target[y]) roster[y][size[y]++] = new_person(y ? 0 : (int)pick(pick(3) ? 12 : 38));
        if (y == 1) put_blank(&o, "");
        for (i = 0; i < size[y]; i++) {
            staff_row(&o, &people[roster[y][i]], 2022 + y, -1, NULL);
            if (y < 2) continue;
            /* the deliberate defects; each base row is otherwise valid */
            if (i == 150 || i == 600 || i == 1100 || i == 2300) {
                struct person bad = people[new_person(3)];
                npeople--;
                bad.group = ADMIN; bad.band = 5; bad.eth = 0;
                if (i == 150) staff_row(&o, &bad, 2024, 4, "Band 8");
                if (i == 600) staff_row(&o, &bad, 2024, 3, "BAME");
                if (i == 1100) staff_row(&o, &bad, 2024, 7, "maybe");
                if (i == 2300) staff_row(&o, &bad, 2024, 4, "");
            } else if (i == 1700) {     /* a second (bank) assignment of row 40's person */
                struct person dup = people[roster[2][40]];
                dup.bank = 1; dup.site = (dup.site + 1) % 3;
                staff_row(&o, &dup, 2024, -1, NULL);
            }
        }
    }
    return close_out(&o, "staff.csv", 1);
}

/* ---- applicants ---- */
static int write_applicants(const char *dir)
{
    static const char *const post_band[] = {"Band 2", "Band 3", "Band 4", "Band 5", "Band 6",
                                            "Band 7", "Band 8a", "Band 8b", "Consultant"};
    static const unsigned w_post[] = {8, 14, 10, 25, 18, 12, 6, 3, 4};
    struct out o;
    unsigned app = 510000;
    int y, post, n, k, total;
    if (open_out(&o, dir, "applicants.csv", "\r\n", "",
                 "applicant_id,post_id,year,org,ethnicity,shortlisted,appointed,post_band") < 0)
        return -1;
    for (y = 2022; y <= 2024; y++) {
        for (post = 1, total = 0; total < 4000; post++) {
            char pid[32];
            const char *pb = post_band[WPICK(w_post)];
            snprintf(pid, sizeof pid, "%02d-RXX-%04d", y % 100, 1000 + post * 7);
            for (n = 5 + (int)pick(31), k = 0; k < n && total < 4000; k++, total++) {
                char id[32], yr[16];
                const char *v[8];
                int e = draw_eth(4200, 500), g = eth_group(e);
                int sl = chance(g == 0 ? 3100 : g == 1 ? 2800 : 3000);
                int ap = sl && chance(g == 0 ? 3000 : g == 1 ? 2000 : 2500);
                snprintf(id, sizeof id, "C%07u", app += 1 + pick(3));
                v[0] = id; v[1] = pid; v[2] = year_text(yr, sizeof yr, y); v[3] = "RXX";
                v[4] = eth_text(e, pick(4)); v[5] = sl ? (chance(8000) ? "Yes" : "Y")
                                                      : (chance(8000) ? "No" : "N");
                v[6] = ap ? "Yes" : chance(5000) ? "No" : ""; v[7] = pb;
                if (y == 2024 && total == 2000) { v[5] = "No"; v[6] = "Yes"; }  /* defect */
                put_row(&o, v, 8);
            }
        }
    }
    put_blank(&o, "");
    return close_out(&o, "applicants.csv", 1);
}

/* ---- survey microdata (reporting years 2023, 2024) ---- */
static const char *times_text(int yes)
{
    static const char *const t[] = {"1-2", "3-5", "6-10", "More than 10"};
    static const unsigned w[] = {55, 25, 10, 10};
    return yes ? t[WPICK(w)] : "Never";
}
static int write_survey(const char *dir, int roster[3][4000], const int size[3])
{
    struct out o;
    int y, i, n;
    if (open_out(&o, dir, "survey.csv", "\n", "",
                 "respondent_id,year,org,ethnicity,harassment_public,harassment_staff,"
                 "harassment_manager,harassment_colleague,equal_opportunities,"
                 "discrimination_staff") < 0)
        return -1;
    for (y = 1; y < 3; y++) {
        if (y == 2) put_blank(&o, "  ");
        for (i = n = 0; i < size[y]; i++) {
            const struct person *p = &people[roster[y][i]];
            char id[32], yr[16];
            const char *v[10];
            int g = eth_group(p->eth), mb, cb, yes, which;
            static const unsigned w_which[] = {30, 45, 25};   /* manager, colleague, both */
            if (p->bank || !chance(4500)) continue;
            snprintf(id, sizeof id, "R%d-%05d", 2022 + y, ++n);
            v[0] = id; v[1] = year_text(yr, sizeof yr, 2022 + y); v[2] = "RXX";
            v[3] = eth_text(p->eth, p->style + 1);
            v[4] = chance(300) ? "" : times_text(chance(g == 0 ? 2700 : g == 1 ? 3000 : 2900));
            mb = chance(300); cb = chance(300);
            yes = chance(g == 0 ? 2300 : g == 1 ? 2800 : 2600);
            which = mb ? 1 : cb ? 0 : WPICK(w_which);
            v[6] = mb ? "" : times_text(yes && which != 1);
            v[7] = cb ? "" : times_text(yes && which != 0);
            v[5] = (mb && cb) || !chance(800) ? "" : yes ? "Yes" : "No";
            if (chance(300)) v[8] = "";
            else if (chance(g == 0 ? 5800 : g == 1 ? 4500 : 5000)) v[8] = "Yes";
            else v[8] = chance(4500) ? "No" : "Don't know";
            v[9] = chance(300) ? "" : chance(g == 0 ? 600 : g == 1 ? 1500 : 1000) ? "Yes" : "No";
            if (y == 2 && n == 700) v[4] = "Sometimes";                      /* defect */
            put_row(&o, v, 10);
        }
    }
    return close_out(&o, "survey.csv", 1);
}

/* ---- survey_counts: the contractor's breakdown for reporting year 2022 ---- */
static int write_survey_counts(const char *dir)
{
    static const char *const groups[] = {"White", "BME", "Asian", "Black", "Mixed", "Other",
                                         "Unknown"};
    static const int base_n[] = {930, 340, 150, 110, 35, 45, 80};
    /* yes rate per 10,000: rows = indicators 5..8, columns = groups */
    static const unsigned rate[4][7] = {{2700, 3000, 0, 0, 0, 0, 2900},
                                        {2300, 2800, 0, 0, 0, 0, 2600},
                                        {5800, 4500, 0, 0, 0, 0, 5000},
                                        {600, 0, 1400, 1800, 1200, 1300, 1000}};
    struct out o;
    int ind, g, k;
    if (open_out(&o, dir, "survey_counts.csv", "\n", "",
                 "Year,Org,Group,Indicator,Yes,Respondents") < 0)
        return -1;
    o.quote = 0;
    for (ind = 5; ind <= 8; ind++) {
        for (g = 0; g < 7; g++) {
            char ys[16], ns[16], is[4];
            const char *v[6] = {"2022", "RXX", groups[g], is, ys, ns};
            int n = base_n[g] - (int)pick((unsigned)base_n[g] / 25 + 1), yes = 0;
            if (!rate[ind - 5][g]) continue;   /* BME or broad groups, never both */
            for (k = 0; k < n; k++) yes += chance(rate[ind - 5][g]);
            if (ind == 8 && g == 6) { yes = 84; n = 9; }     /* defect: swapped columns */
            snprintf(is, sizeof is, "%d", ind);
            snprintf(ys, sizeof ys, "%d", yes);
            snprintf(ns, sizeof ns, "%d", n);
            put_row(&o, v, 6);
        }
    }
    return close_out(&o, "survey_counts.csv", 1);
}

/* ---- board register: chair, 6 NEDs, 5 voting and 2 non-voting executives ---- */
static int write_board(const char *dir)
{
    static const struct { const char *id, *eth; int voting, exec, from, to; } m[] = {
        {"BM01", "White - British", 1, 0, 2022, 2024},
        {"BM02", "White - British", 1, 0, 2022, 2024},
        {"BM03", "Asian or Asian British - Indian", 1, 0, 2022, 2024},
        {"BM04", "White - Irish", 1, 0, 2022, 2024},
        {"BM05", "White - British", 1, 0, 2022, 2022},
        {"BM15", "Black or Black British - Caribbean", 1, 0, 2023, 2024},
        {"BM06", "White - British", 1, 0, 2022, 2024},
        {"BM07", "White - Any other White background", 1, 0, 2022, 2024},
        {"BM08", "White - British", 1, 1, 2022, 2024},
        {"BM09", "White - British", 1, 1, 2022, 2024},
        {"BM10", "White - British", 1, 1, 2022, 2024},
        {"BM11", "White - British", 1, 1, 2022, 2024},
        {"BM12", "White - British", 1, 1, 2022, 2023},
        {"BM16", "Prefer not to say", 1, 1, 2024, 2024},
        {"BM13", "White - British", 0, 1, 2022, 2024},
        {"BM14", "White - Irish", 0, 1, 2022, 2024},
    };
    struct out o;
    size_t i;
    int y;
    if (open_out(&o, dir, "board.csv", "\n", "", "member_id,year,org,ethnicity,voting,executive") < 0)
        return -1;
    o.quote = 0;
    for (y = 2022; y <= 2024; y++) {
        for (i = 0; i < sizeof m / sizeof m[0]; i++) {
            char yr[8];
            const char *v[6];
            if (y < m[i].from || y > m[i].to) continue;
            snprintf(yr, sizeof yr, "%d", y);
            v[0] = m[i].id; v[1] = yr; v[2] = "RXX"; v[3] = m[i].eth;
            v[4] = m[i].voting ? "Yes" : "No"; v[5] = m[i].exec ? "Yes" : "No";
            put_row(&o, v, 6);
        }
    }
    return close_out(&o, "board.csv", 0);   /* no line ending after the last row */
}

int main(int argc, char **argv)
{
    static int roster[3][4000];
    int size[3];
    if (argc != 2) {
        fprintf(stderr, "usage: gen-sample OUTDIR\n");
        return 2;
    }
    if (write_staff(argv[1], roster, size) < 0 || write_applicants(argv[1]) < 0 ||
        write_survey(argv[1], roster, size) < 0 || write_survey_counts(argv[1]) < 0 ||
        write_board(argv[1]) < 0)
        return 1;
    return 0;
}
