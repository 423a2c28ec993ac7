import Domain
import Fluent
import Foundation
import Vapor

/// 走访活动导入: a cadre's visit ledger (走访台账), each row checked by `ActivityService.checked`
/// and written by `ActivityService.insert` as the activity form records it — not in the future,
/// a next step with its due day, the enterprise found in the registry by its name, the visit
/// tally marked, audited — as the importer's own activities. The same day, kind and counterpart
/// already recorded by the importer is unchanged, so the same ledger imported again changes nothing.
struct ActivityImport: ImportKind {
    let name = "activities"
    let title = "走访活动台账"
    let resource = AccessPolicy.Resource.activity

    let fields = [
        ImportField("occurredOn", "日期", .date, required: true, synonyms: ["走访日期", "活动日期", "日期", "时间"]),
        ImportField("kind", "活动类型", .text(maxLength: 20), required: true, synonyms: ["活动类型", "类型", "形式", "方式"]),
        ImportField("counterpart", "企业或商协会", .text(maxLength: 80), synonyms: ["走访企业", "企业名称", "企业或商协会", "对象", "客商", "商协会"]),
        ImportField("city", "地点（城市）", .text(maxLength: 20), required: true, synonyms: ["地点", "城市", "所在城市", "地区"]),
        ImportField("participants", "参加人员", .text(maxLength: 200), synonyms: ["参加人员", "参与人员", "人员"]),
        ImportField("outcome", "洽谈成果", .text(maxLength: 500), required: true, synonyms: ["洽谈成果", "成果", "洽谈内容", "主要内容", "情况"]),
        ImportField("nextStep", "下一步", .text(maxLength: 200), synonyms: ["下一步", "下步工作", "后续安排"]),
        ImportField("nextDue", "完成期限", .date, synonyms: ["完成期限", "期限", "截止日期"]),
    ]

    typealias Context = CurrentUser

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        var errors: [String] = []
        let occurredOn = values.date("occurredOn", row: row, errors: &errors)
        let nextDue = values.date("nextDue", row: row, errors: &errors)
        let kind = values.choice("kind", row: row, LedgerWords.activityKinds, noun: "活动类型", label: { $0.label(.zh) }, errors: &errors)
        let counterpart = values.text("counterpart") ?? ""
        let subject = [occurredOn?.description, kind?.label(.zh), counterpart].compactMap { $0 }.joined(separator: " ")
        guard errors.isEmpty else { return RowApplied(outcome: .error(errors), subject: subject) }
        let input = ActivityService.Input(
            kind: kind, occurredOn: occurredOn, city: values.text("city") ?? "", participants: values.text("participants") ?? "",
            counterpart: counterpart, leadID: nil, projectID: nil, outcome: values.text("outcome") ?? "",
            nextStep: values.text("nextStep") ?? "", nextDue: nextDue)
        do {
            let activity = try await ActivityService(request: request).checked(input, on: db)
            let key = "activity:\(activity.occurredOn)|\(activity.kind.rawValue)|\(activity.counterpartKey)|\(activity.outcome)"
            let same = try await Activity.query(on: db).filter(\.$ownerID == context.personID)
                .filter(\.$occurredOn == activity.occurredOn).filter(\.$kind == activity.kind)
                .filter(\.$counterpartKey == activity.counterpartKey).filter(\.$outcome == activity.outcome).count()
            if same > 0 { return RowApplied(outcome: .unchanged, subject: subject, naturalKey: key) }
            _ = try await ActivityService.insert(activity, on: db, by: actor, at: millis)
            return RowApplied(outcome: .create, subject: subject, naturalKey: key)
        } catch let error as AppError {
            return RowApplied(outcome: .error(ImportMessages.of(error, values, row)), subject: subject)
        }
    }

}
