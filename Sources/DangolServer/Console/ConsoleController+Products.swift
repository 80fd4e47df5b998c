import DangolApp
import DangolCore
import DangolStore
import Hummingbird

/// The product list page's model.
struct ProductListPage: Sendable {
    struct Row: Sendable {
        var productSKU: String; var productName: String; var productCategory: String; var productPrice: String; var productCost: String
        var productMargin: String
    }
    /// One entry of the category tree.
    struct Category: Sendable {
        var categoryName: String; var categoryDepth: Int; var categoryProducts: String; var categoryURL: String; var categoryCurrent: Bool
    }
    var rows: [Row]
    var hasProducts: Bool
    var nextURL: String?
    /// A top-level category with every category below it, in path order.
    struct CategoryGroup: Sendable {
        var top: Category
        var children: [Category]
        /// Stored, not computed: templates read properties by reflection.
        var hasChildren: Bool
    }
    var categoryGroups: [CategoryGroup]
    var hasCategories: Bool
    /// The category shown, when the list is filtered.
    var categoryPath: String?
    var allCategories: Bool
}

extension ConsoleController {
    static let productsPerPage = 50

    /// `GET /products`: the catalogue in SKU order, 50 a page (`after` = the last SKU of the previous page), with the
    /// category tree; `category` shows only the products of that category and the categories below it.
    @Sendable func productList(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let query = ConsoleForm(urlEncoded: request.uri.query ?? "")
        let after = query.text("after").map { String($0.prefix(100)) }
        let service = ProductService(services: services)
        // A category that is not a path (a hand-edited address) shows the whole catalogue rather than an error page.
        let category = query.text("category").flatMap { try? ProductCategory(parsing: String($0.prefix(400))).path }
        let products = try await service.list(after: after, limit: Self.productsPerPage + 1, category: category, for: principal)
        let tree = try await service.categories(for: principal).map { entry in
            ProductListPage.Category(categoryName: entry.name, categoryDepth: entry.depth, categoryProducts: ConsoleFormat.number(Int64(entry.products)),
                                     categoryURL: ConsoleForm.url("/products", [("category", entry.path)]), categoryCurrent: entry.path == category)
        }
        let shown = products.prefix(Self.productsPerPage)
        let rows = shown.map { product in
            let margin: String = if let price = product.listPriceMinor, let cost = product.unitCostMinor, price > 0 {
                String(Int(((Double(price - cost) / Double(price)) * 100).rounded())) + "%"
            } else {
                "—"
            }
            return ProductListPage.Row(productSKU: product.sku, productName: product.name, productCategory: product.category ?? "—",
                                       productPrice: product.listPriceMinor.map { ConsoleFormat.number($0) + " " + product.currency } ?? "—",
                                       productCost: product.unitCostMinor.map { ConsoleFormat.number($0) + " " + product.currency } ?? "—",
                                       productMargin: margin)
        }
        let next = products.count > Self.productsPerPage
            ? shown.last.map { ConsoleForm.url("/products", [("category", category), ("after", $0.sku)]) } : nil
        var groups: [ProductListPage.CategoryGroup] = []
        for entry in tree {
            if entry.categoryDepth == 1 || groups.isEmpty {
                groups.append(.init(top: entry, children: [], hasChildren: false))
            } else {
                groups[groups.count - 1].children.append(entry)
                groups[groups.count - 1].hasChildren = true
            }
        }
        let page = ProductListPage(rows: Array(rows), hasProducts: !rows.isEmpty, nextURL: next, categoryGroups: groups, hasCategories: !tree.isEmpty,
                                   categoryPath: category, allCategories: category == nil)
        return renderer.render(.productList, title: strings["products_title"], page: page, request: request, context: context)
    }
}
