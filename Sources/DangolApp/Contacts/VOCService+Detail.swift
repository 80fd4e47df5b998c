import DangolCore
import DangolStore

extension VOCService {
    /// A case with its history.
    public struct Detail: Sendable, Hashable {
        public var record: VOCCaseRecord
        public var events: [VOCEventRecord]
    }

    /// One case and its history, oldest step first.
    /// - Throws: `notFound` for an unknown case.
    public func detail(_ caseID: String, for principal: Principal) async throws(DangolError) -> Detail {
        try principal.require(scope: "customers:read")
        let repository = VOCRepository()
        return try await services.read { db in
            guard let record = try await repository.find(caseID, on: db) else { throw DangolError.notFound("The VOC case") }
            return Detail(record: record, events: try await repository.events(of: caseID, on: db))
        }
    }
}
