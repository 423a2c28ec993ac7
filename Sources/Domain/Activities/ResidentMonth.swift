/// A resident team's month in the terms of seed [004] (铜仁驻深招商工作队): enterprises visited,
/// chambers visited, projects introduced, contract amount, funds arrived.
public struct ResidentMonth: Equatable, Sendable {
    public var enterprisesVisited: Int
    public var chambersVisited: Int
    public var projectsIntroduced: Int
    public var contractAmount: Money
    public var fundsArrived: Money
    /// Reported in the month and not yet verified: shown beside the counted figures, never inside.
    public var pendingContract: Money
    public var pendingFunds: Money

    public init(
        enterprisesVisited: Int, chambersVisited: Int, projectsIntroduced: Int, contractAmount: Money, fundsArrived: Money,
        pendingContract: Money = .major(0), pendingFunds: Money = .major(0)
    ) {
        self.enterprisesVisited = enterprisesVisited
        self.chambersVisited = chambersVisited
        self.projectsIntroduced = projectsIntroduced
        self.contractAmount = contractAmount
        self.fundsArrived = fundsArrived
        self.pendingContract = pendingContract
        self.pendingFunds = pendingFunds
    }

    /// The sentence a bulletin prints.
    public var summary: String {
        "走访企业\(enterprisesVisited)家、商协会\(chambersVisited)个，引进项目\(projectsIntroduced)个，"
            + "合同投资额\(ChineseAmount.format(contractAmount))，到位资金\(ChineseAmount.format(fundsArrived))"
    }
}
