import Domain
import Fluent
import FluentSQL
import Foundation

/// Keeps a project's stored facts (`ProjectFacts`) in step with its reports: the stage the bureau
/// verified, the verified signing and contract every figure counts, and the reported signing
/// shown beside them. Called in the transaction of every report and verification, by the
/// migration that introduced the verified columns, and by the demo after it writes its projects.
enum ProjectFactsStore {
    static func facts(_ reports: [StageReport]) -> (verified: ProjectFacts, reported: ProjectFacts) {
        ProjectFacts.split(
            reports.sorted { $0.sequence < $1.sequence }.compactMap {
                report($0.toStage, $0.occurredOn, verified: $0.verifiedBy != nil, $0.contractMinor, $0.contractCurrency)
            })
    }

    /// One stored report as the facts read it (nil for a date that is not one).
    private static func report(_ to: ProjectStage, _ on: String, verified: Bool, _ minor: Int64?, _ currency: String?)
        -> ProjectFacts.Report?
    {
        CivilDate(on).map {
            ProjectFacts.Report(
                to: to, on: $0, verified: verified,
                contract: minor.map { Money(minorUnits: $0, currency: Currency(rawValue: currency ?? "") ?? .cny) })
        }
    }

    /// Sets the project's stored facts from its reports; the caller saves it.
    static func apply(_ reports: [StageReport], to project: Project) {
        let (verified, reported) = facts(reports)
        project.verifiedStage = verified.stage
        project.signedOn = reported.signedOn?.description
        project.contractMinor = reported.contract?.minorUnits
        project.contractCurrency = reported.contract?.currency.rawValue
        project.verifiedSignedOn = verified.signedOn?.description
        project.verifiedContractMinor = verified.contract?.minorUnits
        project.verifiedContractCurrency = verified.contract?.currency.rawValue
    }

    /// Recomputes every project's facts from its reports (a migration's back-fill, the demo's
    /// generated history), writing only the projects whose stored facts differ.
    static func refreshAll(on db: any Database) async throws {
        struct ReportRow: Decodable {
            /// `verified` is 1 or 0: an integer on both engines
            var projectID: UUID, sequence: Int, toStage: ProjectStage, occurredOn: String, verified: Int
            var contractMinor: Int64?, contractCurrency: String?
            enum CodingKeys: String, CodingKey {
                case sequence, verified
                case projectID = "project_id", toStage = "to_stage", occurredOn = "occurred_on", contractMinor = "contract_minor"
                case contractCurrency = "contract_currency"
            }
        }
        struct StoredRow: Decodable, Equatable {
            var id: UUID, verifiedStage: ProjectStage, signedOn: String?, contractMinor: Int64?, contractCurrency: String?
            var verifiedSignedOn: String?, verifiedContractMinor: Int64?, verifiedContractCurrency: String?
            enum CodingKeys: String, CodingKey {
                case id
                case verifiedStage = "verified_stage", signedOn = "signed_on", contractMinor = "contract_minor"
                case contractCurrency = "contract_currency", verifiedSignedOn = "verified_signed_on"
                case verifiedContractMinor = "verified_contract_minor", verifiedContractCurrency = "verified_contract_currency"
            }
        }
        let sql = db.sql
        let reports = try await sql.raw(
            """
            SELECT project_id, sequence, to_stage, occurred_on, CASE WHEN verified_by IS NULL THEN 0 ELSE 1 END AS verified,
              contract_minor, contract_currency
            FROM stage_reports ORDER BY project_id, sequence
            """
        ).all(decoding: ReportRow.self)
        let byProject = Dictionary(grouping: reports, by: \.projectID)
        let stored = try await sql.raw(
            """
            SELECT id, verified_stage, signed_on, contract_minor, contract_currency, verified_signed_on, verified_contract_minor,
              verified_contract_currency FROM projects
            """
        ).all(decoding: StoredRow.self)
        for row in stored {
            let (verified, reported) = ProjectFacts.split(
                (byProject[row.id] ?? []).compactMap {
                    report($0.toStage, $0.occurredOn, verified: $0.verified != 0, $0.contractMinor, $0.contractCurrency)
                })
            let wanted = StoredRow(
                id: row.id, verifiedStage: verified.stage, signedOn: reported.signedOn?.description,
                contractMinor: reported.contract?.minorUnits, contractCurrency: reported.contract?.currency.rawValue,
                verifiedSignedOn: verified.signedOn?.description, verifiedContractMinor: verified.contract?.minorUnits,
                verifiedContractCurrency: verified.contract?.currency.rawValue)
            guard wanted != row else { continue }
            try await sql.raw(
                """
                UPDATE projects SET verified_stage = \(bind: wanted.verifiedStage.rawValue), signed_on = \(bind: wanted.signedOn),
                  contract_minor = \(bind: wanted.contractMinor), contract_currency = \(bind: wanted.contractCurrency),
                  verified_signed_on = \(bind: wanted.verifiedSignedOn), verified_contract_minor = \(bind: wanted.verifiedContractMinor),
                  verified_contract_currency = \(bind: wanted.verifiedContractCurrency)
                WHERE id = \(bind: row.id)
                """
            ).run()
        }
    }
}
