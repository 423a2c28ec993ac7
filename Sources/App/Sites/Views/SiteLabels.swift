import Domain

// Labels of the park profiles' enums a user sees, Chinese and English together.
extension ParkMatch.Facility {
    func label(_ lang: Lang) -> String {
        switch self {
        case .chemicalPark: lang("化工园区认定", "Recognised chemical park")
        case .wastewater: lang("污水处理", "Wastewater treatment")
        case .steam: lang("集中供热", "Steam supply")
        case .dualPower: lang("双回路供电", "Dual power supply")
        }
    }
}

extension ParkMatch.Reason {
    func label(_ lang: Lang) -> String {
        func mu(_ tenths: Int) -> String { "\(tenths / 10)" + (tenths % 10 == 0 ? "" : ".\(tenths % 10)") }
        return switch self {
        case .positioned(let prefix): lang("产业定位相符（\(prefix)）", "positioned for \(prefix)")
        case .notPositioned: lang("产业定位不符", "not positioned for this industry")
        case .industryUnknown: lang("线索未填行业，未比对产业定位", "no industry on the lead: positioning not compared")
        case .landEnough(let free, let need): lang("可用地\(mu(free))亩≥需\(mu(need))亩", "land \(mu(free)) ≥ \(mu(need)) mu")
        case .landShort(let free, let need): lang("可用地\(mu(free))亩<需\(mu(need))亩", "land \(mu(free)) < \(mu(need)) mu")
        case .spaceEnough(let free, let need): lang("空余厂房\(free)㎡≥需\(need)㎡", "space \(free) ≥ \(need) m²")
        case .spaceShort(let free, let need): lang("空余厂房\(free)㎡<需\(need)㎡", "space \(free) < \(need) m²")
        case .energyEnough(let left, let need): lang("能耗指标余\(left)吨标煤≥需\(need)", "energy quota \(left) ≥ \(need) tce")
        case .energyShort(let left, let need): lang("能耗指标余\(left)吨标煤<需\(need)", "energy quota \(left) < \(need) tce")
        case .powerEnough(let capacity, let need): lang("供电余量\(capacity)kVA≥需\(need)", "power \(capacity) ≥ \(need) kVA")
        case .powerShort(let capacity, let need): lang("供电余量\(capacity)kVA<需\(need)", "power \(capacity) < \(need) kVA")
        case .facilityMissing(let facility): lang("缺少\(facility.label(.zh))", "lacks \(facility.label(.en))")
        }
    }
}
