/// Which park fits a lead (SPEC §4 park matching): parks ranked by fit, with the reasons shown —
/// positioning against the industry, free land and space against the need, the facilities the
/// industry requires, and the energy quota and power capacity left.
public enum ParkMatch {
    public enum Facility: String, CaseIterable, Codable, Sendable {
        /// 化工园区认定: only a recognised chemical park may take chemical production.
        case chemicalPark
        /// 污水处理: a park wastewater plant.
        case wastewater
        /// 集中供热/蒸汽
        case steam
        /// 双回路供电
        case dualPower
    }

    public struct Park: Sendable {
        public var id: String
        public var name: String
        /// Industry code prefixes the park is positioned for (GB/T 4754: "C26" 化学原料, "C38" 电气机械…).
        public var industries: [String]
        public var freeLandMuTenths: Int
        public var freeSpaceM2: Int
        /// 能耗指标 left, in tonnes of standard coal.
        public var energyQuotaTCE: Int
        public var powerCapacityKVA: Int
        public var facilities: Set<Facility>

        public init(
            id: String, name: String, industries: [String], freeLandMuTenths: Int, freeSpaceM2: Int, energyQuotaTCE: Int,
            powerCapacityKVA: Int, facilities: Set<Facility>
        ) {
            self.id = id
            self.name = name
            self.industries = industries
            self.freeLandMuTenths = freeLandMuTenths
            self.freeSpaceM2 = freeSpaceM2
            self.energyQuotaTCE = energyQuotaTCE
            self.powerCapacityKVA = powerCapacityKVA
            self.facilities = facilities
        }
    }

    public struct Need: Sendable {
        public var industryCode: String
        public var landMuTenths: Int
        public var spaceM2: Int
        public var energyTCE: Int
        public var powerKVA: Int

        public init(industryCode: String, landMuTenths: Int, spaceM2: Int, energyTCE: Int, powerKVA: Int) {
            self.industryCode = industryCode
            self.landMuTenths = landMuTenths
            self.spaceM2 = spaceM2
            self.energyTCE = energyTCE
            self.powerKVA = powerKVA
        }

        /// Nothing to match against: no industry and no stated need.
        public var isEmpty: Bool {
            industryCode.trimmingSpaces().isEmpty && landMuTenths == 0 && spaceM2 == 0 && energyTCE == 0 && powerKVA == 0
        }

        /// What the industry cannot do without: chemistry and pharmaceuticals (C26, C27) need a
        /// recognised chemical park with wastewater treatment; a large electrical load, two
        /// independent supplies.
        public var requiredFacilities: Set<Facility> {
            var required: Set<Facility> = []
            if industryCode.hasPrefix("C26") || industryCode.hasPrefix("C27") { required.formUnion([.chemicalPark, .wastewater]) }
            if powerKVA >= 5_000 { required.insert(.dualPower) }
            return required
        }
    }

    public enum Reason: Equatable, Sendable {
        case positioned(String)
        case notPositioned
        /// The lead names no industry: positioning cannot be judged, for any park.
        case industryUnknown
        case landEnough(free: Int, need: Int)
        case landShort(free: Int, need: Int)
        case spaceEnough(free: Int, need: Int)
        case spaceShort(free: Int, need: Int)
        case energyEnough(left: Int, need: Int)
        case energyShort(left: Int, need: Int)
        case powerEnough(capacity: Int, need: Int)
        case powerShort(capacity: Int, need: Int)
        case facilityMissing(Facility)
    }

    public struct Match: Sendable {
        public var park: Park
        /// 0…100.
        public var score: Int
        /// No missing facility and no shortfall: the project can land here as asked.
        public var fits: Bool
        public var reasons: [Reason]
    }

    /// Positioning weighs 40, land 20, energy 20, space 10, power 10. A park fits when it is
    /// positioned for the industry (if the lead names one), has every required facility and
    /// covers every stated need. Fitting parks first, then by score.
    public static func rank(_ need: Need, _ parks: [Park]) -> [Match] {
        parks.map { match(need, $0) }.sorted { a, b in
            (a.fits ? 1 : 0, a.score, b.park.name) > (b.fits ? 1 : 0, b.score, a.park.name)
        }
    }

    static func match(_ need: Need, _ park: Park) -> Match {
        var score = 0
        var reasons: [Reason] = []
        var fits = true
        if need.industryCode.trimmingSpaces().isEmpty {
            reasons.append(.industryUnknown)
        } else if let prefix = park.industries.filter({ need.industryCode.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
            score += 40
            reasons.append(.positioned(prefix))
        } else {
            fits = false
            reasons.append(.notPositioned)
        }
        func capacity(_ weight: Int, free: Int, need: Int, enough: (Int, Int) -> Reason, short: (Int, Int) -> Reason) {
            guard need > 0 else {
                score += weight
                return
            }
            if free >= need {
                score += weight
                reasons.append(enough(free, need))
            } else {
                score += weight * free / need
                fits = false
                reasons.append(short(free, need))
            }
        }
        capacity(20, free: park.freeLandMuTenths, need: need.landMuTenths, enough: Reason.landEnough, short: Reason.landShort)
        capacity(20, free: park.energyQuotaTCE, need: need.energyTCE, enough: Reason.energyEnough, short: Reason.energyShort)
        capacity(10, free: park.freeSpaceM2, need: need.spaceM2, enough: Reason.spaceEnough, short: Reason.spaceShort)
        capacity(10, free: park.powerCapacityKVA, need: need.powerKVA, enough: Reason.powerEnough, short: Reason.powerShort)
        for facility in Facility.allCases where need.requiredFacilities.contains(facility) && !park.facilities.contains(facility) {
            fits = false
            reasons.append(.facilityMissing(facility))
        }
        return Match(park: park, score: score, fits: fits, reasons: reasons)
    }
}
