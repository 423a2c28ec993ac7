import Domain
import Vapor

/// `GET /api/v1/units/{id}/month`: a resident office's month (SPEC §6, seed [004]), the same
/// figures as its page — counted from what the bureau verified, with what waits beside.
struct ResidentMonthDTO: Content {
    var unitID: UUID
    var unitName: String
    var month: String
    var enterprisesVisited: Int
    var chambersVisited: Int
    var projectsIntroduced: Int
    var contract: Money
    var contractText: String
    var fundsArrived: Money
    var fundsArrivedText: String
    var pendingContract: Money
    var pendingContractText: String
    var pendingFunds: Money
    var pendingFundsText: String
    /// The sentence a bulletin prints.
    var summary: String

    static func serve(_ request: Request) async throws -> ResidentMonthDTO {
        let (office, month, f) = try await FiguresWebController.residentMonthFigures(request)
        return ResidentMonthDTO(
            unitID: try office.requireID(), unitName: office.name, month: month, enterprisesVisited: f.enterprisesVisited,
            chambersVisited: f.chambersVisited, projectsIntroduced: f.projectsIntroduced, contract: f.contractAmount,
            contractText: ChineseAmount.format(f.contractAmount), fundsArrived: f.fundsArrived,
            fundsArrivedText: ChineseAmount.format(f.fundsArrived), pendingContract: f.pendingContract,
            pendingContractText: ChineseAmount.format(f.pendingContract), pendingFunds: f.pendingFunds,
            pendingFundsText: ChineseAmount.format(f.pendingFunds), summary: f.summary)
    }
}
