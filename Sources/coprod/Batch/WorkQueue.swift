import Foundation

/// A bounded first-in first-out queue between threads: `put` waits while it is full, `take` waits
/// while it is empty, and after `close` takes drain what is left and then return nil.
final class WorkQueue<Element: Sendable>: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    // Small by construction (at most `capacity`), so removing from the front is cheap, and a
    // taken element is released at once.
    private var items: [Element] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func put(_ item: Element) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Puts results that finish in any order back into their input order.
final class ReorderBuffer<Element: Sendable>: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var waiting: [Int: Element] = [:]
    private var next = 0
    private var finished = false

    /// Adds several at once; wakes the writer only when the one it waits for has arrived.
    func add(_ elements: [(Int, Element)]) {
        condition.lock()
        for (index, element) in elements { waiting[index] = element }
        if waiting[next] != nil { condition.broadcast() }
        condition.unlock()
    }

    /// Everything that has arrived in order from the next index on (at most `limit`), waiting
    /// for the first; empty once `finish` was called and all are out.
    func takeReady(limit: Int = 1024) -> [Element] {
        condition.lock()
        defer { condition.unlock() }
        while waiting[next] == nil && !(finished && waiting.isEmpty) { condition.wait() }
        var ready: [Element] = []
        while ready.count < limit, let element = waiting.removeValue(forKey: next) {
            ready.append(element)
            next += 1
        }
        return ready
    }

    /// The index the writer waits for.
    var nextIndex: Int {
        condition.lock()
        defer { condition.unlock() }
        return next
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
