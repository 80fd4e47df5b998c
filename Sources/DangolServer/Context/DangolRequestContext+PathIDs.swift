import DangolCore
import Hummingbird

extension DangolRequestContext {
    /// A UUID path parameter (customer, merge, review, case… ids are all UUIDv7 text). Anything else is a 404 for
    /// `what`, since no such resource can exist.
    func pathID(_ name: String, notFound what: String) throws -> String {
        let text = try parameters.require(name)
        guard CustomerID.isWellFormed(text) else { throw DangolError.notFound(what) }
        return text
    }

    /// The customer id in the path (`{id}`).
    func pathCustomerID() throws -> CustomerID {
        CustomerID(try pathID("id", notFound: "The customer"))
    }
}
