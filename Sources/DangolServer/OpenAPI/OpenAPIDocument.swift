/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`. Written by hand so that it documents
/// intent; `OpenAPITests` checks that every route the router serves is documented and every documented route exists.
/// The paths and schemas of each area live beside it (`OpenAPIDocument+Customers`, `+Identity`, `+Sales`, `+Analytics`).
enum OpenAPIDocument {
    static let json = header + "\n" + [customersPaths, identityPaths, salesPaths, analyticsPaths].joined(separator: ",\n") + "\n  },\n"
        + components + "\n" + [customersSchemas, identitySchemas, salesSchemas, analyticsSchemas].joined(separator: ",\n") + "\n    }\n  }\n}\n"

    /// Everything before the first path.
    private static let header = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Dangol API",
    "version": "1.0.0",
    "description": "The customer master of Dangol (단골): one customer, one record. JSON over HTTP; errors are RFC 9457 problem+json; personal data is masked unless the caller may see it, and every unmasked read is audited."
  },
  "servers": [{"url": "/api/v1"}],
  "security": [{"bearer": []}],
  "paths": {
"""#

    /// The shared components, up to the opening of `schemas`.
    private static let components = #"""
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "An API token made with `dangol token create`."}},
    "parameters": {
      "CustomerId": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
      "MergeId": {"name": "mergeId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
      "ReviewId": {"name": "reviewId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}
    },
    "responses": {
      "Problem": {"description": "RFC 9457 problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    },
    "schemas": {
"""#
}
