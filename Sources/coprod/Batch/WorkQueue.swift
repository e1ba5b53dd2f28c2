import Foundation

/// A bounded first-in first-out queue between threads: `put` waits while it is full, `take` waits
/// while it is empty, and after `close` takes drain what is left and then return nil.
final class WorkQueue<Element: Sendable>: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func put(_ item: Element) {
        condition.lock()
        while items.count - head >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
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

    func add(_ element: Element, at index: Int) { add([(index, element)]) }

    /// Adds several at once; wakes the writer only when the one it waits for has arrived.
    func add(_ elements: [(Int, Element)]) {
        condition.lock()
        for (index, element) in elements { waiting[index] = element }
        if waiting[next] != nil { condition.broadcast() }
        condition.unlock()
    }

    /// The next element in order, waiting for it; nil once `finish` was called and all are out.
    func takeNext() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while waiting[next] == nil && !(finished && waiting.isEmpty) { condition.wait() }
        guard let element = waiting.removeValue(forKey: next) else { return nil }
        next += 1
        return element
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
