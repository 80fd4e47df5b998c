#!/usr/bin/env python3
"""Writes the reference vectors of Tests/DangolAnalyticsTests/Vectors from the Python package `lifetimes`.

Run it in a virtualenv (the versions below are the ones the committed vectors came from):

    python3 -m venv /tmp/lt
    /tmp/lt/bin/pip install lifetimes==0.11.3 "numpy<2" "pandas<2" "scipy<1.12"
    /tmp/lt/bin/python scripts/analytics/make-vectors.py

lifetimes 0.11.3 predates numpy 2 and pandas 2; with them its fitters break, hence the pins (no library code is patched).

Files written (all CSV, numbers with 15 significant digits):
- cdnow_summary.csv: the CDNOW sample summary of 2,357 customers in WEEKS (Fader, Hardie & Lee 2005), with the
  mean repeat-purchase value: id, frequency, recency, T, monetary_value.
- lifetimes_parameters.csv: BG/NBD (r, alpha, a, b, log_likelihood in weeks, unscaled) and Gamma-Gamma (p, q, v)
  as fitted by lifetimes on that summary, and both again with penalizer_coef 0.1 (BG/NBD) and 0.001 (Gamma-Gamma).
- lifetimes_predictions.csv: per customer, with lifetimes' own parameters: expected repeat purchases in the next
  39 and 52 weeks, P(alive), Gamma-Gamma conditional expected average profit, and 12-month CLV with a monthly
  discount rate of 0.01 and freq='W' (lifetimes counts 4.345 weeks per month).
- cdnow_transactions.csv / cdnow_transactions_summary.csv: the raw purchases of the first 400 customers of
  CDNOW_sample.txt (day as YYYYMMDD, amount in cents) and lifetimes' summary_data_from_transaction_data of them with
  freq='D' and observation_period_end=1998-06-30.
- hyp2f1.csv: scipy.special.hyp2f1 at arguments of the kind BG/NBD uses, z up to 0.999.
"""
import os
import sys
import warnings

warnings.simplefilter("ignore")

import numpy as np
import pandas as pd
import lifetimes
import scipy
from scipy.special import hyp2f1
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.datasets import load_cdnow_summary_data_with_monetary_value
from lifetimes.utils import summary_data_from_transaction_data

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "DangolAnalyticsTests", "Vectors")
FMT = "%.15g"


def main():
    os.makedirs(OUT, exist_ok=True)
    print(f"lifetimes {lifetimes.__version__}, numpy {np.__version__}, pandas {pd.__version__}, scipy {scipy.__version__}")
    data = load_cdnow_summary_data_with_monetary_value()
    data.index.name = "id"
    data.to_csv(os.path.join(OUT, "cdnow_summary.csv"), float_format=FMT)

    bgf = BetaGeoFitter().fit(data["frequency"], data["recency"], data["T"])
    x, tx, T = data["frequency"].values, data["recency"].values, data["T"].values
    # lifetimes reports the mean negative log-likelihood in its internally rescaled time (T / max T); the
    # log-likelihood in weeks differs by the Jacobian of that rescaling: sum(x) * log(scale).
    scale = 1.0 / T.max()
    ll_weeks = -bgf._negative_log_likelihood_ * len(x) + x.sum() * np.log(scale)
    repeat = data[data["frequency"] > 0]
    ggf = GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    rows = [("bgnbd", k, v) for k, v in bgf.params_.items()] + [("bgnbd", "log_likelihood", ll_weeks)]
    rows += [("gamma_gamma", k, v) for k, v in ggf.params_.items()]
    # With lifetimes' L2 penalty (on r, alpha in rescaled time, a, b; and on p, q, v), to check the penalty is mirrored.
    penalised_bgf = BetaGeoFitter(penalizer_coef=0.1).fit(data["frequency"], data["recency"], data["T"])
    penalised_ggf = GammaGammaFitter(penalizer_coef=0.001).fit(repeat["frequency"], repeat["monetary_value"])
    rows += [("bgnbd_penalizer_0.1", k, v) for k, v in penalised_bgf.params_.items()]
    rows += [("gamma_gamma_penalizer_0.001", k, v) for k, v in penalised_ggf.params_.items()]
    pd.DataFrame(rows, columns=["model", "name", "value"]).to_csv(
        os.path.join(OUT, "lifetimes_parameters.csv"), index=False, float_format=FMT)
    print(bgf.params_.to_dict(), "LL(weeks)", ll_weeks)
    print(ggf.params_.to_dict())

    predictions = pd.DataFrame(index=data.index)
    predictions["expected_39"] = bgf.conditional_expected_number_of_purchases_up_to_time(39, x, tx, T)
    predictions["expected_52"] = bgf.conditional_expected_number_of_purchases_up_to_time(52, x, tx, T)
    predictions["p_alive"] = bgf.conditional_probability_alive(x, tx, T)
    predictions["expected_profit"] = ggf.conditional_expected_average_profit(data["frequency"], data["monetary_value"])
    predictions["clv_12m"] = ggf.customer_lifetime_value(
        bgf, data["frequency"], data["recency"], data["T"], data["monetary_value"],
        time=12, discount_rate=0.01, freq="W").values
    predictions.to_csv(os.path.join(OUT, "lifetimes_predictions.csv"), float_format=FMT)
    new = [(t, bgf.expected_number_of_purchases_up_to_time(t)) for t in (1, 13, 39, 52, 78, 520)]
    pd.DataFrame(new, columns=["t", "expected"]).to_csv(
        os.path.join(OUT, "lifetimes_new_customer.csv"), index=False, float_format=FMT)

    path = os.path.join(os.path.dirname(lifetimes.__file__), "datasets", "CDNOW_sample.txt")
    raw = pd.read_csv(path, sep=r"\s+", header=None, names=["master_id", "id", "date", "cds", "dollars"])
    raw = raw[raw["id"] <= 400].copy()
    raw["cents"] = (raw["dollars"] * 100).round().astype(int)
    raw[["id", "date", "cents"]].to_csv(os.path.join(OUT, "cdnow_transactions.csv"), index=False)
    raw["day"] = pd.to_datetime(raw["date"].astype(str), format="%Y%m%d")
    summary = summary_data_from_transaction_data(
        raw, "id", "day", monetary_value_col="cents", observation_period_end="1998-06-30", freq="D")
    summary.index.name = "id"
    summary.sort_index().to_csv(os.path.join(OUT, "cdnow_transactions_summary.csv"), float_format=FMT)

    args = [(0.24, 2.4, 3.0, 0.3), (2.2, 4.4, 5.0, 0.55), (0.5, 1.5, 2.5, 0.9), (3.0, 2.0, 4.5, 0.99),
            (1.5, 0.8, 2.2, 0.999), (0.8, 2.0, 31.0, 0.7), (30.2, 32.4, 62.2, 0.4), (0.2, -0.2, 2.0, 0.95)]
    pd.DataFrame([(a, b, c, z, hyp2f1(a, b, c, z)) for a, b, c, z in args],
                 columns=["a", "b", "c", "z", "value"]).to_csv(
        os.path.join(OUT, "hyp2f1.csv"), index=False, float_format="%.17g")


if __name__ == "__main__":
    sys.exit(main())
