import Foundation
import ZPrimeCore

/// Writing plots to files: the SVG itself, and PNG or PDF through `rsvg-convert` (librsvg) when it is
/// installed.
///
/// Every file is written under a temporary name in the destination folder and renamed into place,
/// so a reader never sees a half-written figure and a failed conversion leaves no file behind. A
/// missing converter is a ``Problem`` (kind ``Problem/Kind/missing``) that says what to install, never
/// a crash; the SVG is complete without it.
///
/// ```swift
/// if Rendering.converter() == nil {
///     print(Rendering.missingConverter.message)   // says to install librsvg2-bin
/// }
/// ```
public enum Rendering {
    /// A raster or print format produced by the converter.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Portable Network Graphics.
        case png
        /// Portable Document Format (vector).
        case pdf
    }

    /// The converter's executable name.
    public static let converterName = "rsvg-convert"

    /// The problem reported when the converter is not installed.
    public static let missingConverter = Problem(
        .missing, parameter: .field(converterName), severity: .error,
        message: "not found on PATH: PNG and PDF output need librsvg's converter; install it (Debian/Ubuntu: apt-get install -y librsvg2-bin) or use the SVG, which is complete on its own")

    /// The converter found on `searchPath` (a PATH-style list; the process's PATH by default), or nil.
    public static func converter(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        guard let searchPath else { return nil }
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(converterName)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Writes the SVG text to `url` (temporary name, then rename).
    ///
    /// - Throws: ``Problem`` naming the path when the folder does not exist or cannot be written.
    public static func writeSVG(_ svg: String, to url: URL) throws(Problem) {
        try writeAtomically(Data(svg.utf8), to: url)
    }

    /// Converts SVG text to PNG (`width` pixels wide, or the SVG's own size) at `url`.
    public static func png(svg: String, to url: URL, width: Int? = nil, converter tool: URL? = nil) throws(Problem) {
        try convert(svg: svg, format: .png, to: url, width: width, converter: tool)
    }

    /// Converts SVG text to PDF at `url`.
    public static func pdf(svg: String, to url: URL, converter tool: URL? = nil) throws(Problem) {
        try convert(svg: svg, format: .pdf, to: url, width: nil, converter: tool)
    }

    /// Converts SVG text with `rsvg-convert -f FORMAT [-w WIDTH]`.
    ///
    /// - Throws: ``missingConverter`` when the converter is not found; a ``Problem`` naming the path
    ///   when the destination cannot be written; a ``Problem`` with the converter's message when it
    ///   fails. No output file is left behind on failure.
    public static func convert(svg: String, format: Format, to url: URL, width: Int? = nil, converter tool: URL? = nil) throws(Problem) {
        guard let tool = tool ?? converter(), FileManager.default.isExecutableFile(atPath: tool.path) else { throw missingConverter }
        if let width, !(1...20000).contains(width) {
            throw Problem.invalid(.field("width"), text: "\(width)", "must be between 1 and 20000 pixels")
        }
        try checkFolder(of: url)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-plot-\(UUID().uuidString).svg")
        do {
            try Data(svg.utf8).write(to: scratch)
        } catch {
            throw Problem.invalid(.field("temporary file"), text: scratch.path, "cannot be written: \(error.localizedDescription)", kind: .dataFile)
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let temporary = temporaryURL(for: url)
        let process = Process()
        process.executableURL = tool
        var arguments = ["-f", format.rawValue]
        if let width { arguments += ["-w", "\(width)"] }
        arguments += ["-o", temporary.path, scratch.path]
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Problem.invalid(.field(converterName), text: tool.path, "cannot be started: \(error.localizedDescription)", kind: .missing)
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: temporary.path) else {
            try? FileManager.default.removeItem(at: temporary)
            let detail = message.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Problem.invalid(.field(converterName), text: "exit \(process.terminationStatus)",
                                  "failed to write \(format.rawValue.uppercased())" + (detail.isEmpty ? "" : ": \(detail)"), kind: .dataFile)
        }
        try rename(temporary, to: url)
    }

    /// Writes bytes under a temporary name next to `url`, then renames them into place.
    public static func writeAtomically(_ data: Data, to url: URL) throws(Problem) {
        try checkFolder(of: url)
        let temporary = temporaryURL(for: url)
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Problem.invalid(.field("output"), text: url.path, "cannot be written: \(error.localizedDescription)", kind: .dataFile)
        }
        try rename(temporary, to: url)
    }

    static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
    }

    static func checkFolder(of url: URL) throws(Problem) {
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Problem.invalid(.field("output"), text: url.path, "the folder \(folder.path) does not exist", kind: .dataFile)
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw Problem.invalid(.field("output"), text: url.path, "the folder \(folder.path) is not writable", kind: .dataFile)
        }
    }

    static func rename(_ temporary: URL, to url: URL) throws(Problem) {
        // POSIX rename replaces an existing file atomically.
        guard Foundation.rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Problem.invalid(.field("output"), text: url.path, "cannot be written: \(reason)", kind: .dataFile)
        }
    }
}
