import Fluent
import FluentSQL
import Foundation

/// A record's history in words a cadre reads — who did what when — from the audit trail, the one
/// place every change is written (`AuditLog`). Only acts are shown: reads (a download) and refused
/// attempts stay in the audit log for the audit admin. Before/after values are not shown here.
enum RecordHistory {
    struct Entry: Sendable, Equatable {
        var atMillis: Int64
        /// The person's name, or the system's part ("系统") for background steps.
        var who: String
        var action: String
    }

    /// What each act is called on a page; an act without words is shown by its code.
    static let words: [String: (zh: String, en: String)] = [
        "lead.submit": ("提交线索", "submitted the lead"), "lead.respond": ("首次响应", "responded"),
        "lead.review": ("提交预审专班研判", "sent to the review panel"), "lead.returned": ("退回补充", "returned for more"),
        "lead.rejected": ("不予入库", "rejected"), "lead.merge": ("合并为重复线索", "merged as a duplicate"),
        "opinion.give": ("提交研判意见", "gave an opinion"), "opinion.revise": ("修改研判意见", "revised an opinion"),
        "opinion.recuse": ("回避研判", "recused"), "project.accept": ("同意入库", "accepted as a project"),
        "project.accept.backfill": ("补录入库", "back-filled the acceptance"), "project.stage": ("报送阶段", "reported a stage"),
        "project.verify": ("核验阶段", "verified a stage"), "funds.record": ("登记到位资金", "recorded funds"),
        "funds.verify": ("核验到位资金", "verified funds"), "evidence.upload": ("上传佐证材料", "attached evidence"),
        "project.host.accept": ("承接单位同意承接", "host accepted"), "project.host.decline": ("承接单位不承接", "host declined"),
        "project.host.reassign": ("改派承接单位", "reassigned the host"), "project.leader": ("明确包保领导", "named the leader"),
        "project.parallelApproval": ("实行边建边办", "marked parallel approval"), "workorder.submit": ("提交工单", "submitted"),
        "enterprise.account.link": ("关联企业账号", "tied an account"), "enterprise.account.unlink": ("解除企业账号", "untied an account"),
        "workorder.route": ("分派", "routed"), "workorder.signFor": ("签收", "signed for"), "workorder.start": ("开始办理", "started"),
        "workorder.answer": ("答复", "answered"), "workorder.confirm": ("确认办结", "confirmed"), "workorder.reopen": ("重新打开", "reopened"),
        "workorder.escalate": ("逾期升级督办", "escalated when overdue"), "workorder.merge": ("并入同类工单", "merged"),
        "workorder.link": ("关联", "linked"), "activity.record": ("记录走访/活动", "recorded an activity"),
        "activity.done": ("完成下一步", "did the next step"),
    ]

    /// Acts kept for the audit admin only.
    static let hidden: Set<String> = ["evidence.download", "refused"]

    static func phrase(_ action: String, _ lang: Lang) -> String {
        guard let words = words[action] else { return action }
        return lang == .en ? words.en : words.zh
    }

    /// The record's acts, newest first (at most 50), with the people's names.
    static func of(_ objectType: String, _ id: UUID, on db: any Database) async throws -> [Entry] {
        let rows = try await db.sql.raw(
            """
            SELECT a.at_millis, a.actor, a.action, p.name AS name FROM audit_records a LEFT JOIN persons p ON p.login = a.actor
            WHERE a.object_type = \(bind: objectType) AND a.object_id = \(bind: id.uuidString)
              AND a.action NOT IN (\(binds: hidden.sorted()))
            ORDER BY a.seq DESC LIMIT 50
            """
        ).all()
        return try rows.map { row in
            let r = RowReader(row)
            let actor = try r.string("actor")
            // background steps are written by "system:…" (the escalation scan)
            let who = try r.optionalString("name") ?? (actor.hasPrefix("system") ? "系统" : actor)
            return Entry(atMillis: try r.int64("at_millis"), who: who, action: try r.string("action"))
        }
    }
}
