"""Reference timings with scipy's HiGHS (native), for the benchmarks' ratios.

Reads one JSON problem per line on stdin ({"kind": "von-neumann"|"blackwell", "matrices": [...],
"thresholds": [...]}) and prints one JSON line per problem: the LP time in ms (linprog with
method="highs", the same formulations as prefgame's) and the optimal value.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linprog


def von_neumann(P):
    n = P.shape[0]
    # min 1'x s.t. P'x >= 1, x >= 0
    start = time.perf_counter()
    result = linprog(np.ones(n), A_ub=-P.T, b_ub=-np.ones(n), bounds=(0, None), method="highs")
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, 1 / result.x.sum() if result.status == 0 else None


def blackwell(matrices, thresholds):
    # min t s.t. z_jc(pi) + t >= tau_c, sum pi = 1, pi >= 0, 0 <= t <= 1
    n = matrices[0].shape[0]
    rows, rhs = [], []
    for P, tau in zip(matrices, thresholds):
        if tau <= 0:
            continue
        rows.append(np.hstack([-P.T, -np.ones((n, 1))]))
        rhs.append(-tau * np.ones(n))
    A_ub = np.vstack(rows)
    b_ub = np.concatenate(rhs)
    A_eq = np.hstack([np.ones((1, n)), np.zeros((1, 1))])
    cost = np.zeros(n + 1)
    cost[n] = 1
    start = time.perf_counter()
    result = linprog(cost, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=[1], bounds=[(0, 1)] * (n + 1), method="highs")
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, result.fun if result.status == 0 else None


for line in sys.stdin:
    problem = json.loads(line)
    matrices = [np.array(m, dtype=float) for m in problem["matrices"]]
    if problem["kind"] == "von-neumann":
        elapsed, value = von_neumann(matrices[0])
    else:
        elapsed, value = blackwell(matrices, problem["thresholds"])
    print(json.dumps({"ms": elapsed, "value": value}), flush=True)
