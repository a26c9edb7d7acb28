/* gen-national: writes a synthetic national-scale WRES dataset for benchmarks, the
 * five CSV files of DATA.md (staff, applicants, survey, survey_counts, board) for
 * every organisation and reporting year, into OUTDIR (which must exist):
 *   gen-national OUTDIR [--orgs N] [--staff N] [--years Y1,Y2,...] [--seed S]
 *                       [--scale F] [--bad-rows N]
 * Defaults: 200 organisations (codes R0A1, R0A2, ...) of varying size averaging
 * 7,000 staff (times F), reporting years 2023 and 2024, a fixed seed: about 7.6M
 * rows and 300 MB per year.  The values are clean, as a national extract looks:
 * ESR-style ethnicity ("A White - British") in staff.csv and board.csv, bare
 * national codes ("A") in applicants.csv and survey.csv, "Band 5" style bands and
 * the medical grades, clinical/non-clinical/medical, Y/N, plain years, LF line
 * endings, no quoting; the proportions are realistic (about 25% BME, 5% unknown,
 * BME share falling with band, gaps in disciplinary, training, appointment and
 * the survey questions).  Staff persist from year to year with 10% turnover.
 * Every row is valid, except that --bad-rows N adds N rows to staff.csv, evenly
 * spread, each with exactly one defect (the kinds cycle: unknown_band,
 * unknown_ethnicity, invalid_yes_no, unknown_staff_group, missing_value,
 * duplicate_id, field_count, invalid_year); they do not change the valid rows.
 * It is built for speed: xoshiro256** with integer-only sampling from
 * precomputed cumulative tables, hand-written integer formatting into 1 MiB
 * buffers written with fwrite.  No time, locale or floating point enters the
 * data, so the same arguments give the same bytes on every run and machine.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- PRNG: xoshiro256**, seeded through splitmix64; 32-bit draws ---- */
static uint64_t rs[4], rhalf;
static int rhave;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}
static void seed_rng(uint64_t seed)
{
    int i;
    for (i = 0; i < 4; i++) rs[i] = splitmix64(&seed);
    rhave = 0;
}
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static uint64_t next64(void)
{
    uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;
    rs[2] ^= rs[0]; rs[3] ^= rs[1]; rs[1] ^= rs[2]; rs[0] ^= rs[3];
    rs[2] ^= t; rs[3] = rotl(rs[3], 45);
    return r;
}
static uint32_t r32(void)
{
    if (rhave) { rhave = 0; return (uint32_t)rhalf; }
    rhalf = next64(); rhave = 1;
    return (uint32_t)(rhalf >> 32);
}
static uint32_t below(uint32_t n) { return (uint32_t)(((uint64_t)r32() * n) >> 32); }
/* a probability in parts per 10,000 as a 32-bit threshold (0 < p < 10000) */
static uint32_t thr(unsigned p) { return (uint32_t)(((uint64_t)p << 32) / 10000u); }
static int hit(uint32_t t) { return r32() < t; }

/* cumulative table: c[i] = P(index <= i) * 2^32; the last entry catches the rest */
#define MAXCAT 20
struct cum { int n; uint32_t c[MAXCAT]; };

/* build from weights already scaled to parts of 2^32 (their sum is at most 2^32) */
static void cum_from_parts(struct cum *t, const uint64_t *part, int n)
{
    uint64_t s = 0;
    int i;
    t->n = n;
    for (i = 0; i < n; i++) {
        s += part[i];
        t->c[i] = s >= 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)s;
    }
}
static void cum_from_weights(struct cum *t, const unsigned *w, int n)
{
    uint64_t part[MAXCAT], tot = 0;
    int i;
    for (i = 0; i < n; i++) tot += w[i];
    for (i = 0; i < n; i++) part[i] = ((uint64_t)w[i] << 32) / tot;
    cum_from_parts(t, part, n);
}
static int draw(const struct cum *t)
{
    uint32_t r = r32();
    int i = 0;
    while (i < t->n - 1 && r >= t->c[i]) i++;
    return i;
}

/* ---- output: one big buffer per file, written in blocks of 1 MiB ---- */
#define BLOCK ((size_t)1 << 20)
#define SLACK ((size_t)1 << 16)   /* more than any row */
struct out {
    FILE *f;
    char *buf, *p;
    uint64_t bytes, rows;
    const char *name;
    char path[4096];
};

static int flush_out(struct out *o)
{
    size_t n = (size_t)(o->p - o->buf);
    if (n && fwrite(o->buf, 1, n, o->f) != n) {
        perror(o->path);
        exit(1);
    }
    o->bytes += n;
    o->p = o->buf;
    return 0;
}
/* make room for one more row */
static char *room(struct out *o)
{
    if ((size_t)(o->p - o->buf) >= BLOCK) flush_out(o);
    return o->p;
}
static void open_out(struct out *o, const char *dir, const char *name, const char *header)
{
    size_t n = strlen(header);
    memset(o, 0, sizeof *o);
    o->name = name;
    if ((size_t)snprintf(o->path, sizeof o->path, "%s/%s", dir, name) >= sizeof o->path) {
        fprintf(stderr, "gen-national: output directory name too long\n");
        exit(2);
    }
    if (!(o->f = fopen(o->path, "wb"))) {
        perror(o->path);
        exit(1);
    }
    setvbuf(o->f, NULL, _IONBF, 0);
    if (!(o->buf = malloc(BLOCK + SLACK))) {
        fprintf(stderr, "gen-national: out of memory\n");
        exit(1);
    }
    memcpy(o->buf, header, n);
    o->p = o->buf + n;
    o->p[0] = '\n';
    o->p++;
}
static void close_out(struct out *o)
{
    flush_out(o);
    if (fclose(o->f) != 0) {
        perror(o->path);
        exit(1);
    }
    free(o->buf);
}

static char *put_u(char *p, uint64_t v)
{
    char t[20];
    int n = 0;
    do t[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
    while (n) *p++ = t[--n];
    return p;
}
/* at least w digits, zero-padded */
static char *put_uw(char *p, uint64_t v, int w)
{
    char t[20];
    int n = 0;
    do t[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
    while (n < w) t[n++] = '0';
    while (n) *p++ = t[--n];
    return p;
}
struct str { const char *s; size_t n; };
#define S(x) {x, sizeof(x) - 1}
static char *put_s(char *p, const struct str *s)
{
    memcpy(p, s->s, s->n);
    return p + s->n;
}

/* ---- vocabularies ---- */
/* ethnic categories: A B C (white) D..S (BME) Z (unknown) */
enum { NETH = 17, ETH_Z = 16 };
static const char eth_code[NETH] = "ABCDEFGHJKLMNPRSZ";
static const struct str eth_esr[NETH] = {
    S("A White - British"), S("B White - Irish"), S("C White - Any other White background"),
    S("D Mixed - White & Black Caribbean"), S("E Mixed - White & Black African"),
    S("F Mixed - White & Asian"), S("G Mixed - Any other mixed background"),
    S("H Asian or Asian British - Indian"), S("J Asian or Asian British - Pakistani"),
    S("K Asian or Asian British - Bangladeshi"),
    S("L Asian or Asian British - Any other Asian background"),
    S("M Black or Black British - Caribbean"), S("N Black or Black British - African"),
    S("P Black or Black British - Any other Black background"), S("R Chinese"),
    S("S Any other ethnic group"), S("Z Not Stated")};
static const unsigned w_white[3] = {80, 4, 16};                                 /* A B C */
static const unsigned w_bme[13] = {4, 3, 3, 3, 20, 7, 3, 12, 8, 18, 3, 5, 11};  /* D..S */
static int eth_group(int e) { return e < 3 ? 0 : e < ETH_Z ? 1 : 2; }    /* white bme unknown */

/* a category table: unknown and BME-of-known shares in parts per 10,000 */
static void eth_table(struct cum *t, unsigned bme_of_known, unsigned unknown)
{
    uint64_t part[NETH], known = ((uint64_t)(10000 - unknown) << 32) / 10000;
    uint64_t white = known * (10000 - bme_of_known) / 10000, bme = known - white;
    unsigned sw = 0, sb = 0;
    int i;
    for (i = 0; i < 3; i++) sw += w_white[i];
    for (i = 0; i < 13; i++) sb += w_bme[i];
    for (i = 0; i < 3; i++) part[i] = white * w_white[i] / sw;
    for (i = 0; i < 13; i++) part[3 + i] = bme * w_bme[i] / sb;
    part[ETH_Z] = ((uint64_t)unknown << 32) / 10000;
    cum_from_parts(t, part, NETH);
}

enum { UB1 = 0, B8A = 8, B8D = 11, B9 = 12, VSM, CONS, CAREER, TRAINEE, NBANDS };
static const struct str band_txt[NBANDS] = {
    S("Under Band 1"), S("Band 1"), S("Band 2"), S("Band 3"), S("Band 4"), S("Band 5"),
    S("Band 6"), S("Band 7"), S("Band 8a"), S("Band 8b"), S("Band 8c"), S("Band 8d"),
    S("Band 9"), S("VSM"), S("Consultant"), S("Career grade"), S("Trainee")};

/* ESR staff groups, written as the three WRES groups */
enum { NURS, ACS, AHP, HCS, APST, STUD, MED, ADMIN, ESTATES, NGROUPS };
static const struct str grp_txt[3] = {S("clinical"), S("non-clinical"), S("medical")};
static int grp_out(int g) { return g == MED ? 2 : g >= ADMIN ? 1 : 0; }
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
static const unsigned bme_clin[NBANDS] = {2500, 2500, 2600, 2500, 2400, 3800, 3400, 2100, 1500,
                                          1300, 1200, 1100, 1000, 1000, 3600, 5200, 4300};
static const unsigned bme_other[NBANDS] = {2500, 2500, 2600, 2500, 2400, 2200, 2000, 1800, 1400,
                                           1200, 1200, 1100, 1000, 1000, 0, 0, 0};
enum { UNKNOWN_STAFF = 500, UNKNOWN_APPL = 500, UNKNOWN_BOARD = 300 };
enum { BME_APPL = 4000, BME_BOARD = 1300 };

/* rates per 10,000 by WRES group (white, BME, unknown) */
static const unsigned p_disc[3] = {150, 250, 200}, p_train[3] = {6000, 5200, 5500};
static const unsigned p_short[3] = {3100, 2800, 3000}, p_appt[3] = {3000, 2000, 2500};
static const unsigned p_hpub[3] = {2700, 3000, 2900}, p_hstaff[3] = {2300, 2800, 2600};
static const unsigned p_eo[3] = {5800, 4500, 5000}, p_disc8[3] = {600, 1500, 1000};
enum { P_RESPOND = 4500, P_UNANSWERED = 300, P_LEAVE = 1000, P_PROMOTE = 350,
       P_CONSULTANT = 500, P_BANK = 300, P_BOARD_LEAVE = 1500 };

static uint32_t t_disc[3], t_train[3], t_short[3], t_appt[3], t_hpub[3], t_hstaff[3],
    t_eo[3], t_disc8[3], t_respond, t_unans, t_leave, t_promote, t_consultant, t_bank,
    t_board_leave;
static struct cum c_group, c_band[NGROUPS];

static void init_tables(void)
{
    int i;
    for (i = 0; i < 3; i++) {
        t_disc[i] = thr(p_disc[i]); t_train[i] = thr(p_train[i]);
        t_short[i] = thr(p_short[i]); t_appt[i] = thr(p_appt[i]);
        t_hpub[i] = thr(p_hpub[i]); t_hstaff[i] = thr(p_hstaff[i]);
        t_eo[i] = thr(p_eo[i]); t_disc8[i] = thr(p_disc8[i]);
    }
    t_respond = thr(P_RESPOND); t_unans = thr(P_UNANSWERED); t_leave = thr(P_LEAVE);
    t_promote = thr(P_PROMOTE); t_consultant = thr(P_CONSULTANT); t_bank = thr(P_BANK);
    t_board_leave = thr(P_BOARD_LEAVE);
    cum_from_weights(&c_group, w_group, NGROUPS);
    for (i = 0; i < NGROUPS; i++) cum_from_weights(&c_band[i], w_band[i], NBANDS);
}

/* ---- organisations ---- */
struct person { uint32_t id; uint8_t eth, band, group, bank; };
struct member { uint32_t num; uint8_t eth, voting, exec; };
enum { MAXBOARD = 16 };
struct org {
    char code[16];
    size_t ncode;
    uint64_t size, first;          /* staff per year, index of the first in people[] */
    unsigned bme_permille;         /* local BME share relative to the national one */
    int nboard;
    uint32_t next_member;
    struct member board[MAXBOARD];
};
static struct org *orgs;
static struct person *people;
static uint32_t next_staff_id = 20000000;

/* tables local to the organisation being generated */
static struct cum c_eth[NBANDS][2], c_eth_appl, c_eth_board;

static unsigned scaled_share(unsigned share, unsigned permille)
{
    uint64_t s = (uint64_t)share * permille / 1000;
    return s > 9000 ? 9000 : (unsigned)s;
}
static void org_tables(const struct org *o)
{
    int b;
    for (b = 0; b < NBANDS; b++) {
        eth_table(&c_eth[b][0], scaled_share(bme_clin[b], o->bme_permille), UNKNOWN_STAFF);
        eth_table(&c_eth[b][1], scaled_share(bme_other[b], o->bme_permille), UNKNOWN_STAFF);
    }
    eth_table(&c_eth_appl, scaled_share(BME_APPL, o->bme_permille), UNKNOWN_APPL);
    eth_table(&c_eth_board, scaled_share(BME_BOARD, o->bme_permille), UNKNOWN_BOARD);
}

static void new_person(struct person *p)
{
    if (next_staff_id > UINT32_MAX - 8) {
        fprintf(stderr, "gen-national: too many staff ids\n");
        exit(2);
    }
    p->id = next_staff_id += 1 + below(4);
    p->group = (uint8_t)draw(&c_group);
    p->band = (uint8_t)draw(&c_band[p->group]);
    p->eth = (uint8_t)draw(&c_eth[p->band][p->group >= ADMIN]);
    p->bank = (uint8_t)hit(t_bank);
}
/* a year on: 10% leave and are replaced, a few are promoted */
static void next_year(struct person *p, uint64_t n)
{
    uint64_t i;
    for (i = 0; i < n; i++, p++) {
        if (hit(t_leave)) {
            new_person(p);
            continue;
        }
        if (p->band >= 1 && p->band <= B8D && p->group != STUD && hit(t_promote)) p->band++;
        else if (p->band == TRAINEE && hit(t_consultant)) p->band = CONS;
    }
}

/* board: chair and non-executives (voting, an associate NED may not vote), five voting
 * executives, up to two non-voting executives */
static void new_member(struct org *o, struct member *m, int voting, int exec)
{
    m->num = ++o->next_member;
    m->eth = (uint8_t)draw(&c_eth_board);
    m->voting = (uint8_t)voting;
    m->exec = (uint8_t)exec;
}
static void new_board(struct org *o)
{
    int n = 12 + (int)below(5), i, nonvoting_exec = (int)below(3);
    int neds = n - 5 - nonvoting_exec;
    o->nboard = n;
    for (i = 0; i < n; i++) {
        int exec = i >= neds, voting = exec ? i < neds + 5 : !(i == neds - 1 && below(4) == 0);
        new_member(o, &o->board[i], voting, exec);
    }
}

/* ---- the rows ---- */
struct outs { struct out staff, appl, survey, counts, board; };
static const char yn[2] = {'N', 'Y'};

struct bad { uint64_t n, done, total, next_at, seen; };
static struct bad bad;

static void schedule_bad(void)
{
    bad.next_at = bad.done < bad.n ? (bad.done + 1) * bad.total / (bad.n + 1) : UINT64_MAX;
}

/* a staff row with exactly one defect, built from the valid row of p just written */
static void bad_staff_row(struct out *o, const struct person *p, const struct str *pre)
{
    static const struct str bad_band = S("Band 8"), bad_eth = S("BAME"),
                            bad_group = S("Nurse"), bad_year = S("2024/26");
    int kind = (int)(bad.done % 8);
    char *q = room(o);
    struct str year = {pre->s + 1, 4}, org = {pre->s + 6, pre->n - 7};
    q = put_u(q, kind == 5 ? p->id : 90000000u + bad.done);
    *q++ = ',';
    q = put_s(q, kind == 7 ? &bad_year : &year);
    *q++ = ',';
    q = put_s(q, &org);
    *q++ = ',';
    q = put_s(q, kind == 1 ? &bad_eth : &eth_esr[p->eth]);
    *q++ = ',';
    if (kind == 0) q = put_s(q, &bad_band);
    else if (kind != 4) q = put_s(q, &band_txt[p->band]);
    *q++ = ',';
    q = put_s(q, kind == 3 ? &bad_group : &grp_txt[grp_out(p->group)]);
    *q++ = ',';
    *q++ = 'N';
    *q++ = ',';
    if (kind == 2) { memcpy(q, "maybe", 5); q += 5; }
    else *q++ = 'Y';
    if (kind != 6) { *q++ = ','; *q++ = yn[p->bank]; }   /* field_count: bank missing */
    *q++ = '\n';
    o->p = q;
    o->rows++;
    bad.done++;
    schedule_bad();
}

/* ",YYYY,ORG," */
static void make_prefix(char *buf, struct str *s, int year, const struct org *o)
{
    char *q = buf;
    *q++ = ',';
    q = put_u(q, (uint64_t)year);
    *q++ = ',';
    memcpy(q, o->code, o->ncode);
    q += o->ncode;
    *q++ = ',';
    s->s = buf;
    s->n = (size_t)(q - buf);
}

static void write_org_year(struct outs *w, struct org *o, int year)
{
    struct person *pp = people + o->first;
    char pre_buf[64];
    struct str pre;
    uint64_t i, napps, posts = 0, app_id = 1000000, resp_id = 1000000;
    int k, ind, g;

    make_prefix(pre_buf, &pre, year, o);

    /* staff.csv: staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank */
    for (i = 0; i < o->size; i++) {
        const struct person *p = &pp[i];
        struct out *so = &w->staff;
        int eg = eth_group(p->eth);
        char *q = room(so);
        q = put_u(q, p->id);
        q = put_s(q, &pre);
        q = put_s(q, &eth_esr[p->eth]);
        *q++ = ',';
        q = put_s(q, &band_txt[p->band]);
        *q++ = ',';
        q = put_s(q, &grp_txt[grp_out(p->group)]);
        q[0] = ','; q[1] = yn[hit(t_disc[eg])];
        q[2] = ','; q[3] = yn[hit(t_train[eg])];
        q[4] = ','; q[5] = yn[p->bank];
        q[6] = '\n';
        so->p = q + 7;
        so->rows++;
        for (bad.seen++; bad.seen >= bad.next_at;) bad_staff_row(so, p, &pre);
    }

    /* survey.csv: respondent_id,year,org,ethnicity,harassment_public,harassment_staff,
     * equal_opportunities,discrimination_staff */
    for (i = 0; i < o->size; i++) {
        const struct person *p = &pp[i];
        struct out *so = &w->survey;
        int eg;
        char *q;
        if (!hit(t_respond)) continue;
        eg = eth_group(p->eth);
        q = room(so);
        q = put_u(q, resp_id += 1 + below(3));
        q = put_s(q, &pre);
        *q++ = eth_code[p->eth];
        *q++ = ',';
        if (!hit(t_unans)) *q++ = yn[hit(t_hpub[eg])];
        *q++ = ',';
        if (!hit(t_unans)) *q++ = yn[hit(t_hstaff[eg])];
        *q++ = ',';
        if (!hit(t_unans)) *q++ = yn[hit(t_eo[eg])];
        *q++ = ',';
        if (!hit(t_unans)) *q++ = yn[hit(t_disc8[eg])];
        *q++ = '\n';
        so->p = q;
        so->rows++;
    }

    /* applicants.csv: applicant_id,post_id,year,org,ethnicity,shortlisted,appointed;
     * four applications per member of staff, 5 to 55 to a post */
    napps = 4 * o->size;
    for (i = 0; i < napps;) {
        uint64_t n = 5 + below(51), j;
        char post[32], *pq = post;
        struct str ps;
        if (n > napps - i) n = napps - i;
        *pq++ = 'P';
        pq = put_uw(pq, (uint64_t)year % 100, 2);
        pq = put_uw(pq, ++posts, 5);
        ps.s = post;
        ps.n = (size_t)(pq - post);
        for (j = 0; j < n; j++) {
            struct out *ao = &w->appl;
            int e = draw(&c_eth_appl), eg = eth_group(e);
            int sl = hit(t_short[eg]), ap = sl && hit(t_appt[eg]);
            char *q = room(ao);
            *q++ = 'C';
            q = put_u(q, app_id += 1 + below(3));
            *q++ = ',';
            q = put_s(q, &ps);
            q = put_s(q, &pre);
            q[0] = eth_code[e];
            q[1] = ','; q[2] = yn[sl];
            q[3] = ','; q[4] = yn[ap];
            q[5] = '\n';
            ao->p = q + 6;
            ao->rows++;
        }
        i += n;
    }

    /* board.csv: member_id,year,org,ethnicity,voting,executive */
    for (k = 0; k < o->nboard; k++) {
        const struct member *m = &o->board[k];
        struct out *bo = &w->board;
        char *q = room(bo);
        q[0] = 'B'; q[1] = 'M';
        q = put_uw(q + 2, m->num, 2);
        q = put_s(q, &pre);
        q = put_s(q, &eth_esr[m->eth]);
        q[0] = ','; q[1] = yn[m->voting];
        q[2] = ','; q[3] = yn[m->exec];
        q[4] = '\n';
        bo->p = q + 5;
        bo->rows++;
    }

    /* survey_counts.csv: year,org,group,indicator,yes,respondents -- a small local
     * supplementary survey, white and BME, indicators 5 to 8 */
    for (g = 0; g < 2; g++) {
        static const struct str grp[2] = {S("White"), S("BME")};
        for (ind = 5; ind <= 8; ind++) {
            static const unsigned *const rates[4] = {p_hpub, p_hstaff, p_eo, p_disc8};
            uint32_t t = thr(rates[ind - 5][g]);
            uint32_t n = 10 + below(51), yes = 0, j;
            struct out *co = &w->counts;
            char *q = room(co);
            for (j = 0; j < n; j++) yes += (uint32_t)hit(t);
            memcpy(q, pre.s + 1, pre.n - 1);
            q = put_s(q + pre.n - 1, &grp[g]);
            q[0] = ',';
            q[1] = (char)('0' + ind);
            q[2] = ',';
            q = put_u(q + 3, yes);
            *q++ = ',';
            q = put_u(q, n);
            *q++ = '\n';
            co->p = q;
            co->rows++;
        }
    }
}

/* ---- arguments ---- */
static void usage(FILE *to)
{
    fprintf(to, "usage: gen-national OUTDIR [--orgs N] [--staff N] [--years Y1,Y2,...] "
                "[--seed S] [--scale F] [--bad-rows N]\n"
                "  defaults: --orgs 200 --staff 7000 --years 2023,2024 --seed 20240331 "
                "--scale 1 --bad-rows 0\n");
}
static int parse_u64(const char *s, uint64_t max, uint64_t *v)
{
    uint64_t x = 0;
    if (!*s) return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || x > (max - (uint64_t)(*s - '0')) / 10) return -1;
        x = x * 10 + (uint64_t)(*s - '0');
    }
    *v = x;
    return 0;
}
/* a decimal scale factor as millionths, without floating point: 1, 2.5, 0.1 */
static int parse_scale(const char *s, uint64_t *micro)
{
    uint64_t whole = 0, frac = 0, unit = 1000000;
    int digits = 0;
    for (; *s >= '0' && *s <= '9'; s++, digits++) {
        whole = whole * 10 + (uint64_t)(*s - '0');
        if (whole > 100000) return -1;
    }
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
            if (unit > 1) {
                unit /= 10;
                frac += (uint64_t)(*s - '0') * unit;
            }
        }
    }
    if (*s || !digits) return -1;
    *micro = whole * 1000000 + frac;
    return *micro ? 0 : -1;
}
static int parse_years(const char *s, int *years, int max)
{
    int n = 0, i, j;
    for (;;) {
        int y = 0, d = 0;
        for (; *s >= '0' && *s <= '9' && d < 5; s++, d++) y = y * 10 + (*s - '0');
        if (d != 4 || y < 1900 || y > 2100 || n == max) return -1;
        years[n++] = y;
        if (!*s) break;
        if (*s++ != ',') return -1;
    }
    for (i = 1; i < n; i++) {            /* ascending, distinct */
        int y = years[i];
        for (j = i; j > 0 && years[j - 1] > y; j--) years[j] = years[j - 1];
        years[j] = y;
    }
    for (i = 1; i < n; i++)
        if (years[i] == years[i - 1]) return -1;
    return n;
}

static void org_code(char *buf, size_t *n, uint64_t i)
{
    static const char letters[] = "ABCDEFGHJKLMNPQRTVWXY";   /* 21 letters */
    char *q = buf;
    if (i < 10 * 21 * 9) {                      /* R0A1 .. R9Y9 */
        *q++ = 'R';
        *q++ = (char)('0' + i / (21 * 9));
        *q++ = letters[i / 9 % 21];
        *q++ = (char)('1' + i % 9);
    } else {                                    /* then R01890, R01891, ... */
        *q++ = 'R';
        q = put_uw(q, i, 5);
    }
    *n = (size_t)(q - buf);
    buf[*n] = 0;
}

static uint64_t now_ms(void)
{
    struct timespec ts;
    if (timespec_get(&ts, TIME_UTC) != TIME_UTC) return 0;
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
    uint64_t norgs = 200, nstaff = 7000, seed = 20240331, scale = 1000000, nbad = 0;
    uint64_t per_org, total, wsum = 0, given = 0, i, *weight;
    int years[256] = {2023, 2024}, nyears = 2, a, y;
    const char *dir = NULL;
    struct outs w;
    struct out *files[5];
    uint64_t t0 = now_ms(), rows = 0, bytes = 0, ms;

    for (a = 1; a < argc; a++) {
        const char *opt = argv[a], *val = a + 1 < argc ? argv[a + 1] : NULL;
        int bad_arg = 0;
        if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
            usage(stdout);
            return 0;
        }
        if (opt[0] != '-' || !opt[1]) {
            if (dir) bad_arg = 1;
            dir = opt;
        } else if (!val) {
            bad_arg = 1;
        } else if (!strcmp(opt, "--orgs")) {
            bad_arg = parse_u64(val, 100000, &norgs) || !norgs;
            a++;
        } else if (!strcmp(opt, "--staff")) {
            bad_arg = parse_u64(val, 10000000, &nstaff) || !nstaff;
            a++;
        } else if (!strcmp(opt, "--years")) {
            bad_arg = (nyears = parse_years(val, years, 256)) < 1;
            a++;
        } else if (!strcmp(opt, "--seed")) {
            bad_arg = parse_u64(val, UINT64_MAX, &seed);
            a++;
        } else if (!strcmp(opt, "--scale")) {
            bad_arg = parse_scale(val, &scale);
            a++;
        } else if (!strcmp(opt, "--bad-rows")) {
            bad_arg = parse_u64(val, 1000000000, &nbad);
            a++;
        } else {
            bad_arg = 1;
        }
        if (bad_arg) {
            fprintf(stderr, "gen-national: bad argument: %s%s%s\n", opt,
                    val && opt[0] == '-' ? " " : "", val && opt[0] == '-' ? val : "");
            usage(stderr);
            return 2;
        }
    }
    if (!dir) {
        usage(stderr);
        return 2;
    }
    per_org = (nstaff * scale + 500000) / 1000000;
    if (per_org < 1) per_org = 1;
    total = per_org * norgs;
    /* staff ids are 32-bit: at most 2.5 ids per person, 10% new people a year */
    if (total > 100000000 || total * (10 + (uint64_t)nyears) / 10 * 4 > 4000000000u) {
        fprintf(stderr, "gen-national: too many staff (%llu a year)\n", (unsigned long long)total);
        return 2;
    }

    seed_rng(seed);
    init_tables();
    orgs = calloc((size_t)norgs, sizeof *orgs);
    people = malloc((size_t)total * sizeof *people);
    weight = malloc((size_t)norgs * sizeof *weight);
    if (!orgs || !people || !weight) {
        fprintf(stderr, "gen-national: out of memory\n");
        return 1;
    }
    /* organisation sizes: skewed, from about a quarter to two and a half times the mean,
     * summing exactly to orgs x staff */
    for (i = 0; i < norgs; i++) {
        weight[i] = 300 + below(900) + (uint64_t)below(900) * below(900) / 600;
        wsum += weight[i];
        orgs[i].bme_permille = 250 + below(1321);   /* 0.25 to 1.57, mean 0.91 */
        org_code(orgs[i].code, &orgs[i].ncode, i);
    }
    for (i = 0; i < norgs; i++) {
        orgs[i].size = total * weight[i] / wsum;
        if (!orgs[i].size) orgs[i].size = 1;
        given += orgs[i].size;
    }
    for (i = 0; given < total; i = (i + 1) % norgs, given++) orgs[i].size++;
    for (i = 0; given > total; i = (i + 1) % norgs)
        if (orgs[i].size > 1) orgs[i].size--, given--;
    for (i = 0, given = 0; i < norgs; i++) {
        orgs[i].first = given;
        given += orgs[i].size;
    }
    free(weight);

    bad.n = nbad;
    bad.total = total * (uint64_t)nyears;
    schedule_bad();

    open_out(&w.staff, dir, "staff.csv",
             "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank");
    open_out(&w.appl, dir, "applicants.csv",
             "applicant_id,post_id,year,org,ethnicity,shortlisted,appointed");
    open_out(&w.survey, dir, "survey.csv",
             "respondent_id,year,org,ethnicity,harassment_public,harassment_staff,"
             "equal_opportunities,discrimination_staff");
    open_out(&w.counts, dir, "survey_counts.csv", "year,org,group,indicator,yes,respondents");
    open_out(&w.board, dir, "board.csv", "member_id,year,org,ethnicity,voting,executive");

    for (y = 0; y < nyears; y++) {
        for (i = 0; i < norgs; i++) {
            struct org *o = &orgs[i];
            uint64_t j;
            org_tables(o);
            if (y == 0) {
                for (j = 0; j < o->size; j++) new_person(&people[o->first + j]);
                new_board(o);
            } else {
                next_year(people + o->first, o->size);
                for (j = 0; j < (uint64_t)o->nboard; j++) {
                    struct member *m = &o->board[j];
                    if (hit(t_board_leave)) new_member(o, m, m->voting, m->exec);
                }
            }
            write_org_year(&w, o, years[y]);
        }
    }

    files[0] = &w.staff; files[1] = &w.appl; files[2] = &w.survey;
    files[3] = &w.counts; files[4] = &w.board;
    printf("gen-national: %llu orgs, %llu staff per org on average, years",
           (unsigned long long)norgs, (unsigned long long)per_org);
    for (y = 0; y < nyears; y++) printf("%c%d", y ? ',' : ' ', years[y]);
    printf(", seed %llu, %llu bad rows\n", (unsigned long long)seed,
           (unsigned long long)nbad);
    for (a = 0; a < 5; a++) {
        close_out(files[a]);
        printf("  %-18s %12llu rows %14llu bytes\n", files[a]->name,
               (unsigned long long)files[a]->rows, (unsigned long long)files[a]->bytes);
        rows += files[a]->rows;
        bytes += files[a]->bytes;
    }
    ms = now_ms() - t0;
    printf("  %-18s %12llu rows %14llu bytes\n", "total", (unsigned long long)rows,
           (unsigned long long)bytes);
    printf("  wall time %llu.%03llu s\n", (unsigned long long)(ms / 1000),
           (unsigned long long)(ms % 1000));
    free(people);
    free(orgs);
    return 0;
}
