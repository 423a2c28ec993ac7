/// 招商人: how a project ledger writes who is credited with a project and their shares —
/// "张三 60%、李四 40%", "王五（经开区）", "赵六(招商一局)50％；钱七50％". One name alone takes the
/// whole credit; several names must each carry a share (credit decides assessments, so an even
/// split is never guessed); the shares themselves are checked by `CreditSplit`.
public enum AttractorList {
    /// `name` and `unit` are folded (`TextFold`): compare them with folded names.
    public struct Entry: Equatable, Sendable {
        public var name: String
        /// The unit written in brackets after the name, to tell two people of one name apart.
        public var unit: String?
        public var basisPoints: Int

        public init(name: String, unit: String? = nil, basisPoints: Int) {
            (self.name, self.unit, self.basisPoints) = (name, unit, basisPoints)
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case empty
        /// A piece that is a share without a name, or a name that is not one ("60%", "（经开区）").
        case notAName(String)
        case badShare(String)
        /// Several people, not every one with a share.
        case sharesMissing

        public var message: String {
            switch self {
            case .empty: "请填写招商人"
            case .notAName(let piece): "“\(piece)”不是人名，请写作“张三 60%、李四 40%”"
            case .badShare(let share): "分成“\(share)”应为 0.01% 至 100% 之间的百分数"
            case .sharesMissing: "多名招商人须写明每人分成，如“张三 60%、李四 40%”"
            }
        }
    }

    static let separators: Set<Character> = ["、", "，", ",", "；", ";", "/", "／", "\n"]

    public static func parse(_ written: String) throws(Problem) -> [Entry] {
        // split as written (folding drops the line breaks), then each piece folded: ５０％ is 50%
        let pieces = written.split(whereSeparator: { separators.contains($0) || $0 == "\r\n" }).map { TextFold.fold(String($0)) }
            .filter { !$0.isEmpty }
        guard !pieces.isEmpty else { throw .empty }
        var entries: [(name: String, unit: String?, share: Int?)] = []
        for piece in pieces {
            // the share: the trailing digits, point and percent sign
            var rest = Substring(piece)
            var share = ""
            while let last = rest.last, last.isASCII && (last.isNumber || last == "." || last == "%") {
                share.insert(last, at: share.startIndex)
                rest.removeLast()
            }
            var name = String(rest).trimmingSpaces()
            var unit: String?
            if let open = name.firstIndex(where: { $0 == "(" || $0 == "（" }) {
                let inside = name[name.index(after: open)...].filter { $0 != ")" && $0 != "）" }
                unit = String(inside).trimmingSpaces()
                name = String(name[..<open]).trimmingSpaces()
                if unit?.isEmpty == true { unit = nil }
            }
            guard !name.isEmpty, name.count <= 30, !name.contains(where: { $0.isASCII && $0.isNumber }) else { throw .notAName(piece) }
            var points: Int?
            if !share.isEmpty {
                guard let parsed = CreditSplit.basisPoints(percent: share), (1...CreditSplit.whole).contains(parsed) else {
                    throw .badShare(share)
                }
                points = parsed
            }
            entries.append((name, unit, points))
        }
        if entries.count == 1 {
            return [Entry(name: entries[0].name, unit: entries[0].unit, basisPoints: entries[0].share ?? CreditSplit.whole)]
        }
        guard entries.allSatisfy({ $0.share != nil }) else { throw .sharesMissing }
        return entries.map { Entry(name: $0.name, unit: $0.unit, basisPoints: $0.share!) }
    }
}
