import DangolCore

/// One step of a VOC case's history: a status change, by whom, with the note given.
public struct VOCEventRecord: Sendable, Hashable, Codable {
    public var from: VOCCase.Status?
    public var to: VOCCase.Status
    public var byUserID: String?
    public var note: String?
    public var at: Timestamp

    public init(from: VOCCase.Status?, to: VOCCase.Status, byUserID: String?, note: String?, at: Timestamp) {
        self.from = from
        self.to = to
        self.byUserID = byUserID
        self.note = note
        self.at = at
    }
}
