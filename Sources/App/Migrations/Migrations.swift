import Fluent
import Vapor

/// The migrations, in order. Never edit a landed one; add the next number.
func registerMigrations(_ app: Application) {
    app.migrations.add(CreateOrganisation())
    app.migrations.add(CreateAccess())
    app.migrations.add(CreateAuditLog())
    app.migrations.add(CreateEnterpriseRegistry())
    app.migrations.add(CreateLeads())
    app.migrations.add(CreateReviewPanels())
    app.migrations.add(UpdateReviewPanelsAddChair())
    app.migrations.add(CreateProjects())
    app.migrations.add(CreateActivities())
    app.migrations.add(CreateParkProfiles())
    app.migrations.add(CreateInvestorIntents())
    app.migrations.add(CreateEvidenceFiles())
    app.migrations.add(CreateWorkOrders())
    app.migrations.add(CreateLinkages())
    app.migrations.add(CreateNotices())
    app.migrations.add(CreateWebhooks())
    app.migrations.add(CreateWorkOrderTallies())
    app.migrations.add(CreateNumberSequences())
    app.migrations.add(UpdateProjectsAddParallelApprovals())
    app.migrations.add(UpdateWorkOrdersRebuildListIndexes())
    app.migrations.add(UpdateProjectsAddVerifiedFacts())
    app.migrations.add(UpdateProjectsAddRecordedOn())
    app.migrations.add(CreateLoginThrottles())
    app.migrations.add(UpdateNameKeysRefold())
    app.migrations.add(CreateJurisdictionSettings())
    app.migrations.add(UpdateListsAddNewestIndexes())
    app.migrations.add(CreateFunnelTallies())
    app.migrations.add(UpdateProjectsAddBoardIndexes())
}
