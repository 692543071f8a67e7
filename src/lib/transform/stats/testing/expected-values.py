#!/usr/bin/env python3
"""
Independent computation of the expected values used by the tests in this folder and by
tests/integration/stats-real.test.ts. Plain Python 3 (no numpy/scipy): csv, math,
fractions, statistics.NormalDist. Run from the repository root:

    python3 src/lib/transform/stats/testing/expected-values.py

Each section prints the numbers pinned in the named test file.
"""
import csv, math, os
from collections import Counter
from fractions import Fraction
from statistics import NormalDist

N = NormalDist()
Z = N.inv_cdf(0.975)


def q7(s, p):
    """Quantile type 7 (d3, R default) of a sorted list."""
    n = len(s); h = (n - 1) * p; lo = math.floor(h); hi = min(lo + 1, n - 1)
    return s[lo] + (s[hi] - s[lo]) * (h - lo)


MIN_NEFF = 6


def woodruff(s, neff=None):
    """Median interval and SE of sorted values s at effective n neff (default len(s)): the
    type-7 quantiles at 1/2 -+ Z/(2 sqrt(neff)); SE = half-width / Z, on the log scale too.
    None for the interval and SEs under MIN_NEFF."""
    n = len(s); neff = n if neff is None else min(n, neff)
    if neff < MIN_NEFF: return None, None, None
    h = Z / (2 * math.sqrt(neff)); lo = q7(s, max(0, .5 - h)); hi = q7(s, min(1, .5 + h))
    return (lo, hi), (hi - lo) / (2 * Z), ((math.log(hi) - math.log(lo)) / (2 * Z) if lo > 0 else None)


def weighted_quantile(pairs, p):
    """pairs: sorted (value, weight > 0). Smallest value whose cumulative weight reaches p·W;
    exactly p·W (tolerance 1e-9·W) → average with the next value."""
    W = sum(w for _, w in pairs); t = p * W; cum = 0.0
    for i, (v, w) in enumerate(pairs):
        cum += w
        if cum >= t - 1e-9 * W:
            if cum > t + 1e-9 * W: return v
            return (v + pairs[i + 1][0]) / 2 if i + 1 < len(pairs) else v
    return pairs[-1][0]


def mulberry32(seed):
    M = 0xFFFFFFFF
    imul = lambda a, b: (a * b) & M
    a = seed & M
    def draw():
        nonlocal a
        a = (a + 0x6D2B79F5) & M; t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & M
        return ((t ^ (t >> 14)) & M) / 4294967296
    return draw


def cluster_neff(sizes):
    """Kish effective n of rows in clusters of identical rows: N² / Σ m² (sizes: one per cluster)."""
    N = sum(sizes); return N * N / sum(m * m for m in sizes)


def clustered_summary(rows_values):
    """rows_values: one (value, cluster key) per row, identical rows share the key;
    returns median, ci, se, selog, neff."""
    vals = sorted(v for v, _ in rows_values)
    sizes = list(Counter(k for _, k in rows_values).values()); neff = cluster_neff(sizes)
    ci, se, sel = woodruff(vals, neff)
    return q7(vals, .5), ci, se, sel, neff


def cluster_bootstrap_gap(a, b, reps, seed):
    """Percentile bootstrap of median(a) − median(b), resampling clusters of identical rows.
    a, b: lists of (value, cluster key)."""
    import random
    rnd = random.Random(seed)
    def clusters(x):
        c = Counter(x); return [(v, m) for (v, _), m in c.items()]
    ca, cb = clusters(a), clusters(b); out = []
    def med(cl):
        draw = [cl[rnd.randrange(len(cl))] for _ in cl]
        vals = sorted(v for v, m in draw for _ in range(m)); return q7(vals, .5)
    for _ in range(reps): out.append(med(ca) - med(cb))
    out.sort(); return q7(out, .025), q7(out, .975)


print('== quantiles.test.ts')
for s in ([1, 2, 3, 4], [5], [10, 20, 20, 30, 100], [0.5, 1.5], [10, 30, 20], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]):
    t = sorted(s); print(s, [q7(t, p) for p in (.1, .25, .5, .75, .9)])

print('== intervals.test.ts: Woodruff intervals')
for vals in ([25, 29, 35, 36, 36, 40, 41, 43, 44, 54], list(range(1, 101)), [10, 20, 30, 40, 50, 60]):
    s_ = sorted(vals); print(vals[:6], '... n', len(s_), 'median', q7(s_, .5), 'ci, se, selog', woodruff(s_))
y1 = sorted([70, 394, 43, 95, 62, 128, 2, 203, 81, 436, 85, 35, 156, 1, 3, 27, 63, 181, 184, 18])
y2 = sorted([102, 120, 78, 78, 417, 124, 86, 171, 176, 129, 230, 194, 100, 157, 306, 411, 164, 103, 193, 312])
_, s1, l1 = woodruff(y1); _, s2, l2 = woodruff(y2)
g = q7(y1, .5) - q7(y2, .5); se = math.hypot(s1, s2); lr = math.log(q7(y1, .5) / q7(y2, .5)); sl = math.hypot(l1, l2)
print('ci.median2 data: gap', g, 'se', se, 'ci', g - Z * se, g + Z * se, 'pct ci', 100 * (math.exp(lr - Z * sl) - 1), 100 * (math.exp(lr + Z * sl) - 1))
y3 = sorted([36, 44, 47, 42, 49, 39, 46, 31, 33, 48]); y4 = sorted([32, 39, 26, 35, 43, 27, 40, 37, 34, 29, 49, 42, 40])
_, s3, l3 = woodruff(y3); _, s4, l4 = woodruff(y4)
lr = math.log(q7(y3, .5) / q7(y4, .5)); sl = math.hypot(l3, l4); g = q7(y3, .5) - q7(y4, .5); se = math.hypot(s3, s4)
print('ci.ratio.median2 data: gap', g, 'ci', g - Z * se, g + Z * se, 'pct', 100 * (q7(y3, .5) / q7(y4, .5) - 1), 'pct ci', 100 * (math.exp(lr - Z * sl) - 1), 100 * (math.exp(lr + Z * sl) - 1))

print('== intervals.test.ts: clustered (identical rows as clusters)')
# Fixture: 10 distinct values, the first five repeated 3 times each → clusters [3,3,3,3,3,1,1,1,1,1]
fx = [(1000 * (i + 1), i) for i in range(10)] + [(1000 * (i + 1), i) for i in range(5)] * 2
m, ci, se, sel, ne = clustered_summary(fx)
print('fixture n', len(fx), 'neff', ne, 'median', m, 'ci', ci, 'se', se, 'selog', sel)
print('== summary-table.test.ts: tripled fixture, north-america (4 clusters of 3 per family)')
ta = [(v, v) for v in (90000, 100000, 120000, 150000)] * 3
tm = [(v, v) for v in (130000, 170000, 200000, 250000)] * 3
ma, cia, sa, la, na = clustered_summary(ta); mm, cim, sm, lm, nm = clustered_summary(tm)
# Effective n 4 < 6: no interval and no verdict, only the medians and the gap.
print('neff', na, nm, 'ci', cia, cim, 'medians', ma, mm, 'gap', ma - mm, 'pct', round(100 * (ma / mm - 1), 3))

print('== bootstrap.test.ts: mulberry32(42)')
r = mulberry32(42); print([r(), r(), r()])

print('== like-for-like.test.ts')
ml = [(100000 + 1000 * i, 'A') for i in range(30)] + [(80000 + 1000 * i, 'B') for i in range(20)] + [(50000 + 1000 * i, 'C') for i in range(10)]
ai = [(120000 + 2000 * i, 'A') for i in range(10)] + [(70000 + 1000 * i, 'B') for i in range(40)] + [(300000 + 10000 * i, 'D') for i in range(3)]
w = {'A': 0.6 / 10, 'B': 0.4 / 40}
neff = 1 / (10 * w['A'] ** 2 + 40 * w['B'] ** 2)
pairs = sorted((v, w[c]) for v, c in ai if c in w)
d = Z / (2 * math.sqrt(neff))
med, lo, hi = weighted_quantile(pairs, .5), weighted_quantile(pairs, .5 - d), weighted_quantile(pairs, .5 + d)
mls = sorted(v for v, c in ml if c != 'C'); mm = q7(mls, .5); _, sm, lm = woodruff(mls)
sa = (hi - lo) / (2 * Z); la = (math.log(hi) - math.log(lo)) / (2 * Z)
# Floor: the SE of the AI rows used (unweighted) × √(n_used / n_eff) (Kish design effect).
used = sorted(v for v, c in ai if c in w); _, su, lu = woodruff(used); deff = math.sqrt(len(used) / neff)
sa = max(sa, su * deff); la = max(la, lu * deff)
lo, hi = min(lo, med - Z * sa), max(hi, med + Z * sa)
g = med - mm; se = math.hypot(sa, sm); lr = math.log(med / mm); sl = math.hypot(la, lm)
print('neff', neff, 'median', med, 'interval', lo, hi, 'ml median', mm)
print('gap', g, 'ci', g - Z * se, g + Z * se, 'pct', 100 * (med / mm - 1), 'pct ci', 100 * (math.exp(lr - Z * sl) - 1), 100 * (math.exp(lr + Z * sl) - 1))

print('== growth.test.ts')
cpi_t = {2022: 290.0, 2023: 300.0, 2024: 310.0}
gai = {2022: [100000 + 1000 * i for i in range(5)], 2023: [100000 + 1000 * i for i in range(10)], 2024: [120000 + 1000 * i for i in range(20)]}
gml = {2022: [90000 + 1000 * i for i in range(20)], 2023: [100000 + 1000 * i for i in range(30)], 2024: [110000 + 1000 * i for i in range(30)]}
for name, fam in (('AI', gai), ('ML', gml)):
    for y in (2022, 2023, 2024):
        n = len(fam[y]); tot = len(gai[y]) + len(gml[y]); m = q7(sorted(fam[y]), .5) if n >= 10 else None
        print(name, y, 'n', n, 'share', 100 * n / tot, 'median', m, 'real', None if m is None else m * cpi_t[2024] / cpi_t[y])
m22, m23, m24 = (q7(gml[y], .5) for y in (2022, 2023, 2024))
print('ML CAGR median', 100 * ((m24 / m22) ** 0.5 - 1), 'real', 100 * ((m24 / (m22 * 310 / 290)) ** 0.5 - 1), 'count', 100 * ((30 / 20) ** 0.5 - 1))
print('ML yoy 2023 median', 100 * (m23 / m22 - 1), 'real', 100 * ((m23 * 310 / 300) / (m22 * 310 / 290) - 1))
print('AI yoy 2024 median', 100 * (q7(gai[2024], .5) / q7(gai[2023], .5) - 1))
sl = {y: woodruff(sorted(gml[y]))[2] for y in (2022, 2023, 2024)}
def pct_ci(ratio, se, years): return tuple(100 * (math.exp((math.log(ratio) + s * Z * se) / years) - 1) for s in (-1, 1))
print('ML yoy 2023 median interval', pct_ci(m23 / m22, math.hypot(sl[2022], sl[2023]), 1))
print('ML CAGR 2022-2024 median interval', pct_ci(m24 / m22, math.hypot(sl[2022], sl[2024]), 2))
print('ML 2022 median interval', woodruff(sorted(gml[2022]))[0])
print('ML CAGR 2022-2024 real interval', pct_ci((m24 * 310 / 310) / (m22 * 310 / 290), math.hypot(sl[2022], sl[2024]), 2))

print("== views/your-data.test.ts: tests/fixtures/upload/salaries-gaps.csv (empty cells are 'not given')")
gx = list(csv.DictReader(open('tests/fixtures/upload/salaries-gaps.csv')))
fam_of = {'AI Engineer': 'AI', 'Machine Learning Engineer': 'ML'}
region_of = {'US': 'north-america', 'DE': 'europe'}
for f in ('AI', 'ML'):
    v = sorted(float(r['salary_usd']) for r in gx if fam_of.get(r['title']) == f)
    print(' ', f, 'n', len(v), 'median', q7(v, .5))
def cell(r):
    if not r['experience_level'] or not r['company_country'] or not r['company_size']: return None
    return (r['experience_level'], region_of[r['company_country']], r['company_size'])
fam_rows = [(fam_of[r['title']], float(r['salary_usd']), cell(r)) for r in gx if r['title'] in fam_of]
print('  rows without a cell: AI', sum(1 for f, _, c in fam_rows if f == 'AI' and c is None), 'ML', sum(1 for f, _, c in fam_rows if f == 'ML' and c is None))
ac = Counter(c for f, _, c in fam_rows if f == 'AI' and c); mc = Counter(c for f, _, c in fam_rows if f == 'ML' and c)
sup = [c for c in mc if c in ac]; msup = sum(mc[c] for c in sup)
wt = {c: (mc[c] / msup) / ac[c] for c in sup}
pairs = sorted((v, wt[c]) for f, v, c in fam_rows if f == 'AI' and c in wt)
# (Both sides are under 10 rows, so the page suppresses the adjusted medians; printed for reference.)
print('  like-for-like: ML rows in supported cells', msup, 'AI rows used', len(pairs), 'adjusted AI median', weighted_quantile(pairs, .5),
      'ML median (supported cells)', q7(sorted(v for f, v, c in fam_rows if f == 'ML' and c in wt), .5))
print('== stats-real.test.ts (real data)')
base = next((p for p in (os.path.join(os.environ.get('DATA_DIR', '.data-cache')), '../shared/data') if os.path.exists(os.path.join(p, 'aijobs-salaries/salaries.csv'))), None)
if base is None:
    print('real data absent: run npm run data')
    raise SystemExit
rows = list(csv.DictReader(open(os.path.join(base, 'aijobs-salaries/salaries.csv'))))
keys = [tuple(r.values()) for r in rows]
print('rows', len(rows), 'duplicates', len(keys) - len(set(keys)))

def summary(vals, label):
    s = sorted(vals); n = len(s); ci, se, sel = woodruff(s)
    print(' ', label, 'n', n, 'q', [q7(s, p) for p in (.1, .25, .5, .75, .9)], 'ci', ci, 'se', se)
    return q7(s, .5), se, sel

for dedupe in (False, True):
    print('-- strict, US, 2024,', 'identical rows once' if dedupe else 'all rows')
    seen = set(); a = []; m = []; cells = []
    for r in rows:
        k = tuple(r.values())
        if dedupe:
            if k in seen: continue
            seen.add(k)
        if r['company_location'] != 'US' or r['work_year'] != '2024': continue
        v = float(r['salary_in_usd'])
        if r['job_title'] == 'AI Engineer': a.append(v); cells.append(('AI', v, (r['experience_level'], r['company_size']), tuple(r.values())))
        elif r['job_title'] == 'Machine Learning Engineer': m.append(v); cells.append(('ML', v, (r['experience_level'], r['company_size']), tuple(r.values())))
    ma, sa, la = summary(a, 'AI'); mm, sm, lm = summary(m, 'ML')
    g = ma - mm; se = math.hypot(sa, sm); lr = math.log(ma / mm); sl = math.hypot(la, lm)
    print('  gap', g, 'ci', g - Z * se, g + Z * se, 'pct', 100 * (ma / mm - 1), 'pct ci', 100 * (math.exp(lr - Z * sl) - 1), 100 * (math.exp(lr + Z * sl) - 1))
    if not dedupe:
        # Identical rows as clusters (issue 10): effective n from cluster sizes, intervals and SEs at that n.
        ka = []; km = []
        for r in rows:
            if r['company_location'] != 'US' or r['work_year'] != '2024': continue
            t = {'AI Engineer': ka, 'Machine Learning Engineer': km}.get(r['job_title'])
            if t is not None: t.append((float(r['salary_in_usd']), tuple(r.values())))
        ca = clustered_summary(ka); cm = clustered_summary(km)
        print('  clustered AI neff', ca[4], 'ci', ca[1], 'se', ca[2], '| ML neff', cm[4], 'ci', cm[1], 'se', cm[2])
        g = ca[0] - cm[0]; se = math.hypot(ca[2], cm[2]); lr = math.log(ca[0] / cm[0]); sl = math.hypot(ca[3], cm[3])
        print('  clustered gap ci', g - Z * se, g + Z * se, 'pct ci', 100 * (math.exp(lr - Z * sl) - 1), 100 * (math.exp(lr + Z * sl) - 1))
        print('  cluster bootstrap gap ci (2000 resamples, seed 7)', cluster_bootstrap_gap(ka, km, 2000, 7))
        # like-for-like: US only, so a cell is (experience, size)
        ac = Counter(c for f, _, c, _k in cells if f == 'AI'); mc = Counter(c for f, _, c, _k in cells if f == 'ML')
        sup = {c for c in mc if ac[c] > 0}; M = sum(mc[c] for c in sup)
        wt = {c: (mc[c] / M) / ac[c] for c in sup}
        neff = 1 / sum((mc[c] / M) ** 2 / ac[c] for c in sup)
        # Clusters of identical AI rows: each is one unit of weight m·w.
        clus = Counter((k, c) for f, _, c, k in cells if f == 'AI' and c in wt)
        neff_cl = 1 / sum((m * wt[c]) ** 2 for (k, c), m in clus.items())
        pairs = sorted((v, wt[c]) for f, v, c, _k in cells if f == 'AI' and c in wt)
        d = Z / (2 * math.sqrt(neff_cl))
        med = weighted_quantile(pairs, .5); lo = weighted_quantile(pairs, .5 - d); hi = weighted_quantile(pairs, .5 + d)
        _, su, _l = woodruff(sorted(v for v, _ in pairs)); sa = max((hi - lo) / (2 * Z), su * math.sqrt(len(pairs) / neff_cl))
        print('  like-for-like neff', neff, 'clustered', neff_cl, 'AI rows without target', sum(ac[c] for c in ac if c not in mc),
              'unsupported ML cells', {c: mc[c] for c in mc if c not in sup},
              'adjusted median', med, 'interval', min(lo, med - Z * sa), max(hi, med + Z * sa))

cpi = {}
for r in csv.DictReader(open(os.path.join(base, 'us-cpi/cpiai.csv'))):
    cpi.setdefault(int(r['Date'][:4]), []).append(float(r['Index']))
avg = {y: sum(v) / 12 for y, v in cpi.items() if len(v) == 12}
def wilson(p, n):
    z2 = Z * Z; c = (p + z2 / (2 * n)) / (1 + z2 / n); h = Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0, c - h), min(1, c + h)
print('-- claim.test.ts: 100k, 101k, …, 199k median interval', woodruff([100000 + 1000 * i for i in range(100)])[0])
print('-- claim.test.ts: wilson(0.5, 100)', wilson(.5, 100), 'wilson(0.1, 12.5)', wilson(.1, 12.5))
mls = sorted(v for v, _ in km); below = sum(v < 250000 for v in mls); eq = sum(v == 250000 for v in mls)
pr = (below + eq / 2) / len(mls); ne = cluster_neff(list(Counter(k for _, k in km).values()))
print('  ML strict US 2024, $250k: percentile', 100 * pr, 'interval', [100 * x for x in wilson(pr, ne)], 'ML median ci', cm[1])
print('CPI months 2025', len(cpi[2025]), 'avg 2024', avg[2024], 'deflator 2020->2024', avg[2024] / avg[2020])
print('-- growth, strict titles, every country')
by = {}
for r in rows:
    fam = {'AI Engineer': 'AI', 'Machine Learning Engineer': 'ML'}.get(r['job_title'])
    if fam: by.setdefault((fam, int(r['work_year'])), []).append(float(r['salary_in_usd']))
for y in range(2020, 2026):
    a = len(by.get(('AI', y), [])); m = len(by.get(('ML', y), []))
    mm = q7(sorted(by[('ML', y)]), .5) if m >= 10 else None
    print(' ', y, 'AI', a, 'ML', m, 'AI share', 100 * a / (a + m), 'ML median', mm, 'ML real', mm * avg[2024] / avg[y] if (mm and y in avg) else None)
print('  AI count change 2023→2024 %', 100 * (len(by[('AI', 2024)]) / len(by[('AI', 2023)]) - 1))
