extension OpenAPIDocument {
    /// Paths of the 360° customer: sales, products, the 360° view and timeline, points, contacts and VOC, webhooks.
    static let salesPaths = #"""
    "/settings/loyalty": {
      "get": {"summary": "The membership programme: earn rates by channel and category, rounding, minimum redemption, point lifetime, refunds, tiers, the value of a point", "responses": {"200": {"description": "The programme in force", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LoyaltyProgram"}}}}}},
      "put": {
        "summary": "Replace the membership programme (admins; audited). Earned points keep their expiry; tiers move at the next evaluation",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LoyaltyProgram"}}}},
        "responses": {"200": {"description": "The programme now in force", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LoyaltyProgram"}}}}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/360": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {
        "summary": "The 360° view: profile (masked per role), consents, point balance, purchase summary, the first timeline page, analytics scores and the three next best products",
        "parameters": [{"name": "reveal", "in": "query", "schema": {"type": "boolean"}}],
        "responses": {"200": {"description": "The customer", "content": {"application/json": {"schema": {"type": "object", "properties": {"customer": {"$ref": "#/components/schemas/Customer"}, "consent": {"$ref": "#/components/schemas/ConsentState"}, "points": {"type": "object"}, "purchases": {"type": "array", "items": {"type": "object"}}, "timeline": {"$ref": "#/components/schemas/TimelinePage"}, "monthlySpend": {"type": "array", "description": "Net spend per calendar month (business time zone) for the last 12 months, oldest first", "items": {"type": "object", "properties": {"year": {"type": "integer"}, "month": {"type": "integer"}, "currency": {"type": "string"}, "amountMinor": {"type": "integer"}}}}, "scores": {"oneOf": [{"$ref": "#/components/schemas/CustomerScores"}, {"type": "null"}]}, "nextBestProducts": {"type": "array", "description": "The three next best products (as in /customers/{id}/next-best-products)", "items": {"type": "object"}}}}}}}, "404": {"$ref": "#/components/responses/Problem"}}
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
    "/analytics/points-liability": {
      "get": {
        "summary": "Points liability: outstanding points × point value, points past their date not yet written off, and points expiring within 30 and 90 days (admins, managers, analysts)",
        "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"type": "object", "properties": {"outstandingPoints": {"type": "integer"}, "liabilityMinor": {"type": "integer"}, "currency": {"type": "string"}, "expiredNotWrittenOff": {"type": "integer"}, "expiringWithin30Days": {"type": "integer"}, "expiringWithin90Days": {"type": "integer"}}}}}}, "403": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/products": {
      "get": {
        "summary": "The product catalogue in SKU order, optionally only the products of a category and the categories below it",
        "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}, {"name": "category", "in": "query", "description": "A category path such as 식품 > 음료 (식품>음료 is the same)", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Products"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/products/categories": {
      "get": {
        "summary": "The category tree (상품 분류) in path order, with the number of products in each category and below it",
        "responses": {"200": {"description": "Categories", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "properties": {"path": {"type": "string"}, "name": {"type": "string"}, "depth": {"type": "integer"}, "products": {"type": "integer"}}}}}}}}
      }
    },
    "/products/{sku}": {
      "parameters": [{"name": "sku", "in": "path", "required": true, "schema": {"type": "string"}}],
      "put": {
        "summary": "Create or replace a product (admins, managers): name, category path (식품 > 음료 > 커피), list price and unit cost in minor units",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "category": {"type": "string", "description": "A path in the category hierarchy, 1–5 levels separated by >, stored as 식품 > 음료 > 커피; a points rate set on a category applies to the categories below it"}, "listPriceMinor": {"type": "integer", "minimum": 0}, "unitCostMinor": {"type": "integer", "minimum": 0}, "currency": {"type": "string"}}}}}},
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
    }
"""#

    /// Schemas of the 360° customer: sales, products, the 360° view and timeline, points, contacts and VOC, webhooks.
    static let salesSchemas = #"""
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
      "LoyaltyProgram": {
        "type": "object",
        "required": ["points", "tiers"],
        "properties": {
          "points": {"type": "object", "properties": {
            "rateBasisPoints": {"type": "object", "description": "Earn rate per channel in basis points of the amount (100 = 1 %)", "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 10000}},
            "defaultRateBasisPoints": {"type": "integer", "minimum": 0, "maximum": 10000},
            "categoryRateBasisPoints": {"type": "object", "description": "Earn rate per product category; overrides the channel's for those lines", "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 10000}},
            "rounding": {"type": "string", "enum": ["down", "nearest", "up"]},
            "lifetimeMonths": {"type": "integer", "minimum": 1, "maximum": 120},
            "minimumRedemption": {"type": "integer", "minimum": 0},
            "reverseOnRefund": {"type": "boolean"}}},
          "tiers": {"type": "object", "properties": {
            "windowDays": {"type": "integer", "minimum": 30, "maximum": 730},
            "tiers": {"type": "array", "minItems": 1, "maxItems": 10, "items": {"type": "object", "required": ["code", "nameKorean", "nameEnglish", "minimumSpendMinor", "pointMultiplier"], "properties": {
              "code": {"type": "string", "pattern": "^[a-z0-9_-]{1,30}$"}, "nameKorean": {"type": "string"}, "nameEnglish": {"type": "string"},
              "minimumSpendMinor": {"type": "integer", "minimum": 0}, "pointMultiplier": {"type": "number", "minimum": 0.1, "maximum": 10}}}}}},
          "pointValueMinor": {"type": "integer", "minimum": 0, "description": "What one point is worth, for the points liability"},
          "currency": {"type": "string", "example": "KRW"}
        }
      },
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
      }
"""#
}
