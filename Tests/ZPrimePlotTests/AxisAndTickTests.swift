import Foundation
import Testing
import ZPrimeCore
@testable import ZPrimePlot

/// Axis mappings (data <-> pixels) and tick generation. References are worked out by hand in the
/// comments; tolerances are rounding of log10/pow, stated per test.
@Suite("Axes and ticks")
struct AxisAndTickTests {
    @Test("a log axis maps decades linearly onto pixels and back")
    func logMapping() throws {
        // 1e-3 ... 1e2 is five decades on 500 px: 100 px per decade, so 1 (three decades up) is at 400.
        let x = try AxisMapping(axis: .bosonMass(from: 1e-3, to: 1e2), start: 100, end: 600)
        #expect(abs(x.pixel(for: 1) - 400) < 1e-12)
        #expect(abs(x.pixel(for: 1e-3) - 100) < 1e-12)
        #expect(abs(x.pixel(for: 1e2) - 600) < 1e-12)
        #expect(abs(x.pixel(for: sqrt(10) * 1e-3) - 150) < 1e-12)
        #expect(abs(x.pixelsPerUnit - 100) < 1e-12)
        // Round trip over eight decades: relative 1e-13 covers log10 and pow rounding (|u| <= 5).
        for k in 0...400 {
            let value = 1e-3 * pow(1e5, Double(k) / 400)
            #expect(abs(x.value(atPixel: x.pixel(for: value)) / value - 1) < 1e-13)
        }
        // A y axis runs the other way in SVG: the lower end at the bottom pixel.
        let y = try AxisMapping(axis: .coupling("ε", from: 1e-8, to: 1e-2), start: 500, end: 200)
        #expect(abs(y.pixel(for: 1e-8) - 500) < 1e-12)
        #expect(abs(y.pixel(for: 1e-5) - 350) < 1e-12)
        #expect(y.pixelsPerUnit < 0)
    }

    @Test("a linear axis is affine")
    func linearMapping() throws {
        let axis = PlotAxis(title: "x", lower: -2, upper: 6, scale: .linear)
        let map = try AxisMapping(axis: axis, start: 0, end: 800)
        #expect(map.pixel(for: -2) == 0)
        #expect(map.pixel(for: 2) == 400)
        #expect(map.value(atPixel: 700) == 5)
    }

    @Test("invalid axes are problems naming the axis")
    func invalidAxes() {
        #expect(throws: Problem.self) { try PlotAxis.bosonMass(from: 0, to: 1).validate("x axis") }
        do {
            try PlotAxis.bosonMass(from: 10, to: 1).validate("x axis")
            Issue.record("inverted range accepted")
        } catch {
            #expect(error.parameter == .field("x axis range"))
            #expect(error.message.contains("below"))
        }
        do {
            try PlotAxis.coupling("ε", from: -1, to: 1).validate("y axis")
            Issue.record("negative end of a log axis accepted")
        } catch {
            #expect(error.parameter == .field("y axis lower end"))
            #expect(error.value == "-1.0")
        }
        #expect(throws: Problem.self) { try PlotAxis.coupling("ε", from: 1e-8, to: .infinity).validate("y axis") }
        #expect(throws: Problem.self) { try PlotAxis(title: "x", lower: 1, upper: 1, scale: .linear).validate("x axis") }
        #expect(throws: Problem.self) { try AxisMapping(axis: .bosonMass(from: 1, to: 10), start: 5, end: 5) }
    }

    @Test("decade ticks: labelled majors on every decade, unlabelled minors 2 ... 9")
    func decades() {
        let ticks = Ticks.ticks(for: .coupling("ε", from: 1e-8, to: 1e-2))
        let majors = ticks.filter(\.isMajor), minors = ticks.filter { !$0.isMajor }
        #expect(majors.map(\.value) == (-8 ... -2).map { Double("1e\($0)")! })
        #expect(majors.map { $0.label?.markup } == (-8 ... -2).map { "10^{\u{2212}\(-$0)}" })
        #expect(minors.count == 6 * 8)
        #expect(minors.allSatisfy { $0.label == nil })
        #expect(minors.first?.value == 2e-8 && minors.last?.value == 9e-3)
    }

    @Test("ranges that do not start or end on a decade keep only the ticks inside")
    func partialDecades() {
        let ticks = Ticks.ticks(for: .bosonMass(from: 2e-3, to: 50))
        #expect(ticks.filter(\.isMajor).map(\.value) == [1e-2, 1e-1, 1, 10])
        // Minors: 2..9 x 1e-3 (8), three full decades (24), 20..50 (4).
        #expect(ticks.filter { !$0.isMajor }.count == 36)
        #expect(ticks.first?.value == 2e-3 && ticks.last?.value == 50)
        // 1, 10, 100 ... stay powers of ten when the axis also has 10^-2.
        #expect(ticks.first { $0.value == 1 }?.label?.markup == "10^{0}")
    }

    @Test("an MeV axis is labelled 1, 10, 100, 1000 while the data stay in GeV")
    func megaElectronVolts() {
        let axis = PlotAxis.bosonMass(from: 1e-3, to: 1, unit: .MeV)
        let labelled = Ticks.ticks(for: axis).filter { $0.label != nil }
        #expect(labelled.map { $0.label!.plainText } == ["1", "10", "100", "1000"])
        #expect(labelled.map(\.value) == [1e-3, 1e-2, 0.1, 1])
        #expect(axis.title.plainText == "mZ′ [MeV]")
    }

    @Test("a zoom inside one decade falls back to nice linear steps (16 ... 18 MeV)")
    func insideOneDecade() {
        // Span 2 MeV: step 0.5 gives 4 intervals and 0.2 gives 10; 4 is closer to 5, so 0.5 with minors at 0.1.
        let ticks = Ticks.ticks(for: .bosonMass(from: 0.016, to: 0.018, unit: .MeV))
        #expect(ticks.filter { $0.label != nil }.map { $0.label!.plainText } == ["16", "16.5", "17", "17.5", "18"])
        #expect(ticks.count == 21)
        #expect(abs(ticks[5].value - 0.0165) < 1e-15)
        // One decade with the 2 and 5 labelled: 0.3 ... 3 labels 0.5, 1, 2.
        let wide = Ticks.ticks(for: .coupling("g", from: 0.3, to: 3))
        #expect(wide.filter { $0.label != nil }.map { $0.label!.plainText } == ["0.5", "1", "2"])
        // No decade inside: 0.02 ... 0.09 labels 0.02 and 0.05.
        let narrow = Ticks.ticks(for: .coupling("g", from: 0.02, to: 0.09))
        #expect(narrow.filter { $0.label != nil }.map { $0.label!.plainText } == ["0.02", "0.05"])
    }

    @Test("linear ticks and number formatting")
    func linearTicks() {
        let ticks = Ticks.ticks(for: PlotAxis(title: "x", lower: 0, upper: 10, scale: .linear))
        #expect(ticks.filter(\.isMajor).map(\.value) == [0, 2, 4, 6, 8, 10])
        #expect(ticks.count == 21)   // minors every 0.5
        #expect(Ticks.format(16.5) == "16.5")
        #expect(Ticks.format(-3) == "\u{2212}3")
        #expect(Ticks.format(1e-5) == "0.00001")
        #expect(Ticks.format(1000) == "1000")
        #expect(Ticks.power(-3).markup == "10^{\u{2212}3}")
        // An invalid axis has no ticks rather than a crash.
        #expect(Ticks.ticks(for: .bosonMass(from: 1, to: 0.1)).isEmpty)
    }
}
