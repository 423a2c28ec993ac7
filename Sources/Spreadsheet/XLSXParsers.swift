import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A SAX pass over one part. Element names are compared without their prefix (`x:row` is `row`).
class PartParser: NSObject, XMLParserDelegate {
    var failure: Error?

    func run(_ data: Data, part: String) throws {
        // read through a stream, so libxml2 is fed in small chunks: a part handed over whole leaves
        // more than its 10 MB look-ahead limit unparsed and stops with "huge input lookup"
        // (a sheet of 100,000 rows is 40 MB)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok {
            let detail = (parser.parserError as NSError?).map { " 第 \(parser.lineNumber) 行：\($0.code)" } ?? ""
            throw SpreadsheetError.corrupt(part + detail)
        }
    }

    static func local(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
    }

    func abort(_ parser: XMLParser, _ error: Error) {
        failure = error
        parser.abortParsing()
    }

    // The delegate's methods are witnessed here, once: on Linux `XMLParserDelegate` is a Swift
    // protocol with default implementations, so a subclass's own `parser(_:didStartElement:…)`
    // would never be called. Subclasses override these three instead.
    func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {}
    func end(_ parser: XMLParser, _ name: Substring) {}
    func text(_ string: String) {}

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        start(parser, Self.local(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        end(parser, Self.local(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }
}

/// xl/workbook.xml with its relationships: the sheets in order, hidden or not, and the date system.
final class WorkbookParser: PartParser {
    var sheets: [(name: String, id: String, hidden: Bool)] = []
    var date1904 = false
    var targets: [String: String] = [:]

    static func parse(workbook: Data, relationships: Data) throws -> (sheets: [XLSXReader.SheetInfo], date1904: Bool) {
        let parser = WorkbookParser()
        try parser.run(workbook, part: "xl/workbook.xml")
        try parser.run(relationships, part: "xl/_rels/workbook.xml.rels")
        let sheets = parser.sheets.compactMap { sheet -> XLSXReader.SheetInfo? in
            guard let target = parser.targets[sheet.id] else { return nil }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return XLSXReader.SheetInfo(name: sheet.name, hidden: sheet.hidden, path: path)
        }
        return (sheets, parser.date1904)
    }

    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        case "sheet":
            let id = attributes.first { Self.local($0.key) == "id" }?.value ?? ""
            sheets.append((attributes["name"] ?? "", id, (attributes["state"] ?? "visible") != "visible"))
        case "Relationship":
            if let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        default: break
        }
    }
}

/// xl/sharedStrings.xml: each `si`'s text, its runs joined, phonetic runs (rPh) left out.
final class SharedStringsParser: PartParser {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0

    static func parse(_ data: Data) throws -> [String] {
        let parser = SharedStringsParser()
        try parser.run(data, part: "xl/sharedStrings.xml")
        return parser.strings
    }

    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    override func end(_ parser: XMLParser, _ name: Substring) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { current += string }
    }
}

/// xl/styles.xml: which `cellXfs` entries show a number as a date.
final class StylesParser: PartParser {
    private var formats: [Int: String] = [:]
    private var xfs: [Int] = []
    private var inCellXfs = false

    static func dateStyles(_ data: Data) throws -> Set<Int> {
        let parser = StylesParser()
        try parser.run(data, part: "xl/styles.xml")
        var dates = Set<Int>()
        for (index, id) in parser.xfs.enumerated() where NumberFormat.isDate(id: id, code: parser.formats[id]) {
            dates.insert(index)
        }
        return dates
    }

    override func start(_ parser: XMLParser, _ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { formats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: xfs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    override func end(_ parser: XMLParser, _ name: Substring) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

/// Whether a number format shows a date: the built-in date ids (14–22, 27–36 and 50–58 of the
/// East Asian locales, 45–47 times) or a format code with y, m, d, h or s outside quotes, escapes
/// and brackets — yyyy"年"m"月"d"日" and [$-804]yyyy/m/d are dates, #,##0.00 and 0.0% are not.
public enum NumberFormat {
    public static func isDate(id: Int, code: String?) -> Bool {
        if let code { return isDate(code: code) }
        return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    public static func isDate(code: String) -> Bool {
        var plain = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for char in code {
            if escaped {
                escaped = false
                continue
            }
            switch char {
            case "\\" where !quoted: escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(char) }
            }
        }
        // the first section decides (positive numbers)
        let first = plain.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? plain
        if first.lowercased() == "general" { return false }
        return first.lowercased().contains { "ymdhs".contains($0) }
    }
}
