#!/usr/bin/env python3
"""Generates Tests/ZPrimeCoreTests/LinearAlgebraFixtures.swift: matrices and 50-digit singular
values computed with mpmath (svd_c at 60 working digits), for the Jacobi SVD, the Hermitian
eigensolver and the Takagi factorization tests.

Run once from the package root:  python3 Tests/ZPrimeCoreTests/References/linear_algebra_references.py
The matrices are built here in double precision; the references are computed from exactly those
doubles (each converted to an mpf without rounding), so the only error tested is the Swift code's.
Requires mpmath (1.3 used). Deterministic: fixed seeds.
"""
import math
import random
import mpmath as mp

mp.mp.dps = 60
SQRT2 = math.sqrt(2.0)
V = 246.21965079413738  # (sqrt2 G_F)^(-1/2), G_F = 1.1663788e-5 GeV^-2 (as ElectroweakScheme)


def charged(y, lam_l, lam_e, m_l, m_e, h, k, v_x):
    """Charged-lepton mass matrix of the seed model (rows e_L, L_L, E_L; columns e_R, L_R, E_R)."""
    return [[complex(y * V / SQRT2), complex(lam_l * v_x / SQRT2), 0j],
            [0j, complex(m_l), complex(h * V / SQRT2)],
            [complex(lam_e * v_x / SQRT2), complex(k * V / SQRT2), complex(m_e)]]


def neutral(y_nu, y_m, lam_l, m_l, v_x):
    """Neutral mass matrix in the basis (nu, N^c, L^0, L^0c)."""
    a = y_nu * V / SQRT2
    b = y_m * v_x / SQRT2
    c = lam_l * v_x / SQRT2
    return [[0j, complex(a), 0j, complex(c)],
            [complex(a), complex(b), 0j, 0j],
            [0j, 0j, 0j, complex(m_l)],
            [complex(c), 0j, complex(m_l), 0j]]


def to_mp(m):
    return mp.matrix([[mp.mpc(x.real, x.imag) for x in row] for row in m])


def singular_values(m):
    s = mp.svd_c(to_mp(m), compute_uv=False)
    return sorted([s[i] for i in range(len(m))])


def random_unitary(n, rng):
    # Gram-Schmidt of a random complex matrix, in doubles (the fixture stores the product's doubles).
    cols = []
    for _ in range(n):
        v = [complex(rng.gauss(0, 1), rng.gauss(0, 1)) for _ in range(n)]
        for c in cols:
            d = sum(ci.conjugate() * vi for ci, vi in zip(c, v))
            v = [vi - d * ci for vi, ci in zip(v, c)]
        norm = math.sqrt(sum(abs(x) ** 2 for x in v))
        cols.append([x / norm for x in v])
    return [[cols[j][i] for j in range(n)] for i in range(n)]


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def dagger(a):
    return [[a[j][i].conjugate() for j in range(len(a))] for i in range(len(a[0]))]


def transpose(a):
    return [[a[j][i] for j in range(len(a))] for i in range(len(a[0]))]


def block_diagonal(blocks):
    n = sum(len(b) for b in blocks)
    m = [[0j] * n for _ in range(n)]
    o = 0
    for b in blocks:
        for i in range(len(b)):
            for j in range(len(b)):
                m[o + i][o + j] = b[i][j]
        o += len(b)
    return m


def cases():
    rng = random.Random(20240612)
    out = []
    # Seed-model charged matrices: both benchmarks (lambda v_X = M and sqrt2 M), several h, k, y,
    # both signs of y (the two branches of det M).
    for r in (1.0, 2.0):
        lam = math.sqrt(r) * 90.0 / 14.0
        for (y, h, k) in [(2.9e-6, 1e-6, 1e-7), (-2.9e-6, 1e-6, 1e-7), (6.07e-4, 3e-5, 1e-7), (1.02e-2, 1e-3, 1e-7),
                          (2.9e-6, 0.0, 0.0), (1e-4, -2e-2, 3e-2), (2.9e-6, 1e-9, 1e-9)]:
            out.append(("svd", f"seed charged r={r:g} y={y:g} h={h:g} k={k:g}", charged(y, lam, lam, 90.0, 90.0, h, k, 14.0)))
    out.append(("svd", "seed charged asymmetric M_L=120 M_E=300", charged(2.9e-6, 7.0, 3.0, 120.0, 300.0, 2e-6, -5e-7, 14.0)))
    # Graded complex matrices: D1 X D2 with masses from 5e-4 to 100 GeV.
    for n in (3, 6):
        for trial in range(2):
            scales = [5e-4 * (100 / 5e-4) ** (i / (n - 1)) for i in range(n)]
            x = [[complex(rng.uniform(-1, 1), rng.uniform(-1, 1)) for _ in range(n)] for _ in range(n)]
            m = [[x[i][j] * math.sqrt(scales[i] * scales[j]) for j in range(n)] for i in range(n)]
            out.append(("svd", f"graded complex {n}x{n} #{trial}", m))
    # Exactly zero singular values: a zero row, a rank-one matrix, the zero matrix.
    out.append(("svd", "zero row", [[1 + 0j, 2 + 1j, 0j], [0j, 0j, 0j], [3 - 1j, 1j, 5 + 0j]]))
    out.append(("svd", "rank one", [[1 + 0j, 2 + 0j, 3 + 0j], [2 + 0j, 4 + 0j, 6 + 0j], [-1 + 0j, -2 + 0j, -3 + 0j]]))
    out.append(("svd", "zero matrix", [[0j, 0j], [0j, 0j]]))
    # Degenerate singular values: U diag(1, 1, 2, 2e-3) V^dagger.
    u = random_unitary(4, rng)
    v = random_unitary(4, rng)
    d = [[0j] * 4 for _ in range(4)]
    for i, s in enumerate((1.0, 1.0, 2.0, 2e-3)):
        d[i][i] = complex(s)
    out.append(("svd", "degenerate pair U diag(1,1,2,2e-3) V^dagger", matmul(matmul(u, d), dagger(v))))
    out.append(("svd", "identity", [[1 + 0j if i == j else 0j for j in range(3)] for i in range(3)]))
    # Three generations with small off-diagonal Yukawas (9 x 9, basis e_L mu_L tau_L L_L... by generation).
    lam = 90.0 / 14.0
    blocks = [charged(2.9e-6, lam, lam, 90.0, 90.0, 1e-6, 1e-7, 14.0),
              charged(6.07e-4, lam, lam, 95.0, 90.0, 3e-5, 1e-7, 14.0),
              charged(1.02e-2, lam, lam, 110.0, 100.0, 1e-4, 1e-6, 14.0)]
    big = block_diagonal(blocks)
    big[0][3] = complex(1e-7 * V / SQRT2)      # e_L - mu_R type Yukawa
    big[3][6] = complex(2e-6 * V / SQRT2)
    big[1][4] = complex(0.1 * 14.0 / SQRT2)    # lambda_L off-diagonal (e_L with L_R of generation 2)
    out.append(("svd", "three generations 9x9 with off-diagonal Yukawas", big))

    # Hermitian matrices.
    h = [[complex(rng.gauss(0, 1), rng.gauss(0, 1)) for _ in range(5)] for _ in range(5)]
    h = [[0.5 * (h[i][j] + h[j][i].conjugate()) for j in range(5)] for i in range(5)]
    out.append(("hermitian", "random Hermitian 5x5", h))
    q = random_unitary(3, rng)
    d = [[complex(x) if i == j else 0j for j, x in enumerate((-1.0, 2.0, 2.0))] for i in range(3)]
    out.append(("hermitian", "degenerate Hermitian Q diag(-1,2,2) Q^dagger", matmul(matmul(q, d), dagger(q))))

    # Takagi: the neutral 4 x 4 of the seed, the 12 x 12 of three generations, complex symmetric.
    for r in (1.0, 2.0):
        lam = math.sqrt(r) * 90.0 / 14.0
        out.append(("takagi", f"seed neutral r={r:g} y_nu=0 (massless nu, Dirac pair)", neutral(0.0, 1.0, lam, 90.0, 14.0)))
        out.append(("takagi", f"seed neutral r={r:g} y_nu=1e-6 (seesaw)", neutral(1e-6, 1.0, lam, 90.0, 14.0)))
        out.append(("takagi", f"seed neutral r={r:g} y_nu=0.3 y_M=2", neutral(0.3, 2.0, lam, 90.0, 14.0)))
    blocks = [neutral(1e-6, 1.0, 90.0 / 14.0, 90.0, 14.0), neutral(2e-6, 0.8, 90.0 / 14.0, 95.0, 14.0),
              neutral(0.0, 1.2, 90.0 / 14.0, 110.0, 14.0)]
    big = block_diagonal(blocks)
    for (i, j, x) in [(0, 5, 3e-7 * V / SQRT2), (4, 9, 0.05 * 14.0 / SQRT2), (1, 9, 0.2 * 14.0 / SQRT2)]:
        big[i][j] = complex(x)
        big[j][i] = complex(x)
    out.append(("takagi", "three generations 12x12 with off-diagonal Yukawas", big))
    x = [[complex(rng.gauss(0, 1), rng.gauss(0, 1)) for _ in range(4)] for _ in range(4)]
    scales = [1e-3, 0.1, 10.0, 100.0]
    s = [[(x[i][j] + x[j][i]) * 0.5 * math.sqrt(scales[i] * scales[j]) for j in range(4)] for i in range(4)]
    out.append(("takagi", "graded complex symmetric 4x4", s))
    out.append(("takagi", "Dirac pair [[0, 90], [90, 0]]", [[0j, 90 + 0j], [90 + 0j, 0j]]))
    out.append(("takagi", "negative eigenvalue diag(-3, 1)", [[-3 + 0j, 0j], [0j, 1 + 0j]]))
    return out


def swift_double(x):
    r = repr(float(x))
    return r if ('e' in r or '.' in r or 'inf' in r or 'nan' in r) else r + ".0"


def main():
    lines = ["// Generated by Tests/ZPrimeCoreTests/References/linear_algebra_references.py (mpmath, 60 digits).",
             "// Do not edit: change the script and run it again. References are 50-significant-digit strings.",
             "",
             "import Testing",
             "",
             "struct LinearAlgebraFixture: Sendable, CustomTestStringConvertible {",
             "    enum Kind: String, Sendable { case svd, hermitian, takagi }",
             "    let kind: Kind",
             "    let name: String",
             "    let size: Int",
             "    /// Row-major real and imaginary parts.",
             "    let real: [Double]",
             "    let imaginary: [Double]",
             "    /// Singular values (svd, takagi) or eigenvalues (hermitian), ascending, 50 digits.",
             "    let reference: [String]",
             "    var testDescription: String { name }",
             "}",
             "",
             "enum LinearAlgebraFixtures {",
             "    static let all: [LinearAlgebraFixture] = ["]
    for kind, name, m in cases():
        n = len(m)
        if kind == "hermitian":
            e = mp.eighe(to_mp(m), eigvals_only=True)
            ref = sorted([e[i] for i in range(n)])
        else:
            ref = singular_values(m)
        re = ", ".join(swift_double(x.real) for row in m for x in row)
        im = ", ".join(swift_double(x.imag) for row in m for x in row)
        refs = ", ".join('"' + mp.nstr(x, 50, min_fixed=1, max_fixed=0) + '"' for x in ref)
        lines.append(f'        LinearAlgebraFixture(kind: .{kind}, name: "{name}", size: {n},')
        lines.append(f'                             real: [{re}],')
        lines.append(f'                             imaginary: [{im}],')
        lines.append(f'                             reference: [{refs}]),')
    lines.append("    ]")
    lines.append("}")
    path = "Tests/ZPrimeCoreTests/LinearAlgebraFixtures.swift"
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
