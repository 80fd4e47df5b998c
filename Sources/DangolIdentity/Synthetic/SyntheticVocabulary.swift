/// The words synthetic identities are made of: Korean surnames weighted roughly by frequency, given-name syllables,
/// English names (mostly ones with common nicknames), regions and streets, organisation name parts — each with the
/// romanisation used in e-mail addresses and web domains.
public enum SyntheticVocabulary {
    /// (surname, romanisation, weight per thousand people). Also what DangolApp's demo customers are named from.
    public static let surnames: [(String, String, Int)] = [
        ("김", "kim", 215), ("이", "lee", 147), ("박", "park", 84), ("최", "choi", 47), ("정", "jung", 43),
        ("강", "kang", 23), ("조", "cho", 21), ("윤", "yoon", 20), ("장", "jang", 19), ("임", "lim", 16),
        ("한", "han", 15), ("오", "oh", 15), ("서", "seo", 14), ("신", "shin", 14), ("권", "kwon", 13),
        ("황", "hwang", 13), ("안", "ahn", 13), ("송", "song", 13), ("류", "ryu", 12), ("전", "jeon", 11),
        ("홍", "hong", 11), ("고", "ko", 9), ("문", "moon", 9), ("양", "yang", 8), ("손", "son", 8),
        ("배", "bae", 8), ("백", "baek", 8), ("허", "heo", 7), ("유", "yu", 7), ("남", "nam", 6),
        ("심", "shim", 5), ("노", "noh", 5), ("하", "ha", 5), ("곽", "kwak", 4), ("성", "sung", 4),
        ("차", "cha", 4), ("주", "joo", 4), ("우", "woo", 4), ("구", "koo", 4), ("민", "min", 4),
        ("진", "jin", 3), ("나", "na", 3), ("지", "ji", 3), ("엄", "eom", 3), ("채", "chae", 3),
        ("원", "won", 3), ("천", "cheon", 2), ("방", "bang", 2), ("공", "kong", 2), ("현", "hyun", 2),
        ("남궁", "namgung", 1), ("황보", "hwangbo", 1), ("제갈", "jegal", 1), ("선우", "sunwoo", 1),
    ]
    static let surnameWeights = surnames.map(\.2)
    static let surnameWeightTotal = surnameWeights.reduce(0, +)

    /// (syllable, romanisation) of given names; a given name is two of them.
    static let givenSyllables: [(String, String)] = [
        ("민", "min"), ("준", "jun"), ("서", "seo"), ("연", "yeon"), ("지", "ji"), ("우", "woo"), ("현", "hyun"),
        ("수", "su"), ("영", "young"), ("은", "eun"), ("하", "ha"), ("윤", "yoon"), ("도", "do"), ("예", "ye"),
        ("시", "si"), ("주", "ju"), ("건", "gun"), ("재", "jae"), ("성", "sung"), ("동", "dong"), ("혜", "hye"),
        ("경", "kyung"), ("진", "jin"), ("호", "ho"), ("정", "jung"), ("희", "hee"), ("미", "mi"), ("나", "na"),
        ("다", "da"), ("채", "chae"), ("소", "so"), ("유", "yu"), ("태", "tae"), ("승", "seung"), ("상", "sang"),
        ("원", "won"), ("석", "seok"), ("철", "chul"), ("광", "kwang"), ("용", "yong"), ("종", "jong"),
        ("혁", "hyuk"), ("빈", "bin"), ("린", "rin"), ("아", "a"), ("인", "in"), ("선", "sun"), ("숙", "sook"),
        ("옥", "ok"), ("순", "soon"), ("규", "kyu"), ("범", "beom"), ("훈", "hoon"), ("환", "hwan"), ("람", "ram"),
        ("별", "byeol"), ("솔", "sol"), ("율", "yul"), ("찬", "chan"), ("한", "han"), ("형", "hyung"), ("보", "bo"),
    ]

    /// English given names: formal names with well-known short forms (so nickname noise can apply), and a few
    /// without.
    static let englishGivenNames = [
        "Robert", "William", "Katherine", "Elizabeth", "Margaret", "Michael", "James", "John", "Richard", "Thomas",
        "Christopher", "Daniel", "David", "Joseph", "Jennifer", "Patricia", "Susan", "Edward", "Anthony", "Matthew",
        "Nicholas", "Samuel", "Benjamin", "Alexander", "Andrew", "Steven", "Timothy", "Charles", "Deborah", "Rebecca",
        "Jessica", "Emily", "Olivia", "Sophia", "Laura", "Kevin", "Brian", "Ryan", "Grace", "Hannah",
    ]

    static let englishSurnames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Moore",
        "Martin", "Clark", "Walker", "Young", "Hall", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams",
        "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker",
        "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers",
    ]

    /// The short forms generated for an English given name (a subset of ``EnglishNicknames``).
    static func nicknames(of formal: String) -> [String] {
        let lowered = formal.lowercased()
        guard let group = EnglishNicknames.groups.first(where: { $0.0 == lowered }) else { return [] }
        return group.1.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    }

    static let personalEmailDomains = ["naver.com", "naver.com", "gmail.com", "gmail.com", "daum.net", "kakao.com", "hanmail.net", "nate.com"]

    /// (full name, short name, long-form variant or nil, postcode prefix two digits, districts).
    static let regions: [(String, String, String?, [(String, String)])] = [
        ("서울특별시", "서울", "서울시", [("강남구", "06"), ("서초구", "06"), ("송파구", "05"), ("마포구", "04"), ("종로구", "03"),
                                    ("중구", "04"), ("용산구", "04"), ("성동구", "04"), ("관악구", "08"), ("노원구", "01")]),
        ("부산광역시", "부산", "부산시", [("해운대구", "48"), ("부산진구", "47"), ("동래구", "47"), ("남구", "48")]),
        ("대구광역시", "대구", "대구시", [("수성구", "42"), ("달서구", "42"), ("중구", "41")]),
        ("인천광역시", "인천", "인천시", [("연수구", "21"), ("남동구", "21"), ("부평구", "21")]),
        ("광주광역시", "광주", "광주시", [("서구", "61"), ("북구", "61")]),
        ("대전광역시", "대전", "대전시", [("유성구", "34"), ("서구", "35")]),
        ("경기도", "경기", nil, [("성남시 분당구", "13"), ("수원시 영통구", "16"), ("고양시 일산동구", "10"), ("용인시 수지구", "16"),
                              ("부천시", "14"), ("화성시", "18")]),
        ("강원특별자치도", "강원", nil, [("춘천시", "24"), ("원주시", "26")]),
        ("충청북도", "충북", nil, [("청주시 상당구", "28")]),
        ("경상남도", "경남", nil, [("창원시 성산구", "51"), ("김해시", "50")]),
        ("제주특별자치도", "제주", nil, [("제주시", "63"), ("서귀포시", "63")]),
    ]
    static let regionWeights = [30, 8, 5, 6, 3, 3, 25, 3, 3, 4, 2]
    static let regionWeightTotal = regionWeights.reduce(0, +)

    static let streets = [
        "테헤란로", "세종대로", "올림픽로", "강남대로", "도산대로", "한강대로", "중앙로", "시청로", "문화로", "대학로", "공원로",
        "해운대로", "달구벌대로", "경인로", "판교역로", "정자일로", "월드컵로", "양화로", "은행로", "새말로", "하늘길", "꽃길",
        "매봉로", "동산로", "봉은사로", "삼성로", "선릉로", "역삼로", "논현로", "반포대로",
    ]

    /// (stem, romanisation) of organisation names.
    static let organisationStems: [(String, String)] = [
        ("한빛", "hanbit"), ("다온", "daon"), ("새봄", "saebom"), ("푸른", "pureun"), ("누리", "nuri"), ("미래", "mirae"),
        ("태양", "taeyang"), ("하늘", "haneul"), ("바다", "bada"), ("가온", "gaon"), ("온누리", "onnuri"), ("다솜", "dasom"),
        ("해솔", "haesol"), ("아름", "areum"), ("별빛", "byeolbit"), ("우리", "woori"), ("대한", "daehan"), ("동방", "dongbang"),
        ("한강", "hangang"), ("세움", "seum"), ("이음", "ieum"), ("나래", "narae"), ("라온", "raon"), ("초록", "chorok"),
        ("은하", "eunha"), ("솔빛", "solbit"), ("한결", "hangyeol"), ("마루", "maru"), ("보람", "boram"), ("단비", "danbi"),
        ("샛별", "saetbyeol"), ("늘봄", "neulbom"), ("든솔", "deunsol"), ("참빛", "chambit"), ("예담", "yedam"), ("도담", "dodam"),
    ]

    /// (business type, romanisation).
    static let organisationTypes: [(String, String)] = [
        ("소프트", "soft"), ("테크", "tech"), ("상사", "trading"), ("식품", "food"), ("건설", "construction"),
        ("물산", "mulsan"), ("전자", "electronics"), ("디자인", "design"), ("컨설팅", "consulting"), ("푸드", "foods"),
        ("에듀", "edu"), ("바이오", "bio"), ("산업", "industry"), ("유통", "retail"), ("네트웍스", "networks"),
        ("미디어", "media"), ("약국", "pharmacy"), ("카페", "cafe"), ("안경", "optical"), ("치과", "dental"),
        ("엔지니어링", "engineering"), ("로지스", "logis"), ("패션", "fashion"), ("화학", "chemical"),
    ]

    /// English organisation name words.
    static let englishOrganisationWords = [
        "Blue", "Ocean", "Summit", "Green", "Valley", "Bright", "Star", "Global", "Pacific", "Silver", "North", "River",
        "Golden", "Gate", "Prime", "Urban", "Nova", "Apex", "Harbor", "Maple",
    ]
    static let englishOrganisationTypes = ["Trading", "Systems", "Foods", "Logistics", "Labs", "Partners", "Media", "Design"]
}
