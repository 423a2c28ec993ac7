import Foundation

/// Charts drawn by the server as SVG (no CDN on an intranet; prints well): horizontal bars with
/// the value written beside each bar, so the chart reads without colour or hover.
enum Charts {
    static let width = 560
    static let rowHeight = 26
    static let labelWidth = 120

    /// One bar per (label, value); bars scale to the largest value.
    static func bars(_ rows: [(label: String, value: Int)], unit: String, caption: String? = nil) -> HNode {
        let largest = max(1, rows.map(\.value).max() ?? 1)
        let span = width - labelWidth - 90
        let height = rows.count * rowHeight + 8
        var shapes: [HNode] = []
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            let length = row.value <= 0 ? 0 : max(2, row.value * span / largest)
            shapes.append(svg("text", ["x": "0", "y": "\(y + 17)", "class": "label"], row.label))
            shapes.append(
                svg("rect", ["x": "\(labelWidth)", "y": "\(y + 4)", "width": "\(length)", "height": "\(rowHeight - 8)", "class": "bar"]))
            shapes.append(svg("text", ["x": "\(labelWidth + length + 6)", "y": "\(y + 17)", "class": "value"], "\(row.value)\(unit)"))
        }
        var attrs: [Attr] = [
            Attr(name: "viewBox", value: "0 0 \(width) \(height)"), Attr(name: "role", value: "img"), .cls("chart"),
            Attr(name: "xmlns", value: "http://www.w3.org/2000/svg"),
        ]
        let summary = caption ?? rows.map { "\($0.label) \($0.value)\(unit)" }.joined(separator: "，")
        attrs.append(.aria("label", summary))
        return el("svg", attrs, children: [el("title", [], text(summary))] + shapes)
    }

    /// A small line of values in 0…1000 (tenths of a percent) side by side — a year's months — with a
    /// gap where a value is missing; decoration beside the figures written out, so hidden from
    /// screen readers.
    static func sparkline(_ values: [Int64?], width: Int = 96, height: Int = 24) -> HNode {
        var runs: [[(x: Int, y: Int)]] = [[]]
        for (i, value) in values.enumerated() {
            guard let value else {
                if !(runs.last?.isEmpty ?? true) { runs.append([]) }
                continue
            }
            let x = i * (width - 4) / max(values.count - 1, 1) + 2
            runs[runs.count - 1].append((x, height - 2 - Int(min(max(value, 0), 1000)) * (height - 4) / 1000))
        }
        let shapes = runs.filter { !$0.isEmpty }.map { run -> HNode in
            run.count == 1
                ? svg("circle", ["cx": "\(run[0].x)", "cy": "\(run[0].y)", "r": "1.5"])
                : svg("polyline", ["points": run.map { "\($0.x),\($0.y)" }.joined(separator: " "), "fill": "none"])
        }
        return el(
            "svg",
            [
                Attr(name: "viewBox", value: "0 0 \(width) \(height)"), Attr(name: "width", value: "\(width)"),
                Attr(name: "height", value: "\(height)"), .cls("spark"), .aria("hidden", "true"),
            ], children: shapes)
    }

    private static func svg(_ tag: String, _ attributes: [String: String], _ content: String? = nil) -> HNode {
        let attrs = attributes.sorted { $0.key < $1.key }.map { Attr(name: $0.key, value: $0.value) }
        return el(tag, attrs, children: content.map { [text($0)] } ?? [])
    }
}
