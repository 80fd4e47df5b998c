/// A small table of English given names and their common short forms (Robert/Bob, Katherine/Kate), so that
/// "Bob Smith" and "Robert Smith" reach the ``NameLevel/nickname`` level instead of looking like different people.
///
/// ```swift
/// EnglishNicknames.canonical("bob")    // "robert"
/// EnglishNicknames.canonical("kate")   // "katherine"
/// EnglishNicknames.canonical("minjun") // nil
/// ```
public enum EnglishNicknames {
    /// The formal name of a lowercased given name or nickname, or nil when the table does not know it. A formal name
    /// maps to itself, and alternative spellings (Catherine, Stephen) to one canonical form.
    public static func canonical(_ lowercasedGivenName: String) -> String? {
        table[lowercasedGivenName]
    }

    /// (formal name, its variants and short forms).
    static let groups: [(String, [String])] = [
        ("robert", ["bob", "bobby", "rob", "robbie", "bert"]),
        ("william", ["bill", "billy", "will", "willie", "liam"]),
        ("katherine", ["catherine", "kathryn", "kate", "katie", "kathy", "cathy", "kat", "kitty"]),
        ("elizabeth", ["liz", "lizzie", "beth", "betty", "eliza", "libby"]),
        ("margaret", ["maggie", "meg", "peggy", "marge"]),
        ("michael", ["mike", "mikey", "mick"]),
        ("james", ["jim", "jimmy", "jamie"]),
        ("john", ["johnny", "jack", "jon"]),
        ("richard", ["rick", "ricky", "rich", "dick"]),
        ("thomas", ["tom", "tommy"]),
        ("christopher", ["chris", "topher"]),
        ("christine", ["chris", "chrissy", "tina"]),
        ("daniel", ["dan", "danny"]),
        ("david", ["dave", "davey"]),
        ("joseph", ["joe", "joey"]),
        ("jennifer", ["jen", "jenny"]),
        ("patricia", ["pat", "patty", "trish"]),
        ("susan", ["sue", "susie"]),
        ("edward", ["ed", "eddie", "ted"]),
        ("anthony", ["tony"]),
        ("matthew", ["matt"]),
        ("nicholas", ["nick", "nicky"]),
        ("samuel", ["sam", "sammy"]),
        ("benjamin", ["ben", "benny"]),
        ("alexander", ["alex", "sasha"]),
        ("andrew", ["andy", "drew"]),
        ("steven", ["stephen", "steve"]),
        ("jonathan", ["jonny"]),
        ("timothy", ["tim", "timmy"]),
        ("charles", ["charlie", "chuck"]),
        ("deborah", ["deb", "debbie"]),
        ("rebecca", ["becky", "becca"]),
        ("jessica", ["jess", "jessie"]),
        ("emily", ["em", "emmy"]),
        ("olivia", ["liv", "livvy"]),
        ("sophia", ["sophie"]),
        ("laura", ["laurie"]),
        ("kevin", ["kev"]),
        ("brian", ["bri"]),
        ("lucas", ["luke"]),
        ("emma", ["emmy"]),
        ("mary", ["molly", "polly"]),
        ("linda", ["lindy"]),
        ("sarah", ["sara", "sally"]),
        ("ryan", []),
    ]

    /// Variant → formal name. Where a short form fits two names (Chris), the first group wins.
    private static let table: [String: String] = {
        var table: [String: String] = [:]
        for (formal, variants) in groups {
            table[formal] = table[formal] ?? formal
            for variant in variants where table[variant] == nil { table[variant] = formal }
        }
        return table
    }()
}
