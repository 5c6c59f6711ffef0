/*
 * Baseline for `zprime atlas --benchmark`: a straightforward, single-threaded meet-in-the-middle
 * count of the free U(1)_X atlas (SM + 3 N_R, |X| <= Q), written independently of ZPrime's Swift
 * engine. For every (sum X_Q, sum X_U) it joins the quark combinations (Q, U, D multisets) against
 * the lepton combinations (L, E, N multisets) on the quadratic and cubic anomaly sums with a
 * chained hash table, then checks every match for primitivity (gcd 1) and canonical sign
 * (X ~ -X) one by one. Usage: mitm_baseline Q
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int v[3]; int s1, s2, s3; } Triple;
static Triple *triples; static int ntriples;
static int *start, *count; /* by sum + 3Q */
static int Q;

static int gcd(int a, int b) { if (a < 0) a = -a; if (b < 0) b = -b; while (b) { int t = a % b; a = b; b = t; } return a; }

static void build(void) {
    int n = 0, cap = 1 << 16;
    Triple *all = malloc(sizeof(Triple) * cap);
    for (int a = -Q; a <= Q; a++) for (int b = a; b <= Q; b++) for (int c = b; c <= Q; c++) {
        if (n == cap) { cap *= 2; all = realloc(all, sizeof(Triple) * cap); }
        Triple t = {{a, b, c}, a + b + c, a * a + b * b + c * c, a * a * a + b * b * b + c * c * c};
        all[n++] = t;
    }
    int span = 6 * Q + 1;
    start = calloc(span + 1, sizeof(int)); count = calloc(span, sizeof(int));
    for (int i = 0; i < n; i++) count[all[i].s1 + 3 * Q]++;
    for (int s = 0; s < span; s++) start[s + 1] = start[s] + count[s];
    triples = malloc(sizeof(Triple) * n);
    int *fill = calloc(span, sizeof(int));
    for (int i = 0; i < n; i++) { int s = all[i].s1 + 3 * Q; triples[start[s] + fill[s]++] = all[i]; }
    ntriples = n; free(all); free(fill);
}

static int in_range(int s) { return s >= -3 * Q && s <= 3 * Q; }

/* Lexicographic comparison of the charge tuple with its negation (species re-sorted). */
static int canonical(int *x) {
    int neg[18];
    for (int sp = 0; sp < 6; sp++) {
        int a = -x[3 * sp], b = -x[3 * sp + 1], c = -x[3 * sp + 2], t;
        if (a > b) { t = a; a = b; b = t; } if (b > c) { t = b; b = c; c = t; } if (a > b) { t = a; a = b; b = t; }
        neg[3 * sp] = a; neg[3 * sp + 1] = b; neg[3 * sp + 2] = c;
    }
    int sq = x[0] + x[1] + x[2], su = x[3] + x[4] + x[5];
    if (sq != 0) return sq > 0;
    if (su != 0) return su > 0;
    for (int i = 0; i < 18; i++) if (x[i] != neg[i]) return x[i] > neg[i];
    return 1;
}

int main(int argc, char **argv) {
    Q = argc > 1 ? atoi(argv[1]) : 10;
    build();
    long long solutions = 0;
    size_t cap = 1 << 20; long long *keys = malloc(cap * sizeof(long long)); int *ids = malloc(cap * 3 * sizeof(int));
    int *next = malloc(cap * sizeof(int)); int hbits = 21; int *head = malloc(sizeof(int) << hbits);
    for (int a = -3 * Q; a <= 3 * Q; a++) for (int b = -3 * Q; b <= 3 * Q; b++) {
        int sums[6] = {a, b, 2 * a - b, -3 * a, -2 * a - b, b - 4 * a};
        int ok = 1; for (int k = 0; k < 6; k++) if (!in_range(sums[k])) ok = 0;
        if (!ok) continue;
        int r[6][2]; for (int k = 0; k < 6; k++) { int s = sums[k] + 3 * Q; r[k][0] = start[s]; r[k][1] = start[s] + count[s]; }
        size_t n = (size_t)count[sums[3] + 3 * Q] * count[sums[4] + 3 * Q] * count[sums[5] + 3 * Q];
        if (n == 0) continue;
        if (n > cap) { cap = n; keys = realloc(keys, cap * sizeof(long long)); ids = realloc(ids, cap * 3 * sizeof(int)); next = realloc(next, cap * sizeof(int)); }
        while ((1u << hbits) < 2 * n) { hbits++; head = realloc(head, sizeof(int) << hbits); }
        memset(head, -1, sizeof(int) << hbits);
        size_t m = 0;
        for (int l = r[3][0]; l < r[3][1]; l++) for (int e = r[4][0]; e < r[4][1]; e++) for (int nn = r[5][0]; nn < r[5][1]; nn++) {
            long long k2 = triples[e].s2 - triples[l].s2, k3 = 2LL * triples[l].s3 - triples[e].s3 - triples[nn].s3;
            long long key = (k2 << 32) + k3;
            unsigned h = (unsigned)(((unsigned long long)key * 0x9E3779B97F4A7C15ULL) >> (64 - hbits));
            keys[m] = key; ids[3 * m] = l; ids[3 * m + 1] = e; ids[3 * m + 2] = nn; next[m] = head[h]; head[h] = (int)m; m++;
        }
        for (int q = r[0][0]; q < r[0][1]; q++) for (int u = r[1][0]; u < r[1][1]; u++) for (int d = r[2][0]; d < r[2][1]; d++) {
            long long k2 = -((long long)triples[q].s2 - 2LL * triples[u].s2 + triples[d].s2);
            long long k3 = -(6LL * triples[q].s3 - 3LL * triples[u].s3 - 3LL * triples[d].s3);
            long long key = (k2 << 32) + k3;
            unsigned h = (unsigned)(((unsigned long long)key * 0x9E3779B97F4A7C15ULL) >> (64 - hbits));
            for (int i = head[h]; i >= 0; i = next[i]) {
                if (keys[i] != key) continue;
                int x[18]; int *src[6] = {triples[q].v, triples[u].v, triples[d].v, triples[ids[3 * i]].v, triples[ids[3 * i + 1]].v, triples[ids[3 * i + 2]].v};
                int g = 0;
                for (int sp = 0; sp < 6; sp++) for (int k = 0; k < 3; k++) { x[3 * sp + k] = src[sp][k]; g = gcd(g, x[3 * sp + k]); }
                if (g != 1) continue;
                if (!canonical(x)) continue;
                solutions++;
            }
        }
    }
    printf("%lld\n", solutions);
    return 0;
}
