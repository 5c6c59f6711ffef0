import Foundation
import Testing
@testable import ZPrimeConstraints

/// The binary form of the limit tables (limits.bin) against the text files it is generated from.
@Suite struct LimitBinaryTests {
    /// The committed binary equals, byte for byte, the encoding of the text files (with
    /// ZPRIME_WRITE_LIMIT_BINARY=path the test writes it instead: Scripts/generate-limit-binary.sh).
    @Test func upToDate() throws {
        let generated = try LimitBinary.generate(directory: Support.limitData).encoded()
        if let path = ProcessInfo.processInfo.environment["ZPRIME_WRITE_LIMIT_BINARY"] {
            try generated.write(to: URL(fileURLWithPath: path))
            return
        }
        let committed = try Data(contentsOf: Support.limitData.appendingPathComponent(LimitBinary.fileName))
        #expect(committed == generated, "limits.bin is out of date: run Scripts/generate-limit-binary.sh")
    }

    /// Every record decodes to the text reader's numbers bit for bit, and the bundled catalogue
    /// loaded through the binary equals the one loaded from text.
    @Test func decodesToTheTextNumbers() throws {
        let binary = try LimitBinary(data: try Data(contentsOf: Support.limitData.appendingPathComponent(LimitBinary.fileName)))
        let text = try LimitBinary.generate(directory: Support.limitData)
        #expect(binary.records.count == text.records.count)
        for (name, record) in text.records {
            let decoded = try #require(binary.records[name], "missing record \(name)")
            #expect(decoded.sha256 == record.sha256)
            #expect(decoded.table.columns == record.table.columns)
            #expect(decoded.table.values.map(\.bitPattern) == record.table.values.map(\.bitPattern), "\(name)")
        }
        let manifests = [Support.limitData.appendingPathComponent("manifest.json"), Support.limitData.appendingPathComponent("extra/manifest.json")]
        let fromText = try LimitCatalogue(manifests: manifests, binary: nil)
        let fromBinary = try LimitCatalogue(manifests: manifests, binary: binary)
        #expect(fromText.names == fromBinary.names)
        for (a, b) in zip(fromText.limits, fromBinary.limits) { #expect(a.bound.masses == b.bound.masses) }
    }

    /// A record whose checksum does not match the manifest is not used: the text file is read.
    @Test func staleRecordIsIgnored() throws {
        let file = "A1_Merkel2011ze.lmt"
        let fake = LimitBinary(records: [file: (String(repeating: "0", count: 64), RawTable(columns: 2, values: [0.1, 1e-3]))])
        let manifests = [Support.limitData.appendingPathComponent("manifest.json")]
        let catalogue = try LimitCatalogue(manifests: manifests, binary: fake)
        #expect(catalogue.limit(named: "A1_Merkel2011ze")!.bound.masses.count == 49)
    }
}
