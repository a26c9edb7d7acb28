#!/bin/sh
# Compare wres-report with the independent Python reference (tests/reference.py)
# on the bundled sample trust and on small hand-made edge datasets.
#
#   tests/reference-check.sh build/wres-report
#
# For every run: the JSON reports must agree (same keys in the same order,
# same nulls and types, integers equal, floats within relative 1e-9), the
# standard-error lines must agree (FILE:LINE: COLUMN: REASON, or
# FILE: error: REASON; the library adds `: message`), and so must the exit
# status.  Prints one summary line on success; exits 1 with the differences
# otherwise.  KEEP=1 keeps the generated edge datasets (the temporary
# directory named in the messages); PYTHON overrides python3.
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 path/to/wres-report" >&2
    exit 2
fi
BIN=$1
case $BIN in
    /*) ;;
    *) BIN=$(pwd)/$BIN ;;
esac
if [ ! -x "$BIN" ]; then
    echo "reference-check: $BIN is not an executable" >&2
    exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
REF=$HERE/reference.py
SAMPLE=$HERE/../examples/data
PY=${PYTHON:-python3}

tmp=$(mktemp -d) || exit 2
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT INT TERM

runs=0
failures=0

# run_case NAME DIR ARGS...   (ARGS are wres-report options, without --format)
run_case() {
    name=$1
    dir=$2
    shift 2
    runs=$((runs + 1))
    out=$tmp/out
    mkdir -p "$out"
    (cd "$dir" && "$BIN" --format json "$@") >"$out/lib.json" 2>"$out/lib.err"
    lrc=$?
    (cd "$dir" && "$PY" "$REF" "$@") >"$out/ref.json" 2>"$out/ref.err"
    rrc=$?
    msg=""
    if [ "$lrc" != "$rrc" ]; then
        msg="$msg
  exit status: reference $rrc, library $lrc"
    fi
    if [ -s "$out/ref.json" ] || [ -s "$out/lib.json" ]; then
        if [ ! -s "$out/ref.json" ]; then
            msg="$msg
  the library wrote a report, the reference did not"
        elif [ ! -s "$out/lib.json" ]; then
            msg="$msg
  the reference wrote a report, the library did not"
        elif ! dout=$("$PY" "$REF" --compare "$out/ref.json" "$out/lib.json"); then
            msg="$msg
  JSON report differs:
$dout"
        fi
    fi
    if ! dout=$("$PY" "$REF" --compare-log "$out/ref.err" "$out/lib.err"); then
        msg="$msg
  standard error differs (reference line must prefix library line):
$dout"
    fi
    if [ -n "$msg" ]; then
        failures=$((failures + 1))
        echo "MISMATCH [$name] in $dir: wres-report $*$msg"
        echo
    fi
}

# ---------------------------------------------------------------------------
# 1. The bundled sample trust.
# ---------------------------------------------------------------------------
SAMPLE_FILES="--staff staff.csv --applicants applicants.csv --survey survey.csv --survey-counts survey_counts.csv --board board.csv"
for y in 2022 2023 2024; do
    for c in 0.80 0.90 0.95 0.99; do
        # shellcheck disable=SC2086
        run_case "sample $y $c" "$SAMPLE" --org RXX --year "$y" --confidence "$c" $SAMPLE_FILES
    done
done

# ---------------------------------------------------------------------------
# 2. Hand-made edge datasets.
# ---------------------------------------------------------------------------
E=$tmp/edge
mkdir -p "$E"
long1025=$(printf '%01025d' 7)
long1024=$(printf '%01024d' 7)

# --- nobme: no BME staff, year-less staff file (uses --year), single year ----
d=$E/nobme; mkdir -p "$d"
cat >"$d/staff.csv" <<'EOF'
staff_id,org,ethnicity,band,staff_group,disciplinary,training
1,T1,A,Band 5,clinical,yes,yes
2,T1,B,Band 5,clinical,no,yes
3,T1,White - Irish,Band 6,clinical,,no
4,T1,,Band 6,medical,,
5,T1,Z,Consultant,medical,yes,
6,T1,Not stated,Band 2,non-clinical,,yes
EOF
cat >"$d/applicants.csv" <<'EOF'
applicant_id,year,org,ethnicity,shortlisted,appointed
a1,2024,T1,A,yes,yes
a2,2024,T1,A,yes,no
a3,2024,T1,Z,yes,yes
EOF
cat >"$d/survey.csv" <<'EOF'
respondent_id,year,org,ethnicity,harassment_public,equal_opportunities
r1,2024,T1,A,Never,Yes
r2,2024,T1,A,1-2,No
r3,2024,T1,99,3-5,Don't know
EOF
cat >"$d/board.csv" <<'EOF'
member_id,year,org,ethnicity,voting,executive
b1,2024,T1,A,yes,no
b2,2024,T1,H,yes,no
EOF
for c in 0.80 0.90 0.95 0.99; do
    run_case "nobme $c" "$d" --org T1 --year 2024 --confidence "$c" \
        --staff staff.csv --applicants applicants.csv --survey survey.csv --board board.csv
done

# --- zero: zero appointed, zero events, p-hat 0 and 1, exact 0.8 / 1.25 ----
d=$E/zero; mkdir -p "$d"
cat >"$d/applicants.csv" <<'EOF'
applicant_id,post_id,year,org,ethnicity,shortlisted,appointed
x1,P1,2024,Z0,A,yes,no
x2,P1,2024,Z0,H,yes,no
x3,P1,2024,Z0,A,no,
x1,P2,2023,Z0,A,yes,no
x2,P2,2023,Z0,H,yes,yes
x3,P2,2023,Z0,H,yes,no
w1,P3,2022,Z0,A,yes,yes
w2,P3,2022,Z0,H,yes,yes
w3,P3,2022,Z0,N,yes,yes
,P4,2021,Z0,A,yes,yes
,P4,2021,Z0,A,yes,yes
,P4,2021,Z0,A,yes,yes
,P4,2021,Z0,A,yes,yes
,P4,2021,Z0,A,yes,yes
,P4,2021,Z0,A,yes,
,P4,2021,Z0,A,yes,
,P4,2021,Z0,A,yes,
,P4,2021,Z0,A,yes,
,P4,2021,Z0,A,yes,
,P5,2021,Z0,H,yes,yes
,P5,2021,Z0,H,yes,yes
,P5,2021,Z0,H,yes,yes
,P5,2021,Z0,H,yes,yes
,P5,2021,Z0,H,yes,
,P5,2021,Z0,H,yes,
,P5,2021,Z0,H,yes,
,P5,2021,Z0,H,yes,
,P5,2021,Z0,H,yes,
,P5,2021,Z0,H,yes,
y1,P1,2020,Z0,A,yes,yes
y2,P1,2020,Z0,H,no,no
EOF
# staff: 2024 training white 4/10, bme 5/10 -> RL exactly 0.8; no disciplinary
# events at all in 2024; 2023 bme has disciplinary events, white none.
{
    echo "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training"
    i=0
    while [ $i -lt 10 ]; do
        t=no; [ $i -lt 4 ] && t=yes
        echo "w$i,2024,Z0,A,Band 5,clinical,no,$t"
        t=no; [ $i -lt 5 ] && t=yes
        echo "b$i,2024,Z0,R,Band 5,clinical,no,$t"
        dd=no; [ $i -lt 2 ] && dd=yes
        echo "w$i,2023,Z0,C,Band 4,non-clinical,no,yes"
        echo "b$i,2023,Z0,M,Band 4,non-clinical,$dd,yes"
        i=$((i + 1))
    done
    echo "u1,2023,Z0,,Band 4,non-clinical,yes,yes"
} >"$d/staff.csv"
for y in 2020 2021 2022 2023 2024; do
    for c in 0.80 0.95 0.99; do
        run_case "zero $y $c" "$d" --org Z0 --year "$y" --confidence "$c" \
            --staff staff.csv --applicants applicants.csv
    done
done

# --- counts: survey only through survey_counts, every group form ----------
d=$E/counts; mkdir -p "$d"
cat >"$d/survey_counts.csv" <<'EOF'
year,org,group,indicator,yes,respondents
2024,C1,White,5,10,40
2024,C1,a,5,1,2
2024,C1,B,5,2,3
2024,C1, c ,5,3,4
2024,C1,bme,5,5,20
2024,C1,Asian,5,1,1
2024,C1,BLACK,5,2,2
2024,C1,mixed,5,0,3
2024,C1,Other,5,1,5
2024,C1,D,5,1,1
2024,C1,e,5,1,1
2024,C1,F,5,0,1
2024,C1,G,5,0,1
2024,C1,H,5,0,1
2024,C1,J,5,1,1
2024,C1,K,5,1,1
2024,C1,L,5,0,1
2024,C1,M,5,1,1
2024,C1,N,5,1,1
2024,C1,P,5,0,1
2024,C1,R,5,0,1
2024,C1,S,5,0,1
2024,C1,Z,5,7,7
2024,C1,99,5,7,9
2024,C1,Unknown,5,9,9
2024,C1,White,6,0,50
2024,C1,BME,6,0,30
2024,C1,white,8,50,50
2024,C1,bme,8,30,30
2024,C1,unknown,7,3,4
2024,C1,White,05,1,1
2024,C1,white,6,0,0
2024,C1,,5,1,1
2024,C1,I,5,1,1
2024,C1,B.M.E.,5,1,1
2024,C1,-,5,1,1
2024,C1,BAME,5,1,1
2024,C1,white,9,1,1
2024,C1,white,4,1,1
2024,C1,white,+5,1,1
2024,C1,white,5.0,1,1
2024,C1,white,,1,1
2024,C1,white,5,-1,1
2024,C1,white,5,1,
2024,C1,white,5,"1,000",2000
2024,C1,white,5,3,2
2024,C1,white,5,x,y
2024,C1,white,5,3,z
2024,C9,white,5,0,9223372036854775807
2024,C9,white,5,0,9223372036854775808
2024,C9,white,5,0,99999999999999999999
2023/24,C1,white,7,1,1
2023-24,C2,bme,8,1,2
2024,C3,unknown,6,1,2
2023/25,C1,white,5,1,1
EOF
for c in 0.80 0.90 0.95 0.99; do
    run_case "counts $c" "$d" --org C1 --year 2024 --confidence "$c" --survey-counts survey_counts.csv
done
run_case "counts C2 FY year" "$d" --org C2 --year 2023/24 --survey-counts survey_counts.csv
run_case "counts C3 unknown group only" "$d" --org C3 --year 2024 --survey-counts survey_counts.csv
run_case "counts no org data" "$d" --org NOPE --year 2024 --survey-counts survey_counts.csv

# --- survey: microdata wording, item 6 rule, ids, added to counts ---------
d=$E/survey; mkdir -p "$d"
cat >"$d/survey.csv" <<'EOF'
respondent_id,year,org,ethnicity,harassment_public,harassment_staff,harassment_manager,harassment_colleague,equal_opportunities,discrimination_staff
s1,2024,S1,A,Never,,Never,Never,Yes,No
s2,2024,S1,A,1-2,,3-5,,No,Yes
s3,2024,S1,A,More than 10,,,6-10,Don't know,no
s4,2024,S1,A,6 - 10,Yes,Never,Never,DON'T KNOW,
s5,2024,S1,A,,No,1-2,1-2,,
s6,2024,S1,A,,,,,,
s7,2024,S1,H,3-5,,Never,,yes,yes
s8,2024,S1,H,never,,,never,no,n
s9,2024,S1,H,Y,,,,t,1
s10,2024,S1,H,N,,,,f,0
s11,2024,S1,Z,Yes,,Yes,,Yes,Yes
s12,2024,S1,H,Sometimes,,,,,
s13,2024,S1,H,,,,,Never,
s14,2024,S1,H,,Don't know,,,,
s16,2024,S1,H,,,maybe,,,
s1,2024,S1,H,yes,,,,,
s1,2023,S1,H,yes,,,,,
s1,2024,S2,H,yes,,,,,
,2024,S1,M,yes,,,,,
,2024,S1,M,no,,,,,
s17,2024,S1,BME,yes,,,,,
s17,2024,S1,M,yes,,,,,
s18,2024,S1,-,,,,,,
s20,2024,S1,H,,,,,Don’t Know,
s21,2024,S1,H,,,,,,
s21,2024,S1,H,,,,,,
EOF
cat >"$d/survey_counts.csv" <<'EOF'
year,org,group,indicator,yes,respondents
2024,S1,white,5,10,100
2024,S1,bme,5,20,50
2023,S1,white,8,1,10
EOF
# S3: the only answers to indicator 8 come from unknown-ethnicity respondents
cat >"$d/survey_unknown.csv" <<'EOF'
respondent_id,year,org,ethnicity,harassment_public,discrimination_staff
u1,2024,S3,A,yes,
u2,2024,S3,H,no,
u3,2024,S3,Not known,,yes
EOF
# harassment frequency wording is DATA.md's for the four harassment columns
# only: in discrimination_staff (a yes/no question) it rejects the row
cat >"$d/survey_wording.csv" <<'EOF2'
respondent_id,year,org,ethnicity,harassment_public,equal_opportunities,discrimination_staff
w1,2024,S4,A,1-2,,
w2,2024,S4,H,,,No
w3,2024,S4,A,,,yes
w4,2024,S4,H,,,1-2
w5,2024,S4,A,,,More than 10
w6,2024,S4,H,,,Never
w7,2024,S4,A,,,Don't know
w8,2024,S4,A,,1-2,
w9,2024,S4,A,,Never,
w10,2024,S4,A,Don't know,,
EOF2
run_case "survey wording outside harassment columns" "$d" --org S4 --year 2024 --survey survey_wording.csv
for c in 0.80 0.95; do
    run_case "survey $c" "$d" --org S1 --year 2024 --confidence "$c" --survey survey.csv --survey-counts survey_counts.csv
    run_case "survey only $c" "$d" --org S1 --year 2024 --confidence "$c" --survey survey.csv
done
run_case "survey 2023" "$d" --org S1 --year 2023 --survey survey.csv --survey-counts survey_counts.csv
run_case "survey S3 unknown-only answers" "$d" --org S3 --year 2024 --survey survey_unknown.csv

# --- missing: missing files, no disciplinary/training columns --------------
d=$E/missing; mkdir -p "$d"
cat >"$d/staff.csv" <<'EOF'
staff_id,year,org,ethnicity,band,staff_group
1,2024,M1,A,5,clinical
2,2024,M1,H,5,clinical
3,2023,M1,A,5,clinical
EOF
cat >"$d/board.csv" <<'EOF'
member_id,year,org,ethnicity,voting,executive
b1,2024,M1,A,yes,yes
b2,2024,M1,H,no,yes
b3,2024,M1,,no,no
EOF
run_case "missing files" "$d" --org M1 --year 2024 --staff staff.csv \
    --applicants nosuch.csv --survey nosuch-survey.csv --board board.csv
run_case "staff only" "$d" --org M1 --year 2024 --staff staff.csv
run_case "board only" "$d" --org M1 --year 2024 --board board.csv
run_case "staff other year" "$d" --org M1 --year 2022 --staff staff.csv --board board.csv
run_case "directory as file" "$d" --org M1 --year 2024 --staff . --board board.csv

# --- bank: bank-only staff, rolling indicator 3 needs non-bank rows ---------
d=$E/bank; mkdir -p "$d"
cat >"$d/staff.csv" <<'EOF'
staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank
1,2024,K1,A,Band 5,clinical,yes,yes,yes
2,2024,K1,H,Band 5,clinical,no,yes,Y
3,2023,K1,A,Band 5,clinical,yes,no,
4,2023,K1,H,Band 6,clinical,yes,no,no
5,2023,K1,H,Band 6,clinical,no,no,no
6,2022,K1,A,Band 6,clinical,no,no,yes
1,2024,K2,A,Band 5,clinical,yes,yes,no
2,2024,K2,H,Band 5,clinical,yes,no,no
3,2024,K2,H,Band 7,medical,no,yes,no
1,2023,K2,A,Band 5,clinical,no,yes,yes
1,2024,K1,B,Band 5,clinical,no,no,no
EOF
cat >"$d/board.csv" <<'EOF'
member_id,year,org,ethnicity,voting,executive
b1,2024,K1,A,yes,no
b1,2024,K2,H,yes,no
b2,2024,K2,A,no,no
EOF
for y in 2022 2023 2024; do
    for o in K1 K2; do
        run_case "bank $o $y" "$d" --org "$o" --year "$y" --staff staff.csv --board board.csv
    done
done

# --- dialect: BOM, line endings, quoting, blank lines, row defects ---------
d=$E/dialect; mkdir -p "$d"
{
    printf '\357\273\277 Staff_ID , YEAR,org,"Ethnicity",BAND ,staff_group,Disciplinary,training,bank,,Notes,notes\r\n'
    printf 's1,2024,D1,A,5,clinical,,,,x,"quoted, with comma",y\r\n'
    printf '\r\n'
    printf '   \t  \n'
    printf 's2,2023/24,D1,"White - British",Band 5,"Nursing and\nMidwifery Registered",no,yes,no,,"multi\r\nline\rnote",\r'
    printf 's3,2024,D1, "N",band 6,M&D,1,0,0,,"say ""hi""",z\n'
    printf ',,,,,,,,,,,\n'
    printf 's4,2024,D1,A,5,clinical,,,,,"bad" x,\n'
    printf 's5,2024,D1,A,5,clinical,,,\n'
    printf 's6,2024,D1,A,5,clinical,,,,,%s,\n' "$long1025"
    printf 's7,2024,D1,A,%s,clinical,,,,,,\n' "$long1025"
    printf 's8,2024,D1,A,5,clinical,,,,,caf\377,\n'
    printf 's9,2024,D1,A\000,5,clinical,,,,,,\n'
    printf 's10,2024,D1,A,5,clinical,,,,,"  spaced  ",\n'
    printf 's11,2024,D1,A,5,clinical,,,,\377,"x"y,\n'
    printf 's12,2024,D1,A,5,clinical,,,,\377\n'
    printf 's13,2024,D1,"A"  ,5,clinical,,,,,"  %s  ",%s\n' "$long1024" "$long1024"
    printf 'o"brien,2024,D1,A,5,clinical,,,,,it"s,\n'
    printf '"s14" ,\t"2024"\t,D1,C,7,clinical,,,,,,\r\n'
    printf 's15,2024,D1,\303\251,5,clinical,,,,,,\n'
    printf 's16,2024,D1,H,5,clinical,,,,,caf\303\251,\n'
    printf 's17,2024,D1,H,5,clinical,,,,,"unterminated,\nstill inside\n'
    printf 's18,2024,D1,H,5,clinical,,,,,,\n'
} >"$d/staff.csv"
# CR-only file whose last line has no line ending
printf 'member_id,year,org,ethnicity,voting,executive\rb1,2024,D1,A,yes,no\r\rb2,2024,D1,H,no,yes\r\nb3,2024,D1,S,"yes",\t"no"  \n   \nb4,2024,D1,M,yes,yes' >"$d/board.csv"
# applicants with a quoted header and LF, a final line without newline
printf '"applicant_id","Shortlisted",ETHNICITY,year,org\na1,yes,A,2024,D1\na2,no,H,2024,D1\na3,1,H,2024,D1\na4,"y",,2024,D1' >"$d/applicants.csv"
run_case "dialect" "$d" --org D1 --year 2024 --staff staff.csv --board board.csv --applicants applicants.csv
run_case "dialect 2023" "$d" --org D1 --year 2023 --staff staff.csv --applicants applicants.csv

# --- vocab: ethnicity, band, staff group, yes/no, year, precedence ---------
d=$E/vocab; mkdir -p "$d"
{
    echo "staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank"
    n=0
    # ethnicity values (all on an accepted band and staff group)
    while IFS= read -r v; do
        n=$((n + 1))
        printf 'e%d,2024,V1,"%s",Band 5,clinical,,,\n' "$n" "$v"
    done <<'EOF'
a
A
r
99
z
Z
CA White English
C3 White Unspecified
LH Asian British
SC Filipino
ZZ Not Stated
NA Not applicable
99 Not known
N Black or Black British - African
A	White British
White – British
WHITE-IRISH
white - any other white background
Mixed - White and Black Caribbean
Mixed White and Black African
Asian Indian
Asian or Asian British – Any other Asian background
Black Caribbean
Black or Black British - Any other Black background
Other Chinese
Other Ethnic Groups - Any other ethnic group
Other Any other ethnic group
Mixed White and Asian
Mixed Any other mixed background
Asian Bangladeshi
Prefer not to say
not declared
Unknown
Not Known
NOT STATED
A1 Something
NA
NK
NS
N/A
BME
BAME
Black
White
-
?
I
I Something
AA
A- British
Mixed - White & Black African
Any other ethnic group
Asian British
White and Black Caribbean
O Other
99x
EOF
    # bands
    while IFS= read -r v; do
        n=$((n + 1))
        printf 'b%d,2024,V1,A,"%s",medical,,,\n' "$n" "$v"
    done <<'EOF'
Under Band 1
under-band-1
1
Band 7
AfC Band 8A
afc8b
Agenda for Change Band 8c
band8d
AFC 9
Band 9
VSM
Very Senior Manager
Consultant
Career Grade
Non-consultant career grade
NCCG
SAS
Trainee
Trainee Grade
trainee grades
Junior Doctor
Other
AfC band 2
agenda-for-change band 3
8
Band 8
Band 10
8e
b5
Band VSM
-
Band 0
AfCBand
Under Band 2
Band 1a
Consultants
EOF
    # staff groups
    while IFS= read -r v; do
        n=$((n + 1))
        printf 'g%d,2024,V1,H,Band 6,"%s",,,\n' "$n" "$v"
    done <<'EOF'
Non-Clinical
nonclinical
NON CLINICAL
Clinical
Clinical (non-medical)
Medical
Medical & Dental
M&D
m and d
Nursing & Midwifery Registered
Additional Clinical Services
Allied Health Professionals
Healthcare Scientists
Additional Professional Scientific & Technical
Add Prof Scientific and Technic
Students
Administrative & Clerical
Estates and Ancillary
Nursing
Admin
Medical and Dental Staff
Clinical non-medical staff
-
and
Student
EOF
    # yes/no
    while IFS= read -r v; do
        n=$((n + 1))
        printf 'y%d,2024,V1,C,Band 7,non-clinical,"%s","%s",\n' "$n" "$v" "$v"
    done <<'EOF'
Y
yes
TRUE
t
1
 No 
n
false
F
0
maybe
2
yes please
-
Never
EOF
    # years
    while IFS= read -r v; do
        n=$((n + 1))
        printf 'r%d,"%s",V1,A,Band 2,clinical,,,\n' "$n" "$v"
    done <<'EOF'
2024
2023/24
2023-24

2023/25
23/24
2024.0
FY2024
2101
1899
1899/00
2100
2099/00
2100/01
1999/00
 2024
20244
2023 /24
EOF
    # precedence and duplicates
    echo ",2024,V1,A,Band 99,clinical,,,"
    echo "p1,20x4,V1,BAME,Band 5,clinical,,,"
    echo "p2,2024,V1,BAME,Band 99,clinical,,,"
    echo "p3,2024,V1,A,,nonsense,,,"
    echo "p4,2024,V1,A,Band 5,,maybe,,"
    echo "p5,2024,V1,A,Band 5,clinical,maybe,never,"
    echo "p6,2024,V1,A,Band 5,clinical,,,bank"
    echo "e1,2024,V1,A,Band 99,clinical,,,"
    echo "p7,2024,V1,A,Band 5,clinical,,,"
    echo "p7,2024,V1,A,Band 99,clinical,,,"
    echo "p7,2024,V1,H,Band 5,clinical,,,"
    echo "p7,2023,V1,H,Band 5,clinical,,,"
    echo "p7,2024,V2,H,Band 5,clinical,,,"
    echo "p7,2024,v1,H,Band 5,clinical,,,"
    echo "p8,2024, V1 ,H,Band 5,clinical,,,"
    echo "p8,2024,V1,H,Band 5,clinical,,,"
    echo "P8,2024,V1,H,Band 5,clinical,,,"
} >"$d/staff.csv"
cat >"$d/applicants.csv" <<'EOF'
applicant_id,post_id,year,org,ethnicity,shortlisted,appointed
q1,P1,2024,V1,A,yes,yes
q1,P2,2024,V1,A,yes,no
q1,P1,2024,V1,H,yes,no
q2,,2024,V1,H,yes,yes
q2,,2024,V1,H,yes,yes
,P1,2024,V1,H,yes,yes
,P1,2024,V1,H,yes,yes
q3,P1,2024,V1,A,no,yes
q3,P1,2024,V1,A,no,no
q4,P1,2024,V1,A,,no
q5,P1,2024,V1,A,maybe,no
q6,P1,2024,V1,A,no,maybe
q7,P1,2024,V1,BME,no,yes
q8,P1,2024,V1,A,Never,
EOF
cat >"$d/board.csv" <<'EOF'
member_id,year,org,ethnicity,voting,executive
m1,2024,V1,A,yes,yes
m1,2024,V1,H,yes,yes
m2,2024,V1,H,,yes
m3,2024,V1,H,yes,
m4,2024,V1,H,maybe,no
m5,2024,V1,White,yes,no
,2024,V1,H,no,no
,2024,V1,H,no,no
m6,2024,V1,R,no,no
EOF
for c in 0.80 0.95; do
    run_case "vocab $c" "$d" --org V1 --year 2024 --confidence "$c" \
        --staff staff.csv --applicants applicants.csv --board board.csv
done
run_case "vocab 1900" "$d" --org V1 --year 1900 --staff staff.csv
run_case "vocab 2100" "$d" --org V1 --year 2100 --staff staff.csv
run_case "vocab org trimmed" "$d" --org " V1 " --year " 2023/24 " --staff staff.csv

# --- failed files: header problems -----------------------------------------
d=$E/fail; mkdir -p "$d"
printf 'staff_id,year,org,ethnicity,band,BAND,staff_group\n1,2024,F1,A,5,5,clinical\n' >"$d/dupcol.csv"
printf 'staff_id,year,org,ethnicity,band,Band\n1,2024,F1,A,5,5\n' >"$d/dupmiss.csv"
printf 'applicant_id,year,org,ethnicity,appointed\na,2024,F1,A,yes\n' >"$d/miss.csv"
printf 'respondent_id,year,org,ethnic\377ity\nr,2024,F1,A\n' >"$d/badutf8.csv"
printf '\357\273\277\n  \r\n\t\n' >"$d/blank.csv"
: >"$d/empty.csv"
printf 'member_id,"year,org,ethnicity,voting,executive\nm,2024,F1,A,yes,no\n' >"$d/unterm.csv"
printf 'member_id,"year"x,org,ethnicity,voting,executive\nm,2024,F1,A,yes,no\n' >"$d/badquote.csv"
printf 'year,org,group,indicator,yes,respondents\n2024,F1,white,5,1,2\n' >"$d/counts.csv"
printf 'staff_id,year,org,ethnicity,band,staff_group\n1,2024,F1,A,5,clinical\n' >"$d/staff.csv"
run_case "fail dupcol" "$d" --org F1 --year 2024 --staff dupcol.csv --applicants miss.csv \
    --survey badutf8.csv --survey-counts blank.csv --board unterm.csv
run_case "fail dup+missing" "$d" --org F1 --year 2024 --staff dupmiss.csv --survey-counts empty.csv \
    --board badquote.csv
run_case "fail all files" "$d" --org F1 --year 2024 --staff dupcol.csv --board unterm.csv

# --- noyear: no --year: latest year, no_year, empty year values ----------
d=$E/noyear; mkdir -p "$d"
cat >"$d/staff.csv" <<'EOF'
staff_id,year,org,ethnicity,band,staff_group,training
1,2022,N1,A,5,clinical,yes
2,2023,N1,H,5,clinical,no
3,,N1,H,5,clinical,yes
4,2021/22,N2,H,5,clinical,yes
EOF
cat >"$d/board.csv" <<'EOF'
member_id,org,ethnicity,voting,executive
b1,N1,A,yes,no
EOF
cat >"$d/survey_counts.csv" <<'EOF'
year,org,group,indicator,yes,respondents
2025,N9,white,5,1,2
EOF
run_case "noyear latest" "$d" --org N1 --staff staff.csv --board board.csv
run_case "noyear latest counts" "$d" --org N1 --staff staff.csv --survey-counts survey_counts.csv
run_case "noyear with year" "$d" --org N1 --year 2023 --staff staff.csv --board board.csv
run_case "noyear nothing" "$d" --board board.csv

# --- bytes: byte-length limit, strict UTF-8, NBSP, odd separators --------
d=$E/bytes; mkdir -p "$d"
e512=$("$PY" -c "print('\u00e9' * 512, end='')")
e513=$("$PY" -c "print('\u00e9' * 513, end='')")
{
    printf 'staff_id,year,org,ethnicity,band,staff_group,disciplinary,training,bank,note\n'
    printf 'm1,2024,Q,A,5,clinical,,,,%s\n' "$e512"
    printf 'm2,2024,Q,A,5,clinical,,,,%s\n' "$e513"
    printf 'm3,2024,Q,A,5,clinical,,,,\355\240\200\n'
    printf 'm4,2024,Q,A,5,clinical,,,,\300\200\n'
    printf 'm5,2024,Q,A,5,clinical,,,,\364\220\200\200\n'
    printf 'm6,2024,Q,A,5,clinical,,,,\360\237\230\200\n'
    printf 'm7,2024,Q,White\302\240British,5,clinical,,,,\r\r\n'
    printf 'm8,2024,Q,\302\240A,5,clinical,,,,\n'
    printf 'm9,2024,Q,H,Band-8-a,Medical/Dental,,,,\n'
    printf 'm10,2024,Q,A,5,non and clinical,Yes.,"  ",,\n'
    printf 'm11,2024,Q,099,5,clinical,,,,\n'
    printf 'm12,2024,Q,A,5,clinical,,,,a "b" c\n'
    printf 'm13,2024,Q,A,5,clinical,,,,"x\n\377y"\n'
    printf 'm15,2024,Q,A,5,clinical,,,,"a"b\n'
    printf 'm16,2024,Q,A,5,clinical,,,,\n'
    printf 'm17,\331\242\331\240\331\242\331\244,Q,A,5,clinical,,,,\n'
    printf 'm18,2024,Q,A,5,clinical,,,,\000\n'
    printf 'm20,2024,Q,A,5,clinical,,,,\n'
    printf '\n\n"m21",2024,Q,A,5,clinical,,,,""\n'
} >"$d/staff.csv"
printf 'band,band,\377\n' >"$d/h1.csv"
printf ',,,\n1,2,3,4\n' >"$d/h2.csv"
printf 'year,org,group,indicator,yes,respondents\n2024,Q,white,5,007,010\n2024,Q,bme,5,0,0\n2024,Q,bme,6,\331\243,5\n2024,Q,white,5,1 ,2\n' >"$d/sc.csv"
run_case "bytes" "$d" --org Q --year 2024 --staff staff.csv --applicants h2.csv --survey-counts sc.csv --board h1.csv

# --- deforg: no org column / empty org = the default organisation "" -------
d=$E/deforg; mkdir -p "$d"
cat >"$d/staff.csv" <<'EOF2'
staff_id,ethnicity,band,staff_group,disciplinary,training,bank
1,A,Band 5,clinical,no,yes,no
2,H,Band 5,clinical,yes,no,no
3,K,Band 8b,medical,no,yes,no
4,,Band 3,non-clinical,no,no,yes
EOF2
cat >"$d/board.csv" <<'EOF2'

  
member_id,year,org,ethnicity,voting,executive
b1,2024,,A,yes,yes
b2,2024,  ,H,yes,no
b3,2024,X,H,yes,no
b4,2024,,H,,no
EOF2
# header-only applicants file (no line ending), odd ignored column names
printf 'applicant_id,shortlisted,ethnicity' >"$d/applicants.csv"
printf 'respondent_id,  Localit\303\240  ,ethnicity,"Site ""A""", Harassment_Public ,x\n1,a,A,b,yes,c\n' >"$d/survey.csv"
run_case "deforg" "$d" --year 2024 --staff staff.csv --applicants applicants.csv --survey survey.csv --board board.csv
run_case "deforg X" "$d" --org X --year 2024 --staff staff.csv --board board.csv
for c in 0.5 0.999 0.6827; do
    run_case "deforg $c" "$d" --year 2024 --confidence "$c" --staff staff.csv --board board.csv
done
for c in 0.5 0.999; do
    # shellcheck disable=SC2086
    run_case "sample 2024 $c" "$SAMPLE" --org RXX --year 2024 --confidence "$c" $SAMPLE_FILES
done
# shellcheck disable=SC2086
run_case "sample default org" "$SAMPLE" --year 2024 $SAMPLE_FILES

if [ "$failures" -ne 0 ]; then
    echo "reference-check: $failures of $runs runs differ between wres-report and tests/reference.py"
    [ -n "${KEEP:-}" ] || echo "reference-check: rerun with KEEP=1 to keep the datasets in the temporary directory"
    exit 1
fi
echo "reference-check: $runs runs, wres-report agrees with the independent reference"
