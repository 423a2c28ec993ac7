import Domain
import Fluent
import Vapor

/// What later rooms add to a lead without Leads naming them (README, "The house"): Projects
/// reports an enterprise its live project already holds, and puts on the lead's page the project
/// the lead became or the 入库 form that makes it one. Set once at start-up, read by every request.
struct LeadExtensions: Sendable {
    /// What a later room shows on the lead's page: a banner at the top and a section after the review.
    struct Outcome: Sendable {
        var banner: [HNode] = []
        var section: [HNode] = []
    }

    typealias Holder = @Sendable (_ name: String, _ uscc: String?, _ scope: JurisdictionCode, _ db: any Database) async throws -> AppError?
    typealias OutcomeSource =
        @Sendable (_ request: Request, _ lead: Lead, _ review: ReviewViews.Section?, _ form: FormState?) async throws
        -> Outcome

    /// Each returns the collision to report when its room already holds the enterprise.
    var holders: [Holder] = []
    var outcomes: [OutcomeSource] = []
}

extension Application {
    private struct LeadExtensionsKey: StorageKey { typealias Value = LeadExtensions }

    var leadExtensions: LeadExtensions {
        get { storage[LeadExtensionsKey.self] ?? LeadExtensions() }
        set { storage[LeadExtensionsKey.self] = newValue }
    }
}
