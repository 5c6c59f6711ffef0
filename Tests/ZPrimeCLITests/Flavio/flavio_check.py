#!/usr/bin/env python3
"""Reads ZPrime WCxf files with wilson and prints flavio's new-physics predictions as JSON.

Usage: flavio_check.py FILE.json [FILE.json ...]   (needs `pip install flavio wilson "particle<0.26"`)
For each file: the WCxf document is validated by wilson, then the ratios NP/SM of
<Rmue>(B+->Kll) in 1.1-6 GeV^2, BR(Bs->mumu) and DeltaM_s, R_trident and the shift of a_mu.
"""
import json
import sys
import warnings

warnings.simplefilter("ignore")
import flavio  # noqa: E402
import wilson  # noqa: E402

out = {}
for path in sys.argv[1:]:
    with open(path) as f:
        w = wilson.Wilson.load_wc(f)
    w.wc.validate()
    r = {}
    r["r_k"] = flavio.np_prediction("<Rmue>(B+->Kll)", w, 1.1, 6.0)
    r["br_bs_mumu_ratio"] = flavio.np_prediction("BR(Bs->mumu)", w) / flavio.sm_prediction("BR(Bs->mumu)")
    r["delta_ms_ratio"] = flavio.np_prediction("DeltaM_s", w) / flavio.sm_prediction("DeltaM_s")
    r["trident_ratio"] = flavio.np_prediction("R_trident", w)
    r["delta_a_mu"] = flavio.np_prediction("a_mu", w) - flavio.sm_prediction("a_mu")
    out[path] = r
print(json.dumps(out))
