#!/usr/bin/env python3
"""Independent reference implementation of the libwres WRES report.

Written from the specifications (DATA.md and INDICATORS.md) alone, with the
Python standard library only.  It is deliberately simple and slow: its only
job is to be an independent second opinion on the library's JSON report.

Report mode (the options of wres-report; the report is always JSON):

    reference.py [--staff F] [--applicants F] [--survey F] [--survey-counts F]
                 [--board F] [--org CODE] [--year Y] [--confidence C]
                 [--format json]

  Prints the JSON report on standard output and, on standard error, one line
  per rejected row `FILE:LINE: COLUMN: REASON` and one line per failed file
  `FILE: error: REASON`.  The exit status follows wres-report's (0, 1, 2, 3).

Comparison modes (used by tests/reference-check.sh):

    reference.py --compare REF.json LIB.json
        Same keys in the same order at every level, same nulls, same JSON
        types, integers equal, floats equal within relative 1e-9 (absolute
        1e-12 near 0).

    reference.py --compare-log REF.err LIB.err
        Every line of the library's standard error must start with the
        corresponding reference line followed by `: ` (the library adds a
        message), same number of lines, same order.  The programs' own
        diagnostics (`wres-report: ...`, `usage: ...`) are left out.
"""

import difflib

import json
import math
import statistics
import sys

def _library_version():
    """The version the report names: the header is its single source."""
    import os
    import re
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include", "wres.h")
    with open(header, encoding="utf-8") as f:
        m = re.search(r'#define WRES_VERSION_STRING "([^"]+)"', f.read())
    return m.group(1) if m else "?"


LIBRARY_VERSION = _library_version()


# ---------------------------------------------------------------------------
# Vocabularies (DATA.md)
# ---------------------------------------------------------------------------

REASONS = [
    "unterminated_quote", "bad_quote", "invalid_utf8", "field_count",
    "field_too_long", "missing_value", "unknown_ethnicity", "unknown_band",
    "unknown_staff_group", "invalid_yes_no", "invalid_year", "invalid_integer",
    "appointed_not_shortlisted", "yes_gt_respondents", "duplicate_id",
]

NATIONAL_CODES = "ABCDEFGHJKLMNPRSZ"

# code -> (description, WRES group, broad group)
ETHNIC_TABLE = [
    ("A", "White - British", "white", "White"),
    ("B", "White - Irish", "white", "White"),
    ("C", "White - Any other White background", "white", "White"),
    ("D", "Mixed - White and Black Caribbean", "bme", "Mixed"),
    ("E", "Mixed - White and Black African", "bme", "Mixed"),
    ("F", "Mixed - White and Asian", "bme", "Mixed"),
    ("G", "Mixed - Any other mixed background", "bme", "Mixed"),
    ("H", "Asian or Asian British - Indian", "bme", "Asian"),
    ("J", "Asian or Asian British - Pakistani", "bme", "Asian"),
    ("K", "Asian or Asian British - Bangladeshi", "bme", "Asian"),
    ("L", "Asian or Asian British - Any other Asian background", "bme", "Asian"),
    ("M", "Black or Black British - Caribbean", "bme", "Black"),
    ("N", "Black or Black British - African", "bme", "Black"),
    ("P", "Black or Black British - Any other Black background", "bme", "Black"),
    ("R", "Other Ethnic Groups - Chinese", "bme", "Other"),
    ("S", "Other Ethnic Groups - Any other ethnic group", "bme", "Other"),
    ("Z", "Not stated", "unknown", "Unknown"),
    ("99", "Not known", "unknown", "Unknown"),
]
CODE_GROUP = {code: grp for code, _d, grp, _b in ETHNIC_TABLE}

BAND_NAMES = (["Under Band 1"] + ["Band %d" % i for i in range(1, 8)]
              + ["Band 8a", "Band 8b", "Band 8c", "Band 8d", "Band 9", "VSM",
                 "Consultant", "Career grade", "Trainee", "Other"])
STAFF_GROUPS = ["non-clinical", "clinical", "medical"]


def normalise(text):
    """DATA.md: lower-case ASCII letters, every run of other characters
    (non-ASCII included) becomes one space, trim."""
    out = []
    pending_space = False
    for ch in text:
        if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
            if pending_space and out:
                out.append(" ")
            pending_space = False
            out.append(ch)
        elif "A" <= ch <= "Z":
            if pending_space and out:
                out.append(" ")
            pending_space = False
            out.append(chr(ord(ch) + 32))
        else:
            pending_space = True
    return "".join(out)


def _build_ethnic_descriptions():
    table = {}
    for code, desc, grp, broad in ETHNIC_TABLE:
        table[normalise(desc)] = grp
        if " - " in desc:
            sub = desc.split(" - ", 1)[1]
            table[normalise(broad + " " + sub)] = grp
    for unk in ("Not stated", "Not known", "Unknown", "Not declared",
                "Prefer not to say"):
        table[normalise(unk)] = "unknown"
    return table


ETHNIC_DESCRIPTIONS = _build_ethnic_descriptions()


def _is_ascii_alnum(ch):
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("0" <= ch <= "9")


def parse_ethnicity(value):
    """Return 'white', 'bme' or 'unknown', or None when not accepted.
    `value` is already trimmed; empty means unknown."""
    if value == "":
        return "unknown"
    up = value.upper()
    # 1. a national code alone, as written, any case
    if up == "99" or (len(up) == 1 and up in NATIONAL_CODES):
        return CODE_GROUP[up]
    # 2. ESR style: first word (up to the first space or tab) is a code, 99
    #    or a two-character local sub-code, followed by at least one more word
    cut = len(value)
    for i, ch in enumerate(value):
        if ch in " \t":
            cut = i
            break
    first, rest = value[:cut], value[cut:].strip(" \t")
    if rest:
        fu = first.upper()
        if fu == "99":
            return "unknown"
        if len(fu) == 1 and fu in NATIONAL_CODES:
            return CODE_GROUP[fu]
        if len(fu) == 2 and fu[0] in NATIONAL_CODES and _is_ascii_alnum(fu[1]):
            return CODE_GROUP[fu[0]]
    # 3. a description, its short form, or an unknown form, after normalising
    return ETHNIC_DESCRIPTIONS.get(normalise(value))


def _build_bands():
    table = {}
    numbered = {str(i): "Band %d" % i for i in range(1, 8)}
    numbered.update({"8" + s: "Band 8" + s for s in "abcd"})
    numbered["9"] = "Band 9"
    for prefix in ("", "agendaforchangeband", "afcband", "afc", "band"):
        for k, v in numbered.items():
            table[prefix + k] = v
    table["underband1"] = "Under Band 1"
    table["vsm"] = "VSM"
    table["veryseniormanager"] = "VSM"
    table["consultant"] = "Consultant"
    for k in ("careergrade", "nonconsultantcareergrade", "nccg", "sas"):
        table[k] = "Career grade"
    for k in ("trainee", "traineegrade", "traineegrades", "juniordoctor"):
        table[k] = "Trainee"
    table["other"] = "Other"
    return table


BANDS = _build_bands()


def parse_band(value):
    return BANDS.get(normalise(value).replace(" ", ""))


STAFF_GROUP_NAMES = {
    "non clinical": "non-clinical",
    "nonclinical": "non-clinical",
    "clinical": "clinical",
    "clinical non medical": "clinical",
    "medical": "medical",
    "medical dental": "medical",
    "m d": "medical",
    # ESR staff groups (after dropping the word "and")
    "nursing midwifery registered": "clinical",
    "additional clinical services": "clinical",
    "allied health professionals": "clinical",
    "healthcare scientists": "clinical",
    "additional professional scientific technical": "clinical",
    "add prof scientific technic": "clinical",
    "students": "clinical",
    "administrative clerical": "non-clinical",
    "estates ancillary": "non-clinical",
}


def parse_staff_group(value):
    words = [w for w in normalise(value).split(" ") if w and w != "and"]
    return STAFF_GROUP_NAMES.get(" ".join(words))


YES_WORDS = {"yes", "y", "true", "t", "1"}
NO_WORDS = {"no", "n", "false", "f", "0"}
HARASSMENT_YES = {"1 2", "3 5", "6 10", "more than 10"}
HARASSMENT_NO = {"never"}


def parse_yes_no(value, harassment=False, dont_know=False):
    """True / False, or None when not accepted (value is non-empty)."""
    v = normalise(value)
    if v in YES_WORDS:
        return True
    if v in NO_WORDS:
        return False
    if harassment:
        if v in HARASSMENT_YES:
            return True
        if v in HARASSMENT_NO:
            return False
    if dont_know and v == "don t know":
        return False
    return None


def _digits(s):
    return s != "" and all("0" <= c <= "9" for c in s)


def parse_year(value):
    """Reporting year or None (invalid)."""
    if len(value) == 4 and _digits(value):
        y = int(value)
    elif (len(value) == 7 and value[4] in "/-" and _digits(value[:4])
          and _digits(value[5:])):
        first = int(value[:4])
        if int(value[5:]) != (first + 1) % 100:
            return None
        y = first + 1
    else:
        return None
    if 1900 <= y <= 2100:
        return y
    return None


def parse_integer(value):
    if not _digits(value):
        return None
    v = int(value)
    if v > 2 ** 63 - 1:
        return None
    return v


SURVEY_COUNT_GROUPS = {"white": "white", "bme": "bme", "asian": "bme",
                       "black": "bme", "mixed": "bme", "other": "bme",
                       "unknown": "unknown"}
for _code, _d, _grp, _b in ETHNIC_TABLE:
    SURVEY_COUNT_GROUPS[_code.lower()] = _grp


# ---------------------------------------------------------------------------
# CSV reading (DATA.md, "CSV dialect")
# ---------------------------------------------------------------------------

class Record:
    __slots__ = ("line", "fields", "error", "raw")

    def __init__(self, line):
        self.line = line
        self.fields = []
        self.error = None
        self.raw = b""


def split_records(data):
    """Split bytes (BOM already removed) into records; blank lines skipped."""
    n = len(data)
    pos = 0
    line = 1
    records = []
    SPTAB = b" \t"
    while pos < n:
        j = pos
        while j < n and data[j] in SPTAB:
            j += 1
        if j >= n:
            break
        if data[j] in b"\r\n":  # blank line
            if data[j] == 13 and j + 1 < n and data[j + 1] == 10:
                j += 1
            pos = j + 1
            line += 1
            continue
        rec = Record(line)
        start = pos
        end_content = None
        while True:  # one field per iteration
            k = pos
            while k < n and data[k] in SPTAB:
                k += 1
            if k < n and data[k] == 34:  # quoted field
                buf = bytearray()
                k += 1
                closed = False
                while k < n:
                    c = data[k]
                    if c == 34:
                        if k + 1 < n and data[k + 1] == 34:
                            buf.append(34)
                            k += 2
                            continue
                        k += 1
                        closed = True
                        break
                    if c == 13:
                        if k + 1 < n and data[k + 1] == 10:
                            buf += b"\r\n"
                            k += 2
                        else:
                            buf.append(13)
                            k += 1
                        line += 1
                        continue
                    if c == 10:
                        line += 1
                    buf.append(c)
                    k += 1
                if not closed:
                    rec.error = "unterminated_quote"
                    rec.fields.append(bytes(buf).strip(SPTAB))
                    rec.raw = data[start:n]
                    pos = n
                    end_content = n
                    break
                while k < n and data[k] in SPTAB:
                    k += 1
                if not (k >= n or data[k] in b",\r\n"):
                    if rec.error is None:
                        rec.error = "bad_quote"
                    while k < n and data[k] not in b",\r\n":
                        buf.append(data[k])
                        k += 1
                rec.fields.append(bytes(buf).strip(SPTAB))
            else:
                s = k
                while k < n and data[k] not in b",\r\n":
                    k += 1
                rec.fields.append(data[s:k].strip(SPTAB))
            if k < n and data[k] == 44:
                pos = k + 1
                continue
            # end of the record
            end_content = k
            if k < n:
                if data[k] == 13 and k + 1 < n and data[k + 1] == 10:
                    k += 2
                else:
                    k += 1
                line += 1
            pos = k
            break
        if rec.raw == b"":
            rec.raw = data[start:end_content]
        records.append(rec)
    return records


def valid_utf8(raw):
    if b"\x00" in raw:
        return False
    try:
        raw.decode("utf-8", "strict")
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------------------
# Files and records
# ---------------------------------------------------------------------------

# kind -> list of (column, required column?)  in the order values are checked
COLUMNS = {
    "staff": [("staff_id", True), ("year", False), ("org", False),
              ("ethnicity", True), ("band", True), ("staff_group", True),
              ("disciplinary", False), ("training", False), ("bank", False)],
    "applicants": [("applicant_id", False), ("post_id", False),
                   ("year", False), ("org", False), ("ethnicity", True),
                   ("shortlisted", True), ("appointed", False)],
    "survey": [("respondent_id", False), ("year", False), ("org", False),
               ("ethnicity", True), ("harassment_public", False),
               ("harassment_staff", False), ("harassment_manager", False),
               ("harassment_colleague", False),
               ("equal_opportunities", False),
               ("discrimination_staff", False)],
    "survey_counts": [("year", False), ("org", False), ("group", True),
                      ("indicator", True), ("yes", True),
                      ("respondents", True)],
    "board": [("member_id", False), ("year", False), ("org", False),
              ("ethnicity", True), ("voting", True), ("executive", True)],
}

HARASSMENT_COLUMNS = ("harassment_public", "harassment_staff",
                      "harassment_manager", "harassment_colleague")


class Rejection(Exception):
    def __init__(self, column, reason):
        super().__init__(reason)
        self.column = column
        self.reason = reason


class FileResult:
    def __init__(self, path, kind):
        self.path = path
        self.kind = kind
        self.rows_read = 0
        self.rows_accepted = 0
        self.by_reason = {}
        self.error = None
        self.ignored = []
        self.columns = set()   # recognised columns present
        self.records = []      # accepted records (dicts)
        self.log = []          # stderr lines

    def reject(self, line, column, reason):
        self.by_reason[reason] = self.by_reason.get(reason, 0) + 1
        self.log.append("%s:%d: %s: %s" % (self.path, line, column, reason))

    def fail(self, reason):
        self.error = reason
        self.rows_read = 0
        self.rows_accepted = 0
        self.by_reason = {}
        self.ignored = []
        self.columns = set()
        self.records = []
        self.log = ["%s: error: %s" % (self.path, reason)]

    def json(self):
        rejected = sum(self.by_reason.values())
        return {
            "path": self.path,
            "kind": self.kind,
            "rows_read": self.rows_read,
            "rows_accepted": self.rows_accepted,
            "rows_rejected": rejected,
            "rejected_by_reason": {r: self.by_reason[r] for r in REASONS
                                   if r in self.by_reason},
            "error": self.error,
            "ignored_columns": list(self.ignored),
        }


def read_file(path, kind, default_year):
    res = FileResult(path, kind)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        res.fail("unreadable")
        return res
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    records = split_records(data)
    if not records:
        res.fail("no_header")
        return res
    header = records[0]
    if header.error is not None:
        res.fail(header.error)
        return res
    if not valid_utf8(header.raw):
        res.fail("invalid_utf8")
        return res
    spec = COLUMNS[kind]
    known = {c for c, _r in spec}
    names = [f.decode("utf-8") for f in header.fields]
    colindex = {}
    ignored = []
    for i, name in enumerate(names):
        key = name.encode("utf-8").lower().decode("utf-8")  # ASCII only
        if key in known:
            if key in colindex:
                res.fail("duplicate_column")
                return res
            colindex[key] = i
        else:
            ignored.append(name)
    for col, required in spec:
        if required and col not in colindex:
            res.fail("missing_column")
            return res
    if "year" not in colindex and default_year is None:
        res.fail("no_year")
        return res
    res.ignored = ignored
    res.columns = set(colindex)
    seen_ids = set()
    for rec in records[1:]:
        res.rows_read += 1
        if rec.error is not None:
            res.reject(rec.line, "-", rec.error)
            continue
        if not valid_utf8(rec.raw):
            res.reject(rec.line, "-", "invalid_utf8")
            continue
        if len(rec.fields) != len(names):
            res.reject(rec.line, "-", "field_count")
            continue
        too_long = None
        for i, f in enumerate(rec.fields):
            if len(f) > 1024:
                too_long = i
                break
        if too_long is not None:
            name = names[too_long]
            key = name.encode("utf-8").lower().decode("utf-8")
            column = key if key in colindex and colindex[key] == too_long \
                else name
            res.reject(rec.line, column, "field_too_long")
            continue
        values = {col: rec.fields[i].decode("utf-8")
                  for col, i in colindex.items()}
        try:
            row = check_row(kind, values, default_year)
            idkey = row.pop("_id", None)
            if idkey is not None:
                if idkey[1] in seen_ids:
                    raise Rejection(idkey[0], "duplicate_id")
                seen_ids.add(idkey[1])
        except Rejection as rj:
            res.reject(rec.line, rj.column, rj.reason)
            continue
        res.rows_accepted += 1
        res.records.append(row)
    return res


def _get(values, col):
    return values.get(col, "")


def _year(values, default_year):
    v = _get(values, "year")
    if v == "":
        if default_year is None:
            raise Rejection("year", "missing_value")
        return default_year
    y = parse_year(v)
    if y is None:
        raise Rejection("year", "invalid_year")
    return y


def _ethnicity(values, column="ethnicity"):
    g = parse_ethnicity(_get(values, column))
    if g is None:
        raise Rejection(column, "unknown_ethnicity")
    return g


def _required(values, col):
    v = _get(values, col)
    if v == "":
        raise Rejection(col, "missing_value")
    return v


def _yes_no(values, col, empty, harassment=False, dont_know=False):
    v = _get(values, col)
    if v == "":
        return empty
    r = parse_yes_no(v, harassment, dont_know)
    if r is None:
        raise Rejection(col, "invalid_yes_no")
    return r


def check_row(kind, values, default_year):
    row = {}
    if kind == "staff":
        sid = _required(values, "staff_id")
        row["year"] = _year(values, default_year)
        row["org"] = _get(values, "org")
        row["eth"] = _ethnicity(values)
        band = parse_band(_required(values, "band"))
        if band is None:
            raise Rejection("band", "unknown_band")
        row["band"] = band
        sg = parse_staff_group(_required(values, "staff_group"))
        if sg is None:
            raise Rejection("staff_group", "unknown_staff_group")
        row["group"] = sg
        row["disciplinary"] = _yes_no(values, "disciplinary", False)
        row["training"] = _yes_no(values, "training", False)
        row["bank"] = _yes_no(values, "bank", False)
        row["_id"] = ("staff_id", (row["org"], row["year"], sid))
    elif kind == "applicants":
        aid = _get(values, "applicant_id")
        post = _get(values, "post_id")
        row["year"] = _year(values, default_year)
        row["org"] = _get(values, "org")
        row["eth"] = _ethnicity(values)
        v = _required(values, "shortlisted")
        s = parse_yes_no(v)
        if s is None:
            raise Rejection("shortlisted", "invalid_yes_no")
        row["shortlisted"] = s
        row["appointed"] = _yes_no(values, "appointed", False)
        if row["appointed"] and not row["shortlisted"]:
            raise Rejection("appointed", "appointed_not_shortlisted")
        if aid != "":
            row["_id"] = ("applicant_id",
                          (row["org"], row["year"], post, aid))
    elif kind == "survey":
        rid = _get(values, "respondent_id")
        row["year"] = _year(values, default_year)
        row["org"] = _get(values, "org")
        row["eth"] = _ethnicity(values)
        ans = {}
        for col in HARASSMENT_COLUMNS:
            ans[col] = _yes_no(values, col, None, harassment=True)
        ans["equal_opportunities"] = _yes_no(values, "equal_opportunities",
                                             None, dont_know=True)
        ans["discrimination_staff"] = _yes_no(values, "discrimination_staff",
                                              None)
        six = ans["harassment_staff"]
        if six is None:
            m, c = ans["harassment_manager"], ans["harassment_colleague"]
            if m is not None or c is not None:
                six = bool(m) or bool(c)
        row["answers"] = {5: ans["harassment_public"], 6: six,
                          7: ans["equal_opportunities"],
                          8: ans["discrimination_staff"]}
        if rid != "":
            row["_id"] = ("respondent_id", (row["org"], row["year"], rid))
    elif kind == "survey_counts":
        row["year"] = _year(values, default_year)
        row["org"] = _get(values, "org")
        g = _required(values, "group")
        grp = SURVEY_COUNT_GROUPS.get(normalise(g))
        if grp is None:
            raise Rejection("group", "unknown_ethnicity")
        row["eth"] = grp
        ind = parse_integer(_required(values, "indicator"))
        if ind is None or not 5 <= ind <= 8:
            raise Rejection("indicator", "invalid_integer")
        row["indicator"] = ind
        yes = parse_integer(_required(values, "yes"))
        if yes is None:
            raise Rejection("yes", "invalid_integer")
        resp = parse_integer(_required(values, "respondents"))
        if resp is None:
            raise Rejection("respondents", "invalid_integer")
        if yes > resp:
            raise Rejection("yes", "yes_gt_respondents")
        row["yes"] = yes
        row["respondents"] = resp
    elif kind == "board":
        mid = _get(values, "member_id")
        row["year"] = _year(values, default_year)
        row["org"] = _get(values, "org")
        row["eth"] = _ethnicity(values)
        for col in ("voting", "executive"):
            v = _required(values, col)
            r = parse_yes_no(v)
            if r is None:
                raise Rejection(col, "invalid_yes_no")
            row[col] = r
        if mid != "":
            row["_id"] = ("member_id", (row["org"], row["year"], mid))
    return row


# ---------------------------------------------------------------------------
# Statistics (INDICATORS.md)
# ---------------------------------------------------------------------------

def z_value(c):
    return statistics.NormalDist().inv_cdf(1.0 - (1.0 - c) / 2.0)


def wilson(x, n, z):
    if n == 0:
        return None
    z2 = z * z
    centre = (x + z2 / 2.0) / (n + z2)
    half = z / (n + z2) * math.sqrt(x * (n - x) / n + z2 / 4.0)
    return (max(0.0, centre - half), min(1.0, centre + half))


def p_value(a, n1, b, n2):
    if n1 == 0 or n2 == 0:
        return None
    if a + b == 0 or a + b == n1 + n2:
        return 1.0
    ph = (a + b) / (n1 + n2)
    zz = (a / n1 - b / n2) / math.sqrt(ph * (1.0 - ph) * (1.0 / n1 + 1.0 / n2))
    return math.erfc(abs(zz) / math.sqrt(2.0))


def significant(p, c):
    if p is None:
        return None
    return p < 1.0 - c


def relative_likelihood(a, n1, b, n2, z):
    """(RL, ci, non_adverse) for (a/n1)/(b/n2)."""
    if n1 == 0 or n2 == 0 or b == 0:
        return None, None, None
    non_adverse = (4 * b * n1 <= 5 * a * n2) and (4 * a * n2 <= 5 * b * n1)
    if a == 0:
        return 0.0, None, non_adverse
    rl = (a / n1) / (b / n2)
    se = math.sqrt(1.0 / a - 1.0 / n1 + 1.0 / b - 1.0 / n2)
    lr = math.log(rl)
    return rl, [math.exp(lr - z * se), math.exp(lr + z * se)], non_adverse


def pct(count, total):
    if not total:
        return None
    return count / total * 100.0


# ---------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------

def rate_block(n, events, available=True):
    if not available:
        return {"n": None, "events": None, "rate": None}
    return {"n": n, "events": events, "rate": (events / n) if n else None}


def rl_indicator(first, second, z, c, available=True):
    """first/second: (n, events) of the numerator group and of the other.
    Returns white/bme blocks filled by the caller."""
    if not available:
        return {"relative_likelihood": None, "ci": None, "p_value": None,
                "significant": None, "non_adverse": None}
    n1, a = first
    n2, b = second
    rl, ci, na = relative_likelihood(a, n1, b, n2, z)
    p = p_value(a, n1, b, n2)
    return {"relative_likelihood": rl, "ci": ci, "p_value": p,
            "significant": significant(p, c), "non_adverse": na}


def rl_shape(white, bme, numerator, z, c, available=True):
    """white/bme: (n, events); numerator: 'white' or 'bme'."""
    out = {"white": rate_block(*white, available=available),
           "bme": rate_block(*bme, available=available)}
    if numerator == "white":
        out.update(rl_indicator(white, bme, z, c, available))
    else:
        out.update(rl_indicator(bme, white, z, c, available))
    return out


def survey_indicator(white, bme, z, c, available):
    """white/bme: (n, yes)."""
    if not available:
        blank = {"n": None, "yes": None, "pct": None, "ci": None}
        return {"available": False, "white": dict(blank), "bme": dict(blank),
                "difference": None, "difference_ci": None, "p_value": None,
                "significant": None}

    def block(n, yes):
        w = wilson(yes, n, z)
        return {"n": n, "yes": yes, "pct": pct(yes, n),
                "ci": [w[0] * 100.0, w[1] * 100.0] if w else None}

    n2, x2 = white
    n1, x1 = bme
    diff = diff_ci = None
    if n1 and n2:
        p1, p2 = x1 / n1, x2 / n2
        l1, u1 = wilson(x1, n1, z)
        l2, u2 = wilson(x2, n2, z)
        d = p1 - p2
        lower = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
        upper = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
        diff = d * 100.0
        diff_ci = [lower * 100.0, upper * 100.0]
    p = p_value(x1, n1, x2, n2)
    return {"available": True, "white": block(n2, x2), "bme": block(n1, x1),
            "difference": diff, "difference_ci": diff_ci, "p_value": p,
            "significant": significant(p, c)}


def group_counts(rows):
    w = sum(1 for r in rows if r["eth"] == "white")
    b = sum(1 for r in rows if r["eth"] == "bme")
    u = sum(1 for r in rows if r["eth"] == "unknown")
    return w, b, u


def counts_block(rows):
    w, b, u = group_counts(rows)
    t = w + b + u
    return {"white": w, "bme": b, "unknown": u, "total": t,
            "white_pct": pct(w, t), "bme_pct": pct(b, t),
            "unknown_pct": pct(u, t)}


def build_report(files, org, year, confidence):
    z = z_value(confidence)
    by_kind = {}
    for f in files:
        by_kind.setdefault(f.kind, []).append(f)

    def rows_of(kind, yr=year):
        out = []
        for f in by_kind.get(kind, []):
            out.extend(r for r in f.records
                       if r["org"] == org and r["year"] == yr)
        return out

    def has_column(kind, col, yr):
        # the (org, year) has staff rows that came from a file with `col`
        for f in by_kind.get(kind, []):
            if col in f.columns and any(r["org"] == org and r["year"] == yr
                                        for r in f.records):
                return True
        return False

    staff_all = rows_of("staff")
    staff = [r for r in staff_all if not r["bank"]]
    bank = len(staff_all) - len(staff)
    w, b, u = group_counts(staff)
    head = len(staff)
    dq = {
        "files": [f.json() for f in files],
        "staff_headcount": head,
        "bank_excluded": bank,
        "ethnicity_unknown": u,
        "declared_pct": pct(w + b, head),
    }

    ind = {}
    # --- 1
    if staff_all:
        rows = []
        for sg in STAFF_GROUPS:
            for band in BAND_NAMES:
                cell = [r for r in staff
                        if r["group"] == sg and r["band"] == band]
                if cell:
                    rows.append(dict({"staff_group": sg, "band": band},
                                     **_cnt(cell)))
        for sg in STAFF_GROUPS:
            cell = [r for r in staff if r["group"] == sg]
            if cell:
                rows.append(dict({"staff_group": sg, "band": "All"},
                                 **_cnt(cell)))
        for band in BAND_NAMES:
            cell = [r for r in staff if r["band"] == band]
            if cell:
                rows.append(dict({"staff_group": "all", "band": band},
                                 **_cnt(cell)))
        ind["1"] = {"available": True, "workforce": counts_block(staff),
                    "rows": rows}
    else:
        ind["1"] = {"available": False,
                    "workforce": {k: None for k in
                                  ("white", "bme", "unknown", "total",
                                   "white_pct", "bme_pct", "unknown_pct")},
                    "rows": []}

    # --- 2
    apps = rows_of("applicants")

    def ne(rows, eth, nkey, ekey):
        sel = [r for r in rows if r["eth"] == eth]
        return (sum(1 for r in sel if r[nkey]), sum(1 for r in sel if r[ekey]))

    a_av = bool(apps)
    ind["2"] = dict({"available": a_av},
                    **rl_shape(ne(apps, "white", "shortlisted", "appointed"),
                               ne(apps, "bme", "shortlisted", "appointed"),
                               "white", z, confidence, a_av))

    # --- 3
    def staff_ne(rows, eth, field):
        sel = [r for r in rows if r["eth"] == eth]
        return (len(sel), sum(1 for r in sel if r[field]))

    d_av = has_column("staff", "disciplinary", year)
    if d_av:
        single = rl_shape(staff_ne(staff, "white", "disciplinary"),
                          staff_ne(staff, "bme", "disciplinary"),
                          "bme", z, confidence)
        prev = [r for r in rows_of("staff", year - 1) if not r["bank"]]
        if staff and prev and has_column("staff", "disciplinary", year - 1):
            pooled_rows = staff + prev
            top = rl_shape(staff_ne(pooled_rows, "white", "disciplinary"),
                           staff_ne(pooled_rows, "bme", "disciplinary"),
                           "bme", z, confidence)
            years = [year - 1, year]
        else:
            top = single
            years = [year]
        ind["3"] = dict({"available": True, "years": years}, **top)
        ind["3"]["single_year"] = single
    else:
        blank = rl_shape((None, None), (None, None), "bme", z, confidence,
                         False)
        ind["3"] = dict({"available": False, "years": []}, **blank)
        ind["3"]["single_year"] = rl_shape((None, None), (None, None), "bme",
                                           z, confidence, False)

    # --- 4
    t_av = has_column("staff", "training", year)
    ind["4"] = dict({"available": t_av},
                    **rl_shape(staff_ne(staff, "white", "training"),
                               staff_ne(staff, "bme", "training"),
                               "white", z, confidence, t_av))

    # --- 5..8
    survey = rows_of("survey")
    counts = rows_of("survey_counts")
    for k in (5, 6, 7, 8):
        answered = [r for r in survey if r["answers"][k] is not None]
        crow = [r for r in counts if r["indicator"] == k]
        av = bool(answered) or bool(crow)
        tot = {}
        for eth in ("white", "bme"):
            n = sum(1 for r in answered if r["eth"] == eth)
            yes = sum(1 for r in answered if r["eth"] == eth
                      and r["answers"][k])
            n += sum(r["respondents"] for r in crow if r["eth"] == eth)
            yes += sum(r["yes"] for r in crow if r["eth"] == eth)
            tot[eth] = (n, yes)
        ind[str(k)] = survey_indicator(tot["white"], tot["bme"], z,
                                       confidence, av)

    # --- 9
    board = rows_of("board")
    if board:
        wf = pct(b, head)

        def part(rows):
            bw, bb, bu = group_counts(rows)
            t = bw + bb + bu
            bp = pct(bb, t)
            return {"white": bw, "bme": bb, "unknown": bu, "total": t,
                    "bme_pct": bp,
                    "difference": (bp - wf) if (bp is not None
                                                and wf is not None) else None}
        ind["9"] = {"available": True, "workforce_bme_pct": wf,
                    "board": part(board),
                    "voting": part([r for r in board if r["voting"]]),
                    "executive": part([r for r in board if r["executive"]])}
    else:
        blank = {k: None for k in ("white", "bme", "unknown", "total",
                                   "bme_pct", "difference")}
        ind["9"] = {"available": False, "workforce_bme_pct": None,
                    "board": dict(blank), "voting": dict(blank),
                    "executive": dict(blank)}

    return {
        "library": {"name": "libwres", "version": LIBRARY_VERSION},
        "org": org,
        "year": year,
        "confidence": confidence,
        "data_quality": dq,
        "indicators": ind,
    }


def _cnt(rows):
    return counts_block(rows)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------

FILE_OPTIONS = [("--staff", "staff"), ("--applicants", "applicants"),
                ("--survey", "survey"), ("--survey-counts", "survey_counts"),
                ("--board", "board")]


def usage(msg):
    sys.stderr.write("reference.py: %s\n" % msg)
    sys.exit(2)


def main_report(argv):
    opts = {}
    i = 0
    valid = {o for o, _k in FILE_OPTIONS} | {"--org", "--year",
                                             "--confidence", "--format"}
    while i < len(argv):
        a = argv[i]
        if a not in valid or i + 1 >= len(argv):
            usage("bad option %r" % a)
        opts[a] = argv[i + 1]
        i += 2
    if opts.get("--format", "json") != "json":
        usage("only --format json is supported")
    if not any(o in opts for o, _k in FILE_OPTIONS):
        usage("no input file")
    org = opts.get("--org", "").strip(" \t")
    year = None
    if "--year" in opts:
        year = parse_year(opts["--year"].strip(" \t"))
        if year is None:
            usage("bad --year")
    confidence = 0.95
    if "--confidence" in opts:
        try:
            confidence = float(opts["--confidence"])
        except ValueError:
            usage("bad --confidence")
        if not 0.0 < confidence < 1.0:
            usage("bad --confidence")
    files = []
    for opt, kind in FILE_OPTIONS:
        if opt in opts:
            files.append(read_file(opts[opt], kind, year))
    for f in files:
        for line in f.log:
            sys.stderr.write(line + "\n")
    failed = any(f.error is not None for f in files)
    rejected = any(f.by_reason for f in files)
    if year is None:
        years = [r["year"] for f in files for r in f.records]
        if years:
            year = max(years)
    if year is None:
        sys.exit(3 if failed else 2)
    report = build_report(files, org, year, confidence)
    sys.stdout.write(json.dumps(report, indent=2) + "\n")
    sys.exit(3 if failed else (1 if rejected else 0))


# ---------------------------------------------------------------------------
# Comparators
# ---------------------------------------------------------------------------

def _kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def compare_values(a, b, path, diffs):
    ka, kb = _kind(a), _kind(b)
    if ka != kb:
        diffs.append("%s: type %s (reference %s) vs %s (library %s)"
                     % (path, ka, json.dumps(a), kb, json.dumps(b)))
        return
    if ka == "object":
        if list(a) != list(b):
            diffs.append("%s: keys differ\n    reference: %s\n    library:   %s"
                         % (path, list(a), list(b)))
        for k in a:
            if k in b:
                compare_values(a[k], b[k], "%s.%s" % (path, k), diffs)
    elif ka == "array":
        if len(a) != len(b):
            diffs.append("%s: length %d (reference) vs %d (library)"
                         % (path, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            compare_values(x, y, "%s[%d]" % (path, i), diffs)
    elif ka == "float":
        scale = max(abs(a), abs(b))
        if abs(a - b) > max(1e-9 * scale, 1e-12) or math.isnan(a) \
                or math.isnan(b):
            diffs.append("%s: reference %r vs library %r" % (path, a, b))
    elif a != b:
        diffs.append("%s: reference %s vs library %s"
                     % (path, json.dumps(a), json.dumps(b)))


def main_compare(ref_path, lib_path):
    try:
        with open(ref_path, encoding="utf-8") as fh:
            ref = json.load(fh)
    except (OSError, ValueError) as e:
        print("reference output %s unreadable: %s" % (ref_path, e))
        return 1
    try:
        with open(lib_path, encoding="utf-8") as fh:
            lib = json.load(fh)
    except (OSError, ValueError) as e:
        print("library output %s is not valid JSON: %s" % (lib_path, e))
        return 1
    diffs = []
    compare_values(ref, lib, "$", diffs)
    for d in diffs:
        print("  " + d)
    return 1 if diffs else 0


def main_compare_log(ref_path, lib_path):
    with open(ref_path, encoding="utf-8", errors="replace") as fh:
        ref = fh.read().splitlines()
    with open(lib_path, encoding="utf-8", errors="replace") as fh:
        lib = fh.read().splitlines()
    # The programs' own diagnostics (usage, no reporting year) are not
    # rejection lines: compare only the FILE:LINE / FILE: error lines.
    ref = [x for x in ref if not x.startswith(("reference.py: ",))]
    lib = [x for x in lib
           if not x.startswith(("wres-report: ", "usage: ", " "))]
    # Reduce each library line to the reference line it extends, when there
    # is one, then diff the two sequences.
    refset = set(ref)
    reduced = []
    for g in lib:
        key = g
        pos = g.find(": ")
        while pos >= 0:
            if g[:pos] in refset:
                key = g[:pos]
                break
            pos = g.find(": ", pos + 1)
        reduced.append(key)
    if reduced == ref:
        return 0
    diff = difflib.unified_diff(ref, reduced, "reference", "library",
                                lineterm="", n=1)
    for d in diff:
        print("    " + d)
    return 1


def main(argv):
    if argv[:1] == ["--compare"] and len(argv) == 3:
        return main_compare(argv[1], argv[2])
    if argv[:1] == ["--compare-log"] and len(argv) == 3:
        return main_compare_log(argv[1], argv[2])
    main_report(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
