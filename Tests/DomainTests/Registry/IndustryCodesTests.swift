import Testing

@testable import Domain

/// GB/T 4754—2017 names: 湖北伟德's C3982 [000] by its 小类, an unknown 小类 by its 大类.
@Suite("行业代码")
struct IndustryCodesTests {
    @Test func aCodeIsNamedByTheMostSpecificEntry() {
        #expect(IndustryCodes.label("C3982") == "C3982 电子电路制造")
        #expect(IndustryCodes.label("c3841") == "c3841 锂离子电池制造")
        #expect(IndustryCodes.label("C3989") == "C3989（计算机、通信和其他电子设备制造业）")
        #expect(IndustryCodes.label("C39") == "C39 计算机、通信和其他电子设备制造业")
        #expect(IndustryCodes.label("C") == "C 制造业")
        #expect(IndustryCodes.name(for: "Z99") == nil && IndustryCodes.label("Z99") == "Z99")
        #expect(IndustryCodes.label("").isEmpty && IndustryCodes.name(for: "3982") == nil)
    }

    @Test func everySectionAndDivisionIsThere() {
        // 20 门类 (A–T) and 97 大类 (01–97), each 大类 under its 门类's letter
        #expect(IndustryCodes.table.keys.filter { $0.count == 1 }.count == 20)
        let divisions = IndustryCodes.table.keys.filter { $0.count == 3 }
        #expect(divisions.count == 97)
        #expect(Set(divisions.map { Int($0.dropFirst())! }) == Set(1...97))
    }

    @Test func theChoicesListEachSectionBeforeItsDivisions() {
        let codes = IndustryCodes.choices.map(\.code)
        #expect(codes.count == 117)
        // 制造业 C, then its 大类 13–43, then 电力 D
        let c = codes.firstIndex(of: "C")!
        #expect(codes[c + 1] == "C13" && codes[c + 31] == "C43" && codes[c + 32] == "D")
        #expect(IndustryCodes.choices.first { $0.code == "C39" }?.name == "计算机、通信和其他电子设备制造业")
    }
}
