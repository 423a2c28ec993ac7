import Domain
import Vapor

extension ProjectLedger.Filter {
    /// The filter a request asks for: every value checked, a wrong one a 400 naming its parameter.
    init(_ request: Request) throws {
        func raw(_ name: String) -> String { (request.query[String.self, at: name] ?? "").trimmingCharacters(in: .whitespaces) }
        // what was typed, without invisible format characters (a zero-width space matches nothing)
        keyword = String(
            String.UnicodeScalarView(
                raw("q").unicodeScalars.filter { ![.format, .control].contains($0.properties.generalCategory) }
            ).prefix(60))
        hostUnit = try request.queryID("host")
        enterprise = try request.queryID("enterprise")
        stage = try request.queryChoice("stage", ProjectStage.self)
        industry = raw("industry").uppercased()
        if !industry.isEmpty, industry.count > 5 || !industry.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw Request.invalidQuery("industry", industry, expected: "国民经济行业代码（如 C39）", "an industry code (e.g. C39)")
        }
        func amount(_ name: String) throws -> Int64? {
            let text = raw(name)
            guard !text.isEmpty else { return nil }
            // typed in 万元, to the hundredth (100元); at most 1万亿元
            guard let hundredths = FixedPoint.parse(text, places: 2, maxWhole: 100_000_000) else {
                throw Request.invalidQuery(name, text, expected: "以万元计的金额（如 5000 或 1273.75）", "an amount in 万元 (e.g. 5000)")
            }
            return hundredths * 10_000
        }
        (minAmount, maxAmount) = (try amount("min"), try amount("max"))
        func date(_ name: String) throws -> CivilDate? {
            let text = raw(name)
            guard !text.isEmpty else { return nil }
            guard let date = CivilDate(text) else {
                throw Request.invalidQuery(name, text, expected: "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)")
            }
            return date
        }
        (acceptedFrom, acceptedTo) = (try date("from"), try date("to"))
        majorOnly = try request.queryFlag("major")
        // whoever does not read every project of the jurisdiction sees only their own (AccessPolicy)
        let readsAll = request.currentUser.map { AccessPolicy.seesWholeJurisdiction($0.roles) } ?? false
        mine = try !readsAll || request.queryFlag("mine")
        sort = try request.queryChoice("sort", ProjectLedger.Sort.self) ?? .since
        switch raw("dir") {
        case "", "desc": descending = true
        case "asc": descending = false
        default: throw Request.invalidQuery("dir", raw("dir"), expected: " asc 或 desc", "asc or desc")
        }
        let pageText = raw("page")
        guard pageText.isEmpty || (Int(pageText).map { (1...10_000).contains($0) } ?? false) else {
            throw Request.invalidQuery("page", pageText, expected: " 1–10000 的整数", "an integer 1–10000")
        }
        page = Int(pageText) ?? 1
    }
}
