#!/usr/bin/env bash
# Times BG/NBD expected purchases (the hypergeometric function inside) for many customers in the parameter regimes
# that used to be slow, in a release build.
#
#   scripts/analytics/bench-expected-purchases.sh                    # 100,000 customers per regime, this checkout
#   CUSTOMERS=1000 CHECKOUT=/path/to/other/checkout scripts/analytics/bench-expected-purchases.sh
#
# Like bench-fit.sh it generates a throwaway SwiftPM package under /tmp (BENCH_DIR) that links a checkout's
# DangolCore and DangolAnalytics sources with a small executable and only the public API, so the same program times
# an older checkout too. Regimes (customers drawn with a fixed seed):
# - demo-fit: the 500-customer demo's BG/NBD fit in days (r 0.726, α 53.7, a 361,738, b 2,136,757), repeat
#   frequencies 0–39, ages 30–540 days, 365-day horizon;
# - near-one: CDNOW's r, a, b with α = 0.05 weeks and new customers (age 0–0.1 week), 52-week horizon:
#   z = t/(α+T+t) from 0.997 to 0.999;
# - large-b: r 0.243, α 4.414, a 0.793, b 10⁴, ages 0–10 weeks, 520-week horizon;
# - cdnow: CDNOW's fit, ages 0–39 weeks, 39-week horizon (the ordinary case, for comparison).
set -euo pipefail
CUSTOMERS=${CUSTOMERS:-100000}
WORK=${BENCH_DIR:-/tmp/dangol-expected-purchases-bench}
source "$(dirname "$0")/bench-package.sh"
bench_package "$WORK" expected-purchases-bench
cat > "$WORK/Sources/expected-purchases-bench/main.swift" <<'SWIFT'
import DangolAnalytics
import Foundation

// usage: expected-purchases-bench CUSTOMERS [REGIME…]
let arguments = CommandLine.arguments
let customers = Int(arguments[1]) ?? 100_000
let regimes = arguments.count > 2 ? Array(arguments[2...]) : ["cdnow", "demo-fit", "near-one", "large-b"]

/// SplitMix64, so every checkout times the same customers.
struct Random {
    var state: UInt64
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}

func seconds(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

for regime in regimes {
    var random = Random(state: 7)
    let model: BGNBDModel, horizon: TimeSpan, unit: TimeUnit
    var frequency: [Int] = [], recency: [Double] = [], age: [Double] = []
    switch regime {
    case "demo-fit":
        model = try BGNBDModel(r: 0.7258907655048241, alpha: 53.68914381643887, a: 361737.9839179248, b: 2136757.458646084, unit: .days)
        horizon = TimeSpan(days: 365); unit = .days
        for _ in 0..<customers {
            let t = 30 + 510 * random.next()
            let x = Int(40 * random.next() * random.next())
            frequency.append(x); age.append(t); recency.append(x == 0 ? 0 : t * random.next())
        }
    case "near-one":
        model = try BGNBDModel(r: 0.243, alpha: 0.05, a: 0.793, b: 2.426, unit: .weeks)
        horizon = TimeSpan(weeks: 52); unit = .weeks
        for _ in 0..<customers {
            let t = 0.1 * random.next()
            let x = random.next() < 0.8 ? 0 : 1
            frequency.append(x); age.append(t); recency.append(x == 0 ? 0 : t * random.next())
        }
    case "large-b":
        model = try BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 1e4, unit: .weeks)
        horizon = TimeSpan(weeks: 520); unit = .weeks
        for _ in 0..<customers {
            let t = 10 * random.next()
            let x = Int(5 * random.next() * random.next())
            frequency.append(x); age.append(t); recency.append(x == 0 ? 0 : t * random.next())
        }
    default:
        model = try BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, unit: .weeks)
        horizon = TimeSpan(weeks: 39); unit = .weeks
        for _ in 0..<customers {
            let t = 39 * random.next()
            let x = Int(20 * random.next() * random.next())
            frequency.append(x); age.append(t); recency.append(x == 0 ? 0 : t * random.next())
        }
    }
    let histories = try PurchaseHistories(frequency: frequency, recency: recency, age: age, unit: unit)
    let start = ContinuousClock.now
    let values = try model.expectedPurchases(of: histories, within: horizon)
    let elapsed = seconds(start)
    let finite = values.filter(\.isFinite)
    print(String(format: "%-9@ %8d customers  %10.3f s  %8.2f µs/customer  finite %d  mean %.6g", regime as NSString,
                 customers, elapsed, elapsed / Double(customers) * 1e6, finite.count,
                 finite.reduce(0, +) / Double(max(1, finite.count))))
}
SWIFT
cd "$WORK"
swift build -c release --product expected-purchases-bench 2>&1 | grep -E "error|warning: " || true
"$WORK/.build/release/expected-purchases-bench" "$CUSTOMERS" ${REGIMES:-}
