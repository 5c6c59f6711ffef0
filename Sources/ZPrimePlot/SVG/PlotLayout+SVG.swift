extension PlotLayout {
    /// The figure as one SVG document.
    ///
    /// The elements, in painting order, each a group with an id (prefix from ``PlotStyle/idPrefix``):
    /// `-background`, `-regions` (one `path` per filled layer, class `region` and the kind, clipped
    /// to the frame), `-bands` (translucent), `-projections` (dashed), `-frame`, `-x-axis` and `-y-axis`
    /// (ticks pointing out, tick labels, the title), `-labels`, `-legend`, `-branching-ratios`,
    /// `-title`, `-caption`. Paths drop vertices within 0.05 px of the line through their neighbours
    /// (invisible at any zoom up to 20x) and coordinates are written to 0.01 px.
    public func svg() -> String {
        let style = plot.style
        let p = style.idPrefix
        var svg = SVGWriter()
        svg.raw(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"), ("width", n(width)), ("height", n(height)),
                         ("viewBox", "0 0 \(n(width)) \(n(height))")])
        svg.element("title", [], content: SVGWriter.escape(plot.title.plainText))
        svg.element("desc", [], content: SVGWriter.escape("Exclusion plot written by ZPrime (ZPrimePlot)"))
        svg.open("defs")
        svg.open("clipPath", [("id", "\(p)-clip-frame")])
        svg.element("rect", rect(frame))
        svg.close()
        if let panel {
            // Half a curve's width above and below the frame: a branching ratio of exactly 1 (or the
            // lower bound) runs along the frame and stays visible, drawn over it.
            let f = panel.frame
            svg.open("clipPath", [("id", "\(p)-clip-panel")])
            svg.element("rect", rect(PlotRect(minX: f.minX, minY: f.minY - 0.75, maxX: f.maxX, maxY: f.maxY + 0.75)))
            svg.close()
        }
        svg.close()
        svg.element("rect", [("id", "\(p)-background"), ("x", "0"), ("y", "0"), ("width", n(width)), ("height", n(height)), ("fill", "#ffffff")])

        svg.open("g", [("id", "\(p)-regions"), ("clip-path", "url(#\(p)-clip-frame)")])
        for region in regions {
            let polygons = region.polygons.map { $0.simplified(tolerance: 0.05) }
            let d = SVGWriter.pathData(polygons: polygons)
            guard !d.isEmpty else { continue }
            let jagged = PlotLayout.Region(layerIndex: region.layerIndex, layer: region.layer, polygons: polygons, elementID: region.elementID).hasJaggedBoundary
            svg.element("path", [("id", region.elementID), ("class", "region \(region.layer.kind.name)"), ("data-layer", region.layer.name),
                                 ("data-experiment", region.layer.experiment), ("fill", region.layer.fillColor.hex), ("fill-rule", "evenodd"),
                                 ("stroke", region.layer.boundaryColor.hex), ("stroke-width", n(jagged ? style.jaggedBoundaryWidth : style.boundaryWidth)),
                                 ("stroke-linejoin", "round"), ("d", d)])
        }
        svg.close()
        svg.open("g", [("id", "\(p)-bands"), ("clip-path", "url(#\(p)-clip-frame)")])
        for band in bands {
            let d = SVGWriter.pathData(polygons: band.polygons.map { $0.simplified(tolerance: 0.05) })
            guard !d.isEmpty else { continue }
            svg.element("path", [("id", band.elementID), ("class", "band"), ("data-layer", band.layer.name),
                                 ("data-experiment", band.layer.experiment), ("fill", band.layer.fillColor.hex),
                                 ("fill-opacity", n(band.layer.bandOpacity)), ("fill-rule", "evenodd"),
                                 ("stroke", band.layer.fillColor.darkened(0.25).hex), ("stroke-width", "0.9"), ("stroke-opacity", "0.9"),
                                 ("stroke-linejoin", "round"), ("d", d)])
        }
        svg.close()
        svg.open("g", [("id", "\(p)-projections"), ("clip-path", "url(#\(p)-clip-frame)")])
        for curve in projections {
            let d = SVGWriter.pathData(polylines: curve.polylines)
            guard !d.isEmpty else { continue }
            svg.element("path", [("id", curve.elementID), ("class", "projection"), ("data-layer", curve.layer.name),
                                 ("data-experiment", curve.layer.experiment), ("fill", "none"), ("stroke", curve.layer.fillColor.hex),
                                 ("stroke-width", "1.6"), ("stroke-dasharray", "7 4"), ("stroke-linejoin", "round"), ("d", d)])
        }
        svg.close()

        svg.open("g", [("id", "\(p)-frame")])
        svg.element("rect", rect(frame) + [("fill", "none"), ("stroke", PlotColor.text.hex), ("stroke-width", "1.1")])
        svg.close()
        writeAxes(&svg)
        writeLabels(&svg)
        if let legend { writeLegend(legend, &svg) }
        if let panel { writePanel(panel, &svg) }
        svg.open("g", [("id", "\(p)-title")])
        for line in titleLines { svg.element("text", textAttributes(line), content: Self.markup(line.text, size: line.size)) }
        svg.close()
        svg.open("g", [("id", "\(p)-caption")])
        for line in captionLines { svg.element("text", textAttributes(line), content: Self.markup(line.text, size: line.size)) }
        svg.close()
        svg.close()
        return svg.text
    }

    private func n(_ value: Double) -> String { SVGWriter.number(value) }

    private func rect(_ r: PlotRect) -> [(String, String)] {
        [("x", n(r.minX)), ("y", n(r.minY)), ("width", n(r.width)), ("height", n(r.height))]
    }

    /// The SVG content of rich text: escaped text, scripts as `tspan`s with `baseline-shift` at 70 %
    /// of `size`.
    static func markup(_ text: RichText, size: Double) -> String {
        text.runs.map { run in
            switch run.position {
            case .normal: return SVGWriter.escape(run.text)
            case .subscript:
                return #"<tspan baseline-shift="sub" font-size=""# + SVGWriter.number(size * RichText.scriptScale) + #"">"#
                    + SVGWriter.escape(run.text) + "</tspan>"
            case .superscript:
                return #"<tspan baseline-shift="super" font-size=""# + SVGWriter.number(size * RichText.scriptScale) + #"">"#
                    + SVGWriter.escape(run.text) + "</tspan>"
            }
        }.joined()
    }

    private func textAttributes(_ line: TextLine) -> [(String, String)] {
        var attributes: [(String, String)] = [("x", n(line.position.x)), ("y", n(line.position.y)), ("font-family", line.face.fontFamily),
                                              ("font-size", n(line.size))]
        if line.face.isBold { attributes.append(("font-weight", "bold")) }
        attributes.append(("text-anchor", line.anchor))
        attributes.append(("fill", line.color.hex))
        if line.rotation != 0 {
            attributes.append(("transform", "rotate(\(n(line.rotation)) \(n(line.position.x)) \(n(line.position.y)))"))
        }
        return attributes
    }

    private func writeAxes(_ svg: inout SVGWriter) {
        let style = plot.style
        let p = style.idPrefix
        let length = 6.0, minorLength = 3.5
        // x axis: ticks under the main frame (and the panel), labels under the lowest frame.
        svg.open("g", [("id", "\(p)-x-axis")])
        var major = "", minor = ""
        let frames = [frame] + (panel.map { [$0.frame] } ?? [])
        for tick in xTicks {
            let px = x.pixel(for: tick.value)
            guard px >= frame.minX - 0.01, px <= frame.maxX + 0.01 else { continue }
            for f in frames {
                let l = tick.isMajor ? length : minorLength
                let segment = "M\(n(px)),\(n(f.maxY))L\(n(px)),\(n(f.maxY + l))"
                if tick.isMajor { major += segment } else { minor += segment }
            }
        }
        svg.element("path", [("class", "ticks major"), ("stroke", PlotColor.text.hex), ("stroke-width", "1"), ("d", major)])
        if !minor.isEmpty { svg.element("path", [("class", "ticks minor"), ("stroke", PlotColor.text.hex), ("stroke-width", "0.8"), ("d", minor)]) }
        let labelFrame = xLabelFrame
        for tick in xTicks {
            guard let label = tick.label else { continue }
            let px = x.pixel(for: tick.value)
            guard px >= frame.minX - 0.01, px <= frame.maxX + 0.01 else { continue }
            let line = TextLine(text: label, position: PlotPoint(x: px, y: labelFrame.maxY + length + 4 + style.tickLabelSize * 0.95),
                                size: style.tickLabelSize, face: style.face, anchor: "middle", rotation: 0, color: .text)
            svg.element("text", [("class", "tick-label")] + textAttributes(line), content: Self.markup(label, size: style.tickLabelSize))
        }
        svg.element("text", [("class", "axis-title")] + textAttributes(xTitle), content: Self.markup(xTitle.text, size: xTitle.size))
        svg.close()

        svg.open("g", [("id", "\(p)-y-axis")])
        writeVerticalAxis(&svg, ticks: yTicks, mapping: y, frame: frame, title: yTitle)
        svg.close()
    }

    private func writeVerticalAxis(_ svg: inout SVGWriter, ticks: [Tick], mapping: AxisMapping, frame: PlotRect, title: TextLine) {
        let style = plot.style
        var major = "", minor = ""
        for tick in ticks {
            let py = mapping.pixel(for: tick.value)
            guard py >= frame.minY - 0.01, py <= frame.maxY + 0.01 else { continue }
            let segment = "M\(n(frame.minX)),\(n(py))L\(n(frame.minX - (tick.isMajor ? 6 : 3.5))),\(n(py))"
            if tick.isMajor { major += segment } else { minor += segment }
        }
        svg.element("path", [("class", "ticks major"), ("stroke", PlotColor.text.hex), ("stroke-width", "1"), ("d", major)])
        if !minor.isEmpty { svg.element("path", [("class", "ticks minor"), ("stroke", PlotColor.text.hex), ("stroke-width", "0.8"), ("d", minor)]) }
        for tick in ticks {
            guard let label = tick.label else { continue }
            let py = mapping.pixel(for: tick.value)
            guard py >= frame.minY - 0.01, py <= frame.maxY + 0.01 else { continue }
            let line = TextLine(text: label, position: PlotPoint(x: frame.minX - 6 - 4, y: py + style.tickLabelSize * 0.36),
                                size: style.tickLabelSize, face: style.face, anchor: "end", rotation: 0, color: .text)
            svg.element("text", [("class", "tick-label")] + textAttributes(line), content: Self.markup(label, size: style.tickLabelSize))
        }
        svg.element("text", [("class", "axis-title")] + textAttributes(title), content: Self.markup(title.text, size: title.size))
    }

    private func writeLabels(_ svg: inout SVGWriter) {
        let style = plot.style
        svg.open("g", [("id", "\(style.idPrefix)-labels")])
        for label in labels {
            let layer = plot.layers[label.layerIndex]
            let box = label.placement.box
            if !label.placement.isInside, let end = label.placement.leaderEnd {
                let color = layer.fillColor.darkened(0.3).hex
                svg.element("path", [("class", "leader"), ("data-layer", layer.name), ("fill", "none"), ("stroke", color), ("stroke-width", "1"),
                                     ("d", "M\(n(label.placement.anchor.x)),\(n(label.placement.anchor.y))L\(n(end.x)),\(n(end.y))")])
                svg.element("circle", [("class", "leader-anchor"), ("cx", n(label.placement.anchor.x)), ("cy", n(label.placement.anchor.y)),
                                       ("r", "1.6"), ("fill", color)])
            }
            let degrees = box.angle * 180 / Double.pi
            let baseline = PlotPoint(x: box.center.x, y: box.center.y + label.size * 0.36)
            var attributes: [(String, String)] = [("class", label.placement.isInside ? "label" : "label outside"), ("data-layer", layer.name),
                                                  ("x", n(baseline.x)), ("y", n(baseline.y)), ("font-family", style.boldFace.fontFamily),
                                                  ("font-size", n(label.size)), ("font-weight", "bold"), ("text-anchor", "middle"),
                                                  ("fill", label.fill.hex), ("stroke", label.outline.color.hex), ("stroke-width", n(label.outline.width))]
            if label.outline.opacity < 1 { attributes.append(("stroke-opacity", n(label.outline.opacity))) }
            attributes += [("stroke-linejoin", "round"), ("paint-order", "stroke")]
            if abs(degrees) >= 0.005 {
                attributes.append(("transform", "rotate(\(n(degrees)) \(n(box.center.x)) \(n(box.center.y)))"))
            }
            svg.element("text", attributes, content: Self.markup(label.text, size: label.size))
        }
        svg.close()
    }

    private func writeLegend(_ legend: Legend, _ svg: inout SVGWriter) {
        let style = plot.style
        svg.open("g", [("id", "\(style.idPrefix)-legend")])
        svg.element("rect", rect(legend.box) + [("fill", "#ffffff"), ("fill-opacity", "0.9"), ("stroke", "#999999"), ("stroke-width", "0.6")])
        for entry in legend.entries {
            let y = entry.baseline - style.legendSize * 0.35
            svg.element("path", [("fill", "none"), ("stroke", entry.color.hex), ("stroke-width", "1.6"), ("stroke-dasharray", "7 4"),
                                 ("d", "M\(n(legend.box.minX + 10)),\(n(y))L\(n(legend.box.minX + 40)),\(n(y))")])
            let line = TextLine(text: entry.text, position: PlotPoint(x: legend.box.minX + 46, y: entry.baseline), size: style.legendSize,
                                face: style.face, anchor: "start", rotation: 0, color: .text)
            svg.element("text", [("class", "legend-entry")] + textAttributes(line), content: Self.markup(entry.text, size: style.legendSize))
        }
        svg.close()
    }

    private func writePanel(_ panel: Panel, _ svg: inout SVGWriter) {
        let style = plot.style
        let p = style.idPrefix
        svg.open("g", [("id", "\(p)-branching-ratios")])
        svg.element("rect", rect(panel.frame) + [("fill", "none"), ("stroke", PlotColor.text.hex), ("stroke-width", "1.1")])
        svg.open("g", [("class", "curves"), ("clip-path", "url(#\(p)-clip-panel)")])
        for curve in panel.curves {
            let d = SVGWriter.pathData(polylines: curve.polylines)
            guard !d.isEmpty else { continue }
            svg.element("path", [("class", "branching-ratio"), ("data-channel", curve.key), ("fill", "none"), ("stroke", curve.color.hex),
                                 ("stroke-width", "1.5"), ("stroke-linejoin", "round"), ("d", d)])
        }
        svg.close()
        writeVerticalAxis(&svg, ticks: panel.yTicks, mapping: panel.y, frame: panel.frame, title: panel.title)
        for label in panel.labels {
            let line = TextLine(text: label.text, position: PlotPoint(x: label.box.center.x, y: label.box.center.y + style.legendSize * 0.36),
                                size: style.legendSize, face: style.boldFace, anchor: "middle", rotation: 0, color: label.color.darkened(0.15))
            svg.element("text", [("class", "channel-label")] + textAttributes(line) + [("stroke", "#ffffff"), ("stroke-width", "2.2"),
                                                                                       ("stroke-linejoin", "round"), ("paint-order", "stroke")],
                        content: Self.markup(label.text, size: style.legendSize))
        }
        svg.close()
    }
}
