/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`. Written by hand so that it documents
/// intent; `OpenAPITests` checks that every route the router serves is documented and every documented route exists.
enum OpenAPIDocument {
    static let json = #"""
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
    "/customers": {
      "get": {
        "summary": "List and search customers",
        "description": "Cursor-paged, ordered by creation. `q` searches a name fragment, the last 4 digits of a phone, or an email prefix.",
        "parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string"}},
          {"name": "name", "in": "query", "schema": {"type": "string"}},
          {"name": "phoneTail", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}$"}},
          {"name": "email", "in": "query", "schema": {"type": "string"}},
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
    "/customers/resolve": {
      "post": {
        "summary": "Upsert with identity resolution: a strong identifier held by a live customer resolves to it; otherwise the match model decides (auto-merge, review queue, or a new customer)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerInput"}}}},
        "responses": {
          "200": {"description": "Matched an existing customer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Resolution"}}}},
          "201": {"description": "A new customer (possibly with review queue entries)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Resolution"}}}},
          "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}
        }
      }
    },
    "/customers/{id}/360": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {
        "summary": "The 360° view: profile (masked per role), consents, point balance, purchase summary and the first timeline page",
        "parameters": [{"name": "reveal", "in": "query", "schema": {"type": "boolean"}}],
        "responses": {"200": {"description": "The customer", "content": {"application/json": {"schema": {"type": "object", "properties": {"customer": {"$ref": "#/components/schemas/Customer"}, "consent": {"$ref": "#/components/schemas/ConsentState"}, "points": {"type": "object"}, "purchases": {"type": "array", "items": {"type": "object"}}, "timeline": {"$ref": "#/components/schemas/TimelinePage"}}}}}}, "404": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/timeline": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {
        "summary": "The timeline (sales, consent, points, lifecycle, merges), newest first, keyset-paged",
        "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
        "responses": {"200": {"description": "A page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TimelinePage"}}}}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/voc": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "post": {
        "summary": "Open a VOC case (고객의 소리): complaint, compliment, inquiry or suggestion; the deadline follows the severity",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["kind", "channel", "subject"], "properties": {"kind": {"enum": ["complaint", "compliment", "inquiry", "suggestion"]}, "severity": {"enum": ["low", "medium", "high", "critical"]}, "category": {"type": "string"}, "channel": {"type": "string"}, "subject": {"type": "string"}, "description": {"type": "string"}, "ownerId": {"type": "string"}}}}}},
        "responses": {"201": {"description": "The case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VOCCase"}}}}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/interactions": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "post": {
        "summary": "Record a contact (phone, SMS, e-mail, web chat, branch visit, POS, direct mail, social, app), inbound or outbound",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["channel", "direction"], "properties": {"channel": {"type": "string"}, "direction": {"enum": ["inbound", "outbound"]}, "touchpoint": {"type": "string"}, "subject": {"type": "string"}, "notes": {"type": "string"}, "outcome": {"type": "string"}, "campaignId": {"type": "string"}, "caseId": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}}}}},
        "responses": {"201": {"description": "Recorded"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/voc": {
      "get": {
        "summary": "The VOC board: cases (optionally of one status), oldest deadline first",
        "parameters": [{"name": "status", "in": "query", "schema": {"enum": ["received", "assigned", "in_progress", "resolved", "closed", "reopened"]}}],
        "responses": {"200": {"description": "Cases", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/VOCCase"}}}}}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/voc/{caseId}/transitions": {
      "parameters": [{"name": "caseId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {
        "summary": "Move a case (received → assigned → in_progress → resolved → closed, or reopened); resolving needs a resolution",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["to"], "properties": {"to": {"enum": ["received", "assigned", "in_progress", "resolved", "closed", "reopened"]}, "note": {"type": "string"}, "resolution": {"type": "string"}, "ownerId": {"type": "string"}}}}}},
        "responses": {"200": {"description": "The case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VOCCase"}}}}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/voc/escalations": {
      "post": {"summary": "Escalate every open case past its deadline to its owner's manager, once", "responses": {"200": {"description": "The cases escalated now", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/VOCCase"}}}}}}}
    },
    "/customers/{id}/points": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {"summary": "Point balance (derived from the append-only ledger), points expiring within 30 days, and the ledger", "responses": {"200": {"description": "Points", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PointBalance"}}}}, "404": {"$ref": "#/components/responses/Problem"}}},
      "post": {
        "summary": "Earn, redeem or adjust points (an adjustment needs a reason); the oldest points are spent first",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["kind", "points"], "properties": {"kind": {"enum": ["earn", "redeem", "adjust"]}, "points": {"type": "integer"}, "reason": {"type": "string"}, "reference": {"type": "string"}, "expiresAt": {"type": "string", "format": "date-time"}, "idempotencyKey": {"type": "string"}}}}}},
        "responses": {"201": {"description": "The new balance", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PointBalance"}}}}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/merges": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {"summary": "Merges this customer took part in, as survivor or absorbed, newest first", "responses": {"200": {"description": "Merges", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Merge"}}}}}}},
      "post": {
        "summary": "Merge another customer into this one (admins, managers): a golden record by the survivorship rules; identifiers, lineage and relationships move here; consent is derived from both histories",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["absorbedId"], "properties": {"absorbedId": {"type": "string"}, "probability": {"type": "number", "minimum": 0, "maximum": 1}}}}}},
        "responses": {"201": {"description": "The merge", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Merge"}}}}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/merges/{mergeId}": {
      "parameters": [{"$ref": "#/components/parameters/MergeId"}],
      "get": {"summary": "One merge with its lineage", "responses": {"200": {"description": "The merge", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Merge"}}}}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/merges/{mergeId}/unmerge": {
      "parameters": [{"$ref": "#/components/parameters/MergeId"}],
      "post": {
        "summary": "Undo a merge (admins, managers): the state before it returns; records that arrived since follow the identifier they were matched by",
        "responses": {"200": {"description": "The merge, now undone", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Merge"}}}}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/match-reviews": {
      "get": {
        "summary": "The review queue of likely duplicates, most probable first (admins, managers)",
        "parameters": [{"name": "status", "in": "query", "schema": {"enum": ["pending", "confirmed", "rejected"]}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}, {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}}],
        "responses": {"200": {"description": "Reviews", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/MatchReview"}}}}}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/match-reviews/{reviewId}": {
      "parameters": [{"$ref": "#/components/parameters/ReviewId"}],
      "get": {
        "summary": "Two records side by side with each field's comparison level and weight and the match probability",
        "parameters": [{"name": "reveal", "in": "query", "schema": {"type": "boolean"}, "description": "Unmasked personal data for roles allowed to see it (audited)"}],
        "responses": {"200": {"description": "The review", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MatchReview"}}}}, "404": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/match-reviews/{reviewId}/confirm": {
      "parameters": [{"$ref": "#/components/parameters/ReviewId"}],
      "post": {
        "summary": "Confirm: the two customers are merged (into survivorId, by default the older record)",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "properties": {"survivorId": {"type": "string"}}}}}},
        "responses": {"200": {"description": "The decided review", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MatchReview"}}}}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/match-reviews/{reviewId}/reject": {
      "parameters": [{"$ref": "#/components/parameters/ReviewId"}],
      "post": {
        "summary": "Reject: the two stay apart, and the pair is never proposed again",
        "responses": {"200": {"description": "The decided review", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MatchReview"}}}}, "409": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/analytics/identification-rate": {
      "get": {
        "summary": "Identification rate: the share of revenue (and of sales) from identified customers, per period and channel ('*' = all), per currency",
        "parameters": [
          {"name": "from", "in": "query", "required": true, "schema": {"type": "string", "format": "date"}},
          {"name": "to", "in": "query", "required": true, "schema": {"type": "string", "format": "date"}, "description": "Inclusive; business days (Asia/Seoul)"},
          {"name": "period", "in": "query", "schema": {"enum": ["day", "week", "month", "quarter", "year"]}}
        ],
        "responses": {"200": {"description": "Rows", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/IdentificationRateRow"}}}}}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/analytics/points-liability": {
      "get": {
        "summary": "Points liability: outstanding points × point value, points past their date not yet written off, and points expiring within 30 and 90 days (admins, managers, analysts)",
        "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"type": "object", "properties": {"outstandingPoints": {"type": "integer"}, "liabilityMinor": {"type": "integer"}, "currency": {"type": "string"}, "expiredNotWrittenOff": {"type": "integer"}, "expiringWithin30Days": {"type": "integer"}, "expiringWithin90Days": {"type": "integer"}}}}}}, "403": {"$ref": "#/components/responses/Problem"}}
      }
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
    "/products": {
      "get": {
        "summary": "The product catalogue in SKU order",
        "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
        "responses": {"200": {"description": "Products"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/products/{sku}": {
      "parameters": [{"name": "sku", "in": "path", "required": true, "schema": {"type": "string"}}],
      "put": {
        "summary": "Create or replace a product (admins, managers): name, category path (식품>음료), list price and unit cost in minor units",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "category": {"type": "string"}, "listPriceMinor": {"type": "integer", "minimum": 0}, "unitCostMinor": {"type": "integer", "minimum": 0}, "currency": {"type": "string"}}}}}},
        "responses": {"200": {"description": "The product"}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/transactions": {
      "post": {
        "summary": "Record a purchase or refund (idempotent per source and externalId); the buyer by customerId, by details to resolve, or anonymous",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TransactionInput"}}}},
        "responses": {"201": {"description": "Recorded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TransactionResult"}}}}, "200": {"description": "Recorded before; nothing changed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TransactionResult"}}}}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/transactions/batch": {
      "post": {
        "summary": "Record up to 1,000 transactions at once: all or none (errors name items/<index>/<field>)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "maxItems": 1000, "items": {"$ref": "#/components/schemas/TransactionInput"}}}}}}},
        "responses": {"200": {"description": "One result per item, in order", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/TransactionResult"}}}}}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/transactions/{transactionId}/attach": {
      "parameters": [{"name": "transactionId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {
        "summary": "Attach an anonymous transaction to a customer, by id or by mobile phone (a receipt claimed later)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"customerId": {"type": "string"}, "phone": {"type": "string"}}}}}},
        "responses": {"200": {"description": "Attached", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Transaction"}}}}, "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/webhooks": {
      "get": {"summary": "Webhook subscriptions (admins)", "responses": {"200": {"description": "Subscriptions"}, "403": {"$ref": "#/components/responses/Problem"}}},
      "post": {
        "summary": "Subscribe a URL to outbox event types ('*' for all); deliveries are signed (Dangol-Signature: t=…,v1=HMAC-SHA256), retried with backoff, at least once. The secret is shown once.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["url", "eventTypes"], "properties": {"url": {"type": "string", "format": "uri"}, "eventTypes": {"type": "array", "items": {"type": "string"}}}}}}},
        "responses": {"201": {"description": "The subscription with its secret"}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/webhooks/{subscriptionId}": {
      "parameters": [{"name": "subscriptionId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "delete": {"summary": "Unsubscribe (admins)", "responses": {"204": {"description": "Unsubscribed"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/webhooks/{subscriptionId}/deliveries": {
      "parameters": [{"name": "subscriptionId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "get": {"summary": "The delivery log of a subscription, newest first (admins)", "responses": {"200": {"description": "Deliveries"}}}
    },
    "/settings/identity": {
      "get": {"summary": "Identity resolution settings: match thresholds and the survivorship policy of merges", "responses": {"200": {"description": "Settings", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IdentitySettings"}}}}}},
      "put": {
        "summary": "Change the thresholds and/or the survivorship policy (admins; audited)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"thresholds": {"$ref": "#/components/schemas/MatchThresholds"}, "survivorship": {"$ref": "#/components/schemas/SurvivorshipPolicy"}}}}}},
        "responses": {"200": {"description": "The settings now in force", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IdentitySettings"}}}}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/me": {
      "get": {"summary": "The caller's user and token scopes", "responses": {"200": {"description": "The caller"}}}
    }
  },
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
      "Merge": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "survivorID": {"type": "string"}, "absorbedID": {"type": "string"}, "rule": {"enum": ["steward", "auto", "deterministic"]},
          "probability": {"type": "number"},
          "decisions": {"type": "array", "items": {"type": "object", "properties": {"field": {"enum": ["display_name", "lifecycle_stage", "owner", "attributes"]}, "rule": {"enum": ["most_trusted_source", "most_recent", "most_complete"]}, "origin": {"enum": ["survivor", "absorbed"]}, "key": {"type": "string"}}}},
          "mergedBy": {"type": "string"}, "mergedAt": {"type": "string", "format": "date-time"}, "unmergedBy": {"type": "string"}, "unmergedAt": {"type": "string", "format": "date-time"},
          "movedIdentifiers": {"type": "integer"}, "movedSourceRecords": {"type": "integer"}, "movedRelationships": {"type": "integer"}
        }
      },
      "Resolution": {
        "type": "object",
        "properties": {
          "outcome": {"enum": ["created", "matched_by_identifier", "matched_by_model", "created_for_review"]},
          "customer": {"$ref": "#/components/schemas/Customer"}, "probability": {"type": "number"},
          "reviewIDs": {"type": "array", "items": {"type": "string"}}
        }
      },
      "IdentificationRateRow": {
        "type": "object",
        "properties": {
          "period": {"type": "string"}, "channel": {"type": "string"}, "currency": {"type": "string"}, "transactions": {"type": "integer"},
          "identifiedTransactions": {"type": "integer"}, "revenueMinor": {"type": "integer"}, "identifiedRevenueMinor": {"type": "integer"},
          "revenueRate": {"type": "number"}, "transactionRate": {"type": "number"}
        }
      },
      "TransactionInput": {
        "type": "object", "required": ["source", "externalId", "channel", "occurredAt"],
        "properties": {
          "source": {"type": "string"}, "externalId": {"type": "string"}, "kind": {"enum": ["purchase", "refund"]},
          "channel": {"enum": ["store", "web", "app", "call_center", "partner"]}, "store": {"type": "string"},
          "occurredAt": {"type": "string", "format": "date-time"}, "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
          "amount": {"type": "integer", "minimum": 0, "description": "Minor units; default: the sum of the lines"}, "refundOf": {"type": "string"},
          "customerId": {"type": "string"}, "customer": {"$ref": "#/components/schemas/CustomerInput"},
          "lines": {"type": "array", "items": {"type": "object", "required": ["quantity", "unitPrice"], "properties": {"sku": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1}, "unitPrice": {"type": "integer", "minimum": 0}, "amount": {"type": "integer", "minimum": 0}, "unitCost": {"type": "integer", "minimum": 0}}}}
        }
      },
      "Transaction": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "source": {"type": "string"}, "externalId": {"type": "string"}, "customerId": {"type": "string"},
          "kind": {"enum": ["purchase", "refund"]}, "channel": {"type": "string"}, "store": {"type": "string"}, "occurredAt": {"type": "string", "format": "date-time"},
          "amount": {"type": "integer"}, "cost": {"type": "integer"}, "currency": {"type": "string"}, "refundOf": {"type": "string"},
          "attachedAt": {"type": "string", "format": "date-time"}, "lines": {"type": "array", "items": {"type": "object"}}
        }
      },
      "TransactionResult": {"type": "object", "properties": {"transaction": {"$ref": "#/components/schemas/Transaction"}, "created": {"type": "boolean"}, "resolution": {"type": "string"}}},
      "TimelinePage": {
        "type": "object",
        "properties": {
          "items": {"type": "array", "items": {"type": "object", "properties": {"kind": {"enum": ["transaction", "consent", "points", "lifecycle", "interaction", "voc", "tier", "merge"]}, "reference": {"type": "string"}, "at": {"type": "string", "format": "date-time"}, "amount": {"type": "integer"}, "subject": {"type": "string"}, "detail": {"type": "string"}}}},
          "nextCursor": {"type": "string"}
        }
      },
      "VOCCase": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "customerID": {"type": "string"}, "kind": {"type": "string"}, "category": {"type": "string"}, "severity": {"type": "string"},
          "channel": {"type": "string"}, "subject": {"type": "string"}, "description": {"type": "string"}, "status": {"type": "string"}, "ownerID": {"type": "string"},
          "openedAt": {"type": "string", "format": "date-time"}, "dueAt": {"type": "string", "format": "date-time"}, "resolvedAt": {"type": "string", "format": "date-time"},
          "resolution": {"type": "string"}, "escalatedAt": {"type": "string", "format": "date-time"}, "escalatedTo": {"type": "string"}, "updatedAt": {"type": "string", "format": "date-time"}
        }
      },
      "PointBalance": {
        "type": "object",
        "properties": {
          "customerId": {"type": "string"}, "balance": {"type": "integer"}, "expiringWithin30Days": {"type": "integer"},
          "entries": {"type": "array", "items": {"type": "object", "properties": {"sequence": {"type": "integer"}, "kind": {"enum": ["earn", "redeem", "expire", "adjust", "reverse"]}, "points": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "expiresAt": {"type": "string", "format": "date-time"}, "reason": {"type": "string"}, "reference": {"type": "string"}}}}
        }
      },
      "MatchThresholds": {"type": "object", "required": ["autoMerge", "review"], "properties": {"autoMerge": {"type": "number", "minimum": 0, "maximum": 1}, "review": {"type": "number", "minimum": 0, "maximum": 1}}},
      "SurvivorshipPolicy": {
        "type": "object", "required": ["rules", "sourceTrust"],
        "properties": {
          "rules": {"type": "object", "propertyNames": {"enum": ["display_name", "lifecycle_stage", "owner", "attributes"]}, "additionalProperties": {"enum": ["most_trusted_source", "most_recent", "most_complete"]}},
          "sourceTrust": {"type": "array", "items": {"type": "string"}, "description": "Source names, most trusted first"}
        }
      },
      "IdentitySettings": {"type": "object", "properties": {"thresholds": {"$ref": "#/components/schemas/MatchThresholds"}, "survivorship": {"$ref": "#/components/schemas/SurvivorshipPolicy"}, "modelsFitted": {"type": "boolean"}}},
      "MatchReview": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "status": {"enum": ["pending", "confirmed", "rejected"]}, "probability": {"type": "number"}, "weight": {"type": "number"},
          "origin": {"enum": ["dedupe", "realtime"]}, "left": {"$ref": "#/components/schemas/Customer"}, "right": {"$ref": "#/components/schemas/Customer"},
          "fields": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "level": {"type": "string"}, "weight": {"type": "number"}}}},
          "createdAt": {"type": "string", "format": "date-time"}, "decidedBy": {"type": "string"}, "decidedAt": {"type": "string", "format": "date-time"}, "mergeID": {"type": "string"}
        }
      },
      "AttributeDefinition": {"type": "object", "required": ["key", "label", "type"], "properties": {"key": {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,62}$"}, "label": {"type": "string"}, "type": {"enum": ["text", "number", "date", "boolean"]}}}
    }
  }
}
"""#
}
