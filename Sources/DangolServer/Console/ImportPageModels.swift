import DangolApp
import DangolCore
import DangolStore

/// `GET /imports`: the upload form and the recent runs.
struct ImportsPage: Sendable {
    struct Row: Sendable {
        var runURL: String; var runFile: String; var runSource: String; var runStatus: String; var runStatusCode: String
        var runRows: String; var runCreated: String; var runRejected: String; var runStarted: String; var runBy: String
    }

    var rows: [Row]
    var hasRuns: Bool
    var canWrite: Bool
    var errorMessage: String?
    var sourceField: FormField

    init(runs: [ImportRunRecord], error: String?, source: String, canWrite: Bool, userNames: [String: String], strings: ConsoleStrings) {
        rows = runs.map { run in
            Row(runURL: "/imports/\(run.id)", runFile: run.fileName, runSource: run.source, runStatus: strings["import_status_" + run.status.rawValue],
                runStatusCode: run.status.rawValue, runRows: ConsoleFormat.number(run.rowsRead), runCreated: ConsoleFormat.number(run.created),
                runRejected: ConsoleFormat.number(run.rejected), runStarted: ConsoleFormat.time(run.startedAt),
                runBy: userNames[run.startedBy] ?? run.startedBy)
        }
        hasRuns = !rows.isEmpty
        self.canWrite = canWrite
        errorMessage = error
        sourceField = FormField(id: "import-source", name: "source", label: strings["import_source"], value: source,
                                help: strings["import_sourceHelp"], required: true, maxLength: 60)
    }
}

/// `GET /imports/{id}`: one run's progress and outcome.
struct ImportRunPage: Sendable {
    struct Fact: Sendable { var factLabel: String; var factValue: String }
    struct RejectRow: Sendable { var rejectLine: String; var rejectReason: String }

    var runID: String
    var fileName: String
    var statusLabel: String
    var statusCode: String
    var running: Bool
    /// Seconds until the page reloads itself (while the import runs).
    var refreshSeconds: Int?
    var percent: Int
    var facts: [Fact]
    var message: String?
    var rejects: [RejectRow]
    var hasRejects: Bool
    var rejectsURL: String?
    var rejectsHidden: Bool

    init(run: ImportRunRecord, rejects: [RejectRow], mayReadRejects: Bool, userNames: [String: String], strings: ConsoleStrings) {
        runID = run.id
        fileName = run.fileName
        statusLabel = strings["import_status_" + run.status.rawValue]
        statusCode = run.status.rawValue
        running = run.status == .running
        refreshSeconds = running ? 2 : nil
        percent = run.totalBytes > 0 ? Int(min(100, run.bytesRead * 100 / run.totalBytes)) : (running ? 0 : 100)
        facts = [
            Fact(factLabel: strings["import_source"], factValue: run.source),
            Fact(factLabel: strings["import_rowsRead"], factValue: ConsoleFormat.number(run.rowsRead)),
            Fact(factLabel: strings["import_created"], factValue: ConsoleFormat.number(run.created)),
            Fact(factLabel: strings["import_identified"], factValue: ConsoleFormat.number(run.identified)),
            Fact(factLabel: strings["import_unchanged"], factValue: ConsoleFormat.number(run.unchanged)),
            Fact(factLabel: strings["import_rejected"], factValue: ConsoleFormat.number(run.rejected)),
            Fact(factLabel: strings["import_startedAt"], factValue: ConsoleFormat.time(run.startedAt) + " · " + (userNames[run.startedBy] ?? run.startedBy)),
        ]
        if let finished = run.finishedAt {
            let seconds = max(0, finished.rawValue - run.startedAt.rawValue) / 1000
            facts.append(Fact(factLabel: strings["import_finishedAt"], factValue: ConsoleFormat.time(finished) + " (\(seconds)s)"))
        }
        message = run.message
        self.rejects = rejects
        hasRejects = !rejects.isEmpty
        rejectsURL = mayReadRejects && run.rejectPath != nil && !running ? "/imports/\(run.id)/rejects.csv" : nil
        rejectsHidden = !mayReadRejects && run.rejected > 0
    }
}
