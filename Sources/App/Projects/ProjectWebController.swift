import Domain
import Fluent
import Vapor

/// Project pages: the board, the project page and its actions (stage reports, verification,
/// host answers, funds), and the rate table.
struct ProjectWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.projects.pattern, use: board)
        pages.get(SiteURL.projectLedger.pattern, use: ledger)
        pages.get(SiteURL.fundsLedger.pattern, use: funds)
        pages.get(SiteURL.project(SiteURL.anyID).pattern, use: show)
        pages.postUpload(SiteURL.projectStage(SiteURL.anyID).pattern, limit: Self.uploadLimit, use: reportStage)
        pages.post(SiteURL.projectVerify(SiteURL.anyID).pattern, use: verifyStage)
        pages.postUpload(SiteURL.projectFunds(SiteURL.anyID).pattern, limit: Self.uploadLimit, use: recordFunds)
        pages.postUpload(SiteURL.projectFiles(SiteURL.anyID).pattern, limit: Self.uploadLimit, use: attachEvidence)
        pages.get(SiteURL.evidence(SiteURL.anyID).pattern, use: downloadEvidence)
        pages.post(SiteURL.projectFundsVerify(SiteURL.anyID).pattern, use: verifyFunds)
        pages.post(SiteURL.projectHost(SiteURL.anyID).pattern, use: answerAsHost)
        pages.post(SiteURL.projectHostReassign(SiteURL.anyID).pattern, use: reassignHost)
        pages.post(SiteURL.projectLeader(SiteURL.anyID).pattern, use: assignLeader)
        AcceptanceWebController().register(pages)
        RatesWebController().register(pages)
    }

    /// A form with one evidence file: the file's limit and room for the other fields.
    static let uploadLimit = EvidenceRules.maxBytes + 1_048_576

    func board(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .project)
        let filter = try ProjectBoard.Filter(request)
        let today = request.clock.today
        // computed on connections of their own, so no page waits behind a province-sized refresh
        let db = request.application.figuresDB
        // the board is read far more than written: its figures are kept a few seconds per view,
        // and this process forgets them at once when a project changes (another node after 5 s)
        let key =
            ProjectBoard.cacheKey
            + "\(user.scope.value)|\(filter.query)|\(filter.mine ? user.personID.uuidString + user.unitID.uuidString : "")"
        let settings = try await SettingsService.schedule(request)
        let figures = try await request.application.shortCache.value(key, ttl: 5) {
            ProjectBoard.Figures(
                counts: try await ProjectBoard.counts(user, filter, on: db),
                pending: try await ProjectBoard.counts(user, filter, pending: true, on: db),
                cards: try await ProjectBoard.cards(user, filter, on: db),
                attention: try await ProjectBoard.attention(user, filter, today: today, settings: settings, on: db))
        }
        let columns = ProjectStage.allCases.filter { $0 != .terminated || (figures.counts[$0] ?? 0) > 0 }.map {
            ($0, figures.cards[$0] ?? [])
        }
        let model = BoardView.Model(
            filter: filter, counts: figures.counts, pending: figures.pending, columns: columns, attention: figures.attention,
            hosts: try await DirectoryOptions.hostOptions(request), today: today, settings: settings,
            readsAll: AccessPolicy.seesWholeJurisdiction(try request.requireUser().roles))
        return .html(BoardView.render(model, context: PageContext(request: request)))
    }

    /// 项目台账: the filtered table with its count and totals.
    func ledger(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .project)
        let page = try await ProjectLedger.read(request)
        let model = LedgerView.Model(
            filter: page.filter, rows: page.rows, hasMore: page.hasMore, totals: page.totals,
            hosts: try await DirectoryOptions.hostOptions(request), readsAll: AccessPolicy.seesWholeJurisdiction(user.roles))
        return .html(LedgerView.render(model, context: PageContext(request: request)))
    }

    /// 到位资金台账: every arrival of the projects in reach, verified and waiting apart.
    func funds(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .project)
        let page = try await FundsLedger.read(request)
        let model = FundsLedgerView.Model(
            filter: page.filter, rows: page.rows, hasMore: page.hasMore, totals: page.totals,
            hosts: try await DirectoryOptions.hostOptions(request), readsAll: AccessPolicy.seesWholeJurisdiction(user.roles))
        return .html(FundsLedgerView.render(model, context: PageContext(request: request)))
    }

    func show(_ request: Request) async throws -> Response {
        let record = try await ProjectService(request: request).findRecord(try request.idParameter())
        return .html(ProjectShowView.render(try await ProjectPage.model(request, record), context: PageContext(request: request)))
    }

    struct StageBody: Content {
        var version: Int?
        var to: String?
        var occurredOn: String?
        var contract: String?
        var evidence: String?
        var reason: String?
        var file: File?
    }

    func reportStage(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(StageBody.self)
        let values = [
            "to": body.to ?? "", "occurredOn": body.occurredOn ?? "", "contract": body.contract ?? "", "evidence": body.evidence ?? "",
            "reason": body.reason ?? "",
        ]
        return try await act(request, values: values) { service, id in
            guard let stage = ProjectStage(rawValue: body.to ?? "") else {
                throw AppError.field("to", zh: "请选择要进入的阶段。", en: "Choose the new stage.")
            }
            let contract = try MoneyInput.amount(body.contract, currency: .cny, field: "contract")
            _ = try await service.reportStage(
                id,
                .init(
                    to: stage, occurredOn: CivilDate(body.occurredOn ?? ""), reason: body.reason ?? "", evidence: body.evidence ?? "",
                    contract: contract, file: try EvidenceUpload.from(body.file)),
                basedOn: body.version ?? 0)
        }
    }

    struct VerifyBody: Content {
        var report: String?
        var entry: String?
    }

    func verifyStage(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(VerifyBody.self)
        return try await act(request) { service, id in
            guard let report = UUID(uuidString: body.report ?? "") else {
                throw AppError.field("report", zh: "请指明要核验的进度报送。", en: "Name the report to verify.")
            }
            try await service.verifyStage(id, report: report)
        }
    }

    func verifyFunds(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(VerifyBody.self)
        return try await act(request) { service, id in
            guard let entry = UUID(uuidString: body.entry ?? "") else {
                throw AppError.field("entry", zh: "请指明要核验的到位资金记录。", en: "Name the funds entry to verify.")
            }
            try await service.verifyFunds(id, entry: entry)
        }
    }

    struct FundsBody: Content {
        var arrivedOn: String?
        var amount: String?
        var currency: String?
        var isForeign: String?
        var evidence: String?
        var file: File?
    }

    func recordFunds(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(FundsBody.self)
        let values = [
            "arrivedOn": body.arrivedOn ?? "", "amount": body.amount ?? "", "currency": body.currency ?? "",
            "evidence": body.evidence ?? "",
        ]
        return try await act(request, values: values) { service, id in
            let currency = Currency(rawValue: body.currency ?? "CNY") ?? .cny
            let amount = try MoneyInput.amount(body.amount, currency: currency, field: "amount")
            _ = try await service.recordFunds(
                id,
                .init(
                    arrivedOn: CivilDate(body.arrivedOn ?? ""), amount: amount, isForeign: body.isForeign == "1",
                    evidence: body.evidence ?? "", file: try EvidenceUpload.from(body.file)))
        }
    }

    struct EvidenceBody: Content {
        var entryType: String?
        var entry: String?
        var file: File?
    }

    func attachEvidence(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(EvidenceBody.self)
        return try await act(request) { service, id in
            guard let entry = EvidenceEntry(type: body.entryType, id: body.entry) else {
                throw AppError.field("entry", zh: "请指明佐证材料所属的报送或资金记录。", en: "Name the entry the file proves.")
            }
            guard let upload = try EvidenceUpload.from(body.file) else {
                throw AppError.field("file", zh: "请选择要上传的文件。", en: "Choose a file.")
            }
            _ = try await service.attachEvidence(id, to: entry, upload)
        }
    }

    func downloadEvidence(_ request: Request) async throws -> Response {
        let (file, content) = try await ProjectService(request: request).evidence(try request.idParameter())
        return .evidence(file, content)
    }

    struct HostBody: Content {
        var version: Int?
        var answer: String?
        var reason: String?
        var hostUnit: String?
    }

    func answerAsHost(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(HostBody.self)
        return try await act(request) { service, id in
            guard let answer = body.answer, ["accept", "decline"].contains(answer) else {
                throw AppError.field("answer", zh: "请选择承接或不承接。", en: "Choose accept or decline.")
            }
            try await service.answerAsHost(id, accept: answer == "accept", reason: body.reason ?? "", basedOn: body.version ?? 0)
        }
    }

    func reassignHost(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(HostBody.self)
        return try await act(request) { service, id in
            guard let unit = UUID(uuidString: body.hostUnit ?? "") else {
                throw AppError.field("hostUnit", zh: "请选择承接单位。", en: "Choose the host unit.")
            }
            try await service.reassignHost(id, to: unit, basedOn: body.version ?? 0)
        }
    }

    struct LeaderBody: Content {
        var version: Int?
        var leader: String?
    }

    func assignLeader(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(LeaderBody.self)
        return try await act(request) { service, id in
            guard let leader = UUID(uuidString: body.leader ?? "") else {
                throw AppError.field("leader", zh: "请选择包保领导。", en: "Choose the leader.")
            }
            try await service.assignLeader(id, leader: leader, basedOn: body.version ?? 0)
        }
    }

    /// Runs an action on the project; a refused one re-renders the page with the reason and the
    /// values typed, so nothing typed is lost.
    func act(_ request: Request, values: [String: String] = [:], _ action: (ProjectService, UUID) async throws -> Void)
        async throws -> Response
    {
        let id = try request.idParameter()
        let service = ProjectService(request: request)
        var failure: AppError
        do {
            try await action(service, id)
            return request.redirect(to: SiteURL.project(id).path)
        } catch let error as AppError where error.status != .notFound {
            failure = error
        } catch let conflict as VersionConflict {
            failure = .conflict(conflict)
        }
        var model = try await ProjectPage.model(request, try await service.findRecord(id), error: failure)
        model.form = FormState(values: values, error: failure)
        return .html(ProjectShowView.render(model, context: PageContext(request: request)), status: failure.status)
    }
}
