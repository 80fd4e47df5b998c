import DangolApp
import DangolCore
import DangolIdentity
import DangolTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Match review API")
struct MatchReviewAPITests {
    @Test("A steward sees a pair side by side, rejects it for good, confirms another into a merge", arguments: TestEngine.all)
    func reviewQueue(engine: TestEngine) async throws {
        try await APITestHarness.run(engine: engine) { harness, client in
            func create(_ name: String, _ birth: String) async throws -> String {
                let response = try await client.send(.post, "/api/v1/customers", token: harness.adminToken, json: """
                    {"kind":"person","displayName":"\(name)","identifiers":[{"type":"name_birth_date","value":"\(name)|\(birth)"}]}
                    """)
                return try #require(response.json["id"] as? String)
            }
            let a = try await create("김민준", "1990-03-05")
            let b = try await create("김민쥰", "1990-03-05")
            let c = try await create("이서준", "1988-11-02")
            let d = try await create("이서준", "1988-02-11")
            let explanation = { (left: String, right: String, name: String, otherName: String, birth: CivilDate, otherBirth: CivilDate) in
                IdentityResolver.explain(IdentityRecord(id: left, name: name, birthDate: birth),
                                         IdentityRecord(id: right, name: otherName, birthDate: otherBirth), models: .starting)
            }
            let reviews = MatchReviewService(services: harness.services)
            let first = explanation(a, b, "김민준", "김민쥰", CivilDate(year: 1990, month: 3, day: 5)!, CivilDate(year: 1990, month: 3, day: 5)!)
            let second = explanation(c, d, "이서준", "이서준", CivilDate(year: 1988, month: 11, day: 2)!, CivilDate(year: 1988, month: 2, day: 11)!)
            #expect(try await reviews.propose([(CustomerID(a), CustomerID(b), first), (CustomerID(c), CustomerID(d), second)], origin: "dedupe") == 2)

            // Agents do not see the queue; a steward sees both pairs, most probable first, with the evidence per field.
            #expect(try await client.send(.get, "/api/v1/match-reviews", token: harness.agentToken).status == .forbidden)
            let queue = try await client.send(.get, "/api/v1/match-reviews", token: harness.adminToken)
            #expect(queue.status == .ok)
            #expect(queue.jsonArray.count == 2)
            let probabilities = queue.jsonArray.compactMap { $0["probability"] as? Double }
            #expect(probabilities == probabilities.sorted(by: >))
            let pairID = try #require(queue.jsonArray.first { ($0["left"] as? [String: Any])?["id"] as? String == min(a, b) }?["id"] as? String)
            let detail = try await client.send(.get, "/api/v1/match-reviews/\(pairID)", token: harness.managerToken)
            #expect(detail.status == .ok)
            let fields = try #require(detail.json["fields"] as? [[String: Any]])
            #expect(fields.contains { $0["field"] as? String == "birth_date" && $0["level"] as? String == "exact" })
            // Managers see the two records masked.
            #expect((detail.json["left"] as? [String: Any])?["displayName"] as? String == "김*준")

            // Rejected: never proposed again.
            let rejected = try await client.send(.post, "/api/v1/match-reviews/\(pairID)/reject", token: harness.adminToken)
            #expect(rejected.status == .ok)
            #expect(rejected.json["status"] as? String == "rejected")
            #expect(try await reviews.propose([(CustomerID(b), CustomerID(a), first)], origin: "dedupe") == 0)
            #expect(try await client.send(.post, "/api/v1/match-reviews/\(pairID)/confirm", token: harness.adminToken).status == .conflict)

            // Confirmed: merged, with the review's probability on the merge.
            let otherID = try #require(queue.jsonArray.first { $0["id"] as? String != pairID }?["id"] as? String)
            let confirmed = try await client.send(.post, "/api/v1/match-reviews/\(otherID)/confirm", token: harness.adminToken,
                                                  json: #"{"survivorId":"\#(d)"}"#)
            #expect(confirmed.status == .ok)
            let mergeID = try #require(confirmed.json["mergeID"] as? String)
            let merge = try await client.send(.get, "/api/v1/merges/\(mergeID)", token: harness.adminToken)
            #expect(merge.json["survivorID"] as? String == d)
            #expect(merge.json["absorbedID"] as? String == c)
            #expect(abs((merge.json["probability"] as? Double ?? 0) - second.probability) < 1e-9)
            #expect(try await client.send(.get, "/api/v1/match-reviews", token: harness.adminToken).jsonArray.isEmpty)
        }
    }
}
