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
    var rows: [Row]
    var hasProducts: Bool
    var nextURL: String?
}

extension ConsoleController {
    static let productsPerPage = 50

    /// `GET /products`: the catalogue in SKU order, 50 a page (`after` = the last SKU of the previous page).
    @Sendable func productList(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let query = ConsoleForm(urlEncoded: request.uri.query ?? "")
        let after = query.text("after").map { String($0.prefix(100)) }
        let products = try await ProductService(services: services).list(after: after, limit: Self.productsPerPage + 1, for: principal)
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
        let next = products.count > Self.productsPerPage ? shown.last.map { ConsoleForm.url("/products", [("after", $0.sku)]) } : nil
        let page = ProductListPage(rows: Array(rows), hasProducts: !rows.isEmpty, nextURL: next)
        return renderer.render(.productList, title: strings["products_title"], page: page, request: request, context: context)
    }
}
