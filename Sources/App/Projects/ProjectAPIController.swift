import Domain
import Fluent
import FluentSQL
import Vapor

/// `/api/v1/projects`, acceptance of a lead, and the rate table: the same services as the pages.
struct ProjectAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.projects.pattern, use: list)
        api.get(APIRoute.projectLedger.pattern, use: ledger)
        api.get(APIRoute.fundsLedger.pattern, use: funds)
        api.get(APIRoute.project.pattern, use: show)
        api.post(APIRoute.leadAccept.pattern, use: acceptLead)
        api.post(APIRoute.projectStages.pattern, use: reportStage)
        api.post(APIRoute.projectStageVerify.pattern, use: verifyStage)
        api.post(APIRoute.projectFunds.pattern, use: recordFunds)
        api.post(APIRoute.projectFundsVerify.pattern, use: verifyFunds)
        api.post(APIRoute.projectHost.pattern, use: answerAsHost)
        api.on(
            .POST, APIRoute.projectFiles.pattern, body: .collect(maxSize: ByteCount(value: ProjectWebController.uploadLimit)), use: attach)
        api.get(APIRoute.evidence.pattern, use: download)
        api.get(APIRoute.rates.pattern, use: rates)
        api.put(APIRoute.rate.pattern, use: setRate)
    }

    /// 项目台账 as JSON: the page's filters, rows, count and totals.
    func ledger(_ request: Request) async throws -> ProjectLedger.PageDTO {
        ProjectLedger.PageDTO(try await ProjectLedger.read(request))
    }

    func funds(_ request: Request) async throws -> FundsLedger.PageDTO {
        FundsLedger.PageDTO(try await FundsLedger.read(request))
    }

    func list(_ request: Request) async throws -> PageDTO<ProjectBoard.Item> {
        let user = try request.authorize(.read, .project)
        let paging = try Paging(request, maxPer: 100)
        var stage: ProjectStage?
        if let raw = request.queryValue("stage") {
            guard let parsed = ProjectStage(rawValue: raw) else {
                throw AppError.field("stage", zh: "stage 应为项目阶段之一。", en: "stage is one of the project stages.")
            }
            stage = parsed
        }
        let rows = try await ProjectBoard.list(user, try ProjectBoard.Filter(request), stage: stage, paging: paging, on: request.db)
        return PageDTO(items: Array(rows.prefix(paging.per)), page: paging.page, per: paging.per, hasMore: rows.count > paging.per)
    }

    func show(_ request: Request) async throws -> ProjectDTO.Detail {
        let record = try await ProjectService(request: request).findRecord(try request.idParameter())
        return ProjectDTO.detail(record, rates: try await ExchangeRate.table(request), today: request.clock.today)
    }

    struct AcceptBody: Content {
        struct Share: Content {
            var personID: UUID
            var basisPoints: Int
        }
        var version: Int
        var title: String
        var hostUnitID: UUID
        var attractors: [Share]
        var coordinatorUnitIDs: [UUID]?
        var leaderID: UUID?
        var taskForceID: UUID?
        /// 补录: the day it was really accepted (YYYY-MM-DD), default today.
        var acceptedOn: String?
    }

    func acceptLead(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(AcceptBody.self)
        let project = try await ProjectAcceptance(request: request).accept(
            id,
            .init(
                title: body.title, hostUnitID: body.hostUnitID, attractors: body.attractors.map { ($0.personID, $0.basisPoints) },
                coordinators: body.coordinatorUnitIDs ?? [], leaderID: body.leaderID, taskForceID: body.taskForceID,
                acceptedOn: try ProjectAcceptance.typedDate(body.acceptedOn)),
            basedOn: body.version)
        return try Response.created(ProjectDTO.Summary(project))
    }

    struct StageBody: Content {
        var version: Int
        var to: String
        var occurredOn: String
        var reason: String?
        var evidence: String?
        var contract: MoneyBody?
    }

    func reportStage(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(StageBody.self)
        guard let stage = ProjectStage(rawValue: body.to) else { throw AppError.field("to", zh: "to 应为项目阶段之一。", en: "to is a stage.") }
        let report = try await ProjectService(request: request).reportStage(
            id,
            .init(
                to: stage, occurredOn: CivilDate(body.occurredOn), reason: body.reason ?? "", evidence: body.evidence ?? "",
                contract: try body.contract.map { try $0.money(field: "contract") }),
            basedOn: body.version)
        return try Response.created(ProjectDTO.Stage(report))
    }

    func verifyStage(_ request: Request) async throws -> ProjectDTO.Detail {
        let id = try request.idParameter()
        guard let report = request.parameters.get("report").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        try await ProjectService(request: request).verifyStage(id, report: report)
        return try await show(request)
    }

    struct FundsBody: Content {
        var arrivedOn: String
        var amount: MoneyBody
        var isForeign: Bool?
        var evidence: String?
    }

    func recordFunds(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(FundsBody.self)
        let entry = try await ProjectService(request: request).recordFunds(
            id,
            .init(
                arrivedOn: CivilDate(body.arrivedOn), amount: try body.amount.money(field: "amount"),
                isForeign: body.isForeign ?? false,
                evidence: body.evidence ?? ""))
        return try Response.created(ProjectDTO.Funds(entry))
    }

    func verifyFunds(_ request: Request) async throws -> ProjectDTO.Detail {
        let id = try request.idParameter()
        guard let entry = request.parameters.get("entry").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        try await ProjectService(request: request).verifyFunds(id, entry: entry)
        return try await show(request)
    }

    struct HostBody: Content {
        var version: Int
        var accept: Bool
        var reason: String?
    }

    func answerAsHost(_ request: Request) async throws -> ProjectDTO.Detail {
        let id = try request.idParameter()
        let body = try request.decodeForm(HostBody.self)
        try await ProjectService(request: request).answerAsHost(id, accept: body.accept, reason: body.reason ?? "", basedOn: body.version)
        return try await show(request)
    }

    /// multipart/form-data: `entryType` (stage or funds), `entry` (its id) and `file`.
    func attach(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(ProjectWebController.EvidenceBody.self)
        guard let entry = EvidenceEntry(type: body.entryType, id: body.entry) else {
            throw AppError.field("entry", zh: "entryType 应为 stage 或 funds，entry 为其编号。", en: "entryType is stage or funds; entry its id.")
        }
        guard let upload = try EvidenceUpload.from(body.file) else {
            throw AppError.field("file", zh: "请附上文件。", en: "Attach a file.")
        }
        let file = try await ProjectService(request: request).attachEvidence(try request.idParameter(), to: entry, upload)
        return try Response.created(ProjectDTO.Evidence(file))
    }

    func download(_ request: Request) async throws -> Response {
        let (file, content) = try await ProjectService(request: request).evidence(try request.idParameter())
        return .evidence(file, content)
    }

    struct Rate: Content {
        var currency: String
        var month: String
        var rate: String
    }

    func rates(_ request: Request) async throws -> [Rate] {
        try request.authorize(.read, .project)
        return try await ExchangeRate.query(on: request.db).sort(\.$month, .descending).sort(\.$currency).range(..<500).all().map {
            Rate(currency: $0.currency, month: $0.month, rate: ExchangeRates.rateText($0.rate))
        }
    }

    struct RateBody: Content { var rate: String }

    func setRate(_ request: Request) async throws -> Rate {
        let body = try request.decodeForm(RateBody.self)
        guard let currency = request.parameters.get("currency").flatMap(Currency.init(rawValue:)) else {
            throw AppError.field("currency", zh: "币种应为 ISO 4217 代码。", en: "currency is an ISO 4217 code.")
        }
        guard let rate = ExchangeRates.parseRate(body.rate) else {
            throw AppError.field("rate", zh: "汇率格式如 7.0982。", en: "A rate like 7.0982.")
        }
        let month = request.parameters.get("month") ?? ""
        try await ProjectService(request: request).setRate(currency, month: month, rate: rate)
        return Rate(currency: currency.rawValue, month: month, rate: ExchangeRates.rateText(rate))
    }

}
