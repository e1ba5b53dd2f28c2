/// Scores per role. Most organisations answer in one role, so one role is kept without a
/// dictionary: a batch makes one of these for every indicator and section of every organisation.
public struct RoleScores: Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        case one(String, Score)
        case many([String: Score])
    }

    private var storage: Storage = .many([:])

    public init() {}

    public init(_ scores: [String: Score]) {
        if scores.count == 1, let (role, score) = scores.first {
            storage = .one(role, score)
        } else {
            storage = .many(scores)
        }
    }

    /// One role's score.
    public init(role: String, score: Score) {
        storage = .one(role, score)
    }

    /// The role and score when there is exactly one, kept without a dictionary.
    public var single: (role: String, score: Score)? {
        if case .one(let role, let score) = storage { return (role, score) }
        return nil
    }

    public var isEmpty: Bool {
        if case .many(let scores) = storage { return scores.isEmpty }
        return false
    }

    public subscript(role: String) -> Score? {
        switch storage {
        case .one(let only, let score): only == role ? score : nil
        case .many(let scores): scores[role]
        }
    }

    public var dictionary: [String: Score] {
        switch storage {
        case .one(let role, let score): [role: score]
        case .many(let scores): scores
        }
    }

    /// Calls `body` with each role and score in order of the roles' names (so output never
    /// depends on hashing), without making a list for a single role.
    public func forEachSorted(_ body: (String, Score) -> Void) {
        switch storage {
        case .one(let role, let score): body(role, score)
        case .many(let scores): for (role, score) in scores.sorted(by: { $0.key < $1.key }) { body(role, score) }
        }
    }
}
