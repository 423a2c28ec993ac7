import Domain
import Fluent
import Foundation
import Vapor

extension ProjectImport {
    /// The importer's jurisdiction's live units and active people, read once before the rows, by
    /// their folded names (`TextFold`): a ledger names a host unit, 招商人 and 包保领导 by name.
    struct Directory: Sendable {
        struct UnitName: Sendable {
            var id: UUID
            var name: String
            var folded: String
        }
        struct PersonName: Sendable {
            var id: UUID
            var unitID: UUID
            var unitName: String
        }
        var units: [UnitName]
        var people: [String: [PersonName]]

        static func load(within scope: JurisdictionCode, on db: any Database) async throws -> Directory {
            let units = try await Unit.query(on: db).within(\.$jurisdictionCode, scope).filter(\.$dissolvedOn == nil).all()
            let byID = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit) } })
            let people = try await Person.query(on: db).join(Unit.self, on: \Person.$unit.$id == \Unit.$id)
                .filter(Unit.self, \.$jurisdictionCode >= scope.prefix).filter(Unit.self, \.$jurisdictionCode < scope.prefix + "~")
                .filter(Unit.self, \.$dissolvedOn == nil).filter(\.$active == true).all()
            var named: [String: [PersonName]] = [:]
            for person in people {
                guard let id = person.id else { continue }
                let unitID = person.$unit.id
                named[TextFold.fold(person.name), default: []].append(
                    PersonName(id: id, unitID: unitID, unitName: byID[unitID]?.name ?? ""))
            }
            return Directory(
                units: units.compactMap { unit in unit.id.map { UnitName(id: $0, name: unit.name, folded: TextFold.fold(unit.name)) } },
                people: named)
        }

        /// The unit a ledger names: its exact name, else the one unit whose name holds the text.
        func unit(_ written: String?, row: Int, values: Import.Values, errors: inout [String]) -> UUID? {
            guard let written else { return nil }
            let folded = TextFold.fold(written)
            if let exact = units.first(where: { $0.folded == folded }) { return exact.id }
            let holding = units.filter { $0.folded.contains(folded) }
            if holding.count == 1 { return holding[0].id }
            errors.append(
                values.place(row, "hostUnit")
                    + (holding.isEmpty
                        ? "辖区内没有名为“\(written)”的在册单位"
                        : "“\(written)”可指\(holding.prefix(3).map { "“\($0.name)”" }.joined(separator: "、"))，请写单位全称"))
            return nil
        }

        /// The one active person of that name (in that unit, when the ledger writes one).
        func person(_ written: String, unit: String?, row: Int, key: String, values: Import.Values, errors: inout [String])
            -> (person: UUID, unit: UUID)?
        {
            let folded = TextFold.fold(written)
            var found = people[folded] ?? []
            if let unit { found = found.filter { TextFold.fold($0.unitName).contains(unit) } }
            if found.count == 1 { return (found[0].id, found[0].unitID) }
            let within = unit.map { "（\($0)）" } ?? ""
            errors.append(
                values.place(row, key)
                    + (found.isEmpty
                        ? "辖区内没有在职人员“\(written)\(within)”"
                        : "辖区内有 \(found.count) 位“\(written)”（\(found.prefix(3).map(\.unitName).joined(separator: "、"))），请写作“\(written)（单位）”")
            )
            return nil
        }

        /// The 招商人 column read as people with their shares (`AttractorList`).
        func people(_ written: String?, row: Int, values: Import.Values, errors: inout [String])
            -> [(person: UUID, unit: UUID, basisPoints: Int)]
        {
            let entries: [AttractorList.Entry]
            do { entries = try AttractorList.parse(written ?? "") } catch {
                errors.append(values.place(row, "attractors") + error.message)
                return []
            }
            var found: [(person: UUID, unit: UUID, basisPoints: Int)] = []
            for entry in entries {
                if let person = person(entry.name, unit: entry.unit, row: row, key: "attractors", values: values, errors: &errors) {
                    found.append((person.person, person.unit, entry.basisPoints))
                }
            }
            return found.count == entries.count ? found : []
        }
    }

    /// A project already recorded: the ledger's stages it lacks are reported in turn (a stage it
    /// has is unchanged, or an error when the ledger dates it otherwise: a correction is made on
    /// the project page, with its reason).
    static func addStages(
        _ stages: [(key: String, stage: ProjectStage, on: CivilDate)], to existing: Project,
        input: (_ stage: (key: String, stage: ProjectStage, on: CivilDate)) -> ProjectService.StageInput, values: Import.Values, row: Int,
        service: ProjectService, rates: ExchangeRates, on db: any Database, key: String,
        messages: (AppError, String) -> [String]
    ) async throws -> RowApplied {
        let subject = existing.title
        do {
            let id = try existing.requireID()
            // the same gate as the project page's stage form
            let draft = try await service.find(id, for: .write, deed: .reportOnProject, on: db)
            let reports = try await StageReport.query(on: db).filter(\.$projectID == id).sort(\.$sequence).all()
            var errors: [String] = []
            var missing: [(key: String, stage: ProjectStage, on: CivilDate)] = []
            for stage in stages {
                let label = stage.stage.label(.zh)
                if let reported = reports.last(where: { $0.toStage == stage.stage }) {
                    if reported.occurredOn != stage.on.description {
                        errors.append(
                            values.place(row, stage.key) + "项目已记录\(label)日期 \(reported.occurredOn)，与表中 \(stage.on) 不同：更正请在项目页办理并说明理由")
                    }
                } else if let position = ProjectStage.line.firstIndex(of: stage.stage),
                    let current = ProjectStage.line.firstIndex(of: draft.stage), position <= current
                {
                    errors.append(values.place(row, stage.key) + "项目已在「\(draft.stage.label(.zh))」阶段，未曾填报\(label)：请在项目页补报")
                } else {
                    missing.append(stage)
                }
            }
            guard errors.isEmpty else { return RowApplied(outcome: .error(errors), subject: subject, naturalKey: key) }
            guard !missing.isEmpty else { return RowApplied(outcome: .unchanged, subject: subject, naturalKey: key) }
            var writes: [@Sendable (Project, any Database) async throws -> StageReport] = []
            for stage in missing {
                do { writes.append(try service.stageWrite(draft, input(stage), rates: rates)) } catch let error as AppError {
                    return RowApplied(outcome: .error(messages(error, stage.key)), subject: subject, naturalKey: key)
                }
                (draft.stage, draft.stageSince) = (stage.stage, stage.on.description)
            }
            guard let project = try await Project.find(id, on: db) else { throw AppError.notFound }
            // a page holding the project's old version is told it changed
            project.version += 1
            for write in writes { _ = try await write(project, db) }
            return RowApplied(outcome: .update, subject: subject, naturalKey: key)
        } catch let error as AppError {
            let refused = error.code == "not_found" || error.code == "forbidden"
            return RowApplied(
                outcome: .error(refused ? [values.place(row, "title") + "您不能为项目“\(subject)”填报阶段"] : messages(error, "title")),
                subject: subject, naturalKey: key)
        }
    }
}
