/// The few statistics evaluation needs, on plain arrays.
enum Statistics {
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    static func median(_ values: [Double]) -> Double? {
        guard values.count > 1 else { return values.first }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median of ordered categories: with an even count, the lower of the two middle ones,
    /// because a tier between two tiers is not met.
    static func lowerMedian(_ values: [Int]) -> Int? {
        guard values.count > 1 else { return values.first }
        return values.sorted()[(values.count - 1) / 2]
    }
}
