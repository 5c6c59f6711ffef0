import Foundation
import ZPrimeCore

/// The compact binary form of the limit data files (`LimitData/limits.bin`): the parsed numbers of
/// every `.lmt`, `.prd` and polygon file, so that a process does not parse 5 MB of text at start-up
/// (the two LHCb grids alone are 137 000 rows).
///
/// Each record carries the file's path (relative to `LimitData/`) and the sha256 its manifest gives;
/// the catalogue uses a record only when both match the manifest entry, and otherwise reads (and
/// checks) the text file, so adding a limit needs no binary: `Scripts/generate-limit-binary.sh`
/// only makes it fast. The tests check that the committed file holds exactly the numbers the text
/// reader produces.
///
/// Layout (integers unsigned little-endian, reals IEEE-754 binary64 little-endian): magic
/// `ZPLIMIT\0`, layout version 1 (4 bytes), record count (4 bytes); per record the byte lengths of
/// the path and of the checksum text (4 bytes each), the column count and the value count (4 bytes
/// each), the path and the checksum padded with zero bytes to multiples of 8, then the values
/// (row-major).
public struct LimitBinary: Sendable {
    /// The records by path: (sha256, table).
    public let records: [String: (sha256: String, table: RawTable)]

    static let magic: [UInt8] = Array("ZPLIMIT\0".utf8)
    static let version: UInt32 = 1
    /// The file name inside `LimitData/`.
    public static let fileName = "limits.bin"

    /// Creates a binary form from records.
    public init(records: [String: (sha256: String, table: RawTable)]) { self.records = records }

    /// Reads the binary form.
    ///
    /// - Throws: ``Problem`` (kind ``Problem/Kind/dataFile``) for a wrong magic, version or a truncated file.
    public init(data: Data) throws(Problem) {
        func fail(_ message: String) -> Problem { Problem.invalid(.field(Self.fileName), text: nil, message, kind: .dataFile) }
        var records: [String: (sha256: String, table: RawTable)] = [:]
        var failure: Problem?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            func u32() -> UInt32? {
                guard offset + 4 <= raw.count else { return nil }
                let v = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                offset += 4
                return UInt32(littleEndian: v)
            }
            func text(_ length: Int) -> String? {
                guard offset + length <= raw.count else { return nil }
                let s = String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]), as: UTF8.self)
                offset += (length + 7) / 8 * 8
                return s
            }
            guard raw.count >= 16, Array(raw[0..<8]) == Self.magic else { failure = fail("not a limit binary (wrong magic)"); return }
            offset = 8
            guard u32() == Self.version, let count = u32() else { failure = fail("unsupported layout version"); return }
            for _ in 0..<count {
                guard let nameLength = u32(), let checksumLength = u32(), let columns = u32(), let valueCount = u32(),
                      let name = text(Int(nameLength)), let checksum = text(Int(checksumLength)) else {
                    failure = fail("truncated record header"); return
                }
                let bytes = Int(valueCount) * 8
                guard offset + bytes <= raw.count, columns > 0, Int(valueCount) % Int(columns) == 0 else { failure = fail("truncated or inconsistent record \(name)"); return }
                var values = [Double](repeating: 0, count: Int(valueCount))
                values.withUnsafeMutableBytes { destination in
                    destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + bytes)]))
                }
                #if _endian(big)
                values = values.map { Double(bitPattern: UInt64(littleEndian: $0.bitPattern)) }
                #endif
                offset += bytes
                records[name] = (checksum, RawTable(columns: Int(columns), values: values))
            }
        }
        if let failure { throw failure }
        self.records = records
    }

    /// The encoded form, records sorted by path (deterministic bytes).
    public func encoded() -> Data {
        var out = Data(Self.magic)
        func u32(_ v: Int) { var x = UInt32(v).littleEndian; withUnsafeBytes(of: &x) { out.append(contentsOf: $0) } }
        func padded(_ s: String) {
            let bytes = Array(s.utf8)
            out.append(contentsOf: bytes)
            out.append(contentsOf: [UInt8](repeating: 0, count: (bytes.count + 7) / 8 * 8 - bytes.count))
        }
        u32(Int(Self.version))
        u32(records.count)
        for name in records.keys.sorted() {
            let (checksum, table) = records[name]!
            u32(name.utf8.count)
            u32(checksum.utf8.count)
            u32(table.columns)
            u32(table.values.count)
            padded(name)
            padded(checksum)
            for value in table.values {
                var bits = value.bitPattern.littleEndian
                withUnsafeBytes(of: &bits) { out.append(contentsOf: $0) }
            }
        }
        return out
    }
}

extension LimitBinary {
    /// The binary form of every data file the manifests in `directory` (`manifest.json`,
    /// `extra/manifest.json`) name, read from the text files and checked against their checksums:
    /// what `Scripts/generate-limit-binary.sh` writes.
    public static func generate(directory: URL, manifests: [String] = ["manifest.json", "extra/manifest.json"]) throws(Problem) -> LimitBinary {
        var records: [String: (sha256: String, table: RawTable)] = [:]
        for name in manifests {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                throw Problem.invalid(.field(name), text: "missing", "the manifest cannot be read", kind: .dataFile)
            }
            let root = try ManifestReader.root(data, source: name)
            let folder = url.deletingLastPathComponent()
            var files: [(String, String)] = []
            if let tables = root["production_tables"] as? [String: Any] {
                for (_, value) in tables {
                    if let entry = value as? [String: Any], let file = entry["file"] as? String, let sha = entry["sha256"] as? String { files.append((file, sha)) }
                }
            }
            for entry in try ManifestReader.entries(root, source: name) {
                if let bounds = entry["bounds"] as? [String: Any], let file = bounds["file"] as? String, let sha = bounds["sha256"] as? String {
                    files.append((file, sha))
                }
            }
            for (file, sha) in files {
                let table = try LimitCatalogue.rawTable(file: file, sha256: sha, directory: folder, basePath: directory.path, binary: nil,
                                                        verify: true, source: name)
                records[LimitCatalogue.relativePath(folder.appendingPathComponent(file), basePath: directory.standardizedFileURL.path)] = (sha, table)
            }
        }
        return LimitBinary(records: records)
    }
}
