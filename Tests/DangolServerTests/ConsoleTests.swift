import DangolApp
import DangolCore
import DangolIdentity
import DangolStore
@testable import DangolServer
import DangolTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The web console, driven like a browser (cookies, CSRF fields, redirects) through the real router on each engine.
@Suite("Console")
struct ConsoleTests {
    @Test("The login page renders in Korean with the security headers", arguments: TestEngine.all)
    func loginPageRenders(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            let page = try await browser.get("/login")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
            for (name, value) in [("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer"), ("X-Content-Type-Options", "nosniff")] {
                #expect(page.headers[HTTPField.Name(name)!] == value)
            }
            #expect(page.html.contains(#"<html lang="ko">"#))
            #expect(page.html.contains(#"<form method="post" action="/login""#))
            #expect(page.html.contains(#"<label for="username">아이디</label>"#))
            #expect(page.csrf != nil)
            let css = try await browser.get("/console.css")
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8" && css.html.contains(":focus-visible"))
        }
    }

    @Test("A wrong password shows the form again with a message and status 401", arguments: TestEngine.all)
    func wrongPassword(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            let page = try await browser.login("agent", "not-the-password")
            #expect(page.status == .unauthorized)
            #expect(page.html.contains("아이디 또는 비밀번호가 올바르지 않습니다."))
            #expect(page.html.contains(#"value="agent""#))
            #expect(browser.cookies["dangol_session"] == nil)
        }
    }

    @Test("Signing in sets an HttpOnly, SameSite=Lax session cookie and shows the customer list", arguments: TestEngine.all)
    func loginShowsList(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            let anonymous = try await browser.get("/customers")
            #expect(anonymous.status == .seeOther && anonymous.location == "/login")
            let login = try await browser.login("agent", ConsoleHarness.password)
            #expect(login.status == .seeOther && login.location == "/customers")
            let sessionCookie = try #require(login.setCookies.first { $0.hasPrefix("dangol_session=") })
            #expect(sessionCookie.contains("HttpOnly") && sessionCookie.contains("SameSite=Lax") && sessionCookie.contains("Path=/"))
            let root = try await browser.get("/")
            #expect(root.location == "/customers")
            let list = try await browser.get("/customers")
            #expect(list.status == .ok)
            #expect(list.html.contains("고객이 없습니다"))
            #expect(list.html.contains(#"href="/customers/new""#))
            #expect(list.html.contains("김상담") && list.html.contains(#"<span class="role-badge">상담원</span>"#))
        }
    }

    @Test("Creating a customer through the form redirects to its page, which shows the name", arguments: TestEngine.all)
    func createThroughForm(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let created = try await browser.createCustomer(name: "홍길동", phone: "010-1234-5678", extra: [
                ("email", "hong@example.com"), ("tags", "vip, 강남점"), ("consents", "collection_and_use"), ("consents", "marketing_sms"),
                ("textVersion", "privacy-2026-03"),
            ])
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            #expect(location.hasPrefix("/customers/") && location.hasSuffix("?flash=created"))
            let page = try await browser.get(location)
            #expect(page.status == .ok)
            #expect(page.html.contains("홍길동"))
            #expect(page.html.contains("고객을 등록했습니다."))
            #expect(page.html.contains("010-1234-5678"))
            #expect(page.html.contains("hong@example.com"))
            #expect(page.html.contains(#"<span class="tag">vip</span>"#))
            #expect(page.html.contains("잠재 prospect"))
            #expect(page.html.contains("privacy-2026-03"))
            // Granted purposes offer a one-click withdrawal; others a grant.
            #expect(page.html.contains(#"value="withdraw:marketing_sms""#))
            #expect(page.html.contains(#"value="grant:marketing_email""#))
            let list = try await browser.get("/customers?q=5678")
            #expect(list.html.contains("홍길동"))
        }
    }

    @Test("An invalid phone is reported next to the phone input and the other values are kept", arguments: TestEngine.all)
    func invalidPhoneKeepsValues(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let page = try await browser.createCustomer(name: "이순신", phone: "02-12", extra: [("email", "lee@example.com"), ("tags", "단골")])
            #expect(page.status == .unprocessableContent)
            let phoneField = try #require(page.html.range(of: #"<input id="mobilePhone""#))
            let emailField = try #require(page.html.range(of: #"<input id="email""#))
            let error = try #require(page.html.range(of: #"<p class="field-error" id="mobilePhone-error">"#))
            #expect(phoneField.upperBound < error.lowerBound && error.upperBound < emailField.lowerBound)
            #expect(page.html.contains(#"value="02-12""#))
            #expect(page.html.contains(#"value="이순신""#))
            #expect(page.html.contains(#"value="lee@example.com""#))
            #expect(page.html.contains(#"value="단골""#))
            #expect(page.html.contains(#"aria-describedby="mobilePhone-help mobilePhone-error""#))
            #expect(!page.html.contains(#"id="email-error""#))
            let list = try await browser.get("/customers")
            #expect(list.html.contains("고객이 없습니다"))
        }
    }

    @Test("A phone number shared with another customer links to that customer", arguments: TestEngine.all)
    func identifierConflictLinks(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let first = try #require(try await browser.createCustomer(name: "홍길동", phone: "010-1234-5678").customerID)
            let page = try await browser.createCustomer(name: "홍길순", phone: "01012345678", extra: [("email", "soon@example.com")])
            #expect(page.status == .conflict)
            #expect(page.html.contains(#"<p class="field-error" id="mobilePhone-error">이미 다른 고객(ID <a href="/customers/\#(first)">"#))
        }
    }

    @Test("A manager sees the phone masked; the owning agent sees it in clear", arguments: TestEngine.all)
    func maskingByRole(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var agent = harness.browser()
            try await agent.signIn("agent")
            let id = try #require(try await agent.createCustomer(name: "홍길동", phone: "010-1234-5678").customerID)
            let agentList = try await agent.get("/customers")
            #expect(agentList.html.contains("010-1234-5678") && agentList.html.contains("홍길동"))

            var manager = harness.browser()
            try await manager.signIn("manager")
            let managerList = try await manager.get("/customers")
            #expect(managerList.html.contains("010-****-5678"))
            #expect(managerList.html.contains("홍*동"))
            #expect(!managerList.html.contains("010-1234-5678") && !managerList.html.contains("홍길동"))
            let managerPage = try await manager.get("/customers/" + id)
            #expect(managerPage.html.contains("010-****-5678"))
            #expect(managerPage.html.contains("개인정보가 마스킹되어 표시됩니다."))
            // The edit form never carries the masked name, so saving cannot overwrite the real one with stars.
            let edit = try await manager.get("/customers/\(id)/edit")
            #expect(edit.status == .ok)
            #expect(edit.html.contains(#"id="displayName" name="displayName" type="text" value="""#))
        }
    }

    @Test("?lang=en switches to English and is remembered in a cookie", arguments: TestEngine.all)
    func languageSwitch(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let korean = try await browser.get("/customers")
            #expect(korean.html.contains("고객이 없습니다"))
            #expect(korean.html.contains(#"href="/customers?lang=en""#))
            let english = try await browser.get("/customers?lang=en")
            #expect(english.html.contains(#"<html lang="en">"#))
            #expect(english.html.contains("No customers yet"))
            #expect(english.setCookies.contains { $0.hasPrefix("dangol_lang=en") })
            let remembered = try await browser.get("/customers")
            #expect(remembered.html.contains("No customers yet") && remembered.html.contains("Log out"))
            let back = try await browser.get("/customers?lang=ko")
            #expect(back.html.contains("고객이 없습니다"))
        }
    }

    @Test("A POST without the right CSRF token is refused with a 403 page", arguments: TestEngine.all)
    func csrfRequired(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let fields = [("kind", "person"), ("displayName", "홍길동"), ("stage", "prospect")]
            let missing = try await browser.post("/customers", fields, csrf: .omitted)
            #expect(missing.status == .forbidden)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(missing.html.contains("보안 토큰이 맞지 않습니다"))
            let wrong = try await browser.post("/customers", fields, csrf: .value("c_wrong"))
            #expect(wrong.status == .forbidden)
            let list = try await browser.get("/customers")
            #expect(list.html.contains("고객이 없습니다"))
            // The login form is protected too (double submit with the dangol_login cookie).
            var stranger = harness.browser()
            let forged = try await stranger.post("/login", [("username", "agent"), ("password", ConsoleHarness.password)], csrf: .value("l_forged"))
            #expect(forged.status == .forbidden)
        }
    }

    @Test("Logging out ends the session on the server", arguments: TestEngine.all)
    func logoutEndsSession(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let session = try #require(browser.cookies["dangol_session"])
            _ = try await browser.get("/customers")
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther && out.location == "/login?flash=loggedOut")
            #expect(browser.cookies["dangol_session"] == nil)
            browser.cookies["dangol_session"] = session
            let again = try await browser.get("/customers")
            #expect(again.status == .seeOther && again.location == "/login")
            let login = try await browser.get("/login?flash=loggedOut")
            #expect(login.html.contains("로그아웃했습니다."))
        }
    }

    @Test("The customer page records transitions, one-click consent changes, identifiers and deletion", arguments: TestEngine.all)
    func customerPageActions(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let id = try #require(try await browser.createCustomer(name: "홍길동", phone: "010-1234-5678").customerID)
            _ = try await browser.get("/customers/" + id)
            let moved = try await browser.post("/customers/\(id)/transition", [("to", "lead"), ("reason", "첫 상담")])
            #expect(moved.location == "/customers/\(id)?flash=transition")
            var page = try await browser.get(moved.location ?? "")
            #expect(page.html.contains("가망 lead") && page.html.contains("첫 상담") && page.html.contains("단계를 변경했습니다."))

            _ = try await browser.post("/customers/\(id)/consents", [("action", "grant:marketing_sms"), ("channel", "store")])
            page = try await browser.get("/customers/" + id)
            #expect(page.html.contains(#"value="withdraw:marketing_sms""#))
            _ = try await browser.post("/customers/\(id)/consents", [("action", "withdraw:marketing_sms"), ("channel", "call_center")])
            page = try await browser.get("/customers/" + id)
            #expect(page.html.contains(#"value="grant:marketing_sms""#))
            #expect(page.html.contains("철회·거부"))

            let badEmail = try await browser.post("/customers/\(id)/identifiers", [("type", "email"), ("value", "not-an-email")])
            #expect(badEmail.status == .unprocessableContent)
            #expect(badEmail.html.contains(#"<p class="field-error" id="identifier-value-error">이메일 주소 형식이 올바르지 않습니다.</p>"#))
            #expect(badEmail.html.contains(#"value="not-an-email""#))
            let added = try await browser.post("/customers/\(id)/identifiers", [("type", "email"), ("value", "hong@example.com")])
            #expect(added.location == "/customers/\(id)?flash=identifier")

            let noReason = try await browser.post("/customers/\(id)/delete", [("reason", " ")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.html.contains(#"id="delete-reason-error""#))
            let deleted = try await browser.post("/customers/\(id)/delete", [("reason", "중복 등록")])
            #expect(deleted.location == "/customers?flash=deleted")
            let list = try await browser.get(deleted.location ?? "")
            #expect(list.html.contains("고객을 삭제했습니다.") && !list.html.contains("홍길동"))
        }
    }

    @Test("The duplicate review queue: a pair side by side with its evidence, kept apart or merged", arguments: TestEngine.all)
    func duplicateReview(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("manager")
            let a = try #require(try await browser.createCustomer(name: "김민준", phone: "010-1111-2222").customerID)
            let b = try #require(try await browser.createCustomer(name: "김민쥰", phone: "010-3333-4444").customerID)
            let c = try #require(try await browser.createCustomer(name: "이서준", phone: "010-5555-6666").customerID)
            let explain = { (left: String, right: String, leftName: String, rightName: String) in
                IdentityResolver.explain(IdentityRecord(id: left, name: leftName, phones: ["+821011112222"]),
                                         IdentityRecord(id: right, name: rightName, phones: ["+821033332222"]), models: .starting)
            }
            try await MatchReviewService(services: harness.services).propose([
                (CustomerID(a), CustomerID(b), explain(a, b, "김민준", "김민쥰")),
                (CustomerID(a), CustomerID(c), explain(a, c, "김민준", "이서준")),
            ], origin: "dedupe")

            let queue = try await browser.get("/reviews")
            #expect(queue.status == .ok)
            #expect(queue.html.contains(#"<a href="/reviews" aria-current="page">중복 검토</a>"#))
            let links = queue.html.matches(of: #/href="(/reviews/[0-9a-f-]{36})"/#).map { String($0.1) }
            #expect(links.count == 2)
            // Managers see both records masked, and every field's comparison and weight.
            let pair = try await browser.get(try #require(links.first))
            #expect(pair.html.contains("김*준") && pair.html.contains("010-****-2222"))
            #expect(pair.html.contains("<th scope=\"row\">이름</th>"))
            #expect(pair.html.contains("일치 확률"))
            #expect(pair.html.contains("<td>한 글자(자모) 차이</td>") || pair.html.contains("<td>매우 비슷함 (자모 JW ≥ 0.92)</td>"))
            #expect(pair.html.contains("<td>다름</td>") && pair.html.contains("<td>한쪽에 없음</td>"))

            let rejected = try await browser.post("\(links[1])/reject", [])
            #expect(rejected.location == "/reviews?flash=reviewRejected")
            _ = try await browser.get(links[0])
            let merged = try await browser.post("\(links[0])/confirm", [("survivor", b)])
            #expect(merged.location == "/customers/\(b)?flash=reviewMerged")
            let survivor = try await browser.get(merged.location ?? "")
            #expect(survivor.html.contains("두 기록을 병합했습니다."))
            #expect(survivor.html.contains("병합 이력"))
            let undo = try #require(survivor.html.firstMatch(of: #/action="(/merges/[0-9a-f-]{36}/unmerge)"/#).map { String($0.1) })
            let undone = try await browser.post(undo, [])
            #expect(undone.location == "/customers/\(b)?flash=unmerged")
            let afterUndo = try await browser.get(undone.location ?? "")
            #expect(afterUndo.html.contains("병합을 취소했습니다.") && afterUndo.html.contains("취소됨"))
            #expect(try await browser.get("/customers/" + a).status == .ok)
            #expect(try await browser.get("/reviews").html.contains("검토할 쌍이 없습니다."))
            // Agents have no queue.
            var agent = harness.browser()
            try await agent.signIn("agent")
            #expect(!(try await agent.get("/customers")).html.contains("중복 검토"))
            #expect(try await agent.get("/reviews").status == .forbidden)
        }
    }

    @Test("The customer page shows the 360° facts and the timeline", arguments: TestEngine.all)
    func overviewSection(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let id = try #require(try await browser.createCustomer(name: "송하늘", phone: "010-6060-7070").customerID)
            let empty = try await browser.get("/customers/" + id)
            #expect(empty.html.contains("360° 고객") && empty.html.contains("회원 등급"))
            let sales = TransactionService(services: harness.services)
            _ = try await sales.record(TransactionInput(source: "pos", externalId: "C1", channel: "store", occurredAt: harness.services.clock.now(),
                                                        amount: 1_234_500, customerId: id), by: .system("test"))
            let page = try await browser.get("/customers/" + id)
            #expect(page.html.contains("<dd>1,234,500</dd>"))          // total spend
            #expect(page.html.contains("<dd>골드</dd>"))               // 1,234,500 won in 12 months
            #expect(page.html.contains("<td>구매·환불</td>") && page.html.contains("<td>등급</td>") && page.html.contains("<td>포인트</td>"))
            let english = try await browser.get("/customers/\(id)?lang=en")
            #expect(english.html.contains("<dd>Gold</dd>") && english.html.contains("Timeline"))
        }
    }

    @Test("Editing keeps errors next to their fields and saves with a flash message", arguments: TestEngine.all)
    func editProfile(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let id = try #require(try await browser.createCustomer(name: "홍길동", phone: "010-1234-5678").customerID)
            let form = try await browser.get("/customers/\(id)/edit")
            #expect(form.html.contains(#"value="홍길동""#))
            let tooLong = try await browser.post("/customers/" + id, [("displayName", "홍길동"), ("tags", String(repeating: "가", count: 51)),
                                                                       ("owner", harness.agentID)])
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.html.contains(#"id="tags-error">태그는 1–50자여야 합니다.</p>"#))
            let saved = try await browser.post("/customers/" + id, [("displayName", "홍길동 님"), ("tags", "vip"), ("owner", harness.agentID)])
            #expect(saved.location == "/customers/\(id)?flash=saved")
            let page = try await browser.get(saved.location ?? "")
            #expect(page.html.contains("저장했습니다.") && page.html.contains("홍길동 님"))
        }
    }

    @Test("Unknown customers get a 404 page, forbidden actions a 403 page, and user data is escaped", arguments: TestEngine.all)
    func errorPagesAndEscaping(engine: TestEngine) async throws {
        try await ConsoleHarness.run(engine: engine) { harness in
            var browser = harness.browser()
            try await browser.signIn("agent")
            let unknown = try await browser.get("/customers/00000000-0000-7000-8000-000000000000")
            #expect(unknown.status == .notFound && unknown.html.contains("고객을 찾을 수 없습니다."))
            #expect(try await browser.get("/customers/not-an-id").status == .notFound)
            let hostile = try await browser.createCustomer(name: "<script>alert(1)</script>", phone: "010-5555-0001")
            let page = try await browser.get(try #require(hostile.location))
            #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.html.contains("<script>"))

            var analyst = harness.browser()
            try await analyst.signIn("analyst")
            let denied = try await analyst.get("/customers/new")
            #expect(denied.status == .forbidden && denied.html.contains("권한이 없습니다"))
        }
    }

    @Test("Every {{t.key}} in the templates exists in the string table, in both languages")
    func stringTableIsComplete() throws {
        let pattern = try Regex(#"\{\{[#^/]?t\.([A-Za-z0-9_]+)\}\}"#)
        var keys: Set<String> = []
        for template in ConsoleTemplate.all {
            for match in template.source.matches(of: pattern) {
                keys.insert(String(template.source[match.range].dropFirst(2).dropLast(2).drop { $0 != "t" }.dropFirst(2)))
            }
        }
        #expect(keys.count > 50)
        for key in keys.sorted() {
            let entry = ConsoleStrings.table[key]
            #expect(entry != nil, "missing string \(key)")
            #expect(entry.map { !$0.ko.isEmpty && !$0.en.isEmpty } ?? false, "empty string \(key)")
        }
        _ = ConsoleRenderer()  // every template parses
    }
}
