#!/usr/bin/env python3
"""The pandas script scripts/bench.sh times natospend against.

It does the job of

    natospend gap --no-default-data --data DIR --target PCT --format csv

on the same cells, written as CSV by `scripts/gendata -csv CSVDIR`, the way
a user who has pandas would write it: read every CSV file, take the newest
release (by publication date) and its latest year, each country's figures
in that year (or, as natospend does, its latest earlier year in the same
release), and compute, as natospend's default method ("share") does:

    defence  = share / 100 x GDP
    required = target / 100 x GDP
    gap      = (target - share) / 100 x GDP   (negative: a surplus)

A country meets the target when its share is at or above it. It prints CSV:
one row per country, largest gap first, then a row whose code is TOTAL that
adds up the columns as natospend's totals do (GDP, defence, required, gap,
the shortfalls alone in the `shortfall_musd` column; status: "N meet").

    python3 scripts/bench_pandas.py --target 3.7 CSVDIR_OR_FILE...
"""

import argparse
import glob
import os
import sys

import pandas as pd


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--target", type=float, default=3.7, help="target, percent of GDP")
    ap.add_argument("paths", nargs="+", help="CSV files, or directories of *.csv files")
    a = ap.parse_args()

    files = []
    for p in a.paths:
        files.extend(sorted(glob.glob(os.path.join(p, "*.csv"))) if os.path.isdir(p) else [p])
    if not files:
        sys.exit("bench_pandas: no CSV file in " + " ".join(a.paths))
    df = pd.concat((pd.read_csv(f) for f in files), ignore_index=True)

    # The newest release, its latest year, each country's latest year up
    # to that one with a share.
    newest = df["published"].max()
    rel = df[(df["published"] == newest) & df["share_pct"].notna()]
    year = rel["year"].max()
    rel = rel[rel["year"] <= year]
    rows = rel.loc[rel.groupby("code")["year"].idxmax()].copy()

    t = a.target
    rows["target_pct"] = t
    rows["defence_musd"] = rows["share_pct"] / 100 * rows["gdp_musd"]
    rows["required_musd"] = t / 100 * rows["gdp_musd"]
    rows["gap_musd"] = (t - rows["share_pct"]) / 100 * rows["gdp_musd"]
    rows["shortfall_musd"] = rows["gap_musd"].clip(lower=0)
    rows["status"] = rows["share_pct"].ge(t).map({True: "meets", False: "short"})
    rows = rows.sort_values(["gap_musd", "code"], ascending=[False, True])

    cols = ["code", "year", "release", "estimate", "gdp_musd", "defence_musd", "share_pct",
            "target_pct", "required_musd", "gap_musd", "shortfall_musd", "status"]
    out = rows[cols]
    total = {c: "" for c in cols}
    total.update(
        code="TOTAL",
        year=int(year),
        release=rows["release"].iloc[0] if len(rows) else "",
        gdp_musd=rows["gdp_musd"].sum(),
        defence_musd=rows["defence_musd"].sum(),
        share_pct=rows["defence_musd"].sum() / rows["gdp_musd"].sum() * 100,
        target_pct=t,
        required_musd=rows["required_musd"].sum(),
        gap_musd=rows["gap_musd"].sum(),
        shortfall_musd=rows["shortfall_musd"].sum(),
        status="%d meet" % (rows["status"] == "meets").sum(),
    )
    out = pd.concat([out, pd.DataFrame([total])], ignore_index=True)
    out.to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    main()
