// DangolAnalytics — what the purchase history says about each customer and about the customer base.
//
// Pure algorithms over plain values and arrays: per-customer purchase summaries, the BG/NBD model of repeat purchasing
// and the Gamma–Gamma model of spend (with customer lifetime value), RFM scores and segments, Pareto concentration,
// the value matrix, association rules and next best product, churn risk and customer equity. It never imports the
// store, the network or a clock: "today" and every time span arrive as parameters, always with their unit spelt out.
// DangolApp reads summaries from the store, calls this module and writes the scores back.
