/// Who heads a unit (主要负责人), read from the posts of its people: a post that names a head (局长,
/// 主任, 书记, 镇长, 总经理…) and not a deputy (副). 双百双评 rates a praised unit's head excellent
/// [003]; the bureau confirms the person before the reserve pool records it.
public enum UnitHead {
    static let heads = ["局长", "主任", "书记", "镇长", "乡长", "县长", "市长", "区长", "总经理", "院长", "行长", "部长", "队长", "组长", "处长", "所长"]

    public static func isHead(post: String) -> Bool {
        !post.contains("副") && heads.contains { post.hasSuffix($0) }
    }

    /// The first person (in the order given) whose post names a head, or nil.
    public static func pick<ID>(_ people: [(id: ID, post: String)]) -> ID? {
        people.first { isHead(post: $0.post) }?.id
    }
}
