import Domain
import Fluent
import Foundation
import Vapor

extension DemoCity {
    /// How many leads three years bring: most never land; about a third are accepted (入库).
    var leadCount: Int { scale == .county ? 3_000 : 300_000 }

    /// Enterprises visited that brought no lead, per lead: a county's ~17,000 activities in three
    /// years; a province's ~3 million (its teams visit more widely for each lead they land).
    func fruitlessVisits(_ rng: inout SeededRandom) -> Int {
        scale == .county ? 3 : 8 + (rng.next() % 4 == 0 ? 1 : 0)
    }

    /// Who works the pipeline: cadres submit and attract, parks and towns host, reviewers sit on
    /// the panel, the bureau verifies.
    struct Cast {
        var cadres: [(person: UUID, unit: UUID)]
        var hosts: [UUID]
        var reviewers: [UUID]
        var leader: UUID
        var verifier: UUID
        var taskForce: UUID?
    }

    func cast(on db: any Database) async throws -> Cast {
        let people = try await Person.query(on: db).with(\.$unit).all()
        let units = try await Unit.query(on: db).all()
        let cadres = people.filter { $0.roles.contains(.cadre) }.map { ($0.id!, $0.$unit.id) }
        // the demo host's park hosts a share of the projects, so its login finds work waiting
        let demoHostUnit = people.first { $0.login == "demo-host" }?.$unit.id
        return Cast(
            cadres: cadres, hosts: units.filter { $0.kind == .park || $0.kind == .town }.map { $0.id! } + [demoHostUnit].compactMap { $0 },
            reviewers: people.filter { $0.roles.contains(.reviewer) }.map { $0.id! },
            leader: people.first { $0.login == "demo-leader" }!.id!, verifier: people.first { $0.login == "demo-bureau" }!.id!,
            taskForce: units.first { $0.kind == .taskForce }?.id)
    }

    /// Three years of leads, one panel, projects with their stages and money, and the rate table:
    /// hundreds of signings a year, a few dozen of them ≥ 1亿元, most leads never landing.
    func createPipeline(app: Application, _ rng: inout SeededRandom) async throws {
        let db = app.db
        let today = app.clock.today
        let cast = try await cast(on: db)
        guard !cast.cadres.isEmpty, !cast.hosts.isEmpty else { return }
        let panel = ReviewPanel()
        panel.id = rng.uuid()
        panel.name = "演示市重大项目预审专班"
        panel.jurisdictionCode = Self.cityCode
        panel.quorum = 2
        panel.criteriaCodes = ReviewCriterion.allCases.prefix(4).map(\.rawValue).joined(separator: ",")
        let members = Array(cast.reviewers.prefix(5))
        panel.memberCodes = members.map(\.uuidString).joined(separator: ",")
        try await panel.create(on: db)
        try await createRates(on: db, through: today, &rng)
        try await createParkProfiles(on: db, today: today)

        let start = CivilDate(year: today.year - 3, month: today.month, day: 1)!.dayNumber
        var progress = ProgressBar(title: "pipeline", total: leadCount)
        var made = 0
        var usedKeys = Set<String>()
        while made < leadCount {
            var batch = PipelineBatch(today: today)
            while batch.leads.count < min(1_000, leadCount - made) {
                // two-character brands run out of distinct names long before a province's 300k leads
                let generated = DemoNames.enterpriseName(cityWord: "演示", brandLength: scale == .county ? 2 : 3, &rng)
                guard usedKeys.insert(NameNormalizer.key(for: generated.name)).inserted else { continue }
                let submitted = CivilDate(dayNumber: start + Int(rng.next() % UInt64(today.dayNumber - start)))
                let lead = try makeLead(generated, submitted: submitted, today: today, cast: cast, &rng)
                batch.leads.append(lead)
                // a lead comes of one or two visits; other enterprises visited brought none
                for visit in 0..<Int(1 + rng.next() % 2) {
                    let day = CivilDate(dayNumber: max(start, submitted.dayNumber - 5 - visit * 20 - Int(rng.next() % 15)))
                    batch.addActivity(
                        .enterpriseVisit, lead.enterpriseName, on: day, person: lead.submitterID, unit: lead.submitterUnitID, &rng)
                }
                for _ in 0..<fruitlessVisits(&rng) {
                    let (person, unit) = rng.pick(cast.cadres)
                    let other = DemoNames.enterpriseName(cityWord: rng.pick(["深圳", "东莞", "苏州", "上海"]), &rng).name
                    let day = CivilDate(dayNumber: start + Int(rng.next() % UInt64(today.dayNumber - start)))
                    let chamber = rng.next() % 10 == 0
                    batch.addActivity(
                        chamber ? .chamberVisit : .enterpriseVisit, chamber ? other.prefix(2) + "湖北商会" : other, on: day, person: person,
                        unit: unit,
                        &rng)
                }
                guard lead.status == .accepted else { continue }
                batch.addReview(of: lead, panel: panel.id!, members: members, &rng)
                batch.addProject(from: lead, cast: cast, today: today, &rng)
            }
            let rows = batch
            try await app.writeTransaction { db in try await rows.save(on: db) }
            made += rows.leads.count
            progress.update(made)
        }
        progress.finish()
    }

    func makeLead(
        _ generated: (name: String, industry: String), submitted: CivilDate, today: CivilDate, cast: Cast, _ rng: inout SeededRandom
    ) throws -> Lead {
        // in 万元; about one lead in eight is ≥ 1亿元
        let sizes: [Int64] = [300, 500, 800, 1_000, 1_500, 2_000, 3_000, 5_000, 8_000, 500, 1_000, 2_000, 3_000, 5_000, 10_000, 30_000]
        let (person, unit) = rng.pick(cast.cadres)
        let lead = Lead()
        lead.id = rng.uuid()
        lead.enterpriseName = generated.name
        lead.nameKey = NameNormalizer.key(for: generated.name)
        lead.industryCode = generated.industry
        lead.investmentMinor = rng.pick(sizes) * 10_000 * 100 * (rng.next() % 25 == 0 ? 5 : 1)
        lead.investmentCurrency = "CNY"
        // land in proportion to the investment: 150–500万元 per 亩, as a county asks of industry
        // (one draw of the stream, as before)
        lead.landMuTenths = Int(lead.investmentMinor / 1_000_000 * 10 / Int64(150 + rng.next() % 350))
        lead.spaceM2 = rng.next() % 3 == 0 ? Int(rng.next() % 20) * 1_000 : 0
        lead.energyTCE = Int(rng.next() % 5_000)
        lead.powerKVA = Int(rng.next() % 10) * 1_000
        lead.jobs = Int(rng.next() % 600)
        lead.channel = rng.pick(LeadChannel.allCases.filter { $0 != .publicForm })
        lead.notes = ""
        // who to call and what the project is (a generator of its own: the city's stream stays as it was)
        var contact = SeededRandom(seed: UInt64(lead.investmentMinor) &+ UInt64(submitted.dayNumber) &* 31)
        lead.contactName = DemoNames.person(&contact)
        lead.contactPhone = "1" + String(contact.pick([3, 5, 8, 9])) + String(format: "%09d", Int(contact.next() % 1_000_000_000))
        lead.homeCity = contact.pick(["深圳", "上海", "苏州", "东莞", "杭州", "武汉", "北京", "宁波"])
        let product = IndustryCodes.name(for: generated.industry)?.name ?? "产品"
        lead.projectContent = "拟建设\(product)项目，\(contact.pick(["新建生产线", "扩产", "设立区域总部", "建设研发中心"]))"
        lead.submitterID = person
        lead.submitterUnitID = unit
        lead.jurisdictionCode = Self.cityCode
        lead.submittedOn = submitted.description
        // the demo's leads are in CNY: no rate is needed, so the clock always answers
        let deadlines = try ResponseClock.standard.deadlines(submitted: submitted, investment: lead.investment, rates: ExchangeRates())
        lead.respondBy = deadlines.respond.description
        lead.assessBy = deadlines.assess.description
        lead.feedbackBy = deadlines.feedback.description
        lead.decisionNote = ""
        lead.version = 1
        let age = submitted.days(until: today)
        let roll = rng.next() % 100
        if age < 25, roll < 60 {
            // still open: some answered, some waiting (and a few of those late)
            lead.status = roll < 30 ? .submitted : .responded
            if lead.status == .responded { lead.respondedOn = deadlines.respond.description }
            return lead
        }
        lead.respondedOn = deadlines.respond.description
        lead.assessedOn = (roll % 7 == 0 ? CivilDate(dayNumber: deadlines.assess.dayNumber + 2) : deadlines.assess).description
        lead.feedbackOn = deadlines.feedback.description
        switch roll {
        case 0..<34: lead.status = .accepted
        case 34..<50:
            lead.status = .returned
            lead.decisionNote = "请补充投资方资信证明和项目可研报告。"
        default:
            lead.status = .rejected
            lead.decisionNote = rng.pick(["不符合园区产业定位。", "亩均税收低于准入标准。", "能耗指标无法保障。", "投资方资金实力存疑。"])
        }
        return lead
    }

    /// The demo parks as the seeds describe theirs: an electronics development zone, a high-tech
    /// park, a recognised chemical park [000]; towns with some land and little else.
    func createParkProfiles(on db: any Database, today: CivilDate) async throws {
        let offers: [String: (String, Int, Int, Int, Int, String)] = [
            "演示经济技术开发区": ("C39,C38,C34,C36", 12_000, 80_000, 60_000, 50_000, "wastewater,dualPower,steam"),
            "演示高新技术产业园": ("C39,C27,I65,C35", 4_000, 120_000, 20_000, 30_000, "wastewater,dualPower"),
            "临江化工循环产业园": ("C26,C27,C22", 9_000, 0, 80_000, 40_000, "chemicalPark,wastewater,steam,dualPower"),
        ]
        var rows: [ParkProfile] = []
        for unit in try await Unit.query(on: db).filter(\.$kind ~~ [.park, .town]).all() {
            let offer = offers[unit.name] ?? ("C13,C14,C17,C21,A01", 2_000, 10_000, 3_000, 5_000, "")
            let profile = ParkProfile()
            profile.unitID = unit.id!
            profile.industryCodes = offer.0
            (profile.freeLandMuTenths, profile.freeSpaceM2, profile.energyQuotaTCE, profile.powerCapacityKVA) = (
                offer.1 * 10, offer.2, offer.3, offer.4
            )
            profile.facilityCodes = offer.5
            profile.updatedOn = today.description
            profile.version = 1
            rows.append(profile)
        }
        try await rows.create(on: db)
    }

    /// USD, HKD and EUR for every month of the three years, near their real levels.
    func createRates(on db: any Database, through today: CivilDate, _ rng: inout SeededRandom) async throws {
        var rows: [ExchangeRate] = []
        var year = today.year - 3
        var month = today.month
        while (year, month) <= (today.year, today.month) {
            for (currency, base, spread) in [("USD", 71_000, 2_500), ("HKD", 9_100, 300), ("EUR", 77_000, 4_000)] {
                let rate = ExchangeRate()
                rate.id = rng.uuid()
                rate.currency = currency
                rate.month = String(format: "%04d-%02d", year, month)
                rate.rate = Int64(base + Int(rng.next() % UInt64(spread)))
                rows.append(rate)
            }
            month += 1
            if month > 12 { (year, month) = (year + 1, 1) }
        }
        try await rows.create(on: db)
    }
}
