import DangolIdentity

/// The words synthetic customers are made of: common Korean surnames (weighted roughly by frequency) and given names
/// with the romanisations used in e-mail addresses, English names, and organisation name parts.
enum DemoVocabulary {
    /// (surname, romanisation, weight per thousand people): the identity generator's list.
    static let surnames: [(String, String, Int)] = SyntheticVocabulary.surnames

    static let surnameWeightTotal = surnames.reduce(0) { $0 + $1.2 }

    static let givenNames: [(String, String)] = [
        ("민준", "minjun"), ("서준", "seojun"), ("도윤", "doyun"), ("예준", "yejun"), ("시우", "siwoo"),
        ("하준", "hajun"), ("주원", "juwon"), ("지호", "jiho"), ("지후", "jihoo"), ("준우", "junwoo"),
        ("준서", "junseo"), ("건우", "gunwoo"), ("도현", "dohyun"), ("현우", "hyunwoo"), ("지훈", "jihoon"),
        ("우진", "woojin"), ("서진", "seojin"), ("민재", "minjae"), ("현준", "hyunjun"), ("연우", "yeonwoo"),
        ("정우", "jungwoo"), ("승우", "seungwoo"), ("승현", "seunghyun"), ("시윤", "siyoon"), ("준혁", "junhyuk"),
        ("은우", "eunwoo"), ("지환", "jihwan"), ("승민", "seungmin"), ("서연", "seoyeon"), ("서윤", "seoyoon"),
        ("지우", "jiwoo"), ("서현", "seohyun"), ("민서", "minseo"), ("하은", "haeun"), ("하윤", "hayoon"),
        ("윤서", "yoonseo"), ("지유", "jiyu"), ("지민", "jimin"), ("채원", "chaewon"), ("지안", "jian"),
        ("수아", "sua"), ("다은", "daeun"), ("은서", "eunseo"), ("예은", "yeeun"), ("수빈", "subin"),
        ("예린", "yerin"), ("영수", "youngsoo"), ("영희", "younghee"), ("철수", "chulsoo"), ("미영", "miyoung"),
        ("정희", "junghee"), ("성민", "sungmin"), ("현주", "hyunjoo"), ("은정", "eunjung"), ("상훈", "sanghoon"),
        ("동현", "donghyun"), ("혜진", "hyejin"), ("경민", "kyungmin"), ("수진", "soojin"), ("지영", "jiyoung"),
        ("민호", "minho"), ("재원", "jaewon"), ("유진", "yujin"), ("진호", "jinho"), ("미경", "mikyung"),
        ("성호", "sungho"), ("순자", "soonja"), ("영자", "youngja"), ("정숙", "jungsook"), ("광수", "kwangsoo"),
    ]

    static let englishFirstNames = [
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William",
        "Susan", "Daniel", "Sarah", "Thomas", "Emily", "Chris", "Jessica", "Kevin", "Laura", "Brian", "Emma", "Ryan",
        "Olivia", "Lucas", "Sophia",
    ]

    static let englishLastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Moore",
        "Martin", "Clark", "Walker", "Young", "Hall", "Allen", "King", "Wright", "Scott",
    ]

    static let personalEmailDomains = ["naver.com", "naver.com", "naver.com", "gmail.com", "gmail.com", "daum.net", "kakao.com", "hanmail.net"]

    /// (stem, romanisation) of organisation names.
    static let organisationStems: [(String, String)] = [
        ("한빛", "hanbit"), ("다온", "daon"), ("새봄", "saebom"), ("푸른", "pureun"), ("누리", "nuri"), ("미래", "mirae"),
        ("태양", "taeyang"), ("하늘", "haneul"), ("바다", "bada"), ("가온", "gaon"), ("온누리", "onnuri"), ("다솜", "dasom"),
        ("해솔", "haesol"), ("아름", "areum"), ("별빛", "byeolbit"), ("우리", "woori"), ("대한", "daehan"), ("동방", "dongbang"),
        ("한강", "hangang"), ("세움", "seum"), ("이음", "ieum"), ("나래", "narae"), ("라온", "raon"), ("초록", "chorok"),
    ]

    /// (business type, romanisation).
    static let organisationTypes: [(String, String)] = [
        ("소프트", "soft"), ("테크", "tech"), ("상사", "trading"), ("식품", "food"), ("건설", "construction"),
        ("물산", "mulsan"), ("전자", "electronics"), ("디자인", "design"), ("컨설팅", "consulting"), ("푸드", "foods"),
        ("에듀", "edu"), ("바이오", "bio"), ("산업", "industry"), ("유통", "retail"), ("네트웍스", "networks"),
        ("미디어", "media"), ("약국", "pharmacy"), ("카페", "cafe"), ("안경", "optical"), ("치과", "dental"),
    ]

    static let tags = ["VIP", "온라인", "매장", "신규", "재구매", "이벤트", "단골", "휴면"]

    static let jobTitles = ["대표", "이사", "팀장", "과장", "대리", "담당자"]

    /// Seoul and a few regional area codes for landlines.
    static let areaCodes = ["02", "02", "02", "031", "032", "051", "053", "062", "042"]
}
