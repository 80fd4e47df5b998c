extension OpenAPIDocument {
    /// Paths of customer analytics: one customer's scores and the summary of the latest refresh.
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
      }
"""#
}
