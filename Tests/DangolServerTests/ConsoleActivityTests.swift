import DangolApp
import DangolCore
import DangolStore
@testable import DangolServer
import DangolTestSupport
import HTTPTypes
import Testing

/// The 360° work in the console: contacts, VOC cases and their board, point adjustments, the spend chart, products.
@Suite("Console — 360° work")
struct ConsoleActivityTests {
    @Test("Recording a contact shows it on the timeline; a bad direction is reported next to its field", arguments: TestEngine.all)
    func recordContact(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let id = try #require(try await browser.createCustomer(name: "유지민", phone: "010-4545-1212").customerID)
            let page = try await browser.get("/customers/" + id)
            #expect(page.html.contains(#"action="/customers/\#(id)/interactions""#))
            let bad = try await browser.post("/customers/\(id)/interactions", [("channel", "phone"), ("direction", "sideways"), ("subject", "배송 문의")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains(#"id="interaction-direction-error""#))
            #expect(bad.html.contains(#"value="배송 문의""#))
            let saved = try await browser.post("/customers/\(id)/interactions", [("channel", "phone"), ("direction", "inbound"),
                                                                                 ("subject", "배송 문의"), ("notes", "내일 도착 안내")])
            #expect(saved.location == "/customers/\(id)?flash=interaction#overview-heading")
            let after = try await browser.get(try #require(saved.location))
            #expect(after.html.contains("접촉을 기록했습니다.") && after.html.contains("<td>접촉</td>"))
        }
    }

    @Test("A complaint opened from the customer page is on the board, is marked overdue past its deadline, and resolves with a resolution",
          arguments: TestEngine.all)
    func complaintFlow(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let id = try #require(try await browser.createCustomer(name: "한결", phone: "010-7878-9090").customerID)
            _ = try await browser.get("/customers/" + id)
            let missing = try await browser.post("/customers/\(id)/voc", [("kind", "complaint"), ("severity", "high"), ("channel", "phone"),
                                                                         ("subject", " ")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.html.contains(#"id="voc-subject-error""#))
            let opened = try await browser.post("/customers/\(id)/voc", [("kind", "complaint"), ("severity", "high"), ("channel", "phone"),
                                                                        ("category", "배송"), ("subject", "파손된 상품 도착"),
                                                                        ("description", "상자가 찢어져 있었음")])
            let casePath = try #require(opened.location?.firstMatch(of: #/^(/voc/[0-9a-f-]{36})\?flash=vocOpened$/#).map { String($0.1) })
            let casePage = try await browser.get(try #require(opened.location))
            #expect(casePage.html.contains("파손된 상품 도착") && casePage.html.contains("고객의 소리를 접수했습니다."))
            #expect(casePage.html.contains("높음 (1일)") && casePage.html.contains("접수됨"))

            var board = try await browser.get("/voc")
            #expect(board.html.contains(#"<a href="/voc" aria-current="page">고객의 소리</a>"#))
            #expect(board.html.contains("파손된 상품 도착") && !board.html.contains("case-overdue") && !board.html.contains("기한 초과: "))
            // A high-severity case is due in a day; a day and a minute later the board marks it.
            let clock = try #require(harness.services.clock as? TestClock)
            clock.advance(byMilliseconds: 24 * 3_600_000 + 60_000)
            try await browser.signIn("agent")  // sessions last 12 hours
            board = try await browser.get("/voc")
            #expect(board.html.contains(#"<li class="board-card case-overdue">"#) && board.html.contains("기한 초과: 1"))
            let customerPage = try await browser.get("/customers/" + id)
            #expect(customerPage.html.contains(#"<li class="case-item case-overdue">"#))

            _ = try await browser.get(casePath)
            let noResolution = try await browser.post(casePath + "/transition", [("to", "resolved"), ("resolution", "")])
            #expect(noResolution.status == .unprocessableContent)
            #expect(noResolution.html.contains(#"id="voc-resolution-error""#))
            let resolved = try await browser.post(casePath + "/transition", [("to", "resolved"), ("resolution", "새 상품으로 교환")])
            #expect(resolved.location == casePath + "?flash=vocChanged")
            let done = try await browser.get(try #require(resolved.location))
            #expect(done.html.contains("해결됨") && done.html.contains("새 상품으로 교환") && done.html.contains("상태를 변경했습니다."))
            // Closed is the only step from resolved besides reopening.
            #expect(done.html.contains(#"<option value="closed""#) && !done.html.contains(#"<option value="in_progress""#))
            #expect(try await browser.get("/voc/00000000-0000-7000-8000-000000000000").status == .notFound)
        }
    }

    @Test("Points are adjusted with a reason; a deduction below zero is refused and a resubmitted form counts once", arguments: TestEngine.all)
    func adjustPoints(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let id = try #require(try await browser.createCustomer(name: "나래", phone: "010-1357-2468").customerID)
            let page = try await browser.get("/customers/" + id)
            let nonce = try #require(page.html.firstMatch(of: #/name="nonce" value="([^"]+)"/#).map { String($0.1) })
            let noReason = try await browser.post("/customers/\(id)/points", [("points", "500"), ("reason", ""), ("nonce", nonce)])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.html.contains(#"id="points-reason-error""#))
            let notNumber = try await browser.post("/customers/\(id)/points", [("points", "오백"), ("reason", "사과"), ("nonce", nonce)])
            #expect(notNumber.html.contains(#"id="points-amount-error""#))
            let added = try await browser.post("/customers/\(id)/points", [("points", "1,500"), ("reason", "배송 지연 보상"), ("nonce", nonce)])
            #expect(added.location == "/customers/\(id)?flash=points#overview-heading")
            let again = try await browser.post("/customers/\(id)/points", [("points", "1,500"), ("reason", "배송 지연 보상"), ("nonce", nonce)])
            #expect(again.status == .seeOther)
            var after = try await browser.get("/customers/" + id)
            #expect(after.html.contains(#"<strong id="points-balance">1,500</strong>"#))
            let tooMuch = try await browser.post("/customers/\(id)/points", [("points", "-2000"), ("reason", "정정"), ("nonce", "other")])
            #expect(tooMuch.status == .conflict)
            after = try await browser.get("/customers/" + id)
            #expect(after.html.contains(#"<strong id="points-balance">1,500</strong>"#))
            let balance = try await PointsService(services: harness.services).balance(of: CustomerID(id), for: .system("test"))
            #expect(balance.balance == 1_500 && balance.entries.count == 1)
        }
    }

    @Test("The monthly spend chart is server-rendered SVG with a bar per month; products are listed with their margin",
          arguments: TestEngine.all)
    func chartAndProducts(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let id = try #require(try await browser.createCustomer(name: "차은별", phone: "010-2020-3030").customerID)
            #expect(try await browser.get("/customers/" + id).html.contains("최근 12개월 구매가 없습니다."))
            #expect(try await browser.get("/products").html.contains(#"<p class="empty-state">"#))
            let products = ProductService(services: harness.services)
            _ = try await products.upsert(.init(sku: "TEA-01", name: "녹차 <세트>", category: "차", listPriceMinor: 20_000, unitCostMinor: 12_000,
                                                currency: "KRW"), by: .system("test"))
            let sales = TransactionService(services: harness.services)
            _ = try await sales.record(TransactionInput(source: "pos", externalId: "S1", channel: "store", occurredAt: harness.services.clock.now(),
                                                        amount: 40_000, customerId: id), by: .system("test"))
            let page = try await browser.get("/customers/" + id)
            let svg = try #require(page.html.firstMatch(of: #/<svg class="chart"[\s\S]*?</svg>/#).map { String($0.0) })
            #expect(svg.matches(of: #/<rect class="chart-bar"/#).count == 12)
            #expect(svg.contains("월별 구매액 (KRW)") && svg.contains("40,000 KRW"))
            let english = try await browser.get("/customers/\(id)?lang=en")
            #expect(english.html.contains("Monthly spend (KRW)"))
            let list = try await browser.get("/products")
            #expect(list.html.contains("녹차 &lt;세트&gt;") && list.html.contains("<td class=\"numeric\">40%</td>"))
        }
    }
}

@Suite("Monthly spend")
struct MonthlySpendTests {
    @Test("Days fold into the last 12 calendar months, oldest first, across the new year, with empty months as zero")
    func months() throws {
        let day = { (y: Int, m: Int, d: Int) in CivilDate(year: y, month: m, day: d)!.daysSinceEpoch }
        let days = [DailySpend(day: day(2026, 1, 31), currency: "KRW", amountMinor: 10_000),
                    DailySpend(day: day(2026, 1, 1), currency: "KRW", amountMinor: 5_000),
                    DailySpend(day: day(2026, 11, 2), currency: "KRW", amountMinor: -3_000),
                    DailySpend(day: day(2025, 12, 31), currency: "KRW", amountMinor: 7_000)]
        let months = MonthlySpend.months(days, ending: CivilDate(year: 2026, month: 11, day: 22)!, count: 12)
        #expect(months.count == 12)
        #expect(months.first?.year == 2025 && months.first?.month == 12)
        #expect(months.last?.year == 2026 && months.last?.month == 11)
        #expect(months.map(\.amountMinor) == [7_000, 15_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, -3_000])
        #expect(MonthlySpend.months([], ending: CivilDate(year: 2026, month: 3, day: 1)!, count: 12).allSatisfy { $0.amountMinor == 0 && $0.currency == "KRW" })
    }
}

@Suite("Console — sales import")
struct ConsoleImportTests {
    @Test("A CSV uploaded on the import page is imported in the background; the progress page shows the counts and the rejected rows",
          arguments: TestEngine.all)
    func uploadAndFollow(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let form = try await browser.get("/imports")
            #expect(form.html.contains(#"enctype="multipart/form-data""#) && form.html.contains("아직 가져온 파일이 없습니다."))
            let csv = """
                external_id,occurred_at,channel,sku,quantity,unit_price
                S1,2026-11-01 10:00,store,A,1,1000
                S1,2026-11-01 10:00,store,B,2,500
                S2,not-a-date,store,A,1,1000
                S3,2026-11-02 11:30,web,A,3,1000

                """
            let missingCSRF = try await browser.upload("/imports/transactions", fields: [("source", "pos")], file: ("sales.csv", csv), csrf: false)
            #expect(missingCSRF.status == .forbidden)
            let started = try await browser.upload("/imports/transactions", fields: [("source", "pos")], file: ("sales.csv", csv))
            let runPath = try #require(started.location)
            #expect(runPath.hasPrefix("/imports/"))
            var page = try await browser.get(runPath)
            for _ in 0..<500 where page.html.contains("http-equiv=\"refresh\"") {
                try await Task.sleep(for: .milliseconds(20))
                page = try await browser.get(runPath)
            }
            #expect(page.html.contains("완료") && !page.html.contains("http-equiv=\"refresh\""))
            #expect(page.html.contains("<dt>기록한 거래</dt><dd>2</dd>") && page.html.contains("<dt>거부된 행</dt><dd>1</dd>"))
            #expect(page.html.contains(#"<td class="numeric">4</td><td>occurred_at: not a date and time"#))
            let rejects = try await browser.get(runPath + "/rejects.csv")
            #expect(rejects.status == .ok && rejects.html.contains("S2,not-a-date"))
            // Another agent sees the run but not the rejected rows (they hold what was uploaded).
            var other = harness.browser()
            try await other.signIn("analyst")
            let hidden = try await other.get(runPath)
            #expect(hidden.html.contains("올린 사람과 관리자만") && !hidden.html.contains("not-a-date"))
            #expect(try await other.get(runPath + "/rejects.csv").status == .forbidden)
            #expect(try await browser.get("/imports").html.contains("sales.csv"))
            let sales = try await harness.services.read { db in try await TransactionRepository().find(source: "pos", externalID: "S1", on: db) }
            #expect(sales?.lines.count == 2 && sales?.amountMinor == 2_000)
        }
    }
}
