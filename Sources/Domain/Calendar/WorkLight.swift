/// 红黄绿灯: how a to-do on the workbench stands against its deadline (SPEC §11a). Red: the
/// deadline has passed; yellow: it falls today or within the next `warningDays` days; green:
/// later, or no deadline at all.
public enum WorkLight: Int, Sendable, Comparable, CaseIterable {
    case red = 0, yellow = 1, green = 2

    /// The days after today that still show yellow: a deadline the day after tomorrow is yellow,
    /// one three days ahead green.
    public static let warningDays = 2

    public static func of(deadline: CivilDate?, today: CivilDate) -> WorkLight {
        guard let deadline else { return .green }
        if deadline < today { return .red }
        return deadline <= today.adding(days: warningDays) ? .yellow : .green
    }

    public static func < (a: WorkLight, b: WorkLight) -> Bool { a.rawValue < b.rawValue }

    /// The workbench's order: the oldest deadline first (so the most overdue leads), items
    /// without a deadline after every dated one, ties in the order given.
    public static func precedes(_ a: CivilDate?, _ b: CivilDate?) -> Bool {
        switch (a, b) {
        case (let a?, let b?): a < b
        case (.some, nil): true
        default: false
        }
    }

    public var label: (zh: String, en: String) {
        switch self {
        case .red: ("已超期", "Overdue")
        case .yellow: ("临近期限", "Due soon")
        case .green: ("正常", "On time")
        }
    }
}
