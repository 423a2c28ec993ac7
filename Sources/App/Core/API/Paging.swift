import Vapor

/// `?page=&per=` for every API list; `hasMore` instead of a total, so lists stay fast at scale.
struct Paging: Sendable {
    var page: Int
    var per: Int

    init(page: Int = 1, per: Int = 20) { (self.page, self.per) = (page, per) }

    init(_ request: Request, maxPer: Int = 100) throws {
        let page = try? request.query.get(Int.self, at: "page")
        let per = try? request.query.get(Int.self, at: "per")
        if request.queryValue("page") != nil, page == nil || page! < 1 || page! > 10_000 {
            throw AppError.field("page", zh: "page 应为 1–10000 的整数。", en: "page must be an integer 1–10000.")
        }
        if request.queryValue("per") != nil, per == nil || per! < 1 || per! > maxPer {
            throw AppError.field("per", zh: "per 应为 1–\(maxPer) 的整数。", en: "per must be an integer 1–\(maxPer).")
        }
        self.page = page ?? 1
        self.per = per ?? 20
    }
}

struct PageDTO<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var per: Int
    var hasMore: Bool
    /// How many items the whole filtered list holds, where the list counts them ("共 N 条").
    var count: Int? = nil
}
