import SQLKit

extension Array where Element == SQLQueryString {
    /// Joins query fragments (with their binds) by a literal separator.
    public func joined(_ separator: String) -> SQLQueryString {
        var result: SQLQueryString = ""
        for (position, fragment) in enumerated() {
            if position > 0 { result.appendLiteral(separator) }
            result.appendInterpolation(fragment)
        }
        return result
    }
}

extension Array {
    /// Splits into consecutive slices of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
