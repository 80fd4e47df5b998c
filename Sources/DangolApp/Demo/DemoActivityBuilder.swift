import DangolCore
import Foundation
import DangolIdentity
import DangolStore
import SQLKit

/// The demo's 360° data: a product catalogue, 18 months of purchases and a few refunds for some of the demo
/// customers (through the same use case as the API, so tiers, points and the outbox follow), anonymous sales for the
/// identification rate, contacts across channels and VOC cases at every status. Seeded: the same seed gives the
/// same history.
public struct DemoActivityBuilder: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// What was added.
    public struct Summary: Sendable, Hashable {
        public var products = 0
        public var transactions = 0
        public var interactions = 0
        public var cases = 0
    }

    /// One catalogue entry: SKU, Korean name, category path, list price and unit cost in won.
    public static let catalogue: [(sku: String, name: String, category: String, price: Int64, cost: Int64)] = [
        ("CF-AMR", "아메리카노 원두 500g", "식음료 > 커피", 18_000, 9_500), ("CF-DCF", "디카페인 원두 500g", "식음료 > 커피", 21_000, 11_000),
        ("CF-DRP", "드립백 20개입", "식음료 > 커피", 15_000, 7_000), ("CF-MUG", "머그컵", "생활용품 > 커피용품", 12_000, 4_500),
        ("CF-GRD", "핸드 그라인더", "생활용품 > 커피용품", 49_000, 27_000), ("TEA-GRN", "제주 녹차 세트", "식음료 > 차", 25_000, 13_000),
        ("TEA-BLK", "홍차 틴케이스", "식음료 > 차", 19_000, 9_000), ("BK-CRO", "크루아상", "식음료 > 베이커리", 4_500, 1_800),
        ("BK-BAG", "베이글 6입", "식음료 > 베이커리", 13_000, 5_200), ("BK-CAK", "홀케이크", "식음료 > 베이커리", 38_000, 17_000),
        ("SK-TON", "토너 200ml", "뷰티 > 스킨케어", 28_000, 9_000), ("SK-CRM", "수분 크림 50ml", "뷰티 > 스킨케어", 42_000, 13_000),
        ("SK-SUN", "선크림 50ml", "뷰티 > 스킨케어", 24_000, 8_000), ("GF-SET", "선물 세트", "선물", 65_000, 36_000),
        ("GF-CRD", "기프트 카드 5만원", "선물", 50_000, 50_000),
    ]

    /// Adds the history for up to `buyers` of the live person customers (oldest first).
    public func build(seed: UInt64, buyers: Int = 1_500, by principal: Principal = .system("demo")) async throws(DangolError) -> Summary {
        var summary = Summary()
        let products = ProductService(services: services)
        for item in Self.catalogue {
            _ = try await products.upsert(.init(sku: item.sku, name: item.name, category: item.category, listPriceMinor: item.price,
                                                unitCostMinor: item.cost, currency: "KRW"), by: principal)
            summary.products += 1
        }
        let people = try await services.read { db in
            try await db.raw("""
                SELECT id FROM customers WHERE kind = 'person' AND deleted_at IS NULL AND merged_into IS NULL ORDER BY id LIMIT \(literal: max(0, buyers))
                """).all().map { try $0.decode(column: "id", as: String.self) }
        }
        let users = try await services.read { db in try await UserRepository().list(on: db) }
        let agentIDs = users.filter { $0.role == .agent }.map(\.id)
        var random = SplitMix64(seed: seed ^ 0x5A1E5)
        let now = services.clock.now().rawValue
        let day: Int64 = 86_400_000
        let stores = ["강남점", "홍대점", "부산서면점", "온라인몰"]
        let channels = ["store", "store", "store", "web", "app"]
        var inputs: [TransactionInput] = []
        func flush() async throws(DangolError) {
            guard !inputs.isEmpty else { return }
            // Oldest first, so tiers and points grow the way they would have.
            inputs.sort { $0.occurredAt < $1.occurredAt }
            for start in stride(from: 0, to: inputs.count, by: 1_000) {
                let chunk = Array(inputs[start..<min(inputs.count, start + 1_000)])
                summary.transactions += try await TransactionService(services: services).recordBatch(chunk, by: principal).count
            }
            inputs.removeAll(keepingCapacity: true)
        }
        // Customers differ the way BG/NBD and Gamma–Gamma assume, so the analytics page has something to show: each
        // buys at their own rate (a few times a year to twice a month), may stop after any purchase, and spends at
        // their own level (cheap or dear products, one to three of each).
        let byPrice = Self.catalogue.sorted { $0.price < $1.price }
        for (index, id) in people.enumerated() {
            // Three in five customers bought something.
            guard random.next(below: 5) < 3 else { continue }
            let perYear = 1 + Double(random.next(below: 1_000)) / 1_000 * Double(random.next(below: 1_000)) / 1_000 * 23
            let stopChance = 0.05 + Double(random.next(below: 400)) / 1_000
            let dear = random.next(below: 3) == 0
            let quantity = 1 + random.next(below: 3)
            var at = now - Int64(30 + random.next(below: 510)) * day - Int64(random.next(below: 86_400)) * 1_000
            var visit = 0
            while at <= now && visit < 40 {
                let lineCount = 1 + random.next(below: 3)
                var lines: [TransactionInput.Line] = []
                for _ in 0..<lineCount {
                    let half = byPrice.count / 2
                    let item = dear ? byPrice[half + random.next(below: byPrice.count - half)] : byPrice[random.next(below: half + 2)]
                    lines.append(.init(sku: item.sku, quantity: Int64(quantity), unitPrice: item.price, unitCost: item.cost))
                }
                let channel = channels[random.next(below: channels.count)]
                let store = channel == "store" ? stores[random.next(below: 3)] : stores[3]
                inputs.append(TransactionInput(source: "demo-pos", externalId: "D\(index)-\(visit)", channel: channel, store: store,
                                               occurredAt: Timestamp(rawValue: at), currency: "KRW", customerId: id, lines: lines))
                visit += 1
                if Double(random.next(below: 1_000)) / 1_000 < stopChance { break }
                // Exponential waiting time at the customer's rate.
                let uniform = max(1e-6, Double(random.next(below: 1_000_000)) / 1_000_000)
                at += Int64(-log(uniform) * 365 / perYear * Double(day))
            }
            if inputs.count >= 5_000 { try await flush() }
        }
        // Walk-in customers nobody identified: they count in revenue, not in anyone's history.
        for index in 0..<(people.count / 2) {
            let item = Self.catalogue[random.next(below: Self.catalogue.count)]
            inputs.append(TransactionInput(source: "demo-pos", externalId: "A\(index)", channel: "store", store: stores[random.next(below: 3)],
                                           occurredAt: Timestamp(rawValue: now - Int64(random.next(below: 365)) * day), currency: "KRW",
                                           lines: [.init(sku: item.sku, quantity: 1, unitPrice: item.price, unitCost: item.cost)]))
        }
        try await flush()

        let contacts = InteractionService(services: services)
        let subjects = ["배송 문의", "포인트 사용 문의", "신상품 안내", "매장 방문 상담", "반품 절차 문의", "멤버십 혜택 안내"]
        let interactionChannels = ["phone", "branch_visit", "sms", "email", "web_chat", "app"]
        for id in people.prefix(people.count / 3) {
            for _ in 0..<(1 + random.next(below: 3)) {
                let at = Timestamp(rawValue: now - Int64(random.next(below: 300)) * day)
                _ = try await contacts.record(for: CustomerID(id), .init(
                    channel: interactionChannels[random.next(below: interactionChannels.count)],
                    direction: random.next(below: 3) == 0 ? "outbound" : "inbound", subject: subjects[random.next(below: subjects.count)],
                    outcome: random.next(below: 2) == 0 ? "resolved" : "follow_up", at: at), by: principal)
                summary.interactions += 1
            }
        }

        let voc = VOCService(services: services)
        let complaints = ["배송 지연", "파손된 상품 도착", "직원 응대 불만", "포인트 미적립", "환불 처리 지연"]
        let praise = ["친절한 상담 감사", "매장 분위기 칭찬"]
        for (index, id) in people.prefix(max(1, people.count / 25)).enumerated() {
            let kind: VOCCase.Kind = [.complaint, .complaint, .inquiry, .compliment, .suggestion][index % 5]
            let severity: VOCCase.Severity = [.medium, .high, .low, .critical][random.next(below: 4)]
            let subject = switch kind {
            case .compliment: praise[index % praise.count]
            case .inquiry: "멤버십 포인트 사용처 문의"
            case .suggestion: "주말 영업시간 연장 제안"
            case .complaint: complaints[index % complaints.count]
            }
            let record = try await voc.open(for: CustomerID(id), .init(kind: kind, severity: kind == .compliment ? .low : severity,
                                                                         category: kind == .complaint ? "서비스" : nil, channel: "phone",
                                                                         subject: subject), by: principal)
            summary.cases += 1
            let owner = agentIDs.isEmpty ? nil : agentIDs[index % agentIDs.count]
            switch index % 4 {
            case 1: _ = try await voc.transition(record.id, .init(to: .assigned, ownerId: owner), by: principal)
            case 2:
                _ = try await voc.transition(record.id, .init(to: .assigned, ownerId: owner), by: principal)
                _ = try await voc.transition(record.id, .init(to: .inProgress, note: "고객에게 회신 전화"), by: principal)
            case 3: _ = try await voc.transition(record.id, .init(to: .resolved, resolution: "사과 후 포인트 2,000점 보상"), by: principal)
            default: break
            }
        }
        return summary
    }
}
