/// Runs async units of work one at a time, in arrival order. Used to give a single SQLite connection to one
/// transaction at a time.
final class SerialGate: Sendable {
    private let state = GateState()

    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await state.acquire()
        do {
            let result = try await body()
            await state.release()
            return result
        } catch {
            await state.release()
            throw error
        }
    }
}

private actor GateState {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
