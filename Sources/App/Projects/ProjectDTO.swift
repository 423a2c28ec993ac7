import Domain
import Fluent
import Foundation
import Vapor

/// What the API and the audit log show of a project; field by field, never the model itself.
enum ProjectDTO {
    struct Summary: Content {
        var id: UUID
        var leadID: UUID
        var title: String
        var enterpriseName: String
        var uscc: String?
        var industryCode: String
        var investment: Money
        var investmentText: String
        var contract: Money?
        var contractText: String?
        var stage: ProjectStage
        var heldAt: ProjectStage?
        var stageSince: String
        var verifiedStage: ProjectStage
        var signedOn: String?
        /// What the bureau verified of the signing: what every figure counts.
        var verifiedSignedOn: String? = nil
        var verifiedContract: Money? = nil
        var verifiedContractText: String? = nil
        var hostUnitID: UUID
        var hostStatus: ProjectRules.HostStatus
        var hostReason: String
        var leaderID: UUID?
        var taskForceID: UUID?
        var isMajor: Bool
        var acceptedOn: String
        var lastActivityOn: String
        var version: Int
    }

    struct Attractor: Content {
        var personID: UUID
        var unitID: UUID
        var basisPoints: Int
    }

    struct Stage: Content {
        var id: UUID
        var sequence: Int
        var from: ProjectStage
        var to: ProjectStage
        var occurredOn: String
        var reason: String
        var evidence: String
        var reportedBy: UUID
        var reportedOn: String
        var verifiedBy: UUID?
        var verifiedOn: String?
        /// Reported more than a week after it happened (补录, `BackFill`).
        var backFilled: Bool

        init(_ r: StageReport) {
            id = r.id ?? UUID()
            sequence = r.sequence
            from = r.fromStage
            to = r.toStage
            occurredOn = r.occurredOn
            reason = r.reason
            evidence = r.evidence
            reportedBy = r.reportedBy
            reportedOn = r.reportedOn
            verifiedBy = r.verifiedBy
            verifiedOn = r.verifiedOn
            backFilled = BackFill.isBackFilled(happenedOn: r.occurredOn, recordedOn: r.reportedOn)
        }
    }

    struct Funds: Content {
        var id: UUID
        var arrivedOn: String
        var amount: Money
        var amountText: String
        var isForeign: Bool
        var evidence: String
        var reportedBy: UUID
        var verifiedBy: UUID?
        var verifiedOn: String?
        var recordedOn: String?
        /// Entered more than a week after the money arrived (补录).
        var backFilled: Bool

        init(_ f: FundsArrival) {
            id = f.id ?? UUID()
            arrivedOn = f.arrivedOn
            amount = f.amount
            amountText = ChineseAmount.format(f.amount)
            isForeign = f.isForeign
            evidence = f.evidence
            reportedBy = f.reportedBy
            verifiedBy = f.verifiedBy
            verifiedOn = f.verifiedOn
            recordedOn = f.recordedOn
            backFilled = BackFill.isBackFilled(happenedOn: f.arrivedOn, recordedOn: f.recordedOn)
        }
    }

    /// An evidence file's record; the bytes are at `url`.
    struct Evidence: Content {
        var id: UUID
        /// `stage` or `funds`: which kind of entry it proves.
        var entryType: String
        var entryID: UUID
        var fileName: String
        var mediaType: String
        var byteSize: Int
        var sha256: String
        var uploadedBy: UUID
        var uploadedOn: String
        var url: String

        init(_ f: EvidenceFile) {
            id = f.id ?? UUID()
            switch f.entry {
            case .stage(let id): (entryType, entryID) = ("stage", id)
            case .funds(let id): (entryType, entryID) = ("funds", id)
            case nil: (entryType, entryID) = ("", f.projectID)
            }
            fileName = f.fileName
            mediaType = f.kind.mediaType
            byteSize = f.byteSize
            sha256 = f.sha256
            uploadedBy = f.uploadedBy
            uploadedOn = f.uploadedOn
            url = APIRoute.evidence.path(id.uuidString)
        }
    }

    /// The whole project: roles, stage reports and the ledger with its CNY total.
    struct Detail: Content {
        var project: Summary
        var attractors: [Attractor]
        var coordinatorUnitIDs: [UUID]
        var stages: [Stage]
        var funds: [Funds]
        var files: [Evidence]
        var fundsTotalCNY: Money
        var fundsTotalText: String
        var fundsVerifiedCNY: Money
        var missingRates: [String]
        /// Accepted more than a week before it was entered (补录).
        var backFilled: Bool
        /// Days in each stage of the line, from the verified stage dates (the current stage up to today).
        var stageDays: [StageDays]
        /// Verified signing to verified production, as seed [002] counts its 278 days.
        var daysToProduction: Int?
    }

    struct StageDays: Content {
        var stage: ProjectStage
        var days: Int
    }
}

extension ProjectDTO {
    static func detail(_ record: ProjectRecord, rates: ExchangeRates, today: CivilDate) -> Detail {
        let (total, verified) = record.totals(rates)
        return Detail(
            project: Summary(record.project),
            attractors: record.attractors.map { Attractor(personID: $0.personID, unitID: $0.unitID, basisPoints: $0.basisPoints) },
            coordinatorUnitIDs: record.coordinators.map(\.unitID), stages: record.reports.map(Stage.init),
            funds: record.funds.map(Funds.init), files: record.files.map(Evidence.init),
            fundsTotalCNY: total.cny, fundsTotalText: ChineseAmount.format(total.cny), fundsVerifiedCNY: verified.cny,
            missingRates: total.missingMonths,
            backFilled: BackFill.isBackFilled(happenedOn: record.project.acceptedOn, recordedOn: record.project.recordedOn),
            stageDays: record.stageDays(today: today).map { StageDays(stage: $0.stage, days: $0.days) },
            daysToProduction: record.verifiedFacts.daysToProduction)
    }
}

/// Built from the stored record; the memberwise init stays for fixtures (page snapshots).
extension ProjectDTO.Summary {
    init(_ p: Project) {
        id = p.id ?? UUID()
        leadID = p.leadID
        title = p.title
        enterpriseName = p.enterpriseName
        uscc = p.uscc
        industryCode = p.industryCode
        investment = p.investment
        investmentText = ChineseAmount.format(p.investment)
        contract = p.contract
        contractText = p.contract.map(ChineseAmount.format)
        stage = p.stage
        heldAt = p.heldAt
        stageSince = p.stageSince
        verifiedStage = p.verifiedStage
        signedOn = p.signedOn
        verifiedSignedOn = p.verifiedSignedOn
        verifiedContract = p.verifiedContract
        verifiedContractText = p.verifiedContract.map(ChineseAmount.format)
        hostUnitID = p.hostUnitID
        hostStatus = p.hostStatus
        hostReason = p.hostReason
        leaderID = p.leaderID
        taskForceID = p.taskForceID
        isMajor = p.isMajor
        acceptedOn = p.acceptedOn
        lastActivityOn = p.lastActivityOn
        version = p.version
    }
}
