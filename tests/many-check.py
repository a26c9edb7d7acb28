#!/usr/bin/env python3
"""Independent check of wres-report's many-organisation outputs.

    many-check.py DATADIR ALL.json SHARE.json CONFIDENCE SHARE TARGET_YEAR

DATADIR holds the five CSV files of a generated dataset (staff.csv,
applicants.csv, survey.csv, survey_counts.csv, board.csv).  ALL.json is
`wres-report --all-orgs --screen --targets --confidence CONFIDENCE
--format json` on them; SHARE.json the same with `--target-share SHARE
--target-year TARGET_YEAR`.

The files are read with tests/reference.py's reader (DATA.md, written
independently of the library); everything else is computed here from the
text of issue 7 and the method written in README.md ("Many
organisations"), never from the library's code:

  * the screening: for each organisation, year and indicator 2-9 the two
    proportions, the other organisations' pooled counts, the two-proportion
    test (INDICATORS.md), similar / better / worse, the groupings, the
    organisations passing in each year, in every year, and those whose
    BME-white gap narrows each year;
  * each year's aggregate report: reference.py's report of the records of
    all organisations taken as one (valid here because every generated
    organisation has disciplinary and training information in every year,
    so the aggregate's special rules for indicators 3 and 4 coincide with
    plain sums), compared figure by figure;
  * the Model Employer targets of every report, with exact fractions.

Prints one summary line; exits 1 listing the differences.
"""

import math
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402

import json  # noqa: E402

FILES = (("staff", "staff.csv"), ("applicants", "applicants.csv"),
         ("survey", "survey.csv"), ("survey_counts", "survey_counts.csv"),
         ("board", "board.csv"))
GROUPINGS = (("discrimination_from_staff", (6, 8)),
             ("equality_of_opportunity", (7, 2, 4, 9)),
             ("other_discrimination", (5,)),
             ("disciplinary", (3,)))
HIGHER_BETTER = {2, 4, 7, 9}
TARGET_BANDS = ("Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9", "VSM")

diffs = []
checks = [0]


def same(what, want, got):
    checks[0] += 1
    if isinstance(want, float) or isinstance(got, float):
        if want is None or got is None:
            ok = want is None and got is None
        else:
            ok = abs(want - got) <= max(1e-9 * max(abs(want), abs(got)), 1e-12)
    else:
        ok = want == got
    if not ok:
        diffs.append(("%s: want %r, got %r" % (what, want, got))[:400])


def load(d):
    files = [ref.read_file(os.path.join(d, name), kind, None)
             for kind, name in FILES]
    periods = {}
    for f in files:
        for r in f.records:
            p = periods.setdefault((r["org"], r["year"]), {
                "staff": [], "applicants": [], "survey": [],
                "survey_counts": [], "board": []})
            p[f.kind].append(r)
    for (org, year), p in periods.items():
        # the staff data came with the columns (every generated file has them)
        staff_file = files[0]
        p["disc"] = bool(p["staff"]) and "disciplinary" in staff_file.columns
        p["train"] = bool(p["staff"]) and "training" in staff_file.columns
        p["nonbank"] = [r for r in p["staff"] if not r["bank"]]
    return files, periods


def proportion_pair(periods, org, year, ind):
    """(available, [(n, events) of group 0, of group 1]) as issue 7 and the
    README define them: white and BME for 2-8; workforce and voting board
    (BME over everyone, unknown included) for 9."""
    p = periods.get((org, year))
    if p is None:
        return False, None

    def ne(rows, eth, n_of, ev_of):
        sel = [r for r in rows if r["eth"] == eth]
        return (sum(1 for r in sel if n_of(r)), sum(1 for r in sel if ev_of(r)))

    if ind == 2:
        rows = p["applicants"]
        if not rows:
            return False, None
        return True, [ne(rows, g, lambda r: r["shortlisted"],
                         lambda r: r["appointed"]) for g in ("white", "bme")]
    if ind in (3, 4):
        if not (p["disc"] if ind == 3 else p["train"]):
            return False, None
        field = "disciplinary" if ind == 3 else "training"
        rows = list(p["nonbank"])
        prev = periods.get((org, year - 1))
        if ind == 3 and prev and prev["disc"] and prev["nonbank"] and rows:
            rows += prev["nonbank"]     # pooled over Y-1 and Y
        return True, [ne(rows, g, lambda r: True, lambda r: r[field])
                      for g in ("white", "bme")]
    if ind == 9:
        if not (p["board"] and p["staff"]):
            return False, None
        wf = p["nonbank"]
        voting = [r for r in p["board"] if r["voting"]]
        return True, [(len(wf), sum(1 for r in wf if r["eth"] == "bme")),
                      (len(voting), sum(1 for r in voting if r["eth"] == "bme"))]
    answered = [r for r in p["survey"] if r["answers"][ind] is not None]
    counts = [r for r in p["survey_counts"] if r["indicator"] == ind]
    if not answered and not counts:
        return False, None
    out = []
    for g in ("white", "bme"):
        n = sum(1 for r in answered if r["eth"] == g)
        yes = sum(1 for r in answered if r["eth"] == g and r["answers"][ind])
        n += sum(r["respondents"] for r in counts if r["eth"] == g)
        yes += sum(r["yes"] for r in counts if r["eth"] == g)
        out.append((n, yes))
    return True, out


def compare(mine, theirs, alpha, higher_better):
    (n, ev), (on, oev) = mine, theirs
    p = ref.p_value(ev, n, oev, on)
    if p is None:
        return None, None
    if p >= alpha:
        return "similar", p
    better = (ev / n > oev / on) == higher_better
    return ("better" if better else "worse"), p


def screening(periods, confidence):
    alpha = 1.0 - confidence
    orgs = sorted({o for o, _ in periods}, key=lambda s: s.encode())
    years = sorted({y for _, y in periods})
    years = list(range(years[0], years[-1] + 1))
    res = {}
    for y in years:
        pairs = {(o, k): proportion_pair(periods, o, y, k)
                 for o in orgs for k in range(2, 10)}
        for k in range(2, 10):
            tot = [[0, 0], [0, 0]]
            for o in orgs:
                av, pr = pairs[(o, k)]
                if av:
                    for g in (0, 1):
                        tot[g][0] += pr[g][0]
                        tot[g][1] += pr[g][1]
            for o in orgs:
                av, pr = pairs[(o, k)]
                r = {"available": av}
                if av:
                    others = [(tot[g][0] - pr[g][0], tot[g][1] - pr[g][1])
                              for g in (0, 1)]
                    (n0, e0), (n1, e1) = pr
                    p = ref.p_value(e1, n1, e0, n0)
                    r.update(pair=pr, others=others, p=p,
                             similar=None if p is None else p >= alpha,
                             gap=abs(e1 / n1 - e0 / n0) if n0 and n1 else None)
                    hb = k in HIGHER_BETTER
                    r["cmp1"], r["cp1"] = compare(pr[1], others[1], alpha, hb)
                    if k == 9:
                        r["cmp0"], r["cp0"] = None, None
                    else:
                        r["cmp0"], r["cp0"] = compare(pr[0], others[0], alpha, hb)
                res[(o, y, k)] = r

    def passes(o, y, k):
        r = res[(o, y, k)]
        ok = ("better", "similar")
        return (r["available"] and r["similar"] is True and r["cmp1"] in ok
                and (k == 9 or r["cmp0"] in ok))

    verdict = {}
    for key, inds in GROUPINGS:
        for o in orgs:
            for y in years:
                verdict[(key, o, y)] = all(passes(o, y, k) for k in inds)
            verdict[(key, o, "every")] = all(verdict[(key, o, y)] for y in years)
            towards = len(years) > 1
            for k in inds:
                for y0, y1 in zip(years, years[1:]):
                    a, b = res[(o, y0, k)], res[(o, y1, k)]
                    ga = a.get("gap") if a["available"] else None
                    gb = b.get("gap") if b["available"] else None
                    if ga is None or gb is None or not gb < ga:
                        towards = False
            verdict[(key, o, "towards")] = towards
    return orgs, years, res, verdict


def check_screening(lib, periods, confidence):
    orgs, years, res, verdict = screening(periods, confidence)
    s = lib["screening"]
    same("screening.confidence", confidence, s["confidence"])
    same("screening.first_year", years[0], s["first_year"])
    same("screening.last_year", years[-1], s["last_year"])
    same("screening.organisations", len(orgs), s["organisations"])
    for gi, (key, inds) in enumerate(GROUPINGS):
        g = s["groupings"][gi]
        same("grouping %d key" % gi, key, g["grouping"])
        same("%s indicators" % key, list(inds), g["indicators"])
        for lst, tag in (("pass_every_year", "every"),
                         ("towards_equality", "towards")):
            want = [o for o in orgs if verdict[(key, o, tag)]]
            same("%s %s" % (key, lst), want, g[lst]["orgs"])
            same("%s %s count" % (key, lst), len(want), g[lst]["count"])
        for yi, y in enumerate(years):
            want = [o for o in orgs if verdict[(key, o, y)]]
            same("%s passing %d" % (key, y), y, g["by_year"][yi]["year"])
            same("%s passing %d" % (key, y), want, g["by_year"][yi]["passing"]["orgs"])
    results = s["results"]
    same("screening results", len(orgs) * len(years), len(results))
    for i, r in enumerate(results[:len(orgs) * len(years)]):
        o, y = orgs[i // len(years)], years[i % len(years)]
        where = "%s %d" % (o, y)
        same(where + " org", o, r["org"])
        same(where + " year", y, r["year"])
        for key, _ in GROUPINGS:
            same(where + " pass " + key, verdict[(key, o, y)], r["pass"][key])
        for k in range(2, 10):
            want, got = res[(o, y, k)], r["indicators"][str(k)]
            w = "%s indicator %d" % (where, k)
            same(w + " available", want["available"], got["available"])
            if not want["available"]:
                same(w + " similar", None, got["similar"])
                continue
            g0, g1 = ("workforce", "board") if k == 9 else ("white", "bme")
            for gi, g in ((0, g0), (1, g1)):
                same(w + " " + g + " n", want["pair"][gi][0], got[g]["n"])
                same(w + " " + g + " events", want["pair"][gi][1], got[g]["events"])
                if k != 9 or gi == 1:
                    same(w + " others " + g + " n", want["others"][gi][0],
                         got["others"][g]["n"])
                    same(w + " others " + g + " events", want["others"][gi][1],
                         got["others"][g]["events"])
            same(w + " p_value", want["p"], got["p_value"])
            same(w + " similar", want["similar"], got["similar"])
            same(w + " gap", want["gap"], got["gap"])
            same(w + " bme_vs_others", want["cmp1"], got["bme_vs_others"])
            same(w + " white_vs_others", want["cmp0"], got["white_vs_others"])
            same(w + " bme_vs_others_p_value", want["cp1"],
                 got["bme_vs_others_p_value"])
            same(w + " white_vs_others_p_value", want["cp0"],
                 got["white_vs_others_p_value"])


def check_aggregates(lib, files, periods, confidence):
    years = sorted({y for _, y in periods})
    same("aggregate reports", len(years), len(lib["aggregate"]))
    merged = []
    for f in files:
        g = ref.FileResult(f.path, f.kind)
        g.__dict__.update(f.__dict__)
        g.records = [dict(r, org="") for r in f.records]
        merged.append(g)
    for i, y in enumerate(years[:len(lib["aggregate"])]):
        got = dict(lib["aggregate"][i])
        same("aggregate %d org" % y, None, got["org"])
        same("aggregate %d aggregate" % y, True, got["aggregate"])
        same("aggregate %d organisations" % y,
             sum(1 for (_, yy) in periods if yy == y), got["organisations"])
        pooled = sum(1 for (o, yy), p in periods.items() if yy == y and p["disc"]
                     and p["nonbank"] and (o, y - 1) in periods
                     and periods[(o, y - 1)]["disc"]
                     and periods[(o, y - 1)]["nonbank"])
        same("aggregate %d pooled_organisations" % y, pooled,
             got["indicators"]["3"]["pooled_organisations"])
        # the rest is the report of everyone as one organisation
        del got["aggregate"], got["organisations"], got["targets"]
        got["org"] = ""
        got["indicators"] = dict(got["indicators"])
        got["indicators"]["3"] = {k: v for k, v in got["indicators"]["3"].items()
                                  if k != "pooled_organisations"}
        want = ref.build_report(merged, "", y, confidence)
        d = []
        ref.compare_values(want, got, "aggregate %d" % y, d)
        checks[0] += 1
        diffs.extend(d)


def round_half_up(x):
    """x (a Fraction) to the nearest integer, halves upward."""
    return math.floor(x + Fraction(1, 2))


def check_targets(reports, periods, share, target_year, what):
    for rep in reports:
        org, year = rep["org"], rep["year"]
        t = rep["targets"]
        w = "%s targets %s %s" % (what, org if org is not None else "(aggregate)", year)
        if org is None:
            staff = [r for (o, yy), p in periods.items() if yy == year
                     for r in p["nonbank"]]
        else:
            staff = periods[(org, year)]["nonbank"]
        same(w + " available", True, t["available"])
        same(w + " baseline_year", year, t["baseline_year"])
        same(w + " target_year", target_year, t["target_year"])
        own = Fraction(sum(1 for r in staff if r["eth"] == "bme"), len(staff))
        same(w + " share", float(share) if share else float(own), t["share"])
        same(w + " share_source", "given" if share else "organisation",
             t["share_source"])
        rows = []
        for group in ("non-clinical", "clinical"):
            for band in TARGET_BANDS:
                cell = [r for r in staff if r["band"] == band and
                        (r["group"] == group or
                         (group == "clinical" and r["group"] == "medical"))]
                total = len(cell)
                bme = sum(1 for r in cell if r["eth"] == "bme")
                if share:
                    target = math.floor(share * total + 0.5)
                else:
                    target = round_half_up(own * total)
                gap = target - bme
                span = target_year - year
                traj = [{"year": year + k,
                         "bme": target if span == 0 else
                         bme + round_half_up(Fraction(gap * k, span))}
                        for k in range(span + 1)]
                rows.append({"staff_group": group, "band": band, "total": total,
                             "bme": bme, "target_bme": target, "gap": gap,
                             "trajectory": traj})
        same(w + " rows", len(rows), len(t["rows"]))
        for want, got in zip(rows, t["rows"]):
            for key in want:
                same("%s %s %s %s" % (w, want["staff_group"], want["band"], key),
                     want[key], got.get(key))


def main(argv):
    if len(argv) != 7:
        print(__doc__)
        return 2
    d, all_path, share_path = argv[1], argv[2], argv[3]
    confidence, share, target_year = float(argv[4]), float(argv[5]), int(argv[6])
    files, periods = load(d)
    with open(all_path, encoding="utf-8") as fh:
        lib = json.load(fh)
    with open(share_path, encoding="utf-8") as fh:
        lib_share = json.load(fh)
    orgs = {o for o, _ in periods}
    years = {y for _, y in periods}
    if len(orgs) < 50 or len(years) < 3:
        diffs.append("the dataset has %d organisations and %d years, want at "
                     "least 50 and 3" % (len(orgs), len(years)))
    same("reports", len(periods), len(lib["reports"]))
    same("report order", sorted(periods, key=lambda k: (k[0].encode(), k[1])),
         [(r["org"], r["year"]) for r in lib["reports"]])
    check_screening(lib, periods, confidence)
    check_aggregates(lib, files, periods, confidence)
    check_targets(lib["reports"] + lib["aggregate"], periods, 0.0, 2028, "own share")
    check_targets(lib_share["reports"] + lib_share["aggregate"], periods, share,
                  target_year, "given share")
    for line in diffs[:40]:
        print("  " + line)
    if diffs:
        print("many-check: %d of %d checks failed" % (len(diffs), checks[0]))
        return 1
    print("many-check: %d checks passed (%d organisations, %d years)"
          % (checks[0], len(orgs), len(years)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
