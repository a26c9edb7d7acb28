"""wres - the whole libwres API from Python, through ctypes.

libwres computes the NHS Workforce Race Equality Standard (WRES) indicators
from a trust's staff records.  This module wraps every function of
``wres.h`` with the Python 3 standard library only (no compiler, no
third-party package):

    import wres

    with wres.Context(confidence=0.9) as ctx:
        ctx.ingest_file("staff", "staff.csv")
        for r in ctx.rejections():
            print(r.file, r.line, r.column, r.reason, r.message)
        with ctx.report("RXX", 2024) as report:
            print(report.get(4, "", "", "relative_likelihood"))
            data = report.to_dict()        # the JSON contract as a dict
            for figure in report:          # every figure, in report order
                print(figure)

Finding the library
    The shared library is taken from the environment variable
    ``WRES_LIBRARY`` (a path such as ``build/libwres.so.1.0.0``) when it is
    set, otherwise from the loader's search path:
    ``ctypes.util.find_library("wres")``, then ``libwres.so.1``.  The module
    refuses a library whose major version is not 1.

Handles
    `Context`, `Record`, `Report` and `Cursor` own one C handle each.  Free
    them deterministically with ``with`` blocks or ``close()``; ``__del__``
    is only a safety net.  ``close()`` may be called more than once.  A
    `Record` keeps its `Context` alive and a `Cursor` keeps its `Report`
    alive; once the parent is closed, using the child raises `Closed`
    (closing the child is still allowed).  A `Report` is a snapshot that
    holds no reference to its context (as in C): it stays usable after the
    context is closed.  As in C, one handle and everything made from it
    must be used by one thread at a time.

Strings
    Strings go in as UTF-8 (``str`` is encoded, ``bytes`` are passed as
    they are; paths may also be ``os.PathLike``); an embedded NUL raises
    `Invalid`.  Strings come out as ``str`` decoded from UTF-8 with
    ``errors="replace"``; the calls that return paths or messages accept
    ``raw=True`` to get the exact bytes instead.

Errors
    A failing call raises `Error` (or a subclass), with ``.status`` (the
    ``wres_status`` number, a `Status` when known) and ``.message`` (the
    handle's ``wres_errmsg`` when the call leaves one there, otherwise the
    ``wres_strerror`` text).  Subclasses: `Invalid` (also a ValueError;
    `Closed` is one), `NoMemory` (also a MemoryError), `FileError` with
    `ReadError` and `FormatError`, `Rejected`, `NotFound` (also a
    LookupError), `RangeError` (also a ValueError) and `OptionError`.
    ``WRES_DONE`` and ``WRES_NULL`` are not errors: iteration ends, and a
    null figure is ``None``.

The C functions and their Python counterparts
    =============================  ==========================================
    wres_version                   version(), version_info()
    wres_version_string            version_string()
    wres_strerror                  strerror(status)
    wres_reason_name               reason_name(reason)
    wres_kind_name                 kind_name(kind)
    wres_ctx_new / wres_ctx_free   Context(...), Context.close()
    wres_errmsg                    Context.errmsg()
    wres_ctx_set_double            Context.set_double(), .confidence
    wres_ctx_set_int               Context.set_int(), .default_year,
                                   .publish, .suppress_max, .round_base
    wres_ctx_set_string            Context.set_string(), .default_org
    wres_ingest_file               Context.ingest_file()
    wres_ingest_buffer             Context.ingest_buffer()
    wres_record_new / _free        Context.record(), Record.close()
    wres_record_set                Record.set(), record[column] = value
    wres_record_set_int            Record.set_int()
    wres_record_add                Record.add(), Context.add_record()
    wres_file_count                Context.file_count()
    wres_file_get                  Context.file(), Context.files()
    wres_file_reason_count         Context.file_reason_count()
    wres_file_ignored_column       Context.file_ignored_column()
    wres_rejection_count           Context.rejection_count()
    wres_rejection_get             Context.rejection(), Context.rejections()
    wres_latest_year               Context.latest_year()
    wres_period_count              Context.periods()
    wres_ctx_set_progress          Context.set_progress()
    wres_staff_batch               Context.staff_batch()
    wres_ctx_add_breakdown         Context.add_breakdown()
    wres_period_get                Context.periods()
    wres_summary_save              Context.save_summary()
    wres_summary_save_buffer       Context.summary()
    wres_summary_load              Context.load_summary()
    wres_summary_load_buffer       Context.load_summary_buffer()
    wres_report_new / _free        Context.report(), Report.close()
    wres_report_render             Report.render(), .render_bytes(),
                                   .json(), .text(), .csv(), .to_dict()
    wres_report_get                Report.get()
    wres_cursor_new / _free        Report.cursor(), Cursor(report),
                                   Cursor.close(); iter(report)
    wres_cursor_next               Cursor.advance(), next(cursor)
    wres_cursor_indicator ...      Cursor.indicator(), .part(), .group(),
    wres_cursor_int                .measure(), .type(), .double(), .int(),
                                   .value(), .figure()
    wres_report_new_aggregate      Context.aggregate()
    wres_screen_new / _free        Context.screen(), Screen(ctx),
                                   Screen.close()
    wres_screen_render             Screen.render(), .render_bytes(), .json(),
                                   .text(), .csv(), .to_dict()
    wres_screen_span               Screen.span()
    wres_screen_count              Screen.count()
    wres_screen_org                Screen.orgs()
    wres_screen_result             Screen.result()
    wres_grouping_name             grouping_name()
    =============================  ==========================================

Model Employer targets are options: ``Context.targets``,
``.target_share`` and ``.target_year`` (``WRES_OPT_TARGETS``,
``WRES_OPT_TARGET_SHARE``, ``WRES_OPT_TARGET_YEAR``).

The prototyped ctypes library itself is ``wres.lib``.
"""

import collections
import ctypes
import ctypes.util
import enum
import json
import operator
import os

__all__ = [
    "Status", "Kind", "Option", "Reason", "Format", "Type",
    "Grouping", "Comparison", "ScreenList", "Screen", "ScreenResult",
    "grouping_name",
    "Error", "Invalid", "Closed", "NoMemory", "FileError", "ReadError",
    "FormatError", "Rejected", "NotFound", "RangeError", "OptionError",
    "version", "version_info", "version_string", "strerror", "reason_name",
    "kind_name", "Context", "Record", "Report", "Cursor",
    "FileInfo", "Rejection", "Figure", "lib", "library_path",
]


# ---------------------------------------------------------------------------
# The enums of wres.h

class Status(enum.IntEnum):
    """The status codes of ``enum wres_status`` (frozen numbers)."""
    OK = 0
    DONE = 1
    NULL = 2
    E_INVALID = -1
    E_NOMEM = -2
    E_IO = -3
    E_FORMAT = -4
    E_REJECTED = -5
    E_NOTFOUND = -6
    E_RANGE = -7
    E_OPTION = -8


class Kind(enum.IntEnum):
    """The five record kinds of ``enum wres_kind``."""
    STAFF = 1
    APPLICANTS = 2
    SURVEY = 3
    SURVEY_COUNTS = 4
    BOARD = 5


class Option(enum.IntEnum):
    """The options of a handle (``enum wres_option``)."""
    CONFIDENCE = 1
    DEFAULT_YEAR = 2
    DEFAULT_ORG = 3
    GROUPS = 4              # since 1.2
    TREND = 5
    LOW_EVENTS = 6
    LOW_PEOPLE = 7
    SERVICE_BANDS = 8
    TARGETS = 9
    TARGET_SHARE = 10
    TARGET_YEAR = 11
    PUBLISH = 12
    SUPPRESS_MAX = 13
    ROUND_BASE = 14


class Reason(enum.IntEnum):
    """Rejection reasons and file failures (``enum wres_reason``)."""
    NONE = 0
    UNTERMINATED_QUOTE = 1
    BAD_QUOTE = 2
    INVALID_UTF8 = 3
    FIELD_COUNT = 4
    FIELD_TOO_LONG = 5
    MISSING_VALUE = 6
    UNKNOWN_ETHNICITY = 7
    UNKNOWN_BAND = 8
    UNKNOWN_STAFF_GROUP = 9
    INVALID_YES_NO = 10
    INVALID_YEAR = 11
    INVALID_INTEGER = 12
    APPOINTED_NOT_SHORTLISTED = 13
    YES_GT_RESPONDENTS = 14
    DUPLICATE_ID = 15
    UNREADABLE = 16
    NO_HEADER = 17
    DUPLICATE_COLUMN = 18
    MISSING_COLUMN = 19
    NO_YEAR = 20


class Format(enum.IntEnum):
    """The output formats of a report (``enum wres_format``)."""
    JSON = 1
    TEXT = 2
    CSV = 3
    HTML = 4    # since 1.2


class Type(enum.IntEnum):
    """The type of a figure seen through a cursor (``enum wres_type``)."""
    NULL = 0
    INT = 1
    DOUBLE = 2
    BOOL = 3


class Grouping(enum.IntEnum):
    """The screening's groupings of indicators (``enum wres_grouping``)."""
    STAFF_DISCRIMINATION = 1
    EQUAL_OPPORTUNITY = 2
    OTHER_DISCRIMINATION = 3
    DISCIPLINARY = 4


class Comparison(enum.IntEnum):
    """An organisation against the others (``enum wres_comparison``)."""
    NONE = 0
    BETTER = 1
    SIMILAR = 2
    WORSE = 3


class ScreenList(enum.IntEnum):
    """The lists of organisations of a screening (``enum
    wres_screen_list``)."""
    PASS_YEAR = 1
    PASS_EVERY_YEAR = 2
    TOWARDS_EQUALITY = 3


# The C names without their WRES_ prefix, for code that mirrors C:
# wres.OK, wres.E_NOTFOUND, wres.KIND_STAFF, wres.OPT_CONFIDENCE,
# wres.REASON_NO_YEAR, wres.FORMAT_JSON, wres.TYPE_BOOL.
for _enum, _prefix in ((Status, ""), (Kind, "KIND_"), (Option, "OPT_"),
                       (Reason, "REASON_"), (Format, "FORMAT_"),
                       (Type, "TYPE_"), (Grouping, "GROUPING_"),
                       (Comparison, "CMP_"), (ScreenList, "SCREEN_")):
    for _member in _enum:
        globals()[_prefix + _member.name] = _member
del _enum, _prefix, _member

_INT_MIN = -(1 << 31)
_INT_MAX = (1 << 31) - 1
_I64_MIN = -(1 << 63)
_I64_MAX = (1 << 63) - 1
_SIZE_MAX = (1 << (8 * ctypes.sizeof(ctypes.c_size_t))) - 1


# ---------------------------------------------------------------------------
# Loading the library and declaring every prototype

class _CtxS(ctypes.Structure):
    pass


class _RecordS(ctypes.Structure):
    pass


class _ReportS(ctypes.Structure):
    pass


class _CursorS(ctypes.Structure):
    pass


class _ScreenS(ctypes.Structure):
    pass


_CtxP = ctypes.POINTER(_CtxS)
_RecordP = ctypes.POINTER(_RecordS)
_ReportP = ctypes.POINTER(_ReportS)
_CursorP = ctypes.POINTER(_CursorS)
_ScreenP = ctypes.POINTER(_ScreenS)

_c_int = ctypes.c_int
_c_i64 = ctypes.c_int64
# wres_progress_fn: void (*)(void *user, int64_t done, int64_t total, int64_t rows)
_ProgressFn = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int64,
                               ctypes.c_int64, ctypes.c_int64)
_c_size = ctypes.c_size_t
_c_str = ctypes.c_char_p
_P = ctypes.POINTER

_PROTOTYPES = (
    ("wres_version", ctypes.c_uint32, []),
    ("wres_version_string", _c_str, []),
    ("wres_strerror", _c_str, [_c_int]),
    ("wres_reason_name", _c_str, [_c_int]),
    ("wres_kind_name", _c_str, [_c_int]),
    ("wres_ctx_new", _c_int, [_P(_CtxP)]),
    ("wres_ctx_free", None, [_CtxP]),
    ("wres_errmsg", _c_str, [_CtxP]),
    ("wres_ctx_set_double", _c_int, [_CtxP, _c_int, ctypes.c_double]),
    ("wres_ctx_set_int", _c_int, [_CtxP, _c_int, _c_i64]),
    ("wres_ctx_set_string", _c_int, [_CtxP, _c_int, _c_str]),
    ("wres_ingest_file", _c_int, [_CtxP, _c_int, _c_str]),
    ("wres_ingest_buffer", _c_int, [_CtxP, _c_int, _c_str, _c_str, _c_size]),
    ("wres_record_new", _c_int, [_CtxP, _c_int, _c_str, _P(_RecordP)]),
    ("wres_record_free", None, [_RecordP]),
    ("wres_record_set", _c_int, [_RecordP, _c_str, _c_str]),
    ("wres_record_set_int", _c_int, [_RecordP, _c_str, _c_i64]),
    ("wres_record_add", _c_int, [_RecordP]),
    ("wres_file_count", _c_size, [_CtxP]),
    ("wres_file_get", _c_int, [_CtxP, _c_size, _P(_c_str), _P(_c_int),
                               _P(_c_i64), _P(_c_i64), _P(_c_i64),
                               _P(_c_int)]),
    ("wres_file_reason_count", _c_int, [_CtxP, _c_size, _c_int, _P(_c_i64)]),
    ("wres_file_ignored_column", _c_int, [_CtxP, _c_size, _c_size,
                                          _P(_c_str)]),
    ("wres_rejection_count", _c_size, [_CtxP]),
    ("wres_rejection_get", _c_int, [_CtxP, _c_size, _P(_c_str), _P(_c_i64),
                                    _P(_c_str), _P(_c_int), _P(_c_str)]),
    ("wres_latest_year", _c_int, [_CtxP, _P(_c_i64)]),
    ("wres_period_count", _c_size, [_CtxP]),
    ("wres_ctx_set_progress", _c_int, [_CtxP, _ProgressFn, ctypes.c_void_p]),
    ("wres_ctx_add_breakdown", _c_int, [_CtxP, _c_str]),
    ("wres_staff_batch", _c_int, [_CtxP, _c_str, _c_str, _c_size,
                                  _P(ctypes.c_int32), _P(_c_str),
                                  _P(ctypes.c_uint8), _P(ctypes.c_uint8),
                                  _P(ctypes.c_uint8), _P(ctypes.c_uint8),
                                  _P(ctypes.c_uint8), _P(ctypes.c_uint8)]),
    ("wres_period_get", _c_int, [_CtxP, _c_size, _P(_c_str), _P(_c_i64)]),
    ("wres_summary_save", _c_int, [_CtxP, _c_str]),
    ("wres_summary_save_buffer", _c_int, [_CtxP, _P(ctypes.c_void_p),
                                          _P(_c_size)]),
    ("wres_summary_load", _c_int, [_CtxP, _c_str]),
    ("wres_summary_load_buffer", _c_int, [_CtxP, _c_str, _c_str, _c_size]),
    ("wres_report_new", _c_int, [_CtxP, _c_str, _c_i64, _P(_ReportP)]),
    ("wres_report_free", None, [_ReportP]),
    ("wres_report_render", _c_int, [_ReportP, _c_int,
                                    _P(ctypes.c_void_p), _P(_c_size)]),
    ("wres_report_get", _c_int, [_ReportP, _c_int, _c_str, _c_str, _c_str,
                                 _P(ctypes.c_double)]),
    ("wres_cursor_new", _c_int, [_ReportP, _P(_CursorP)]),
    ("wres_cursor_free", None, [_CursorP]),
    ("wres_cursor_next", _c_int, [_CursorP]),
    ("wres_cursor_indicator", _c_int, [_CursorP]),
    ("wres_cursor_part", _c_str, [_CursorP]),
    ("wres_cursor_group", _c_str, [_CursorP]),
    ("wres_cursor_measure", _c_str, [_CursorP]),
    ("wres_cursor_type", _c_int, [_CursorP]),
    ("wres_cursor_double", ctypes.c_double, [_CursorP]),
    ("wres_cursor_int", _c_i64, [_CursorP]),
    ("wres_report_new_aggregate", _c_int, [_CtxP, _c_i64, _P(_ReportP)]),
    ("wres_screen_new", _c_int, [_CtxP, _P(_ScreenP)]),
    ("wres_screen_free", None, [_ScreenP]),
    ("wres_screen_render", _c_int, [_ScreenP, _c_int, _P(ctypes.c_void_p),
                                    _P(_c_size)]),
    ("wres_screen_span", _c_int, [_ScreenP, _P(_c_i64), _P(_c_i64),
                                  _P(_c_size)]),
    ("wres_screen_count", _c_int, [_ScreenP, _c_int, _c_int, _c_i64,
                                   _P(_c_size)]),
    ("wres_screen_org", _c_int, [_ScreenP, _c_int, _c_int, _c_i64, _c_size,
                                 _P(_c_str)]),
    ("wres_screen_result", _c_int, [_ScreenP, _c_str, _c_i64, _c_int,
                                    _P(_c_int), _P(_c_int), _P(_c_int)]),
    ("wres_grouping_name", _c_str, [_c_int]),
)


def _load_library():
    env = os.environ.get("WRES_LIBRARY")
    if env:
        try:
            return ctypes.CDLL(env), env
        except OSError as e:
            raise ImportError("wres: cannot load WRES_LIBRARY=%s: %s"
                              % (env, e))
    tried = []
    for name in (ctypes.util.find_library("wres"), "libwres.so.1"):
        if not name or name in tried:
            continue
        tried.append(name)
        try:
            return ctypes.CDLL(name), name
        except OSError:
            pass
    raise ImportError("wres: cannot find libwres (tried %s); set WRES_LIBRARY "
                      "to the path of libwres.so" % ", ".join(tried))


def _declare(cdll):
    for name, restype, argtypes in _PROTOTYPES:
        try:
            fn = getattr(cdll, name)
        except AttributeError:
            raise ImportError("wres: %s lacks %s(); is it libwres 1.x?"
                              % (library_path, name))
        fn.restype = restype
        fn.argtypes = argtypes


lib, library_path = _load_library()
_declare(lib)
if lib.wres_version() >> 16 != 1:
    raise ImportError("wres: %s is libwres %s; this binding needs 1.x"
                      % (library_path, lib.wres_version_string().decode()))


# ---------------------------------------------------------------------------
# Conversions

def _dec(b, raw=False):
    """bytes (or None) from C -> str (or the bytes themselves when raw)."""
    if b is None or raw:
        return b
    return b.decode("utf-8", "replace")


def _enc(s, what):
    """A Python string argument -> NUL-free bytes for a const char *."""
    if s is None:
        return None
    if isinstance(s, str):
        b = s.encode("utf-8", "surrogateescape")
    elif isinstance(s, (bytes, bytearray, memoryview)):
        b = bytes(s)
    else:
        raise TypeError("%s must be str or bytes, not %s"
                        % (what, type(s).__name__))
    if b"\0" in b:
        raise Invalid(Status.E_INVALID, "%s holds a NUL character" % what)
    return b


def _path(p, what="path"):
    """str, bytes or os.PathLike -> bytes (os.fsencode)."""
    p = os.fspath(p)
    return _enc(os.fsencode(p) if isinstance(p, str) else p, what)


def _cint(v):
    """An int argument, or INT_MIN (never valid) when it does not fit."""
    v = operator.index(v)
    return v if _INT_MIN <= v <= _INT_MAX else _INT_MIN


def _i64(v):
    v = operator.index(v)
    return v if _I64_MIN <= v <= _I64_MAX else _I64_MIN


def _status(rv):
    try:
        return Status(rv)
    except ValueError:
        return rv


def _named(enum_cls, v, what):
    """An enum argument given as a member, an int or a (case-free) name."""
    if isinstance(v, str):
        key = v.strip().upper().replace("-", "_")
        try:
            return enum_cls[key]
        except KeyError:
            raise Invalid(Status.E_INVALID, "unknown %s: %r" % (what, v))
    return _cint(v)


def _kind(k):
    return _named(Kind, k, "record kind")


# ---------------------------------------------------------------------------
# Errors

class Error(Exception):
    """A libwres call failed.

    ``status`` is the ``wres_status`` code (a `Status` when known) and
    ``message`` the library's message for it: the handle's ``wres_errmsg``
    when the call leaves one there, otherwise the ``wres_strerror`` text.
    """

    def __init__(self, status, message=None):
        self.status = _status(status)
        self.message = message or strerror(status)
        super(Error, self).__init__(self.message)

    def __str__(self):
        return self.message

    @property
    def strerror(self):
        """The ``wres_strerror`` text of the status."""
        return strerror(self.status)


class Invalid(Error, ValueError):
    """WRES_E_INVALID: a bad argument (unknown kind or format, NUL...)."""


class Closed(Invalid):
    """A handle, or the parent it was made from, has been closed."""


class NoMemory(Error, MemoryError):
    """WRES_E_NOMEM: out of memory; the handle is unchanged."""


class FileError(Error):
    """A file or buffer failed as a whole (`ReadError` or `FormatError`).

    ``source`` is the `FileInfo` of the failed source, which the library
    lists with its reason (``source.error``) and all counts 0.
    """
    source = None


class ReadError(FileError):
    """WRES_E_IO: a file could not be read (reason ``unreadable``)."""


class FormatError(FileError):
    """WRES_E_FORMAT: a file or buffer failed as a whole."""


class Rejected(Error):
    """WRES_E_REJECTED: an API record was rejected.

    ``rejection`` is its `Rejection`, also listed by
    `Context.rejections`.
    """
    rejection = None


class NotFound(Error, LookupError):
    """WRES_E_NOTFOUND: no such figure, or no reporting year."""


class RangeError(Error, ValueError):
    """WRES_E_RANGE: a value outside its allowed range."""


class OptionError(Error):
    """WRES_E_OPTION: unknown option, or the wrong type for it."""


_ERRORS = {
    Status.E_INVALID: Invalid,
    Status.E_NOMEM: NoMemory,
    Status.E_IO: ReadError,
    Status.E_FORMAT: FormatError,
    Status.E_REJECTED: Rejected,
    Status.E_NOTFOUND: NotFound,
    Status.E_RANGE: RangeError,
    Status.E_OPTION: OptionError,
}


def _error(status, message=None):
    return _ERRORS.get(status, Error)(status, message)


# ---------------------------------------------------------------------------
# Versions and names

def version():
    """The packed version of the running library: (MAJOR<<16)|(MINOR<<8)|PATCH."""
    return lib.wres_version()


def version_info():
    """The version of the running library as a tuple (major, minor, patch)."""
    v = lib.wres_version()
    return (v >> 16, (v >> 8) & 0xff, v & 0xff)


def version_string():
    """The version of the running library as text, such as ``"1.0.0"``."""
    return _dec(lib.wres_version_string())


def strerror(status):
    """The short English text of a status code (``"unknown status"`` if none)."""
    return _dec(lib.wres_strerror(_cint(status)))


def reason_name(reason):
    """The stable name of a reason (``"unknown_band"``), or None outside 1..20."""
    return _dec(lib.wres_reason_name(_cint(reason)))


def kind_name(kind):
    """The name of a record kind (``"staff"``), or None for another number."""
    return _dec(lib.wres_kind_name(_cint(kind)))


# ---------------------------------------------------------------------------
# What was read

class FileInfo(collections.namedtuple(
        "FileInfo", "index path kind rows_read rows_accepted rows_rejected "
                    "error ignored_columns rejected_by_reason kind_code "
                    "error_code")):
    """One source of a context (a file, buffer or API source).

    ``path`` the path or name as given; ``kind`` the kind's name
    (``"staff"``); the three row counts; ``error`` the name of the reason
    the file failed as a whole, or None; ``ignored_columns`` a list of
    names; ``rejected_by_reason`` a dict from reason name to count, with
    only the reasons that occurred (as in the JSON report); ``kind_code``
    and ``error_code`` the numbers (a `Kind`, a `Reason`); ``index`` the
    source's number.
    """
    __slots__ = ()


class Rejection(collections.namedtuple(
        "Rejection", "file line column reason message code")):
    """One rejected row or API record.

    ``file`` the source's path or name, ``line`` its physical line (an API
    record's number), ``column`` the column at fault or ``"-"``, ``reason``
    the reason's name (``"unknown_band"``), ``message`` the explanation and
    ``code`` the reason's number (a `Reason`).  ``str()`` gives the line
    ``FILE:LINE: COLUMN: REASON: message`` of wres-report.
    """
    __slots__ = ()

    def __str__(self):
        def s(v):
            return _dec(v) if isinstance(v, bytes) else v
        return "%s:%d: %s: %s: %s" % (s(self.file), self.line, s(self.column),
                                      self.reason, s(self.message))


class Figure(collections.namedtuple(
        "Figure", "indicator part group measure value")):
    """One figure of a report: its four names and its value (int, float,
    bool or None)."""
    __slots__ = ()


def _reason_enum(r):
    try:
        return Reason(r)
    except ValueError:
        return r


# ---------------------------------------------------------------------------
# The handle

class _Handle(object):
    """What every handle class shares: freeing once (``close``, also on
    ``with`` exit and, as a safety net, on garbage collection).  A subclass
    sets ``_ptr`` and ``_free`` and defines ``_check``."""

    def close(self):
        """Free the handle; closing twice does nothing."""
        p, self._ptr = self._ptr, None
        if p:
            self._free(p)

    @property
    def closed(self):
        """True once the handle is freed."""
        return not self._ptr

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class Context(_Handle):
    """A libwres handle (``wres_ctx``): options, sources, rejections and the
    counts of accepted records, from which reports are made.

    ``Context(confidence=None, default_year=None, default_org=None)`` makes
    a handle and sets the options given.  Use it in a ``with`` block or
    call `close`.
    """

    _ptr = None

    def __init__(self, confidence=None, default_year=None, default_org=None,
                 publish=None, suppress_max=None, round_base=None):
        p = _CtxP()
        rv = lib.wres_ctx_new(ctypes.byref(p))
        if rv != Status.OK or not p:
            raise _error(rv if rv != Status.OK else Status.E_NOMEM)
        self._ptr = p
        self._free = lib.wres_ctx_free
        self._options = {Option.CONFIDENCE: 0.95, Option.DEFAULT_YEAR: 0,
                         Option.DEFAULT_ORG: "", Option.TARGETS: 0,
                         Option.TARGET_SHARE: 0.0, Option.TARGET_YEAR: 2028,
                         Option.PUBLISH: 0, Option.SUPPRESS_MAX: 7,
                         Option.ROUND_BASE: 5}
        try:
            if confidence is not None:
                self.confidence = confidence
            if default_year is not None:
                self.default_year = default_year
            if default_org is not None:
                self.default_org = default_org
            if suppress_max is not None:
                self.suppress_max = suppress_max
            if round_base is not None:
                self.round_base = round_base
            if publish is not None:
                self.publish = publish
        except BaseException:
            self.close()
            raise

    # -- lifetime
    def close(self):
        """Free the handle (``wres_ctx_free``).  Records made from it can then
        only be closed; reports stay valid.  Closing twice does nothing."""
        _Handle.close(self)

    def __repr__(self):
        if self.closed:
            return "<wres.Context closed>"
        return "<wres.Context %d sources, %d rejections>" % (
            self.file_count(), self.rejection_count())

    def _check(self):
        if not self._ptr:
            raise Closed(Status.E_INVALID, "the wres.Context is closed")
        return self._ptr

    def _fail(self, rv):
        """The exception for status rv of a call that failed on this handle."""
        rv = _status(rv)
        msg = None
        if rv != Status.E_NOMEM and self._ptr:
            msg = _dec(lib.wres_errmsg(self._ptr)) or None
        return _error(rv, msg)

    # -- errors and options
    def errmsg(self, raw=False):
        """The message of the last failure on the handle (``wres_errmsg``);
        ``""`` before any.  Calls that succeed do not clear it."""
        return _dec(lib.wres_errmsg(self._check()), raw)

    def set_double(self, option, value):
        """``wres_ctx_set_double``: set a double option (`Option.CONFIDENCE`).
        Raises `OptionError` or `RangeError`."""
        option = _named(Option, option, "option")
        rv = lib.wres_ctx_set_double(self._check(), option, float(value))
        if rv != Status.OK:
            raise self._fail(rv)
        self._options[option] = float(value)

    def set_int(self, option, value):
        """``wres_ctx_set_int``: set an integer option
        (`Option.DEFAULT_YEAR`).  Raises `OptionError` or `RangeError`."""
        option = _named(Option, option, "option")
        rv = lib.wres_ctx_set_int(self._check(), option, _i64(value))
        if rv != Status.OK:
            raise self._fail(rv)
        self._options[option] = operator.index(value)

    def set_string(self, option, value):
        """``wres_ctx_set_string``: set a string option
        (`Option.DEFAULT_ORG`); None means ``""``.  Raises `OptionError` or
        `RangeError`."""
        option = _named(Option, option, "option")
        b = _enc(value, "value")
        rv = lib.wres_ctx_set_string(self._check(), option, b)
        if rv != Status.OK:
            raise self._fail(rv)
        self._options[option] = _dec((b or b"").strip(b" \t"))

    def add_breakdown(self, dims):
        """``wres_ctx_add_breakdown``: break indicators 1-4 down by one or
        two dimensions, given as ``"band,staff_group"`` or a sequence of
        names; call it before ingesting.  Raises `Invalid` or
        `RangeError`."""
        if not isinstance(dims, (str, bytes)):
            dims = ",".join(dims)
        rv = lib.wres_ctx_add_breakdown(self._check(), _enc(dims, "dims"))
        if rv != Status.OK:
            raise self._fail(rv)

    def staff_batch(self, staff_id, ethnicity, band, staff_group, year=None,
                    org=None, disciplinary=None, training=None, bank=None,
                    source=None):
        """``wres_staff_batch``: add staff records given as columns
        (sequences of equal length): ids as str, ethnicity/band/staff_group
        as the integer codes of the C enums (``WRES_ETH_A`` = 0 ...), years
        as int or None (the default year), flags as 0/1 or None (column
        absent).  Rows are checked as a CSV file's; rejected ones appear in
        `rejections`.  Raises on a bad argument or lack of memory."""
        ctx = self._check()
        n = len(staff_id)

        def arr(ctype, values):
            if values is None:
                return None
            if len(values) != n:
                raise Invalid(Status.E_INVALID, "every column needs %d values" % n)
            return (ctype * n)(*values)

        ids = (_c_str * n)(*[_enc(v, "staff_id") for v in staff_id])
        rv = lib.wres_staff_batch(
            ctx, _enc(source, "source"), _enc(org, "org"), n,
            arr(ctypes.c_int32, year), ids,
            arr(ctypes.c_uint8, ethnicity), arr(ctypes.c_uint8, band),
            arr(ctypes.c_uint8, staff_group), arr(ctypes.c_uint8, disciplinary),
            arr(ctypes.c_uint8, training), arr(ctypes.c_uint8, bank))
        if rv != Status.OK:
            raise self._fail(rv)

    def set_progress(self, fn):
        """``wres_ctx_set_progress``: call ``fn(bytes_done, bytes_total,
        rows)`` after each mebibyte an ingestion reads (``bytes_total`` is -1
        when unknown); None switches it off.  The callback must not use this
        context, and an exception it raises is printed, not propagated."""
        ctx = self._check()
        if fn is None:
            self._progress = None
            rv = lib.wres_ctx_set_progress(ctx, _ProgressFn(), None)
        else:
            def trampoline(user, done, total, rows):
                fn(done, total, rows)
            # kept alive as long as the library may call it
            self._progress = _ProgressFn(trampoline)
            rv = lib.wres_ctx_set_progress(ctx, self._progress, None)
        if rv != Status.OK:
            raise self._fail(rv)

    @property
    def confidence(self):
        """The confidence level of the reports made next (default 0.95)."""
        return self._options[Option.CONFIDENCE]

    @confidence.setter
    def confidence(self, value):
        self.set_double(Option.CONFIDENCE, value)

    @property
    def default_year(self):
        """The year of rows without one, 0 for none (the default)."""
        return self._options[Option.DEFAULT_YEAR]

    @default_year.setter
    def default_year(self, value):
        self.set_int(Option.DEFAULT_YEAR, value)

    @property
    def default_org(self):
        """The organisation of rows without one (default ``""``)."""
        return self._options[Option.DEFAULT_ORG]

    @default_org.setter
    def default_org(self, value):
        self.set_string(Option.DEFAULT_ORG, value)

    @property
    def targets(self):
        """Whether reports made next carry Model Employer targets."""
        return bool(self._options[Option.TARGETS])

    @targets.setter
    def targets(self, value):
        self.set_int(Option.TARGETS, 1 if value else 0)

    @property
    def target_share(self):
        """The targets' BME share; 0.0 (the default) for each
        organisation's own share."""
        return self._options[Option.TARGET_SHARE]

    @target_share.setter
    def target_share(self, value):
        self.set_double(Option.TARGET_SHARE, value)

    @property
    def target_year(self):
        """The year the targets are for (default 2028)."""
        return self._options[Option.TARGET_YEAR]

    @target_year.setter
    def target_year(self, value):
        self.set_int(Option.TARGET_YEAR, value)

    @property
    def publish(self):
        """Publication-safe output of the reports and summaries made next
        (default False): small counts suppressed, others rounded."""
        return bool(self._options[Option.PUBLISH])

    @publish.setter
    def publish(self, value):
        self.set_int(Option.PUBLISH, 1 if value else 0)

    @property
    def suppress_max(self):
        """With `publish`: counts 1 to this are suppressed (default 7)."""
        return self._options[Option.SUPPRESS_MAX]

    @suppress_max.setter
    def suppress_max(self, value):
        self.set_int(Option.SUPPRESS_MAX, value)

    @property
    def round_base(self):
        """With `publish`: other counts are rounded to a multiple of this
        (default 5; 1 leaves them exact)."""
        return self._options[Option.ROUND_BASE]

    @round_base.setter
    def round_base(self, value):
        self.set_int(Option.ROUND_BASE, value)

    # -- ingestion
    def _ingested(self, rv, raise_on_file_error):
        if rv == Status.OK:
            return Status.OK
        if rv in (Status.E_IO, Status.E_FORMAT):
            if not raise_on_file_error:
                return Status(rv)
            e = self._fail(rv)
            n = self.file_count()
            if n:
                e.source = self.file(n - 1)
            raise e
        raise self._fail(rv)

    def ingest_file(self, kind, path, raise_on_file_error=True):
        """``wres_ingest_file``: read the CSV file ``path`` as records of
        ``kind`` (a `Kind`, its number or its name such as ``"staff"`` or
        ``"survey-counts"``).

        Rejected rows do not fail the call: see `rejections`.  A file that
        cannot be read or fails as a whole raises `ReadError` or
        `FormatError`; with ``raise_on_file_error=False`` the call returns
        `Status.E_IO` or `Status.E_FORMAT` instead (the file is listed
        among the sources either way).  Returns `Status.OK` otherwise.
        """
        k = _kind(kind)
        b = _path(path)
        rv = lib.wres_ingest_file(self._check(), k, b)
        return self._ingested(rv, raise_on_file_error)

    def ingest_buffer(self, kind, data, name=None, raise_on_file_error=True):
        """``wres_ingest_buffer``: ingest ``data`` (bytes, or str encoded as
        UTF-8) as the text of a CSV file of ``kind``, listed under ``name``
        (``"(buffer)"`` when None).  Failures as for `ingest_file`
        (a buffer can only fail with `FormatError`)."""
        k = _kind(kind)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        elif not isinstance(data, bytes):
            data = bytes(data)
        nm = _path(name, "name") if name is not None else None
        rv = lib.wres_ingest_buffer(self._check(), k, nm, data, len(data))
        return self._ingested(rv, raise_on_file_error)

    # -- records
    def record(self, kind, source=None):
        """``wres_record_new``: a `Record` for adding records of ``kind`` one
        at a time under the API source ``source`` (``"api:KIND"`` when
        None)."""
        return Record(self, kind, source)

    def add_record(self, kind, fields, source=None, raise_on_reject=True):
        """Add one record of ``kind`` with the columns of the mapping
        ``fields`` (see `Record.set`); returns True when accepted, and on
        rejection raises `Rejected` (or returns False when
        ``raise_on_reject`` is false)."""
        with Record(self, kind, source) as rec:
            rec.update(fields)
            return rec.add(raise_on_reject=raise_on_reject)

    # -- sources
    def file_count(self):
        """``wres_file_count``: the number of sources."""
        return lib.wres_file_count(self._check())

    def _index(self, index, count):
        index = operator.index(index)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("wres: index out of range")
        return index

    def file_reason_count(self, index, reason):
        """``wres_file_reason_count``: the rows of source ``index`` rejected
        for ``reason`` (a `Reason`, number or name).  IndexError past the
        end; `RangeError` for a reason outside 1..20."""
        ptr = self._check()
        reason = _named(Reason, reason, "reason")
        i = operator.index(index)
        if i < 0:
            i += lib.wres_file_count(ptr)
        if not 0 <= i <= _SIZE_MAX:
            i = _SIZE_MAX
        n = _c_i64()
        rv = lib.wres_file_reason_count(ptr, i, reason, ctypes.byref(n))
        if rv == Status.DONE:
            raise IndexError("wres: source index out of range")
        if rv != Status.OK:
            raise _error(rv, "reason must be from 1 to 20"
                         if rv == Status.E_RANGE else None)
        return n.value

    def file_ignored_column(self, index, column, raw=False):
        """``wres_file_ignored_column``: the name of ignored column
        ``column`` of source ``index``.  IndexError past either end."""
        ptr = self._check()
        i = self._index(index, lib.wres_file_count(ptr))
        c = operator.index(column)
        if not 0 <= c <= _SIZE_MAX:
            raise IndexError("wres: column index out of range")
        name = _c_str()
        rv = lib.wres_file_ignored_column(ptr, i, c, ctypes.byref(name))
        if rv == Status.DONE:
            raise IndexError("wres: column index out of range")
        if rv != Status.OK:
            raise _error(rv)
        return _dec(name.value, raw)

    def file(self, index, raw=False):
        """``wres_file_get`` (with its reason counts and ignored columns):
        the `FileInfo` of source ``index`` (negative counts from the end)."""
        ptr = self._check()
        i = self._index(index, lib.wres_file_count(ptr))
        path = _c_str()
        kind, error = _c_int(), _c_int()
        read, acc, rej = _c_i64(), _c_i64(), _c_i64()
        rv = lib.wres_file_get(ptr, i, ctypes.byref(path), ctypes.byref(kind),
                               ctypes.byref(read), ctypes.byref(acc),
                               ctypes.byref(rej), ctypes.byref(error))
        if rv == Status.DONE:
            raise IndexError("wres: source index out of range")
        if rv != Status.OK:
            raise _error(rv)
        ignored = []
        name = _c_str()
        while lib.wres_file_ignored_column(ptr, i, len(ignored),
                                           ctypes.byref(name)) == Status.OK:
            ignored.append(_dec(name.value, raw))
        by_reason = {}
        n = _c_i64()
        for r in Reason:
            if r == Reason.NONE:
                continue
            if (lib.wres_file_reason_count(ptr, i, r, ctypes.byref(n))
                    == Status.OK and n.value):
                by_reason[reason_name(r)] = n.value
        try:
            k = Kind(kind.value)
        except ValueError:
            k = kind.value
        return FileInfo(i, _dec(path.value, raw), kind_name(kind.value),
                        read.value, acc.value, rej.value,
                        reason_name(error.value), ignored, by_reason, k,
                        _reason_enum(error.value))

    def files(self, raw=False):
        """Every source, in the order added, as a list of `FileInfo`."""
        return [self.file(i, raw) for i in range(self.file_count())]

    # -- rejections
    def rejection_count(self):
        """``wres_rejection_count``: the rows and records rejected so far."""
        return lib.wres_rejection_count(self._check())

    def rejection(self, index, raw=False):
        """``wres_rejection_get``: rejection ``index`` as a `Rejection`
        (negative counts from the end); with ``raw`` its file, column and
        message are bytes."""
        ptr = self._check()
        i = self._index(index, lib.wres_rejection_count(ptr))
        f, col, msg = _c_str(), _c_str(), _c_str()
        line, reason = _c_i64(), _c_int()
        rv = lib.wres_rejection_get(ptr, i, ctypes.byref(f),
                                    ctypes.byref(line), ctypes.byref(col),
                                    ctypes.byref(reason), ctypes.byref(msg))
        if rv == Status.DONE:
            raise IndexError("wres: rejection index out of range")
        if rv != Status.OK:
            raise _error(rv)
        return Rejection(_dec(f.value, raw), line.value, _dec(col.value, raw),
                         reason_name(reason.value), _dec(msg.value, raw),
                         _reason_enum(reason.value))

    def rejections(self, start=0, raw=False):
        """The rejections from number ``start`` on, as a list of
        `Rejection` (remember `rejection_count` before an ingestion to get
        only its rejections)."""
        count = self.rejection_count()
        start = operator.index(start)
        if start < 0:
            start = max(0, start + count)
        return [self.rejection(i, raw) for i in range(start, count)]

    def latest_year(self):
        """``wres_latest_year``: the latest year with an accepted row.
        Raises `NotFound` when no row has been accepted."""
        y = _c_i64()
        rv = lib.wres_latest_year(self._check(), ctypes.byref(y))
        if rv != Status.OK:
            raise _error(rv, "no reporting year: no rows were accepted"
                         if rv == Status.E_NOTFOUND else None)
        return y.value

    def periods(self, raw=False):
        """``wres_period_count`` and ``wres_period_get``: the (org, year)
        pairs with accepted rows, sorted by org then year."""
        ctx = self._check()
        org = _c_str()
        y = _c_i64()
        out = []
        for i in range(lib.wres_period_count(ctx)):
            rv = lib.wres_period_get(ctx, i, ctypes.byref(org), ctypes.byref(y))
            if rv != Status.OK:
                raise _error(rv)
            out.append((_dec(org.value, raw), y.value))
        return out

    # -- federation summaries (libwres 1.2)
    def summary(self):
        """``wres_summary_save_buffer``: the handle's counts as a summary
        (bytes, the text of wres-summary(5)); publication-safe when
        `publish` is set."""
        out = ctypes.c_void_p()
        n = _c_size()
        rv = lib.wres_summary_save_buffer(self._check(), ctypes.byref(out),
                                          ctypes.byref(n))
        if rv != Status.OK:
            raise self._fail(rv)
        return ctypes.string_at(out.value, n.value)

    def save_summary(self, path):
        """``wres_summary_save``: write the summary to ``path``.  Raises
        `ReadError` (``WRES_E_IO``) when it cannot be written."""
        rv = lib.wres_summary_save(self._check(), _path(path))
        if rv != Status.OK:
            raise self._fail(rv)

    def load_summary(self, path):
        """``wres_summary_load``: merge the summary file ``path`` into the
        handle, all or nothing.  Raises `ReadError`, `FormatError` (corrupt,
        truncated, future version or publication-safe, with file, line and
        reason) or `RangeError` (a count would pass 2^63-1)."""
        rv = lib.wres_summary_load(self._check(), _path(path))
        if rv != Status.OK:
            raise self._fail(rv)

    def load_summary_buffer(self, data, name=None):
        """``wres_summary_load_buffer``: merge the summary ``data`` (bytes
        or str), named ``name`` in messages; as `load_summary`."""
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        elif not isinstance(data, bytes):
            data = bytes(data)
        nm = _path(name, "name") if name is not None else None
        rv = lib.wres_summary_load_buffer(self._check(), nm, data, len(data))
        if rv != Status.OK:
            raise self._fail(rv)

    # -- reports
    def report(self, org="", year=0):
        """``wres_report_new``: the `Report` of ``org`` (``""`` or None for
        the default organisation) for ``year`` (0 or None for the latest
        year).  Raises `NotFound` (no year) or `RangeError`."""
        return Report(self, org, year)

    def aggregate(self, year=0):
        """``wres_report_new_aggregate``: the `Report` of every organisation
        together for ``year`` (0 or None for the latest year)."""
        return Report(self, year=year, aggregate=True)

    def screen(self):
        """``wres_screen_new``: the `Screen` of every organisation and year,
        at the handle's confidence level."""
        return Screen(self)


class Record(_Handle):
    """A record handle (``wres_record``) adding records of one kind to a
    `Context` one at a time, without CSV.  Made by `Context.record`.

    Set columns with `set` (or ``record[column] = value``), then `add`;
    after each add the columns are cleared for the next record.  The record
    keeps its context alive and raises `Closed` once the context is closed.
    """

    _ptr = None

    def __init__(self, ctx, kind, source=None):
        if not isinstance(ctx, Context):
            raise TypeError("Record needs a wres.Context")
        cp = ctx._check()
        k = _kind(kind)
        src = _path(source, "source") if source is not None else None
        p = _RecordP()
        rv = lib.wres_record_new(cp, k, src, ctypes.byref(p))
        if rv != Status.OK:
            raise ctx._fail(rv)
        self._ptr = p
        self._free = lib.wres_record_free
        self.context = ctx
        self.kind = kind_name(k)
        self.source = (_dec(src) if src is not None
                       else "api:%s" % kind_name(k))

    def close(self):
        """``wres_record_free``: free the record, dropping columns set since
        the last `add`.  Allowed after the context is closed."""
        _Handle.close(self)

    @property
    def closed(self):
        """True once the record (or its context) is closed."""
        return not self._ptr or self.context.closed

    def __repr__(self):
        return "<wres.Record %s %r%s>" % (self.kind, self.source,
                                          " closed" if self.closed else "")

    def _check(self):
        if not self._ptr:
            raise Closed(Status.E_INVALID, "the wres.Record is closed")
        if self.context.closed:
            raise Closed(Status.E_INVALID,
                         "the wres.Context of this Record is closed")
        return self._ptr

    def set(self, column, value):
        """Set ``column`` to ``value``: a str or bytes (``wres_record_set``),
        an int (``wres_record_set_int``), True/False (``"yes"``/``"no"``), or
        None to remove the column.  Values are checked by `add`."""
        if isinstance(value, bool):
            value = "yes" if value else "no"
        elif isinstance(value, int):
            return self.set_int(column, value)
        p = self._check()
        rv = lib.wres_record_set(p, _enc(column, "column"),
                                 _enc(value, "value"))
        if rv != Status.OK:
            raise self.context._fail(rv)

    def set_int(self, column, value):
        """``wres_record_set_int``: set ``column`` to the decimal text of the
        integer ``value``."""
        value = operator.index(value)
        if not _I64_MIN <= value <= _I64_MAX:
            return self.set(column, str(value))
        p = self._check()
        rv = lib.wres_record_set_int(p, _enc(column, "column"), value)
        if rv != Status.OK:
            raise self.context._fail(rv)

    def update(self, fields=None, **more):
        """Set every column of the mapping ``fields`` and of the keywords."""
        for source in (fields or {}), more:
            for column, value in dict(source).items():
                self.set(column, value)

    def __setitem__(self, column, value):
        self.set(column, value)

    def __delitem__(self, column):
        self.set(column, None)

    def add(self, raise_on_reject=True):
        """``wres_record_add``: check the record and count it, or reject it.

        Returns True when accepted.  When rejected, raises `Rejected` (its
        ``rejection`` is the `Rejection`, also in `Context.rejections`),
        or returns False if ``raise_on_reject`` is false.
        """
        p = self._check()
        rv = lib.wres_record_add(p)
        if rv == Status.OK:
            return True
        if rv == Status.E_REJECTED:
            if not raise_on_reject:
                return False
            e = self.context._fail(rv)
            if self.context.rejection_count():
                e.rejection = self.context.rejection(-1)
            raise e
        raise self.context._fail(rv)


class Report(_Handle):
    """A report (``wres_report``): the nine WRES indicators of one
    organisation and year, with the data quality.  Made by
    `Context.report` (or ``Report(ctx, org, year)``).

    A report is a snapshot: it keeps no reference to its context and stays
    valid after the context is closed.  Iterating over it yields every
    `Figure` in report order.
    """

    _ptr = None

    def __init__(self, ctx, org="", year=0, aggregate=False):
        if not isinstance(ctx, Context):
            raise TypeError("Report needs a wres.Context")
        cp = ctx._check()
        p = _ReportP()
        if aggregate:
            rv = lib.wres_report_new_aggregate(cp, _i64(year or 0),
                                               ctypes.byref(p))
        else:
            rv = lib.wres_report_new(cp, _enc(org, "org"), _i64(year or 0),
                                     ctypes.byref(p))
        if rv != Status.OK:
            raise ctx._fail(rv)
        self._ptr = p
        self._free = lib.wres_report_free

    def close(self):
        """``wres_report_free``: free the report.  Its cursors can then only
        be closed.  Closing twice does nothing."""
        _Handle.close(self)

    def __repr__(self):
        return "<wres.Report%s>" % (" closed" if self.closed else "")

    def _check(self):
        if not self._ptr:
            raise Closed(Status.E_INVALID, "the wres.Report is closed")
        return self._ptr

    def render_bytes(self, format):
        """``wres_report_render``: the report as bytes in ``format`` (a
        `Format`, its number, or ``"json"``, ``"text"``, ``"csv"``, ``"html"``)."""
        f = _named(Format, format, "format")
        out = ctypes.c_void_p()
        n = _c_size()
        rv = lib.wres_report_render(self._check(), f, ctypes.byref(out),
                                    ctypes.byref(n))
        if rv != Status.OK:
            raise _error(rv, "unknown report format: %r" % (format,)
                         if rv == Status.E_INVALID else None)
        if not n.value:
            return b""
        return ctypes.string_at(out.value, n.value)

    def render(self, format):
        """The report as text in ``format`` (see `render_bytes`)."""
        return _dec(self.render_bytes(format))

    def json(self):
        """The JSON rendering (the stable contract) as a str."""
        return self.render(Format.JSON)

    def text(self):
        """The text rendering, for a person to read, as a str."""
        return self.render(Format.TEXT)

    def csv(self):
        """The CSV rendering, one row per figure, as a str."""
        return self.render(Format.CSV)

    def html(self):
        """The HTML rendering (since libwres 1.2): one self-contained page
        with SVG charts, as a str."""
        return self.render(Format.HTML)

    def to_dict(self):
        """The JSON rendering parsed with ``json.loads``: a dict."""
        return json.loads(self.render_bytes(Format.JSON).decode("utf-8"))

    def get(self, indicator, part, group, measure):
        """``wres_report_get``: the figure named by ``indicator`` (0 to 9),
        ``part``, ``group`` (None means ``""``) and ``measure``, as a float,
        or None when it cannot be computed.  Raises `NotFound`."""
        p = self._check()
        v = ctypes.c_double()
        rv = lib.wres_report_get(p, _cint(indicator), _enc(part, "part"),
                                 _enc(group, "group"),
                                 _enc(measure, "measure"), ctypes.byref(v))
        if rv == Status.OK:
            return v.value
        if rv == Status.NULL:
            return None
        if rv == Status.E_NOTFOUND:
            raise NotFound(rv, "no figure (%r, %r, %r, %r) in the report"
                           % (indicator, part or "", group or "", measure))
        raise _error(rv)

    def cursor(self):
        """``wres_cursor_new``: a `Cursor` over every figure."""
        return Cursor(self)

    def __iter__(self):
        with Cursor(self) as cur:
            for figure in cur:
                yield figure

    def figures(self):
        """Every figure, in report order, as a list of `Figure`."""
        return list(self)


class Cursor(_Handle):
    """A cursor (``wres_cursor``) over every figure of a `Report`, in
    report order.  As an iterator it yields `Figure` tuples
    ``(indicator, part, group, measure, value)`` with the value an int,
    float, bool or None according to its type.  It keeps its report alive
    and raises `Closed` once the report is closed.
    """

    _ptr = None

    def __init__(self, report):
        if not isinstance(report, Report):
            raise TypeError("Cursor needs a wres.Report")
        rp = report._check()
        p = _CursorP()
        rv = lib.wres_cursor_new(rp, ctypes.byref(p))
        if rv != Status.OK:
            raise _error(rv)
        self._ptr = p
        self._free = lib.wres_cursor_free
        self.report = report

    def close(self):
        """``wres_cursor_free``: free the cursor (allowed after the report
        is closed)."""
        _Handle.close(self)

    @property
    def closed(self):
        """True once the cursor (or its report) is closed."""
        return not self._ptr or self.report.closed

    def __repr__(self):
        return "<wres.Cursor%s>" % (" closed" if self.closed else "")

    def _check(self):
        if not self._ptr:
            raise Closed(Status.E_INVALID, "the wres.Cursor is closed")
        if self.report.closed:
            raise Closed(Status.E_INVALID,
                         "the wres.Report of this Cursor is closed")
        return self._ptr

    def advance(self):
        """``wres_cursor_next``: move to the next figure; False when the
        figures are exhausted."""
        rv = lib.wres_cursor_next(self._check())
        if rv == Status.OK:
            return True
        if rv == Status.DONE:
            return False
        raise _error(rv)

    def __iter__(self):
        return self

    def __next__(self):
        if not self.advance():
            raise StopIteration
        return self.figure()

    def indicator(self):
        """``wres_cursor_indicator``: 0 to 9, or -1 with no current figure."""
        return lib.wres_cursor_indicator(self._check())

    def part(self):
        """``wres_cursor_part``: the part, or None with no current figure."""
        return _dec(lib.wres_cursor_part(self._check()))

    def group(self):
        """``wres_cursor_group``: the group, or None with no current figure."""
        return _dec(lib.wres_cursor_group(self._check()))

    def measure(self):
        """``wres_cursor_measure``: the measure, or None with no current
        figure."""
        return _dec(lib.wres_cursor_measure(self._check()))

    def type(self):
        """``wres_cursor_type``: the `Type` of the current figure."""
        t = lib.wres_cursor_type(self._check())
        try:
            return Type(t)
        except ValueError:
            return t

    def double(self):
        """``wres_cursor_double``: the value as a float (0.0 if null)."""
        return lib.wres_cursor_double(self._check())

    def int(self):
        """``wres_cursor_int``: the value as an int (0 if null)."""
        return lib.wres_cursor_int(self._check())

    def value(self):
        """The value by its type: int, float, bool, or None when null."""
        t = self.type()
        if t == Type.NULL:
            return None
        if t == Type.INT:
            return self.int()
        if t == Type.BOOL:
            return bool(self.int())
        return self.double()

    def figure(self):
        """The current `Figure` (indicator, part, group, measure, value)."""
        return Figure(self.indicator(), self.part(), self.group(),
                      self.measure(), self.value())


def grouping_name(grouping):
    """``wres_grouping_name``: the name of a `Grouping`, or None."""
    return _dec(lib.wres_grouping_name(_named(Grouping, grouping, "grouping")))


class ScreenResult(collections.namedtuple(
        "ScreenResult", "similar bme white")):
    """One organisation, year and indicator of a `Screen`: ``similar``
    (True, False, or None when it cannot be tested) and the `Comparison`
    of its BME and white figures with the other organisations (for
    indicator 9, ``bme`` is the board's and ``white`` is
    `Comparison.NONE`)."""


class Screen(_Handle):
    """A screening (``wres_screen``) of every organisation and year of a
    `Context` against the other organisations together.  Made by
    `Context.screen`; a snapshot that stays valid after the context is
    closed."""

    _ptr = None

    def __init__(self, ctx):
        if not isinstance(ctx, Context):
            raise TypeError("Screen needs a wres.Context")
        cp = ctx._check()
        p = _ScreenP()
        rv = lib.wres_screen_new(cp, ctypes.byref(p))
        if rv != Status.OK:
            raise ctx._fail(rv)
        self._ptr = p
        self._free = lib.wres_screen_free

    def close(self):
        """``wres_screen_free``: free the screening."""
        _Handle.close(self)

    def __repr__(self):
        return "<wres.Screen%s>" % (" closed" if self.closed else "")

    def _check(self):
        if not self._ptr:
            raise Closed(Status.E_INVALID, "the wres.Screen is closed")
        return self._ptr

    def span(self):
        """``wres_screen_span``: (first year, last year, organisations)."""
        first, last, n = _c_i64(), _c_i64(), _c_size()
        rv = lib.wres_screen_span(self._check(), ctypes.byref(first),
                                  ctypes.byref(last), ctypes.byref(n))
        if rv != Status.OK:
            raise _error(rv)
        return first.value, last.value, n.value

    def count(self, grouping, list, year=0):
        """``wres_screen_count``: how many organisations are in the list
        (a `ScreenList`) of ``grouping`` (a `Grouping`); ``year`` for
        `ScreenList.PASS_YEAR`."""
        n = _c_size()
        rv = lib.wres_screen_count(self._check(),
                                   _named(Grouping, grouping, "grouping"),
                                   _named(ScreenList, list, "list"),
                                   _i64(year or 0), ctypes.byref(n))
        if rv != Status.OK:
            raise _error(rv)
        return n.value

    def orgs(self, grouping, list, year=0, raw=False):
        """``wres_screen_org``: the organisations of the list, in order."""
        p = self._check()
        g = _named(Grouping, grouping, "grouping")
        k = _named(ScreenList, list, "list")
        org = _c_str()
        out = []
        while True:
            rv = lib.wres_screen_org(p, g, k, _i64(year or 0), len(out),
                                     ctypes.byref(org))
            if rv == Status.DONE:
                return out
            if rv != Status.OK:
                raise _error(rv)
            out.append(_dec(org.value, raw))

    def result(self, org, year, indicator):
        """``wres_screen_result``: the `ScreenResult` of ``org``, ``year``
        and ``indicator`` (2 to 9), or None when the indicator is not
        available there.  Raises `NotFound` or `RangeError`."""
        sim, bme, white = _c_int(), _c_int(), _c_int()
        rv = lib.wres_screen_result(self._check(), _enc(org, "org"),
                                    _i64(year), _cint(indicator),
                                    ctypes.byref(sim), ctypes.byref(bme),
                                    ctypes.byref(white))
        if rv == Status.NULL:
            return None
        if rv != Status.OK:
            raise _error(rv)
        return ScreenResult(None if sim.value < 0 else bool(sim.value),
                            Comparison(bme.value), Comparison(white.value))

    def render_bytes(self, format):
        """``wres_screen_render``: the screening as bytes in ``format``."""
        f = _named(Format, format, "format")
        out = ctypes.c_void_p()
        n = _c_size()
        rv = lib.wres_screen_render(self._check(), f, ctypes.byref(out),
                                    ctypes.byref(n))
        if rv != Status.OK:
            raise _error(rv, "unknown format: %r" % (format,)
                         if rv == Status.E_INVALID else None)
        return ctypes.string_at(out.value, n.value) if n.value else b""

    def render(self, format):
        """The screening as text in ``format``."""
        return _dec(self.render_bytes(format))

    def json(self):
        """The JSON rendering as a str."""
        return self.render(Format.JSON)

    def text(self):
        """The text rendering (the table of counts and the lists)."""
        return self.render(Format.TEXT)

    def csv(self):
        """The CSV rendering, one row per figure."""
        return self.render(Format.CSV)

    def to_dict(self):
        """The JSON rendering parsed: a dict."""
        return json.loads(self.render_bytes(Format.JSON).decode("utf-8"))
