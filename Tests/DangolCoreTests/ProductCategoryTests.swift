import DangolCore
import Testing

@Suite("Product categories (상품 분류) as paths in a hierarchy")
struct ProductCategoryTests {
    @Test("A typed path is read into its levels and written one way", arguments: [
        ("커피", "커피", 1),
        ("식품>음료>커피", "식품 > 음료 > 커피", 3),
        ("  식품 >  음료 \t>커피 ", "식품 > 음료 > 커피", 3),
        ("의류/잡화 > 모자", "의류/잡화 > 모자", 2),
        ("Home & Living > Kitchen", "Home & Living > Kitchen", 2),
        // Decomposed jamo (as some systems type them) become the precomposed syllables.
        ("\u{1109}\u{1175}\u{11A8}\u{1111}\u{116E}\u{11B7} > 음료", "식품 > 음료", 2),
        ("a>b>c>d>e", "a > b > c > d > e", 5),
    ])
    func parses(text: String, path: String, depth: Int) throws {
        let category = try ProductCategory(parsing: text)
        #expect(category.path == path)
        #expect(category.levels.count == depth)
        #expect(ProductCategory.canonicalPath(text) == path)
    }

    @Test("Paths that are not categories are refused with the rule they break", arguments: [
        ("", "category.empty"),
        ("   ", "category.empty"),
        ("식품 > > 커피", "category.empty_level"),
        ("> 커피", "category.empty_level"),
        ("식품 >", "category.empty_level"),
        ("a>b>c>d>e>f", "category.depth"),
        (String(repeating: "가", count: 51), "category.length"),
        ("식품 > 커\u{0}피", "category.invalid_characters"),
    ])
    func refuses(text: String, code: String) {
        #expect(throws: DangolError.self) { try ProductCategory(parsing: text) }
        do {
            _ = try ProductCategory(parsing: text)
        } catch {
            #expect(error.fieldErrors.map(\.code) == [code])
            #expect(error.fieldErrors.map(\.field) == ["category"])
        }
        // Text that is not a path is compared as it is.
        #expect(ProductCategory.canonicalPath(text) == text)
    }

    @Test("A category's lineage runs from itself to the top; it lies within each of its ancestors and nothing else")
    func lineage() throws {
        let coffee = try ProductCategory(parsing: "식품 > 음료 > 커피")
        #expect(coffee.lineage.map(\.path) == ["식품 > 음료 > 커피", "식품 > 음료", "식품"])
        #expect(coffee.parent?.path == "식품 > 음료")
        #expect(coffee.parent?.parent?.parent == nil)
        #expect(coffee.isWithin(try ProductCategory(parsing: "식품")))
        #expect(coffee.isWithin(coffee))
        #expect(!coffee.isWithin(try ProductCategory(parsing: "식품 > 음")))
        #expect(!coffee.isWithin(try ProductCategory(parsing: "생활용품")))
        #expect(!(try ProductCategory(parsing: "식품")).isWithin(coffee))
    }

    @Test("A points rate on a category applies below it; the closest rated category wins")
    func ratesFollowTheHierarchy() {
        let program = PointsProgram(rateBasisPoints: [:], defaultRateBasisPoints: 100, lifetimeMonths: 12,
                                    categoryRateBasisPoints: ["식품": 200, "식품>음료": 500, "식품 > 음료 > 커피 > 디카페인": 900])
        #expect(program.categoryRate("식품 > 음료 > 커피") == 500)
        #expect(program.categoryRate("식품 > 음료") == 500)
        #expect(program.categoryRate("식품 > 과자") == 200)
        #expect(program.categoryRate("식품 > 음료 > 커피 > 디카페인") == 900)
        #expect(program.categoryRate("생활용품 > 컵") == nil)
        #expect(program.categoryRate("식품음료") == nil)
        // 10,000 × 5 % (coffee under 식품 > 음료) + 10,000 × 2 % (snacks under 식품) + 10,000 × 1 % (the channel's default).
        #expect(program.points(forLines: [(10_000, "식품 > 음료 > 커피"), (10_000, "식품 > 과자"), (10_000, "생활용품")],
                               channel: "store", multiplier: 1) == 800)
    }

    @Test("A programme's category rates must name categories, each once")
    func programmeValidation() {
        func problems(_ rates: [String: Int]) -> [String] {
            var program = LoyaltyProgram.standard
            program.points.categoryRateBasisPoints = rates
            return program.problems().map(\.field)
        }
        #expect(problems(["식품 > 음료": 500, "생활용품": 100]).isEmpty)
        #expect(problems(["식품 > > 음료": 500]) == ["points/categoryRateBasisPoints/식품 > > 음료"])
        #expect(problems(["식품>음료": 500, "식품 > 음료": 300]) == ["points/categoryRateBasisPoints"])
    }
}
