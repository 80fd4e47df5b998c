extension OpenAPIDocument {
    /// Paths of identity resolution: upsert with resolution, merges, the review queue, the identification rate, identity settings.
    static let identityPaths = #"""
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
    "/settings/identity": {
      "get": {"summary": "Identity resolution settings: match thresholds and the survivorship policy of merges", "responses": {"200": {"description": "Settings", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IdentitySettings"}}}}}},
      "put": {
        "summary": "Change the thresholds and/or the survivorship policy (admins; audited)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"thresholds": {"$ref": "#/components/schemas/MatchThresholds"}, "survivorship": {"$ref": "#/components/schemas/SurvivorshipPolicy"}}}}}},
        "responses": {"200": {"description": "The settings now in force", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IdentitySettings"}}}}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    }
"""#

    /// Schemas of identity resolution: upsert with resolution, merges, the review queue, the identification rate, identity settings.
    static let identitySchemas = #"""
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
      }
"""#
}
