import Domain

/// GB/T 4754 picked by name in forms and filters.
enum IndustryOptions {
    /// Each 门类, and under it its 大类 indented ("C 制造业", "　C39 计算机…").
    static let all: [(value: String, label: String)] = IndustryCodes.choices.map { choice in
        (choice.code, (choice.code.count > 1 ? "　" : "") + choice.code + " " + choice.name)
    }
}
