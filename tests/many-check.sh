#!/bin/sh
# many-check.sh BIN GEN - wres-report on many organisations, checked
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
#      of the new options exit 2.
# Prints a one-line summary; exits non-zero on any failure.
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 BIN GEN" >&2
    exit 2
fi
bin=$1
gen=$2
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

if [ "$fails" -ne 0 ]; then
    echo "many-check: $fails of $n checks failed"
    exit 1
fi
echo "many-check: $n checks passed"
