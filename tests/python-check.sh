#!/bin/sh
# python-check.sh BIN LIB - the Python binding (examples/python/wres.py).
#
# BIN is the built wres-report, LIB the built shared library
# (build/libwres.so.1.0.0 or build/libwres.so).  With WRES_LIBRARY=LIB:
#   1. examples/python/wres_report.py and BIN are run on the sample trust
#      (org RXX) in every format, for several years and confidence levels,
#      and on error cases; stdout, stderr and the exit status must be the
#      same, byte for byte;
#   2. a unit test of the module's API (inline below) must pass.
# Prints a one-line summary; exits non-zero on any failure.
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 BIN LIB" >&2
    exit 2
fi
case $1 in /*) bin=$1 ;; *) bin=$(pwd)/$1 ;; esac
case $2 in /*) lib=$2 ;; *) lib=$(pwd)/$2 ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-python3}
script=$top/examples/python/wres_report.py
WRES_LIBRARY=$lib
PYTHONDONTWRITEBYTECODE=1
export WRES_LIBRARY PYTHONDONTWRITEBYTECODE

t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
n=0

fail() {
    fails=$((fails + 1))
    echo "FAIL: $*"
}

# same ARGS...: both programs, run from the top directory, must agree on
# standard output, standard error and exit status.
same() {
    n=$((n + 1))
    (cd "$top" && "$bin" "$@") > "$t/c.out" 2> "$t/c.err"
    cs=$?
    (cd "$top" && "$py" "$script" "$@") > "$t/p.out" 2> "$t/p.err"
    ps=$?
    if [ "$cs" != "$ps" ]; then
        fail "$*: exit $ps, wres-report exits $cs"
        sed 's/^/  python stderr: /' "$t/p.err" | head -5
    elif ! cmp -s "$t/c.out" "$t/p.out"; then
        fail "$*: standard output differs"
    elif ! cmp -s "$t/c.err" "$t/p.err"; then
        fail "$*: standard error differs"
        diff "$t/c.err" "$t/p.err" | head -6
    fi
    last=$cs
}

# want STATUS DESCRIPTION: the status of the last comparison.
want() {
    n=$((n + 1))
    [ "$last" = "$1" ] || fail "$2: exit $last, want $1"
}

d=examples/data
sample="--staff $d/staff.csv --applicants $d/applicants.csv --survey $d/survey.csv
--survey-counts $d/survey_counts.csv --board $d/board.csv --org RXX"

# 1. the sample trust: every format, years, confidence levels
for f in text json csv html; do
    for y in 2022 2023 2024; do
        # shellcheck disable=SC2086
        same $sample --format "$f" --year "$y"
        want 1 "sample $f $y"
    done
    # shellcheck disable=SC2086
    same $sample --format "$f" --confidence 0.9
    want 1 "sample $f, latest year, confidence 0.9"
    # shellcheck disable=SC2086
    same --board $d/board.csv --survey $d/survey.csv --staff $d/staff.csv \
        --org RXX --format "$f" --year 2022/23 --confidence 0.8
    want 1 "sample $f 2022/23 confidence 0.8, options in another order"
    # groups, deep dives and trends (1.2)
    # shellcheck disable=SC2086
    same $sample --format "$f" --groups --by band,staff_group --trend \
        --by directorate --by length_of_service --service-bands 2,5 \
        --low-events 5 --low-people 20
    want 1 "sample $f with groups, breakdowns and trend"
done
for bad in "--by band,band" "--by ethnicity" "--low-events -1" "--low-people x" \
           "--service-bands 5,2"; do
    # shellcheck disable=SC2086
    same $sample $bad
    want 2 "usage error: $bad"
done
same --staff $d/staff.csv --format json
want 1 "the default organisation"

# error cases
printf 'staff_id,year,ethnicity,band,staff_group\n1,2024,A,5,clinical\n2,2024,H,6,medical\n' > "$t/s.csv"
printf 'staff_id,ethnicity,band,staff_group\n1,A,5,clinical\n2,H,8,medical\n' > "$t/noyear.csv"
printf 'staff_id,year,ethnicity,staff_group\n1,2024,A,clinical\n' > "$t/nocol.csv"
printf 'staff_id,year,ethnicity,band,staff_group\n1,2024,A,8,clinical\n' > "$t/allbad.csv"
printf 'member_id,year,ethnicity,voting,executive\nb1,2022,A,yes,no\nb2,2023,H,yes,yes\n' > "$t/b.csv"

same; want 2 "no arguments"
same --year 2024; want 2 "no files, --year"
same --org RXX --format json; want 2 "no files"
same --help; want 0 "--help"
same -h --staff; want 0 "-h"
same --staff; want 2 "missing value"
same --staff "$t/s.csv" --bogus 1; want 2 "unknown option"
same --staff "$t/s.csv" --format xml; want 2 "unknown format"
same --staff "$t/s.csv" --year 2023/25; want 2 "not a reporting year"
same --staff "$t/s.csv" --year ' 2023-24 '; want 0 "--year 2023-24, spaces"
for c in 1 0 abc 0.9x '0.9 ' ' 0.9' 0x.8 1e-1 nan inf .5 ''; do
    same --staff "$t/s.csv" --confidence "$c" --format csv
done
want 2 "--confidence ''"
same --staff "$t/s.csv" --format json; want 0 "clean file"
same --staff "$t/nocol.csv" --board "$t/b.csv" --format json
want 3 "a failed file, the rest reported"
same --staff "$t/nocol.csv"; want 3 "a failed file, no year"
same --staff "$t/missing.csv" --year 2024 --format csv
want 3 "an unreadable file"
same --staff "$t/noyear.csv"; want 3 "a yearless file without --year"
same --staff "$t/noyear.csv" --year 2023 --format csv
want 1 "a yearless file with --year"
same --staff "$t/noyear.csv" --year 2023/24 --board "$t/b.csv"
want 1 "a yearless file with --year, and a board"
same --staff "$t/allbad.csv"; want 2 "nothing accepted"

# many organisations (1.2): --all-orgs, --screen, --targets in every format
{
    echo "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training"
    for o in "R1" "R,2" "R3"; do
        for y in 2023 2024; do
            q=$(printf '%s' "$o" | sed 's/.*,.*/"&"/')
            echo "1,$y,$q,A,8a,clinical,no,yes"
            echo "2,$y,$q,H,8a,medical,yes,no"
            echo "3,$y,$q,N,VSM,non-clinical,no,yes"
            echo "4,$y,$q,A,5,non-clinical,no,no"
        done
    done
} > "$t/ms.csv"
printf 'year,org,group,indicator,yes,respondents
2024,R1,white,6,3,20
2024,R1,bme,6,4,20
2024,R3,white,6,9,20
2024,R3,bme,6,2,20
2023,R1,white,6,5,20
2023,R1,bme,6,9,20
' > "$t/mc.csv"
for f in text json csv; do
    same --staff "$t/ms.csv" --survey-counts "$t/mc.csv" --all-orgs --screen --targets --format "$f"
    want 0 "--all-orgs --screen --targets $f"
    same --staff "$t/ms.csv" --survey-counts "$t/mc.csv" --screen --confidence 0.8 --format "$f"
    want 0 "--screen $f"
    same --staff "$t/ms.csv" --org R3 --targets --target-share 0.19 --target-year 2026 --format "$f"
    want 0 "--targets $f"
done
same --staff "$t/ms.csv" --all-orgs --year 2023 --format csv; want 0 "--all-orgs --year"
same --staff "$t/ms.csv" --all-orgs --targets --target-year 2023 --format json
want 2 "--all-orgs, a target year before a report's"
same --staff "$t/ms.csv" --all-orgs --org R1; want 2 "--all-orgs --org"
for v in 0 1.5 x ''; do
    same --staff "$t/ms.csv" --target-share "$v"
done
want 2 "--target-share ''"
same --staff "$t/ms.csv" --target-year 2028/30; want 2 "--target-year"

# publication-safe output and summaries (libwres 1.2)
for f in text json csv; do
    # shellcheck disable=SC2086
    same $sample --format "$f" --publish
    want 1 "sample $f --publish"
done
# shellcheck disable=SC2086
same $sample --format json --publish --suppress-max 3 --round-base 10
want 1 "--suppress-max 3 --round-base 10"
same --staff "$t/s.csv" --round-base 0; want 2 "--round-base 0"
same --staff "$t/s.csv" --suppress-max x; want 2 "--suppress-max x"
# shellcheck disable=SC2086
(cd "$top" && "$bin" $sample --save-summary "$t/full.sum" > /dev/null 2>&1)
same --summary "$t/full.sum" --org RXX --format json; want 0 "a summary"
same --summary "$t/full.sum" --summary "$t/full.sum" --board "$t/b.csv" --org RXX
want 0 "a summary twice, and a board"
# shellcheck disable=SC2086
(cd "$top" && "$bin" $sample --by band,staff_group --by directorate --save-summary "$t/by.sum" \
    > /dev/null 2>&1)
for f in text json csv; do
    same --summary "$t/by.sum" --by band,staff_group --by directorate --org RXX --format "$f"
    want 0 "a summary with breakdowns, $f"
done
same --summary "$t/by.sum" --by site --org RXX; want 3 "a summary without the dimension"
printf 'wres-summary 2\n' > "$t/future.sum"
same --summary "$t/future.sum" --staff "$t/s.csv"; want 3 "a future summary"
same --summary "$t/nosuch.sum" --staff "$t/s.csv"; want 3 "a missing summary"
cli=$n

# 2. the module's API
"$py" - "$top" > "$t/unit.out" 2>&1 <<'EOF'
import csv
import gc
import io
import os
import sys

top = sys.argv[1]
sys.path.insert(0, os.path.join(top, "examples", "python"))
import wres

checks = 0
failures = []


def ok(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


def raises(cls, fn, *args, **kw):
    """The exception of class cls that fn raises, or None."""
    try:
        fn(*args, **kw)
    except cls as e:
        return e
    except Exception as e:
        failures.append("%s raised %r, want %s"
                        % (getattr(fn, "__name__", fn), e, cls.__name__))
        return None
    failures.append("%s did not raise %s"
                    % (getattr(fn, "__name__", fn), cls.__name__))
    return None


STAFF = ("staff_id,year,ethnicity,band,staff_group,training\n"
         "1,2024,A White - British,Band 5,clinical,yes\n"
         "2,2024,N Black or Black British - African,AfC Band 5,clinical,no\n"
         "3,2024,H,Band 9x,clinical,yes\n")

# versions and names
v = wres.version()
ok(wres.version_info() == (v >> 16, (v >> 8) & 255, v & 255), "version_info")
ok(wres.version_string() == "%d.%d.%d" % wres.version_info(), "version_string")
ok(wres.strerror(wres.E_NOTFOUND) == "not found", "strerror")
ok(wres.strerror(12345) == "unknown status", "strerror unknown")
ok(wres.strerror(1 << 40) == "unknown status", "strerror of a huge int")
ok(wres.reason_name(wres.Reason.UNKNOWN_BAND) == "unknown_band", "reason_name")
ok(wres.reason_name(0) is None and wres.reason_name(21) is None,
   "reason_name outside 1..20")
ok(wres.kind_name(4) == "survey_counts" and wres.kind_name(9) is None,
   "kind_name")
ok(wres.KIND_BOARD == 5 and wres.E_OPTION == -8 and wres.FORMAT_CSV == 3,
   "flat constants")

# the context manager closes; use after close raises Closed
with wres.Context() as ctx:
    ok(not ctx.closed, "open inside with")
    ok(ctx.errmsg() == "", "errmsg of a new handle")
ok(ctx.closed, "closed after with")
e = raises(wres.Closed, ctx.file_count)
ok(e is not None and e.status == wres.E_INVALID and isinstance(e, ValueError)
   and "closed" in str(e), "use after close: Closed, E_INVALID")
raises(wres.Closed, ctx.ingest_buffer, "staff", STAFF)
raises(wres.Closed, ctx.report)
ctx.close()  # twice is fine

# options: errors with the right status and the library's message
with wres.Context(confidence=0.9, default_year=2024, default_org="RXX") as ctx:
    ok(ctx.confidence == 0.9 and ctx.default_year == 2024
       and ctx.default_org == "RXX", "options from the constructor")
    e = raises(wres.OptionError, ctx.set_double, wres.Option.DEFAULT_YEAR, 0.5)
    ok(e is not None and e.status == wres.Status.E_OPTION
       and str(e) == ctx.errmsg() == "option 2 does not take a double",
       "set_double of an integer option")
    e = raises(wres.RangeError, setattr, ctx, "confidence", 1.5)
    ok(e is not None and e.status == wres.E_RANGE and e.message ==
       "confidence must lie strictly between 0 and 1", "confidence 1.5")
    ok(ctx.confidence == 0.9, "a refused option keeps its value")
    raises(wres.RangeError, ctx.set_double, "confidence", float("nan"))
    e = raises(wres.RangeError, setattr, ctx, "default_year", 1800)
    ok(e is not None and "1900 to 2100" in e.message, "default year 1800")
    raises(wres.RangeError, ctx.set_int, wres.OPT_DEFAULT_YEAR, 1 << 70)
    e = raises(wres.OptionError, ctx.set_string, 99, "x")
    ok(e is not None and e.message == "option 99 does not take a string",
       "unknown option")
    raises(wres.OptionError, ctx.set_int, wres.OPT_CONFIDENCE, 1)
    raises(wres.RangeError, ctx.set_string, "default_org", b"\xff")
    raises(wres.Invalid, ctx.set_string, "default_org", "R\0X")
    raises(wres.Invalid, ctx.set_string, "no_such_option", "x")
    ctx.default_org = None
    ok(ctx.default_org == "", "default org None")

with wres.Context() as ctx:
    # ingestion: str and bytes buffers, failed buffers and files
    ok(ctx.ingest_buffer("staff", STAFF, "staff.csv") == wres.OK,
       "ingest_buffer of a str")
    ok(ctx.ingest_buffer(wres.Kind.BOARD,
                         b"member_id,year,ethnicity,voting,executive\n"
                         b"m1,2024,A,yes,yes\n", "board.csv") == 0,
       "ingest_buffer of bytes")
    ok(ctx.rejection_count() == 1, "one rejected row")
    r = ctx.rejections()[0]
    ok(r == ("staff.csv", 4, "band", "unknown_band",
             "not a known band: 'Band 9x'", wres.Reason.UNKNOWN_BAND),
       "the rejected row: %r" % (r,))
    ok(str(r) == ctx.errmsg(), "str(Rejection) is the errmsg line")
    e = raises(wres.FormatError, ctx.ingest_buffer, "staff",
               "staff_id,year,ethnicity\n1,2024,A\n", "bad.csv")
    ok(e is not None and isinstance(e, wres.FileError)
       and e.status == wres.E_FORMAT
       and e.message.startswith("bad.csv: error: missing_column: ")
       and e.source.error == "missing_column" and e.source.rows_read == 0,
       "a failed buffer: FormatError")
    ok(ctx.ingest_buffer("survey-counts", "", "empty.csv",
                         raise_on_file_error=False) == wres.E_FORMAT,
       "a failed buffer, raise_on_file_error=False")
    missing = os.path.join(top, "no-such-dir", "f.csv")
    e = raises(wres.ReadError, ctx.ingest_file, "staff", missing)
    ok(e is not None and e.status == wres.E_IO
       and e.message.startswith(missing + ": error: unreadable: "),
       "an unreadable file: ReadError")
    ok(ctx.ingest_file("staff", missing, raise_on_file_error=False)
       == wres.E_IO, "an unreadable file, raise_on_file_error=False")
    e = raises(wres.Invalid, ctx.ingest_buffer, 99, "x")
    ok(e is not None and e.message == "invalid kind or buffer",
       "kind 99: the library's message")
    raises(wres.Invalid, ctx.ingest_buffer, "staf", "x")
    raises(wres.Invalid, ctx.ingest_file, "staff", "a\0b")

    # the record API: Rejected, listed among the rejections
    with ctx.record("staff", "hr") as rec:
        ok(rec.source == "hr" and rec.kind == "staff", "record attributes")
        rec.update({"staff_id": "10", "year": 2024, "ethnicity": "H",
                    "band": "6", "staff_group": "clinical",
                    "training": True, "Shoe Size": "9"})
        ok(rec.add() is True, "an accepted record")
        rec.update(staff_id="11", year=2024, ethnicity="A", band="Band 99",
                   staff_group="clinical")
        before = ctx.rejection_count()
        e = raises(wres.Rejected, rec.add)
        ok(e is not None and e.status == wres.E_REJECTED
           and e.message == "hr:2: band: unknown_band: not a known band: "
                            "'Band 99'"
           and e.rejection == ctx.rejection(-1)
           and ctx.rejection_count() == before + 1
           and ctx.rejections(before)[0].file == "hr", "a rejected record")
        # the columns were cleared by add(): set them again
        rec.update(staff_id="12", year="2023/24", ethnicity="A", band="6",
                   staff_group="clinical")
        del rec["staff_group"]
        ok(rec.add(raise_on_reject=False) is False,
           "add(raise_on_reject=False) of a rejected record")
        ok(ctx.rejection(-1).reason == "missing_value"
           and ctx.rejection(-1).column == "staff_group",
           "a removed column is missing")
        raises(wres.Invalid, rec.set, "band", "x\0y")
    ok(ctx.add_record("staff", {"staff_id": "13", "year": 2024,
                                "ethnicity": "A", "band": 5,
                                "staff_group": "medical"}, source="hr"),
       "add_record")

    files = ctx.files()
    ok([f.path for f in files] ==
       ["staff.csv", "board.csv", "bad.csv", "empty.csv", missing, missing,
        "hr"], "the sources: %r" % [f.path for f in files])
    hr = files[-1]
    ok(hr.kind == "staff" and hr.kind_code == wres.Kind.STAFF
       and (hr.rows_read, hr.rows_accepted, hr.rows_rejected) == (4, 2, 2)
       and hr.rejected_by_reason == {"unknown_band": 1, "missing_value": 1}
       and hr.ignored_columns == ["Shoe Size"] and hr.error is None
       and hr.error_code == 0, "the API source: %r" % (hr,))
    ok(files[4].error == "unreadable" and files[2].error_code ==
       wres.Reason.MISSING_COLUMN, "failed sources")
    ok(ctx.file_reason_count(0, "unknown_band") == 1, "file_reason_count")
    raises(wres.RangeError, ctx.file_reason_count, 0, 21)
    raises(IndexError, ctx.file_reason_count, 99, 8)
    ok(ctx.file_ignored_column(-1, 0) == "Shoe Size", "file_ignored_column")
    raises(IndexError, ctx.file_ignored_column, 0, 0)
    raises(IndexError, ctx.file, 7)
    raises(IndexError, ctx.rejection, ctx.rejection_count())
    ok(ctx.rejections(raw=True)[0].file == b"staff.csv", "raw rejections")
    ok(ctx.latest_year() == 2024, "latest_year")

    # reports: a snapshot, valid after the context is closed
    report = ctx.report("", 2024)
    rec = ctx.record("board")
    ok(rec.source == "api:board", "default API source name")
report.close()
raises(wres.Closed, rec.add)
raises(wres.Closed, rec.set, "member_id", "x")
rec.close()  # allowed after the context is closed

with wres.Context() as ctx:
    raises(wres.NotFound, ctx.latest_year)
    e = raises(wres.NotFound, ctx.report)
    ok(e is not None and e.message.startswith("no reporting year"),
       "no reporting year")
    raises(wres.RangeError, ctx.report, "", 1800)
    ctx.ingest_buffer("staff", STAFF, "staff.csv")
    report = ctx.report()
ok(ctx.closed and not report.closed, "a report outlives its context")
with report:
    d = report.to_dict()
    ok(d["year"] == 2024 and d["org"] == "", "to_dict year and org")
    ok(isinstance(d["indicators"]["2"]["available"], bool)
       and d["indicators"]["2"]["available"] is False,
       "to_dict indicators 2 available is a bool")
    ok(report.get(2, "", "", "available") == 0.0, "get of a false bool")
    ok(report.get(2, "", "", "relative_likelihood") is None,
       "get of a null figure is None")
    ok(report.get(1, "workforce", "total", "count") == 2.0,
       "get of a count is a float")
    ok(report.get(0, "data_quality", None, "staff_headcount") == 2.0,
       "get with group None")
    e = raises(wres.NotFound, report.get, 4, "", "", "no_such_measure")
    ok(e is not None and e.status == wres.E_NOTFOUND, "NotFound status")
    raises(wres.NotFound, report.get, 1 << 40, "", "", "available")
    raises(wres.Invalid, report.render, "xml")
    ok(report.render("json") == report.json()
       and report.render_bytes(wres.FORMAT_TEXT) == report.text().encode()
       and report.csv() == report.render(3), "renderings")
    ok(report.html() == report.render("html") == report.render(4)
       and report.html().startswith("<!DOCTYPE html>")
       and wres.FORMAT_HTML == 4, "the HTML rendering")

    # periods and progress (libwres 1.1), in a context of their own
    with wres.Context() as pctx:
        pctx.ingest_buffer("staff", STAFF, "staff.csv")
        ok(pctx.periods() == [("", 2024)], "periods %r" % (pctx.periods(),))
        seen = []
        pctx.set_progress(lambda done, total, rows: seen.append((done, total, rows)))
        big = "year,ethnicity,voting,executive\n" + "2024,A,yes,no\n" * 100000
        pctx.ingest_buffer("board", big, name="big.csv")
        ok(len(seen) == 2 and seen[-1] == (len(big), len(big), 100000),
           "progress calls %r" % (seen[-2:],))
        pctx.set_progress(None)
        pctx.ingest_buffer("board", big[:200], name="small.csv")
        ok(len(seen) == 2, "progress switched off")
        # staff in columns: E4's staff group 9 is rejected
        pctx.staff_batch(["E1", "E2", "E3", "E4"], [0, 12, 7, 0], [5, 5, 6, 7],
                         [1, 1, 1, 9], year=[2023] * 4, org="RXX",
                         training=[1, 0, 1, 1], source="hr")
        rej = [r for r in pctx.rejections() if r.file == "hr"]
        ok(len(rej) == 1 and rej[0].column == "staff_group", "batch rejection %r" % (rej,))
        ok(pctx.report("RXX", 2023).get(4, "", "", "relative_likelihood") == 2.0,
           "batch indicator 4")
        raises(wres.Invalid, pctx.staff_batch, ["a", "b"], [0], [5, 5], [1, 1])

    # groups, breakdowns and trends (libwres 1.2): org T of check_detail
    with wres.Context() as dctx:
        dctx.set_int(wres.OPT_GROUPS, 1)
        dctx.set_int("trend", 1)
        dctx.add_breakdown(["directorate"])
        raises(wres.Invalid, dctx.add_breakdown, "band,band")
        dctx.ingest_buffer("staff",
                           "staff_id,year,org,ethnicity,band,staff_group,training,"
                           "directorate\n"
                           "1,2024,T,A,Band 5,clinical,yes,Surgery\n"
                           "2,2024,T,A,Band 5,clinical,no,Surgery\n"
                           "3,2024,T,M,Band 5,clinical,no,Surgery\n"
                           "4,2024,T,A,Band 6,clinical,yes,Medicine\n"
                           "5,2024,T,H,Band 6,clinical,yes,Medicine\n", "d.csv")
        d = dctx.report("T", 2024).to_dict()
        # white trained 1/2 in Surgery, BME 0/1: RL null (no BME events)
        cells = [b for b in d["breakdowns"] if b["indicator"] == 4][0]["cells"]
        ok([c["key"]["directorate"] for c in cells] == ["Medicine", "Surgery"]
           and cells[1]["white"] == {"n": 2, "events": 1, "rate": 0.5}
           and cells[1]["relative_likelihood"] is None, "breakdown %r" % (cells,))
        # Black 1 of 5 staff
        g = d["indicators"]["1"]["groups"]["Black"]["workforce"]
        ok(g["bme"] == 1 and g["total"] == 5 and g["bme_pct"] == 20.0, "group %r" % (g,))
        ok(d["trend"]["1"]["years"] == [2024] and d["trend"]["1"]["linear"] is None,
           "trend %r" % (d["trend"]["1"],))
    # many organisations (libwres 1.2): aggregate, screening, targets
    with wres.Context(confidence=0.8) as mctx:
        mctx.ingest_buffer("survey_counts",
                           "year,org,group,indicator,yes,respondents\n"
                           "2024,A,white,6,20,100\n2024,A,bme,6,20,100\n"
                           "2024,B,white,6,30,100\n2024,B,bme,6,30,100\n"
                           "2024,C,white,6,30,100\n2024,C,bme,6,30,100\n"
                           "2024,A,white,8,1,10\n2024,A,bme,8,1,10\n"
                           "2024,B,white,8,1,10\n2024,B,bme,8,1,10\n"
                           "2024,C,white,8,1,10\n2024,C,bme,8,1,10\n")
        with mctx.aggregate() as agg:
            d = agg.to_dict()
            ok(d["org"] is None and d["aggregate"] is True
               and d["organisations"] == 3 and d["year"] == 2024, "aggregate keys")
            ok(agg.get(6, "", "white", "n") == 300.0, "aggregate 6 white n")
        # A: 20/100 against the others' 60/200 (p = 0.065): better at 80%
        with mctx.screen() as scr:
            ok(scr.span() == (2024, 2024, 3), "screen span %r" % (scr.span(),))
            ok(scr.result("A", 2024, 6) == (True, wres.Comparison.BETTER,
                                            wres.Comparison.BETTER),
               "screen result %r" % (scr.result("A", 2024, 6),))
            ok(scr.result("A", 2024, 2) is None, "unavailable indicator")
            raises(wres.NotFound, scr.result, "Z", 2024, 6)
            raises(wres.RangeError, scr.result, "A", 2024, 1)
            ok(scr.orgs("staff_discrimination", "pass_year", 2024) == ["A", "B", "C"],
               "passing %r" % (scr.orgs(1, 1, 2024),))
            ok(scr.count(wres.GROUPING_STAFF_DISCRIMINATION,
                         wres.SCREEN_PASS_EVERY_YEAR) == 3, "pass every year")
            ok(scr.orgs(1, wres.SCREEN_TOWARDS_EQUALITY) == [], "one year: none towards")
            raises(wres.Invalid, scr.count, 9, 1, 2024)
            ok(scr.to_dict()["organisations"] == 3 and "Equality of opportunity"
               in scr.text() and scr.csv().startswith("org,year,"), "screen renderings")
        ok(scr.closed, "screen closed after with")
        ok(wres.grouping_name(wres.GROUPING_EQUAL_OPPORTUNITY)
           == "equality of opportunity" and wres.grouping_name(7) is None,
           "grouping names")
        ok(mctx.targets is False and mctx.target_year == 2028
           and mctx.target_share == 0.0, "target option defaults")
        mctx.targets = True
        mctx.target_share = 0.19
        mctx.target_year = 2030
        raises(wres.RangeError, setattr, mctx, "target_share", 2.0)
        raises(wres.RangeError, setattr, mctx, "target_year", 1800)
        mctx.ingest_buffer("staff", STAFF, "staff.csv")
        with mctx.report("", 2024) as tr:
            t = tr.to_dict()["targets"]
            ok(t["share"] == 0.19 and t["target_year"] == 2030
               and len(t["rows"]) == 12, "targets %r" % (t,))

    # the cursor: every figure, as many as the CSV rendering's rows
    figures = list(report)
    rows = list(csv.reader(io.StringIO(report.csv())))
    ok(rows[0] == ["indicator", "part", "group", "measure", "value"],
       "CSV header")
    ok(len(figures) == len(rows) - 1 and len(figures) > 50,
       "cursor %d figures, CSV %d rows" % (len(figures), len(rows) - 1))
    same = True
    for fig, row in zip(figures, rows[1:]):
        value = fig.value
        if value is None:
            text = ""
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, int):
            text = str(value)
        else:
            text = None
            same = same and isinstance(value, float) and float(row[4]) == value
        if [str(fig.indicator), fig.part, fig.group, fig.measure] != row[:4] \
                or (text is not None and text != row[4]):
            same = False
    ok(same, "cursor figures match the CSV rows")
    types = set(type(f.value) for f in figures)
    ok(types == {int, float, bool, type(None)}, "value types %r" % types)
    ok(figures == report.figures(), "iterating twice")
    cur = report.cursor()
    ok(cur.indicator() == -1 and cur.part() is None
       and cur.type() == wres.TYPE_NULL, "before the first figure")
    ok(cur.advance() and cur.figure() == figures[0], "the first figure")
    ok(sum(1 for _ in cur) == len(figures) - 1, "the rest of the figures")
    ok(cur.advance() is False and cur.measure() is None, "after the last")
    cur2 = wres.Cursor(report)
ok(report.closed, "report closed after with")
e = raises(wres.Closed, cur2.advance)
ok(e is not None and "Report" in str(e), "a cursor after its report closed")
raises(wres.Closed, report.csv)
cur2.close()
cur.close()

# publication-safe output and federation summaries (libwres 1.2)
SMALL = ("staff_id,year,ethnicity,band,staff_group\n"
         + "".join("w%d,2024,A,5,clinical\n" % i for i in range(20))
         + "b1,2024,H,5,clinical\nb2,2024,H,5,clinical\n"
         + "".join("m%d,2024,N,6,medical\n" % i for i in range(30)))
with wres.Context(publish=True) as pctx:
    ok(pctx.publish is True and pctx.suppress_max == 7 and pctx.round_base == 5,
       "publish options")
    pctx.ingest_buffer("staff", SMALL, "s.csv")
    d = pctx.report("", 2024).to_dict()
    row = d["indicators"]["1"]["rows"][0]
    # clinical Band 5: white 20, BME 2: the 2 and its row-mate 20 suppressed;
    # the workforce total 52 shown rounded to 50
    ok(row["bme"] is None and row["white"] is None and row["suppressed"] is True
       and row["unknown"] == 0 and d["disclosure"] == {"threshold": 7, "rounding": 5}
       and d["indicators"]["1"]["workforce"]["total"] == 50,
       "a suppressed count: %r" % (row,))
    ok(pctx.report("", 2024).get(1, "clinical/Band 5", "bme", "count") is None,
       "a suppressed count through get()")
    summ = pctx.summary()
    ok(summ.startswith(b"wres-summary 1\n") and b"\npublication-safe 7 5\n" in summ,
       "a publication-safe summary")
    e = raises(wres.FormatError, wres.Context().load_summary_buffer, summ, "p.sum")
    ok(e is not None and "p.sum:3: a publication-safe summary" in e.message,
       "a publication-safe summary is refused")
    pctx.publish = False
    summ = pctx.summary()
    path = os.path.join(top, "build", "python-check.sum")
    pctx.save_summary(path)
with wres.Context() as a, wres.Context() as b:
    a.load_summary_buffer(summ, "s.sum")
    b.load_summary(path)
    os.remove(path)
    ok(a.report("", 2024).json() == b.report("", 2024).json()
       and a.report("", 2024).get(1, "clinical/Band 5", "bme", "count") == 2.0,
       "summary round trip")
    e = raises(wres.FormatError, a.load_summary_buffer, summ[:-3], "cut.sum")
    ok(e is not None and e.message.startswith("cut.sum:2: the summary is truncated"),
       "a truncated summary: %r" % (e and e.message,))
    raises(wres.ReadError, a.load_summary, os.path.join(top, "no", "such.sum"))
    raises(wres.RangeError, a.set_int, wres.Option.ROUND_BASE, 0)

# the __del__ safety net: handles dropped without close
ctx = wres.Context()
ctx.ingest_buffer("staff", STAFF)
rec = ctx.record("staff")
report = ctx.report()
cur = report.cursor()
next(cur)
del ctx, rec, report, cur
gc.collect()

for f in failures:
    print("FAIL: " + f)
print("%d checks, %d failed" % (checks, len(failures)))
sys.exit(1 if failures else 0)
EOF
unit=$?
units=$(tail -n 1 "$t/unit.out")
if [ $unit -ne 0 ]; then
    fails=$((fails + 1))
    cat "$t/unit.out"
fi

if [ $fails -eq 0 ]; then
    echo "python-check: passed: $cli CLI comparisons with wres-report, API unit test: $units"
    exit 0
fi
echo "python-check: FAILED: $fails failures ($cli CLI comparisons; API unit test: $units)"
exit 1
