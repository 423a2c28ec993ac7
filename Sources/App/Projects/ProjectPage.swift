import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// Gathers what the project page shows: the roles with names, one timeline of stages and money,
/// the ledger's totals and the time spent in each stage.
enum ProjectPage {
    static func model(_ request: Request, _ record: ProjectRecord, error: AppError? = nil) async throws -> ProjectShowView.Model {
        let db = request.db
        let user = try request.requireUser()
        let project = record.project
        let id = try project.requireID()
        let (attractors, coordinators, reports, funds) = (record.attractors, record.coordinators, record.reports, record.funds)
        let personIDs = Set(
            attractors.map(\.personID) + reports.map(\.reportedBy) + reports.compactMap(\.verifiedBy) + funds.map(\.reportedBy)
                + funds.compactMap(\.verifiedBy) + [project.leaderID].compactMap { $0 })
        let unitIDs = Set(
            attractors.map(\.unitID) + coordinators.map(\.unitID) + [project.hostUnitID] + [project.taskForceID].compactMap { $0 })
        // people and units in one round trip: their ids never coincide
        let named = try await Names.of(persons: Array(personIDs), units: Array(unitIDs), on: db)
        func person(_ id: UUID?) -> String { id.flatMap { named[$0] } ?? "" }
        func unit(_ id: UUID?) -> String { id.flatMap { named[$0] } ?? "" }
        let lang = request.lang
        let (total, verified) = record.totals(try await ExchangeRate.table(request))
        let owners = record.owners
        let isBureau = request.may(.manage, .project)
        let today = request.clock.today
        let mayReport =
            AccessPolicy.may(
                user.roles, .reportOnProject, ties: owners.ties(person: user.personID.uuidString, unit: user.unitID.uuidString))
            && request.may(.write, .project)
        // the verifiable-entry flow decides, for stage reports and funds entries alike
        func offersVerification(_ entry: some VerifiableRecord) -> Bool {
            VerifiableEntry.offersVerification(
                reportedBy: entry.reportedBy.uuidString, verifiedBy: entry.verifiedBy?.uuidString, viewer: user.personID.uuidString,
                viewerVerifies: AccessPolicy.may(user.roles, .verifyEntry))
        }
        func takesEvidence(_ entry: some VerifiableRecord) -> Bool { mayReport && VerifiableEntry.takesEvidence(entry.entryState) }
        func files(_ entry: EvidenceEntry) -> [ProjectShowView.FileLink] {
            record.files(of: entry).map { .init(id: $0.id!, name: $0.fileName, size: EvidenceRules.sizeText($0.byteSize)) }
        }

        var timeline: [ProjectShowView.Entry] = [
            .init(
                date: project.acceptedOn, title: lang("入库（在谈）", "Accepted (negotiating)"), detail: project.title, who: "", verified: nil,
                backFilled: BackFill.isBackFilled(happenedOn: project.acceptedOn, recordedOn: project.recordedOn))
        ]
        for r in reports {
            var detail = [r.reason, r.evidence.isEmpty ? "" : lang("佐证：", "Evidence: ") + r.evidence].filter { !$0.isEmpty }
            if r.toStage == .signed, let contract = project.contract, r.sequence == reports.last(where: { $0.toStage == .signed })?.sequence
            {
                detail.insert(lang("合同投资额 ", "Contract ") + ChineseAmount.format(contract), at: 0)
            }
            timeline.append(
                .init(
                    date: r.occurredOn, title: "\(r.fromStage.label(lang)) → \(r.toStage.label(lang))",
                    detail: detail.joined(separator: "；"),
                    who: lang("\(person(r.reportedBy)) 于 \(r.reportedOn) 报送", "reported by \(person(r.reportedBy)) on \(r.reportedOn)"),
                    verified: r.verifiedBy.map { _ in "\(person(r.verifiedBy)) \(r.verifiedOn ?? "")" },
                    verifyForm: offersVerification(r) ? .init(url: .projectVerify(id), field: "report", value: r.id!.uuidString) : nil,
                    files: files(.stage(r.id!)), attach: takesEvidence(r) ? ("stage", r.id!) : nil,
                    backFilled: BackFill.isBackFilled(happenedOn: r.occurredOn, recordedOn: r.reportedOn)))
        }
        for f in funds {
            timeline.append(
                .init(
                    date: f.arrivedOn,
                    title: lang("资金到位 ", "Funds arrived ") + ChineseAmount.format(f.amount)
                        + (f.isForeign ? lang("（外资）", " (foreign)") : ""),
                    detail: f.evidence, who: lang("\(person(f.reportedBy)) 登记", "recorded by \(person(f.reportedBy))"),
                    verified: f.verifiedBy.map { _ in "\(person(f.verifiedBy)) \(f.verifiedOn ?? "")" },
                    verifyForm: offersVerification(f) ? .init(url: .projectFundsVerify(id), field: "entry", value: f.id!.uuidString) : nil,
                    files: files(.funds(f.id!)), attach: takesEvidence(f) ? ("funds", f.id!) : nil,
                    backFilled: BackFill.isBackFilled(happenedOn: f.arrivedOn, recordedOn: f.recordedOn)))
        }
        let summary = ProjectDTO.Summary(project)
        var extras = ProjectExtensions.Contribution()
        for source in request.application.projectExtensions.sources {
            let part = try await source(request, summary, .init(isBureau: isBureau))
            extras.timeline += part.timeline
            extras.sections += part.sections
            extras.actions += part.actions
        }
        timeline += extras.timeline
        timeline.sort { $0.date > $1.date }
        // the 278 days and the stall rule read the verified facts (a correction back withdraws a stage)
        let facts = record.verifiedFacts
        let rule = StallRule(try await SettingsService.inEffect(request, for: project.jurisdictionCode, on: today))
        let alerts = rule.alerts(
            stage: facts.stage, stageSince: facts.entered[facts.stage] ?? CivilDate(project.acceptedOn) ?? today,
            lastActivity: CivilDate(project.lastActivityOn) ?? today,
            today: today)
        return ProjectShowView.Model(
            project: summary, hostName: unit(project.hostUnitID), leaderName: person(project.leaderID),
            taskForceName: unit(project.taskForceID),
            attractors: attractors.map { a in .init(name: person(a.personID), unit: unit(a.unitID), basisPoints: a.basisPoints) },
            coordinators: coordinators.map { unit($0.unitID) }, timeline: timeline,
            fundsPending: total.cny == verified.cny
                ? nil : ChineseAmount.format(Money(minorUnits: total.cny.minorUnits - verified.cny.minorUnits)),
            fundsVerified: ChineseAmount.format(verified.cny),
            foreign: total.foreign.values.sorted { $0.currency.rawValue < $1.currency.rawValue }.map(ChineseAmount.format),
            missingRates: total.missingMonths,
            stageDays: record.stageDays(today: today), alerts: alerts, stallRule: rule, daysToProduction: facts.daysToProduction,
            mayReport: mayReport,
            isHost: user.unitID == project.hostUnitID, isBureau: isBureau,
            hostOptions: isBureau && project.hostStatus == .declined ? try await DirectoryOptions.hostOptions(request) : [],
            leaderOptions: isBureau && project.isMajor ? try await DirectoryOptions.leaderOptions(request) : [],
            sections: extras.sections, actions: extras.actions,
            history: HistoryView.render(try await RecordHistory.of("project", id, on: db), lang),
            error: error.map(ProjectShowView.message))
    }
}
