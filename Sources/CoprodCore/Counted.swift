/// "1 row", "30,000 rows": a count in a message or a report, read as a sentence whatever the
/// number, and grouped as the progress line groups it (files for programs keep plain numbers).
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(grouped(count)) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// 1234567 as "1,234,567": a count on a terminal, where a run of seven digits is hard to read.
public func grouped(_ number: Int) -> String {
    var digits = String(number.magnitude)
    var groups: [Substring] = []
    while digits.count > 3 {
        groups.insert(digits.suffix(3), at: 0)
        digits.removeLast(3)
    }
    groups.insert(Substring(digits), at: 0)
    return (number < 0 ? "-" : "") + groups.joined(separator: ",")
}

/// Seconds as a person says them: "45 s", "3 min 05 s", "1 h 02 min" (whole seconds, rounded
/// up, so that nothing left reads as 0 s).
public func spokenDuration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds < 100 * 3600 else { return "over 100 h" }
    let whole = Int(max(0, seconds).rounded(.up))
    if whole < 60 { return "\(whole) s" }
    if whole < 3600 { return "\(whole / 60) min \(twoDigits(whole % 60)) s" }
    return "\(whole / 3600) h \(twoDigits(whole % 3600 / 60)) min"
}

private func twoDigits(_ number: Int) -> String {
    number < 10 ? "0\(number)" : "\(number)"
}
