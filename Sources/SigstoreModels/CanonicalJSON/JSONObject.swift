/// The members of a JSON object, kept in RFC 8785 order (keys sorted by UTF-16 code units).
///
/// Keys are compared code unit by code unit, never by Unicode canonical equivalence as Swift's
/// `String ==` does: `"\u{212A}"` (KELVIN SIGN) and `"K"` are different members here, as they are
/// to every other JSON implementation.
public struct JSONObject: Sendable {
    /// One member of an object.
    public struct Member: Sendable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in canonical order.
    public private(set) var members: [Member]

    /// An empty object.
    public init() {
        self.members = []
    }

    /// Creates an object from members in any order.
    ///
    /// - Throws: `ModelError` with code `.malformedJSON` when two members have the same key.
    public init(members: some Sequence<Member>) throws(ModelError) {
        var sorted = Array(members)
        sorted.sort { JSONObject.precedes($0.key, $1.key) }
        for index in sorted.indices.dropFirst() where JSONObject.same(sorted[index - 1].key, sorted[index].key) {
            throw ModelError(.malformedJSON, field: sorted[index].key, "duplicate object member")
        }
        self.members = sorted
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    /// Member names in canonical order.
    public var keys: [String] { members.map(\.key) }

    /// The value of the member named `key`, or `nil`. Setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            let index = insertionIndex(for: key)
            guard index < members.count, JSONObject.same(members[index].key, key) else { return nil }
            return members[index].value
        }
        set {
            let index = insertionIndex(for: key)
            let exists = index < members.count && JSONObject.same(members[index].key, key)
            switch (newValue, exists) {
            case (let value?, true): members[index].value = value
            case (let value?, false): members.insert(Member(key: key, value: value), at: index)
            case (nil, true): members.remove(at: index)
            case (nil, false): break
            }
        }
    }

    /// Whether the object has a member with exactly this key.
    public func contains(key: String) -> Bool {
        self[key] != nil
    }

    private func insertionIndex(for key: String) -> Int {
        var low = 0
        var high = members.count
        while low < high {
            let middle = (low + high) / 2
            if JSONObject.precedes(members[middle].key, key) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// RFC 8785 §3.2.3: compare keys as arrays of UTF-16 code units.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }

    static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.elementsEqual(rhs.utf16)
    }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { same($0.key, $1.key) && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            JSONValue.hashExactly(member.key, into: &hasher)
            hasher.combine(member.value)
        }
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal; a repeated key is a programming error and traps, as it
    /// does for `Dictionary` literals.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        do {
            try self.init(members: elements.map { Member(key: $0.0, value: $0.1) })
        } catch {
            preconditionFailure("duplicate key \(error.field) in a JSONObject literal")
        }
    }
}
