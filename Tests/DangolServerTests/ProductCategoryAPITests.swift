import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Product categories — API and console")
struct ProductCategoryAPITests {
    /// A query value, percent-encoded as the console writes its links (everything but ASCII letters, digits and -._~).
    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    /// SKU → category path of the catalogue used below. `50%_할인` has LIKE's wildcards in its name; `식품음료` starts
    /// with the same letters as `식품` but is another top-level category.
    private static let catalogue: [(String, String?)] = [
        ("COFFEE", "식품>음료>커피"), ("TEA", "식품 > 음료 > 차"), ("JUICE", "식품 > 음료"), ("SNACK", "식품 > 과자"),
        ("OTHER", "식품음료"), ("SALE", "50%_할인 > 머그"), ("SALE2", "50%x할인 > 머그"), ("LOOSE", nil),
    ]

    @Test("Products are listed within a category and the categories below it; the tree counts them", arguments: TestEngine.all)
    func api(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            for (sku, category) in Self.catalogue {
                let body = category.map { #"{"name":"상품 \#(sku)","category":"\#($0)"}"# } ?? #"{"name":"상품 \#(sku)"}"#
                let response = try await client.send(.put, "/api/v1/products/\(sku)", token: harness.adminToken, json: body)
                #expect(response.status == .ok, "\(response.text)")
            }
            func skus(within category: String) async throws -> [String] {
                let response = try await client.send(.get, "/api/v1/products?category=\(Self.encoded(category))", token: harness.agentToken)
                #expect(response.status == .ok, "\(response.text)")
                return response.jsonArray.compactMap { $0["sku"] as? String }
            }
            #expect(try await skus(within: "식품") == ["COFFEE", "JUICE", "SNACK", "TEA"])
            #expect(try await skus(within: "식품>음료") == ["COFFEE", "JUICE", "TEA"])
            #expect(try await skus(within: "식품 > 음료 > 커피") == ["COFFEE"])
            #expect(try await skus(within: "식품음료") == ["OTHER"])
            #expect(try await skus(within: "50%_할인") == ["SALE"])
            #expect(try await skus(within: "음료").isEmpty)
            let all = try await client.send(.get, "/api/v1/products", token: harness.agentToken)
            #expect(all.jsonArray.count == Self.catalogue.count)
            let bad = try await client.send(.get, "/api/v1/products?category=\(Self.encoded("식품 > > 음료"))", token: harness.agentToken)
            #expect(bad.status == .unprocessableContent)

            let tree = try await client.send(.get, "/api/v1/products/categories", token: harness.agentToken)
            #expect(tree.status == .ok)
            let entries = tree.jsonArray.map { ($0["path"] as? String ?? "", $0["depth"] as? Int ?? 0, $0["products"] as? Int ?? 0) }
            #expect(entries.map(\.0) == ["50%_할인", "50%_할인 > 머그", "50%x할인", "50%x할인 > 머그", "식품", "식품 > 과자", "식품 > 음료",
                                         "식품 > 음료 > 차", "식품 > 음료 > 커피", "식품음료"])
            #expect(entries.first { $0.0 == "식품" }?.2 == 4)
            #expect(entries.first { $0.0 == "식품 > 음료" }?.2 == 3)
            let coffee = try #require(entries.first { $0.0 == "식품 > 음료 > 커피" })
            #expect(coffee.1 == 3 && coffee.2 == 1)
        }
    }

    @Test("The products page shows the category tree and filters by it (Korean and English)", arguments: TestEngine.all)
    func console(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            let products = ProductService(services: harness.services)
            for (sku, category) in Self.catalogue {
                _ = try await products.upsert(.init(sku: sku, name: "상품 \(sku)", category: category, listPriceMinor: 1_000, unitCostMinor: 600,
                                                    currency: "KRW"), by: .system("test"))
            }
            var browser = harness.browser()
            try await browser.signIn("agent")
            let page = try await browser.get("/products")
            #expect(page.html.contains(#"<nav class="category-tree card" aria-label="상품 분류">"#))
            #expect(page.html.contains(#"<a class="category-all" href="/products" aria-current="page">전체</a>"#))
            #expect(page.html.contains(#"<a class="category-top" href="/products?category=\#(Self.encoded("식품"))">식품</a> <span class="count">4</span>"#))
            #expect(page.html.contains(#"<li class="category-depth-2"><a href="/products?category=\#(Self.encoded("식품 > 음료"))">음료</a> <span class="count">3</span>"#))
            let filtered = try await browser.get("/products?category=\(Self.encoded("식품>음료"))")
            #expect(filtered.html.contains("상품 COFFEE") && filtered.html.contains("상품 JUICE") && !filtered.html.contains("상품 SNACK"))
            #expect(filtered.html.contains(#"<span class="subtitle">식품 &gt; 음료</span>"#))
            #expect(filtered.html.contains(#"aria-current="page">음료</a>"#))
            let english = try await browser.get("/products?lang=en")
            #expect(english.html.contains(#"aria-label="Categories""#) && english.html.contains(">All products</a>"))
            // (The language chosen last sticks: back to Korean.)
            let empty = try await browser.get("/products?lang=ko&category=\(Self.encoded("생활용품"))")
            #expect(empty.html.contains("이 분류와 하위 분류에 상품이 없습니다."))
        }
    }
}
