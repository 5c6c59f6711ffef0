import Foundation
import Testing
@testable import ZPrimeDecays

/// The binary form `DarkCastData/darkcast.bin` that `HadronicData.bundled()` loads must hold exactly
/// the numbers that `HadronicData(directory:)` reads from the text files it is generated from.
///
/// The encoder lives here, not in the library: `Scripts/generate-darkcast-binary.sh` runs
/// ``HadronicBinaryTests/upToDate()`` with `ZPRIME_WRITE_DARKCAST_BINARY` set to the output path.
@Suite("DarkCast data: the binary form equals the text files bit for bit")
struct HadronicBinaryTests {
    /// The records of the binary form, in file order (layout in `HadronicData.init(binary:)`).
    static func records(_ data: HadronicData) -> [(String, [Double])] {
        func grid(_ g: UniformGrid) -> [Double] { [g.start, g.step] + g.values }
        var records: [(String, [Double])] = []
        for channel in data.channels {
            for meson in VectorMeson.allCases {
                if let g = channel.components[meson] { records.append(("rf.\(channel.key).\(meson.rawValue).dat", grid(g))) }
            }
            if let g = channel.omegaPhiInterference { records.append(("rf.\(channel.key).omega_phi.dat", grid(g))) }
        }
        records.append(("sf.u_d.a.dat", grid(data.axialIsovector)))
        records.append(("sf.s.a.dat", grid(data.axialStrange)))
        records.append(("parameters.R_V_prefactors", VectorMeson.allCases.map { data.prefactors[$0]! }))
        records.append(("parameters.meson_generators_diag_u_d_s", VectorMeson.allCases.flatMap { m in
            let t = data.generators[m]!
            return [t.u, t.d, t.s]
        }))
        records.append(("parameters.axial_phase_cphi", [data.axialPhase]))
        records.append(("parameters.kaon_threshold_for_strange_axial_GeV", [data.strangeAxialThreshold]))
        records.append(("width_model.dark_photon_R_sum_from_grids", data.darkPhotonRSum.flatMap { [$0.mass, $0.value] }))
        return records
    }

    /// The binary form of `data`.
    static func encode(_ data: HadronicData) -> Data {
        var out = Data(HadronicData.binaryMagic)
        func word(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { out.append(contentsOf: $0) } }
        let records = records(data)
        word(Int(HadronicData.binaryVersion))
        word(records.count)
        for (name, values) in records {
            let utf8 = Array(name.utf8)
            word(utf8.count)
            word(values.count)
            out.append(contentsOf: utf8)
            out.append(contentsOf: [UInt8](repeating: 0, count: (8 - utf8.count % 8) % 8))
            for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }

    static func directory() throws -> URL {
        try #require(HadronicData.bundledFile("manifest.json")).deletingLastPathComponent()
    }

    static func committed() throws -> Data {
        try Data(contentsOf: directory().appendingPathComponent(HadronicData.binaryFileName))
    }

    static func bits(_ grid: UniformGrid?) -> [UInt64]? {
        grid.map { [$0.start.bitPattern, $0.step.bitPattern] + $0.values.map(\.bitPattern) }
    }

    @Test("the committed binary form is, byte for byte, the encoding of what the text reader reads")
    func upToDate() throws {
        let encoded = try Self.encode(HadronicData(directory: Self.directory()))
        if let path = ProcessInfo.processInfo.environment["ZPRIME_WRITE_DARKCAST_BINARY"] {
            try encoded.write(to: URL(fileURLWithPath: path), options: .atomic)
            return
        }
        let committed = try Self.committed()
        #expect(encoded == committed, "darkcast.bin is out of date: run Scripts/generate-darkcast-binary.sh")
    }

    @Test("every grid, parameter and check value loaded from the binary form equals the text reader's")
    func binaryEqualsText() throws {
        let text = try HadronicData(directory: Self.directory())
        let binary = try HadronicData.bundled()
        #expect(binary.channels.map(\.key) == text.channels.map(\.key))
        for (b, t) in zip(binary.channels, text.channels) {
            #expect(Set(b.components.keys) == Set(t.components.keys), "\(t.key)")
            for meson in VectorMeson.allCases {
                #expect(Self.bits(b.components[meson]) == Self.bits(t.components[meson]), "\(t.key) \(meson)")
            }
            #expect(Self.bits(b.omegaPhiInterference) == Self.bits(t.omegaPhiInterference), "\(t.key) omega-phi")
        }
        #expect(Self.bits(binary.axialIsovector) == Self.bits(text.axialIsovector))
        #expect(Self.bits(binary.axialStrange) == Self.bits(text.axialStrange))
        for meson in VectorMeson.allCases {
            #expect(binary.prefactors[meson]?.bitPattern == text.prefactors[meson]?.bitPattern, "R_\(meson)")
            let b = try #require(binary.generators[meson]), t = try #require(text.generators[meson])
            #expect([b.u, b.d, b.s].map(\.bitPattern) == [t.u, t.d, t.s].map(\.bitPattern), "T_\(meson)")
        }
        #expect(binary.axialPhase.bitPattern == text.axialPhase.bitPattern)
        #expect(binary.strangeAxialThreshold.bitPattern == text.strangeAxialThreshold.bitPattern)
        #expect(binary.darkPhotonRSum.map { [$0.mass.bitPattern, $0.value.bitPattern] } == text.darkPhotonRSum.map { [$0.mass.bitPattern, $0.value.bitPattern] })
        #expect(text.darkPhotonRSum.count == 6)
    }

    @Test("the binary form holds the fourteen grid files and five parameter records, nothing else")
    func recordNames() throws {
        let records = try HadronicData.binaryRecords(Self.committed())
        let grids = try FileManager.default.contentsOfDirectory(atPath: Self.directory().path).filter { $0.hasSuffix(".dat") }
        #expect(grids.count == 14)
        #expect(Set(records.keys) == Set(grids).union([
            "parameters.R_V_prefactors", "parameters.meson_generators_diag_u_d_s", "parameters.axial_phase_cphi",
            "parameters.kaon_threshold_for_strange_axial_GeV", "width_model.dark_photon_R_sum_from_grids",
        ]))
    }

    @Test("a damaged binary form is reported, not trusted")
    func damaged() throws {
        let data = try Self.committed()
        #expect(throws: DecayError.self) { try HadronicData(binary: data.prefix(data.count - 8)) }
        #expect(throws: DecayError.self) { try HadronicData(binary: data + Data(count: 8)) }
        var wrongMagic = data
        wrongMagic[0] = 0
        #expect(throws: DecayError.self) { try HadronicData(binary: wrongMagic) }
        var wrongVersion = data
        wrongVersion[8] = 2
        #expect(throws: DecayError.self) { try HadronicData(binary: wrongVersion) }
        #expect(throws: DecayError.self) { try HadronicData(binary: Data()) }
    }
}
