import LuaHost

/// The name a user most likely meant when they typed `typed`: one of `names` within a few
/// typing mistakes, or nil. "no framework 'involvment-audit'" is quicker to act on with the
/// right spelling beside it than with a list to read through.
public func closestName(to typed: String, among names: some Sequence<String>) -> String? {
    let typedCharacters = Array(typed.lowercased())
    // Up to a third of a short name, and at most three mistakes ("qs" is not "quality-standards");
    // a long one, such as a statement's text given as a column's header, a tenth of it.
    let count = typedCharacters.count
    let allowed = count > 30 ? count / 10 : min(3, max(1, count / 3))
    var best: (name: String, distance: Int)?
    for name in names where name != typed {
        let distance = editDistance(typedCharacters, Array(name.lowercased()))
        if distance <= allowed, distance < (best?.distance ?? .max) { best = (name, distance) }
    }
    return best?.name
}

/// How many characters must be inserted, removed, replaced or swapped with their neighbour to
/// turn `a` into `b` (optimal string alignment distance).
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], before[j - 2] + 1)
            }
        }
        (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
}

/// Gives the Lua that coprod runs `closestName` as `coprod._closest(typed, names)`: the framework
/// language's "did you mean" and the explore API's follow this one rule. Registered once per state.
public func offerClosestName(to state: LuaState) throws(LuaError) {
    let offered = try state.run("return type(coprod) == 'table' and coprod._closest ~= nil", chunkName: "=(coprod)").first
    guard offered != .boolean(true) else { return }
    try state.register("coprod._closest") { arguments in
        let names = try arguments.table(2).sequence.compactMap(\.stringValue)
        return [closestName(to: try arguments.string(1), among: names).map(LuaValue.string) ?? .nil]
    }
}
