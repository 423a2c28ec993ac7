import Domain
import Testing

/// 招商人 as project ledgers write them: one name takes the whole credit; several carry shares.
@Suite("招商人列：人名与分成")
struct AttractorListTests {
    @Test func oneNameTakesTheWholeCredit() throws {
        #expect(try AttractorList.parse(" 张三 ") == [.init(name: "张三", basisPoints: 10_000)])
        #expect(try AttractorList.parse("王五（演示经开区）") == [.init(name: "王五", unit: "演示经开区", basisPoints: 10_000)])
    }

    @Test func sharesAreReadAsTypedInAnySeparatorAndWidth() throws {
        let expected: [AttractorList.Entry] = [.init(name: "张三", basisPoints: 6000), .init(name: "李四", basisPoints: 4000)]
        for written in ["张三 60%、李四 40%", "张三60％，李四40％", "张三 ６０%; 李四 ４０%", "张三 60\n李四 40", "张三 60/李四 40"] {
            #expect(try AttractorList.parse(written) == expected, "\(written)")
        }
        #expect(
            try AttractorList.parse("赵六(招商一局)33.33%、钱七 33.33%、孙八 33.34%").map(\.basisPoints) == [3333, 3333, 3334])
        #expect(try AttractorList.parse("赵六(招商一局)50%；钱七50%").first?.unit == "招商一局")
    }

    @Test func anEvenSplitIsNeverGuessed() {
        #expect(throws: AttractorList.Problem.sharesMissing) { try AttractorList.parse("张三、李四") }
        #expect(throws: AttractorList.Problem.sharesMissing) { try AttractorList.parse("张三 60%、李四") }
        #expect(throws: AttractorList.Problem.empty) { try AttractorList.parse(" 、 ") }
        #expect(throws: AttractorList.Problem.notAName("60%")) { try AttractorList.parse("60%、张三 40%") }
        #expect(throws: AttractorList.Problem.badShare("120%")) { try AttractorList.parse("张三 120%") }
        #expect(throws: AttractorList.Problem.badShare("1.2.3")) { try AttractorList.parse("张三 1.2.3") }
    }

    @Test func invisibleMarksDoNotMakeAnotherPerson() throws {
        #expect(try AttractorList.parse("张\u{200B}三 100%") == [.init(name: "张三", basisPoints: 10_000)])
        #expect(try AttractorList.parse("張三") == [.init(name: "张三", basisPoints: 10_000)])
    }
}
