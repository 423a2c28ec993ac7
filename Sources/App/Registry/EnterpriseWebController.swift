import Domain
import Fluent
import Vapor

/// The registry's pages: list and search, page, create, edit, annual figures.
struct EnterpriseWebController {
    struct FormBody: Content {
        var uscc: String?
        var name: String?
        var formerNames: String?
        var legalRepresentative: String?
        var industryCode: String?
        var regionCode: String?
        var registeredCapital: String?
        var currency: String?
        var tags: [String]?
        var attracted: String?
        var version: Int?
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .enterprise)
        let q = String((request.queryValue("q") ?? "").prefix(60))
        let page = max(1, min(request.query[Int.self, at: "page"] ?? 1, 500))
        var search = EnterpriseSearch(query: q, scope: user.scope, page: page, per: 20)
        search.filter = try EnterpriseSearch.Filter(request)
        let result = try await search.run(on: request.db)
        let regions = try await JurisdictionNames.load(request)
        let model = EnterpriseListView.Model(
            query: q, page: page, rows: result.items, hasMore: result.hasMore, regions: regions, filter: search.filter,
            totals: try await search.cachedTotals(request), scope: user.scope.value)
        return .html(EnterpriseListView.render(model, context: PageContext(request: request)))
    }

    /// What the lead form's enterprise field suggests as one types (`Script`): up to eight registry
    /// entries of the user's jurisdiction matching the words, by the registry's own search. Fewer
    /// than two characters ask nothing.
    func suggest(_ request: Request) async throws -> [Suggestion] {
        let user = try request.authorize(.read, .enterprise)
        let q = request.queryKeyword("q")
        guard q.count >= 2 else { return [] }
        let page = try await EnterpriseSearch(query: q, scope: user.scope, page: 1, per: 8).run(on: request.db)
        return page.items.map { entry in
            let industry = IndustryCodes.label(entry.industryCode)
            return Suggestion(
                name: entry.name, uscc: entry.uscc ?? "", industryCode: entry.industryCode,
                label: [entry.uscc ?? "", industry].filter { !$0.isEmpty }.joined(separator: " · "))
        }
    }

    struct Suggestion: Content {
        var name: String
        var uscc: String
        var industryCode: String
        var label: String
    }

    func newForm(_ request: Request) async throws -> Response {
        let user = try request.authorize(.write, .enterprise)
        return try await renderForm(request, id: nil, form: FormState(values: ["regionCode": user.scope.value, "currency": "CNY"]))
    }

    func editForm(_ request: Request) async throws -> Response {
        let enterprise = try await EnterpriseService(request: request).find(try request.idParameter(), for: .write)
        return try await renderForm(request, id: enterprise.id, form: FormState(values: Self.values(of: enterprise)))
    }

    func create(_ request: Request) async throws -> Response {
        try request.authorize(.write, .enterprise)
        let body = try request.decodeForm(FormBody.self)
        do {
            let enterprise = try await EnterpriseService(request: request).create(try Self.input(body))
            return request.redirect(to: SiteURL.enterprise(enterprise.id!).with(query: ["saved": "1"]))
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await renderForm(
                request, id: nil, form: FormState(values: Self.values(of: body), error: error), status: error.status)
        }
    }

    func update(_ request: Request) async throws -> Response {
        try request.authorize(.write, .enterprise)
        let id = try request.idParameter()
        let body = try request.decodeForm(FormBody.self)
        do {
            guard let version = body.version else { throw AppError.badBody }
            _ = try await EnterpriseService(request: request).update(id, try Self.input(body), basedOn: version)
            return request.redirect(to: SiteURL.enterprise(id).with(query: ["saved": "1"]))
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await renderForm(request, id: id, form: FormState(values: Self.values(of: body), error: error), status: error.status)
        } catch let conflict as VersionConflict {
            let error = AppError.conflict(conflict)
            return try await renderForm(request, id: id, form: FormState(values: Self.values(of: body), error: error), status: error.status)
        }
    }

    struct FiguresBody: Content {
        var year: Int?
        var output: String?
        var revenue: String?
        var profit: String?
        var tax: String?
        var employees: Int?
    }

    func saveFigures(_ request: Request) async throws -> Response {
        try request.authorize(.write, .enterprise)
        let id = try request.idParameter()
        let body = try request.decodeForm(FiguresBody.self)
        var errors: [String: AppError.Message] = [:]
        func amount(_ key: String, _ raw: String?) -> Money {
            guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return Money(minorUnits: 0) }
            do { return try ChineseAmount.parse(raw) } catch {
                errors[key] = MoneyInput.amountError(error)
                return Money(minorUnits: 0)
            }
        }
        let input = EnterpriseService.FigureInput(
            year: body.year ?? 0, output: amount("output", body.output), revenue: amount("revenue", body.revenue),
            profit: amount("profit", body.profit), tax: amount("tax", body.tax), employees: body.employees ?? 0)
        errors.merge(EnterpriseService.problems(input)) { first, _ in first }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await EnterpriseService(request: request).saveFigures(id, input)
        return request.redirect(to: SiteURL.enterprise(id).with(query: ["saved": "1"]))
    }

    private func renderForm(_ request: Request, id: UUID?, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let regions = try await Jurisdiction.all(within: user.scope, on: request.db).map {
            (value: $0.id ?? "", label: "\($0.name)（\($0.id ?? "")）")
        }
        let html = EnterpriseFormView.render(id: id, form: form, regionOptions: regions, context: PageContext(request: request))
        return .html(html, status: status)
    }

    static func input(_ body: FormBody) throws(AppError) -> EnterpriseInput {
        let currency = Currency(rawValue: body.currency ?? "CNY") ?? .cny
        let capitalText = (body.registeredCapital ?? "").trimmingCharacters(in: .whitespaces)
        let capital: Result<Money, AppError.Message>
        if capitalText.isEmpty {
            capital = .success(Money(minorUnits: 0, currency: currency))
        } else {
            do { capital = .success(try ChineseAmount.parse(capitalText, currency: currency)) } catch {
                capital = .failure(MoneyInput.amountError(error))
            }
        }
        return try EnterpriseInput.validate(
            uscc: body.uscc, name: body.name, formerNames: (body.formerNames ?? "").components(separatedBy: .newlines),
            legalRepresentative: body.legalRepresentative, industryCode: body.industryCode, regionCode: body.regionCode,
            capital: capital, tags: body.tags ?? [], attracted: body.attracted == "on" || body.attracted == "true")
    }

    static func values(of body: FormBody) -> [String: String] {
        [
            "uscc": body.uscc ?? "", "name": body.name ?? "", "formerNames": body.formerNames ?? "",
            "legalRepresentative": body.legalRepresentative ?? "", "industryCode": body.industryCode ?? "",
            "regionCode": body.regionCode ?? "", "registeredCapital": body.registeredCapital ?? "",
            "currency": body.currency ?? "CNY", "tags": (body.tags ?? []).joined(separator: ","),
            "attracted": body.attracted ?? "", "version": body.version.map(String.init) ?? "",
        ]
    }

    static func values(of enterprise: Enterprise) -> [String: String] {
        [
            "uscc": enterprise.uscc ?? "", "name": enterprise.name, "formerNames": enterprise.formerNames,
            "legalRepresentative": enterprise.legalRepresentative, "industryCode": enterprise.industryCode,
            "regionCode": enterprise.regionCode,
            "registeredCapital": enterprise.registeredCapitalMinor == 0 ? "" : ChineseAmount.format(enterprise.registeredCapital),
            "currency": enterprise.registeredCapitalCurrency, "tags": enterprise.tagCodes,
            "attracted": enterprise.attracted ? "on" : "", "version": String(enterprise.version),
        ]
    }
}
