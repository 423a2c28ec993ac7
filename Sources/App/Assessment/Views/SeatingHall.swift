import Domain
import Foundation

/// The year-end meeting's hall as the server draws it (SVG, prints on one A4 page): the rostrum
/// (主席台) in front, four blocks of seats behind it — 完成席, 签约席, 意向席, 零效果席 — each seat
/// holding a unit's name, so the picture reads in black and white as well as in colour.
enum SeatingHall {
    static let width = 720
    static let blockWidth = 340
    static let seatWidth = 80
    static let seatHeight = 40
    static let perRow = 4

    /// Fill and stroke of a seat: presentation attributes, which the page's content security
    /// policy (no inline style) lets through, and which the file keeps when printed on its own.
    static func paint(_ seat: YearEndSeat) -> [String: String] {
        switch seat {
        case .completed: ["fill": "#d8f0d8", "stroke": "#1d5c1d"]
        case .signed: ["fill": "#dde8f8", "stroke": "#1f4e8c"]
        case .intent: ["fill": "#fff1c9", "stroke": "#5c4400"]
        case .zeroEffect: ["fill": "#f7d4d4", "stroke": "#a61b1b", "stroke-dasharray": "4 2"]
        }
    }

    static let fonts: [String: [String: String]] = [
        "hall-title": ["font-size": "18", "font-weight": "bold"], "block-title": ["font-size": "14", "font-weight": "bold"],
        "seat-name": ["font-size": "12"], "seat-empty": ["font-size": "12", "fill": "#666666"],
    ]

    static func css(_ seat: YearEndSeat) -> String {
        switch seat {
        case .completed: "seat-completed"
        case .signed: "seat-signed"
        case .intent: "seat-intent"
        case .zeroEffect: "seat-zero"
        }
    }

    /// A name on a seat: two lines of at most six characters; a longer name ends in "…" (the
    /// seat's title holds it whole).
    static func seatLines(_ name: String) -> [String] {
        let characters = Array(name)
        guard characters.count > 6 else { return [name] }
        let rest = characters.dropFirst(6)
        return [String(characters.prefix(6)), rest.count <= 6 ? String(rest) : String(rest.prefix(5)) + "…"]
    }

    static func draw(year: Int, lines: [SeatingService.Line], title: String, note: String? = nil) -> HNode {
        let blocks = YearEndSeat.allCases.map { seat in (seat, lines.filter { $0.seat == seat }) }
        let rowsIn = { (count: Int) in max(1, (count + perRow - 1) / perRow) }
        // two blocks side by side, two rows of blocks; each row as deep as its deeper block
        let depth = { (a: Int, b: Int) in max(rowsIn(blocks[a].1.count), rowsIn(blocks[b].1.count)) * (seatHeight + 8) + 40 }
        let top = 96
        let firstDepth = depth(0, 1)
        let height = top + firstDepth + 16 + depth(2, 3) + (note == nil ? 16 : 40)
        var shapes: [HNode] = [
            shape("text", ["x": "\(width / 2)", "y": "24", "class": "hall-title", "text-anchor": "middle"], title),
            shape(
                "rect",
                [
                    "x": "\(width / 2 - 150)", "y": "40", "width": "300", "height": "32", "rx": "4", "fill": "#f3e3c3", "stroke": "#8a5a00",
                ]),
            shape("text", ["x": "\(width / 2)", "y": "61", "class": "seat-name", "text-anchor": "middle"], "主 席 台"),
        ]
        for (index, (seat, seated)) in blocks.enumerated() {
            let x = index % 2 == 0 ? 10 : width - blockWidth - 10
            let y = index < 2 ? top : top + firstDepth + 16
            shapes.append(
                shape(
                    "text", ["x": "\(x + blockWidth / 2)", "y": "\(y + 16)", "class": "block-title", "text-anchor": "middle"],
                    "\(seat.label)（\(seated.count)）"))
            if seated.isEmpty {
                shapes.append(
                    shape("text", ["x": "\(x + blockWidth / 2)", "y": "\(y + 44)", "class": "seat-empty", "text-anchor": "middle"], "空"))
            }
            for (n, line) in seated.enumerated() {
                let sx = x + (n % perRow) * (seatWidth + 5)
                let sy = y + 26 + (n / perRow) * (seatHeight + 8)
                shapes.append(
                    el(
                        "g", [],
                        children: [
                            el("title", [], text(line.unit.name)),
                            shape(
                                "rect",
                                [
                                    "x": "\(sx)", "y": "\(sy)", "width": "\(seatWidth)", "height": "\(seatHeight)", "rx": "3",
                                    "stroke-width": "1",
                                ].merging(paint(seat)) { a, _ in a }),
                        ]
                            + seatLines(line.unit.name).enumerated().map { row, part in
                                shape(
                                    "text",
                                    [
                                        "x": "\(sx + seatWidth / 2)",
                                        "y": "\(sy + (seatLines(line.unit.name).count == 1 ? 25 : 17 + row * 15))",
                                        "class": "seat-name", "text-anchor": "middle",
                                    ], part)
                            }))
            }
        }
        if let note {
            shapes.append(shape("text", ["x": "10", "y": "\(height - 12)", "class": "seat-empty"], note))
        }
        let summary =
            "\(title)："
            + blocks.map { "\($0.0.label) \($0.1.count) 个单位" + ($0.1.isEmpty ? "" : "（\($0.1.map(\.unit.name).joined(separator: "、"))）") }
            .joined(separator: "；")
        return el(
            "svg",
            [
                Attr(name: "xmlns", value: "http://www.w3.org/2000/svg"), Attr(name: "viewBox", value: "0 0 \(width) \(height)"),
                Attr(name: "role", value: "img"), .cls("hall"), .aria("label", summary),
            ],
            children: [el("title", [], text(summary))] + shapes)
    }

    static func document(_ svg: HNode) -> String {
        var bytes: [UInt8] = Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8) + [10]
        svg.write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func shape(_ tag: String, _ attributes: [String: String], _ content: String? = nil) -> HNode {
        var attributes = attributes
        if let font = attributes["class"].flatMap({ fonts[$0] }) {
            attributes.merge(font) { a, _ in a }
            attributes["font-family"] = "sans-serif"
        }
        let attrs = attributes.sorted { $0.key < $1.key }.map { Attr(name: $0.key, value: $0.value) }
        return el(tag, attrs, children: content.map { [text($0)] } ?? [])
    }
}
