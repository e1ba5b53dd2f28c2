/// A Lua table read into Swift: its entries sorted by key, so iterating it never depends on
/// `pairs` order and output built from it is the same on every run.
///
/// Keys are booleans, numbers or strings. A float key with an integral value is stored as an
/// integer, as Lua does (`t[1.0]` is `t[1]`). Entries whose value is `nil` do not exist.
public struct LuaTable: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: LuaValue
        public var value: LuaValue
    }

    /// Entries in key order: booleans, then numbers (by value), then strings (by bytes).
    public private(set) var entries: [Entry] = []

    public init() {}

    /// A sequence: `array[0]` becomes `t[1]`. Nils leave holes.
    public init(array: [LuaValue]) {
        entries.reserveCapacity(array.count)
        for (offset, value) in array.enumerated() where !value.isNil {
            entries.append(Entry(key: .integer(Int64(offset + 1)), value: value))
        }
    }

    public init(dictionary: [String: LuaValue]) {
        self.init(pairs: dictionary.map { (LuaValue.string($0.key), $0.value) })
    }

    /// Later pairs replace earlier ones with the same key.
    public init<S: Sequence>(pairs: S) where S.Element == (LuaValue, LuaValue) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    public subscript(key: LuaValue) -> LuaValue {
        get {
            let key = LuaTable.normalized(key)
            let index = insertionIndex(for: key)
            return index < entries.count && entries[index].key == key ? entries[index].value : .nil
        }
        set {
            let key = LuaTable.normalized(key)
            guard !key.isNil else { return }
            let index = insertionIndex(for: key)
            let exists = index < entries.count && entries[index].key == key
            switch (exists, newValue.isNil) {
            case (true, true): entries.remove(at: index)
            case (true, false): entries[index].value = newValue
            case (false, false): entries.insert(Entry(key: key, value: newValue), at: index)
            case (false, true): break
            }
        }
    }

    public subscript(key: String) -> LuaValue {
        get { self[.string(key)] }
        set { self[.string(key)] = newValue }
    }

    public subscript(index: Int) -> LuaValue {
        get { self[.integer(Int64(index))] }
        set { self[.integer(Int64(index))] = newValue }
    }

    /// `t[1], t[2], ...` up to the first nil, as `ipairs` sees it.
    public var sequence: [LuaValue] {
        var values: [LuaValue] = []
        var index: Int64 = 1
        while true {
            let value = self[.integer(index)]
            if value.isNil { return values }
            values.append(value)
            index += 1
        }
    }

    private func insertionIndex(for key: LuaValue) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if LuaTable.precedes(entries[middle].key, key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func normalized(_ key: LuaValue) -> LuaValue {
        if case .number(let value) = key, let integer = LuaValue.exactInteger(value) {
            return .integer(integer)
        }
        return key
    }

    /// The total order of keys. Tables never appear as keys in a converted table.
    static func precedes(_ a: LuaValue, _ b: LuaValue) -> Bool {
        let (rankA, rankB) = (rank(a), rank(b))
        if rankA != rankB { return rankA < rankB }
        switch (a, b) {
        case (.boolean(let x), .boolean(let y)): return !x && y
        case (.integer(let x), .integer(let y)): return x < y
        case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.bytes(let x), .bytes(let y)): return x.lexicographicallyPrecedes(y)
        default:
            let (x, y) = (a.numberValue ?? .nan, b.numberValue ?? .nan)
            if x.isNaN || y.isNaN { return x.isNaN && !y.isNaN }
            if x != y { return x < y }
            if case .integer = a, case .number = b { return true }
            return false
        }
    }

    private static func rank(_ value: LuaValue) -> Int {
        switch value {
        case .nil: 0
        case .boolean: 1
        case .integer, .number: 2
        case .string, .bytes: 3
        case .table: 4
        }
    }
}

extension LuaTable: Sequence {
    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}

extension LuaTable: CustomStringConvertible {
    public var description: String {
        let items = entries.map { entry -> String in
            if case .string(let name) = entry.key, LuaTable.isIdentifier(name) {
                return "\(name) = \(entry.value)"
            }
            return "[\(entry.key)] = \(entry.value)"
        }
        return "{" + items.joined(separator: ", ") + "}"
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || (first | 0x20) >= 97 && (first | 0x20) <= 122
        else { return false }
        return text.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122)
        }
    }
}
