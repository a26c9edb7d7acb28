#!/bin/sh
# many-check.sh BIN GEN [LIB] - wres-report on many organisations, checked
# independently.
#
# BIN is the built wres-report, GEN the built tests/bench/gen-national.
# GEN writes a small dataset of 52 organisations over reporting years
# 2022-2024 (fixed seed); then:
#   1. --all-orgs --screen --targets in JSON, and again with a given target
#      share and year, are checked by tests/many-check.py, which computes the
#      screening, the aggregates and the targets from the CSV files itself;
#   2. every format of --all-orgs, --screen and --targets is written with
#      exit status 0, the text and CSV hold what the JSON holds (the same
#      screening counts, a CSV row per report figure), and the usage errors
#      of the new options exit 2;
#   4. --publish on all of that (with --groups, --by band and --trend), in
#      every format, checked against the unpublished JSON by the rules
#      alone: every count shown is the true count rounded to 5, no count 1-7
#      is shown, every other figure shown is the unpublished one;
#   5. summaries: one summary of everything read back gives byte-identical
#      output in every format; and, through the Python module (LIB given),
#      the organisations split in two, each half's summary merged, give
#      byte-identical reports, aggregates and screening to one handle that
#      read both halves' files.
# Prints a one-line summary; exits non-zero on any failure.
set -u
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 BIN GEN [LIB]" >&2
    exit 2
fi
bin=$1
gen=$2
lib=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
n=0
fail() {
    fails=$((fails + 1))
    echo "FAIL: $*"
}

"$gen" "$t" --orgs 52 --staff 110 --years 2022,2023,2024 > /dev/null || {
    echo "many-check: $gen failed"; exit 1; }
files="--staff $t/staff.csv --applicants $t/applicants.csv --survey $t/survey.csv
--survey-counts $t/survey_counts.csv --board $t/board.csv"

# run STATUS OUT ARGS...: wres-report ARGS > OUT must exit STATUS
run() {
    want=$1 out=$2
    shift 2
    n=$((n + 1))
    # shellcheck disable=SC2086
    "$bin" "$@" > "$out" 2> "$t/err"
    s=$?
    [ "$s" = "$want" ] || { fail "wres-report $*: exit $s, want $want"; head -3 "$t/err"; }
}

# 1. the independent check
# shellcheck disable=SC2086
run 0 "$t/all.json" $files --all-orgs --screen --targets --confidence 0.8 --format json
# shellcheck disable=SC2086
run 0 "$t/share.json" $files --all-orgs --screen --target-share 0.19 --target-year 2030 \
    --confidence 0.8 --format json
n=$((n + 1))
"$py" "$here/many-check.py" "$t" "$t/all.json" "$t/share.json" 0.8 0.19 2030 > "$t/py.out" 2>&1 ||
    { fail "many-check.py"; cat "$t/py.out"; }
[ -n "${VERBOSE:-}" ] && cat "$t/py.out"

# 2. every format; text and CSV agree with the JSON
for f in text csv; do
    # shellcheck disable=SC2086
    run 0 "$t/all.$f" $files --all-orgs --screen --targets --confidence 0.8 --format $f
done
# shellcheck disable=SC2086
run 0 "$t/screen.json" $files --screen --confidence 0.8 --format json
# shellcheck disable=SC2086
run 0 "$t/screen.txt" $files --screen --confidence 0.8
# shellcheck disable=SC2086
run 0 "$t/one.json" $files --org R0A1 --year 2023 --targets --format json
# shellcheck disable=SC2086
run 0 "$t/year.csv" $files --all-orgs --year 2023 --format csv
n=$((n + 1))
"$py" - "$t" > "$t/fmt.out" 2>&1 <<'PY' || { fail "formats"; cat "$t/fmt.out"; }
import csv, json, re, sys
t = sys.argv[1]
every = json.load(open(t + "/all.json"))
s = every["screening"]
problems = []
# --screen alone: {"screening": ...}, the same screening
alone = json.load(open(t + "/screen.json"))
if list(alone) != ["screening"] or alone["screening"] != s:
    problems.append("--screen JSON differs from the --all-orgs screening")
# text: the summary table's counts, and each list's count
text = open(t + "/all.text").read()
for g in s["groupings"]:
    row = re.search(r"^  %s +[0-9, ]+? +(\d+) +(\d+)$" % re.escape(g["name"]),
                    text, re.M)
    if not row or (int(row.group(1)), int(row.group(2))) != (
            g["pass_every_year"]["count"], g["towards_equality"]["count"]):
        problems.append("text summary row of %s" % g["name"])
    for y in g["by_year"]:
        if "passing in %d (%d):" % (y["year"], y["passing"]["count"]) not in text:
            problems.append("text list %s %d" % (g["name"], y["year"]))
if text.count("WRES report (libwres") != len(every["reports"]) + len(every["aggregate"]):
    problems.append("text: not one report per (org, year) and aggregate")
if text.count("Model Employer targets for 2028") != len(every["reports"]) + len(every["aggregate"]):
    problems.append("text: targets missing")
if open(t + "/screen.txt").read() not in text:
    problems.append("text: --screen alone differs")
# CSV: one header, sections, a row per screening count
rows = list(csv.reader(open(t + "/all.csv", newline="")))
if rows[0] != ["section", "org", "year", "indicator", "part", "group", "measure", "value"]:
    problems.append("CSV header %r" % rows[0])
if any(len(r) != 8 for r in rows):
    problems.append("CSV rows of other than 8 fields")
sections = {r[0] for r in rows[1:]}
if sections != {"report", "aggregate", "screening"}:
    problems.append("CSV sections %r" % sections)
keyed = {(r[1], r[2], r[4], r[6]): r[7] for r in rows[1:] if r[0] == "screening"}
for g in s["groupings"]:
    if keyed.get(("", "", g["grouping"], "pass_every_year")) != str(g["pass_every_year"]["count"]):
        problems.append("CSV pass_every_year of %s" % g["grouping"])
for rep in every["reports"][:5]:
    key = ("report", rep["org"], str(rep["year"]), "2", "", "bme", "n")
    got = [r[7] for r in rows if tuple(r[:7]) == key]
    if got != [str(rep["indicators"]["2"]["bme"]["n"])]:
        problems.append("CSV indicator 2 of %s %d: %r" % (rep["org"], rep["year"], got))
aggs = [r for r in rows if r[0] == "aggregate" and r[6] == "organisations"]
if [r[7] for r in aggs] != [str(a["organisations"]) for a in every["aggregate"]]:
    problems.append("CSV aggregate organisations")
tg = [r for r in rows if r[0] == "report" and r[4] == "targets/clinical/Band 8a" and r[6] == "target"]
if len(tg) != len(every["reports"]):
    problems.append("CSV targets rows")
one = json.load(open(t + "/one.json"))
if [k for k in one] [-1] != "targets" or one["org"] != "R0A1":
    problems.append("--targets on one report")
year = list(csv.reader(open(t + "/year.csv", newline="")))
if {r[2] for r in year[1:]} != {"2023"}:
    problems.append("--year with --all-orgs: years %r" % {r[2] for r in year[1:]})
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY

# 3. usage errors of the new options
# shellcheck disable=SC2086
run 2 "$t/x" $files --all-orgs --org R0A1
# shellcheck disable=SC2086
run 2 "$t/x" $files --targets --target-share 0
# shellcheck disable=SC2086
run 2 "$t/x" $files --targets --target-share 1.5
# shellcheck disable=SC2086
run 2 "$t/x" $files --target-year 20x8
# shellcheck disable=SC2086
run 2 "$t/x" $files --org R0A1 --year 2024 --target-year 2023
grep -q "target year 2023 is before the reporting year 2024" "$t/err" ||
    fail "--target-year before the year: message"


# 4. publication-safe output of everything, in every format
more="--groups --by band --trend"
# shellcheck disable=SC2086
run 0 "$t/plain.json" $files --all-orgs --screen --targets $more --confidence 0.8 --format json
# shellcheck disable=SC2086
run 0 "$t/pub.json" $files --all-orgs --screen --targets $more --confidence 0.8 \
    --publish --format json
for f in text csv; do
    # shellcheck disable=SC2086
    run 0 "$t/pub.$f" $files --all-orgs --screen --targets --groups --confidence 0.8 \
        --publish --format $f
done
n=$((n + 1))
"$py" - "$t" > "$t/pub.out" 2>&1 <<'PY' || { fail "publish"; cat "$t/pub.out"; }
import csv, json, sys
t = sys.argv[1]
plain = json.load(open(t + "/plain.json"))
pub = json.load(open(t + "/pub.json"))
COUNTS = {"n", "events", "yes", "white", "bme", "unknown", "total", "rows_read",
          "rows_accepted", "rows_rejected", "staff_headcount", "bank_excluded",
          "ethnicity_unknown"}
problems, seen = [], {"counts": 0, "withheld": 0}

def rounded(v):
    if v <= 0:
        return v
    r = v // 5 * 5
    if v - r >= 5 - (v - r):
        r += 5
    return r if r > 0 else 5

def walk(a, b, path, key, under):
    if isinstance(a, dict):
        if not isinstance(b, dict):
            problems.append("%s: shape" % path)
            return
        for k in a:
            if k not in b:
                problems.append("%s.%s missing" % (path, k))
                continue
            walk(a[k], b[k], path + "." + k, k, under or k == "trajectory")
        return
    if b is None and not (isinstance(a, int) and key in COUNTS and not under):
        return      # a figure withheld (checked below for counts)
    if isinstance(a, list):
        if not isinstance(b, list) or (len(a) != len(b) and key != "trajectory"):
            problems.append("%s: list" % path)
            return
        for i, (x, y) in enumerate(zip(a, b)):
            walk(x, y, "%s[%d]" % (path, i), key, under)
        return
    if isinstance(a, bool) or a is None or isinstance(a, str):
        if key != "suppressed" and a != b and not (key in ("significant", "non_adverse")
                                                 and b is None):
            problems.append("%s: %r shown as %r" % (path, a, b))
        return
    if isinstance(a, int) and key in COUNTS and not under:
        seen["counts"] += 1
        if b is None:
            seen["withheld"] += 1
            return
        if 1 <= a <= 7:
            problems.append("%s: count %d shown" % (path, a))
        elif b != rounded(a):
            problems.append("%s: %d shown as %r" % (path, a, b))
        return
    # any other figure: shown as computed, or withheld
    if b is not None and b != a:
        problems.append("%s: %r shown as %r" % (path, a, b))

walk(plain, pub, "", "", False)
if seen["withheld"] == 0 or seen["counts"] < 10000:
    problems.append("too few counts checked: %r" % seen)
if any(r.get("disclosure") != {"threshold": 7, "rounding": 5} for r in pub["reports"]):
    problems.append("a report without its disclosure key")
text = open(t + "/pub.text").read()
if text.count("Publication-safe:") < len(pub["reports"]) + len(pub["aggregate"]) + 1:
    problems.append("text: not every report and the screening say publication-safe")
rows = list(csv.reader(open(t + "/pub.csv", newline="")))
if not any(r[6] == "suppressed" and r[7] == "true" for r in rows[1:]):
    problems.append("CSV: no suppressed rows")
for p in problems[:20]:
    print(p)
print("publish: %d counts compared, %d withheld" % (seen["counts"], seen["withheld"]))
sys.exit(1 if problems else 0)
PY

# 5. summaries: everything through one summary, byte for byte
# shellcheck disable=SC2086
run 0 /dev/null $files --by band,staff_group --save-summary "$t/all.sum" --format json
for f in json text csv; do
    # shellcheck disable=SC2086
    run 0 "$t/direct.$f" $files --all-orgs --screen --targets --groups --trend \
        --by band,staff_group --confidence 0.8 --format $f
    run 0 "$t/merged.$f" --summary "$t/all.sum" --all-orgs --screen --targets --groups \
        --trend --by band,staff_group --confidence 0.8 --format $f
    n=$((n + 1))
    cmp -s "$t/direct.$f" "$t/merged.$f" || fail "summary round trip: $f differs"
done
if [ -n "$lib" ]; then
    n=$((n + 1))
    WRES_LIBRARY=$lib PYTHONPATH="$here/../examples/python" "$py" - "$t" \
        > "$t/split.out" 2>&1 <<'PY' || { fail "split summaries"; cat "$t/split.out"; }
import csv, os, sys
import wres
t = sys.argv[1]
kinds = ["staff", "applicants", "survey", "survey_counts", "board"]
# split every file by organisation: the first half of the codes, the rest
orgs = set()
for k in kinds:
    with open("%s/%s.csv" % (t, k), newline="") as f:
        orgs |= {r["org"] for r in csv.DictReader(f)}
first = set(sorted(orgs)[:len(orgs) // 2])
for k in kinds:
    with open("%s/%s.csv" % (t, k), newline="") as f:
        rows = list(csv.reader(f))
    col = rows[0].index("org")
    for half, keep in (("a", lambda o: o in first), ("b", lambda o: o not in first)):
        with open("%s/%s-%s.csv" % (t, half, k), "w", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(
                [rows[0]] + [r for r in rows[1:] if keep(r[col])])
def load(ctx, half):
    for i, k in enumerate(kinds):
        ctx.ingest_file(i + 1, "%s/%s-%s.csv" % (t, half, k))
def setup(ctx):
    ctx.add_breakdown("band,staff_group")
    ctx.confidence = 0.8
    ctx.targets = True
    ctx.set_int(wres.Option.GROUPS, 1)
    ctx.set_int(wres.Option.TREND, 1)
full = wres.Context(); setup(full)
merged = wres.Context(); setup(merged)
for half in "ab":
    load(full, half)
    part = wres.Context()
    part.add_breakdown("band,staff_group")
    load(part, half)
    merged.load_summary_buffer(part.summary(), "%s.sum" % half)
    part.close()
problems = []
periods = full.periods()
if merged.periods() != periods or len(periods) < 150:
    problems.append("periods differ or too few: %d" % len(periods))
for org, year in periods:
    with full.report(org, year) as a, merged.report(org, year) as b:
        for f in (wres.Format.JSON, wres.Format.TEXT, wres.Format.CSV):
            if a.render_bytes(f) != b.render_bytes(f):
                problems.append("report %s %d format %d differs" % (org, year, f))
for year in sorted({y for _, y in periods}):
    with full.aggregate(year) as a, merged.aggregate(year) as b:
        if a.render_bytes(wres.Format.JSON) != b.render_bytes(wres.Format.JSON):
            problems.append("aggregate %d differs" % year)
with full.screen() as a, merged.screen() as b:
    if a.render_bytes(wres.Format.JSON) != b.render_bytes(wres.Format.JSON):
        problems.append("screening differs")
for p in problems[:20]:
    print(p)
print("split: %d reports compared" % len(periods))
sys.exit(1 if problems else 0)
PY
fi

if [ "$fails" -ne 0 ]; then
    echo "many-check: $fails of $n checks failed"
    exit 1
fi
echo "many-check: $n checks passed"
