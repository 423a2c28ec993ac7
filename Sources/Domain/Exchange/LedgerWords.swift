/// How a bureau's Excel ledgers name the product's choices, read as the choice they mean: 上门走访
/// is a visit to an enterprise (it counts in the month's visits), 以商招商 is a business referral,
/// 驻外招商分局 is a resident office (not an industry bureau, though it ends in 分局).
///
/// Each table is ordered most specific first: the first word the written text holds decides. A
/// text holding none is no choice — the import says which choices there are, never guesses.
public enum LedgerWords {
    /// The choice a ledger's text names: its own code (`enterpriseVisit`, any case), else the first
    /// word of the table the folded text holds.
    public static func read<Choice: CaseIterable & RawRepresentable>(_ written: String, _ table: [(String, Choice)]) -> Choice?
    where Choice.RawValue == String {
        let folded = TextFold.fold(written).filter { !$0.isWhitespace }
        guard !folded.isEmpty else { return nil }
        if let code = Choice.allCases.first(where: { TextFold.fold($0.rawValue) == folded }) { return code }
        return table.first { folded.contains($0.0) }?.1
    }

    /// 活动类型: what a visit ledger writes in its 形式 column. A chamber or association is not an
    /// enterprise visit; 拜访 alone (拜访了近200家电路板企业 [000]) is.
    public static let activityKinds: [(String, ActivityKind)] = [
        ("商协会", .chamberVisit), ("商会", .chamberVisit), ("协会", .chamberVisit), ("电话", .call), ("视频", .call),
        ("外出", .outboundTrip), ("推介", .promotionEvent), ("接待", .receivingInvestors), ("现场办公", .onSiteOffice),
        ("座谈", .symposium), ("走访", .enterpriseVisit), ("拜访", .enterpriseVisit), ("上门", .enterpriseVisit),
    ]

    /// 线索来源: what a lead ledger writes in its 信息来源 column.
    public static let leadChannels: [(String, LeadChannel)] = [
        ("以商", .businessReferral), ("商会", .businessReferral), ("意向登记", .publicForm), ("展会", .exhibition), ("驻", .residentTeam),
        ("网", .online), ("推荐", .referral), ("介绍", .referral), ("走访", .visit), ("上门", .visit), ("拜访", .visit),
        ("其他", .other),
    ]

    /// 单位类型: what a unit list writes. Resident offices first (驻外招商分局 [004], 驻深圳招商工作队),
    /// then the teams before the bureaus they belong to (市直部门招商小分队, 产业招商分队, 产业招商分局 [000]).
    public static let unitKinds: [(String, UnitKind)] = [
        ("驻", .residentOffice), ("领导小组", .leadershipGroup), ("专班", .taskForce), ("小分队", .departmentTeam),
        ("分队", .industryTeam), ("分局", .industryBureau), ("投资促进", .bureau), ("投促", .bureau), ("招商局", .bureau),
        ("开发区", .park), ("高新区", .park), ("园", .park), ("街道", .town), ("乡", .town), ("镇", .town), ("部门", .department),
        ("局", .department),
    ]
}
