/// A product category (상품 분류) in the catalogue's hierarchy, written as its path from the top level down, levels
/// separated by `>`: `식품 > 음료 > 커피`. A product belongs to one category; a category's ancestors (`식품 > 음료`,
/// `식품`) hold it too, so a points rate or a report set on `식품 > 음료` covers every coffee, tea and juice below it.
///
/// ```swift
/// let coffee = try ProductCategory(parsing: " 식품>음료 >  커피 ")
/// coffee.path              // "식품 > 음료 > 커피"
/// coffee.lineage.map(\.path) // ["식품 > 음료 > 커피", "식품 > 음료", "식품"]
/// ```
///
/// Levels are NFC with white space collapsed (so `식품>음료` and `식품 >  음료` are one category); a `/` inside a level is
/// part of its name (`의류/잡화` is one level), since Korean catalogues use it that way.
public struct ProductCategory: Sendable, Hashable, CustomStringConvertible {
    /// The levels from the top down; never empty, none of them empty.
    public let levels: [String]

    /// At most this many levels.
    public static let maxDepth = 5
    /// At most this many characters per level.
    public static let maxLevelLength = 50
    /// How a path is written: the levels joined by this.
    public static let separator = " > "

    /// Reads a category path typed by a user or an import.
    /// - Throws: `invalidInput` on field `category` for an empty path, an empty level (`식품 > > 커피`), more than
    ///   ``maxDepth`` levels, a level longer than ``maxLevelLength`` characters, or a control character.
    public init(parsing text: String) throws(DangolError) {
        let parts = text.split(separator: ">", omittingEmptySubsequences: false).map { IdentifierText.collapsingWhitespace(String($0)) }
        if parts.count == 1 && parts[0].isEmpty {
            throw DangolError.invalid(field: "category", code: "category.empty", "A category needs a name.")
        }
        if parts.contains(where: \.isEmpty) {
            throw DangolError.invalid(field: "category", code: "category.empty_level",
                                      "Every level of a category path needs a name (write levels as 식품 > 음료 > 커피).")
        }
        if parts.count > Self.maxDepth {
            throw DangolError.invalid(field: "category", code: "category.depth", "A category path has at most \(Self.maxDepth) levels.")
        }
        if parts.contains(where: { $0.count > Self.maxLevelLength }) {
            throw DangolError.invalid(field: "category", code: "category.length",
                                      "A level of a category path has at most \(Self.maxLevelLength) characters.")
        }
        if parts.contains(where: IdentifierText.containsControlCharacter) {
            throw DangolError.invalid(field: "category", code: "category.invalid_characters", "A category contains control characters.")
        }
        levels = parts
    }

    private init(levels: [String]) { self.levels = levels }

    /// The path as stored and shown: `식품 > 음료 > 커피`.
    public var path: String { levels.joined(separator: Self.separator) }

    public var description: String { path }

    /// The category one level up; nil for a top-level category.
    public var parent: ProductCategory? { levels.count > 1 ? ProductCategory(levels: Array(levels.dropLast())) : nil }

    /// This category, then its parent, up to the top level.
    public var lineage: [ProductCategory] {
        (1...levels.count).reversed().map { ProductCategory(levels: Array(levels.prefix($0))) }
    }

    /// Whether `other` is this category or one of its ancestors.
    public func isWithin(_ other: ProductCategory) -> Bool {
        other.levels.count <= levels.count && Array(levels.prefix(other.levels.count)) == other.levels
    }

    /// The path of `text` read as a category, or `text` unchanged when it is not a valid path (a category stored
    /// before paths were read, compared as it is).
    public static func canonicalPath(_ text: String) -> String {
        (try? ProductCategory(parsing: text))?.path ?? text
    }
}
