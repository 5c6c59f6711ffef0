import Foundation
import Testing
import ZPrimeCore

@Suite("Shards, grids, problems and the electroweak scheme")
struct ShardAndGridTests {
    @Test("shards from i/N and from a Slurm job array with MIN, MAX and STEP")
    func slurm() throws {
        #expect(try Shard(parsing: "3/8") == Shard(index: 3, count: 8))
        for bad in ["0/3", "4/3", "1/0", "a/b", "1", "1/2000000"] {
            #expect(throws: Problem.self, "\(bad)") { try Shard(parsing: bad) }
        }
        #expect(try Shard(environment: [:]) == nil)
        // --array=0-14:2: tasks 0, 2, ..., 14 are shards 1 ... 8 of 8 (task 14 used to give "--shard 15/8").
        let step = ["SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "14", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "8"]
        var ids: [Int] = []
        for id in stride(from: 0, through: 14, by: 2) {
            let shard = try #require(try Shard(environment: step.merging(["SLURM_ARRAY_TASK_ID": "\(id)"]) { $1 }))
            #expect(shard.count == 8)
            ids.append(shard.index)
        }
        #expect(ids == Array(1...8))
        // --array=5-9: shard ID - 4 of 5; only COUNT given (no MAX): count from COUNT.
        #expect(try Shard(environment: ["SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_MAX": "9"]) == Shard(index: 3, count: 5))
        #expect(try Shard(environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4"]) == Shard(index: 3, count: 4))
        // A task off the progression, an inconsistent count (an array given as a list), non-integers.
        #expect(throws: Problem.self) { try Shard(environment: step.merging(["SLURM_ARRAY_TASK_ID": "3"]) { $1 }) }
        #expect(throws: Problem.self) { try Shard(environment: ["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "7", "SLURM_ARRAY_TASK_COUNT": "3"]) }
        #expect(throws: Problem.self) { try Shard(environment: ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "4"]) }
        #expect(throws: Problem.self) { try Shard(environment: ["SLURM_ARRAY_TASK_ID": "1"]) }
    }

    @Test("round-robin and block partitions cover every item exactly once", arguments: [1, 2, 3, 7, 64])
    func partitions(_ count: Int) throws {
        for total in [0, 1, 5, 63, 64, 1000] {
            var seenRoundRobin = [Int](repeating: 0, count: total), seenBlock = [Int](repeating: 0, count: total)
            for index in 1...count {
                let shard = try Shard(index: index, count: count)
                for k in shard.roundRobin(total) { seenRoundRobin[k] += 1 }
                for k in shard.block(total) { seenBlock[k] += 1 }
                #expect(shard.block(total).count >= total / count && shard.block(total).count <= total / count + 1)
            }
            #expect(seenRoundRobin.allSatisfy { $0 == 1 } && seenBlock.allSatisfy { $0 == 1 })
        }
    }

    @Test("log and linear grids: exact end points, ratios, a bounded count, errors naming the parameter")
    func grids() throws {
        let g = try Grid.logSpaced(from: 1e-3, to: 10, count: 5, parameter: .massRange)
        #expect(g.first == 1e-3 && g.last == 10 && g.count == 5)
        #expect(zip(g, g.dropFirst()).allSatisfy { abs($1 / $0 - 10) < 1e-13 })
        #expect(try Grid.linear(from: -1, to: 1, count: 3, parameter: .field("x")) == [-1, 0, 1])
        #expect(try Grid.logSpaced(from: 2, to: 2, count: 1, parameter: .massRange) == [2])
        for (a, b, n) in [(1.0, 2.0, 0), (1.0, 2.0, Grid.maximumCount + 1), (2.0, 1.0, 3), (0.0, 1.0, 3), (1.0, .infinity, 3), (1.0, 1.0, 2)] {
            do {
                _ = try Grid.logSpaced(from: a, to: b, count: n, parameter: .massRange)
                Issue.record("accepted \(a):\(b):\(n)")
            } catch {
                #expect(error.parameter == .massRange)
            }
        }
    }

    @Test("problems: text, truncated values, severities")
    func problems() {
        let p = Problem.invalid(.mass, -1, "must be finite and > 0")
        #expect(p.description == "mass -1.0: must be finite and > 0" && p.kind == .outOfRange && p.severity == .error)
        #expect(Problem.invalid(.mass, .nan, "x").kind == .notFinite)
        #expect(p.description(naming: "--mass") == "--mass -1.0: must be finite and > 0")
        let long = Problem.invalid(.field("f"), text: String(repeating: "9", count: 10_000), "too long")
        #expect((long.value?.count ?? 0) == Problem.maximumValueLength && long.value!.hasSuffix("..."))
        #expect(Problem.Severity.note < .warning && Problem.Severity.warning < .error)
    }

    /// Hand values (python, double precision): s^2 c^2 = pi alpha/(sqrt2 G_F m_Z^2) = 0.16714...,
    /// s^2 = 0.2121490842897361, g_Z = 0.7407045182211196 = 2 m_Z/v, m_W = 80.93935004515049 GeV.
    @Test("electroweak scheme (alpha(0), G_F, m_Z): derived sin^2 theta_W, g_Z = 2 m_Z/v exactly")
    func scheme() {
        let s = ElectroweakScheme.standard
        #expect(abs(s.sin2ThetaW - 0.2121490842897361) < 1e-15)
        #expect(abs(s.zCoupling - 0.7407045182211196) < 1e-15)
        #expect(abs(s.zCoupling * s.vacuumExpectationValue / 2 - 91.1880) < 1e-12)
        #expect(abs(s.wMass - 80.93935004515049) < 1e-11)
        #expect(abs(s.elementaryCharge - PhysicalConstants.elementaryCharge) == 0)
        #expect(abs(s.vacuumExpectationValue - PhysicalConstants.higgsVEV) < 1e-12)
    }
}

@Suite("Parallel fork-join")
struct ParallelTests {
    @Test("every item runs exactly once, on a worker index below the thread count", arguments: [1, 2, 3, 8])
    func eachItemOnce(_ threads: Int) {
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var counts = [Int](repeating: 0, count: 1000)
            var workers = Set<Int>()
        }
        let tally = Tally()
        Parallel.forEach(count: 1000, threads: threads) { worker, item in
            tally.lock.lock(); defer { tally.lock.unlock() }
            tally.counts[item] += 1
            tally.workers.insert(worker)
        }
        #expect(tally.counts.allSatisfy { $0 == 1 })
        #expect(tally.workers.allSatisfy { $0 >= 0 && $0 < threads })
        Parallel.forEach(count: 0, threads: threads) { _, _ in Issue.record("called for an empty range") }
    }
}
