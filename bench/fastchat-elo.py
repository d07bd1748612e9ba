# The FastChat-style Elo pipeline people run on Chatbot Arena logs (fastchat/serve/monitor/
# elo_analysis.py, compute_mle_elo): pandas read_csv, pivot tables of wins and ties per pair, and
# scikit-learn LogisticRegression (no penalty) for the Bradley-Terry MLE on the Elo scale. One fit,
# no bootstrap. Prints one JSON line with the times (seconds, imports apart) and the ratings.
#   python3 bench/fastchat-elo.py battles.csv
import json
import math
import sys
import time

started = time.perf_counter()
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

imported = time.perf_counter()


def compute_mle_elo(df, SCALE=400, BASE=10, INIT_RATING=1000):
    ptbl_a_win = pd.pivot_table(df[df["winner"] == "model_a"], index="model_a", columns="model_b", aggfunc="size", fill_value=0)
    tie = df["winner"].isin(["tie", "tie (bothbad)"])
    if tie.sum() == 0:
        ptbl_tie = pd.DataFrame(0, index=ptbl_a_win.index, columns=ptbl_a_win.columns)
    else:
        ptbl_tie = pd.pivot_table(df[tie], index="model_a", columns="model_b", aggfunc="size", fill_value=0)
        ptbl_tie = ptbl_tie + ptbl_tie.T
    ptbl_b_win = pd.pivot_table(df[df["winner"] == "model_b"], index="model_a", columns="model_b", aggfunc="size", fill_value=0)
    ptbl_win = ptbl_a_win * 2 + ptbl_b_win.T * 2 + ptbl_tie
    models = pd.Series(np.arange(len(ptbl_win.index)), index=ptbl_win.index)
    p = len(models)
    X = np.zeros([p * (p - 1) * 2, p])
    Y = np.zeros(p * (p - 1) * 2)
    cur_row = 0
    sample_weights = []
    for m_a in ptbl_win.index:
        for m_b in ptbl_win.columns:
            if m_a == m_b:
                continue
            if math.isnan(ptbl_win.loc[m_a, m_b]) or math.isnan(ptbl_win.loc[m_b, m_a]):
                continue
            X[cur_row, models[m_a]] = +math.log(BASE)
            X[cur_row, models[m_b]] = -math.log(BASE)
            Y[cur_row] = 1.0
            sample_weights.append(ptbl_win.loc[m_a, m_b])
            X[cur_row + 1, models[m_a]] = math.log(BASE)
            X[cur_row + 1, models[m_b]] = -math.log(BASE)
            Y[cur_row + 1] = 0.0
            sample_weights.append(ptbl_win.loc[m_b, m_a])
            cur_row += 2
    X = X[:cur_row]
    Y = Y[:cur_row]
    lr = LogisticRegression(fit_intercept=False, penalty=None, tol=1e-6)
    lr.fit(X, Y, sample_weight=sample_weights)
    elo_scores = SCALE * lr.coef_[0] + INIT_RATING
    return pd.Series(elo_scores, index=models.index).sort_values(ascending=False)


df = pd.read_csv(sys.argv[1])
read = time.perf_counter()
ratings = compute_mle_elo(df)
fitted = time.perf_counter()
print(json.dumps({
    "importSeconds": imported - started,
    "readSeconds": read - imported,
    "fitSeconds": fitted - read,
    "pipelineSeconds": fitted - imported,
    "ratings": {name: float(value) for name, value in ratings.items()},
}))
