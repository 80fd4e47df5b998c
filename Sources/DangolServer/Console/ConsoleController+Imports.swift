import DangolApp
import DangolCore
import DangolCSV
import DangolStore
import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore

extension ConsoleController {
    /// `GET /imports`: the sales import form and the recent runs.
    @Sendable func importsPage(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try await renderImports(error: nil, source: "pos", request: request, context: context, status: .ok)
    }

    /// `POST /imports/transactions`: a `multipart/form-data` upload (`csrf`, `source`, then `file`), streamed to disk
    /// part by part — never held in memory — then imported in the background; on to the progress page.
    @Sendable func uploadTransactions(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try requireWrite(context)
        let principal = try principal(context)
        let strings = strings(request)
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.boundary(of: contentType) else {
            return try await renderImports(error: strings["import_noFile"], source: "pos", request: request, context: context, status: .badRequest)
        }
        let runner = TransactionImportRunner(services: services)
        let (runID, path) = try runner.uploadPath()
        let upload = try UploadedForm(boundary: boundary, filePath: path, limit: context.maxUploadSize)
        do {
            for try await buffer in request.body { try upload.consume(buffer) }
            try upload.finish()
        } catch {
            upload.discard()
            if upload.tooLarge { throw ConsolePageError.payloadTooLarge }
            return try await renderImports(error: strings["import_badUpload"], source: upload.fields["source"] ?? "pos", request: request,
                                           context: context, status: .badRequest)
        }
        guard let token = context.csrfToken, upload.fields["csrf"] == token else {
            upload.discard()
            throw ConsolePageError.csrfMismatch
        }
        let source = upload.fields["source"] ?? ""
        guard upload.fileBytes > 0 else {
            upload.discard()
            return try await renderImports(error: strings["import_noFile"], source: source, request: request, context: context, status: .unprocessableContent)
        }
        do {
            let run = try await runner.start(runID: runID, path: path, fileName: upload.fileName ?? "upload.csv", source: source, by: principal)
            return ConsoleRenderer.redirect("/imports/\(run.id)")
        } catch {
            guard error.code == .invalidInput else { throw error }
            return try await renderImports(error: strings["import_badSource"], source: source, request: request, context: context,
                                           status: .unprocessableContent)
        }
    }

    /// `GET /imports/{id}`: the run's progress (the page refreshes itself while it runs), its counts and the first
    /// rejected rows with their line and reason.
    @Sendable func importRun(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let run = try await TransactionImportRunner(services: services).run(try importID(context), for: principal)
        let mayReadRejects = Self.mayReadRejects(run, principal: principal)
        var rejects: [ImportRunPage.RejectRow] = []
        if mayReadRejects, run.status != .running, let path = run.rejectPath {
            rejects = Self.firstRejects(path: path, limit: 100)
        }
        let page = ImportRunPage(run: run, rejects: rejects, mayReadRejects: mayReadRejects, userNames: try await userNames(), strings: strings)
        return renderer.render(.importRun, title: strings["import_runTitle"], page: page, request: request, context: context)
    }

    /// `GET /imports/{id}/rejects.csv`: the rejected rows (line, reason, the row as it was) for the uploader, admins and
    /// managers — they hold the buyers' personal data as uploaded.
    @Sendable func importRejects(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        let run = try await TransactionImportRunner(services: services).run(try importID(context), for: principal)
        guard Self.mayReadRejects(run, principal: principal) else { throw ConsolePageError.forbidden }
        guard let path = run.rejectPath, let data = FileManager.default.contents(atPath: path) else { throw ConsolePageError.importNotFound }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"rejects-\(run.id).csv\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func renderImports(error: String?, source: String, request: Request, context: DangolRequestContext,
                               status: HTTPResponse.Status) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let runs = try await TransactionImportRunner(services: services).recent(for: principal)
        let page = ImportsPage(runs: runs, error: error, source: source, canWrite: principal.role.canWriteCustomers, userNames: try await userNames(),
                               strings: strings)
        return renderer.render(.imports, title: strings["import_title"], page: page, request: request, context: context, status: status)
    }

    private func importID(_ context: DangolRequestContext) throws -> String {
        guard let text = context.parameters.get("id"), CustomerID.isWellFormed(text) else { throw ConsolePageError.importNotFound }
        return text
    }

    static func mayReadRejects(_ run: ImportRunRecord, principal: Principal) -> Bool {
        principal.role == .admin || principal.role == .manager || run.startedBy == principal.userID
    }

    /// The `boundary` parameter of a multipart content type.
    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// The first rejected rows of a reject file (line, reason).
    static func firstRejects(path: String, limit: Int) -> [ImportRunPage.RejectRow] {
        guard let reader = try? CSVFileReader(path: path, options: CSVReaderOptions()) else { return [] }
        guard case .success(let header)? = reader.next() else { return [] }
        let lineColumn = header.fields.firstIndex(of: "line") ?? 0
        let reasonColumn = header.fields.firstIndex(of: "reason") ?? 1
        var rows: [ImportRunPage.RejectRow] = []
        while rows.count < limit, let next = reader.next() {
            guard case .success(let record) = next else { continue }
            let line = lineColumn < record.fields.count ? record.fields[lineColumn] : "?"
            var reason = reasonColumn < record.fields.count ? record.fields[reasonColumn] : ""
            // The file's reason repeats the line for readers of the CSV alone; the table has a column for it.
            if reason.hasPrefix("line \(line): ") { reason.removeFirst("line \(line): ".count) }
            rows.append(ImportRunPage.RejectRow(rejectLine: line, rejectReason: reason))
        }
        return rows
    }
}
