#!/usr/bin/env python3
"""Writes Tests/DangolAnalyticsTests/Vectors/hyp2f1_bgnbd.csv: Gauss hypergeometric 2F1(a, b; c; z) in the range
BG/NBD uses it, with reference values from mpmath at 40 significant digits.

Run it in a virtualenv with mpmath (pure Python, no other dependency):

    python3 -m venv /tmp/hyp && /tmp/hyp/bin/pip install mpmath
    /tmp/hyp/bin/python scripts/analytics/make-hyp2f1-vectors.py

Columns:
- group: which part of the grid the row belongs to (see GROUPS below).
- a, b, c, z: the arguments, as doubles printed by Python's repr (the shortest text that reads back to the same
  double); the reference is computed at exactly these binary values.
- value: 2F1 rounded to 17 significant digits.
- series_terms: how many terms the plain power series needs at these arguments (the algorithm before 2026-11:
  Pfaff's transformation on a for z < 0, then the series with its stopping rule), simulated in doubles and capped at
  200000 (written as 200000). Rows at the cap are the cases that made the analytics refresh slow.
- reference: how mpmath computed the value: "series" when the defining power series of the row or of a Kummer
  equivalent of it with positive argument (Pfaff z/(z-1), Euler) converges within 20000 terms, summed in mpmath
  arithmetic; otherwise "hyp2f1" (mpmath.hyp2f1, which uses the transformations at z = 1 with extra working
  precision until the result is good to the requested 40 digits).

BG/NBD's expected purchases need (1 - z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z) with z = t/(alpha+T+t), which is
2F1(a-1, r+x; a+b+x-1; -u) with u = t/(alpha+T) (Pfaff). Rows are written in that form ("bgnbd" groups) and, where
its value fits in a double, in the former one ("old-form" groups), for u = t/(alpha+T) from 0.01 to 1e9, i.e.
z up to 1 - 1e-9.
"""
import math
import os
import random
import sys

import mpmath

mpmath.mp.dps = 40
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DangolAnalyticsTests", "Vectors",
                   "hyp2f1_bgnbd.csv")
SERIES_CAP = 200_000


def plain_series_terms(a, b, c, z):
    """Terms the former Swift implementation summed (SpecialFunctions.hypergeometric2F1 before the rewrite)."""
    if z < 0:
        a, b, c, z = a, c - b, c, z / (z - 1)
    if z == 0:
        return 0
    term, total, n = 1.0, 1.0, 0.0
    settled = abs(a) + abs(b) + abs(c)
    for count in range(1, SERIES_CAP + 1):
        term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
        total += term
        n += 1
        if term == 0:
            return count
        if abs(term) <= 1e-17 * abs(total) and (n > settled or tail_negligible(a, b, c, n, abs(term), z, abs(total))):
            return count
    return SERIES_CAP


def tail_negligible(a, b, c, n, term, z, total):
    if a + n <= 0 or b + n <= 0 or c + n <= 0:
        return False
    d = a + b - c - 1
    e = a * b - c
    ratio = (1 + (abs(e) / (n + 1) + abs(d)) / (c + n)) * z
    return ratio < 1 and term * ratio / (1 - ratio) <= 1e-16 * total


def mp_series(a, b, c, z, cap=20_000):
    """The defining series in mpmath arithmetic, or None if it has not converged within `cap` terms.

    It stops when the last term is below 1e-45 of the sum and a bound on the rest is too: for n with a + n, b + n,
    c + n > 0 each of (a + m)/(c + m) and (b + m)/(m + 1) moves monotonically towards 1 for m >= n, so the ratio of
    later terms is at most rho = max(1, (a+n)/(c+n)) * max(1, (b+n)/(n+1)) * z and the rest at most term * rho/(1-rho).
    """
    if z != 0 and 110 / -math.log(abs(float(z))) > cap:
        return None  # terms shrink no faster than |z|^n in the end: it cannot reach 1e-45 within the cap
    term, total, n = mpmath.mpf(1), mpmath.mpf(1), 0
    tiny = mpmath.mpf(10) ** -45
    for _ in range(cap):
        term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
        total += term
        n += 1
        if term == 0:
            return total
        if abs(term) > tiny * abs(total) or min(a + n, b + n, c + n) <= 0:
            continue
        rho = max(1, (a + n) / (c + n)) * max(1, (b + n) / (n + 1)) * abs(z)
        if rho < 1 and abs(term) * rho / (1 - rho) <= tiny * abs(total):
            return total
    return None


def reference(a, b, c, z):
    A, B, C, Z = (mpmath.mpf(v) for v in (a, b, c, z))
    forms = []
    if z < 0:
        W = Z / (Z - 1)
        if z >= -0.5:
            forms.append((1, A, B, C, Z))
        forms.append(((1 - Z) ** -A, A, C - B, C, W))
        forms.append(((1 - Z) ** -B, C - A, B, C, W))
    else:
        forms.append((1, A, B, C, Z))
        forms.append(((1 - Z) ** (C - A - B), C - A, C - B, C, Z))
    for factor, fa, fb, fc, fz in forms:
        value = mp_series(fa, fb, fc, fz)
        if value is not None:
            return factor * value, "series"
    return mpmath.hyp2f1(A, B, C, Z, maxterms=10**6), "hyp2f1"


def bgnbd(r, a, b, x, u):
    """The BG/NBD call: 2F1(a-1, r+x; a+b+x-1; -u), and its former form 2F1(a+b-1-r, a-1; a+b+x-1; u/(1+u))."""
    return (a - 1, r + x, a + b + x - 1, -u), (a + b - 1 - r, a - 1, a + b + x - 1, u / (1 + u))


U_GRID = [0.01, 0.1, 0.5, 1, 2, 5, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]


def rows():
    # CDNOW (Fader, Hardie & Lee 2005), repeat frequencies 0 to 50, horizons up to 1e9 times alpha + T.
    for x in (0, 1, 2, 3, 5, 10, 20, 50):
        for u in U_GRID:
            new, old = bgnbd(0.243, 0.793, 2.426, x, u)
            yield "cdnow-bgnbd", new
            yield "cdnow-old-form", old
    # Large b (few drop-outs): the power series needs ~40/(1-z) terms and the connection formula at z = 1 cancels
    # until b(1-z) is small.
    for r, a in ((0.243, 0.793), (0.05, 0.3), (2.0, 5.0), (0.7, 20.0)):
        for b in (1e3, 1e4, 1e5):
            for x in (0, 1, 5, 50):
                for u in (0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e9):
                    new, old = bgnbd(r, a, b, x, u)
                    yield "large-b-bgnbd", new
                    if a < 1:
                        yield "large-b-old-form", old
    # The 500-customer demo's fit (a and b in the millions): the former form overflows, the series of it needed
    # millions of terms.
    for x in (0, 1, 5, 20, 39):
        for u in (0.01, 0.1, 1, 3, 6.8, 10, 100, 1e4, 1e9):
            yield "demo-fit-bgnbd", bgnbd(0.7258907655048241, 361737.9839179248, 2136757.458646084, x, u)[0]
    # a near 1 (BG/NBD nudges a = 1 to 1 + 1e-7).
    for a in (1 + 1e-7, 1 - 1e-5, 1 + 1e-5, 1 + 1e-3):
        for b in (2.426, 1e4):
            for x in (0, 2, 20):
                for u in (0.1, 10, 1e3, 1e6, 1e9):
                    new, old = bgnbd(0.243, a, b, x, u)
                    yield "a-near-1-bgnbd", new
                    yield "a-near-1-old-form", old
    # c - a - b = x + r + 1 - a exactly (r = 0.5, a = 0.5, 1.5, 2.5 give c - a - b = x + 1, x, x - 1) and nearly
    # an integer.
    for a in (0.5, 1.5, 2.5, 1.5 + 1e-12, 1.5 + 1e-9, 1.5 + 1e-6, 1.5 + 1e-3, 1.5 - 1e-9, 1.5 - 1e-3):
        for b in (2.25, 1e4):
            for x in (0, 1, 3):
                for u in (1.5, 9, 999, 1e6, 1e9):
                    new, old = bgnbd(0.5, a, b, x, u)
                    yield "integer-s-bgnbd", new
                    yield "integer-s-old-form", old
    # c - a - b exactly an integer m (binary-exact parameters), z up to 1 - 1e-9.
    for a, b in ((0.5, 2.25), (-0.75, 3.5), (1.25, 1.25), (0.125, 40.5)):
        for m in (-3, -1, 0, 1, 2, 5):
            for z in (0.6, 0.9, 0.999, 1 - 1e-6, 1 - 1e-9):
                c = a + b + m
                if c > 0 or c != round(c):
                    yield "integer-s-exact", (a, b, c, z)
    # Generic arguments, the former scipy vectors among them.
    for args in ((0.24, 2.4, 3.0, 0.3), (2.2, 4.4, 5.0, 0.55), (0.5, 1.5, 2.5, 0.9), (3.0, 2.0, 4.5, 0.99),
                 (1.5, 0.8, 2.2, 0.999), (0.8, 2.0, 31.0, 0.7), (30.2, 32.4, 62.2, 0.4), (0.2, -0.2, 2.0, 0.95)):
        yield "generic", args
    generator = random.Random(2026)
    for _ in range(150):
        a = round(generator.uniform(-0.9, 10), 6)
        b = round(generator.uniform(-0.9, 10), 6)
        c = round(generator.uniform(0.1, 30), 6)
        z = generator.choice([round(generator.uniform(-50, 0), 6), round(generator.uniform(0, 1), 6),
                              1 - 10 ** -generator.uniform(1, 9)])
        yield "generic", (a, b, c, z)


def main():
    seen = set()
    lines = ["group,a,b,c,z,value,series_terms,reference"]
    for group, (a, b, c, z) in rows():
        if (a, b, c, z) in seen:
            continue
        seen.add((a, b, c, z))
        value, how = reference(a, b, c, z)
        if not mpmath.isfinite(value) or abs(value) > 1e300 or (value != 0 and abs(value) < 1e-300):
            continue  # outside double range: the former form at huge parameters
        terms = plain_series_terms(a, b, c, z)
        lines.append(f"{group},{a!r},{b!r},{c!r},{z!r},{mpmath.nstr(value, 17, min_fixed=1, max_fixed=0)},{terms},{how}")
        if len(lines) % 100 == 0:
            print(len(lines) - 1, "rows", file=sys.stderr)
    with open(OUT, "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines) - 1} rows written to {os.path.normpath(OUT)} (mpmath {mpmath.__version__})")


if __name__ == "__main__":
    sys.exit(main())
