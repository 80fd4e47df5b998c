extension OpenAPIDocument {
    /// Paths of the customer master: customers, identifiers, consents, lifecycle, relationships, audit, attributes, settings, /me.
    static let customersPaths = #"""
    "/customers": {
      "get": {
        "summary": "List and search customers",
        "description": "Cursor-paged, ordered by creation. `q` searches a name fragment, the last 4 digits of a phone, or an email prefix.",
        "parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string"}},
          {"name": "name", "in": "query", "schema": {"type": "string"}},
          {"name": "phoneTail", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}$"}},
          {"name": "email", "in": "query", "schema": {"type": "string"}},
          {"name": "segment", "in": "query", "description": "RFM segment of the latest analytics refresh", "schema": {"enum": ["champions", "loyal", "potential_loyalists", "new", "at_risk", "cant_lose", "hibernating", "lost"]}},
          {"name": "valueQuadrant", "in": "query", "description": "Value-matrix quadrant of the latest refresh", "schema": {"enum": ["most_valuable", "growable", "maintain", "below_cost"]}},
          {"name": "churnBand", "in": "query", "description": "Churn-risk band of the latest refresh", "schema": {"enum": ["low", "medium", "high"]}},
          {"name": "minClv", "in": "query", "description": "Least margin CLV, minor units", "schema": {"type": "number"}},
          {"name": "stage", "in": "query", "schema": {"$ref": "#/components/schemas/LifecycleStage"}},
          {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/CustomerKind"}},
          {"name": "owner", "in": "query", "schema": {"type": "string"}},
          {"name": "tag", "in": "query", "schema": {"type": "string"}},
          {"name": "attribute", "in": "query", "description": "key:value", "schema": {"type": "string"}},
          {"name": "cursor", "in": "query", "schema": {"type": "string"}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
          {"name": "reveal", "in": "query", "description": "Admins: show personal data unmasked (audited).", "schema": {"type": "boolean"}}
        ],
        "responses": {
          "200": {"description": "A page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerPage"}}}},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      },
      "post": {
        "summary": "Create a customer",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerInput"}}}},
        "responses": {
          "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}}},
          "409": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/customers/lookup": {
      "get": {
        "summary": "Find the customer holding an identifier",
        "parameters": [
          {"name": "type", "in": "query", "required": true, "schema": {"type": "string"}, "example": "phone"},
          {"name": "value", "in": "query", "required": true, "schema": {"type": "string"}, "example": "010-1234-5678"}
        ],
        "responses": {
          "200": {"description": "The customer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}}},
          "404": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/customers/{id}": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {
        "summary": "The customer page: profile, identifiers, consents, lifecycle, relationships",
        "parameters": [{"name": "reveal", "in": "query", "schema": {"type": "boolean"}}],
        "responses": {
          "200": {"description": "The customer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerDetail"}}}},
          "404": {"$ref": "#/components/responses/Problem"}
        }
      },
      "patch": {
        "summary": "Change profile fields (name, owner, tags, attributes)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerInput"}}}},
        "responses": {
          "200": {"description": "Updated", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}}},
          "404": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      },
      "delete": {
        "summary": "Soft-delete a customer (a reason is required)",
        "parameters": [{"name": "reason", "in": "query", "schema": {"type": "string"}}],
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"reason": {"type": "string"}}, "required": ["reason"]}}}},
        "responses": {"204": {"description": "Deleted"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/identifiers": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {
        "summary": "Identifiers of a customer (masked per role)",
        "responses": {"200": {"description": "Identifiers", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Identifier"}}}}}}
      },
      "post": {
        "summary": "Add identifiers",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["identifiers"], "properties": {"identifiers": {"type": "array", "items": {"$ref": "#/components/schemas/IdentifierInput"}}}}}}},
        "responses": {
          "201": {"description": "All identifiers of the customer", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Identifier"}}}}},
          "409": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/customers/{id}/identifiers/{identifierId}": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}, {"name": "identifierId", "in": "path", "required": true, "schema": {"type": "string"}}],
      "delete": {"summary": "Remove an identifier", "responses": {"204": {"description": "Removed"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/customers/{id}/consents": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {
        "summary": "Current consent state and the full, append-only history",
        "responses": {"200": {"description": "Consents", "content": {"application/json": {"schema": {"type": "object", "properties": {"state": {"$ref": "#/components/schemas/ConsentState"}, "history": {"type": "array", "items": {"$ref": "#/components/schemas/ConsentEvent"}}}}}}}}
      },
      "post": {
        "summary": "Record consent events (grant or withdraw)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["events"], "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/ConsentInput"}}}}}}},
        "responses": {"201": {"description": "The new state", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConsentState"}}}}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/lifecycle": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {"summary": "Lifecycle history", "responses": {"200": {"description": "Transitions", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/LifecycleEvent"}}}}}}}
    },
    "/customers/{id}/transitions": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "post": {
        "summary": "Move the customer to another lifecycle stage",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["to"], "properties": {"to": {"$ref": "#/components/schemas/LifecycleStage"}, "reason": {"type": "string"}}}}}},
        "responses": {"201": {"description": "The lifecycle history", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/LifecycleEvent"}}}}}, "409": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/relationships": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "post": {
        "summary": "Link this person to an organisation",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["organisationId", "kind"], "properties": {"organisationId": {"type": "string"}, "kind": {"enum": ["works_at", "contact_for"]}, "title": {"type": "string"}}}}}},
        "responses": {"201": {"description": "Linked"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/audit": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {"summary": "Audit trail of a customer (admins, managers)", "responses": {"200": {"description": "Entries, newest first"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/attributes": {
      "get": {"summary": "Custom attribute definitions", "responses": {"200": {"description": "Definitions", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/AttributeDefinition"}}}}}}},
      "post": {
        "summary": "Define a custom attribute (admins)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AttributeDefinition"}}}},
        "responses": {"201": {"description": "Defined"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/settings/rrn-collection": {
      "put": {
        "summary": "Switch resident registration number collection on (with its legal basis) or off (admins)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["enabled", "legalBasis"], "properties": {"enabled": {"type": "boolean"}, "legalBasis": {"type": "string"}}}}}},
        "responses": {"204": {"description": "Recorded"}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/me": {
      "get": {"summary": "The caller's user and token scopes", "responses": {"200": {"description": "The caller"}}}
    }
"""#

    /// Schemas of the customer master: customers, identifiers, consents, lifecycle, relationships, audit, attributes, settings, /me.
    static let customersSchemas = #"""
      "Problem": {
        "type": "object",
        "properties": {
          "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"},
          "errors": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "code": {"type": "string"}, "message": {"type": "string"}}}},
          "conflictingCustomerId": {"type": "string"}
        }
      },
      "LifecycleStage": {"enum": ["prospect", "lead", "active", "churned"], "description": "잠재, 가망, 거래, 이탈"},
      "CustomerKind": {"enum": ["person", "organisation"]},
      "IdentifierType": {"enum": ["customer_number", "email", "mobile_phone", "other_phone", "login_id", "device_id", "sns_url", "name_birth_date", "rrn", "brn", "crn", "web_domain", "name_address"]},
      "ConsentPurpose": {"enum": ["collection_and_use", "marketing_sms", "marketing_email", "marketing_phone", "marketing_post", "marketing_push", "third_party_provision", "night_time_advertising"]},
      "IdentifierInput": {
        "type": "object", "required": ["type", "value"],
        "properties": {"type": {"type": "string", "description": "An IdentifierType or alias (phone, mobile)"}, "value": {"type": "string"}, "source": {"type": "string"}, "verified": {"type": "boolean"}, "overrideChecksum": {"type": "boolean"}}
      },
      "ConsentInput": {
        "type": "object", "required": ["purpose", "granted"],
        "properties": {"purpose": {"$ref": "#/components/schemas/ConsentPurpose"}, "granted": {"type": "boolean"}, "channel": {"type": "string"}, "source": {"type": "string"}, "recipient": {"type": "string"}, "textVersion": {"type": "string"}, "evidence": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}
      },
      "CustomerInput": {
        "type": "object",
        "properties": {
          "kind": {"$ref": "#/components/schemas/CustomerKind"}, "displayName": {"type": "string"}, "lifecycleStage": {"$ref": "#/components/schemas/LifecycleStage"},
          "ownerID": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
          "attributes": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}},
          "identifiers": {"type": "array", "items": {"$ref": "#/components/schemas/IdentifierInput"}},
          "consents": {"type": "array", "items": {"$ref": "#/components/schemas/ConsentInput"}}
        }
      },
      "Identifier": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "type": {"$ref": "#/components/schemas/IdentifierType"}, "value": {"type": "string"}, "masked": {"type": "boolean"}, "strong": {"type": "boolean"}, "source": {"type": "string"}, "verified": {"type": "boolean"}, "firstSeen": {"type": "string", "format": "date-time"}, "lastSeen": {"type": "string", "format": "date-time"}}
      },
      "Customer": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "kind": {"$ref": "#/components/schemas/CustomerKind"}, "displayName": {"type": "string"}, "masked": {"type": "boolean"},
          "lifecycleStage": {"$ref": "#/components/schemas/LifecycleStage"}, "ownerID": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
          "attributes": {"type": "object"}, "identifiers": {"type": "array", "items": {"$ref": "#/components/schemas/Identifier"}},
          "createdAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"}, "deletedAt": {"type": "string", "format": "date-time"}, "deletionReason": {"type": "string"}
        }
      },
      "CustomerPage": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Customer"}}, "nextCursor": {"type": "string"}}},
      "ConsentEvent": {
        "type": "object",
        "properties": {"sequence": {"type": "integer"}, "purpose": {"$ref": "#/components/schemas/ConsentPurpose"}, "recipient": {"type": "string"}, "granted": {"type": "boolean"}, "channel": {"type": "string"}, "source": {"type": "string"}, "textVersion": {"type": "string"}, "evidence": {"type": "string"}, "recordedBy": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}
      },
      "ConsentState": {"type": "object", "properties": {"entries": {"type": "array", "items": {"type": "object", "properties": {"purpose": {"$ref": "#/components/schemas/ConsentPurpose"}, "recipient": {"type": "string"}, "granted": {"type": "boolean"}, "since": {"type": "string", "format": "date-time"}, "channel": {"type": "string"}, "textVersion": {"type": "string"}}}}}},
      "LifecycleEvent": {"type": "object", "properties": {"from": {"$ref": "#/components/schemas/LifecycleStage"}, "to": {"$ref": "#/components/schemas/LifecycleStage"}, "at": {"type": "string", "format": "date-time"}, "byUserID": {"type": "string"}, "reason": {"type": "string"}}},
      "CustomerDetail": {
        "type": "object",
        "properties": {"customer": {"$ref": "#/components/schemas/Customer"}, "consent": {"$ref": "#/components/schemas/ConsentState"}, "consentHistory": {"type": "array", "items": {"$ref": "#/components/schemas/ConsentEvent"}}, "lifecycleHistory": {"type": "array", "items": {"$ref": "#/components/schemas/LifecycleEvent"}}, "relationships": {"type": "array", "items": {"type": "object"}}}
      },
      "AttributeDefinition": {"type": "object", "required": ["key", "label", "type"], "properties": {"key": {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,62}$"}, "label": {"type": "string"}, "type": {"enum": ["text", "number", "date", "boolean"]}}}
"""#
}
