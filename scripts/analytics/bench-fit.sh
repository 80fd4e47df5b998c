#!/usr/bin/env bash
# Times the BG/NBD + Gamma–Gamma fit of lifetimes (Python) against DangolAnalytics (Swift, release build) on the same
# summary data in one run, and prints the medians and their ratio.
#
#   scripts/analytics/bench-fit.sh                 # CDNOW (2,357 customers) and a synthetic 100,000-customer summary
#   RUNS=9 SYNTHETIC=1000000 scripts/analytics/bench-fit.sh
#
# Needs a virtualenv with lifetimes (see make-vectors.py; LIFETIMES_PYTHON overrides /tmp/lt/bin/python). The Swift
# side is built from a throwaway package generated under /tmp that links this checkout's DangolCore and DangolAnalytics
# sources, so nothing of the real package graph is built.
set -euo pipefail
PY=${LIFETIMES_PYTHON:-/tmp/lt/bin/python}
RUNS=${RUNS:-7}
SYNTHETIC=${SYNTHETIC:-100000}
WORK=${BENCH_DIR:-/tmp/dangol-analytics-bench}
source "$(dirname "$0")/bench-package.sh"
bench_package "$WORK" analytics-bench
mkdir -p "$WORK/data"
cat > "$WORK/Sources/analytics-bench/main.swift" <<'SWIFT'
import DangolAnalytics
import Foundation

// usage: analytics-bench SUMMARY.csv RUNS — columns frequency,recency,T,monetary_value (header first), T in weeks.
let arguments = CommandLine.arguments
let text = try String(contentsOfFile: arguments[1], encoding: .utf8)
let runs = Int(arguments[2]) ?? 7
var frequency: [Int] = [], recency: [Double] = [], age: [Double] = [], monetary: [Double] = []
for line in text.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",")
    frequency.append(Int(Double(fields[fields.count - 4])!))
    recency.append(Double(fields[fields.count - 3])!)
    age.append(Double(fields[fields.count - 2])!)
    monetary.append(Double(fields[fields.count - 1])!)
}
let histories = try PurchaseHistories(frequency: frequency, recency: recency, age: age, unit: .weeks)
func seconds(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}
var times: [Double] = []
var purchases: BGNBDFit?
var spend: GammaGammaFitter.Fit?
for _ in 0..<runs {
    let start = ContinuousClock.now
    do {
        purchases = try BGNBDFitter().fit(histories)
        spend = try GammaGammaFitter().fit(frequency: frequency, monetaryValue: monetary)
    } catch {
        print("swift fit failed: \(error)")
        exit(1)
    }
    times.append(seconds(start))
}
times.sort()
let m = purchases!.model, g = spend!.model
// Scoring after the fit: P(alive), expected purchases in 90 days and 12-month CLV for every customer, once.
let scoringStart = ContinuousClock.now
var checksum = 0.0
do {
    checksum += m.probabilityAlive(of: histories).reduce(0, +)
    checksum += try m.expectedPurchases(of: histories, within: TimeSpan(days: 90)).reduce(0, +)
    checksum += try CustomerLifetimeValue(months: 12, monthlyDiscountRate: 0.01)
        .values(of: histories, monetaryValues: monetary, purchases: m, spend: g).reduce(0, +)
} catch {
    print("swift scoring failed: \(error)")
    exit(1)
}
let scoring = seconds(scoringStart)
print(String(format: "swift median %.6f s  r=%.6f alpha=%.6f a=%.6f b=%.6f  p=%.6f q=%.6f v=%.6f  LL=%.3f  rows=%d",
             times[times.count / 2], m.r, m.alpha, m.a, m.b, g.p, g.q, g.gamma, purchases!.logLikelihood,
             purchases!.distinctHistoryCount))
print(String(format: "swift scoring (P(alive), 90-day purchases, 12-month CLV) of all customers: %.3f s (checksum %.6g)",
             scoring, checksum))
SWIFT
(cd "$WORK" && swift build -c release --product analytics-bench 2>&1 | grep -E "error|warning|Compiling|Build complete" | tail -3)
BIN="$WORK/.build/release/analytics-bench"

"$PY" - "$WORK/data" "$SYNTHETIC" <<'PYTHON'
import sys, warnings
warnings.simplefilter("ignore")
import numpy as np, pandas as pd
from lifetimes.datasets import load_cdnow_summary_data_with_monetary_value
out, n = sys.argv[1], int(sys.argv[2])
cdnow = load_cdnow_summary_data_with_monetary_value()
cdnow[["frequency", "recency", "T", "monetary_value"]].to_csv(f"{out}/cdnow.csv", index=False)
# Synthetic BG/NBD customers with CDNOW-like parameters (weeks): λ ~ Gamma(r, 1/α), p ~ Beta(a, b), ages 1–78 weeks,
# purchase times rounded to days; spend Gamma–Gamma with p 6.25, q 3.74, γ 15.44.
rng = np.random.default_rng(20261122)
r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
lam = rng.gamma(r, 1 / alpha, n); drop = rng.beta(a, b, n)
T = np.round(rng.uniform(1, 78, n) * 7) / 7
t = np.zeros(n); x = np.zeros(n, dtype=int); last = np.zeros(n); alive = np.ones(n, dtype=bool)
while alive.any():
    idx = np.nonzero(alive)[0]
    t[idx] += rng.exponential(1 / np.maximum(lam[idx], 1e-12))
    bought = t[idx] <= T[idx]
    alive[idx[~bought]] = False
    b_idx = idx[bought]
    x[b_idx] += 1
    last[b_idx] = np.round(t[b_idx] * 7) / 7
    died = rng.uniform(size=b_idx.size) < drop[b_idx]
    alive[b_idx[died]] = False
last = np.minimum(last, T)
nu = rng.gamma(3.74, 1 / 15.44, n)
m = np.where(x > 0, rng.gamma(6.25 * np.maximum(x, 1), 1 / (nu * np.maximum(x, 1))), 0.0)
pd.DataFrame({"frequency": x, "recency": np.where(x > 0, last, 0.0), "T": T, "monetary_value": m}).to_csv(
    f"{out}/synthetic.csv", index=False, float_format="%.6f")
PYTHON

bench_python() {
"$PY" - "$1" "$2" <<'PYTHON'
import sys, time, warnings
warnings.simplefilter("ignore")
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
data, runs = pd.read_csv(sys.argv[1]), int(sys.argv[2])
repeat = data[(data.frequency > 0) & (data.monetary_value > 0)]
times = []
for _ in range(runs):
    start = time.perf_counter()
    bgf = BetaGeoFitter().fit(data.frequency, data.recency, data["T"])
    ggf = GammaGammaFitter().fit(repeat.frequency, repeat.monetary_value)
    times.append(time.perf_counter() - start)
times.sort()
p, g = bgf.params_, ggf.params_
print("python median %.6f s  r=%.6f alpha=%.6f a=%.6f b=%.6f  p=%.6f q=%.6f v=%.6f" % (
    times[len(times) // 2], p.r, p.alpha, p.a, p.b, g.p, g.q, g.v))
PYTHON
}

for name in cdnow synthetic; do
  file="$WORK/data/$name.csv"
  customers=$(($(wc -l < "$file") - 1))
  python_runs=$RUNS; [ "$customers" -gt 200000 ] && python_runs=3
  echo "== $name: $customers customers, median of $RUNS (Swift) / $python_runs (lifetimes) runs of BG/NBD + Gamma–Gamma fit"
  py=$(bench_python "$file" "$python_runs"); echo "$py"
  sw=$("$BIN" "$file" "$RUNS"); echo "$sw"
  awk -v p="$(echo "$py" | awk '{print $3}')" -v s="$(echo "$sw" | head -1 | awk '{print $3}')" \
    'BEGIN { printf "ratio lifetimes/ours = %.1fx\n", p / s }'
done
