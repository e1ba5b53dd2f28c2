/// "1 row", "3 rows": a count in a message or a report, read as a sentence whatever the number.
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}
