extension OpenAPIDocument {
    /// Paths of customer analytics: one customer's scores and next best products, the summary of the latest refresh,
    /// equity over time and lookalike search.
    static let analyticsPaths = #"""
    "/customers/{id}/scores": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {
        "summary": "The customer's scores from the latest analytics refresh: purchase summary (days), historical value, P(alive), expected purchases and spend and CLV over the horizon, RFM, value quadrant, churn risk with its factors",
        "responses": {"200": {"description": "Scores", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerScores"}}}}, "404": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/analytics/summary": {
      "get": {
        "summary": "The latest successful analytics refresh: fitted BG/NBD (time in days) and Gamma–Gamma parameters, Pareto of revenue and margin (top shares, Lorenz curve, Gini, business type), value-matrix and RFM counts, churn bands, customer equity and its history (admins, managers, analysts)",
        "responses": {"200": {"description": "The summary", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AnalyticsSummary"}}}}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/customers/{id}/next-best-products": {
      "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
      "get": {
        "summary": "Next best products: the products the customer has not bought, ranked by the strongest association rule from a product they own (confidence, then lift; lift above 1 only), from the latest refresh's model of customer baskets, with the numbers of the reason",
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 5}}],
        "responses": {"200": {"description": "Offers, best first (empty before a refresh has a model)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NextBestProducts"}}}}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/analytics/equity": {
      "get": {
        "summary": "Customer equity (Σ margin CLV) per successful refresh, newest first, with its change since the refresh before split into acquisition (new customers), value growth (customers in both) and retention loss (customers no longer scored) (admins, managers, analysts)",
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 365, "default": 30}}],
        "responses": {"200": {"description": "The history", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EquityHistory"}}}}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/analytics/lookalikes": {
      "post": {
        "summary": "Lookalikes: scores live candidates (default prospects and leads, newest 20,000) by the cosine between their standardised attributes and early behaviour and the seed group's centroid; the seed is a value quadrant and/or RFM segment of the latest refresh (highest CLV first, at most 2,000) or a list of customer ids. Customers are masked per role; unmasked reads are audited (admins, managers, analysts)",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LookalikeRequest"}}}},
        "responses": {"200": {"description": "Matches, most similar first", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LookalikeResult"}}}}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}
      }
    }
"""#

    /// Schemas of customer analytics.
    static let analyticsSchemas = #"""
      "CustomerScores": {
        "type": "object",
        "description": "Days are business days; money in minor units of currency; model values are null when the refresh could not fit the models.",
        "properties": {
          "computedAt": {"type": "string", "format": "date-time"}, "modelVersion": {"type": "string"}, "currency": {"type": "string"},
          "observationEnd": {"type": "string", "format": "date"}, "firstPurchase": {"type": "string", "format": "date"}, "lastPurchase": {"type": "string", "format": "date"},
          "frequency": {"type": "integer", "description": "Repeat purchase days"}, "recencyDays": {"type": "integer"}, "ageDays": {"type": "integer", "description": "T: days since the first purchase"},
          "monetary": {"type": "number", "description": "Mean net amount of the repeat purchase days"}, "revenueMinor": {"type": "integer"}, "marginMinor": {"type": "integer"},
          "historicalValue": {"type": "number", "description": "Margin to date compounded at the annual discount rate"}, "horizonDays": {"type": "integer"},
          "probabilityAlive": {"type": ["number", "null"]}, "expectedPurchases": {"type": ["number", "null"]}, "expectedSpend": {"type": ["number", "null"]},
          "clvRevenue": {"type": ["number", "null"], "description": "CLV of spend (lifetimes), discounted monthly"}, "clv": {"type": ["number", "null"], "description": "CLV of margin"},
          "rfm": {"type": "object", "properties": {"recency": {"type": "integer"}, "frequency": {"type": "integer"}, "monetary": {"type": "integer"}, "segment": {"type": "string"}}},
          "valueQuadrant": {"enum": ["most_valuable", "growable", "maintain", "below_cost", null]}, "churnBand": {"enum": ["low", "medium", "high"]},
          "churnFactors": {"type": "array", "items": {"type": "object", "properties": {"kind": {"enum": ["low_probability_alive", "overdue", "no_second_purchase"]}, "probability": {"type": "number"}, "daysSinceLastPurchase": {"type": "integer"}, "usualIntervalDays": {"type": "number"}, "ratio": {"type": "number"}}}}
        }
      },
      "AnalyticsSummary": {
        "type": "object",
        "properties": {
          "runId": {"type": "string"}, "startedAt": {"type": "string", "format": "date-time"}, "finishedAt": {"type": "string", "format": "date-time"}, "trigger": {"type": "string"},
          "report": {"type": "object", "properties": {
            "observationEnd": {"type": "string", "format": "date"}, "currency": {"type": "string"}, "timeUnit": {"const": "days"}, "horizonDays": {"type": "integer"}, "clvMonths": {"type": "integer"},
            "annualDiscountRate": {"type": "number"}, "monthlyDiscountRate": {"type": "number"}, "customers": {"type": "integer"}, "repeatBuyers": {"type": "integer"},
            "bgnbd": {"type": ["object", "null"], "description": "model {r, alpha (days), a, b}, logLikelihood, iterations"}, "gammaGamma": {"type": ["object", "null"], "description": "model {p, q, gamma}, logLikelihood"},
            "paretoRevenue": {"type": ["object", "null"], "description": "topShares, lorenzCurve, gini, businessType (10:90 … 50:50)"}, "paretoMargin": {"type": ["object", "null"]},
            "valueMatrix": {"type": ["object", "null"], "properties": {"currentThreshold": {"type": "number"}, "futureThreshold": {"type": "number"}, "counts": {"type": "object"}}},
            "rfmSegments": {"type": "object"}, "churnBands": {"type": "object"}, "equity": {"type": ["number", "null"]}, "previousEquity": {"type": ["number", "null"]},
            "fallbacks": {"type": "array", "items": {"type": "string"}}, "timings": {"type": "object"}}},
          "equityHistory": {"type": "array", "items": {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}, "customers": {"type": "integer"}, "equity": {"type": ["number", "null"]}}}}
        }
      },
      "ProductRef": {"type": "object", "properties": {"sku": {"type": "string"}, "name": {"type": ["string", "null"]}, "category": {"type": ["string", "null"]}}},
      "NextBestProducts": {
        "type": "object",
        "description": "A basket is one customer's set of products, so counts are customers.",
        "properties": {
          "runId": {"type": ["string", "null"], "description": "The refresh whose model was used"}, "ownedProducts": {"type": "integer"},
          "items": {"type": "array", "items": {"type": "object", "properties": {
            "product": {"$ref": "#/components/schemas/ProductRef"}, "because": {"$ref": "#/components/schemas/ProductRef"},
            "score": {"type": "number", "description": "The rule's confidence"}, "confidence": {"type": "number", "description": "n(X∧Y)/n(X)"},
            "lift": {"type": "number"}, "support": {"type": "number"}, "similarity": {"type": "number", "description": "Cosine n(X∧Y)/√(n(X)n(Y))"},
            "antecedentCustomers": {"type": "integer"}, "bothCustomers": {"type": "integer"}, "consequentCustomers": {"type": "integer"}, "customers": {"type": "integer"},
            "reason": {"type": "string", "description": "Bought X; 34% of its buyers (12 of 35) also bought Y."}}}}
        }
      },
      "EquityHistory": {
        "type": "object",
        "properties": {
          "currency": {"type": ["string", "null"]},
          "items": {"type": "array", "items": {"type": "object", "properties": {
            "runId": {"type": "string"}, "at": {"type": "string", "format": "date-time"}, "customers": {"type": "integer"}, "equity": {"type": ["number", "null"]},
            "previousRunId": {"type": ["string", "null"]},
            "change": {"type": ["object", "null"], "description": "after − before = acquisition + valueGrowth − retentionLoss", "properties": {
              "before": {"type": "number"}, "after": {"type": "number"}, "net": {"type": "number"}, "acquisition": {"type": "number"}, "valueGrowth": {"type": "number"},
              "retentionLoss": {"type": "number"}, "acquiredCustomers": {"type": "integer"}, "retainedCustomers": {"type": "integer"}, "lostCustomers": {"type": "integer"}}}}}}
        }
      },
      "LookalikeRequest": {
        "type": "object", "required": ["seed"],
        "properties": {
          "seed": {"type": "object", "description": "customerIds, or valueQuadrant and/or rfmSegment", "properties": {
            "valueQuadrant": {"enum": ["most_valuable", "growable", "maintain", "below_cost"]}, "rfmSegment": {"type": "string"},
            "customerIds": {"type": "array", "maxItems": 2000, "items": {"type": "string", "format": "uuid"}}}},
          "candidates": {"type": "object", "properties": {"stages": {"type": "array", "items": {"enum": ["prospect", "lead", "active", "churned"]}, "default": ["prospect", "lead"]},
            "kind": {"enum": ["person", "organisation"]}, "tag": {"type": "string"}, "ownerId": {"type": "string"}}},
          "earlyDays": {"type": "integer", "minimum": 1, "maximum": 3650, "default": 90, "description": "Days from a customer's first sign of life (creation, first sale or first contact) that count as early behaviour"},
          "limit": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}
        }
      },
      "LookalikeFeature": {"type": "object", "properties": {
        "family": {"enum": ["kind", "tag", "attribute", "number", "age_band", "email_domain", "early_purchases", "early_spend", "early_contacts"]},
        "key": {"type": ["string", "null"]}, "value": {"type": ["string", "null"]}, "share": {"type": ["number", "null"], "description": "Term of the match's cosine"},
        "standardScore": {"type": ["number", "null"], "description": "Seed mean above the pool mean, in standard deviations"}}},
      "LookalikeResult": {
        "type": "object",
        "properties": {
          "seedSize": {"type": "integer"}, "seedProfile": {"type": "array", "items": {"$ref": "#/components/schemas/LookalikeFeature"}},
          "candidatesScored": {"type": "integer"}, "candidatesCapped": {"type": "boolean"}, "earlyDays": {"type": "integer"}, "currency": {"type": "string"},
          "items": {"type": "array", "items": {"type": "object", "properties": {
            "customer": {"$ref": "#/components/schemas/Customer"}, "similarity": {"type": "number", "minimum": -1, "maximum": 1},
            "features": {"type": "array", "items": {"$ref": "#/components/schemas/LookalikeFeature"}},
            "early": {"type": "object", "properties": {"purchases": {"type": "integer"}, "spendMinor": {"type": "integer"}, "contacts": {"type": "integer"}}}}}}
        }
      }
"""#
}
