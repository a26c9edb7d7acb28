#!/usr/bin/env python3
"""pandas_wres.py DIR OUT.json - the WRES indicators of every (org, year) of a
national dataset (tests/bench/gen-national.c), computed with pandas and numpy,
as a peer to check libwres against and to time it by.

pandas reads the five CSV files of DIR with every used column as a
categorical of its raw text; each vocabulary of DATA.md is decoded once per
category and applied to the codes (the national data is clean: a value
outside a vocabulary is reported and makes the run fail, nothing is rejected
row by row); counts are summed per (org, year) with groupby, and the figures
of INDICATORS.md - rates, relative likelihoods with their Katz intervals,
percentages with Wilson and Newcombe intervals, pooled two-proportion z-test
p-values, the four-fifths test - are computed on the per-(org, year) columns
with numpy.  Writes one JSON array of reports in the shape of libwres's (the
keys it has are libwres's keys).
Not implemented, as the national files do not need them: row rejections and
duplicate ids, the harassment_manager/harassment_colleague columns, files or
columns that are absent, deep-dive breakdowns.
"""
import json
import math
import re
import sys

import numpy as np
import pandas as pd

Z = 1.959963984540054          # PHI^-1(0.975), confidence 0.95
ALPHA = 1.0 - 0.95

# ---- vocabularies, written as DATA.md spells them ---------------------------
CATEGORIES = [   # code, description, broad group (short forms)
    ("A", "White - British", "White"), ("B", "White - Irish", "White"),
    ("C", "White - Any other White background", "White"),
    ("D", "Mixed - White and Black Caribbean", "Mixed"),
    ("E", "Mixed - White and Black African", "Mixed"),
    ("F", "Mixed - White and Asian", "Mixed"),
    ("G", "Mixed - Any other mixed background", "Mixed"),
    ("H", "Asian or Asian British - Indian", "Asian"),
    ("J", "Asian or Asian British - Pakistani", "Asian"),
    ("K", "Asian or Asian British - Bangladeshi", "Asian"),
    ("L", "Asian or Asian British - Any other Asian background", "Asian"),
    ("M", "Black or Black British - Caribbean", "Black"),
    ("N", "Black or Black British - African", "Black"),
    ("P", "Black or Black British - Any other Black background", "Black"),
    ("R", "Other Ethnic Groups - Chinese", "Other"),
    ("S", "Other Ethnic Groups - Any other ethnic group", "Other"),
    ("Z", "Not stated", None), ("99", "Not known", None),
]
UNKNOWN_FORMS = ["Not stated", "Not known", "Unknown", "Not declared", "Prefer not to say"]
WHITE, BME, UNKNOWN = 0, 1, 2
BAD = -1


def trim(s):
    return s.strip(" \t")


def norm(s):
    """The normalising rule: ASCII letters lowered, every other run one space."""
    return re.sub(r"[^A-Za-z0-9]+", " ", s).strip().lower()


def wgroup(code):
    return WHITE if code in ("A", "B", "C") else UNKNOWN if code in ("Z", "99") else BME


CODE = {}
for _c, _d, _b in CATEGORIES:
    CODE[_c] = wgroup(_c)
    CODE[_c.lower()] = wgroup(_c)
DESC = {}
for _c, _d, _b in CATEGORIES:
    DESC[norm(_d)] = wgroup(_c)
    if _b and " - " in _d:
        DESC[norm(_b + " " + _d.split(" - ", 1)[1])] = wgroup(_c)
for _u in UNKNOWN_FORMS:
    DESC[norm(_u)] = UNKNOWN
ESR = re.compile(r"(99|[A-HJ-NPRSZa-hj-nprsz][A-Za-z0-9]?)[ \t]")


def ethnicity(v):
    t = trim(v)
    if t == "":
        return UNKNOWN
    if t in CODE:
        return CODE[t]
    m = ESR.match(t)
    if m:
        return CODE[m.group(1) if m.group(1) == "99" else m.group(1)[0]]
    return DESC.get(norm(t), BAD)


BAND_NAMES = ["Under Band 1", "Band 1", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6",
              "Band 7", "Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9", "VSM",
              "Consultant", "Career grade", "Trainee", "Other"]
BAND_WORDS = {"underband1": 0, "vsm": 13, "veryseniormanager": 13, "consultant": 14,
              "careergrade": 15, "nonconsultantcareergrade": 15, "nccg": 15, "sas": 15,
              "trainee": 16, "traineegrade": 16, "traineegrades": 16, "juniordoctor": 16,
              "other": 17}
BAND_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8a": 8, "8b": 9,
                "8c": 10, "8d": 11, "9": 12}
BAND_RE = re.compile(r"(?:agendaforchangeband|afcband|afc|band)?([1-7]|8[a-d]|9)")


def band(v):
    k = norm(trim(v)).replace(" ", "")
    if k in BAND_WORDS:
        return BAND_WORDS[k]
    m = BAND_RE.fullmatch(k)
    return BAND_NUMBERS[m.group(1)] if m and k else BAD


GROUP_NAMES = ["non-clinical", "clinical", "medical"]


def sg_key(s):
    return " ".join(w for w in norm(s).split(" ") if w != "and")


STAFF_GROUPS = {sg_key(k): v for k, v in [
    ("non clinical", 0), ("nonclinical", 0), ("clinical", 1), ("clinical non medical", 1),
    ("medical", 2), ("medical dental", 2), ("m d", 2), ("Medical and Dental", 2),
    ("Nursing and Midwifery Registered", 1), ("Additional Clinical Services", 1),
    ("Allied Health Professionals", 1), ("Healthcare Scientists", 1),
    ("Additional Professional Scientific and Technical", 1),
    ("Add Prof Scientific and Technic", 1), ("Students", 1),
    ("Administrative and Clerical", 0), ("Estates and Ancillary", 0)]}


def staff_group(v):
    t = trim(v)
    return STAFF_GROUPS.get(sg_key(t), BAD) if t else BAD


YES_NO = {"yes": 1, "y": 1, "true": 1, "t": 1, "1": 1, "no": 0, "n": 0, "false": 0, "f": 0, "0": 0}
HARASSMENT = dict(YES_NO, **{"never": 0, "1 2": 1, "3 5": 1, "6 10": 1, "more than 10": 1})
EQUAL_OPP = dict(YES_NO, **{"don t know": 0})
MISSING = -2     # an empty value, where the column allows one


def answer(table):
    def decode(v):
        t = trim(v)
        return MISSING if t == "" else table.get(norm(t), BAD)
    return decode


def yes_no(v):             # required
    t = trim(v)
    return YES_NO.get(norm(t), BAD) if t else BAD


def yes_no_empty_no(v):    # empty = no
    t = trim(v)
    return YES_NO.get(norm(t), BAD) if t else 0


def year(v):
    t = trim(v)
    y = None
    if re.fullmatch(r"[0-9]{4}", t):
        y = int(t)
    elif re.fullmatch(r"[0-9]{4}[/-][0-9]{2}", t) and int(t[5:]) == (int(t[:4]) + 1) % 100:
        y = int(t[:4]) + 1
    return y if y is not None and 1900 <= y <= 2100 else BAD


COUNT_GROUPS = {"white": WHITE, "bme": BME, "asian": BME, "black": BME, "mixed": BME,
                "other": BME, "unknown": UNKNOWN}


def count_group(v):
    k = norm(trim(v))
    return COUNT_GROUPS[k] if k in COUNT_GROUPS else CODE.get(k, BAD)


def uint63(v):
    t = trim(v)
    return int(t) if re.fullmatch(r"[0-9]+", t) and int(t) < 2 ** 63 else BAD


# ---- reading ----------------------------------------------------------------
class Bad(Exception):
    pass


def read(d, name, cols):
    return pd.read_csv("%s/%s.csv" % (d, name), usecols=cols, dtype="category",
                       na_filter=False, keep_default_na=False, engine="c")


def decode(df, col, fn, name):
    """fn applied once per category, then to the codes; BAD values fail the run."""
    s = df[col]
    lut = np.array([fn(c) for c in s.cat.categories] + [BAD], dtype=np.int16)
    out = lut[s.cat.codes.to_numpy()]
    bad = int((out == BAD).sum())
    if bad:
        raise Bad("%s.csv: %d rows with a %s outside DATA.md's vocabulary" % (name, bad, col))
    return out


def org_year(df, name):
    """(org, year) of every row: the org as a categorical of trimmed codes."""
    s = df["org"]
    names = [trim(c) for c in s.cat.categories]
    uniq = sorted(set(names))
    lut = np.array([uniq.index(n) for n in names], dtype=np.int32)
    org = pd.Categorical.from_codes(lut[s.cat.codes.to_numpy()], categories=uniq)
    return org, decode(df, "year", year, name)


def sums(org, yr, cols):
    """Per (org, year) sums of the given columns."""
    df = pd.DataFrame(cols)
    df["org"] = org
    df["year"] = yr
    return df.groupby(["org", "year"], sort=True, observed=True).sum()


def staff(d):
    df = read(d, "staff", ["year", "org", "ethnicity", "band", "staff_group", "disciplinary",
                           "training", "bank"])
    org, yr = org_year(df, "staff")
    g = decode(df, "ethnicity", ethnicity, "staff")
    bd = decode(df, "band", band, "staff")
    sg = decode(df, "staff_group", staff_group, "staff")
    disc = decode(df, "disciplinary", yes_no_empty_no, "staff")
    train = decode(df, "training", yes_no_empty_no, "staff")
    bank = decode(df, "bank", yes_no_empty_no, "staff")
    del df
    nb = bank == 0
    w, b, u = nb & (g == WHITE), nb & (g == BME), nb & (g == UNKNOWN)
    st = sums(org, yr, {
        "rows_all": np.ones(len(g), dtype=np.int64), "bank_n": bank == 1, "head": nb,
        "w": w, "b": b, "u": u, "dw": w & (disc == 1), "db": b & (disc == 1),
        "tw": w & (train == 1), "tb": b & (train == 1)}).astype(np.int64)
    # indicator 1's cells: (staff group, band) x group, non-bank staff only
    cells = pd.DataFrame({"org": org[nb], "year": yr[nb], "sg": sg[nb], "bd": bd[nb], "g": g[nb]})
    cells = cells.groupby(["org", "year", "sg", "bd", "g"], observed=True).size().unstack(
        "g", fill_value=0)
    cells = cells.reindex(columns=[WHITE, BME, UNKNOWN], fill_value=0)
    return st, cells


def applicants(d):
    df = read(d, "applicants", ["year", "org", "ethnicity", "shortlisted", "appointed"])
    org, yr = org_year(df, "applicants")
    g = decode(df, "ethnicity", ethnicity, "applicants")
    sl = decode(df, "shortlisted", yes_no, "applicants")
    ap = decode(df, "appointed", yes_no_empty_no, "applicants")
    if ((ap == 1) & (sl == 0)).any():
        raise Bad("applicants.csv: appointed without being shortlisted")
    return sums(org, yr, {
        "rows_all": np.ones(len(g), dtype=np.int64),
        "sw": (g == WHITE) & (sl == 1), "aw": (g == WHITE) & (ap == 1),
        "sb": (g == BME) & (sl == 1), "ab": (g == BME) & (ap == 1)}).astype(np.int64)


QUESTIONS = [(5, "harassment_public", HARASSMENT), (6, "harassment_staff", HARASSMENT),
             (7, "equal_opportunities", EQUAL_OPP), (8, "discrimination_staff", YES_NO)]


def survey(d):
    df = read(d, "survey", ["year", "org", "ethnicity"] + [c for _, c, _ in QUESTIONS])
    org, yr = org_year(df, "survey")
    g = decode(df, "ethnicity", ethnicity, "survey")
    cols = {}
    for k, col, table in QUESTIONS:
        a = decode(df, col, answer(table), "survey")
        answered = a != MISSING
        cols["any%d" % k] = answered
        cols["wn%d" % k] = answered & (g == WHITE)
        cols["wy%d" % k] = (a == 1) & (g == WHITE)
        cols["bn%d" % k] = answered & (g == BME)
        cols["by%d" % k] = (a == 1) & (g == BME)
    return sums(org, yr, cols).astype(np.int64)


def survey_counts(d):
    df = pd.read_csv("%s/survey_counts.csv" % d, dtype=str, na_filter=False,
                     keep_default_na=False, engine="c")
    rows = []
    for o, y, grp, ind, yes, resp in zip(df["org"], df["year"], df["group"], df["indicator"],
                                         df["yes"], df["respondents"]):
        r = (trim(o), year(y), count_group(grp), uint63(ind), uint63(yes), uint63(resp))
        if BAD in r[1:] or not 5 <= r[3] <= 8 or r[4] > r[5]:
            raise Bad("survey_counts.csv: a row outside DATA.md's vocabularies")
        rows.append(r)
    c = pd.DataFrame(rows, columns=["org", "year", "g", "ind", "yes", "resp"])
    cols = {}
    for k in (5, 6, 7, 8):
        q = c["ind"] == k
        cols["any%d" % k] = q
        cols["wn%d" % k] = np.where(q & (c["g"] == WHITE), c["resp"], 0)
        cols["wy%d" % k] = np.where(q & (c["g"] == WHITE), c["yes"], 0)
        cols["bn%d" % k] = np.where(q & (c["g"] == BME), c["resp"], 0)
        cols["by%d" % k] = np.where(q & (c["g"] == BME), c["yes"], 0)
    return sums(pd.Categorical(c["org"]), c["year"].to_numpy(), cols).astype(np.int64)


def board(d):
    df = read(d, "board", ["year", "org", "ethnicity", "voting", "executive"])
    org, yr = org_year(df, "board")
    g = decode(df, "ethnicity", ethnicity, "board")
    vot = decode(df, "voting", yes_no, "board") == 1
    exe = decode(df, "executive", yes_no, "board") == 1
    cols = {"rows_all": np.ones(len(g), dtype=np.int64)}
    for p, m in (("b", np.ones(len(g), dtype=bool)), ("v", vot), ("e", exe)):
        for x, gg in (("w", WHITE), ("b", BME), ("u", UNKNOWN)):
            cols[p + x] = m & (g == gg)
    return sums(org, yr, cols).astype(np.int64)


# ---- statistics (INDICATORS.md), on numpy columns ------------------------------
def fdiv(x, n):
    x, n = np.asarray(x, dtype=float), np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > 0, x / n, np.nan)


def pct(x, n):
    return fdiv(x, n) * 100.0


ERFC = np.frompyfunc(math.erfc, 1, 1)


def p_value(a, n1, b, n2):
    """Pooled two-proportion z-test, two-sided."""
    a, n1, b, n2 = (np.asarray(v, dtype=float) for v in (a, n1, b, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        ph = (a + b) / (n1 + n2)
        z = (a / n1 - b / n2) / np.sqrt(ph * (1.0 - ph) * (1.0 / n1 + 1.0 / n2))
        p = ERFC(np.abs(z) / math.sqrt(2.0)).astype(float)
    p = np.where((a + b == 0) | (a + b == n1 + n2), 1.0, p)
    return np.where((n1 > 0) & (n2 > 0), p, np.nan)


def rel_likelihood(a, n1, b, n2):
    """RL = (a/n1)/(b/n2), its Katz interval and the exact four-fifths test."""
    fa, fn1, fb, fn2 = (np.asarray(v, dtype=float) for v in (a, n1, b, n2))
    ok = (fn1 > 0) & (fn2 > 0) & (fb > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        rl = np.where(ok, (fa / fn1) / (fb / fn2), np.nan)
        se = np.sqrt(np.maximum(0.0, 1.0 / fa - 1.0 / fn1 + 1.0 / fb - 1.0 / fn2))
        lo = np.where(ok & (fa > 0), np.exp(np.log(rl) - Z * se), np.nan)
        hi = np.where(ok & (fa > 0), np.exp(np.log(rl) + Z * se), np.nan)
    na = [None if not k else (4 * int(y) * int(m) <= 5 * int(x) * int(q)
                              and 4 * int(x) * int(q) <= 5 * int(y) * int(m))
          for k, x, m, y, q in zip(ok, a, n1, b, n2)]
    return rl, lo, hi, na


def wilson(x, n):
    """Wilson score interval of x/n as fractions, clamped, exact at x = 0 and x = n."""
    x, n = np.asarray(x, dtype=float), np.asarray(n, dtype=float)
    z2 = Z * Z
    with np.errstate(divide="ignore", invalid="ignore"):
        c = (x + z2 / 2.0) / (n + z2)
        h = Z / (n + z2) * np.sqrt(x * (n - x) / n + z2 / 4.0)
    lo = np.where(x == 0, 0.0, np.maximum(0.0, c - h))
    hi = np.where(x == n, 1.0, np.minimum(1.0, c + h))
    return np.where(n > 0, lo, np.nan), np.where(n > 0, hi, np.nan)


# ---- the reports --------------------------------------------------------------
def num(v):
    """A JSON value: NaN is null, numpy scalars are Python numbers."""
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    v = float(v)
    return None if math.isnan(v) else v


def interval(lo, hi, i):
    return None if math.isnan(lo[i]) or math.isnan(hi[i]) else [float(lo[i]), float(hi[i])]


def rl_objects(P, avail, wn, we, bn, be, white_first):
    """Indicators 2-4 for every period: one dict per row of P."""
    cols = [P[c].to_numpy() for c in (wn, we, bn, be)]
    wn_, we_, bn_, be_ = cols
    a, n1, b, n2 = (we_, wn_, be_, bn_) if white_first else (be_, bn_, we_, wn_)
    rl, lo, hi, na = rel_likelihood(a, n1, b, n2)
    p = p_value(a, n1, b, n2)
    rw, rb = fdiv(we_, wn_), fdiv(be_, bn_)
    out = []
    for i in range(len(P)):
        if not avail[i]:
            out.append(None)
            continue
        out.append({
            "white": {"n": num(wn_[i]), "events": num(we_[i]), "rate": num(rw[i])},
            "bme": {"n": num(bn_[i]), "events": num(be_[i]), "rate": num(rb[i])},
            "relative_likelihood": num(rl[i]), "ci": interval(lo, hi, i),
            "p_value": num(p[i]), "significant": None if math.isnan(p[i]) else bool(p[i] < ALPHA),
            "non_adverse": na[i]})
    return out


def pct_objects(P, k):
    wn, wy, bn, by = (P["%s%d" % (c, k)].to_numpy() for c in ("wn", "wy", "bn", "by"))
    avail = P["any%d" % k].to_numpy() > 0
    pw, pb = fdiv(wy, wn), fdiv(by, bn)
    lw, hw = wilson(wy, wn)
    lb, hb = wilson(by, bn)
    with np.errstate(invalid="ignore"):
        dlo = pb - pw - np.sqrt((pb - lb) ** 2 + (hw - pw) ** 2)
        dhi = pb - pw + np.sqrt((hb - pb) ** 2 + (pw - lw) ** 2)
    p = p_value(by, bn, wy, wn)
    out = []
    for i in range(len(P)):
        if not avail[i]:
            out.append({"available": False})
            continue
        out.append({
            "available": True,
            "white": {"n": num(wn[i]), "yes": num(wy[i]), "pct": num(pw[i] * 100.0),
                      "ci": interval(lw * 100.0, hw * 100.0, i)},
            "bme": {"n": num(bn[i]), "yes": num(by[i]), "pct": num(pb[i] * 100.0),
                    "ci": interval(lb * 100.0, hb * 100.0, i)},
            "difference": num(pb[i] * 100.0 - pw[i] * 100.0),
            "difference_ci": interval(dlo * 100.0, dhi * 100.0, i),
            "p_value": num(p[i]), "significant": None if math.isnan(p[i]) else bool(p[i] < ALPHA)})
    return out


def spct(x, n):
    """pct of Python numbers"""
    return x / n * 100.0 if n > 0 else None


def mix(w, b, u):
    t = w + b + u
    return {"white": w, "bme": b, "unknown": u, "total": t,
            "white_pct": spct(w, t), "bme_pct": spct(b, t), "unknown_pct": spct(u, t)}


def main(argv):
    if len(argv) != 3:
        print("usage: pandas_wres.py DIR OUT.json", file=sys.stderr)
        return 2
    d, out_path = argv[1], argv[2]
    try:
        st, cells = staff(d)
        ap = applicants(d)
        sv = survey(d).add(survey_counts(d), fill_value=0)
        bd = board(d)
    except Bad as e:
        print("pandas: %s (this peer expects clean national data)" % e, file=sys.stderr)
        return 1
    periods = st.index.union(ap.index).union(sv.index).union(bd.index)
    P = pd.DataFrame(index=periods)
    P = P.join(st.add_prefix("st_")).join(ap.add_prefix("ap_")).join(sv).join(bd.add_prefix("bd_"))
    # the previous year's staff, for indicator 3's pooled figure
    prev = st.copy()
    prev.index = pd.MultiIndex.from_arrays([prev.index.get_level_values(0),
                                            prev.index.get_level_values(1) + 1])
    P = P.join(prev.add_prefix("sp_"))
    has_st = P["st_rows_all"].fillna(0).to_numpy() > 0
    has_ap = P["ap_rows_all"].fillna(0).to_numpy() > 0
    has_bd = P["bd_rows_all"].fillna(0).to_numpy() > 0
    P = P.fillna(0).astype(np.int64)
    pooled = (P["sp_head"] > 0) & (P["st_head"] > 0)
    for c in ("w", "b", "dw", "db"):
        P["pl_" + c] = P["st_" + c] + np.where(pooled, P["sp_" + c], 0)

    i2 = rl_objects(P, has_ap, "ap_sw", "ap_aw", "ap_sb", "ap_ab", True)
    i3 = rl_objects(P, has_st, "pl_w", "pl_dw", "pl_b", "pl_db", False)
    i3s = rl_objects(P, has_st, "st_w", "st_dw", "st_b", "st_db", False)
    i4 = rl_objects(P, has_st, "st_w", "st_tw", "st_b", "st_tb", True)
    i58 = {k: pct_objects(P, k) for k in (5, 6, 7, 8)}
    wf = pct(P["st_b"], P["st_head"])

    cell_rows = {}
    for levels, frame in ((("sg", "bd"), cells),
                          (("sg",), cells.groupby(["org", "year", "sg"], observed=True).sum()),
                          (("bd",), cells.groupby(["org", "year", "bd"], observed=True).sum())):
        for key, (w, b, u) in zip(frame.index, frame[[WHITE, BME, UNKNOWN]].to_numpy()):
            if w + b + u == 0:
                continue
            parts = dict(zip(levels, key[2:]))
            row = {"staff_group": GROUP_NAMES[parts["sg"]] if "sg" in parts else "all",
                   "band": BAND_NAMES[parts["bd"]] if "bd" in parts else "All"}
            row.update(mix(int(w), int(b), int(u)))
            cell_rows.setdefault((key[0], int(key[1])), []).append(row)

    reports = []
    for i, (org, yr) in enumerate(P.index):
        r = P.iloc[i]
        head, w, b, u = (int(r["st_" + c]) for c in ("head", "w", "b", "u"))
        ind = {}
        yr = int(yr)
        ind["1"] = {"available": bool(has_st[i]), "rows": cell_rows.get((org, yr), [])}
        if has_st[i]:
            ind["1"]["workforce"] = mix(w, b, u)
        ind["2"] = dict({"available": bool(has_ap[i])}, **(i2[i] or {}))
        ind["3"] = dict({"available": bool(has_st[i]),
                         "years": ([yr - 1, yr] if pooled.iloc[i] else [yr]) if has_st[i] else []},
                        **(i3[i] or {}))
        if has_st[i]:
            ind["3"]["single_year"] = i3s[i]
        ind["4"] = dict({"available": bool(has_st[i])}, **(i4[i] or {}))
        for k in (5, 6, 7, 8):
            ind[str(k)] = i58[k][i]
        wfi = num(wf[i]) if has_st[i] else None
        ind["9"] = {"available": bool(has_bd[i])}
        if has_bd[i]:
            ind["9"]["workforce_bme_pct"] = wfi
            for name, p in (("board", "b"), ("voting", "v"), ("executive", "e")):
                bw, bb, bu = (int(r["bd_" + p + x]) for x in ("w", "b", "u"))
                bp = spct(bb, bw + bb + bu)
                ind["9"][name] = {"white": bw, "bme": bb, "unknown": bu, "total": bw + bb + bu,
                                  "bme_pct": bp,
                                  "difference": None if bp is None or wfi is None else bp - wfi}
        reports.append({
            "org": org, "year": yr,
            "data_quality": {"staff_headcount": head, "bank_excluded": int(r["st_bank_n"]),
                             "ethnicity_unknown": u, "declared_pct": spct(w + b, head)},
            "indicators": ind})
    with open(out_path, "w") as f:
        f.write(json.dumps(reports, allow_nan=False))
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
