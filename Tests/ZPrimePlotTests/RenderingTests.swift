import Foundation
import Testing
import ZPrimeCore
@testable import ZPrimePlot

/// Files: the SVG written under a temporary name and renamed, PNG and PDF through rsvg-convert, a
/// plain problem when the converter is missing, nothing half-written on failure.
@Suite("Writing and rendering files")
struct RenderingTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zprime-plot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a missing converter is a Problem that says what to install")
    func missing() throws {
        #expect(Rendering.converter(searchPath: "/nonexistent:/also/not/here") == nil)
        #expect(Rendering.converter(searchPath: nil) == nil)
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("plot.png")
        do {
            try Rendering.png(svg: try SmallPlots.plane().svg(), to: target, converter: URL(fileURLWithPath: "/nonexistent/rsvg-convert"))
            Issue.record("no error without a converter")
        } catch {
            #expect(error == Rendering.missingConverter)
            #expect(error.kind == .missing)
            #expect(error.message.contains("librsvg2-bin"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("the SVG is written whole or not at all")
    func writeSVG() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = try SmallPlots.plane().svg()
        let target = folder.appendingPathComponent("plot.svg")
        try Rendering.writeSVG(svg, to: target)
        try Rendering.writeSVG(svg, to: target)   // replaces
        #expect(try String(contentsOf: target, encoding: .utf8) == svg)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plot.svg"])
        // A folder that does not exist (here: a file used as a folder) is a problem naming the path.
        do {
            try Rendering.writeSVG(svg, to: target.appendingPathComponent("inside.svg"))
            Issue.record("wrote into a file")
        } catch {
            #expect(error.parameter == .field("output"))
            #expect(error.value?.contains("inside.svg") == true || error.message.contains("does not exist"))
        }
    }

    @Test("PNG and PDF through rsvg-convert when it is installed", .enabled(if: Rendering.converter() != nil))
    func convert() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = try SmallPlots.zoom().svg()
        let png = folder.appendingPathComponent("zoom.png"), pdf = folder.appendingPathComponent("zoom.pdf")
        try Rendering.png(svg: svg, to: png, width: 640)
        try Rendering.pdf(svg: svg, to: pdf)
        let pngBytes = try Data(contentsOf: png), pdfBytes = try Data(contentsOf: pdf)
        #expect(Array(pngBytes.prefix(8)) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        // PNG width: bytes 16...19 of the IHDR chunk, big-endian.
        #expect(pngBytes[16..<20].reduce(0) { $0 << 8 | Int($1) } == 640)
        #expect(String(decoding: pdfBytes.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["zoom.pdf", "zoom.png"])
        // A converter failure (malformed SVG) is a problem and leaves no file.
        #expect(throws: Problem.self) { try Rendering.png(svg: "<svg", to: folder.appendingPathComponent("bad.png")) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.png").path))
        #expect(throws: Problem.self) { try Rendering.png(svg: svg, to: png, width: 0) }
    }
}
