/// A key's bytes as a set or dictionary key: hashed in one go, where an `ArraySlice`'s own
/// hashing takes a byte at a time, which showed in reading every key of every respondent.
public struct KeyBytes: Hashable {
    public let bytes: ArraySlice<UInt8>

    /// Looks `bytes` up as they are: to keep one, use `copy()`, so that it does not hold on to
    /// the text it came from.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    public func copy() -> KeyBytes { KeyBytes(Array(bytes)[...]) }

    public static func == (left: KeyBytes, right: KeyBytes) -> Bool { left.bytes.elementsEqual(right.bytes) }

    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
