#!/usr/bin/env python3
"""
Independent computation of pay in other money (no code shared with the app), for
transform/money.ts: reads the pinned files from the data cache with the csv module and writes
money-expected.json beside this script, which tests/integration/money-real.test.ts checks.

    python3 src/lib/transform/testing/money-expected.py [data-cache-dir]

Rules (the module comment of transform/money.ts says why):
- aijobs.net's rate of a currency and work year = median of salary / salary_in_usd over the
  rows paid in it; where there is none, the Fed's yearly rate (units per US dollar); a work
  year after the Fed's last year takes that year's rate.
- A currency: the amount as paid when paid in it, else salary_in_usd x rate.
- PPP: the amount in the residence country's currency (as paid, or salary_in_usd x rate)
  divided by that country's PPP factor for the work year (after the table's last year: the
  last year's factor).
Strict titles only ("AI Engineer", "Machine Learning Engineer") so that no title rule is shared.
"""
import csv
import json
import os
import statistics
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../../.data-cache')

FED = {'Australia': 'AUD', 'Brazil': 'BRL', 'Canada': 'CAD', 'China': 'CNY', 'Denmark': 'DKK', 'Euro': 'EUR',
       'Hong Kong': 'HKD', 'India': 'INR', 'Japan': 'JPY', 'Malaysia': 'MYR', 'Mexico': 'MXN', 'New Zealand': 'NZD',
       'Norway': 'NOK', 'Singapore': 'SGD', 'South Africa': 'ZAR', 'South Korea': 'KRW', 'Sweden': 'SEK',
       'Switzerland': 'CHF', 'Taiwan': 'TWD', 'Thailand': 'THB'}
# Residence country -> currency, for the countries whose reports this script converts at PPP.
LOCAL = {'US': 'USD', 'PR': 'USD', 'IN': 'INR', 'GB': 'GBP', 'CA': 'CAD', 'AU': 'AUD', 'DE': 'EUR', 'FR': 'EUR',
         'ES': 'EUR', 'NL': 'EUR', 'PL': 'PLN', 'CH': 'CHF', 'BR': 'BRL', 'JP': 'JPY', 'SG': 'SGD', 'MX': 'MXN'}

salaries = list(csv.DictReader(open(os.path.join(CACHE, 'aijobs-salaries/salaries.csv'), encoding='utf-8')))

ratios = defaultdict(list)
for r in salaries:
    if r['salary_currency'] != 'USD':
        ratios[(r['salary_currency'], int(r['work_year']))].append(float(r['salary']) / float(r['salary_in_usd']))
aijobs = {k: statistics.median(v) for k, v in ratios.items()}

fed = {}
for r in csv.DictReader(open(os.path.join(CACHE, 'exchange-rates/yearly.csv'), encoding='utf-8')):
    if r['Country'] in FED:
        fed[(FED[r['Country']], int(r['Date'][:4]))] = float(r['Value'])
fed_last = max(y for _, y in fed)

ppp = {}
for r in csv.DictReader(open(os.path.join(CACHE, 'ppp/ppp-gdp.csv'), encoding='utf-8')):
    ppp[(r['Country ID'], int(r['Year']))] = float(r['PPP'])
ppp_last = max(y for _, y in ppp)


def rate(code, year):
    if code == 'USD':
        return 1.0
    for y in ([year] if year <= fed_last else [year, fed_last]):
        if (code, y) in aijobs:
            return aijobs[(code, y)]
        if (code, y) in fed:
            return fed[(code, y)]
    return None


def in_currency(r, code):
    if r['salary_currency'] == code:
        return float(r['salary'])
    k = rate(code, int(r['work_year']))
    return None if k is None else float(r['salary_in_usd']) * k


def at_ppp(r):
    c, y = r['employee_residence'], int(r['work_year'])
    f = ppp.get((c, y)) or (ppp.get((c, ppp_last)) if y > ppp_last else None)
    if f is None or c not in LOCAL:
        return None
    local = in_currency(r, LOCAL[c])
    return None if local is None else local / f


def convert(r, code):
    return at_ppp(r) if code == 'PPP' else in_currency(r, code)


# Sample rows: every 2,500th line, and the first rows paid in EUR, GBP, INR.
sample_lines = set(range(2, len(salaries) + 2, 2500))
for cur in ('EUR', 'GBP', 'INR'):
    sample_lines.add(next(i + 2 for i, r in enumerate(salaries) if r['salary_currency'] == cur))
rows_out = []
for line in sorted(sample_lines):
    r = salaries[line - 2]
    rows_out.append({'line': line, **{code: convert(r, code) for code in ('EUR', 'GBP', 'INR', 'CHF', 'PPP')}})

FAMILY = {'AI Engineer': 'AI', 'Machine Learning Engineer': 'ML'}
views = []
for name, keep in (
    ('all', lambda r: True),
    ('residence IN', lambda r: r['employee_residence'] == 'IN'),
    ('residence DE, FR, ES, NL', lambda r: r['employee_residence'] in ('DE', 'FR', 'ES', 'NL')),
):
    for code in ('USD', 'EUR', 'INR', 'PPP'):
        out = {'view': name, 'currency': code}
        for fam in ('AI', 'ML'):
            vals = [convert(r, code) for r in salaries if FAMILY.get(r['job_title']) == fam and keep(r)]
            kept = [v for v in vals if v is not None]
            out[fam] = {'n': len(kept), 'left_out': len(vals) - len(kept), 'median': statistics.median(kept) if kept else None}
        views.append(out)

json.dump({'rates': {f'{c}|{y}': v for (c, y), v in sorted(aijobs.items())}, 'rows': rows_out, 'views': views},
          open(os.path.join(HERE, 'money-expected.json'), 'w'), indent=1)
print(f'wrote {len(rows_out)} rows, {len(views)} views')
