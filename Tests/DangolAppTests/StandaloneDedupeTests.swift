import DangolApp
import DangolCore
import DangolCSV
import DangolIdentity
import Foundation
import Testing

@Suite("Standalone dedupe of a CSV file")
struct StandaloneDedupeTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dangol-dedupe-\(UUID().uuidString)-\(name)").path
    }

    static func rows(of path: String) throws -> [[String]] {
        let reader = try CSVFileReader(path: path)
        return reader.compactMap { try? $0.get().fields }
    }

    @Test("A generated file resolves into record_id,cluster_id with the quality floors met")
    func generatedFile() throws {
        let input = Self.temporaryPath("ids.csv"), output = Self.temporaryPath("clusters.csv")
        let review = Self.temporaryPath("review.csv")
        defer { for path in [input, output, review] { try? FileManager.default.removeItem(atPath: path) } }
        try SyntheticIdentityCSV(generator: SyntheticIdentityGenerator(seed: 11)).write(records: 3_000, to: input)

        let summary = try StandaloneDedupe().run(input: input, mapping: .automatic, output: output,
                                                 truthColumn: "entity_id", reviewOutput: review)
        let clusters = try Self.rows(of: output)
        #expect(clusters.first == ["record_id", "cluster_id"])
        #expect(clusters.count == 3_001)
        #expect(clusters.dropFirst().map(\.[0]) == (1...3_000).map { "r\($0)" })
        #expect(Set(clusters.dropFirst().map(\.[1])).count == summary.statistics.clusters)
        #expect(try Self.rows(of: review).first == ["left_record_id", "right_record_id", "probability", "weight"])
        #expect(summary.records == 3_000)
        #expect(summary.valuesDropped == 0)
        let score = try #require(summary.score)
        #expect(score.precision >= 0.99)
        #expect(score.f1 >= 0.98)
    }

    @Test("A mapping file names other headers; several columns may fill phone")
    func mappingFile() throws {
        let input = Self.temporaryPath("members.csv"), output = Self.temporaryPath("clusters.csv")
        defer { for path in [input, output] { try? FileManager.default.removeItem(atPath: path) } }
        let csv = """
            회원코드,회원명,핸드폰,자택전화,생일,메모
            A1,김민준,010-1234-5678,,1990-03-07,
            A2,김 민준,,01012345678,19900307,VIP
            A3,이서연,010-9999-8888,,1985-12-01,
            """
        try csv.write(toFile: input, atomically: true, encoding: .utf8)
        let mapping = try DedupeMapping.parse("""
            # our member export
            회원코드=id
            회원명=name
            핸드폰=phone
            자택전화=phone
            생일=birth_date
            메모=-
            """)
        _ = try StandaloneDedupe().run(input: input, mapping: mapping, output: output)
        #expect(try Self.rows(of: output) == [["record_id", "cluster_id"], ["A1", "A1"], ["A2", "A1"], ["A3", "A3"]])
    }

    @Test("Mapping mistakes are reported before anything is written")
    func mappingErrors() throws {
        #expect(throws: DangolError.self) { try DedupeMapping.parse("이름=nickname") }
        #expect(throws: DangolError.self) { try DedupeMapping.parse("no equals sign") }
        let input = Self.temporaryPath("bad.csv"), output = Self.temporaryPath("out.csv")
        defer { for path in [input, output] { try? FileManager.default.removeItem(atPath: path) } }
        try "a,b\n1,2\n".write(toFile: input, atomically: true, encoding: .utf8)
        #expect(throws: DangolError.self) { try StandaloneDedupe().run(input: input, mapping: .automatic, output: output) }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
