#!/bin/sh
# cli-test.sh BIN - wres-report's flags, output streams, stderr line
# formats and exit statuses, as INDICATORS.md states them.
set -u
bin=$1
top=$(pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
n=0

check() { # description, expected status, actual status
    n=$((n + 1))
    if [ "$2" != "$3" ]; then
        echo "FAIL: $1: exit $3, want $2"
        fails=$((fails + 1))
    fi
}
same() { # description, expected text, actual text
    n=$((n + 1))
    if [ "$2" != "$3" ]; then
        printf 'FAIL: %s\n  want: %s\n  got:  %s\n' "$1" "$2" "$3"
        fails=$((fails + 1))
    fi
}

d=$top/examples/data
printf 'staff_id,year,ethnicity,band,staff_group\n1,2024,A,5,clinical\n2,2024,H,6,medical\n' > "$t/s.csv"
printf 'staff_id,ethnicity,band,staff_group\n1,A,5,clinical\n' > "$t/noyear.csv"
printf 'staff_id,year,ethnicity,staff_group\n1,2024,A,clinical\n' > "$t/nocol.csv"
printf 'member_id,year,ethnicity,voting,executive\nb1,2022,A,yes,no\nb2,2023,H,yes,yes\n' > "$t/b.csv"
printf 'staff_id,year,ethnicity,band,staff_group\n1,2024,A,8,clinical\n' > "$t/allbad.csv"

# usage errors: exit 2, nothing on stdout
"$bin" > "$t/out" 2>/dev/null; check "no arguments" 2 $?
same "no arguments prints nothing" "" "$(cat "$t/out")"
"$bin" --year 2024 > "$t/out" 2>/dev/null; check "only --year" 2 $?
same "only --year prints nothing" "" "$(cat "$t/out")"
"$bin" --staff "$t/s.csv" --bogus 1 >/dev/null 2>&1; check "unknown option" 2 $?
"$bin" --staff "$t/s.csv" --format xml >/dev/null 2>&1; check "unknown format" 2 $?
"$bin" --staff "$t/s.csv" --confidence 1 >/dev/null 2>&1; check "confidence 1" 2 $?
"$bin" --staff "$t/s.csv" --confidence abc >/dev/null 2>&1; check "confidence abc" 2 $?
"$bin" --staff "$t/s.csv" --year 2023/25 >/dev/null 2>&1; check "bad year" 2 $?
"$bin" --staff >/dev/null 2>&1; check "missing value" 2 $?

# a clean file: exit 0, no stderr
"$bin" --staff "$t/s.csv" --format json > "$t/out" 2> "$t/err"; check "clean" 0 $?
same "clean stderr" "" "$(cat "$t/err")"
grep -q '"year": 2024,' "$t/out"; check "clean year" 0 $?

# the sample trust: 8 rejected rows, exit 1, exact stderr lines
(cd "$top" && "$bin" --staff examples/data/staff.csv --applicants examples/data/applicants.csv \
    --survey examples/data/survey.csv --survey-counts examples/data/survey_counts.csv \
    --board examples/data/board.csv --org RXX) > "$t/out" 2> "$t/err"
check "sample" 1 $?
same "sample stderr" "examples/data/staff.csv:6184: band: unknown_band: not a known band: 'Band 8'
examples/data/staff.csv:6635: ethnicity: unknown_ethnicity: not a known ethnic category: 'BAME'
examples/data/staff.csv:7136: training: invalid_yes_no: not yes or no: 'maybe'
examples/data/staff.csv:7737: staff_id: duplicate_id: already seen in this organisation and year: '20031657'
examples/data/staff.csv:8338: band: missing_value: a value is required
examples/data/applicants.csv:10002: appointed: appointed_not_shortlisted: appointed but not shortlisted 'Yes'
examples/data/survey.csv:2008: harassment_public: invalid_yes_no: not a recognised answer: 'Sometimes'
examples/data/survey_counts.csv:16: yes: yes_gt_respondents: yes is greater than respondents: '84'" "$(cat "$t/err")"
grep -q 'Reporting year: 2024' "$t/out"; check "sample defaults to the latest year" 0 $?

# a failed file: exit 3, FILE: error: REASON: message; the rest is reported
"$bin" --staff "$t/nocol.csv" --board "$t/b.csv" --format json > "$t/out" 2> "$t/err"
check "failed file" 3 $?
same "failed file stderr" "$t/nocol.csv: error: missing_column: required column absent: 'band'" "$(cat "$t/err")"
grep -q '"error": "missing_column"' "$t/out"; check "failed file in report" 0 $?
grep -q '"year": 2023,' "$t/out"; check "latest year from the board" 0 $?

# a failed file and no year at all: exit 3, nothing on stdout
"$bin" --staff "$t/nocol.csv" > "$t/out" 2>/dev/null; check "failed, no year" 3 $?
same "failed, no year prints nothing" "" "$(cat "$t/out")"

# every row rejected: no year, exit 2, nothing on stdout
"$bin" --staff "$t/allbad.csv" > "$t/out" 2> "$t/err"; check "nothing accepted" 2 $?
same "nothing accepted prints nothing" "" "$(cat "$t/out")"
grep -q "allbad.csv:2: band: unknown_band:" "$t/err"; check "nothing accepted stderr" 0 $?

# a file without a year column: --year is its default, else no_year
"$bin" --staff "$t/noyear.csv" --year ' 2023/24 ' --format json > "$t/out" 2>/dev/null
check "yearless with --year" 0 $?
grep -q '"year": 2024,' "$t/out"; check "--year 2023/24 is 2024" 0 $?
"$bin" --staff "$t/noyear.csv" --board "$t/b.csv" > "$t/out" 2> "$t/err"
check "yearless without --year" 3 $?
same "no_year stderr" "$t/noyear.csv: error: no_year: no year column and no default year" "$(cat "$t/err")"

# files are ingested staff first whatever the order of the options
"$bin" --board "$t/b.csv" --staff "$t/s.csv" --format json --org ' ' > "$t/out" 2>/dev/null
check "order" 0 $?
first=$(grep -o '"kind": "[a-z_]*"' "$t/out" | head -n 1)
same "staff first" '"kind": "staff"' "$first"
grep -q '"org": "",' "$t/out"; check "--org trimmed" 0 $?

# csv format
"$bin" --staff "$t/s.csv" --format csv > "$t/out" 2>/dev/null; check "csv" 0 $?
same "csv header" "indicator,part,group,measure,value" "$(head -n 1 "$t/out")"
grep -q '^1,workforce,bme,count,1$' "$t/out"; check "csv row" 0 $?

# html format: one page, the org escaped
"$bin" --staff "$t/s.csv" --org 'A&B' --format html > "$t/out" 2>/dev/null; check "html" 0 $?
same "html doctype" "<!DOCTYPE html>" "$(head -n 1 "$t/out")"
same "html end" "</html>" "$(tail -n 1 "$t/out")"
grep -q '<title>WRES report: A&amp;B, 2024</title>' "$t/out"; check "html title" 0 $?

# an unreadable file
"$bin" --staff "$t/missing.csv" --board "$t/b.csv" > /dev/null 2> "$t/err"; check "unreadable" 3 $?
grep -q "missing.csv: error: unreadable: " "$t/err"; check "unreadable stderr" 0 $?

# --progress draws nothing when standard error is not a terminal
"$bin" --staff "$t/s.csv" --progress --format json > "$t/out" 2> "$t/err"; check "progress" 0 $?
same "progress, not a terminal" "" "$(cat "$t/err")"
if command -v script > /dev/null 2>&1; then
    (cd "$top" && script -qec "$bin --staff examples/data/staff.csv --progress --format csv" /dev/null) > "$t/tty" 2>&1
    grep -q 'examples/data/staff.csv \[#*\] 100% 9105 rows' "$t/tty"; check "progress bar on a terminal" 0 $?
fi

# a report that cannot be written is an error, even when larger than stdio's buffer
if [ -w /dev/full ]; then
    (cd "$top" && "$bin" --staff examples/data/staff.csv --format json > /dev/full 2> "$t/err")
    check "write error" 2 $?
    grep -q "cannot write the report" "$t/err"; check "write error message" 0 $?
fi

# groups, deep dives and trends on the sample trust, in every format
d="$top/examples/data"
for f in json text csv; do
    "$bin" --staff "$d/staff.csv" --applicants "$d/applicants.csv" --survey "$d/survey.csv" \
        --survey-counts "$d/survey_counts.csv" --board "$d/board.csv" --org RXX \
        --groups --by band,staff_group --trend --format $f > "$t/detail.$f" 2>/dev/null
    check "groups, breakdowns, trend: $f" 1 $?
done
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
ind = r["indicators"]
assert all(set(ind[k]["groups"]) == {"Asian", "Black", "Mixed", "Other", "D", "E", "F",
           "G", "H", "J", "K", "L", "M", "N", "P", "R", "S"} for k in ind)
assert [b["indicator"] for b in r["breakdowns"]] == [1, 2, 3, 4]
assert all(b["by"] == ["band", "staff_group"] for b in r["breakdowns"])
assert sorted(r["trend"]) == [str(k) for k in range(1, 10)]
assert r["trend"]["1"]["years"] == [2022, 2023, 2024]
' "$t/detail.json"; check "groups, breakdowns, trend: JSON keys" 0 $?
grep -q "^Ethnic groups, each compared with white staff" "$t/detail.text" &&
    grep -q "^Indicator 3 by band and staff_group" "$t/detail.text" &&
    grep -q "^Trend over the organisation's years" "$t/detail.text"
check "groups, breakdowns, trend: text sections" 0 $?
grep -q '^3,groups/Black,' "$t/detail.csv" &&
    grep -q '^3,breakdown/band=Band 5/staff_group=clinical,,low_numbers,' "$t/detail.csv" &&
    grep -q '^5,trend/2023-2024,,change,' "$t/detail.csv"
check "groups, breakdowns, trend: CSV parts" 0 $?

# --publish: the disclosure key, a suppressed count as null; flags checked
"$bin" --staff "$t/s.csv" --publish --format json > "$t/out" 2>/dev/null; check "publish" 0 $?
grep -q '"disclosure": {"threshold": 7, "rounding": 5},' "$t/out"; check "publish: disclosure" 0 $?
grep -q '"workforce": {"white": null, "bme": null, "unknown": 0, "total": null,' "$t/out"
check "publish: 1, 1 and 2 suppressed" 0 $?
"$bin" --staff "$t/s.csv" --publish --suppress-max 0 --round-base 1 --format csv > "$t/out" 2>/dev/null
grep -q '^1,workforce,total,count,2$' "$t/out"; check "publish with no suppression or rounding" 0 $?
"$bin" --staff "$t/s.csv" --round-base 0 >/dev/null 2>&1; check "--round-base 0" 2 $?
"$bin" --staff "$t/s.csv" --suppress-max -1 >/dev/null 2>&1; check "--suppress-max -1" 2 $?

# summaries: a round trip gives the same report, byte for byte
(cd "$top" && "$bin" --staff examples/data/staff.csv --applicants examples/data/applicants.csv \
    --survey examples/data/survey.csv --survey-counts examples/data/survey_counts.csv \
    --board examples/data/board.csv --org RXX --format json --save-summary "$t/rxx.sum") > "$t/direct" 2>/dev/null
check "save-summary" 1 $?
head -n 1 "$t/rxx.sum" > "$t/first"; same "summary first line" "wres-summary 1" "$(cat "$t/first")"
"$bin" --summary "$t/rxx.sum" --org RXX --format json > "$t/merged" 2> "$t/err"; check "summary" 0 $?
cmp -s "$t/direct" "$t/merged"; check "summary: the same JSON" 0 $?
same "summary: no stderr" "" "$(cat "$t/err")"
# refused: truncated; the rest is still reported
head -c 200 "$t/rxx.sum" > "$t/cut.sum"
"$bin" --summary "$t/cut.sum" --staff "$t/s.csv" --format csv > "$t/out" 2> "$t/err"; check "cut summary" 3 $?
grep -q "cut.sum:2: the summary is truncated" "$t/err"; check "cut summary stderr" 0 $?
grep -q '^1,workforce,total,count,2$' "$t/out"; check "cut summary: the rest" 0 $?
# with breakdowns: the summary carries the cells, and --by gives the same
# report in every format; a handle keeping a dimension the summary lacks
# refuses it, naming the dimension
by="--by band,staff_group --by directorate --by length_of_service --groups --trend"
(cd "$top" && "$bin" --staff examples/data/staff.csv --applicants examples/data/applicants.csv \
    --board examples/data/board.csv $by --org RXX --format text --save-summary "$t/by.sum") > "$t/direct" 2>/dev/null
check "save-summary --by" 1 $?
grep -q '^dimensions =staff_group =band =directorate =length_of_service$' "$t/by.sum"
check "summary --by: dimensions" 0 $?
for f in json text csv; do
    (cd "$top" && "$bin" --staff examples/data/staff.csv --applicants examples/data/applicants.csv \
        --board examples/data/board.csv $by --org RXX --format $f) > "$t/direct" 2>/dev/null
    "$bin" --summary "$t/by.sum" $by --org RXX --format $f > "$t/merged" 2> "$t/err"
    check "summary --by ($f)" 0 $?
    cmp -s "$t/direct" "$t/merged"; check "summary --by: the same $f" 0 $?
done
grep -q 'breakdown/directorate=Surgery' "$t/merged"; check "summary --by: cells" 0 $?
"$bin" --summary "$t/by.sum" --by site --org RXX > /dev/null 2> "$t/err"; check "summary --by site" 3 $?
grep -q "by.sum:[0-9]*: the summary has no breakdown counts by 'site'" "$t/err"
check "summary --by site: stderr" 0 $?
"$bin" --summary "$t/by.sum" --by length_of_service --service-bands 2,5 --org RXX > /dev/null 2> "$t/err"
check "summary: other service bands" 3 $?
grep -q "length_of_service bands start at 1,3,6,11 years, this handle's at 2,5" "$t/err"
check "summary: other service bands: stderr" 0 $?
"$bin" --save-summary "$t/x.sum" >/dev/null 2>&1; check "save-summary alone" 2 $?
"$bin" --staff "$t/s.csv" --save-summary "$t/nodir/x.sum" >/dev/null 2> "$t/err"; check "unwritable summary" 3 $?

if [ $fails -ne 0 ]; then
    echo "cli: $fails of $n checks failed"
    exit 1
fi
echo "cli: $n checks passed"
