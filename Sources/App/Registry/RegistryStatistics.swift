import Domain
import Fluent
import FluentSQL

/// Figures over the registry that a leader reads out at a meeting (SPEC §3, seed [001]).
enum RegistryStatistics {
    struct Share: Sendable {
        var year: Int
        var shares: [AttractedShare.Measure: Int64?]
    }

    /// The attracted share among above-scale enterprises in `scope`, for the latest year with
    /// reported figures; nil when nothing is reported.
    static func attractedShare(in scope: JurisdictionCode, on db: any Database) async throws -> Share? {
        let sql = db.sql
        let lower = scope.prefix
        let upper = scope.prefix + "~"
        let from = SQLQueryString(
            """
            FROM enterprise_figures f JOIN enterprises e ON e.id = f.enterprise_id
            WHERE e.region_code >= \(bind: lower) AND e.region_code < \(bind: upper) AND e.tags LIKE '%aboveScale%'
            """)
        guard let yearRow = try await sql.raw("SELECT MAX(f.year) AS year \(from)").first(),
            let year = try yearRow.decodeNil(column: "year") ? nil : yearRow.decode(column: "year", as: Int.self)
        else { return nil }
        let rows = try await sql.raw(
            """
            SELECT e.attracted AS attracted, COUNT(*) AS n,
              CAST(SUM(f.output_minor) AS BIGINT) AS output, CAST(SUM(f.revenue_minor) AS BIGINT) AS revenue,
              CAST(SUM(f.profit_minor) AS BIGINT) AS profit, CAST(SUM(f.tax_minor) AS BIGINT) AS tax
            \(from) AND f.year = \(bind: year) GROUP BY e.attracted
            """
        ).all()
        var attracted = AttractedShare.Totals()
        var others = AttractedShare.Totals()
        for row in rows {
            let totals = AttractedShare.Totals(
                count: try row.decode(column: "n", as: Int64.self), output: try row.decode(column: "output", as: Int64.self),
                revenue: try row.decode(column: "revenue", as: Int64.self), profit: try row.decode(column: "profit", as: Int64.self),
                tax: try row.decode(column: "tax", as: Int64.self))
            if try row.decode(column: "attracted", as: Bool.self) { attracted = totals } else { others = totals }
        }
        return Share(year: year, shares: AttractedShare.shares(attracted: attracted, others: others))
    }
}

enum AttractedShareView {
    /// A row of cards: 招商企业占规上企业比重（2025年）.
    static func panel(_ share: RegistryStatistics.Share, _ lang: Lang) -> HNode {
        let cards = AttractedShare.Measure.allCases.map { measure -> HNode in
            el(
                "div", [.cls("card")],
                el("div", [.cls("num")], text(AttractedShare.percentText(share.shares[measure] ?? nil))),
                el("div", [.cls("label")], text(measure.label(lang))))
        }
        return el(
            "section", [.cls("share")],
            el("h2", [], text(lang("招商企业占规上企业比重（\(share.year)年）", "Attracted enterprises' share of above-scale firms (\(share.year))"))),
            el("div", [.cls("cards")], children: cards))
    }
}
