# Sourced by the analytics benchmark scripts: `bench_package WORK NAME` writes a SwiftPM package in WORK with
# DangolCore and DangolAnalytics linked from this checkout (no server stack to build) and an executable target NAME,
# whose main.swift the caller writes to "$WORK/Sources/NAME/main.swift".
bench_package() {
  local work=$1 name=$2 root
  root=${CHECKOUT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
  mkdir -p "$work/Sources/$name"
  ln -sfn "$root/Sources/DangolCore" "$work/Sources/DangolCore"
  ln -sfn "$root/Sources/DangolAnalytics" "$work/Sources/DangolAnalytics"
  cat > "$work/Package.swift" <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let settings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
let package = Package(
    name: "$name",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "DangolCore", swiftSettings: settings),
        .target(name: "DangolAnalytics", dependencies: ["DangolCore"], swiftSettings: settings),
        .executableTarget(name: "$name", dependencies: ["DangolAnalytics"], swiftSettings: settings),
    ]
)
SWIFT
}
