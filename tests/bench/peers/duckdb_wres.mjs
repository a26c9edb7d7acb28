// duckdb_wres.mjs - the WRES indicators of every (org, year) of a national
// dataset (tests/bench/gen-national.c), computed by DuckDB in SQL, as a peer
// to check libwres against and to time it by:
//   node duckdb_wres.mjs DIR OUT.json
// DuckDB (2 threads) reads the five CSV files of DIR as text, counts the rows
// per distinct combination of raw values, maps the vocabularies of DATA.md on
// those combinations (the national data is clean: a value outside a
// vocabulary is reported and makes the run fail, nothing is rejected row by
// row), sums per (org, year) and computes the figures of INDICATORS.md -
// rates, relative likelihoods with their Katz intervals, percentages with
// Wilson and Newcombe intervals, pooled two-proportion z-test p-values (erfc
// by W. J. Cody's rational approximations, as an SQL macro), the four-fifths
// test - writing one JSON array of reports in the shape of libwres's (the
// keys it has are libwres's keys) with COPY ... (FORMAT json).
// Not implemented, as the national files do not need them: row rejections
// and duplicate ids, the harassment_manager/harassment_colleague columns,
// files or columns that are absent, deep-dive breakdowns.
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, outPath] = process.argv.slice(2);
if (!dir || !outPath) {
  console.error('usage: node duckdb_wres.mjs DIR OUT.json');
  process.exit(2);
}
const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
const file = (name) => lit(`${dir}/${name}.csv`);
const dbl = (x) => `(${x})::DOUBLE`;

// ---- vocabularies, written as DATA.md spells them -------------------------
const categories = [   // code, description, broad group (short forms)
  ['A', 'White - British', 'White'], ['B', 'White - Irish', 'White'],
  ['C', 'White - Any other White background', 'White'],
  ['D', 'Mixed - White and Black Caribbean', 'Mixed'],
  ['E', 'Mixed - White and Black African', 'Mixed'],
  ['F', 'Mixed - White and Asian', 'Mixed'],
  ['G', 'Mixed - Any other mixed background', 'Mixed'],
  ['H', 'Asian or Asian British - Indian', 'Asian'],
  ['J', 'Asian or Asian British - Pakistani', 'Asian'],
  ['K', 'Asian or Asian British - Bangladeshi', 'Asian'],
  ['L', 'Asian or Asian British - Any other Asian background', 'Asian'],
  ['M', 'Black or Black British - Caribbean', 'Black'],
  ['N', 'Black or Black British - African', 'Black'],
  ['P', 'Black or Black British - Any other Black background', 'Black'],
  ['R', 'Other Ethnic Groups - Chinese', 'Other'],
  ['S', 'Other Ethnic Groups - Any other ethnic group', 'Other'],
  ['Z', 'Not stated', null], ['99', 'Not known', null],
];
const unknownForms = ['Not stated', 'Not known', 'Unknown', 'Not declared', 'Prefer not to say'];
// the normalising rule, for building the key lists here
const norm = (s) => s.replace(/[^A-Za-z0-9]+/g, ' ').toLowerCase().trim();
const wgroup = (code) => ('ABC'.includes(code) ? 0 : code === 'Z' || code === '99' ? 2 : 1);
const descKeys = [[], [], []];   // white, bme, unknown
for (const [code, desc, broad] of categories) {
  descKeys[wgroup(code)].push(norm(desc));
  const sub = desc.indexOf(' - ');
  if (broad && sub >= 0) descKeys[wgroup(code)].push(norm(`${broad} ${desc.slice(sub + 3)}`));
}
for (const u of unknownForms) descKeys[2].push(norm(u));
const codesOf = (g) => categories.filter(([c]) => wgroup(c) === g)
  .flatMap(([c]) => (c === '99' ? [c] : [c, c.toLowerCase()]));
const listLit = (xs) => `[${xs.map(lit).join(', ')}]`;
const inList = (xs) => `(${[...new Set(xs)].map(lit).join(', ')})`;

const bandNames = ['Under Band 1', 'Band 1', 'Band 2', 'Band 3', 'Band 4', 'Band 5', 'Band 6',
  'Band 7', 'Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM', 'Consultant',
  'Career grade', 'Trainee', 'Other'];
const bandWords = [['underband1', 0], ['vsm', 13], ['veryseniormanager', 13], ['consultant', 14],
  ['careergrade', 15], ['nonconsultantcareergrade', 15], ['nccg', 15], ['sas', 15],
  ['trainee', 16], ['traineegrade', 16], ['traineegrades', 16], ['juniordoctor', 16],
  ['other', 17]];
const bandNumbers = [['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5], ['6', 6], ['7', 7],
  ['8a', 8], ['8b', 9], ['8c', 10], ['8d', 11], ['9', 12]];
const groupNames = ['non-clinical', 'clinical', 'medical'];
// staff groups: normalised, without the word "and"
const sgKey = (s) => norm(s).split(' ').filter((w) => w !== 'and').join(' ');
const staffGroups = [['non clinical', 0], ['nonclinical', 0], ['clinical', 1],
  ['clinical non medical', 1], ['medical', 2], ['medical dental', 2], ['m d', 2],
  ['Medical and Dental', 2], ['Nursing and Midwifery Registered', 1],
  ['Additional Clinical Services', 1], ['Allied Health Professionals', 1],
  ['Healthcare Scientists', 1], ['Additional Professional Scientific and Technical', 1],
  ['Add Prof Scientific and Technic', 1], ['Students', 1],
  ['Administrative and Clerical', 0], ['Estates and Ancillary', 0]];
const caseOf = (expr, pairs, keyFn = (k) => k) =>
  `CASE ${expr} ${pairs.map(([k, v]) => `WHEN ${lit(keyFn(k))} THEN ${v}`).join(' ')} END`;

const Z = '1.959963984540054';   // PHI^-1(0.975), confidence 0.95
// W. J. Cody's coefficients (CALERF, netlib specfun)
const A = ['3.16112374387056560e00', '1.13864154151050156e02', '3.77485237685302021e02',
  '3.20937758913846947e03', '1.85777706184603153e-1'];
const B = ['2.36012909523441209e01', '2.44024637934444173e02', '1.28261652607737228e03',
  '2.84423683343917062e03'];
const C = ['5.64188496988670089e-1', '8.88314979438837594e00', '6.61191906371416295e01',
  '2.98635138197400131e02', '8.81952221241769090e02', '1.71204761263407058e03',
  '2.05107837782607147e03', '1.23033935479799725e03', '2.15311535474403846e-8'];
const D = ['1.57449261107098347e01', '1.17693950891312499e02', '5.37181101862009858e02',
  '1.62138957456669019e03', '3.29079923573345963e03', '4.36261909014324716e03',
  '3.43936767414372164e03', '1.23033935480374942e03'];
const P = ['3.05326634961232344e-1', '3.60344899949804439e-1', '1.25781726111229246e-1',
  '1.60837851487422766e-2', '6.58749161529837803e-4', '1.63153871373020978e-2'];
const Q = ['2.56852019228982242e00', '1.87295284992346047e00', '5.27905102951428412e-1',
  '6.05183413124413191e-2', '2.33520497626869185e-3'];
// Horner's rule, highest degree first, evaluated as Cody's loops evaluate it
const horner = (x, cs) => cs.slice(1).reduce((acc, c) => `(${acc} * ${x} + ${dbl(c)})`, dbl(cs[0]));

const macros = `
-- a field: trimmed of spaces and tabs, NULL when missing
CREATE MACRO wval(v) AS nullif(trim(v, ' ' || chr(9)), '');
-- the normalising rule of DATA.md (ASCII letters lowered, other runs one space)
CREATE MACRO wnorm(v) AS trim(lower(regexp_replace(v, '[^A-Za-z0-9]+', ' ', 'g')));

-- ethnicity -> 0 white, 1 BME, 2 unknown; NULL = not in the vocabulary
CREATE MACRO eth_code(c) AS CASE WHEN c IN ${inList(codesOf(0))} THEN 0
  WHEN c IN ${inList(codesOf(1))} THEN 1 WHEN c IN ${inList(codesOf(2))} THEN 2 END;
CREATE MACRO eth_desc(k) AS CASE WHEN k IN ${inList(descKeys[0])} THEN 0
  WHEN k IN ${inList(descKeys[1])} THEN 1 WHEN k IN ${inList(descKeys[2])} THEN 2 END;
CREATE MACRO eth_t(t) AS CASE WHEN t IS NULL THEN 2 ELSE coalesce(
  eth_code(t),
  CASE WHEN regexp_matches(t, '^(99|[A-HJ-NPRSZa-hj-nprsz][A-Za-z0-9]?)[ \\t]')
       THEN eth_code(regexp_extract(t, '^(99|.)', 1)) END,
  eth_desc(wnorm(t))) END;
CREATE MACRO eth(v) AS eth_t(wval(v));

-- band -> index into the report's band order
CREATE MACRO band_k(k) AS coalesce(${caseOf('k', bandWords)},
  ${caseOf(`regexp_extract(k, '^(?:agendaforchangeband|afcband|afc|band)?([1-7]|8[a-d]|9)$', 1)`, bandNumbers)});
CREATE MACRO band(v) AS band_k(replace(wnorm(wval(v)), ' ', ''));

-- staff group -> 0 non-clinical, 1 clinical, 2 medical
CREATE MACRO sgroup(v) AS ${caseOf(`trim(regexp_replace(regexp_replace(wnorm(wval(v)), '\\band\\b', '', 'g'), ' +', ' ', 'g'))`, staffGroups, sgKey)};

-- yes/no -> 1/0, NULL when missing or not in the vocabulary
CREATE MACRO yn_k(k) AS CASE WHEN k IN ('yes', 'y', 'true', 't', '1') THEN 1
  WHEN k IN ('no', 'n', 'false', 'f', '0') THEN 0 END;
CREATE MACRO yn(v) AS yn_k(wnorm(wval(v)));
-- "empty = no" columns: 0 when missing, NULL when not in the vocabulary
CREATE MACRO yn0(v) AS CASE WHEN wval(v) IS NULL THEN 0 ELSE yn(v) END;
-- survey wording
CREATE MACRO harass(v) AS coalesce(yn(v), CASE wnorm(wval(v)) WHEN 'never' THEN 0
  WHEN '1 2' THEN 1 WHEN '3 5' THEN 1 WHEN '6 10' THEN 1 WHEN 'more than 10' THEN 1 END);
CREATE MACRO eqopp(v) AS coalesce(yn(v), CASE wnorm(wval(v)) WHEN 'don t know' THEN 0 END);
-- survey_counts group -> 0 white, 1 BME, 2 unknown
CREATE MACRO cgroup(v) AS coalesce(CASE wnorm(wval(v)) WHEN 'white' THEN 0 WHEN 'bme' THEN 1
  WHEN 'asian' THEN 1 WHEN 'black' THEN 1 WHEN 'mixed' THEN 1 WHEN 'other' THEN 1
  WHEN 'unknown' THEN 2 END, eth_code(wnorm(wval(v))));

-- year: YYYY, or YYYY/YY or YYYY-YY of the following year; 1900..2100
CREATE MACRO year_t(t) AS CASE
  WHEN regexp_matches(t, '^[0-9]{4}$') THEN t::INTEGER
  WHEN regexp_matches(t, '^[0-9]{4}[/-][0-9]{2}$')
       AND substr(t, 6, 2)::INTEGER = (substr(t, 1, 4)::INTEGER + 1) % 100
       THEN substr(t, 1, 4)::INTEGER + 1 END;
CREATE MACRO wyear(v) AS CASE WHEN year_t(wval(v)) BETWEEN 1900 AND 2100 THEN year_t(wval(v)) END;
CREATE MACRO worg(v) AS coalesce(wval(v), '');
-- survey_counts integers: ASCII digits up to 2^63 - 1
CREATE MACRO wint(v) AS CASE WHEN regexp_matches(wval(v), '^[0-9]+$') THEN TRY_CAST(wval(v) AS BIGINT) END;

-- ---- statistics (INDICATORS.md) ----
CREATE MACRO zc() AS ${dbl(Z)};
CREATE MACRO ratio(x, n) AS CASE WHEN n > 0 THEN x::DOUBLE / n::DOUBLE END;
CREATE MACRO pct(x, n) AS CASE WHEN n > 0 THEN x::DOUBLE / n::DOUBLE * 100.0::DOUBLE END;
-- erfc(y) for y >= 0: W. J. Cody's rational Chebyshev approximations (CALERF)
CREATE MACRO cody_exp(y) AS exp(-(trunc(y * 16.0::DOUBLE) / 16.0::DOUBLE) * (trunc(y * 16.0::DOUBLE) / 16.0::DOUBLE))
  * exp(-((y - trunc(y * 16.0::DOUBLE) / 16.0::DOUBLE) * (y + trunc(y * 16.0::DOUBLE) / 16.0::DOUBLE)));
CREATE MACRO cody1(y, s) AS y * ${horner('s', [A[4], ...A.slice(0, 4)])} / ${horner('s', ['1', ...B])};
CREATE MACRO cody2(y) AS ${horner('y', [C[8], ...C.slice(0, 8)])} / ${horner('y', ['1', ...D])};
CREATE MACRO cody3(y, s) AS (${dbl('5.6418958354775628695e-1')}
  - s * ${horner('s', [P[5], ...P.slice(0, 5)])} / ${horner('s', ['1', ...Q])}) / y;
CREATE MACRO erfc_pos(y) AS CASE
  WHEN y <= 0.46875::DOUBLE THEN 1.0::DOUBLE - cody1(y, y * y)
  WHEN y <= 4.0::DOUBLE THEN cody_exp(y) * cody2(y)
  WHEN y < 26.543::DOUBLE THEN cody_exp(y) * cody3(y, 1.0::DOUBLE / (y * y))
  ELSE 0.0::DOUBLE END;
CREATE MACRO pool(a, n1, b, n2) AS (a + b)::DOUBLE / (n1 + n2)::DOUBLE;
-- |Z| / sqrt(2) of the pooled two-proportion z-test (0 when the pooled rate is 0 or 1,
-- so that p = erfc(0) = 1); p = erfc(|Z| / sqrt(2)), two-sided
CREATE MACRO zabs(a, n1, b, n2) AS CASE
  WHEN n1 = 0 OR n2 = 0 THEN NULL
  WHEN a + b = 0 OR a + b = n1 + n2 THEN 0.0::DOUBLE
  ELSE abs((a::DOUBLE / n1::DOUBLE - b::DOUBLE / n2::DOUBLE)
       / sqrt(pool(a, n1, b, n2) * (1.0::DOUBLE - pool(a, n1, b, n2)) * (1.0::DOUBLE / n1 + 1.0::DOUBLE / n2)))
       / sqrt(2.0::DOUBLE) END;
CREATE MACRO signif(p) AS CASE WHEN p IS NOT NULL THEN p < 1.0::DOUBLE - 0.95::DOUBLE END;
-- relative likelihood (a/n1)/(b/n2), Katz log interval, four-fifths range
CREATE MACRO rl(a, n1, b, n2) AS CASE WHEN n1 > 0 AND n2 > 0 AND b > 0
  THEN (a::DOUBLE / n1::DOUBLE) / (b::DOUBLE / n2::DOUBLE) END;
CREATE MACRO katz(a, n1, b, n2) AS CASE WHEN n1 > 0 AND n2 > 0 AND b > 0 AND a > 0 THEN [
  exp(ln(rl(a, n1, b, n2)) - zc() * sqrt(greatest(0.0::DOUBLE, 1.0::DOUBLE / a - 1.0::DOUBLE / n1 + 1.0::DOUBLE / b - 1.0::DOUBLE / n2))),
  exp(ln(rl(a, n1, b, n2)) + zc() * sqrt(greatest(0.0::DOUBLE, 1.0::DOUBLE / a - 1.0::DOUBLE / n1 + 1.0::DOUBLE / b - 1.0::DOUBLE / n2)))] END;
CREATE MACRO nonadv(a, n1, b, n2) AS CASE WHEN n1 > 0 AND n2 > 0 AND b > 0 THEN
  4 * b::HUGEINT * n1 <= 5 * a::HUGEINT * n2 AND 4 * a::HUGEINT * n2 <= 5 * b::HUGEINT * n1 END;
-- Wilson score interval of x/n (fraction), clamped, exact at x = 0 and x = n
CREATE MACRO wil_c(x, n) AS (x + zc() * zc() / 2.0::DOUBLE) / (n + zc() * zc());
CREATE MACRO wil_h(x, n) AS zc() / (n + zc() * zc()) * sqrt(x::DOUBLE * (n - x)::DOUBLE / n::DOUBLE + zc() * zc() / 4.0::DOUBLE);
CREATE MACRO wil_lo(x, n) AS CASE WHEN x = 0 THEN 0.0::DOUBLE ELSE greatest(0.0::DOUBLE, wil_c(x, n) - wil_h(x, n)) END;
CREATE MACRO wil_hi(x, n) AS CASE WHEN x = n THEN 1.0::DOUBLE ELSE least(1.0::DOUBLE, wil_c(x, n) + wil_h(x, n)) END;
CREATE MACRO wilson(x, n) AS CASE WHEN n > 0 THEN [100.0::DOUBLE * wil_lo(x, n), 100.0::DOUBLE * wil_hi(x, n)] END;
-- Newcombe's hybrid score interval of p1 - p2 (percentage points), 1 = BME
CREATE MACRO newc(x1, n1, x2, n2) AS CASE WHEN n1 > 0 AND n2 > 0 THEN [
  100.0::DOUBLE * (ratio(x1, n1) - ratio(x2, n2) - sqrt(pow(ratio(x1, n1) - wil_lo(x1, n1), 2) + pow(wil_hi(x2, n2) - ratio(x2, n2), 2))),
  100.0::DOUBLE * (ratio(x1, n1) - ratio(x2, n2) + sqrt(pow(wil_hi(x1, n1) - ratio(x1, n1), 2) + pow(ratio(x2, n2) - wil_lo(x2, n2), 2)))] END;
-- the report objects
CREATE MACRO mix(w, b, u) AS {'white': w, 'bme': b, 'unknown': u, 'total': w + b + u,
  'white_pct': pct(w, w + b + u), 'bme_pct': pct(b, w + b + u), 'unknown_pct': pct(u, w + b + u)};
CREATE MACRO board_obj(w, b, u, wf) AS {'white': w, 'bme': b, 'unknown': u, 'total': w + b + u,
  'bme_pct': pct(b, w + b + u), 'difference': pct(b, w + b + u) - wf};
`;

// the report objects of indicators 2-4 and 5-8, as SQL text over count expressions
// (a = the numerator group's events of n1, b = the other group's of n2)
const rlFields = (wn, we, bn, be, whiteFirst, p) => {
  const [a, n1, b, n2] = whiteFirst ? [we, wn, be, bn] : [be, bn, we, wn];
  return `'white': {'n': ${wn}, 'events': ${we}, 'rate': ratio(${we}, ${wn})},
    'bme': {'n': ${bn}, 'events': ${be}, 'rate': ratio(${be}, ${bn})},
    'relative_likelihood': rl(${a}, ${n1}, ${b}, ${n2}), 'ci': katz(${a}, ${n1}, ${b}, ${n2}),
    'p_value': ${p}, 'significant': signif(${p}), 'non_adverse': nonadv(${a}, ${n1}, ${b}, ${n2})`;
};
const pctObj = (k) => `{'available': av${k},
    'white': {'n': wn${k}, 'yes': wy${k}, 'pct': pct(wy${k}, wn${k}), 'ci': wilson(wy${k}, wn${k})},
    'bme': {'n': bn${k}, 'yes': by${k}, 'pct': pct(by${k}, bn${k}), 'ci': wilson(by${k}, bn${k})},
    'difference': CASE WHEN wn${k} > 0 AND bn${k} > 0 THEN pct(by${k}, bn${k}) - pct(wy${k}, wn${k}) END,
    'difference_ci': newc(by${k}, bn${k}, wy${k}, wn${k}),
    'p_value': p${k}, 'significant': signif(p${k})}`;
const S = [5, 6, 7, 8];

// The rows of each file are counted per distinct combination of raw values
// (one scan of the CSV); each vocabulary is then decoded once per distinct
// value of its column and joined back, and the decoded combinations summed.
const csv = (name) => `read_csv(${file(name)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
// maps: [column, {alias: SQL expression of the column}]
const decoded = (name, maps, extra = ['n']) => {
  const cols = maps.map(([c]) => `"${c}"`).join(', ');
  const sel = [], joins = [];
  maps.forEach(([c, outs], i) => {
    for (const [alias, expr] of Object.entries(outs)) sel.push(`m${i}.${alias}`);
    const vals = Object.entries(outs).map(([alias, expr]) => `${expr.replaceAll('$', 'k')} ${alias}`);
    joins.push(`LEFT JOIN (SELECT k, ${vals.join(', ')} FROM (SELECT DISTINCT "${c}" k FROM ${name}_r)) m${i}
      ON r."${c}" IS NOT DISTINCT FROM m${i}.k`);
  });
  return `CREATE TEMP TABLE ${name}_r AS SELECT ${cols}, count(*) n FROM ${csv(name)} GROUP BY ALL;
CREATE TEMP TABLE ${name}_m AS SELECT ${sel.join(', ')}, ${extra.map((x) => `r.${x}`).join(', ')}
  FROM ${name}_r r ${joins.join(' ')};
`;
};
const orgYear = [['org', { org: 'worg($)' }], ['year', { yr: 'wyear($)' }]];
const answer = (col, k, fn) => [col, { [`a${k}`]: 'wval($) IS NOT NULL', [`y${k}`]: `${fn}($)` }];
const tables = [
  decoded('staff', [...orgYear, ['ethnicity', { g: 'eth($)' }], ['band', { bd: 'band($)' }],
    ['staff_group', { sg: 'sgroup($)' }], ['disciplinary', { disc: 'yn0($)' }],
    ['training', { train: 'yn0($)' }], ['bank', { bank: 'yn0($)' }]]),
  decoded('applicants', [...orgYear, ['ethnicity', { g: 'eth($)' }],
    ['shortlisted', { sl: 'yn($)' }], ['appointed', { ap: 'yn0($)' }]]),
  decoded('survey', [...orgYear, ['ethnicity', { g: 'eth($)' }],
    answer('harassment_public', 5, 'harass'), answer('harassment_staff', 6, 'harass'),
    answer('equal_opportunities', 7, 'eqopp'), answer('discrimination_staff', 8, 'yn')]),
  `CREATE TEMP TABLE survey_counts_m AS
  SELECT worg(org) org, wyear(year) yr, cgroup("group") g, wint(indicator) ind,
         wint("yes") yes_, wint(respondents) resp
  FROM ${csv('survey_counts')};
`,
  decoded('board', [...orgYear, ['ethnicity', { g: 'eth($)' }],
    ['voting', { vot: 'yn($)' }], ['executive', { exe: 'yn($)' }]]),
].join('');

// rows that libwres would reject: none expected in the national data
const bad = `
SELECT 'staff' f, sum(n) FILTER (WHERE yr IS NULL OR g IS NULL OR bd IS NULL OR sg IS NULL
  OR disc IS NULL OR train IS NULL OR bank IS NULL) bad FROM staff_m
UNION ALL SELECT 'applicants', sum(n) FILTER (WHERE yr IS NULL OR g IS NULL OR sl IS NULL
  OR ap IS NULL OR (ap = 1 AND sl = 0)) FROM applicants_m
UNION ALL SELECT 'survey', sum(n) FILTER (WHERE yr IS NULL OR g IS NULL OR (a5 AND y5 IS NULL)
  OR (a6 AND y6 IS NULL) OR (a7 AND y7 IS NULL) OR (a8 AND y8 IS NULL)) FROM survey_m
UNION ALL SELECT 'survey_counts', count(*) FILTER (WHERE yr IS NULL OR g IS NULL
  OR ind NOT BETWEEN 5 AND 8 OR ind IS NULL OR yes_ IS NULL OR resp IS NULL OR yes_ > resp) FROM survey_counts_m
UNION ALL SELECT 'board', sum(n) FILTER (WHERE yr IS NULL OR g IS NULL OR vot IS NULL OR exe IS NULL) FROM board_m
`;

const report = `
WITH
st AS (
  SELECT org, yr, sum(n) rows_all, sum(n) FILTER (WHERE bank = 1) bank_n,
    coalesce(sum(n) FILTER (WHERE bank = 0), 0) head,
    coalesce(sum(n) FILTER (WHERE bank = 0 AND g = 0), 0) w,
    coalesce(sum(n) FILTER (WHERE bank = 0 AND g = 1), 0) b,
    coalesce(sum(n) FILTER (WHERE bank = 0 AND g = 2), 0) u,
    coalesce(sum(n) FILTER (WHERE bank = 0 AND g = 0 AND disc = 1), 0) dw,
    coalesce(sum(n) FILTER (WHERE bank = 0 AND g = 1 AND disc = 1), 0) db,
    coalesce(sum(n) FILTER (WHERE bank = 0 AND g = 0 AND train = 1), 0) tw,
    coalesce(sum(n) FILTER (WHERE bank = 0 AND g = 1 AND train = 1), 0) tb
  FROM staff_m GROUP BY org, yr),
cell AS (
  SELECT org, yr, sg, bd, grouping(sg) gs, grouping(bd) gb,
    coalesce(sum(n) FILTER (WHERE g = 0), 0) w, coalesce(sum(n) FILTER (WHERE g = 1), 0) b,
    coalesce(sum(n) FILTER (WHERE g = 2), 0) u
  FROM staff_m WHERE bank = 0 GROUP BY GROUPING SETS ((org, yr, sg, bd), (org, yr, sg), (org, yr, bd))),
cells AS (
  SELECT org, yr, list({
      'staff_group': CASE WHEN gs = 1 THEN 'all' ELSE ${listLit(groupNames)}[sg + 1] END,
      'band': CASE WHEN gb = 1 THEN 'All' ELSE ${listLit(bandNames)}[bd + 1] END,
      'white': w, 'bme': b, 'unknown': u, 'total': w + b + u,
      'white_pct': pct(w, w + b + u), 'bme_pct': pct(b, w + b + u), 'unknown_pct': pct(u, w + b + u)}
    ORDER BY gs * 2 + gb, sg, bd) rows_
  FROM cell WHERE org IS NOT NULL GROUP BY org, yr),
ap AS (
  SELECT org, yr, sum(n) rows_all,
    coalesce(sum(n) FILTER (WHERE g = 0 AND sl = 1), 0) sw, coalesce(sum(n) FILTER (WHERE g = 0 AND ap = 1), 0) aw,
    coalesce(sum(n) FILTER (WHERE g = 1 AND sl = 1), 0) sb, coalesce(sum(n) FILTER (WHERE g = 1 AND ap = 1), 0) ab
  FROM applicants_m GROUP BY org, yr),
sv AS (   -- microdata and counts, per (org, year, indicator)
  SELECT org, yr, 5 ind, g, sum(n) FILTER (WHERE a5) resp, sum(n) FILTER (WHERE y5 = 1) yes_ FROM survey_m GROUP BY ALL
  UNION ALL SELECT org, yr, 6, g, sum(n) FILTER (WHERE a6), sum(n) FILTER (WHERE y6 = 1) FROM survey_m GROUP BY ALL
  UNION ALL SELECT org, yr, 7, g, sum(n) FILTER (WHERE a7), sum(n) FILTER (WHERE y7 = 1) FROM survey_m GROUP BY ALL
  UNION ALL SELECT org, yr, 8, g, sum(n) FILTER (WHERE a8), sum(n) FILTER (WHERE y8 = 1) FROM survey_m GROUP BY ALL
  UNION ALL SELECT org, yr, ind, g, 0, 0 FROM survey_counts_m   -- a counts row makes the indicator available
  UNION ALL SELECT org, yr, ind, g, resp, yes_ FROM survey_counts_m),
svi AS (
  SELECT org, yr, ind, count(*) FILTER (WHERE resp IS NOT NULL) > 0 avail,
    coalesce(sum(resp) FILTER (WHERE g = 0), 0) wn, coalesce(sum(yes_) FILTER (WHERE g = 0), 0) wy,
    coalesce(sum(resp) FILTER (WHERE g = 1), 0) bn, coalesce(sum(yes_) FILTER (WHERE g = 1), 0) by_
  FROM sv GROUP BY org, yr, ind),
bd AS (
  SELECT org, yr,
    coalesce(sum(n) FILTER (WHERE g = 0), 0) w, coalesce(sum(n) FILTER (WHERE g = 1), 0) b, coalesce(sum(n) FILTER (WHERE g = 2), 0) u,
    coalesce(sum(n) FILTER (WHERE vot = 1 AND g = 0), 0) vw, coalesce(sum(n) FILTER (WHERE vot = 1 AND g = 1), 0) vb,
    coalesce(sum(n) FILTER (WHERE vot = 1 AND g = 2), 0) vu,
    coalesce(sum(n) FILTER (WHERE exe = 1 AND g = 0), 0) ew, coalesce(sum(n) FILTER (WHERE exe = 1 AND g = 1), 0) eb,
    coalesce(sum(n) FILTER (WHERE exe = 1 AND g = 2), 0) eu
  FROM board_m GROUP BY org, yr),
periods AS (
  SELECT org, yr FROM st UNION SELECT org, yr FROM ap UNION SELECT org, yr FROM svi UNION SELECT org, yr FROM bd),
c AS (   -- every count of the (org, year), flat
  SELECT p.org, p.yr, coalesce(st.rows_all > 0, false) has_st, st.head, st.bank_n,
    st.w, st.b, st.u, st.dw, st.db, st.tw, st.tb, sp.head sp_head,
    sp.w sp_w, sp.b sp_b, sp.dw sp_dw, sp.db sp_db, cells.rows_,
    coalesce(ap.rows_all > 0, false) has_ap, ap.sw, ap.aw, ap.sb, ap.ab,
    ${S.map((k) => `coalesce(s${k}.avail, false) av${k}, s${k}.wn wn${k}, s${k}.wy wy${k}, s${k}.bn bn${k}, s${k}.by_ by${k}`).join(',\n    ')},
    bd.org IS NOT NULL has_bd, bd.w bw, bd.b bb, bd.u bu, bd.vw, bd.vb, bd.vu, bd.ew, bd.eb, bd.eu
  FROM periods p
    LEFT JOIN st ON st.org = p.org AND st.yr = p.yr
    LEFT JOIN st sp ON sp.org = p.org AND sp.yr = p.yr - 1
    LEFT JOIN cells ON cells.org = p.org AND cells.yr = p.yr
    LEFT JOIN ap ON ap.org = p.org AND ap.yr = p.yr
    LEFT JOIN bd ON bd.org = p.org AND bd.yr = p.yr
    ${S.map((k) => `LEFT JOIN svi s${k} ON s${k}.org = p.org AND s${k}.yr = p.yr AND s${k}.ind = ${k}`).join('\n    ')}),
c2 AS (   -- indicator 3 pools Y-1 and Y when both have staff (bank staff aside)
  SELECT *, CASE WHEN pooled THEN w + sp_w ELSE w END pw, CASE WHEN pooled THEN b + sp_b ELSE b END pb,
    CASE WHEN pooled THEN dw + sp_dw ELSE dw END pdw, CASE WHEN pooled THEN db + sp_db ELSE db END pdb,
    CASE WHEN has_st THEN pct(b, head) END wf
  FROM (SELECT *, coalesce(sp_head > 0 AND head > 0, false) pooled FROM c)),
z AS (
  SELECT *, zabs(aw, sw, ab, sb) z2, zabs(pdb, pb, pdw, pw) z3, zabs(db, b, dw, w) z3s, zabs(tw, w, tb, b) z4,
    ${S.map((k) => `zabs(by${k}, bn${k}, wy${k}, wn${k}) z${k}`).join(', ')}
  FROM c2),
pv AS (
  SELECT *, erfc_pos(z2) p2, erfc_pos(z3) p3, erfc_pos(z3s) p3s, erfc_pos(z4) p4,
    ${S.map((k) => `erfc_pos(z${k}) p${k}`).join(', ')}
  FROM z)
SELECT org, yr AS "year",
  {'staff_headcount': head, 'bank_excluded': bank_n, 'ethnicity_unknown': u,
   'declared_pct': pct(w + b, head)} AS data_quality,
  {'1': {'available': has_st, 'workforce': mix(w, b, u), 'rows': coalesce(rows_, [])},
   '2': {'available': has_ap, ${rlFields('sw', 'aw', 'sb', 'ab', true, 'p2')}},
   '3': {'available': has_st,
         'years': CASE WHEN NOT has_st THEN [] WHEN pooled THEN [yr - 1, yr] ELSE [yr] END,
         ${rlFields('pw', 'pdw', 'pb', 'pdb', false, 'p3')},
         'single_year': {${rlFields('w', 'dw', 'b', 'db', false, 'p3s')}}},
   '4': {'available': has_st, ${rlFields('w', 'tw', 'b', 'tb', true, 'p4')}},
   ${S.map((k) => `'${k}': ${pctObj(k)}`).join(',\n   ')},
   '9': {'available': has_bd, 'workforce_bme_pct': CASE WHEN has_bd THEN wf END,
         'board': board_obj(bw, bb, bu, wf), 'voting': board_obj(vw, vb, vu, wf),
         'executive': board_obj(ew, eb, eu, wf)}
  } AS indicators
FROM pv
ORDER BY org, yr`;

try {
  const t0 = Date.now();
  const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await inst.connect();
  await con.run('SET threads = 2');
  const verbose = !!process.env.WRES_PEER_VERBOSE;
  const step = async (what, sql) => {
    const t = Date.now();
    await con.run(sql);
    if (verbose) console.error(`duckdb: ${what}: ${(Date.now() - t) / 1000} s`);
  };
  await step('macros', macros);
  for (const sql of tables.split(';').filter((x) => x.trim()))
    await step(sql.trim().split(/\s+/)[3], sql);
  const badRows = (await con.runAndReadAll(bad)).getRowObjectsJson()
    .filter((r) => r.bad !== null && Number(r.bad) > 0);
  if (badRows.length) {
    for (const r of badRows)
      console.error(`duckdb: ${r.f}.csv: ${r.bad} rows outside DATA.md's vocabularies (this peer expects clean national data)`);
    process.exit(1);
  }
  await step('report', `COPY (${report}) TO ${lit(outPath)} (FORMAT json, ARRAY true)`);
  if (verbose) console.error(`duckdb: done in ${(Date.now() - t0) / 1000} s`);
} catch (e) {
  console.error(`duckdb: ${e.message}`);
  process.exit(1);
}
