/// GB/T 4754—2017 国民经济行业分类: an industry code shown by its name (C3982 电子电路制造). The
/// table below is data: every 门类 and 大类, and the 小类 our seeds and demo name; a code the table
/// does not hold is named by its 大类, then its 门类.
public enum IndustryCodes {
    /// The name of the most specific entry the table holds for the code, and that entry's code.
    public static func name(for raw: String) -> (code: String, name: String)? {
        let code = raw.filter { !$0.isWhitespace }.uppercased()
        guard let section = code.first, section.isLetter else { return nil }
        let digits = code.dropFirst()
        // the full code, then its 中类 and 大类 (two digits), then the 门类 letter
        for length in stride(from: min(digits.count, 4), through: 2, by: -1) {
            let key = String(section) + digits.prefix(length)
            if let name = table[key] { return (key, name) }
        }
        return table[String(section)].map { (String(section), $0) }
    }

    /// "C3982 电子电路制造"; a code the table does not know at any level is shown as it is.
    public static func label(_ raw: String) -> String {
        guard !raw.isEmpty else { return "" }
        guard let found = name(for: raw) else { return raw }
        return found.code == raw.uppercased() ? "\(raw) \(found.name)" : "\(raw)（\(found.name)）"
    }

    /// Every 门类 followed by its 大类, in code order: what a form or a filter offers to pick by name.
    public static let choices: [(code: String, name: String)] = {
        table.filter { $0.key.count <= 3 }.map { (code: $0.key, name: $0.value) }.sorted { $0.code < $1.code }
    }()

    static let table: [String: String] = {
        var table: [String: String] = [:]
        for line in rows.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { table[String(parts[0])] = String(parts[1]) }
        }
        return table
    }()

    private static let rows = """
        A 农、林、牧、渔业
        B 采矿业
        C 制造业
        D 电力、热力、燃气及水生产和供应业
        E 建筑业
        F 批发和零售业
        G 交通运输、仓储和邮政业
        H 住宿和餐饮业
        I 信息传输、软件和信息技术服务业
        J 金融业
        K 房地产业
        L 租赁和商务服务业
        M 科学研究和技术服务业
        N 水利、环境和公共设施管理业
        O 居民服务、修理和其他服务业
        P 教育
        Q 卫生和社会工作
        R 文化、体育和娱乐业
        S 公共管理、社会保障和社会组织
        T 国际组织
        A01 农业
        A02 林业
        A03 畜牧业
        A04 渔业
        A05 农、林、牧、渔专业及辅助性活动
        B06 煤炭开采和洗选业
        B07 石油和天然气开采业
        B08 黑色金属矿采选业
        B09 有色金属矿采选业
        B10 非金属矿采选业
        B11 开采专业及辅助性活动
        B12 其他采矿业
        C13 农副食品加工业
        C14 食品制造业
        C15 酒、饮料和精制茶制造业
        C16 烟草制品业
        C17 纺织业
        C18 纺织服装、服饰业
        C19 皮革、毛皮、羽毛及其制品和制鞋业
        C20 木材加工和木、竹、藤、棕、草制品业
        C21 家具制造业
        C22 造纸和纸制品业
        C23 印刷和记录媒介复制业
        C24 文教、工美、体育和娱乐用品制造业
        C25 石油、煤炭及其他燃料加工业
        C26 化学原料和化学制品制造业
        C27 医药制造业
        C28 化学纤维制造业
        C29 橡胶和塑料制品业
        C30 非金属矿物制品业
        C31 黑色金属冶炼和压延加工业
        C32 有色金属冶炼和压延加工业
        C33 金属制品业
        C34 通用设备制造业
        C35 专用设备制造业
        C36 汽车制造业
        C37 铁路、船舶、航空航天和其他运输设备制造业
        C38 电气机械和器材制造业
        C39 计算机、通信和其他电子设备制造业
        C40 仪器仪表制造业
        C41 其他制造业
        C42 废弃资源综合利用业
        C43 金属制品、机械和设备修理业
        D44 电力、热力生产和供应业
        D45 燃气生产和供应业
        D46 水的生产和供应业
        E47 房屋建筑业
        E48 土木工程建筑业
        E49 建筑安装业
        E50 建筑装饰、装修和其他建筑业
        F51 批发业
        F52 零售业
        G53 铁路运输业
        G54 道路运输业
        G55 水上运输业
        G56 航空运输业
        G57 管道运输业
        G58 多式联运和运输代理业
        G59 装卸搬运和仓储业
        G60 邮政业
        H61 住宿业
        H62 餐饮业
        I63 电信、广播电视和卫星传输服务
        I64 互联网和相关服务
        I65 软件和信息技术服务业
        J66 货币金融服务
        J67 资本市场服务
        J68 保险业
        J69 其他金融业
        K70 房地产业
        L71 租赁业
        L72 商务服务业
        M73 研究和试验发展
        M74 专业技术服务业
        M75 科技推广和应用服务业
        N76 水利管理业
        N77 生态保护和环境治理业
        N78 公共设施管理业
        N79 土地管理业
        O80 居民服务业
        O81 机动车、电子产品和日用产品修理业
        O82 其他服务业
        P83 教育
        Q84 卫生
        Q85 社会工作
        R86 新闻和出版业
        R87 广播、电视、电影和录音制作业
        R88 文化艺术业
        R89 体育
        R90 娱乐业
        S91 中国共产党机关
        S92 国家机构
        S93 人民政协、民主党派
        S94 社会保障
        S95 群众团体、社会团体和其他成员组织
        S96 基层群众自治组织及其他组织
        T97 国际组织
        C2720 化学药品制剂制造
        C3670 汽车零部件及配件制造
        C3841 锂离子电池制造
        C3982 电子电路制造
        I6510 软件开发
        """
}
